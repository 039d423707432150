"""A channel's budget: a token bucket (burst, sustained rate) and an hourly cap.

Spending is decided on the channel's event-time clock, so a backtest spends the budget
as the live run did. What the budget refuses is not dropped: pacing holds it for the
channel's next digest.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from pydantic import BaseModel, Field

from ...schemas.base import UTCDateTime
from ...schemas.rules import ChannelBudget

HOUR = timedelta(hours=1)


class BudgetState(BaseModel):
    """What a channel has spent: bounded by the hourly cap (at most 1,000 times)."""

    tokens: float | None = Field(default=None, description="None: a full bucket")
    refilled_at: UTCDateTime | None = None
    recent: list[UTCDateTime] = Field(
        default_factory=list, description="Alerts sent in the last hour (with an hourly cap)")


def spend(budget: ChannelBudget, state: BudgetState, now: datetime) -> bool:
    """Take one alert's worth of budget at ``now``; False (nothing taken) if there is none."""
    if budget.hourly_cap is not None:
        state.recent = [t for t in state.recent if now - t < HOUR]
        if len(state.recent) >= budget.hourly_cap:
            return False
    rate = budget.per_second
    if rate is not None:
        tokens = float(budget.burst) if state.tokens is None else state.tokens
        if state.refilled_at is not None:
            elapsed = max(0.0, (now - state.refilled_at).total_seconds())
            tokens = min(float(budget.burst), tokens + elapsed * rate)
        state.tokens, state.refilled_at = tokens, now
        if tokens < 1.0 - 1e-9:  # a refill of exactly one token, give or take rounding
            return False
        state.tokens = tokens - 1.0
    if budget.hourly_cap is not None:
        state.recent.append(now)
    return True
