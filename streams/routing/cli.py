"""``newswatch route``: routing and pacing over a JSONL file of events (no Kafka).

The offline half of a backtest: ``newswatch detect`` turns articles into events, this turns
events into the alerts and digests the worker would send for them, in the file's order and
on the events' own clock (see ``replay``).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ...schemas.errors import ConfigError, SchemaError

# The models are imported when the command runs: `newswatch --help` stays light.
if TYPE_CHECKING:
    from ...schemas.alert import AlertMessage
    from ...schemas.event import CompanyEvent


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    route = subparsers.add_parser(
        "route", help="route a JSONL file of events to alerts and digests (no Kafka)")
    route.add_argument("--rules", type=Path, help="rules file (default: NEWSWATCH_RULES)")
    route.add_argument("--input", type=Path, required=True,
                       help="events, one JSON per line (what `newswatch detect` writes)")
    route.add_argument("--output", type=Path, help="alerts JSONL (default: stdout)")
    route.add_argument("--until", type=_moment, metavar="TIME",
                       help="send digests due by this ISO time (default: everything held)")
    route.add_argument("--strict", action="store_true", help="exit 1 if any line was bad")
    route.set_defaults(handler=run_route)


def run_route(args: argparse.Namespace) -> int:
    from ...schemas.rules import load_rules
    from .replay import RouteReplay

    if args.rules is None:
        from ...schemas.settings import load_settings

        args.rules = load_settings().rules
    replay = RouteReplay(load_rules(args.rules))
    counts: Counter[str] = Counter()
    try:
        with _output(args.output) as out:
            for event in _events(args.input, counts):
                _write(out, replay.feed(event), counts)
            _write(out, replay.finish(args.until), counts)
    except OSError as exc:
        raise ConfigError(f"cannot write: {exc.strerror}", location=str(args.output)) from None
    kinds = ", ".join(f"{counts[k]} {k}" for k in ("new", "followup", "update", "edit")
                      if counts[k])
    print(f"route: {counts['events']} event(s), {counts['alerts']} alert(s)"
          + (f" ({kinds})" if kinds else "")
          + f", {counts['digests']} digest(s) of {counts['stories']} "
          f"{'story' if counts['stories'] == 1 else 'stories'}, "
          f"{counts['bad']} bad line(s) skipped", file=sys.stderr)
    return 1 if args.strict and counts["bad"] else 0


def _events(path: Path, counts: Counter[str]) -> Iterator[CompanyEvent]:
    from ...schemas.event import CompanyEvent

    try:
        handle = path.open(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ConfigError(f"cannot read file: {exc.strerror}", location=str(path)) from None
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                event = CompanyEvent.from_json(line, source=f"{path}:{number}")
            except SchemaError as exc:
                counts["bad"] += 1
                print(f"{exc}: skipped", file=sys.stderr)
                continue
            counts["events"] += 1
            yield event


def _write(out: TextIO, messages: list[AlertMessage], counts: Counter[str]) -> None:
    from ...schemas.alert import Alert
    from ...schemas.digest import DigestAlert

    for message in messages:
        if isinstance(message, DigestAlert):
            if message.part == 0:
                counts["digests"] += 1
                counts["stories"] += message.total_entries
        elif isinstance(message, Alert):
            counts["alerts"] += 1
            counts[message.kind] += 1
        out.write(message.model_dump_json() + "\n")


@contextmanager
def _output(path: Path | None) -> Iterator[TextIO]:
    """stdout, or the file named (closed afterwards)."""
    if path is None:
        yield sys.stdout
        return
    with path.open("w", encoding="utf-8") as handle:
        yield handle


def _moment(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not an ISO time (e.g. 2026-06-26T09:00+02:00)") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
