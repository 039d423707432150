"""How long a `newswatch` command takes before it does anything, beside `python -c pass`.

    python bench/bench_cli_startup.py [--runs 15]

Each command runs ``--runs`` times in a fresh interpreter (the same Python as this
script); the table shows the median and the fastest run in seconds, and the cost over the
bare interpreter measured in the same run. Prints figures; asserts nothing. Target: the
light commands (``--help``, ``rules check``) well under 0.5 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "samples" / "rules.yaml"

COMMANDS: list[tuple[str, list[str]]] = [
    ("python -c pass (yardstick)", ["-c", "pass"]),
    ("python -c 'import pydantic' (yardstick)", ["-c", "import pydantic"]),
    ("newswatch --help", ["-m", "newswatch", "--help"]),
    ("newswatch rules check samples/rules.yaml", ["-m", "newswatch", "rules", "check",
                                                   str(RULES)]),
    ("newswatch dlq replay --help", ["-m", "newswatch", "dlq", "replay", "--help"]),
    ("newswatch schema article", ["-m", "newswatch", "schema", "article"]),
    ("python -c 'import faust' (what the worker needs)", ["-c", "import faust"]),
]


def timed(argv: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, *argv], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    for _, argv in COMMANDS:
        timed(argv)  # warm the file cache and .pyc files
    results = []
    for label, argv in COMMANDS:
        runs = [timed(argv) for _ in range(args.runs)]
        results.append((label, statistics.median(runs), min(runs)))
    bare = results[0][1]
    print(f"{'command':50} {'median s':>9} {'fastest s':>10} {'over bare':>10}")
    for label, median, fastest in results:
        print(f"{label:50} {median:9.3f} {fastest:10.3f} {median - bare:10.3f}")


if __name__ == "__main__":
    main()
