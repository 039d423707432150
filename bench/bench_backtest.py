"""Backtest throughput from the articles topic, with 1,000 watched companies.

Produces ``--articles`` synthetic ~3 KB articles (bench_detect's mix: ~20% name a watched
company in event sentences; published times spread over 30 days, in order) to a fresh
topic prefix on the local broker, then measures over the same range, each in a process of
its own (so peak memory is its own):

- bare:     a kafka-python consumer reading the range (no parsing): the yardstick;
- parse:    the backtest's partition readers (consume + Article validation), no detection;
- single:   the whole backtest in one process;
- parallel: the backtest with one detecting process per partition group (2 by default),
            merged in event-time order; its report must be identical to single's.

Prints articles/s for each, peak RSS, the projected time for 1M articles, and where the
time goes. Target: >= 8,000 articles/s on 2 cores.

    .venv/bin/python bench/bench_backtest.py [--articles 200000] [--workers 2] [--mix worker]

``--mix worker`` uses bench_worker's lighter mix instead (5% of articles raise an alert,
15% name a watched company without news), for a figure nearer a typical feed's.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import subprocess
import sys
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_detect import articles as make_articles
from bench_detect import company_names
from worker_mix import mix as worker_mix

from newswatch.schemas.rules import RulesFile, Subscription, Watch

EVENTS_A = ["acquisition", "investment", "partnership"]
EVENTS_B = ["executive_hire", "executive_departure", "layoffs", "legal"]
EVENTS_C = ["product_launch", "launch_delay"]


def bench_rules(seed: int) -> RulesFile:
    companies = company_names(1000, random.Random(seed))
    names = [c.name for c in companies]
    watches = [
        Watch(name="deals", companies=["*"], events=EVENTS_A,
              channels=[Subscription(channel="#deals")]),
        Watch(name="people", companies=names[:600], events=EVENTS_B,
              channels=[Subscription(channel="#people"), Subscription(channel="#exec")]),
        Watch(name="launches", companies=names[300:], events=EVENTS_C,
              channels=[Subscription(channel="#launches")], min_confidence=0.6),
    ]
    return RulesFile(companies=companies, watches=watches)


def produce(bootstrap: str, prefix: str, count: int, seed: int,
            mix: str = "heavy", days: int = 30) -> tuple[str, str]:
    from kafka import KafkaProducer

    from newswatch.kafkaio.clients import KafkaClients
    from newswatch.kafkaio.topics import create_topics
    from newswatch.schemas.settings import load_settings

    create_topics(KafkaClients(load_settings(kafka_bootstrap=bootstrap)), prefix)
    rng = random.Random(seed)
    companies = bench_rules(seed).companies
    rng.random()  # keep the article stream apart from the company stream
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks=1, linger_ms=50,
                             batch_size=512 * 1024, compression_type=None)
    start = datetime(2026, 10, 1, tzinfo=UTC)
    step = timedelta(days=days) / count
    begin = datetime.now(UTC) - timedelta(seconds=1)
    made = 0
    while made < count:
        size = min(5000, count - made)
        batch = (make_articles(size, list(companies), rng) if mix == "heavy" else
                 worker_mix(size, prefix, list(companies), alert_share=0.05, seed=seed + made))
        for article in batch:
            article = article.model_copy(update={"id": f"b{made}",
                                                 "published": start + step * made})
            producer.send(f"{prefix}.articles", key=article.id.encode(),
                          value=article.to_json_bytes())
            made += 1
    producer.flush()
    producer.close()
    return begin.isoformat(), (datetime.now(UTC) + timedelta(seconds=1)).isoformat()


def measure(mode: str, bootstrap: str, prefix: str, start: str, end: str, seed: int,
            workers: int) -> dict[str, object]:
    """One mode, in this process: elapsed seconds, articles, report digest, peak RSS."""
    from newswatch.schemas.settings import load_settings
    from newswatch.streams.backtest.timerange import parse_range

    settings = load_settings(kafka_bootstrap=bootstrap, topic_prefix=prefix)
    window = parse_range(start, end)
    watcher = ChildPeaks()
    watcher.start()
    began = time.perf_counter()
    cpu_began = _cpu()
    digest, count, extra = "", 0, {}
    if mode == "bare":
        count = bare_consume(settings, window)
    elif mode == "parse":
        count = parse_only(settings, window)
    else:
        from newswatch.commands.backtest_sources import topic_input
        from newswatch.streams.backtest.engine import BacktestOptions, NamedRules, run_backtest

        source = topic_input(settings, window)
        report = run_backtest(source, NamedRules("bench", bench_rules(seed)),
                              options=BacktestOptions(workers=1 if mode == "single"
                                                      else workers))
        count = report.totals.articles_read
        digest = hashlib.sha256(report.model_dump_json().encode()).hexdigest()
        extra = {"alerts": report.totals.alerts, "events": report.totals.events,
                 "absorbed": report.totals.absorbed}
    elapsed = time.perf_counter() - began
    cpu = _cpu() - cpu_began
    own = _peak_rss_mib()
    children = watcher.stop()
    return {"mode": mode, "seconds": elapsed, "cpu": cpu, "articles": count, "digest": digest,
            "rss_mib": own, "child_rss_mib": children, **extra}


def _peak_rss_mib(pid: str = "self") -> float:
    """A process's own peak RSS (VmHWM). Not ``ru_maxrss``: Linux carries that across fork and
    exec, so a mode run by the producing process would report the producer's peak."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:  # the child has just exited
        pass
    return 0.0


