"""Reading ``<prefix>.articles`` by time range: offsets from ``offsets_for_times``, no group.

The range is planned once, per partition, as ``[start, stop)`` offsets: ``start`` is the
first record received at or after ``--from``, ``stop`` the first at or after ``--to`` (or
the end offset when planning), so a backtest reads a fixed set of records however long it
runs and whatever arrives meanwhile. Consumers are assigned partitions directly, with no
consumer group: nothing is committed and live consumers never see a rebalance.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from kafka import KafkaConsumer, TopicPartition

from ...kafkaio.clients import KafkaClients
from ...kafkaio.errors import TopicMissing
from ...schemas.article import Article
from ...schemas.errors import ConfigError, SchemaError
from ...schemas.settings import Settings
from .detecting import InputItem
from .ordering import SkippedInput
from .timerange import TimeRange

log = logging.getLogger(__name__)

POLL_MS = 500
# One consumer per partition, each holding at most one fetch: bounded, and large enough
# that a fetch round trip is not what a backtest waits for.
FETCH_OPTIONS = {"max_partition_fetch_bytes": 4 * 2**20, "fetch_max_bytes": 8 * 2**20,
                 "receive_buffer_bytes": 2**20}


@dataclass(frozen=True)
class PartitionSpan:
    partition: int
    start: int
    stop: int

    @property
    def size(self) -> int:
        return max(self.stop - self.start, 0)


@dataclass(frozen=True)
class TopicSpan:
    """The records of ``topic`` a backtest reads: one offset span per partition."""

    topic: str
    spans: tuple[PartitionSpan, ...]
    notes: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        return sum(s.size for s in self.spans)

    def describe(self) -> str:
        parts = ", ".join(f"{s.partition}:{s.start}-{s.stop}" for s in self.spans)
        return f"{self.topic} offsets [{parts}]"


def _ms(when: datetime) -> int:
    return int(when.timestamp() * 1000)


def _when(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat(timespec="seconds").replace(
        "+00:00", "Z")


def plan_span(clients: KafkaClients, topic: str, window: TimeRange) -> TopicSpan:
    """Offsets to read for ``window``; ConfigError naming --from/--to when nothing is in it."""
    clients.check_reachable()
    consumer = clients.consumer("newswatch-backtest-plan")
    try:
        found = consumer.partitions_for_topic(topic)
        if not found:
            raise TopicMissing(topic, where="backtest")
        partitions = [TopicPartition(topic, p) for p in sorted(found)]
        first = consumer.beginning_offsets(partitions)
        end = consumer.end_offsets(partitions)
        starts = _offsets_at(consumer, partitions, window.start, default=first, end=end)
        stops = _offsets_at(consumer, partitions, window.end, default=end, end=end)
        span = TopicSpan(topic, tuple(PartitionSpan(tp.partition, starts[tp], stops[tp])
                                      for tp in partitions),
                         _retention_note(consumer, partitions, first, window))
        if span.total == 0:
            raise ConfigError(_nothing_in(consumer, topic, partitions, first, end, window),
                              location="--from" if window.start else "--to")
        return span
    finally:
        consumer.close()


def _offsets_at(consumer: KafkaConsumer, partitions: list[TopicPartition],
                when: datetime | None, *, default: dict[TopicPartition, int],
                end: dict[TopicPartition, int]) -> dict[TopicPartition, int]:
    if when is None:
        return dict(default)
    found = consumer.offsets_for_times({tp: _ms(when) for tp in partitions})
    # None: no record at or after ``when`` in that partition, so its span ends at the end.
    return {tp: hit.offset if hit is not None else end[tp] for tp, hit in found.items()}


def _retention_note(consumer: KafkaConsumer, partitions: list[TopicPartition],
                    first: dict[TopicPartition, int], window: TimeRange) -> tuple[str, ...]:
    if window.start is None or not any(first[tp] > 0 for tp in partitions):
        return ()
    oldest = _oldest_ms(consumer, partitions)
    if oldest is not None and oldest > _ms(window.start):
        return (f"articles received before {_when(oldest)} are past the topic's retention: "
                "the range starts before the oldest one kept",)
    return ()


def _oldest_ms(consumer: KafkaConsumer, partitions: list[TopicPartition]) -> int | None:
    hits = consumer.offsets_for_times({tp: 0 for tp in partitions})
    stamps = [hit.timestamp for hit in hits.values() if hit is not None]
    return min(stamps) if stamps else None


def _newest_ms(consumer: KafkaConsumer, partitions: list[TopicPartition],
               end: dict[TopicPartition, int]) -> int | None:
    last = [tp for tp in partitions if end[tp] > 0]
    if not last:
        return None
    consumer.assign(last)
    for tp in last:
        consumer.seek(tp, end[tp] - 1)
    newest: int | None = None
    for _ in range(10):
        for records in consumer.poll(timeout_ms=POLL_MS).values():
            for record in records:
                newest = max(newest or 0, record.timestamp)
        if newest is not None:
            break
    return newest


def _nothing_in(consumer: KafkaConsumer, topic: str, partitions: list[TopicPartition],
                first: dict[TopicPartition, int], end: dict[TopicPartition, int],
                window: TimeRange) -> str:
    if all(end[tp] <= first[tp] for tp in partitions):
        return f"{topic} holds no articles at all: nothing to backtest"
    oldest, newest = _oldest_ms(consumer, partitions), _newest_ms(consumer, partitions, end)
    held = (f"it holds articles received from {_when(oldest)} to {_when(newest)}"
            if oldest is not None and newest is not None else "it holds none that are dated")
    return f"no article on {topic} was received from {window.describe()}; {held}"


def read_partition(clients: KafkaClients, topic: str, span: PartitionSpan,
                   client_id: str = "newswatch-backtest") -> Iterator[InputItem]:
    """The records of one partition span, in offset order, as Articles or skipped inputs."""
    if span.size == 0:
        return
    consumer = clients.consumer(client_id, group_id=None, **FETCH_OPTIONS)
    tp = TopicPartition(topic, span.partition)
    try:
        consumer.assign([tp])
        consumer.seek(tp, span.start)
        while consumer.position(tp) < span.stop:
            for record in consumer.poll(timeout_ms=POLL_MS, max_records=2_000).get(tp, ()):
                if record.offset >= span.stop:
                    return
                yield record.offset, _article(record.value, f"{topic}[{span.partition}]"
                                                            f"@{record.offset}")
    finally:
        consumer.close()


def _article(value: bytes | None, where: str) -> Article | SkippedInput:
    if value is None:
        return SkippedInput(where, "empty record (tombstone)")
    try:
        return Article.from_json(value, source=where)
    except SchemaError as exc:
        return SkippedInput(where, str(exc).removeprefix(f"{where}: "))


@dataclass(frozen=True)
class PartitionReader:
    """Opens one partition span; plain data, so a worker process can open it too."""

    settings: Settings
    topic: str
    span: PartitionSpan

    def __call__(self) -> Iterator[InputItem]:
        return read_partition(KafkaClients(self.settings), self.topic, self.span)


def partition_readers(settings: Settings, span: TopicSpan) -> tuple[PartitionReader, ...]:
    return tuple(PartitionReader(settings, span.topic, s) for s in span.spans if s.size)
