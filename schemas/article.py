"""The normalised article, as published on ``newswatch.articles`` (key: article id)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field, field_validator

from .base import UTCDateTime, WireModel, utcnow
from .fingerprint import text_fingerprint


class Article(WireModel):
    schema_version: Literal[1] = 1
    id: str = Field(
        min_length=1, max_length=200, description="Stable id: GUID, canonical link or hash"
    )
    title: str = Field(max_length=2_000)
    # Bounds well above what the producers keep (4,000 and 50,000 characters), so a message
    # from elsewhere cannot make every stage hold megabytes per article.
    summary: str = Field(default="", max_length=20_000)
    content: str = Field(default="", max_length=200_000)
    link: str | None = None
    source: str | None = Field(default=None, description="Publisher or feed title")
    feed: str | None = Field(default=None, description="Name of the feed it came from")
    published: UTCDateTime | None = None
    published_estimated: bool = Field(
        default=False, description="True when the feed gave no date and fetch time stands in"
    )
    fetched_at: UTCDateTime = Field(default_factory=utcnow)
    language: str | None = None
    authors: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)

    @field_validator("title")
    @classmethod
    def _title_not_blank(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("title is empty")
        return value

    @property
    def event_time(self) -> datetime:
        """Published time, falling back to fetch time: the clock all windows use."""
        return self.published or self.fetched_at

    @property
    def text(self) -> str:
        """Everything the detector reads, title first."""
        return "\n".join(part for part in (self.title, self.summary, self.content) if part)

    @property
    def fingerprint(self) -> str:
        """SimHash of the headline and lead: equal, or nearly, for the same article in any feed."""
        return text_fingerprint(self.title, self.summary or self.content)
