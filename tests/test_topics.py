"""Topic creation: the partitions, retention and compaction the architecture names."""

from __future__ import annotations

import uuid

import pytest
from kafka import KafkaAdminClient
from kafka.admin import ConfigResource, ConfigResourceType

from newswatch.kafkaio.clients import KafkaClients
from newswatch.kafkaio.topics import TOPICS, create_topics
from newswatch.schemas.settings import load_settings

pytestmark = pytest.mark.kafka


def _config(admin: KafkaAdminClient, topic: str) -> dict[str, str]:
    result = admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, topic)])
    return {key: entry["value"] for key, entry in result["topic"][topic].items()}


def test_create_topics_is_idempotent_and_sets_policies(kafka_bootstrap: str,
                                                       kafka_admin: KafkaAdminClient) -> None:
    prefix = f"topics{uuid.uuid4().hex[:8]}"
    clients = KafkaClients(load_settings(kafka_bootstrap=kafka_bootstrap))
    created = create_topics(clients, prefix)
    assert sorted(created) == sorted(f"{prefix}.{s.name}" for s in TOPICS)
    assert create_topics(clients, prefix) == []
    described = {t["name"]: t for t in kafka_admin.describe_topics(created)}
    for spec in TOPICS:
        name = f"{prefix}.{spec.name}"
        assert len(described[name]["partitions"]) == spec.partitions
        config = _config(kafka_admin, name)
        for key, value in spec.config.items():
            assert config[key] == value, (name, key)
    assert _config(kafka_admin, f"{prefix}.deliveries")["cleanup.policy"] == "compact,delete"
    assert _config(kafka_admin, f"{prefix}.feedstate")["cleanup.policy"] == "compact"
    assert _config(kafka_admin, f"{prefix}.articles")["cleanup.policy"] == "delete"
