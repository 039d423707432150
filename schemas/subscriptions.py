"""Channel subscriptions and mutes made from Slack, on ``<prefix>.subscriptions``.

The topic is compacted and keyed by Slack channel id: each record is the *whole* state of
one channel (what it subscribed to, what it muted, the recent changes and who made them),
so the latest record per key is all a reader needs. The rules file stays the place where
companies are defined; a subscription names a company from it (or ``*``) and is layered
over the file's watches by the route agent (``streams.subscriptions``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .base import UTCDateTime, WireModel, utcnow
from .event import EventType
from .rules import Subscription, Watch

MAX_CHANGES = 50  # the audit trail kept in each channel's record, newest last
SLACK_WATCH_PREFIX = "slack:"


class _Entry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")


EventChoice = EventType | Literal["*"]


def _every_event() -> list[EventChoice]:
    return ["*"]


class SlackSubscription(_Entry):
    """A channel's subscription to one company (or ``*``), made with ``/newswatch subscribe``."""

    company: str = Field(min_length=1, description="Canonical name from the rules file, or '*'")
    events: list[EventChoice] = Field(default_factory=_every_event, min_length=1)
    min_confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    added_by: str = Field(description="Slack user id")
    added_at: UTCDateTime = Field(default_factory=utcnow)


class Mute(_Entry):
    """Silence a company (or one of its stories) in a channel until ``until``.

    A story mute also names the event type, and the counterparty when the story has one,
    the same parts that make ``CompanyEvent.story_key``.
    """

    company: str = Field(min_length=1, description="Canonical name, or '*' for every company")
    event_type: EventType | None = None
    counterparty: str | None = None
    until: UTCDateTime
    set_by: str
    set_at: UTCDateTime = Field(default_factory=utcnow)

    @property
    def is_story(self) -> bool:
        return self.event_type is not None

    def active(self, now: datetime) -> bool:
        return now < self.until


class SubscriptionChange(_Entry):
    """One line of a channel's audit trail: who changed what, when."""

    at: UTCDateTime = Field(default_factory=utcnow)
    by: str = Field(description="Slack user id")
    action: Literal["subscribe", "unsubscribe", "mute", "unmute"]
    summary: str


class ChannelSubscriptions(WireModel):
    """Everything Slack users set up for one channel (the compacted topic's value)."""

    schema_version: Literal[1] = 1
    channel: str = Field(min_length=1, description="Slack channel id, e.g. C0123ABCD")
    channel_name: str | None = Field(default=None, description="Name when last changed")
    subscriptions: list[SlackSubscription] = Field(default_factory=list)
    mutes: list[Mute] = Field(default_factory=list)
    changes: list[SubscriptionChange] = Field(default_factory=list)
    updated_at: UTCDateTime = Field(default_factory=utcnow)

    @property
    def label(self) -> str:
        """``#name`` when the name is known, else the id: how people recognise it."""
        return f"#{self.channel_name}" if self.channel_name else self.channel

    def names(self) -> set[str]:
        """Every way a rules file or an alert may refer to this channel."""
        refs = {self.channel}
        if self.channel_name:
            refs |= {self.channel_name, f"#{self.channel_name}"}
        return refs

    def watch_name(self, company: str) -> str:
        return f"{SLACK_WATCH_PREFIX}{self.label}:{company}"

    def watches(self, channel: str | None = None) -> list[Watch]:
        """The subscriptions as watches, posting to ``channel`` (default: the channel id)."""
        target = Subscription(channel=channel or self.channel)
        return [Watch(name=self.watch_name(sub.company), companies=[sub.company],
                      events=list(sub.events), channels=[target],
                      min_confidence=sub.min_confidence)
                for sub in self.subscriptions]

    def active_mutes(self, now: datetime) -> list[Mute]:
        return [m for m in self.mutes if m.active(now)]

    def is_empty(self) -> bool:
        return not self.subscriptions and not self.mutes
