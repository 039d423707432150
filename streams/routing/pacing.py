"""Pacing: when a channel gets each alert the stories decided on.

Per channel, after ``Router``: a realtime alert goes out now unless its subscription is in
quiet hours or the channel's budget is spent; a digest subscription's alerts wait for its
schedule. Whatever waits becomes an entry of the channel's next digest, sent when a
``DigestTick`` says its time has come. Nothing is dropped: a full queue sends its digest
early rather than lose anything.

Pure logic over a per-channel ``ChannelState``, like ``Router``: the Faust ``pace`` agent
keeps it in a table, a backtest in a dict. Decisions use the channel's clock, the latest
event time it has seen; only ticks bring in another clock (the worker's wall clock, or
event time in a backtest), and they only decide when due digests go out.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from ...schemas.alert import Alert, AlertMessage
from ...schemas.base import UTCDateTime
from ...schemas.digest import DigestAlert, DigestEntry, DigestTick, HeldReason
from ...schemas.rules import RulesFile, Subscription
from ...schemas.schedules import Schedule
from .budget import BudgetState, spend
from .digest import build_digest, entry_for, merge

MAX_PENDING = 100
"""Stories a channel holds at most; one more sends the digest early (nothing is dropped)."""
MAX_REMEMBERED = 500
"""Alert decisions and digested stories remembered per channel, for redeliveries and for
threading later replies under a digest."""
MAX_FLUSHES = 3
"""Digests remembered per channel with what triggered them, for redeliveries: after a
crash, every message since the last committed offset comes again, possibly several
ticks, while the table already says their digests went out."""


class Flush(BaseModel):
    """A digest sent, and what sent it (a tick's id, or the alert that filled the queue)."""

    cause: str
    parts: list[DigestAlert]

Decision = Literal["sent", "held", "dropped"]


class ChannelState(BaseModel):
    """What pacing remembers about one channel (the Faust table's value)."""

    clock: UTCDateTime | None = Field(default=None, description="Latest event time seen")
    last_flush: UTCDateTime | None = Field(default=None, description="When a digest last went")
    budget: BudgetState = Field(default_factory=BudgetState)
    pending: list[DigestEntry] = Field(default_factory=list)
    decided: dict[str, str] = Field(
        default_factory=dict, description="Alert id -> 'held', 'dropped', or 'sent' plus the "
        "parent it was sent under ('sent>' + id): a redelivered alert gets the same answer")
    digested: dict[str, str] = Field(
        default_factory=dict, description="Story id -> the digest its first alert went out in")
    flushes: list[Flush] = Field(
        default_factory=list, description=f"The last {MAX_FLUSHES} digests sent, by cause")


class ChannelPacer:
    """Decides, per channel, what goes out now and what waits for a digest."""

    def __init__(self, rules: RulesFile) -> None:
        self.rules = rules
        self._subscriptions = {(w.name, s.channel): s for w in rules.watches
                               for s in w.subscriptions}
        self._paced = {c.channel for c in rules.channels if c.budget is not None} | {
            s.channel for s in self._subscriptions.values()
            if s.mode == "digest" or s.quiet_hours}

    def paces(self, channel: str) -> bool:
        """Whether anything can hold ``channel``'s alerts back; if not, they bypass pacing."""
        return channel in self._paced

    def admit(self, alert: Alert, state: ChannelState) -> list[AlertMessage]:
        """What to send now for ``alert`` (itself, an edit, an early digest, or nothing)."""
        earlier = state.decided.get(alert.id)
        if earlier is not None:
            return self._again(alert, earlier, state)
        now = max(state.clock or alert.event.event_time, alert.event.event_time)
        state.clock = now
        sub = self._subscriptions.get((alert.watch, alert.channel))
        story = alert.parent_alert_id or alert.id
        waiting = next((i for i, e in enumerate(state.pending)
                        if e.story_id == story and e.watch == alert.watch), None)
        if waiting is not None:
            state.pending[waiting] = merge(state.pending[waiting], alert)
            return self._decide(state, alert, "held")
        if sub is not None and sub.mode == "digest":
            schedule = sub.digest_schedule
            assert schedule is not None  # the rules file requires one
            return self._hold(state, alert, "schedule", schedule, sub)
        digest_parent = state.digested.get(story) if alert.kind != "new" else None
        quiet_end = sub.quiet.end_if_quiet(now) if sub is not None and sub.quiet else None
        if alert.kind == "edit":
            # Silent, so quiet hours do not hold it; a story that began in a digest has no
            # message of its own to edit.
            return self._decide(state, alert, "dropped" if digest_parent else "sent")
        if quiet_end is not None:
            held = self._hold(state, alert, "quiet_hours", None, sub, due=quiet_end)
            if alert.kind == "update" and digest_parent is None:
                # The first message still shows the latest stage, without a sound.
                state.decided[alert.id] = "held+edit"
                return [_as_edit(alert), *held]
            return held
        policy = self.rules.channel_policy(alert.channel)
        if alert.kind == "new" and policy is not None and policy.budget is not None and \
                not spend(policy.budget, state.budget, now):
            return self._hold(state, alert, "budget", policy.overflow_schedule, sub)
        return self._decide(state, alert, "sent", digest_parent)

    def tick(self, tick: DigestTick, channel: str, state: ChannelState) -> list[DigestAlert]:
        """The digest due on ``channel`` by ``tick.now`` (its parts), or nothing."""
        earlier = _flushed(state, tick.id)
        if earlier is not None:
            return earlier  # the same tick redelivered: the same digest
        everything = tick.flush_all or not self.paces(channel)
        due = [e for e in state.pending if everything or e.due <= tick.now]
        if not due:
            return []
        sent = self._flush(channel, state, due)
        state.last_flush = max(state.last_flush or tick.now, tick.now)
        _remember_flush(state, tick.id, sent)
        return sent

    # ---- internals -------------------------------------------------------------------------
    def _hold(self, state: ChannelState, alert: Alert, why: HeldReason,
              schedule: Schedule | None, sub: Subscription | None,
              due: datetime | None = None) -> list[AlertMessage]:
        now = state.clock or alert.event.event_time
        if due is None:
            assert schedule is not None
            # After the last digest too, so a late article does not make a second one.
            due = schedule.next_after(max(now, state.last_flush or now))
            quiet_end = sub.quiet.end_if_quiet(due) if sub is not None and sub.quiet else None
            due = quiet_end or due
        state.pending.append(entry_for(alert, why, due))
        held = self._decide(state, alert, "held")
        if len(state.pending) > MAX_PENDING:
            early = self._flush(alert.channel, state, list(state.pending))
            # Remembered like a tick's digest, so a redelivery of this alert sends it again.
            _remember_flush(state, _early(alert), early)
            return [*held, *early]
        return held

    def _flush(self, channel: str, state: ChannelState,
               entries: list[DigestEntry]) -> list[DigestAlert]:
        parts = build_digest(channel, entries)
        sent = {id(e) for e in entries}
        state.pending = [e for e in state.pending if id(e) not in sent]
        for entry in entries:
            if entry.kind == "new":
                state.digested[entry.story_id] = parts[0].digest_id
        state.digested = _newest(state.digested)
        return parts

    def _again(self, alert: Alert, earlier: str, state: ChannelState) -> list[AlertMessage]:
        """A redelivered alert (a crash before the offset was committed) gets the answer it
        got the first time; the notifier's ledger keeps Slack from seeing anything twice."""
        out: list[AlertMessage] = []
        if earlier.startswith("sent"):
            out.append(_under(alert, earlier.partition(">")[2]))
        elif earlier == "held+edit":
            out.append(_as_edit(alert))
        out.extend(_flushed(state, _early(alert)) or [])
        return out

    def _decide(self, state: ChannelState, alert: Alert, decision: Decision,
                parent: str | None = None) -> list[AlertMessage]:
        state.decided[alert.id] = f"sent>{parent or ''}" if decision == "sent" else decision
        state.decided = _newest(state.decided)
        return [_under(alert, parent)] if decision == "sent" else []


def _under(alert: Alert, parent: str | None) -> Alert:
    """``alert`` threaded under ``parent`` (a digest) instead of its story's first alert."""
    return alert.model_copy(update={"parent_alert_id": parent}) if parent else alert


def _as_edit(alert: Alert) -> Alert:
    """The silent half of a stage update: edit the story's message, post nothing."""
    return Alert.model_validate({**alert.model_dump(exclude={"id"}), "kind": "edit"})


def _flushed(state: ChannelState, cause: str) -> list[DigestAlert] | None:
    return next((list(f.parts) for f in state.flushes if f.cause == cause), None)


def _remember_flush(state: ChannelState, cause: str, parts: list[DigestAlert]) -> None:
    state.flushes = [*state.flushes, Flush(cause=cause, parts=parts)][-MAX_FLUSHES:]


def _early(alert: Alert) -> str:
    return f"early:{alert.id}"


def _newest(mapping: dict[str, str]) -> dict[str, str]:
    if len(mapping) <= MAX_REMEMBERED:
        return mapping
    return dict(list(mapping.items())[-MAX_REMEMBERED:])
