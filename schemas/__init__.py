"""Pydantic models for every message on every newswatch topic, and for config files.

This package is the single source of truth for wire formats. It imports
neither Kafka, Faust nor Slack.
"""

from .alert import Alert, AlertKind, FeedHealthAlert, parse_any_alert
from .article import Article
from .deadletter import DeadLetter
from .delivery import Delivery, DeliveryState
from .errors import ConfigError, NewswatchError, SchemaError
from .event import EVENT_TYPES, ROLES, AcquisitionStage, CompanyEvent, EventType, Role
from .rules import Company, RulesFile, Subscription, Watch, load_rules

__all__ = [
    "EVENT_TYPES",
    "ROLES",
    "AcquisitionStage",
    "Alert",
    "AlertKind",
    "Article",
    "Company",
    "CompanyEvent",
    "ConfigError",
    "DeadLetter",
    "Delivery",
    "DeliveryState",
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
]
