"""The whole pipeline on the real broker: feed over HTTP -> producer -> Faust worker
(detect, route) -> notifier -> slack-sdk -> the local Slack emulator."""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from kafka import KafkaConsumer, KafkaProducer

from newswatch.pipeline import newswatch_command, stage_env, start_stage, stop_stage, wait_for_group
from newswatch.schemas import Alert, Article, DeadLetter
from newswatch.schemas.settings import load_settings
from tests.feed_server import FeedServer
from tests.ports import free_ports
from tests.slack_emulator import SlackEmulator

pytestmark = pytest.mark.kafka

ROOT = Path(__file__).resolve().parents[1]
SEED_LINK = "https://news.example/tech/2026/06/meta-billion-dollar-ai-ambitions"
POISON = b'{"id": "poison-1", "title": '  # truncated JSON, as a broken producer might send


@dataclass
class PipelineRun:
    prefix: str
    bootstrap: str
    emulator: SlackEmulator
    alerts: list[Alert]
    dead_letters: list[DeadLetter]
    notify: subprocess.CompletedProcess[str]
    produce: subprocess.CompletedProcess[str]
    worker_log: str
    worker_metrics: str
    worker_ready: tuple[int, str]


def free_port() -> int:
    return free_ports(1)[0]


def http_get(url: str) -> tuple[int, str]:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def json_lines(text: str) -> list[dict[str, object]]:
    """The JSON log records in a stage's output (other lines skipped)."""
    records = []
    for line in text.splitlines():
        start = line.find("{")
        if start >= 0:
            try:
                records.append(json.loads(line[start:]))
            except ValueError:
                continue
    return records


def _read_topic(bootstrap: str, topic: str) -> list[bytes]:
    consumer = KafkaConsumer(topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest",
                             enable_auto_commit=False, consumer_timeout_ms=3000)
    try:
        return [record.value for record in consumer]
    finally:
        consumer.close()


