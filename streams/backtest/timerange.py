"""The time range of a backtest or replay, parsed from ``--from`` / ``--to``.

Accepted: a date (``2026-11-01``, midnight UTC), a date and time (``2026-11-01T08:00``,
``...Z`` or ``...+01:00``; without a zone it is UTC), or a duration back from now (``7d``,
``12h``, ``90m``). ``--to`` is exclusive: ``--from 2026-11-01 --to 2026-11-08`` is seven days.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from ...schemas.errors import ConfigError

_AGO = re.compile(r"^(\d+)([dhm])$")
_UNITS = {"d": "days", "h": "hours", "m": "minutes"}
FORMS = "use 2026-11-01, 2026-11-01T08:00Z or a duration back from now such as 7d or 12h"


@dataclass(frozen=True)
class TimeRange:
    """``start <= t < end``; either side open when None."""

    start: datetime | None = None
    end: datetime | None = None

    def __contains__(self, when: datetime) -> bool:
        return (self.start is None or when >= self.start) and (self.end is None or when < self.end)

    def describe(self) -> str:
        def show(when: datetime | None, open_side: str) -> str:
            return when.isoformat().replace("+00:00", "Z") if when else open_side

        return f"{show(self.start, 'the beginning')} to {show(self.end, 'the end')}"


def parse_time(value: str, *, setting: str, now: datetime | None = None) -> datetime:
    """One ``--from``/``--to`` value as an aware UTC datetime; ConfigError names the setting."""
    text = value.strip()
    ago = _AGO.match(text)
    if ago:
        now = now or datetime.now(UTC)
        return now - timedelta(**{_UNITS[ago.group(2)]: int(ago.group(1))})
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            return datetime(day.year, day.month, day.day, tzinfo=UTC)
        when = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise ConfigError(f"{value!r} is not a date or time ({FORMS})", location=setting) from None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def parse_range(start: str | None, end: str | None, *,
                now: datetime | None = None) -> TimeRange:
    """``--from`` and ``--to`` as a TimeRange; an empty or reversed range is an error."""
    now = now or datetime.now(UTC)
    begin = parse_time(start, setting="--from", now=now) if start else None
    finish = parse_time(end, setting="--to", now=now) if end else None
    if begin is not None and finish is not None and begin >= finish:
        raise ConfigError(f"{start} is not before --to {end}: the range is empty",
                          location="--from")
    if begin is not None and begin > now:
        raise ConfigError(f"{start} is in the future: nothing has been received yet",
                          location="--from")
    return TimeRange(begin, finish)


def parse_duration(value: str, *, setting: str) -> timedelta:
    """``24h``, ``90m``, ``2d`` as a timedelta; ConfigError names the setting."""
    found = _AGO.match(value.strip())
    if not found:
        raise ConfigError(f"{value!r} is not a duration such as 24h, 90m or 2d",
                          location=setting)
    return timedelta(**{_UNITS[found.group(2)]: int(found.group(1))})
