"""Throughput and memory of the detector on a synthetic but realistic article mix.

For 1,000 and 10,000 watched companies (synthetic names with aliases and tickers),
3 KB articles of news-like prose, about 20% of which name a watched company in
event sentences. Prints, from the same run:

- full detection (Detector.detect) articles/s on one core,
- the company scan alone (one Aho-Corasick pass) articles/s,
- a plain regex-alternation matcher over the same names and input, and the ratio,
- peak memory (tracemalloc while building, and the process's ru_maxrss),
- adversarial articles (one trigger thousands of times, no sentence breaks, fields at
  their caps) against a 50 ms budget, beside a typical article's time.

    python bench/bench_detect.py [--articles 4000] [--companies 1000 10000]
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newswatch.schemas.article import Article
from newswatch.schemas.rules import Company, RulesFile
from newswatch.streams.detection import Detector
from newswatch.streams.detection.lexicon import words

_SYLLABLES = sorted(words(
    "ar bel cor dan el fin gar hel ix jor kal lum mar nor or pel quin ros sol tor ul vex wyn "
    "xen yor zan bri cla dro fen gri hal kes lin mor nex pra quo ser tav vin"
))
_SUFFIXES = sorted(words(
    "Labs Systems Robotics Dynamics Health Energy Logistics Payments Software Bio Networks "
    "Capital Foods Motors Analytics Aerospace Semiconductors Media"
))
_FILLER = (
    "the market was quiet on Tuesday as investors weighed fresh data on inflation and jobs. "
    "Officials in Brussels said the new rules would take effect next year, while critics "
    "argued they would raise costs for small businesses. In London, shares of retailers rose "
    "after a survey showed consumer confidence improving for a third month. Analysts at "
    "several banks said they expected rates to stay on hold until the summer. The weather "
    "delayed flights across the region, and the airport said it would add staff. A local "
    "council approved plans for a new stadium near the river, drawing cheers from fans. "
    "Meanwhile, a report from the statistics office showed that factory output fell slightly "
    "in the quarter, the first decline since spring. Economists said the figures were in line "
    "with forecasts and did not change the outlook. "
)
_EVENTS = (
    "{a} agreed to acquire {b} for $2.1 billion, the companies said on Monday.",
    "{a} named Maria Lopez as chief financial officer, effective next month.",
    "{a} said it would cut about 1,200 jobs as demand slowed.",
    "{b} raised $300 million in a round led by {a}.",
    "{a} unveiled a new line of industrial sensors at a trade fair in Hanover.",
    "{a} postponed the launch of its flagship battery until next year.",
    "{a} and {b} announced a partnership to build charging stations.",
    "{b} sued {a} over a patent on cooling systems, according to a court filing.",
    "Shares of {a} rose 3% after the company reported higher quarterly revenue.",
)


def company_names(count: int, rng: random.Random) -> list[Company]:
    seen: set[str] = set()
    companies: list[Company] = []
    while len(companies) < count:
        stem = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        name = f"{stem} {rng.choice(_SUFFIXES)}"
        if stem in seen:
            continue
        seen.add(stem)
        ticker = stem[:4].upper()
        companies.append(Company(name=name, aliases=[stem], tickers=[ticker]))
    return companies


def articles(count: int, companies: list[Company], rng: random.Random) -> list[Article]:
    out: list[Article] = []
    for index in range(count):
        parts: list[str] = []
        while sum(map(len, parts)) < 3000:
            start = rng.randrange(len(_FILLER) // 2)
            parts.append(_FILLER[start:] + _FILLER[:start])
        body = " ".join(parts)[:3000]
        if rng.random() < 0.2:
            a, b = rng.sample(companies, 2)
            events = " ".join(rng.choice(_EVENTS).format(a=a.aliases[0], b=b.name)
                              for _ in range(2))
            cut = rng.randrange(500, 2500)
            body = body[:cut] + " " + events + " " + body[cut:]
        out.append(Article(id=f"a{index}", title=f"Markets update {index}", content=body))
    return out


class RegexMatcher:
    """The baseline: one alternation of every name, compiled by ``re``."""

    def __init__(self, companies: list[Company]) -> None:
        names = sorted({n for c in companies for n in (c.name, *c.aliases)}, key=len,
                       reverse=True)
        self.pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")

    def scan(self, text: str) -> int:
        return sum(1 for _ in self.pattern.finditer(text))


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:10,.0f} articles/s"


def run(n_companies: int, n_articles: int, seed: int) -> None:
    rng = random.Random(seed)
    companies = company_names(n_companies, rng)
    docs = articles(n_articles, companies, rng)
    texts = [d.text for d in docs]
    tracemalloc.start()
    built = time.perf_counter()
    detector = Detector(RulesFile(companies=companies))
    build_s = time.perf_counter() - built
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    detector.detect(docs[0])  # warm-up: regex caches

    started = time.perf_counter()
    events = sum(len(detector.detect(d)) for d in docs)
    full = time.perf_counter() - started

    started = time.perf_counter()
    hits = sum(len(detector.matcher.scan(t)) for t in texts)
    scan = time.perf_counter() - started

    baseline = RegexMatcher(companies)
    sample = texts[: max(200, n_articles // 10)] if n_companies > 2000 else texts
    started = time.perf_counter()
    base_hits = sum(baseline.scan(t) for t in sample)
    base = (time.perf_counter() - started) * len(texts) / len(sample)

    mentioning = sum(1 for t in texts if detector.matcher.scan(t))
    print(f"--- {n_companies:,} companies, {n_articles:,} articles of ~3 KB, "
          f"{mentioning / len(texts):.0%} naming a watched company")
    print(f"build (automaton + triggers): {build_s:6.2f} s, tracemalloc peak "
          f"{peak / 2**20:6.1f} MiB")
    print(f"full detection:   {rate(len(docs), full)}  ({events} events)")
    print(f"company scan:     {rate(len(texts), scan)}  ({hits} mentions)")
    print(f"regex baseline:   {rate(len(texts), base)}  ({base_hits} hits on "
          f"{len(sample)} articles)")
    print(f"scan speed-up vs regex alternation: {base / scan:6.1f}x; "
          f"full detection vs regex scan alone: {base / full:6.1f}x")


ADVERSARIAL_BUDGET_MS = 50.0


def adversarial_cases() -> dict[str, Article]:
    """Texts built to make a careless matcher quadratic, each at the size the Article
    model lets through (title 2,000, summary 20,000, content 200,000 characters)."""
    big = 200_000

    def article(title: str, content: str, summary: str = "") -> Article:
        return Article(id="adv", title=title[:2_000], summary=summary[:20_000],
                       content=content[:big])

    return {
        "one trigger 5,500 times": article("Meta Platforms acquires", "acquires " * 22_000),
        "no sentence breaks": article("Meta news", (
            "Meta Platforms said it would cut jobs and acquire startups while Apple launched "
            "phones and ") * 2_300),
        "200 KB of one word": article("Meta Platforms agreed to buy Scale AI", "word " * 40_000),
        "a mention every 24 chars": article("Meta news", "Meta hired Apple's CEO. " * 8_300),
        "one 200 KB token": article("Meta news", "Meta " + "x" * (big - 5)),
        # one sentence listing common-word names: each asks whether the sentence is Title Case
        "common-word name list": article("List", ", ".join(
            ["Apple", "Shell", "Target", "Block", "Snap"] * 7_000)[:big - 30]
            + " and OpenAI are named."),
        "every field at its cap": article("Meta Platforms acquires Scale AI " * 60,
                                          "Meta acquires Scale AI; " * 8_300,
                                          "Meta to buy OpenAI. " * 1_000),
    }


def run_adversarial(n_companies: int, seed: int) -> None:
    rng = random.Random(seed)
    companies = company_names(n_companies, rng)
    companies += [Company(name="Meta Platforms", aliases=["Meta"]), Company(name="Scale AI"),
                  Company(name="Apple"), Company(name="OpenAI")]
    common_words = [Company(name=name) for name in ("Shell", "Target", "Block", "Snap")]
    detector = Detector(RulesFile(companies=companies + common_words))
    normal = articles(200, companies, rng)
    detector.detect(normal[0])
    started = time.perf_counter()
    for doc in normal:
        detector.detect(doc)
    typical = (time.perf_counter() - started) * 1000 / len(normal)
    print(f"--- adversarial inputs, {n_companies:,} companies (budget "
          f"{ADVERSARIAL_BUDGET_MS:.0f} ms an article; a typical 3 KB article: "
          f"{typical:.2f} ms)")
    worst = 0.0
    for name, doc in adversarial_cases().items():
        timings = []
        for _ in range(3):
            started = time.perf_counter()
            detector.detect(doc)
            timings.append((time.perf_counter() - started) * 1000)
        best = min(timings)
        worst = max(worst, best)
        size = len(doc.title) + len(doc.summary) + len(doc.content)
        print(f"{name:26} {size / 1000:7.0f} KB {best:8.1f} ms  "
              f"{'ok' if best < ADVERSARIAL_BUDGET_MS else 'OVER BUDGET'}")
    print(f"slowest adversarial article: {worst:.1f} ms ({worst / typical:.0f}x a typical one)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--companies", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    for n in args.companies:
        run(n, args.articles, args.seed)
    run_adversarial(args.companies[0], args.seed)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"process peak RSS (ru_maxrss): {rss / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
