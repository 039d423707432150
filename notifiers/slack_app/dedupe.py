"""Handling each Slack request once: redeliveries and replays.

- ``Once``: Slack redelivers an event it thinks was not acknowledged (same ``event_id``,
  new envelope or request), and a slash command or click can arrive twice on a flaky
  network (same ``trigger_id``). The first delivery runs; a later or concurrent copy gets
  the first one's answer and changes nothing.
- ``RecentSignatures``: ``SignatureVerifier`` accepts a signed request for five minutes,
  so a captured request could be sent again within that window. Each signature is
  remembered until its timestamp leaves the window, and a second use is refused.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Once(Generic[T]):
    """Runs ``work`` once per key among the last ``size`` keys; copies share the result."""

    def __init__(self, size: int = 10_000) -> None:
        self._size = size
        self._results: OrderedDict[str, asyncio.Future[T]] = OrderedDict()
        self.repeats = 0

    async def run(self, key: str | None, work: Callable[[], Awaitable[T]]) -> T:
        if not key:
            return await work()
        earlier = self._results.get(key)
        if earlier is not None:
            self.repeats += 1
            return await asyncio.shield(earlier)
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        self._results[key] = future
        while len(self._results) > self._size:
            self._results.popitem(last=False)
        try:
            result = await work()
        except BaseException as exc:
            # A failure is not "handled": let a redelivery try again.
            self._results.pop(key, None)
            future.set_exception(exc)
            future.exception()  # retrieved: no "never retrieved" warning for lone failures
            raise
        future.set_result(result)
        return result


class RecentSignatures:
    """Signatures seen while their timestamps are inside the accepted window. Thread-safe."""

    def __init__(self, window_s: float = 300.0, clock: Callable[[], float] = time.time) -> None:
        self.window_s = window_s
        self._clock = clock
        self._seen: dict[str, float] = {}  # signature -> when it stops being acceptable
        self._lock = threading.Lock()

    def first_use(self, signature: str, timestamp: int) -> bool:
        """Record ``signature``; False if it was used before (a replay)."""
        now = self._clock()
        with self._lock:
            if len(self._seen) > 1_000 and any(until < now for until in self._seen.values()):
                self._seen = {s: u for s, u in self._seen.items() if u >= now}
            if signature in self._seen:
                return False
            # Acceptable until the timestamp is window_s in the past (it may be ahead of us).
            self._seen[signature] = max(timestamp, now) + self.window_s
            return True

    def __len__(self) -> int:
        with self._lock:
            return len(self._seen)
