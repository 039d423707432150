"""Kill the notifier at any instant: after a restart each alert is in Slack exactly once."""

from __future__ import annotations

import random
import subprocess
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from newswatch.schemas import Alert
from tests.notifier_support import NotifyRig, make_alert, notify_rig
from tests.slack_emulator import Message

pytestmark = pytest.mark.kafka

@pytest.fixture
def rig(kafka_bootstrap: str, topic_prefix: str) -> Iterator[NotifyRig]:
    yield from notify_rig(kafka_bootstrap, topic_prefix)


def exactly_once(rig: NotifyRig, alerts: list[Alert]) -> None:
    posted = Counter(rig.emulator.alert_ids_posted())
    assert sorted(str(a) for a in posted.elements()) == sorted(a.id for a in alerts)


def kill_at_post(rig: NotifyRig, number: int) -> dict[str, subprocess.Popen[bytes]]:
    """SIGKILL the running notifier when Slack accepts post ``number`` (counted from now),
    before Slack's answer is sent: the notifier never learns the message's ts."""
    target: dict[str, subprocess.Popen[bytes]] = {}
    seen = [0]

    def hook(message: Message) -> None:
        seen[0] += 1
        if seen[0] == number and "proc" in target:
            target["proc"].kill()
            target["proc"].wait(10)

    rig.emulator.on_post(hook)
    return target


def test_sigkill_between_post_and_ledger_never_double_posts(
        rig: NotifyRig, tmp_path: Path) -> None:
    alerts = [make_alert(i) for i in range(5)]
    rig.send(*alerts)
    target = kill_at_post(rig, 3)
    log = tmp_path / "notify.log"
    target["proc"] = rig.notify_process("--until-idle", "3", log=log)
    assert target["proc"].wait(60) == -9  # killed by the hook, at the third post
    assert len(rig.emulator.posts) == 3
    assert rig.ledger()[alerts[2].id].state == "attempting"
    restarted = rig.notify_process("--until-idle", "2", log=log)
    assert restarted.wait(60) == 0, log.read_text()[-3000:]
    exactly_once(rig, alerts)
    # The third alert was found in the channel (by its metadata), not posted again.
    assert "1 found already posted" in log.read_text()
    assert rig.ledger()[alerts[2].id].state == "delivered"


@pytest.mark.parametrize("point", ["after_attempting:3", "after_post:3", "after_delivered:3",
                                   "before_commit:1"])
def test_crash_at_each_step_then_restart(rig: NotifyRig, point: str,
                                         tmp_path: Path) -> None:
    alerts = [make_alert(i, channel=f"#k{i % 2}") for i in range(6)]
    rig.send(*alerts)
    log = tmp_path / "notify.log"
    crashed = rig.notify_process("--until-idle", "3",
                                 env={"CRASH_AT": point}, log=log)
    assert crashed.wait(60) == 70, log.read_text()[-3000:]
    assert rig.committed() < 6
    restarted = rig.notify_process("--until-idle", "2", log=log)
    assert restarted.wait(60) == 0, log.read_text()[-3000:]
    exactly_once(rig, alerts)
    assert rig.committed() == 6


def test_repeated_kills_lose_nothing_and_duplicate_nothing(
        rig: NotifyRig, tmp_path: Path) -> None:
    rng = random.Random(7)
    alerts = [make_alert(i, channel=f"#r{i % 3}") for i in range(15)]
    rig.send(*alerts)
    log = tmp_path / "notify.log"
    kills = 0
    for _ in range(4):
        target = kill_at_post(rig, rng.randint(1, 4))
        target["proc"] = rig.notify_process("--until-idle", "2", log=log)
        code = target["proc"].wait(90)
        rig.emulator._post_hooks.clear()
        assert code in (0, -9), log.read_text()[-3000:]
        kills += code == -9
    assert kills >= 3
    final = rig.notify_process("--until-idle", "2", log=log)
    assert final.wait(90) == 0, log.read_text()[-3000:]
    exactly_once(rig, alerts)
    for channel in ("#r0", "#r1", "#r2"):
        in_channel = [m.alert_id for m in rig.emulator.posts_in(channel)]
        assert in_channel == [a.id for a in alerts if a.channel == channel]
