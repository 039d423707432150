"""Sub-command registry: each entry adds its sub-commands to the parser."""

from __future__ import annotations

from newswatch.commands import (
    backtest_cmd,
    demo_cmd,
    dlq_cmd,
    kafka_cmd,
    replay_cmd,
    schema_cmd,
)
from newswatch.notifiers import cli as notifiers_cli
from newswatch.notifiers.slack_app import cli as slack_app_cli
from newswatch.producers import cli as producers_cli
from newswatch.streams import cli as streams_cli
from newswatch.streams.detection import cli as detection_cli
from newswatch.streams.routing import cli as routing_cli

REGISTRARS = [
    kafka_cmd.register,
    producers_cli.register,
    streams_cli.register,
    notifiers_cli.register,
    slack_app_cli.register,
    detection_cli.register,
    routing_cli.register,
    schema_cmd.register,
    dlq_cmd.register,
    demo_cmd.register,
    backtest_cmd.register,
    replay_cmd.register,
]
