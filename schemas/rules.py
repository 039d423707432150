"""The rules file users write: watched companies, watches, their Slack channels, and how
each channel wants its alerts (as they happen or in digests, quiet hours, a budget)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from .errors import LocatedProblem, LocatedProblems
from .event import EventType
from .schedules import (
    QuietHours,
    Schedule,
    parse_quiet_hours,
    parse_rate,
    parse_schedule,
)
from .validators import Duration

MAX_REALERT_WINDOW = timedelta(days=30)
"""Routing forgets a story this long after its last article, so no window is longer."""
DEFAULT_REALERT_WINDOW = timedelta(hours=72)
DEFAULT_MAX_REPLIES = 3


def _schedule(value: str) -> str:
    parse_schedule(value)
    return value


def _quiet_hours(value: str) -> str:
    parse_quiet_hours(value)
    return value


def _rate(value: str) -> str:
    parse_rate(value)
    return value


ScheduleText = Annotated[str, AfterValidator(_schedule)]
QuietHoursText = Annotated[str, AfterValidator(_quiet_hours)]
RateText = Annotated[str, AfterValidator(_rate)]


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


ArticleGenre = Literal["news", "newsletter", "opinion", "review", "tutorial", "transcript",
                       "release_notes", "job_ad", "market_report", "interview", "explainer",
                       "profile", "timeline", "year_in_review", "obituary", "forecast", "quiz"]
"""What kind of piece an article is; detection reads it from the title and the text, or
from a feed's ``genre`` setting."""


class FeedSettings(_RulesModel):
    """What the user knows about one feed that its text does not say: what kind of pieces
    it carries, and whose feed it is (a company's newsroom or blog, where "we" is the
    company)."""

    feed: str = Field(min_length=1, description="The feed's name in the feeds file, or the "
                      "source (feed title) its articles carry; case does not matter")
    genre: ArticleGenre | None = Field(
        default=None, description="Every piece of the feed is of this kind unless its title "
        "says otherwise: 'opinion' reports news only in headline and lead, 'newsletter' in "
        "the first sentence of each item (a news round-up or news show), 'news' even when "
        "the text is laid out as a transcript")
    owner: str | None = Field(
        default=None, description="The watched company whose feed this is: there 'we', "
        "'our team' and 'the <name> team' are the company")

    @field_validator("feed")
    @classmethod
    def _feed_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("feed name is blank")
        return value.strip()

    @model_validator(mode="after")
    def _says_something(self) -> FeedSettings:
        if self.genre is None and self.owner is None:
            raise ValueError(f"feed {self.feed!r} sets neither 'genre' nor 'owner'")
        return self


