"""The ``/newswatch`` commands, typed: what ``grammar`` makes of the text a person typed.

Each command is a frozen dataclass naming the channel it is about (None: where it was
typed); ``CommandError`` says in words what is wrong with a command and what to type.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

ALL = "all"


@dataclass(frozen=True)
class ChannelRef:
    """A channel named in a command: ``<#C123|name>`` from Slack, ``#name``, or an id."""

    id: str | None = None
    name: str | None = None

    @property
    def label(self) -> str:
        return f"#{self.name}" if self.name else (self.id or "?")


@dataclass(frozen=True)
class Help:
    pass


@dataclass(frozen=True)
class ListSubscriptions:
    channel: ChannelRef | None = None


@dataclass(frozen=True)
class Subscribe:
    company: str  # canonical, or "*"
    events: tuple[str, ...]  # event types, or ("*",)
    min_confidence: float | None = None
    channel: ChannelRef | None = None


@dataclass(frozen=True)
class Unsubscribe:
    company: str  # canonical, "*", or ALL (every subscription of the channel)
    events: tuple[str, ...] = ()  # only these event types; () for the whole subscription
    channel: ChannelRef | None = None


@dataclass(frozen=True)
class Mute:
    company: str  # canonical, or "*"
    duration: timedelta
    event_type: str | None = None
    counterparty: str | None = None
    channel: ChannelRef | None = None


@dataclass(frozen=True)
class Unmute:
    company: str  # canonical, "*", or ALL
    event_type: str | None = None
    counterparty: str | None = None
    channel: ChannelRef | None = None


@dataclass(frozen=True)
class Summary:
    days: int = 7
    channel: ChannelRef | None = None


Command = Help | ListSubscriptions | Subscribe | Unsubscribe | Mute | Unmute | Summary


class CommandError(Exception):
    """What is wrong with the command, in words for the person who typed it."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        self.message, self.hint = message, hint
        super().__init__(message)


class UnknownCompany(CommandError):
    def __init__(self, name: str, suggestions: list[str]) -> None:
        self.name, self.suggestions = name, suggestions
        super().__init__(f"no company called “{name}” in the rules file",
                         hint="companies are defined in the rules file; ask whoever keeps "
                              "it to add one")
