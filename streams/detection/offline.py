"""Run detection over JSONL files: articles in, events out, bad lines named by file:line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from ...schemas.article import Article
from ...schemas.errors import ConfigError, SchemaError
from .engine import Detector

# Keys of an input line that become the Article; others (expected, tags, notes) are ignored.
ARTICLE_KEYS = ("id", "title", "summary", "content", "link", "published", "source", "feed")


@dataclass(frozen=True)
class BadLine:
    location: str
    message: str


@dataclass
class DetectSummary:
    articles: int = 0
    bad_lines: int = 0
    events: int = 0

    def line(self) -> str:
        return (f"detect: {self.articles} article(s), {self.events} event(s), "
                f"{self.bad_lines} bad line(s) skipped")


def article_from_obj(obj: Any, *, source: str) -> Article:
    """An Article from one decoded JSON object; SchemaError names ``source``."""
    if not isinstance(obj, dict):
        raise SchemaError("expected a JSON object", source=source)
    data = {k: obj[k] for k in ARTICLE_KEYS if k in obj and obj[k] is not None}
    if "id" in data and not isinstance(data["id"], str):
        data["id"] = str(data["id"])
    return Article.from_obj(data, source=source)


def read_articles(path: str | Path) -> Iterator[tuple[int, Article | BadLine, dict[str, Any]]]:
    """(line number, Article or BadLine, raw object) for each non-blank line of ``path``."""
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ConfigError(f"cannot read file: {exc.strerror}", location=str(path)) from None
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            where = f"{path}:{number}"
            try:
                obj = json.loads(raw)
            except json.JSONDecodeError as exc:
                yield number, BadLine(where, f"not valid JSON: {exc.msg} (column {exc.colno})"), {}
                continue
            try:
                yield number, article_from_obj(obj, source=where), obj
            except SchemaError as exc:
                yield number, BadLine(where, str(exc).removeprefix(f"{where}: ")), {}


def detect_file(detector: Detector, path: str | Path, out: TextIO, err: TextIO) -> DetectSummary:
    """Write one CompanyEvent JSON per line to ``out``; report bad lines on ``err``."""
    summary = DetectSummary()
    for _number, item, _raw in read_articles(path):
        if isinstance(item, BadLine):
            summary.bad_lines += 1
            print(f"{item.location}: skipped: {item.message}", file=err)
            continue
        summary.articles += 1
        for event in detector.detect(item):
            summary.events += 1
            out.write(event.model_dump_json(exclude={"detected_at"}) + "\n")
    return summary
