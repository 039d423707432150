"""Retry policy for delivery, and the slack_sdk retry handlers newswatch passes explicitly.

Two layers, on purpose:

- inside one slack_sdk call, ``RateLimitErrorRetryHandler`` honours ``Retry-After`` and
  ``ConnectionErrorRetryHandler`` retries connections that were refused before the request
  was sent (both are safe to repeat: nothing reached Slack);
- around the call, ``RetryPolicy`` retries the head alert of a channel with capped
  exponential backoff for as long as Slack keeps failing, while the alert stays
  uncommitted in Kafka. Failures whose outcome is unknown (timeouts, 5xx, dropped
  connections) are not retried blindly: the service first looks for the message in Slack.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.error import URLError

from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
)
from slack_sdk.http_retry.handler import RetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

from ..schemas.headers import retry_after_seconds


@dataclass(frozen=True)
class RetryPolicy:
    """Capped exponential backoff with jitter; ``Retry-After`` wins when Slack sends one."""

    initial_s: float = 1.0
    multiplier: float = 2.0
    max_s: float = 60.0
    jitter: float = 0.2  # fraction of the delay added at random, so workers do not march

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait before retry number ``attempt`` (0 for the first retry)."""
        if retry_after is not None and retry_after > 0:
            return min(float(retry_after), self.max_s * 5)
        base = min(self.max_s, self.initial_s * self.multiplier ** min(attempt, 32))
        return base + base * self.jitter * random.random()


class RetryAfterHandler(RateLimitErrorRetryHandler):
    """``RateLimitErrorRetryHandler`` that waits ``Retry-After`` plus at most ``jitter_s``.

    The stock handler adds up to a whole second at random to every wait. newswatch posts
    to a channel from one worker at a time, so there is no herd to spread out, and the
    extra second is pure delay on every rate-limited alert.
    """

    def __init__(self, max_retry_count: int, jitter_s: float,
                 on_wait: Callable[[float], None] | None = None) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self.jitter_s = jitter_s
        self.on_wait = on_wait

    def prepare_for_next_attempt(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        if response is None:
            if error is not None:
                raise error
            return
        seconds = retry_after_seconds(response.headers)
        if seconds is None:
            seconds = 1.0
        state.next_attempt_requested = True
        seconds += random.random() * self.jitter_s
        if self.on_wait is not None:
            self.on_wait(seconds)
        time.sleep(seconds)
        state.increment_current_attempt()


def sdk_retry_handlers(max_retries: int, rate_limit_jitter_s: float = 0.1,
                       on_rate_limit_wait: Callable[[float], None] | None = None,
                       ) -> list[RetryHandler]:
    """The handlers every newswatch slack_sdk client gets (the SDK's default omits 429)."""
    return [
        # Only URLError: urllib raises it for failures while connecting/sending. A timeout or
        # reset while reading the answer may follow a completed post, so those surface to
        # the service, which checks Slack before trying again.
        ConnectionErrorRetryHandler(max_retry_count=max_retries, error_types=[URLError]),
        RetryAfterHandler(max_retries, rate_limit_jitter_s, on_rate_limit_wait),
    ]
