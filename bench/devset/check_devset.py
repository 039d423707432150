#!/usr/bin/env python3
"""Validate the newswatch development set (articles.jsonl + rules.yaml).

Usage: python bench/devset/check_devset.py [--dir bench/devset]

Checks that every line parses, ids are unique, every labelled company is a
canonical name in rules.yaml and is mentioned in the item's text, event types
and roles are valid for each other, and that the set meets its size targets.
Prints a table of counts and exits 1 on any problem. Needs only the standard
library and PyYAML.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

EVENT_ROLES: dict[str, set[str | None]] = {
    "executive_hire": {"hiring_company", None},
    "executive_departure": {"losing_company", None},
    "layoffs": {None},
    "acquisition": {"acquirer", "target"},
    "investment": {"investor", "recipient"},
    "product_launch": {None},
    "launch_delay": {None},
    "partnership": {"partner", None},
    "legal": {"plaintiff", "defendant", None},
}
MIN_POSITIVES_PER_TYPE = 25
MIN_HARD_NEGATIVES = 110
MIN_ITEMS = 320
REQUIRED = ("id", "title", "summary", "published", "source", "link", "expected", "tags")
OPTIONAL = ("content",)

SEED_ID = "seed-meta-ai-ambitions"
SEED_EXPECTED = {
    ("Meta Platforms", "executive_hire", "hiring_company"),
    ("Meta Platforms", "investment", "investor"),
    ("Meta Platforms", "acquisition", "acquirer"),
    ("Meta Platforms", "launch_delay", None),
    ("OpenAI", "executive_departure", "losing_company"),
    ("Scale AI", "investment", "recipient"),
    ("Scale AI", "executive_departure", "losing_company"),
    ("Perplexity AI", "acquisition", "target"),
}
SEED_COMPANIES = {c for c, _, _ in SEED_EXPECTED} | {
    "Apple",
    "Samsung",
    "Alphabet",
    "Microsoft",
    "GitHub",
    "Safe Superintelligence",
}


class Problems:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{where}: {message}")


def load_rules(path: Path, problems: Problems) -> dict[str, list[str]]:
    """Return canonical name -> all surface forms (name, aliases, tickers)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        problems.add(str(path), f"cannot read rules: {exc}")
        return {}
    if not isinstance(data, dict) or not isinstance(data.get("companies"), list):
        problems.add(str(path), "top level must be a mapping with a 'companies' list")
        return {}
    allowed = {"name", "aliases", "tickers", "exclude", "ambiguous"}
    names: dict[str, list[str]] = {}
    for i, company in enumerate(data["companies"]):
        where = f"{path.name}: companies[{i}]"
        if not isinstance(company, dict) or not isinstance(company.get("name"), str):
            problems.add(where, "each company needs a string 'name'")
            continue
        extra = set(company) - allowed
        if extra:
            problems.add(where, f"unknown keys {sorted(extra)}")
        name = company["name"].strip()
        if name.casefold() in {n.casefold() for n in names}:
            problems.add(where, f"duplicate company name {name!r}")
        forms = [name]
        for key in ("aliases", "tickers", "exclude"):
            value = company.get(key, [])
            if value is None:
                value = []
            if not isinstance(value, list) or not all(
                isinstance(v, str) and v.strip() for v in value
            ):
                problems.add(where, f"{key!r} must be a list of non-blank strings")
                continue
            if key != "exclude":
                forms.extend(str(v) for v in value)
        names[name] = forms
    watches = data.get("watches")
    if not isinstance(watches, list) or not watches:
        problems.add(path.name, "needs a non-empty 'watches' list")
    else:
        for i, watch in enumerate(watches):
            where = f"{path.name}: watches[{i}]"
            needed = {"name", "companies", "events", "channels"}
            if not isinstance(watch, dict) or not needed <= set(watch):
                problems.add(where, "needs name, companies, events, channels")
                continue
            for company in watch["companies"]:
                if company != "*" and company not in names:
                    problems.add(where, f"unknown company {company!r}")
            for event in watch["events"]:
                if event != "*" and event not in EVENT_ROLES:
                    problems.add(where, f"unknown event type {event!r}")
    return names


