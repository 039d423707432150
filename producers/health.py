"""Feed health from saved state: unhealthy (failing for long) and quiet (no new item for
longer than the feed's expected period) feeds, as records the alert path can route."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from ..schemas.feeds import FeedHealthStatus, FeedState

DEFAULT_QUIET_AFTER = 2 * 86400.0
DEFAULT_UNHEALTHY_AFTER = 5


@dataclass(frozen=True)
class FeedHealth:
    feed_id: str
    name: str
    location: str
    status: FeedHealthStatus
    reason: str
    last_success: datetime | None
    last_new_item: datetime | None
    consecutive_failures: int

    def message(self) -> str:
        return f"feed {self.name} <{self.location}> is {self.status}: {self.reason}"


def assess(state: FeedState, now: datetime) -> FeedHealth:
    """One feed's health at ``now``."""
    unhealthy_after = state.unhealthy_after or DEFAULT_UNHEALTHY_AFTER
    quiet_after = timedelta(seconds=state.quiet_after or DEFAULT_QUIET_AFTER)
    # A feed that never had a new item is measured from its first poll.
    last_new = state.last_new_item or state.first_polled
    if state.consecutive_failures >= unhealthy_after:
        status: FeedHealthStatus = "unhealthy"
        reason = f"{state.consecutive_failures} failures in a row, last: {state.last_error}"
    elif state.last_success is None:
        status = "never_read" if state.consecutive_failures else "ok"
        reason = state.last_error or "not polled yet"
    elif last_new is not None and now - last_new > quiet_after:
        status = "quiet"
        reason = (f"no new item for {_human(now - last_new)} "
                  f"(expected within {_human(quiet_after)})")
    elif state.consecutive_failures:
        status, reason = "failing", f"{state.consecutive_failures} failure(s): {state.last_error}"
    else:
        status, reason = "ok", "ok"
    return FeedHealth(state.feed_id, state.name or state.feed_id, state.location, status, reason,
                      state.last_success, state.last_new_item, state.consecutive_failures)


def quiet_feeds(state: Mapping[str, FeedState] | Iterable[FeedState],
                now: datetime) -> list[FeedHealth]:
    """Feeds that need a person: quiet for longer than expected, or unhealthy."""
    states = state.values() if isinstance(state, Mapping) else state
    found = [assess(s, now) for s in states]
    return sorted((h for h in found if h.status in ("quiet", "unhealthy")),
                  key=lambda h: (h.status, h.name))


def _human(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    if seconds >= 2 * 86400:
        return f"{seconds // 86400}d"
    if seconds >= 2 * 3600:
        return f"{seconds // 3600}h"
    if seconds >= 120:
        return f"{seconds // 60}m"
    return f"{seconds}s"
