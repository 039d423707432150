"""The delivery ledger: the compacted ``deliveries`` topic, read into memory.

Key: alert id; value: the latest ``Delivery`` for it. The notifier reads the topic to
the end on start (and again when it is handed partitions), checks it before every post,
writes ``attempting`` before posting and ``delivered``/``failed`` after. Each write waits
for the broker's acknowledgement, so the record is durable before the next step runs.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable

from kafka import KafkaProducer

from ..kafkaio.clients import KafkaClients
from ..kafkaio.compacted import Apply, CompactedTopicReader
from ..schemas.delivery import Delivery
from ..schemas.errors import ConfigError, SchemaError

log = logging.getLogger(__name__)


class DeliveryLedger:
    """Alert id -> latest ``Delivery``, backed by a compacted topic. Thread-safe."""

    def __init__(
        self, clients: KafkaClients, topic: str, *, producer: KafkaProducer,
        timeout_s: float = 30.0
    ) -> None:
        self.topic = topic
        self._producer = producer
        self._timeout_s = timeout_s
        self._records: dict[str, Delivery] = {}
        # Offset of the record each entry came from: a late read of an older record
        # (catching up after our own newer write) must not overwrite the newer state.
        self._offsets: dict[str, int] = {}
        self._lock = threading.Lock()
        self._reader = CompactedTopicReader(
            clients.consumer("newswatch-ledger"), topic, timeout_s=timeout_s,
            where="delivery ledger")

    def load(self) -> int:
        """Read the whole ledger; return how many records were read."""
        return self._read(self._reader.load)

    def catch_up(self) -> int:
        """Read what other writers added since the last read, up to the current end."""
        return self._read(self._reader.catch_up)

    def _read(self, how: Callable[[Apply], int]) -> int:
        try:
            return how(self._apply)
        except TimeoutError as exc:
            raise ConfigError(str(exc).partition(": ")[2], location="delivery ledger") from None
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

    def _apply(self, key: bytes | None, value: bytes | None, partition: int, offset: int) -> None:
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
