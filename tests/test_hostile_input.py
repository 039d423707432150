"""Crafted input: each bad line, document or file is refused with its reason, quickly and in
bounded memory, and everything else is still read."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from newswatch.cli import main
from newswatch.schemas.article import Article

ROOT = Path(__file__).resolve().parents[1]


def _hostile_jsonl(path: Path) -> Path:
    lines = [
        json.dumps({"id": "g1", "title": "Meta Platforms to cut 3,000 jobs"}),
        "[" * 100_000 + "]" * 100_000,  # nested past any parser's stack
        '{"id": ' + "7" * 5_000 + ', "title": "x"}',  # a 5,000-digit number
        '{"id": "big", "title": "' + "a" * (5 * 1024 * 1024) + '"}',  # a 5 MB line
        json.dumps({"id": "g2", "title": "Meta Platforms postpones Llama 4 Behemoth"}),
        '{"id": "t", "title": ' + "[" * 300 + "]" * 300 + "}",
        '{"id": "u", "title": "caf\xe9"}'.encode("latin-1").decode("latin-1"),
    ]
    path.write_bytes("\n".join(lines[:-1]).encode() + b"\n" + lines[-1].encode("latin-1")
                     + b"\n")
    return path


def test_detect_reports_every_bad_line_and_reads_the_rest(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    articles = _hostile_jsonl(tmp_path / "articles.jsonl")
    out = tmp_path / "events.jsonl"
    started = time.monotonic()
    assert main(["detect", "--rules", str(ROOT / "samples" / "rules.yaml"),
                 "--input", str(articles), "--output", str(out)]) == 0
    assert time.monotonic() - started < 10
    err = capsys.readouterr().err.splitlines()
    assert err[:4] == [
        f"{articles}:2: skipped: not valid JSON: nested too deeply to read",
        f"{articles}:3: skipped: not valid JSON: a number too long to read",
        f"{articles}:4: skipped: line of 5,242,907 bytes is over the 4,194,304-byte limit "
        "(skipped without reading it)",
        f"{articles}:6: skipped: invalid Article: title: Input should be a valid string",
    ]
    assert err[-1] == "detect: 3 article(s), 2 event(s), 4 bad line(s) skipped"
    assert {json.loads(line)["article_id"] for line in out.read_text().splitlines()} == {
        "g1", "g2"}  # and "u", whose stray Latin-1 byte was replaced, had no event


def test_produce_from_jsonl_rejects_each_bad_line_and_publishes_the_rest(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    articles = _hostile_jsonl(tmp_path / "dump.jsonl")
    out = tmp_path / "out.jsonl"
    assert main(["produce", "--from-jsonl", str(articles), "--output", str(out)]) == 0
    published = [Article.from_json(line) for line in out.read_bytes().splitlines()]
    assert [a.id for a in published] == ["g1", "g2"]
    assert "5 line(s) rejected" in capsys.readouterr().out  # the Latin-1 line too
