"""The feed-source interface: where feed documents (or ready articles) come from.

Lifecycle, driven by the poller:

1. ``open()`` once, before the first read (open files, check paths);
2. ``read(state)`` once per poll: return ``NotModified``, a ``Document`` to parse, or an
   ``ArticleBatch`` of ready articles; raise ``producers.errors.FeedError`` when the feed
   cannot be read (the poller records it and backs off; other feeds are unaffected);
3. ``close()`` once, at shutdown.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import ClassVar

from ...schemas.article import Article
from ...schemas.feeds import FeedState
from ..config import FeedSpec
from ..fetch import HttpFetcher


@dataclass(frozen=True)
class NotModified:
    """The server answered 304: nothing to parse."""


@dataclass(frozen=True)
class Document:
    """A feed document to parse, with what the source learned about it."""

    body: bytes
    base_url: str | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    permanent_url: str | None = None


@dataclass(frozen=True)
class Rejected:
    where: str  # file:line
    reason: str
    raw: str


@dataclass(frozen=True)
class ArticleBatch:
    """Articles that need no parsing (a JSONL dump), and lines that were not articles."""

    articles: tuple[Article, ...]
    rejected: tuple[Rejected, ...] = field(default=())


SourceResult = NotModified | Document | ArticleBatch


@dataclass
class SourceContext:
    """Shared resources sources may use; ``fetcher`` is started by the owner."""

    fetcher: HttpFetcher | None = None


class FeedSource(ABC):
    """One feed's origin. Subclasses set ``kind`` and implement ``read``."""

    kind: ClassVar[str]
    #: Whether the poller keeps seen-ids for this source (a dump is replayed on purpose).
    dedupe: ClassVar[bool] = True

    def __init__(self, spec: FeedSpec, context: SourceContext) -> None:
        self.spec = spec
        self.context = context

    async def open(self) -> None:  # noqa: B027 - optional hook
        """Called once before the first ``read``."""

    @abstractmethod
    async def read(self, state: FeedState) -> SourceResult:
        """Read the feed once; raise FeedError with a clear reason when it cannot."""

    async def close(self) -> None:  # noqa: B027 - optional hook
        """Called once at shutdown."""
