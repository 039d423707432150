"""Webhook and console delivery end to end, and secrets that never leak."""

from __future__ import annotations

import logging
import socket
import time
from collections import Counter
from collections.abc import Iterator

import pytest

from newswatch.notifiers.base import build_notifier
from newswatch.notifiers.config import notifier_config_from_settings
from newswatch.notifiers.errors import FatalError
from newswatch.notifiers.service import NotifierStopped, SlackUnavailable
from newswatch.schemas.settings import Settings
from tests.notifier_support import FAST, NotifyRig, make_alert, notify_rig
from tests.slack_emulator import Fault

pytestmark = pytest.mark.kafka

@pytest.fixture
def rig(kafka_bootstrap: str, topic_prefix: str) -> Iterator[NotifyRig]:
    yield from notify_rig(kafka_bootstrap, topic_prefix)


def webhook_rig_settings(rig: NotifyRig, url: str) -> Settings:
    return rig.settings(slack_bot_token=None, slack_webhook_url=url)


def test_webhook_mode_end_to_end(rig: NotifyRig) -> None:
    url = rig.emulator.webhook_url("#hooked")
    settings = webhook_rig_settings(rig, url)
    name, config = notifier_config_from_settings(settings)
    assert name == "webhook"
    first = make_alert(1, channel="#hooked")
    follow = make_alert(2, channel="#hooked", kind="followup", parent=first)
    others = [make_alert(i, channel="#hooked") for i in range(3, 6)]
    rig.emulator.fail_next(1, Fault("rate_limited", retry_after=1), method="webhook")
    rig.emulator.fail_next(2, Fault("server_error", status=503), method="webhook")
    rig.send(first, follow, *others)
    report = rig.service(build_notifier(name, config), settings=settings).run(until_idle=1.5)
    assert report.delivered == 5
    texts = [m.text for m in rig.emulator.posts_in("#hooked")]
    assert len(texts) == 5 and texts[1].startswith("Meta Platforms: launch delayed: Another")
    assert all(m.via == "webhook" for m in rig.emulator.posts)
    statuses = Counter(c.status for c in rig.emulator.calls if c.method == "webhook")
    assert statuses == {200: 5, 429: 1, 503: 2}
    # Redelivered alerts are skipped through the ledger, as with a bot token.
    rig.send(first)
    again = rig.service(build_notifier(name, config), settings=settings).run(until_idle=1.5)
    assert again.duplicates == 1 and len(rig.emulator.posts) == 5


def test_webhook_errors_are_classified_without_leaking_the_url(
        rig: NotifyRig, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    url = rig.emulator.webhook_url("#hooked")
    secret = url.rsplit("/", 2)[-2]
    settings = webhook_rig_settings(rig, url)
    name, config = notifier_config_from_settings(settings)
    rig.emulator.add_channel("hooked", archived=True)
    rig.send(make_alert(1, channel="#hooked"))
    report = rig.service(build_notifier(name, config), settings=settings).run(until_idle=1.5)
    assert report.dead_lettered == 1
    [letter] = rig.dead_letters()
    assert "channel_is_archived" in letter.reason
    rig.emulator.add_channel("hooked", archived=False)
    rig.emulator.revoked = True
    rig.send(make_alert(2, channel="#hooked"))
    with pytest.raises(NotifierStopped, match="invalid_token: the webhook was revoked") as info:
        rig.service(build_notifier(name, config), settings=settings).run(until_idle=1.5)
    assert isinstance(info.value.cause, FatalError)
    for text in (caplog.text, letter.reason, str(info.value), repr(config)):
        assert secret not in text and url not in text


def test_unreachable_webhook_fails_at_start_naming_host_not_url(
        rig: NotifyRig, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with socket.socket() as probe:  # a port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/services/T0/B0/s3cr3t-webhook-path"
    settings = webhook_rig_settings(rig, url)
    name, config = notifier_config_from_settings(settings)
    rig.send(make_alert(1, channel="#hooked"))
    service = rig.service(build_notifier(name, config), settings=settings,
                          config=FAST.model_copy(update={"startup_timeout_s": 1.5}))
    started = time.monotonic()
    with pytest.raises(SlackUnavailable, match=rf"Slack did not answer within 1.5 s of "
                       rf"start-up: cannot reach Slack at 127.0.0.1:{port} \(Connection "
                       r"refused\)") as info:
        service.run()
    assert time.monotonic() - started < 5
    assert rig.committed() == 0  # the alert still waits in Kafka
    assert "s3cr3t" not in caplog.text and "s3cr3t" not in str(info.value)


def test_bot_token_never_reaches_logs(rig: NotifyRig,
                                      caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    rig.emulator.fail_next(1, Fault("rate_limited", retry_after=1), method="chat.postMessage")
    rig.emulator.fail_next(1, Fault("error", error="channel_not_found"),
                           method="chat.postMessage")
    rig.send(make_alert(1), make_alert(2))
    report = rig.run()
    assert (report.delivered, report.dead_lettered) == (1, 1)
    token = rig.emulator.token
    assert token not in caplog.text
    assert all(token not in d.reason for d in rig.dead_letters())
    assert token not in repr(rig.settings()) and token not in repr(rig.slack().__dict__)


def test_console_mode_prints_readable_alerts(rig: NotifyRig,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    settings = rig.settings(slack_bot_token=None)
    name, config = notifier_config_from_settings(settings)
    assert name == "console"
    rig.send(make_alert(1, article_title="Meta delays <Behemoth>", person="Chris Cox"))
    report = rig.service(build_notifier(name, config), settings=settings).run(until_idle=1.5)
    assert report.delivered == 1
    out = capsys.readouterr().out
    assert "[#alerts] Meta Platforms: launch delayed" in out
    assert "Title:    Meta delays <Behemoth>" in out
    assert "Link:     https://news.example/1" in out
    assert "Person: Chris Cox" in out
    assert rig.emulator.posts == []
