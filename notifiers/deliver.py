"""Deliver one alert exactly once: ledger check, ``attempting``, post, ``delivered``.

The order of steps is what makes a crash at any instant safe:

1. ledger says ``delivered``/``failed``: a redelivered alert; skip it.
2. write ``attempting`` (acknowledged by the broker) before the post;
3. post; on an outcome that is unknown (timeout, 5xx, dropped connection) or an
   ``attempting`` left by an earlier run, first look the alert id up in Slack;
4. write ``delivered`` with Slack's ts; only then may the Kafka offset be committed.
"""

from __future__ import annotations

import enum
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from kafka import KafkaProducer

from notifiers.base import Notifier, Posted
from notifiers.errors import PermanentError, TransientError
from notifiers.ledger import DeliveryLedger
from notifiers.retry import RetryPolicy
from schemas.alert import AlertMessage
from schemas.deadletter import DeadLetter
from schemas.delivery import Delivery

log = logging.getLogger(__name__)

CRASH_ENV = "NEWSWATCH_NOTIFY_CRASH_AT"


class Outcome(enum.Enum):
    DELIVERED = "delivered"
    RECOVERED = "recovered"  # an earlier attempt had posted it; recorded, not re-posted
    DUPLICATE = "duplicate"  # the ledger already had it delivered or dead-lettered
    DEAD_LETTERED = "dead_lettered"
    ABANDONED = "abandoned"  # stopped or partition revoked mid-retry; stays uncommitted


@dataclass(frozen=True)
class Source:
    """Where the alert was read, for dead letters."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes


class Deliverer:
    """Runs the steps above for one alert; shared by all workers (thread-safe)."""

    def __init__(
        self,
        notifier: Notifier,
        ledger: DeliveryLedger,
        producer: KafkaProducer,
        dlq_topic: str,
        policy: RetryPolicy,
        *,
        timeout_s: float = 30.0,
    ) -> None:
        self.notifier = notifier
        self.ledger = ledger
        self.producer = producer
        self.dlq_topic = dlq_topic
        self.policy = policy
        self.timeout_s = timeout_s
        self.crash = CrashPoints.from_env()
        # Per channel, when Slack's last Retry-After ends: honoured by whichever attempt
        # comes next, even one restarted after a rebalance.
        self._not_before: dict[str, float] = {}
        self._lock = threading.Lock()

    def deliver(
        self, alert: AlertMessage, source: Source, cancelled: Callable[[], bool],
        wait: Callable[[float], bool],
    ) -> Outcome:
        """Deliver ``alert``; ``wait(seconds)`` sleeps and returns True if cancelled."""
        record = self.ledger.get(alert.id)
        if record is not None and record.state in ("delivered", "failed"):
            return Outcome.DUPLICATE
        parent = self._parent(alert)
        check_first = record is not None  # an earlier run got as far as `attempting`
        if record is None:
            record = self.ledger.record(Delivery(
                alert_id=alert.id, channel=alert.channel, state="attempting",
                story_key=alert.story_key))
        self.crash.hit("after_attempting")
        attempt = 0
        while not cancelled():
            try:
                if check_first:
                    found = self._find_earlier(alert, parent, record)
                    if found is not None:
                        self._delivered(alert, found)
                        return Outcome.RECOVERED
                    check_first = False
                if self._hold_off(alert.channel, wait):
                    break
                posted = self.notifier.send(alert, parent)
                self.crash.hit("after_post")
                self._delivered(alert, posted)
                self.crash.hit("after_delivered")
                return Outcome.DELIVERED
            except TransientError as exc:
                check_first = check_first or exc.uncertain
                delay = self.policy.delay(attempt, exc.retry_after)
                if exc.retry_after:
                    with self._lock:
                        self._not_before[alert.channel] = time.monotonic() + delay
                attempt += 1
                log.warning("alert %s: %s; retry %d in %.1f s", alert.id, exc, attempt, delay)
                if wait(delay):
                    break
            except PermanentError as exc:
                self._dead_letter(alert, source, str(exc))
                self.ledger.record(Delivery(
                    alert_id=alert.id, channel=alert.channel, state="failed",
                    story_key=alert.story_key, error=str(exc)))
                log.error("alert %s dead-lettered: %s", alert.id, exc)
                return Outcome.DEAD_LETTERED
        return Outcome.ABANDONED

    def _hold_off(self, channel: str, wait: Callable[[float], bool]) -> bool:
        """Wait out the channel's Retry-After, if any; True if cancelled meanwhile."""
        with self._lock:
            until = self._not_before.get(channel, 0.0)
        left = until - time.monotonic()
        return left > 0 and wait(left)

    def _parent(self, alert: AlertMessage) -> Delivery | None:
        if not alert.parent_alert_id or alert.kind == "new":
            return None
        parent = self.ledger.get(alert.parent_alert_id)
        if parent is None or parent.state != "delivered":
            # The story's first alert was dead-lettered or predates the ledger: stand alone.
            return None
        return parent

    def _find_earlier(self, alert: AlertMessage, parent: Delivery | None,
                      record: Delivery) -> Posted | None:
        if not self.notifier.verifiable:
            log.warning("alert %s may have been posted before; %s cannot check, posting again",
                        alert.id, self.notifier.name)
            return None
        return self.notifier.find_posted(alert, parent, record.updated_at)

    def _delivered(self, alert: AlertMessage, posted: Posted) -> None:
        self.ledger.record(Delivery(
            alert_id=alert.id, channel=alert.channel, state="delivered", ts=posted.ts,
            thread_ts=posted.thread_ts, story_key=alert.story_key))

    def _dead_letter(self, alert: AlertMessage, source: Source, reason: str) -> None:
        letter = DeadLetter.for_message(
            stage="notify", reason=f"alert {alert.id} to {alert.channel}: {reason}",
            payload=source.value, source_topic=source.topic, partition=source.partition,
            offset=source.offset, key=source.key,
        )
        self.producer.send(self.dlq_topic, key=alert.id.encode("utf-8"),
                           value=letter.to_json_bytes()).get(timeout=self.timeout_s)


class CrashPoints:
    """Test hook: ``NEWSWATCH_NOTIFY_CRASH_AT=after_post:3`` exits at the 3rd post.

    Lets a test kill the notifier at an exact step (``after_attempting``, ``after_post``,
    ``after_delivered``, ``before_commit``) the way a power cut would: no cleanup at all.
    """

    def __init__(self, point: str | None, count: int) -> None:
        self.point, self.count = point, count
        self._lock = threading.Lock()

    @classmethod
    def from_env(cls) -> CrashPoints:
        raw = os.environ.get(CRASH_ENV, "")
        point, _, count = raw.partition(":")
        return cls(point or None, int(count) if count.isdigit() else 1)

    def hit(self, point: str) -> None:
        if point != self.point:
            return
        with self._lock:
            self.count -= 1
            if self.count <= 0:
                os._exit(70)
