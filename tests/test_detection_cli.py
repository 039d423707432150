"""``newswatch detect`` and ``newswatch rules check|explain|schema``, without Kafka."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import jsonschema  # type: ignore[import-untyped]
import pytest
import yaml

from newswatch.schemas.errors import ConfigError
from newswatch.streams.detection import cli

RULES = """\
companies:
  - name: Meta Platforms
    aliases: [Meta, Facebook]
    tickers: [META]
    exclude: [meta-analysis]
  - name: OpenAI
  - name: Scale AI
  - name: Apple
    tickers: [AAPL]
watches:
  - name: meta-deals
    companies: [Meta Platforms]
    events: [acquisition, investment]
    channels: ["#deals"]
    min_confidence: 0.5
  - name: strict-hires
    companies: [Meta Platforms, OpenAI]
    events: [executive_hire]
    channels: ["#talent"]
    min_confidence: 0.95
"""


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="newswatch")
    cli.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    code: int = args.handler(args)
    return code


@pytest.fixture
def rules_file(tmp_path: Path) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(RULES)
    return path


def test_detect_skips_a_bad_line_and_processes_the_rest(
        rules_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    articles = tmp_path / "articles.jsonl"
    articles.write_text("\n".join([
        json.dumps({"id": "a1", "title": "Meta invests $14.3 billion in Scale AI",
                    "expected": [{"company": "Meta Platforms"}], "tags": ["x"]}),
        '{"id": "a2", "title": ',  # truncated JSON
        json.dumps({"id": "a3", "title": "   "}),  # blank title fails validation
        json.dumps({"id": "a4", "title": "OpenAI researcher joins Meta as chief scientist",
                    "link": "https://example.test/a4", "source": "Wire"}),
        "",
    ]))
    out = tmp_path / "events.jsonl"
    assert run(["detect", "--rules", str(rules_file), "--input", str(articles),
                "--output", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"{articles}:2: skipped: not valid JSON" in err
    assert f"{articles}:3: skipped:" in err and "title" in err
    assert "2 article(s)" in err and "2 bad line(s)" in err
    events = [json.loads(line) for line in out.read_text().splitlines()]
    keys = {(e["article_id"], e["company"], e["event_type"], e["role"]) for e in events}
    assert keys == {
        ("a1", "Meta Platforms", "investment", "investor"),
        ("a1", "Scale AI", "investment", "recipient"),
        ("a4", "Meta Platforms", "executive_hire", "hiring_company"),
        ("a4", "OpenAI", "executive_departure", "losing_company"),
    }
    investor = next(e for e in events if e["role"] == "investor")
    assert investor["amount"] == "$14.3 billion"
    assert investor["counterparty"] == "Scale AI"
    assert investor["evidence"] and 0 < investor["confidence"] <= 1


def test_detect_in_several_processes_writes_what_one_writes_in_input_order(
        rules_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newswatch.streams.detection import offline

    titles = ["Meta invests $14.3 billion in Scale AI", "OpenAI researcher joins Meta",
              "Meta to cut 3,000 jobs", "Apple (AAPL) shares rose 2%"]
    lines = [json.dumps({"id": f"a{i}", "title": titles[i % 4],
                         "published": "2026-06-01T09:00:00Z"}) for i in range(1, 701)]
    lines[349] = "not json"
    articles = tmp_path / "articles.jsonl"
    articles.write_text("\n".join(lines) + "\n")
    outputs = []
    for jobs in ("1", "3"):
        out = tmp_path / f"events-{jobs}.jsonl"
        assert run(["detect", "--rules", str(rules_file), "--input", str(articles),
                    "--output", str(out), "--jobs", jobs]) == 0
        err = capsys.readouterr().err
        assert f"{articles}:350: skipped: not valid JSON" in err
        assert "699 article(s)" in err
        outputs.append(out.read_text())
    assert outputs[0] == outputs[1]  # batches come back in the order they went out
    ids = [json.loads(line)["article_id"] for line in outputs[0].splitlines()]
    # 700 lines, one in four with no event (Apple), one not JSON (a350, a layoff)
    assert ids == sorted(ids, key=lambda a: int(a[1:])) and len(set(ids)) == 524
    assert len(lines) // offline.BATCH_LINES >= 3  # enough batches for three processes
    with pytest.raises(ConfigError, match="--jobs: must be 1 or more"):
        run(["detect", "--rules", str(rules_file), "--input", str(articles), "--jobs", "0"])


def test_detect_forks_only_when_no_other_thread_runs(rules_file: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """fork is fast but unsafe beside other threads; with one running, the fork server
    is used, and both ways write the same events."""
    import threading

    from newswatch.streams.detection import offline

    lines = [json.dumps({"id": f"a{i}", "title": "Meta to cut 3,000 jobs",
                         "published": "2026-06-01T09:00:00Z"}) for i in range(450)]
    articles = tmp_path / "articles.jsonl"
    articles.write_text("\n".join(lines) + "\n")
    argv = ["detect", "--rules", str(rules_file), "--input", str(articles), "--jobs", "2"]
    # The forked run in a fresh process of its own, which runs one thread whatever this
    # test process has started: the way `newswatch detect` runs.
    forked_run = subprocess.run(
        [sys.executable, "-c",
         "import sys; from newswatch.streams.detection import offline; "
         "assert offline._start_method() == 'fork', offline._start_method(); "
         "from newswatch.cli import main; sys.exit(main(sys.argv[1:]))",
         *argv, "--output", str(tmp_path / "forked.jsonl")],
        capture_output=True, text=True, check=False)
    assert forked_run.returncode == 0, forked_run.stderr[-600:]
    assert "450 article(s), 450 event(s)" in forked_run.stderr
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        assert offline._start_method() in ("forkserver", "spawn")
        assert run([*argv, "--output", str(tmp_path / "served.jsonl")]) == 0
    finally:
        stop.set()
        other.join()
    assert "450 article(s), 450 event(s)" in capsys.readouterr().err
    forked = (tmp_path / "forked.jsonl").read_text()
    assert forked == (tmp_path / "served.jsonl").read_text() and forked.count("\n") == 450


def test_detect_writes_to_stdout_and_strict_fails_on_bad_lines(
        rules_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    articles = tmp_path / "articles.jsonl"
    articles.write_text('{"id": "a1", "title": "Meta to cut 3,000 jobs"}\nnot json\n')
    assert run(["detect", "--rules", str(rules_file), "--input", str(articles),
                "--strict"]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out.splitlines()[0])["event_type"] == "layoffs"
    assert f"{articles}:2:" in captured.err


def test_rules_check_summarises_a_good_file(
        rules_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["rules", "check", str(rules_file)]) == 0
    out = capsys.readouterr().out
    assert "companies: 4" in out
    assert "aliases: 2" in out
    assert "watches: 2" in out
    assert "#deals" in out and "#talent" in out
    assert "acquisition, executive_hire, investment" in out
    # Names that need corroboration, each with its company and the reason.
    assert "names needing corroboration (counted only when the article also gives the full " \
        "name or a ticker" in out
    assert "  Apple (Apple): it is also an everyday word\n" in out
    assert "  Meta (Meta Platforms): it is also an everyday word\n" in out


def test_rules_check_names_file_and_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(RULES.replace("events: [executive_hire]", "events: [executive_hrie]"))
    with pytest.raises(ConfigError, match=r"broken\.yaml:18: unknown event type 'executive_hrie'"):
        run(["rules", "check", str(broken)])
    bad_yaml = tmp_path / "bad.yaml"
    bad_yaml.write_text("companies:\n  - name: [unclosed\n")
    with pytest.raises(ConfigError, match=r"bad\.yaml:\d+: not valid YAML"):
        run(["rules", "check", str(bad_yaml)])


def test_rules_explain_text(rules_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = ("Meta in talks to buy Perplexity\n"
            "Meta Platforms is in talks to acquire Perplexity AI. OpenAI denied that it "
            "was in talks to acquire Scale AI. Apple pie sales rose.")
    assert run(["rules", "explain", "--rules", str(rules_file), text]) == 0
    out = capsys.readouterr().out
    assert "Meta Platforms: counted" in out
    assert "Apple: NOT counted (common word without corroboration" in out
    assert "Meta Platforms acquisition (acquirer)" in out
    assert "stage: talks" in out
    assert "denied" in out  # the OpenAI sentence is listed as not an event, with the reason
    assert "meta-deals: FIRES Meta Platforms acquisition -> #deals" in out
    assert "strict-hires: does not fire Meta Platforms acquisition: event type 'acquisition' " \
           "not covered by the watch" in out


def test_rules_explain_json_from_article_file(
        rules_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "article.json"
    article.write_text(json.dumps({"id": "x1", "title": "OpenAI hires Meta's head of AI"}))
    assert run(["rules", "explain", "--rules", str(rules_file), "--input", str(article),
                "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["article_id"] == "x1"
    assert {(e["company"], e["event_type"]) for e in report["events"]} == {
        ("OpenAI", "executive_hire"), ("Meta Platforms", "executive_departure")}
    verdicts = {(v["watch"], v["company"], v["event_type"]): v for v in report["watches"]}
    strict = verdicts[("strict-hires", "OpenAI", "executive_hire")]
    assert not strict["fires"]
    assert "below min_confidence 0.95" in strict["reason"]
    assert "company 'OpenAI' not covered" in verdicts[
        ("meta-deals", "OpenAI", "executive_hire")]["reason"]


def test_rules_schema_validates_the_example(
        rules_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["rules", "schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    jsonschema.validate(yaml.safe_load(RULES), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"companies": [{"nme": "typo"}]}, schema)
