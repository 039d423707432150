"""What an operator sees of a running notifier: metrics, health, and recovery after an
outage that is noticed by probing Slack instead of waiting out each channel's backoff."""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from newswatch.notifiers.config import ServiceConfig
from newswatch.notifiers.service import DeliveryReport, NotifierService
from newswatch.telemetry.service import ServiceTelemetry
from tests.notifier_support import FAST, NotifyRig, make_alert, notify_rig
from tests.slack_emulator import Fault

pytestmark = pytest.mark.kafka


@pytest.fixture
def rig(kafka_bootstrap: str, topic_prefix: str) -> Iterator[NotifyRig]:
    yield from notify_rig(kafka_bootstrap, topic_prefix)


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def metric(text: str, line_start: str) -> float:
    """The value of the first sample line starting with ``line_start``."""
    for line in text.splitlines():
        if line.startswith(line_start):
            return float(line.rsplit(" ", 1)[1])
    raise AssertionError(f"no sample {line_start!r} in:\n{text}")


class Running:
    """A notifier service in a thread, served on a free port."""

    def __init__(self, rig: NotifyRig, config: ServiceConfig = FAST) -> None:
        settings = rig.settings(metrics_port=0)
        self.telemetry = ServiceTelemetry("notifier", settings).start()
        self.service = NotifierService(settings, rig.slack(), config=config,
                                       telemetry=self.telemetry)
        self.report: DeliveryReport | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)
        assert self.telemetry.server is not None
        self.url = self.telemetry.server.url

    def _run(self) -> None:
        self.report = self.service.run()

    def __enter__(self) -> Running:
        self.thread.start()
        deadline = time.monotonic() + 60
        while not self.service.health.report().ready:
            assert time.monotonic() < deadline, self.service.health.report().readiness()
            time.sleep(0.1)
        return self

    def __exit__(self, *exc: object) -> None:
        self.service.stop()
        self.thread.join(30)
        self.telemetry.stop()


def test_metrics_and_health_of_a_running_notifier(rig: NotifyRig) -> None:
    alerts = [make_alert(i, channel=f"#m{i % 2}") for i in range(3)]
    with Running(rig) as running:
        status, body = get(running.url + "/readyz")
        assert status == 200
        checks = json.loads(body)["checks"]
        assert checks["slack"]["ok"] and checks["ledger"]["ok"] and checks["kafka"]["ok"]
        assert get(running.url + "/healthz")[0] == 200
        rig.emulator.fail_next(1, Fault("rate_limited", retry_after=1), method="chat.postMessage")
        rig.send(*alerts)
        rig.send_raw(b'{"id": "broken"')
        assert rig.emulator.wait_for_posts(3, timeout=30)
        deadline = time.monotonic() + 15
        while True:  # the dead letter and the lag figure land a moment after the posts
            text = get(running.url + "/metrics")[1]
            if ('newswatch_dead_letters_total{stage="notify"} 1.0' in text
                    and "newswatch_consumer_lag{" in text) or time.monotonic() > deadline:
                break
            time.sleep(0.5)
    assert metric(text, 'newswatch_alerts_handled_total{outcome="delivered"}') == 3
    assert metric(text, 'newswatch_alerts_handled_total{outcome="invalid"}') == 1
    assert metric(text, 'newswatch_dead_letters_total{stage="notify"}') == 1
    assert metric(text, 'newswatch_slack_posts_total{notifier="slack",result="ok"}') == 3
    assert metric(text, 'newswatch_slack_post_seconds_count{notifier="slack"}') == 3
    # The 429 was waited out inside slack_sdk (its own retry), and counted.
    assert metric(text, 'newswatch_slack_rate_limit_waits_total{where="sdk"}') == 1
    assert metric(text, 'newswatch_slack_rate_limit_wait_seconds_total{where="sdk"}') >= 1.0
    assert metric(text, "newswatch_slack_up ") == 1
    lags = [line for line in text.splitlines() if line.startswith("newswatch_consumer_lag{")]
    assert lags and all(line.endswith(" 0.0") for line in lags), lags
    assert f'group="{rig.prefix}-notify"' in lags[0] and f'topic="{rig.prefix}.alerts"' in lags[0]


def test_recovery_is_probed_so_queued_alerts_go_out_soon_after_an_outage(
        rig: NotifyRig) -> None:
    # Backoff starting at 15 s: without probing, nothing would be retried for 15 s.
    slow_backoff = FAST.model_copy(update={"retry_initial_s": 15.0, "retry_max_s": 30.0})
    alerts = [make_alert(i, channel=f"#r{i}") for i in range(5)]
    with Running(rig, slow_backoff) as running:
        rig.emulator.outage(2.0)
        outage_ends = time.monotonic() + 2.0
        rig.send(*alerts)
        # Every channel fails once and backs off; the prober sees Slack back and wakes them.
        assert rig.emulator.wait_for_posts(5, timeout=30)
        last_post = time.monotonic()
        status, body = get(running.url + "/readyz")
        text = get(running.url + "/metrics")[1]
    assert last_post - outage_ends < 6.0, "queued alerts waited out their backoff"
    assert status == 200 and json.loads(body)["checks"]["slack"]["ok"]
    assert metric(text, 'newswatch_slack_retries_total{code="fatal_error"}') >= 1
    probes = [c for c in rig.emulator.calls if c.method == "auth.test"]
    assert len(probes) >= 2  # the start-up check, then at least one probe
    assert metric(text, "newswatch_slack_up ") == 1


def test_readiness_says_slack_is_down_during_an_outage(rig: NotifyRig) -> None:
    with Running(rig) as running:
        rig.emulator.outage(5.0)
        rig.send(make_alert(1, channel="#down"))
        deadline = time.monotonic() + 10
        while running.service.health.report().ready and time.monotonic() < deadline:
            time.sleep(0.1)
        status, body = get(running.url + "/readyz")
        text = get(running.url + "/metrics")[1]
        assert status == 503
        assert "not answering" in json.loads(body)["checks"]["slack"]["detail"]
        assert metric(text, "newswatch_slack_up ") == 0
        assert rig.emulator.wait_for_posts(1, timeout=20)
