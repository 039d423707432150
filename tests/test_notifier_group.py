"""Two notifier processes in one group: the second delivers its share, nothing twice."""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from kafka import KafkaAdminClient

from tests.notifier_support import NotifyRig, make_alert, notify_rig

pytestmark = pytest.mark.kafka


@pytest.fixture
def rig(kafka_bootstrap: str, topic_prefix: str) -> Iterator[NotifyRig]:
    yield from notify_rig(kafka_bootstrap, topic_prefix)


def _members_with_partitions(bootstrap: str, group: str) -> int:
    admin = KafkaAdminClient(bootstrap_servers=bootstrap)
    try:
        described = admin.describe_groups([group])
    finally:
        admin.close()
    info = described.get(group, {}) if isinstance(described, dict) else {}
    if info.get("group_state") != "Stable":
        return 0
    return sum(1 for member in info.get("members", [])
               if member.get("member_assignment", {}).get("assigned_partitions"))


def test_second_of_two_notifiers_delivers_its_share_and_nothing_twice(
        rig: NotifyRig, tmp_path: Path) -> None:
    logs = [tmp_path / "first.log", tmp_path / "second.log"]
    procs = [rig.notify_process("--until-idle", "8", log=log) for log in logs]
    deadline = time.monotonic() + 60
    while _members_with_partitions(rig.bootstrap, f"{rig.prefix}-notify") < 2:
        assert time.monotonic() < deadline, "the two notifiers never shared the alerts topic"
        assert all(p.poll() is None for p in procs)
        time.sleep(0.3)
    alerts = [make_alert(i, channel=f"#team-{i % 12}") for i in range(36)]
    rig.send(*alerts)
    for proc, log in zip(procs, logs, strict=True):
        assert proc.wait(90) == 0, log.read_text()[-3000:]
    delivered = [int(re.findall(r"notify: (\d+) delivered", log.read_text())[-1])
                 for log in logs]
    assert all(count > 0 for count in delivered), delivered
    assert sum(delivered) == len(alerts)
    posted = Counter(rig.emulator.alert_ids_posted())
    assert sorted(posted.elements()) == sorted(a.id for a in alerts)
