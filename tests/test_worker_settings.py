"""Worker group settings, and the wiring that puts the at-least-once fixes in place."""

from __future__ import annotations

import pytest

from newswatch.kafkaio.clients import KafkaClients
from newswatch.kafkaio.topics import CHANGELOGS, TOPICS, changelog_topic
from newswatch.schemas.errors import ConfigError
from newswatch.schemas.settings import Settings, load_settings


def test_worker_group_timing_reaches_faust() -> None:
    settings = load_settings(kafka_bootstrap="127.0.0.1:9092", worker_session_timeout=10,
                             worker_heartbeat_interval=2)
    options = KafkaClients(settings).faust_options(scheme="newswatch-kafka")
    assert options["broker_session_timeout"] == 10.0
    assert options["broker_heartbeat_interval"] == 2.0
    assert "consumer_group_instance_id" not in options
    # The defaults a restart waits on (a dead member's session) are these two.
    fields = Settings.model_fields
    assert (fields["worker_session_timeout"].default,
            fields["worker_heartbeat_interval"].default) == (10.0, 2.0)
    assert options["broker"] == ["newswatch-kafka://127.0.0.1:9092"]


def test_instance_id_turns_on_static_membership() -> None:
    options = KafkaClients(load_settings(worker_instance_id="worker-a")).faust_options()
    assert options["consumer_group_instance_id"] == "worker-a"


def test_heartbeat_must_fit_three_times_in_the_session() -> None:
    with pytest.raises(ConfigError, match=r"NEWSWATCH_WORKER_HEARTBEAT_INTERVAL: 4 s is more "
                                          r"than a third of NEWSWATCH_WORKER_SESSION_TIMEOUT"):
        load_settings(worker_session_timeout=10, worker_heartbeat_interval=4)


def test_session_timeout_below_the_brokers_minimum_is_refused() -> None:
    with pytest.raises(ConfigError, match="NEWSWATCH_WORKER_SESSION_TIMEOUT"):
        load_settings(worker_session_timeout=3)


def test_broker_scheme_selects_the_at_least_once_transport() -> None:
    # Through the faust.transports entry point in pyproject.toml: without it the worker
    # would not even start; with Faust's own transport it would skip articles.
    from faust.transport.drivers import TRANSPORTS

    from newswatch.streams.transport import TRANSPORT_SCHEME, AtLeastOnceConsumer

    transport = TRANSPORTS.by_url(f"{TRANSPORT_SCHEME}://127.0.0.1:9092")
    assert transport.Consumer is AtLeastOnceConsumer


@pytest.mark.kafka
def test_worker_app_uses_the_fixed_recovery_and_declares_only_known_tables(
        kafka_bootstrap: str, topic_prefix: str) -> None:
    from newswatch.streams.app import create_app
    from newswatch.streams.recovery import SeekBeforeResumeRecovery

    settings = load_settings(kafka_bootstrap=kafka_bootstrap, topic_prefix=topic_prefix,
                             consumer_group="wiring", rules="samples/rules.yaml")
    app = create_app(settings)
    assert isinstance(app.tables.recovery, SeekBeforeResumeRecovery)
    declared = {t.changelog_topic.get_topic_name() for t in app.tables.values()}
    assert declared == {changelog_topic("wiring", spec.table) for spec in CHANGELOGS}
    sources = {spec.source for spec in CHANGELOGS}
    assert sources <= {spec.name for spec in TOPICS}
