"""How long `newswatch demo` takes on a warm machine, beside the worker's own start.

    NEWSWATCH_KAFKA_BOOTSTRAP=127.0.0.1:9092 python bench/bench_demo.py [--runs 3]

The broker must already run (`newswatch kafka up`): a cold broker start is not part of a
warm demo. Yardstick, measured in the same run: a bare `newswatch worker` from launch
until its /readyz answers 200 (Faust started, group joined), which the demo cannot beat.
Prints figures; asserts nothing. The README claims about 15 s.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def demo_seconds(home: Path) -> float:
    env = {**os.environ, "NEWSWATCH_HOME": str(home)}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "newswatch", "demo"], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def worker_ready_seconds(home: Path) -> float:
    prefix = f"bench{uuid.uuid4().hex[:8]}"
    port = free_port()
    env = {**os.environ, "NEWSWATCH_HOME": str(home), "NEWSWATCH_TOPIC_PREFIX": prefix,
           "NEWSWATCH_CONSUMER_GROUP": prefix, "NEWSWATCH_METRICS_PORT": str(port),
           "NEWSWATCH_RULES": str(ROOT / "samples" / "rules.yaml")}
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "newswatch", "worker"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=1):
                    return time.perf_counter() - started
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if proc.poll() is not None:
                    raise SystemExit("the worker exited before it was ready") from None
                time.sleep(0.05)
    finally:
        proc.terminate()
        proc.wait(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        demo_seconds(home)  # warm caches and .pyc files
        demos = [demo_seconds(home) for _ in range(args.runs)]
        readies = [worker_ready_seconds(home) for _ in range(args.runs)]
    print(f"{'what':48} {'median s':>9} {'fastest s':>10}")
    print(f"{'newswatch demo, start to exit (warm)':48} {statistics.median(demos):9.2f} "
          f"{min(demos):10.2f}")
    print(f"{'yardstick: newswatch worker, start to /readyz':48} "
          f"{statistics.median(readies):9.2f} {min(readies):10.2f}")


if __name__ == "__main__":
    main()
