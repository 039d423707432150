"""``SlackEmulator``, the object tests hold: a workspace, its faults and its HTTP server.

Its state (``posts``, ``calls``, ``channels``, ``revoked``...) is the ``Workspace`` it
extends; the fault-injection methods forward to its ``Faults`` so that tests find the
whole API, documented, on one object.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from tests.slack_emulator.faults import Fault, Faults
from tests.slack_emulator.server import EmulatorServer
from tests.slack_emulator.socket_mode import SocketModeServer
from tests.slack_emulator.workspace import TEAM_ID, Workspace


class SlackEmulator(Workspace):
    """Start with ``start()`` (or the ``slack_emulator`` fixture); stop with ``stop()``."""

    def __init__(
        self,
        *,
        token: str = "xoxb-emu-tok",
        channels: tuple[str, ...] = ("general",),
        auto_create_channels: bool = True,
    ) -> None:
        super().__init__(
            token=token, channels=channels, auto_create_channels=auto_create_channels
        )
        self.faults = Faults(self)
        self.socket_mode: SocketModeServer | None = None
        self._server: EmulatorServer | None = None
        self._thread: threading.Thread | None = None

    # ---- lifecycle -------------------------------------------------------------------
    def start(self) -> SlackEmulator:
        self.socket_mode = SocketModeServer().start()
        self._server = EmulatorServer(self, self.faults)
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="slack-emulator", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.release()  # a held post would keep its handler thread waiting
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self.socket_mode is not None:
            self.socket_mode.stop()
            self.socket_mode = None

    @property
    def port(self) -> int:
        assert self._server is not None, "emulator not started"
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        """What to pass as ``WebClient(base_url=...)`` / ``NEWSWATCH_SLACK_API_URL``."""
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self) -> tuple[str, str]:
        """A fresh response_url for a command or click, and its id (``responses_to(id)``)."""
        response_id = self.new_response_url_id()
        return f"http://127.0.0.1:{self.port}/respond/{response_id}", response_id

    def webhook_url(self, channel: str) -> str:
        """An incoming-webhook URL that posts into ``channel`` (created if needed)."""
        secret = self.add_webhook(channel)
        return f"http://127.0.0.1:{self.port}/services/{TEAM_ID}/{secret}"

    # ---- fault injection ---------------------------------------------------------------
    def fail_next(
        self, times: int, fault: Fault, *, method: str | None = None,
        channel: str | None = None, skip: int = 0,
    ) -> None:
        """After ``skip`` matching calls, the next ``times`` calls matching
        ``method``/``channel`` get ``fault``."""
        self.faults.fail_next(times, fault, method=method, channel=channel, skip=skip)

    def fail_channel(self, channel: str, fault: Fault | None) -> None:
        """Every call for ``channel`` gets ``fault`` until cleared with ``None``."""
        self.faults.fail_channel(channel, fault)

    def outage(self, seconds: float, *, status: int = 503) -> None:
        """Every call (Web API and webhooks) answers ``status`` for ``seconds`` from now."""
        self.faults.outage(seconds, status=status)

    def rate_limit(self, per_second: float | None, *, retry_after: int = 1) -> None:
        """Posts beyond ``per_second`` per channel get 429 + Retry-After (None: no limit)."""
        self.faults.rate_limit(per_second, retry_after=retry_after)

    def clear_faults(self) -> None:
        self.faults.clear()

    def hold_posts(self, count: int = 1) -> None:
        """Accept the next ``count`` posts but hold each answer until ``release()``."""
        self.faults.hold_posts(count)

    def release(self) -> None:
        self.faults.release()


def running_emulator() -> Iterator[SlackEmulator]:
    """A started emulator, stopped when the generator is closed (fixture bodies use it)."""
    emulator = SlackEmulator().start()
    try:
        yield emulator
    finally:
        emulator.stop()


@pytest.fixture
def slack_emulator() -> Iterator[SlackEmulator]:
    """A started emulator; its token is ``emulator.token``, its API ``emulator.base_url``."""
    yield from running_emulator()
