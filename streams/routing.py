"""Routing: which alerts an event raises, given the watches and what was already sent.

Pure logic over a per-company ``CompanyStories`` state, so the Faust ``route``
agent (state in a table with a changelog) and backtests (state in a dict) share
it. All windows use the event's own time (published, else detected), never the
wall clock, so a replay gives the alerts the live run gave.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from pydantic import BaseModel, Field

from ..schemas.alert import Alert, AlertKind
from ..schemas.base import UTCDateTime
from ..schemas.event import STAGE_RANK, CompanyEvent
from ..schemas.rules import RulesFile, Subscription, Watch
from .subscriptions import SubscriptionLayer

# A story keeps absorbing copies this long after its last article at most,
# whatever the watch's window, so state stays bounded.
MAX_STORY_AGE = timedelta(days=30)


class Story(BaseModel):
    """One real-world event as seen by one watch's channel."""

    watch: str
    channel: str
    event_type: str
    role: str | None = None
    counterparty: str | None = None
    person: str | None = None
    stage: str | None = None
    parent_alert_id: str
    first_seen: UTCDateTime
    last_seen: UTCDateTime
    articles: dict[str, AlertKind | None] = Field(
        default_factory=dict,
        description="Article id -> the alert kind it raised (None: absorbed silently), newest "
        "last; a redelivered article raises the same alert again",
    )
    followups: int = 0


class CompanyStories(BaseModel):
    """Everything routing remembers about one company (the Faust table's value)."""

    stories: list[Story] = Field(default_factory=list)

    def prune(self, now: datetime) -> None:
        self.stories = [s for s in self.stories if now - s.last_seen <= MAX_STORY_AGE]


Decision = Literal["new", "followup", "update", "duplicate", "suppressed"]


@dataclass(frozen=True)
class WatchVerdict:
    """Whether one watch fires for one event, and why (``rules explain`` shows these)."""

    watch: str
    company: str
    event_type: str
    role: str | None
    fires: bool
    reason: str
    channels: list[str]


