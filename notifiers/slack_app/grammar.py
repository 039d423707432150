"""``/newswatch`` command text -> a typed command, or a ``CommandError`` that says what to type.

    subscribe <company|*> [event types…] [--min-confidence 0.7] [--channel #other]
    unsubscribe <company|*|all> [event types…]
    list | mute <company|*> [event type [counterparty]] <duration> | unmute <company|all> …
    summary [--days 7] | help

Company names may have spaces ("Scale AI") and are matched against the rules file
(names, aliases, tickers, any case); event types accept a few everyday words ("hires",
"funding", "lawsuit"). Pure: no Slack, no Kafka.
"""

from __future__ import annotations

import difflib
import re
import shlex
from dataclasses import dataclass
from datetime import timedelta

from ...schemas.event import EVENT_TYPES
from .commands import (
    ALL,
    ChannelRef,
    Command,
    CommandError,
    Help,
    ListSubscriptions,
    Mute,
    Subscribe,
    Summary,
    UnknownCompany,
    Unmute,
    Unsubscribe,
)
from .companies import CompanyDirectory

MAX_MUTE = timedelta(days=90)
_CHANNEL_MENTION = re.compile(r"^<#([CG][A-Z0-9]+)(?:\|([^>]*))?>$")
_CHANNEL_ID = re.compile(r"^[CG][A-Z0-9]{6,}$")
_DURATION = re.compile(r"^(\d+(?:\.\d+)?)(m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)$")
_UNIT_SECONDS = {"m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
EVENT_WORDS: dict[str, str] = {
    **{t: t for t in EVENT_TYPES},
    "hire": "executive_hire", "hires": "executive_hire", "hiring": "executive_hire",
    "departure": "executive_departure", "departures": "executive_departure",
    "layoff": "layoffs", "job_cuts": "layoffs",
    "acquisitions": "acquisition", "m&a": "acquisition", "deal": "acquisition",
    "investments": "investment", "funding": "investment",
    "launch": "product_launch", "launches": "product_launch",
    "delay": "launch_delay", "delays": "launch_delay",
    "partnerships": "partnership", "lawsuit": "legal", "lawsuits": "legal",
}
VERBS: dict[str, str] = {
    "subscribe": "subscribe", "sub": "subscribe", "unsubscribe": "unsubscribe",
    "unsub": "unsubscribe", "list": "list", "ls": "list", "status": "list", "mute": "mute",
    "unmute": "unmute", "summary": "summary", "report": "summary", "help": "help",
}
OPTIONS = ("--min-confidence", "--channel", "--days")


@dataclass
class _Words:
    """The command's words once options and a channel mention are taken out."""

    verb: str
    words: list[str]
    min_confidence: float | None = None
    channel: ChannelRef | None = None
    days: int | None = None


def parse_command(text: str, companies: CompanyDirectory) -> Command:
    """Parse the text after ``/newswatch``; raise ``CommandError`` when it cannot be used."""
    parsed = _split(text)
    if parsed is None:
        return Help()
    verb = parsed.verb
    if verb == "help":
        return Help()
    if verb == "list":
        _no_words(parsed, "list")
        return ListSubscriptions(parsed.channel)
    if verb == "summary":
        _no_words(parsed, "summary")
        return Summary(parsed.days or 7, parsed.channel)
    if verb == "subscribe":
        return _subscribe(parsed, companies)
    if verb == "unsubscribe":
        return _unsubscribe(parsed, companies)
    if verb == "mute":
        return _mute(parsed, companies)
    return _unmute(parsed, companies)


def _split(text: str) -> _Words | None:
    text = (text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
            .replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'"))
    try:
        tokens = shlex.split(text)
    except ValueError:
        raise CommandError("a quote is not closed",
                           hint='for example: subscribe "Scale AI"') from None
    if not tokens:
        return None
    verb = VERBS.get(tokens[0].casefold())
    if verb is None:
        raise CommandError(f"unknown command “{tokens[0]}”" + _did_you_mean(
            tokens[0].casefold(), list(VERBS)), hint="`/newswatch help` lists the commands")
    parsed = _Words(verb, [])
    rest = iter(tokens[1:])
    for token in rest:
        name, eq, value = token.partition("=")
        if token.startswith("--"):
            option = name.replace("_", "-").casefold()
            if option not in OPTIONS:
                raise CommandError(f"unknown option “{name}”" + _did_you_mean(option, OPTIONS))
            if not eq:
                value = next(rest, "")
            _option(parsed, option, value)
        elif _CHANNEL_MENTION.match(token):
            parsed.channel = _channel(token)
        else:
            parsed.words.append(token)
    return parsed


def _option(parsed: _Words, option: str, value: str) -> None:
    if not value:
        raise CommandError(f"{option} needs a value")
    if option == "--min-confidence":
        parsed.min_confidence = _confidence(value)
    elif option == "--channel":
        parsed.channel = _channel(value)
    else:
        if not value.isdigit() or not 1 <= int(value) <= 90:
            raise CommandError("--days takes a whole number of days from 1 to 90")
        parsed.days = int(value)


def _confidence(value: str) -> float:
    try:
        number = float(value.rstrip("%")) / (100 if value.endswith("%") else 1)
    except ValueError:
        number = -1.0
    if not 0.0 <= number <= 1.0:
        raise CommandError(f"--min-confidence takes a number from 0 to 1, not “{value}”",
                           hint="for example: --min-confidence 0.7")
    return number


def _channel(value: str) -> ChannelRef:
    mention = _CHANNEL_MENTION.match(value)
    if mention:
        return ChannelRef(mention.group(1), mention.group(2) or None)
    if _CHANNEL_ID.match(value):
        return ChannelRef(value, None)
    name = value.removeprefix("#").strip().casefold()
    if not name or not re.fullmatch(r"[a-z0-9][a-z0-9._-]{0,79}", name):
        raise CommandError(f"“{value}” is not a channel", hint="for example: --channel #deal-flow")
    return ChannelRef(None, name)


def _no_words(parsed: _Words, verb: str) -> None:
    if parsed.words:
        raise CommandError(f"{verb} takes no “{' '.join(parsed.words)}”",
                           hint=f"/newswatch {verb}" + (" --days 7" if verb == "summary" else ""))


def _company(words: list[str], companies: CompanyDirectory, *,
             extra: tuple[str, ...] = ("*",)) -> tuple[str, list[str]]:
    """The company the words start with (canonical), and the words after it."""
    if not words:
        raise CommandError("name a company", hint="for example: subscribe Meta layoffs acquisition")
    if words[0].casefold() in extra:
        return words[0].casefold(), words[1:]
    found, used = companies.longest_prefix(words)
    if found is None:
        # What was meant as the name: the words before the first event type or duration.
        end = next((i for i, w in enumerate(words)
                    if i and (_event_type(w) or _DURATION.match(w.casefold()))), len(words))
        name = " ".join(words[:end])
        raise UnknownCompany(name, companies.suggest(name))
    return found, words[used:]


def _event_type(word: str) -> str | None:
    return EVENT_WORDS.get(word.casefold().replace("-", "_"))


def _event_types(words: list[str]) -> tuple[str, ...]:
    found: list[str] = []
    for word in (w for token in words for w in token.split(",") if w):
        if word in ("*", ALL):
            return ("*",)
        event_type = _event_type(word)
        if event_type is None:
            raise CommandError(f"unknown event type “{word}”" + _did_you_mean(
                word.casefold().replace("-", "_"), list(EVENT_WORDS)),
                hint="event types: " + ", ".join(EVENT_TYPES))
        if event_type not in found:
            found.append(event_type)
    return tuple(found)


def _subscribe(parsed: _Words, companies: CompanyDirectory) -> Subscribe:
    company, rest = _company(parsed.words, companies)
    return Subscribe(company, _event_types(rest) or ("*",), parsed.min_confidence,
                     parsed.channel)


def _unsubscribe(parsed: _Words, companies: CompanyDirectory) -> Unsubscribe:
    if parsed.min_confidence is not None:
        raise CommandError("unsubscribe takes no --min-confidence",
                           hint="to change it, subscribe again with the new value")
    company, rest = _company(parsed.words, companies, extra=("*", ALL))
    events = _event_types(rest)
    if company == ALL and events:
        raise CommandError("unsubscribe all takes no event types")
    return Unsubscribe(company, () if events == ("*",) else events, parsed.channel)


def _mute(parsed: _Words, companies: CompanyDirectory) -> Mute:
    words = parsed.words
    duration = _duration(words[-1]) if words else None
    if duration is None:
        raise CommandError("say for how long", hint="for example: mute Meta 2h, or mute Meta "
                           "acquisition Perplexity 1d for one story (m, h, d, w)")
    company, rest = _company(words[:-1], companies)
    event_type, counterparty = _story(rest, companies)
    return Mute(company, duration, event_type, counterparty, parsed.channel)


def _unmute(parsed: _Words, companies: CompanyDirectory) -> Unmute:
    company, rest = _company(parsed.words, companies, extra=("*", ALL))
    event_type, counterparty = _story(rest, companies)
    if company == ALL and event_type:
        raise CommandError("unmute all takes nothing more")
    return Unmute(company, event_type, counterparty, parsed.channel)


def _story(words: list[str], companies: CompanyDirectory) -> tuple[str | None, str | None]:
    """An event type and the story's counterparty after the company, when given."""
    if not words:
        return None, None
    event_type = _event_type(words[0])
    if event_type is None:
        raise CommandError(f"“{words[0]}” is not an event type" + _did_you_mean(
            words[0].casefold(), list(EVENT_WORDS)),
            hint="a story is a company, an event type and maybe the other party: "
                 "mute Meta acquisition Perplexity 1d")
    name = " ".join(words[1:])
    return event_type, (companies.resolve(name) or name) if name else None


def _duration(word: str) -> timedelta | None:
    match = _DURATION.match(word.casefold())
    if match is None:
        return None
    amount = float(match.group(1)) * _UNIT_SECONDS[match.group(2)[0]]
    if amount <= 0:
        raise CommandError("a mute must last a while", hint="for example: 30m, 2h, 1d, 1w")
    if amount > MAX_MUTE.total_seconds():
        raise CommandError("a mute lasts at most 90 days",
                           hint="to stop alerts for good, unsubscribe")
    return timedelta(seconds=amount)


def _did_you_mean(value: str, choices: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f" (did you mean “{close[0]}”?)" if close else ""
