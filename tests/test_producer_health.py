"""Feed health and the backoff policy: quiet feeds, unhealthy feeds, when to poll next."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from newswatch.producers.backoff import BackoffPolicy
from newswatch.producers.config import FeedSpec
from newswatch.producers.health import assess, quiet_feeds
from newswatch.schemas.feeds import FeedState

NOW = datetime(2026, 6, 25, 12, 0, tzinfo=UTC)


def state(name: str, **kw: object) -> FeedState:
    fields: dict[str, object] = {
        "feed_id": name, "name": name, "location": f"https://{name}.example/rss",
        "first_polled": NOW - timedelta(days=30), "last_success": NOW - timedelta(minutes=5),
        "last_new_item": NOW - timedelta(hours=1), "quiet_after": 86400.0,
    }
    fields.update(kw)
    return FeedState(**fields)


def test_quiet_and_unhealthy_feeds_are_reported() -> None:
    states = {
        "fresh": state("fresh"),
        "quiet": state("quiet", last_new_item=NOW - timedelta(days=3)),
        "slow-but-expected": state("slow-but-expected", last_new_item=NOW - timedelta(days=3),
                                   quiet_after=7 * 86400.0),
        "broken": state("broken", consecutive_failures=6, unhealthy_after=5,
                        last_error="HTTP 500"),
        "flaky": state("flaky", consecutive_failures=2, last_error="timed out after 20s"),
    }
    found = {h.name: h for h in quiet_feeds(states, NOW)}
    assert set(found) == {"quiet", "broken"}
    assert found["quiet"].status == "quiet"
    assert found["quiet"].message() == ("feed quiet <https://quiet.example/rss> is quiet: "
                                        "no new item for 3d (expected within 24h)")
    assert found["broken"].status == "unhealthy" and "HTTP 500" in found["broken"].reason
    assert assess(states["flaky"], NOW).status == "failing"


def test_a_feed_that_never_had_an_item_is_quiet_from_its_first_poll() -> None:
    never = state("never", last_new_item=None, first_polled=NOW - timedelta(days=2))
    young = state("young", last_new_item=None, first_polled=NOW - timedelta(hours=2))
    assert [h.name for h in quiet_feeds([never, young], NOW)] == ["never"]


def test_backoff_grows_with_failures_and_honours_retry_after() -> None:
    policy = BackoffPolicy(base=60, cap=3600, rng=random.Random(7))
    spec = FeedSpec.for_url("https://a.example/rss", interval=900, unhealthy_after=5,
                            unhealthy_interval=6 * 3600)
    healthy = [policy.next_delay(spec, 0) for _ in range(50)]
    assert 810 <= min(healthy) < max(healthy) <= 990  # jittered around the interval
    ceilings = [60, 120, 240, 480]
    for failures, ceiling in enumerate(ceilings, start=1):
        delays = [policy.next_delay(spec, failures) for _ in range(20)]
        assert all(ceiling / 2 <= d <= ceiling for d in delays)
    unhealthy = policy.next_delay(spec, 5)
    assert 6 * 3600 * 0.9 <= unhealthy <= 6 * 3600 * 1.1
    assert policy.next_delay(spec, 1, retry_after=7200) == 7200
