"""Slack subscriptions and mutes layered over the rules file's watches: pure logic.

The rules file defines companies and base watches; channels add their own subscriptions
and mutes from Slack (``<prefix>.subscriptions``). The route agent keeps a
``SubscriptionLayer`` up to date (``streams.subscription_feed``) and its ``Router`` asks it:

- ``watches(rules)``: the file's watches first, then every channel's Slack subscriptions as
  watches. A subscription to a company the file no longer defines is left out. When the
  file names the same channel (``#deals`` for the channel whose id is C0123), the Slack
  watch posts to it under the file's spelling, so the router's one-alert-per-channel rule
  sees a single channel and the file's watch wins.
- ``muted(channel, event)``: the mute that silences ``event`` in ``channel``, judged at the
  event's own time (published, else detected), as every routing window is.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..schemas.event import CompanyEvent
from ..schemas.rules import RulesFile, Watch
from ..schemas.subscriptions import ChannelSubscriptions, Mute


@dataclass(frozen=True)
class SubscriptionBook:
    """Every channel's Slack-made state at one moment (by channel id); never changed."""

    channels: Mapping[str, ChannelSubscriptions] = field(default_factory=dict)
    version: int = 0

    def find(self, channel: str) -> ChannelSubscriptions | None:
        """The state of ``channel`` given as an id, ``name`` or ``#name``."""
        found = self.channels.get(channel)
        if found is not None:
            return found
        return next((c for c in self.channels.values() if channel in c.names()), None)


def effective_watches(rules: RulesFile, book: SubscriptionBook) -> list[Watch]:
    """The watches in force: the file's, then the channels' own (see the module docstring)."""
    known = {c.name for c in rules.companies}
    in_file = {sub.channel for watch in rules.watches for sub in watch.subscriptions}
    watches = list(rules.watches)
    for state in sorted(book.channels.values(), key=lambda c: c.channel):
        target = next((n for n in sorted(state.names()) if n in in_file), None)
        watches.extend(w for w in state.watches(target)
                       if all(c == "*" or c in known for c in w.companies))
    return watches


def mute_applies(mute: Mute, event: CompanyEvent) -> bool:
    """Whether ``mute`` silences ``event``: same company (or ``*``), same story when it is a
    story mute, and the event's time before the mute ends.

    There is no lower bound: a late copy of older news is silenced too, which is what a
    person who muted a company for the afternoon expects.
    """
    if mute.company != "*" and mute.company != event.company:
        return False
    if mute.event_type is not None and mute.event_type != event.event_type:
        return False
    # A copy that leaves out the counterparty is still the same story (as in routing).
    if (mute.counterparty and event.counterparty
            and mute.counterparty.casefold() != event.counterparty.casefold()):
        return False
    return event.event_time < mute.until


def mute_for(book: SubscriptionBook, channel: str, event: CompanyEvent) -> Mute | None:
    """The mute that silences ``event`` in ``channel``, or None."""
    state = book.find(channel)
    if state is None:
        return None
    return next((m for m in state.mutes if mute_applies(m, event)), None)


class SubscriptionLayer:
    """What the ``Router`` asks about Slack-made state; swapped whole by the feed thread.

    ``replace`` is called from the thread that reads the topic while the route agent
    reads on the event loop: the book is immutable and replaced by one assignment.
    """

    def __init__(self, book: SubscriptionBook | None = None) -> None:
        self._book = book or SubscriptionBook()
        self._cache: tuple[RulesFile, SubscriptionBook, list[Watch]] | None = None
        self._lock = threading.Lock()

    @property
    def book(self) -> SubscriptionBook:
        return self._book

    def replace(self, book: SubscriptionBook) -> None:
        self._book = book

    def watches(self, rules: RulesFile) -> list[Watch]:
        """``effective_watches`` for the book in force, built once per rules/book pair."""
        book = self._book
        with self._lock:
            cached = self._cache
            if cached is not None and cached[0] is rules and cached[1] is book:
                return cached[2]
            watches = effective_watches(rules, book)
            self._cache = (rules, book, watches)
            return watches

    def muted(self, channel: str, event: CompanyEvent) -> Mute | None:
        return mute_for(self._book, channel, event)
