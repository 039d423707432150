"""Pydantic models for every message on every newswatch topic, and for config files.

This package is the single source of truth for wire formats. It imports
neither Kafka, Faust nor Slack.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .alert import (
        Alert,
        AlertKind,
        AlertMessage,
        FeedHealthAlert,
        parse_any_alert,
        parse_routed,
    )
    from .article import Article
    from .deadletter import DeadLetter
    from .delivery import Delivery, DeliveryState
    from .digest import DigestAlert, DigestEntry, DigestTick
    from .errors import ConfigError, NewswatchError, SchemaError
    from .event import EVENT_TYPES, ROLES, AcquisitionStage, CompanyEvent, EventType, Role
    from .rules import Company, RulesFile, Subscription, Watch, load_rules

# Imported on first use, so that `newswatch --help` and the light commands do not pay
# for what they never touch (PEP 562).
_LAZY = {
    "Alert": "alert",
    "AlertKind": "alert",
    "FeedHealthAlert": "alert",
    "parse_any_alert": "alert",
    "AlertMessage": "alert",
    "parse_routed": "alert",
    "DigestAlert": "digest",
    "DigestEntry": "digest",
    "DigestTick": "digest",
    "Article": "article",
    "DeadLetter": "deadletter",
    "Delivery": "delivery",
    "DeliveryState": "delivery",
    "ConfigError": "errors",
    "NewswatchError": "errors",
    "SchemaError": "errors",
    "EVENT_TYPES": "event",
    "ROLES": "event",
    "AcquisitionStage": "event",
    "CompanyEvent": "event",
    "EventType": "event",
    "Role": "event",
    "Company": "rules",
    "RulesFile": "rules",
    "Subscription": "rules",
    "Watch": "rules",
    "load_rules": "rules",
}

__all__ = [
    "EVENT_TYPES",
    "ROLES",
    "AcquisitionStage",
    "Alert",
    "AlertKind",
    "AlertMessage",
    "Article",
    "Company",
    "CompanyEvent",
    "ConfigError",
    "DeadLetter",
    "Delivery",
    "DeliveryState",
    "DigestAlert",
    "DigestEntry",
    "DigestTick",
    "EventType",
    "FeedHealthAlert",
    "NewswatchError",
    "Role",
    "RulesFile",
    "SchemaError",
    "Subscription",
    "Watch",
    "load_rules",
    "parse_any_alert",
    "parse_routed",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
