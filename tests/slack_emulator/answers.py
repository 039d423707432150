"""How an outcome becomes an HTTP answer: the ``Answer`` exception and fault answers.

Slack ends a call at the first error it finds, wherever that is, so handlers raise
``Answer`` to stop and reply at once; the server catches it and writes it. Every answer
that ends a call early is recorded first, so a test sees refusals as well as posts in
``calls``.
"""

from __future__ import annotations

import time
from typing import Any, NoReturn

from tests.slack_emulator.faults import Fault
from tests.slack_emulator.workspace import Workspace

DROP = 0  # Answer status meaning: close the connection without answering


class Answer(Exception):
    """Raised (or returned) by a handler: the reply to send, JSON if ``body`` is a dict."""

    def __init__(
        self, status: int, body: dict[str, Any] | str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(status)
        self.status, self.body, self.headers = status, body, headers or {}


def fail(workspace: Workspace, method: str, channel: str | None, error: str) -> NoReturn:
    """A Web API error: HTTP 200 with ``{"ok": false, "error": error}``, like Slack."""
    workspace.record(method, channel, 200, error)
    raise Answer(200, {"ok": False, "error": error})


def answer_before_post(
    workspace: Workspace, fault: Fault, method: str, channel: str | None, *, webhook: bool
) -> None:
    """Answer a fault that strikes before anything is posted. The after-post kinds return
    without answering: the handler posts, then calls ``answer_after_post``."""
    if fault.kind == "rate_limited":
        workspace.record(method, channel, 429, "ratelimited")
        body: dict[str, Any] | str = (
            "rate_limited" if webhook else {"ok": False, "error": "ratelimited"}
        )
        raise Answer(429, body, {"Retry-After": str(fault.retry_after)})
    if fault.kind == "server_error":
        workspace.record(method, channel, fault.status, "server_error")
        raise Answer(fault.status, "internal_error" if webhook else {
            "ok": False, "error": "fatal_error"})
    if fault.kind == "timeout":
        workspace.record(method, channel, 0, "timeout")
        time.sleep(fault.seconds)  # the client is meant to give up before this ends
        raise Answer(504, "timeout")
    if fault.kind == "disconnect":
        workspace.record(method, channel, 0, "disconnect")
        raise Answer(DROP, "")
    if fault.kind == "error":
        workspace.record(method, channel, 200, fault.error)
        if webhook:
            # Webhooks carry errors in the HTTP status; 500 is Fault's default, not a choice.
            raise Answer(fault.status if fault.status != 500 else 400, fault.error)
        raise Answer(200, {"ok": False, "error": fault.error})


def answer_after_post(
    workspace: Workspace, fault: Fault | None, method: str, channel: str
) -> None:
    """Answer an after-post fault once the post is stored: the post landed, but the client
    sees a failure (the case that makes a retrying notifier post twice)."""
    if fault is None:
        return
    if fault.kind == "server_error_after_post":
        workspace.record(method, channel, fault.status, "server_error_after_post")
        raise Answer(fault.status, {"ok": False, "error": "fatal_error"})
    if fault.kind == "timeout_after_post":
        workspace.record(method, channel, 0, "timeout_after_post")
        time.sleep(fault.seconds)
        raise Answer(504, "timeout")


def rate_limited(
    workspace: Workspace, retry_after: int, method: str, channel: str | None, *, webhook: bool
) -> NoReturn:
    """The answer to a post over the configured rate: a 429 like a ``rate_limited`` fault."""
    answer_before_post(
        workspace, Fault("rate_limited", retry_after=retry_after), method, channel,
        webhook=webhook,
    )
    raise AssertionError("a rate_limited fault always answers")
