"""Routing: which alerts an event raises (``Router`` over ``CompanyStories``), and when each
channel gets them (``ChannelPacer`` over ``ChannelState``: realtime, digests, quiet hours,
budgets).

Pure logic in event time, importing neither Kafka nor Faust: the worker's agents keep the
states in Faust tables, ``replay`` keeps them in dicts, and both give the same alerts.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .pacing import ChannelPacer, ChannelState
    from .replay import RouteReplay, replay_events
    from .stories import CompanyStories, Router, Story, WatchVerdict, state_key

# Imported on first use (PEP 562): `newswatch --help` reaches the route command's parser
# through this package and must not pay for pydantic models it never touches.
_LAZY = {
    "ChannelPacer": "pacing", "ChannelState": "pacing",
    "RouteReplay": "replay", "replay_events": "replay",
    "CompanyStories": "stories", "Router": "stories", "Story": "stories",
    "WatchVerdict": "stories", "state_key": "stories",
}

__all__ = [
    "ChannelPacer",
    "ChannelState",
    "CompanyStories",
    "RouteReplay",
    "Router",
    "Story",
    "WatchVerdict",
    "replay_events",
    "state_key",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
