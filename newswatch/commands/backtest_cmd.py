"""``newswatch backtest``: what would these rules have sent? Nothing is sent.

Wiring: pick the input (topic range, ``--input`` JSONL, ``--from-dir`` feed files), load
the rules, baseline and labels, run ``streams.backtest`` with a progress bar on a
terminal, and write the summary, ``--json`` or ``--html``.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "backtest", help="what would these rules have sent? (reads articles, sends nothing)",
        description="Run the worker's detection and routing, in event time, over articles "
        "received in a time range on <prefix>.articles (or from --input / --from-dir), and "
        "report the alerts that would have been sent. --to is exclusive.")
    parser.add_argument("--rules", type=Path, help="candidate rules (default: NEWSWATCH_RULES)")
    parser.add_argument("--from", dest="start", metavar="WHEN",
                        help="2026-11-01, 2026-11-01T08:00Z or 7d (ago); default: the beginning")
    parser.add_argument("--to", dest="end", metavar="WHEN", help="exclusive; default: now")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--input", type=Path, metavar="FILE.jsonl",
                        help="Article JSON lines instead of the topic (no broker)")
    source.add_argument("--from-dir", type=Path, metavar="FEEDS_DIR",
                        help="feed files (RSS, Atom, JSON Feed, .jsonl) instead of the topic")
    parser.add_argument("--baseline", type=Path, metavar="RULES",
                        help="show the alerts the candidate adds and removes against these")
    parser.add_argument("--labels", type=Path, metavar="LABELS.jsonl",
                        help="lines of article_id, company, event_type: precision, recall, F1")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--html", type=Path, metavar="REPORT.html",
                        help="also write a self-contained HTML report")
    parser.add_argument("--workers", type=int, metavar="N",
                        help="detecting processes for a topic (default: the CPUs, for large "
                        "ranges)")
    parser.add_argument("--lateness", default="24h", metavar="DURATION",
                        help="how far out of event-time order articles are put back in order "
                        "(default 24h)")
    parser.add_argument("--top", type=int, default=10, help="top stories to show (default 10)")
    parser.add_argument("--max-listed", type=int, metavar="N",
                        help="alerts, absorbed events and diff entries listed in the report "
                        "(default 10,000); all are counted")
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 when an input line or record was skipped")
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    # The work lives in backtest_run: `newswatch --help` must not import what it needs.
    from newswatch.commands.backtest_run import run_backtest_command

    return run_backtest_command(args)
