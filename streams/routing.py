"""Routing: which alerts an event raises, given the watches and what was already sent.

Pure logic over a per-company ``CompanyStories`` state, so the Faust ``route``
agent (state in a table with a changelog) and backtests (state in a dict) share
it. All windows use the event's own time (published, else detected), never the
wall clock, so a replay gives the alerts the live run gave.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal

from pydantic import BaseModel, Field

from schemas.alert import Alert
from schemas.base import UTCDateTime
from schemas.event import CompanyEvent
from schemas.rules import RulesFile, Subscription, Watch

# A story keeps absorbing copies this long after its last article at most,
# whatever the watch's window, so state stays bounded.
MAX_STORY_AGE = timedelta(days=30)
STAGE_ORDER = {"rumored": 0, "talks": 1, "announced": 2, "completed": 3, "terminated": 3}


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
    origin_event_id: str = Field(default="", description="The event that started the story")
    first_seen: UTCDateTime
    last_seen: UTCDateTime
    article_ids: list[str] = Field(default_factory=list)
    followups: int = 0


class CompanyStories(BaseModel):
    """Everything routing remembers about one company (the Faust table's value)."""

    stories: list[Story] = Field(default_factory=list)

    def prune(self, now: datetime) -> None:
        self.stories = [s for s in self.stories if now - s.last_seen <= MAX_STORY_AGE]


Decision = Literal["new", "followup", "update", "duplicate", "suppressed"]


class Router:
    """Turns events into alerts for the watches that cover them."""

    def __init__(self, rules: RulesFile, *, max_followups: int = 3) -> None:
        self.rules = rules
        self.max_followups = max_followups

    def matching_watches(self, event: CompanyEvent) -> list[Watch]:
        return [
            w for w in self.rules.watches
            if w.covers(event.company, event.event_type) and event.confidence >= w.min_confidence
        ]

    def route(self, event: CompanyEvent, state: CompanyStories) -> list[Alert]:
        """Alerts to raise for ``event``; updates ``state`` in place."""
        alerts: list[Alert] = []
        now = event.event_time
        for watch in self.matching_watches(event):
            for sub in watch.subscriptions:
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
                stage=event.stage, parent_alert_id=alert.id, origin_event_id=event.id,
                first_seen=now, last_seen=now,
                article_ids=[event.article_id]))
            return alert
        if event.article_id in story.article_ids:
            if event.id == story.origin_event_id:
                # A redelivery of the story's first article: raise the identical alert
                # again (same id), since the first attempt may have died before sending;
                # the notifier's ledger keeps Slack from seeing it twice.
                return Alert(watch=watch.name, channel=sub.channel, event=event, kind="new",
                             mentions=list(sub.mentions), template=template)
            return None  # a copy of an article already in the story
        story.article_ids = [*story.article_ids, event.article_id][-50:]
        story.last_seen = max(story.last_seen, now)
        story.counterparty = story.counterparty or event.counterparty
        story.person = story.person or event.person
        kind: Literal["followup", "update"]
        if _stage_advanced(story.stage, event.stage):
            story.stage = event.stage
            kind = "update"
        elif story.followups < self.max_followups:
            story.followups += 1
            kind = "followup"
        else:
            return None  # enough copies of this story in the thread already
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


def _compatible(known: str | None, new: str | None) -> bool:
    # A copy that omits the counterparty or person is still the same story.
    return known is None or new is None or known.casefold() == new.casefold()


def _stage_advanced(old: str | None, new: str | None) -> bool:
    if new is None or old == new:
        return False
    if old is None:
        return True
    return STAGE_ORDER.get(new, 0) > STAGE_ORDER.get(old, 0)
