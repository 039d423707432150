"""``newswatch dlq list|show|replay`` on the real broker: read dead letters, re-drive fixed
messages to their topic, and see a re-driven alert reach Slack although its ledger record
says it failed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from kafka import KafkaConsumer, TopicPartition

from newswatch.cli import main
from newswatch.kafkaio.clients import KafkaClients
from newswatch.kafkaio.deadletters import DeadLetterWriter
from newswatch.kafkaio.redrive import REDRIVE_HEADER
from newswatch.schemas import Article, DeadLetter
from newswatch.schemas.settings import load_settings
from tests.notifier_support import NotifyRig, make_alert, notify_rig
from tests.slack_emulator import Fault

pytestmark = pytest.mark.kafka

BROKEN = '{"id": "wire-9", "title": '  # cut short, as a broken producer might send it
FIXED = Article(id="wire-9", title="Meta Platforms to lay off 5% of its staff").model_dump_json()


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, kafka_bootstrap: str, topic_prefix: str) -> str:
    monkeypatch.setenv("NEWSWATCH_KAFKA_BOOTSTRAP", kafka_bootstrap)
    monkeypatch.setenv("NEWSWATCH_TOPIC_PREFIX", topic_prefix)
    return topic_prefix


def write_letters(bootstrap: str, prefix: str, *letters: DeadLetter) -> None:
    clients = KafkaClients(load_settings(kafka_bootstrap=bootstrap))
    writer = DeadLetterWriter(f"{prefix}.dlq", make_producer=lambda: clients.producer("t"))
    for letter in letters:
        writer.write(letter)
    writer.close()


Record = tuple[bytes | None, bytes, list[tuple[str, bytes]]]


def read_topic(bootstrap: str, topic: str) -> list[Record]:
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
    consumer.assign(partitions)
    consumer.seek_to_beginning(*partitions)
    out = []
    for records in consumer.poll(timeout_ms=3000).values():
        out.extend((r.key, r.value, list(r.headers or [])) for r in records)
    consumer.close()
    return out


@pytest.fixture
def letters(env: str, kafka_bootstrap: str) -> str:
    write_letters(
        kafka_bootstrap, env,
        DeadLetter.for_message(stage="detect", reason="invalid Article: bad JSON",
                               payload=BROKEN, source_topic=f"{env}.articles", partition=3,
                               offset=17, key=b"wire-9"),
        DeadLetter.for_message(stage="notify", reason="alert 1 to #gone: channel_not_found",
                               payload=make_alert(1, channel="#gone").model_dump_json(),
                               source_topic=f"{env}.alerts", partition=0, offset=4,
                               key=b"#gone"),
        DeadLetter.for_message(stage="produce", reason="dump.jsonl:7: not an Article",
                               payload='{"title": "no id"}', key="dump.jsonl:7"),
    )
    return env


def test_list_shows_each_dead_letter_with_its_reason(
        letters: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "160")  # the reason column is cut to the terminal's width
    assert main(["dlq", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:4] == ["ID", "AT", "(UTC)", "STAGE"]
    assert [line.split()[0] for line in lines[1:]] == ["0", "1", "2"]
    assert f"{letters}.articles[3]@17" in lines[1] and "invalid Article: bad JSON" in lines[1]
    assert "notify" in lines[2] and "channel_not_found" in lines[2]
    assert main(["dlq", "list", "--stage", "produce", "--json"]) == 0
    [record] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert record["id"] == "2" and record["key"] == "dump.jsonl:7"


def test_list_on_an_empty_topic_says_so(env: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dlq", "list"]) == 0
    assert capsys.readouterr().out.strip() == f"no dead letters in {env}.dlq"


def test_show_prints_the_letter_and_its_payload(
        letters: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dlq", "show", "1"]) == 0
    out = capsys.readouterr().out
    assert "stage:   notify" in out and f"from:    {letters}.alerts partition 0 offset 4" in out
    assert '"channel": "#gone"' in out  # the payload, pretty-printed
    assert main(["dlq", "show", "0", "--payload"]) == 0
    assert capsys.readouterr().out == BROKEN
    assert main(["dlq", "show", "9"]) == 2
    assert "no dead letter 9 (see `newswatch dlq list`)" in capsys.readouterr().err
    assert main(["dlq", "show", "x1"]) == 2
    assert "'x1' is not a dead-letter id" in capsys.readouterr().err


def test_replay_refuses_a_message_that_is_still_broken_and_sends_a_fixed_one(
        letters: str, kafka_bootstrap: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dlq", "replay", "0"]) == 1
    err = capsys.readouterr().err
    assert "not re-driven: dead letter 0: still not a valid message for" in err
    assert "--payload-file" in err
    fixed = tmp_path / "fixed.json"
    fixed.write_text(FIXED)
    assert main(["dlq", "replay", "0", "--payload-file", str(fixed), "--dry-run"]) == 0
    assert read_topic(kafka_bootstrap, f"{letters}.articles") == []
    assert main(["dlq", "replay", "0", "--payload-file", str(fixed)]) == 0
    assert f"re-driving dead letter 0 to {letters}.articles (key wire-9)" in \
        capsys.readouterr().out
    [(key, value, headers)] = read_topic(kafka_bootstrap, f"{letters}.articles")
    assert key == b"wire-9" and Article.from_json(value).id == "wire-9"
    assert headers == [(REDRIVE_HEADER, f"{letters}.dlq[0]@0".encode())]


def test_replay_needs_a_selection_and_one_id_for_a_payload_file(
        letters: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dlq", "replay"]) == 2
    assert "say which dead letters to re-drive" in capsys.readouterr().err
    assert main(["dlq", "replay", "--all", "--payload-file", str(tmp_path / "x")]) == 2
    assert "exactly one dead letter" in capsys.readouterr().err


@pytest.fixture
def rig(kafka_bootstrap: str, topic_prefix: str,
        monkeypatch: pytest.MonkeyPatch) -> Iterator[NotifyRig]:
    monkeypatch.setenv("NEWSWATCH_KAFKA_BOOTSTRAP", kafka_bootstrap)
    monkeypatch.setenv("NEWSWATCH_TOPIC_PREFIX", topic_prefix)
    yield from notify_rig(kafka_bootstrap, topic_prefix)


def test_a_redriven_alert_is_posted_once_its_cause_is_fixed(
        rig: NotifyRig, capsys: pytest.CaptureFixture[str]) -> None:
    alert = make_alert(1, channel="#launches")
    rig.emulator.fail_channel("#launches", Fault("error", error="channel_not_found"))
    rig.send(alert)
    assert rig.run().dead_lettered == 1
    assert rig.ledger()[alert.id].state == "failed"
    rig.emulator.fail_channel("#launches", None)  # the channel was created
    assert main(["dlq", "replay", "--stage", "notify"]) == 0
    assert "1 dead letter(s) re-driven, 0 refused" in capsys.readouterr().out
    report = rig.run()
    assert report.delivered == 1
    assert rig.emulator.alert_ids_posted() == [alert.id]
    assert rig.ledger()[alert.id].state == "delivered"
    # Re-driving it again changes nothing: the ledger now says delivered.
    assert main(["dlq", "replay", "--stage", "notify"]) == 0
    assert rig.run().duplicates == 1 and rig.emulator.alert_ids_posted() == [alert.id]
