"""The stream worker never loses an article: restarts with a backlog, kill -9 at any
moment, a second worker joining. Real worker processes on the real broker; an article
counts as processed when its alert is on the alerts topic (each raises exactly one)."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.worker_support import WorkerRig, kill, stop

pytestmark = pytest.mark.kafka


@pytest.fixture
def rig(kafka_bootstrap: str, tmp_path: Path) -> Iterator[WorkerRig]:
    with WorkerRig(kafka_bootstrap, tmp_path / "rig", companies=3000, faults=True) as made:
        yield made


def test_restart_with_a_backlog_on_a_slow_broker_skips_nothing(rig: WorkerRig) -> None:
    # The worker has state to restore (its route table's changelog) and offsets to resume
    # from, then finds 2,500 articles waiting; reading its committed offsets takes 1.5 s,
    # as on a loaded broker. Faust 0.15.3 delivered records during that read and threw
    # them away after it, committing past them (see streams/recovery.py).
    rig.produce(range(20))
    worker = rig.start_worker()
    rig.wait_caught_up(90, worker)
    stop(worker)
    rig.produce(range(20, 2520))
    worker = rig.start_worker(NEWSWATCH_TEST_SLOW_COMMITTED_S="1.5")
    rig.wait_caught_up(180, worker)
    assert rig.missing(range(2520)) == []
    assert rig.dead_letters() == []
    assert "never delivered" not in rig.log()


def test_kill_minus_nine_mid_stream_loses_nothing_and_restarts_fast(rig: WorkerRig) -> None:
    rng = random.Random(11)
    total = 1400
    feeder = rig.produce_in_background(range(total), rate=40)
    worker = rig.start_worker()
    rig.wait_ready(1, worker)
    restarts = []
    for kills in range(1, 4):
        time.sleep(rng.uniform(0.2, 2.5))  # mid-stream: articles arrive all the time
        kill(worker)
        worker = rig.start_worker()
        restarts.append(rig.wait_ready(kills + 1, worker))
    feeder.join()
    rig.wait_caught_up(120, worker)
    assert rig.missing(range(total)) == []
    assert rig.dead_letters() == []
    # The dead worker's session (NEWSWATCH_WORKER_SESSION_TIMEOUT, 10 s) is the wait; the
    # rest is process start-up, slower while other tests run beside this one.
    assert max(restarts) < 20, restarts


def test_static_membership_restart_takes_partitions_back_at_once(rig: WorkerRig) -> None:
    # A 30 s session: a dynamic member's restart would wait that long for the dead one.
    static = {"NEWSWATCH_WORKER_INSTANCE_ID": "worker-a",
              "NEWSWATCH_WORKER_SESSION_TIMEOUT": "30"}
    worker = rig.start_worker(**static)
    rig.wait_ready(1, worker)
    rig.produce(range(50))
    rig.wait_caught_up(60, worker)
    kill(worker)
    worker = rig.start_worker(**static)
    rig.produce(range(50, 100))
    assert rig.wait_ready(2, worker) < 12  # start-up only: no wait for the old session
    rig.wait_caught_up(60, worker)
    assert rig.missing(range(100)) == []
