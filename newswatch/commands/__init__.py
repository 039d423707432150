"""Sub-command registry: each entry adds its sub-commands to the parser."""

from __future__ import annotations

from newswatch.commands import kafka_cmd

REGISTRARS = [kafka_cmd.register]
