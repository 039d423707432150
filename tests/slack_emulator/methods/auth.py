"""``auth.test``, and the bearer-token check every Web API call passes first."""

from __future__ import annotations

from typing import Any

from tests.slack_emulator.faults import Faults
from tests.slack_emulator.methods import ApiCall, ApiHandler
from tests.slack_emulator.workspace import BOT_ID, BOT_USER_ID, TEAM_ID, Workspace


def token_error(workspace: Workspace, token: str) -> str | None:
    """The error Slack answers for ``token`` (in the order Slack checks), or None."""
    if not token:
        return "not_authed"
    if token != workspace.token:
        return "invalid_auth"
    if workspace.revoked:
        return "token_revoked"
    if workspace.account_inactive:
        return "account_inactive"
    return None


def auth_test(workspace: Workspace, faults: Faults, call: ApiCall) -> dict[str, Any]:
    # The token was checked before dispatch; all that is left is saying who we are.
    return {
        "url": "https://newswatch-emulator.slack.com/",
        "team": "Emulator",
        "user": "newswatch",
        "team_id": TEAM_ID,
        "user_id": BOT_USER_ID,
        "bot_id": BOT_ID,
    }


METHODS: dict[str, ApiHandler] = {"auth.test": auth_test}
