"""Kafka security settings against a real broker: a second local broker with a
SASL_PLAINTEXT listener (PLAIN and SCRAM-SHA-256) and an SSL listener (a CA made here
with keytool), used by kafka-python clients and by the Faust worker alike; wrong
credentials and an untrusted certificate are named within seconds, never echoed."""

from __future__ import annotations

import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newswatch.kafkaio.clients import KafkaClients
from newswatch.kafkaio.errors import KafkaAccessDenied, KafkaUnavailable
from newswatch.kafkaio.topics import create_topics
from newswatch.localkafka import LocalKafka, SaslListener, SslListener, default_home
from newswatch.pipeline import stage_env, start_stage, stop_stage
from newswatch.schemas import Article, CompanyEvent
from newswatch.schemas.settings import Settings, load_settings
from tests.ports import free_ports

pytestmark = pytest.mark.kafka

ROOT = Path(__file__).resolve().parents[1]
PLAIN_USER, PLAIN_PASSWORD = "newswatch-app", "plain-pw-4f1c"
SCRAM_USER, SCRAM_PASSWORD = "newswatch-scram", "scram-pw-9e2a"


KEY_PASSWORD = "keystore-pw-31"


def _keytool(*args: str) -> None:
    subprocess.run(["keytool", *args], check=True, capture_output=True)


def _make_ca(folder: Path, name: str) -> tuple[Path, Path]:
    """A throwaway CA: its PKCS12 store and its certificate as PEM (what clients trust)."""
    store, pem = folder / f"{name}.p12", folder / f"{name}.pem"
    _keytool("-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048",
             "-dname", f"CN={name}", "-ext", "bc:c", "-validity", "2", "-keystore", str(store),
             "-storetype", "PKCS12", "-storepass", KEY_PASSWORD)
    _keytool("-exportcert", "-alias", name, "-keystore", str(store), "-storepass",
             KEY_PASSWORD, "-rfc", "-file", str(pem))
    return store, pem


def _make_broker_keystore(folder: Path, ca_store: Path, ca_pem: Path) -> Path:
    """The broker's key and a certificate for 127.0.0.1 signed by the CA, chain included."""
    store, csr, crt = folder / "broker.p12", folder / "broker.csr", folder / "broker.crt"
    common = ["-keystore", str(store), "-storepass", KEY_PASSWORD]
    _keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048",
             "-dname", "CN=127.0.0.1", "-validity", "2", "-storetype", "PKCS12", *common)
    _keytool("-certreq", "-alias", "broker", "-file", str(csr), *common)
    _keytool("-gencert", "-alias", "ca", "-keystore", str(ca_store), "-storepass",
             KEY_PASSWORD, "-infile", str(csr), "-outfile", str(crt),
             "-ext", "SAN=IP:127.0.0.1", "-validity", "2", "-rfc")
    _keytool("-importcert", "-alias", "ca", "-file", str(ca_pem), "-noprompt", *common)
    _keytool("-importcert", "-alias", "broker", "-file", str(crt), *common)
    return store


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("tls")
    ca_store, ca_pem = _make_ca(folder, "ca")
    _other_store, other_pem = _make_ca(folder, "other-ca")
    return {"keystore": _make_broker_keystore(folder, ca_store, ca_pem), "ca": ca_pem,
            "other_ca": other_pem}


@pytest.fixture(scope="module")
def sasl_broker(kafka_bootstrap: str, certificates: dict[str, Path],
                tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalKafka]:
    lib = default_home() / "kafka" / "lib"
    LocalKafka(lib=lib).install()  # the session broker's jars, or the Maven cache
    port, _controller, sasl_port, ssl_port = free_ports(4)
    listener = SaslListener(
        port=sasl_port,
        jaas={
            "PLAIN": "org.apache.kafka.common.security.plain.PlainLoginModule required "
                     f'user_{PLAIN_USER}="{PLAIN_PASSWORD}";',
            "SCRAM-SHA-256": "org.apache.kafka.common.security.scram.ScramLoginModule "
                             "required;",
        },
        scram_users={"SCRAM-SHA-256": {SCRAM_USER: SCRAM_PASSWORD}},
    )
    broker = LocalKafka(port=port, home=tmp_path_factory.mktemp("secure-broker"), lib=lib,
                        sasl=listener,
                        ssl=SslListener(ssl_port, certificates["keystore"], KEY_PASSWORD))
    broker.up()
    try:
        yield broker
    finally:
        broker.down()


