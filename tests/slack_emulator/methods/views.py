"""``views.publish``: the App Home tab the app shows each user (kept per user)."""

from __future__ import annotations

import json
from typing import Any

from tests.slack_emulator.answers import fail
from tests.slack_emulator.faults import Faults
from tests.slack_emulator.methods import ApiCall, ApiHandler
from tests.slack_emulator.workspace import Workspace

MAX_HOME_BLOCKS = 100


def publish(workspace: Workspace, faults: Faults, call: ApiCall) -> dict[str, Any]:
    user = str(call.params.get("user_id") or "")
    view = call.params.get("view")
    view = json.loads(view) if isinstance(view, str) else view
    if not user:
        fail(workspace, call.method, None, "invalid_arguments")
    if not isinstance(view, dict) or view.get("type") != "home" or len(
            view.get("blocks") or []) > MAX_HOME_BLOCKS:
        fail(workspace, call.method, None, "invalid_arguments")
    with workspace.lock:
        workspace.home_views[user] = view
    return {"view": {"id": f"V{abs(hash(user)) % 10**8:08d}", **view}}


METHODS: dict[str, ApiHandler] = {"views.publish": publish}
