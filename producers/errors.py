"""Errors of the feed producers; each names the feed and the reason."""

from __future__ import annotations

from ..schemas.errors import NewswatchError


class FeedError(NewswatchError):
    """One feed could not be read. Never stops the other feeds: the poller records the
    reason in the feed's state and polls it again after a backoff."""

    def __init__(self, reason: str, *, feed: str | None = None) -> None:
        self.reason = reason
        self.feed = feed
        super().__init__(f"feed {feed}: {reason}" if feed else reason)


class FetchError(FeedError):
    """The document could not be fetched (network, timeout, HTTP status, limits)."""


class HTTPStatusError(FetchError):
    def __init__(self, status: int, *, retry_after: float | None = None,
                 feed: str | None = None) -> None:
        self.status = status
        self.retry_after = retry_after
        wait = f", retry after {retry_after:.0f}s" if retry_after is not None else ""
        super().__init__(f"HTTP {status}{wait}", feed=feed)


class BodyTooLargeError(FetchError):
    """The body is over the feed's size cap (counted after decompression)."""


class RedirectError(FetchError):
    """Too many redirects, or a redirect to a scheme other than http/https."""


class NotAFeedError(FeedError):
    """The document holds no RSS, Atom or JSON Feed content."""


class PublishError(NewswatchError):
    """Articles or state could not be written to Kafka (or the output file)."""
