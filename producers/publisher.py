"""Where articles go: Kafka (kafka-python, acks=all, key = article id) or a JSONL file."""

from __future__ import annotations

import asyncio
import logging
from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from kafka import KafkaProducer
from kafka.errors import KafkaError

from ..kafkaio.clients import KafkaClients
from ..kafkaio.deadletters import DeadLetterWriter
from ..schemas.article import Article
from ..schemas.deadletter import DeadLetter
from .errors import PublishError

log = logging.getLogger(__name__)


class ArticleSink(ABC):
    """Lifecycle: ``start()`` once; ``publish()`` per poll, returning only when the
    articles are durable (the poller saves feed state after it); ``close()`` at shutdown."""

    async def start(self) -> None:  # noqa: B027 - optional hook
        """Connect / open before the first publish."""

    @abstractmethod
    async def publish(self, articles: Sequence[Article]) -> None:
        """Write articles; raise PublishError when they could not be made durable."""

    async def dead_letter(self, letter: DeadLetter) -> None:
        """Record input that could not become an article; by default it is logged."""
        log.warning("rejected input (%s): %s", letter.key or "-", letter.reason)

    async def close(self) -> None:  # noqa: B027 - optional hook
        """Flush and release."""


class KafkaArticleSink(ArticleSink):
    def __init__(self, clients: KafkaClients, topic: str, *,
                 dead_letters: DeadLetterWriter | None = None) -> None:
        self.clients = clients
        self.topic = topic
        self.dead_letters = dead_letters
        self._producer: KafkaProducer | None = None

    async def start(self) -> None:
        def connect() -> KafkaProducer:
            # Articles are ~3 KB: with kafka-python's 16 KB batches nearly every send opened
            # a new batch and woke the sender thread (a syscall per article, most of the
            # time of a --from-jsonl backfill). 1 MB batches fill over the 20 ms linger.
            producer = self.clients.producer("newswatch-producer", enable_idempotence=True,
                                             linger_ms=20, batch_size=1 << 20)
            # Fetch metadata now, off the event loop: a first send() would block on it.
            producer.partitions_for(self.topic)
            return producer

        try:
            self._producer = await asyncio.to_thread(connect)
        except KafkaError as exc:
            raise PublishError(f"cannot connect to Kafka at {self.clients.bootstrap}: {exc}"
                               ) from exc

    async def publish(self, articles: Sequence[Article]) -> None:
        if not articles:
            return
        await self._send_all(self.topic, [(a.id, a.to_json_bytes()) for a in articles])

    async def dead_letter(self, letter: DeadLetter) -> None:
        if self.dead_letters is None:
            await super().dead_letter(letter)
            return
        try:
            await self.dead_letters.awrite(letter)
        except KafkaError as exc:
            raise PublishError(f"cannot publish to {self.dead_letters.topic}: {exc}") from exc

    async def _send_all(self, topic: str, records: list[tuple[str, bytes]]) -> None:
        if self._producer is None:
            raise RuntimeError("KafkaArticleSink.start() was not called")
        loop = asyncio.get_running_loop()
        waiters = []
        try:
            for key, value in records:
                future = self._producer.send(topic, key=key.encode("utf-8") or None, value=value)
                waiters.append(_bridge(future, loop))
            await asyncio.gather(*waiters)
        except KafkaError as exc:
            raise PublishError(f"cannot publish to {topic}: {exc}") from exc

    async def close(self) -> None:
        if self._producer is not None:
            producer, self._producer = self._producer, None
            await asyncio.to_thread(producer.close, 30)
        if self.dead_letters is not None:
            await asyncio.to_thread(self.dead_letters.close)


def _bridge(future: Any, loop: asyncio.AbstractEventLoop) -> asyncio.Future[Any]:
    """A kafka-python send future as an asyncio future (callbacks run on its I/O thread)."""
    waiter: asyncio.Future[Any] = loop.create_future()

    def settle(result: Any, error: BaseException | None) -> None:
        if waiter.done():
            return
        if error is not None:
            waiter.set_exception(error)
        else:
            waiter.set_result(result)

    future.add_callback(lambda md: loop.call_soon_threadsafe(settle, md, None))
    future.add_errback(lambda exc: loop.call_soon_threadsafe(settle, None, exc))
    return waiter


class JsonlArticleSink(ArticleSink):
    """``--output FILE.jsonl``: one Article JSON per line; the file is replaced per run."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._handle: IO[bytes] | None = None
        self.written = 0

    async def start(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = self.path.open("wb")
        except OSError as exc:
            raise PublishError(f"cannot write {self.path}: {exc.strerror or exc}") from exc

    async def publish(self, articles: Sequence[Article]) -> None:
        if self._handle is None:
            raise RuntimeError("JsonlArticleSink.start() was not called")
        try:
            self._handle.write(b"".join(a.to_json_bytes() + b"\n" for a in articles))
            self._handle.flush()
        except OSError as exc:
            raise PublishError(f"cannot write {self.path}: {exc.strerror or exc}") from exc
        self.written += len(articles)

    async def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None


class MemoryArticleSink(ArticleSink):
    """Keeps articles in a list: for benchmarks and library callers that want the objects."""

    def __init__(self) -> None:
        self.articles: list[Article] = []

    async def publish(self, articles: Sequence[Article]) -> None:
        self.articles.extend(articles)
