"""Who may do what from Slack.

- Anyone may read (``help``, ``list`` and ``summary`` of the channel they are in) and may
  subscribe, unsubscribe, mute and unmute the channel they are in, for companies that
  exist in the rules file.
- Subscribing to every company (``*``) and anything about another channel need an admin:
  a user listed in ``NEWSWATCH_SLACK_ADMINS``, or a member of a user group listed there.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from . import commands

GROUP_CACHE_S = 60.0


@dataclass(frozen=True)
class Actor:
    """Who ran the command, and where."""

    user_id: str
    user_name: str
    channel_id: str
    channel_name: str | None

    @property
    def channel_label(self) -> str:
        return f"#{self.channel_name}" if self.channel_name else self.channel_id


MembersOf = Callable[[str], Awaitable[set[str]]]
"""``members_of(usergroup_id)``: the user ids in a Slack user group."""


class AccessPolicy:
    def __init__(self, admins: list[str], members_of: MembersOf) -> None:
        self.admin_users = frozenset(a for a in admins if a[:1] in ("U", "W"))
        self.admin_groups = tuple(a for a in admins if a[:1] == "S")
        self._members_of = members_of
        self._groups: dict[str, tuple[float, set[str]]] = {}
        self._lock = asyncio.Lock()

    async def is_admin(self, user_id: str) -> bool:
        if user_id in self.admin_users:
            return True
        for group in self.admin_groups:
            if user_id in await self._members(group):
                return True
        return False

    async def refusal(self, command: commands.Command, actor: Actor,
                      target_channel: str) -> str | None:
        """Why ``actor`` may not run ``command`` on ``target_channel``, or None if they may."""
        needs = _admin_reason(command, actor, target_channel)
        if needs is None or await self.is_admin(actor.user_id):
            return None
        return needs

    async def _members(self, group: str) -> set[str]:
        async with self._lock:
            cached = self._groups.get(group)
            if cached is not None and time.monotonic() - cached[0] < GROUP_CACHE_S:
                return cached[1]
        members = await self._members_of(group)
        async with self._lock:
            self._groups[group] = (time.monotonic(), members)
        return members


def _admin_reason(command: commands.Command, actor: Actor, target_channel: str) -> str | None:
    if isinstance(command, commands.Help):
        return None
    if target_channel != actor.channel_id:
        what = ("see" if isinstance(command, commands.ListSubscriptions | commands.Summary)
                else "change")
        return f"only newswatch admins may {what} the subscriptions of another channel"
    if isinstance(command, commands.Subscribe) and command.company == "*":
        return "only newswatch admins may subscribe a channel to every company (*)"
    return None
