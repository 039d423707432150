"""Dead letters: what a stage could not process or deliver, written to ``<prefix>.dlq``.

Every stage writes them through ``DeadLetterWriter``, so each one is logged the same way
(stage, where it was read, reason), keyed by the original key, and acknowledged by the
broker before the stage moves past the message it replaces.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable

from kafka import KafkaProducer

from ..schemas.deadletter import DeadLetter

log = logging.getLogger(__name__)


class DeadLetterWriter:
    """Writes ``DeadLetter`` records; thread-safe, and usable from asyncio via ``awrite``.

    Pass the stage's own ``producer``, or ``make_producer``: then the producer is made on
    the first letter (a stage that never dead-letters never opens the connection) and
    ``close()`` closes it.
    """

    def __init__(self, topic: str, *, producer: KafkaProducer | None = None,
                 make_producer: Callable[[], KafkaProducer] | None = None,
                 timeout_s: float = 30.0) -> None:
        if (producer is None) == (make_producer is None):
            raise ValueError("give exactly one of producer and make_producer")
        self.topic = topic
        self._producer = producer
        self._make_producer = make_producer
        self._timeout_s = timeout_s
        self._lock = threading.Lock()
        self.written = 0

    def write(self, letter: DeadLetter) -> None:
        """Log ``letter`` and wait until the broker has it."""
        where = (f"{letter.source_topic}[{letter.partition}]@{letter.offset}"
                 if letter.source_topic else (letter.key or "-"))
        log.warning("dead-lettered (%s) %s: %s", letter.stage, where, letter.reason)
        key = letter.key.encode("utf-8") if letter.key else None
        self._ensure_producer().send(self.topic, key=key, value=letter.to_json_bytes()).get(
            timeout=self._timeout_s)
        with self._lock:
            self.written += 1

    async def awrite(self, letter: DeadLetter) -> None:
        """``write`` off the event loop."""
        await asyncio.to_thread(self.write, letter)

    def close(self) -> None:
        """Close the producer if this writer made it."""
        with self._lock:
            if self._make_producer is None or self._producer is None:
                return
            producer, self._producer = self._producer, None
        producer.close(timeout=10)

    def _ensure_producer(self) -> KafkaProducer:
        with self._lock:
            if self._producer is None:
                assert self._make_producer is not None  # only a made producer is ever closed
                self._producer = self._make_producer()
            return self._producer
