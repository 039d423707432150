"""Partitions per topic, min.insync.replicas and replication factor come from settings;
what the cluster cannot do is refused naming the setting."""

from __future__ import annotations

import logging
import uuid

import pytest
from kafka import KafkaAdminClient
from kafka.admin import ConfigResource, ConfigResourceType

from newswatch.cli import main
from newswatch.kafkaio.clients import KafkaClients
from newswatch.kafkaio.topics import TOPICS, create_topics
from newswatch.schemas import ConfigError
from newswatch.schemas.settings import load_settings

pytestmark = pytest.mark.kafka


def _partitions(admin: KafkaAdminClient, topics: list[str]) -> dict[str, int]:
    return {t["name"]: len(t["partitions"]) for t in admin.describe_topics(topics)}


def test_partitions_per_topic_from_settings(kafka_bootstrap: str,
                                            kafka_admin: KafkaAdminClient) -> None:
    prefix = f"parts{uuid.uuid4().hex[:8]}"
    settings = load_settings(kafka_bootstrap=kafka_bootstrap,
                             topic_partitions="articles=3,events=2")
    created = create_topics(KafkaClients(settings), prefix)
    counts = _partitions(kafka_admin, created)
    defaults = {f"{prefix}.{s.name}": s.partitions for s in TOPICS}
    assert counts == {**defaults, f"{prefix}.articles": 3, f"{prefix}.events": 2}
    config = kafka_admin.describe_configs(
        [ConfigResource(ConfigResourceType.TOPIC, f"{prefix}.alerts")])
    assert config["topic"][f"{prefix}.alerts"]["min.insync.replicas"]["value"] == "1"


def test_an_existing_topic_with_fewer_partitions_is_left_and_warned_about(
        kafka_bootstrap: str, kafka_admin: KafkaAdminClient,
        caplog: pytest.LogCaptureFixture) -> None:
    prefix = f"parts{uuid.uuid4().hex[:8]}"
    create_topics(KafkaClients(load_settings(kafka_bootstrap=kafka_bootstrap)), prefix)
    caplog.set_level(logging.WARNING)
    more = load_settings(kafka_bootstrap=kafka_bootstrap, topic_partitions="articles=12")
    assert create_topics(KafkaClients(more), prefix) == []
    assert _partitions(kafka_admin, [f"{prefix}.articles"]) == {f"{prefix}.articles": 6}
    assert (f"topic {prefix}.articles has 6 partitions, NEWSWATCH_TOPIC_PARTITIONS asks for "
            "12; it is left as it is") in caplog.text


def test_replication_factor_above_the_broker_count_names_the_setting(
        kafka_bootstrap: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    settings = load_settings(kafka_bootstrap=kafka_bootstrap, replication_factor=3)
    assert settings.insync_replicas() == 2
    with pytest.raises(ConfigError, match=(
            r"^NEWSWATCH_REPLICATION_FACTOR: is 3, but the cluster has 1 broker\(s\): a topic "
            r"cannot have more copies than there are brokers$")):
        create_topics(KafkaClients(settings), f"rf{uuid.uuid4().hex[:8]}")
    monkeypatch.setenv("NEWSWATCH_KAFKA_BOOTSTRAP", kafka_bootstrap)
    monkeypatch.setenv("NEWSWATCH_TOPIC_PREFIX", f"rf{uuid.uuid4().hex[:8]}")
    monkeypatch.setenv("NEWSWATCH_REPLICATION_FACTOR", "3")
    assert main(["topics", "create"]) == 2
    assert "NEWSWATCH_REPLICATION_FACTOR: is 3, but the cluster has 1 broker(s)" in (
        capsys.readouterr().err)


def test_topics_list_shows_the_configured_partitions(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("NEWSWATCH_TOPIC_PARTITIONS", "events=24")
    assert main(["topics", "list"]) == 0
    events = next(line for line in capsys.readouterr().out.splitlines()
                  if line.startswith("newswatch.events"))
    assert "partitions=24" in events
