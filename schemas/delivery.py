"""The delivery ledger record on ``newswatch.deliveries`` (compacted, key: alert id)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import UTCDateTime, WireModel, utcnow

DeliveryState = Literal["attempting", "delivered", "failed"]


class Delivery(WireModel):
    schema_version: Literal[1] = 1
    alert_id: str
    channel: str
    state: DeliveryState
    ts: str | None = Field(default=None, description="Slack message ts once posted")
    thread_ts: str | None = None
    story_key: str | None = None
    error: str | None = None
    updated_at: UTCDateTime = Field(default_factory=utcnow)
