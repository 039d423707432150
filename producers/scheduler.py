"""Running the poller over many feeds: once (``--once``) or forever, each feed on its own
interval with jitter, so a slow or failing feed delays nobody else."""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from ..schemas.base import utcnow
from ..schemas.feeds import FeedState, PollingConfig
from .config import FeedSpec
from .fetch import HttpFetcher
from .health import FeedHealth, quiet_feeds
from .health_alerts import HealthAlerter, HealthPublisher
from .poller import FeedPoller, PollOutcome, initial_state
from .sources import FeedSource, SourceContext, build_source
from .state import FeedStateStore

log = logging.getLogger(__name__)

HEALTH_CHECK_EVERY = 300.0
#: Feeds without saved state start within this many seconds: soon, but not all at once.
STARTUP_SPREAD = 5.0
#: A poll that changed nothing but timestamps is saved at most this often per feed: the
#: state record carries the seen-id hashes, and a 304 every minute for thousands of feeds
#: would otherwise fill the compacted topic faster than it compacts.
STATE_HEARTBEAT = 300.0


@dataclass
class ProduceReport:
    """What one run did, feed by feed."""

    feeds_ok: int = 0
    feeds_failed: int = 0
    not_modified: int = 0
    unchanged: int = 0
    articles_published: int = 0
    duplicates_skipped: int = 0
    entries_skipped: int = 0
    lines_rejected: int = 0
    parses: int = 0
    errors: list[str] = field(default_factory=list)
    skipped_files: list[str] = field(default_factory=list)
    health: list[FeedHealth] = field(default_factory=list)
    outcomes: list[PollOutcome] = field(default_factory=list, repr=False)

    def add(self, outcome: PollOutcome) -> None:
        self.outcomes.append(outcome)
        if outcome.ok:
            self.feeds_ok += 1
        else:
            self.feeds_failed += 1
            self.errors.append(f"{outcome.spec}: {outcome.error}")
        self.not_modified += outcome.status == "not_modified"
        self.unchanged += outcome.status == "unchanged"
        self.articles_published += outcome.published
        self.duplicates_skipped += outcome.duplicates
        self.entries_skipped += outcome.skipped
        self.lines_rejected += outcome.rejected
        self.parses += outcome.parsed

    @property
    def nothing_read(self) -> bool:
        """True when no feed was read: there were none, or every one of them failed."""
        return self.feeds_ok == 0

    def summary(self) -> str:
        rejected = f", {self.lines_rejected} line(s) rejected" if self.lines_rejected else ""
        skipped = (f"; {len(self.skipped_files)} file(s) skipped as not feeds"
                   if self.skipped_files else "")
        return (f"{self.feeds_ok} feed(s) ok ({self.not_modified} not modified, "
                f"{self.unchanged} unchanged), {self.feeds_failed} failed; "
                f"{self.articles_published} article(s) published, "
                f"{self.duplicates_skipped} already seen, {self.entries_skipped} entries skipped"
                f"{rejected}{skipped}")


