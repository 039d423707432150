"""Notifier throughput and rate-limit waiting, on the real broker and the Slack emulator.

    NEWSWATCH_KAFKA_BOOTSTRAP=127.0.0.1:9092 python bench/bench_notify.py [--alerts 2000]

Prints figures; asserts nothing. Two parts:

1. Throughput across 50 channels with the emulator answering at once: alerts/s for the
   notifier at several worker counts, against a baseline measured in the same run (the
   bare slack_sdk client posting the same messages in a loop, with no Kafka and no ledger).
2. Rate limiting: the emulator allows 1 message/s per channel and answers 429 with
   Retry-After: 1 beyond that; how long each alert waits between its first attempt and
   the post Slack accepts, and how close to 1 s the posts in a channel are spaced.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import itertools

from kafka import KafkaProducer
from pydantic import SecretStr
from slack_sdk import WebClient

from newswatch.kafkaio.clients import KafkaClients
from newswatch.kafkaio.topics import create_topics
from newswatch.notifiers.base import build_notifier
from newswatch.notifiers.config import ServiceConfig, SlackConfig
from newswatch.notifiers.render import render_alert
from newswatch.notifiers.service import NotifierService
from newswatch.schemas import Alert, CompanyEvent
from newswatch.schemas.settings import load_settings
from tests.slack_emulator import SlackEmulator

BOOTSTRAP = os.environ.get("NEWSWATCH_KAFKA_BOOTSTRAP", "127.0.0.1:9092")


def make_alerts(count: int, channels: int, tag: str) -> list[Alert]:
    alerts = []
    for i in range(count):
        event = CompanyEvent(
            article_id=f"{tag}-{i}", article_title=f"Meta Platforms delays launch {i}",
            article_link=f"https://news.example/{tag}/{i}", source="Bench Wire",
            company="Meta Platforms", event_type="launch_delay", confidence=0.9,
            evidence=[f"Meta postponed launch {i} of its model."], triggers=["postponed"])
        alerts.append(Alert(watch="bench", channel=f"#bench-{i % channels}", event=event))
    return alerts


def publish(prefix: str, alerts: list[Alert]) -> None:
    producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, acks="all", linger_ms=5)
    for alert in alerts:
        producer.send(f"{prefix}.alerts", key=alert.channel.encode(), value=alert.to_json_bytes())
    producer.flush()
    producer.close()


def run_notifier(emulator: SlackEmulator, alerts: list[Alert], workers: int,
                 jitter_s: float = 0.1) -> tuple[float, float]:
    """Deliver ``alerts``; return (seconds from start to last post, seconds first->last)."""
    prefix = f"bench{uuid.uuid4().hex[:8]}"
    create_topics(KafkaClients(load_settings(kafka_bootstrap=BOOTSTRAP)), prefix)
    publish(prefix, alerts)
    settings = load_settings(kafka_bootstrap=BOOTSTRAP, topic_prefix=prefix,
                             consumer_group=prefix)
    notifier = build_notifier("slack", SlackConfig(
        token=SecretStr(emulator.token), base_url=emulator.base_url,
        rate_limit_jitter_s=jitter_s))
    service = NotifierService(settings, notifier, config=ServiceConfig(workers=workers))
    already = len(emulator.posts)
    started = time.monotonic()
    thread = threading.Thread(target=lambda: service.run(until_idle=1.0))
    thread.start()
    if not emulator.wait_for_posts(already + len(alerts), timeout=600):
        raise SystemExit("bench: not every alert was delivered")
    done = time.monotonic()
    posts = [c.at for c in emulator.calls[-(len(alerts) * 3):]
             if c.method == "chat.postMessage" and c.status == 200]
    thread.join()
    first_post = min(posts[-len(alerts):])
    return done - started, done - first_post


def baseline(emulator: SlackEmulator, alerts: list[Alert]) -> float:
    """Seconds for the bare slack_sdk client to post the same messages, one by one."""
    client = WebClient(token=emulator.token, base_url=emulator.base_url)
    started = time.monotonic()
    for alert in alerts:
        message = render_alert(alert)
        client.chat_postMessage(channel=alert.channel, text=message.text,
                                blocks=message.blocks, metadata=message.metadata)
    return time.monotonic() - started


def throughput(count: int) -> None:
    print(f"== throughput: {count} alerts across 50 channels, emulator answering at once")
    emulator = SlackEmulator().start()
    try:
        base = baseline(emulator, make_alerts(count, 50, "base"))
        base_rate = count / base
        print(f"baseline  bare slack_sdk loop (no Kafka, no ledger): {base_rate:8.0f} alerts/s")
        for workers in (1, 8, 32):
            total, steady = run_notifier(emulator, make_alerts(count, 50, f"w{workers}"),
                                         workers)
            print(f"notifier  workers={workers:<3} steady {count / steady:8.0f} alerts/s "
                  f"({count / steady / base_rate:4.2f}x baseline); with start-up "
                  f"{count / total:6.0f} alerts/s ({total:.1f} s)")
    finally:
        emulator.stop()


def rate_limited(channels: int, per_channel: int) -> None:
    count = channels * per_channel
    print(f"== rate limit: {count} alerts, {channels} channels x {per_channel}, Slack allows "
          "1 msg/s per channel (429 + Retry-After: 1)")
    ideal = per_channel - 1
    print(f"   (ideal: the last post {ideal} s after the first; each alert after a channel's "
          "first waits about 1 s)")
    for label, jitter in (("baseline slack_sdk stock jitter (0-1 s)", 1.0),
                          ("newswatch Retry-After + 0-0.1 s       ", 0.1)):
        emulator = SlackEmulator().start()
        emulator.rate_limit(1.0, retry_after=1)
        try:
            alerts = make_alerts(count, channels, "rl")
            _, steady = run_notifier(emulator, alerts, workers=channels, jitter_s=jitter)
            posts = [c for c in emulator.calls if c.method == "chat.postMessage"]
            first_try: dict[str, float] = {}
            accepted: dict[str, float] = {}
            for call in posts:
                if call.alert_id is not None:
                    first_try.setdefault(call.alert_id, call.at)
                    if call.status == 200:
                        accepted[call.alert_id] = call.at
            waits = [accepted[a] - first_try[a] for a in accepted]
            gaps: list[float] = []
            for c in range(channels):
                times = sorted(accepted[a.id] for a in alerts if a.channel == f"#bench-{c}")
                gaps.extend(b - a for a, b in itertools.pairwise(times))
            refused = sum(1 for c in posts if c.status == 429)
            print(f"{label}: first->last post {steady:.1f} s ({steady / max(ideal, 1):.2f}x "
                  f"ideal); wait per alert mean {statistics.mean(waits):.2f} s, "
                  f"max {max(waits):.2f} s; spacing in a channel mean "
                  f"{statistics.mean(gaps):.2f} s (floor 1.00); 429s {refused}; "
                  f"delivered {len(accepted)}/{count}")
        finally:
            emulator.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--alerts", type=int, default=2000)
    parser.add_argument("--rl-channels", type=int, default=10)
    parser.add_argument("--rl-per-channel", type=int, default=5)
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    throughput(args.alerts)
    rate_limited(args.rl_channels, args.rl_per_channel)


if __name__ == "__main__":
    main()
