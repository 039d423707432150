"""The rules file: valid files load, every error names file:line and suggests a fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from newswatch.schemas import ConfigError, load_rules

ROOT = Path(__file__).resolve().parents[1]

GOOD = """\
companies:
  - name: Meta Platforms
    aliases: [Meta, Facebook]
    tickers: [META]
    exclude: ["meta-analysis"]
  - name: OpenAI
watches:
  - name: ai-talent
    companies: [Meta Platforms]
    events: [executive_hire, launch_delay, acquisition]
    channels: ["#ai-intel", {channel: "#exec", mentions: [here]}]
    min_confidence: 0.6
  - name: all
    companies: ["*"]
    events: ["*"]
    channels: ["#firehose"]
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(text)
    return path


def test_good_file_loads(tmp_path: Path) -> None:
    rules = load_rules(_write(tmp_path, GOOD))
    assert [c.name for c in rules.companies] == ["Meta Platforms", "OpenAI"]
    watch = rules.watches[0]
    assert [s.channel for s in watch.subscriptions] == ["#ai-intel", "#exec"]
    assert watch.subscriptions[1].mentions == ["here"]
    assert watch.covers("Meta Platforms", "acquisition")
    assert not watch.covers("Meta Platforms", "layoffs")
    assert not watch.covers("OpenAI", "acquisition")
    assert rules.watches[1].covers("OpenAI", "legal")


def test_bundled_sample_rules_load() -> None:
    rules = load_rules(ROOT / "samples" / "rules.yaml")
    assert rules.company("Meta Platforms") is not None


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("events: [executive_hire, launch_delay, acquisition]",
         "events: [executive_hire, launch_delay, aquisition]",
         r"rules.yaml:10: unknown event type 'aquisition' \(did you mean 'acquisition'\?\)"),
        ("    tickers: [META]", "    ticker: [META]",
         r"rules.yaml:4: unknown key 'ticker' \(did you mean 'tickers'\?\)"),
        ("    companies: [Meta Platforms]", "    companies: [Meta Platfroms]",
         r"rules.yaml:9: .*unknown company 'Meta Platfroms' \(did you mean 'Meta Platforms'\?\)"),
        ("  - name: all", "  - name: ai-talent",
         r"rules.yaml:13: .*duplicate watch name 'ai-talent'"),
        ("    min_confidence: 0.6", "    min_confidence: 1.6",
         r"rules.yaml:12: watches\[0\]\.min_confidence must be at most 1$"),
        ("mentions: [here]", "mentions: [everybody]",
         r"rules.yaml:11: .*mention 'everybody'"),
        ("  - name: OpenAI", "  - name: OpenAI\n   bad: [", r"rules.yaml:\d+: not valid YAML"),
    ],
)
def test_errors_name_file_and_line(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert old in GOOD
    path = _write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(ConfigError, match=expected):
        load_rules(path)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"nope.yaml: cannot read file"):
        load_rules(tmp_path / "nope.yaml")


def test_empty_file_is_an_error_not_empty_rules(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"rules.yaml:1: the file is empty"):
        load_rules(_write(tmp_path, "# nothing yet\n"))


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"rules.yaml:1: expected a mapping"):
        load_rules(_write(tmp_path, "- just\n- a list\n"))
