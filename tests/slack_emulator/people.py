"""People using a Slack app, as tests drive them: over Socket Mode, or over signed HTTP.

``SocketModePerson`` types commands, clicks buttons and reacts through the emulator's
Socket Mode server. ``SignedRequests`` is what Slack's HTTP side does for an app with a
request URL: it signs each body with the signing secret (``v0=HMAC-SHA256``) and can also
send what a forger would (bad signature, stale timestamp, a replay of a captured request).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from tests.slack_emulator import payloads
from tests.slack_emulator.emulator import SlackEmulator
from tests.slack_emulator.socket_mode import Ack
from tests.slack_emulator.workspace import BOT_USER_ID, Message


@dataclass(frozen=True)
class AppReply:
    """What the app answered: the acknowledgement's payload or its response_url post."""

    payload: dict[str, Any]
    via: str  # "ack" or "response_url"

    @property
    def text(self) -> str:
        """Every piece of text in the reply's blocks, one per line (the fallback if none)."""
        parts = []
        for block in self.payload.get("blocks") or []:
            if isinstance(block.get("text"), dict):
                parts.append(block["text"]["text"])
            for element in block.get("elements") or []:
                if isinstance(element, dict) and "text" in element:
                    parts.append(str(element["text"]))
        return "\n".join(parts) or str(self.payload.get("text", ""))

    @property
    def ephemeral(self) -> bool:
        return self.payload.get("response_type", "ephemeral") == "ephemeral"


def wait_for_response(emulator: SlackEmulator, response_id: str,
                      timeout: float = 10.0) -> AppReply | None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = emulator.responses_to(response_id)
        if found:
            return AppReply(found[0], "response_url")
        time.sleep(0.02)
    return None


class SocketModePerson:
    def __init__(self, emulator: SlackEmulator, user: str = "U0ALICE",
                 name: str = "alice") -> None:
        self.emulator, self.user = emulator, emulator.add_user(user, name)

    @property
    def _socket(self) -> Any:
        assert self.emulator.socket_mode is not None
        return self.emulator.socket_mode

    def command(self, text: str, channel: str = "#deals", *,
                trigger: str | None = None) -> AppReply:
        """``/newswatch <text>`` in ``channel``; the app's reply (asserted to come)."""
        url, response_id = self.emulator.response_url()
        payload = payloads.slash_command(self.emulator, text, user=self.user, channel=channel,
                                         response_url=url, trigger=trigger)
        ack = self._socket.send("slash_commands", payload, accepts_response_payload=True)
        assert ack is not None, f"the app did not acknowledge {text!r} within 3 s"
        if ack.payload:
            return AppReply(ack.payload, "ack")
        reply = wait_for_response(self.emulator, response_id)
        assert reply is not None, f"the app never answered {text!r}"
        return reply

    def click(self, message: Message, action_id: str) -> AppReply | None:
        url, response_id = self.emulator.response_url()
        payload = payloads.block_actions(self.emulator, message, action_id, user=self.user,
                                         response_url=url)
        ack = self._socket.send("interactive", payload, accepts_response_payload=False)
        assert ack is not None, "the app did not acknowledge the click within 3 s"
        return wait_for_response(self.emulator, response_id)

    def react(self, message: Message, emoji: str = "+1", *, removed: bool = False,
              event_id: str | None = None, retry_attempt: int = 0,
              item_user: str = BOT_USER_ID) -> Ack | None:
        event = payloads.reaction(message, emoji, user=self.user, item_user=item_user,
                                  removed=removed, event_id=event_id)
        return self._socket.send("events_api", event, accepts_response_payload=False,
                                 retry_attempt=retry_attempt,
                                 retry_reason="timeout" if retry_attempt else None)


    def open_home(self) -> Ack | None:
        return self._socket.send("events_api", payloads.app_home_opened(self.user),
                                 accepts_response_payload=False)


@dataclass(frozen=True)
class SentRequest:
    body: bytes
    headers: dict[str, str]


@dataclass(frozen=True)
class HttpAnswer:
    status: int
    body: str
    sent: SentRequest
    response_id: str | None = None

    def json(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.body)
        return data


class SignedRequests:
    """POSTs to an app's request URL signed like Slack's, or deliberately not."""

    def __init__(self, url: str, signing_secret: str, emulator: SlackEmulator) -> None:
        self.url, self.secret, self.emulator = url, signing_secret, emulator

    def sign(self, body: bytes, timestamp: int, secret: str | None = None) -> str:
        base = b"v0:" + str(timestamp).encode() + b":" + body
        key = (secret or self.secret).encode()
        return "v0=" + hmac.new(key, base, hashlib.sha256).hexdigest()

    def command(self, text: str, *, user: str, channel: str = "#deals",
                timestamp: int | None = None, signature: str | None = None,
                secret: str | None = None) -> HttpAnswer:
        url, response_id = self.emulator.response_url()
        payload = payloads.slash_command(self.emulator, text, user=user, channel=channel,
                                         response_url=url)
        body = urlencode(payload).encode()
        answer = self.post(body, "application/x-www-form-urlencoded", timestamp=timestamp,
                           signature=signature, secret=secret)
        return HttpAnswer(answer.status, answer.body, answer.sent, response_id)

    def event(self, payload: dict[str, Any], *, timestamp: int | None = None) -> HttpAnswer:
        return self.post(json.dumps(payload).encode(), "application/json", timestamp=timestamp)

    def click(self, message: Message, action_id: str, *, user: str) -> HttpAnswer:
        url, response_id = self.emulator.response_url()
        payload = payloads.block_actions(self.emulator, message, action_id, user=user,
                                         response_url=url)
        body = urlencode({"payload": json.dumps(payload)}).encode()
        answer = self.post(body, "application/x-www-form-urlencoded")
        return HttpAnswer(answer.status, answer.body, answer.sent, response_id)

    def post(self, body: bytes, content_type: str, *, timestamp: int | None = None,
             signature: str | None = None, secret: str | None = None,
             omit_signature: bool = False) -> HttpAnswer:
        stamp = int(time.time()) if timestamp is None else timestamp
        headers = {"Content-Type": content_type, "X-Slack-Request-Timestamp": str(stamp),
                   "X-Slack-Signature": signature or self.sign(body, stamp, secret)}
        if omit_signature:
            headers.pop("X-Slack-Signature")
        return self.resend(SentRequest(body, headers))

    def resend(self, sent: SentRequest) -> HttpAnswer:
        """Send exactly these bytes and headers (again): what a replay attack does."""
        request = urllib.request.Request(self.url, data=sent.body, headers=sent.headers,
                                         method="POST")
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                return HttpAnswer(answer.status, answer.read().decode(), sent)
        except urllib.error.HTTPError as error:
            return HttpAnswer(error.code, error.read().decode(), sent)
