"""Feedback on alerts: the buttons under each alert, and 👍/👎 reactions on it.

A click carries the alert's facts in the button's value; a reaction names only the message
(channel, ts), so the message is read back once to find its metadata. Either way the
result is a ``Feedback`` record on ``<prefix>.feedback``. Reactions on messages newswatch
did not post, and emoji other than thumbs up/down, are ignored.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from typing import Any

from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from ...schemas.base import utcnow
from ...schemas.feedback import Feedback
from ..alert_ref import FEEDBACK_ACTIONS, MUTE_STORY_ACTION, AlertRef
from ..render import METADATA_EVENT_TYPE
from . import commands, replies
from .replies import Reply
from .store import FeedbackLog

log = logging.getLogger(__name__)

REACTIONS = {"+1": "useful", "thumbsup": "useful", "-1": "not_relevant",
             "thumbsdown": "not_relevant"}
STORY_MUTE = timedelta(hours=24)


class FeedbackHandler:
    def __init__(self, web: AsyncWebClient, log_: FeedbackLog) -> None:
        self.web = web
        self.log = log_
        self.bot_user_id: str | None = None
        self.ignored = 0

    def mute_request(self, payload: dict[str, Any]
                     ) -> tuple[str, commands.ChannelRef, commands.Mute] | None:
        """A click on "Mute story": who, where, and the mute it asks for; else None."""
        action = _first_action(payload)
        if action is None or action.get("action_id") != MUTE_STORY_ACTION:
            return None
        ref = AlertRef.from_value(str(action.get("value") or ""))
        channel = _channel(payload)
        user = str((payload.get("user") or {}).get("id") or "")
        if ref is None or channel is None or not user:
            return None
        return user, channel, commands.Mute(ref.company, STORY_MUTE, ref.event_type,
                                           ref.counterparty, channel)

    async def from_click(self, payload: dict[str, Any]) -> Reply | None:
        action = _first_action(payload)
        label = FEEDBACK_ACTIONS.get(str((action or {}).get("action_id")))
        ref = AlertRef.from_value(str((action or {}).get("value") or ""))
        channel = _channel(payload)
        user = str((payload.get("user") or {}).get("id") or "")
        if label is None or ref is None or channel is None or channel.id is None or not user:
            self.ignored += 1
            return None
        record = _feedback(ref, channel.id, user, label, "button", None)
        try:
            await asyncio.to_thread(self.log.write, record)
        except Exception as exc:
            log.error("feedback by %s not saved: %s: %s", user, type(exc).__name__, exc)
            return replies.failed()
        return replies.feedback_thanks(label)

    async def from_event(self, payload: dict[str, Any]) -> None:
        event = payload.get("event") or {}
        kind = event.get("type")
        if kind not in ("reaction_added", "reaction_removed"):
            return
        emoji = str(event.get("reaction") or "").split("::", 1)[0]  # drop ::skin-tone-N
        label = REACTIONS.get(emoji)
        item = event.get("item") or {}
        user = str(event.get("user") or "")
        if (label is None or item.get("type") != "message" or not user
                or user == self.bot_user_id
                or (self.bot_user_id and event.get("item_user") not in (None,
                                                                        self.bot_user_id))):
            self.ignored += 1
            return
        channel, ts = str(item.get("channel") or ""), str(item.get("ts") or "")
        ref = await self._alert_at(channel, ts)
        if ref is None:
            self.ignored += 1
            return
        record = _feedback(ref, channel, user, label if kind == "reaction_added" else None,
                           "reaction", emoji)
        await asyncio.to_thread(self.log.write, record)

    async def _alert_at(self, channel: str, ts: str) -> AlertRef | None:
        """The alert posted as message ``ts`` in ``channel`` (from its metadata), or None."""
        # A story's first alert is in the channel's history; follow-ups are thread replies,
        # which only conversations.replies shows (with the thread's parent first).
        bounds: dict[str, Any] = {"channel": channel, "oldest": ts, "latest": ts,
                                  "inclusive": True, "include_all_metadata": True}
        try:
            for read in (lambda: self.web.conversations_history(limit=1, **bounds),
                         lambda: self.web.conversations_replies(ts=ts, limit=10, **bounds)):
                response = await read()
                for message in response.get("messages") or []:
                    if message.get("ts") == ts:
                        meta = message.get("metadata") or {}
                        if meta.get("event_type") != METADATA_EVENT_TYPE:
                            return None
                        return AlertRef.from_metadata(meta.get("event_payload"))
        except (SlackApiError, SlackClientError, OSError) as exc:
            log.warning("cannot read the message %s in %s a reaction was on: %s", ts, channel,
                        type(exc).__name__)
        return None


def _feedback(ref: AlertRef, channel: str, user: str, label: str | None, source: str,
              reaction: str | None) -> Feedback:
    return Feedback.model_validate({
        "alert_id": ref.alert_id, "article_id": ref.article_id, "company": ref.company,
        "event_type": ref.event_type, "watch": ref.watch, "channel": channel, "user": user,
        "label": label, "source": source, "reaction": reaction, "at": utcnow()})


def _first_action(payload: dict[str, Any]) -> dict[str, Any] | None:
    actions = payload.get("actions") or []
    return actions[0] if actions and isinstance(actions[0], dict) else None


def _channel(payload: dict[str, Any]) -> commands.ChannelRef | None:
    channel = payload.get("channel") or {}
    container = payload.get("container") or {}
    channel_id = channel.get("id") or container.get("channel_id")
    if not channel_id:
        return None
    return commands.ChannelRef(str(channel_id), channel.get("name") or None)
