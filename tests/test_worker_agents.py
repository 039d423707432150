"""A running worker: rules hot reload, and the route agent's dead letters. Real worker
processes on the real broker."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from kafka import KafkaProducer

from newswatch.schemas import CompanyEvent
from tests.worker_support import WorkerRig, rules_yaml

pytestmark = pytest.mark.kafka


@pytest.fixture
def rig(kafka_bootstrap: str, tmp_path: Path) -> Iterator[WorkerRig]:
    with WorkerRig(kafka_bootstrap, tmp_path / "rig", companies=20) as made:
        yield made


def _rewrite(path: Path, text: str) -> None:
    """Replace the file and make sure its mtime moves (the worker polls the mtime)."""
    before = path.stat().st_mtime
    path.write_text(text)
    os.utime(path, (before + 2, before + 2))


def _wait_for_log(rig: WorkerRig, text: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while text not in rig.log():
        assert time.monotonic() < deadline, f"no {text!r} in the worker log"
        time.sleep(0.2)


def test_running_worker_picks_up_changed_rules_and_keeps_them_through_a_broken_file(
        rig: WorkerRig) -> None:
    watched, added = rig.names[:10], rig.names[10:]
    _rewrite(rig.rules, rules_yaml(watched))
    worker = rig.start_worker()
    rig.wait_ready(1, worker)
    rig.produce(range(10, 12))  # companies not watched yet: no alert
    rig.wait_caught_up(60, worker)
    assert rig.missing(range(10, 12)) == [10, 11]

    _rewrite(rig.rules, rules_yaml(watched + added))
    _wait_for_log(rig, "rules reloaded")
    rig.produce(range(12, 14))
    rig.wait_caught_up(60, worker)
    assert rig.missing(range(12, 14)) == []

    # A file with an error is logged and the rules in force stay.
    _rewrite(rig.rules, rules_yaml(watched + added).replace("watches:", "watchez:"))
    _wait_for_log(rig, "rules not reloaded")
    rig.produce(range(14, 16))
    rig.wait_caught_up(60, worker)
    assert rig.missing(range(14, 16)) == []
    assert worker.poll() is None


def test_route_agent_dead_letters_an_unreadable_event_and_routes_the_next(
        rig: WorkerRig) -> None:
    worker = rig.start_worker()
    rig.wait_ready(1, worker)
    good = CompanyEvent(article_id="direct-1", article_title="Direct event",
                        company=rig.names[3], event_type="layoffs", confidence=0.9)
    producer = KafkaProducer(bootstrap_servers=rig.bootstrap, acks="all")
    for value in (b'{"article_id": "broken", "company": ', good.to_json_bytes()):
        producer.send(rig.topic("events"), key=rig.names[3].encode(), value=value)
    producer.flush()
    producer.close()
    rig.wait_caught_up(60, worker)
    [letter] = rig.dead_letters()
    assert letter.stage == "route"
    assert "invalid CompanyEvent" in letter.reason
    assert letter.source_topic == rig.topic("events")
    assert letter.payload.startswith('{"article_id": "broken"')
    [alert] = rig.alerts()
    assert (alert.event.article_id, alert.channel) == ("direct-1", "#kill")


def test_worker_that_cannot_start_exits_non_zero_with_the_reason(rig: WorkerRig) -> None:
    # The route table's changelog exists with fewer partitions than the events topic it
    # follows: Faust would crash-loop its agent; the worker refuses to start and says why.
    from kafka.admin import NewTopic

    from newswatch.kafkaio.topics import changelog_topic

    name = changelog_topic(rig.group, "route-stories")
    admin = rig.clients.admin("newswatch-tests")
    try:
        admin.create_topics([NewTopic(name, 3, 1)])
    finally:
        admin.close()
    worker = rig.start_worker()
    assert worker.wait(60) == 2
    assert (f"newswatch: error: changelog topic '{name}' has 3 partitions but "
            f"'{rig.topic('events')}' has 6") in rig.log()
