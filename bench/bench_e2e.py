"""End-to-end latency, article published -> Slack post, at steady rates, per stage.

    NEWSWATCH_KAFKA_BOOTSTRAP=127.0.0.1:9092 .venv/bin/python bench/bench_e2e.py \
        [--rates 25 50 100 200 400 800] [--seconds 15]

A real ``newswatch worker`` and ``newswatch notify`` (processes) on the real broker, the
Slack emulator answering at once. Every article raises one alert (its own company, so no
story threading). Each rate runs ``--seconds``; latency is measured from the moment the
bench hands the article to its producer to the moment the emulator accepts the post,
and split at the record timestamps Kafka keeps (CreateTime, stamped by each writer):
publish (bench -> articles topic), detect (-> event written), route (-> alert written),
notify (-> Slack accepted). Prints p50/p99 per rate and stage, and the knee: the first
rate whose p99 passes 1 s. Targets at 100 articles/s: p50 <= 50 ms, p99 <= 250 ms.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
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
from kafka import KafkaConsumer, KafkaProducer, TopicPartition  # noqa: E402

from newswatch.kafkaio.clients import KafkaClients  # noqa: E402
from newswatch.kafkaio.topics import create_topics  # noqa: E402
from newswatch.schemas.settings import load_settings  # noqa: E402
from tests.slack_emulator import Message, SlackEmulator  # noqa: E402

BOOTSTRAP = os.environ.get("NEWSWATCH_KAFKA_BOOTSTRAP", "127.0.0.1:9092")
STAGES = ("publish", "detect", "route", "notify")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def record_times(topic: str, field: str) -> dict[str, float]:
    """``field`` of each record's JSON value -> its record timestamp (s)."""
    consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, enable_auto_commit=False)
    try:
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic)]
        consumer.assign(partitions)
        consumer.seek_to_beginning(*partitions)
        end = consumer.end_offsets(partitions)
        out: dict[str, float] = {}
        while any(consumer.position(tp) < end[tp] for tp in partitions):
            for records in consumer.poll(timeout_ms=500).values():
                for record in records:
                    value = json.loads(record.value)
                    key = value.get(field) or value.get("event", {}).get(field)
                    out.setdefault(key, record.timestamp / 1000)
        return out
    finally:
        consumer.close()


class Pipeline:
    """Topics, a worker, a notifier and the emulator for one bench run."""

    def __init__(self, home: Path, companies: int) -> None:
        self.prefix = f"be{uuid.uuid4().hex[:8]}"
        self.home = home
        create_topics(KafkaClients(load_settings(kafka_bootstrap=BOOTSTRAP)), self.prefix)
        self.watched = worker_mix.companies(companies)
        (home / "rules.yaml").write_text(worker_mix.rules_yaml(self.watched))
        self.emulator = SlackEmulator().start()
        self.posted: dict[str, float] = {}
        self.emulator.on_post(self._on_post)
        env = dict(os.environ, NEWSWATCH_KAFKA_BOOTSTRAP=BOOTSTRAP,
                   NEWSWATCH_TOPIC_PREFIX=self.prefix, NEWSWATCH_CONSUMER_GROUP=self.prefix,
                   NEWSWATCH_RULES=str(home / "rules.yaml"), NEWSWATCH_HOME=str(home),
                   NEWSWATCH_METRICS_PORT="0",
                   NEWSWATCH_SLACK_BOT_TOKEN=self.emulator.token,
                   NEWSWATCH_SLACK_API_URL=self.emulator.base_url,
                   NEWSWATCH_LOG_LEVEL="INFO")
        self.procs = [subprocess.Popen([sys.executable, "-m", "newswatch", stage], cwd=ROOT,
                                       env=env, stdout=(home / f"{stage}.log").open("wb"),
                                       stderr=subprocess.STDOUT) for stage in ("worker", "notify")]
        self.producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, acks="all", linger_ms=0)
        self.sent: dict[str, float] = {}

    def _on_post(self, message: Message) -> None:
        if message.alert_id:
            self.posted.setdefault(message.alert_id, time.time())

    def wait_ready(self, timeout: float = 90) -> None:
        """Warm up with one article until its alert reaches Slack."""
        deadline = time.monotonic() + timeout
        self.send(10**6)
        while not self.posted:
            if time.monotonic() > deadline or any(p.poll() is not None for p in self.procs):
                raise SystemExit(f"bench: pipeline did not start; logs in {self.home}")
            time.sleep(0.2)

    def send(self, index: int) -> str:
        article = worker_mix.article(index, self.prefix, self.watched, _RNG, alert_no=index)
        self.sent[article.id] = time.time()
        self.producer.send(f"{self.prefix}.articles", key=article.id.encode(),
                           value=article.to_json_bytes())
        return article.id

    def run_rate(self, rate: float, seconds: float, first: int) -> list[str]:
        ids = []
        started = time.monotonic()
        for n in range(int(rate * seconds)):
            delay = started + n / rate - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            ids.append(self.send(first + n))
        self.producer.flush()
        return ids

    def close(self) -> None:
        for proc in self.procs:
            proc.terminate()
            proc.wait(30)
        self.producer.close()
        self.emulator.stop()


