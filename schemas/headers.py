"""HTTP header values that every stage speaking HTTP reads (feeds, Slack): one parser each."""

from __future__ import annotations

import email.utils
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

MAX_RETRY_AFTER_S = 7 * 86400.0  # a server asking for more than a week is not taken literally


def header(headers: Mapping[str, Any] | None, name: str) -> str | None:
    """A header's value, whatever the case of its name; the first of a repeated header."""
    wanted = name.lower()
    for key, value in (headers or {}).items():
        if str(key).lower() == wanted:
            raw = value[0] if isinstance(value, list | tuple) else value
            return None if raw is None else str(raw)
    return None


def retry_after_seconds(value: str | Mapping[str, Any] | None,
                        now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (delta-seconds or an HTTP date), or from
    a headers mapping holding one; None when absent or unreadable."""
    if value is not None and not isinstance(value, str):
        value = header(value, "Retry-After")
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    if seconds != seconds:  # NaN
        return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER_S)
