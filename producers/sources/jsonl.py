"""Article dumps: one ``Article`` JSON object per line (``--from-jsonl``, ``*.jsonl`` paths)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from ...schemas.article import Article
from ...schemas.errors import SchemaError
from ...schemas.feeds import FeedState
from ...schemas.jsonlines import iter_lines, too_long_reason
from ..errors import FeedError
from .base import ArticleBatch, FeedSource, Rejected, SourceResult


class JsonlArticleSource(FeedSource):
    kind = "jsonl"
    # A dump is replayed on purpose; consumers are idempotent on the article id.
    dedupe = False

    async def read(self, state: FeedState) -> SourceResult:
        return await asyncio.to_thread(read_jsonl, Path(self.spec.location))


def read_jsonl(path: Path) -> ArticleBatch:
    """Every valid line as an Article; invalid lines are returned with file:line and reason."""
    articles: list[Article] = []
    rejected: list[Rejected] = []
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise FeedError(f"cannot read {path}: {exc.strerror or exc}") from None
    with handle:
        for line in iter_lines(handle):
            where = f"{path}:{line.number}"
            if line.raw is None:
                rejected.append(Rejected(where, f"{where}: {too_long_reason(line)}", ""))
                continue
            try:
                articles.append(Article.from_json(line.raw, source=where))
            except SchemaError as exc:
                rejected.append(Rejected(where, str(exc), line.raw.decode("utf-8", "replace")))
    return ArticleBatch(tuple(articles), tuple(rejected))
