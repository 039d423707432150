"""``newswatch detect`` and ``newswatch rules check|explain|schema``."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from ...schemas.errors import ConfigError
from ...schemas.rules import RulesFile, load_rules
from .engine import Detector
from .offline import BadLine, detect_file, read_articles


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the detection sub-commands to the ``newswatch`` parser."""
    detect = subparsers.add_parser(
        "detect", help="detect company events in a JSONL file of articles (no Kafka)")
    detect.add_argument("--rules", type=Path, help="rules file (default: NEWSWATCH_RULES)")
    detect.add_argument("--input", type=Path, required=True, help="articles, one JSON per line")
    detect.add_argument("--output", type=Path, help="events JSONL (default: stdout)")
    detect.add_argument("--strict", action="store_true", help="exit 1 if any line was bad")
    detect.set_defaults(handler=run_detect)

    rules = subparsers.add_parser("rules", help="check, explain and describe rules files")
    sub = rules.add_subparsers(dest="rules_command", metavar="ACTION", required=True)
    check = sub.add_parser("check", help="validate a rules file and summarise it")
    check.add_argument("file", type=Path)
    check.set_defaults(handler=run_check)

    explain = sub.add_parser("explain", help="show what the rules detect in a text or article")
    explain.add_argument("--rules", type=Path, help="rules file (default: NEWSWATCH_RULES)")
    source = explain.add_mutually_exclusive_group(required=True)
    source.add_argument("text", nargs="?", help="text to explain (first line is the title)")
    source.add_argument("--input", type=Path, help="article JSON (one object, or JSONL)")
    explain.add_argument("--json", action="store_true", help="print the report as JSON")
    explain.set_defaults(handler=run_explain)

    schema = sub.add_parser("schema", help="print the JSON Schema of the rules format")
    schema.set_defaults(handler=run_schema)


def _rules_path(value: Path | None) -> Path:
    if value is not None:
        return value
    from ...schemas.settings import load_settings

    return load_settings().rules


def run_detect(args: argparse.Namespace) -> int:
    detector = Detector(load_rules(_rules_path(args.rules)))
    if args.output is None:
        summary = detect_file(detector, args.input, sys.stdout, sys.stderr)
    else:
        try:
            with args.output.open("w", encoding="utf-8") as out:
                summary = detect_file(detector, args.input, out, sys.stderr)
        except OSError as exc:
            raise ConfigError(f"cannot write: {exc.strerror}", location=str(args.output)) from None
    print(summary.line(), file=sys.stderr)
    return 1 if args.strict and summary.bad_lines else 0


def run_check(args: argparse.Namespace) -> int:
    rules = load_rules(args.file)
    print(f"{args.file}: OK")
    print(summarise(rules))
    return 0


def summarise(rules: RulesFile) -> str:
    """Counts a user can sanity-check: companies, aliases, tickers, watches, channels, types."""
    from .companies import CompanyMatcher

    matcher = CompanyMatcher(rules)
    ambiguous = sorted({v for v in matcher.ambiguous_names()})
    channels = sorted({s.channel for w in rules.watches for s in w.subscriptions})
    types: Counter[str] = Counter(e for w in rules.watches for e in w.events)
    lines = [
        f"companies: {len(rules.companies)}",
        f"aliases: {sum(len(c.aliases) for c in rules.companies)}",
        f"tickers: {sum(len(c.tickers) for c in rules.companies)}",
        f"exclude phrases: {sum(len(c.exclude) for c in rules.companies)}",
        f"names needing corroboration: {', '.join(ambiguous) if ambiguous else '(none)'}",
        f"watches: {len(rules.watches)}",
        f"channels: {len(channels)} ({', '.join(channels)})" if channels else "channels: 0",
        "event types: " + (", ".join(sorted(types)) if types else "(none)"),
    ]
    return "\n".join(lines + _delivery_lines(rules))


def _delivery_lines(rules: RulesFile) -> list[str]:
    """Digests, quiet hours and budgets, when the rules set any."""
    subs = [s for w in rules.watches for s in w.subscriptions]
    digests = sorted({f"{s.channel} ({s.schedule})" for s in subs if s.mode == "digest"})
    quiet = sorted({f"{s.channel} ({s.quiet_hours})" for s in subs if s.quiet_hours})
    budgets = []
    for policy in rules.channels:
        if policy.budget is None:
            continue
        limits = [f"burst {policy.budget.burst}"] if policy.budget.rate else []
        limits += [policy.budget.rate] if policy.budget.rate else []
        if policy.budget.hourly_cap:
            limits.append(f"at most {policy.budget.hourly_cap} an hour")
        budgets.append(f"{policy.channel} ({', '.join(limits)}; "
                       f"overflow {policy.overflow_digest})")
    return [f"{what}: {', '.join(items)}" for what, items in
            (("digests", digests), ("quiet hours", quiet), ("budgets", budgets)) if items]


def run_explain(args: argparse.Namespace) -> int:
    from ...schemas.article import Article
    from ..explain import explain_article
    from ..rules_holder import RulesInForce

    rules = RulesInForce.build(load_rules(_rules_path(args.rules)))
    articles: list[Article] = []
    if args.input is not None:
        for _number, item, _raw in read_articles(args.input):
            if isinstance(item, BadLine):
                raise ConfigError(item.message, location=item.location)
            articles.append(item)
        if not articles:
            raise ConfigError("no article in file", location=str(args.input))
    else:
        title, _, body = args.text.strip().partition("\n")
        articles.append(Article(id="text", title=title or "(untitled)", content=body))
    reports = [explain_article(rules, a) for a in articles]
    if args.json:
        payload = [r.to_dict() for r in reports]
        print(json.dumps(payload[0] if len(payload) == 1 else payload, indent=2))
    else:
        print("\n\n".join(r.render() for r in reports))
    return 0


def run_schema(args: argparse.Namespace) -> int:
    print(json.dumps(RulesFile.model_json_schema(), indent=2))
    return 0
