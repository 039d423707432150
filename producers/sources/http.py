"""Feeds polled over HTTP(S), with conditional GET from the saved validators."""

from __future__ import annotations

from ...schemas.feeds import FeedState
from ..fetch import FetchRequest
from .base import Document, FeedSource, NotModified, SourceResult


class HttpFeedSource(FeedSource):
    kind = "http"

    async def read(self, state: FeedState) -> SourceResult:
        fetcher = self.context.fetcher
        if fetcher is None:
            raise RuntimeError("HTTP feeds need SourceContext.fetcher")
        result = await fetcher.fetch(FetchRequest(
            url=state.permanent_url or self.spec.location,
            etag=state.etag,
            last_modified=state.last_modified,
            timeout=self.spec.timeout,
            max_bytes=self.spec.max_bytes,
            max_redirects=self.spec.max_redirects,
        ))
        if result.not_modified:
            return NotModified()
        return Document(
            body=result.body,
            base_url=result.url,
            content_type=result.content_type,
            etag=result.etag,
            last_modified=result.last_modified,
            permanent_url=result.permanent_url,
        )
