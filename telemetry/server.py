"""One small HTTP server per service: ``/metrics``, ``/healthz`` and ``/readyz``.

``/metrics`` is the Prometheus text (or OpenMetrics, when the scraper asks for it) of the
service's own registry; ``/healthz`` answers 200 while the service's loop is alive and 503
when it has stalled; ``/readyz`` answers 200 when every readiness check passes, 503 with
the failing checks otherwise. The bodies of the health endpoints are small JSON documents
an operator can read. The server runs in a daemon thread and never touches the stages'
own threads or event loops.
"""

from __future__ import annotations

import errno
import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from prometheus_client import CollectorRegistry
from prometheus_client.exposition import choose_encoder

from ..schemas.errors import ConfigError
from .health import Health

log = logging.getLogger(__name__)


class TelemetryServer:
    """Serves ``registry`` and ``health`` on ``host:port`` (port 0: any free port)."""

    def __init__(self, registry: CollectorRegistry, health: Health, *, host: str = "127.0.0.1",
                 port: int = 0) -> None:
        self.registry = registry
        self.health = health
        try:
            self._httpd = ThreadingHTTPServer((host, port), _handler(registry, health))
        except OSError as exc:
            hint = (" (another newswatch service on this port? set NEWSWATCH_METRICS_PORT to "
                    "another port, or 0 for any free one)" if exc.errno == errno.EADDRINUSE
                    else "")
            setting = "PORT" if exc.errno == errno.EADDRINUSE else "HOST"
            raise ConfigError(f"cannot serve metrics on {host}:{port}: "
                              f"{exc.strerror or exc}{hint}",
                              location=f"NEWSWATCH_METRICS_{setting}") from None
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        host = str(self._httpd.server_address[0])
        shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
        return f"http://{shown}:{self.port}"

    def start(self) -> TelemetryServer:
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="telemetry",
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(5)
            self._thread = None
        self._httpd.server_close()


def _handler(registry: CollectorRegistry, health: Health) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "newswatch"

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0].rstrip("/") or "/"
            if path == "/metrics":
                encoder, content_type = choose_encoder(self.headers.get("Accept") or "")
                self._send(200, encoder(registry), content_type)
            elif path in ("/healthz", "/livez"):
                report = health.report()
                self._json(200 if report.alive else 503, report.liveness())
            elif path == "/readyz":
                report = health.report()
                self._json(200 if report.ready else 503, report.readiness())
            elif path == "/":
                self._send(200, b"newswatch: /metrics /healthz /readyz\n",
                           "text/plain; charset=utf-8")
            else:
                self._send(404, b"not found: try /metrics, /healthz or /readyz\n",
                           "text/plain; charset=utf-8")

        def _json(self, status: int, body: dict[str, Any]) -> None:
            self._send(status, json.dumps(body).encode() + b"\n", "application/json")

        def _send(self, status: int, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            # A scrape every 15 s is not news; keep it out of the service's log.
            log.debug("%s %s", self.address_string(), format % args)

    return Handler
