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
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from ..kafkaio.deadletters import DeadLetterWriter
from ..schemas.alert import AlertMessage
from ..schemas.deadletter import DeadLetter
from ..schemas.delivery import Delivery
from ..telemetry.logs import trace
from .base import Notifier, Posted
from .errors import DeliveryError, PermanentError, TransientError
from .ledger import DeliveryLedger
from .recovery import SlackRecovery
from .retry import RetryPolicy

log = logging.getLogger(__name__)

Step = Literal["after_attempting", "after_post", "after_delivered", "before_commit"]
StepHook = Callable[[Step], None]
"""Called as each step of a delivery completes: for metrics, and for tests that stop the
process at an exact step the way a power cut would."""


def no_step(step: Step) -> None:
    """The default ``StepHook``: nothing to do."""


class DeliveryObserver:
    """What the deliverer reports as it works (``notifiers.metrics`` counts it); no-ops."""

    def sent(self, notifier: str, seconds: float, result: str) -> None:
        """One ``Notifier.send``: how long it took, ``ok`` or the error code."""

    def retrying(self, code: str, delay: float) -> None:
        """An alert will be tried again after ``delay`` s because of ``code``."""

    def rate_limit_wait(self, seconds: float, where: str) -> None:
        """A wait for Slack's Retry-After, inside slack_sdk (``sdk``) or here (``lane``)."""

    def outcome(self, alert: AlertMessage, outcome: Outcome) -> None:
        """How one alert ended."""


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
    redriven: bool = False  # sent again by `newswatch dlq replay`: retry even if it failed


class Deliverer:
    """Runs the steps above for one alert; shared by all workers (thread-safe)."""

    def __init__(
        self,
        notifier: Notifier,
        ledger: DeliveryLedger,
        dead_letters: DeadLetterWriter,
        policy: RetryPolicy,
        *,
        on_step: StepHook = no_step,
        observer: DeliveryObserver | None = None,
        recovery: SlackRecovery | None = None,
    ) -> None:
        self.notifier = notifier
        self.ledger = ledger
        self.dead_letters = dead_letters
        self.policy = policy
        self.on_step = on_step
        self.observer = observer or DeliveryObserver()
        self.recovery = recovery or SlackRecovery(None)
        # Per channel, when Slack's last Retry-After ends: honoured by whichever attempt
        # comes next, even one restarted after a rebalance.
        self._not_before: dict[str, float] = {}
        self._lock = threading.Lock()

    def deliver(
        self, alert: AlertMessage, source: Source, cancelled: Callable[[], bool],
        wait: Callable[[float], bool],
    ) -> Outcome:
        """Deliver ``alert``; ``wait(seconds)`` sleeps and returns True if cancelled."""
        outcome = self._deliver(alert, source, cancelled, wait)
        self.observer.outcome(alert, outcome)
        return outcome

    def _deliver(
        self, alert: AlertMessage, source: Source, cancelled: Callable[[], bool],
        wait: Callable[[float], bool],
    ) -> Outcome:
        record = self.ledger.get(alert.id)
        if record is not None and record.state == "failed" and source.redriven:
            record = None  # an operator fixed the cause and re-drove it: a fresh attempt
        if record is not None and record.state in ("delivered", "failed"):
            return Outcome.DUPLICATE
        parent = self._parent(alert)
        check_first = record is not None  # an earlier run got as far as `attempting`
        if record is None:
            record = self.ledger.record(Delivery(
                alert_id=alert.id, channel=alert.channel, state="attempting",
                story_key=alert.story_key))
        self.on_step("after_attempting")
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
                posted = self._send(alert, parent)
                self.on_step("after_post")
                self._delivered(alert, posted)
                self.on_step("after_delivered")
                return Outcome.DELIVERED
            except TransientError as exc:
                check_first = check_first or exc.uncertain
                delay = self.policy.delay(attempt, exc.retry_after)
                outage: int | None = None
                if exc.retry_after:
                    with self._lock:
                        self._not_before[alert.channel] = time.monotonic() + delay
                    self.observer.rate_limit_wait(delay, "lane")
                elif exc.code != "ratelimited":
                    outage = self.recovery.failed()
                attempt += 1
                self.observer.retrying(exc.code, delay)
                log.warning("alert %s: %s; retry %d in %.1f s", alert.id, exc, attempt, delay,
                            extra=trace(alert_id=alert.id, channel=alert.channel))
                if outage is None and wait(delay):
                    break
                if outage is not None and self.recovery.wait(delay, outage, cancelled):
                    break
            except PermanentError as exc:
                self._dead_letter(alert, source, str(exc))
                self.ledger.record(Delivery(
                    alert_id=alert.id, channel=alert.channel, state="failed",
                    story_key=alert.story_key, error=str(exc)))
                log.error("alert %s dead-lettered: %s", alert.id, exc,
                          extra=trace(alert_id=alert.id, channel=alert.channel))
                return Outcome.DEAD_LETTERED
        return Outcome.ABANDONED

    def _send(self, alert: AlertMessage, parent: Delivery | None) -> Posted:
        """``notifier.send``, timed and reported; a success also proves Slack is up."""
        started = time.monotonic()
        try:
            posted = self.notifier.send(alert, parent)
        except DeliveryError as exc:
            self.observer.sent(self.notifier.name, time.monotonic() - started, exc.code)
            if not isinstance(exc, TransientError):
                self.recovery.succeeded()  # Slack answered, even if with a refusal
            raise
        self.observer.sent(self.notifier.name, time.monotonic() - started, "ok")
        self.recovery.succeeded()
        return posted

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
        self.dead_letters.write(DeadLetter.for_message(
            stage="notify", reason=f"alert {alert.id} to {alert.channel}: {reason}",
            payload=source.value, source_topic=source.topic, partition=source.partition,
            offset=source.offset, key=source.key))