class Subscription(_RulesModel):
    """One Slack channel subscribed to a watch."""

    channel: str = Field(min_length=1, description="'#name' or a channel id like C0123ABCD")
    mentions: list[str] = Field(
        default_factory=list,
        description="Mentions added to each alert: 'here', 'channel', or user/group ids (U…, S…)",
    )
    template: Literal["default", "compact"] | None = None
    mode: Literal["realtime", "digest"] = Field(
        default="realtime",
        description="realtime: each alert as it happens; digest: collected and sent on schedule",
    )
    schedule: ScheduleText | None = Field(
        default=None, description="When a digest goes out (mode: digest), e.g. "
        "'hourly', 'daily 09:00 Europe/Berlin', 'weekdays 08:30 America/New_York'")
    quiet_hours: QuietHoursText | None = Field(
        default=None, description="Alerts then are held and sent as one digest when they end, "
        "e.g. '22:00-07:00 Europe/Berlin' or 'weekends 00:00-24:00 UTC; 20:00-08:00 UTC'")

    @model_validator(mode="after")
    def _mode_and_schedule(self) -> Subscription:
        if self.mode == "digest" and self.schedule is None:
            raise _LocatedValueError(("mode",), "mode 'digest' needs a schedule, e.g. "
                                     "schedule: daily 09:00 Europe/Berlin", relative=True)
        if self.mode == "realtime" and self.schedule is not None:
            raise _LocatedValueError(
                ("schedule",), "a schedule is for mode: digest (held realtime alerts go out "
                "when quiet hours end, or with the channel's overflow_digest)", relative=True)
        return self

    @property
    def digest_schedule(self) -> Schedule | None:
        return parse_schedule(self.schedule) if self.schedule else None

    @property
    def quiet(self) -> QuietHours | None:
        return parse_quiet_hours(self.quiet_hours) if self.quiet_hours else None

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
    realert_after: Duration | None = Field(
        default=None,
        description="The same story (company, event type, counterparty, person) within this "
        "long of its last article is threaded under the first alert; after it, a new alert. "
        "Default 72h, at most 30d")
    dedupe_hours: float | None = Field(
        default=None, gt=0, le=MAX_REALERT_WINDOW.total_seconds() / 3600,
        description="Older name for realert_after, in hours")
    max_replies: int = Field(
        default=DEFAULT_MAX_REPLIES, ge=0, le=50,
        description="Thread replies per story, stage updates included; the first message is "
        "still edited to the latest stage after that")
    template: Literal["default", "compact"] | None = None

    @model_validator(mode="after")
    def _one_window(self) -> Watch:
        if self.realert_after is not None and self.dedupe_hours is not None:
            raise _LocatedValueError(("dedupe_hours",), "give realert_after or dedupe_hours "
                                     "(its older name), not both", relative=True)
        if (self.realert_after is not None
                and self.realert_after > MAX_REALERT_WINDOW.total_seconds()):
            raise _LocatedValueError(("realert_after",), "realert_after must be at most 30d "
                                     "(a story older than that is news again)", relative=True)
        return self

    @property
    def realert_window(self) -> timedelta:
        if self.realert_after is not None:
            return timedelta(seconds=self.realert_after)
        if self.dedupe_hours is not None:
            return timedelta(hours=self.dedupe_hours)
        return DEFAULT_REALERT_WINDOW

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


class ChannelBudget(_RulesModel):
    """How many alerts a channel takes as they happen; the rest roll into its next digest."""

    burst: int = Field(default=3, ge=1, le=100, description="Alerts that may go out at once")
    rate: RateText | None = Field(
        default=None, description="Sustained rate once the burst is spent, e.g. '6/hour', '1/10m'")
    hourly_cap: int | None = Field(
        default=None, ge=1, le=1000, description="At most this many in any 60 minutes")

    @model_validator(mode="after")
    def _limits_something(self) -> ChannelBudget:
        if self.rate is None and self.hourly_cap is None:
            raise ValueError("a budget needs a rate, an hourly_cap, or both")
        return self

    @property
    def per_second(self) -> float | None:
        return parse_rate(self.rate) if self.rate else None


class ChannelPolicy(_RulesModel):
    """Settings of one Slack channel, whichever watches post to it."""

    channel: str = Field(min_length=1)
    budget: ChannelBudget | None = None
    overflow_digest: ScheduleText = Field(
        default="hourly",
        description="When realtime alerts held back by the budget go out as a digest")

    @property
    def overflow_schedule(self) -> Schedule:
        return parse_schedule(self.overflow_digest)


