"""Times in the rules file: digest schedules, quiet hours, sustained rates.

Each is written as a short string (``daily 09:00 Europe/Berlin``, ``22:00-07:00
America/New_York``, ``6/hour``), checked when the rules file loads, and computed on
datetimes in any zone with ``zoneinfo``. Every computation takes the moment it is asked
about: routing passes event time, so a backtest lands on the same slots as the live run.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_SETS = {"daily": frozenset(range(7)), "weekdays": frozenset(range(5)),
             "weekends": frozenset({5, 6})}
_CLOCK = re.compile(r"^([01]?\d|2[0-4]):([0-5]\d)$")
_EVERY = re.compile(r"^(\d+)\s*(m|min|h)$")
_RATE = re.compile(
    r"^\s*(\d+(?:\.\d+)?)\s*/\s*(\d+)?\s*(s|sec|second|m|min|minute|h|hour|d|day)s?\s*$")
_RATE_UNITS = {"s": 1, "sec": 1, "second": 1, "m": 60, "min": 60, "minute": 60,
               "h": 3600, "hour": 3600, "d": 86400, "day": 86400}
SCHEDULE_EXAMPLES = "hourly, every 30m, daily 09:00 Europe/Berlin, weekdays 08:30 America/New_York"
QUIET_EXAMPLES = "22:00-07:00 Europe/Berlin, weekends 00:00-24:00 UTC"


@dataclass(frozen=True)
class Schedule:
    """When a digest goes out: every ``period`` (aligned to whole local hours/minutes), or at
    ``times`` on ``days`` in ``zone``."""

    text: str
    zone: ZoneInfo
    period: timedelta | None = None
    days: frozenset[int] = frozenset()
    times: tuple[time, ...] = ()

    def next_after(self, moment: datetime) -> datetime:
        """The first slot strictly after ``moment`` (UTC)."""
        if self.period is not None:
            # Slots count from local midnight, so "hourly" in Asia/Kolkata is on the local
            # hour and "every 6h" is at 00:00, 06:00, 12:00 and 18:00 local time.
            local = moment.astimezone(self.zone)
            midnight = local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)
            return midnight + ((moment - midnight) // self.period + 1) * self.period
        start = moment.astimezone(self.zone).date()
        for offset in range(-1, 9):
            day = start + timedelta(days=offset)
            if day.weekday() not in self.days:
                continue
            for at in self.times:
                slot = _at(day, at, self.zone)
                if slot > moment:
                    return slot
        raise AssertionError(f"schedule {self.text!r} has no slot in a week")  # pragma: no cover


@dataclass(frozen=True)
class QuietWindow:
    """One quiet stretch: from ``start`` to ``end`` local time, beginning on ``days``."""

    days: frozenset[int]
    start: time
    end: time
    overnight: bool  # ends on the next day (also for an end written as 24:00)
    zone: ZoneInfo

    def span_on(self, day: date) -> tuple[datetime, datetime] | None:
        if day.weekday() not in self.days:
            return None
        begins = _at(day, self.start, self.zone)
        ends = _at(day + timedelta(days=1) if self.overnight else day, self.end, self.zone)
        return begins, ends


@dataclass(frozen=True)
class QuietHours:
    """A subscription's quiet hours: alerts then are held and sent as a digest at the end."""

    text: str
    windows: tuple[QuietWindow, ...]

    def end_if_quiet(self, moment: datetime) -> datetime | None:
        """When the quiet stretch around ``moment`` ends (windows that touch are joined), or
        None if ``moment`` is not quiet."""
        end: datetime | None = None
        probe = moment
        for _ in range(16):  # joined windows: a week at most, in any reasonable rules file
            found = self._covering(probe)
            if found is None:
                return end
            end = probe = found
        return end

    def _covering(self, moment: datetime) -> datetime | None:
        latest: datetime | None = None
        for window in self.windows:
            local_day = moment.astimezone(window.zone).date()
            for offset in (-1, 0):
                span = window.span_on(local_day + timedelta(days=offset))
                if span is not None and span[0] <= moment < span[1]:
                    latest = span[1] if latest is None else max(latest, span[1])
        return latest


def _at(day: date, at: time, zone: ZoneInfo) -> datetime:
    # A wall time that does not exist (spring forward) lands an hour later, one that exists
    # twice (fall back) on its first occurrence: what zoneinfo's fold=0 gives.
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC)


