"""The Slack app itself: slash commands, alert buttons and reactions, whatever the transport.

``SlackApp`` turns one Slack payload into a reply (for commands and clicks) or a record (for
reactions). Socket Mode and the HTTP endpoint (``transport_socket``, ``transport_http``)
only receive, acknowledge and pass payloads here, so both behave the same. Every change of
a channel's subscriptions is written to Kafka before the reply says it was made, and is
logged with who made it and when.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from ...schemas.base import utcnow
from ...schemas.rules import RulesFile, Watch
from ...schemas.subscriptions import ChannelSubscriptions
from . import changes, commands, grammar, replies
from .companies import RulesSource
from .dedupe import Once
from .feedback import FeedbackHandler
from .policy import AccessPolicy, Actor
from .replies import Reply
from .store import SubscriptionStore
from .summary import SummarySource

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Target:
    """The channel a command is about."""

    id: str
    name: str | None

    @property
    def label(self) -> str:
        return f"#{self.name}" if self.name else self.id

    def names(self) -> set[str]:
        return {self.id} | ({self.name, f"#{self.name}"} if self.name else set())


class SlackApp:
    def __init__(self, *, web: AsyncWebClient, store: SubscriptionStore, rules: RulesSource,
                 policy: AccessPolicy, feedback: FeedbackHandler, summaries: SummarySource,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.web = web
        self.store = store
        self.rules = rules
        self.policy = policy
        self.feedback = feedback
        self.summaries = summaries
        self.clock = clock
        self._once: Once[Reply | None] = Once()
        self._channel_locks: dict[str, asyncio.Lock] = {}

    async def start(self) -> None:
        """Read the channels' state and learn the bot's own user id (for reactions)."""
        loaded = await asyncio.to_thread(self.store.load)
        identity = await self.web.auth_test()
        self.feedback.bot_user_id = str(identity.get("user_id") or "") or None
        log.info("slack app: %d channel(s) with subscriptions made in Slack; bot user %s",
                 loaded, self.feedback.bot_user_id)

    # ---- entry points (one per payload kind) --------------------------------------------
    async def command(self, payload: dict[str, Any]) -> Reply:
        """A slash command: the ephemeral reply to show its author."""
        reply = await self._once.run(_key("command", payload.get("trigger_id")),
                                     lambda: self._command(payload))
        assert reply is not None
        return reply

    async def interaction(self, payload: dict[str, Any]) -> Reply | None:
        """A click on an alert's button: the ephemeral reply, or None for other payloads."""
        if payload.get("type") != "block_actions":
            return None
        return await self._once.run(_key("action", payload.get("trigger_id")),
                                    lambda: self._interaction(payload))

    async def event(self, payload: dict[str, Any]) -> None:
        """An Events API callback (reactions); a redelivered ``event_id`` is ignored."""
        await self._once.run(_key("event", payload.get("event_id")),
                             lambda: self._event(payload))

    async def respond(self, response_url: str, reply: Reply) -> None:
        """Send a reply to a ``response_url`` (after the 3-second acknowledgement)."""
        try:
            response = await AsyncWebhookClient(response_url, timeout=10).send_dict(
                reply.payload())
            if response.status_code != 200:
                log.warning("reply not delivered: response_url answered HTTP %d",
                            response.status_code)
        except (TimeoutError, SlackClientError, OSError) as exc:
            log.warning("reply not delivered: %s", type(exc).__name__)

    # ---- commands ------------------------------------------------------------------------
    async def _command(self, payload: dict[str, Any]) -> Reply:
        try:
            return await self._run_command(payload)
        except Exception:  # Slack unreachable, a scope missing...: say so, never go silent
            log.exception("command %r from %s failed", str(payload.get("text"))[:200],
                          payload.get("user_id"))
            return replies.failed("answer")

    async def _run_command(self, payload: dict[str, Any]) -> Reply:
        actor = Actor(str(payload.get("user_id") or ""), str(payload.get("user_name") or ""),
                      str(payload.get("channel_id") or ""),
                      payload.get("channel_name") or None)
        directory = self.rules.current()
        text = str(payload.get("text") or "")
        try:
            command = grammar.parse_command(text, directory)
        except commands.CommandError as exc:
            log.info("command from %s in %s not understood (%s): %r", actor.user_id,
                     actor.channel_label, exc.message, text[:200])
            return replies.command_error(exc)
        if isinstance(command, commands.Help):
            return replies.help_reply()
        target = await self._target(command.channel, actor)
        if isinstance(target, Reply):
            return target
        refusal = await self.policy.refusal(command, actor, target.id)
        if refusal is not None:
            log.warning("refused %s (%s) in %s: %r: %s", actor.user_id, actor.user_name,
                        actor.channel_label, text[:200], refusal)
            return replies.refused(refusal)
        if isinstance(command, commands.ListSubscriptions):
            await asyncio.to_thread(self.store.catch_up)
            return self._listing(target, directory.rules)
        if isinstance(command, commands.Summary):
            return await self._summary(target, command)
        if isinstance(command, commands.Subscribe | commands.Mute):
            problem = await self._membership_problem(target)
            if problem is not None:
                return problem
        return await self._change(command, actor.user_id, actor.user_name, target,
                                  directory.rules)

    async def _change(self, command: commands.Command, user_id: str, user_name: str,
                      target: Target, rules: RulesFile) -> Reply:
        lock = self._channel_locks.setdefault(target.id, asyncio.Lock())
        async with lock:  # one change at a time per channel: none is lost
            try:
                await asyncio.to_thread(self.store.catch_up)
            except Exception as exc:
                log.error("cannot read the subscriptions topic: %s: %s", type(exc).__name__, exc)
                return replies.failed()
            state = self.store.get(target.id) or ChannelSubscriptions(channel=target.id)
            if target.name and state.channel_name != target.name:
                state = state.model_copy(update={"channel_name": target.name})
            change = _apply(command, state, user_id, self.clock())
            if not change.changed:
                return replies.unchanged(change, _file_note(command, target, rules))
            try:
                await asyncio.to_thread(self.store.write, change.state)
            except Exception as exc:
                log.error("subscription change by %s in %s not saved: %s: %s", user_id,
                          target.label, type(exc).__name__, exc)
                return replies.failed()
        log.info("subscriptions: %s (%s) changed %s (%s) at %s: %s", user_id, user_name,
                 target.label, target.id, change.state.updated_at.isoformat(), change.summary)
        return replies.changed(change, user_id)

    def _listing(self, target: Target, rules: RulesFile) -> Reply:
        return replies.listing(replies.ChannelView(
            target.label, file_watches(rules, target.names()), self.store.get(target.id),
            frozenset(c.name for c in rules.companies), self.clock()))

    async def _summary(self, target: Target, command: commands.Summary) -> Reply:
        problem = await self._membership_problem(target)
        if problem is not None:
            return problem
        since = self.clock() - timedelta(days=command.days)
        try:
            summary = await asyncio.to_thread(self.summaries.collect, target.names(),
                                              target.label, since, self.clock())
            await self.web.chat_postMessage(channel=target.id, text=summary.text,
                                            blocks=summary.blocks, unfurl_links=False)
        except Exception as exc:  # Kafka or Slack: the summary is not posted, say so
            log.error("summary for %s not posted: %s: %s", target.label, type(exc).__name__,
                      exc)
            return replies.failed("post the summary")
        return replies.posted(f"Posted the summary of the last {command.days} days to "
                              f"{target.label}")

    async def _target(self, ref: commands.ChannelRef | None, actor: Actor) -> Target | Reply:
        here = Target(actor.channel_id, actor.channel_name)
        if ref is None or ref.id == actor.channel_id or (
                ref.id is None and ref.name == actor.channel_name):
            return here
        if ref.id is not None:
            info = await self._channel_info(ref.id)
            return replies.unknown_channel(ref.label) if info is None else Target(
                ref.id, str(info.get("name") or ref.name or "") or None)
        found = await self._channel_named(str(ref.name))
        return replies.unknown_channel(ref.label) if found is None else found

    async def _membership_problem(self, target: Target) -> Reply | None:
        """Why alerts could not be posted in ``target`` (the bot is not in it), or None."""
        if target.id.startswith("D"):
            return None  # a direct message with the bot: nothing to join
        info = await self._channel_info(target.id)
        if info is None or not info.get("is_member"):
            return replies.not_in_channel(target.label)
        return None

    async def _channel_info(self, channel_id: str) -> dict[str, Any] | None:
        try:
            response = await self.web.conversations_info(channel=channel_id)
        except SlackApiError as exc:
            if exc.response.get("error") != "channel_not_found":
                raise  # Slack in trouble is not "no such channel"
            return None  # or a private channel the bot is not in
        channel = response.get("channel")
        return channel if isinstance(channel, dict) else None

    async def _channel_named(self, name: str) -> Target | None:
        cursor: str | None = None
        for _ in range(20):
            response = await self.web.conversations_list(
                types="public_channel,private_channel", exclude_archived=True, limit=1000,
                cursor=cursor)
            for channel in response.get("channels") or []:
                if channel.get("name") == name:
                    return Target(str(channel["id"]), name)
            cursor = (response.get("response_metadata") or {}).get("next_cursor") or None
            if not cursor:
                break
        return None

    # ---- buttons and reactions -----------------------------------------------------------
    async def _interaction(self, payload: dict[str, Any]) -> Reply | None:
        found = self.feedback.mute_request(payload)
        if found is None:
            return await self.feedback.from_click(payload)
        user_id, ref, mute = found
        target = Target(str(ref.id), ref.name)
        problem = await self._membership_problem(target)
        if problem is not None:
            return problem
        return await self._change(mute, user_id, "", target, self.rules.current().rules)

    async def _event(self, payload: dict[str, Any]) -> None:
        event = payload.get("event") or {}
        if event.get("type") == "app_home_opened" and event.get("tab", "home") == "home":
            await self._home(str(event.get("user") or ""))
            return None
        await self.feedback.from_event(payload)
        return None

    async def _home(self, user_id: str) -> None:
        """The App Home tab: the commands, and for admins every channel's subscriptions."""
        if not user_id:
            return
        admin = await self.policy.is_admin(user_id)
        channels = self.store.all() if admin else []
        view = replies.home_view(channels, admin=admin, now=self.clock())
        try:
            await self.web.views_publish(user_id=user_id, view=view)
        except (SlackApiError, SlackClientError, OSError) as exc:
            log.warning("App Home for %s not published: %s", user_id, type(exc).__name__)


