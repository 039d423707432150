"""Subscriptions made in Slack, end to end on the real broker: ``newswatch slack`` (Socket
Mode, on the emulator), ``newswatch worker`` and ``newswatch notify`` as processes.

A channel the rules file does not know subscribes by slash command and gets the alert;
muted, it does not; the worker restarts and the mute holds; unmuted, the subscription is
still there; unsubscribed, nothing more arrives. The rules file's own channel gets every
article throughout, which shows each one was routed. Then feedback on the alert becomes a
labels file, and the subscriptions export as rules YAML.
"""

from __future__ import annotations

import json
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from kafka import KafkaConsumer, KafkaProducer

from newswatch.kafkaio.clients import KafkaClients
from newswatch.kafkaio.topics import create_topics
from newswatch.pipeline import newswatch_command, stage_env, start_stage, stop_stage
from newswatch.schemas import Alert, Article
from newswatch.schemas.rules import RulesFile
from newswatch.schemas.settings import load_settings
from newswatch.schemas.yamlfile import parse_yaml_model
from tests.slack_emulator import Message, SlackEmulator
from tests.slack_emulator.people import SocketModePerson

pytestmark = pytest.mark.kafka

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = {
    "A": ("Meta Platforms to lay off 5% of its staff",
          "Meta said on Tuesday it will cut about 3,600 jobs."),
    "B": ("Meta launches Llama 5 model",
          "Meta Platforms on Wednesday launched Llama 5, its newest AI model."),
    "C": ("Meta sued by FTC over Instagram deal",
          "The Federal Trade Commission sued Meta Platforms on Monday."),
    "D": ("Meta names new chief financial officer",
          "Meta Platforms has appointed Jane Doe as chief financial officer."),
    "E": ("Meta delays launch of smart glasses",
          "Meta Platforms has postponed the launch of its Orion smart glasses until next year."),
}


@dataclass
class Run:
    prefix: str
    emulator: SlackEmulator
    replies: dict[str, str] = field(default_factory=dict)
    channels_by_article: dict[str, list[str]] = field(default_factory=dict)
    posted_in_deals: dict[str, Message] = field(default_factory=dict)
    restarted_worker_loaded: str = ""
    labels: list[dict[str, str]] = field(default_factory=list)
    exported_rules: str = ""
    listed: str = ""


