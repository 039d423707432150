"""Stories: which alerts an event raises, given the watches and what was already sent.

A story is one real-world event as one watch's channel sees it: the same company, event
type, role, counterparty and person, with articles no further apart than the watch's
``realert_after`` window (measured from the story's latest article). Its first article
raises a ``new`` alert; later ones are threaded under it, at most ``max_replies`` of them,
stage updates included; a stage change after that only edits the first message. The same
article reaching newswatch under another id (same link, or near-identical text) is
absorbed silently.

Pure logic over a ``CompanyStories`` state, so the Faust ``route`` agent (state in a table
with a changelog) and backtests (state in a dict) share it. Every window uses the event's
own time (published, else fetched), never the wall clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pydantic import AliasChoices, BaseModel, Field

from ...schemas.alert import Alert, AlertKind
from ...schemas.base import UTCDateTime
from ...schemas.event import STAGE_RANK, CompanyEvent
from ...schemas.fingerprint import near_identical
from ...schemas.links import link_key
from ...schemas.rules import MAX_REALERT_WINDOW, RulesFile, Subscription, Watch
from ..subscriptions import SubscriptionLayer

MAX_STORY_AGE = MAX_REALERT_WINDOW
"""A story is forgotten this long after its last article, whatever the watch's window."""
MAX_STORIES = 200
"""Stories kept per state (one company and event type): the most recently active."""
MAX_ARTICLES = 30
"""Articles remembered per story (its first, and the newest): enough to recognise a
redelivery or a copy; older ones no longer arrive."""


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
    copies: list[str] = Field(
        default_factory=list,
        description="What identifies the story's articles besides their ids: 'link:<key>' and "
        "'text:<fingerprint>', newest last",
    )
    replies: int = Field(default=0, validation_alias=AliasChoices("replies", "followups"))


def state_key(event: CompanyEvent) -> str:
    """Which ``CompanyStories`` an event is routed against: its company and event type.

    Stories never span event types, so splitting a company's state by type keeps each
    read and write small. Every key of one company lives in that company's partition."""
    return f"{event.company}\x1f{event.event_type}"


