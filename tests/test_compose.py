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
