"""Consumer lag of a group, per partition: end offset minus the group's committed offset.

Read with an admin client and a group-less consumer of our own, so it can be asked from a
thread beside any consumer (kafka-python's and aiokafka's are not thread-safe) and shows
what the group has *committed*, which is what a restart would resume from.
"""

from __future__ import annotations

from collections.abc import Iterable

from kafka import KafkaAdminClient, KafkaConsumer, TopicPartition

from .clients import KafkaClients


class GroupLag:
    """Lifecycle: build, ``read(partitions)`` as often as wanted, ``close()``."""

    def __init__(self, clients: KafkaClients, group: str) -> None:
        self.group = group
        self._clients = clients
        self._admin: KafkaAdminClient | None = None
        self._consumer: KafkaConsumer | None = None

    def partitions(self, topics: Iterable[str]) -> list[tuple[str, int]]:
        """Every partition of ``topics`` (for a whole-group figure)."""
        consumer = self._ensure()[1]
        return [(topic, p) for topic in topics
                for p in sorted(consumer.partitions_for_topic(topic) or ())]

    def messages(self, partitions: Iterable[tuple[str, int]]) -> int:
        """Messages held in ``partitions`` now (end minus beginning offsets)."""
        tps = [TopicPartition(topic, partition) for topic, partition in partitions]
        consumer = self._ensure()[1]
        ends, starts = consumer.end_offsets(tps), consumer.beginning_offsets(tps)
        return sum(ends[tp] - starts[tp] for tp in tps)

    def read(self, partitions: Iterable[tuple[str, int]]) -> dict[tuple[str, int], int]:
        """Lag of each of ``partitions``; a partition the group never committed counts from
        its earliest offset."""
        tps = [TopicPartition(topic, partition) for topic, partition in partitions]
        if not tps:
            return {}
        admin, consumer = self._ensure()
        committed = admin.list_group_offsets({self.group: None}).get(self.group, {})
        ends = consumer.end_offsets(tps)
        starts: dict[TopicPartition, int] = {}
        missing = [tp for tp in tps if tp not in committed or committed[tp].offset < 0]
        if missing:
            starts = consumer.beginning_offsets(missing)
        lags = {}
        for tp in tps:
            meta = committed.get(tp)
            done = meta.offset if meta is not None and meta.offset >= 0 else starts[tp]
            lags[(tp.topic, tp.partition)] = max(0, ends[tp] - done)
        return lags

    def _ensure(self) -> tuple[KafkaAdminClient, KafkaConsumer]:
        if self._admin is None or self._consumer is None:
            self._admin = self._clients.admin("newswatch-lag")
            self._consumer = self._clients.consumer("newswatch-lag")
        return self._admin, self._consumer

    def close(self) -> None:
        if self._consumer is not None:
            self._consumer.close()
        if self._admin is not None:
            self._admin.close()
        self._admin = self._consumer = None
