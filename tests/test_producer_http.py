"""Polling over real HTTP from the local feed server: conditional GET, limits, faults."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence

import pytest

from newswatch.producers.config import FeedSpec
from newswatch.producers.poller import FeedPoller
from newswatch.producers.publisher import MemoryArticleSink
from newswatch.producers.scheduler import FeedRunner, ProduceReport
from newswatch.producers.state import MemoryStateStore
from newswatch.schemas.feeds import FeedState, PollingConfig
from tests.feed_server import FeedServer
from tests.feed_server import feed_server as _feed_server_fixture

feed_server = _feed_server_fixture  # the fixture, under the name the tests ask for

POLLING = PollingConfig(concurrency=32, per_host=16)


def rss(*items: tuple[str, str], extra: str = "") -> str:
    """An RSS 2.0 document with (guid, title) items."""
    body = "".join(
        f"<item><title>{title}</title><guid>{guid}</guid>"
        f"<link>https://news.example/{guid}</link>"
        f"<description>About {title}.</description>"
        f"<pubDate>Mon, 23 Jun 2026 09:30:00 +0000</pubDate></item>"
        for guid, title in items
    )
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
            f"<link>https://news.example/</link>{extra}{body}</channel></rss>")


ITEMS = (("story-one-2026", "Globex cuts jobs"), ("story-two-2026", "Initech hires CFO"))


def run(specs: Sequence[FeedSpec], store: MemoryStateStore | None = None,
        polling: PollingConfig = POLLING) -> tuple[ProduceReport, MemoryArticleSink]:
    sink = MemoryArticleSink()
    runner = FeedRunner(specs, FeedPoller(sink), store or MemoryStateStore(), polling)
    return asyncio.run(runner.run_once()), sink


def test_plain_feed_is_published(feed_server: FeedServer) -> None:
    feed_server.write("wire.xml", rss(*ITEMS))
    report, sink = run([FeedSpec.for_url(feed_server.url("wire.xml"), "wire")])
    assert report.feeds_ok == 1 and report.articles_published == 2
    assert {a.title for a in sink.articles} == {"Globex cuts jobs", "Initech hires CFO"}
    assert all(a.feed == "wire" and a.source == "Wire" for a in sink.articles)


def test_304_costs_no_parse(feed_server: FeedServer) -> None:
    feed_server.write("wire.xml", rss(*ITEMS))
    spec = FeedSpec.for_url(feed_server.url("wire.xml"))
    store = MemoryStateStore()
    run([spec], store)
    report, sink = run([spec], store)
    assert report.not_modified == 1 and report.parses == 0 and not sink.articles
    assert feed_server.statuses[304] == 1
    assert store.states[spec.feed_id].parses == 1


def test_last_modified_alone_gives_304(feed_server: FeedServer) -> None:
    feed_server.write("wire.xml", rss(*ITEMS))
    spec = FeedSpec.for_url(feed_server.url("wire.xml"))
    store = MemoryStateStore()
    run([spec], store)
    state = store.states[spec.feed_id]
    assert state.etag and state.last_modified
    store.states[spec.feed_id] = state.model_copy(update={"etag": None})
    report, _ = run([spec], store)
    assert report.not_modified == 1


def test_server_ignoring_validators_still_costs_no_parse(feed_server: FeedServer) -> None:
    feed_server.write("wire.xml", rss(*ITEMS))
    spec = FeedSpec.for_url(feed_server.url("ignore-conditional/wire.xml"))
    store = MemoryStateStore()
    run([spec], store)
    report, sink = run([spec], store)
    assert feed_server.statuses[304] == 0
    assert report.unchanged == 1 and report.parses == 0 and not sink.articles
    assert store.states[spec.feed_id].parses == 1


def test_changed_feed_publishes_only_new_items(feed_server: FeedServer) -> None:
    feed_server.write("wire.xml", rss(*ITEMS))
    spec = FeedSpec.for_url(feed_server.url("no-validators/wire.xml"))
    store = MemoryStateStore()
    run([spec], store)
    feed_server.write("wire.xml", rss(("story-three-2026", "Hooli buys Pied Piper"), *ITEMS))
    report, sink = run([spec], store)
    assert [a.title for a in sink.articles] == ["Hooli buys Pied Piper"]
    assert report.duplicates_skipped == 2


@pytest.mark.parametrize("prefix", ["gzip", "deflate"])
def test_compressed_bodies(feed_server: FeedServer, prefix: str) -> None:
    feed_server.write("wire.xml", rss(*ITEMS))
    report, _ = run([FeedSpec.for_url(feed_server.url(f"{prefix}/wire.xml"))])
    assert report.articles_published == 2


def test_wrong_content_type_is_still_parsed(feed_server: FeedServer) -> None:
    feed_server.write("wire.xml", rss(*ITEMS))
    report, _ = run([FeedSpec.for_url(feed_server.url("type/text~html/wire.xml"))])
    assert report.articles_published == 2


def test_redirects_followed_up_to_five(feed_server: FeedServer) -> None:
    feed_server.write("wire.xml", rss(*ITEMS))
    ok, _ = run([FeedSpec.for_url(feed_server.url("redirect/5/wire.xml"))])
    too_many, _ = run([FeedSpec.for_url(feed_server.url("redirect/6/wire.xml"), "deep")])
    assert ok.articles_published == 2
    assert too_many.feeds_failed == 1
    assert "deep" in too_many.errors[0] and "more than 5 redirects" in too_many.errors[0]


def test_redirect_loop_fails_cleanly(feed_server: FeedServer) -> None:
    report, _ = run([FeedSpec.for_url(feed_server.url("redirect-loop/a"))])
    assert report.feeds_failed == 1 and "redirects" in report.errors[0]
    assert feed_server.count("redirect-loop/a") == 6


@pytest.mark.parametrize("location", ["file:///etc/passwd", "ftp://127.0.0.1/feed.xml",
                                      "gopher://x/"])
def test_redirect_to_other_scheme_refused(feed_server: FeedServer, location: str) -> None:
    report, _ = run([FeedSpec.for_url(feed_server.url(f"redirect-to?location={location}"))])
    assert report.feeds_failed == 1
    assert "http/https only" in report.errors[0]


def test_permanent_redirect_is_remembered(feed_server: FeedServer) -> None:
    feed_server.write("wire.xml", rss(*ITEMS))
    spec = FeedSpec.for_url(feed_server.url("moved/wire.xml"))
    store = MemoryStateStore()
    run([spec], store)
    assert store.states[spec.feed_id].permanent_url == feed_server.url("wire.xml")
    run([spec], store)
    assert feed_server.count("moved/wire.xml") == 1


def test_oversized_body_is_cut_off(feed_server: FeedServer) -> None:
    spec = FeedSpec.for_url(feed_server.url("big/50000000"), "huge", max_bytes=1_000_000)
    started = time.monotonic()
    report, _ = run([spec])
    assert report.feeds_failed == 1
    assert "over the 1000000-byte cap" in report.errors[0]
    assert time.monotonic() - started < 5  # stopped early, not after 50 MB


def test_server_error_names_feed_and_backs_off(feed_server: FeedServer) -> None:
    spec = FeedSpec.for_url(feed_server.url("status/500/wire.xml"), "broken-wire")
    store = MemoryStateStore()
    report, _ = run([spec], store)
    assert report.errors == [f"broken-wire <{spec.location}>: HTTP 500"]
    state = store.states[spec.feed_id]
    assert state.consecutive_failures == 1 and state.last_error == "HTTP 500"
    assert state.next_poll_after is not None and state.last_polled is not None
    first_delay = (state.next_poll_after - state.last_polled).total_seconds()
    for _ in range(3):
        run([spec], store)
    state = store.states[spec.feed_id]
    assert state.consecutive_failures == 4
    assert state.next_poll_after is not None and state.last_polled is not None
    assert (state.next_poll_after - state.last_polled).total_seconds() > first_delay * 2


@pytest.mark.parametrize("code", [429, 503])
def test_retry_after_is_honoured(feed_server: FeedServer, code: int) -> None:
    spec = FeedSpec.for_url(feed_server.url(f"retry-after/{code}/7200/wire.xml"))
    store = MemoryStateStore()
    report, _ = run([spec], store)
    state = store.states[spec.feed_id]
    assert report.feeds_failed == 1 and "retry after 7200s" in report.errors[0]
    assert state.next_poll_after is not None and state.last_polled is not None
    assert (state.next_poll_after - state.last_polled).total_seconds() >= 7200


def test_hanging_and_failing_feeds_do_not_hold_up_good_ones(feed_server: FeedServer) -> None:
    for i in range(20):
        feed_server.write(f"good{i}.xml", rss((f"good-{i}-story", f"Story {i}")))
    timeout = 3.0
    bad = [FeedSpec.for_url(feed_server.url(p), timeout=timeout) for p in
           ("hang/a.xml", "hang/b.xml", "trickle/60/good0.xml", "status/500/x.xml")]
    good = [FeedSpec.for_url(feed_server.url(f"good{i}.xml"), timeout=timeout)
            for i in range(20)]
    finished: dict[str, float] = {}
    sink = MemoryArticleSink()

    class TimingPoller(FeedPoller):
        async def poll(self, source, state):  # type: ignore[no-untyped-def]
            outcome = await super().poll(source, state)
            finished[source.spec.location] = time.monotonic()
            return outcome

    # Same host for all: per-host slots (4) are shared by the bad feeds and the good ones.
    polling = PollingConfig(concurrency=8, per_host=4)
    runner = FeedRunner([*bad, *good], TimingPoller(sink), MemoryStateStore(), polling)
    started = time.monotonic()
    report = asyncio.run(runner.run_once())
    good_done = max(finished[s.location] for s in good) - started
    assert report.articles_published == 20 and report.feeds_failed == 4
    assert any("timed out after 3s" in e for e in report.errors)
    print(f"\ngood feeds done after {good_done:.2f}s; whole run "
          f"{max(finished.values()) - started:.2f}s; timeout {timeout}s")
    # Three of four host slots were held by hanging feeds, yet the good ones finished in a
    # small fraction of the timeout.
    assert good_done < timeout / 2


def test_per_host_and_global_limits(feed_server: FeedServer) -> None:
    feed_server.write("wire.xml", rss(*ITEMS))
    specs = [FeedSpec.for_url(feed_server.url(f"slow/0.2/wire.xml?n={i}")) for i in range(8)]
    report, _ = run(specs, polling=PollingConfig(concurrency=10, per_host=2))
    assert report.feeds_ok == 8 and feed_server.max_in_flight == 2
    feed_server.max_in_flight = 0
    report, _ = run(specs, polling=PollingConfig(concurrency=3, per_host=10))
    assert report.feeds_ok == 8 and feed_server.max_in_flight == 3


def test_malformed_feed_logged_once_per_feed(feed_server: FeedServer,
                                              caplog: pytest.LogCaptureFixture) -> None:
    broken = rss(*ITEMS).replace("</channel></rss>", "<item><title>Tail</title>")
    feed_server.write("broken.xml", broken)
    spec = FeedSpec.for_url(feed_server.url("no-validators/broken.xml"), "broken")
    store = MemoryStateStore()
    caplog.set_level(logging.WARNING, logger="producers")
    report, sink = run([spec], store)
    assert report.feeds_ok == 1 and len(sink.articles) >= 2
    feed_server.write("broken.xml", broken.replace("Initech", "Initrode"))
    run([spec], store)
    warnings = [r for r in caplog.records if "malformed" in r.getMessage()]
    assert len(warnings) == 1 and "broken" in warnings[0].getMessage()


def test_not_a_feed_is_a_clear_failure(feed_server: FeedServer) -> None:
    feed_server.write("page.html", "<html><body><p>Hello</p></body></html>")
    report, _ = run([FeedSpec.for_url(feed_server.url("page.html"), "homepage")])
    assert report.feeds_failed == 1 and report.errors[0].startswith("homepage <")


def test_unreachable_host_fails_only_that_feed(feed_server: FeedServer) -> None:
    feed_server.write("wire.xml", rss(*ITEMS))
    report, _ = run([FeedSpec.for_url("http://127.0.0.1:9/feed.xml", "nowhere", timeout=2),
                     FeedSpec.for_url(feed_server.url("wire.xml"))])
    assert report.feeds_ok == 1 and report.feeds_failed == 1
    assert "nowhere" in report.errors[0] and "cannot connect" in report.errors[0]


def test_always_failing_feed_becomes_unhealthy_and_is_reported(feed_server: FeedServer) -> None:
    spec = FeedSpec.for_url(feed_server.url("status/503/x.xml"), "dead", unhealthy_after=3,
                            unhealthy_interval=6 * 3600)
    store = MemoryStateStore()
    reports = [run([spec], store)[0] for _ in range(3)]
    assert [len(r.health) for r in reports] == [0, 0, 1]
    [health] = reports[-1].health
    assert health.status == "unhealthy" and health.name == "dead"
    assert "3 failures in a row, last: HTTP 503" in health.message()
    state = store.states[spec.feed_id]
    assert state.next_poll_after is not None and state.last_polled is not None
    assert (state.next_poll_after - state.last_polled).total_seconds() > 5 * 3600


def test_unchanged_polls_do_not_rewrite_state_every_time(feed_server: FeedServer) -> None:
    feed_server.write("wire.xml", rss(*ITEMS))

    class CountingStore(MemoryStateStore):
        def __init__(self) -> None:
            super().__init__()
            self.saves: list[str] = []

        def save(self, state: FeedState) -> None:
            self.saves.append(state.name or "")
            super().save(state)

    store = CountingStore()
    specs = [FeedSpec.for_url(feed_server.url("wire.xml"), "quiet"),
             FeedSpec.for_url(feed_server.url("status/500/x"), "broken")]
    runner = FeedRunner(specs, FeedPoller(MemoryArticleSink()), store, POLLING)
    for _ in range(3):
        asyncio.run(runner.run_once())
    # The 304s after the first poll change only timestamps; every failure is recorded.
    assert sorted(store.saves) == ["broken", "broken", "broken", "quiet"]
    assert runner.states[specs[0].feed_id].polls == 3
