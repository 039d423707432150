"""The notify loop: consume alerts, deliver them per channel, commit what is done.

Offsets are committed only below the lowest alert not yet delivered or dead-lettered,
so a crash, a fatal Slack error or a rebalance loses nothing: the rest is read again,
and the ledger turns the repeats into skips. The parts live beside this module:
``deliver`` (one alert, exactly once), ``lanes`` (per-channel order, committable
offsets), ``ownership`` (the rebalance protocol) and ``report`` (what a run did).
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

from kafka import KafkaConsumer, TopicPartition
from kafka.structs import OffsetAndMetadata

from ..kafkaio.clients import KafkaClients
from ..kafkaio.deadletters import DeadLetterWriter
from ..kafkaio.errors import TopicMissing
from ..kafkaio.redrive import REDRIVE_HEADER
from ..kafkaio.topics import TopicNames
from ..schemas.alert import AlertMessage, parse_any_alert
from ..schemas.deadletter import DeadLetter
from ..schemas.errors import SchemaError
from ..schemas.settings import Settings
from ..telemetry.service import ServiceTelemetry
from .base import Notifier
from .config import ServiceConfig
from .deliver import Deliverer, Outcome, Source, StepHook, no_step
from .errors import DeliveryError, TransientError
from .lanes import ChannelLanes, Keyed, OffsetTracker
from .ledger import DeliveryLedger
from .metrics import NotifierMetrics
from .ownership import PartitionOwnership
from .recovery import SlackRecovery
from .report import DeliveryReport, NotifierStopped, OutcomeCounter, SlackUnavailable

log = logging.getLogger(__name__)

JOIN_TIMEOUT_S = 60.0  # --until-idle gives up on a group that never hands out partitions
LAG_EVERY_S = 5.0  # consumer lag is looked up this often (from the consumer's own fetches)

__all__ = ["DeliveryReport", "NotifierService", "NotifierStopped", "SlackUnavailable"]


@dataclass
class _Job(Keyed):
    alert: AlertMessage
    source: Source
    generation: int  # of its partition's assignment; a newer one means it was revoked


class NotifierService:
    """Run once with ``run()``; ``stop()`` may be called from another thread or a signal."""

    def __init__(
        self, settings: Settings, notifier: Notifier, *, config: ServiceConfig | None = None,
        topics: TopicNames | None = None, on_step: StepHook = no_step,
        telemetry: ServiceTelemetry | None = None,
    ) -> None:
        self.settings = settings
        self.notifier = notifier
        self.config = config or ServiceConfig()
        self.topics = topics or TopicNames.from_settings(settings)
        self.group = f"{settings.consumer_group}-notify"
        self.clients = KafkaClients(settings)
        self.on_step = on_step
        self.report = DeliveryReport()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._error: BaseException | None = None
        self._tracker = OffsetTracker()
        # Without a telemetry from the caller, metrics and health are kept but not served.
        self.telemetry = telemetry or ServiceTelemetry("notifier", settings, long_running=False)
        self.health = self.telemetry.health
        self.metrics = NotifierMetrics(self.telemetry.registry, self.group)
        self.recovery = SlackRecovery(notifier.probe if notifier.probeable else None,
                                      on_change=self._slack_state)
        notifier.on_rate_limit_wait = lambda seconds: self.metrics.rate_limit_wait(seconds,
                                                                                   "sdk")

    def stop(self) -> None:
        self._stop.set()

    def run(self, *, until_idle: float | None = None, once: bool = False,
            max_alerts: int | None = None) -> DeliveryReport:
        """Deliver alerts until stopped, idle for ``until_idle`` s, caught up (``once``),
        or ``max_alerts`` are done. Raises ``NotifierStopped`` on a fatal error."""
        self.report = DeliveryReport()
        self._counter = OutcomeCounter(self.report)
        self.health.set("slack", False, f"{self.notifier.name}: checking the credentials")
        self.health.set("ledger", False, "not read yet")
        self.health.set("kafka", False, f"joining group {self.group}")
        self.clients.check_reachable()
        self._setup_notifier()
        self.health.set("slack", True, f"{self.notifier.name}: ready")
        producer = self.clients.producer("newswatch-notify", linger_ms=0)
        self._ledger = DeliveryLedger(self.clients, self.topics.deliveries, producer=producer,
                                      timeout_s=self.config.ledger_timeout_s)
        self._dead_letters = DeadLetterWriter(self.topics.dlq, producer=producer,
                                              timeout_s=self.config.ledger_timeout_s)
        self._deliverer = Deliverer(self.notifier, self._ledger, self._dead_letters,
                                    self.config.retry, on_step=self.on_step,
                                    observer=self.metrics, recovery=self.recovery)
        lanes: ChannelLanes[_Job] = ChannelLanes(self.config.workers, self._handle)
        self._ownership = PartitionOwnership(lanes, self._tracker, self._ledger.catch_up,
                                             revoke_wait_s=self.config.revoke_wait_s)
        consumer: KafkaConsumer | None = None
        try:
            loaded = self._ledger.load()
            log.info("delivery ledger: %d records read, %d alerts known", loaded,
                     len(self._ledger))
            self.health.set("ledger", True, f"{len(self._ledger)} alerts known")
            consumer = self._subscribe()
            self._loop(consumer, lanes, until_idle=until_idle, once=once, max_alerts=max_alerts)
        finally:
            self._stop.set()
            lanes.stop()
            if consumer is not None:
                self._commit(consumer, final=True)
                consumer.close(autocommit=False)
            producer.close()
            self._ledger.close()
            self.recovery.close()
            self.notifier.close()
            self.report.seconds = time.monotonic() - self.report.started
        if self._error is not None:
            raise NotifierStopped(self._error, self.report) from self._error
        log.debug("notify: %s", self.report.summary())
        return self.report

    def _subscribe(self) -> KafkaConsumer:
        consumer = self.clients.consumer(
            "newswatch-notify", group_id=self.group, max_poll_records=500,
            # A notifier killed without leaving the group holds its partitions until
            # the session times out: keep that short so a restart resumes quickly.
            session_timeout_ms=int(self.config.session_timeout_s * 1000),
            heartbeat_interval_ms=int(self.config.session_timeout_s * 1000 / 4),
        )
        consumer.subscribe([self.topics.alerts], listener=self._ownership.listener())
        # Fetch the topic's metadata after subscribing and before joining: without it
        # the group leader assigns nothing, or assigns and then rebalances at once.
        if not consumer.partitions_for_topic(self.topics.alerts):
            consumer.close(autocommit=False)
            raise TopicMissing(self.topics.alerts, where="notify")
        return consumer

    def _setup_notifier(self) -> None:
        """``notifier.setup()``, retried for ``startup_timeout_s`` while Slack cannot be
        reached, then given up naming the cause (a fatal error is not retried at all).

        Failing at start-up is what a supervisor (systemd, Compose's restart policy) can
        see and report; a service that retries silently for minutes looks healthy.
        """
        attempt = 0
        deadline = time.monotonic() + self.config.startup_timeout_s
        while True:
            try:
                self.notifier.setup()
                return
            except TransientError as exc:
                delay = self.config.retry.delay(attempt, exc.retry_after)
                attempt += 1
                left = deadline - time.monotonic()
                if exc.code != "ratelimited" and left < min(delay, 1.0):
                    raise SlackUnavailable(
                        f"Slack did not answer within {self.config.startup_timeout_s:g} s "
                        f"of start-up: {exc}") from None
                if exc.code != "ratelimited":
                    delay = min(delay, left)
                log.warning("%s; retry %d in %.1f s", exc, attempt, delay)
                if self._stop.wait(delay):
                    raise SlackUnavailable(f"stopped while waiting for Slack: {exc}") from None

    # ---- main thread ---------------------------------------------------------------------
    def _loop(self, consumer: KafkaConsumer, lanes: ChannelLanes[_Job], *,
              until_idle: float | None, once: bool, max_alerts: int | None) -> None:
        last_activity = last_commit = time.monotonic()
        last_lag = last_summary = 0.0
        dispatched = 0
        while not self._stop.is_set():
            now = time.monotonic()
            self._observe(consumer)
            if now - last_lag >= LAG_EVERY_S:
                self._update_lag(consumer)
                last_lag = now
            if self.settings.summary_interval and (
                    now - last_summary >= self.settings.summary_interval):
                if last_summary:
                    log.info("notify: %s", self.metrics.summary())
                last_summary = now
            full = self._tracker.in_flight() >= self.config.max_in_flight or (
                max_alerts is not None and dispatched >= max_alerts)
            # Keep polling while paused: that is what keeps this member in the group.
            if full:
                consumer.pause(*consumer.assignment())
            elif consumer.paused():
                consumer.resume(*consumer.paused())
            batch = self._ownership.apply(consumer, consumer.poll(timeout_ms=100))
            for tp, records in batch.items():
                for record in records:
                    if max_alerts is not None and dispatched >= max_alerts:
                        break
                    self._dispatch(tp, record, lanes)
                    dispatched += 1
                    last_activity = time.monotonic()
            now = time.monotonic()
            if now - last_commit >= self.config.commit_interval_s:
                self._commit(consumer)
                last_commit = now
            if self._tracker.in_flight():
                continue
            if max_alerts is not None and dispatched >= max_alerts:
                return
            idle = until_idle is not None and self._idle_for(last_activity, now) >= until_idle
            if idle or once:
                if self._caught_up(consumer):
                    return
                last_activity = now  # more is waiting (e.g. re-read after a rebalance)

    def _idle_for(self, last_activity: float, now: float) -> float:
        """Seconds without alerts, counted from when partitions were last handed to us."""
        assigned_at = self._ownership.assigned_at
        if assigned_at is None:
            # Still joining the group: waiting for that is not idleness (but do not hang).
            return 0.0 if now - self.report.started < JOIN_TIMEOUT_S else float("inf")
        return now - max(last_activity, assigned_at)

    def _caught_up(self, consumer: KafkaConsumer) -> bool:
        if self._ownership.rebalancing:
            return False  # positions of revoked partitions say nothing about what is left
        assigned = list(consumer.assignment())
        if not assigned:
            return self._ownership.assigned_at is None and (
                time.monotonic() - self.report.started >= JOIN_TIMEOUT_S)
        end = consumer.end_offsets(assigned)
        return all(consumer.position(tp) >= end[tp] for tp in assigned)

    def _dispatch(self, tp: TopicPartition, record: Any, lanes: ChannelLanes[_Job]) -> None:
        offset: int = record.offset
        value: bytes = record.value or b""
        redriven = any(name == REDRIVE_HEADER for name, _ in (record.headers or ()))
        source = Source(tp.topic, tp.partition, offset, record.key, value, redriven)
        self._tracker.add(tp, offset)
        try:
            alert = parse_any_alert(value, source=f"{tp.topic}[{tp.partition}]@{offset}")
        except SchemaError as exc:
            self._dead_letters.write(DeadLetter.for_message(
                stage="notify", reason=str(exc), payload=value, source_topic=tp.topic,
                partition=tp.partition, offset=offset, key=source.key))
            self._counter.invalid()
            self.metrics.invalid()
            self._tracker.done(tp, offset)
            return
        lanes.submit(_Job(alert.channel, tp, offset, alert, source,
                          self._ownership.generation(tp)))

    def _observe(self, consumer: KafkaConsumer) -> None:
        """Heartbeat and readiness for the health endpoints, in-flight count for metrics."""
        self.health.beat()
        self.metrics.in_flight.set(self._tracker.in_flight())
        if self._ownership.assigned_at is not None:
            owned = len(consumer.assignment())
            self.health.set("kafka", True, f"group {self.group}: {owned} partition(s) owned")

    def _update_lag(self, consumer: KafkaConsumer) -> None:
        """Lag per owned partition: the broker's end offset (as of the last fetch) minus the
        lowest offset not yet done, so alerts in flight count as lag until delivered."""
        done = self._tracker.committable()
        lags: dict[tuple[str, int], int] = {}
        for tp in consumer.assignment():
            end = consumer.highwater(tp)
            if end is None:
                continue  # nothing fetched from it yet
            start = done.get(tp)
            if start is None:
                start = consumer.position(tp)
            lags[(tp.topic, tp.partition)] = max(0, end - start)
        self.metrics.lag.update(lags)

    def _slack_state(self, up: bool) -> None:
        self.metrics.slack_state(up)
        self.health.set("slack", up, f"{self.notifier.name}: " + (
            "answering" if up else "not answering; alerts wait and are retried"))

    def _commit(self, consumer: KafkaConsumer, *, final: bool = False) -> None:
        offsets = {tp: OffsetAndMetadata(off, "", -1)
                   for tp, off in self._tracker.committable().items()}
        if not offsets:
            return
        self.on_step("before_commit")
        try:
            consumer.commit(offsets)
        except Exception as exc:  # lost to a rebalance: the next owner reads those again
            log.log(logging.INFO if final else logging.WARNING,
                    "offset commit failed (%s); those alerts will be read again and skipped "
                    "as already delivered", type(exc).__name__)

    # ---- worker threads ------------------------------------------------------------------
    def _handle(self, job: _Job) -> None:
        def cancelled() -> bool:
            # Stopping or losing the partition ends the retries; the alert stays uncommitted.
            return self._stop.is_set() or not self._ownership.owns(job, job.generation)

        def wait(seconds: float) -> bool:
            deadline = time.monotonic() + seconds
            while not cancelled():
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._stop.wait(min(0.2, left))
            return True

        if cancelled():
            return
        try:
            outcome = self._deliverer.deliver(job.alert, job.source, cancelled, wait)
        except DeliveryError as exc:  # FatalError: nothing after this may be committed
            self._fail(exc)
            return
        except Exception as exc:
            log.exception("alert %s: unexpected error", job.alert.id)
            self._fail(exc)
            return
        self._counter.count(job.alert.id, outcome)
        # A job that outlived its partition's assignment must not mark the offset done: the
        # same offset may be in flight again under the new assignment.
        if outcome is not Outcome.ABANDONED and self._ownership.owns(job, job.generation):
            self._tracker.done(job.tp, job.offset)

    def _fail(self, exc: BaseException) -> None:
        with self._lock:
            if self._error is None:
                self._error = exc
                log.error("stopping: %s", exc)
        self._stop.set()
