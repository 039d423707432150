"""``rules check`` says why a name needs corroboration; ``rules explain`` takes any text."""

from __future__ import annotations

from pathlib import Path

import pytest

from newswatch.cli import main

RULES = """\
companies:
  - name: Target Corporation
    aliases: [Target]
  - name: HP Inc.
    aliases: [HP]
  - name: Zorbix
    ambiguous: true
  - name: Snapmaker
    ambiguous: false
watches:
  - name: all
    companies: ["*"]
    events: ["*"]
    channels: ["#all"]
"""


@pytest.fixture
def rules_file(tmp_path: Path) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(RULES)
    return path


def test_rules_check_says_why_each_name_needs_corroboration(
        rules_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "check", str(rules_file)]) == 0
    out = capsys.readouterr().out
    assert ("names needing corroboration (counted only when the article also gives the full "
            "name or a ticker, business words next to them, or a role in an event; so 'apple "
            "pie' is not Apple):\n"
            "  HP (HP Inc.): two letters or fewer: too short to be sure\n"
            "  Target (Target Corporation): it is also an everyday word\n"
            "  Zorbix (Zorbix): the rules file marks the company 'ambiguous: true'\n"
            "  (set 'ambiguous: false' on a company to count its names without corroboration, "
            "'ambiguous: true' to require it)") in out
    assert "Snapmaker" not in out


def test_rules_explain_takes_a_first_line_longer_than_a_title(
        rules_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first_line = "Target Corporation to cut 1,800 jobs " + "filler " * 400
    assert main(["rules", "explain", "--rules", str(rules_file),
                 first_line + "\nMore text."]) == 0
    captured = capsys.readouterr()
    assert ("note: the first line has 2,837 characters; the title is its first 1,996 and "
            "the rest is read as the article's text") in captured.err
    assert "Target Corporation layoffs" in captured.out
    assert "Traceback" not in captured.err


NEWSROOM_RULES = RULES + """\
feeds:
  - feed: snapmaker-newsroom
    owner: Snapmaker
"""


def test_rules_explain_reads_a_text_as_an_item_of_a_feed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(NEWSROOM_RULES)
    text = "Welcome, Zorbix\nToday we have agreed to acquire Zorbix, the maker of 3D scanners."
    assert main(["rules", "explain", "--rules", str(path), text]) == 0
    assert "Snapmaker acquisition" not in capsys.readouterr().out
    assert main(["rules", "explain", "--rules", str(path), "--feed", "snapmaker-newsroom",
                 text]) == 0
    out = capsys.readouterr().out
    assert "Snapmaker acquisition (acquirer)" in out
    assert "as Snapmaker, we" not in out and "as we" in out


def test_rules_explain_names_a_feed_the_rules_do_not_set(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(NEWSROOM_RULES)
    assert main(["rules", "explain", "--rules", str(path), "--feed", "snapmaker-news",
                 "Some title\nSome text."]) == 2
    err = capsys.readouterr().err
    assert "--feed: no feed 'snapmaker-news' in the rules file's 'feeds'" in err
    assert "Traceback" not in err and err.count("\n") == 1
