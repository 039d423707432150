"""Digests: alerts held back (digest mode, quiet hours, a spent budget) sent as one message.

``DigestAlert`` travels on ``newswatch.alerts`` like any alert. A long digest is split into
parts: part 0 is the channel message (grouped by company and event type, with links), the
later parts are its thread (the details). Each part is an alert of its own, with its own
id and ledger record, so the notifier delivers a digest exactly as it delivers anything
else. ``DigestTick`` travels on ``newswatch.routed`` and tells the pacing agent what time it
is; the worker's timer sends wall-clock ticks, a backtest or a test sends its own.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import Field

from .base import UTCDateTime, WireModel, stable_id
from .event import CompanyEvent

HeldReason = Literal["schedule", "quiet_hours", "budget"]
EntryKind = Literal["new", "followup", "update", "edit"]
DIGEST_STORY_PREFIX = "digest|"


def is_digest_story(story_key: str | None) -> bool:
    """Whether a ledger record's story key is a digest's (its message is not one story's)."""
    return bool(story_key) and str(story_key).startswith(DIGEST_STORY_PREFIX)


class DigestSource(WireModel):
    """Another article on a story already in the digest."""

    title: str = ""
    link: str | None = None
    source: str | None = None
    published: UTCDateTime | None = None


class DigestEntry(WireModel):
    """One story in a digest: how it now stands and where to read about it."""

    story_id: str = Field(description="The story's first alert id")
    watch: str
    event: CompanyEvent = Field(
        description="The story's first article in this digest, its stage the furthest seen")
    kind: EntryKind = Field(
        description="new: the story starts here; otherwise more on a story alerted earlier")
    held: HeldReason
    sources: list[DigestSource] = Field(
        default_factory=list, description="Further articles on the story, oldest first")
    more_sources: int = Field(default=0, description="Further articles not listed")
    mentions: list[str] = Field(default_factory=list)
    due: UTCDateTime = Field(description="When the digest holding it was to go out")


class DigestAlert(WireModel):
    """One part of a digest for one channel (part 0 is the channel message)."""

    schema_version: Literal[1] = 1
    type: Literal["digest"] = "digest"
    id: str = ""
    digest_id: str = Field(description="The id of part 0, shared by every part")
    channel: str
    part: int = Field(default=0, ge=0)
    parts: int = Field(default=1, ge=1)
    entries: list[DigestEntry] = Field(
        description="Part 0: every story, grouped; later parts: a slice with details")
    total_entries: int
    period_start: UTCDateTime
    period_end: UTCDateTime
    mentions: list[str] = Field(default_factory=list)

    def model_post_init(self, __context: object) -> None:
        if not self.id:
            own = self.digest_id if self.part == 0 else stable_id(self.digest_id, str(self.part))
            object.__setattr__(self, "id", own)

    # The delivery path treats it like any alert: part 0 starts a thread, the rest reply.
    @property
    def kind(self) -> Literal["new", "followup"]:
        return "new" if self.part == 0 else "followup"

    @property
    def parent_alert_id(self) -> str | None:
        return None if self.part == 0 else self.digest_id

    @property
    def story_key(self) -> str:
        return f"{DIGEST_STORY_PREFIX}{self.channel}|{self.digest_id}"


class DigestTick(WireModel):
    """The time, for the pacing agent: digests due by ``now`` go out."""

    schema_version: Literal[1] = 1
    type: Literal["tick"] = "tick"
    id: str = ""
    now: UTCDateTime
    channel: str | None = Field(
        default=None, description="One channel; None: every channel of the partition")
    flush_all: bool = Field(
        default=False, description="Send everything held, due or not (end of a backtest)")

    def model_post_init(self, __context: object) -> None:
        if not self.id:
            object.__setattr__(self, "id", stable_id(
                "tick", self.now.isoformat(), self.channel or "*", str(self.flush_all)))

    @classmethod
    def at(cls, now: datetime, **fields: Any) -> DigestTick:
        return cls.model_validate({"now": now, **fields})
