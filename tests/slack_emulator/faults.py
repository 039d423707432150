"""Fault injection: queued faults, per-channel faults, outages, rate limits, held posts.

The server asks ``Faults.pick`` before answering each call; what a picked fault does to
the answer is in ``answers.py``. Tests set faults through ``SlackEmulator`` or over HTTP
through the ``/_emulator/`` control endpoints, which both land here.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Literal

from tests.slack_emulator.workspace import Message, Workspace

FaultKind = Literal[
    "rate_limited",  # 429 + Retry-After, nothing posted
    "server_error",  # HTTP `status` (5xx), nothing posted
    "timeout",  # sleep `seconds` before answering, nothing posted
    "error",  # HTTP 200 {"ok": false, "error": `error`}, nothing posted
    "disconnect",  # close the connection without an answer, nothing posted
    "server_error_after_post",  # the post is accepted, then HTTP `status`
    "timeout_after_post",  # the post is accepted, then sleep `seconds`
]


@dataclass
class Fault:
    """What goes wrong with one call; which fields matter depends on ``kind``."""

    kind: FaultKind
    status: int = 500
    error: str = ""
    retry_after: int = 1
    seconds: float = 0.0


@dataclass
class _QueuedFault:
    fault: Fault
    remaining: int
    method: str | None
    channel: str | None
    skip: int = 0


class Faults:
    """The faults waiting for the calls to come, and the posts held back."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace
        # The workspace's lock, not one of our own: a call's fault is picked and its post
        # stored without another thread's change slipping in between.
        self._lock = workspace.lock
        self._queued: list[_QueuedFault] = []
        self._channel_faults: dict[str, Fault] = {}
        self._outage_until = 0.0
        self._outage_status = 503
        self._rate: float | None = None
        self.rate_retry_after = 1
        self._last_post_at: dict[str, float] = {}
        self._hold = 0
        self._released = threading.Event()

    # ---- setting faults -------------------------------------------------------------------
    def fail_next(
        self, times: int, fault: Fault, *, method: str | None = None,
        channel: str | None = None, skip: int = 0,
    ) -> None:
        with self._lock:
            cid = self._resolve(channel)
            self._queued.append(_QueuedFault(fault, times, method, cid, skip))

    def fail_channel(self, channel: str, fault: Fault | None) -> None:
        with self._lock:
            cid = self._resolve(channel)
            assert cid is not None
            if fault is None:
                self._channel_faults.pop(cid, None)
            else:
                self._channel_faults[cid] = fault

    def outage(self, seconds: float, *, status: int = 503) -> None:
        with self._lock:
            self._outage_until = time.monotonic() + seconds
            self._outage_status = status

    def rate_limit(self, per_second: float | None, *, retry_after: int = 1) -> None:
        with self._lock:
            self._rate = per_second
            self.rate_retry_after = retry_after

    def clear(self) -> None:
        with self._lock:
            self._queued.clear()
            self._channel_faults.clear()
            self._outage_until = 0.0
            self._rate = None

    def hold_posts(self, count: int) -> None:
        with self._lock:
            self._hold += count
            self._released.clear()

    def release(self) -> None:
        self._released.set()

    def _resolve(self, channel: str | None) -> str | None:
        # Faults are matched on channel ids (what calls are recorded under), so a name given
        # by the test is turned into its id now, creating the channel as a post would.
        if channel is None:
            return None
        chan = self._workspace.find_channel(channel, create=True)
        return chan.id if chan else channel

    # ---- applying faults ------------------------------------------------------------------
    def pick(self, method: str, channel: str | None) -> Fault | None:
        """The fault for this call, if any: an outage first, then the channel's fault, then
        the first queued fault that matches (which is used up)."""
        with self._lock:
            if time.monotonic() < self._outage_until:
                return Fault("server_error", status=self._outage_status)
            if channel is not None and channel in self._channel_faults:
                return self._channel_faults[channel]
            for queued in self._queued:
                if queued.method not in (None, method):
                    continue
                if queued.channel not in (None, channel):
                    continue
                if queued.skip > 0:
                    queued.skip -= 1
                    continue
                queued.remaining -= 1
                if queued.remaining <= 0:
                    self._queued.remove(queued)
                return queued.fault
            return None

    def rate_limited(self, channel: str) -> bool:
        """Whether a post to ``channel`` now is over the rate; a post let through counts."""
        with self._lock:
            if self._rate is None:
                return False
            now = time.monotonic()
            last = self._last_post_at.get(channel)
            if last is not None and now - last < 1.0 / self._rate:
                return True
            self._last_post_at[channel] = now
            return False

    def deliver(self, message: Message) -> None:
        """Store an accepted post, run the on_post hooks, then hold the answer if asked.

        The post is stored before the hold, so a test sees it land while its answer is
        still on the way (the window a crash-after-post test needs)."""
        with self._lock:
            hooks = self._workspace.store_post(message)
            hold = self._hold > 0
            if hold:
                self._hold -= 1
        for hook in hooks:
            hook(message)
        if hold:
            self._released.wait(timeout=60)
