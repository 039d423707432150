"""The ``newswatch`` command: a thin layer that wires the stages together.

Each stage package registers its own sub-commands through a ``register(subparsers)``
function; this module only dispatches and turns known errors into clear exits.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence

from newswatch.schemas.errors import NewswatchError
from newswatch.telemetry.logs import LogFormat, configure_logging

Registrar = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]


def _registrars() -> list[Registrar]:
    # Imported here, not at module level, so `newswatch --help` stays fast and a
    # broken optional stage cannot stop the others from loading.
    from newswatch import commands

    return commands.REGISTRARS


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newswatch", description="Company-event alerting: feeds -> Kafka -> Slack."
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for register in _registrars():
        register(sub)
    return parser


def _level_from_environment() -> int:
    level = os.environ.get("NEWSWATCH_LOG_LEVEL", "INFO").upper()
    # A wrong value is reported by the settings check of the command itself.
    return logging.getLevelName(level) if level in ("DEBUG", "INFO", "WARNING", "ERROR") \
        else logging.INFO


def _format_from_environment() -> LogFormat:
    # Read before the settings (which a command may never load), checked by them later.
    return "json" if os.environ.get("NEWSWATCH_LOG_FORMAT", "").lower() == "json" else "text"


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging(logging.DEBUG if args.verbose else _level_from_environment(),
                      _format_from_environment(), service=args.command,
                      quiet_libraries=not args.verbose)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except NewswatchError as exc:
        print(f"newswatch: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `newswatch dlq list | head`: the reader left; say nothing more.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
