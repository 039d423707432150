"""What Slack sends an app, built from the emulated workspace: commands, clicks, reactions.

The same payloads travel over Socket Mode (``socket_mode``) and over signed HTTP
(``signed``), so an app sees the same thing whichever transport it uses. Field names and
shapes follow Slack's documentation of slash commands, ``block_actions`` and the Events
API's ``reaction_added``/``reaction_removed``.
"""

from __future__ import annotations

import secrets
import time
from typing import Any

from tests.slack_emulator.socket_mode import APP_ID
from tests.slack_emulator.workspace import TEAM_ID, Message, Workspace


def trigger_id() -> str:
    return f"{int(time.time())}.{secrets.randbelow(10**9)}.{secrets.token_hex(16)}"


def channel_of(workspace: Workspace, ref: str) -> tuple[str, str]:
    """(id, name) of the channel ``ref`` names, created if it does not exist yet."""
    with workspace.lock:
        chan = workspace.find_channel(ref, create=True)
    assert chan is not None, ref
    return chan.id, chan.name


def slash_command(workspace: Workspace, text: str, *, user: str, channel: str,
                  response_url: str, command: str = "/newswatch",
                  trigger: str | None = None) -> dict[str, str]:
    channel_id, channel_name = channel_of(workspace, channel)
    return {
        "token": "verification-token-unused", "team_id": TEAM_ID,
        "team_domain": "newswatch-emulator", "channel_id": channel_id,
        "channel_name": channel_name, "user_id": user,
        "user_name": workspace.users.get(user, user.lower()), "command": command,
        "text": text, "api_app_id": APP_ID, "is_enterprise_install": "false",
        "response_url": response_url, "trigger_id": trigger or trigger_id(),
    }


def block_actions(workspace: Workspace, message: Message, action_id: str, *, user: str,
                  response_url: str, trigger: str | None = None) -> dict[str, Any]:
    """A click on the button ``action_id`` of ``message`` (its value taken from the blocks)."""
    button = next((e for b in message.blocks or [] if b.get("type") == "actions"
                   for e in b.get("elements", []) if e.get("action_id") == action_id), None)
    assert button is not None, f"no button {action_id!r} on message {message.ts}"
    with workspace.lock:
        name = workspace.channels[message.channel].name
    return {
        "type": "block_actions",
        "user": {"id": user, "username": workspace.users.get(user, user.lower()),
                 "team_id": TEAM_ID},
        "api_app_id": APP_ID, "token": "verification-token-unused",
        "container": {"type": "message", "message_ts": message.ts,
                      "channel_id": message.channel, "is_ephemeral": False},
        "trigger_id": trigger or trigger_id(),
        "team": {"id": TEAM_ID, "domain": "newswatch-emulator"},
        "channel": {"id": message.channel, "name": name},
        "message": message.to_api(with_metadata=False),
        "response_url": response_url,
        "actions": [{"action_id": action_id, "block_id": "newswatch_feedback",
                     "text": button["text"], "value": button.get("value", ""),
                     "type": "button", "action_ts": f"{time.time():.6f}"}],
    }


def reaction(message: Message, emoji: str, *, user: str, item_user: str, removed: bool = False,
             event_id: str | None = None) -> dict[str, Any]:
    """An Events API callback for a reaction added to (or removed from) ``message``."""
    return {
        "token": "verification-token-unused", "team_id": TEAM_ID, "api_app_id": APP_ID,
        "event": {"type": "reaction_removed" if removed else "reaction_added", "user": user,
                  "reaction": emoji, "item_user": item_user,
                  "item": {"type": "message", "channel": message.channel, "ts": message.ts},
                  "event_ts": f"{time.time():.6f}"},
        "type": "event_callback", "event_id": event_id or f"Ev{secrets.token_hex(6).upper()}",
        "event_time": int(time.time()),
    }


def app_home_opened(user: str, *, event_id: str | None = None) -> dict[str, Any]:
    return {
        "token": "verification-token-unused", "team_id": TEAM_ID, "api_app_id": APP_ID,
        "event": {"type": "app_home_opened", "user": user, "channel": "D0HOME",
                  "tab": "home", "event_ts": f"{time.time():.6f}"},
        "type": "event_callback", "event_id": event_id or f"Ev{secrets.token_hex(6).upper()}",
        "event_time": int(time.time()),
    }