class CompanyStories(BaseModel):
    """What routing remembers about one company and event type (the Faust table's value)."""

    stories: list[Story] = Field(default_factory=list)

    def prune(self, now: datetime) -> None:
        """Forget stories quiet for ``MAX_STORY_AGE``; keep at most ``MAX_STORIES``."""
        cutoff = now - MAX_STORY_AGE
        stories = self.stories
        if len(stories) <= MAX_STORIES:
            # Routing calls this after every event: most often nothing is due, so look first.
            for story in stories:
                if story.last_seen < cutoff:
                    break
            else:
                return
        alive = [s for s in stories if s.last_seen >= cutoff]
        if len(alive) > MAX_STORIES:
            newest = {id(s) for s in sorted(alive, key=lambda s: s.last_seen)[-MAX_STORIES:]}
            alive = [s for s in alive if id(s) in newest]
        self.stories = alive


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

    def __init__(self, rules: RulesFile, *,
                 subscriptions: SubscriptionLayer | None = None) -> None:
        self.rules = rules
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

    def takes(self, watch: Watch, event: CompanyEvent) -> bool:
        """``verdict(watch, event).fires``, without writing out why (routing asks it for
        every event and watch; a test holds the two together)."""
        return (watch.covers_company(event.company) and watch.covers_event(event.event_type)
                and not event.confidence < watch.min_confidence)

    def matching_watches(self, event: CompanyEvent) -> list[Watch]:
        return [w for w in self.watches() if self.takes(w, event)]

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

    def route(self, event: CompanyEvent, state: CompanyStories,
              matching: list[Watch] | None = None) -> list[Alert]:
        """Alerts to raise for ``event``; updates ``state`` in place. ``matching``: the
        caller's ``matching_watches(event)``, when it has them already."""
        alerts: list[Alert] = []
        now = event.event_time
        taken: set[str] = set()  # one alert per event per channel: the first watch takes it
        for watch in self.matching_watches(event) if matching is None else matching:
            for sub in watch.subscriptions:
                if sub.channel in taken:
                    continue
                taken.add(sub.channel)
                if self.subscriptions is not None and self.subscriptions.muted(sub.channel,
                                                                               event):
                    continue
                alert = self._route_one(event, watch, sub, state)
                if alert is not None:
                    alerts.append(alert)
        state.prune(now)
        return alerts

    def _route_one(self, event: CompanyEvent, watch: Watch, sub: Subscription,
                   state: CompanyStories) -> Alert | None:
        now = event.event_time
        story = find_story(state, event, watch.name, sub.channel, watch)
        template = sub.template or watch.template
        if story is None:
            alert = Alert(watch=watch.name, channel=sub.channel, event=event, kind="new",
                          mentions=list(sub.mentions), template=template)
            state.stories.append(Story(
                watch=watch.name, channel=sub.channel, event_type=event.event_type,
                role=event.role, counterparty=event.counterparty, person=event.person,
                stage=event.stage, parent_alert_id=alert.id, first_seen=now, last_seen=now,
                articles={event.article_id: "new"}, copies=_identities(event)))
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
        kind = _next_kind(story, event, watch.max_replies)
        story.last_seen = max(story.last_seen, now)
        story.counterparty = story.counterparty or event.counterparty
        story.person = story.person or event.person
        story.articles = _remember(story.articles, event.article_id, kind)
        story.copies = (story.copies + [i for i in _identities(event)
                                        if i not in story.copies])[-2 * MAX_ARTICLES:]
        if kind is None:
            return None
        # Mentions are for the first alert only: a thread reply must not re-ping.
        return Alert(watch=watch.name, channel=sub.channel, event=event, kind=kind,
                     parent_alert_id=story.parent_alert_id, template=template)


def find_story(state: CompanyStories, event: CompanyEvent, watch: str, channel: str,
               policy: Watch) -> Story | None:
    """The story ``event`` belongs to for this watch and channel, if it is still open."""
    window = policy.realert_window
    event_type, role = event.event_type, event.role
    for story in state.stories:
        if (story.watch != watch or story.channel != channel
                or story.event_type != event_type or story.role != role):
            continue
        # Measured from the latest article: a story that keeps being reported stays open.
        if abs(event.event_time - story.last_seen) > window:
            continue
        if not _compatible(story.counterparty, event.counterparty):
            continue
        if not _compatible(story.person, event.person):
            continue
        return story
    return None


def _next_kind(story: Story, event: CompanyEvent, max_replies: int) -> AlertKind | None:
    """What a further article on ``story`` raises, counting it against the reply cap."""
    if _stage_advanced(story.stage, event.stage):
        story.stage = event.stage
        if story.replies < max_replies:
            story.replies += 1
            return "update"
        return "edit"  # the thread is full, but the first message shows the latest stage
    if _same_article(story, event):
        return None  # the article the story has, reached through another feed
    if story.replies < max_replies:
        story.replies += 1
        return "followup"
    return None  # enough copies of this story in the thread already


def _identities(event: CompanyEvent) -> list[str]:
    found = []
    key = link_key(event.article_link) if event.article_link else None
    if key:
        found.append(f"link:{key}")
    if event.article_fingerprint:
        found.append(f"text:{event.article_fingerprint}")
    return found


def _same_article(story: Story, event: CompanyEvent) -> bool:
    key = link_key(event.article_link) if event.article_link else None
    if key and f"link:{key}" in story.copies:
        return True
    return any(near_identical(event.article_fingerprint, known.removeprefix("text:"))
               for known in story.copies if known.startswith("text:"))


def _remember(articles: dict[str, AlertKind | None], article_id: str,
              kind: AlertKind | None, keep: int = MAX_ARTICLES) -> dict[str, AlertKind | None]:
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
