"""Process settings from the environment (prefix ``NEWSWATCH_``), immutable once read."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from .errors import ConfigError
from .validators import http_url, slack_bot_token

DEFAULT_SLACK_API_URL = "https://slack.com/api/"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="NEWSWATCH_", frozen=True, extra="ignore", env_ignore_empty=True
    )

    kafka_bootstrap: str = Field(default="127.0.0.1:9092", description="host:port[,host:port]")
    kafka_security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = (
        "PLAINTEXT")
    kafka_sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] = "PLAIN"
    kafka_sasl_username: str | None = None
    kafka_sasl_password: SecretStr | None = None
    kafka_ssl_cafile: Path | None = Field(default=None, description="CA bundle for SSL")
    rules: Path = Field(default=Path("samples/rules.yaml"))
    feeds: Path = Field(default=Path("samples/feeds.yaml"))
    topic_prefix: str = Field(default="newswatch", pattern=r"^[A-Za-z0-9._-]+$")
    consumer_group: str = Field(default="newswatch", pattern=r"^[A-Za-z0-9._-]+$")
    replication_factor: int = Field(default=1, ge=1, description="For topics the app creates")
    # How fast a stream worker's group notices a dead member: a restarted worker waits for
    # the old member's session to end before it gets partitions. The broker accepts 6 s to
    # 30 min by default (group.min/max.session.timeout.ms).
    worker_session_timeout: float = Field(
        default=10.0, ge=6.0, le=1800.0, description="seconds; a dead worker's partitions "
        "move to the others after this")
    worker_heartbeat_interval: float = Field(
        default=2.0, gt=0.0, description="seconds; at most a third of the session timeout")
    worker_instance_id: str | None = Field(
        default=None, pattern=r"^[A-Za-z0-9._-]+$",
        description="static group membership: a worker restarted with the same id takes its "
        "partitions back at once, without a rebalance; unique per worker")
    slack_bot_token: SecretStr | None = None
    slack_bot_token_file: Path | None = None
    slack_webhook_url: SecretStr | None = None
    slack_api_url: str = DEFAULT_SLACK_API_URL
    log_level: str = Field(default="INFO", pattern=r"^(DEBUG|INFO|WARNING|ERROR)$")

    @field_validator("kafka_bootstrap")
    @classmethod
    def _bootstrap_shape(cls, value: str) -> str:
        for server in value.split(","):
            host, sep, port = server.strip().rpartition(":")
            if not sep or not host or not port.isdigit():
                raise ValueError(f"{server!r} is not host:port")
        return value

    @field_validator("slack_bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None:
            slack_bot_token(value.get_secret_value())
        return value

    @field_validator("slack_api_url")
    @classmethod
    def _api_url(cls, value: str) -> str:
        http_url(value)
        return value if value.endswith("/") else value + "/"

    @model_validator(mode="after")
    def _heartbeat_within_session(self) -> Settings:
        if self.worker_heartbeat_interval * 3 > self.worker_session_timeout:
            raise _SettingError(
                "worker_heartbeat_interval",
                f"{self.worker_heartbeat_interval:g} s is more than a third of "
                f"NEWSWATCH_WORKER_SESSION_TIMEOUT ({self.worker_session_timeout:g} s): the "
                "group would drop live workers")
        return self

    @model_validator(mode="after")
    def _sasl_needs_credentials(self) -> Settings:
        if self.kafka_security_protocol.startswith("SASL_") and not (
                self.kafka_sasl_username and self.kafka_sasl_password):
            raise _SettingError("kafka_sasl_username",
                                "SASL needs NEWSWATCH_KAFKA_SASL_USERNAME and "
                                "NEWSWATCH_KAFKA_SASL_PASSWORD")
        return self

    def bot_token(self) -> SecretStr | None:
        """The bot token from the environment, or read from the file named by the settings."""
        if self.slack_bot_token is not None:
            return self.slack_bot_token
        if self.slack_bot_token_file is not None:
            try:
                raw = self.slack_bot_token_file.read_text(encoding="utf-8").strip()
            except OSError as exc:
                raise ConfigError(
                    f"cannot read token file: {exc.strerror}",
                    location="NEWSWATCH_SLACK_BOT_TOKEN_FILE",
                ) from None
            try:
                slack_bot_token(raw, what="file does not hold a Slack bot token (xoxb-...)")
            except ValueError as exc:
                raise ConfigError(str(exc), location="NEWSWATCH_SLACK_BOT_TOKEN_FILE") from None
            return SecretStr(raw)
        return None


class _SettingError(ValueError):
    """A check across settings that still names the variable to fix."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)


def load_settings(**overrides: object) -> Settings:
    """Read settings; a wrong value fails naming the environment variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        err = exc.errors()[0]
        original = (err.get("ctx") or {}).get("error")
        field = (original.field if isinstance(original, _SettingError)
                 else str(err["loc"][0]) if err["loc"] else "?")
        msg = str(err["msg"]).removeprefix("Value error, ")
        # Never echo the input: it may be a token.
        raise ConfigError(msg, location=f"NEWSWATCH_{field.upper()}") from None
