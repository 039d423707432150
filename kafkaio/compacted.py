"""Reading a compacted topic into memory: from the beginning to the end, then catching up.

The delivery ledger, the feed state and the Slack subscriptions are all tables kept
as compacted topics. Each reader applies records in offset order through its own
``apply(key, value, where)``; a ``None`` value is a tombstone.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from kafka import KafkaConsumer, TopicPartition

from .errors import TopicMissing

Apply = Callable[[bytes | None, bytes | None, int, int], None]
"""``apply(key, value, partition, offset)``, called once per record in offset order."""


class CompactedTopicReader:
    """Reads every partition of ``topic`` with an unmanaged (group-less) consumer."""

    def __init__(self, consumer: KafkaConsumer, topic: str, *, timeout_s: float = 60.0,
                 where: str = "newswatch") -> None:
        self.topic = topic
        self._consumer = consumer
        self._timeout_s = timeout_s
        self._where = where
        self._partitions: list[TopicPartition] = []

    def load(self, apply: Apply, *, wait_s: float = 10.0) -> int:
        """Read the whole topic from its beginning; return how many records were applied.

        A topic created a moment ago may not be in this client's metadata yet: it is looked
        for again for up to ``wait_s`` before it counts as missing.
        """
        deadline = time.monotonic() + wait_s
        partitions = self._consumer.partitions_for_topic(self.topic)
        while not partitions and time.monotonic() < deadline:
            time.sleep(0.2)
            partitions = self._consumer.partitions_for_topic(self.topic)
        if not partitions:
            raise TopicMissing(self.topic, where=self._where)
        self._partitions = [TopicPartition(self.topic, p) for p in sorted(partitions)]
        self._consumer.assign(self._partitions)
        self._consumer.seek_to_beginning(*self._partitions)
        return self.catch_up(apply)

    def catch_up(self, apply: Apply) -> int:
        """Apply what other writers added since the last read, up to the current end."""
        if not self._partitions:
            return 0
        end = self._consumer.end_offsets(self._partitions)
        deadline = time.monotonic() + self._timeout_s
        count = 0
        while any(self._consumer.position(tp) < end[tp] for tp in self._partitions):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self._where}: could not read topic {self.topic!r} to its "
                                   f"end within {self._timeout_s:.0f} s")
            for tp, records in self._consumer.poll(timeout_ms=200, max_records=5_000).items():
                for record in records:
                    apply(record.key, record.value, tp.partition, record.offset)
                    count += 1
        return count

    def close(self) -> None:
        self._consumer.close()