class RulesFile(_RulesModel):
    companies: list[Company] = Field(default_factory=list)
    watches: list[Watch] = Field(default_factory=list)
    channels: list[ChannelPolicy] = Field(default_factory=list)
    feeds: list[FeedSettings] = Field(default_factory=list)

    @model_validator(mode="after")
    def _cross_checks(self) -> RulesFile:
        problems = cross_check(self.model_dump(include={"companies", "watches", "channels",
                                                        "feeds"}))
        if problems:
            raise LocatedProblems(problems)
        return self

    def company(self, name: str) -> Company | None:
        return next((c for c in self.companies if c.name == name), None)

    def channel_policy(self, channel: str) -> ChannelPolicy | None:
        return next((c for c in self.channels if c.channel == channel), None)

    def feed_settings(self, feed: str | None, source: str | None = None) -> FeedSettings | None:
        """The settings of the feed named ``feed``, else of the one whose name is the
        article's ``source``."""
        by_name = self._feeds_by_name
        for key in (feed, source):
            if key:
                found = by_name.get(key.strip().casefold())
                if found is not None:
                    return found
        return None

    @cached_property
    def _feeds_by_name(self) -> dict[str, FeedSettings]:
        return {f.feed.casefold(): f for f in self.feeds}


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
    problems += _channel_policies(data.get("channels"), data.get("watches"))
    known = {name for _index, name in companies}
    problems += _feed_settings(data.get("feeds"), known)
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


def _duplicates(named: list[tuple[int, str]], what: str, section: str,
                field: str = "name") -> list[LocatedProblem]:
    seen: dict[str, tuple[int, str]] = {}
    problems = []
    for index, name in named:
        key = name.casefold()
        if key in seen:
            first, first_name = seen[key]
            case = "" if first_name == name else f", same as {first_name!r} ignoring case"
            problems.append(LocatedProblem((section, index, field),
                                           f"duplicate {what} {name!r}{case}",
                                           also=(section, first, field)))
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


def _feed_settings(entries: Any, known: set[str]) -> list[LocatedProblem]:
    """A feed is set once, and its owner is a watched company."""
    if not isinstance(entries, list):
        return []
    named = [(i, e["feed"].strip()) for i, e in enumerate(entries)
             if isinstance(e, dict) and isinstance(e.get("feed"), str)]
    problems = _duplicates(named, "feed", "feeds", field="feed")
    for index, entry in enumerate(entries):
        owner = entry.get("owner") if isinstance(entry, dict) else None
        if isinstance(owner, str) and owner not in known:
            problems.append(LocatedProblem(("feeds", index, "owner"),
                                           f"unknown company {owner!r}" + _suggest(owner, known)))
    return problems


def _texts(values: Any) -> list[str]:
    return [v for v in values if isinstance(v, str)] if isinstance(values, list) else []


def _channel_policies(policies: Any, watches: Any) -> list[LocatedProblem]:
    """A channel's budget is set once, for a channel some watch subscribes."""
    if not isinstance(policies, list):
        return []
    named = [(i, p["channel"]) for i, p in enumerate(policies)
             if isinstance(p, dict) and isinstance(p.get("channel"), str)]
    problems = _duplicates(named, "channel", "channels", field="channel")
    subscribed: set[str] = set()
    for watch in watches if isinstance(watches, list) else []:
        entries = watch.get("channels") if isinstance(watch, dict) else None
        for entry in entries if isinstance(entries, list) else []:
            channel = entry.get("channel") if isinstance(entry, dict) else entry
            if isinstance(channel, str):
                subscribed.add(channel)
    for index, channel in named:
        if channel not in subscribed:
            problems.append(LocatedProblem(
                ("channels", index, "channel"),
                f"channel {channel!r} is not subscribed by any watch"
                + _suggest(channel, subscribed)))
    return problems


class _LocatedValueError(ValueError):
    """An error that still knows where in the file it belongs: from the top of the file, or
    (``relative``) from the model that raised it."""

    def __init__(self, loc: tuple[str | int, ...], message: str, *,
                 relative: bool = False) -> None:
        self.loc = loc
        self.relative = relative
        super().__init__(message)


def _suggest(value: str, choices: Iterable[str]) -> str:
    import difflib

    options = list(choices)
    close = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def load_rules(path: str | Path) -> RulesFile:
    """Load and validate a rules file; every problem is reported, each with file:line."""
    from .yamlfile import load_yaml_model

    return load_yaml_model(path, RulesFile, allow_empty=False, cross_check=cross_check)
