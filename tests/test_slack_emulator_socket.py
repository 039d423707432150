"""The emulator's Socket Mode and signed HTTP answer slack-sdk's own clients like Slack."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.signature import SignatureVerifier
from slack_sdk.socket_mode.aiohttp import SocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse
from slack_sdk.web.async_client import AsyncWebClient

from tests.slack_emulator import SlackEmulator, running_emulator
from tests.slack_emulator.people import SignedRequests


@pytest.fixture
def emulator() -> Iterator[SlackEmulator]:
    yield from running_emulator()


class _Client:
    """slack-sdk's aiohttp SocketModeClient on a loop of its own; acks with an echo."""

    def __init__(self, emulator: SlackEmulator) -> None:
        self.received: list[SocketModeRequest] = []
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.client: Any = self._run(self._connect(emulator))

    def _run(self, coroutine: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(15)

    async def _connect(self, emulator: SlackEmulator) -> SocketModeClient:
        client = SocketModeClient(app_token=emulator.app_token, ping_interval=0.3,
                                  web_client=AsyncWebClient(base_url=emulator.base_url))

        async def listener(c: Any, request: SocketModeRequest) -> None:
            self.received.append(request)
            await c.send_socket_mode_response(SocketModeResponse(
                request.envelope_id, {"text": f"echo {request.payload.get('text')}"}))

        client.socket_mode_request_listeners.append(listener)
        await client.connect()
        return client

    def close(self) -> None:
        self._run(self.client.close())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


def test_connections_open_takes_only_the_app_level_token(emulator: SlackEmulator) -> None:
    web = WebClient(base_url=emulator.base_url, timeout=2)
    with pytest.raises(SlackApiError, match="not_allowed_token_type"):
        web.apps_connections_open(app_token=emulator.token)
    with pytest.raises(SlackApiError, match="invalid_auth"):
        web.apps_connections_open(app_token="xapp-wrong")
    url = web.apps_connections_open(app_token=emulator.app_token)["url"]
    assert url.startswith("ws://127.0.0.1:")


def test_envelopes_are_acknowledged_with_their_payload(emulator: SlackEmulator) -> None:
    client = _Client(emulator)
    try:
        socket = emulator.socket_mode
        assert socket is not None
        ack = socket.send("slash_commands", {"text": "hi"}, accepts_response_payload=True)
        assert ack is not None and ack.payload == {"text": "echo hi"}
        assert ack.seconds < 3
        assert [r.type for r in client.received] == ["slash_commands"]
    finally:
        client.close()


def test_refresh_and_a_dropped_socket_make_the_client_reconnect(emulator: SlackEmulator) -> None:
    client = _Client(emulator)
    socket = emulator.socket_mode
    assert socket is not None
    try:
        socket.wait_connected(1)
        socket.request_refresh(grace_s=0.5)
        socket.wait_connected(2)
        assert socket.send("slash_commands", {"text": "after refresh"},
                           accepts_response_payload=True) is not None
        socket.drop()
        socket.wait_connected(3)
        ack = socket.send("slash_commands", {"text": "after drop"},
                          accepts_response_payload=True)
        assert ack is not None and ack.payload == {"text": "echo after drop"}
        # A used URL opens nothing: each connection needs a fresh apps.connections.open.
        assert socket.opened == 3
    finally:
        client.close()


def test_an_envelope_nobody_acknowledges_is_reported_unacked(emulator: SlackEmulator) -> None:
    client = _Client(emulator)
    socket = emulator.socket_mode
    assert socket is not None
    try:
        client.client.socket_mode_request_listeners.clear()
        started = time.monotonic()
        assert socket.send("events_api", {"event_id": "Ev1"}, accepts_response_payload=False,
                           timeout=0.5) is None
        assert time.monotonic() - started >= 0.5 and len(socket.unacked) == 1
    finally:
        client.close()


def test_signed_requests_pass_slack_sdks_verifier(emulator: SlackEmulator) -> None:
    signer = SignedRequests("http://127.0.0.1:1/", "s3cret", emulator)
    body, stamp = b"command=%2Fnewswatch&text=list", int(time.time())
    verifier = SignatureVerifier("s3cret")
    assert verifier.is_valid(body, str(stamp), signer.sign(body, stamp))
    assert not verifier.is_valid(body, str(stamp), signer.sign(body, stamp, secret="other"))
    assert not verifier.is_valid(body, str(stamp - 301), signer.sign(body, stamp - 301))


def test_conversations_info_and_usergroups(emulator: SlackEmulator) -> None:
    web = WebClient(token=emulator.token, base_url=emulator.base_url, timeout=2)
    deals = emulator.add_channel("deals")
    hidden = emulator.add_channel("secret", private=True, member=False)
    emulator.add_usergroup("S0ADMINS", "U1", "U2")
    assert web.conversations_info(channel=deals)["channel"]["is_member"] is True
    with pytest.raises(SlackApiError, match="channel_not_found"):
        web.conversations_info(channel=hidden)
    assert "secret" not in [c["name"] for c in web.conversations_list()["channels"]]
    assert web.usergroups_users_list(usergroup="S0ADMINS")["users"] == ["U1", "U2"]
    with pytest.raises(SlackApiError, match="no_such_subteam"):
        web.usergroups_users_list(usergroup="S0NONE")
