"""The project's own local broker: clear errors, and data that survives down/up."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from kafka import KafkaConsumer, KafkaProducer

from newswatch.localkafka import LocalKafka, LocalKafkaError, default_home
from tests.ports import free_ports


def _free_port_pair() -> int:
    return free_ports(2)[0]


@pytest.fixture(scope="module")
def shared_lib(kafka_bootstrap: str) -> Path:
    # The session broker has installed the jars already; reuse them.
    lib = default_home() / "kafka" / "lib"
    LocalKafka(lib=lib).install()
    return lib


@pytest.mark.kafka
def test_data_survives_down_and_up(tmp_path: Path, shared_lib: Path) -> None:
    port = _free_port_pair()
    broker = LocalKafka(port=port, home=tmp_path, lib=shared_lib)
    broker.up()
    try:
        producer = KafkaProducer(bootstrap_servers=broker.bootstrap, acks="all")
        producer.send("survivor", key=b"k", value=b"still here").get(timeout=30)
        producer.close()
        assert broker.down() is True
        assert broker.pid() is None and "stopped" in broker.status()
        broker.up()
        consumer = KafkaConsumer("survivor", bootstrap_servers=broker.bootstrap,
                                 auto_offset_reset="earliest", consumer_timeout_ms=10000)
        values = [m.value for m in consumer]
        consumer.close()
        assert values == [b"still here"]
    finally:
        broker.down()


@pytest.mark.kafka
def test_up_twice_and_from_another_home_is_harmless(tmp_path: Path, shared_lib: Path) -> None:
    port = _free_port_pair()
    broker = LocalKafka(port=port, home=tmp_path, lib=shared_lib)
    assert broker.up() == "started"
    try:
        pid = broker.pid()
        assert broker.up() == "running"
        assert broker.pid() == pid
        assert "answering" in broker.status()
        # Another checkout pointed at the same port uses that broker and never stops it.
        other = LocalKafka(port=port, home=tmp_path / "other", lib=shared_lib)
        assert other.up() == "external"
        assert other.down() is False
        assert broker.pid() == pid
    finally:
        broker.down()
    assert broker.down() is False


def test_port_taken_is_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        broker = LocalKafka(port=port, home=tmp_path)
        with pytest.raises(LocalKafkaError, match=f"port {port} on 127.0.0.1 is taken"):
            broker.up()


@pytest.mark.parametrize("tool", ["java", "mvn"])
def test_missing_java_or_maven_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        tool: str) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    if tool == "mvn":  # java present, maven missing
        import shutil

        java = shutil.which("java")
        assert java is not None
        (bin_dir / "java").symlink_to(java)
    monkeypatch.setenv("PATH", str(bin_dir))
    broker = LocalKafka(port=_free_port_pair(), home=tmp_path)
    with pytest.raises(LocalKafkaError, match=f"'{tool}' not found on PATH"):
        broker.install()
