"""How far two blind annotators agree on the third Wikinews batch, and the engine beside them.

`realnews/articles-3-full-labels.jsonl` holds the first annotator's record of the 200
articles of `realnews-test3`; `realnews/articles-3-second-annotator.jsonl` a second
annotator's, made later from the same guide (`realnews/LABELLING.md`) without seeing the
first's labels, the engine or its output. Companies are matched across the two records by
any shared name (case, "&"/"and", "The" and legal suffixes aside) through
`realnews/rules-3.yaml`. Scored on (article, company, event type) of the news events:
each annotator taken as a system against the other, then the engine (at
``--min-confidence``) against the first, the second, both (their intersection) and either
(their union).

    python bench/realnews_agreement.py [--min-confidence 0.5] [--list]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import evaluate
from newswatch.schemas.rules import load_rules
from newswatch.streams.detection import Detector

HERE = Path(__file__).resolve().parent / "realnews"
Label = tuple[str, str, str]  # (article id, company, event type)
_SUFFIX = re.compile(r"\s+(?:inc|corp|corporation|ltd|plc|llc|group|co|company|limited|"
                     r"holdings|ag|sa|nv)$")


def norm(name: str) -> str:
    name = name.lower().replace("&", "and")
    name = re.sub(r"^the\s+", "", name)
    name = re.sub(r"[^a-z0-9]+", " ", name).strip()
    return _SUFFIX.sub("", name)


def name_index() -> dict[str, str]:
    """Every name, alias and ticker of ``rules-3.yaml`` (normalised) -> the company's name."""
    index: dict[str, str] = {}
    for company in yaml.safe_load((HERE / "rules-3.yaml").read_text("utf-8"))["companies"]:
        for name in (company["name"], *(company.get("aliases") or []),
                     *(company.get("tickers") or [])):
            index.setdefault(norm(name), company["name"])
    return index


def labels(path: Path, index: dict[str, str]) -> tuple[list[str], set[Label], set[Label]]:
    """The ids in order, and the news and background labels of one annotator's record."""
    ids: list[str] = []
    news: set[Label] = set()
    background: set[Label] = set()
    for line in path.read_text("utf-8").splitlines():
        record = json.loads(line)
        ids.append(record["id"])
        canonical = {}
        for company in record["companies"]:
            names = [company["name"], *(company.get("aliases") or [])]
            canonical[company["name"]] = next((index[norm(n)] for n in names
                                               if norm(n) in index), "?" + company["name"])
        for event in record["events"]:
            label = (record["id"], canonical.get(event["company"], "?" + event["company"]),
                     event["event_type"])
            (news if event["status"] == "news" else background).add(label)
    return ids, news, background


def engine_events(min_confidence: float) -> set[Label]:
    labelled = next(s for s in evaluate.SETS if s.name == "realnews-test3")
    detector = Detector(load_rules(evaluate.BENCH / labelled.rules))
    return {(article.id, event.company, str(event.event_type))
            for article, _raw, _where in evaluate.items(labelled)
            for event in detector.detect(article) if event.confidence >= min_confidence}


def score(name: str, got: set[Label], reference: set[Label]) -> None:
    hits = len(got & reference)
    precision = hits / len(got) if got else 0.0
    recall = hits / len(reference) if reference else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"{name:44s} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  "
          f"({hits} agreed of {len(got)} raised, {len(reference)} in the reference)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--min-confidence", type=float, default=0.5)
    parser.add_argument("--list", action="store_true", help="print the labels in dispute")
    args = parser.parse_args()
    index = name_index()
    ids_a, news_a, back_a = labels(HERE / "articles-3-full-labels.jsonl", index)
    ids_b, news_b, back_b = labels(HERE / "articles-3-second-annotator.jsonl", index)
    if ids_a != ids_b:
        raise SystemExit("the two records do not hold the same articles in the same order")
    print(f"--- realnews-test3: {len(ids_a)} articles; news labels: first annotator "
          f"{len(news_a)}, second {len(news_b)}")
    score("second annotator, scored on the first", news_b, news_a)
    score("first annotator, scored on the second", news_a, news_b)
    print(f"news for one annotator, background for the other: {len(news_b & back_a)} + "
          f"{len(news_a & back_b)}")
    found = engine_events(args.min_confidence)
    score("engine, scored on the first annotator", found, news_a)
    score("engine, scored on the second annotator", found, news_b)
    score("engine, scored on both (intersection)", found, news_a & news_b)
    score("engine, scored on either (union)", found, news_a | news_b)
    if args.list:
        for title, rows in (("first only", news_a - news_b), ("second only", news_b - news_a)):
            print(f"\n{title}:")
            for row in sorted(rows):
                print("  ", *row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
