"""Sub-command registry: each entry adds its sub-commands to the parser."""

from __future__ import annotations

from newswatch.commands import backtest_cmd, demo_cmd, kafka_cmd, replay_cmd, schema_cmd
from newswatch.notifiers import cli as notifiers_cli
from newswatch.producers import cli as producers_cli
from newswatch.streams import cli as streams_cli
from newswatch.streams.detection import cli as detection_cli

REGISTRARS = [
    kafka_cmd.register,
    producers_cli.register,
    streams_cli.register,
    notifiers_cli.register,
    detection_cli.register,
    schema_cmd.register,
    demo_cmd.register,
    backtest_cmd.register,
    replay_cmd.register,
]
