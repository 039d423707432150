"""Alert -> Slack: rendering, delivery with retries and idempotency, the ledger, the DLQ.

Built-in notifiers (``notifiers.base.BUILTIN_NOTIFIERS``): ``slack`` (bot token,
``WebClient``), ``webhook`` (incoming webhook, ``WebhookClient``) and ``console``
(prints alerts when no Slack credentials are configured).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..schemas.lazy import lazy_attributes

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


__getattr__ = lazy_attributes(__name__, _LAZY)
