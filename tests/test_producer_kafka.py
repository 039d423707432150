"""The producer on the real broker: restart without re-sending, state topic, status, DLQ."""

from __future__ import annotations

import argparse
import asyncio
import threading
import time
from pathlib import Path

import pytest
from kafka import KafkaConsumer, TopicPartition

from newswatch.kafkaio.clients import KafkaClients
from newswatch.kafkaio.errors import KafkaUnavailable
from newswatch.producers import run_forever, run_once
from newswatch.producers.cli import register
from newswatch.producers.state import read_states
from newswatch.schemas.article import Article
from newswatch.schemas.deadletter import DeadLetter
from newswatch.schemas.settings import Settings, load_settings
from tests.feed_server import FeedServer
from tests.feed_server import feed_server as _feed_server_fixture
from tests.test_producer_http import rss

pytestmark = pytest.mark.kafka
feed_server = _feed_server_fixture

ITEMS = [(f"tag:wire.example,2026:{i}", f"Story number {i}") for i in range(5)]


def read_topic(bootstrap: str, topic: str) -> list[tuple[bytes, bytes]]:
    """Every record of a topic, from the beginning to the current end."""
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=None,
                             enable_auto_commit=False)
    try:
        tps = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        consumer.assign(tps)
        consumer.seek_to_beginning(*tps)
        end = consumer.end_offsets(tps)
        records: list[tuple[bytes, bytes]] = []
        deadline = time.monotonic() + 30
        while any(consumer.position(tp) < end[tp] for tp in tps):
            assert time.monotonic() < deadline, f"timed out reading {topic}"
            for batch in consumer.poll(timeout_ms=500).values():
                records.extend((r.key, r.value) for r in batch)
        return records
    finally:
        consumer.close()


@pytest.fixture
def settings(kafka_bootstrap: str, topic_prefix: str) -> Settings:
    return load_settings(kafka_bootstrap=kafka_bootstrap, topic_prefix=topic_prefix)


def feeds_yaml(tmp_path: Path, *urls: str, interval: str = "1h") -> Path:
    path = tmp_path / "feeds.yaml"
    lines = [f"defaults:\n  interval: {interval}\n  timeout: 5s\nfeeds:"]
    lines += [f"  - url: {url}\n    name: feed-{i}" for i, url in enumerate(urls)]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_restarted_producer_sends_only_the_new_item(
    settings: Settings, feed_server: FeedServer, tmp_path: Path
) -> None:
    feed_server.write("wire.xml", rss(*ITEMS))
    feeds = feeds_yaml(tmp_path, feed_server.url("wire.xml"), interval="1s")
    articles_topic = f"{settings.topic_prefix}.articles"

    # First run: the continuous poller, stopped once the articles are on the topic.
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    worker = threading.Thread(
        target=loop.run_until_complete, args=(run_forever(settings, feeds, stop=stop),)
    )
    worker.start()
    deadline = time.monotonic() + 60
    while len(read_topic(settings.kafka_bootstrap, articles_topic)) < len(ITEMS):
        assert time.monotonic() < deadline, "first run published nothing"
        time.sleep(0.5)
    time.sleep(2)  # let it poll again: a 304 must publish nothing
    loop.call_soon_threadsafe(stop.set)
    worker.join(30)
    assert not worker.is_alive()
    first = read_topic(settings.kafka_bootstrap, articles_topic)
    assert len(first) == len(ITEMS) and feed_server.statuses[304] >= 1

    # Second run, a new process as far as the producer knows, after one new item.
    feed_server.write("wire.xml", rss(("tag:wire.example,2026:new", "Brand new story"), *ITEMS))
    report = run_once(settings, feeds)
    records = read_topic(settings.kafka_bootstrap, articles_topic)
    assert report.articles_published == 1 and report.duplicates_skipped == len(ITEMS)
    assert len(records) == len(ITEMS) + 1
    [(key, value)] = set(records) - set(first)
    article = Article.from_json(value)
    assert article.title == "Brand new story" and key == article.id.encode()
    # And a third run with nothing new publishes nothing (304 from the saved ETag).
    assert run_once(settings, feeds).articles_published == 0
    assert len(read_topic(settings.kafka_bootstrap, articles_topic)) == len(ITEMS) + 1


def test_state_topic_holds_one_record_per_feed_and_status_reports_health(
    settings: Settings, feed_server: FeedServer, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    feed_server.write("wire.xml", rss(*ITEMS))
    feeds = feeds_yaml(tmp_path, feed_server.url("wire.xml"), feed_server.url("status/500/x"))
    report = run_once(settings, feeds)
    assert report.feeds_ok == 1 and report.feeds_failed == 1
    states = read_states(KafkaClients(settings), f"{settings.topic_prefix}.feedstate")
    by_name = {s.name: s for s in states.values()}
    assert by_name["feed-0"].items_seen == len(ITEMS) and by_name["feed-0"].etag
    assert by_name["feed-1"].consecutive_failures == 1
    assert by_name["feed-1"].last_error == "HTTP 500"

    monkeypatch.setenv("NEWSWATCH_KAFKA_BOOTSTRAP", settings.kafka_bootstrap)
    monkeypatch.setenv("NEWSWATCH_TOPIC_PREFIX", settings.topic_prefix)
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["feeds", "status"])
    capsys.readouterr()
    assert args.handler(args) == 0
    out = capsys.readouterr().out.splitlines()
    row0 = next(line for line in out if "feed-0" in line)
    row1 = next(line for line in out if "feed-1" in line)
    assert row0.startswith("ok") and f"  {len(ITEMS)}  " in row0
    assert row1.startswith("never_read") and "HTTP 500" in row1


def test_jsonl_dump_publishes_articles_and_dead_letters_bad_lines(
    settings: Settings, tmp_path: Path
) -> None:
    good = [Article(id=f"dump-{i}", title=f"Dumped {i}") for i in range(3)]
    dump = tmp_path / "dump.jsonl"
    dump.write_bytes(b"\n".join([*(a.to_json_bytes() for a in good), b'{"id": "x"}']) + b"\n")
    report = run_once(settings, from_jsonl=dump)
    assert report.articles_published == 3 and report.lines_rejected == 1
    articles = read_topic(settings.kafka_bootstrap, f"{settings.topic_prefix}.articles")
    keys = sorted(k for k, _ in articles)
    assert keys == [b"dump-0", b"dump-1", b"dump-2"]
    [(_, raw)] = read_topic(settings.kafka_bootstrap, f"{settings.topic_prefix}.dlq")
    letter = DeadLetter.from_json(raw)
    assert letter.stage == "produce" and letter.key == f"{dump}:4"
    assert "title" in letter.reason and letter.payload.strip() == '{"id": "x"}'


def test_unreachable_broker_is_a_clear_error(tmp_path: Path) -> None:
    settings = load_settings(kafka_bootstrap="127.0.0.1:9", topic_prefix="nowhere")
    feeds = feeds_yaml(tmp_path, "https://a.example/rss")
    with pytest.raises(KafkaUnavailable, match=r"cannot reach Kafka at 127\.0\.0\.1:9 \("):
        run_once(settings, feeds)