@pytest.fixture(scope="module")
def feed_http(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with FeedServer(tmp_path_factory.mktemp("feeds")) as server:
        server.write("tech.xml", (ROOT / "samples" / "feeds" / "seed-news.xml").read_bytes())
        yield server.url("tech.xml")


@pytest.fixture(scope="module")
def pipeline(kafka_bootstrap: str, feed_http: str,
             tmp_path_factory: pytest.TempPathFactory) -> Iterator[PipelineRun]:
    import uuid

    from newswatch.kafkaio.clients import KafkaClients
    from newswatch.kafkaio.topics import create_topics

    work = tmp_path_factory.mktemp("e2e")
    prefix = f"e2e{uuid.uuid4().hex[:8]}"
    create_topics(KafkaClients(load_settings(kafka_bootstrap=kafka_bootstrap)), prefix)
    feeds = work / "feeds.yaml"
    feeds.write_text(f"feeds:\n  - name: tech-wire\n    url: {feed_http}\n")
    emulator = SlackEmulator().start()
    # JSON logs at DEBUG, so one story can be followed by its ids through every stage.
    env = stage_env(kafka_bootstrap=kafka_bootstrap, topic_prefix=prefix, consumer_group=prefix,
                    rules=str(ROOT / "samples" / "rules.yaml"), feeds=str(feeds),
                    slack_bot_token=emulator.token, slack_api_url=emulator.base_url,
                    log_format="json", log_level="DEBUG", summary_interval="2")
    metrics_port = free_port()
    worker = start_stage(["worker"], {**env, "NEWSWATCH_METRICS_PORT": str(metrics_port)},
                         work / "worker.log")
    try:
        # A poison message first, then a good article: the worker must get past the first.
        producer = KafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all")
        producer.send(f"{prefix}.articles", key=b"poison-1", value=POISON)
        layoffs = Article(id="wire-layoffs-1", title="Meta Platforms to lay off 5% of its staff",
                          summary="Meta said on Tuesday it will cut about 3,600 jobs.",
                          link="https://news.example/biz/meta-layoffs",
                          published="2026-06-24T08:00:00Z")  # type: ignore[arg-type]
        producer.send(f"{prefix}.articles", key=layoffs.id.encode(),
                      value=layoffs.to_json_bytes())
        producer.flush()
        producer.close()
        produce = subprocess.run(newswatch_command("produce", "--once"), env=env, check=True,
                                 capture_output=True, text=True, timeout=120)
        wait_for_group(kafka_bootstrap, prefix, [f"{prefix}.articles", f"{prefix}.events"],
                       timeout=120, alive=worker)
        notify = subprocess.run(newswatch_command("notify", "--until-idle", "3"), env=env,
                                capture_output=True, text=True, timeout=120)
        alerts = [Alert.from_json(v) for v in _read_topic(kafka_bootstrap, f"{prefix}.alerts")]
        dead = [DeadLetter.from_json(v) for v in _read_topic(kafka_bootstrap, f"{prefix}.dlq")]
        metrics_url = f"http://127.0.0.1:{metrics_port}"
        time.sleep(2.5)  # the consumer-lag figure is refreshed every 10 s: give it a turn
        ready = http_get(metrics_url + "/readyz")
        deadline = time.monotonic() + 15
        while "newswatch_consumer_lag{" not in (metrics := http_get(metrics_url + "/metrics")[1]):
            if time.monotonic() > deadline:
                break
            time.sleep(0.5)
        yield PipelineRun(prefix, kafka_bootstrap, emulator, alerts, dead, notify, produce,
                          (work / "worker.log").read_text(), metrics, ready)
    finally:
        stop_stage(worker)
        emulator.stop()
        log = work / "worker.log"
        if log.exists():
            print(log.read_text()[-5000:])


def test_seed_article_alerts_reach_slack(pipeline: PipelineRun) -> None:
    assert pipeline.notify.returncode == 0, pipeline.notify.stderr[-3000:]
    seed = [a for a in pipeline.alerts if a.event.article_link == SEED_LINK]
    meta = {(a.event.event_type, a.event.role) for a in seed if a.channel == "#ai-intel"}
    assert meta == {("executive_hire", "hiring_company"), ("investment", "investor"),
                    ("acquisition", "acquirer"), ("launch_delay", None)}
    startups = {(a.event.company, a.event.event_type, a.event.role)
                for a in seed if a.channel == "#ai-startups"}
    assert startups == {
        ("OpenAI", "executive_departure", "losing_company"),
        ("Scale AI", "investment", "recipient"),
        ("Scale AI", "executive_departure", "losing_company"),
        ("Perplexity AI", "acquisition", "target"),
    }
    # Every alert was posted exactly once, in its own channel, with its details.
    posted = pipeline.emulator.alert_ids_posted()
    assert sorted(posted) == sorted(a.id for a in pipeline.alerts)
    for alert in seed:
        [message] = [m for m in pipeline.emulator.posts_in(alert.channel)
                     if m.alert_id == alert.id]
        payload = message.text + json.dumps(message.blocks)
        assert alert.event.company in payload
        assert SEED_LINK in payload


def test_poison_message_is_dead_lettered_and_next_article_still_alerts(
        pipeline: PipelineRun) -> None:
    [poison] = [d for d in pipeline.dead_letters if d.key == "poison-1"]
    assert poison.stage == "detect"
    assert "invalid Article" in poison.reason
    assert poison.source_topic == f"{pipeline.prefix}.articles" and poison.offset == 0
    assert poison.payload == POISON.decode()
    layoffs = [a for a in pipeline.alerts if a.event.article_id == "wire-layoffs-1"]
    assert [(a.channel, a.event.event_type) for a in layoffs] == [("#ai-intel", "layoffs")]
    assert layoffs[0].id in pipeline.emulator.alert_ids_posted()


def test_background_and_lookalikes_raise_nothing(pipeline: PipelineRun) -> None:
    companies = {a.event.company for a in pipeline.alerts}
    assert companies <= {"Meta Platforms", "OpenAI", "Scale AI", "Perplexity AI", "Microsoft"}
    assert not any(a.event.company in {"Apple", "Samsung Electronics"} for a in pipeline.alerts)


def _value(text: str, series: str) -> float:
    for line in text.splitlines():
        if line.startswith(series + " "):
            return float(line.rsplit(" ", 1)[1])
    raise AssertionError(f"no {series} in the worker's metrics")


def test_worker_metrics_show_the_counters_moving(pipeline: PipelineRun) -> None:
    text = pipeline.worker_metrics
    raised = [a for a in pipeline.alerts if a.kind == "new"]
    assert _value(text, 'newswatch_articles_processed_total{result="dead_lettered"}') == 1
    assert _value(text, 'newswatch_articles_processed_total{result="ok"}') >= 2
    assert _value(text, 'newswatch_dead_letters_total{stage="detect"}') == 1
    assert _value(text, 'newswatch_events_detected_total{type="investment"}') >= 2
    assert _value(text, 'newswatch_events_detected_total{type="layoffs"}') >= 1
    assert _value(text, 'newswatch_alerts_raised_total{kind="new"}') == len(raised)
    assert _value(text, "newswatch_rules_companies") == 7
    lags = [line for line in text.splitlines() if line.startswith("newswatch_consumer_lag{")]
    assert lags and all(line.endswith(" 0.0") for line in lags), lags


def test_worker_health_endpoints_answer(pipeline: PipelineRun) -> None:
    status, body = pipeline.worker_ready
    assert status == 200, body
    checks = json.loads(body)["checks"]
    assert checks["kafka"]["ok"] and checks["rules"]["ok"]
    assert "7 companies, 3 watches" in checks["rules"]["detail"]


def test_one_story_is_traced_by_its_ids_through_every_stage(pipeline: PipelineRun) -> None:
    seed = [a for a in pipeline.alerts if a.event.article_link == SEED_LINK]
    article_id = seed[0].event.article_id
    produced = [r for r in json_lines(pipeline.produce.stderr)
                if r.get("article_id") == article_id]
    assert produced and produced[0]["service"] == "produce"
    worked = [r for r in json_lines(pipeline.worker_log) if r.get("article_id") == article_id]
    assert {r["service"] for r in worked} == {"worker"}
    assert {r["alert_id"] for r in worked if "alert_id" in r} == {a.id for a in seed}
    detected = [r for r in worked if "event_ids" in r]
    assert detected and set(detected[0]["event_ids"]) == {a.event.id for a in seed}  # type: ignore[arg-type]
    notified = [r for r in json_lines(pipeline.notify.stderr)
                if r.get("article_id") == article_id]
    assert {r["alert_id"] for r in notified} == {a.id for a in seed}
    assert all(r["service"] == "notify" and "delivered" in str(r["message"]) for r in notified)


def test_worker_says_what_it_runs_with_and_sums_up_regularly(pipeline: PipelineRun) -> None:
    messages = [str(r["message"]) for r in json_lines(pipeline.worker_log)
                if r.get("logger") == "newswatch.worker"]
    [start] = [m for m in messages if m.startswith("worker: rules ")]
    assert "(7 companies, 3 watches, 3 channels)" in start
    assert f"group {pipeline.prefix}" in start and f"{pipeline.prefix}.articles" in start
    summaries = [m for m in messages if m.startswith("worker: last 2 s: ")]
    assert summaries, messages[-10:]
    final = summaries[-1]
    processed = len({a.event.article_id for a in pipeline.alerts})
    assert "dead letters; since start: " in final
    total = int(final.split("since start: ")[1].split(" articles")[0])
    assert total >= processed + 1  # every article that alerted, plus the others
