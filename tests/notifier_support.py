"""Shared helpers for the notifier tests: alerts, a Kafka+emulator rig, subprocess runs.

(No tests here; the module name keeps it among the files the notifier tests own.)
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kafka import KafkaConsumer, KafkaProducer, TopicPartition

from newswatch.notifiers.base import Notifier, build_notifier
from newswatch.notifiers.config import ServiceConfig, SlackConfig
from newswatch.notifiers.service import DeliveryReport, NotifierService
from newswatch.schemas import Alert, AlertKind, CompanyEvent, DeadLetter, Delivery
from newswatch.schemas.settings import Settings, load_settings
from tests.slack_emulator import SlackEmulator

ROOT = Path(__file__).resolve().parents[1]
FAST = ServiceConfig(retry_initial_s=0.05, retry_max_s=0.5, commit_interval_s=0.2,
                     revoke_wait_s=5.0)

# Runs `newswatch notify` through the notifier's own CLI registration, so a subprocess
# test does not depend on which stages the top-level command has registered. With
# CRASH_AT=step:n in the environment the process exits at the n-th time that delivery
# step completes, with no cleanup at all, the way a power cut would.
NOTIFY_SCRIPT = """
import argparse, logging, os, sys
from newswatch.notifiers.cli import register, run_notify
parser = argparse.ArgumentParser(prog="newswatch")
register(parser.add_subparsers(dest="command", required=True))
args = parser.parse_args(sys.argv[1:])
logging.basicConfig(level=logging.INFO, stream=sys.stderr)
point, _, count = os.environ.get("CRASH_AT", "").partition(":")
left = [int(count or 1)]
def crash(step):
    if step == point:
        left[0] -= 1
        if left[0] <= 0:
            os._exit(70)
sys.exit(run_notify(args, on_step=crash))
"""


def make_alert(n: int, *, channel: str = "#alerts", kind: AlertKind = "new",
               parent: Alert | None = None, **event: Any) -> Alert:
    fields: dict[str, Any] = {
        "article_id": f"art-{n}",
        "article_title": f"Meta Platforms delays launch number {n}",
        "article_link": f"https://news.example/{n}",
        "source": "Example Wire",
        "company": "Meta Platforms",
        "event_type": "launch_delay",
        "confidence": 0.9,
        "evidence": [f"Meta postponed launch {n} of its model."],
        "triggers": ["postponed"],
    }
    fields.update(event)
    return Alert(watch="meta", channel=channel, event=CompanyEvent(**fields),
                 kind=kind,
                 parent_alert_id=parent.id if parent else None,
                 story_key=parent.story_key if parent else "")


@dataclass
class NotifyRig:
    """Fresh topics, a started emulator, and settings pointing at both."""

    bootstrap: str
    prefix: str
    emulator: SlackEmulator

    def settings(self, **overrides: Any) -> Settings:
        values: dict[str, Any] = {
            "kafka_bootstrap": self.bootstrap, "topic_prefix": self.prefix,
            "consumer_group": self.prefix, "slack_bot_token": self.emulator.token,
            "slack_api_url": self.emulator.base_url,
        }
        values.update(overrides)
        return load_settings(**values)

    def send(self, *alerts: Alert) -> None:
        producer = KafkaProducer(bootstrap_servers=self.bootstrap, acks="all")
        for alert in alerts:
            producer.send(f"{self.prefix}.alerts", key=alert.channel.encode(),
                          value=alert.to_json_bytes())
        producer.flush()
        producer.close()

    def send_raw(self, value: bytes, key: bytes = b"#alerts") -> None:
        producer = KafkaProducer(bootstrap_servers=self.bootstrap, acks="all")
        producer.send(f"{self.prefix}.alerts", key=key, value=value)
        producer.flush()
        producer.close()

    def slack(self, **config: Any) -> Notifier:
        values: dict[str, Any] = {"token": self.emulator.token,
                                  "base_url": self.emulator.base_url,
                                  "timeout_s": 1.0, "sdk_retries": 1}
        values.update(config)
        return build_notifier("slack", SlackConfig(**values))

    def service(self, notifier: Notifier | None = None, config: ServiceConfig = FAST,
                settings: Settings | None = None) -> NotifierService:
        return NotifierService(settings or self.settings(), notifier or self.slack(),
                               config=config)

    def run(self, notifier: Notifier | None = None, until_idle: float = 1.5,
            config: ServiceConfig = FAST) -> DeliveryReport:
        return self.service(notifier, config).run(until_idle=until_idle)

    def read(self, name: str) -> list[bytes]:
        consumer = KafkaConsumer(bootstrap_servers=self.bootstrap, group_id=None,
                                 enable_auto_commit=False, auto_offset_reset="earliest")
        topic = f"{self.prefix}.{name}"
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic)]
        consumer.assign(partitions)
        end = consumer.end_offsets(partitions)
        out: list[bytes] = []
        deadline = time.monotonic() + 20
        while any(consumer.position(tp) < end[tp] for tp in partitions):
            assert time.monotonic() < deadline, f"could not read {topic}"
            for records in consumer.poll(timeout_ms=200).values():
                out.extend(r.value for r in records if r.value is not None)
        consumer.close()
        return out

    def dead_letters(self) -> list[DeadLetter]:
        return [DeadLetter.from_json(v) for v in self.read("dlq")]

    def ledger(self) -> dict[str, Delivery]:
        latest: dict[str, Delivery] = {}
        for value in self.read("deliveries"):
            record = Delivery.from_json(value)
            latest[record.alert_id] = record
        return latest

    def committed(self) -> int:
        """Sum of the group's committed offsets on the alerts topic."""
        consumer = KafkaConsumer(bootstrap_servers=self.bootstrap,
                                 group_id=f"{self.prefix}-notify", enable_auto_commit=False)
        topic = f"{self.prefix}.alerts"
        total = sum(consumer.committed(TopicPartition(topic, p)) or 0
                    for p in consumer.partitions_for_topic(topic))
        consumer.close()
        return total

    def notify_process(self, *args: str, env: dict[str, str] | None = None,
                       log: Path | None = None) -> subprocess.Popen[bytes]:
        """``newswatch notify ARGS`` in a child process with this rig's settings."""
        full_env = dict(os.environ)
        full_env.update({
            "NEWSWATCH_KAFKA_BOOTSTRAP": self.bootstrap,
            "NEWSWATCH_TOPIC_PREFIX": self.prefix,
            "NEWSWATCH_CONSUMER_GROUP": self.prefix,
            "NEWSWATCH_SLACK_BOT_TOKEN": self.emulator.token,
            "NEWSWATCH_SLACK_API_URL": self.emulator.base_url,
            "PYTHONPATH": str(ROOT),
        })
        full_env.update(env or {})
        out = log.open("ab") if log else subprocess.DEVNULL
        return subprocess.Popen([sys.executable, "-c", NOTIFY_SCRIPT, "notify", *args],
                                cwd=ROOT, env=full_env, stdout=out, stderr=subprocess.STDOUT)


def notify_rig(kafka_bootstrap: str, topic_prefix: str) -> Iterator[NotifyRig]:
    """Body of each notifier test module's ``rig`` fixture (fresh topics + emulator)."""
    emulator = SlackEmulator().start()
    try:
        yield NotifyRig(kafka_bootstrap, topic_prefix, emulator)
    finally:
        emulator.stop()
