"""One poll of one feed: read, skip if unchanged, parse, normalise, drop seen items,
publish, then advance the feed's state. Every failure is the feed's alone."""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from pydantic import ValidationError

from ..schemas.article import Article
from ..schemas.base import utcnow
from ..schemas.deadletter import DeadLetter
from ..schemas.feeds import FeedState, display_location
from ..telemetry.logs import trace
from .backoff import BackoffPolicy
from .config import FeedSpec
from .errors import (
    BodyTooLargeError,
    FeedError,
    FetchError,
    HTTPStatusError,
    NotAFeedError,
    PublishError,
    RedirectError,
)
from .fetch import maybe_gunzip
from .normalise import FeedContext, SkippedEntry, normalise_entry
from .parse import ParsedFeed, parse_document
from .publisher import ArticleSink
from .sources import ArticleBatch, Document, FeedSource, NotModified
from .state import merge_seen, seen_key

log = logging.getLogger(__name__)

PollStatus = Literal["new", "not_modified", "unchanged", "failed", "publish_failed"]


@dataclass
class PollOutcome:
    spec: FeedSpec
    status: PollStatus
    state: FeedState
    entries: int = 0  # entries in the document (or lines in a dump) this poll read
    published: int = 0
    duplicates: int = 0
    skipped: int = 0
    rejected: int = 0
    parsed: bool = False
    error: str | None = None
    failure: str | None = None  # kind of failure, for metrics: http, fetch, not_a_feed ...
    articles: list[Article] = field(default_factory=list, repr=False)

    @property
    def ok(self) -> bool:
        return self.status not in ("failed", "publish_failed")


def initial_state(spec: FeedSpec) -> FeedState:
    return FeedState(feed_id=spec.feed_id, name=spec.name,
                     location=display_location(spec.location))


