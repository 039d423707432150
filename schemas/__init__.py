"""Pydantic models for every message on every newswatch topic, and for config files.

This package is the single source of truth for wire formats. It imports
neither Kafka, Faust nor Slack.
"""

from schemas.alert import Alert, AlertKind, FeedHealthAlert, parse_any_alert
from schemas.article import Article
from schemas.deadletter import DeadLetter
from schemas.delivery import Delivery, DeliveryState
from schemas.errors import ConfigError, NewswatchError, SchemaError
from schemas.event import EVENT_TYPES, ROLES, AcquisitionStage, CompanyEvent, EventType, Role
from schemas.rules import Company, RulesFile, Subscription, Watch, load_rules

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
