"""The rules file users write: watched companies, watches and their Slack channels."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .errors import LocatedProblem, LocatedProblems
from .event import EventType


class _RulesModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Company(_RulesModel):
    name: str = Field(min_length=1, description="Canonical name, used in events and alerts")
    aliases: list[str] = Field(default_factory=list)
    tickers: list[str] = Field(default_factory=list)
    brands: list[str] = Field(
        default_factory=list,
        description="Brands and subsidiaries that count as this company (Instagram for Meta); "
        "alerts name the brand beside the company",
    )
    exclude: list[str] = Field(
        default_factory=list, description="Contexts that are not the company, e.g. 'meta-analysis'"
    )
    ambiguous: bool | None = Field(
        default=None,
        description="Needs corroboration before it counts (default: guessed from the names)",
    )

    @field_validator("aliases", "brands", "tickers", "exclude")
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
        return [
            c if isinstance(c, Subscription) else Subscription(channel=c) for c in self.channels
        ]

    def covers_company(self, company: str) -> bool:
        return "*" in self.companies or company in self.companies

    def covers_event(self, event_type: str) -> bool:
        return "*" in self.events or event_type in self.events

    def covers(self, company: str, event_type: str) -> bool:
        return self.covers_company(company) and self.covers_event(event_type)


class RulesFile(_RulesModel):
    companies: list[Company] = Field(default_factory=list)
    watches: list[Watch] = Field(default_factory=list)

    @model_validator(mode="after")
    def _cross_checks(self) -> RulesFile:
        problems = cross_check(self.model_dump(include={"companies", "watches"}))
        if problems:
            raise LocatedProblems(problems)
        return self

    def company(self, name: str) -> Company | None:
        return next((c for c in self.companies if c.name == name), None)


def cross_check(data: Any) -> list[LocatedProblem]:
    """Duplicate names and unknown companies, on raw data that may be malformed elsewhere
    (so a file with a typo in one watch still gets every other problem reported)."""
    if not isinstance(data, dict):
        return []
    companies = _named(data.get("companies"))
    watches = _named(data.get("watches"))
    problems = _duplicates(companies, "company name", "companies")
    problems += _duplicates(watches, "watch name", "watches")
    problems += _brand_owners(data.get("companies"))
    known = {name for _index, name in companies}
    raw_watches: list[Any] = data["watches"] if watches else []
    for wi, _name in watches:
        refs = raw_watches[wi].get("companies")
        if not isinstance(refs, list):
            continue
        for ci, ref in enumerate(refs):
            if isinstance(ref, str) and ref != "*" and ref not in known:
                problems.append(LocatedProblem(("watches", wi, "companies", ci),
                                               f"unknown company {ref!r}"
                                               + _suggest(ref, known)))
    return problems


def _named(entries: Any) -> list[tuple[int, str]]:
    """(index, name) of the entries that are mappings with a text name."""
    if not isinstance(entries, list):
        return []
    return [(i, e["name"]) for i, e in enumerate(entries)
            if isinstance(e, dict) and isinstance(e.get("name"), str)]


def _duplicates(named: list[tuple[int, str]], what: str, section: str) -> list[LocatedProblem]:
    seen: dict[str, tuple[int, str]] = {}
    problems = []
    for index, name in named:
        key = name.casefold()
        if key in seen:
            first, first_name = seen[key]
            case = "" if first_name == name else f", same as {first_name!r} ignoring case"
            problems.append(LocatedProblem((section, index, "name"),
                                           f"duplicate {what} {name!r}{case}",
                                           also=(section, first, "name")))
        else:
            seen[key] = (index, name)
    return problems


def _brand_owners(entries: Any) -> list[LocatedProblem]:
    """A brand names one company: not two parents, not another watched company's name."""
    if not isinstance(entries, list):
        return []
    owner: dict[str, str] = {}
    companies = [e for e in entries if isinstance(e, dict) and isinstance(e.get("name"), str)]
    for entry in companies:
        for name in [entry["name"], *_texts(entry.get("aliases"))]:
            owner.setdefault(name.casefold(), entry["name"])
    problems = []
    for index, entry in enumerate(entries):
        if not (isinstance(entry, dict) and isinstance(entry.get("name"), str)):
            continue
        for bi, brand in enumerate(_texts(entry.get("brands"))):
            other = owner.get(brand.casefold())
            if other is not None and other != entry["name"]:
                problems.append(LocatedProblem(
                    ("companies", index, "brands", bi),
                    f"brand {brand!r} of {entry['name']!r} already names {other!r}; "
                    "a brand counts as one company"))
            owner[brand.casefold()] = entry["name"]
    return problems


def _texts(values: Any) -> list[str]:
    return [v for v in values if isinstance(v, str)] if isinstance(values, list) else []


def _suggest(value: str, choices: Iterable[str]) -> str:
    import difflib

    options = list(choices)
    close = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def load_rules(path: str | Path) -> RulesFile:
    """Load and validate a rules file; every problem is reported, each with file:line."""
    from .yamlfile import load_yaml_model

    return load_yaml_model(path, RulesFile, allow_empty=False, cross_check=cross_check)
