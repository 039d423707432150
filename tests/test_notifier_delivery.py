"""Delivery through the real slack_sdk to the emulator, on the real broker, under faults.

Every test counts the posts the emulator accepted: each alert exactly once, none lost.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Iterator

import pytest

from newswatch.notifiers.errors import FatalError
from newswatch.notifiers.service import DeliveryReport, NotifierStopped
from newswatch.schemas import Alert
from tests.notifier_support import NotifyRig, make_alert, notify_rig
from tests.slack_emulator import Fault

pytestmark = pytest.mark.kafka

@pytest.fixture
def rig(kafka_bootstrap: str, topic_prefix: str) -> Iterator[NotifyRig]:
    yield from notify_rig(kafka_bootstrap, topic_prefix)


def assert_exactly_once(rig: NotifyRig, alerts: list[Alert],
                        *, dead: frozenset[str] = frozenset()) -> None:
    posted = Counter(rig.emulator.alert_ids_posted())
    assert {a for a, n in posted.items() if n > 1} == set(), "double-posted"
    expected = {a.id for a in alerts} - set(dead)
    assert set(posted) == expected, "lost or unexpected posts"


def test_alerts_go_to_their_channels_in_order_once(rig: NotifyRig) -> None:
    alerts = [make_alert(i, channel=f"#team-{i % 3}") for i in range(12)]
    rig.send(*alerts)
    report = rig.run()
    assert report.delivered == 12 and report.dead_lettered == 0
    assert_exactly_once(rig, alerts)
    for c in range(3):
        in_channel = [m.alert_id for m in rig.emulator.posts_in(f"#team-{c}")]
        assert in_channel == [a.id for a in alerts if a.channel == f"#team-{c}"]
    ledger = rig.ledger()
    assert {ledger[a.id].state for a in alerts} == {"delivered"}
    assert all(ledger[a.id].ts for a in alerts)
    assert rig.committed() == 12


def test_a_redelivered_alert_is_not_posted_twice(rig: NotifyRig) -> None:
    alerts = [make_alert(i) for i in range(3)]
    rig.send(*alerts)
    rig.run()
    rig.send(*alerts)  # the router sends them again (at-least-once upstream)
    report = rig.run()
    assert report.duplicates == 3 and report.delivered == 0
    assert_exactly_once(rig, alerts)


def test_followup_is_threaded_and_update_edits_the_story(rig: NotifyRig) -> None:
    first = make_alert(1, event_type="acquisition", role="acquirer", stage="talks",
                       counterparty="Perplexity AI", triggers=["talks to buy"],
                       evidence=["Meta is in talks to buy Perplexity AI."])
    more = make_alert(2, kind="followup", parent=first, event_type="acquisition",
                      role="acquirer", stage="talks", counterparty="Perplexity AI")
    changed = make_alert(3, kind="update", parent=first, event_type="acquisition",
                         role="acquirer", stage="announced", counterparty="Perplexity AI")
    rig.send(first, more, changed)
    assert rig.run().delivered == 3
    top, reply, note = rig.emulator.posts_in("#alerts")
    assert top.alert_id == first.id and top.thread_ts is None
    assert "in talks to acquire Perplexity AI" in json.dumps(top.edits[0]["blocks"])
    assert reply.alert_id == more.id and reply.thread_ts == top.ts
    assert note.alert_id == changed.id and note.thread_ts == top.ts
    assert "stage is now *announced*" in note.text
    # The story's message now shows the new stage.
    assert "to acquire Perplexity AI" in json.dumps(top.blocks)
    assert "in talks" not in json.dumps(top.blocks)
    assert rig.emulator.updates == [(top.channel, top.ts)]


def test_rate_limit_is_waited_out_honouring_retry_after(rig: NotifyRig) -> None:
    alerts = [make_alert(i) for i in range(3)]
    rig.emulator.fail_next(2, Fault("rate_limited", retry_after=1), method="chat.postMessage")
    rig.send(*alerts)
    assert rig.run().delivered == 3
    assert_exactly_once(rig, alerts)
    posts = [c for c in rig.emulator.calls if c.method == "chat.postMessage"]
    assert [c.status for c in posts[:3]] == [429, 429, 200]
    assert posts[1].at - posts[0].at >= 1.0 and posts[2].at - posts[1].at >= 1.0


@pytest.mark.parametrize("fault", [
    Fault("server_error", status=500),
    Fault("server_error", status=503),
    Fault("timeout", seconds=1.5),
    Fault("disconnect"),
    Fault("server_error_after_post", status=500),
    Fault("timeout_after_post", seconds=1.5),
], ids=lambda f: f"{f.kind}-{f.status}")
def test_transient_failures_neither_lose_nor_duplicate(rig: NotifyRig, fault: Fault) -> None:
    alerts = [make_alert(i, channel=f"#c{i % 2}") for i in range(6)]
    rig.emulator.fail_next(3, fault, method="chat.postMessage")
    rig.send(*alerts)
    report = rig.run(until_idle=2.0)
    assert report.delivered + report.recovered == 6
    assert_exactly_once(rig, alerts)
    if fault.kind.endswith("after_post"):
        assert report.recovered >= 1  # found in the channel's history, not posted again


@pytest.mark.parametrize("code", ["channel_not_found", "not_in_channel", "is_archived",
                                  "msg_too_long", "some_new_error"])
def test_permanent_errors_dead_letter_that_alert_and_the_rest_flows(
        rig: NotifyRig, code: str) -> None:
    good = [make_alert(i, channel="#fine") for i in range(3)]
    bad = make_alert(99, channel="#broken")
    rig.emulator.fail_channel("#broken", Fault("error", error=code))
    rig.send(good[0], bad, *good[1:])
    report = rig.run()
    assert report.delivered == 3 and report.dead_lettered == 1
    assert_exactly_once(rig, good)
    [letter] = rig.dead_letters()
    assert letter.stage == "notify" and code in letter.reason and bad.id in letter.reason
    assert json.loads(letter.payload)["id"] == bad.id
    assert letter.source_topic == f"{rig.prefix}.alerts"
    assert rig.ledger()[bad.id].state == "failed"
    assert rig.committed() == 4  # dead-lettered counts as done


def test_real_channel_states_are_permanent_errors(rig: NotifyRig) -> None:
    rig.emulator.add_channel("old-news", archived=True)
    rig.emulator.add_channel("private", member=False)
    alerts = [make_alert(1, channel="#old-news"), make_alert(2, channel="#private"),
              make_alert(3, channel="#fine")]
    rig.send(*alerts)
    report = rig.run()
    assert (report.delivered, report.dead_lettered) == (1, 2)
    reasons = sorted(d.reason.rsplit(": ", 1)[-1] for d in rig.dead_letters())
    assert reasons == ["is_archived (channel #old-news)", "not_in_channel (channel #private)"]


@pytest.mark.parametrize("code", ["invalid_auth", "token_revoked", "account_inactive"])
def test_fatal_error_stops_with_nothing_lost(rig: NotifyRig, code: str) -> None:
    alerts = [make_alert(i) for i in range(5)]
    rig.send(*alerts)
    # The token passes auth.test and two posts, then Slack refuses it.
    rig.emulator.fail_next(1, Fault("error", error=code), method="chat.postMessage", skip=2)
    with pytest.raises(NotifierStopped, match=code) as info:
        rig.run()
    assert isinstance(info.value.cause, FatalError)
    assert rig.emulator.alert_ids_posted() == [alerts[0].id, alerts[1].id]
    assert rig.dead_letters() == []
    assert rig.committed() == 2  # up to the refused alert, not beyond
    report = rig.run()  # the token is fixed (the fault was one-off): carry on
    assert report.delivered == 3
    assert_exactly_once(rig, alerts)


def test_bad_token_is_refused_before_anything_is_consumed(rig: NotifyRig) -> None:
    rig.send(make_alert(1))
    with pytest.raises(FatalError, match="invalid_auth: the bot token is not valid"):
        rig.run(rig.slack(token="xoxb-wrong"))
    assert rig.committed() == 0 and rig.emulator.posts == []


def test_outage_alerts_wait_and_go_out_in_order(rig: NotifyRig) -> None:
    alerts = [make_alert(i, channel=f"#o{i % 2}") for i in range(8)]
    rig.send(*alerts[:2])
    rig.emulator.outage(4.0)
    rig.send(*alerts[2:])
    report = rig.run(until_idle=2.0)
    assert report.delivered == 8
    assert_exactly_once(rig, alerts)
    for c in range(2):
        in_channel = [m.alert_id for m in rig.emulator.posts_in(f"#o{c}")]
        assert in_channel == [a.id for a in alerts if a.channel == f"#o{c}"]
    refused = [c for c in rig.emulator.calls if c.status == 503]
    assert len(refused) >= 4  # it kept trying through the outage


def test_unreadable_alert_is_dead_lettered_and_committed(rig: NotifyRig) -> None:
    rig.send_raw(b'{"id": "broken"')
    good = make_alert(1)
    rig.send(good)
    report = rig.run()
    assert report.invalid == 1 and report.delivered == 1
    [letter] = rig.dead_letters()
    assert "invalid Alert" in letter.reason and letter.payload == '{"id": "broken"'
    assert rig.committed() == 2


def test_two_notifiers_share_the_work_through_a_rebalance(rig: NotifyRig) -> None:
    alerts = [make_alert(i, channel=f"#team-{i % 8}") for i in range(48)]
    rig.send(*alerts)
    rig.emulator.rate_limit(4.0, retry_after=1)  # slow enough for the second to join mid-way
    reports: dict[str, object] = {}

    def run(name: str) -> None:
        try:
            reports[name] = rig.run(until_idle=3.0)
        except Exception as exc:  # reported below
            reports[name] = exc

    first = threading.Thread(target=run, args=("first",))
    first.start()
    assert rig.emulator.wait_for_posts(6, timeout=30)
    second = threading.Thread(target=run, args=("second",))
    second.start()
    first.join(120)
    second.join(120)
    assert all(isinstance(r, DeliveryReport) for r in reports.values()), reports
    assert_exactly_once(rig, alerts)
    for c in range(8):
        in_channel = [m.alert_id for m in rig.emulator.posts_in(f"#team-{c}")]
        assert in_channel == [a.id for a in alerts if a.channel == f"#team-{c}"]
    # A last commit can be lost to the group rebalancing as the first one leaves: whatever
    # was not committed is read again by the next run and skipped, never posted again.
    again = rig.run()
    assert (again.delivered, again.recovered) == (0, 0)
    assert_exactly_once(rig, alerts)
    assert rig.committed() == 48


def test_max_alerts_then_once_deliver_in_two_runs(rig: NotifyRig) -> None:
    alerts = [make_alert(i) for i in range(5)]
    rig.send(*alerts)
    first = rig.service().run(max_alerts=2)
    assert first.delivered == 2 and rig.committed() == 2
    assert rig.emulator.alert_ids_posted() == [a.id for a in alerts[:2]]
    rest = rig.service().run(once=True)
    assert (rest.delivered, rest.duplicates) == (3, 0)
    assert_exactly_once(rig, alerts)
