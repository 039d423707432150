"""``produce --from-dir``: feed documents told by content, skipped files listed with the
reason, and a non-zero exit when nothing was read."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from newswatch.cli import main
from newswatch.producers.sniff import sniff_bytes
from newswatch.schemas.article import Article

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "feeds"


def _articles(path: Path) -> list[Article]:
    return [Article.from_json(line) for line in path.read_bytes().splitlines() if line]


def test_feeds_without_extensions_are_read_and_the_rest_listed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    shutil.copy(SAMPLES / "seed-news.xml", folder / "seed")
    shutil.copy(SAMPLES / "sample-startup-digest.json", folder / "digest")
    shutil.copy(SAMPLES / "sample-business-wire.atom", folder / "wire.txt")
    (folder / "seed.gz").write_bytes(gzip.compress((SAMPLES / "seed-news.xml").read_bytes()))
    (folder / "dump").write_text(json.dumps({"id": "d1", "title": "Meta to cut jobs"}) + "\n")
    (folder / "README").write_text("These are our feeds.\n")
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "subscriptions").write_text('<?xml version="1.0"?><opml><body/></opml>')
    (folder / "empty").write_text("")
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    out = tmp_path / "out.jsonl"
    assert main(["produce", "--from-dir", str(folder), "--output", str(out)]) == 0
    captured = capsys.readouterr()
    articles = _articles(out)
    assert {a.feed for a in articles if a.id != "d1"} == {"seed", "digest", "wire.txt",
                                                          "seed.gz"}
    assert "d1" in {a.id for a in articles}  # the JSON lines file, read as articles
    assert [line for line in captured.err.splitlines() if " INFO " not in line] == [
        f"skipped: {folder}/README: text that is not RSS, Atom, JSON Feed or article JSON "
        "lines",
        f"skipped: {folder}/empty: empty file",
        f"skipped: {folder}/logo.png: binary data, not a feed",
        f"skipped: {folder}/subscriptions: an OPML subscription list: add its feeds with "
        "'newswatch feeds import'",
    ]
    assert captured.out.strip().endswith("4 file(s) skipped as not feeds")


def test_nothing_read_exits_1_naming_the_folder(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "todo").write_text("buy milk\n")
    assert main(["produce", "--from-dir", str(folder), "--output",
                 str(tmp_path / "o.jsonl")]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("0 feed(s) ok")
    assert [line for line in captured.err.splitlines() if " INFO " not in line] == [
        f"skipped: {folder}/todo: text that is not RSS, Atom, JSON Feed or article JSON lines",
        f"newswatch: error: nothing was read from {folder}: no feed documents found",
    ]


def test_empty_folder_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["produce", "--from-dir", str(tmp_path), "--output",
                 str(tmp_path / "o.jsonl")]) == 1
    assert "no feed documents found" in capsys.readouterr().err


@pytest.mark.parametrize(("head", "kind", "reason"), [
    (b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0">', "file", ""),
    (b'<!DOCTYPE rdf [ <!ENTITY x "y"> ]>\n<rdf:RDF xmlns:rdf="x">', "file", ""),
    (b'<feed xmlns="http://www.w3.org/2005/Atom">', "file", ""),
    ('<?xml version="1.0" encoding="utf-16"?><rss>'.encode("utf-16"), "file", ""),
    ('<?xml version="1.0"?><rss>'.encode("utf-32-le"), "file", ""),
    (b'<a:feed xmlns:a="http://www.w3.org/2005/Atom">', "file", ""),
    (b'{\n  "version": "https://jsonfeed.org/version/1.1",\n  "items": []}', "file", ""),
    (b'{"id": "a", "title": "t"}\n{"id": "b", "title": "u"}\n', "jsonl", ""),
    (b'<!DOCTYPE html><html>', None, "an HTML page, not a feed"),
    (b'<svg xmlns="x"/>', None, "XML whose root is <svg>, not RSS, Atom or RDF"),
    (b'{"items": [1]}', None, "JSON with items but no jsonfeed.org version: not a JSON Feed"),
    (b'[1, 2]', None, "text that is not RSS, Atom, JSON Feed or article JSON lines"),
    (b'   \n\t', None, "empty file"),
])
def test_sniffing_by_content(head: bytes, kind: str | None, reason: str) -> None:
    verdict = sniff_bytes(head)
    assert (verdict.kind, verdict.reason) == (kind, reason)
