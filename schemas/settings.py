"""Process settings from the environment (prefix ``NEWSWATCH_``), immutable once read.

A wrong value stops the process naming the variable, and never repeats the value (it may
be a token, a password or a webhook URL). A ``NEWSWATCH_*`` variable that is no setting is
warned about with the closest real name, since a typo would otherwise be ignored silently.
"""

from __future__ import annotations

import difflib
import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from .errors import ConfigError
from .slack_settings import SlackAppSettings
from .validators import host_port_list, secure_http_url, slack_bot_token

log = logging.getLogger(__name__)

ENV_PREFIX = "NEWSWATCH_"
DEFAULT_SLACK_API_URL = "https://slack.com/api/"
#: Variables newswatch reads that are not ``Settings`` fields (where local state lives).
OTHER_VARIABLES = frozenset({"NEWSWATCH_HOME"})
#: Topics whose partition count ``NEWSWATCH_TOPIC_PARTITIONS`` may set.
PARTITIONED_TOPICS = ("articles", "events", "alerts", "deliveries", "feedstate", "dlq")


class Settings(SlackAppSettings, BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, frozen=True, extra="ignore", env_ignore_empty=True
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
    replication_factor: int = Field(default=1, ge=1, le=32,
                                    description="For topics the app creates")
    min_insync_replicas: int | None = Field(
        default=None, ge=1,
        description="min.insync.replicas of the topics (default: 2 from a replication "
        "factor of 3 up, else 1), so acks=all means what it says")
    topic_partitions: Annotated[dict[str, int], NoDecode] = Field(
        default_factory=dict,
        description="Partitions per topic, e.g. 'articles=12,events=12' (others keep "
        "their defaults)")
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
    # Observability: logs, metrics and health endpoints (telemetry/).
    log_format: Literal["text", "json"] = Field(
        default="text", description="json: one JSON object per line, with article, event "
        "and alert ids as fields")
    metrics_enabled: bool = Field(default=True, description="Serve /metrics, /healthz, /readyz")
    metrics_host: str = Field(default="127.0.0.1", description="Address the endpoints bind to")
    metrics_port: int | None = Field(
        default=None, ge=0, le=65535, description="Unset: each service's own default port "
        "(long-running commands only); 0: any free port")
    summary_interval: float = Field(
        default=60.0, ge=0, description="Seconds between INFO summaries in the log (0: none)")
    digest_tick_seconds: float = Field(
        default=30.0, ge=0, description="How often the worker tells pacing the time (digests, "
        "quiet hours); 0: never (a test or backtest sends its own ticks)")

    @field_validator("kafka_bootstrap")
    @classmethod
    def _bootstrap_shape(cls, value: str) -> str:
        pairs = host_port_list(value)
        return ",".join(f"{host}:{port}" for host, port in pairs)

    @field_validator("slack_bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None:
            slack_bot_token(value.get_secret_value())
        return value

    @field_validator("slack_webhook_url")
    @classmethod
    def _webhook_url(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None:
            return None
        return SecretStr(secure_http_url(value.get_secret_value(),
                                         carries="the webhook's secret path"))

    @field_validator("slack_api_url")
    @classmethod
    def _api_url(cls, value: str) -> str:
        value = secure_http_url(value, carries="the bot token")
        return value if value.endswith("/") else value + "/"

    @field_validator("kafka_ssl_cafile")
    @classmethod
    def _cafile_exists(cls, value: Path | None) -> Path | None:
        if value is not None and not value.is_file():
            raise ValueError("no such file: give the PEM file of the CA that signed the "
                             "brokers' certificates")
        return value

    @field_validator("topic_partitions", mode="before")
    @classmethod
    def _partitions(cls, value: object) -> object:
        return parse_partitions(value) if isinstance(value, str) else value

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
        if self.min_insync_replicas is not None and (
                self.min_insync_replicas > self.replication_factor):
            raise _SettingError("min_insync_replicas",
                                "must not exceed NEWSWATCH_REPLICATION_FACTOR, or no write "
                                "with acks=all could ever succeed")
        return self

    def insync_replicas(self) -> int:
        """min.insync.replicas for new topics: explicit, or 2 once there are 3 copies."""
        if self.min_insync_replicas is not None:
            return self.min_insync_replicas
        return 2 if self.replication_factor >= 3 else 1

    def bot_token(self) -> SecretStr | None:
        """The bot token from the environment, or read from the file named by the settings."""
        if self.slack_bot_token is not None:
            return self.slack_bot_token
        if self.slack_bot_token_file is not None:
            try:
                raw = self.slack_bot_token_file.read_text(encoding="utf-8").strip()
            except (OSError, UnicodeDecodeError) as exc:
                reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
                raise ConfigError(
                    f"cannot read token file: {reason}",
                    location="NEWSWATCH_SLACK_BOT_TOKEN_FILE",
                ) from None
            try:
                slack_bot_token(raw, what="file does not hold a Slack bot token (xoxb-...)")
            except ValueError as exc:
                raise ConfigError(str(exc), location="NEWSWATCH_SLACK_BOT_TOKEN_FILE") from None
            return SecretStr(raw)
        return None


def parse_partitions(text: str) -> dict[str, int]:
    """``articles=12,events=12`` -> {"articles": 12, "events": 12}, every name checked."""
    counts: dict[str, int] = {}
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        name, sep, number = (s.strip() for s in item.partition("="))
        if not sep or not number.isdigit() or int(number) < 1:
            raise ValueError(f"{name or item!r} needs a partition count: "
                             "expected topic=count[,topic=count], e.g. articles=12")
        if name not in PARTITIONED_TOPICS:
            close = difflib.get_close_matches(name, PARTITIONED_TOPICS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ValueError(f"unknown topic {name!r}{hint}; topics: "
                             + ", ".join(PARTITIONED_TOPICS))
        counts[name] = int(number)
    return counts


class _SettingError(ValueError):
    """A check across settings that still names the variable to fix."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)


def load_settings(**overrides: object) -> Settings:
    """Read settings; a wrong value fails naming the environment variable, never its value."""
    try:
        settings = Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems: list[tuple[str, str]] = []
        for err in exc.errors():
            original = (err.get("ctx") or {}).get("error")
            field = (original.field if isinstance(original, _SettingError)
                     else str(err["loc"][0]) if err["loc"] else "?")
            msg = str(err["msg"]).removeprefix("Value error, ")
            problems.append((f"{ENV_PREFIX}{field.upper()}", msg))
        if len(problems) == 1:
            raise ConfigError(problems[0][1], location=problems[0][0]) from None
        raise ConfigError("\n".join(f"{name}: {msg}" for name, msg in problems)) from None
    warn_unknown_variables(os.environ)
    return settings


_warned: set[str] = set()


def unknown_variables(environ: Mapping[str, str]) -> dict[str, str | None]:
    """``NEWSWATCH_*`` names in ``environ`` that are no setting -> the closest real name."""
    known = known_variables()
    found: dict[str, str | None] = {}
    for name in environ:
        if name.startswith(ENV_PREFIX) and name not in known:
            close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.75)
            found[name] = close[0] if close else None
    return found


def known_variables() -> frozenset[str]:
    fields = {ENV_PREFIX + name.upper() for name in Settings.model_fields}
    return frozenset(fields | OTHER_VARIABLES)


def warn_unknown_variables(environ: Mapping[str, str]) -> None:
    """Log each unknown ``NEWSWATCH_*`` variable once per process, with a suggestion."""
    for name, close in unknown_variables(environ).items():
        if name in _warned:
            continue
        _warned.add(name)
        hint = f" (did you mean {close}?)" if close else ""
        log.warning("%s is not a newswatch setting and is ignored%s", name, hint)
