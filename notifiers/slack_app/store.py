"""The Slack app's side of the Kafka topics: channel state in, changes and feedback out.

``SubscriptionStore`` reads the compacted ``<prefix>.subscriptions`` topic into memory and
writes a channel's whole new state, waiting for the broker's acknowledgement before the
app says "done". ``FeedbackLog`` writes and reads ``<prefix>.feedback``. Both are blocking
(kafka-python); the app calls them with ``asyncio.to_thread``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator

from kafka import KafkaProducer

from ...kafkaio.clients import KafkaClients
from ...kafkaio.compacted import CompactedTopicReader
from ...schemas.errors import SchemaError
from ...schemas.feedback import Feedback
from ...schemas.subscriptions import ChannelSubscriptions

log = logging.getLogger(__name__)


class SubscriptionStore:
    """Channel id -> ``ChannelSubscriptions``, backed by the compacted topic. Thread-safe."""

    def __init__(self, clients: KafkaClients, topic: str, *, producer: KafkaProducer,
                 timeout_s: float = 30.0) -> None:
        self.topic = topic
        self._producer = producer
        self._timeout_s = timeout_s
        self._channels: dict[str, ChannelSubscriptions] = {}
        self._lock = threading.Lock()
        self._reader = CompactedTopicReader(clients.consumer("newswatch-slack-subscriptions"),
                                            topic, timeout_s=timeout_s, where="subscriptions")

    def load(self) -> int:
        with self._lock:
            self._reader.load(self._apply)
            return len(self._channels)

    def catch_up(self) -> None:
        """Read what other writers (another app instance) added since the last read."""
        with self._lock:
            self._reader.catch_up(self._apply)

    def get(self, channel_id: str) -> ChannelSubscriptions | None:
        with self._lock:
            return self._channels.get(channel_id)

    def all(self) -> list[ChannelSubscriptions]:
        with self._lock:
            return sorted(self._channels.values(), key=lambda c: c.label)

    def write(self, state: ChannelSubscriptions) -> None:
        """Write the channel's new state and wait until the broker has it."""
        self._producer.send(self.topic, key=state.channel.encode("utf-8"),
                            value=state.to_json_bytes()).get(timeout=self._timeout_s)
        with self._lock:
            self._channels[state.channel] = state

    def close(self) -> None:
        self._reader.close()

    def _apply(self, key: bytes | None, value: bytes | None, partition: int,
               offset: int) -> None:
        if value is None:
            self._channels.pop((key or b"").decode("utf-8", errors="replace"), None)
            return
        try:
            state = ChannelSubscriptions.from_json(value, source=f"{self.topic}[{partition}]"
                                                                f"@{offset}")
        except SchemaError as exc:
            log.error("subscriptions: record skipped: %s", exc)
            return
        self._channels[state.channel] = state


def read_subscriptions(clients: KafkaClients, topic: str) -> list[ChannelSubscriptions]:
    """Every channel's current state (for ``newswatch subscriptions list|export``)."""
    channels: dict[str, ChannelSubscriptions] = {}

    def apply(key: bytes | None, value: bytes | None, partition: int, offset: int) -> None:
        if value is None:
            channels.pop((key or b"").decode("utf-8", errors="replace"), None)
            return
        state = ChannelSubscriptions.from_json(value, source=f"{topic}[{partition}]@{offset}")
        channels[state.channel] = state

    reader = CompactedTopicReader(clients.consumer("newswatch-subscriptions-cli"), topic,
                                  where="subscriptions")
    try:
        reader.load(apply)
    finally:
        reader.close()
    return sorted(channels.values(), key=lambda c: c.label)


class FeedbackLog:
    """Writes feedback records (keyed so a user's newer vote replaces their older one)."""

    def __init__(self, topic: str, *, producer: KafkaProducer, timeout_s: float = 30.0) -> None:
        self.topic = topic
        self._producer = producer
        self._timeout_s = timeout_s

    def write(self, feedback: Feedback) -> None:
        self._producer.send(self.topic, key=feedback.key.encode("utf-8"),
                            value=feedback.to_json_bytes()).get(timeout=self._timeout_s)
        log.info("feedback: %s marked alert %s (%s, %s) as %s in %s via %s", feedback.user,
                 feedback.alert_id, feedback.company, feedback.event_type,
                 feedback.label or "withdrawn", feedback.channel, feedback.source)


def read_feedback(clients: KafkaClients, topic: str) -> Iterator[Feedback]:
    """The latest record per key: each user's current vote on each alert, by source."""
    latest: dict[bytes, Feedback] = {}
    bad = 0

    def apply(key: bytes | None, value: bytes | None, partition: int, offset: int) -> None:
        nonlocal bad
        if key is None:
            return
        if value is None:
            latest.pop(key, None)
            return
        try:
            latest[key] = Feedback.from_json(value, source=f"{topic}[{partition}]@{offset}")
        except SchemaError as exc:
            bad += 1
            log.warning("feedback: record skipped: %s", exc)

    reader = CompactedTopicReader(clients.consumer("newswatch-feedback-reader"), topic,
                                  where="feedback")
    try:
        reader.load(apply)
    finally:
        reader.close()
    yield from latest.values()
