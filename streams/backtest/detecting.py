"""The detection half of a backtest: one input stream -> article digests in event-time order.

The same ``Detector`` the worker's ``detect`` agent calls. Articles that raise no event
are dropped here (they cannot alert), except labelled ones, which scoring needs to list
what was missed; so what travels on, even between processes, is small.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta

from ...schemas.article import Article
from ...schemas.rules import RulesFile
from ..detection import Detector
from .ordering import (
    DEFAULT_LATENESS,
    ArticleDigest,
    ReorderBuffer,
    SkippedInput,
    SortKey,
    StreamStats,
    digest,
    micros,
)
from .timerange import TimeRange

InputItem = tuple[int, Article | SkippedInput]
"""(position in the stream: Kafka offset or line number, the article or why it is not one)."""

Progress = Callable[[int], None]
"""Called with the number of inputs read since the last call."""

PROGRESS_EVERY = 500


# A backtest holds many objects for a long while: the reorder buffers' digests (a day of
# event time per stream) and what the report lists. The collector's default pace (a
# young-generation pass every 700 new objects) keeps re-examining them: on a heavy backtest
# that was half the routing process's CPU time (bench/bench_backtest.py). Fewer passes;
# reference cycles are still collected, later.
_YOUNG_THRESHOLD = 50_000
_OLDER_THRESHOLDS = (20, 20)


@contextmanager
def few_collections() -> Iterator[None]:
    """Run the block with fewer collector passes; the caller's setting is restored after."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], _YOUNG_THRESHOLD), *_OLDER_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


@dataclass(frozen=True)
class DetectionPlan:
    """Everything a detecting process needs; plain data, so it crosses process boundaries."""

    rules: RulesFile
    event_time_range: TimeRange | None = None  # files: keep articles whose event time is in it
    labelled: frozenset[str] = field(default_factory=frozenset)
    lateness: timedelta = DEFAULT_LATENESS


def detect_stream(stream: int, items: Iterable[InputItem], detector: Detector,
                  plan: DetectionPlan, stats: StreamStats,
                  progress: Progress | None = None) -> Iterator[tuple[SortKey, ArticleDigest]]:
    """Detect every article of one stream; yield digests in event-time order."""
    buffer = ReorderBuffer(plan.lateness)
    window = plan.event_time_range
    unreported = 0
    for position, item in items:
        unreported += 1
        if progress is not None and unreported >= PROGRESS_EVERY:
            progress(unreported)
            unreported = 0
        if isinstance(item, SkippedInput):
            stats.skip(item)
            continue
        if window is not None and item.event_time not in window:
            stats.out_of_range += 1
            continue
        stats.articles += 1
        events = detector.detect(item)
        if not events and item.id not in plan.labelled:
            continue
        stats.events += len(events)
        late, released = buffer.push((micros(item.event_time), stream, position),
                                     digest(item, events))
        stats.late += late
        yield from released
    if progress is not None and unreported:
        progress(unreported)
    yield from buffer.flush()


@dataclass(frozen=True)
class ArticleList:
    """An in-memory stream (feed files read by the CLI, tests); picklable like any other."""

    items: tuple[InputItem, ...]

    def __call__(self) -> Iterator[InputItem]:
        return iter(self.items)
