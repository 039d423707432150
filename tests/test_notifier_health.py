"""Feed-health alerts share the alerts topic and the notifier with company alerts."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

import pytest

from newswatch.notifiers.config import ConsoleConfig
from newswatch.notifiers.console import ConsoleNotifier
from newswatch.notifiers.health_render import render_health
from newswatch.schemas.alert import FeedHealthAlert
from tests.notifier_support import NotifyRig, make_alert, notify_rig

HOSTILE = FeedHealthAlert(channel="#newswatch-ops", feed_id="f1",
                          feed_name="<!channel> wire", location="https://x/<@U123>",
                          status="unhealthy", reason="HTTP 500 <https://evil|bank>",
                          consecutive_failures=5, mentions=["here"])


def test_health_message_escapes_feed_text_and_pings_only_configured() -> None:
    message = render_health(HOSTILE)
    # Slack parses mentions and links in the fallback text and mrkdwn, not in plain_text.
    mrkdwn = [b for b in message.blocks if b["type"] != "header"]
    payload = message.text + json.dumps(mrkdwn)
    assert "<!here>" in payload  # configured on the ops channel
    assert "<!channel>" not in payload and "<@U123>" not in payload
    assert "<https://evil|bank>" not in payload
    assert "is failing" in payload and "Failures in a row: 5" in payload
    assert message.blocks[1]["text"] == {"type": "plain_text",
                                         "text": "Feed <!channel> wire is failing"}
    assert message.metadata["event_payload"]["alert_id"] == HOSTILE.id


def test_console_prints_health_alerts() -> None:
    out = io.StringIO()
    ConsoleNotifier(ConsoleConfig(), stream=out).send(HOSTILE, None)
    assert "[#newswatch-ops] Feed <!channel> wire is failing" in out.getvalue()


@pytest.fixture
def rig(kafka_bootstrap: str, topic_prefix: str) -> Iterator[NotifyRig]:
    yield from notify_rig(kafka_bootstrap, topic_prefix)


@pytest.mark.kafka
def test_health_and_company_alerts_are_both_delivered_once(rig: NotifyRig) -> None:
    company = make_alert(1, channel="#newswatch-ops")
    rig.send(company)
    rig.send_raw(HOSTILE.to_json_bytes(), key=b"#newswatch-ops")
    rig.send_raw(HOSTILE.to_json_bytes(), key=b"#newswatch-ops")  # a producer re-send
    report = rig.run()
    assert report.delivered == 2
    posts = rig.emulator.posts_in("#newswatch-ops")
    assert sorted(p.alert_id or "" for p in posts) == sorted([company.id, HOSTILE.id])
    assert rig.dead_letters() == []
