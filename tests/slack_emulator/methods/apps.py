"""``apps.connections.open``: the WebSocket URL for Socket Mode, for the app-level token.

It takes the app-level token (``xapp-``), not the bot token: a bot token gets
``not_allowed_token_type``, as on Slack. The URL points at the emulator's Socket Mode server.
"""

from __future__ import annotations

from typing import Any

from tests.slack_emulator.answers import fail
from tests.slack_emulator.faults import Faults
from tests.slack_emulator.methods import ApiCall, ApiHandler
from tests.slack_emulator.workspace import Workspace


def app_token_error(workspace: Workspace, token: str) -> str | None:
    if not token:
        return "not_authed"
    if token == workspace.token:
        return "not_allowed_token_type"
    if token != workspace.app_token:
        return "invalid_auth"
    return None


def connections_open(workspace: Workspace, faults: Faults, call: ApiCall) -> dict[str, Any]:
    socket = getattr(workspace, "socket_mode", None)
    if socket is None:
        fail(workspace, call.method, None, "internal_error")
    return {"url": socket.new_url()}


METHODS: dict[str, ApiHandler] = {"apps.connections.open": connections_open}
