"""Per-channel ordering with many channels in flight, and the offsets safe to commit.

``ChannelLanes`` keeps one FIFO queue per channel and a pool of workers; a channel is
served by at most one worker at a time, so its alerts go out in order and a head alert
that keeps failing holds back only its own channel. ``OffsetTracker`` knows, per
partition, the lowest offset not yet done: only offsets below it may be committed.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from kafka import TopicPartition

J = TypeVar("J", bound="Keyed")


@dataclass
class Keyed:
    channel: str
    tp: TopicPartition
    offset: int


class ChannelLanes(Generic[J]):
    """Run ``handle(job)`` for each submitted job: in order per channel, channels in parallel."""

    def __init__(self, workers: int, handle: Callable[[J], None], name: str = "notify") -> None:
        self._handle = handle
        self._queues: dict[str, deque[J]] = {}
        self._ready: deque[str] = deque()
        self._running: dict[str, J] = {}
        self._cond = threading.Condition()
        self._stopping = False
        self._threads = [
            threading.Thread(target=self._work, name=f"{name}-{i}", daemon=True)
            for i in range(workers)
        ]
        for thread in self._threads:
            thread.start()

    def submit(self, job: J) -> None:
        with self._cond:
            queue = self._queues.setdefault(job.channel, deque())
            queue.append(job)
            if len(queue) == 1 and job.channel not in self._running:
                self._ready.append(job.channel)
                self._cond.notify()

    def pending(self) -> int:
        """Jobs queued or running."""
        with self._cond:
            return sum(len(q) for q in self._queues.values())

    def drop(self, keep: Callable[[J], bool]) -> int:
        """Forget queued (not running) jobs for which ``keep`` is false; return how many."""
        dropped = 0
        with self._cond:
            for channel, queue in list(self._queues.items()):
                running = self._running.get(channel)
                kept = deque(j for j in queue if j is running or keep(j))
                dropped += len(queue) - len(kept)
                if kept:
                    self._queues[channel] = kept
                else:
                    del self._queues[channel]
            self._ready = deque(c for c in self._ready if c in self._queues)
        return dropped

    def wait_running(self, done: Callable[[J], bool], timeout: float) -> bool:
        """Wait until no running job matches ``done``'s complement; False on timeout."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while any(not done(j) for j in self._running.values()):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
        return True

    def stop(self, timeout: float = 60.0) -> None:
        """Let running jobs finish, drop queued ones, end the workers."""
        with self._cond:
            self._stopping = True
            self._ready.clear()
            self._cond.notify_all()
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))

    def _work(self) -> None:
        while True:
            with self._cond:
                while not self._ready and not self._stopping:
                    self._cond.wait()
                if self._stopping:
                    return
                channel = self._ready.popleft()
                job = self._queues[channel][0]
                self._running[channel] = job
            try:
                self._handle(job)
            finally:
                with self._cond:
                    del self._running[channel]
                    queue = self._queues.get(channel)
                    if queue and queue[0] is job:
                        queue.popleft()
                    if queue:
                        self._ready.append(channel)
                    elif channel in self._queues:
                        del self._queues[channel]
                    self._cond.notify_all()


@dataclass
class OffsetTracker:
    """Offsets read but not yet done, per partition."""

    pending: dict[TopicPartition, set[int]] = field(default_factory=dict)
    next_offset: dict[TopicPartition, int] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, tp: TopicPartition, offset: int) -> None:
        with self._lock:
            self.pending.setdefault(tp, set()).add(offset)
            self.next_offset[tp] = max(self.next_offset.get(tp, 0), offset + 1)

    def done(self, tp: TopicPartition, offset: int) -> None:
        with self._lock:
            self.pending.get(tp, set()).discard(offset)

    def in_flight(self) -> int:
        with self._lock:
            return sum(len(p) for p in self.pending.values())

    def committable(self) -> dict[TopicPartition, int]:
        """Per partition, the offset to commit: everything below it is done."""
        with self._lock:
            return {
                tp: min(self.pending[tp]) if self.pending.get(tp) else nxt
                for tp, nxt in self.next_offset.items()
            }

    def forget(self, tps: set[TopicPartition]) -> None:
        with self._lock:
            for tp in tps:
                self.pending.pop(tp, None)
                self.next_offset.pop(tp, None)
