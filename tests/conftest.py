"""Session-wide fixtures: a real local Kafka broker and fresh topics per test.

The broker at NEWSWATCH_KAFKA_BOOTSTRAP (default 127.0.0.1:9092) is used when it
answers (``make test`` starts one); otherwise the session starts the project's
own local broker and stops it at the end.
"""

from __future__ import annotations

import os
import uuid
import warnings
from collections.abc import Callable, Iterator

import pytest
from kafka import KafkaAdminClient
from kafka.admin import NewTopic

from newswatch.localkafka import LocalKafka, _answers

TopicFactory = Callable[..., str]


@pytest.fixture(scope="session")
def kafka_bootstrap() -> Iterator[str]:
    bootstrap = os.environ.get("NEWSWATCH_KAFKA_BOOTSTRAP", "127.0.0.1:9092")
    if _answers(bootstrap):
        yield bootstrap
        return
    port = int(bootstrap.split(",")[0].rpartition(":")[2])
    broker = LocalKafka(port=port)
    broker.up()
    try:
        yield broker.bootstrap
    finally:
        broker.down()


@pytest.fixture(scope="session")
def kafka_admin(kafka_bootstrap: str) -> Iterator[KafkaAdminClient]:
    admin = KafkaAdminClient(bootstrap_servers=kafka_bootstrap, client_id="newswatch-tests")
    yield admin
    admin.close()


def _delete_topics(admin: KafkaAdminClient, names: list[str]) -> None:
    """Delete a test's topics so a long run (or a shared broker) does not pile up thousands of
    partitions; a topic already gone or a busy broker is not the test's failure."""
    if not names:
        return
    try:
        admin.delete_topics(names, timeout_ms=30_000)
    except Exception as exc:  # cleanup must never fail a test
        warnings.warn(f"could not delete test topics {names[:3]}...: {exc}", stacklevel=1)


@pytest.fixture
def topic_factory(kafka_admin: KafkaAdminClient) -> Iterator[TopicFactory]:
    """Create a fresh, uniquely named topic: ``topic_factory(partitions=1, config=None)``;
    the topics are deleted after the test."""
    made: list[str] = []

    def make(partitions: int = 1, config: dict[str, str] | None = None,
             prefix: str = "test") -> str:
        name = f"{prefix}.{uuid.uuid4().hex[:12]}"
        kafka_admin.create_topics(
            [NewTopic(name, partitions, 1, topic_configs=dict(config or {}))]
        )
        made.append(name)
        return name

    yield make
    _delete_topics(kafka_admin, made)


@pytest.fixture
def topic_prefix(kafka_bootstrap: str, kafka_admin: KafkaAdminClient) -> Iterator[str]:
    """A fresh topic prefix with all newswatch topics created under it; every topic under
    the prefix (Faust's changelogs too) is deleted after the test."""
    from newswatch.kafkaio.clients import KafkaClients
    from newswatch.kafkaio.topics import create_topics
    from newswatch.schemas.settings import load_settings

    prefix = f"t{uuid.uuid4().hex[:10]}"
    create_topics(KafkaClients(load_settings(kafka_bootstrap=kafka_bootstrap)), prefix)
    yield prefix
    _delete_topics(kafka_admin, [t for t in kafka_admin.list_topics() if t.startswith(prefix)])
