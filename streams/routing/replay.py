"""Routing and pacing over a sequence of events, states in dicts: a backtest of routing.

It runs the code the worker runs, in the order the events are given (the order of the
events topic, or of a JSONL file), and tells pacing the time from the events themselves:
before each event, every channel is ticked at that event's time. So a replay sends what a
live worker whose ticks keep up would have sent, with the same alert and digest ids.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from ...schemas.alert import AlertMessage
from ...schemas.digest import DigestTick
from ...schemas.event import CompanyEvent
from ...schemas.rules import RulesFile
from .pacing import ChannelPacer, ChannelState
from .stories import CompanyStories, Router, state_key


class RouteReplay:
    """Feed events one by one; ``finish`` sends whatever digests are still held."""

    def __init__(self, rules: RulesFile) -> None:
        self.router = Router(rules)
        self.pacer = ChannelPacer(rules)
        self.stories: dict[str, CompanyStories] = {}
        self.channels: dict[str, ChannelState] = {}
        self.clock: datetime | None = None

    def feed(self, event: CompanyEvent) -> list[AlertMessage]:
        """Digests due by ``event``'s time, then the alerts ``event`` raises now."""
        out: list[AlertMessage] = list(self.advance(event.event_time))
        state = self.stories.setdefault(state_key(event), CompanyStories())
        for alert in self.router.route(event, state):
            if self.pacer.paces(alert.channel):
                out.extend(self.pacer.admit(
                    alert, self.channels.setdefault(alert.channel, ChannelState())))
            else:
                out.append(alert)
        return out

    def advance(self, now: datetime) -> list[AlertMessage]:
        """Tick every channel at ``now`` (never backwards): the digests due by then."""
        if self.clock is not None and now <= self.clock:
            return []
        self.clock = now
        tick = DigestTick.at(now)
        return [part for channel, state in self.channels.items()
                for part in self.pacer.tick(tick, channel, state)]

    def finish(self, until: datetime | None = None) -> list[AlertMessage]:
        """Digests due by ``until``; with no ``until``, everything still held."""
        if until is not None:
            return self.advance(until)
        if self.clock is None:
            return []
        tick = DigestTick.at(self.clock, flush_all=True)
        return [part for channel, state in self.channels.items()
                for part in self.pacer.tick(tick, channel, state)]


def replay_events(rules: RulesFile, events: Iterable[CompanyEvent],
                  until: datetime | None = None) -> list[AlertMessage]:
    """Every alert and digest ``events`` raise, in order, then the digests still held."""
    replay = RouteReplay(rules)
    out = [alert for event in events for alert in replay.feed(event)]
    return out + replay.finish(until)
