"""The ``/_emulator/<action>`` control endpoints: faults and posts over HTTP.

For code that holds a URL rather than the ``SlackEmulator`` object, the way slack-sdk's
own test server serves ``/ratelimited`` and ``/timeout``. ``POST /_emulator/fault`` takes
``Fault``'s fields plus ``times``, ``method``, ``channel`` and ``skip`` (as ``fail_next``);
``/_emulator/outage`` takes ``seconds`` and ``status``; ``/_emulator/clear`` clears every
fault; ``/_emulator/posts`` lists the accepted posts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from tests.slack_emulator.answers import Answer
from tests.slack_emulator.faults import Fault, Faults
from tests.slack_emulator.workspace import Workspace

ControlAction = Callable[[Workspace, Faults, dict[str, Any]], Answer]


def fault(workspace: Workspace, faults: Faults, params: dict[str, Any]) -> Answer:
    # Fields that are not Fault's (times, method, channel, skip) are fail_next's.
    injected = Fault(**{k: v for k, v in params.items() if k in Fault.__dataclass_fields__})
    faults.fail_next(int(params.get("times", 1)), injected, method=params.get("method"),
                     channel=params.get("channel"), skip=int(params.get("skip", 0)))
    return Answer(200, {"ok": True})


def outage(workspace: Workspace, faults: Faults, params: dict[str, Any]) -> Answer:
    faults.outage(float(params["seconds"]), status=int(params.get("status", 503)))
    return Answer(200, {"ok": True})


def clear(workspace: Workspace, faults: Faults, params: dict[str, Any]) -> Answer:
    faults.clear()
    return Answer(200, {"ok": True})


def posts(workspace: Workspace, faults: Faults, params: dict[str, Any]) -> Answer:
    with workspace.lock:
        return Answer(200, {"posts": [asdict(m) for m in workspace.posts]})


ACTIONS: dict[str, ControlAction] = {
    "fault": fault, "outage": outage, "clear": clear, "posts": posts,
}


def control(workspace: Workspace, faults: Faults, action: str, params: dict[str, Any]) -> Answer:
    handler = ACTIONS.get(action)
    if handler is None:
        return Answer(404, "unknown control action")
    return handler(workspace, faults, params)
