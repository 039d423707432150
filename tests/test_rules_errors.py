"""Rules files with many mistakes, and hostile ones: every problem at once with file:line,
duplicate keys and names naming both lines, alias bombs, deep nesting and bad encodings
refused in seconds."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from newswatch.cli import main
from newswatch.schemas import ConfigError, load_rules, yamlsafe

MANY_MISTAKES = """\
companies:
  - name: Meta Platforms
    aliases: Meta
  - name: OpenAI
    ticker: [OAI]
  - name: meta platforms
watches:
  - name: ai-talent
    companies: [Meta Platfroms]
    events: [executive_hire, aquisition]
    channels: [5, {channel: "#exec", mentions: [everybody]}, "#ok"]
    min_confidence: high
  - name: ai-talent
    companies: [OpenAI]
    events: []
    channels: ["#x"]
    dedupe_hours: 0
"""


def _write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "rules.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text)
    return path


def test_every_problem_is_reported_at_once_in_plain_words(tmp_path: Path) -> None:
    path = _write(tmp_path, MANY_MISTAKES)
    with pytest.raises(ConfigError) as info:
        load_rules(path)
    expected = [f"  {path}:{line}" for line in [
        "3: companies[0].aliases must be a list, like [a, b]",
        "5: unknown key 'ticker' (did you mean 'tickers'?) in companies[1]",
        "6: duplicate company name 'meta platforms', same as 'Meta Platforms' ignoring case "
        "(first on line 2)",
        "9: unknown company 'Meta Platfroms' (did you mean 'Meta Platforms'?)",
        "10: unknown event type 'aquisition' (did you mean 'acquisition'?) at "
        "watches[0].events[1]",
        "11: watches[0].channels[0] must be a channel like '#alerts' or a mapping like "
        "{channel: '#alerts', mentions: [here]}",
        "11: watches[0].channels[1].mentions: mention 'everybody' must be 'here', 'channel', "
        "'everyone' or a user/group id",
        "12: watches[0].min_confidence must be a number",
        "13: duplicate watch name 'ai-talent' (first on line 8)",
        "15: watches[1].events must not be empty",
        "17: watches[1].dedupe_hours must be more than 0",
    ]]
    assert str(info.value).splitlines() == [f"{path}: 11 problems", *expected]
    assert "Input should be" not in str(info.value) and "more problem" not in str(info.value)


def test_rules_check_prints_every_problem_and_exits_2(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, MANY_MISTAKES)
    assert main(["rules", "check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"newswatch: error: {path}: 11 problems\n")
    assert f"  {path}:17: watches[1].dedupe_hours must be more than 0\n" in err
    assert "Traceback" not in err


def test_missing_keys_and_unknown_values_are_named(tmp_path: Path) -> None:
    path = _write(tmp_path, "companies:\n  - aliases: [X]\nwatches:\n  - name: w\n"
                            "    companies: ['*']\n    events: ['*']\n    channels: ['#a']\n"
                            "    template: fancy\n")
    with pytest.raises(ConfigError) as info:
        load_rules(path)
    assert str(info.value).splitlines()[1:] == [
        f"  {path}:2: missing required key 'name' in companies[0]",
        f"  {path}:8: unknown value 'fancy' (choose from: default, compact) at "
        "watches[0].template",
    ]


def test_duplicate_yaml_keys_name_both_lines(tmp_path: Path) -> None:
    path = _write(tmp_path, "companies:\n  - name: A\nwatches: []\ncompanies:\n  - name: B\n"
                            "    aliases: [x]\n    aliases: [y]\n")
    with pytest.raises(ConfigError) as info:
        load_rules(path)
    assert str(info.value).splitlines()[1:] == [
        f"  {path}:4: duplicate key 'companies' (first on line 1): YAML would silently keep "
        "only the second; merge them into one",
        f"  {path}:7: duplicate key 'aliases' (first on line 6): YAML would silently keep "
        "only the second; merge them into one",
    ]


BOMB = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def test_alias_bomb_is_refused_in_well_under_a_second(tmp_path: Path) -> None:
    path = _write(tmp_path, "x-bomb:\n" + "".join("  " + line + "\n" for line in
                                                   BOMB.splitlines())
                  + "companies:\n  - name: Lol\n    aliases: *i\n")
    started = time.monotonic()
    with pytest.raises(ConfigError, match=(
            rf"^{path}:1: aliases \(\*name\) expand the file's [\d,]+ values to [\d,]+, over "
            r"the limit of 200,000: refused, as reading it would take gigabytes")):
        load_rules(path)
    assert time.monotonic() - started < 1.0


def test_a_few_shared_aliases_are_fine(tmp_path: Path) -> None:
    path = _write(tmp_path, "companies:\n  - name: A\n  - name: B\nwatches:\n"
                            "  - name: w1\n    companies: &both [A, B]\n    events: &ev ['*']\n"
                            "    channels: ['#a']\n"
                            "  - name: w2\n    companies: *both\n    events: *ev\n"
                            "    channels: ['#b']\n")
    assert [w.companies for w in load_rules(path).watches] == [["A", "B"], ["A", "B"]]


def test_recursive_alias_and_deep_nesting_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"rules.yaml:2: an alias refers to a value that "
                       r"contains it"):
        load_rules(_write(tmp_path, "companies:\n  - &me [*me]\n"))
    deep = "companies: " + "[" * 200 + "]" * 200 + "\n"
    with pytest.raises(ConfigError, match=r"rules.yaml:1: nested more than 64 levels deep"):
        load_rules(_write(tmp_path, deep))


def test_non_utf8_file_names_line_and_byte(tmp_path: Path) -> None:
    path = _write(tmp_path, "companies:\n  - name: Soci\xe9t\xe9 G\xe9n\xe9rale\n".encode(
        "latin-1"))
    with pytest.raises(ConfigError, match=(
            rf"^{path}:2: not UTF-8 text \(byte 0xe9 at column 15\); save the file as UTF-8$")):
        load_rules(path)


def test_utf8_with_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = _write(tmp_path, "\ufeffcompanies:\n  - name: Société Générale\n".encode())
    assert load_rules(path).companies[0].name == "Société Générale"


def test_oversized_file_is_refused_before_reading(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsafe, "MAX_FILE_BYTES", 1000)
    path = _write(tmp_path, "companies:\n" + "  - name: A\n" * 200)
    with pytest.raises(ConfigError, match=rf"^{path}: file of 2,411 bytes is over the "
                       r"1,000-byte limit for config files$"):
        load_rules(path)


def test_the_c_loader_is_used_where_installed() -> None:
    expected = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
    assert yamlsafe.Loader is expected


def test_worker_reload_parses_off_the_event_loop_and_keeps_rules_on_a_bomb(
        tmp_path: Path) -> None:
    import asyncio
    import os

    from newswatch.streams.rules_holder import RulesHolder

    path = _write(tmp_path, "companies: [{name: Acme}]\nwatches: []\n")
    holder = RulesHolder(path)
    good = holder.current
    big = ["companies:"] + [f"  - name: Company Number {i}\n    aliases: [Co{i} Holdings]"
                            for i in range(6000)]
    path.write_text("\n".join(big) + "\n")
    os.utime(path, (5, 5))

    async def reload_while_ticking() -> tuple[bool, int]:
        ticks = 0
        done = asyncio.Event()

        async def tick() -> None:
            nonlocal ticks
            while not done.is_set():
                ticks += 1
                await asyncio.sleep(0.005)

        ticker = asyncio.create_task(tick())
        await holder.areload_if_changed()  # notices the change, waits for it to settle
        before = ticks
        reloaded = await holder.areload_if_changed()  # parses ~6,000 companies
        done.set()
        await ticker
        return reloaded, ticks - before

    reloaded, ticks_during_reload = asyncio.run(reload_while_ticking())
    assert reloaded and len(holder.current.rules.companies) == 6000
    assert ticks_during_reload >= 5  # the loop kept running while the file was parsed
    path.write_text("x-bomb:\n" + "".join("  " + line + "\n" for line in BOMB.splitlines())
                    + "companies:\n  - name: Lol\n    aliases: *i\n")
    os.utime(path, (6, 6))
    started = time.monotonic()
    assert holder.reload_if_changed() is False and holder.reload_if_changed() is False
    assert time.monotonic() - started < 1.0
    assert len(holder.current.rules.companies) == 6000 and holder.current is not good
    assert holder.last_error is not None and "aliases (*name) expand" in holder.last_error
