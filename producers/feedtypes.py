"""The parsed shape of a feed document, whatever its format: what ``parse`` and ``jsonfeed``
produce and ``normalise`` consumes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Text:
    """A piece of entry text as the feed gave it; ``html`` says whether it is markup."""

    value: str
    html: bool = False


@dataclass(frozen=True)
class ParsedEntry:
    title: Text | None = None
    summary: Text | None = None
    content: Text | None = None
    guid: str | None = None
    guid_duplicated: bool = False
    link: str | None = None
    published: datetime | None = None
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    language: str | None = None


@dataclass(frozen=True)
class ParsedFeed:
    version: str
    title: str | None = None
    link: str | None = None
    language: str | None = None
    entries: tuple[ParsedEntry, ...] = ()
    bozo_reason: str | None = field(default=None, compare=False)
