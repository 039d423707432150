"""The notify loop: consume alerts, deliver them per channel, commit what is done.

Offsets are committed only below the lowest alert not yet delivered or dead-lettered,
so a crash, a fatal Slack error or a rebalance loses nothing: the rest is read again,
and the ledger turns the repeats into skips.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from kafka import ConsumerRebalanceListener, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.structs import OffsetAndMetadata

from notifiers.base import Notifier
from notifiers.config import ServiceConfig
from notifiers.deliver import Deliverer, Outcome, Source
from notifiers.errors import DeliveryError, TransientError
from notifiers.lanes import ChannelLanes, Keyed, OffsetTracker
from notifiers.ledger import DeliveryLedger
from schemas.alert import AlertMessage, parse_any_alert
from schemas.deadletter import DeadLetter
from schemas.errors import ConfigError, NewswatchError, SchemaError
from schemas.settings import Settings

log = logging.getLogger(__name__)

JOIN_TIMEOUT_S = 60.0  # --until-idle gives up on a group that never hands out partitions


@dataclass(frozen=True)
class NotifyTopics:
    alerts: str
    deliveries: str
    dlq: str

    @classmethod
    def from_settings(cls, settings: Settings) -> NotifyTopics:
        return cls(settings.topic("alerts"), settings.topic("deliveries"), settings.topic("dlq"))


@dataclass
class DeliveryReport:
    """What one run did; ``duplicates`` were delivered before and were not posted again."""

    delivered: int = 0
    recovered: int = 0
    duplicates: int = 0
    dead_lettered: int = 0
    invalid: int = 0
    started: float = field(default_factory=time.monotonic)
    seconds: float = 0.0

    def summary(self) -> str:
        return (f"{self.delivered} delivered, {self.recovered} found already posted, "
                f"{self.duplicates} duplicates skipped, {self.dead_lettered} dead-lettered, "
                f"{self.invalid} unreadable, in {self.seconds:.1f} s")


class NotifierStopped(NewswatchError):
    """The run ended on an error; ``report`` says what was delivered before it."""

    def __init__(self, cause: BaseException, report: DeliveryReport) -> None:
        self.cause, self.report = cause, report
        detail = str(cause) if isinstance(cause, NewswatchError) else type(cause).__name__
        super().__init__(f"notify stopped: {detail} ({report.summary()})")


@dataclass
class _Job(Keyed):
    alert: AlertMessage
    source: Source
    generation: int  # of its partition's assignment; a newer one means it was revoked


class NotifierService:
    """Run once with ``run()``; ``stop()`` may be called from another thread or a signal."""

    def __init__(
        self, settings: Settings, notifier: Notifier, *, config: ServiceConfig | None = None,
        topics: NotifyTopics | None = None,
    ) -> None:
        self.settings = settings
        self.notifier = notifier
        self.config = config or ServiceConfig()
        self.topics = topics or NotifyTopics.from_settings(settings)
        self.group = f"{settings.consumer_group}-notify"
        self.report = DeliveryReport()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._error: BaseException | None = None
        self._generations: dict[TopicPartition, int] = {}
        self._delivered_ids: set[str] = set()
        self._tracker = OffsetTracker()
        self._assignments: deque[set[TopicPartition]] = deque()
        self._rebalancing = False
        self._rewind: dict[TopicPartition, int] = {}
        self._assigned_at: float | None = None

    def stop(self) -> None:
        self._stop.set()

    def run(self, *, until_idle: float | None = None, once: bool = False,
            max_alerts: int | None = None) -> DeliveryReport:
        """Deliver alerts until stopped, idle for ``until_idle`` s, caught up (``once``),
        or ``max_alerts`` are done. Raises ``NotifierStopped`` on a fatal error."""
        self.report = DeliveryReport()
        self._setup_notifier()
        bootstrap = self.settings.kafka_bootstrap
        producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=0,
                                 client_id="newswatch-notify")
        self._ledger = DeliveryLedger(bootstrap, self.topics.deliveries, producer=producer,
                                      timeout_s=self.config.ledger_timeout_s)
        self._deliverer = Deliverer(self.notifier, self._ledger, producer, self.topics.dlq,
                                    self.config.retry, timeout_s=self.config.ledger_timeout_s)
        consumer: KafkaConsumer | None = None
        lanes: ChannelLanes[_Job] | None = None
        try:
            loaded = self._ledger.load()
            log.info("delivery ledger: %d records read, %d alerts known", loaded,
                     len(self._ledger))
            consumer = KafkaConsumer(
                bootstrap_servers=bootstrap, group_id=self.group, enable_auto_commit=False,
                auto_offset_reset="earliest", client_id="newswatch-notify",
                max_poll_records=500,
                # A notifier killed without leaving the group holds its partitions until
                # the session times out: keep that short so a restart resumes quickly.
                session_timeout_ms=int(self.config.session_timeout_s * 1000),
                heartbeat_interval_ms=int(self.config.session_timeout_s * 1000 / 4),
            )
            consumer.subscribe([self.topics.alerts], listener=_Rebalance(self))
            # Fetch the topic's metadata after subscribing and before joining: without it
            # the group leader assigns nothing, or assigns and then rebalances at once.
            if not consumer.partitions_for_topic(self.topics.alerts):
                raise ConfigError(f"topic {self.topics.alerts!r} does not exist; create the "
                                  "newswatch topics first", location="notify")
            lanes = ChannelLanes(self.config.workers, self._handle)
            self._lanes = lanes
            self._loop(consumer, lanes, until_idle=until_idle, once=once, max_alerts=max_alerts)
        finally:
            self._stop.set()
            if lanes is not None:
                lanes.stop()
            if consumer is not None:
                self._commit(consumer, final=True)
                consumer.close(autocommit=False)
            producer.close()
            self._ledger.close()
            self.notifier.close()
            self.report.seconds = time.monotonic() - self.report.started
        if self._error is not None:
            raise NotifierStopped(self._error, self.report) from self._error
        log.debug("notify: %s", self.report.summary())
        return self.report

    def _setup_notifier(self) -> None:
        """``notifier.setup()``, retried while Slack is unreachable (a fatal error is not)."""
        attempt = 0
        while True:
            try:
                self.notifier.setup()
                return
            except TransientError as exc:
                delay = self.config.retry.delay(attempt, exc.retry_after)
                attempt += 1
                log.warning("%s; retry %d in %.1f s", exc, attempt, delay)
                if self._stop.wait(delay):
                    raise

    # ---- main thread ---------------------------------------------------------------------
    def _loop(self, consumer: KafkaConsumer, lanes: ChannelLanes[_Job], *,
              until_idle: float | None, once: bool, max_alerts: int | None) -> None:
        last_activity = last_commit = time.monotonic()
        dispatched = 0
        while not self._stop.is_set():
            full = self._tracker.in_flight() >= self.config.max_in_flight or (
                max_alerts is not None and dispatched >= max_alerts)
            # Keep polling while paused: that is what keeps this member in the group.
            if full:
                consumer.pause(*consumer.assignment())
            elif consumer.paused():
                consumer.resume(*consumer.paused())
            batch = consumer.poll(timeout_ms=100)
            if self._assignments:
                batch = self._apply_assignments(consumer, batch)
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
        if self._assigned_at is None:
            # Still joining the group: waiting for that is not idleness (but do not hang).
            return 0.0 if now - self.report.started < JOIN_TIMEOUT_S else float("inf")
        return now - max(last_activity, self._assigned_at)

    def _caught_up(self, consumer: KafkaConsumer) -> bool:
        if self._rebalancing:
            return False  # positions of revoked partitions say nothing about what is left
        assigned = list(consumer.assignment())
        if not assigned:
            return self._assigned_at is None and (
                time.monotonic() - self.report.started >= JOIN_TIMEOUT_S)
        end = consumer.end_offsets(assigned)
        return all(consumer.position(tp) >= end[tp] for tp in assigned)

    def _dispatch(self, tp: TopicPartition, record: Any, lanes: ChannelLanes[_Job]) -> None:
        offset: int = record.offset
        value: bytes = record.value or b""
        source = Source(tp.topic, tp.partition, offset, record.key, value)
        self._tracker.add(tp, offset)
        try:
            alert = parse_any_alert(value, source=f"{tp.topic}[{tp.partition}]@{offset}")
        except SchemaError as exc:
            letter = DeadLetter.for_message(stage="notify", reason=str(exc), payload=value,
                                            source_topic=tp.topic, partition=tp.partition,
                                            offset=offset, key=source.key)
            self._deliverer.producer.send(self.topics.dlq, value=letter.to_json_bytes()).get(
                timeout=self.config.ledger_timeout_s)
            log.error("unreadable alert dead-lettered: %s", exc)
            self.report.invalid += 1
            self._tracker.done(tp, offset)
            return
        generation = self._generations.get(tp, 0)
        lanes.submit(_Job(alert.channel, tp, offset, alert, source, generation))

    def _commit(self, consumer: KafkaConsumer, *, final: bool = False) -> None:
        offsets = {tp: OffsetAndMetadata(off, "", -1)
                   for tp, off in self._tracker.committable().items()}
        if not offsets:
            return
        self._deliverer.crash.hit("before_commit")
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
            return self._stop.is_set() or self._generations.get(job.tp, 0) != job.generation

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
        self._count(job.alert.id, outcome)
        # A job that outlived its partition's assignment must not mark the offset done: the
        # same offset may be in flight again under the new assignment.
        if outcome is not Outcome.ABANDONED and self._generations.get(job.tp, 0) == job.generation:
            self._tracker.done(job.tp, job.offset)

    def _count(self, alert_id: str, outcome: Outcome) -> None:
        with self._lock:
            if outcome is Outcome.DUPLICATE and alert_id in self._delivered_ids:
                return  # read again after a rebalance within this run: not a duplicate
            if outcome in (Outcome.DELIVERED, Outcome.RECOVERED, Outcome.DEAD_LETTERED):
                self._delivered_ids.add(alert_id)
            name = {Outcome.DELIVERED: "delivered", Outcome.RECOVERED: "recovered",
                    Outcome.DUPLICATE: "duplicates", Outcome.DEAD_LETTERED: "dead_lettered",
                    Outcome.ABANDONED: ""}[outcome]
            if name:
                setattr(self.report, name, getattr(self.report, name) + 1)

    def _fail(self, exc: BaseException) -> None:
        with self._lock:
            if self._error is None:
                self._error = exc
                log.error("stopping: %s", exc)
        self._stop.set()

    # ---- rebalances ---------------------------------------------------------------------
    # kafka-python calls the listener on its IO thread. Revocation is handled right there,
    # before this member rejoins: retries on those partitions stop and a post in flight
    # is given time to land and be recorded, so the next owner finds it in the ledger
    # or in Slack. Nothing is committed (blocking consumer calls are not allowed there);
    # the next owner skips what was delivered here. Assignment needs consumer calls, so
    # the main loop handles it as soon as poll() returns, before any new record.
    def _apply_assignments(self, consumer: KafkaConsumer, batch: dict[TopicPartition, Any]
                           ) -> dict[TopicPartition, Any]:
        rewound: set[TopicPartition] = set()
        while self._assignments:
            rewound |= self._assign(consumer, self._assignments.popleft())
        assigned = consumer.assignment()
        # Records of a rewound partition come again from the rewound position.
        return {tp: records for tp, records in batch.items()
                if tp in assigned and tp not in rewound}

    def _revoke(self, revoked: set[TopicPartition]) -> None:
        log.debug("partitions revoked: %s", _names(revoked))
        self._rebalancing = True
        for tp in revoked:
            self._generations[tp] = self._generations.get(tp, 0) + 1
        self._lanes.drop(lambda job: job.tp not in revoked)
        # A post in flight must land (and be recorded) before another owner looks for it.
        if not self._lanes.wait_running(lambda job: job.tp not in revoked,
                                        timeout=self.config.revoke_wait_s):
            log.warning("a delivery on a revoked partition is still running; its alert may "
                        "be posted twice if the new owner retries it before it lands")
        committable = self._tracker.committable()
        self._rewind.update({tp: off for tp, off in committable.items() if tp in revoked})
        self._tracker.forget(revoked)

    def _assign(self, consumer: KafkaConsumer, assigned: set[TopicPartition]
                ) -> set[TopicPartition]:
        """Take up ``assigned``; return the partitions sought back to an earlier offset."""
        log.debug("partitions assigned: %s", _names(assigned))
        self._rebalancing = False
        # Another notifier may have delivered some of these alerts since our last read.
        self._ledger.catch_up()
        # kafka-python keeps the position of a partition revoked and handed straight back,
        # but the alerts read before were dropped with the revocation: read them again.
        rewound = assigned & set(self._rewind)
        for tp in rewound:
            consumer.seek(tp, self._rewind[tp])
        self._rewind.clear()  # the rest went to other members; their offsets are theirs
        # An empty assignment is often the first, made before the topic's metadata arrived.
        self._assigned_at = time.monotonic() if assigned else None
        return rewound


def _names(tps: set[TopicPartition]) -> str:
    return ", ".join(f"{tp.topic}[{tp.partition}]" for tp in sorted(tps)) or "none"


class _Rebalance(ConsumerRebalanceListener):
    def __init__(self, service: NotifierService) -> None:
        self.service = service

    def on_partitions_revoked(self, revoked: list[TopicPartition]) -> None:
        if revoked:
            self.service._revoke(set(revoked))

    def on_partitions_assigned(self, assigned: list[TopicPartition]) -> None:
        self.service._assignments.append(set(assigned))
