"""Alert -> Slack: rendering, delivery with retries and idempotency, the ledger, the DLQ.

Built-in notifiers (``notifiers.base.BUILTIN_NOTIFIERS``): ``slack`` (bot token,
``WebClient``), ``webhook`` (incoming webhook, ``WebhookClient``) and ``console``
(prints alerts when no Slack credentials are configured).
"""

from .base import BUILTIN_NOTIFIERS, Notifier, Posted, build_notifier

__all__ = ["BUILTIN_NOTIFIERS", "Notifier", "Posted", "build_notifier"]
