"""The producer's Prometheus metrics and health, fed one ``PollOutcome`` at a time.

``newswatch_feed_polls_total{status}``       new, not_modified (HTTP 304), unchanged (same
                                             content hash), failed, publish_failed
``newswatch_feed_poll_seconds``              time one poll took (fetch, parse, publish)
``newswatch_feed_failures_total{kind}``      http, fetch, too_large, redirect, not_a_feed, ...
``newswatch_feed_parse_errors_total{kind}``  not_a_feed (nothing readable), malformed (read
                                             anyway, with feedparser's complaint)
``newswatch_articles_published_total``       and ``newswatch_feed_duplicates_total``,
                                             ``newswatch_feed_entries_skipped_total``
``newswatch_feed_last_success_timestamp_seconds{feed}``
``newswatch_feed_consecutive_failures{feed}``
``newswatch_dead_letters_total{stage="produce"}``  lines of a dump that were not articles
"""

from __future__ import annotations

import logging

from prometheus_client import Counter, Gauge, Histogram

from ..telemetry.metrics import dead_letters_counter
from ..telemetry.service import ServiceTelemetry
from ..telemetry.tally import Tally
from .poller import PollOutcome

log = logging.getLogger("newswatch.producer")

STATUSES = ("new", "not_modified", "unchanged", "failed", "publish_failed")
POLL_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)


class ProducerMetrics:
    def __init__(self, telemetry: ServiceTelemetry) -> None:
        registry = telemetry.registry
        self.health = telemetry.health
        self.tally = Tally()
        self.polls = Counter("newswatch_feed_polls", "Feed polls by outcome (not_modified: "
                             "HTTP 304)", ["status"], registry=registry)
        self.poll_seconds = Histogram("newswatch_feed_poll_seconds", "Time one feed poll took",
                                      buckets=POLL_BUCKETS, registry=registry)
        self.failures = Counter("newswatch_feed_failures", "Failed polls by kind of failure",
                                ["kind"], registry=registry)
        self.parse_errors = Counter("newswatch_feed_parse_errors", "Feed documents that could "
                                    "not be parsed (not_a_feed) or were malformed and read "
                                    "anyway (malformed)", ["kind"], registry=registry)
        self.published = Counter("newswatch_articles_published", "Articles published to Kafka",
                                 registry=registry)
        self.duplicates = Counter("newswatch_feed_duplicates", "Entries skipped as already "
                                  "published", registry=registry)
        self.skipped = Counter("newswatch_feed_entries_skipped", "Entries that could not "
                               "become articles (no title, no id ...)", registry=registry)
        self.last_success = Gauge("newswatch_feed_last_success_timestamp_seconds",
                                  "When each feed was last read successfully", ["feed"],
                                  registry=registry)
        self.failing = Gauge("newswatch_feed_consecutive_failures",
                             "Failed polls in a row, per feed", ["feed"], registry=registry)
        self.dead_letters = dead_letters_counter(registry)
        for status in STATUSES:
            self.polls.labels(status)
        for kind in ("not_a_feed", "malformed"):
            self.parse_errors.labels(kind)
        self.dead_letters.labels("produce")
        self._failing: set[str] = set()
        self._feeds = 0

    def started(self, feeds: int) -> None:
        """The sink is connected and the feeds are loaded."""
        self._feeds = feeds
        self.health.set("kafka", True, "publishing")
        self._set_feeds_check()

    def polled(self, outcome: PollOutcome, seconds: float) -> None:
        state = outcome.state
        feed = outcome.spec.name or outcome.spec.feed_id
        self.polls.labels(outcome.status).inc()
        self.poll_seconds.observe(seconds)
        self.tally.add("polls")
        self.tally.add(outcome.status)
        if outcome.failure:
            self.failures.labels(outcome.failure).inc()
            if outcome.failure == "not_a_feed":
                self.parse_errors.labels("not_a_feed").inc()
        if outcome.parsed and state.bozo_reason:
            self.parse_errors.labels("malformed").inc()
        self.published.inc(outcome.published)
        self.tally.add("published", outcome.published)
        self.duplicates.inc(outcome.duplicates)
        self.skipped.inc(outcome.skipped)
        if outcome.rejected:
            self.dead_letters.labels("produce").inc(outcome.rejected)
        if outcome.ok and state.last_success is not None:
            self.last_success.labels(feed).set(state.last_success.timestamp())
        self.failing.labels(feed).set(state.consecutive_failures)
        if outcome.status == "publish_failed":
            self.health.set("kafka", False, outcome.error or "cannot publish")
        elif outcome.ok:
            self.health.set("kafka", True, "publishing")
        (self._failing.add if state.consecutive_failures else self._failing.discard)(feed)
        self._set_feeds_check()

    def _set_feeds_check(self) -> None:
        # Failing feeds are the feeds' problem, not the producer's: it stays ready.
        failing = len(self._failing)
        self.health.set("feeds", self._feeds > 0, f"{self._feeds} feed(s), {failing} failing")

    def log_summary(self, interval_s: float) -> None:
        delta, totals = self.tally.since_last()
        log.info("producer: last %.0f s: %d polls (%d new, %d not modified, %d failed), "
                 "%d articles published; since start: %d articles", interval_s,
                 delta.get("polls", 0), delta.get("new", 0), delta.get("not_modified", 0),
                 delta.get("failed", 0) + delta.get("publish_failed", 0),
                 delta.get("published", 0), totals.get("published", 0))
