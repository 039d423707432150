"""Score counter-cases: short articles written blind in the shapes of new reading rules.

Each line of a cases file holds a title, an optional body, the events a careful reader
expects and the tempting wrong readings the case is about (``not_expected``). Printed: how
many expected events are found, and how many wrong ones are raised (listed or other), in all
and per rule, at a watch's default ``min_confidence`` (0.5).

    python bench/score_counter.py bench/counter/cases-rules-2026-12-01.jsonl [--misses]
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newswatch.schemas.article import Article
from newswatch.schemas.rules import load_rules
from newswatch.streams.detection import Detector

RULES = Path(__file__).resolve().parent / "devset" / "rules.yaml"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cases")
    parser.add_argument("--misses", action="store_true", help="list every case that differs")
    parser.add_argument("--rules", type=Path, default=RULES,
                        help="the watch list the cases were written for (default: the devset's)")
    args = parser.parse_args()
    detector = Detector(load_rules(args.rules))
    total: collections.Counter[str] = collections.Counter()
    by_rule: dict[int, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for line in Path(args.cases).read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        article = Article(id=case["id"], title=case["title"], content=case.get("content") or "",
                          published=datetime.fromisoformat(case["published"]))
        got = {(e.company, str(e.event_type)) for e in detector.detect(article)
               if e.confidence >= 0.5}
        expected = {(e["company"], e["event_type"]) for e in case.get("expected", [])}
        listed = {(e["company"], e["event_type"]) for e in case.get("not_expected", [])}
        counts = {"expected": len(expected), "found": len(expected & got),
                  "wrong (listed)": len(listed & got),
                  "wrong (other)": len(got - expected - listed)}
        for key, value in counts.items():
            total[key] += value
            by_rule[case.get("rule", 0)][key] += value
        if args.misses and (expected - got or got - expected):
            print(f"{case['id']} rule {case.get('rule', 0)}: missed {sorted(expected - got)}, "
                  f"wrong {sorted(got - expected)} | {case['title']}")
    print("all:", ", ".join(f"{k} {v}" for k, v in total.items()))
    for rule in sorted(by_rule):
        print(f"rule {rule}:", ", ".join(f"{k} {v}" for k, v in by_rule[rule].items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
