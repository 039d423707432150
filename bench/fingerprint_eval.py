"""How well the article fingerprint tells copies from different articles.

Routing absorbs an article whose fingerprint is at most NEAR_IDENTICAL_BITS from one a
story already has. This measures, on the articles of the evaluation sets, how far apart
distinct articles are (they must stay above the threshold) and how far typical copies
drift (an outlet tail on the headline, a summary cut short, a signature appended,
punctuation), which should stay within it.

    .venv/bin/python bench/fingerprint_eval.py
"""

from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newswatch.schemas.fingerprint import (  # noqa: E402
    NEAR_IDENTICAL_BITS,
    fingerprint_distance,
    text_fingerprint,
)

SETS = ["devset", "realnews", "heldout", "blindset"]
Variant = Callable[[str, str], tuple[str, str]]
VARIANTS: dict[str, Variant] = {
    "headline + ' - Reuters'": lambda t, b: (t + " - Reuters", b),
    "headline upper-cased": lambda t, b: (t.upper(), b),
    "summary cut after 40 words": lambda t, b: (t, " ".join(b.split()[:40]) + " ..."),
    "signature appended": lambda t, b: (t, b + " Reporting by Jane Doe; editing by J. Smith."),
    "commas and quotes changed": lambda t, b: (t, b.replace(",", "").replace("’", "'")),
    "summary cut to two thirds": lambda t, b: (t, " ".join(b.split()[:len(b.split()) * 2 // 3])),
}


def articles() -> Iterator[tuple[str, str]]:
    for name in SETS:
        path = ROOT / "bench" / name / "articles.jsonl"
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                yield item["title"], item.get("summary") or item.get("content") or ""


def share(values: list[int], within: bool) -> str:
    hits = sum(1 for v in values if (v <= NEAR_IDENTICAL_BITS) == within)
    return f"{100 * hits / max(1, len(values)):6.2f}%"


def main() -> int:
    items = list(articles())
    prints = [text_fingerprint(t, b) for t, b in items]
    distinct = [fingerprint_distance(prints[i], prints[j])
                for i, j in itertools.combinations(range(len(items)), 2)
                if items[i][0] != items[j][0]]
    print(f"{len(items)} articles; threshold {NEAR_IDENTICAL_BITS} bits")
    print(f"  distinct pairs        {len(distinct):>9,}  above threshold {share(distinct, False)}"
          f"  (closest {min(distinct)} bits)")
    for name, variant in VARIANTS.items():
        drift = [fingerprint_distance(fp, text_fingerprint(*variant(t, b)))
                 for (t, b), fp in zip(items, prints, strict=True)]
        print(f"  {name:<28} within threshold {share(drift, True)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