def _settings(broker: LocalKafka, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "kafka_bootstrap": broker.sasl_bootstrap, "kafka_security_protocol": "SASL_PLAINTEXT",
        "kafka_sasl_mechanism": "PLAIN", "kafka_sasl_username": PLAIN_USER,
        "kafka_sasl_password": PLAIN_PASSWORD, "topic_prefix": f"s{uuid.uuid4().hex[:8]}"}
    values.update(overrides)
    return load_settings(**values)


@pytest.mark.parametrize(("mechanism", "user", "password"), [
    ("PLAIN", PLAIN_USER, PLAIN_PASSWORD),
    ("SCRAM-SHA-256", SCRAM_USER, SCRAM_PASSWORD),
])
def test_clients_authenticate_and_round_trip_a_message(
        sasl_broker: LocalKafka, mechanism: str, user: str, password: str) -> None:
    settings = _settings(sasl_broker, kafka_sasl_mechanism=mechanism,
                         kafka_sasl_username=user, kafka_sasl_password=password)
    clients = KafkaClients(settings)
    clients.check_reachable()
    created = create_topics(clients)
    assert f"{settings.topic_prefix}.articles" in created
    topic = f"{settings.topic_prefix}.dlq"
    producer = clients.producer("test-sasl")
    producer.send(topic, key=b"k", value=b"over SASL").get(timeout=30)
    producer.close()
    consumer = clients.consumer("test-sasl", consumer_timeout_ms=10_000)
    consumer.subscribe([topic])
    assert [m.value for m in consumer] == [b"over SASL"]
    consumer.close()


def test_wrong_password_is_named_within_seconds_and_never_echoed(
        sasl_broker: LocalKafka) -> None:
    clients = KafkaClients(_settings(sasl_broker, kafka_sasl_password="not-the-pw-77"))
    # On a loaded machine kafka-python sometimes reports the refusal only as a timeout (the
    # probe then says "no Kafka handshake"): up to three tries, one of which must name it.
    messages = []
    for _ in range(3):
        started = time.monotonic()
        with pytest.raises(KafkaUnavailable) as info:
            create_topics(clients)
        assert time.monotonic() - started < 12  # kafka-python alone retries for a minute
        messages.append(str(info.value))
        if isinstance(info.value, KafkaAccessDenied):
            break
    assert messages[-1] == (
        f"Kafka at {sasl_broker.sasl_bootstrap} refused the credentials of user "
        f"'{PLAIN_USER}' (SASL PLAIN): check NEWSWATCH_KAFKA_SASL_USERNAME, "
        "NEWSWATCH_KAFKA_SASL_PASSWORD and NEWSWATCH_KAFKA_SASL_MECHANISM"), messages
    assert not any("not-the-pw-77" in message for message in messages)


def test_plaintext_client_on_the_sasl_listener_is_told_why(sasl_broker: LocalKafka) -> None:
    clients = KafkaClients(load_settings(kafka_bootstrap=sasl_broker.sasl_bootstrap))
    with pytest.raises(KafkaUnavailable, match=(
            r"completed no Kafka handshake within 3s \(KafkaTimeoutError\): is it a Kafka "
            r"listener, and does it expect NEWSWATCH_KAFKA_SECURITY_PROTOCOL=PLAINTEXT\?")):
        clients.check_reachable(timeout=3.0)


def _ssl_settings(broker: LocalKafka, cafile: Path) -> Settings:
    return load_settings(kafka_bootstrap=broker.ssl_bootstrap, kafka_security_protocol="SSL",
                         kafka_ssl_cafile=cafile, topic_prefix=f"s{uuid.uuid4().hex[:8]}")


