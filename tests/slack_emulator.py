"""A local Slack Web API emulator for tests: real HTTP on 127.0.0.1, answers like Slack.

The real ``slack_sdk`` clients talk to it through ``base_url=emulator.base_url`` (bot
token) or ``emulator.webhook_url(channel)`` (incoming webhook). It implements the calls
newswatch makes (``auth.test``, ``chat.postMessage``, ``chat.update``,
``conversations.history``, ``conversations.replies``, ``conversations.list``) and the
incoming-webhook endpoint, checks the bearer token and Slack's message limits, and records
every post it accepted, so a test can count duplicates and losses.

Faults are injected from Python (``fail_next``, ``fail_channel``, ``outage``, ``rate_limit``,
``hold_posts``) or over HTTP (``POST /_emulator/fault`` with the same fields as ``Fault``),
the way slack-sdk's own test server serves ``/ratelimited`` and ``/timeout``.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal
from urllib.parse import parse_qsl, urlsplit

import pytest

FaultKind = Literal[
    "rate_limited",  # 429 + Retry-After, nothing posted
    "server_error",  # HTTP `status` (5xx), nothing posted
    "timeout",  # sleep `seconds` before answering, nothing posted
    "error",  # HTTP 200 {"ok": false, "error": `error`}, nothing posted
    "disconnect",  # close the connection without an answer, nothing posted
    "server_error_after_post",  # the post is accepted, then HTTP `status`
    "timeout_after_post",  # the post is accepted, then sleep `seconds`
]

BOT_USER_ID = "UNEWSWATCH"
BOT_ID = "BNEWSWATCH"
TEAM_ID = "T0NEWSWATCH"
FATAL_WEBHOOK_ERRORS = {"invalid_token": 403, "no_service": 404, "team_disabled": 403}


@dataclass
class Fault:
    kind: FaultKind
    status: int = 500
    error: str = ""
    retry_after: int = 1
    seconds: float = 0.0


@dataclass
class Message:
    """A message as the emulated workspace stores it."""

    channel: str  # channel id
    ts: str
    text: str
    blocks: list[dict[str, Any]] | None
    metadata: dict[str, Any] | None
    thread_ts: str | None
    via: Literal["api", "webhook"]
    edits: list[dict[str, Any]] = field(default_factory=list)

    @property
    def alert_id(self) -> str | None:
        payload = (self.metadata or {}).get("event_payload") or {}
        return payload.get("alert_id") if isinstance(payload, dict) else None

    def to_api(self, *, with_metadata: bool) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": "message",
            "user": BOT_USER_ID,
            "bot_id": BOT_ID,
            "ts": self.ts,
            "text": self.text,
        }
        if self.blocks is not None:
            out["blocks"] = self.blocks
        if self.thread_ts:
            out["thread_ts"] = self.thread_ts
        if self.edits:
            out["edited"] = {"user": BOT_USER_ID, "ts": self.edits[-1]["at_ts"]}
        if with_metadata and self.metadata is not None:
            out["metadata"] = self.metadata
        return out


@dataclass
class Channel:
    id: str
    name: str
    archived: bool = False
    member: bool = True


@dataclass(frozen=True)
class Call:
    """One request the emulator answered (whatever the outcome)."""

    method: str
    channel: str | None
    status: int
    error: str | None
    at: float
    alert_id: str | None = None  # from the message metadata, for posts newswatch makes


@dataclass
class _QueuedFault:
    fault: Fault
    remaining: int
    method: str | None
    channel: str | None
    skip: int = 0


class SlackEmulator:
    """Start with ``start()`` (or the ``slack_emulator`` fixture); stop with ``stop()``."""

    def __init__(
        self,
        *,
        token: str = "xoxb-emu-tok",
        channels: tuple[str, ...] = ("general",),
        auto_create_channels: bool = True,
    ) -> None:
        self.token = token
        self.auto_create_channels = auto_create_channels
        self.revoked = False
        self.account_inactive = False
        self._lock = threading.RLock()
        self._ids = itertools.count(1)
        self._last_ts = 0.0
        self.channels: dict[str, Channel] = {}
        self.messages: list[Message] = []
        self.posts: list[Message] = []
        self.updates: list[tuple[str, str]] = []  # (channel id, ts) per accepted chat.update
        self.calls: list[Call] = []
        self._queued: list[_QueuedFault] = []
        self._channel_faults: dict[str, Fault] = {}
        self._outage_until = 0.0
        self._outage_status = 503
        self._rate: float | None = None
        self._rate_retry_after = 1
        self._last_post_at: dict[str, float] = {}
        self._hold = 0
        self._released = threading.Event()
        self._post_hooks: list[Callable[[Message], None]] = []
        self._webhooks: dict[str, str] = {}  # secret path part -> channel id
        self._request = threading.local()  # what the handler thread is answering
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        for name in channels:
            self.add_channel(name)

    # ---- lifecycle -------------------------------------------------------------------
    def start(self) -> SlackEmulator:
        self._server = _Server(("127.0.0.1", 0), _handler_for(self))
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="slack-emulator", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.release()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @property
    def port(self) -> int:
        assert self._server is not None, "emulator not started"
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        """What to pass as ``WebClient(base_url=...)`` / ``NEWSWATCH_SLACK_API_URL``."""
        return f"http://127.0.0.1:{self.port}/api/"

    def webhook_url(self, channel: str) -> str:
        """An incoming-webhook URL that posts into ``channel`` (created if needed)."""
        with self._lock:
            chan = self._channel(channel, create=True)
            assert chan is not None
            secret = f"B{chan.id[1:]}/{'x' * 8}{chan.id.lower()}"
            self._webhooks[secret] = chan.id
        return f"http://127.0.0.1:{self.port}/services/{TEAM_ID}/{secret}"

    # ---- workspace state -----------------------------------------------------------------
    def add_channel(self, name: str, *, archived: bool = False, member: bool = True) -> str:
        with self._lock:
            existing = self._channel(name, create=False)
            if existing is not None:
                existing.archived, existing.member = archived, member
                return existing.id
            chan = Channel(id=f"C{next(self._ids):08d}", name=name.lstrip("#"))
            chan.archived, chan.member = archived, member
            self.channels[chan.id] = chan
            return chan.id

    def channel_id(self, name: str) -> str:
        with self._lock:
            chan = self._channel(name, create=False)
        if chan is None:
            raise KeyError(name)
        return chan.id

    def _channel(self, ref: str, *, create: bool) -> Channel | None:
        if ref in self.channels:
            return self.channels[ref]
        name = ref.lstrip("#")
        for chan in self.channels.values():
            if chan.name == name:
                return chan
        if create and not (ref[:1] in "CGD" and ref[1:].isdigit()):
            chan = Channel(id=f"C{next(self._ids):08d}", name=name)
            self.channels[chan.id] = chan
            return chan
        return None

    def posts_in(self, channel: str) -> list[Message]:
        with self._lock:
            cid = self.channel_id(channel)
            return [m for m in self.posts if m.channel == cid]

    def alert_ids_posted(self) -> list[str | None]:
        """The alert id of every accepted post, in the order accepted (duplicates kept)."""
        with self._lock:
            return [m.alert_id for m in self.posts]

    # ---- fault injection -----------------------------------------------------------------
    def fail_next(
        self, times: int, fault: Fault, *, method: str | None = None,
        channel: str | None = None, skip: int = 0,
    ) -> None:
        """After ``skip`` matching calls, the next ``times`` calls matching
        ``method``/``channel`` get ``fault``."""
        with self._lock:
            cid = self._resolve_for_fault(channel)
            self._queued.append(_QueuedFault(fault, times, method, cid, skip))

    def fail_channel(self, channel: str, fault: Fault | None) -> None:
        """Every call for ``channel`` gets ``fault`` until cleared with ``None``."""
        with self._lock:
            cid = self._resolve_for_fault(channel)
            assert cid is not None
            if fault is None:
                self._channel_faults.pop(cid, None)
            else:
                self._channel_faults[cid] = fault

    def outage(self, seconds: float, *, status: int = 503) -> None:
        """Every call (Web API and webhooks) answers ``status`` for ``seconds`` from now."""
        with self._lock:
            self._outage_until = time.monotonic() + seconds
            self._outage_status = status

    def rate_limit(self, per_second: float | None, *, retry_after: int = 1) -> None:
        """Posts beyond ``per_second`` per channel get 429 + Retry-After (None: no limit)."""
        with self._lock:
            self._rate = per_second
            self._rate_retry_after = retry_after

    def clear_faults(self) -> None:
        with self._lock:
            self._queued.clear()
            self._channel_faults.clear()
            self._outage_until = 0.0
            self._rate = None

    def hold_posts(self, count: int = 1) -> None:
        """Accept the next ``count`` posts but hold each answer until ``release()``."""
        with self._lock:
            self._hold += count
            self._released.clear()

    def release(self) -> None:
        self._released.set()

    def on_post(self, hook: Callable[[Message], None]) -> None:
        """Call ``hook(message)`` when a post is accepted, before the answer is sent."""
        with self._lock:
            self._post_hooks.append(hook)

    def wait_for_posts(self, count: int, timeout: float = 30.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.posts) >= count:
                    return True
            time.sleep(0.02)
        return False

    def _resolve_for_fault(self, channel: str | None) -> str | None:
        if channel is None:
            return None
        chan = self._channel(channel, create=True)
        return chan.id if chan else channel

    def _pick_fault(self, method: str, channel: str | None) -> Fault | None:
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

    def _rate_limited(self, channel: str) -> bool:
        with self._lock:
            if self._rate is None:
                return False
            now = time.monotonic()
            last = self._last_post_at.get(channel)
            if last is not None and now - last < 1.0 / self._rate:
                return True
            self._last_post_at[channel] = now
            return False

    # ---- request handling (called from handler threads) ------------------------------------
    def _next_ts(self) -> str:
        # Like Slack: wall-clock seconds with microseconds, unique within the workspace.
        with self._lock:
            self._last_ts = max(time.time(), self._last_ts + 0.000001)
            return f"{self._last_ts:.6f}"

    def _record(self, method: str, channel: str | None, status: int, error: str | None) -> None:
        alert_id = getattr(self._request, "alert_id", None)
        with self._lock:
            self.calls.append(Call(method, channel, status, error, time.monotonic(), alert_id))

    def _accept_post(self, message: Message) -> None:
        with self._lock:
            self.messages.append(message)
            self.posts.append(message)
            hooks = list(self._post_hooks)
            hold = self._hold > 0
            if hold:
                self._hold -= 1
        for hook in hooks:
            hook(message)
        if hold:
            self._released.wait(timeout=60)


def validate_message(text: str, blocks: Any) -> str | None:
    """Slack's limits on a message; the error code Slack answers, or None."""
    if not text and not blocks:
        return "no_text"
    if len(text) > 40_000:
        return "msg_too_long"
    if blocks is None:
        return None
    if not isinstance(blocks, list) or len(blocks) > 50:
        return "invalid_blocks"
    for block in blocks:
        if not isinstance(block, dict) or not _block_ok(block):
            return "invalid_blocks"
    return None