class Router:
    """Turns events into alerts for the watches that cover them."""

    def __init__(self, rules: RulesFile, *, max_followups: int = 3,
                 subscriptions: SubscriptionLayer | None = None) -> None:
        self.rules = rules
        self.max_followups = max_followups
        # Channel subscriptions and mutes made from Slack, layered over the rules' watches.
        self.subscriptions = subscriptions

    def watches(self) -> list[Watch]:
        """The watches in force: the rules file's, plus those channels made from Slack."""
        if self.subscriptions is None:
            return self.rules.watches
        return self.subscriptions.watches(self.rules)

    def verdict(self, watch: Watch, event: CompanyEvent) -> WatchVerdict:
        """Does ``watch`` take ``event``, and if not, why not: the one place this is decided."""
        if not watch.covers_company(event.company):
            fires, reason = False, f"company {event.company!r} not covered by the watch"
        elif not watch.covers_event(event.event_type):
            fires, reason = False, f"event type {event.event_type!r} not covered by the watch"
        elif event.confidence < watch.min_confidence:
            fires, reason = False, (f"confidence {event.confidence:.2f} below min_confidence "
                                    f"{watch.min_confidence:.2f}")
        else:
            fires, reason = True, (f"confidence {event.confidence:.2f} >= "
                                   f"{watch.min_confidence:.2f}")
        return WatchVerdict(watch.name, event.company, event.event_type, event.role, fires,
                            reason, [s.channel for s in watch.subscriptions])

    def matching_watches(self, event: CompanyEvent) -> list[Watch]:
        return [w for w in self.watches() if self.verdict(w, event).fires]

    def explain(self, events: list[CompanyEvent]) -> list[WatchVerdict]:
        """Every watch's verdict on every event (one line per watch when there is none)."""
        verdicts: list[WatchVerdict] = []
        for watch in self.watches():
            if not events:
                verdicts.append(WatchVerdict(watch.name, "", "", None, False,
                                             "no events detected",
                                             [s.channel for s in watch.subscriptions]))
            verdicts.extend(self.verdict(watch, event) for event in events)
        return verdicts

    def route(self, event: CompanyEvent, state: CompanyStories) -> list[Alert]:
        """Alerts to raise for ``event``; updates ``state`` in place."""
        alerts: list[Alert] = []
        now = event.event_time
        taken: set[str] = set()  # one alert per event per channel: the first watch takes it
        for watch in self.matching_watches(event):
            for sub in watch.subscriptions:
                if sub.channel in taken:
                    continue
                taken.add(sub.channel)
                if self.subscriptions is not None and self.subscriptions.muted(sub.channel,
                                                                               event):
                    continue
                alert = self._route_one(event, watch, sub, state, now)
                if alert is not None:
                    alerts.append(alert)
        state.prune(now)
        return alerts

    def _route_one(self, event: CompanyEvent, watch: Watch, sub: Subscription,
                   state: CompanyStories, now: datetime) -> Alert | None:
        window = timedelta(hours=watch.dedupe_hours)
        story = _find_story(state, event, watch.name, sub.channel, window)
        template = sub.template or watch.template
        if story is None:
            alert = Alert(watch=watch.name, channel=sub.channel, event=event, kind="new",
                          mentions=list(sub.mentions), template=template)
            state.stories.append(Story(
                watch=watch.name, channel=sub.channel, event_type=event.event_type,
                role=event.role, counterparty=event.counterparty, person=event.person,
                stage=event.stage, parent_alert_id=alert.id, first_seen=now, last_seen=now,
                articles={event.article_id: "new"}))
            return alert
        if event.article_id in story.articles:
            # The same article again: a redelivery after a crash between the table write
            # and the send, or a re-poll. Raise the very alert it raised before (same id);
            # the notifier's ledger keeps Slack from seeing it twice.
            earlier = story.articles[event.article_id]
            if earlier is None:
                return None
            first = earlier == "new"
            return Alert(watch=watch.name, channel=sub.channel, event=event, kind=earlier,
                         mentions=list(sub.mentions) if first else [], template=template,
                         parent_alert_id=None if first else story.parent_alert_id)
        story.last_seen = max(story.last_seen, now)
        story.counterparty = story.counterparty or event.counterparty
        story.person = story.person or event.person
        kind: Literal["followup", "update"] | None
        if _stage_advanced(story.stage, event.stage):
            story.stage = event.stage
            kind = "update"
        elif story.followups < self.max_followups:
            story.followups += 1
            kind = "followup"
        else:
            kind = None  # enough copies of this story in the thread already
        story.articles = _remember(story.articles, event.article_id, kind)
        if kind is None:
            return None
        # Mentions are for the first alert only: a thread reply must not re-ping.
        return Alert(watch=watch.name, channel=sub.channel, event=event, kind=kind,
                     parent_alert_id=story.parent_alert_id, template=template)


def _find_story(state: CompanyStories, event: CompanyEvent, watch: str, channel: str,
                window: timedelta) -> Story | None:
    for story in state.stories:
        if (story.watch, story.channel, story.event_type) != (watch, channel, event.event_type):
            continue
        if story.role != event.role:
            continue
        if abs(event.event_time - story.last_seen) > window:
            continue
        if not _compatible(story.counterparty, event.counterparty):
            continue
        if not _compatible(story.person, event.person):
            continue
        return story
    return None


def _remember(articles: dict[str, AlertKind | None], article_id: str,
              kind: AlertKind | None, keep: int = 50) -> dict[str, AlertKind | None]:
    updated = {**articles, article_id: kind}
    if len(updated) > keep:
        # Keep the story's first article (its alert is the thread parent) and the newest.
        first = next(iter(updated))
        newest = list(updated.items())[-(keep - 1):]
        updated = {first: updated[first], **dict(newest)}
    return updated


def _compatible(known: str | None, new: str | None) -> bool:
    # A copy that omits the counterparty or person is still the same story.
    return known is None or new is None or known.casefold() == new.casefold()


def _stage_advanced(old: str | None, new: str | None) -> bool:
    if new is None or old == new:
        return False
    if old is None:
        return True
    return STAGE_RANK.get(new, 0) > STAGE_RANK.get(old, 0)
