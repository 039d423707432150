"""The notifier's Prometheus metrics, fed by the deliverer's ``DeliveryObserver`` calls.

``newswatch_alerts_handled_total{outcome}``  delivered, recovered (found already posted),
                                             duplicate, dead_lettered, abandoned, invalid
``newswatch_slack_posts_total{notifier,result}``  each send to Slack: ok or the error code
``newswatch_slack_post_seconds{notifier}``   latency of one send (slack_sdk retries included)
``newswatch_slack_retries_total{code}``      an alert tried again after a transient failure
``newswatch_slack_rate_limit_waits_total{where}`` / ``..._wait_seconds_total{where}``
                                             waits for Retry-After (``sdk``: inside one
                                             slack_sdk call; ``lane``: between attempts)
``newswatch_slack_up``                       0 while Slack looks down (an outage), else 1
``newswatch_alerts_in_flight``               read from Kafka, not yet done
``newswatch_dead_letters_total{stage}``      and ``newswatch_consumer_lag{group,topic,partition}``
"""

from __future__ import annotations

import logging

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from ..schemas.alert import AlertMessage
from ..telemetry.logs import trace
from ..telemetry.metrics import ConsumerLag, dead_letters_counter
from ..telemetry.tally import Tally
from .deliver import DeliveryObserver, Outcome

log = logging.getLogger(__name__)

OUTCOMES = ("delivered", "recovered", "duplicate", "dead_lettered", "abandoned", "invalid")
LATENCY_BUCKETS = (0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class NotifierMetrics(DeliveryObserver):
    def __init__(self, registry: CollectorRegistry, group: str) -> None:
        self.tally = Tally()
        self.alerts = Counter("newswatch_alerts_handled", "Alerts the notifier finished with, "
                              "by outcome", ["outcome"], registry=registry)
        for outcome in OUTCOMES:
            self.alerts.labels(outcome)
        self.posts = Counter("newswatch_slack_posts", "Sends to Slack by result (ok or the "
                             "error code)", ["notifier", "result"], registry=registry)
        self.latency = Histogram("newswatch_slack_post_seconds", "Time one send to Slack took, "
                                 "slack_sdk's own retries included", ["notifier"],
                                 buckets=LATENCY_BUCKETS, registry=registry)
        self.retries = Counter("newswatch_slack_retries", "Alerts tried again after a transient "
                               "failure, by error code", ["code"], registry=registry)
        self.rate_limit_waits = Counter("newswatch_slack_rate_limit_waits",
                                        "Waits for Slack's Retry-After", ["where"],
                                        registry=registry)
        self.rate_limit_seconds = Counter("newswatch_slack_rate_limit_wait_seconds",
                                          "Seconds spent waiting for Slack's Retry-After",
                                          ["where"], registry=registry)
        for where in ("sdk", "lane"):
            self.rate_limit_waits.labels(where)
            self.rate_limit_seconds.labels(where)
        self.slack_up = Gauge("newswatch_slack_up", "0 while Slack looks down, else 1",
                              registry=registry)
        self.slack_up.set(1)
        self.in_flight = Gauge("newswatch_alerts_in_flight",
                               "Alerts read from Kafka and not yet done", registry=registry)
        self.dead_letters = dead_letters_counter(registry)
        self.dead_letters.labels("notify")
        self.lag = ConsumerLag(registry, group)

    # ---- DeliveryObserver -----------------------------------------------------------------
    def sent(self, notifier: str, seconds: float, result: str) -> None:
        self.posts.labels(notifier, result).inc()
        self.latency.labels(notifier).observe(seconds)

    def retrying(self, code: str, delay: float) -> None:
        self.retries.labels(code).inc()
        self.tally.add("retries")

    def rate_limit_wait(self, seconds: float, where: str) -> None:
        self.rate_limit_waits.labels(where).inc()
        self.rate_limit_seconds.labels(where).inc(seconds)

    def outcome(self, alert: AlertMessage, outcome: Outcome) -> None:
        self.alerts.labels(outcome.value).inc()
        self.tally.add(outcome.value)
        if outcome in _VERB:
            # A skipped duplicate is routine after a restart: DEBUG, not INFO.
            level = logging.DEBUG if outcome is Outcome.DUPLICATE else logging.INFO
            log.log(level, "alert %s %s to %s", alert.id, _VERB[outcome], alert.channel,
                    extra=_trace(alert))
        if outcome is Outcome.DEAD_LETTERED:
            self.dead_letters.labels("notify").inc()

    # ---- the service's own events -----------------------------------------------------------
    def invalid(self) -> None:
        """An unreadable message on the alerts topic (dead-lettered)."""
        self.alerts.labels("invalid").inc()
        self.dead_letters.labels("notify").inc()
        self.tally.add("invalid")

    def slack_state(self, up: bool) -> None:
        self.slack_up.set(1 if up else 0)

    def summary(self) -> str:
        """The INFO line for the last interval (written even when idle: it says the
        notifier is alive)."""
        delta, totals = self.tally.since_last()
        lag = self.lag.total()
        return ("last interval: {} delivered, {} already posted, {} duplicates, "
                "{} dead-lettered, {} retries; since start: {} delivered{}").format(
            delta.get("delivered", 0), delta.get("recovered", 0), delta.get("duplicate", 0),
            delta.get("dead_lettered", 0) + delta.get("invalid", 0), delta.get("retries", 0),
            totals.get("delivered", 0), "" if lag is None else f"; lag {lag}")


_VERB = {Outcome.DELIVERED: "delivered", Outcome.RECOVERED: "found already posted",
         Outcome.DUPLICATE: "already delivered, skipped"}


def _trace(alert: AlertMessage) -> dict[str, object]:
    event = getattr(alert, "event", None)
    return trace(alert_id=alert.id, channel=alert.channel,
                 event_id=getattr(event, "id", None),
                 article_id=getattr(event, "article_id", None),
                 feed=getattr(alert, "feed_id", None))
