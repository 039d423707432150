"""The Slack emulator answers the real slack_sdk clients the way Slack does."""

from __future__ import annotations

import json
import time
import urllib.request
from collections.abc import Iterator

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from tests.slack_emulator import Fault, SlackEmulator, running_emulator


@pytest.fixture
def emulator() -> Iterator[SlackEmulator]:
    yield from running_emulator()


def client(emulator: SlackEmulator, token: str | None = None) -> WebClient:
    return WebClient(token=token or emulator.token, base_url=emulator.base_url, timeout=2)


def test_token_is_checked(emulator: SlackEmulator) -> None:
    assert client(emulator).auth_test()["user_id"] == "UNEWSWATCH"
    with pytest.raises(SlackApiError, match="invalid_auth"):
        client(emulator, "xoxb-wrong").auth_test()
    emulator.revoked = True
    with pytest.raises(SlackApiError, match="token_revoked"):
        client(emulator).chat_postMessage(channel="#general", text="hi")
    assert emulator.posts == []


def test_post_returns_ts_channel_and_metadata_and_history_finds_it(
        emulator: SlackEmulator) -> None:
    web = client(emulator)
    meta = {"event_type": "newswatch_alert", "event_payload": {"alert_id": "a1"}}
    posted = web.chat_postMessage(channel="#general", text="hello", metadata=meta)
    cid = emulator.channel_id("general")
    assert posted["channel"] == cid and posted["message"]["metadata"] == meta
    reply = web.chat_postMessage(channel=cid, text="in thread", thread_ts=posted["ts"])
    assert float(reply["ts"]) > float(posted["ts"])
    # History holds top-level messages only, newest first; metadata only when asked for.
    plain = web.conversations_history(channel=cid)["messages"]
    assert [m["ts"] for m in plain] == [posted["ts"]] and "metadata" not in plain[0]
    full = web.conversations_history(channel=cid, include_all_metadata=True)["messages"]
    assert full[0]["metadata"] == meta
    thread = web.conversations_replies(channel=cid, ts=posted["ts"])["messages"]
    assert [m["text"] for m in thread] == ["hello", "in thread"]
    with pytest.raises(SlackApiError, match="channel_not_found"):
        web.conversations_history(channel="#general")  # reading needs the id, as on Slack
    assert [m.alert_id for m in emulator.posts] == ["a1", None]


def test_history_pages_with_cursor(emulator: SlackEmulator) -> None:
    web = client(emulator)
    for i in range(5):
        web.chat_postMessage(channel="#general", text=f"m{i}")
    cid = emulator.channel_id("general")
    first = web.conversations_history(channel=cid, limit=2)
    second = web.conversations_history(channel=cid, limit=2,
                                       cursor=first["response_metadata"]["next_cursor"])
    assert [m["text"] for m in first["messages"] + second["messages"]] == [
        "m4", "m3", "m2", "m1"]
    assert first["has_more"] is True


