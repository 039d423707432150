"""Feed sources: a small ABC (``base.FeedSource``) and one module per built-in kind."""

from __future__ import annotations

from ..config import FeedSpec
from .base import (
    ArticleBatch,
    Document,
    FeedSource,
    NotModified,
    Rejected,
    SourceContext,
    SourceResult,
)
from .files import FileFeedSource
from .http import HttpFeedSource
from .jsonl import JsonlArticleSource

#: Built-in sources by ``FeedSpec.kind``.
SOURCES: dict[str, type[FeedSource]] = {
    HttpFeedSource.kind: HttpFeedSource,
    FileFeedSource.kind: FileFeedSource,
    JsonlArticleSource.kind: JsonlArticleSource,
}


def build_source(spec: FeedSpec, context: SourceContext) -> FeedSource:
    """The source for one spec, chosen by its kind."""
    return SOURCES[spec.kind](spec, context)


__all__ = [
    "SOURCES",
    "ArticleBatch",
    "Document",
    "FeedSource",
    "FileFeedSource",
    "HttpFeedSource",
    "JsonlArticleSource",
    "NotModified",
    "Rejected",
    "SourceContext",
    "SourceResult",
    "build_source",
]