class FeedRunner:
    """Lifecycle: build, then ``await run_once()`` or ``await run_forever(stop)``. The runner
    opens and closes its sources and HTTP session; the caller owns sink and state store.

    ``on_health`` receives the quiet/unhealthy feeds after a ``run_once`` and every five
    minutes while running; by default they are logged as warnings."""

    def __init__(self, specs: Sequence[FeedSpec], poller: FeedPoller, store: FeedStateStore,
                 polling: PollingConfig | None = None,
                 on_health: Callable[[list[FeedHealth]], None] | None = None,
                 health_alerts: tuple[HealthAlerter, HealthPublisher] | None = None,
                 on_outcome: Callable[[PollOutcome, float], None] | None = None) -> None:
        self.specs = list(specs)
        self.on_outcome = on_outcome
        self.health_alerts = health_alerts
        self.poller = poller
        self.store = store
        self.polling = polling or PollingConfig()
        self.on_health = on_health or _log_health
        self.states: dict[str, FeedState] = {}
        self._saved_at: dict[str, float] = {}
        self._loaded = False

    async def run_once(self) -> ProduceReport:
        """Poll every feed one time, concurrently; save state; return what happened."""
        report = ProduceReport()
        async with HttpFetcher(self.polling) as fetcher:
            sources = await self._open(SourceContext(fetcher))
            try:
                results = await asyncio.gather(*(self._poll_guarded(s) for s in sources))
            finally:
                await self._close(sources)
        for outcome in results:
            report.add(outcome)
        await asyncio.to_thread(self.store.flush)
        report.health = await self.check_health()
        return report

    async def check_health(self) -> list[FeedHealth]:
        """Quiet or unhealthy feeds among the configured ones; passed to ``on_health``."""
        wanted = {spec.feed_id for spec in self.specs}
        states = [s for k, s in self.states.items() if k in wanted]
        now = utcnow()
        found = quiet_feeds(states, now)
        if found:
            self.on_health(found)
        if self.health_alerts is not None:
            await self._alert_health_changes(states, now)
        return found

    async def _alert_health_changes(self, states: list[FeedState], now: datetime) -> None:
        assert self.health_alerts is not None
        alerter, publisher = self.health_alerts
        changes = alerter.changes(states, now)
        if not changes:
            return
        try:
            # Waiting for Kafka's acks in a thread keeps every feed's polling going.
            await asyncio.to_thread(publisher.publish, [alert for alert, _ in changes])
        except Exception:  # the next check tries again; polling must go on meanwhile
            log.exception("could not publish %d feed-health alert(s)", len(changes))
            return
        for _, alerted in changes:
            # A poll may have finished meanwhile: mark its newer state, do not replace it.
            current = self.states.get(alerted.feed_id, alerted)
            marked = current.model_copy(update={"health_alerted": alerted.health_alerted})
            self.states[alerted.feed_id] = marked
            self.store.save(marked)
        await asyncio.to_thread(self.store.flush)

    async def run_forever(self, stop: asyncio.Event) -> None:
        """Poll each feed on its own schedule until ``stop`` is set."""
        async with HttpFetcher(self.polling) as fetcher:
            sources = await self._open(SourceContext(fetcher))
            try:
                tasks = [asyncio.create_task(self._loop(s, stop), name=s.spec.feed_id)
                         for s in sources]
                tasks.append(asyncio.create_task(self._health_loop(stop), name="health"))
                await stop.wait()
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
            finally:
                await self._close(sources)
                await asyncio.to_thread(self.store.flush)

    async def _open(self, context: SourceContext) -> list[FeedSource]:
        if not self._loaded:
            # Once loaded, this runner's own states are the newest: unchanged polls are
            # not all written back (see STATE_HEARTBEAT).
            self.states = await asyncio.to_thread(self.store.load)
            self._loaded = True
        sources = [build_source(spec, context) for spec in self.specs]
        for source in sources:
            await source.open()
        return sources

    @staticmethod
    async def _close(sources: list[FeedSource]) -> None:
        for source in sources:
            await source.close()

    async def _poll(self, source: FeedSource) -> PollOutcome:
        spec = source.spec
        state = self.states.get(spec.feed_id) or initial_state(spec)
        started = time.monotonic()
        outcome = await self.poller.poll(source, state)
        if self.on_outcome is not None:
            self.on_outcome(outcome, time.monotonic() - started)
        current = self.states.get(spec.feed_id)
        if current is not None and current.health_alerted != outcome.state.health_alerted:
            # A health check ran while this poll was in flight; keep what it alerted.
            outcome.state = outcome.state.model_copy(
                update={"health_alerted": current.health_alerted})
        if outcome.status != "publish_failed":
            self.states[spec.feed_id] = outcome.state
            if self._worth_saving(state, outcome):
                self.store.save(outcome.state)
                self._saved_at[spec.feed_id] = time.monotonic()
        return outcome

    def _worth_saving(self, before: FeedState, outcome: PollOutcome) -> bool:
        after = outcome.state
        saved_at = self._saved_at.get(after.feed_id)
        return (
            saved_at is None
            or time.monotonic() - saved_at >= STATE_HEARTBEAT
            or outcome.status in ("new", "failed")
            or before.consecutive_failures != after.consecutive_failures
            or (before.etag, before.last_modified, before.permanent_url)
            != (after.etag, after.last_modified, after.permanent_url)
        )

    async def _poll_guarded(self, source: FeedSource) -> PollOutcome:
        try:
            return await self._poll(source)
        except Exception as exc:  # a bug in one feed's path must not lose the others' report
            log.exception("feed %s: unexpected error", source.spec)
            state = self.states.get(source.spec.feed_id) or initial_state(source.spec)
            return PollOutcome(source.spec, "failed", state,
                               error=f"internal error: {type(exc).__name__}: {exc}")

    async def _loop(self, source: FeedSource, stop: asyncio.Event) -> None:
        spec = source.spec
        state = self.states.get(spec.feed_id)
        due = state.next_poll_after if state else None
        delay = _until(due) if due else random.uniform(0, min(spec.interval, STARTUP_SPREAD))
        while not await _sleep_or_stop(stop, delay):
            try:
                outcome = await self._poll(source)
            except Exception:  # a bug in one feed's path must not end its polling for good
                log.exception("feed %s: unexpected error", spec)
                delay = self.poller.policy.next_delay(spec, 1)
                continue
            next_due = outcome.state.next_poll_after
            delay = _until(next_due) if next_due else spec.interval
            if outcome.status == "publish_failed":
                delay = self.poller.policy.next_delay(spec, 1)

    async def _health_loop(self, stop: asyncio.Event) -> None:
        while not await _sleep_or_stop(stop, HEALTH_CHECK_EVERY):
            await self.check_health()


def _until(when: datetime) -> float:
    return max(0.0, (when - utcnow()).total_seconds())


async def _sleep_or_stop(stop: asyncio.Event, delay: float) -> bool:
    """Sleep ``delay`` seconds; True when ``stop`` was set meanwhile."""
    try:
        await asyncio.wait_for(stop.wait(), timeout=delay)
    except TimeoutError:
        return False
    return True


def _log_health(found: list[FeedHealth]) -> None:
    for health in found:
        log.warning("feed health: %s", health.message())
