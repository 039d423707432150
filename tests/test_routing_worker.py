"""Routing and pacing on the real worker: the alerts and digests a backtest of the same
events predicts, with state that survives a restart and a clock the test sets."""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from kafka import KafkaConsumer, KafkaProducer, TopicPartition

from newswatch.kafkaio.clients import KafkaClients
from newswatch.kafkaio.topics import create_topics, partition_count
from newswatch.pipeline import stage_env, start_stage, stop_stage, wait_for_group
from newswatch.schemas import AlertMessage, CompanyEvent, DigestAlert, DigestTick, load_rules
from newswatch.schemas.alert import parse_any_alert
from newswatch.schemas.settings import load_settings
from newswatch.streams.routing import RouteReplay

pytestmark = pytest.mark.kafka

T0 = datetime(2026, 6, 26, 5, 0, tzinfo=UTC)  # 07:00 in Berlin
NINE_IN_BERLIN = datetime(2026, 6, 26, 7, 0, tzinfo=UTC)

RULES = """\
companies: [{name: Meta Platforms}, {name: OpenAI}, {name: Perplexity AI}]
watches:
  - name: everything
    companies: ["*"]
    events: ["*"]
    channels:
      - "#plain"
      - channel: "#morning"
        mode: digest
        schedule: daily 09:00 Europe/Berlin
  # One company: its events keep their order (one partition), so which alert the budget
  # lets through is fixed. Across companies, arrival order decides the last token.
  - name: meta-only
    companies: [Meta Platforms]
    events: ["*"]
    channels: ["#budget"]
channels:
  - channel: "#budget"
    budget: {burst: 2, rate: 1/hour}
"""


def _events() -> list[CompanyEvent]:
    def make(article: str, minute: int, **fields: Any) -> CompanyEvent:
        values: dict[str, Any] = dict(
            article_id=article, confidence=0.9, article_title=f"Story {article}",
            article_link=f"https://news.example/{article}",
            article_fingerprint=hashlib.sha256(article.encode()).hexdigest()[:16],
            published=T0 + timedelta(minutes=minute), company="Meta Platforms",
            event_type="layoffs")
        values.update(fields)
        return CompanyEvent.model_validate(values)

    deal = dict(event_type="acquisition", role="acquirer", counterparty="Perplexity AI")
    return [
        make("m1", 0),
        make("o1", 1, company="OpenAI", event_type="legal", role="defendant",
             counterparty="Meta Platforms"),
        make("d1", 2, stage="talks", **deal),
        make("m2", 3),                                   # another source on m1's story
        make("m1-elsewhere", 4, article_link="https://news.example/m1?utm_source=x"),
        make("d2", 5, stage="announced", **deal),        # a stage update
        make("o2", 6, company="OpenAI", event_type="layoffs"),
        make("p1", 7, company="Perplexity AI", event_type="investment", role="recipient"),
        make("d3", 8, stage="completed", **deal),
        make("x1", 9, event_type="legal", role="plaintiff", counterparty="OpenAI"),
    ]


@pytest.fixture
def worker_env(kafka_bootstrap: str, tmp_path: Path) -> Iterator[dict[str, str]]:
    prefix = f"rw{uuid.uuid4().hex[:8]}"
    create_topics(KafkaClients(load_settings(kafka_bootstrap=kafka_bootstrap)), prefix)
    rules = tmp_path / "rules.yaml"
    rules.write_text(RULES)
    yield stage_env(kafka_bootstrap=kafka_bootstrap, topic_prefix=prefix,
                    consumer_group=prefix, rules=str(rules), digest_tick_seconds="0",
                    home=str(tmp_path / "home"))


def _produce(bootstrap: str, topic: str, items: list[tuple[bytes, bytes, int | None]]) -> None:
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all")
    for key, value, partition in items:
        producer.send(topic, key=key, value=value, partition=partition)
    producer.flush()
    producer.close()


