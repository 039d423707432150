"""The ``Notifier`` base class, its lifecycle, and the registry of built-in notifiers."""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from pydantic import BaseModel, ValidationError

from ..schemas.alert import AlertMessage
from ..schemas.delivery import Delivery
from ..schemas.errors import ConfigError


@dataclass(frozen=True)
class Posted:
    """Where a message landed: Slack's channel id and ts (None where the target has none)."""

    channel_id: str | None = None
    ts: str | None = None
    thread_ts: str | None = None


class Notifier(ABC):
    """Delivers alerts to one kind of target. Subclasses live one per module.

    Lifecycle, as ``NotifierService`` drives it:

    - ``setup()``: once, before the first alert. Open clients and check credentials;
      raise ``FatalError`` if they are refused, so the service stops before consuming.
    - ``send(alert, parent)``: once per delivery attempt, in each channel's order. Called
      from worker threads, concurrently for *different* channels, so it must be
      thread-safe. ``parent`` is the ledger record of the story's first alert (for
      threads and updates), or None. Raises ``TransientError``, ``PermanentError`` or
      ``FatalError`` (``notifiers.errors``); never lets a client exception through.
    - ``find_posted(alert, parent, since)``: only when ``verifiable`` is true, before
      re-sending an alert whose earlier attempt may have landed (a crash after posting,
      a timeout). Returns where it landed, or None if Slack has no such message.
    - ``probe()``: only when ``probeable`` is true, from a prober thread while Slack looks
      down after an outage-like failure: one cheap call; True when Slack answered at all.
    - ``close()``: once at shutdown, also after errors.

    ``on_rate_limit_wait(seconds)`` is set by the service to count the waits for
    Retry-After that happen inside a client library's own retries.
    """

    name: ClassVar[str]
    config_model: ClassVar[type[BaseModel]]
    verifiable: ClassVar[bool] = False
    probeable: ClassVar[bool] = False
    on_rate_limit_wait: Callable[[float], None] = staticmethod(lambda seconds: None)

    def setup(self) -> None:  # noqa: B027 - optional hook
        """Prepare clients and check credentials (default: nothing to do)."""

    @abstractmethod
    def send(self, alert: AlertMessage, parent: Delivery | None) -> Posted:
        """Deliver one alert; raise a ``DeliveryError`` subclass if it did not go out."""

    def find_posted(self, alert: AlertMessage, parent: Delivery | None,
                    since: datetime) -> Posted | None:
        """Look for an earlier post of ``alert`` made at or after ``since``."""
        return None

    def probe(self) -> bool:
        """One cheap call to see whether the target answers again (see ``probeable``)."""
        return True

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release clients (default: nothing to do)."""


# Built-ins by name, imported on demand so the console notifier needs no slack_sdk.
BUILTIN_NOTIFIERS: dict[str, str] = {
    "slack": "newswatch.notifiers.slack:SlackNotifier",
    "webhook": "newswatch.notifiers.webhook:WebhookNotifier",
    "console": "newswatch.notifiers.console:ConsoleNotifier",
}


def notifier_class(name: str) -> type[Notifier]:
    try:
        target = BUILTIN_NOTIFIERS[name]
    except KeyError:
        known = ", ".join(sorted(BUILTIN_NOTIFIERS))
        raise ConfigError(f"unknown notifier {name!r} (known: {known})") from None
    module_name, _, attr = target.partition(":")
    cls: type[Notifier] = getattr(importlib.import_module(module_name), attr)
    return cls


def build_notifier(name: str, config: BaseModel | dict[str, Any]) -> Notifier:
    """Validate ``config`` against the notifier's model and build it."""
    cls = notifier_class(name)
    if isinstance(config, dict):
        try:
            config = cls.config_model.model_validate(config)
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"]) or "config"
            # Never echo the input: it may be a token or webhook URL.
            message = str(err["msg"]).removeprefix("Value error, ")
            raise ConfigError(f"{where}: {message}", location=f"notifier {name}") from None
    if not isinstance(config, cls.config_model):
        raise ConfigError(f"expected {cls.config_model.__name__}", location=f"notifier {name}")
    return cls(config)  # type: ignore[call-arg]
