"""The delivery ledger: the compacted ``deliveries`` topic, read into memory.

Key: alert id; value: the latest ``Delivery`` for it. The notifier reads the topic to
the end on start (and again when it is handed partitions), checks it before every post,
writes ``attempting`` before posting and ``delivered``/``failed`` after. Each write waits
for the broker's acknowledgement, so the record is durable before the next step runs.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable

from kafka import KafkaConsumer, KafkaProducer, TopicPartition

from schemas.delivery import Delivery
from schemas.errors import ConfigError, SchemaError

log = logging.getLogger(__name__)


class DeliveryLedger:
    """Alert id -> latest ``Delivery``, backed by a compacted topic. Thread-safe."""

    def __init__(
        self, bootstrap: str, topic: str, *, producer: KafkaProducer, timeout_s: float = 30.0
    ) -> None:
        self.topic = topic
        self._producer = producer
        self._timeout_s = timeout_s
        self._records: dict[str, Delivery] = {}
        # Offset of the record each entry came from: a late read of an older record
        # (catching up after our own newer write) must not overwrite the newer state.
        self._offsets: dict[str, int] = {}
        self._lock = threading.Lock()
        self._reader = KafkaConsumer(
            bootstrap_servers=bootstrap,
            group_id=None,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            client_id="newswatch-ledger",
        )
        self._partitions: list[TopicPartition] = []

    def load(self) -> int:
        """Read the whole ledger; return how many records were read."""
        partitions = self._reader.partitions_for_topic(self.topic)
        if not partitions:
            raise ConfigError(
                f"topic {self.topic!r} does not exist; create the newswatch topics first",
                location="delivery ledger",
            )
        self._partitions = [TopicPartition(self.topic, p) for p in sorted(partitions)]
        self._reader.assign(self._partitions)
        self._reader.seek_to_beginning(*self._partitions)
        return self.catch_up()

    def catch_up(self) -> int:
        """Read what other writers added since the last read, up to the current end."""
        if not self._partitions:
            return 0
        end = self._reader.end_offsets(self._partitions)
        deadline = time.monotonic() + self._timeout_s
        count = 0
        while any(self._reader.position(tp) < end[tp] for tp in self._partitions):
            if time.monotonic() > deadline:
                raise ConfigError(
                    f"could not read topic {self.topic!r} to its end within "
                    f"{self._timeout_s:.0f} s", location="delivery ledger",
                )
            for records in self._reader.poll(timeout_ms=200, max_records=5_000).values():
                for record in records:
                    self._apply(record.key, record.value, record.offset, record.partition)
                    count += 1
        return count

    def get(self, alert_id: str) -> Delivery | None:
        with self._lock:
            return self._records.get(alert_id)

    def __len__(self) -> int:
        with self._lock:
            return len(self._records)

    def record(self, delivery: Delivery) -> Delivery:
        """Write ``delivery`` and wait until the broker has it; return it."""
        future = self._producer.send(
            self.topic, key=delivery.alert_id.encode("utf-8"), value=delivery.to_json_bytes()
        )
        metadata = future.get(timeout=self._timeout_s)
        with self._lock:
            if metadata.offset >= self._offsets.get(delivery.alert_id, -1):
                self._records[delivery.alert_id] = delivery
                self._offsets[delivery.alert_id] = metadata.offset
        return delivery

    def records(self) -> Iterable[Delivery]:
        with self._lock:
            return list(self._records.values())

    def close(self) -> None:
        self._reader.close()

    def _apply(self, key: bytes | None, value: bytes | None, offset: int, partition: int) -> None:
        if key is None:
            return
        alert_id = key.decode("utf-8", errors="replace")
        with self._lock:
            if offset < self._offsets.get(alert_id, -1):
                return
            self._offsets[alert_id] = offset
            if value is None:  # tombstone: the record was deleted on purpose
                self._records.pop(alert_id, None)
                return
            try:
                self._records[alert_id] = Delivery.from_json(
                    value, source=f"{self.topic}[{partition}]@{offset}"
                )
            except SchemaError as exc:
                log.warning("skipping unreadable ledger record: %s", exc)