def _text_ok(obj: Any, limit: int, kinds: tuple[str, ...] = ("plain_text", "mrkdwn")) -> bool:
    return (
        isinstance(obj, dict)
        and obj.get("type") in kinds
        and isinstance(obj.get("text"), str)
        and 0 < len(obj["text"]) <= limit
    )


def _block_ok(block: dict[str, Any]) -> bool:
    kind = block.get("type")
    if len(str(block.get("block_id", ""))) > 255:
        return False
    if kind == "header":
        return _text_ok(block.get("text"), 150, ("plain_text",))
    if kind == "section":
        fields = block.get("fields")
        if fields is not None and (
            not isinstance(fields, list)
            or len(fields) > 10
            or not all(_text_ok(f, 2000) for f in fields)
        ):
            return False
        if "text" in block:
            return _text_ok(block["text"], 3000)
        return bool(fields)
    if kind == "context":
        elements = block.get("elements")
        return (
            isinstance(elements, list)
            and 0 < len(elements) <= 10
            and all(_text_ok(e, 3000) for e in elements)
        )
    return kind == "divider"


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # many notifier workers connect at once


class _Answer(Exception):
    """Raised inside a handler to send an answer right away."""

    def __init__(self, status: int, body: dict[str, Any] | str, headers: dict[str, str]) -> None:
        self.status, self.body, self.headers = status, body, headers