def test_limits_are_enforced_like_slack(emulator: SlackEmulator) -> None:
    web = client(emulator)
    long_section = [{"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}]
    with pytest.raises(SlackApiError, match="invalid_blocks"):
        web.chat_postMessage(channel="#general", text="t", blocks=long_section)
    too_many = [{"type": "divider"}] * 51
    with pytest.raises(SlackApiError, match="invalid_blocks"):
        web.chat_postMessage(channel="#general", text="t", blocks=too_many)
    with pytest.raises(SlackApiError, match="msg_too_long"):
        web.chat_postMessage(channel="#general", text="x" * 40_001)
    # slack-sdk warns before sending a message without text; the emulator must refuse it.
    with pytest.raises(SlackApiError, match="no_text"), pytest.warns(UserWarning, match="text"):
        web.chat_postMessage(channel="#general", text="")
    assert emulator.posts == []


def test_channel_states(emulator: SlackEmulator) -> None:
    emulator.add_channel("archive", archived=True)
    emulator.add_channel("secret", member=False)
    emulator.auto_create_channels = False
    web = client(emulator)
    for channel, error in [("#archive", "is_archived"), ("#secret", "not_in_channel"),
                           ("#nowhere", "channel_not_found")]:
        with pytest.raises(SlackApiError, match=error):
            web.chat_postMessage(channel=channel, text="x")
    names = {c["name"] for c in web.conversations_list()["channels"]}
    assert {"general", "archive", "secret"} <= names


def test_update_edits_in_place(emulator: SlackEmulator) -> None:
    web = client(emulator)
    posted = web.chat_postMessage(channel="#general", text="before")
    web.chat_update(channel=posted["channel"], ts=posted["ts"], text="after")
    [message] = emulator.posts
    assert message.text == "after" and message.edits[0]["text"] == "before"
    with pytest.raises(SlackApiError, match="message_not_found"):
        web.chat_update(channel=posted["channel"], ts="1.000001", text="x")


def test_rate_limit_answers_429_with_retry_after(emulator: SlackEmulator) -> None:
    emulator.rate_limit(1.0, retry_after=3)
    web = client(emulator)
    web.chat_postMessage(channel="#general", text="one")
    with pytest.raises(SlackApiError) as info:
        web.chat_postMessage(channel="#general", text="two")
    assert info.value.response.status_code == 429
    assert info.value.response.headers["Retry-After"] == "3"
    web.chat_postMessage(channel="#other", text="other channels are not limited")
    assert len(emulator.posts) == 2


def test_faults_for_next_calls_and_outage(emulator: SlackEmulator) -> None:
    web = client(emulator)
    emulator.fail_next(1, Fault("server_error", status=502), method="chat.postMessage")
    with pytest.raises(SlackApiError) as info:
        web.chat_postMessage(channel="#general", text="x")
    assert info.value.response.status_code == 502
    web.chat_postMessage(channel="#general", text="y")
    emulator.fail_next(1, Fault("timeout", seconds=3), method="chat.postMessage")
    started = time.monotonic()
    with pytest.raises(TimeoutError):
        web.chat_postMessage(channel="#general", text="z")
    assert time.monotonic() - started < 2.9
    emulator.outage(0.5)
    with pytest.raises(SlackApiError, match="fatal_error"):
        web.auth_test()
    time.sleep(0.6)
    assert web.auth_test()["ok"]
    assert [m.text for m in emulator.posts] == ["y"]


def test_after_post_faults_record_the_post(emulator: SlackEmulator) -> None:
    web = client(emulator)
    emulator.fail_next(1, Fault("server_error_after_post", status=500))
    with pytest.raises(SlackApiError):
        web.chat_postMessage(channel="#general", text="landed anyway")
    assert [m.text for m in emulator.posts] == ["landed anyway"]


def test_webhook_posts_and_answers_in_plain_text(emulator: SlackEmulator) -> None:
    url = emulator.webhook_url("#hooked")
    hook = WebhookClient(url)
    response = hook.send(text="hello")
    assert (response.status_code, response.body) == (200, "ok")
    assert [m.text for m in emulator.posts_in("#hooked")] == ["hello"]
    assert WebhookClient(url + "x").send(text="?").body == "no_service"
    emulator.add_channel("hooked", archived=True)
    assert hook.send(text="late").status_code == 410
    emulator.revoked = True
    assert hook.send(text="late").body == "invalid_token"


def test_control_api_injects_faults_over_http(emulator: SlackEmulator) -> None:
    request = urllib.request.Request(
        f"http://127.0.0.1:{emulator.port}/_emulator/fault",
        data=json.dumps({"kind": "error", "error": "channel_not_found",
                         "method": "chat.postMessage", "times": 1}).encode(),
        headers={"Content-Type": "application/json"})
    urllib.request.urlopen(request, timeout=2).read()
    with pytest.raises(SlackApiError, match="channel_not_found"):
        client(emulator).chat_postMessage(channel="#general", text="x")
    client(emulator).chat_postMessage(channel="#general", text="y")
    with urllib.request.urlopen(
            f"http://127.0.0.1:{emulator.port}/_emulator/posts", timeout=2) as answer:
        assert [p["text"] for p in json.load(answer)["posts"]] == ["y"]


def test_held_post_is_recorded_before_the_answer(emulator: SlackEmulator) -> None:
    import threading

    seen: list[str] = []
    emulator.on_post(lambda m: seen.append(m.text))
    emulator.hold_posts(1)
    result: dict[str, object] = {}
    thread = threading.Thread(target=lambda: result.update(
        r=client(emulator).chat_postMessage(channel="#general", text="held")))
    thread.start()
    assert emulator.wait_for_posts(1, timeout=5)
    time.sleep(0.2)
    assert seen == ["held"] and "r" not in result
    emulator.release()
    thread.join(5)
    assert result["r"]["ok"]  # type: ignore[index]
