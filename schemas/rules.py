"""The rules file users write: watched companies, watches and their Slack channels."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .event import EventType


class _RulesModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Company(_RulesModel):
    name: str = Field(min_length=1, description="Canonical name, used in events and alerts")
    aliases: list[str] = Field(default_factory=list)
    tickers: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(
        default_factory=list, description="Contexts that are not the company, e.g. 'meta-analysis'"
    )
    ambiguous: bool | None = Field(
        default=None,
        description="Needs corroboration before it counts (default: guessed from the names)",
    )

    @field_validator("aliases", "tickers", "exclude")
    @classmethod
    def _no_blank(cls, values: list[str]) -> list[str]:
        cleaned = [v.strip() for v in values]
        if any(not v for v in cleaned):
            raise ValueError("entries must not be blank")
        return cleaned


class Subscription(_RulesModel):
    """One Slack channel subscribed to a watch."""

    channel: str = Field(min_length=1, description="'#name' or a channel id like C0123ABCD")
    mentions: list[str] = Field(
        default_factory=list,
        description="Mentions added to each alert: 'here', 'channel', or user/group ids (U…, S…)",
    )
    template: Literal["default", "compact"] | None = None

    @field_validator("mentions")
    @classmethod
    def _known_mentions(cls, values: list[str]) -> list[str]:
        for value in values:
            if value in ("here", "channel", "everyone"):
                continue
            if value[:1] in ("U", "W", "S") and value[1:].isalnum() and value.isupper():
                continue
            raise ValueError(
                f"mention {value!r} must be 'here', 'channel', 'everyone' or a user/group id"
            )
        return values


class Watch(_RulesModel):
    name: str = Field(min_length=1)
    companies: list[str] = Field(min_length=1, description="Canonical names, or ['*']")
    events: list[EventType | Literal["*"]] = Field(min_length=1)
    channels: list[Subscription | str] = Field(min_length=1)
    min_confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    dedupe_hours: float = Field(
        default=72.0, gt=0, description="Copies of one story within this window alert once"
    )
    template: Literal["default", "compact"] | None = None

    @property
    def subscriptions(self) -> list[Subscription]:
        return list(self._subscriptions)

    # Routing asks these for every event and watch: built once per (immutable) watch.
    @cached_property
    def _subscriptions(self) -> tuple[Subscription, ...]:
        return tuple(
            c if isinstance(c, Subscription) else Subscription(channel=c) for c in self.channels
        )

    @cached_property
    def _company_set(self) -> frozenset[str]:
        return frozenset(self.companies)

    def covers_company(self, company: str) -> bool:
        return "*" in self._company_set or company in self._company_set

    def covers_event(self, event_type: str) -> bool:
        return "*" in self.events or event_type in self.events

    def covers(self, company: str, event_type: str) -> bool:
        return self.covers_company(company) and self.covers_event(event_type)


class RulesFile(_RulesModel):
    companies: list[Company] = Field(default_factory=list)
    watches: list[Watch] = Field(default_factory=list)

    @model_validator(mode="after")
    def _cross_checks(self) -> RulesFile:
        _unique([c.name for c in self.companies], "company name", "companies")
        _unique([w.name for w in self.watches], "watch name", "watches")
        known = {c.name for c in self.companies}
        for wi, watch in enumerate(self.watches):
            for ci, name in enumerate(watch.companies):
                if name != "*" and name not in known:
                    raise _LocatedValueError(
                        ("watches", wi, "companies", ci),
                        f"unknown company {name!r}" + _suggest(name, known),
                    )
        return self

    def company(self, name: str) -> Company | None:
        return next((c for c in self.companies if c.name == name), None)


class _LocatedValueError(ValueError):
    """A cross-field error that still knows where in the file it belongs."""

    def __init__(self, loc: tuple[str | int, ...], message: str) -> None:
        self.loc = loc
        super().__init__(message)


def _unique(names: list[str], what: str, section: str) -> None:
    seen: dict[str, int] = {}
    for index, name in enumerate(names):
        key = name.casefold()
        if key in seen:
            raise _LocatedValueError(
                (section, index, "name"),
                f"duplicate {what} {name!r} (first at {section}[{seen[key]}])",
            )
        seen[key] = index


def _suggest(value: str, choices: Iterable[str]) -> str:
    import difflib

    options = list(choices)
    close = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def load_rules(path: str | Path) -> RulesFile:
    """Load and validate a rules file; errors name the file and line."""
    from .yamlfile import load_yaml_model

    return load_yaml_model(path, RulesFile, allow_empty=False)
