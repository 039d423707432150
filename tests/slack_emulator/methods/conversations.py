"""``conversations.history``, ``conversations.replies`` and ``conversations.list``.

The reads newswatch makes to find what it already posted. As on Slack, reading a channel
needs its id (a ``#name`` is ``channel_not_found``) and pages go by an opaque cursor
(here: the offset as a string).
"""

from __future__ import annotations

from typing import Any

from tests.slack_emulator.answers import fail
from tests.slack_emulator.faults import Faults
from tests.slack_emulator.methods import ApiCall, ApiHandler
from tests.slack_emulator.workspace import Channel, Message, Workspace


def history(workspace: Workspace, faults: Faults, call: ApiCall) -> dict[str, Any]:
    chan = _readable(workspace, call)
    oldest = float(call.params.get("oldest") or 0)
    latest = float(call.params.get("latest") or 1e12)
    # Both ends are exclusive unless `inclusive` is set, as on Slack.
    inclusive = str(call.params.get("inclusive", "")).lower() in ("1", "true")
    with workspace.lock:
        # Top-level messages only: thread replies live in conversations.replies.
        found = [m for m in workspace.messages if m.channel == chan.id
                 and (not m.thread_ts or m.thread_ts == m.ts)
                 and (oldest <= float(m.ts) <= latest if inclusive
                      else oldest < float(m.ts) < latest)]
    found.reverse()  # newest first, like Slack
    return _page(found, call.params)


def replies(workspace: Workspace, faults: Faults, call: ApiCall) -> dict[str, Any]:
    chan = _readable(workspace, call)
    parent = call.params.get("ts")
    with workspace.lock:
        found = [m for m in workspace.messages if m.channel == chan.id
                 and (m.ts == parent or m.thread_ts == parent)]
    if not found:
        fail(workspace, call.method, chan.id, "thread_not_found")
    return _page(found, call.params)


def list_conversations(workspace: Workspace, faults: Faults, call: ApiCall) -> dict[str, Any]:
    start, limit = _cursor(call.params)
    with workspace.lock:
        # Private channels the bot is not in are invisible to it.
        every = [c for c in workspace.channels.values() if c.member or not c.private]
    page = every[start:start + limit]
    more = start + limit < len(every)
    return {
        "channels": [{"id": c.id, "name": c.name, "is_archived": c.archived,
                      "is_member": c.member, "is_channel": True} for c in page],
        "response_metadata": {"next_cursor": str(start + limit) if more else ""},
    }


def info(workspace: Workspace, faults: Faults, call: ApiCall) -> dict[str, Any]:
    """A channel's facts; like Slack, a private channel the bot is not in does not exist."""
    chan, ref = call.channel, call.params.get("channel")
    if chan is None or ref != chan.id or (chan.private and not chan.member):
        fail(workspace, call.method, str(ref) if ref else None, "channel_not_found")
    return {"channel": {"id": chan.id, "name": chan.name, "is_channel": True,
                        "is_private": chan.private, "is_archived": chan.archived,
                        "is_member": chan.member}}


def _readable(workspace: Workspace, call: ApiCall) -> Channel:
    chan, ref = call.channel, call.params.get("channel")
    if chan is None or ref != chan.id:  # reading needs the channel id, as on Slack
        fail(workspace, call.method, str(ref) if ref else None, "channel_not_found")
    if not chan.member:
        fail(workspace, call.method, chan.id, "not_in_channel")
    return chan


def _cursor(params: dict[str, Any]) -> tuple[int, int]:
    """Where the page starts and how long it is (Slack caps ``limit`` at 1000)."""
    limit = max(1, min(int(params.get("limit") or 100), 1000))
    return int(params.get("cursor") or 0), limit


def _page(found: list[Message], params: dict[str, Any]) -> dict[str, Any]:
    start, limit = _cursor(params)
    with_meta = str(params.get("include_all_metadata", "")).lower() in ("1", "true")
    page = found[start:start + limit]
    more = start + limit < len(found)
    return {
        "messages": [m.to_api(with_metadata=with_meta) for m in page],
        "has_more": more,
        "response_metadata": {"next_cursor": str(start + limit) if more else ""},
    }


METHODS: dict[str, ApiHandler] = {
    "conversations.history": history,
    "conversations.replies": replies,
    "conversations.list": list_conversations,
    "conversations.info": info,
}
