"""Noticing that Slack is back after an outage, within seconds, with one probe for all.

Without this, every channel's head alert backs off on its own (1, 2, 4 ... 30 s), so
the last queued alert could wait most of a backoff step after Slack answers again. Here
the first failure that looks like an outage (5xx, no answer, unreachable; not a rate
limit, which says when to come back) starts one prober thread. It calls the notifier's
cheap ``probe()`` (``auth.test`` for a bot token) every ``interval_s``, growing to
``max_interval_s``, and when Slack answers, or any real post goes through, every lane
waiting out a backoff is woken to retry at once.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

Probe = Callable[[], bool]
"""True when Slack answered (whatever it said), False while it does not."""


class SlackRecovery:
    """Outage bookkeeping shared by the delivery lanes (thread-safe)."""

    def __init__(self, probe: Probe | None, *, interval_s: float = 0.5,
                 max_interval_s: float = 3.0,
                 on_change: Callable[[bool], None] | None = None) -> None:
        self._probe = probe
        self.interval_s = interval_s
        self.max_interval_s = max_interval_s
        self._on_change = on_change or (lambda up: None)
        self._cond = threading.Condition()
        self._down_since: float | None = None
        self._generation = 0  # bumped at each recovery
        self._prober: threading.Thread | None = None
        self._closed = False

    @property
    def down(self) -> bool:
        with self._cond:
            return self._down_since is not None

    def failed(self) -> int:
        """A call failed as if Slack were down; returns the generation to wait on."""
        with self._cond:
            if self._down_since is None:
                self._down_since = time.monotonic()
                if self._probe is None:
                    log.warning("Slack does not answer: alerts wait and are retried")
                else:
                    log.warning("Slack does not answer: probing for its return every "
                                "%.1f-%.1f s", self.interval_s, self.max_interval_s)
                self._on_change(False)
                if self._probe is not None and not self._closed and (
                        self._prober is None or not self._prober.is_alive()):
                    self._prober = threading.Thread(target=self._probe_until_up,
                                                    name="slack-probe", daemon=True)
                    self._prober.start()
            return self._generation

    def succeeded(self) -> None:
        """A real call went through: Slack is up (wakes waiting lanes if it was down)."""
        with self._cond:
            if self._down_since is None:
                return
            log.info("Slack answers again after %.1f s; retrying waiting alerts now",
                     time.monotonic() - self._down_since)
            self._down_since = None
            self._generation += 1
            self._cond.notify_all()
        self._on_change(True)

    def recovered_since(self, generation: int) -> bool:
        with self._cond:
            return self._generation != generation

    def wait(self, seconds: float, generation: int, cancelled: Callable[[], bool],
             slice_s: float = 0.2) -> bool:
        """Wait up to ``seconds`` or until Slack recovers; True if ``cancelled`` meanwhile."""
        deadline = time.monotonic() + seconds
        with self._cond:
            while self._generation == generation:
                if cancelled():
                    return True
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(min(slice_s, left))
        return cancelled()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    def _probe_until_up(self) -> None:
        assert self._probe is not None
        delay = self.interval_s
        while True:
            with self._cond:
                if self._closed or self._down_since is None:
                    return
                self._cond.wait(delay)
                if self._closed or self._down_since is None:
                    return
            try:
                answered = self._probe()
            except Exception as exc:  # a probe must never kill the prober
                log.debug("Slack probe failed: %s", type(exc).__name__)
                answered = False
            if answered:
                self.succeeded()
                return
            delay = min(self.max_interval_s, delay * 1.5)
