"""A live run on the real broker, then a backtest of the same period with the same rules:
the same alerts (ids, channels, stories, follow-ups). And the topic range's edges."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer

from newswatch.pipeline import newswatch_command, stage_env, start_stage, stop_stage, wait_for_group
from newswatch.schemas import Alert, Article

pytestmark = pytest.mark.kafka

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "backtest"
# Kafka keeps order within a partition only, so the articles of one story go to one
# partition, in published order, as one feed's items would; other stories go elsewhere.
PARTITION_OF = {"t01": 0, "t02": 0, "t05": 0, "t12": 0, "t13": 0, "t14": 0,
                "t09": 1, "t16": 1, "t17": 1, "t03": 2, "t04": 3, "t15": 3,
                "t06": 4, "t08": 4, "t07": 5, "t10": 5, "t11": 5}


@dataclass
class LiveRun:
    prefix: str
    env: dict[str, str]
    started: datetime
    finished: datetime
    alerts: list[Alert]
    groups_before: set[str]


def _articles() -> list[Article]:
    lines = (FIXTURE / "articles.jsonl").read_text().splitlines()
    return sorted((Article.model_validate_json(line) for line in lines),
                  key=lambda a: a.event_time)


def _alerts(bootstrap: str, topic: str) -> list[Alert]:
    consumer = KafkaConsumer(topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest",
                             enable_auto_commit=False, consumer_timeout_ms=3000)
    try:
        return [Alert.from_json(record.value) for record in consumer]
    finally:
        consumer.close()


def _groups(bootstrap: str) -> set[str]:
    admin = KafkaAdminClient(bootstrap_servers=bootstrap, client_id="newswatch-tests")
    try:
        return {group["group_id"] for group in admin.list_groups()}
    finally:
        admin.close()


@pytest.fixture(scope="module")
def live(kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveRun]:
    import uuid

    from newswatch.kafkaio.clients import KafkaClients
    from newswatch.kafkaio.topics import create_topics
    from newswatch.schemas.settings import load_settings

    work = tmp_path_factory.mktemp("live-backtest")
    prefix = f"lb{uuid.uuid4().hex[:8]}"
    create_topics(KafkaClients(load_settings(kafka_bootstrap=kafka_bootstrap)), prefix)
    env = stage_env(kafka_bootstrap=kafka_bootstrap, topic_prefix=prefix, consumer_group=prefix,
                    rules=str(FIXTURE / "rules.yaml"))
    worker = start_stage(["worker"], env, work / "worker.log")
    try:
        started = datetime.now(UTC) - timedelta(seconds=1)
        producer = KafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all")
        for article in _articles():
            producer.send(f"{prefix}.articles", key=article.id.encode(),
                          value=article.to_json_bytes(), partition=PARTITION_OF[article.id])
        producer.flush()
        producer.close()
        finished = datetime.now(UTC) + timedelta(seconds=1)
        wait_for_group(kafka_bootstrap, prefix, [f"{prefix}.articles", f"{prefix}.events"],
                       timeout=120, alive=worker)
        yield LiveRun(prefix, env, started, finished,
                      _alerts(kafka_bootstrap, f"{prefix}.alerts"), _groups(kafka_bootstrap))
    finally:
        stop_stage(worker)
        log = work / "worker.log"
        if log.exists():
            print(log.read_text()[-3000:])


def _backtest(live: LiveRun, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(newswatch_command("backtest", "--rules", str(FIXTURE / "rules.yaml"),
                                            *args),
                          env=live.env, capture_output=True, text=True, timeout=120)


def _iso(when: datetime) -> str:
    return when.isoformat(timespec="seconds")


def test_backtest_of_the_live_period_gives_the_live_alerts(live: LiveRun) -> None:
    done = _backtest(live, "--from", _iso(live.started), "--to", _iso(live.finished), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["totals"]["articles_read"] == 17

    def identity(alert: dict[str, object]) -> tuple[object, ...]:
        return (alert["id"], alert["channel"], alert["watch"], alert["kind"],
                alert["parent_alert_id"], alert["story_key"], alert["article_id"])

    live_alerts = {identity({**a.model_dump(), "article_id": a.event.article_id})
                   for a in live.alerts}
    backtest_alerts = {identity(a) for a in report["alerts"]}
    assert len(live.alerts) == len(live_alerts) == 23
    assert backtest_alerts == live_alerts
    kinds = sorted(str(a[3]) for a in live_alerts)
    # The completion finds each side's thread full (3 replies): an edit, not a reply.
    assert kinds.count("followup") == 7 and kinds.count("edit") == 2


def _committed(bootstrap: str, group: str) -> dict[object, int]:
    admin = KafkaAdminClient(bootstrap_servers=bootstrap, client_id="newswatch-tests")
    try:
        found = admin.list_group_offsets({group: None}).get(group, {})
        return {tp: meta.offset for tp, meta in found.items()}
    finally:
        admin.close()


def test_backtest_reads_without_a_consumer_group(live: LiveRun) -> None:
    bootstrap = live.env["NEWSWATCH_KAFKA_BOOTSTRAP"]
    before = _committed(bootstrap, live.prefix)
    assert before  # the live worker has committed its progress
    # Two detecting processes (spawned from `python -m newswatch`), no group either.
    done = _backtest(live, "--from", _iso(live.started), "--workers", "2")
    assert done.returncode == 0, done.stderr
    assert "23 alert(s)" in done.stdout
    # Other tests share the broker: look only at groups this run could have made.
    new = _groups(bootstrap) - live.groups_before
    assert not {g for g in new if live.prefix in g or "backtest" in g}
    assert _committed(bootstrap, live.prefix) == before


def test_a_range_with_nothing_in_it_names_the_setting_and_what_the_topic_holds(
        live: LiveRun) -> None:
    done = _backtest(live, "--from", "2020-01-01", "--to", "2020-01-08")
    assert done.returncode == 2
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("newswatch: error: --from: no article on "
                           f"{live.prefix}.articles was received from 2020-01-01T00:00:00Z")
    assert "it holds articles received from" in line
    assert "Traceback" not in done.stderr


def test_a_range_after_the_newest_article_is_empty_too(live: LiveRun) -> None:
    done = _backtest(live, "--from", _iso(live.finished + timedelta(seconds=1)))
    assert done.returncode == 2
    assert f"no article on {live.prefix}.articles was received from" in done.stderr
