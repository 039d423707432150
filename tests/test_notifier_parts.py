"""The notifier's parts on their own: the rebalance protocol and the run report.

The whole loop runs against the real broker in test_notifier_delivery/crash; these pin
the bookkeeping each part owns, without a broker.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from kafka import TopicPartition

from newswatch.notifiers.deliver import Outcome
from newswatch.notifiers.lanes import ChannelLanes, Keyed, OffsetTracker
from newswatch.notifiers.ownership import PartitionOwnership
from newswatch.notifiers.report import DeliveryReport, OutcomeCounter

A0, A1 = TopicPartition("x.alerts", 0), TopicPartition("x.alerts", 1)


@dataclass
class Job(Keyed):
    pass


class Positions:
    """The two consumer calls the protocol makes when it takes partitions up."""

    def __init__(self, assigned: set[TopicPartition]) -> None:
        self.assigned = assigned
        self.seeks: dict[TopicPartition, int] = {}

    def assignment(self) -> set[TopicPartition]:
        return self.assigned

    def seek(self, tp: TopicPartition, offset: int) -> None:
        self.seeks[tp] = offset


def _ownership(handled: list[Job], gate: threading.Event,
               started: threading.Event | None = None) -> tuple[
        PartitionOwnership, ChannelLanes[Job], OffsetTracker, list[int]]:
    def handle(job: Job) -> None:
        if started is not None:
            started.set()  # a lane has taken this job: it runs, it is no longer queued
        gate.wait(5)
        handled.append(job)

    lanes: ChannelLanes[Job] = ChannelLanes(2, handle)
    tracker = OffsetTracker()
    caught_up: list[int] = []
    ownership = PartitionOwnership(lanes, tracker, lambda: caught_up.append(1),
                                   revoke_wait_s=2.0)
    return ownership, lanes, tracker, caught_up


def test_revoking_drops_queued_jobs_of_those_partitions_and_remembers_where_to_resume() -> None:
    handled: list[Job] = []
    gate, started = threading.Event(), threading.Event()
    ownership, lanes, tracker, _ = _ownership(handled, gate, started)
    try:
        for offset in (5, 6, 7):
            tracker.add(A0, offset)
            lanes.submit(Job("#a", A0, offset))  # one lane: 5 runs, 6 and 7 wait
        # Revoke only once 5 is running: on a loaded machine the lane's thread may not
        # have taken it yet, and a job still queued is rightly dropped with the others.
        assert started.wait(5)
        tracker.add(A1, 3)
        lanes.submit(Job("#b", A1, 3))
        before = ownership.generation(A0)
        threading.Timer(0.2, gate.set).start()  # the running posts land during the revoke
        ownership.revoke({A0})
        assert ownership.generation(A0) == before + 1 and ownership.generation(A1) == 0
        assert not ownership.owns(Job("#a", A0, 6), before)
        assert ownership.rebalancing
        lanes.stop()
        assert [j.offset for j in handled if j.tp == A0] == [5]  # 6 and 7 were dropped
        assert A0 not in tracker.committable()  # forgotten: the next owner commits it
        # Handed straight back: read again from the first offset not done here.
        ownership.assign({A0, A1})
        consumer = Positions({A0, A1})
        batch: dict[TopicPartition, Any] = {A0: ["stale"], A1: ["fresh"]}
        assert ownership.apply(consumer, batch) == {A1: ["fresh"]}
        assert consumer.seeks == {A0: 5}
        assert not ownership.rebalancing and ownership.assigned_at is not None
    finally:
        gate.set()
        lanes.stop()


def test_taking_up_partitions_catches_the_ledger_up_and_an_empty_assignment_is_not_joined(
) -> None:
    ownership, lanes, _tracker, caught_up = _ownership([], threading.Event())
    try:
        ownership.assign(set())
        assert ownership.apply(Positions(set()), {}) == {}
        assert caught_up == [1] and ownership.assigned_at is None
        ownership.assign({A1})
        ownership.apply(Positions({A1}), {})
        assert caught_up == [1, 1] and ownership.assigned_at is not None
    finally:
        lanes.stop()


def test_a_run_counts_its_own_redelivered_alert_once() -> None:
    report = DeliveryReport()
    counter = OutcomeCounter(report)
    counter.count("a1", Outcome.DELIVERED)
    counter.count("a1", Outcome.DUPLICATE)  # read again after a rebalance in this run
    counter.count("a2", Outcome.DUPLICATE)  # delivered by an earlier run
    counter.count("a3", Outcome.RECOVERED)
    counter.count("a4", Outcome.DEAD_LETTERED)
    counter.count("a5", Outcome.ABANDONED)
    counter.invalid()
    assert (report.delivered, report.duplicates, report.recovered, report.dead_lettered,
            report.invalid) == (1, 1, 1, 1, 1)
    assert report.summary().startswith("1 delivered, 1 found already posted, 1 duplicates")
