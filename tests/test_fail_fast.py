"""Start-up fails within seconds, in one line naming the cause, when Kafka or Slack
cannot be reached: no 30-second wait, no traceback."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from newswatch.cli import main
from newswatch.kafkaio.clients import KafkaClients
from newswatch.kafkaio.errors import KafkaUnavailable
from newswatch.notifiers.config import ServiceConfig
from newswatch.notifiers.service import NotifierService, SlackUnavailable
from newswatch.schemas.settings import load_settings
from tests.notifier_support import NotifyRig, notify_rig
from tests.slack_emulator import Fault


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port that accepts connections and never says a word (not Kafka)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held: list[socket.socket] = []

    def accept() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            held.append(conn)

    threading.Thread(target=accept, daemon=True).start()
    yield int(server.getsockname()[1])
    server.close()
    for conn in held:
        conn.close()


@pytest.mark.parametrize("command", [["worker"], ["notify", "--once"], ["topics", "create"],
                                     ["feeds", "status"], ["produce", "--once"]])
def test_every_kafka_command_names_an_unreachable_broker_at_once(
        command: list[str], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    port = _closed_port()
    monkeypatch.setenv("NEWSWATCH_KAFKA_BOOTSTRAP", f"127.0.0.1:{port}")
    started = time.monotonic()
    assert main(command) == 2
    assert time.monotonic() - started < 5
    err = capsys.readouterr().err
    assert f"cannot reach Kafka at 127.0.0.1:{port} (127.0.0.1:{port}: Connection refused)" in err
    assert "Traceback" not in err


def test_a_port_that_speaks_no_kafka_is_named_within_seconds(silent_server: int) -> None:
    clients = KafkaClients(load_settings(kafka_bootstrap=f"127.0.0.1:{silent_server}"))
    started = time.monotonic()
    with pytest.raises(KafkaUnavailable, match=(
            rf"Kafka at 127.0.0.1:{silent_server} accepted a connection but completed no "
            r"Kafka handshake within 2s \(KafkaTimeoutError\): is it a Kafka listener, and "
            r"does it expect NEWSWATCH_KAFKA_SECURITY_PROTOCOL=PLAINTEXT\?")):
        clients.check_reachable(timeout=2.0)
    assert time.monotonic() - started < 4


@pytest.fixture
def rig(kafka_bootstrap: str, topic_prefix: str) -> Iterator[NotifyRig]:
    yield from notify_rig(kafka_bootstrap, topic_prefix)


@pytest.mark.kafka
def test_notify_gives_up_on_unreachable_slack_within_seconds(rig: NotifyRig) -> None:
    port = _closed_port()
    base_url = f"http://127.0.0.1:{port}/api/"
    settings = rig.settings(slack_api_url=base_url)
    service = NotifierService(settings, rig.slack(base_url=base_url),
                              config=ServiceConfig(startup_timeout_s=2.0))
    started = time.monotonic()
    with pytest.raises(SlackUnavailable, match=(
            rf"^Slack did not answer within 2 s of start-up: cannot reach Slack at "
            rf"127.0.0.1:{port} \(Connection refused\)$")):
        service.run(once=True)
    assert time.monotonic() - started < 5
    assert rig.emulator.posts == []


@pytest.mark.kafka
def test_slack_failing_briefly_at_start_is_retried_within_the_window(rig: NotifyRig) -> None:
    rig.emulator.fail_next(2, Fault("server_error", status=503), method="auth.test")
    config = ServiceConfig(startup_timeout_s=8.0, retry_initial_s=0.2)
    started = time.monotonic()
    report = rig.service(rig.slack(sdk_retries=0), config=config).run(once=True)
    assert report.delivered == 0 and time.monotonic() - started < 8
