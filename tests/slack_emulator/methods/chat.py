"""``chat.postMessage`` and ``chat.update``: the calls that write messages.

Checks happen in Slack's order and stop at the first failure: rate limit, channel state,
message limits, metadata, thread; only then is the post stored.
"""

from __future__ import annotations

import json
from typing import Any

from tests.slack_emulator.answers import answer_after_post, fail, rate_limited
from tests.slack_emulator.faults import Faults
from tests.slack_emulator.limits import validate_message
from tests.slack_emulator.methods import ApiCall, ApiHandler
from tests.slack_emulator.workspace import Channel, Message, Workspace


def post_message(workspace: Workspace, faults: Faults, call: ApiCall) -> dict[str, Any]:
    method, params = call.method, call.params
    if call.channel_id and faults.rate_limited(str(call.channel_id)):
        rate_limited(workspace, faults.rate_retry_after, method, call.channel_id, webhook=False)
    chan = _writable(workspace, call)
    text, blocks = _content(params)
    error = validate_message(text, blocks)
    if error:
        fail(workspace, method, chan.id, error)
    metadata = _decoded(params.get("metadata"))
    if metadata is not None and not (
        isinstance(metadata, dict) and metadata.get("event_type")
        and isinstance(metadata.get("event_payload"), dict)
    ):
        fail(workspace, method, chan.id, "invalid_metadata_format")
    thread_ts = params.get("thread_ts") or None
    with workspace.lock:
        if thread_ts and not any(
            m.channel == chan.id and m.ts == thread_ts for m in workspace.messages
        ):
            fail(workspace, method, chan.id, "thread_not_found")
        message = Message(chan.id, workspace.next_ts(), text, blocks, metadata,
                          thread_ts, "api")
    faults.deliver(message)
    answer_after_post(workspace, call.fault, method, chan.id)
    return {"channel": chan.id, "ts": message.ts,
            "message": message.to_api(with_metadata=True)}


def update(workspace: Workspace, faults: Faults, call: ApiCall) -> dict[str, Any]:
    method, params, chan = call.method, call.params, call.channel
    if chan is None or params.get("channel") != chan.id:
        fail(workspace, method, None, "channel_not_found")  # chat.update wants the id
    text, blocks = _content(params)
    error = validate_message(text, blocks)
    if error:
        fail(workspace, method, chan.id, error)
    with workspace.lock:
        target = next((m for m in workspace.messages
                       if m.channel == chan.id and m.ts == params.get("ts")), None)
        if target is None:
            fail(workspace, method, chan.id, "message_not_found")
        # Keep what the message said before, so a test can tell an edit from a repost.
        target.edits.append({"text": target.text, "blocks": target.blocks,
                             "at_ts": workspace.next_ts()})
        target.text, target.blocks = text, blocks
        workspace.updates.append((chan.id, target.ts))
    return {"channel": chan.id, "ts": target.ts, "text": text,
            "message": target.to_api(with_metadata=False)}


def _writable(workspace: Workspace, call: ApiCall) -> Channel:
    chan, ref = call.channel, call.params.get("channel")
    if chan is None:
        fail(workspace, call.method, str(ref) if ref else None, "channel_not_found")
    if chan.archived:
        fail(workspace, call.method, chan.id, "is_archived")
    if not chan.member:
        fail(workspace, call.method, chan.id, "not_in_channel")
    return chan


def _content(params: dict[str, Any]) -> tuple[str, Any]:
    """The text and blocks of a post or update."""
    return str(params.get("text") or ""), _decoded(params.get("blocks"))


def _decoded(value: Any) -> Any:
    # Form-encoded calls carry blocks and metadata as JSON strings; JSON bodies as objects.
    return json.loads(value) if isinstance(value, str) else value


METHODS: dict[str, ApiHandler] = {"chat.postMessage": post_message, "chat.update": update}
