"""Run detection over JSONL files: articles in, events out, bad lines named by file:line."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from ...schemas.article import Article
from ...schemas.errors import ConfigError, SchemaError
from ...schemas.jsonlines import BadJson, iter_lines, loads, too_long_reason
from .engine import Detector

log = logging.getLogger(__name__)

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
    """(line number, Article or BadLine, raw object) for each non-blank line of ``path``.

    Every line is read on its own: a line too long, nested too deep, holding a number too
    big or failing validation becomes a ``BadLine`` and the next line is read as usual.
    """
    path = Path(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise ConfigError(f"cannot read file: {exc.strerror}", location=str(path)) from None
    with handle:
        for line in iter_lines(handle):
            where = f"{path}:{line.number}"
            if line.raw is None:
                yield line.number, BadLine(where, too_long_reason(line)), {}
                continue
            try:
                obj = loads(line.raw)
            except BadJson as exc:
                yield line.number, BadLine(where, str(exc)), {}
                continue
            try:
                yield line.number, article_from_obj(obj, source=where), obj
            except SchemaError as exc:
                yield line.number, BadLine(where, str(exc).removeprefix(f"{where}: ")), {}


def detect_file(detector: Detector, path: str | Path, out: TextIO, err: TextIO) -> DetectSummary:
    """Write one CompanyEvent JSON per line to ``out``; report bad lines on ``err``."""
    summary = DetectSummary()
    for number, item, _raw in read_articles(path):
        if isinstance(item, BadLine):
            summary.bad_lines += 1
            print(f"{item.location}: skipped: {item.message}", file=err)
            continue
        try:
            events = detector.detect(item)
        except Exception as exc:  # one article the engine chokes on must not end the run
            log.debug("detection failed", exc_info=True)
            summary.bad_lines += 1
            print(f"{path}:{number}: skipped: detection failed ({type(exc).__name__})",
                  file=err)
            continue
        summary.articles += 1
        for event in events:
            summary.events += 1
            out.write(event.model_dump_json(exclude={"detected_at"}) + "\n")
    return summary
