"""Stream worker throughput on the real broker, beside bare consumers of the same topic.

    NEWSWATCH_KAFKA_BOOTSTRAP=127.0.0.1:9092 .venv/bin/python bench/bench_worker.py \
        [--articles 20000] [--companies 1000] [--alert-share 0.05]

Publishes a backlog of ~3 KB articles (``worker_mix``: 1,000 watched companies, 5% of
articles raising an alert, 15% naming a company without news), then measures, in the same
run and on the same topic:

- yardsticks: a bare aiokafka consumer reading the topic; the same plus parsing each
  record as an Article; the same plus detection (the worker's work without Faust);
- ``newswatch worker`` (a real process, detect + route agents, Faust, commits) draining
  the backlog. Its rate is read from the events it writes (record timestamps of evenly
  spaced alerting articles), from the first to the last, so start-up is not counted.

Prints figures; asserts nothing. Target: the worker sustains >= 2,000 articles/s.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import worker_mix  # noqa: E402
from aiokafka import AIOKafkaConsumer, TopicPartition  # noqa: E402

from newswatch.kafkaio.clients import KafkaClients  # noqa: E402
from newswatch.kafkaio.topics import create_topics  # noqa: E402
from newswatch.schemas.article import Article  # noqa: E402
from newswatch.schemas.event import CompanyEvent  # noqa: E402
from newswatch.schemas.rules import load_rules  # noqa: E402
from newswatch.schemas.settings import load_settings  # noqa: E402
from newswatch.streams.detection import Detector  # noqa: E402

BOOTSTRAP = os.environ.get("NEWSWATCH_KAFKA_BOOTSTRAP", "127.0.0.1:9092")


def publish(clients: KafkaClients, topic: str, articles: list[Article]) -> float:
    """Send the backlog with kafka-python (acks=all, batched); return articles/s."""
    producer = clients.producer("bench-worker", linger_ms=20, batch_size=256 * 1024,
                                compression_type=None)
    started = time.perf_counter()
    for article in articles:
        producer.send(topic, key=article.id.encode(), value=article.to_json_bytes())
    producer.flush()
    elapsed = time.perf_counter() - started
    producer.close()
    return len(articles) / elapsed


async def consume(topic: str, count: int, work: str, rules_path: Path) -> float:
    """Read ``count`` records with a bare aiokafka consumer doing ``work``; records/s."""
    detector = Detector(load_rules(rules_path)) if work == "detect" else None
    consumer = AIOKafkaConsumer(bootstrap_servers=BOOTSTRAP, enable_auto_commit=False,
                                auto_offset_reset="earliest", max_partition_fetch_bytes=4 << 20)
    await consumer.start()
    try:
        partitions = [TopicPartition(topic, p) for p in await _partitions(consumer, topic)]
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        seen = 0
        started = time.perf_counter()
        while seen < count:
            batch = await consumer.getmany(timeout_ms=1000, max_records=5000)
            for records in batch.values():
                for record in records:
                    if work != "read":
                        article = Article.from_json(record.value)
                        if detector is not None:
                            detector.detect(article)
                seen += len(records)
        return count / (time.perf_counter() - started)
    finally:
        await consumer.stop()


async def _partitions(consumer: AIOKafkaConsumer, topic: str) -> set[int]:
    await consumer._client.force_metadata_update()
    return consumer.partitions_for_topic(topic) or set()


def run_worker(prefix: str, rules: Path, home: Path, articles: list[Article],
               events_expected: int, timeout: float) -> tuple[float, float, float]:
    """Start a worker on the backlog; return (sustained articles/s, first-event delay s,
    seconds from start to the last event)."""
    env = dict(os.environ, NEWSWATCH_KAFKA_BOOTSTRAP=BOOTSTRAP, NEWSWATCH_TOPIC_PREFIX=prefix,
               NEWSWATCH_CONSUMER_GROUP=prefix, NEWSWATCH_RULES=str(rules),
               NEWSWATCH_HOME=str(home), NEWSWATCH_METRICS_PORT="0", NEWSWATCH_LOG_LEVEL="WARNING")
    log = (home / "worker.log").open("wb")
    started = time.time()
    worker = subprocess.Popen([sys.executable, "-m", "newswatch", "worker"], cwd=ROOT,
                              env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        events = asyncio.run(read_events(f"{prefix}.events", events_expected, timeout))
    finally:
        worker.terminate()
        worker.wait(30)
        log.close()
    index = {a.id: i for i, a in enumerate(articles)}
    stamps = sorted((ts, index[event.article_id]) for ts, event in events)
    (t0, i0), (t1, i1) = stamps[0], stamps[-1]
    sustained = (i1 - i0) / max(t1 - t0, 1e-6)
    return sustained, t0 - started, t1 - started


async def read_events(topic: str, expected: int,
                      timeout: float) -> list[tuple[float, CompanyEvent]]:
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=BOOTSTRAP, enable_auto_commit=False,
                                auto_offset_reset="earliest")
    await consumer.start()
    out: list[tuple[float, CompanyEvent]] = []
    deadline = time.monotonic() + timeout
    try:
        while len(out) < expected:
            if time.monotonic() > deadline:
                raise SystemExit(f"bench: only {len(out)}/{expected} events after {timeout} s")
            batch = await consumer.getmany(timeout_ms=500)
            for records in batch.values():
                out.extend((r.timestamp / 1000, CompanyEvent.from_json(r.value))
                           for r in records)
        return out
    finally:
        await consumer.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--companies", type=int, default=1_000)
    parser.add_argument("--alert-share", type=float, default=0.05)
    parser.add_argument("--timeout", type=float, default=600.0)
    args = parser.parse_args()

    prefix = f"bw{uuid.uuid4().hex[:8]}"
    clients = KafkaClients(load_settings(kafka_bootstrap=BOOTSTRAP))
    create_topics(clients, prefix)
    watched = worker_mix.companies(args.companies)
    articles = worker_mix.mix(args.articles, prefix, watched, alert_share=args.alert_share)
    alerting = sum(1 for a in articles if a.title.endswith("to cut 1,200 jobs"))
    size = sum(len(a.to_json_bytes()) for a in articles) / len(articles)
    print(f"== {len(articles):,} articles of {size / 1024:.1f} KB, {args.companies:,} watched "
          f"companies, {alerting / len(articles):.0%} raising an alert; broker {BOOTSTRAP}")
    with tempfile.TemporaryDirectory(prefix="bench-worker-") as tmp:
        home = Path(tmp)
        rules = home / "rules.yaml"
        rules.write_text(worker_mix.rules_yaml(watched))
        rate = publish(clients, f"{prefix}.articles", articles)
        print(f"publish (kafka-python, acks=all, batched): {rate:9,.0f} articles/s")
        topic = f"{prefix}.articles"
        asyncio.run(consume(topic, len(articles), "read", rules))  # warm the broker's cache
        for work, label in (("read", "bare aiokafka consume"),
                            ("parse", "  + Article.from_json"),
                            ("detect", "  + detection (no Faust)")):
            got = asyncio.run(consume(topic, len(articles), work, rules))
            print(f"yardstick {label:26} {got:9,.0f} articles/s")
        sustained, first, last = run_worker(prefix, rules, home, articles, alerting,
                                            args.timeout)
        print(f"newswatch worker (detect + route)     {sustained:9,.0f} articles/s sustained "
              f"(first event {first:.1f} s after start, last {last:.1f} s)")
        print(f"target >= 2,000 articles/s: {'met' if sustained >= 2000 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
