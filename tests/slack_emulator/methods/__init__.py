"""The Slack API methods the emulator answers: one module per family, plus the webhook
and the ``/_emulator/`` control endpoints.

Every Web API handler has the shape ``ApiHandler``: it gets the workspace, the fault
injector and the ``ApiCall`` the server prepared, and returns the fields of Slack's
``{"ok": true, ...}`` answer, or raises ``Answer`` (usually through ``fail``) for an error.
Each module lists its handlers in ``METHODS``; ``server.API_METHODS`` joins them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tests.slack_emulator.faults import Fault, Faults
from tests.slack_emulator.workspace import Channel, Workspace


@dataclass(frozen=True)
class ApiCall:
    """One Web API request, after the token check and the fault pick."""

    method: str
    params: dict[str, Any]  # query string and body, merged
    channel: Channel | None  # what params["channel"] names, None if no such channel
    # The channel's id, or the reference as sent when there is no such channel: what the
    # call is recorded and rate-limited under.
    channel_id: str | None
    # The fault picked for this call. Faults that strike before a post were answered
    # already; a handler that posts applies the after-post kinds itself.
    fault: Fault | None


ApiHandler = Callable[[Workspace, Faults, ApiCall], dict[str, Any]]
