"""The article mix the worker benches feed through Kafka: news-like ~3 KB articles, a
rules file watching N invented companies, and a chosen share of articles that raise an
alert (one event sentence about one watched company, each story its own company so the
router does not fold them into one thread).

Shared by bench_worker.py and bench_e2e.py; built on bench_detect's names and filler.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_detect import _FILLER, company_names

from newswatch.schemas.article import Article
from newswatch.schemas.rules import Company

ARTICLE_BYTES = 3000
ALERT_SENTENCE = "{name} said on Tuesday it would cut about 1,200 jobs as demand slowed."
# Mentions without news: the company scan finds them, the event checks turn them down.
MENTION_SENTENCE = "Shares of {name} rose 3% after the company reported higher revenue."


def companies(count: int, seed: int = 7) -> list[Company]:
    return company_names(count, random.Random(seed))


def rules_yaml(watched: list[Company], channels: int = 20) -> str:
    """Every company watched for layoffs, spread over ``channels`` Slack channels."""
    lines = ["companies:"]
    for company in watched:
        lines.append(f"  - name: {company.name}")
        lines.append(f"    aliases: [{company.aliases[0]}]")
    lines.append("watches:")
    for channel in range(channels):
        members = watched[channel::channels]
        names = ", ".join(c.name for c in members)
        lines += [f"  - name: layoffs-{channel}", f"    companies: [{names}]",
                  "    events: [layoffs]", f'    channels: ["#bench-{channel}"]']
    return "\n".join(lines) + "\n"


def body(rng: random.Random) -> str:
    parts: list[str] = []
    while sum(map(len, parts)) < ARTICLE_BYTES:
        start = rng.randrange(len(_FILLER) // 2)
        parts.append(_FILLER[start:] + _FILLER[:start])
    return " ".join(parts)[:ARTICLE_BYTES]


def article(index: int, run: str, watched: list[Company], rng: random.Random, *,
            alert_no: int | None = None, mentioning: bool = False) -> Article:
    """Article ``index``; the ``alert_no``-th alerting one names company ``alert_no mod N``
    in its lead (a new story while there are companies left, then follow-ups)."""
    text = body(rng)
    title = f"Markets update {index}"
    if alert_no is not None:
        name = watched[alert_no % len(watched)].name
        title = f"{name} to cut 1,200 jobs"
        text = ALERT_SENTENCE.format(name=name) + " " + text
    elif mentioning:
        name = rng.choice(watched).aliases[0]
        cut = rng.randrange(500, 2500)
        text = text[:cut] + " " + MENTION_SENTENCE.format(name=name) + " " + text[cut:]
    return Article(id=f"{run}-{index}", title=title, content=text,
                   link=f"https://news.example/{run}/{index}")


def mix(count: int, run: str, watched: list[Company], *, alert_share: float,
        mention_share: float = 0.15, seed: int = 3) -> list[Article]:
    """``count`` articles; ``alert_share`` of them raise an alert (spread evenly)."""
    rng = random.Random(seed)
    every = round(1 / alert_share) if alert_share else 0
    out = []
    for index in range(count):
        alert_no = index // every if every and index % every == 0 else None
        out.append(article(index, run, watched, rng, alert_no=alert_no,
                           mentioning=alert_no is None and rng.random() < mention_share))
    return out