def test_ssl_with_a_ca_file_round_trips_a_message(sasl_broker: LocalKafka,
                                                  certificates: dict[str, Path]) -> None:
    settings = _ssl_settings(sasl_broker, certificates["ca"])
    clients = KafkaClients(settings)
    create_topics(clients)
    topic = f"{settings.topic_prefix}.dlq"
    producer = clients.producer("test-ssl")
    producer.send(topic, value=b"over TLS").get(timeout=30)
    producer.close()
    consumer = clients.consumer("test-ssl", consumer_timeout_ms=10_000)
    consumer.subscribe([topic])
    assert [m.value for m in consumer] == [b"over TLS"]
    consumer.close()


def test_a_certificate_from_another_ca_is_named(sasl_broker: LocalKafka,
                                                certificates: dict[str, Path]) -> None:
    clients = KafkaClients(_ssl_settings(sasl_broker, certificates["other_ca"]))
    started = time.monotonic()
    with pytest.raises(KafkaUnavailable, match=(
            rf"^TLS with Kafka at {sasl_broker.ssl_bootstrap} failed \(.*CERTIFICATE_VERIFY_"
            r"FAILED.*\): check NEWSWATCH_KAFKA_SSL_CAFILE and that the listener speaks TLS$")):
        clients.check_reachable()
    assert time.monotonic() - started < 12  # kafka-python alone retries for a minute


def _worker_env(settings: Settings, tmp_path: Path) -> dict[str, str]:
    values = {name: str(value) for name, value in settings.model_dump().items()
              if name.startswith("kafka_") and value is not None}
    password = settings.kafka_sasl_password
    if password is not None:
        values["kafka_sasl_password"] = password.get_secret_value()
    return stage_env(**values, topic_prefix=settings.topic_prefix,
                     consumer_group=settings.topic_prefix,
                     rules=str(ROOT / "samples" / "rules.yaml"), home=str(tmp_path / "home"))


@pytest.mark.parametrize("protocol", ["SASL_PLAINTEXT", "SSL"])
def test_the_faust_worker_runs_with_security_settings(
        sasl_broker: LocalKafka, certificates: dict[str, Path], tmp_path: Path,
        protocol: str) -> None:
    settings = (_settings(sasl_broker) if protocol == "SASL_PLAINTEXT"
                else _ssl_settings(sasl_broker, certificates["ca"]))
    clients = KafkaClients(settings)
    create_topics(clients)
    env = _worker_env(settings, tmp_path)
    worker = start_stage(["worker"], env, tmp_path / "worker.log")
    try:
        article = Article(id=f"{protocol}-1", title="Meta Platforms to lay off 5% of its staff",
                          content="Meta Platforms said it will cut 5% of its workforce.")
        producer = clients.producer("test-sasl")
        producer.send(f"{settings.topic_prefix}.articles", key=article.id.encode(),
                      value=article.to_json_bytes()).get(timeout=30)
        producer.close()
        consumer = clients.consumer("test-sasl-events", consumer_timeout_ms=1_000)
        consumer.subscribe([f"{settings.topic_prefix}.events"])
        events: list[CompanyEvent] = []
        deadline = time.monotonic() + 90
        while not events and time.monotonic() < deadline and worker.poll() is None:
            events += [CompanyEvent.from_json(m.value) for m in consumer]
        consumer.close()
    finally:
        stop_stage(worker)
    log = (tmp_path / "worker.log").read_text(errors="replace")
    assert [(e.company, e.event_type) for e in events] == [("Meta Platforms", "layoffs")], log
    assert PLAIN_PASSWORD not in log


def test_storage_formats_with_a_cluster_id_that_starts_with_a_dash(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A random base64url id starts with '-' one time in 64; the format tool must not
    # take it for an option (it did, failing the broker's first start now and then).
    import newswatch.localkafka as localkafka

    monkeypatch.setattr(localkafka, "_cluster_id", lambda: "-" + "A" * 21)
    broker = LocalKafka(port=free_ports(2)[0], home=tmp_path,
                        lib=default_home() / "kafka" / "lib")
    broker.install()
    broker._write_config()
    broker._format_once()
    assert "cluster.id=-AAAAAAAAAAAAAAAAAAAAA" in (broker.paths.data / "meta.properties"
                                                   ).read_text()