def _apply(command: commands.Command, state: ChannelSubscriptions, user: str,
           now: datetime) -> changes.Change:
    if isinstance(command, commands.Subscribe):
        return changes.subscribe(state, command, user, now)
    if isinstance(command, commands.Unsubscribe):
        return changes.unsubscribe(state, command, user, now)
    if isinstance(command, commands.Mute):
        return changes.mute(state, command, user, now)
    if isinstance(command, commands.Unmute):
        return changes.unmute(state, command, user, now)
    raise TypeError(f"not a change: {type(command).__name__}")


def file_watches(rules: RulesFile, channel_names: set[str]) -> list[Watch]:
    """The rules file's watches that post to the channel known by any of ``channel_names``."""
    return [w for w in rules.watches if any(s.channel in channel_names for s in w.subscriptions)]


def _file_note(command: commands.Command, target: Target, rules: RulesFile) -> str | None:
    """When an unsubscribe finds nothing of its own: say which file watch sends it."""
    if not isinstance(command, commands.Unsubscribe):
        return None
    watches = [w for w in file_watches(rules, target.names())
               if command.company in (commands.ALL, "*") or w.covers_company(command.company)]
    if not watches:
        return None
    names = ", ".join(f"`{w.name}`" for w in watches)
    return (f"{target.label} gets this from {names} in the rules file, which only its keepers "
            f"can change; /newswatch mute stops it for a while.")


def _key(kind: str, value: object) -> str | None:
    return f"{kind}:{value}" if value else None
