"""When to poll a feed next: its interval when healthy, exponential backoff with jitter
when failing, rarely once unhealthy, never sooner than the server's Retry-After."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .config import FeedSpec


@dataclass(frozen=True)
class BackoffPolicy:
    """Delays in seconds. ``jitter`` spreads healthy polls by ±jitter of the interval so a
    thousand feeds with one interval do not all fire in the same second."""

    base: float = 60.0
    cap: float = 3 * 3600.0
    jitter: float = 0.1
    rng: random.Random = field(default_factory=random.Random, compare=False, repr=False)

    def next_delay(self, spec: FeedSpec, failures: int, retry_after: float | None = None) -> float:
        """Seconds until the next poll after ``failures`` consecutive failures (0 = success)."""
        if failures <= 0:
            delay = spec.interval * self.rng.uniform(1 - self.jitter, 1 + self.jitter)
        elif failures >= spec.unhealthy_after:
            delay = spec.unhealthy_interval * self.rng.uniform(1 - self.jitter, 1 + self.jitter)
        else:
            ceiling = min(self.cap, self.base * 2 ** (failures - 1))
            # "Equal jitter": at least half the ceiling, so backoff still grows.
            delay = ceiling / 2 + self.rng.uniform(0, ceiling / 2)
        return max(delay, retry_after or 0.0)

    def unhealthy(self, spec: FeedSpec, failures: int) -> bool:
        return failures >= spec.unhealthy_after
