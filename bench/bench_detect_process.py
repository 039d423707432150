"""The whole ``newswatch detect`` process, start to finish, beside a regex yardstick.

What a user runs offline: a fresh process that imports newswatch, loads a rules file of
1,000 companies, reads a JSONL file of 30,000 synthetic ~3 KB articles (about a quarter
naming a watched company, some in event sentences) and writes the events. Timed from
outside, wall clock, so start-up, imports, YAML loading, JSON decoding, validation and
output all count. In the same run, the yardstick: a fresh Python process that reads the
same file, decodes each line and scans title and body with one compiled regex alternation
of every company name (no detection at all). Also shown: the cost of starting the CLI and
of loading the rules file, measured alone.

    python bench/bench_detect_process.py [--articles 30000] [--companies 1000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_detect import articles, company_names

_YARDSTICK = r"""
import json, re, sys
names = json.load(open(sys.argv[1]))
pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
                     + r")\b")
hits = 0
with open(sys.argv[2], encoding="utf-8") as handle:
    for line in handle:
        obj = json.loads(line)
        hits += sum(1 for _ in pattern.finditer(obj.get("title", "") + "\n"
                                                + obj.get("content", "")))
print(hits)
"""


def write_inputs(folder: Path, n_companies: int, n_articles: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    companies = company_names(n_companies, rng)
    docs = articles(n_articles, companies, rng)
    # A quarter name a company: bench_detect's generator puts events in ~20%; add passing
    # mentions to another ~5% so the scan has more than event sentences to look at.
    lines = []
    for doc in docs:
        content = doc.content
        if rng.random() < 0.06:
            content += f" Analysts compared the figures with {rng.choice(companies).name}'s."
        lines.append(json.dumps({"id": doc.id, "title": doc.title, "content": content,
                                 "published": "2026-03-02T09:00:00Z"}))
    (folder / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    rules = ["companies:"]
    for company in companies:
        rules.append(f"  - name: {json.dumps(company.name)}")
        rules.append(f"    aliases: [{json.dumps(company.aliases[0])}]")
        rules.append(f"    tickers: [{company.tickers[0]}]")
    rules += ["watches:", "  - name: everything", "    companies: ['*']", "    events: ['*']",
              "    channels: ['#intel']"]
    (folder / "rules.yaml").write_text("\n".join(rules) + "\n", encoding="utf-8")
    names = sorted({n for c in companies for n in (c.name, *c.aliases)})
    (folder / "names.json").write_text(json.dumps(names), encoding="utf-8")
    return names


def timed(argv: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv[:3])} failed: {done.stderr.strip()[-400:]}")
    return seconds, done.stdout + done.stderr


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=30_000)
    parser.add_argument("--companies", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the best counts")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)),
                        help="processes for the second detect run (default: the CPUs)")
    args = parser.parse_args()
    cli = str(Path(sys.executable).with_name("newswatch"))
    with tempfile.TemporaryDirectory(prefix="bench-detect-") as tmp:
        folder = Path(tmp)
        write_inputs(folder, args.companies, args.articles, args.seed)
        size = (folder / "articles.jsonl").stat().st_size
        detect = [cli, "detect", "--rules", str(folder / "rules.yaml"),
                  "--input", str(folder / "articles.jsonl"),
                  "--output", str(folder / "events.jsonl"), "--jobs", "1"]
        detect_all = [*detect[:-1], str(args.jobs)]
        yardstick = [sys.executable, "-c", _YARDSTICK, str(folder / "names.json"),
                     str(folder / "articles.jsonl")]
        startup = [cli, "--help"]
        rules_only = [cli, "rules", "check", str(folder / "rules.yaml")]
        best: dict[str, float] = {}
        for _ in range(args.repeat):
            for name, argv in (("detect", detect), ("detect_all", detect_all),
                               ("regex", yardstick),
                               ("startup", startup), ("rules", rules_only)):
                seconds, _out = timed(argv)
                best[name] = min(best.get(name, seconds), seconds)
        events = sum(1 for _ in (folder / "events.jsonl").open(encoding="utf-8"))
    n = args.articles
    print(f"--- {n:,} articles ({size / n / 1024:.1f} KB each on average), "
          f"{args.companies:,} companies; best of {args.repeat} runs, wall clock")
    print(f"newswatch detect --jobs 1:       {best['detect']:6.2f} s = "
          f"{n / best['detect']:8,.0f} articles/s  ({events} events)")
    print(f"newswatch detect --jobs {args.jobs}:       {best['detect_all']:6.2f} s = "
          f"{n / best['detect_all']:8,.0f} articles/s  (the same events, in order)")
    print(f"regex alternation scan process:  {best['regex']:6.2f} s = "
          f"{n / best['regex']:8,.0f} articles/s  (yardstick: no detection)")
    print(f"regex time / detect time: {best['regex'] / best['detect']:.1f}x (--jobs 1), "
          f"{best['regex'] / best['detect_all']:.1f}x (--jobs {args.jobs})")
    print(f"of which: CLI start-up (newswatch --help) {best['startup']:.2f} s; "
          f"start-up + rules load (rules check) {best['rules']:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
