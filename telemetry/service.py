"""Everything one running service exposes: its registry, its health, and the server.

Which port a service serves on:

- ``NEWSWATCH_METRICS_ENABLED=false``: none;
- ``NEWSWATCH_METRICS_PORT`` set: that port (0 = any free one, logged), for every command;
- unset: the service's own default port (``DEFAULT_PORTS``) when it runs as a service, and
  no server for one-shot runs (``produce --once``, ``notify --until-idle``): nothing would
  scrape a process that is about to exit, and it must not collide with the service.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from importlib import metadata

from prometheus_client import CollectorRegistry

from ..schemas.settings import Settings
from .health import Health
from .metrics import Periodic, new_registry
from .server import TelemetryServer

log = logging.getLogger(__name__)

DEFAULT_PORTS = {"producer": 9311, "worker": 9312, "notifier": 9313}


class ServiceTelemetry:
    """Lifecycle: build, register metrics on ``registry``, ``start()``, ``stop()`` at exit."""

    def __init__(self, service: str, settings: Settings, *, long_running: bool = True) -> None:
        self.service = service
        self.registry: CollectorRegistry = new_registry(service, _version())
        self.health = Health(service)
        self.port = _port(service, settings, long_running)
        self.host = settings.metrics_host
        self.server: TelemetryServer | None = None
        self._tasks: list[Periodic] = []

    def start(self) -> ServiceTelemetry:
        """Serve the endpoints (if this run serves them); raises ``ConfigError`` if the port
        cannot be bound."""
        if self.port is not None and self.server is None:
            self.server = TelemetryServer(self.registry, self.health, host=self.host,
                                          port=self.port).start()
            log.info("%s: metrics at %s/metrics, health at /healthz and /readyz",
                     self.service, self.server.url)
        return self

    def every(self, name: str, interval_s: float, action: Callable[[], None]) -> None:
        """Run ``action`` every ``interval_s`` s in a thread of its own until ``stop()``."""

        def report(exc: BaseException) -> None:
            log.warning("%s: %s failed: %s: %s", self.service, name, type(exc).__name__, exc)

        self._tasks.append(Periodic(f"{self.service}-{name}", interval_s, action,
                                    report).start())

    def stop(self) -> None:
        for task in self._tasks:
            task.stop()
        self._tasks.clear()
        if self.server is not None:
            self.server.stop()
            self.server = None


def _port(service: str, settings: Settings, long_running: bool) -> int | None:
    if not settings.metrics_enabled:
        return None
    if settings.metrics_port is not None:
        return settings.metrics_port
    return DEFAULT_PORTS.get(service, 0) if long_running else None


def _version() -> str:
    try:
        return metadata.version("newswatch")
    except metadata.PackageNotFoundError:
        return ""
