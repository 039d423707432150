"""Where a backtest's articles come from: the articles topic, a JSONL file, or feed files.

Wiring only: the topic through ``streams.backtest.topic``, JSONL through the detector's
own reader (bad lines named by file:line), feed files through the producer's file source,
parser and normaliser, so a folder gives the articles ``newswatch produce --from-dir``
would publish. Undated entries take the file's modification time as their fetch time,
so the same folder gives the same report every time.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError

from newswatch.kafkaio.clients import KafkaClients
from newswatch.kafkaio.topics import TopicNames
from newswatch.producers.config import FeedSpec, specs_from_dir
from newswatch.producers.errors import FeedError
from newswatch.producers.normalise import FeedContext, SkippedEntry, normalise_entry
from newswatch.producers.parse import parse_document
from newswatch.producers.poller import initial_state
from newswatch.producers.sources.base import Document, SourceContext
from newswatch.producers.sources.files import FileFeedSource
from newswatch.producers.sources.jsonl import read_jsonl
from newswatch.schemas.article import Article
from newswatch.schemas.errors import ConfigError
from newswatch.schemas.settings import Settings
from newswatch.streams.backtest.detecting import ArticleList, InputItem
from newswatch.streams.backtest.engine import BacktestInput
from newswatch.streams.backtest.ordering import SkippedInput
from newswatch.streams.backtest.timerange import TimeRange
from newswatch.streams.backtest.topic import partition_readers, plan_span
from newswatch.streams.detection.offline import BadLine, read_articles

log = logging.getLogger(__name__)


def topic_input(settings: Settings, window: TimeRange) -> BacktestInput:
    """``<prefix>.articles`` records received in ``window``, one stream per partition."""
    topic = TopicNames.from_settings(settings).articles
    span = plan_span(KafkaClients(settings), topic, window)
    return BacktestInput(f"{span.describe()}, received {window.describe()}",
                         partition_readers(settings, span), total=span.total,
                         time_range=window, notes=span.notes)


@dataclass(frozen=True)
class JsonlStream:
    """Article JSON lines; a line that is not an article is skipped, named by file:line."""

    path: Path

    def __call__(self) -> Iterator[InputItem]:
        for number, item, _raw in read_articles(self.path):
            if isinstance(item, BadLine):
                yield number, SkippedInput(item.location, item.message)
            else:
                yield number, item


def jsonl_input(path: Path, window: TimeRange) -> BacktestInput:
    if not path.is_file():
        raise ConfigError("no such file", location=str(path))
    return BacktestInput(f"{path}, published {window.describe()}", (JsonlStream(path),),
                         time_range=window, filter_event_time=True)


def folder_input(folder: Path, window: TimeRange) -> BacktestInput:
    """Every feed document (and JSONL dump) in ``folder``, one stream per file."""
    specs, survey = specs_from_dir(folder)
    if not specs:
        raise ConfigError("no feed files (RSS, Atom, JSON Feed, .jsonl) in the folder",
                          location=str(folder))
    streams = tuple(ArticleList(tuple(_read_feed_file(spec))) for spec in specs)
    # Files the folder survey told apart from feeds (a README, an image): named, not read.
    streams += tuple(ArticleList(((0, SkippedInput(str(f.path), f"not a feed: {f.reason}")),))
                     for f in survey.skipped)
    total = sum(len(s.items) for s in streams)
    return BacktestInput(f"{folder} ({len(specs)} feed file(s)), published {window.describe()}",
                         streams, total=total, time_range=window, filter_event_time=True)


def _read_feed_file(spec: FeedSpec) -> list[InputItem]:
    path = Path(spec.location)
    if spec.kind == "jsonl":
        batch = read_jsonl(path)
        rejected: list[InputItem] = [(int(r.where.rpartition(":")[2]),
                                      SkippedInput(r.where, r.reason)) for r in batch.rejected]
        return [*enumerate(batch.articles, start=1), *rejected]
    try:
        document = asyncio.run(FileFeedSource(spec, SourceContext()).read(initial_state(spec)))
        if not isinstance(document, Document):  # a file source always returns a document
            return []
        parsed = parse_document(document.body, content_type=document.content_type)
    except FeedError as exc:
        return [(0, SkippedInput(str(path), f"not a readable feed: {exc.reason}"))]
    if not parsed.entries and parsed.bozo_reason:
        return [(0, SkippedInput(str(path), f"not a readable feed: {parsed.bozo_reason}"))]
    fetched = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    context = FeedContext(spec.feed_id, spec.name)
    items: list[InputItem] = []
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            article: Article | SkippedInput = normalise_entry(entry, parsed, context, fetched)
        except (SkippedEntry, ValidationError) as exc:
            article = SkippedInput(f"{path}: entry {number}", str(exc).splitlines()[0])
        items.append((number, article))
    return items
