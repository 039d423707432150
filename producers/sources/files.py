"""Feed documents stored as local files (``path:`` in feeds.yaml, ``--from-dir``)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from ...schemas.feeds import FeedState
from ..errors import BodyTooLargeError, FeedError
from .base import Document, FeedSource, SourceResult


class FileFeedSource(FeedSource):
    kind = "file"

    async def read(self, state: FeedState) -> SourceResult:
        path = Path(self.spec.location)
        body = await asyncio.to_thread(_read, path, self.spec.max_bytes)
        # No base URL: relative links resolve against the feed's own <link>.
        return Document(body=body)


def _read(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise BodyTooLargeError(f"file of {size} bytes is over the {limit}-byte cap")
        return path.read_bytes()
    except OSError as exc:
        raise FeedError(f"cannot read {path}: {exc.strerror or exc}") from None
