"""``newswatch detect`` and ``newswatch rules check|explain|schema``."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from ...schemas.errors import ConfigError

# Handlers import what they use: `newswatch --help` and `rules check` stay light.
if TYPE_CHECKING:
    from ...schemas.article import Article
    from ...schemas.rules import RulesFile


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the detection sub-commands to the ``newswatch`` parser."""
    detect = subparsers.add_parser(
        "detect", help="detect company events in a JSONL file of articles (no Kafka)")
    detect.add_argument("--rules", type=Path, help="rules file (default: NEWSWATCH_RULES)")
    detect.add_argument("--input", type=Path, required=True, help="articles, one JSON per line")
    detect.add_argument("--output", type=Path, help="events JSONL (default: stdout)")
    detect.add_argument("--strict", action="store_true", help="exit 1 if any line was bad")
    detect.add_argument("--jobs", type=int, metavar="N",
                        help="detecting processes (default: one per CPU for files of 4 MB or "
                        "more, else 1); the output keeps the input's order")
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
    explain.add_argument("--feed", help="read the text as an item of this feed (its "
                         "settings in the rules file apply)")
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
    from ...schemas.rules import load_rules
    from .engine import Detector
    from .offline import detect_file, jobs_for

    detector = Detector(load_rules(_rules_path(args.rules)))
    jobs = jobs_for(args.jobs, args.input)
    if args.output is None:
        summary = detect_file(detector, args.input, sys.stdout, sys.stderr, jobs=jobs)
    else:
        try:
            with args.output.open("w", encoding="utf-8") as out:
                summary = detect_file(detector, args.input, out, sys.stderr, jobs=jobs)
        except OSError as exc:
            raise ConfigError(f"cannot write: {exc.strerror}", location=str(args.output)) from None
    print(summary.line(), file=sys.stderr)
    return 1 if args.strict and summary.bad_lines else 0


def run_check(args: argparse.Namespace) -> int:
    from ...schemas.rules import load_rules

    rules = load_rules(args.file)
    print(f"{args.file}: OK")
    print(summarise(rules))
    return 0


def summarise(rules: RulesFile) -> str:
    """Counts a user can sanity-check: companies, aliases, tickers, watches, channels, types."""
    from .companies import CompanyMatcher

    matcher = CompanyMatcher(rules)
    ambiguous = sorted(set(matcher.ambiguous_names()))
    channels = sorted({s.channel for w in rules.watches for s in w.subscriptions})
    types: Counter[str] = Counter(e for w in rules.watches for e in w.events)
    lines = [
        f"companies: {len(rules.companies)}",
        f"aliases: {sum(len(c.aliases) for c in rules.companies)}",
        f"brands: {sum(len(c.brands) for c in rules.companies)}",
        f"tickers: {sum(len(c.tickers) for c in rules.companies)}",
        f"exclude phrases: {sum(len(c.exclude) for c in rules.companies)}",
        f"watches: {len(rules.watches)}",
        f"channels: {len(channels)} ({', '.join(channels)})" if channels else "channels: 0",
        "event types: " + (", ".join(sorted(types)) if types else "(none)"),
        f"feed settings: {len(rules.feeds)}",
    ]
    lines += _delivery_lines(rules)
    if not ambiguous:
        lines.append("names needing corroboration: (none)")
        return "\n".join(lines)
    lines.append("names needing corroboration (counted only when the article also gives the "
                 "full name or a ticker, business words next to them, or a role in an event; "
                 "so 'apple pie' is not Apple):")
    for name in ambiguous:
        company, why = _why_ambiguous(rules, name)
        lines.append(f"  {name} ({company}): {why}")
    lines.append("  (set 'ambiguous: false' on a company to count its names without "
                 "corroboration, 'ambiguous: true' to require it)")
    return "\n".join(lines)


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


def _why_ambiguous(rules: RulesFile, name: str) -> tuple[str, str]:
    """The company a name belongs to, and why the detector asks for corroboration."""
    from .lexicon import COMMON_WORD_NAMES

    for company in rules.companies:
        if name not in (company.name, *company.aliases):
            continue
        if company.ambiguous:
            return company.name, "the rules file marks the company 'ambiguous: true'"
        if name.casefold() in COMMON_WORD_NAMES:
            return company.name, "it is also an everyday word"
        if len(name) <= 2:
            return company.name, "two letters or fewer: too short to be sure"
        return company.name, "a single word the detector treats as ambiguous"
    return "?", "a single word the detector treats as ambiguous"


def run_explain(args: argparse.Namespace) -> int:
    from ...schemas.rules import load_rules
    from ..explain import explain_article
    from ..rules_holder import RulesInForce
    from .offline import BadLine, read_articles

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
        articles.append(article_from_text(args.text))
    if args.feed is not None:
        if rules.rules.feed_settings(args.feed) is None:
            raise ConfigError(f"no feed {args.feed!r} in the rules file's 'feeds'",
                              location="--feed")
        articles = [a.model_copy(update={"feed": args.feed}) for a in articles]
    reports = [explain_article(rules, a) for a in articles]
    if args.json:
        payload = [r.to_dict() for r in reports]
        print(json.dumps(payload[0] if len(payload) == 1 else payload, indent=2))
    else:
        print("\n\n".join(r.render() for r in reports))
    return 0


def article_from_text(text: str) -> Article:
    """The text as an article: its first line is the title. A first line longer than a
    title may be is cut at a word, and the rest of it starts the body, so nothing of the
    text goes unread."""
    from ...schemas.article import Article

    title, _, body = text.strip().partition("\n")
    limit = next(m.max_length for m in Article.model_fields["title"].metadata
                 if getattr(m, "max_length", None))
    if len(title) > limit:
        cut = title.rfind(" ", 0, limit) if " " in title[:limit] else limit - 1
        cut = cut if cut > limit // 2 else limit - 1
        print(f"note: the first line has {len(title):,} characters; the title is its first "
              f"{cut:,} and the rest is read as the article's text", file=sys.stderr)
        title, body = title[:cut].rstrip() + "…", title[cut:].strip() + "\n" + body
    return Article(id="text", title=title or "(untitled)", content=body)


def run_schema(args: argparse.Namespace) -> int:
    from ...schemas.rules import RulesFile

    print(json.dumps(RulesFile.model_json_schema(), indent=2))
    return 0
