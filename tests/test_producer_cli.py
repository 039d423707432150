"""``newswatch produce`` without a broker (--output) and its exit codes."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pytest

from newswatch.producers.cli import register
from newswatch.schemas.article import Article

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(list(argv))
    return int(args.handler(args))


def read_jsonl(path: Path) -> list[Article]:
    return [Article.from_json(line) for line in path.read_bytes().splitlines() if line]


def test_sample_feeds_to_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "articles.jsonl"
    assert run_cli("produce", "--feeds", str(ROOT / "samples" / "feeds.yaml"), "--once",
                   "--output", str(out)) == 0
    articles = read_jsonl(out)
    seed = [a for a in articles if "Meta" in a.title and "Ambitions" in a.title]
    assert len(seed) == 1
    assert "Scale AI" in seed[0].text and "<p>" not in seed[0].text
    assert seed[0].feed == "sample-tech-wire" and seed[0].published is not None
    assert "failed" not in capsys.readouterr().err


def test_from_dir_needs_no_broker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSWATCH_KAFKA_BOOTSTRAP", "127.0.0.1:9")
    folder = tmp_path / "docs"
    shutil.copytree(ROOT / "samples" / "feeds", folder)
    (folder / "broken.xml").write_text("<html><p>not a feed</p></html>")
    out = tmp_path / "out.jsonl"
    assert run_cli("produce", "--from-dir", str(folder), "--output", str(out)) == 0
    assert len(read_jsonl(out)) >= 3
    assert len({a.feed for a in read_jsonl(out)}) >= 2


def test_exit_code_1_when_every_feed_failed(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text("feeds:\n  - path: missing.xml\n    name: gone\n")
    assert run_cli("produce", "--feeds", str(feeds), "--once",
                   "--output", str(tmp_path / "o.jsonl")) == 1
    err = capsys.readouterr().err
    assert "failed: gone <" in err and "missing.xml" in err


def test_jsonl_output_lines_are_articles(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    run_cli("produce", "--from-dir", str(ROOT / "samples" / "feeds"), "--output", str(out))
    for line in out.read_text().splitlines():
        assert set(json.loads(line)) >= {"id", "title", "published", "fetched_at", "feed"}
