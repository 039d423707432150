"""An alert for one channel, as published on ``newswatch.alerts`` (key: channel)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from schemas.base import UTCDateTime, WireModel, stable_id, utcnow
from schemas.event import CompanyEvent

AlertKind = Literal["new", "followup", "update"]


class Alert(WireModel):
    schema_version: Literal[1] = 1
    id: str = ""
    watch: str
    channel: str
    event: CompanyEvent
    kind: AlertKind = Field(
        default="new",
        description="new: a story's first alert; followup: another article on it (threaded); "
        "update: the story changed stage (the parent message is edited)",
    )
    story_key: str = ""
    parent_alert_id: str | None = Field(
        default=None, description="The story's first alert, for threading and updates"
    )
    mentions: list[str] = Field(
        default_factory=list, description="Mentions configured on the subscription"
    )
    template: str | None = None
    created_at: UTCDateTime = Field(default_factory=utcnow)

    def model_post_init(self, __context: object) -> None:
        if not self.story_key:
            object.__setattr__(self, "story_key", self.event.story_key)
        if not self.id:
            object.__setattr__(
                self, "id", stable_id(self.watch, self.channel, self.event.id, self.kind)
            )