def _handler_for(emu: SlackEmulator) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def log_message(self, format: str, *args: Any) -> None:
            pass  # keep test output quiet

        def do_GET(self) -> None:
            self.do_POST()

        def do_POST(self) -> None:
            path = urlsplit(self.path).path
            params = self._params()
            metadata = params.get("metadata")
            if isinstance(metadata, str):
                metadata = json.loads(metadata)
            payload = (metadata or {}).get("event_payload") if isinstance(metadata, dict) else None
            emu._request.alert_id = payload.get("alert_id") if isinstance(payload, dict) else None
            try:
                if path.startswith("/_emulator/"):
                    self._control(path.removeprefix("/_emulator/"), params)
                elif path.startswith("/services/"):
                    self._webhook(path.removeprefix(f"/services/{TEAM_ID}/"), params)
                elif path.startswith("/api/"):
                    self._api(path.removeprefix("/api/"), params)
                else:
                    raise _Answer(404, "not found", {})
            except _Answer as answer:
                if answer.status:  # 0: the connection was dropped on purpose
                    self._send(answer.status, answer.body, answer.headers)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout test): nothing to answer

        # -- plumbing --
        def _params(self) -> dict[str, Any]:
            query = dict(parse_qsl(urlsplit(self.path).query))
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            ctype = self.headers.get("Content-Type", "")
            if raw and "json" in ctype:
                body = json.loads(raw.decode("utf-8"))
                return {**query, **body}
            if raw:
                return {**query, **dict(parse_qsl(raw.decode("utf-8")))}
            return query

        def _send(self, status: int, body: dict[str, Any] | str, headers: dict[str, str]) -> None:
            if isinstance(body, dict):
                data = json.dumps(body).encode("utf-8")
                ctype = "application/json; charset=utf-8"
            else:
                data = body.encode("utf-8")
                ctype = "text/html"
            try:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def _apply_fault(self, fault: Fault, method: str, channel: str | None, *,
                         webhook: bool) -> None:
            """Answer a pre-accept fault now; after-post faults are handled by the caller."""
            if fault.kind == "rate_limited":
                emu._record(method, channel, 429, "ratelimited")
                body: dict[str, Any] | str = (
                    "rate_limited" if webhook else {"ok": False, "error": "ratelimited"}
                )
                raise _Answer(429, body, {"Retry-After": str(fault.retry_after)})
            if fault.kind == "server_error":
                emu._record(method, channel, fault.status, "server_error")
                raise _Answer(fault.status, "internal_error" if webhook else {
                    "ok": False, "error": "fatal_error"}, {})
            if fault.kind == "timeout":
                emu._record(method, channel, 0, "timeout")
                time.sleep(fault.seconds)
                raise _Answer(504, "timeout", {})
            if fault.kind == "disconnect":
                emu._record(method, channel, 0, "disconnect")
                self.close_connection = True
                self.connection.close()
                raise _Answer(0, "", {})
            if fault.kind == "error":
                emu._record(method, channel, 200, fault.error)
                if webhook:
                    raise _Answer(fault.status if fault.status != 500 else 400, fault.error, {})
                raise _Answer(200, {"ok": False, "error": fault.error}, {})

        def _after_post(self, fault: Fault | None, method: str, channel: str) -> None:
            if fault is None:
                return
            if fault.kind == "server_error_after_post":
                emu._record(method, channel, fault.status, "server_error_after_post")
                raise _Answer(fault.status, {"ok": False, "error": "fatal_error"}, {})
            if fault.kind == "timeout_after_post":
                emu._record(method, channel, 0, "timeout_after_post")
                time.sleep(fault.seconds)
                raise _Answer(504, "timeout", {})

        # -- Web API --
        def _api(self, method: str, params: dict[str, Any]) -> None:
            auth = self.headers.get("Authorization", "")
            token = auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else params.get(
                "token", "")
            channel_ref = params.get("channel")
            with emu._lock:
                chan = (
                    emu._channel(str(channel_ref), create=emu.auto_create_channels
                                 and method == "chat.postMessage")
                    if channel_ref else None
                )
            cid = chan.id if chan else channel_ref
            fault = emu._pick_fault(method, cid)
            if fault is not None:
                self._apply_fault(fault, method, cid, webhook=False)
            error = self._auth_error(token)
            if error:
                self._fail(method, cid, error)
            handler = {
                "auth.test": self._auth_test,
                "chat.postMessage": self._post_message,
                "chat.update": self._update,
                "conversations.history": self._history,
                "conversations.replies": self._replies,
                "conversations.list": self._list,
            }.get(method)
            if handler is None:
                self._fail(method, cid, "unknown_method")
            assert handler is not None
            if method == "chat.postMessage" and cid and emu._rate_limited(str(cid)):
                self._apply_fault(Fault("rate_limited", retry_after=emu._rate_retry_after),
                                  method, cid, webhook=False)
            body = handler(params, chan, fault)
            emu._record(method, cid, 200, None)
            raise _Answer(200, {"ok": True, **body}, {})

        def _auth_error(self, token: str) -> str | None:
            if not token:
                return "not_authed"
            if token != emu.token:
                return "invalid_auth"
            if emu.revoked:
                return "token_revoked"
            if emu.account_inactive:
                return "account_inactive"
            return None

        def _fail(self, method: str, channel: str | None, error: str) -> None:
            emu._record(method, channel, 200, error)
            raise _Answer(200, {"ok": False, "error": error}, {})

        def _writable(self, method: str, chan: Channel | None, ref: Any) -> Channel:
            if chan is None:
                self._fail(method, str(ref) if ref else None, "channel_not_found")
            assert chan is not None
            if chan.archived:
                self._fail(method, chan.id, "is_archived")
            if not chan.member:
                self._fail(method, chan.id, "not_in_channel")
            return chan

        def _auth_test(self, params: dict[str, Any], chan: Channel | None,
                       fault: Fault | None) -> dict[str, Any]:
            return {"url": "https://newswatch-emulator.slack.com/", "team": "Emulator",
                    "user": "newswatch", "team_id": TEAM_ID, "user_id": BOT_USER_ID,
                    "bot_id": BOT_ID}

        def _post_message(self, params: dict[str, Any], chan: Channel | None,
                          fault: Fault | None) -> dict[str, Any]:
            method = "chat.postMessage"
            chan = self._writable(method, chan, params.get("channel"))
            text, blocks = str(params.get("text") or ""), params.get("blocks")
            if isinstance(blocks, str):
                blocks = json.loads(blocks)
            error = validate_message(text, blocks)
            if error:
                self._fail(method, chan.id, error)
            metadata = params.get("metadata")
            if isinstance(metadata, str):
                metadata = json.loads(metadata)
            if metadata is not None and not (
                isinstance(metadata, dict) and metadata.get("event_type")
                and isinstance(metadata.get("event_payload"), dict)
            ):
                self._fail(method, chan.id, "invalid_metadata_format")
            thread_ts = params.get("thread_ts") or None
            with emu._lock:
                if thread_ts and not any(
                    m.channel == chan.id and m.ts == thread_ts for m in emu.messages
                ):
                    self._fail(method, chan.id, "thread_not_found")
                message = Message(chan.id, emu._next_ts(), text, blocks, metadata,
                                  thread_ts, "api")
            emu._accept_post(message)
            self._after_post(fault, method, chan.id)
            return {"channel": chan.id, "ts": message.ts,
                    "message": message.to_api(with_metadata=True)}

        def _update(self, params: dict[str, Any], chan: Channel | None,
                    fault: Fault | None) -> dict[str, Any]:
            method = "chat.update"
            if chan is None or params.get("channel") != chan.id:
                self._fail(method, None, "channel_not_found")  # chat.update wants the id
            assert chan is not None
            text, blocks = str(params.get("text") or ""), params.get("blocks")
            if isinstance(blocks, str):
                blocks = json.loads(blocks)
            error = validate_message(text, blocks)
            if error:
                self._fail(method, chan.id, error)
            with emu._lock:
                target = next((m for m in emu.messages
                               if m.channel == chan.id and m.ts == params.get("ts")), None)
                if target is None:
                    self._fail(method, chan.id, "message_not_found")
                assert target is not None
                target.edits.append({"text": target.text, "blocks": target.blocks,
                                     "at_ts": emu._next_ts()})
                target.text, target.blocks = text, blocks
                emu.updates.append((chan.id, target.ts))
            return {"channel": chan.id, "ts": target.ts, "text": text,
                    "message": target.to_api(with_metadata=False)}

        def _readable(self, method: str, chan: Channel | None, ref: Any) -> Channel:
            if chan is None or ref != chan.id:  # reading needs the channel id, as on Slack
                self._fail(method, str(ref) if ref else None, "channel_not_found")
            assert chan is not None
            if not chan.member:
                self._fail(method, chan.id, "not_in_channel")
            return chan

        def _history(self, params: dict[str, Any], chan: Channel | None,
                     fault: Fault | None) -> dict[str, Any]:
            chan = self._readable("conversations.history", chan, params.get("channel"))
            oldest = float(params.get("oldest") or 0)
            latest = float(params.get("latest") or 1e12)
            with emu._lock:
                found = [m for m in emu.messages if m.channel == chan.id
                         and (not m.thread_ts or m.thread_ts == m.ts)
                         and oldest < float(m.ts) <= latest]
            found.reverse()  # newest first, like Slack
            return self._page(found, params)

        def _replies(self, params: dict[str, Any], chan: Channel | None,
                     fault: Fault | None) -> dict[str, Any]:
            chan = self._readable("conversations.replies", chan, params.get("channel"))
            parent = params.get("ts")
            with emu._lock:
                found = [m for m in emu.messages if m.channel == chan.id
                         and (m.ts == parent or m.thread_ts == parent)]
            if not found:
                self._fail("conversations.replies", chan.id, "thread_not_found")
            return self._page(found, params)

        def _page(self, found: list[Message], params: dict[str, Any]) -> dict[str, Any]:
            limit = max(1, min(int(params.get("limit") or 100), 1000))
            start = int(params.get("cursor") or 0)
            with_meta = str(params.get("include_all_metadata", "")).lower() in ("1", "true")
            page = found[start:start + limit]
            more = start + limit < len(found)
            return {
                "messages": [m.to_api(with_metadata=with_meta) for m in page],
                "has_more": more,
                "response_metadata": {"next_cursor": str(start + limit) if more else ""},
            }

        def _list(self, params: dict[str, Any], chan: Channel | None,
                  fault: Fault | None) -> dict[str, Any]:
            limit = max(1, min(int(params.get("limit") or 100), 1000))
            start = int(params.get("cursor") or 0)
            with emu._lock:
                every = list(emu.channels.values())
            page = every[start:start + limit]
            more = start + limit < len(every)
            return {
                "channels": [{"id": c.id, "name": c.name, "is_archived": c.archived,
                              "is_member": c.member, "is_channel": True} for c in page],
                "response_metadata": {"next_cursor": str(start + limit) if more else ""},
            }

        # -- incoming webhooks --
        def _webhook(self, secret: str, params: dict[str, Any]) -> None:
            method = "webhook"
            with emu._lock:
                cid = emu._webhooks.get(secret)
                chan = emu.channels.get(cid) if cid else None
            fault = emu._pick_fault(method, cid)
            if fault is not None:
                self._apply_fault(fault, method, cid, webhook=True)
            if chan is None:
                emu._record(method, None, 404, "no_service")
                raise _Answer(404, "no_service", {})
            if emu.revoked:
                emu._record(method, chan.id, 403, "invalid_token")
                raise _Answer(403, "invalid_token", {})
            if chan.archived:
                emu._record(method, chan.id, 410, "channel_is_archived")
                raise _Answer(410, "channel_is_archived", {})
            text, blocks = str(params.get("text") or ""), params.get("blocks")
            error = validate_message(text, blocks)
            if error:
                emu._record(method, chan.id, 400, error)
                raise _Answer(400, error, {})
            if emu._rate_limited(chan.id):
                self._apply_fault(Fault("rate_limited", retry_after=emu._rate_retry_after),
                                  method, chan.id, webhook=True)
            with emu._lock:
                message = Message(chan.id, emu._next_ts(), text, blocks, None,
                                  None, "webhook")
            emu._accept_post(message)
            self._after_post(fault, method, chan.id)
            emu._record(method, chan.id, 200, None)
            raise _Answer(200, "ok", {})

        # -- control API, for a notifier running in another process --
        def _control(self, action: str, params: dict[str, Any]) -> None:
            if action == "fault":
                fault = Fault(**{k: v for k, v in params.items()
                                 if k in Fault.__dataclass_fields__})
                emu.fail_next(int(params.get("times", 1)), fault,
                              method=params.get("method"), channel=params.get("channel"),
                              skip=int(params.get("skip", 0)))
            elif action == "outage":
                emu.outage(float(params["seconds"]), status=int(params.get("status", 503)))
            elif action == "clear":
                emu.clear_faults()
            elif action == "posts":
                with emu._lock:
                    raise _Answer(200, {"posts": [asdict(m) for m in emu.posts]}, {})
            else:
                raise _Answer(404, "unknown control action", {})
            raise _Answer(200, {"ok": True}, {})

    return Handler


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
