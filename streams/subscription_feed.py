"""Keeps the worker's ``SubscriptionLayer`` in step with ``<prefix>.subscriptions``.

Every worker reads the whole compacted topic itself, with a group-less consumer: each one
routes events for any channel, so each needs every channel's state (scale-out stays
Kafka's). ``load`` reads to the end before the agents start, so a restarted worker routes
its first event with the subscriptions and mutes in force; ``catch_up``, called every
second off the event loop, applies what the Slack app wrote since.
"""

from __future__ import annotations

import logging

from ..kafkaio.clients import KafkaClients
from ..kafkaio.compacted import CompactedTopicReader
from ..schemas.errors import SchemaError
from ..schemas.subscriptions import ChannelSubscriptions
from .subscriptions import SubscriptionBook, SubscriptionLayer

log = logging.getLogger(__name__)


class SubscriptionFeed:
    """Reads the topic into a ``SubscriptionLayer``; use from one thread at a time."""

    def __init__(self, clients: KafkaClients, topic: str, *,
                 layer: SubscriptionLayer | None = None, timeout_s: float = 60.0) -> None:
        self.topic = topic
        self.layer = layer or SubscriptionLayer()
        self._channels: dict[str, ChannelSubscriptions] = dict(self.layer.book.channels)
        self._changed: list[str] = []
        self._reader = CompactedTopicReader(
            clients.consumer("newswatch-worker-subscriptions"), topic, timeout_s=timeout_s,
            where="subscriptions")
        self.invalid = 0

    def load(self) -> int:
        """Read the topic from its beginning; return how many channels have state."""
        self._reader.load(self._apply)
        self._publish(initial=True)
        return len(self._channels)

    def catch_up(self) -> int:
        """Apply what was written since the last read; return how many records were read."""
        count = self._reader.catch_up(self._apply)
        if self._changed:
            self._publish(initial=False)
        return count

    def close(self) -> None:
        self._reader.close()

    def _apply(self, key: bytes | None, value: bytes | None, partition: int,
               offset: int) -> None:
        where = f"{self.topic}[{partition}]@{offset}"
        if value is None:  # a tombstone: the channel's state is gone
            channel = (key or b"").decode("utf-8", errors="replace")
            if self._channels.pop(channel, None) is not None:
                self._changed.append(channel)
            return
        try:
            state = ChannelSubscriptions.from_json(value, source=where)
        except SchemaError as exc:
            # Keep the channel's previous state: a bad record must not unsubscribe it.
            self.invalid += 1
            log.error("subscriptions: record skipped, the channel keeps its previous state: "
                      "%s", exc)
            return
        self._channels[state.channel] = state
        self._changed.append(state.channel)

    def _publish(self, *, initial: bool) -> None:
        book = SubscriptionBook(dict(self._channels), self.layer.book.version + 1)
        self.layer.replace(book)
        if initial:
            log.info("subscriptions: %d channel(s) with Slack-made subscriptions or mutes "
                     "loaded from %s", len(book.channels), self.topic)
        for channel in dict.fromkeys(self._changed) if not initial else ():
            state = book.channels.get(channel)
            if state is None:
                log.info("subscriptions: channel %s cleared", channel)
                continue
            last = state.changes[-1] if state.changes else None
            log.info("subscriptions: now in force for %s (%s): %d subscription(s), %d mute(s)%s",
                     state.label, state.channel, len(state.subscriptions), len(state.mutes),
                     f"; last change by {last.by}: {last.summary}" if last else "")
        self._changed = []
