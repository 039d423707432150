"""Reading a topic from a point in time to its current end, without a consumer group.

For reports over recent messages (a channel's weekly summary): ``offsets_for_times`` finds
where each partition's messages at or after ``since`` start; nothing is committed, so no
live consumer is affected.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

from kafka import KafkaConsumer, TopicPartition

from .errors import TopicMissing

Record = Callable[[bytes | None, bytes | None, int, int], None]
"""``apply(key, value, partition, offset)``, once per record, in offset order per partition."""


def read_since(consumer: KafkaConsumer, topic: str, since: datetime, apply: Record, *,
               timeout_s: float = 60.0, where: str = "newswatch") -> int:
    """Apply every record of ``topic`` written at or after ``since``; return the count."""
    partitions = consumer.partitions_for_topic(topic)
    if not partitions:
        raise TopicMissing(topic, where=where)
    tps = [TopicPartition(topic, p) for p in sorted(partitions)]
    consumer.assign(tps)
    since_ms = int(since.timestamp() * 1000)
    starts = consumer.offsets_for_times({tp: since_ms for tp in tps})
    end = consumer.end_offsets(tps)
    for tp in tps:
        found = starts.get(tp)
        consumer.seek(tp, found.offset if found is not None else end[tp])
    deadline = time.monotonic() + timeout_s
    count = 0
    while any(consumer.position(tp) < end[tp] for tp in tps):
        if time.monotonic() > deadline:
            raise TimeoutError(f"{where}: could not read {topic!r} to its end within "
                               f"{timeout_s:.0f} s")
        for tp, records in consumer.poll(timeout_ms=200, max_records=5_000).items():
            for record in records:
                if record.offset < end[tp]:
                    apply(record.key, record.value, tp.partition, record.offset)
                    count += 1
    return count
