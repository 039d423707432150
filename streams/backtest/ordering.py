"""Event-time order: what the backtest routes first, made the same in one process or many.

Each input stream (one Kafka partition, or one file) is detected in arrival order, then
held in a small reorder buffer and released in event-time order; the streams are merged
with ``heapq.merge``. The sort key is ``(event time, stream, position)``: unique, and
non-decreasing within every stream, so merging the streams in any grouping (all in one
process, or per partition group in worker processes, then the groups) gives one and the
same sequence. That is what lets the parallel backtest promise identical results.

The buffer holds ``lateness`` of event time per stream, so memory follows the article rate,
not the length of the range. An article older than what was already released (it arrived
more than ``lateness`` late) is routed where it arrived, as the live route agent would,
and counted as late.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from ...schemas.article import Article
from ...schemas.event import CompanyEvent

SortKey = tuple[int, int, int]
"""(event time in microseconds since the epoch, stream number, position in the stream)."""

DEFAULT_LATENESS = timedelta(hours=24)
MAX_SKIPPED_LISTED = 1_000


@dataclass(frozen=True)
class Position:
    """Where an article was read: a Kafka partition and offset, or a file's number and line."""

    stream: int
    offset: int


@dataclass(frozen=True)
class SkippedInput:
    """An input that is not an article, named by file:line or topic[partition]@offset."""

    where: str
    reason: str


@dataclass(frozen=True)
class ArticleDigest:
    """What routing and the report need of one article: its events and how to show it."""

    article_id: str
    title: str
    link: str | None
    source: str | None
    event_time: datetime
    events: tuple[CompanyEvent, ...]


@dataclass
class StreamStats:
    """Counts a stream keeps while it is read (summed over streams and processes)."""

    articles: int = 0
    out_of_range: int = 0
    events: int = 0
    late: int = 0
    skipped_count: int = 0
    skipped: list[SkippedInput] = field(default_factory=list)  # the first MAX_SKIPPED_LISTED

    def skip(self, item: SkippedInput) -> None:
        self.skipped_count += 1
        if len(self.skipped) < MAX_SKIPPED_LISTED:
            self.skipped.append(item)

    def add(self, other: StreamStats) -> None:
        self.articles += other.articles
        self.out_of_range += other.out_of_range
        self.events += other.events
        self.late += other.late
        self.skipped_count += other.skipped_count
        self.skipped.extend(other.skipped[:MAX_SKIPPED_LISTED - len(self.skipped)])


def micros(when: datetime) -> int:
    return int((when - _EPOCH) / timedelta(microseconds=1))


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class ReorderBuffer:
    """Releases items in event-time order once they are ``lateness`` behind the newest."""

    def __init__(self, lateness: timedelta = DEFAULT_LATENESS) -> None:
        self._lateness = int(lateness / timedelta(microseconds=1))
        self._heap: list[tuple[SortKey, ArticleDigest]] = []
        self._newest = -(2**62)
        self._released = -(2**62)

    def push(self, key: SortKey, item: ArticleDigest) -> tuple[bool, list[tuple[SortKey,
                                                                              ArticleDigest]]]:
        """Add one item; return (was it late, the items now released in order)."""
        late = key[0] < self._released
        if late:
            # Behind what is already routed: it goes next, at the time routing has reached.
            key = (self._released, key[1], key[2])
        heapq.heappush(self._heap, (key, item))
        self._newest = max(self._newest, key[0])
        return late, self._release(self._newest - self._lateness)

    def flush(self) -> list[tuple[SortKey, ArticleDigest]]:
        return self._release(2**62)

    def _release(self, upto: int) -> list[tuple[SortKey, ArticleDigest]]:
        out = []
        while self._heap and self._heap[0][0][0] <= upto:
            key, item = heapq.heappop(self._heap)
            self._released = key[0]
            out.append((key, item))
        return out


def merge(streams: Iterable[Iterable[tuple[SortKey, ArticleDigest]]]
          ) -> Iterator[tuple[SortKey, ArticleDigest]]:
    """All streams as one, in sort-key order (each stream is already in that order)."""
    return heapq.merge(*streams, key=lambda pair: pair[0])


def digest(article: Article, events: list[CompanyEvent]) -> ArticleDigest:
    return ArticleDigest(article.id, article.title, article.link, article.source,
                         article.event_time, tuple(events))
