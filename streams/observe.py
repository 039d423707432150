"""What the worker tells operators: its start-up summary, a DEBUG line per article, an
INFO summary every minute, Prometheus metrics, and readiness/liveness.

Kept out of the agent bodies in ``app.py``: they call ``detected``, ``routed`` and
``dead_lettered`` and this module decides what to count and log. Metrics:

``newswatch_articles_processed_total{result}``  ok / dead_lettered
``newswatch_detect_seconds``                    detection time per article
``newswatch_events_detected_total{type}``       by event type
``newswatch_alerts_raised_total{kind}``         new / followup / update (and any kind routing adds)
``newswatch_alerts_absorbed_total``             a watched event that raised no alert (a copy
                                                of a story already alerted, over the cap)
``newswatch_rules_companies`` / ``..._watches`` / ``newswatch_rules_reload_errors_total``
``newswatch_dead_letters_total{stage}``         detect / route
``newswatch_consumer_lag{group,topic,partition}`` for the partitions this worker owns
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from prometheus_client import Counter, Gauge, Histogram

from ..schemas.alert import Alert
from ..schemas.article import Article
from ..schemas.event import EVENT_TYPES, CompanyEvent
from ..schemas.settings import Settings
from ..telemetry.logs import trace
from ..telemetry.metrics import ConsumerLag, dead_letters_counter
from ..telemetry.service import ServiceTelemetry
from ..telemetry.tally import Tally
from .routing import Router
from .rules_holder import RulesHolder

log = logging.getLogger("newswatch.worker")

DETECT_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0)


class WorkerObserver:
    """Counts, logs and health of one worker process."""

    def __init__(self, telemetry: ServiceTelemetry, settings: Settings) -> None:
        registry = telemetry.registry
        self.health = telemetry.health
        self.settings = settings
        self.tally = Tally()
        self.articles = Counter("newswatch_articles_processed", "Articles the detect agent "
                                "finished with", ["result"], registry=registry)
        self.detect_seconds = Histogram("newswatch_detect_seconds", "Detection time per "
                                        "article", buckets=DETECT_BUCKETS, registry=registry)
        self.events = Counter("newswatch_events_detected", "Company events detected, by type",
                              ["type"], registry=registry)
        self.alerts = Counter("newswatch_alerts_raised", "Alerts the route agent raised, by "
                              "kind", ["kind"], registry=registry)
        self.absorbed = Counter("newswatch_alerts_absorbed", "Watched events that raised no "
                                "alert (another copy of a story already in its thread)",
                                registry=registry)
        self.companies = Gauge("newswatch_rules_companies", "Companies in the rules in force",
                               registry=registry)
        self.watches = Gauge("newswatch_rules_watches", "Watches in the rules in force",
                             registry=registry)
        self.reload_errors = Counter("newswatch_rules_reload_errors", "Changed rules files "
                                     "that were refused (the running rules stayed)",
                                     registry=registry)
        self.dead_letters = dead_letters_counter(registry)
        self.lag = ConsumerLag(registry, settings.consumer_group)
        for result in ("ok", "dead_lettered"):
            self.articles.labels(result)
        for event_type in EVENT_TYPES:
            self.events.labels(event_type)
        for kind in ("new", "followup", "update"):
            self.alerts.labels(kind)
        for stage in ("detect", "route"):
            self.dead_letters.labels(stage)
        self._last_rules_error: str | None = None
        self.owned: list[tuple[str, int]] = []  # snapshot from the loop, for the lag thread
        self._membership: tuple[bool, list[tuple[str, int]]] | None = None
        self.health.set("kafka", False, "starting")

    # ---- called by the agents ------------------------------------------------------------
    def detected(self, article: Article, found: Sequence[CompanyEvent], seconds: float,
                 where: str) -> None:
        self.articles.labels("ok").inc()
        self.detect_seconds.observe(seconds)
        self.tally.add("articles")
        self.tally.add("events", len(found))
        for event in found:
            self.events.labels(event.event_type).inc()
        if log.isEnabledFor(logging.DEBUG):
            kinds = ", ".join(f"{e.company} {e.event_type}" for e in found) or "no events"
            log.debug("article %s (%s) from %s: %s in %.1f ms", article.id,
                      _short(article.title), where, kinds, seconds * 1000,
                      extra=trace(article_id=article.id, feed=article.feed,
                                  event_ids=[e.id for e in found]))

    def routed(self, event: CompanyEvent, raised: Sequence[Alert], router: Router) -> None:
        subscriptions = sum(len(w.subscriptions) for w in router.matching_watches(event))
        absorbed = max(0, subscriptions - len(raised))
        self.absorbed.inc(absorbed)
        self.tally.add("alerts", len(raised))
        self.tally.add("absorbed", absorbed)
        for alert in raised:
            self.alerts.labels(alert.kind).inc()
            log.info("alert %s (%s) for %s: %s %s, from article %s", alert.id, alert.kind,
                     alert.channel, event.company, event.event_type, event.article_id,
                     extra=trace(alert_id=alert.id, event_id=event.id,
                                 article_id=event.article_id, channel=alert.channel))
        if absorbed:
            log.debug("event %s (%s %s) absorbed by %d existing stor%s", event.id,
                      event.company, event.event_type, absorbed, "y" if absorbed == 1 else "ies",
                      extra=trace(event_id=event.id, article_id=event.article_id))

    def dead_lettered(self, stage: str) -> None:
        self.dead_letters.labels(stage).inc()
        self.tally.add("dead_letters")
        if stage == "detect":
            self.articles.labels("dead_lettered").inc()

    # ---- called by the worker's timer -----------------------------------------------------
    def rules(self, holder: RulesHolder) -> None:
        """Gauges for the rules in force; count a refused reload once per new error."""
        current = holder.current.rules
        self.companies.set(len(current.companies))
        self.watches.set(len(current.watches))
        if holder.last_error and holder.last_error != self._last_rules_error:
            self.reload_errors.inc()
        self._last_rules_error = holder.last_error
        detail = f"{holder.path}: {len(current.companies)} companies, " \
                 f"{len(current.watches)} watches"
        if holder.last_error:
            detail += "; the last change was refused (see the log)"
        self.health.set("rules", True, detail)

    def tick(self, joined: bool, rebalancing: bool, owned: list[tuple[str, int]]) -> None:
        """Heartbeat, the Kafka readiness check and the owned partitions, from the app's
        timer (so nothing outside the event loop touches Faust's consumer)."""
        self.health.beat()
        if joined and (rebalancing, owned) != self._membership:
            log.info("worker: %s", "rebalancing" if rebalancing else
                     f"owns {_partition_list(owned)}" if owned else "owns no source partition "
                     "(more workers than partitions)")
            self._membership = (rebalancing, owned)
        self.owned = owned
        if not joined:
            self.health.set("kafka", False, f"joining group {self.settings.consumer_group}")
        elif rebalancing:
            self.health.set("kafka", False, "rebalancing")
        else:
            self.health.set("kafka", True, f"group {self.settings.consumer_group}: "
                            f"{len(owned)} source partition(s) owned")

    def log_summary(self) -> None:
        """The INFO line an operator reads every minute."""
        delta, totals = self.tally.since_last()
        lag = self.lag.total()
        log.info("worker: last {:.0f} s: {} articles, {} events, {} alerts ({} absorbed), "
                 "{} dead letters; since start: {} articles, {} alerts{}".format(
            self.settings.summary_interval, delta.get("articles", 0), delta.get("events", 0),
            delta.get("alerts", 0), delta.get("absorbed", 0), delta.get("dead_letters", 0),
            totals.get("articles", 0), totals.get("alerts", 0),
            "" if lag is None else f"; lag {lag}"))


def startup_summary(settings: Settings, holder: RulesHolder, topics: dict[str, str],
                    partitions: int) -> None:
    """One INFO line saying what this worker runs with, before it joins its group."""
    rules = holder.current.rules
    channels = {s.channel for w in rules.watches for s in w.subscriptions}
    log.info("worker: rules %s (%d companies, %d watches, %d channels); broker %s; group %s; "
             "reading %s and %s (%d partitions); writing %s, %s and %s",
             holder.path, len(rules.companies), len(rules.watches), len(channels),
             settings.kafka_bootstrap, settings.consumer_group, topics["articles"],
             topics["events"], partitions, topics["events"], topics["alerts"], topics["dlq"])


def watch_lag(telemetry: ServiceTelemetry, observer: WorkerObserver,
              read: Callable[[Iterable[tuple[str, int]]], dict[tuple[str, int], int]],
              interval_s: float = 10.0) -> None:
    """Refresh the lag gauge every ``interval_s`` in a thread (look-ups block on the broker)."""
    telemetry.every("lag", interval_s, lambda: observer.lag.update(read(observer.owned)))


def _partition_list(owned: list[tuple[str, int]]) -> str:
    by_topic: dict[str, list[int]] = {}
    for topic, partition in owned:
        by_topic.setdefault(topic, []).append(partition)
    return ", ".join(f"{t}{sorted(p)}" for t, p in sorted(by_topic.items()))


def _short(title: str, limit: int = 80) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"


def owned_partitions(consumer: Any, topics: set[str]) -> list[tuple[str, int]]:
    """The source-topic partitions Faust's consumer owns now (changelogs left out)."""
    try:
        assignment = set(consumer.assignment())
    except Exception:  # not started yet
        return []
    return sorted((tp.topic, tp.partition) for tp in assignment if tp.topic in topics)
