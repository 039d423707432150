"""Liveness and readiness of one service, as the health endpoints report them.

- *Alive* (``/healthz``): the service's main loop has beaten recently. A loop stuck for
  longer than ``stale_after_s`` (a blocked event loop, a deadlock) makes it fail, so an
  orchestrator restarts the process. Until the first beat the service counts as starting
  and alive for ``start_grace_s``.
- *Ready* (``/readyz``): every named check passes (broker reached, rules loaded, partitions
  assigned, Slack answering ...). Each check carries a short detail for the operator.

Thread-safe: stages update it from their loops, the HTTP server reads it from its thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Check:
    ok: bool
    detail: str = ""


@dataclass
class HealthReport:
    """A snapshot, as served: ``status`` is ``ok``/``ready`` or the reason it is not."""

    alive: bool
    ready: bool
    service: str
    checks: dict[str, Check] = field(default_factory=dict)
    last_beat_s: float | None = None

    def liveness(self) -> dict[str, object]:
        return {"service": self.service, "status": "ok" if self.alive else "stalled",
                "seconds_since_beat": None if self.last_beat_s is None
                else round(self.last_beat_s, 1)}

    def readiness(self) -> dict[str, object]:
        return {"service": self.service, "status": "ready" if self.ready else "not ready",
                "checks": {name: {"ok": c.ok, "detail": c.detail}
                           for name, c in sorted(self.checks.items())}}


class Health:
    """What ``/healthz`` and ``/readyz`` say about one service."""

    def __init__(self, service: str, *, stale_after_s: float = 60.0,
                 start_grace_s: float = 180.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.service = service
        self.stale_after_s = stale_after_s
        self.start_grace_s = start_grace_s
        self._clock = clock
        self._started = clock()
        self._beat: float | None = None
        self._checks: dict[str, Check] = {}
        self._lock = threading.Lock()

    def beat(self) -> None:
        """The main loop is turning: call at least every ``stale_after_s`` seconds."""
        now = self._clock()
        with self._lock:
            self._beat = now

    def set(self, name: str, ok: bool, detail: str = "") -> None:
        """Set readiness check ``name``; every check must pass for the service to be ready."""
        with self._lock:
            self._checks[name] = Check(ok, detail)

    def report(self) -> HealthReport:
        now = self._clock()
        with self._lock:
            beat, checks = self._beat, dict(self._checks)
        if beat is None:
            alive, since = now - self._started <= self.start_grace_s, None
        else:
            since = now - beat
            alive = since <= self.stale_after_s
        ready = alive and bool(checks) and all(c.ok for c in checks.values())
        return HealthReport(alive, ready, self.service, checks, since)
