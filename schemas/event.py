"""A detected company event, as published on ``newswatch.events`` (key: company)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal, get_args

from pydantic import Field

from .base import UTCDateTime, WireModel, stable_id, utcnow

EventType = Literal[
    "executive_hire",
    "executive_departure",
    "layoffs",
    "acquisition",
    "investment",
    "product_launch",
    "launch_delay",
    "partnership",
    "legal",
]
EVENT_TYPES: tuple[str, ...] = get_args(EventType)

Role = Literal[
    "acquirer",
    "target",
    "investor",
    "recipient",
    "hiring_company",
    "losing_company",
    "partner",
    "plaintiff",
    "defendant",
]
ROLES: tuple[str, ...] = get_args(Role)

AcquisitionStage = Literal["rumored", "talks", "announced", "completed", "terminated"]
STAGE_RANK: dict[str, int] = {
    "rumored": 0, "talks": 1, "announced": 2,
    # Both end a deal; neither advances the other (a story does not "progress" from
    # completed to terminated), so they share the last rank.
    "completed": 3, "terminated": 3,
}
"""How far a deal has got: the router edits a story's first alert when this rises, and the
detector reports the furthest stage an article states."""


class CompanyEvent(WireModel):
    schema_version: Literal[1] = 1
    id: str = ""
    article_id: str
    article_title: str = ""
    article_link: str | None = None
    article_fingerprint: str | None = Field(
        default=None, description="SimHash of the article's headline and lead "
        "(schemas.fingerprint): the same article under another id is absorbed")
    source: str | None = None
    published: UTCDateTime | None = None
    company: str = Field(description="Canonical company name from the rules file")
    brand: str | None = Field(
        default=None, description="The brand or subsidiary named, when only it was (Instagram)"
    )
    event_type: EventType
    role: Role | None = None
    counterparty: str | None = None
    person: str | None = None
    people: list[str] = Field(
        default_factory=list, description="Everyone a multi-hire sentence names; person first"
    )
    amount: str | None = Field(default=None, description='As written, e.g. "$14.3 billion"')
    amount_usd: float | None = None
    stage: AcquisitionStage | None = None
    product: str | None = Field(
        default=None, description='Product launched or delayed, e.g. "Llama 4 Behemoth"'
    )
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: list[str] = Field(default_factory=list)
    triggers: list[str] = Field(default_factory=list, description="Words that triggered it")
    detected_at: UTCDateTime = Field(default_factory=utcnow)

    def model_post_init(self, __context: object) -> None:
        if not self.id:
            # Deterministic, so a re-processed article yields the same event id.
            object.__setattr__(
                self,
                "id",
                stable_id(self.article_id, self.company, self.event_type, self.role or ""),
            )

    @property
    def event_time(self) -> datetime:
        return self.published or self.detected_at

    @property
    def story_key(self) -> str:
        """What makes two events the same real-world story, whatever the source."""
        counterparty = (self.counterparty or "").casefold()
        return f"{self.company.casefold()}|{self.event_type}|{counterparty}"
