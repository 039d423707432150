"""Feed-health alerts: a feed that turns unhealthy or quiet alerts the ops channel once per
change, through the alerts topic, and again when it recovers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newswatch.producers import run_once
from newswatch.producers.health_alerts import HealthAlerter
from newswatch.schemas.alert import FeedHealthAlert, parse_any_alert
from newswatch.schemas.feeds import FeedState, HealthAlerts
from newswatch.schemas.settings import Settings, load_settings
from tests.feed_server import FeedServer
from tests.feed_server import feed_server as _feed_server_fixture
from tests.test_producer_http import rss
from tests.test_producer_kafka import read_topic

feed_server = _feed_server_fixture
NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)
OPS = HealthAlerts(channel="#newswatch-ops", mentions=["here"])


def _state(**kw: object) -> FeedState:
    base: dict[str, object] = dict(feed_id="f1", name="wire", location="https://x/feed",
                                   first_polled=NOW - timedelta(days=10),
                                   last_success=NOW - timedelta(minutes=5),
                                   last_new_item=NOW - timedelta(hours=1),
                                   quiet_after=86400.0, unhealthy_after=3)
    base.update(kw)
    return FeedState.model_validate(base)


def test_each_change_alerts_once_and_recovery_clears() -> None:
    alerter = HealthAlerter(OPS)
    assert alerter.changes([_state()], NOW) == []
    quiet = _state(last_new_item=NOW - timedelta(days=3))
    [(alert, saved)] = alerter.changes([quiet], NOW)
    assert (alert.status, alert.channel, alert.mentions) == ("quiet", "#newswatch-ops", ["here"])
    assert "no new item for 3d" in alert.reason
    assert saved.health_alerted == "quiet"
    assert alerter.changes([saved], NOW + timedelta(hours=1)) == []  # no repeat
    # It fails, too: a different bad status is a new alert.
    failing = saved.model_copy(update={"consecutive_failures": 3, "last_error": "HTTP 500"})
    [(alert2, saved2)] = alerter.changes([failing], NOW)
    assert alert2.status == "unhealthy" and "HTTP 500" in alert2.reason
    back = saved2.model_copy(update={"consecutive_failures": 0,
                                     "last_new_item": NOW, "last_success": NOW})
    [(alert3, saved3)] = alerter.changes([back], NOW)
    assert alert3.status == "recovered" and saved3.health_alerted is None
    assert len({alert.id, alert2.id, alert3.id}) == 3


def test_alert_ids_are_stable_for_the_same_change() -> None:
    quiet = _state(last_new_item=NOW - timedelta(days=3))
    [(first, _)] = HealthAlerter(OPS).changes([quiet], NOW)
    [(again, _)] = HealthAlerter(OPS).changes([quiet], NOW + timedelta(minutes=1))
    assert first.id == again.id  # a re-send after a crash is the same alert


@pytest.mark.kafka
def test_failing_feed_alerts_ops_channel_through_alerts_topic(
        tmp_path: Path, feed_server: FeedServer, kafka_bootstrap: str,
        topic_prefix: str) -> None:
    settings: Settings = load_settings(kafka_bootstrap=kafka_bootstrap, topic_prefix=topic_prefix)
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(
        "defaults:\n  timeout: 5s\n  unhealthy_after: 2\n"
        "health_alerts:\n  channel: '#newswatch-ops'\n"
        f"feeds:\n  - url: {feed_server.url('wire.xml')}\n    name: wire\n")
    for _ in range(3):  # the file is missing: 404 three times
        report = run_once(settings, feeds)
        assert report.feeds_failed == 1
    feed_server.write("wire.xml", rss(("tag:wire,2026:1", "Acme opens a plant")))
    assert run_once(settings, feeds).feeds_ok == 1
    alerts = [parse_any_alert(v) for _, v in read_topic(kafka_bootstrap, f"{topic_prefix}.alerts")]
    assert all(isinstance(a, FeedHealthAlert) for a in alerts)
    assert [(a.status, a.feed_name, a.channel) for a in alerts] == [  # type: ignore[union-attr]
        ("unhealthy", "wire", "#newswatch-ops"), ("recovered", "wire", "#newswatch-ops")]


class _RecordingPublisher:
    def __init__(self) -> None:
        self.sent: list[FeedHealthAlert] = []

    def publish(self, alerts: list[FeedHealthAlert]) -> None:
        self.sent.extend(alerts)

    def close(self) -> None:
        pass


def test_health_check_during_a_slow_poll_alerts_once(feed_server: FeedServer) -> None:
    """A poll in flight while the health check runs must not erase what was alerted."""
    import asyncio

    from newswatch.producers.config import FeedSpec
    from newswatch.producers.poller import FeedPoller
    from newswatch.producers.publisher import MemoryArticleSink
    from newswatch.producers.scheduler import FeedRunner
    from newswatch.producers.state import MemoryStateStore

    spec = FeedSpec.for_url(feed_server.url("slow/1/missing.xml"), "slow-wire")
    publisher = _RecordingPublisher()
    failing = _state(feed_id=spec.feed_id, consecutive_failures=5, last_error="HTTP 404",
                     unhealthy_after=2)
    store = MemoryStateStore()
    store.save(failing)
    runner = FeedRunner([spec], FeedPoller(MemoryArticleSink()), store,
                        health_alerts=(HealthAlerter(OPS), publisher))

    async def scenario() -> None:
        runner.states = store.load()
        runner._loaded = True
        source_poll = asyncio.create_task(runner.run_once())
        await asyncio.sleep(0.3)  # the poll is waiting on the slow server
        await runner.check_health()  # health check while it is in flight
        await source_poll
        await runner.check_health()
        await runner.check_health()

    asyncio.run(scenario())
    assert [a.status for a in publisher.sent] == ["unhealthy"]
    assert runner.states[spec.feed_id].health_alerted == "unhealthy"
