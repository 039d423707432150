"""Typed configuration: one pydantic model per notifier, one for the delivery service."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator

from ..schemas.settings import DEFAULT_SLACK_API_URL, Settings
from ..schemas.validators import secure_http_url, slack_bot_token
from .retry import RetryPolicy


class _Config(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SlackConfig(_Config):
    """Bot-token delivery through ``WebClient``: threads, updates, exactly-once."""

    token: SecretStr
    base_url: str = DEFAULT_SLACK_API_URL
    timeout_s: float = Field(default=10.0, gt=0)
    sdk_retries: int = Field(default=2, ge=0, description="Retries inside one slack_sdk call")
    rate_limit_jitter_s: float = Field(
        default=0.1, ge=0, description="Random extra wait after Slack's Retry-After"
    )
    lookback_s: float = Field(
        default=900.0,
        gt=0,
        description="How far before an unconfirmed attempt to search the channel for it",
    )
    history_pages: int = Field(default=10, ge=1, description="Pages of history searched")
    feedback_buttons: bool = Field(
        default=False, description="Useful / Not relevant / Wrong company buttons on alerts")

    @field_validator("token")
    @classmethod
    def _token_shape(cls, value: SecretStr) -> SecretStr:
        slack_bot_token(value.get_secret_value())
        return value

    @field_validator("base_url")
    @classmethod
    def _base_url(cls, value: str) -> str:
        return secure_http_url(value, carries="the bot token")


class WebhookConfig(_Config):
    """Incoming-webhook delivery: one channel per URL, no threads, at-least-once."""

    url: SecretStr
    timeout_s: float = Field(default=10.0, gt=0)
    sdk_retries: int = Field(default=2, ge=0)

    @field_validator("url")
    @classmethod
    def _url_shape(cls, value: SecretStr) -> SecretStr:
        return SecretStr(secure_http_url(value.get_secret_value(),
                                         carries="the webhook's secret path"))


class ConsoleConfig(_Config):
    """Print alerts to stdout, for trying newswatch without Slack."""

    style: Literal["text"] = "text"


NotifierConfig = SlackConfig | WebhookConfig | ConsoleConfig


class ServiceConfig(_Config):
    """How the consume -> deliver -> commit loop runs."""

    workers: int = Field(default=8, ge=1, le=256, description="Channels served at once")
    max_in_flight: int = Field(default=2_000, ge=1, description="Alerts read but not done")
    commit_interval_s: float = Field(default=1.0, gt=0)
    retry_initial_s: float = Field(default=1.0, gt=0)
    retry_max_s: float = Field(default=30.0, gt=0, description="Cap on the wait between retries")
    ledger_timeout_s: float = Field(default=30.0, gt=0)
    startup_timeout_s: float = Field(
        default=10.0, gt=0,
        description="How long start-up waits for Slack to answer before it gives up, naming "
        "the cause (a rate limit is waited out regardless)")
    session_timeout_s: float = Field(
        default=10.0, ge=6.0, description="Kafka group session timeout (broker minimum 6 s)"
    )
    revoke_wait_s: float = Field(
        default=5.0, ge=0,
        description="How long a rebalance waits for posts in flight (heartbeats pause "
        "meanwhile, so keep it below session_timeout_s)",
    )

    @model_validator(mode="after")
    def _wait_below_session(self) -> ServiceConfig:
        if self.revoke_wait_s >= self.session_timeout_s:
            raise ValueError("revoke_wait_s must be shorter than session_timeout_s")
        return self

    @property
    def retry(self) -> RetryPolicy:
        return RetryPolicy(initial_s=self.retry_initial_s, max_s=self.retry_max_s)


def notifier_config_from_settings(settings: Settings) -> tuple[str, NotifierConfig]:
    """Pick the notifier the settings call for: bot token, else webhook, else console."""
    token = settings.bot_token()
    if token is not None:
        return "slack", SlackConfig(token=token, base_url=settings.slack_api_url,
                                    feedback_buttons=settings.feedback_buttons())
    if settings.slack_webhook_url is not None:
        return "webhook", WebhookConfig(url=settings.slack_webhook_url)
    return "console", ConsoleConfig()
