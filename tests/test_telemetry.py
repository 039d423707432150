"""The shared telemetry parts: the endpoints every service serves, health, JSON logs."""

from __future__ import annotations

import io
import json
import logging
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
from prometheus_client import Counter

from newswatch.schemas.errors import ConfigError
from newswatch.schemas.settings import load_settings
from newswatch.telemetry.health import Health
from newswatch.telemetry.logs import configure_logging, trace
from newswatch.telemetry.metrics import ConsumerLag, new_registry
from newswatch.telemetry.server import TelemetryServer
from newswatch.telemetry.service import ServiceTelemetry


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def served() -> Iterator[tuple[TelemetryServer, Health, Clock]]:
    clock = Clock()
    health = Health("worker", stale_after_s=30, start_grace_s=60, clock=clock)
    registry = new_registry("worker", "1.2.3")
    Counter("newswatch_test_things", "things", registry=registry).inc(3)
    server = TelemetryServer(registry, health, port=0).start()
    yield server, health, clock
    server.stop()


def test_metrics_endpoint_serves_the_registry(served: tuple[TelemetryServer, Health, Clock]
                                              ) -> None:
    server, _, _ = served
    status, body = get(server.url + "/metrics")
    assert status == 200
    assert "newswatch_test_things_total 3.0" in body
    assert 'newswatch_build_info{service="worker",version="1.2.3"} 1.0' in body
    assert "process_cpu_seconds_total" in body


def test_readiness_lists_failing_checks_and_turns_ready(
        served: tuple[TelemetryServer, Health, Clock]) -> None:
    server, health, _ = served
    status, body = get(server.url + "/readyz")
    assert status == 503 and json.loads(body)["status"] == "not ready"  # no check set yet
    health.set("kafka", True, "127.0.0.1:9092")
    health.set("rules", False, "rules.yaml not loaded")
    status, body = get(server.url + "/readyz")
    assert status == 503
    assert json.loads(body)["checks"]["rules"] == {"ok": False, "detail": "rules.yaml not loaded"}
    health.set("rules", True, "3 companies")
    assert get(server.url + "/readyz")[0] == 200


def test_liveness_fails_when_the_loop_stops_beating(
        served: tuple[TelemetryServer, Health, Clock]) -> None:
    server, health, clock = served
    assert get(server.url + "/healthz")[0] == 200  # starting, within its grace period
    clock.now += 61
    status, body = get(server.url + "/healthz")
    assert status == 503 and json.loads(body)["status"] == "stalled"
    health.beat()
    assert get(server.url + "/healthz")[0] == 200
    clock.now += 31
    assert get(server.url + "/healthz")[0] == 503
    health.set("kafka", True)
    assert get(server.url + "/readyz")[0] == 503  # a stalled service is not ready either


def test_unknown_path_is_404(served: tuple[TelemetryServer, Health, Clock]) -> None:
    assert get(served[0].url + "/nope")[0] == 404


def test_busy_port_names_the_setting(served: tuple[TelemetryServer, Health, Clock]) -> None:
    server, health, _ = served
    with pytest.raises(ConfigError, match=r"NEWSWATCH_METRICS_PORT: cannot serve metrics on "
                       rf"127\.0\.0\.1:{server.port}: .*in use.*0 for any free one"):
        TelemetryServer(new_registry("x"), health, port=server.port)


def test_which_runs_serve_metrics(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSWATCH_METRICS_PORT", raising=False)  # tests set 0 (conftest)
    default = load_settings()
    assert ServiceTelemetry("worker", default).port == 9312
    assert ServiceTelemetry("notifier", default, long_running=False).port is None
    assert ServiceTelemetry("notifier", load_settings(metrics_port=0),
                            long_running=False).port == 0
    assert ServiceTelemetry("worker", load_settings(metrics_enabled=False)).port is None


def test_consumer_lag_forgets_partitions_handed_away() -> None:
    registry = new_registry("notifier")
    lag = ConsumerLag(registry, "g")
    lag.update({("alerts", 0): 5, ("alerts", 1): 2})
    assert lag.total() == 7
    lag.update({("alerts", 1): 0})
    text = _exposition(registry)
    assert 'newswatch_consumer_lag{group="g",partition="1",topic="alerts"} 0.0' in text
    assert 'partition="0"' not in text


def _exposition(registry: object) -> str:
    from prometheus_client import generate_latest

    return generate_latest(registry).decode()  # type: ignore[arg-type]


def test_json_logs_carry_trace_ids() -> None:
    out = io.StringIO()
    configure_logging(logging.INFO, "json", service="worker", stream=out)
    try:
        logging.getLogger("newswatch.test").info(
            "article %s done", "a1", extra=trace(article_id="a1", event_ids=["e1", "e2"],
                                                 alert_id=None))
    finally:
        configure_logging(logging.WARNING, "text")
    record = json.loads(out.getvalue().strip().splitlines()[-1])
    assert record["message"] == "article a1 done"
    assert record["service"] == "worker" and record["level"] == "INFO"
    assert record["article_id"] == "a1" and record["event_ids"] == ["e1", "e2"]
    assert "alert_id" not in record


def test_a_service_whose_port_is_taken_stops_with_the_setting_named(
        served: tuple[TelemetryServer, Health, Clock], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from newswatch.cli import main

    monkeypatch.setenv("NEWSWATCH_METRICS_PORT", str(served[0].port))
    assert main(["notify"]) == 2
    err = capsys.readouterr().err
    assert f"newswatch: error: NEWSWATCH_METRICS_PORT: cannot serve metrics on 127.0.0.1:" \
           f"{served[0].port}" in err
    assert "Traceback" not in err


def test_logs_follow_stderr_when_it_is_swapped_and_the_old_one_closed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = io.StringIO(), io.StringIO()
    monkeypatch.setattr("sys.stderr", first)
    configure_logging(logging.INFO, "text")
    try:
        logging.getLogger("newswatch.test").info("to the first")
        monkeypatch.setattr("sys.stderr", second)
        first.close()  # as a test runner closes the capture of a finished test
        logging.getLogger("newswatch.test").info("to the second")
    finally:
        configure_logging(logging.WARNING, "text")
    assert "to the second" in second.getvalue()
    assert "Logging error" not in second.getvalue()  # what a handler bound to `first` prints
    assert "to the first" not in second.getvalue()


def _log_library_error(name: str) -> None:
    try:
        raise AttributeError("'NoneType' object has no attribute 'recv'")
    except AttributeError:
        logging.getLogger(name).error("Error receiving from socket", exc_info=True)


def test_a_library_error_is_one_line_unless_verbose() -> None:
    # kafka-python logs a traceback when a command exits while its client is mid-request
    quiet, verbose = io.StringIO(), io.StringIO()
    try:
        configure_logging(logging.INFO, "text", stream=quiet)
        _log_library_error("kafka.net.transport")
        _log_library_error("newswatch.stage")  # our own errors keep their traceback
        configure_logging(logging.INFO, "text", stream=verbose, quiet_libraries=False)
        _log_library_error("kafka.net.transport")
    finally:
        configure_logging(logging.WARNING, "text")
    first, *rest = quiet.getvalue().split("\n", 1)
    assert first.endswith("ERROR kafka.net.transport: Error receiving from socket "
                          "(AttributeError: 'NoneType' object has no attribute 'recv')")
    assert "Traceback" in rest[0] and "newswatch.stage" in rest[0]
    assert rest[0].count("Traceback") == 1
    assert "Traceback" in verbose.getvalue()
