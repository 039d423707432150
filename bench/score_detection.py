"""Score the detector against a labelled JSONL (bench/devset/articles.jsonl by default).

Counts (article, company, event_type) triples — or, with ``--roles``, quadruples
including the role — and prints precision/recall/F1 per event type, micro and
macro averages, and with ``--errors`` every false positive and false negative.

Hold-out: items whose numeric id is even are for tuning; report figures on the
odd ones (``--split odd``) and on all of them. Items without a number in their
id count as even.

    python bench/score_detection.py --split odd
    python bench/score_detection.py --split even --errors
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newswatch.schemas.event import EVENT_TYPES
from newswatch.schemas.rules import load_rules
from newswatch.streams.detection import Detector
from newswatch.streams.detection.offline import BadLine, read_articles

DEVSET = Path(__file__).resolve().parent / "devset"
Key = tuple[str, str, str, str | None]  # article, company, event type, role


def in_split(article_id: str, split: str) -> bool:
    if split == "all":
        return True
    digits = re.findall(r"\d+", article_id)
    parity = "odd" if digits and int(digits[-1]) % 2 else "even"
    return parity == split


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--input", type=Path, default=DEVSET / "articles.jsonl")
    parser.add_argument("--rules", type=Path, default=DEVSET / "rules.yaml")
    parser.add_argument("--split", choices=["even", "odd", "all"], default="all")
    parser.add_argument("--roles", action="store_true", help="score the role too")
    parser.add_argument("--errors", action="store_true", help="list false positives/negatives")
    parser.add_argument("--min-confidence", type=float, default=0.0)
    args = parser.parse_args(argv)

    detector = Detector(load_rules(args.rules))
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
    errors: list[str] = []
    items = 0
    elapsed = 0.0
    for number, article, raw in read_articles(args.input):
        if isinstance(article, BadLine):
            print(f"{article.location}: skipped: {article.message}", file=sys.stderr)
            continue
        if not in_split(article.id, args.split):
            continue
        items += 1
        started = time.perf_counter()
        found = [e for e in detector.detect(article) if e.confidence >= args.min_confidence]
        elapsed += time.perf_counter() - started
        role = (lambda r: r) if args.roles else (lambda r: None)
        predicted: dict[Key, str] = {}
        for event in found:
            key: Key = (article.id, event.company, str(event.event_type), role(event.role))
            predicted.setdefault(key, f"{event.triggers} | {event.evidence[0][:140]}")
        expected = {(article.id, e["company"], e["event_type"], role(e.get("role")))
                    for e in raw.get("expected", [])}
        for key in predicted.keys() | expected:
            slot = counts[key[2]]
            if key in predicted and key in expected:
                slot[0] += 1
            elif key in predicted:
                slot[1] += 1
                errors.append(f"FP line {number} {key[0]} {key[1]} {key[2]} {key[3] or ''}"
                              f"\n     {article.title}\n     {predicted[key]}")
            else:
                slot[2] += 1
                errors.append(f"FN line {number} {key[0]} {key[1]} {key[2]} {key[3] or ''}"
                              f"\n     {article.title}")
    print(f"split={args.split} items={items} roles={'yes' if args.roles else 'no'}")
    print(f"{'event_type':22} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'rec':>6} {'f1':>6}")
    totals = [0, 0, 0]
    f1s = []
    for event_type in EVENT_TYPES:
        tp, fp, fn = counts[event_type]
        totals = [totals[0] + tp, totals[1] + fp, totals[2] + fn]
        p, r, f = prf(tp, fp, fn)
        f1s.append(f)
        print(f"{event_type:22} {tp:4} {fp:4} {fn:4} {p:6.3f} {r:6.3f} {f:6.3f}")
    p, r, f = prf(*totals)
    print(f"{'micro':22} {totals[0]:4} {totals[1]:4} {totals[2]:4} {p:6.3f} {r:6.3f} {f:6.3f}")
    print(f"{'macro F1':22} {sum(f1s) / len(f1s):27.3f}")
    if items:
        print(f"detect time: {elapsed * 1000 / items:.3f} ms/article")
    if args.errors:
        print("\n".join(["", "errors:", *sorted(errors)]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
