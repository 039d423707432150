"""``newswatch backtest``: what would these rules have sent? Nothing is sent.

Wiring: pick the input (topic range, ``--input`` JSONL, ``--from-dir`` feed files), load
the rules, baseline and labels, run ``streams.backtest`` with a progress bar on a
terminal, and write the summary, ``--json`` or ``--html``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from newswatch.commands.backtest_sources import folder_input, jsonl_input, topic_input
from newswatch.schemas.errors import ConfigError
from newswatch.schemas.rules import load_rules
from newswatch.schemas.settings import load_settings
from newswatch.streams.backtest.detecting import Progress
from newswatch.streams.backtest.engine import (
    BacktestInput,
    BacktestOptions,
    NamedRules,
    passes_needed,
    run_backtest,
)
from newswatch.streams.backtest.labels import load_labels
from newswatch.streams.backtest.render_html import render_html
from newswatch.streams.backtest.render_text import render_text
from newswatch.streams.backtest.report import MAX_LISTED
from newswatch.streams.backtest.timerange import parse_duration, parse_range

PARALLEL_FROM = 20_000  # below this many records, starting processes costs more than it saves


def run_backtest_command(args: argparse.Namespace) -> int:
    window = parse_range(args.start, args.end)
    rules_path = args.rules or load_settings().rules
    candidate = NamedRules(str(rules_path), load_rules(rules_path))
    baseline = (NamedRules(str(args.baseline), load_rules(args.baseline))
                if args.baseline else None)
    labels = load_labels(args.labels, candidate.rules) if args.labels else None
    if args.input is not None:
        source = jsonl_input(args.input, window)
    elif args.from_dir is not None:
        source = folder_input(args.from_dir, window)
    else:
        source = topic_input(load_settings(), window)
    lateness = parse_duration(args.lateness, setting="--lateness")
    if args.max_listed is None:
        args.max_listed = MAX_LISTED
    if args.max_listed < 0:
        raise ConfigError("must be 0 or more", location="--max-listed")
    options = BacktestOptions(workers=_workers(args.workers, source), lateness=lateness,
                              top=args.top, max_listed=args.max_listed)
    total = source.total * passes_needed(candidate, baseline) if source.total else None
    with _progress(total) as progress:
        report = run_backtest(source, candidate, baseline=baseline, labels=labels,
                              options=options, progress=progress)
    if args.html is not None:
        try:
            args.html.write_text(render_html(report), encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"cannot write: {exc.strerror}", location=str(args.html)) from None
        print(f"backtest: wrote {args.html}", file=sys.stderr)
    if args.json:
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    else:
        print(render_text(report))
    for skipped in report.skipped:
        print(f"{skipped.where}: skipped: {skipped.reason}", file=sys.stderr)
    return 1 if args.strict and report.skipped else 0


def _workers(wanted: int | None, source: BacktestInput) -> int:
    if wanted is not None:
        if wanted < 1:
            raise ConfigError("must be 1 or more", location="--workers")
        return wanted
    if source.total is None or source.total < PARALLEL_FROM:
        return 1
    return min(os.cpu_count() or 1, len(source.streams))


@contextmanager
def _progress(total: int | None) -> Iterator[Progress | None]:
    """A progress bar on stderr when it is a terminal; nothing otherwise."""
    if not sys.stderr.isatty():
        yield None
        return
    from tqdm import tqdm

    with tqdm(total=total, unit=" articles", file=sys.stderr, unit_scale=True,
              desc="backtest", leave=False) as bar:
        def advance(count: int) -> None:
            bar.update(count)

        yield advance
