"""Alert -> Slack: rendering, delivery with retries and idempotency, the ledger, the DLQ.

Built-in notifiers (``notifiers.base.BUILTIN_NOTIFIERS``): ``slack`` (bot token,
``WebClient``), ``webhook`` (incoming webhook, ``WebhookClient``) and ``console``
(prints alerts when no Slack credentials are configured).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .base import BUILTIN_NOTIFIERS, Notifier, Posted, build_notifier

# Imported on first use, so that `newswatch --help` and the light commands do not pay
# for what they never touch (PEP 562).
_LAZY = {
    "BUILTIN_NOTIFIERS": "base",
    "Notifier": "base",
    "Posted": "base",
    "build_notifier": "base",
}

__all__ = [
    "BUILTIN_NOTIFIERS",
    "Notifier",
    "Posted",
    "build_notifier",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
