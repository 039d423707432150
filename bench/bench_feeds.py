"""Feed producer benchmarks; prints figures, asserts nothing.

1. Polling cost: N feeds (default 1,000) each polled once a minute from a local feed server
   running in a separate process; most answer 304, some ignore validators and send the
   same body again (content-hash path). Prints the polling process's CPU-seconds per
   minute and the fraction of one core (resource.getrusage, all threads included: HTTP,
   scheduling, state writes to Kafka). Beside it, in the same run: CPU per 1,000 polls
   back to back, and a bare aiohttp conditional-GET loop over the same URLs as baseline.
2. Parse + normalise throughput in entries/s on real captured feeds, printed beside plain
   ``feedparser.parse`` on the same input.

Usage: python bench/bench_feeds.py [--feeds 1000] [--seconds 60] [--no-kafka]
Uses the broker at NEWSWATCH_KAFKA_BOOTSTRAP (default 127.0.0.1:9092) for state when it
answers, else keeps state in memory.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402
import feedparser  # noqa: E402

from newswatch.producers.config import FeedSpec  # noqa: E402
from newswatch.producers.normalise import FeedContext, SkippedEntry, normalise_entry  # noqa: E402
from newswatch.producers.parse import parse_document  # noqa: E402
from newswatch.producers.poller import FeedPoller, PollOutcome  # noqa: E402
from newswatch.producers.publisher import ArticleSink, KafkaArticleSink, MemoryArticleSink  # noqa: E402
from newswatch.producers.scheduler import FeedRunner  # noqa: E402
from newswatch.producers.sources import FeedSource  # noqa: E402
from newswatch.producers.state import (  # noqa: E402
    FeedStateStore,
    KafkaStateStore,
    MemoryStateStore,
)
from newswatch.schemas.base import utcnow  # noqa: E402
from newswatch.schemas.feeds import FeedState, PollingConfig  # noqa: E402

CORPUS = ROOT.parent / "shared" / "feeds-corpus" / "node-feedparser" / "feeds"
REAL_FEEDS = ("wapowellness.xml", "tpm.atom", "intertwingly.atom")
SERVER = """
import sys, time
sys.path.insert(0, sys.argv[1])
from tests.feed_server import FeedServer
server = FeedServer(sys.argv[2]).start()
print(server.port, flush=True)
sys.stdin.read()
"""


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def make_feeds(folder: Path, count: int) -> None:
    for i in range(count):
        items = "".join(
            f"<item><title>Feed {i} story {j}</title><guid>tag:bench,2026:{i}-{j}</guid>"
            f"<link>https://bench.example/{i}/{j}</link><description>Story {j} of feed {i}: "
            f"{'lorem ipsum ' * 20}</description>"
            f"<pubDate>Mon, 23 Jun 2026 09:{j:02d}:00 +0000</pubDate></item>"
            for j in range(10)
        )
        (folder / f"feed{i}.xml").write_text(
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench {i}</title>'
            f"<link>https://bench.example/{i}</link>{items}</channel></rss>"
        )


class CountingPoller(FeedPoller):
    def __init__(self, sink: ArticleSink) -> None:
        super().__init__(sink)
        self.statuses: dict[str, int] = {}

    async def poll(self, source: FeedSource, state: FeedState) -> PollOutcome:
        outcome = await super().poll(source, state)
        self.statuses[outcome.status] = self.statuses.get(outcome.status, 0) + 1
        return outcome


class SpreadStore(FeedStateStore):
    """Delegates saves; on load, spreads next polls over one interval (steady state)."""

    def __init__(self, inner: FeedStateStore, states: dict[str, FeedState],
                 interval: float) -> None:
        self.inner = inner
        now = utcnow()
        rng = random.Random(1)
        self.states = {
            k: s.model_copy(update={"next_poll_after": now + timedelta(
                seconds=rng.uniform(0, interval))})
            for k, s in states.items()
        }

    def load(self) -> dict[str, FeedState]:
        return dict(self.states)

    def save(self, state: FeedState) -> None:
        self.inner.save(state)

    def flush(self) -> None:
        self.inner.flush()


def kafka_bootstrap(disabled: bool) -> str | None:
    if disabled:
        return None
    from newswatch.producers.errors import PublishError
    from newswatch.producers.runtime import check_reachable

    bootstrap = os.environ.get("NEWSWATCH_KAFKA_BOOTSTRAP", "127.0.0.1:9092")
    try:
        check_reachable(bootstrap, timeout=2)
    except PublishError:
        return None
    return bootstrap


async def baseline(urls: list[str], etags: dict[str, str | None],
                   polling: PollingConfig) -> float:
    """CPU-seconds for one conditional GET per URL with bare aiohttp, same limits."""
    sem = asyncio.Semaphore(polling.per_host)
    started = cpu()
    async with aiohttp.ClientSession() as session:
        async def get(url: str) -> None:
            etag = etags.get(url)
            headers = {"If-None-Match": etag} if etag else {}
            async with sem, session.get(url, headers=headers) as resp:
                await resp.read()
        await asyncio.gather(*(get(u) for u in urls))
    return cpu() - started


async def polling_bench(count: int, seconds: float, bootstrap: str | None) -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-feeds-"))
    make_feeds(work, count)
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(ROOT), str(work)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert server.stdout is not None
    port = int(server.stdout.readline())
    try:
        await _polling_bench(count, seconds, bootstrap, port)
    finally:
        assert server.stdin is not None
        server.stdin.close()
        server.wait(10)


async def _polling_bench(count: int, seconds: float, bootstrap: str | None, port: int) -> None:
    interval = 60.0
    ignoring = max(1, count // 20)  # 5% ignore validators: same body, content-hash path
    urls = [f"http://127.0.0.1:{port}/" + ("ignore-conditional/" if i < ignoring else "")
            + f"feed{i}.xml" for i in range(count)]
    specs = [FeedSpec.for_url(u, interval=interval) for u in urls]
    polling = PollingConfig(concurrency=64, per_host=16)
    sink: ArticleSink
    store: FeedStateStore
    if bootstrap:
        from newswatch.kafkaio.clients import KafkaClients
        from newswatch.kafkaio.topics import TOPICS, create_topics
        from newswatch.schemas.settings import load_settings

        prefix = f"bench{uuid.uuid4().hex[:8]}"
        clients = KafkaClients(load_settings(kafka_bootstrap=bootstrap))
        create_topics(clients, prefix, tuple(t for t in TOPICS
                                             if t.name in ("articles", "feedstate")))
        sink = KafkaArticleSink(clients, f"{prefix}.articles")
        store = KafkaStateStore(clients, f"{prefix}.feedstate")
        where = f"Kafka at {bootstrap} (articles and feed state)"
    else:
        sink, store = MemoryArticleSink(), MemoryStateStore()
        where = "memory (no broker)"
    await sink.start()
    print(f"\n== polling: {count} feeds, interval {interval:.0f}s, {ignoring} ignore validators;"
          f" sink/state: {where}")

    warm = FeedRunner(specs, FeedPoller(sink), store, polling)
    t0, c0 = time.monotonic(), cpu()
    report = await warm.run_once()
    print(f"first pass (every feed 200 + parse): {time.monotonic() - t0:.1f}s wall, "
          f"{cpu() - c0:.1f} CPU-s, {report.articles_published} articles")

    # Back to back: cost per poll when nothing changed.
    poller = CountingPoller(sink)
    again = FeedRunner(specs, poller, SpreadStore(store, warm.states, interval), polling)
    t0, c0 = time.monotonic(), cpu()
    await again.run_once()
    per_1000 = (cpu() - c0) * 1000 / count
    wall = time.monotonic() - t0
    etags = {s.location: warm.states[s.feed_id].etag for s in specs}
    base = await baseline(urls, etags, polling) * 1000 / count
    print(f"back to back: {count} polls in {wall:.2f}s wall, {per_1000:.2f} CPU-s per 1,000 "
          f"polls {poller.statuses}; bare aiohttp conditional GET: {base:.2f} CPU-s per "
          f"1,000 (ratio {per_1000 / base:.1f}x)")

    # Steady state in real time: each feed on its own jittered schedule.
    poller = CountingPoller(sink)
    runner = FeedRunner(specs, poller, SpreadStore(store, again.states, interval), polling)
    stop = asyncio.Event()
    task = asyncio.create_task(runner.run_forever(stop))
    await asyncio.sleep(0.5)  # let it load state and start the per-feed tasks
    c0, t0 = cpu(), time.monotonic()
    await asyncio.sleep(seconds)
    used, window = cpu() - c0, time.monotonic() - t0
    polls = sum(poller.statuses.values())
    stop.set()
    await task
    await sink.close()
    store.close()
    print(f"steady state: {polls} polls in {window:.0f}s ({polls * 60 / window:.0f} polls/min) "
          f"{poller.statuses}")
    print(f"  CPU: {used * 60 / window:.2f} CPU-seconds per minute of polling = "
          f"{used / window:.1%} of one core (target: at most 50%)")


def parse_bench(rounds: int) -> None:
    print("\n== parse + normalise throughput (same input, same run)")
    fetched = utcnow()
    for name in REAL_FEEDS:
        path = CORPUS / name
        if not path.is_file():
            print(f"{name}: not found under {CORPUS}, skipped")
            continue
        body = path.read_bytes()
        entries = len(feedparser.parse(io.BytesIO(body)).entries)
        t0 = time.perf_counter()
        for _ in range(rounds):
            feedparser.parse(io.BytesIO(body))
        plain = rounds * entries / (time.perf_counter() - t0)
        ctx = FeedContext("bench", name, "https://bench.example/feed")
        produced = 0
        t0 = time.perf_counter()
        for _ in range(rounds):
            feed = parse_document(body, base_url="https://bench.example/feed")
            for entry in feed.entries:
                try:
                    normalise_entry(entry, feed, ctx, fetched)
                    produced += 1
                except SkippedEntry:
                    pass
        ours = rounds * len(feed.entries) / (time.perf_counter() - t0)
        print(f"{name} ({len(body) // 1024} KB, {entries} entries): feedparser.parse "
              f"{plain:,.0f} entries/s; parse+normalise {ours:,.0f} entries/s "
              f"({ours / plain:.0%} of plain feedparser)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--rounds", type=int, default=30, help="parse rounds per feed")
    parser.add_argument("--no-kafka", action="store_true", help="keep state in memory")
    parser.add_argument("--skip-polling", action="store_true")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, feedparser {feedparser.__version__}, "
          f"aiohttp {aiohttp.__version__}, {os.cpu_count()} CPUs")
    parse_bench(args.rounds)
    if not args.skip_polling:
        asyncio.run(polling_bench(args.feeds, args.seconds, kafka_bootstrap(args.no_kafka)))


if __name__ == "__main__":
    main()
