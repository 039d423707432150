"""Feedback on alerts from Slack, on ``<prefix>.feedback`` (compacted).

One record per alert, user and way of giving it: the key is ``alert id|user|button`` or
``alert id|user|reaction|<emoji>``, so a user who clicks another button replaces their
earlier click, and removing a reaction (``label: null``) withdraws only that reaction.
``newswatch labels export`` turns these into the labels file ``backtest --labels`` reads.
"""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field

from .base import UTCDateTime, WireModel, utcnow
from .event import EventType

FeedbackLabel = Literal["useful", "not_relevant", "wrong_company"]
FEEDBACK_LABELS: tuple[str, ...] = get_args(FeedbackLabel)
FeedbackSource = Literal["button", "reaction"]


class Feedback(WireModel):
    schema_version: Literal[1] = 1
    alert_id: str
    article_id: str
    company: str
    event_type: EventType
    watch: str | None = None
    channel: str = Field(description="Slack channel id the alert was posted in")
    user: str = Field(description="Slack user id of who gave the feedback")
    label: FeedbackLabel | None = Field(
        description="None: the user withdrew this feedback (removed the reaction)")
    source: FeedbackSource
    reaction: str | None = Field(default=None, description="The emoji, for reactions")
    at: UTCDateTime = Field(default_factory=utcnow)

    @property
    def key(self) -> str:
        tail = f"|{self.reaction}" if self.source == "reaction" and self.reaction else ""
        return f"{self.alert_id}|{self.user}|{self.source}{tail}"
