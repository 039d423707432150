"""docker-compose.yml cannot run here (no Docker engine), so check it against the
Compose Specification's JSON Schema and against the code it starts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from newswatch.cli import build_parser
from newswatch.schemas.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT.parent / "shared" / "compose-spec" / "compose-spec.json"


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    assert isinstance(data, dict)
    return data


def test_valid_against_compose_spec(compose: dict[str, Any]) -> None:
    if not SPEC.exists():
        pytest.skip(f"compose spec not found at {SPEC}")
    schema = json.loads(SPEC.read_text())
    # The spec names draft-07 without the trailing '#', which jsonschema does not map.
    assert schema["$schema"].rstrip("#") == "https://json-schema.org/draft-07/schema"
    jsonschema.Draft7Validator(schema).validate(compose)


def test_services_run_real_commands(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert {"kafka", "topics", "producer", "worker", "notifier"} <= set(services)
    parser = build_parser()
    commands = {}
    for name in ("topics", "producer", "worker", "notifier", "slack"):
        argv = services[name]["command"]
        args = parser.parse_args(argv)  # exits (fails the test) on an unknown command
        commands[name] = args.handler.__name__
    assert commands["worker"] == "_worker"
    assert commands["slack"] == "_run_slack"


def test_environment_names_are_settings(compose: dict[str, Any]) -> None:
    fields = {f"NEWSWATCH_{name.upper()}" for name in Settings.model_fields}
    for name, service in compose["services"].items():
        for key in (service.get("environment") or {}):
            if key.startswith("NEWSWATCH_"):
                assert key in fields, f"service {name}: {key} is not a setting"


def test_kafka_service_is_kraft_single_node(compose: dict[str, Any]) -> None:
    kafka = compose["services"]["kafka"]
    assert kafka["image"].startswith("apache/kafka:4.")
    env = kafka["environment"]
    assert env["KAFKA_PROCESS_ROLES"] == "broker,controller"
    assert env["KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS"] == "0"
    assert env["KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"] == "1"


SCALABLE = ("worker", "notifier")
SERVICE_OF = {"producer": "producer", "worker": "worker", "notifier": "notifier"}


def test_services_have_healthchecks_on_their_readiness_endpoint(compose: dict[str, Any]
                                                                ) -> None:
    from newswatch.telemetry.service import DEFAULT_PORTS

    for name, telemetry_name in SERVICE_OF.items():
        service = compose["services"][name]
        check = service["healthcheck"]
        command = " ".join(check["test"])
        assert f"http://127.0.0.1:{DEFAULT_PORTS[telemetry_name]}/readyz" in command, name
        assert check["start_period"] and check["retries"] >= 1
        assert service["restart"] == "unless-stopped"
    assert compose["services"]["kafka"]["restart"] == "unless-stopped"
    # Bound to all interfaces inside the container, so Prometheus can scrape it.
    assert compose["x-newswatch-env"]["NEWSWATCH_METRICS_HOST"] == "0.0.0.0"


def test_workers_and_notifiers_can_be_scaled(compose: dict[str, Any]) -> None:
    for name in SCALABLE:
        service = compose["services"][name]
        assert "container_name" not in service, f"{name}: --scale needs distinct names"
        assert "ports" not in service, f"{name}: a published host port allows one replica"


def test_prometheus_scrapes_every_service_on_its_port() -> None:
    from newswatch.telemetry.service import DEFAULT_PORTS

    config = yaml.safe_load((ROOT / "deploy" / "prometheus.yml").read_text())
    targets = {sd["names"][0]: sd["port"] for job in config["scrape_configs"]
               for sd in job["dns_sd_configs"]}
    assert targets == {name: DEFAULT_PORTS[t] for name, t in SERVICE_OF.items()}


def _metric_names() -> set[str]:
    """Every sample name the three services expose (built on fresh registries)."""
    from newswatch.notifiers.metrics import NotifierMetrics
    from newswatch.producers.metrics import ProducerMetrics
    from newswatch.schemas.settings import load_settings
    from newswatch.streams.observe import WorkerObserver
    from newswatch.telemetry.service import ServiceTelemetry

    settings = load_settings()
    names: set[str] = {"up"}  # added by Prometheus itself
    for service in ("producer", "worker", "notifier"):
        telemetry = ServiceTelemetry(service, settings, long_running=False)
        if service == "producer":
            ProducerMetrics(telemetry)
        elif service == "worker":
            WorkerObserver(telemetry, settings).lag.update({("t", 0): 1})
        else:
            NotifierMetrics(telemetry.registry, "g").lag.update({("t", 0): 1})
        for family in telemetry.registry.collect():
            suffixes = {"counter": ["_total"], "histogram": ["_bucket", "_count", "_sum"]}
            names.update(family.name + s for s in suffixes.get(family.type, [""]))
    return names


def test_dashboard_queries_only_metrics_that_exist() -> None:
    import re

    dashboard = json.loads((ROOT / "deploy" / "grafana" / "dashboards" / "newswatch.json")
                           .read_text())
    known = _metric_names()
    functions = {"sum", "rate", "increase", "histogram_quantile", "max", "min", "count",
                 "by", "vector", "time", "or", "le", "job", "instance", "status", "kind",
                 "type", "result", "outcome", "code", "where", "stage", "group", "topic",
                 "partition", "feed"}
    exprs = [t["expr"] for p in dashboard["panels"] for t in p.get("targets", [])]
    assert len(exprs) > 20
    for expr in exprs:
        bare = re.sub(r'"[^"]*"', "", expr)  # label values
        for word in re.findall(r"[a-zA-Z_][a-zA-Z0-9_]*", bare):
            if word in functions or not word.startswith(("newswatch_", "process_", "up")):
                continue
            assert word in known, f"dashboard queries unknown metric {word!r} in {expr!r}"
