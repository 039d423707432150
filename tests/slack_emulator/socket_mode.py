"""Socket Mode, emulated: a WebSocket endpoint on 127.0.0.1 that Slack's app connections use.

``apps.connections.open`` (called with the app-level token) hands out a one-time URL to
this server. A connecting app gets ``hello``; the test then sends envelopes (slash
commands, interactive payloads, Events API callbacks) and waits for each acknowledgement
(``{"envelope_id": …, "payload": …}``), the way Slack does. Like Slack it can ask for a
refresh (a ``disconnect`` message, then the old socket closes after a grace period),
drop a socket without a word, and redeliver an event with ``retry_attempt`` raised.

The server runs aiohttp on an event loop of its own thread; the test thread calls it
through ``SocketModeServer``'s blocking methods.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

APP_ID = "A0NEWSWATCH"
ACK_TIMEOUT_S = 3.0  # Slack's: an envelope not acknowledged by then counts as failed


@dataclass
class Connection:
    id: int
    ws: web.WebSocketResponse
    transport: Any
    opened_at: float = field(default_factory=time.monotonic)
    closed: bool = False


@dataclass(frozen=True)
class Ack:
    """An acknowledgement: the payload sent with it (None when bare) and how long it took."""

    envelope_id: str
    payload: dict[str, Any] | None
    seconds: float


class SocketModeServer:
    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="socket-mode",
                                        daemon=True)
        self._runner: web.AppRunner | None = None
        self._lock = threading.Lock()
        self._tickets: set[str] = set()
        self._connections: list[Connection] = []
        self._ids = itertools.count(1)
        self._acks: dict[str, tuple[threading.Event, list[Ack]]] = {}
        self.port = 0
        self.opened = 0  # connections accepted so far
        self.envelopes_sent = 0
        self.unacked: list[str] = []  # envelope ids whose acknowledgement never came

    # ---- lifecycle --------------------------------------------------------------------
    def start(self) -> SocketModeServer:
        self._thread.start()
        self._call(self._start())
        return self

    def stop(self) -> None:
        if self._runner is not None:
            self._call(self._runner.cleanup())
            self._runner = None
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)

    async def _start(self) -> None:
        application = web.Application()
        application.router.add_get("/link/", self._accept)
        self._runner = web.AppRunner(application, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    def _call(self, coroutine: Any, timeout: float = 10.0) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout)

    # ---- what apps.connections.open hands out -------------------------------------------
    def new_url(self) -> str:
        ticket = secrets.token_hex(8)
        with self._lock:
            self._tickets.add(ticket)
        return f"ws://127.0.0.1:{self.port}/link/?ticket={ticket}&app_id={APP_ID}"

    # ---- connections ------------------------------------------------------------------
    async def _accept(self, request: web.Request) -> web.StreamResponse:
        ticket = request.query.get("ticket", "")
        with self._lock:
            known = ticket in self._tickets
            self._tickets.discard(ticket)  # a URL opens one connection, as on Slack
        if not known:
            return web.Response(status=401, text="invalid or used ticket")
        ws = web.WebSocketResponse(autoping=True)
        transport = request.transport
        await ws.prepare(request)
        connection = Connection(next(self._ids), ws, transport)
        with self._lock:
            self._connections.append(connection)
            self.opened += 1
        await ws.send_str(json.dumps({
            "type": "hello", "num_connections": len(self.open_connections()),
            "debug_info": {"host": "applink-emulator", "approximate_connection_time": 18060},
            "connection_info": {"app_id": APP_ID}}))
        try:
            async for message in ws:
                if message.type == WSMsgType.TEXT:
                    self._acknowledged(message.data)
        finally:
            connection.closed = True
        return ws

    def _acknowledged(self, data: str) -> None:
        try:
            ack = json.loads(data)
        except ValueError:
            return
        envelope_id = ack.get("envelope_id") if isinstance(ack, dict) else None
        with self._lock:
            waiting = self._acks.get(str(envelope_id))
        if waiting is not None:
            event, slot = waiting
            slot.append(Ack(str(envelope_id), ack.get("payload"), 0.0))
            event.set()

    def open_connections(self) -> list[Connection]:
        with self._lock:
            return [c for c in self._connections if not c.closed and not c.ws.closed]

    def wait_connected(self, opened: int = 1, timeout: float = 15.0) -> Connection:
        """Wait until ``opened`` connections were accepted in all and one is open."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            live = self.open_connections()
            if self.opened >= opened and live:
                return live[-1]
            time.sleep(0.02)
        raise TimeoutError(f"no Socket Mode connection (accepted {self.opened}, "
                           f"wanted {opened})")

    # ---- Slack's side of the protocol -------------------------------------------------
    def send(self, kind: str, payload: dict[str, Any], *, accepts_response_payload: bool,
             retry_attempt: int | None = None, retry_reason: str | None = None,
             timeout: float = ACK_TIMEOUT_S, envelope_id: str | None = None) -> Ack | None:
        """Send one envelope on the newest open connection; its ack, or None if none came
        within ``timeout`` (Slack would then redeliver it)."""
        connection = self.wait_connected(timeout=timeout + 10)
        envelope_id = envelope_id or secrets.token_hex(12)
        envelope: dict[str, Any] = {"envelope_id": envelope_id, "type": kind,
                                    "payload": payload,
                                    "accepts_response_payload": accepts_response_payload}
        if kind == "events_api":
            envelope["retry_attempt"] = retry_attempt or 0
            envelope["retry_reason"] = retry_reason or ""
        event = threading.Event()
        slot: list[Ack] = []
        with self._lock:
            self._acks[envelope_id] = (event, slot)
            self.envelopes_sent += 1
        started = time.monotonic()
        self._call(connection.ws.send_str(json.dumps(envelope)))
        acked = event.wait(timeout)
        with self._lock:
            self._acks.pop(envelope_id, None)
            if not acked:
                self.unacked.append(envelope_id)
        if not acked:
            return None
        return Ack(envelope_id, slot[0].payload, time.monotonic() - started)

    def request_refresh(self, grace_s: float = 1.0) -> None:
        """Slack's periodic refresh: ``disconnect`` on every open socket, closed after
        ``grace_s`` (Slack waits about 10 s for the app to open a new one)."""
        for connection in self.open_connections():
            self._call(connection.ws.send_str(json.dumps({
                "type": "disconnect", "reason": "refresh_requested",
                "debug_info": {"host": "applink-emulator"}})))
            self._loop.call_later(grace_s, lambda c=connection: asyncio.ensure_future(
                c.ws.close()))

    def drop(self) -> None:
        """Cut every open socket without a close frame, as a network failure would."""
        for connection in self.open_connections():
            connection.closed = True
            self._loop.call_soon_threadsafe(connection.transport.close)