class _Pipeline:
    def __init__(self, bootstrap: str, work: Path) -> None:
        self.bootstrap, self.work = bootstrap, work
        self.prefix = f"sl{uuid.uuid4().hex[:8]}"
        create_topics(KafkaClients(load_settings(kafka_bootstrap=bootstrap)), self.prefix)
        self.emulator = SlackEmulator(channels=("general", "deals", "ai-intel")).start()
        self.env = stage_env(
            kafka_bootstrap=bootstrap, topic_prefix=self.prefix, consumer_group=self.prefix,
            rules=str(ROOT / "samples" / "rules.yaml"),
            slack_bot_token=self.emulator.token, slack_api_url=self.emulator.base_url,
            slack_app_token=self.emulator.app_token)
        self.processes: list[subprocess.Popen[bytes]] = []
        self.deals = self.emulator.channel_id("#deals")

    def start(self, name: str, *args: str) -> subprocess.Popen[bytes]:
        process = start_stage(list(args), self.env, self.work / f"{name}.log")
        self.processes.append(process)
        return process

    def log(self, name: str) -> str:
        path = self.work / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def wait_log(self, name: str, text: str, count: int = 1, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while self.log(name).count(text) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"{name} never logged {text!r} x{count}:\n"
                                     + self.log(name)[-4000:])
            time.sleep(0.2)

    def publish(self, key: str) -> str:
        title, summary = ARTICLES[key]
        article = Article(id=f"slack-e2e-{key}", title=title, summary=summary,
                          link=f"https://news.example/{key}",
                          published="2026-06-24T08:00:00Z")  # type: ignore[arg-type]
        producer = KafkaProducer(bootstrap_servers=self.bootstrap, acks="all")
        producer.send(f"{self.prefix}.articles", key=article.id.encode(),
                      value=article.to_json_bytes())
        producer.flush()
        producer.close()
        return article.id

    def alerts_for(self, article_id: str, timeout: float = 90) -> list[str]:
        """The channels alerted about ``article_id``, once the rules file's channel is."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            consumer = KafkaConsumer(f"{self.prefix}.alerts", bootstrap_servers=self.bootstrap,
                                     auto_offset_reset="earliest", enable_auto_commit=False,
                                     consumer_timeout_ms=1000)
            alerts = [Alert.from_json(r.value) for r in consumer]
            consumer.close()
            # At-least-once: a restarted worker may send an alert again, with the same id
            # (the notifier's ledger posts it once); count each alert once.
            channels = sorted(channel for _id, channel in {
                (a.id, a.channel) for a in alerts if a.event.article_id == article_id})
            if "#ai-intel" in channels:
                return channels
            time.sleep(0.5)
        raise AssertionError(f"no alert for {article_id}:\n{self.log('worker')[-3000:]}")

    def posted_in_deals(self, article_id: str, timeout: float = 60) -> Message:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for message in self.emulator.posts_in("#deals"):
                if article_id in message.text or f"news.example/{article_id[-1]}" in message.text:
                    return message
            time.sleep(0.2)
        raise AssertionError(f"no post in #deals for {article_id}:\n{self.log('notify')[-3000:]}")

    def cli(self, *args: str) -> str:
        done = subprocess.run(newswatch_command(*args), env=self.env, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    def close(self) -> None:
        for process in reversed(self.processes):
            stop_stage(process)
        self.emulator.stop()


@pytest.fixture(scope="module")
def run(kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    p = _Pipeline(kafka_bootstrap, tmp_path_factory.mktemp("slack-e2e"))
    result = Run(p.prefix, p.emulator)
    try:
        _scenario(p, result)
        yield result
    finally:
        p.close()
        for name in ("worker", "worker2", "slack", "notify"):
            print(f"---- {name} ----\n{p.log(name)[-3000:]}")


def _scenario(p: _Pipeline, result: Run) -> None:
    worker = p.start("worker", "worker")
    p.start("slack", "slack")
    p.start("notify", "notify")
    p.wait_log("worker", "Slack-made subscriptions or mutes loaded")
    assert p.emulator.socket_mode is not None
    p.emulator.socket_mode.wait_connected(timeout=60)
    alice = SocketModePerson(p.emulator, "U0ALICE", "alice")
    applied = "subscriptions: now in force for #deals"

    def step(command: str, n: int, log: str = "worker") -> None:
        result.replies[command] = alice.command(command).text
        p.wait_log(log, applied, n)

    step("subscribe Meta", 1)
    a = p.publish("A")
    result.channels_by_article[a] = p.alerts_for(a)
    result.posted_in_deals[a] = p.posted_in_deals(a)

    step("mute Meta 1d", 2)
    b = p.publish("B")
    result.channels_by_article[b] = p.alerts_for(b)

    stop_stage(worker)
    p.start("worker2", "worker")
    p.wait_log("worker2", "Slack-made subscriptions or mutes loaded")
    result.restarted_worker_loaded = next(
        line for line in p.log("worker2").splitlines() if "loaded from" in line)
    c = p.publish("C")
    result.channels_by_article[c] = p.alerts_for(c)

    step("unmute Meta", 1, log="worker2")
    d = p.publish("D")
    result.channels_by_article[d] = p.alerts_for(d)
    result.posted_in_deals[d] = p.posted_in_deals(d)
    click = alice.click(result.posted_in_deals[d], "newswatch_useful")
    assert click is not None, "no answer to the click"

    step("unsubscribe Meta", 2, log="worker2")
    e = p.publish("E")
    result.channels_by_article[e] = p.alerts_for(e)

    deadline = time.monotonic() + 30
    while not result.labels and time.monotonic() < deadline:
        result.labels = [json.loads(line) for line in p.cli("labels", "export").splitlines()]
        time.sleep(0.5)
    result.listed = p.cli("subscriptions", "list")
    result.exported_rules = p.cli("subscriptions", "export")


def test_a_slack_subscription_brings_the_alert_to_its_channel(run: Run) -> None:
    assert "Subscribed #deals to Meta Platforms: all event types" in run.replies[
        "subscribe Meta"]
    deals = run.emulator.channel_id("#deals")
    assert run.channels_by_article["slack-e2e-A"] == sorted(["#ai-intel", deals])
    message = run.posted_in_deals["slack-e2e-A"]
    assert "Meta Platforms: layoffs" in message.text
    assert message.alert_id is not None
    # The alert carries the feedback buttons, since the Slack app is configured.
    assert any(b["type"] == "actions" for b in message.blocks or [])


def test_a_muted_channel_gets_nothing_and_the_mute_survives_a_worker_restart(run: Run) -> None:
    assert "Muted Meta Platforms in #deals until" in run.replies["mute Meta 1d"]
    assert run.channels_by_article["slack-e2e-B"] == ["#ai-intel"]
    assert "1 channel(s) with Slack-made subscriptions or mutes loaded" \
        in run.restarted_worker_loaded
    assert run.channels_by_article["slack-e2e-C"] == ["#ai-intel"]


def test_unmuted_the_subscription_still_holds_and_unsubscribed_nothing_arrives(
        run: Run) -> None:
    deals = run.emulator.channel_id("#deals")
    assert "Unmuted Meta Platforms in #deals" in run.replies["unmute Meta"]
    assert run.channels_by_article["slack-e2e-D"] == sorted(["#ai-intel", deals])
    assert "Meta Platforms: hires Jane Doe" in run.posted_in_deals["slack-e2e-D"].text
    assert "Unsubscribed #deals from Meta Platforms" in run.replies["unsubscribe Meta"]
    assert run.channels_by_article["slack-e2e-E"] == ["#ai-intel"]
    posted = [m for m in run.emulator.posts_in("#deals") if "actions" in json.dumps(m.blocks)]
    assert len(posted) == 2  # A and D, nothing else


def test_feedback_on_the_alert_becomes_a_label(run: Run) -> None:
    assert run.labels == [{"article_id": "slack-e2e-D", "company": "Meta Platforms",
                           "event_type": "executive_hire", "label": "useful"}]


def test_the_subscriptions_are_listed_and_export_as_valid_rules(run: Run) -> None:
    assert "#deals (" in run.listed and "last change: Unsubscribed #deals" in run.listed
    exported = parse_yaml_model(run.exported_rules, RulesFile, name="export")
    assert [w.name for w in exported.watches] == ["meta-ai-moves", "ai-startups",
                                                  "big-tech-launches"]