@lru_cache(maxsize=512)
def parse_schedule(text: str) -> Schedule:
    """``hourly [ZONE]``, ``every 30m [ZONE]``, or ``DAYS HH:MM[,HH:MM] [ZONE]`` where DAYS is
    daily, weekdays, weekends or a list such as mon,thu; the zone defaults to UTC."""
    words = text.split()
    if not words:
        raise ValueError(f"empty schedule (examples: {SCHEDULE_EXAMPLES})")
    head = words[0].lower()
    if head == "hourly":
        if len(words) > 2:
            raise ValueError(f"schedule {text!r}: 'hourly' takes only a time zone")
        return Schedule(text, _zone(words[1] if len(words) == 2 else "UTC"),
                        period=timedelta(hours=1))
    if head == "every":
        every = _EVERY.match(words[1].lower()) if len(words) in (2, 3) else None
        if every is None:
            raise ValueError(f"schedule {text!r}: write 'every 30m' or 'every 2h [ZONE]'")
        amount = int(every.group(1))
        period = timedelta(hours=amount) if every.group(2) == "h" else timedelta(minutes=amount)
        if not timedelta(minutes=5) <= period <= timedelta(hours=24) or (
                timedelta(hours=24) % period):
            raise ValueError(f"schedule {text!r}: 'every' takes 5m to 24h, a whole "
                             "fraction of a day")
        return Schedule(text, _zone(words[2] if len(words) == 3 else "UTC"), period=period)
    if len(words) not in (2, 3):
        raise ValueError(f"schedule {text!r} is not understood (examples: {SCHEDULE_EXAMPLES})")
    days = _days(head, text)
    times = tuple(sorted({_clock(t, text, allow_24=False) for t in words[1].split(",")}))
    return Schedule(text, _zone(words[2] if len(words) == 3 else "UTC"), days=days, times=times)


@lru_cache(maxsize=512)
def parse_quiet_hours(text: str) -> QuietHours:
    """``[daily|weekdays|weekends|sat,sun] HH:MM-HH:MM [ZONE]``, several joined by ``;``."""
    windows = []
    for part in text.split(";"):
        words = part.split()
        days = _DAY_SETS["daily"]
        if words and not words[0][:1].isdigit():
            days = _days(words.pop(0).lower(), text)
        if len(words) not in (1, 2) or words[0].count("-") != 1:
            raise ValueError(f"quiet hours {text!r} are not understood "
                             f"(examples: {QUIET_EXAMPLES})")
        first, last = words[0].split("-")
        start, end = _clock(first, text, allow_24=False), _clock(last, text, allow_24=True)
        if start == end and last != "24:00":
            raise ValueError(f"quiet hours {text!r}: start and end are the same time")
        overnight = end <= start or last == "24:00"
        windows.append(QuietWindow(days, start, end, overnight,
                                   _zone(words[1] if len(words) == 2 else "UTC")))
    return QuietHours(text, tuple(windows))


@lru_cache(maxsize=512)
def parse_rate(text: str) -> float:
    """A sustained rate such as ``6/hour``, ``1/10m`` or ``0.5/min``, in alerts per second."""
    match = _RATE.match(text.lower())
    if match is None:
        raise ValueError(f"{text!r} is not a rate (examples: 6/hour, 1/10m, 20/day)")
    count, every = float(match.group(1)), int(match.group(2) or 1)
    if count <= 0 or every <= 0:
        raise ValueError(f"rate {text!r} must be above zero")
    return count / (every * _RATE_UNITS[match.group(3)])


def _days(word: str, text: str) -> frozenset[int]:
    if word in _DAY_SETS:
        return _DAY_SETS[word]
    names = word.split(",")
    unknown = [n for n in names if n not in DAY_NAMES]
    if unknown:
        close = difflib.get_close_matches(unknown[0], [*DAY_NAMES, *_DAY_SETS], n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ValueError(f"{text!r}: unknown day {unknown[0]!r}{hint}; use daily, weekdays, "
                         "weekends or days such as mon,thu")
    return frozenset(DAY_NAMES.index(n) for n in names)


def _clock(value: str, text: str, *, allow_24: bool) -> time:
    match = _CLOCK.match(value)
    if match is None or (match.group(1) == "24" and (not allow_24 or match.group(2) != "00")):
        raise ValueError(f"{text!r}: {value!r} is not a time of day (HH:MM)")
    hour = int(match.group(1))
    return time(0 if hour == 24 else hour, int(match.group(2)))


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        close = difflib.get_close_matches(name, sorted(available_timezones()), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ValueError(f"unknown time zone {name!r}{hint}") from None
