"""Feed-health alerts as Slack messages: which feed, what is wrong, since when.

Feed names, URLs and error strings come from config and remote servers, so they are
escaped like any other untrusted text; only configured mentions become markup.
"""

from __future__ import annotations

from typing import Any

from ..schemas.alert import FeedHealthAlert
from .escape import clean, fit_plain, untrusted
from .render import (
    FALLBACK_CHARS,
    MAX_HEADER,
    METADATA_EVENT_TYPE,
    SlackMessage,
    enforce_limits,
    mention_markup,
    mention_plain,
)

STATUS_WORDS = {
    "quiet": "has gone quiet",
    "unhealthy": "is failing",
    "recovered": "has recovered",
}


def health_headline(alert: FeedHealthAlert) -> str:
    return f"Feed {clean(alert.feed_name)} {STATUS_WORDS[alert.status]}"


def render_health(alert: FeedHealthAlert) -> SlackMessage:
    mentions = mention_markup(alert.mentions)
    blocks: list[dict[str, Any]] = []
    if mentions:
        blocks.append(_section(" ".join(mentions)))
    blocks.append({"type": "header",
                   "text": {"type": "plain_text",
                            "text": fit_plain(health_headline(alert), MAX_HEADER)}})
    blocks.append(_section(f"*Why:* {untrusted(alert.reason, 1_000)}"))
    facts = [f"Feed: `{untrusted(alert.location, 300)}`"]
    if alert.last_success is not None:
        facts.append(f"Last read: {alert.last_success:%Y-%m-%d %H:%M} UTC")
    if alert.last_new_item is not None:
        facts.append(f"Last new item: {alert.last_new_item:%Y-%m-%d %H:%M} UTC")
    if alert.consecutive_failures:
        facts.append(f"Failures in a row: {alert.consecutive_failures}")
    blocks.append({"type": "context",
                   "elements": [{"type": "mrkdwn", "text": f} for f in facts]})
    prefix = " ".join(mentions) + " " if mentions else ""
    text = prefix + untrusted(f"{health_headline(alert)}: {alert.reason}",
                              FALLBACK_CHARS - len(prefix))
    metadata = {"event_type": METADATA_EVENT_TYPE,
                "event_payload": {"alert_id": alert.id, "kind": "feed_health"}}
    return enforce_limits(SlackMessage(text=text, blocks=blocks, metadata=metadata))


def render_health_console(alert: FeedHealthAlert) -> str:
    lines = [f"[{clean(alert.channel)}] {fit_plain(health_headline(alert), 200)}",
             f"  Why:      {fit_plain(clean(alert.reason), 500)}",
             f"  Feed:     {fit_plain(clean(alert.location), 500)}"]
    if alert.last_success is not None:
        lines.append(f"  Last read: {alert.last_success:%Y-%m-%d %H:%M} UTC")
    mentions = mention_plain(alert.mentions)
    if mentions:
        lines.append(f"  Notify:   {' '.join(mentions)}")
    return "\n".join(lines)


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}
