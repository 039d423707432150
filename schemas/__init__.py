"""Pydantic models for every message on every newswatch topic, and for config files.

This package is the single source of truth for wire formats. It imports
neither Kafka, Faust nor Slack.
"""

from .alert import Alert, AlertKind, AlertMessage, FeedHealthAlert, parse_any_alert, parse_routed
from .article import Article
from .deadletter import DeadLetter
from .delivery import Delivery, DeliveryState
from .digest import DigestAlert, DigestEntry, DigestTick
from .errors import ConfigError, NewswatchError, SchemaError
from .event import EVENT_TYPES, ROLES, AcquisitionStage, CompanyEvent, EventType, Role
from .rules import Company, RulesFile, Subscription, Watch, load_rules

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