def check_item(
    item: object, where: str, companies: dict[str, list[str]], problems: Problems
) -> bool:
    if not isinstance(item, dict):
        problems.add(where, "line is not a JSON object")
        return False
    ok = True
    for key in REQUIRED:
        if key not in item:
            problems.add(where, f"missing field {key!r}")
            ok = False
    extra = set(item) - set(REQUIRED) - set(OPTIONAL)
    if extra:
        problems.add(where, f"unknown fields {sorted(extra)}")
    if not ok:
        return False
    for key in ("id", "title", "summary", "source", "link"):
        if not isinstance(item[key], str):
            problems.add(where, f"{key!r} must be a string")
            ok = False
    if "content" in item and (not isinstance(item["content"], str) or not item["content"].strip()):
        problems.add(where, "'content', when present, must be a non-empty string")
        ok = False
    if not ok:
        return False
    if not item["title"].strip():
        problems.add(where, "empty title")
    if not item["summary"].strip() and not item.get("content", "").strip():
        problems.add(where, "needs a summary or content")
    if not item["link"].startswith("https://"):
        problems.add(where, "link must start with https://")
    published = item["published"]
    try:
        if not isinstance(published, str) or not published.endswith(("Z", "+00:00")):
            raise ValueError("not UTC")
        datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        problems.add(where, f"published {published!r} is not an ISO-8601 UTC timestamp")
    tags = item["tags"]
    if not isinstance(tags, list) or not all(isinstance(t, str) and t for t in tags):
        problems.add(where, "'tags' must be a list of non-empty strings")
    expected = item["expected"]
    if not isinstance(expected, list):
        problems.add(where, "'expected' must be a list")
        return False
    text = "\n".join(item.get(k, "") for k in ("title", "summary", "content")).casefold()
    seen: set[tuple[str, str, str | None]] = set()
    for j, label in enumerate(expected):
        lw = f"{where} expected[{j}]"
        if not isinstance(label, dict) or set(label) != {"company", "event_type", "role"}:
            problems.add(lw, "must be an object with exactly company, event_type, role")
            continue
        company, event_type, role = label["company"], label["event_type"], label["role"]
        if company not in companies:
            problems.add(lw, f"company {company!r} is not a canonical name in rules.yaml")
        elif not any(form.casefold() in text for form in companies[company]):
            problems.add(lw, f"company {company!r} is not mentioned in the item's text")
        if event_type not in EVENT_ROLES:
            problems.add(lw, f"unknown event_type {event_type!r}")
        elif role not in EVENT_ROLES[event_type]:
            problems.add(lw, f"role {role!r} is not valid for {event_type}")
        triple = (company, event_type, role)
        if triple in seen:
            problems.add(lw, f"duplicate label {triple}")
        seen.add(triple)
    tagset = set(tags) if isinstance(tags, list) else set()
    if not expected and "hard_negative" not in tagset:
        problems.add(where, "items with no expected events must be tagged hard_negative")
    if "partial" in tagset and (not expected or "hard_negative" not in tagset):
        problems.add(where, "'partial' is for hard negatives that still carry some labels")
    if "hard_negative" in tagset and expected and "partial" not in tagset:
        problems.add(where, "a hard_negative with labels must also be tagged 'partial'")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=Path(__file__).resolve().parent)
    args = parser.parse_args(argv)
    problems = Problems()
    companies = load_rules(args.dir / "rules.yaml", problems)

    items: list[dict[str, Any]] = []
    ids: dict[str, int] = {}
    path = args.dir / "articles.jsonl"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        print(f"cannot read {path}: {exc}", file=sys.stderr)
        return 1
    for lineno, line in enumerate(lines, 1):
        where = f"articles.jsonl:{lineno}"
        if not line.strip():
            problems.add(where, "blank line")
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.add(where, f"invalid JSON: {exc}")
            continue
        if not check_item(item, where, companies, problems):
            continue
        if item["id"] in ids:
            problems.add(where, f"duplicate id {item['id']!r} (first on line {ids[item['id']]})")
        ids[item["id"]] = lineno
        items.append(item)

    # --- the seed article -------------------------------------------------
    seed = next((i for i in items if i["id"] == SEED_ID), None)
    if seed is None:
        problems.add("articles.jsonl", f"seed item {SEED_ID!r} is missing")
    else:
        got = {(e["company"], e["event_type"], e["role"]) for e in seed["expected"]}
        if got != SEED_EXPECTED:
            problems.add(
                f"item {SEED_ID}",
                f"expected labels differ: missing {sorted(SEED_EXPECTED - got, key=str)}, "
                f"extra {sorted(got - SEED_EXPECTED, key=str)}",
            )
    for name in SEED_COMPANIES:
        if name not in companies:
            problems.add("rules.yaml", f"seed company {name!r} must be watched")

    # --- counts -----------------------------------------------------------
    positives: Counter[str] = Counter()
    labels: Counter[str] = Counter()
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    for item in items:
        types = set()
        for e in item["expected"]:
            labels[e["event_type"]] += 1
            roles[e["event_type"]][str(e["role"])] += 1
            types.add(e["event_type"])
        positives.update(types)
    hard = [i for i in items if "hard_negative" in i["tags"]]
    pure_negatives = [i for i in hard if not i["expected"]]
    tag_counts: Counter[str] = Counter(t for i in hard for t in i["tags"] if t != "hard_negative")
    all_tags: Counter[str] = Counter(t for i in items for t in i["tags"])

    print(f"{'event_type':<22}{'items':>7}{'labels':>8}  roles")
    for event_type in EVENT_ROLES:
        role_text = ", ".join(f"{r}={n}" for r, n in sorted(roles[event_type].items()))
        flag = "" if positives[event_type] >= MIN_POSITIVES_PER_TYPE else "  <-- too few"
        counts = f"{positives[event_type]:>7}{labels[event_type]:>8}"
        print(f"{event_type:<22}{counts}  {role_text}{flag}")
        if positives[event_type] < MIN_POSITIVES_PER_TYPE:
            problems.add(
                "counts",
                f"{event_type} has {positives[event_type]} positive items "
                f"(need >= {MIN_POSITIVES_PER_TYPE})",
            )
    print()
    with_content = sum(1 for i in items if i.get("content"))
    multi_type = sum(1 for i in items if len({e["event_type"] for e in i["expected"]}) > 1)
    no_labels = sum(1 for i in items if not i["expected"])
    print(
        f"items: {len(items)}  (with content: {with_content}; "
        f"multi-type: {multi_type}; no labels: {no_labels})"
    )
    print(
        f"hard negatives: {len(hard)}  (no labels: {len(pure_negatives)}, "
        f"partial: {len(hard) - len(pure_negatives)})"
    )
    print("hard negatives by tag: " + ", ".join(f"{t}={n}" for t, n in tag_counts.most_common()))
    print("all tags: " + ", ".join(f"{t}={n}" for t, n in all_tags.most_common()))
    labelled = Counter(e["company"] for i in items for e in i["expected"])
    unused = sorted(set(companies) - set(labelled))
    print(
        f"companies labelled: {len(labelled)}/{len(companies)}"
        + (f" (never labelled: {', '.join(unused)})" if unused else "")
    )

    if len(items) < MIN_ITEMS:
        problems.add("counts", f"{len(items)} items (need >= {MIN_ITEMS})")
    if len(hard) < MIN_HARD_NEGATIVES:
        problems.add("counts", f"{len(hard)} hard negatives (need >= {MIN_HARD_NEGATIVES})")

    if problems.items:
        print(f"\n{len(problems.items)} problem(s):", file=sys.stderr)
        for p in problems.items:
            print(f"  {p}", file=sys.stderr)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
