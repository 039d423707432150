"""``newswatch replay``: the real worker and notifier re-drive a range into the sandbox
channel of the Slack emulator, and the live topics, groups and delivery ledger stay as
they were."""

from __future__ import annotations

import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.structs import OffsetAndMetadata

from newswatch.pipeline import newswatch_command, stage_env
from newswatch.schemas import Article
from tests.slack_emulator import SlackEmulator

pytestmark = pytest.mark.kafka

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "backtest"
LIVE_TOPICS = ("articles", "events", "alerts", "deliveries", "feedstate", "dlq")


@dataclass
class Live:
    prefix: str
    bootstrap: str
    started: datetime
    finished: datetime


def _snapshot(bootstrap: str, prefix: str) -> tuple[dict[str, int], dict[str, dict[object, int]],
                                                   set[str]]:
    """End offsets of every live topic, committed offsets of the live groups, topic names."""
    consumer = KafkaConsumer(bootstrap_servers=bootstrap)
    admin = KafkaAdminClient(bootstrap_servers=bootstrap, client_id="newswatch-tests")
    try:
        ends = {}
        for short in LIVE_TOPICS:
            topic = f"{prefix}.{short}"
            parts = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic)]
            ends[short] = sum(consumer.end_offsets(parts).values())
        groups = {g: {tp: m.offset for tp, m in
                      admin.list_group_offsets({g: None}).get(g, {}).items()}
                  for g in (prefix, f"{prefix}-notify")}
        return ends, groups, {t for t in admin.list_topics()
                              if t.startswith(prefix) and "-replay-" not in t}
    finally:
        consumer.close()
        admin.close()


@pytest.fixture(scope="module")
def live(kafka_bootstrap: str) -> Live:
    from newswatch.kafkaio.clients import KafkaClients
    from newswatch.kafkaio.topics import create_topics
    from newswatch.schemas.settings import load_settings

    prefix = f"rp{uuid.uuid4().hex[:8]}"
    create_topics(KafkaClients(load_settings(kafka_bootstrap=kafka_bootstrap)), prefix)
    started = datetime.now(UTC) - timedelta(seconds=1)
    producer = KafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all")
    lines = (FIXTURE / "articles.jsonl").read_text().splitlines()
    for article in sorted((Article.model_validate_json(x) for x in lines),
                          key=lambda a: a.event_time):
        producer.send(f"{prefix}.articles", key=article.id.encode(),
                      value=article.to_json_bytes(), partition=0)
    # Live state the replay must leave alone: a ledger entry and the live groups' progress.
    producer.send(f"{prefix}.deliveries", key=b"live-alert", value=b'{"live": true}')
    producer.flush()
    producer.close()
    for group, topic in ((prefix, "articles"), (f"{prefix}-notify", "alerts")):
        consumer = KafkaConsumer(bootstrap_servers=kafka_bootstrap, group_id=group,
                                 enable_auto_commit=False)
        consumer.commit({TopicPartition(f"{prefix}.{topic}", 0): OffsetAndMetadata(3, "", -1)})
        consumer.close()
    return Live(prefix, kafka_bootstrap, started, datetime.now(UTC) + timedelta(seconds=1))


@pytest.fixture
def emulator() -> Iterator[SlackEmulator]:
    emu = SlackEmulator().start()
    try:
        yield emu
    finally:
        emu.stop()


def _replay(live: Live, emulator: SlackEmulator, tmp_path: Path,
            *args: str) -> subprocess.CompletedProcess[str]:
    env = stage_env(kafka_bootstrap=live.bootstrap, topic_prefix=live.prefix,
                    consumer_group=live.prefix, rules=str(FIXTURE / "rules.yaml"),
                    slack_bot_token=emulator.token, slack_api_url=emulator.base_url,
                    home=str(tmp_path))
    return subprocess.run(newswatch_command(
        "replay", "--from", live.started.isoformat(timespec="seconds"), "--to",
        live.finished.isoformat(timespec="seconds"), *args),
        env=env, capture_output=True, text=True, timeout=240)


def test_replay_posts_only_to_the_sandbox_and_leaves_live_state_alone(
        live: Live, emulator: SlackEmulator, tmp_path: Path) -> None:
    before = _snapshot(live.bootstrap, live.prefix)
    done = _replay(live, emulator, tmp_path, "--channel", "#sandbox")
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    assert "17 article(s)" in done.stdout
    sandbox = emulator.channel_id("#sandbox")
    assert emulator.posts and all(p.channel == sandbox for p in emulator.posts)
    assert set(emulator.channels) == {emulator.channel_id("general"), sandbox}
    # deals 12 posts (its 2 stage updates only edit: the threads are full) + people 3 (its
    # two channels are one sandbox now) + launches 3.
    assert len(emulator.posts) == 18
    kinds = [((p.metadata or {}).get("event_payload") or {}).get("kind") for p in
             emulator.posts if p.thread_ts]
    # Follow-ups go into their story's thread; the completion, with each side's thread
    # full (3 replies), edits each side's first message ("completed") and posts nothing.
    assert sorted(kinds) == ["followup"] * 7
    assert len(emulator.updates) == 2
    assert not any("<!here>" in p.text for p in emulator.posts)
    assert _snapshot(live.bootstrap, live.prefix) == before
    assert _replay_topics_gone(live)


def _replay_topics_gone(live: Live) -> bool:
    admin = KafkaAdminClient(bootstrap_servers=live.bootstrap, client_id="newswatch-tests")
    try:
        for _ in range(20):  # deletion is asynchronous on the broker
            if not any(t.startswith(f"{live.prefix}-replay-") for t in admin.list_topics()):
                return True
            time.sleep(0.5)
        return False
    finally:
        admin.close()


def test_dry_run_prints_and_posts_nothing(live: Live, emulator: SlackEmulator,
                                          tmp_path: Path) -> None:
    before = _snapshot(live.bootstrap, live.prefix)
    done = _replay(live, emulator, tmp_path, "--dry-run")
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    assert "Contoso" in done.stdout and "Fabrikam" in done.stdout
    assert "printed (dry run)" in done.stdout
    assert emulator.posts == []
    assert _snapshot(live.bootstrap, live.prefix) == before


def test_a_bad_sandbox_channel_is_named(live: Live, emulator: SlackEmulator,
                                        tmp_path: Path) -> None:
    done = _replay(live, emulator, tmp_path, "--channel", "sandbox channel")
    assert done.returncode == 2
    assert done.stderr.strip() == ("newswatch: error: --channel: 'sandbox channel' is not a "
                                   "channel: use '#name' (lower case) or an id like C0123ABCD")