class FeedPoller:
    """Polls feeds into a sink; stateless itself, so one instance serves every feed."""

    def __init__(self, sink: ArticleSink, *, policy: BackoffPolicy | None = None,
                 clock: Callable[[], datetime] = utcnow, keep_articles: bool = False) -> None:
        self.sink = sink
        self.policy = policy or BackoffPolicy()
        self.clock = clock
        self.keep_articles = keep_articles

    async def poll(self, source: FeedSource, state: FeedState) -> PollOutcome:
        spec = source.spec
        now = self.clock()
        state = state.model_copy(update={
            "name": spec.name, "location": display_location(spec.location),
            "polls": state.polls + 1,
            "last_polled": now, "first_polled": state.first_polled or now,
            "quiet_after": spec.quiet_after, "unhealthy_after": spec.unhealthy_after,
        })
        try:
            result = await source.read(state)
            if isinstance(result, NotModified):
                return self._succeeded(spec, state, now, "not_modified")
            if isinstance(result, ArticleBatch):
                return await self._batch(source, state, result, now)
            return await self._document(source, state, result, now)
        except FeedError as exc:
            return self._failed(spec, state, now, exc)
        except PublishError as exc:
            # Not the feed's fault: keep the old state so the items are sent again next time.
            log.error("feed %s: %s", spec, exc)
            return PollOutcome(spec, "publish_failed", state, error=str(exc))

    async def _document(self, source: FeedSource, state: FeedState, doc: Document,
                        now: datetime) -> PollOutcome:
        spec = source.spec
        digest = hashlib.sha256(doc.body).hexdigest()[:32]
        validators = {"etag": doc.etag, "last_modified": doc.last_modified,
                      "permanent_url": doc.permanent_url or state.permanent_url}
        if digest == state.content_hash:
            # Servers that ignore validators still cost no parse when nothing changed.
            return self._succeeded(spec, state.model_copy(update=validators), now, "unchanged")
        body = maybe_gunzip(doc.body, spec.max_bytes)
        parsed = await asyncio.to_thread(
            parse_document, body, base_url=doc.base_url, content_type=doc.content_type,
            max_bytes=spec.max_bytes,
        )
        state = state.model_copy(update={**validators, "parses": state.parses + 1,
                                         "bozo_reason": self._note_bozo(spec, state, parsed)})
        ctx = FeedContext(spec.feed_id, spec.name, doc.base_url, spec.tags, spec.language)
        articles, skipped = [], 0
        for entry in parsed.entries:
            try:
                articles.append(normalise_entry(entry, parsed, ctx, now))
            except (SkippedEntry, ValidationError) as exc:
                skipped += 1
                log.debug("feed %s: entry skipped: %s", spec, exc)
        outcome = await self._publish(source, state, articles, now)
        outcome.skipped = skipped
        outcome.entries = len(parsed.entries)
        outcome.state = outcome.state.model_copy(update={"content_hash": digest})
        outcome.parsed = True
        return outcome

    async def _batch(self, source: FeedSource, state: FeedState, batch: ArticleBatch,
                     now: datetime) -> PollOutcome:
        for bad in batch.rejected:
            await self.sink.dead_letter(DeadLetter.for_message(
                stage="produce", reason=bad.reason, payload=bad.raw, key=bad.where))
        outcome = await self._publish(source, state, list(batch.articles), now)
        outcome.rejected = len(batch.rejected)
        outcome.entries = len(batch.articles) + len(batch.rejected)
        return outcome

    async def _publish(self, source: FeedSource, state: FeedState, articles: list[Article],
                       now: datetime) -> PollOutcome:
        seen = set(state.seen) if source.dedupe else set()
        fresh: list[Article] = []
        keys: list[str] = []
        batch_keys: set[str] = set()
        for article in articles:
            key = seen_key(article.id)
            keys.append(key)
            if key in seen or key in batch_keys:
                continue
            batch_keys.add(key)
            fresh.append(article)
        await self.sink.publish(fresh)
        if fresh and log.isEnabledFor(logging.DEBUG):
            for article in fresh:
                log.debug("feed %s: published article %s: %s", source.spec, article.id,
                          article.title[:80], extra=trace(article_id=article.id,
                                                          feed=source.spec.name))
        if fresh:
            log.info("feed %s: %d new article(s), %d already seen", source.spec, len(fresh),
                     len(articles) - len(fresh))
        update: dict[str, object] = {"items_seen": state.items_seen + len(fresh)}
        if source.dedupe:
            update["seen"] = merge_seen(keys, state.seen)
        if fresh:
            update["last_new_item"] = now
        state = state.model_copy(update=update)
        outcome = self._succeeded(source.spec, state, now, "new")
        outcome.published = len(fresh)
        outcome.duplicates = len(articles) - len(fresh)
        if self.keep_articles:
            outcome.articles = fresh
        return outcome

    def _succeeded(self, spec: FeedSpec, state: FeedState, now: datetime,
                   status: PollStatus) -> PollOutcome:
        if state.consecutive_failures >= spec.unhealthy_after:
            log.warning("feed %s: healthy again after %d failures", spec,
                        state.consecutive_failures)
        delay = self.policy.next_delay(spec, 0)
        state = state.model_copy(update={
            "last_success": now, "consecutive_failures": 0,
            "next_poll_after": now + timedelta(seconds=delay),
        })
        return PollOutcome(spec, status, state)

    def _failed(self, spec: FeedSpec, state: FeedState, now: datetime,
                exc: FeedError) -> PollOutcome:
        failures = state.consecutive_failures + 1
        retry_after = exc.retry_after if isinstance(exc, HTTPStatusError) else None
        delay = self.policy.next_delay(spec, failures, retry_after)
        reason = exc.reason
        if self.policy.unhealthy(spec, failures):
            log.error("feed %s: %s (%d failures in a row: unhealthy, next try in %.0fs)",
                      spec, reason, failures, delay)
        else:
            log.warning("feed %s: %s (failure %d, next try in %.0fs)", spec, reason, failures,
                        delay)
        state = state.model_copy(update={
            "last_error": reason[:500], "last_error_at": now, "consecutive_failures": failures,
            "next_poll_after": now + timedelta(seconds=delay),
        })
        return PollOutcome(spec, "failed", state, error=reason, failure=_failure_kind(exc))

    @staticmethod
    def _note_bozo(spec: FeedSpec, state: FeedState, parsed: ParsedFeed) -> str | None:
        """Log a malformed feed once per kind of problem, not on every poll."""
        reason = parsed.bozo_reason
        if reason and _kind(reason) != _kind(state.bozo_reason):
            log.warning("feed %s: malformed, read %d entries anyway: %s", spec,
                        len(parsed.entries), reason)
        return reason


def _failure_kind(exc: FeedError) -> str:
    kinds = ((HTTPStatusError, "http"), (BodyTooLargeError, "too_large"),
             (RedirectError, "redirect"), (FetchError, "fetch"), (NotAFeedError, "not_a_feed"))
    return next((kind for cls, kind in kinds if isinstance(exc, cls)), "other")


def _kind(reason: str | None) -> str | None:
    return reason.split(":", 1)[0] if reason else None
