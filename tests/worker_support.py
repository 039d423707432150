"""Driving real ``newswatch worker`` processes on the real broker, for the reliability tests
and the kill-loop script: fresh topics, a rules file of N companies, articles that each
raise exactly one alert, and a count of what reached the alerts topic.

(No tests here; the name keeps it beside the tests that use it.)
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kafka import KafkaConsumer, KafkaProducer, TopicPartition

from newswatch.kafkaio.clients import KafkaClients
from newswatch.kafkaio.topics import create_topics
from newswatch.pipeline import group_lag
from newswatch.schemas import Alert, Article, DeadLetter
from newswatch.schemas.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]

_STEMS = ("ar", "bel", "cor", "dan", "el", "fin", "gar", "hel", "ix", "jor", "kal", "lum", "mar",
          "nor", "pel", "quin", "ros", "sol", "tor", "ul", "vex", "wyn", "xen", "yor", "zan",
          "bri", "cla", "dro", "fen", "gri", "hal", "kes", "lin", "mor", "nex", "pra", "quo",
          "ser", "tav", "vin")
_SUFFIXES = ("Labs", "Systems", "Robotics", "Dynamics", "Energy", "Logistics", "Payments",
             "Networks", "Foods", "Motors", "Analytics", "Aerospace", "Media")


def company_names(count: int, seed: int = 11) -> list[str]:
    """``count`` distinct invented company names ("Belmar Robotics")."""
    rng = random.Random(seed)
    names: dict[str, str] = {}
    while len(names) < count:
        stem = "".join(rng.choice(_STEMS) for _ in range(rng.randint(2, 3))).capitalize()
        names.setdefault(stem, f"{stem} {rng.choice(_SUFFIXES)}")
    return list(names.values())


def rules_yaml(companies: list[str], channel: str = "#kill") -> str:
    """One watch on every company for layoffs, into ``channel``."""
    lines = ["companies:"]
    lines += [f"  - name: {name}" for name in companies]
    lines += ["watches:", "  - name: all-layoffs", '    companies: ["*"]',
              "    events: [layoffs]", f'    channels: ["{channel}"]']
    return "\n".join(lines) + "\n"


def layoffs_article(index: int, company: str, run: str) -> Article:
    """An article that raises exactly one alert: a layoffs story about ``company``."""
    return Article(id=f"{run}-{index}", title=f"{company} to cut 1,200 jobs",
                   summary=f"{company} said on Tuesday it would cut about 1,200 jobs as "
                           "demand slowed.",
                   link=f"https://news.example/{run}/{index}")


@dataclass
class WorkerRig:
    """Fresh topics under one prefix, a rules file, and worker processes in one group."""

    bootstrap: str
    workdir: Path
    companies: int = 300
    prefix: str = field(default_factory=lambda: f"w{uuid.uuid4().hex[:10]}")
    extra_env: dict[str, str] = field(default_factory=dict)
    run: str = ""  # article ids are "<run>-<n>"; the prefix unless two rigs must match
    faults: bool = False  # put tests/worker_faults (fault injection) on the workers' path

    def __enter__(self) -> WorkerRig:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __post_init__(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.run = self.run or self.prefix
        self.names = company_names(self.companies)
        self.rules = self.workdir / "rules.yaml"
        self.rules.write_text(rules_yaml(self.names))
        self.clients = KafkaClients(load_settings(kafka_bootstrap=self.bootstrap))
        create_topics(self.clients, self.prefix)
        self._producer: KafkaProducer | None = None
        self.started = 0
        self.workers: list[subprocess.Popen[bytes]] = []

    @property
    def group(self) -> str:
        return self.prefix

    def topic(self, short: str) -> str:
        return f"{self.prefix}.{short}"

    def env(self, **overrides: str) -> dict[str, str]:
        env = dict(os.environ)
        env.update({
            "NEWSWATCH_KAFKA_BOOTSTRAP": self.bootstrap,
            "NEWSWATCH_TOPIC_PREFIX": self.prefix,
            "NEWSWATCH_CONSUMER_GROUP": self.group,
            "NEWSWATCH_RULES": str(self.rules),
            "NEWSWATCH_HOME": str(self.workdir / "home"),
            # Any free port: tests run workers side by side (and in parallel processes).
            "NEWSWATCH_METRICS_PORT": "0",
            "PYTHONPATH": (f"{ROOT / 'tests' / 'worker_faults'}:{ROOT}" if self.faults
                           else str(ROOT)),
        })
        env.update(self.extra_env)
        env.update(overrides)
        return env

    def start_worker(self, name: str = "worker", **env: str) -> subprocess.Popen[bytes]:
        """``newswatch worker`` in the background; its output is appended to ``name.log``."""
        self.started += 1
        with (self.workdir / f"{name}.log").open("ab") as log:
            log.write(f"\n===== start {self.started} at {time.time():.3f}\n".encode())
            log.flush()
            worker = subprocess.Popen([sys.executable, "-m", "newswatch", "worker"],
                                      cwd=ROOT, env=self.env(**env), stdout=log,
                                      stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        self.workers.append(worker)
        return worker

    def log(self, name: str = "worker") -> str:
        path = self.workdir / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    # ---- input ---------------------------------------------------------------------------
    def article(self, index: int) -> Article:
        return layoffs_article(index, self.names[index % len(self.names)], self.run)

    def produce(self, indices: range, *, rate: float | None = None) -> None:
        """Publish the articles for ``indices``, ``rate`` per second (None: at once)."""
        producer = self._ensure_producer()
        started = time.monotonic()
        for n, index in enumerate(indices):
            if rate:
                delay = started + n / rate - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
            article = self.article(index)
            producer.send(self.topic("articles"), key=article.id.encode(),
                          value=article.to_json_bytes())
        producer.flush()

    def produce_in_background(self, indices: range, rate: float) -> threading.Thread:
        thread = threading.Thread(target=self.produce, args=(indices,),
                                  kwargs={"rate": rate}, daemon=True)
        thread.start()
        return thread

    def _ensure_producer(self) -> KafkaProducer:
        if self._producer is None:
            self._producer = self.clients.producer("newswatch-tests", linger_ms=5)
        return self._producer

    # ---- output --------------------------------------------------------------------------
    def read(self, short: str) -> list[bytes]:
        """Every record on ``<prefix>.<short>``, partition by partition."""
        consumer: KafkaConsumer = self.clients.consumer("newswatch-tests")
        try:
            topic = self.topic(short)
            partitions = [TopicPartition(topic, p)
                          for p in sorted(consumer.partitions_for_topic(topic) or ())]
            consumer.assign(partitions)
            consumer.seek_to_beginning(*partitions)
            end = consumer.end_offsets(partitions)
            out: list[bytes] = []
            deadline = time.monotonic() + 30
            while any(consumer.position(tp) < end[tp] for tp in partitions):
                assert time.monotonic() < deadline, f"could not read {topic} to its end"
                for records in consumer.poll(timeout_ms=200, max_records=5000).values():
                    out.extend(r.value for r in records if r.value is not None)
            return out
        finally:
            consumer.close()

    def alerts(self) -> list[Alert]:
        return [Alert.from_json(value) for value in self.read("alerts")]

    def alerted_articles(self) -> Counter[str]:
        """Article id -> how many distinct alerts it raised (duplicates on the topic of one
        alert id count once: the notifier's ledger delivers an id once)."""
        ids = {(a.event.article_id, a.id) for a in self.alerts()}
        return Counter(article for article, _ in ids)

    def missing(self, indices: range) -> list[int]:
        """The articles among ``indices`` that raised no alert."""
        got = self.alerted_articles()
        return [i for i in indices if got[f"{self.run}-{i}"] == 0]

    def ready_count(self, name: str = "worker") -> int:
        """How many times a worker logging to ``name.log`` said it was ready."""
        return self.log(name).count("Worker ready")

    def wait_ready(self, count: int, worker: subprocess.Popen[bytes], *,
                   name: str = "worker", timeout: float = 60.0) -> float:
        """Wait for the ``count``-th "Worker ready" in ``name.log``; return the seconds."""
        started = time.monotonic()
        while self.ready_count(name) < count:
            assert worker.poll() is None, (
                f"worker exited with {worker.returncode}:\n{self.log(name)[-4000:]}")
            assert time.monotonic() - started < timeout, (
                f"worker not ready after {timeout:.0f} s:\n{self.log(name)[-4000:]}")
            time.sleep(0.05)
        return time.monotonic() - started

    def dead_letters(self) -> list[DeadLetter]:
        return [DeadLetter.from_json(value) for value in self.read("dlq")]

    def lag(self) -> int | None:
        return group_lag(self.bootstrap, self.group,
                         [self.topic("articles"), self.topic("events")])

    def wait_caught_up(self, timeout: float, *workers: subprocess.Popen[bytes]) -> float:
        """Wait until the group has committed every article and event; return the seconds."""
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            for worker in workers:
                assert worker.poll() is None, (
                    f"worker exited with {worker.returncode}:\n{self.log()[-4000:]}")
            if self.lag() == 0:
                return time.monotonic() - started
            time.sleep(0.5)
        raise AssertionError(f"group {self.group} not caught up after {timeout:.0f} s "
                             f"(lag {self.lag()}):\n{self.log()[-4000:]}")

    def close(self) -> None:
        """Stop every worker this rig started that still runs, and the producer."""
        for worker in self.workers:
            stop(worker, timeout=15)
        if self._producer is not None:
            self._producer.close(timeout=10)
            self._producer = None
        self.delete_topics()

    def delete_topics(self) -> None:
        """Delete this rig's topics (pipeline and worker group): a single test broker
        holding every test's partitions runs out of heap."""
        admin = self.clients.admin("newswatch-tests")
        try:
            mine = [t for t in admin.list_topics()
                    if t.startswith((f"{self.prefix}.", f"{self.group}-"))]
            if mine:
                admin.delete_topics(mine)
        except Exception as exc:  # cleanup must not hide the test's own result
            print(f"could not delete topics of {self.prefix}: {exc}")
        finally:
            admin.close()


def stop(worker: subprocess.Popen[bytes], timeout: float = 30.0) -> int:
    """SIGTERM, then SIGKILL if it will not stop."""
    if worker.poll() is None:
        worker.terminate()
        try:
            worker.wait(timeout)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
    return worker.returncode


def kill(worker: subprocess.Popen[bytes]) -> None:
    """SIGKILL: no cleanup, no commit, the way a power cut would stop it."""
    worker.kill()
    worker.wait()
