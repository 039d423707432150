"""Per-feed state, kept in the compacted topic ``<prefix>.feedstate`` (key: feed id).

A producer reads the topic to its end on start, so a restarted or moved producer resumes
with the same validators and seen ids and does not re-send old items.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import Iterable

from kafka import KafkaProducer
from kafka.errors import KafkaError

from ..kafkaio.clients import KafkaClients
from ..kafkaio.compacted import CompactedTopicReader
from ..kafkaio.errors import TopicMissing
from ..schemas.base import stable_id
from ..schemas.errors import SchemaError
from ..schemas.feeds import FeedState
from .errors import PublishError

log = logging.getLogger(__name__)

#: Seen-id hashes kept per feed (more when the current document alone has more): about
#: 15 bytes each on the state topic.
MAX_SEEN = 1_000
SEEN_HASH_CHARS = 12


def seen_key(article_id: str) -> str:
    """The short hash stored in ``FeedState.seen`` for one article id."""
    return stable_id("seen", article_id, length=SEEN_HASH_CHARS)


def merge_seen(current: Iterable[str], previous: Iterable[str]) -> list[str]:
    """Ids of the current document first, then older ones, bounded; the current document
    is always kept whole so a long feed never re-sends its own tail."""
    fresh = list(dict.fromkeys(current))
    merged = list(dict.fromkeys([*fresh, *previous]))
    return merged[: max(MAX_SEEN, len(fresh))]


class FeedStateStore(ABC):
    """Lifecycle: ``load()`` once at start; ``save()`` after each poll (after the poll's
    articles are acknowledged); ``flush()`` at checkpoints; ``close()`` at shutdown."""

    @abstractmethod
    def load(self) -> dict[str, FeedState]:
        """Every known feed's latest state, by feed id."""

    @abstractmethod
    def save(self, state: FeedState) -> None:
        """Record a feed's new state (may be buffered until ``flush``)."""

    def flush(self) -> None:  # noqa: B027 - optional hook
        """Make saved states durable."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release resources; implies ``flush``."""


class MemoryStateStore(FeedStateStore):
    """State for one process only: ``--output`` runs, which need no broker."""

    def __init__(self, initial: dict[str, FeedState] | None = None) -> None:
        self.states: dict[str, FeedState] = dict(initial or {})

    def load(self) -> dict[str, FeedState]:
        return dict(self.states)

    def save(self, state: FeedState) -> None:
        self.states[state.feed_id] = state


class KafkaStateStore(FeedStateStore):
    def __init__(self, clients: KafkaClients, topic: str, *, load_timeout: float = 60.0) -> None:
        self.clients = clients
        self.topic = topic
        self.load_timeout = load_timeout
        self._producer: KafkaProducer | None = None

    def load(self) -> dict[str, FeedState]:
        states = read_states(self.clients, self.topic, timeout=self.load_timeout)
        self._connect()  # now, off the event loop: save() is called from it
        return states

    def _connect(self) -> KafkaProducer:
        if self._producer is None:
            try:
                self._producer = self.clients.producer("newswatch-feedstate", linger_ms=50)
                self._producer.partitions_for(self.topic)  # metadata, so send() won't block
            except KafkaError as exc:
                raise PublishError(
                    f"cannot connect to Kafka at {self.clients.bootstrap}: {exc}") from exc
        return self._producer

    def save(self, state: FeedState) -> None:
        self._producer = self._connect()
        try:
            self._producer.send(self.topic, key=state.feed_id.encode(),
                                value=state.to_json_bytes())
        except KafkaError as exc:
            raise PublishError(f"cannot save feed state to {self.topic}: {exc}") from exc

    def flush(self) -> None:
        if self._producer is not None:
            try:
                self._producer.flush(timeout=60)
            except KafkaError as exc:
                raise PublishError(f"cannot save feed state to {self.topic}: {exc}") from exc

    def close(self) -> None:
        if self._producer is not None:
            self.flush()
            self._producer.close(timeout=10)
            self._producer = None


def read_states(clients: KafkaClients, topic: str, *,
                timeout: float = 60.0) -> dict[str, FeedState]:
    """Read the compacted state topic from the beginning to its current end."""
    states: dict[str, FeedState] = {}

    def apply(key: bytes | None, value: bytes | None, partition: int, offset: int) -> None:
        _apply(states, key, value, f"{topic}/{partition}@{offset}")

    reader = CompactedTopicReader(clients.consumer("newswatch-feedstate-reader"), topic,
                                  timeout_s=timeout, where="feed state")
    try:
        reader.load(apply)
    except TopicMissing:
        return states  # nothing polled yet
    except TimeoutError:
        raise PublishError(f"timed out reading feed state from {topic}") from None
    except KafkaError as exc:
        raise PublishError(f"cannot read feed state from {topic}: {exc}") from exc
    finally:
        reader.close()
    log.info("loaded state of %d feed(s) from %s", len(states), topic)
    return states


def _apply(states: dict[str, FeedState], key: bytes | None, value: bytes | None,
           where: str) -> None:
    if key is None:
        return
    feed_id = key.decode("utf-8", "replace")
    if value is None:  # tombstone: the feed was forgotten
        states.pop(feed_id, None)
        return
    try:
        states[feed_id] = FeedState.from_json(value, source=where)
    except SchemaError as exc:
        # A state we cannot read costs one re-poll of that feed, never the whole start.
        log.warning("ignoring unreadable feed state: %s", exc)
