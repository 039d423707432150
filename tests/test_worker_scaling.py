"""More workers in one group: the same alerts as one worker, and nothing lost or doubled
while a second worker joins mid-stream. Real worker processes on the real broker."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest

from tests.worker_support import WorkerRig

pytestmark = pytest.mark.kafka


def _story_shape(rig: WorkerRig) -> Counter[tuple[str, str]]:
    """(company, kind) of every distinct alert: which copy of a story comes first depends
    on arrival order, how many alerts of each kind a story raises does not."""
    alerts = {a.id: a for a in rig.alerts()}
    return Counter((a.event.company, a.kind) for a in alerts.values())


def _active_partitions(log: str) -> int:
    """Rows in the last "Highwater - Active" table Faust logged: the route table's
    partitions this worker owns (standbys are listed in a table of their own)."""
    table = log.rpartition("Highwater - Active")[2].partition("active offsets")[0]
    return sum(1 for line in table.splitlines()
               if line.startswith("| ") and not line.startswith("| topic"))


def test_two_workers_raise_exactly_the_alerts_one_worker_raises(
        kafka_bootstrap: str, tmp_path: Path) -> None:
    # 40 companies, 5 articles each: one story per company, whose copies the router threads
    # or absorbs, which only comes out the same if each company's events meet one route
    # table however the partitions are shared.
    shapes = []
    for workers in (1, 2):
        with WorkerRig(kafka_bootstrap, tmp_path / f"w{workers}", companies=40,
                       run="same") as rig:
            started = []
            for n in range(workers):  # one after the other: the second joins a running group
                started.append(rig.start_worker(f"worker{n}"))
                rig.wait_ready(1, started[n], name=f"worker{n}")
            if workers == 2:
                # The first worker rebalances when the second joins: wait for its second
                # assignment, so both hold partitions while the articles arrive.
                rig.wait_ready(2, started[0], name="worker0")
                for n in range(2):
                    assert _active_partitions(rig.log(f"worker{n}")) > 0
            rig.produce(range(200))
            rig.wait_caught_up(90, *started)
            shapes.append(_story_shape(rig))
    assert shapes[1] == shapes[0]
    # Whatever the thread policy makes of the copies, each company's story starts once.
    assert sorted(n for (_, kind), n in shapes[0].items() if kind == "new") == [1] * 40


def test_second_worker_joining_mid_stream_loses_and_doubles_nothing(
        kafka_bootstrap: str, tmp_path: Path) -> None:
    with WorkerRig(kafka_bootstrap, tmp_path / "rig", companies=2000) as rig:
        total = 1500
        first = rig.start_worker("first")
        rig.wait_ready(1, first, name="first")
        feeder = rig.produce_in_background(range(total), rate=60)
        time.sleep(4)
        second = rig.start_worker("second")
        rig.wait_ready(1, second, name="second")
        feeder.join()
        rig.wait_caught_up(120, first, second)
        assert rig.missing(range(total)) == []
        per_article = rig.alerted_articles()
        assert set(per_article.values()) == {1}  # one distinct alert per article
        records = Counter(a.id for a in rig.alerts())
        doubled = {alert_id: n for alert_id, n in records.items() if n > 1}
        # A hand-over commits what the first worker finished before the second reads it.
        assert doubled == {}
        assert rig.dead_letters() == []
