"""``usergroups.users.list``: who is in a user group (the app's admin groups)."""

from __future__ import annotations

from typing import Any

from tests.slack_emulator.answers import fail
from tests.slack_emulator.faults import Faults
from tests.slack_emulator.methods import ApiCall, ApiHandler
from tests.slack_emulator.workspace import Workspace


def users_list(workspace: Workspace, faults: Faults, call: ApiCall) -> dict[str, Any]:
    group = str(call.params.get("usergroup") or "")
    with workspace.lock:
        members = workspace.usergroups.get(group)
    if members is None:
        fail(workspace, call.method, None, "no_such_subteam")
    return {"users": sorted(members)}


METHODS: dict[str, ApiHandler] = {"usergroups.users.list": users_list}