class ChildPeaks(threading.Thread):
    """Samples the peak RSS of this process's children (the detecting workers) twice a
    second; ``stop`` returns the largest seen."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = 0.0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.5):
            for task in Path("/proc/self/task").iterdir():
                try:
                    pids = (task / "children").read_text().split()
                except OSError:
                    continue
                for pid in pids:
                    self.peak = max(self.peak, _peak_rss_mib(pid))

    def stop(self) -> float:
        self._done.set()
        self.join()
        return self.peak


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the detecting workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def bare_consume(settings: object, window: object) -> int:
    from kafka import KafkaConsumer, TopicPartition

    from newswatch.kafkaio.clients import KafkaClients
    from newswatch.kafkaio.topics import TopicNames
    from newswatch.streams.backtest.topic import FETCH_OPTIONS, plan_span

    clients = KafkaClients(settings)  # type: ignore[arg-type]
    span = plan_span(clients, TopicNames.from_settings(clients.settings).articles,
                     window)  # type: ignore[arg-type]
    consumer = KafkaConsumer(bootstrap_servers=clients.servers(), enable_auto_commit=False,
                             **FETCH_OPTIONS)
    parts = {TopicPartition(span.topic, s.partition): s for s in span.spans if s.size}
    consumer.assign(list(parts))
    for tp, s in parts.items():
        consumer.seek(tp, s.start)
    count, left = 0, set(parts)
    while left:
        for tp, records in consumer.poll(timeout_ms=500, max_records=5000).items():
            stop = parts[tp].stop
            count += sum(1 for r in records if r.offset < stop)
            if consumer.position(tp) >= stop:
                left.discard(tp)
                consumer.pause(tp)
    consumer.close()
    return count


def parse_only(settings: object, window: object) -> int:
    from newswatch.commands.backtest_sources import topic_input

    source = topic_input(settings, window)  # type: ignore[arg-type]
    return sum(1 for stream in source.streams for _ in stream())


def run_mode(mode: str, args: argparse.Namespace, prefix: str, start: str,
             end: str) -> dict[str, object]:
    done = subprocess.run([sys.executable, __file__, "--measure", mode, "--prefix", prefix,
                           "--start", start, "--end", end, "--seed", str(args.seed),
                           "--workers", str(args.workers), "--bootstrap", args.bootstrap],
                          capture_output=True, text=True, check=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--mix", choices=("heavy", "worker"), default="heavy",
                        help="heavy: bench_detect's (20%% name a watched company in event "
                             "sentences); worker: bench_worker's (5%% raise an alert, 15%% name "
                             "a company without news)")
    parser.add_argument("--days", type=int, default=30,
                        help="event time the articles span (memory follows articles per day)")
    parser.add_argument("--modes", default="bare,parse,single,parallel",
                        help="which measurements to run (comma-separated)")
    parser.add_argument("--bootstrap", default="127.0.0.1:9092")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--prefix", help=argparse.SUPPRESS)
    parser.add_argument("--start", help=argparse.SUPPRESS)
    parser.add_argument("--end", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.bootstrap, args.prefix, args.start,
                                 args.end, args.seed, args.workers)))
        return 0
    prefix = f"bench{uuid.uuid4().hex[:8]}"
    began = time.perf_counter()
    start, end = produce(args.bootstrap, prefix, args.articles, args.seed, args.mix, args.days)
    print(f"produced {args.articles:,} articles of ~3 KB ({args.mix} mix, {args.days} days of "
          f"event time) to {prefix}.articles (6 partitions) in "
          f"{time.perf_counter() - began:.1f} s; 1,000 watched companies, 3 watches")
    modes = [m for m in ("bare", "parse", "single", "parallel") if m in args.modes.split(",")]
    results = {m: run_mode(m, args, prefix, start, end) for m in modes}
    print(f"{'':34} {'articles/s':>11} {'seconds':>8} {'CPU s':>7} {'per CPU-s':>10} "
          f"{'peak RSS':>18}")
    for mode, label in (("bare", "bare kafka-python consume"),
                        ("parse", "consume + Article parse"),
                        ("single", "backtest, 1 process"),
                        ("parallel", f"backtest, {args.workers} detecting processes")):
        if mode not in results:
            continue
        r = results[mode]
        rate = float(r["articles"]) / float(r["seconds"])  # type: ignore[arg-type]
        rss = f"{r['rss_mib']:.0f} MiB"
        if mode == "parallel":
            rss += f" (+{r['child_rss_mib']:.0f} each)"
        cpu = float(r["cpu"])  # type: ignore[arg-type]
        print(f"{label:34} {rate:11,.0f} {float(r['seconds']):8.1f} {cpu:7.1f} "  # type: ignore[arg-type]
              f"{float(r['articles']) / cpu:10,.0f} {rss:>18}")  # type: ignore[arg-type]
    if len(results) < 4:
        return 0  # the comparisons below need every mode
    single, parallel = results["single"], results["parallel"]
    assert single["articles"] == parallel["articles"] == args.articles, results
    assert single["digest"] == parallel["digest"], "parallel report differs from single"
    print(f"reports identical (sha256 {str(single['digest'])[:16]}...): "
          f"{single['alerts']} alerts, {single['events']} events, {single['absorbed']} absorbed")
    best = min(float(single["seconds"]), float(parallel["seconds"]))  # type: ignore[arg-type]
    rate = args.articles / best
    print(f"projected time for 1M articles at the best measured rate: {1e6 / rate:.0f} s "
          f"(target: under 120 s, i.e. >= 8,000 articles/s)")
    cpu_parallel = float(parallel["cpu"])  # type: ignore[arg-type]
    ideal = args.articles / (cpu_parallel / min(args.workers, 2))
    print(f"with {min(args.workers, 2)} cores to itself, the parallel run's CPU time gives "
          f"{ideal:,.0f} articles/s, 1M in {1e6 / ideal:.0f} s (load average now "
          f"{os.getloadavg()[0]:.1f}: other work shares these cores)")
    parse_s = float(results["parse"]["seconds"])  # type: ignore[arg-type]
    bare_s = float(results["bare"]["seconds"])  # type: ignore[arg-type]
    single_s = float(single["seconds"])  # type: ignore[arg-type]
    print(f"where the time goes (single process, per article): Kafka fetch "
          f"{bare_s / args.articles * 1e6:.0f} us, Article parse "
          f"{(parse_s - bare_s) / args.articles * 1e6:.0f} us, detection + ordering + routing "
          f"{(single_s - parse_s) / args.articles * 1e6:.0f} us")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
