"""Routing: which alerts an event raises (``Router`` over ``CompanyStories``), and when each
channel gets them (``ChannelPacer`` over ``ChannelState``: realtime, digests, quiet hours,
budgets).

Pure logic in event time, importing neither Kafka nor Faust: the worker's agents keep the
states in Faust tables, ``replay`` keeps them in dicts, and both give the same alerts.
"""

from .pacing import ChannelPacer, ChannelState
from .replay import RouteReplay, replay_events
from .stories import CompanyStories, Router, Story, WatchVerdict, state_key

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
