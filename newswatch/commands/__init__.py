"""Sub-command registry: each entry adds its sub-commands to the parser."""

from __future__ import annotations

from newswatch.commands import demo_cmd, kafka_cmd
from streams import cli as streams_cli

REGISTRARS = [kafka_cmd.register, streams_cli.register, demo_cmd.register]
