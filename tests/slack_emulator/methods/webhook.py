"""The incoming webhook: ``POST /services/<team>/<B...>/<secret>`` with a JSON message.

Webhooks answer differently from the Web API: plain text, with the HTTP status carrying
the error (404 ``no_service``, 403 ``invalid_token``, 410 ``channel_is_archived``, 400 for
a message over the limits), so they get their own handler rather than ``fail``.
"""

from __future__ import annotations

from typing import Any, NoReturn

from tests.slack_emulator.answers import Answer, answer_after_post, answer_before_post, rate_limited
from tests.slack_emulator.faults import Faults
from tests.slack_emulator.limits import validate_message
from tests.slack_emulator.workspace import Message, Workspace

METHOD = "webhook"  # what webhook calls are recorded and fault-matched under
FATAL_WEBHOOK_ERRORS = {"invalid_token": 403, "no_service": 404, "team_disabled": 403}


def webhook(workspace: Workspace, faults: Faults, secret: str, params: dict[str, Any]) -> Answer:
    with workspace.lock:
        cid = workspace.webhooks.get(secret)
        chan = workspace.channels.get(cid) if cid else None
    fault = faults.pick(METHOD, cid)
    if fault is not None:
        answer_before_post(workspace, fault, METHOD, cid, webhook=True)
    if chan is None:
        _refuse(workspace, None, FATAL_WEBHOOK_ERRORS["no_service"], "no_service")
    if workspace.revoked:
        _refuse(workspace, chan.id, FATAL_WEBHOOK_ERRORS["invalid_token"], "invalid_token")
    if chan.archived:
        _refuse(workspace, chan.id, 410, "channel_is_archived")
    # Webhook bodies are JSON, so blocks arrive as a list: nothing to decode.
    text, blocks = str(params.get("text") or ""), params.get("blocks")
    error = validate_message(text, blocks)
    if error:
        _refuse(workspace, chan.id, 400, error)
    if faults.rate_limited(chan.id):
        rate_limited(workspace, faults.rate_retry_after, METHOD, chan.id, webhook=True)
    with workspace.lock:
        message = Message(chan.id, workspace.next_ts(), text, blocks, None, None, "webhook")
    faults.deliver(message)
    answer_after_post(workspace, fault, METHOD, chan.id)
    workspace.record(METHOD, chan.id, 200, None)
    return Answer(200, "ok")


def _refuse(workspace: Workspace, channel: str | None, status: int, error: str) -> NoReturn:
    workspace.record(METHOD, channel, status, error)
    raise Answer(status, error)
