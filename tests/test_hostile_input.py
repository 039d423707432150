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


def _rss_with_entity(value_size: int, uses: int, *, extra_decl: str = "") -> bytes:
    items = "".join(f"<item><title>Item {i}</title><description>&big;</description>"
                    f"<guid>g{i}</guid></item>" for i in range(uses))
    return (f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY big "{"A" * value_size}">\n'
            f'{extra_decl}]>\n<rss version="2.0"><channel><title>t</title>{items}'
            "</channel></rss>").encode()


def test_entity_expansion_past_the_cap_is_refused_fast(tmp_path: Path) -> None:
    from newswatch.producers.errors import BodyTooLargeError
    from newswatch.producers.parse import parse_document

    bomb = _rss_with_entity(3_000_000, 90)  # 3 MB on disk, 270 MB once expanded
    started = time.monotonic()
    with pytest.raises(BodyTooLargeError, match=(
            r"^its XML entities \(<!ENTITY>\) would expand the document to 273,00\d,\d{3} "
            r"bytes, over the 10,000,000-byte cap: refused$")):
        parse_document(bomb)
    assert time.monotonic() - started < 1.0


def test_nested_parameter_and_recursive_entities_are_refused() -> None:
    from newswatch.producers.errors import BodyTooLargeError, NotAFeedError
    from newswatch.producers.parse import parse_document

    # The "billion laughs": each entity is ten of the one before.
    laughs = '<!ENTITY l0 "lol">\n' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">\n' for i in range(1, 10))
    nested = (f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n{laughs}]>\n<rss version="2.0">'
              "<channel><title>&l9;</title></channel></rss>").encode()
    with pytest.raises(BodyTooLargeError, match=r"would expand the document to [\d,]+ bytes"):
        parse_document(nested)
    with pytest.raises(NotAFeedError, match=r"declares an internal parameter entity"):
        parse_document(b'<!DOCTYPE rss [<!ENTITY % p "x">]><rss/>')
    with pytest.raises(NotAFeedError, match=r"XML entity 'a' refers to itself: refused"):
        parse_document(b'<!DOCTYPE rss [<!ENTITY a "&b;"><!ENTITY b "&a;">]><rss>&a;</rss>')


def test_a_feed_declaring_small_entities_is_still_read() -> None:
    from newswatch.producers.parse import parse_document

    parsed = parse_document(_rss_with_entity(40, 3, extra_decl='<!ENTITY nbsp "&#160;">\n'))
    assert len(parsed.entries) == 3
    assert parsed.entries[0].summary is not None
    assert parsed.entries[0].summary.value == "A" * 40


def test_produce_names_the_refused_feed_and_goes_on(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "feeds"
    folder.mkdir()
    (folder / "bomb").write_bytes(_rss_with_entity(3_000_000, 90))
    (folder / "seed").write_bytes((ROOT / "samples" / "feeds" / "seed-news.xml").read_bytes())
    out = tmp_path / "out.jsonl"
    assert main(["produce", "--from-dir", str(folder), "--output", str(out)]) == 0
    captured = capsys.readouterr()
    assert "failed: bomb <" in captured.err and "over the 10,000,000-byte cap" in captured.err
    assert captured.out.startswith("1 feed(s) ok (0 not modified, 0 unchanged), 1 failed; 3 ")


def test_opml_declaring_entities_is_refused(tmp_path: Path) -> None:
    from newswatch.producers.opml import read_opml
    from newswatch.schemas import ConfigError

    opml = tmp_path / "subs.opml"
    opml.write_text('<?xml version="1.0"?>\n<!DOCTYPE opml [<!ENTITY a "' + "x" * 1000
                    + '">]>\n<opml version="2.0"><body><outline text="&a;" '
                    'xmlUrl="https://a.example/rss"/></body></opml>\n')
    started = time.monotonic()
    with pytest.raises(ConfigError, match=(
            rf"^{opml}: refused: the OPML declares the XML entity 'a', which no feed reader "
            "exports and which can make an XML file expand without bound$")):
        read_opml(opml)
    assert time.monotonic() - started < 1.0
