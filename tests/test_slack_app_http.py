"""The Slack app's HTTP endpoint: only requests Slack signed, each used once, are acted on."""

from __future__ import annotations

import time
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest

from newswatch.notifiers.base import build_notifier
from newswatch.notifiers.config import SlackConfig
from tests.notifier_support import make_alert
from tests.slack_app_support import SIGNING_SECRET, AppRig, app_rig
from tests.slack_emulator import payloads
from tests.slack_emulator.people import HttpAnswer, SignedRequests, wait_for_response

pytestmark = pytest.mark.kafka

USER = "U0ALICE"


@pytest.fixture
def rig(kafka_bootstrap: str, topic_prefix: str) -> Iterator[AppRig]:
    yield from app_rig(kafka_bootstrap, topic_prefix)


@pytest.fixture
def slack(rig: AppRig) -> SignedRequests:
    app = rig.start("http")
    host, port = app.listen  # type: ignore[attr-defined]
    return SignedRequests(f"http://{host}:{port}/slack/events", SIGNING_SECRET, rig.emulator)


def _reply_text(answer: HttpAnswer) -> str:
    return "\n".join(b["text"]["text"] for b in answer.json()["blocks"] if "text" in b)


def test_a_signed_command_is_answered_in_the_response(rig: AppRig,
                                                      slack: SignedRequests) -> None:
    answer = slack.command("subscribe Meta layoffs", user=USER)
    assert answer.status == 200
    assert answer.json()["response_type"] == "ephemeral"
    assert "Subscribed #deals to Meta Platforms: layoffs" in _reply_text(answer)
    assert rig.subscription_records() == 1


@pytest.mark.parametrize(("how", "reason"), [
    ("bad signature", "invalid signature"),
    ("other secret", "invalid signature"),
    ("stale timestamp", "stale timestamp"),
    ("future timestamp", "stale timestamp"),
    ("no signature", "missing signature"),
])
def test_forged_and_stale_requests_are_refused_and_change_nothing(
        rig: AppRig, slack: SignedRequests, how: str, reason: str) -> None:
    now = int(time.time())
    body = urlencode(payloads.slash_command(
        rig.emulator, "subscribe Meta", user=USER, channel="#deals",
        response_url=rig.emulator.response_url()[0])).encode()
    form = "application/x-www-form-urlencoded"
    if how == "bad signature":
        answer = slack.post(body, form, signature="v0=" + "0" * 64)
    elif how == "other secret":
        answer = slack.post(body, form, secret="not-the-signing-secret")
    elif how == "stale timestamp":
        answer = slack.post(body, form, timestamp=now - 6 * 60)  # validly signed, but old
    elif how == "future timestamp":
        answer = slack.post(body, form, timestamp=now + 6 * 60)
    else:
        answer = slack.post(body, form, omit_signature=True)
    assert answer.status == 401 and reason in answer.body
    assert rig.subscription_records() == 0


def test_a_replayed_request_is_refused_and_changes_nothing(rig: AppRig,
                                                           slack: SignedRequests) -> None:
    first = slack.command("mute Meta 1h", user=USER)
    assert first.status == 200 and "Muted Meta Platforms" in _reply_text(first)
    until = [m.until for s in rig.channel_states().values() for m in s.mutes]
    time.sleep(1.1)  # a replay a moment later would otherwise push the mute's end out
    replay = slack.resend(first.sent)
    assert replay.status == 401 and "replayed request" in replay.body
    assert rig.subscription_records() == 1
    assert [m.until for s in rig.channel_states().values() for m in s.mutes] == until
    # A new request (new timestamp, new signature) for the same thing is fine.
    assert slack.command("list", user=USER).status == 200


def test_a_body_changed_after_signing_is_refused(rig: AppRig, slack: SignedRequests) -> None:
    first = slack.command("list", user=USER)
    tampered = first.sent.body.replace(b"text=list", b"text=subscribe+Meta")
    answer = slack.resend(type(first.sent)(tampered, first.sent.headers))
    assert answer.status == 401 and "invalid signature" in answer.body
    assert rig.subscription_records() == 0


def test_events_api_url_check_clicks_and_redelivered_events(rig: AppRig,
                                                            slack: SignedRequests) -> None:
    challenge = slack.event({"type": "url_verification", "challenge": "c-123"})
    assert challenge.status == 200 and challenge.json() == {"challenge": "c-123"}
    notifier = build_notifier("slack", SlackConfig(
        token=rig.emulator.token, base_url=rig.emulator.base_url, feedback_buttons=True))
    alert = make_alert(1, channel="#deals")
    notifier.send(alert, None)
    [message] = rig.emulator.posts_in("#deals")
    click = slack.click(message, "newswatch_wrong_company", user=USER)
    assert click.status == 200 and click.body == ""  # acknowledged at once, answered after
    assert click.response_id is not None
    thanks = wait_for_response(rig.emulator, click.response_id)
    assert thanks is not None and "about the wrong company" in thanks.text
    # Slack retries an event whose answer was slow (3 s at the least): a newly signed
    # request with a later timestamp, and the same event_id.
    event = payloads.reaction(message, "+1", user="U0BOB", item_user="UNEWSWATCH",
                              event_id="EvRETRY1")
    now = int(time.time())
    assert slack.event(event, timestamp=now - 3).status == 200
    assert slack.event(event, timestamp=now).status == 200
    deadline = time.monotonic() + 15
    while len(rig.feedback()) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)
    assert sorted((f.user, f.label) for f in rig.feedback()) == [
        ("U0ALICE", "wrong_company"), ("U0BOB", "useful")]


def test_anything_else_is_a_bad_request(rig: AppRig, slack: SignedRequests) -> None:
    answer = slack.post(b"hello=world", "application/x-www-form-urlencoded")
    assert answer.status == 400 and "not a Slack command" in answer.body
