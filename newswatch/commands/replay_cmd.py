"""``newswatch replay``: re-drive a time range through the real worker and notifier, into a
sandbox channel (or printed with ``--dry-run``), to check formatting and threading.

The replay runs under its own topic prefix and consumer group (``<prefix>-replay-<time>``)
with a rules file rewritten so every watch posts to the sandbox channel: the live topics,
consumer groups and delivery ledger are read (the articles) or not touched at all.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "replay", help="re-drive a time range through worker and notifier into a sandbox",
        description="Copy the articles received in a time range to a topic prefix and "
        "consumer group of the replay's own, and run the real worker and notifier on them "
        "with every watch posting to --channel (mentions left out). Live topics, groups and "
        "the delivery ledger are not touched.")
    parser.add_argument("--from", dest="start", metavar="WHEN", required=True,
                        help="2026-11-01, 2026-11-01T08:00Z or 7d (ago)")
    parser.add_argument("--to", dest="end", metavar="WHEN", help="exclusive; default: now")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--channel", help="the sandbox channel every alert goes to")
    target.add_argument("--dry-run", action="store_true",
                        help="print the alerts instead of posting them")
    parser.add_argument("--rules", type=Path, help="rules (default: NEWSWATCH_RULES)")
    parser.add_argument("--timeout", type=float, default=300.0,
                        help="seconds to wait for the worker (default 300)")
    parser.add_argument("--keep-topics", action="store_true",
                        help="keep the replay's topics afterwards (default: deleted)")
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    # The work lives in replay_run: `newswatch --help` must not import what it needs.
    from newswatch.commands.replay_run import run_replay

    return run_replay(args)