def _alerts(bootstrap: str, topic: str) -> list[AlertMessage]:
    """Everything on ``topic`` now, every partition read to its end."""
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    try:
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic)]
        consumer.assign(partitions)
        consumer.seek_to_beginning()
        end = consumer.end_offsets(partitions)
        out: list[AlertMessage] = []
        deadline = time.monotonic() + 20
        while any(consumer.position(tp) < end[tp] for tp in partitions):
            assert time.monotonic() < deadline, f"could not read {topic}"
            for records in consumer.poll(timeout_ms=200).values():
                out.extend(parse_any_alert(r.value) for r in records)
        return out
    finally:
        consumer.close()


def _ids(messages: list[AlertMessage]) -> dict[str, list[str]]:
    by_channel: dict[str, list[str]] = {}
    for message in messages:
        by_channel.setdefault(message.channel, []).append(message.id)
    return {channel: sorted(ids) for channel, ids in by_channel.items()}


def test_the_worker_sends_what_a_backtest_predicts_across_a_restart(
        worker_env: dict[str, str], kafka_bootstrap: str, tmp_path: Path) -> None:
    prefix = worker_env["NEWSWATCH_TOPIC_PREFIX"]
    topics = [f"{prefix}.events", f"{prefix}.routed"]
    events = _events()
    replay = RouteReplay(load_rules(worker_env["NEWSWATCH_RULES"]))
    expected_now = [m for e in events for m in replay.feed(e)]
    expected_later = replay.finish(until=NINE_IN_BERLIN)
    log = tmp_path / "worker.log"

    worker = start_stage(["worker"], worker_env, log)
    try:
        _produce(kafka_bootstrap, f"{prefix}.events",
                 [(e.company.encode(), e.to_json_bytes(), None) for e in events])
        wait_for_group(kafka_bootstrap, prefix, topics, timeout=120, alive=worker)
    finally:
        assert stop_stage(worker) == 0, log.read_text()[-3000:]
    sent = _alerts(kafka_bootstrap, f"{prefix}.alerts")
    assert _ids(sent) == _ids(expected_now)  # no restart yet: exactly once
    assert {m.kind for m in sent if m.channel == "#plain"} == {"new", "followup", "update"}
    assert "#morning" not in _ids(sent)  # all of it waits for 09:00 in Berlin

    # A restarted worker has the held alerts back from the table's changelog; a tick at
    # 09:00 in Berlin sends the budget's overflow digest and the morning digest. Ticks go
    # on until they do, as the worker's own timer would: a tick that reaches a partition
    # before its state is back only delays a digest.
    worker = start_stage(["worker"], worker_env, log)
    try:
        routed = f"{prefix}.routed"
        partitions = partition_count(KafkaClients(load_settings(
            kafka_bootstrap=kafka_bootstrap)), routed)
        later: list[AlertMessage] = []
        for second in range(60):
            tick = DigestTick.at(NINE_IN_BERLIN + timedelta(seconds=second)).to_json_bytes()
            _produce(kafka_bootstrap, routed, [(b"tick", tick, p) for p in range(partitions)])
            time.sleep(1.0)
            later = _alerts(kafka_bootstrap, f"{prefix}.alerts")
            if len({m.channel for m in later if isinstance(m, DigestAlert)}) == 2:
                break
        wait_for_group(kafka_bootstrap, prefix, topics, timeout=120, alive=worker)
    finally:
        assert stop_stage(worker) == 0, log.read_text()[-3000:]
    later = _alerts(kafka_bootstrap, f"{prefix}.alerts")
    # At least once: a restart may send an alert again (same id; the notifier posts it once).
    new = list({m.id: m for m in later if m.id not in {s.id for s in sent}}.values())
    assert _ids(new) == _ids(expected_later)
    digests = [m for m in new if isinstance(m, DigestAlert)]
    assert sorted(d.channel for d in digests) == ["#budget", "#morning"]
    morning = next(d for d in digests if d.channel == "#morning")
    assert morning.total_entries == 6  # one line per story, copies folded in
