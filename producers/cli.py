"""``newswatch produce`` and ``newswatch feeds import|status``."""

from __future__ import annotations

import argparse
import contextlib
import logging
import signal
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import asyncio

    from ..schemas.settings import Settings
    from .metrics import ProducerMetrics

log = logging.getLogger(__name__)

def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``produce`` and ``feeds`` to the ``newswatch`` command."""
    produce = subparsers.add_parser(
        "produce", help="poll feeds and publish articles to Kafka",
        description="Poll feeds and publish normalised articles to <prefix>.articles. "
        "With --once (implied by --from-dir and --from-jsonl), exit 0 when at least one "
        "feed was read, 1 when none was (every feed failed, or there was none). --from-dir "
        "tells feed documents by their content, not their names, and lists what it skips.",
    )
    produce.add_argument("--feeds", type=Path, help="feeds file (default: NEWSWATCH_FEEDS)")
    produce.add_argument("--once", action="store_true", help="poll each feed one time and exit")
    produce.add_argument("--from-dir", type=Path, metavar="DIR",
                         help="read every feed document in DIR instead of the feeds file")
    produce.add_argument("--from-jsonl", type=Path, metavar="FILE",
                         help="publish the Article JSON lines in FILE")
    produce.add_argument("--output", type=Path, metavar="FILE.jsonl",
                         help="write Article JSON lines to FILE instead of Kafka (no broker)")
    produce.set_defaults(handler=_produce)

    feeds = subparsers.add_parser("feeds", help="manage feeds and see their health")
    feeds_sub = feeds.add_subparsers(dest="feeds_command", metavar="ACTION", required=True)
    imp = feeds_sub.add_parser("import", help="add the feeds of an OPML file to feeds.yaml")
    imp.add_argument("opml", type=Path, metavar="OPML_FILE")
    imp.add_argument("--feeds", type=Path, help="feeds file to update (default: NEWSWATCH_FEEDS)")
    imp.set_defaults(handler=_import)
    status = feeds_sub.add_parser(
        "status", help="per feed: last success, last error, items seen, health",
        description="Read per-feed state from <prefix>.feedstate. Exit 1 when a feed is "
        "unhealthy or quiet for longer than its quiet_after, so a cron job can alert.",
    )
    status.add_argument("--problems", action="store_true", help="only feeds that are not ok")
    status.set_defaults(handler=_status)


def _produce(args: argparse.Namespace) -> int:
    import asyncio

    from ..schemas.settings import load_settings
    from .runtime import arun_once

    settings = load_settings()
    if not args.once:
        if args.from_dir or args.from_jsonl:
            args.once = True  # a folder or a dump is read once: there is nothing to poll
        else:
            asyncio.run(_forever(settings, args.feeds, args.output))
            return 0
    report = asyncio.run(arun_once(settings, args.feeds, output=args.output,
                                   from_dir=args.from_dir, from_jsonl=args.from_jsonl))
    for skipped in report.skipped_files:
        print(f"skipped: {skipped}", file=sys.stderr)
    for error in report.errors:
        print(f"failed: {error}", file=sys.stderr)
    print(report.summary())
    if report.nothing_read:
        source = args.from_dir or args.from_jsonl or args.feeds or settings.feeds
        why = ("every feed failed" if report.feeds_failed else
               "no feed documents found" if args.from_dir else "no feeds listed")
        print(f"newswatch: error: nothing was read from {source}: {why}", file=sys.stderr)
        return 1
    return 0


async def _forever(settings: Settings, feeds: Path | None, output: Path | None) -> None:
    import asyncio

    from ..telemetry.service import ServiceTelemetry
    from .metrics import ProducerMetrics
    from .runtime import run_forever

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    telemetry = ServiceTelemetry("producer", settings).start()
    metrics = ProducerMetrics(telemetry)
    metrics.health.set("kafka", False, "connecting")
    beat = asyncio.create_task(_heartbeat(metrics, settings.summary_interval, stop))
    try:
        await run_forever(settings, feeds, stop=stop, output=output, metrics=metrics)
    finally:
        beat.cancel()
        telemetry.stop()


async def _heartbeat(metrics: ProducerMetrics, summary_s: float,
                     stop: asyncio.Event) -> None:
    """Beat for /healthz from the event loop itself (a blocked loop stops beating), and
    write the periodic summary."""
    import asyncio

    loop = asyncio.get_running_loop()
    last_summary = loop.time()
    while not stop.is_set():
        metrics.health.beat()
        if summary_s and loop.time() - last_summary >= summary_s:
            metrics.log_summary(summary_s)
            last_summary = loop.time()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=min(5.0, summary_s or 5.0))


def _import(args: argparse.Namespace) -> int:
    from ..schemas.settings import load_settings
    from .opml import import_opml

    settings = load_settings()
    target = args.feeds or settings.feeds
    added, skipped = import_opml(args.opml, target)
    print(f"added {len(added)} feed(s) to {target}"
          + (f"; {skipped} already listed" if skipped else ""))
    for feed in added:
        print(f"  + {feed}")
    return 0


def _status(args: argparse.Namespace) -> int:
    from ..kafkaio.clients import KafkaClients
    from ..kafkaio.topics import TopicNames
    from ..schemas.base import utcnow
    from ..schemas.settings import load_settings
    from .health import assess
    from .state import read_states

    settings = load_settings()
    clients = KafkaClients(settings)
    clients.check_reachable()
    states = read_states(clients, TopicNames.from_settings(settings).feedstate)
    now = utcnow()
    rows = []
    for state in sorted(states.values(), key=lambda s: (s.name or s.feed_id)):
        health = assess(state, now)
        if args.problems and health.status == "ok":
            continue
        rows.append((health.status, state.name or state.feed_id, _ago(state.last_success, now),
                     str(state.items_seen), _ago(state.last_error_at, now),
                     (state.last_error or "")[:80] if health.status != "ok" else ""))
    if not rows:
        print("no feeds" + (" with problems" if args.problems else " polled yet"))
        return 0
    header = ("HEALTH", "FEED", "LAST OK", "ITEMS", "LAST ERROR", "REASON")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(5)]
    for row in [header, *rows]:
        print("  ".join(c.ljust(w) for c, w in zip(row[:5], widths, strict=True)) + "  " + row[5])
    return 1 if any(r[0] in ("unhealthy", "quiet") for r in rows) else 0


def _ago(when: datetime | None, now: datetime) -> str:
    if when is None:
        return "never"
    seconds = int((now - when).total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{seconds // size}{unit} ago"
    return f"{seconds}s ago"
