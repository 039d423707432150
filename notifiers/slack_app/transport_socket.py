"""Socket Mode: the app opens a WebSocket to Slack, so it needs no public URL (the default).

slack-sdk's aiohttp ``SocketModeClient`` gets the WebSocket URL with the app-level token
(``apps.connections.open``), reconnects when Slack sends ``disconnect`` (it refreshes
connections every few hours) and when the socket drops. This module acknowledges each
envelope within Slack's 3 seconds: a slash command's reply rides on the acknowledgement
when it is ready in time, and otherwise follows through the command's ``response_url``;
clicks and events are acknowledged at once and handled after. Slack redelivers an envelope
it did not see acknowledged; ``SlackApp`` handles each event once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from typing import Any

from slack_sdk.socket_mode.async_client import AsyncBaseSocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse
from slack_sdk.web.async_client import AsyncWebClient

from .app import SlackApp
from .replies import Reply

log = logging.getLogger(__name__)

ACK_BUDGET_S = 2.0  # of Slack's 3 s: what is left covers the trip back


class SocketModeTransport:
    def __init__(self, app: SlackApp, app_token: str, web: AsyncWebClient, *,
                 ping_interval_s: float = 5.0, ack_budget_s: float = ACK_BUDGET_S,
                 logger: logging.Logger | None = None) -> None:
        self.app = app
        self._app_token = app_token
        self._web = web
        self._ping_interval_s = ping_interval_s
        self._ack_budget_s = ack_budget_s
        self._logger = logger
        self._tasks: set[asyncio.Task[Any]] = set()
        self.client: Any = None

    async def run(self, stop: asyncio.Event) -> None:
        """Connect, serve until ``stop`` is set, then close the socket."""
        from slack_sdk.socket_mode.aiohttp import SocketModeClient

        client = SocketModeClient(app_token=self._app_token, web_client=self._web,
                                  ping_interval=self._ping_interval_s, logger=self._logger)
        client.socket_mode_request_listeners.append(self._on_request)
        self.client = client
        try:
            await client.connect()
            log.info("slack app: connected in Socket Mode")
            await stop.wait()
        finally:
            await client.close()
            for task in list(self._tasks):
                task.cancel()

    async def _on_request(self, client: AsyncBaseSocketModeClient,
                          request: SocketModeRequest) -> None:
        payload = request.payload
        if request.type == "slash_commands":
            reply = await self._within_budget(self.app.command(payload), payload)
            await _ack(client, request, reply.payload() if reply is not None else None)
        elif request.type == "interactive":
            await _ack(client, request, None)
            self._spawn(self._interaction(payload))
        elif request.type == "events_api":
            await _ack(client, request, None)
            self._spawn(self.app.event(payload))
        else:
            await _ack(client, request, None)

    async def _within_budget(self, work: Awaitable[Reply], payload: dict[str, Any]
                             ) -> Reply | None:
        """The reply if ready within the budget; else None, and it follows by response_url."""
        task = asyncio.ensure_future(work)
        done, _ = await asyncio.wait({task}, timeout=self._ack_budget_s)
        if task in done:
            return task.result()
        url = str(payload.get("response_url") or "")
        self._spawn(self._late_reply(task, url))
        return None

    async def _late_reply(self, task: asyncio.Future[Reply], response_url: str) -> None:
        reply = await task
        if response_url:
            await self.app.respond(response_url, reply)

    async def _interaction(self, payload: dict[str, Any]) -> None:
        reply = await self.app.interaction(payload)
        url = str(payload.get("response_url") or "")
        if reply is not None and url:
            await self.app.respond(url, reply)

    def _spawn(self, work: Awaitable[Any]) -> None:
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(_finished(self._tasks))


async def _ack(client: AsyncBaseSocketModeClient, request: SocketModeRequest,
               payload: dict[str, Any] | None) -> None:
    await client.send_socket_mode_response(SocketModeResponse(request.envelope_id, payload))


def _finished(tasks: set[asyncio.Task[Any]]) -> Any:
    def done(task: asyncio.Task[Any]) -> None:
        tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("slack app: handling a request failed", exc_info=task.exception())
    return done
