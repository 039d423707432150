"""What an alert message carries about itself, so feedback on it needs no lookup.

The alert's feedback buttons hold an ``AlertRef`` in their ``value`` and the message
metadata holds the same fields, so a click or a 👍 reaction becomes a ``Feedback`` record
(alert id, article, company, event type, watch) from the Slack payload alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..schemas.alert import Alert
from ..schemas.event import EVENT_TYPES

MAX_VALUE = 2_000  # Slack's limit on a button's value
_FIELD_CHARS = 300


@dataclass(frozen=True)
class AlertRef:
    alert_id: str
    article_id: str
    company: str
    event_type: str
    watch: str | None = None
    counterparty: str | None = None

    @classmethod
    def of(cls, alert: Alert) -> AlertRef:
        event = alert.event
        return cls(alert.id, event.article_id, event.company, event.event_type, alert.watch,
                   event.counterparty)

    def to_value(self) -> str | None:
        """Compact JSON for a button's ``value``, dropping the optional parts if too long;
        None when even the required parts do not fit (then the alert has no buttons)."""
        data: dict[str, Any] = {"a": self.alert_id, "r": self.article_id, "c": self.company,
                                "e": self.event_type}
        if self.watch:
            data["w"] = self.watch[:_FIELD_CHARS]
        if self.counterparty:
            data["p"] = self.counterparty[:_FIELD_CHARS]
        value = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
        if len(value) > MAX_VALUE:
            data.pop("w", None)
            data.pop("p", None)
            value = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
        return value if len(value) <= MAX_VALUE else None

    def to_metadata(self) -> dict[str, Any]:
        # No counterparty: it is feed text, and a reaction does not need it.
        return {"alert_id": self.alert_id, "article_id": self.article_id,
                "company": self.company, "event_type": self.event_type, "watch": self.watch}

    @classmethod
    def from_value(cls, value: str) -> AlertRef | None:
        """Read a button's value; None when it is not one of ours."""
        try:
            data = json.loads(value)
        except (TypeError, ValueError):
            return None
        if not isinstance(data, dict):
            return None
        return cls._checked(data.get("a"), data.get("r"), data.get("c"), data.get("e"),
                            data.get("w"), data.get("p"))

    @classmethod
    def from_metadata(cls, payload: Any) -> AlertRef | None:
        """Read a message's metadata payload; None for messages without the fields."""
        if not isinstance(payload, dict):
            return None
        return cls._checked(payload.get("alert_id"), payload.get("article_id"),
                            payload.get("company"), payload.get("event_type"),
                            payload.get("watch"), None)

    @classmethod
    def _checked(cls, alert_id: Any, article_id: Any, company: Any, event_type: Any,
                 watch: Any, counterparty: Any) -> AlertRef | None:
        parts = (alert_id, article_id, company, event_type)
        if not all(isinstance(p, str) and p for p in parts) or event_type not in EVENT_TYPES:
            return None
        return cls(alert_id, article_id, company, event_type,
                   watch if isinstance(watch, str) else None,
                   counterparty if isinstance(counterparty, str) else None)


# The buttons on an alert: action id -> the label a click records.
FEEDBACK_ACTIONS: dict[str, str] = {
    "newswatch_useful": "useful",
    "newswatch_not_relevant": "not_relevant",
    "newswatch_wrong_company": "wrong_company",
}
MUTE_STORY_ACTION = "newswatch_mute_story"
FEEDBACK_BLOCK_ID = "newswatch_feedback"
