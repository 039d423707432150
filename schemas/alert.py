"""An alert for one channel, as published on ``newswatch.alerts`` (key: channel)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag, TypeAdapter, ValidationError

from .base import UTCDateTime, WireModel, stable_id, summarise_errors, utcnow
from .digest import DigestAlert, DigestTick
from .errors import SchemaError
from .event import CompanyEvent

AlertKind = Literal["new", "followup", "update", "edit"]


class Alert(WireModel):
    """An alert about a company event, for one channel."""

    schema_version: Literal[1] = 1
    type: Literal["company_event"] = "company_event"
    id: str = ""
    watch: str
    channel: str
    event: CompanyEvent
    kind: AlertKind = Field(
        default="new",
        description="new: a story's first alert; followup: another article on it (threaded); "
        "update: the story changed stage (the parent message is edited, and a reply says so); "
        "edit: the story changed stage after its thread was full (the parent message is "
        "edited, nothing is posted)",
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


FeedHealthStatus = Literal["quiet", "unhealthy", "recovered"]


class FeedHealthAlert(WireModel):
    """An operations alert about a feed (quiet for too long, failing, or back), sent to the
    ops channel through the same alerts topic and notifier as company alerts."""

    schema_version: Literal[1] = 1
    type: Literal["feed_health"] = "feed_health"
    id: str = ""
    channel: str
    feed_id: str
    feed_name: str
    location: str
    status: FeedHealthStatus
    reason: str
    last_success: UTCDateTime | None = None
    last_new_item: UTCDateTime | None = None
    consecutive_failures: int = 0
    mentions: list[str] = Field(default_factory=list)
    created_at: UTCDateTime = Field(default_factory=utcnow)

    # The delivery path treats every alert alike: a health alert starts no thread.
    @property
    def kind(self) -> Literal["new"]:
        return "new"

    @property
    def parent_alert_id(self) -> None:
        return None

    @property
    def story_key(self) -> str:
        return f"feed-health|{self.feed_id}"

    def model_post_init(self, __context: object) -> None:
        if not self.id:
            since = (self.last_success or self.last_new_item or self.created_at).isoformat()
            object.__setattr__(
                self, "id", stable_id("feed-health", self.channel, self.feed_id, self.status,
                                      since)
            )


def _alert_type(value: Any) -> str:
    # Alerts written before the ``type`` field existed are company-event alerts.
    if isinstance(value, dict):
        return str(value.get("type", "company_event"))
    return str(getattr(value, "type", "company_event"))


AlertMessage = Alert | FeedHealthAlert | DigestAlert
"""Anything on the alerts topic."""

AnyAlert = Annotated[
    Annotated[Alert, Tag("company_event")] | Annotated[FeedHealthAlert, Tag("feed_health")]
    | Annotated[DigestAlert, Tag("digest")],
    Discriminator(_alert_type),
]
_ANY_ALERT: TypeAdapter[AlertMessage] = TypeAdapter(AnyAlert)

RoutedMessage = Alert | DigestTick
"""Anything on the routed topic: an alert on its way to pacing, or the time."""

_ROUTED: TypeAdapter[RoutedMessage] = TypeAdapter(Annotated[
    Annotated[Alert, Tag("company_event")] | Annotated[DigestTick, Tag("tick")],
    Discriminator(_alert_type),
])


def parse_any_alert(data: bytes | str, *, source: str | None = None) -> AlertMessage:
    """Parse one message from the alerts topic, whichever kind it is."""
    try:
        return _ANY_ALERT.validate_json(data)
    except ValidationError as exc:
        raise SchemaError(summarise_errors(exc, "Alert"), source=source) from None


def parse_routed(data: bytes | str, *, source: str | None = None) -> RoutedMessage:
    """Parse one message from the routed topic."""
    try:
        return _ROUTED.validate_json(data)
    except ValidationError as exc:
        raise SchemaError(summarise_errors(exc, "RoutedMessage"), source=source) from None
