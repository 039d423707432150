"""A local Slack Web API emulator for tests: real HTTP on 127.0.0.1, answers like Slack.

The real ``slack_sdk`` clients talk to it through ``base_url=emulator.base_url`` (bot
token) or ``emulator.webhook_url(channel)`` (incoming webhook). It implements the calls
newswatch makes (``auth.test``, ``chat.postMessage``, ``chat.update``,
``conversations.history|replies|list|info``, ``usergroups.users.list``, ``views.publish``,
``apps.connections.open``) and the incoming-webhook endpoint, checks the bearer token and
Slack's message limits, and records every post it accepted, so a test can count duplicates
and losses.

Faults are injected from Python (``fail_next``, ``fail_channel``, ``outage``, ``rate_limit``,
``hold_posts``) or over HTTP (``POST /_emulator/fault`` with the same fields as ``Fault``),
the way slack-sdk's own test server serves ``/ratelimited`` and ``/timeout``.

For the Slack app (``newswatch slack``) it also plays Slack's side: ``apps.connections.open``
hands out a WebSocket URL to ``socket_mode`` (hello, envelopes, acks, refresh, dropped
sockets), ``payloads`` builds what Slack sends an app (slash commands, button clicks,
reactions, App Home opened), ``people`` drives them (``SocketModePerson``) or signs them for
an HTTP endpoint (``SignedRequests``), and the app's replies to a ``response_url`` are kept
(``emulator.response_url()``, ``responses_to(id)``).

Layout, modelled on slack-sdk's mock server: ``workspace`` (the state), ``faults``,
``limits`` (Slack's message limits), ``answers`` (outcomes as HTTP answers), ``server``
(HTTP, token check, dispatch), ``methods/`` (one handler per API method, the webhook and
the control endpoints) and ``emulator`` (``SlackEmulator`` and the fixture).
"""

from tests.slack_emulator.emulator import SlackEmulator, running_emulator, slack_emulator
from tests.slack_emulator.faults import Fault, FaultKind
from tests.slack_emulator.limits import validate_message
from tests.slack_emulator.methods.webhook import FATAL_WEBHOOK_ERRORS
from tests.slack_emulator.workspace import (
    BOT_ID,
    BOT_USER_ID,
    TEAM_ID,
    Call,
    Channel,
    Message,
)

__all__ = [
    "BOT_ID",
    "BOT_USER_ID",
    "FATAL_WEBHOOK_ERRORS",
    "TEAM_ID",
    "Call",
    "Channel",
    "Fault",
    "FaultKind",
    "Message",
    "SlackEmulator",
    "running_emulator",
    "slack_emulator",
    "validate_message",
]