_RNG = random.Random(5)


def report(pipe: Pipeline, rate: float, ids: list[str], drain_s: float) -> float:
    deadline = time.monotonic() + drain_s
    while time.monotonic() < deadline and len(pipe.posted) < len(pipe.sent):
        time.sleep(0.2)
    article_ts = record_times(f"{pipe.prefix}.articles", "id")
    event_ts = record_times(f"{pipe.prefix}.events", "article_id")
    alert_ts = record_times(f"{pipe.prefix}.alerts", "article_id")
    alert_ids = {}
    for value in _alert_values(pipe.prefix):
        alert_ids[value["event"]["article_id"]] = value["id"]
    stages: dict[str, list[float]] = {s: [] for s in (*STAGES, "total")}
    lost = 0
    for aid in ids:
        posted = pipe.posted.get(alert_ids.get(aid, ""))
        if posted is None:
            lost += 1
            continue
        marks = [pipe.sent[aid], article_ts[aid], event_ts[aid], alert_ts[aid], posted]
        for stage, (a, b) in zip(STAGES, itertools.pairwise(marks), strict=True):
            stages[stage].append(max(b - a, 0.0))
        stages["total"].append(posted - pipe.sent[aid])
    total = stages["total"]
    parts = "  ".join(f"{s} {pct(stages[s], .5) * 1000:5.0f}/{pct(stages[s], .99) * 1000:5.0f}"
                      for s in STAGES)
    print(f"{rate:6.0f}/s  p50 {pct(total, .5) * 1000:6.0f} ms  p99 {pct(total, .99) * 1000:6.0f} "
          f"ms  | p50/p99 ms: {parts}" + (f"  ({lost} not delivered in time)" if lost else ""))
    return pct(total, .99) if not lost else float("inf")


def _alert_values(prefix: str) -> list[dict[str, object]]:
    consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, enable_auto_commit=False)
    try:
        topic = f"{prefix}.alerts"
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic)]
        consumer.assign(partitions)
        consumer.seek_to_beginning(*partitions)
        end = consumer.end_offsets(partitions)
        out = []
        while any(consumer.position(tp) < end[tp] for tp in partitions):
            for records in consumer.poll(timeout_ms=500).values():
                out.extend(json.loads(r.value) for r in records)
        return out
    finally:
        consumer.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rates", type=float, nargs="+", default=[25, 50, 100, 200, 400, 800])
    parser.add_argument("--seconds", type=float, default=15.0)
    args = parser.parse_args()
    count = int(sum(args.rates) * args.seconds) + 10
    with tempfile.TemporaryDirectory(prefix="bench-e2e-") as tmp:
        pipe = Pipeline(Path(tmp), companies=count)
        try:
            pipe.wait_ready()
            print(f"== one alert per article, {len(pipe.watched):,} companies, instant Slack "
                  f"emulator, {args.seconds:.0f} s per rate; broker {BOOTSTRAP}")
            knee = None
            first = 0
            for rate in args.rates:
                ids = pipe.run_rate(rate, args.seconds, first)
                first += len(ids)
                p99 = report(pipe, rate, ids, drain_s=max(30.0, args.seconds * 2))
                if p99 > 1.0 and knee is None:
                    knee = rate
                    break
            print(f"knee (first rate with p99 > 1 s): "
                  f"{f'{knee:.0f} articles/s' if knee else f'above {args.rates[-1]:.0f}/s'}")
            print("stages: publish = bench -> articles topic, detect = -> event written, "
                  "route = -> alert written, notify = -> Slack accepted (queueing included)")
        finally:
            pipe.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
