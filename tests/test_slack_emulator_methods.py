"""The emulator's less travelled paths: each method's refusals, each fault kind, control."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from tests.slack_emulator import Fault, SlackEmulator, running_emulator
from tests.slack_emulator.server import API_METHODS

META = {"event_type": "newswatch_alert", "event_payload": {"alert_id": "a7"}}


@pytest.fixture
def emulator() -> Iterator[SlackEmulator]:
    yield from running_emulator()


def client(emulator: SlackEmulator) -> WebClient:
    return WebClient(token=emulator.token, base_url=emulator.base_url, timeout=2)


def control(emulator: SlackEmulator, action: str, body: dict[str, object]) -> tuple[int, str]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{emulator.port}/_emulator/{action}", data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=2) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_every_method_newswatch_calls_is_registered() -> None:
    assert set(API_METHODS) == {
        "auth.test", "chat.postMessage", "chat.update", "conversations.history",
        "conversations.replies", "conversations.list",
        # The Slack app's: Socket Mode, channel membership, admin user groups, App Home.
        "apps.connections.open", "conversations.info", "usergroups.users.list",
        "views.publish"}


def test_unknown_method_and_missing_token(emulator: SlackEmulator) -> None:
    with pytest.raises(SlackApiError, match="unknown_method"):
        client(emulator).api_call("chat.delete", json={"channel": "#general"})
    with pytest.raises(SlackApiError, match="not_authed"):
        WebClient(base_url=emulator.base_url, timeout=2).auth_test()
    emulator.account_inactive = True
    with pytest.raises(SlackApiError, match="account_inactive"):
        client(emulator).auth_test()


def test_post_refusals(emulator: SlackEmulator) -> None:
    web = client(emulator)
    with pytest.raises(SlackApiError, match="invalid_metadata_format"):
        web.chat_postMessage(channel="#general", text="x", metadata={"event_type": "e"})
    with pytest.raises(SlackApiError, match="thread_not_found"):
        web.chat_postMessage(channel="#general", text="x", thread_ts="1.000001")
    with pytest.raises(SlackApiError, match="channel_not_found"):
        web.chat_postMessage(channel="C99999999", text="ids are never auto-created")
    posted = web.chat_postMessage(channel="#general", text="x")
    with pytest.raises(SlackApiError, match="channel_not_found"):
        web.chat_update(channel="#general", ts=posted["ts"], text="y")  # update wants the id
    with pytest.raises(SlackApiError, match="thread_not_found"):
        web.conversations_replies(channel=posted["channel"], ts="1.000001")
    assert [(c.method, c.error) for c in emulator.calls][-2:] == [
        ("chat.update", "channel_not_found"), ("conversations.replies", "thread_not_found")]


def test_calls_carry_the_alert_id_of_the_post(emulator: SlackEmulator) -> None:
    emulator.fail_next(1, Fault("error", error="boom"), method="chat.postMessage")
    with pytest.raises(SlackApiError, match="boom"):
        client(emulator).chat_postMessage(channel="#general", text="x", metadata=META)
    client(emulator).chat_postMessage(channel="#general", text="x", metadata=META)
    assert [(c.error, c.alert_id) for c in emulator.calls] == [("boom", "a7"), (None, "a7")]


def test_list_pages(emulator: SlackEmulator) -> None:
    for name in ("b", "c", "d"):
        emulator.add_channel(name)
    first = client(emulator).conversations_list(limit=3)
    rest = client(emulator).conversations_list(
        limit=3, cursor=first["response_metadata"]["next_cursor"])
    assert [c["name"] for c in first["channels"] + rest["channels"]] == [
        "general", "b", "c", "d"]
    assert rest["response_metadata"]["next_cursor"] == ""


def test_disconnect_skip_and_channel_faults(emulator: SlackEmulator) -> None:
    web = client(emulator)
    emulator.fail_next(1, Fault("disconnect"), method="auth.test")
    assert web.auth_test()["ok"]  # slack_sdk retries a dropped connection once by default
    assert [(c.status, c.error) for c in emulator.calls] == [(0, "disconnect"), (200, None)]
    emulator.fail_next(1, Fault("error", error="second"), channel="#general", skip=1)
    web.chat_postMessage(channel="#general", text="first passes")
    with pytest.raises(SlackApiError, match="second"):
        web.chat_postMessage(channel="#general", text="second fails")
    emulator.fail_channel("#general", Fault("server_error", status=503))
    with pytest.raises(SlackApiError):
        web.chat_postMessage(channel="#general", text="blocked")
    web.chat_postMessage(channel="#other", text="other channels pass")
    emulator.fail_channel("#general", None)
    web.chat_postMessage(channel="#general", text="unblocked")
    assert [m.text for m in emulator.posts] == ["first passes", "other channels pass", "unblocked"]


def test_webhook_faults_answer_in_plain_text(emulator: SlackEmulator) -> None:
    hook = WebhookClient(emulator.webhook_url("#hooked"))
    emulator.fail_next(1, Fault("rate_limited", retry_after=5), method="webhook")
    limited = hook.send(text="x")
    assert (limited.status_code, limited.body) == (429, "rate_limited")
    assert limited.headers["Retry-After"] == "5"
    emulator.fail_next(1, Fault("error", error="invalid_payload"), method="webhook")
    assert (hook.send(text="x").status_code, hook.send(text="y").status_code) == (400, 200)
    emulator.fail_next(1, Fault("timeout_after_post", seconds=0.1), method="webhook")
    assert hook.send(text="late").status_code == 504
    assert hook.send(text="").body == "no_text"
    assert [m.text for m in emulator.posts] == ["y", "late"]


def test_control_outage_clear_and_unknown(emulator: SlackEmulator) -> None:
    assert control(emulator, "outage", {"seconds": 30, "status": 502}) == (200, '{"ok": true}')
    with pytest.raises(SlackApiError) as info:
        client(emulator).auth_test()
    assert info.value.response.status_code == 502
    assert control(emulator, "clear", {})[0] == 200
    assert client(emulator).auth_test()["ok"]
    assert control(emulator, "rewind", {}) == (404, "unknown control action")


def test_timeout_after_post_keeps_the_post(emulator: SlackEmulator) -> None:
    emulator.fail_next(1, Fault("timeout_after_post", seconds=3))
    started = time.monotonic()
    with pytest.raises(TimeoutError):
        client(emulator).chat_postMessage(channel="#general", text="landed")
    assert time.monotonic() - started < 2.9
    assert [m.text for m in emulator.posts] == ["landed"]
