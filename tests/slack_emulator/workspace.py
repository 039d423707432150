"""The emulated workspace's state: channels, messages, timestamps and the calls answered.

One re-entrant lock guards all of it, and the fault injector shares it: the HTTP server
answers on many handler threads while the test thread reads and changes the same lists,
and a handler sometimes takes the lock again inside a step that already holds it.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

BOT_USER_ID = "UNEWSWATCH"
BOT_ID = "BNEWSWATCH"
TEAM_ID = "T0NEWSWATCH"


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
        """The message as Slack's Web API shows it (metadata only when asked for)."""
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
    private: bool = False


@dataclass(frozen=True)
class Call:
    """One request the emulator answered (whatever the outcome)."""

    method: str
    channel: str | None
    status: int
    error: str | None
    at: float
    alert_id: str | None = None  # from the message metadata, for posts newswatch makes


class Workspace:
    """What Slack holds for one workspace reached with one bot token."""

    def __init__(
        self, *, token: str, channels: tuple[str, ...], auto_create_channels: bool,
        app_token: str = "xapp-emu-app",
    ) -> None:
        self.token = token
        self.app_token = app_token  # the app-level token apps.connections.open takes
        self.auto_create_channels = auto_create_channels
        self.revoked = False
        self.account_inactive = False
        self.lock = threading.RLock()
        self._ids = itertools.count(1)
        self._last_ts = 0.0
        self.channels: dict[str, Channel] = {}
        self.messages: list[Message] = []
        self.posts: list[Message] = []
        self.updates: list[tuple[str, str]] = []  # (channel id, ts) per accepted chat.update
        self.calls: list[Call] = []
        self.webhooks: dict[str, str] = {}  # secret path part -> channel id
        self._post_hooks: list[Callable[[Message], None]] = []
        self.users: dict[str, str] = {}  # user id -> name
        self.usergroups: dict[str, set[str]] = {}  # S... -> member user ids
        # What the app posted to each response_url (by its id), in order.
        self.responses: dict[str, list[dict[str, Any]]] = {}
        self.home_views: dict[str, dict[str, Any]] = {}  # user id -> App Home view published
        # What the current handler thread is answering: lets record() tag each Call with
        # the request's alert id without passing it through every handler.
        self.current = threading.local()
        for name in channels:
            self.add_channel(name)

    # ---- channels -------------------------------------------------------------------------
    def add_channel(self, name: str, *, archived: bool = False, member: bool = True,
                    private: bool = False) -> str:
        """Create ``name`` (or change an existing channel's state); returns its id."""
        with self.lock:
            existing = self.find_channel(name, create=False)
            if existing is not None:
                existing.archived, existing.member = archived, member
                existing.private = private
                return existing.id
            chan = self._new_channel(name.lstrip("#"), archived=archived, member=member)
            chan.private = private
            return chan.id

    def channel_id(self, name: str) -> str:
        with self.lock:
            chan = self.find_channel(name, create=False)
        if chan is None:
            raise KeyError(name)
        return chan.id

    def find_channel(self, ref: str, *, create: bool) -> Channel | None:
        """The channel ``ref`` names (id, ``name`` or ``#name``); created on request,
        except for refs shaped like ids, which Slack never creates."""
        if ref in self.channels:
            return self.channels[ref]
        name = ref.lstrip("#")
        for chan in self.channels.values():
            if chan.name == name:
                return chan
        if create and not (ref[:1] in "CGD" and ref[1:].isdigit()):
            return self._new_channel(name)
        return None

    def _new_channel(self, name: str, *, archived: bool = False, member: bool = True) -> Channel:
        chan = Channel(id=f"C{next(self._ids):08d}", name=name, archived=archived, member=member)
        self.channels[chan.id] = chan
        return chan

    def add_webhook(self, channel: str) -> str:
        """Register an incoming webhook for ``channel`` (created if needed); its secret."""
        with self.lock:
            chan = self.find_channel(channel, create=True)
            assert chan is not None
            secret = f"B{chan.id[1:]}/{'x' * 8}{chan.id.lower()}"
            self.webhooks[secret] = chan.id
        return secret

    # ---- people -----------------------------------------------------------------------------
    def add_user(self, user_id: str, name: str) -> str:
        with self.lock:
            self.users[user_id] = name
        return user_id

    def add_usergroup(self, group_id: str, *members: str) -> str:
        with self.lock:
            self.usergroups[group_id] = set(members)
        return group_id

    def new_response_url_id(self) -> str:
        with self.lock:
            response_id = f"R{next(self._ids):08d}"
            self.responses[response_id] = []
        return response_id

    def responses_to(self, response_id: str) -> list[dict[str, Any]]:
        with self.lock:
            return list(self.responses.get(response_id, []))

    # ---- messages -------------------------------------------------------------------------
    def posts_in(self, channel: str) -> list[Message]:
        with self.lock:
            cid = self.channel_id(channel)
            return [m for m in self.posts if m.channel == cid]

    def alert_ids_posted(self) -> list[str | None]:
        """The alert id of every accepted post, in the order accepted (duplicates kept)."""
        with self.lock:
            return [m.alert_id for m in self.posts]

    def on_post(self, hook: Callable[[Message], None]) -> None:
        """Call ``hook(message)`` when a post is accepted, before the answer is sent."""
        with self.lock:
            self._post_hooks.append(hook)

    def wait_for_posts(self, count: int, timeout: float = 30.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.posts) >= count:
                    return True
            time.sleep(0.02)
        return False

    def store_post(self, message: Message) -> list[Callable[[Message], None]]:
        """Keep an accepted post; returns the hooks to run (outside the lock, as they may
        block or kill the poster)."""
        with self.lock:
            self.messages.append(message)
            self.posts.append(message)
            return list(self._post_hooks)

    # ---- bookkeeping ----------------------------------------------------------------------
    def next_ts(self) -> str:
        # Like Slack: wall-clock seconds with microseconds, unique within the workspace.
        with self.lock:
            self._last_ts = max(time.time(), self._last_ts + 0.000001)
            return f"{self._last_ts:.6f}"

    def record(self, method: str, channel: str | None, status: int, error: str | None) -> None:
        alert_id = getattr(self.current, "alert_id", None)
        with self.lock:
            self.calls.append(Call(method, channel, status, error, time.monotonic(), alert_id))
