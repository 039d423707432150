"""Building and running the Slack app from settings (``newswatch slack``).

Which credentials are needed depends on the transport: Socket Mode (the default) needs the
app-level token (``NEWSWATCH_SLACK_APP_TOKEN``), the HTTP endpoint the signing secret
(``NEWSWATCH_SLACK_SIGNING_SECRET``); both need the bot token, to check that the bot is in
a channel, read the message a reaction is on and post summaries. A missing one stops the
app at start-up, naming the variable.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Literal

from kafka import KafkaProducer
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

from ...kafkaio.clients import KafkaClients
from ...kafkaio.topics import TopicNames
from ...schemas.errors import ConfigError
from ...schemas.settings import Settings
from ..sdklog import quiet_sdk_logger
from .app import SlackApp
from .companies import RulesSource
from .feedback import FeedbackHandler
from .policy import AccessPolicy
from .store import FeedbackLog, SubscriptionStore
from .summary import SummarySource
from .transport_http import HttpTransport
from .transport_socket import SocketModeTransport

log = logging.getLogger(__name__)

Transport = Literal["socket", "http"]


@dataclass(frozen=True)
class Credentials:
    bot_token: str
    app_token: str | None
    signing_secret: str | None

    @classmethod
    def from_settings(cls, settings: Settings, transport: Transport) -> Credentials:
        bot = settings.bot_token()
        if bot is None:
            raise ConfigError("the Slack app needs the bot token (xoxb-...) to check channels "
                              "and read reactions", location="NEWSWATCH_SLACK_BOT_TOKEN")
        app_token, secret = settings.app_token(), settings.signing_secret()
        if transport == "socket" and app_token is None:
            raise ConfigError("Socket Mode needs an app-level token (xapp-...) with the "
                              "connections:write scope; or use the HTTP endpoint "
                              "(NEWSWATCH_SLACK_APP_TRANSPORT=http)",
                              location="NEWSWATCH_SLACK_APP_TOKEN")
        if transport == "http" and secret is None:
            raise ConfigError("the HTTP endpoint needs the app's signing secret to verify "
                              "requests", location="NEWSWATCH_SLACK_SIGNING_SECRET")
        return cls(bot.get_secret_value(),
                   app_token.get_secret_value() if app_token else None,
                   secret.get_secret_value() if secret else None)

    def secrets(self) -> list[str]:
        return [s for s in (self.bot_token, self.app_token, self.signing_secret) if s]


@dataclass
class BuiltApp:
    app: SlackApp
    producer: KafkaProducer

    def close(self) -> None:
        self.app.store.close()
        self.producer.close(timeout=10)


def build_app(settings: Settings, credentials: Credentials) -> BuiltApp:
    """The app and its parts, wired to Kafka and Slack as the settings say."""
    if not settings.rules.is_file():
        raise ConfigError(f"rules file not found: {settings.rules}", location="NEWSWATCH_RULES")
    clients = KafkaClients(settings)
    clients.check_reachable()
    topics = TopicNames.from_settings(settings)
    producer = clients.producer("newswatch-slack-app", linger_ms=0)
    web = AsyncWebClient(
        token=credentials.bot_token, base_url=settings.slack_api_url, timeout=10,
        retry_handlers=[AsyncRateLimitErrorRetryHandler(max_retry_count=2)],
        logger=quiet_sdk_logger("newswatch.slack_sdk.app", secrets=credentials.secrets()))

    async def members_of(group: str) -> set[str]:
        response = await web.usergroups_users_list(usergroup=group)
        return {str(u) for u in response.get("users") or []}

    app = SlackApp(
        web=web,
        store=SubscriptionStore(clients, topics.subscriptions, producer=producer),
        rules=RulesSource(settings.rules),
        policy=AccessPolicy(settings.slack_admins, members_of),
        feedback=FeedbackHandler(web, FeedbackLog(topics.feedback, producer=producer)),
        summaries=SummarySource(clients, topics),
    )
    return BuiltApp(app, producer)


async def serve(settings: Settings, stop: asyncio.Event, *, transport: Transport | None = None,
                listen: tuple[str, int] | None = None, ping_interval_s: float = 5.0) -> None:
    """Run the app until ``stop`` is set."""
    kind: Transport = transport or settings.slack_app_transport
    credentials = Credentials.from_settings(settings, kind)
    built = build_app(settings, credentials)
    try:
        await built.app.start()
        if kind == "http":
            host, port = listen or settings.listen_address
            assert credentials.signing_secret is not None
            await HttpTransport(built.app, credentials.signing_secret, host, port).run(stop)
        else:
            await _socket_mode(built.app, settings, credentials, stop, ping_interval_s)
    finally:
        built.close()


async def _socket_mode(app: SlackApp, settings: Settings, credentials: Credentials,
                       stop: asyncio.Event, ping_interval_s: float) -> None:
    assert credentials.app_token is not None
    socket_logger = quiet_sdk_logger("newswatch.slack_sdk.socket_mode",
                                     secrets=credentials.secrets())
    socket_logger.setLevel(logging.INFO)  # connects and reconnects are worth a line
    connections = AsyncWebClient(base_url=settings.slack_api_url, timeout=10,
                                 logger=quiet_sdk_logger("newswatch.slack_sdk.connections",
                                                         secrets=credentials.secrets()))
    await SocketModeTransport(app, credentials.app_token, connections,
                              ping_interval_s=ping_interval_s, logger=socket_logger).run(stop)
