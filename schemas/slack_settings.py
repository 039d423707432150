"""Settings of the Slack app (``newswatch slack``): tokens, signing secret, admins, transport.

A mixin of ``Settings``, so they are read, validated and named like every other
``NEWSWATCH_*`` variable, while living beside the feature that uses them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, Field, SecretStr, field_validator
from pydantic_settings import NoDecode

from .errors import ConfigError

APP_TOKEN_PREFIX = "xapp-"


def _split_ids(value: object) -> object:
    # "U0123, S0456" in the environment; a list when built in code.
    if isinstance(value, str):
        return [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]
    return value


def _slack_app_token(value: str) -> str:
    if not value.startswith(APP_TOKEN_PREFIX):
        raise ValueError("must be a Slack app-level token (xapp-...)")
    return value


def _signing_secret(value: str) -> str:
    if not value or any(ch.isspace() for ch in value):
        raise ValueError("must be the app's signing secret, without spaces")
    return value


class SlackAppSettings(BaseModel):
    """The ``NEWSWATCH_SLACK_APP_*``, ``..._SIGNING_SECRET`` and ``..._ADMINS`` variables."""

    slack_app_token: SecretStr | None = Field(
        default=None, description="App-level token (xapp-...) for Socket Mode")
    slack_app_token_file: Path | None = None
    slack_signing_secret: SecretStr | None = Field(
        default=None, description="Signing secret, for the HTTP endpoint")
    slack_signing_secret_file: Path | None = None
    slack_admins: Annotated[list[str], NoDecode, BeforeValidator(_split_ids)] = Field(
        default_factory=list,
        description="Users (U…/W…) and user groups (S…) who may subscribe '*' and change "
        "other channels")
    slack_app_transport: Literal["socket", "http"] = "socket"
    slack_app_listen: str = Field(default="127.0.0.1:3000",
                                  description="host:port of the HTTP endpoint")
    slack_feedback_buttons: bool | None = Field(
        default=None,
        description="Feedback buttons on alerts (default: on when the Slack app is configured)")

    @field_validator("slack_app_token")
    @classmethod
    def _app_token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None:
            _slack_app_token(value.get_secret_value())
        return value

    @field_validator("slack_signing_secret")
    @classmethod
    def _secret_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None:
            _signing_secret(value.get_secret_value())
        return value

    @field_validator("slack_admins")
    @classmethod
    def _admin_ids(cls, values: list[str]) -> list[str]:
        for value in values:
            if not (value[:1] in ("U", "W", "S") and value[1:].isalnum() and value.isupper()):
                raise ValueError(f"{value[:20]!r} is not a Slack user (U…) or user group (S…) id")
        return values

    @field_validator("slack_app_listen")
    @classmethod
    def _listen_shape(cls, value: str) -> str:
        host, sep, port = value.rpartition(":")
        if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise ValueError(f"{value!r} is not host:port")
        return value

    def app_token(self) -> SecretStr | None:
        """The app-level token, from the variable or the file it names."""
        return _secret(self.slack_app_token, self.slack_app_token_file,
                       "NEWSWATCH_SLACK_APP_TOKEN_FILE", _slack_app_token)

    def signing_secret(self) -> SecretStr | None:
        """The signing secret, from the variable or the file it names."""
        return _secret(self.slack_signing_secret, self.slack_signing_secret_file,
                       "NEWSWATCH_SLACK_SIGNING_SECRET_FILE", _signing_secret)

    @property
    def listen_address(self) -> tuple[str, int]:
        host, _, port = self.slack_app_listen.rpartition(":")
        return host.strip("[]"), int(port)

    def feedback_buttons(self) -> bool:
        """Whether alerts carry feedback buttons: only when something can answer them."""
        if self.slack_feedback_buttons is not None:
            return self.slack_feedback_buttons
        return any(v is not None for v in (
            self.slack_app_token, self.slack_app_token_file, self.slack_signing_secret,
            self.slack_signing_secret_file))


def _secret(value: SecretStr | None, file: Path | None, variable: str,
            check: Callable[[str], str]) -> SecretStr | None:
    if value is not None:
        return value
    if file is None:
        return None
    try:
        raw = file.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise ConfigError(f"cannot read file: {exc.strerror}", location=variable) from None
    try:
        check(raw)
    except ValueError as exc:
        raise ConfigError(f"the file's content {exc}", location=variable) from None
    return SecretStr(raw)
