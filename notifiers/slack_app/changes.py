"""What a subscribe/unsubscribe/mute/unmute does to a channel's state: pure, no I/O.

Each function takes the channel's current ``ChannelSubscriptions`` and returns a ``Change``:
the new state, whether anything changed, and in plain words what did (for the reply and
the audit trail). Expired mutes are dropped whenever a channel changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from ...schemas.event import EVENT_TYPES
from ...schemas.subscriptions import (
    MAX_CHANGES,
    ChannelSubscriptions,
    Mute,
    SlackSubscription,
    SubscriptionChange,
)
from . import commands

DEFAULT_MIN_CONFIDENCE = 0.5


@dataclass(frozen=True)
class Change:
    state: ChannelSubscriptions
    changed: bool
    summary: str  # one line, for the reply's headline and the audit trail


def events_text(events: Sequence[str]) -> str:
    return "all event types" if "*" in events else ", ".join(e.replace("_", " ") for e in events)


def company_text(company: str) -> str:
    return "every company (*)" if company == "*" else company


def subscribe(state: ChannelSubscriptions, command: commands.Subscribe, user: str,
              now: datetime) -> Change:
    """Add the company, or widen its event types / set its threshold if already there."""
    existing = next((s for s in state.subscriptions if s.company == command.company), None)
    events = _merged(existing.events if existing else [], list(command.events))
    threshold = (command.min_confidence if command.min_confidence is not None
                 else existing.min_confidence if existing else DEFAULT_MIN_CONFIDENCE)
    what = f"{company_text(command.company)}: {events_text(events)}, min confidence {threshold:.2f}"
    if existing and existing.events == events and existing.min_confidence == threshold:
        return Change(state, False, f"{state.label} already receives {what}")
    entry = SlackSubscription(company=command.company, events=events,
                              min_confidence=threshold, added_by=user, added_at=now)
    subs = [entry if s is existing else s for s in state.subscriptions]
    if existing is None:
        subs.append(entry)
    verb = "Updated" if existing else "Subscribed"
    summary = (f"{verb} {state.label} to {what}" if existing is None
               else f"{verb} {state.label}'s subscription to {what}")
    return _changed(state, now, user, "subscribe", summary, subscriptions=subs)


def unsubscribe(state: ChannelSubscriptions, command: commands.Unsubscribe, user: str,
                now: datetime) -> Change:
    """Remove a company (or some of its event types), or ``all`` of the channel's own."""
    if command.company == commands.ALL:
        if not state.subscriptions:
            return Change(state, False, f"{state.label} has no subscriptions made in Slack")
        gone = [company_text(s.company) for s in state.subscriptions]
        return _changed(state, now, user, "unsubscribe",
                        f"Unsubscribed {state.label} from {', '.join(gone)}", subscriptions=[])
    existing = next((s for s in state.subscriptions if s.company == command.company), None)
    if existing is None:
        return Change(state, False, f"{state.label} has no Slack subscription to "
                                    f"{company_text(command.company)}")
    if not command.events:
        subs = [s for s in state.subscriptions if s is not existing]
        return _changed(state, now, user, "unsubscribe",
                        f"Unsubscribed {state.label} from {company_text(command.company)}",
                        subscriptions=subs)
    have = list(EVENT_TYPES) if "*" in existing.events else list(existing.events)
    left = [e for e in have if e not in command.events]
    removed = [e for e in command.events if e in have]
    if not removed:
        return Change(state, False, f"{state.label} does not receive {events_text(command.events)}"
                                    f" for {command.company}")
    if not left:
        subs = [s for s in state.subscriptions if s is not existing]
    else:
        kept = existing.model_copy(update={"events": left})
        subs = [kept if s is existing else s for s in state.subscriptions]
    summary = (f"Unsubscribed {state.label} from {events_text(removed)} for {command.company}"
               + (f"; it still receives {events_text(left)}" if left else ""))
    return _changed(state, now, user, "unsubscribe", summary, subscriptions=subs)


def mute(state: ChannelSubscriptions, command: commands.Mute, user: str,
         now: datetime) -> Change:
    """Silence a company or a story in the channel until now + duration (replacing a mute
    of the same target)."""
    until = now + command.duration
    entry = Mute(company=command.company, event_type=command.event_type,
                 counterparty=command.counterparty, until=until, set_by=user, set_at=now)
    mutes = [m for m in state.active_mutes(now) if _target(m) != _target(entry)]
    mutes.append(entry)
    summary = f"Muted {mute_text(entry)} in {state.label} until {until:%Y-%m-%d %H:%M} UTC"
    return _changed(state, now, user, "mute", summary, mutes=mutes)


def unmute(state: ChannelSubscriptions, command: commands.Unmute, user: str,
           now: datetime) -> Change:
    """Lift mutes: every one (``all``), a company's (with its stories), or one story."""
    active = state.active_mutes(now)

    def lifted(m: Mute) -> bool:
        if command.company == commands.ALL:
            return True
        if m.company != command.company:
            return False
        if command.event_type is None:
            return True
        return m.event_type == command.event_type and (
            command.counterparty is None
            or (m.counterparty or "").casefold() == command.counterparty.casefold())

    gone = [m for m in active if lifted(m)]
    if not gone:
        return Change(state, False, f"Nothing like that is muted in {state.label}")
    summary = f"Unmuted {', '.join(mute_text(m) for m in gone)} in {state.label}"
    return _changed(state, now, user, "unmute", summary,
                    mutes=[m for m in active if not lifted(m)])


def mute_text(mute: Mute) -> str:
    story = ""
    if mute.event_type:
        story = f" {mute.event_type.replace('_', ' ')}"
        if mute.counterparty:
            story += f" with {mute.counterparty}"
        story += " story"
    return company_text(mute.company) + story


def _target(mute: Mute) -> tuple[str, str | None, str | None]:
    return mute.company, mute.event_type, (mute.counterparty or "").casefold() or None


def _merged(have: Sequence[str], new: Sequence[str]) -> list[str]:
    if "*" in have or "*" in new:
        return ["*"]
    merged = [*have, *(e for e in new if e not in have)]
    # Every type listed one by one is the same as all of them.
    return ["*"] if set(merged) >= set(EVENT_TYPES) else merged


def _changed(state: ChannelSubscriptions, now: datetime, user: str, action: str,
             summary: str, *, subscriptions: list[SlackSubscription] | None = None,
             mutes: list[Mute] | None = None) -> Change:
    change = SubscriptionChange(at=now, by=user, action=action,
                                summary=summary)
    new = state.model_copy(update={
        "subscriptions": state.subscriptions if subscriptions is None else subscriptions,
        "mutes": state.active_mutes(now) if mutes is None else mutes,
        "changes": [*state.changes, change][-MAX_CHANGES:],
        "updated_at": now,
    })
    return Change(new, True, summary)
