"""The HTTP endpoint: slash commands, interactivity and events POSTed by Slack.

Every request is checked before anything else happens: the signature headers must be
there, the timestamp within five minutes, the signature valid (slack-sdk's
``SignatureVerifier``) and never used before (``RecentSignatures``: the verifier alone would
accept a captured request again within its window). A refused request is answered 401 with
the reason and changes nothing. One path takes all three kinds of request
(``/slack/events``; ``/slack/commands`` and ``/slack/actions`` are aliases), as Bolt does.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import web
from slack_sdk.signature import Clock, SignatureVerifier

from .app import SlackApp
from .dedupe import RecentSignatures
from .replies import Reply

log = logging.getLogger(__name__)

WINDOW_S = 300  # Slack's own: a request older (or newer) than five minutes is refused
ACK_BUDGET_S = 2.0
MAX_BODY = 1024 * 1024
PATHS = ("/slack/events", "/slack/commands", "/slack/actions")


class _Clock(Clock):
    def __init__(self, now: Callable[[], float]) -> None:
        self._now = now

    def now(self) -> float:
        return self._now()


class HttpTransport:
    def __init__(self, app: SlackApp, signing_secret: str, host: str, port: int, *,
                 clock: Callable[[], float] = time.time, ack_budget_s: float = ACK_BUDGET_S
                 ) -> None:
        self.app = app
        self.host, self.port = host, port
        self._clock = clock
        self._verifier = SignatureVerifier(signing_secret, clock=_Clock(clock))
        self._seen = RecentSignatures(WINDOW_S, clock)
        self._ack_budget_s = ack_budget_s
        self._tasks: set[asyncio.Task[Any]] = set()
        self.refused: dict[str, int] = {}

    def web_app(self) -> web.Application:
        application = web.Application(client_max_size=MAX_BODY)
        for path in PATHS:
            application.router.add_post(path, self._handle)
        application.router.add_get("/healthz", self._health)
        return application

    async def run(self, stop: asyncio.Event) -> None:
        runner = web.AppRunner(self.web_app(), access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port)
        await site.start()
        log.info("slack app: listening for Slack on http://%s:%d%s", self.host, self.port,
                 PATHS[0])
        try:
            await stop.wait()
        finally:
            await runner.cleanup()
            for task in list(self._tasks):
                task.cancel()

    async def _health(self, request: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        refusal = self._refusal(request.headers, body)
        if refusal is not None:
            self.refused[refusal] = self.refused.get(refusal, 0) + 1
            log.warning("refused a request to %s from %s: %s", request.path, request.remote,
                        refusal)
            return web.Response(status=401, text=refusal)
        if request.content_type == "application/json":
            return self._event(_json(body))
        form = dict(parse_qsl(body.decode("utf-8", errors="replace"), keep_blank_values=True))
        if "payload" in form:
            payload = _json(form["payload"].encode("utf-8"))
            self._spawn(self._interaction(payload))
            return web.Response(status=200)
        if "command" in form:
            reply = await self._within_budget(self.app.command(form), form)
            if reply is None:
                return web.Response(status=200)
            return web.json_response(reply.payload())
        return web.Response(status=400, text="not a Slack command, action or event")

    def _refusal(self, headers: Any, body: bytes) -> str | None:
        timestamp = headers.get("X-Slack-Request-Timestamp")
        signature = headers.get("X-Slack-Signature")
        if not timestamp or not signature:
            return "missing signature: not a request from Slack"
        try:
            seconds = int(timestamp)
        except ValueError:
            return "bad timestamp"
        if abs(self._clock() - seconds) > WINDOW_S:
            return "stale timestamp: the request is more than 5 minutes old"
        if not self._verifier.is_valid(body, timestamp, signature):
            return "invalid signature"
        if not self._seen.first_use(signature, seconds):
            return "replayed request: this signature was already used"
        return None

    def _event(self, payload: dict[str, Any]) -> web.Response:
        if payload.get("type") == "url_verification":
            return web.json_response({"challenge": payload.get("challenge")})
        if payload.get("type") == "event_callback":
            self._spawn(self.app.event(payload))
        return web.Response(status=200)

    async def _interaction(self, payload: dict[str, Any]) -> None:
        reply = await self.app.interaction(payload)
        url = str(payload.get("response_url") or "")
        if reply is not None and url:
            await self.app.respond(url, reply)

    async def _within_budget(self, work: Awaitable[Reply], form: dict[str, str]
                             ) -> Reply | None:
        task = asyncio.ensure_future(work)
        done, _ = await asyncio.wait({task}, timeout=self._ack_budget_s)
        if task in done:
            return task.result()
        self._spawn(self._late_reply(task, form.get("response_url", "")))
        return None

    async def _late_reply(self, task: asyncio.Future[Reply], response_url: str) -> None:
        reply = await task
        if response_url:
            await self.app.respond(response_url, reply)

    def _spawn(self, work: Awaitable[Any]) -> None:
        task = asyncio.ensure_future(work)
        self._tasks.add(task)

        def done(finished: asyncio.Task[Any]) -> None:
            self._tasks.discard(finished)
            if not finished.cancelled() and finished.exception() is not None:
                log.error("slack app: handling a request failed",
                          exc_info=finished.exception())

        task.add_done_callback(done)


def _json(raw: bytes) -> dict[str, Any]:
    try:
        data = json.loads(raw)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
