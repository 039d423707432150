"""Kill -9 the stream worker over and over while articles flow; count what reaches Slack.

    NEWSWATCH_KAFKA_BOOTSTRAP=127.0.0.1:9092 .venv/bin/python bench/killloop_worker.py \
        [--cycles 30] [--rate 25] [--seed 1]

Each cycle starts a worker and SIGKILLs it: every third cycle at a random 0.5-10 s after
the start (during start-up, the group join, table recovery or the seek), the others a
random 0.2-4 s after it said it was ready (mid-stream, with a backlog from the restart).
Every other worker uses static membership (NEWSWATCH_WORKER_INSTANCE_ID), the others
dynamic. Articles arrive at ``--rate`` per
second the whole time, each about its own company. At the end a last worker drains the
backlog, a notifier delivers to the Slack emulator, and the alerts are compared with a
clean run: the same detector and router run in this process over the same articles.
Prints the counts; exits 1 if anything was lost or posted twice.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newswatch.schemas.rules import load_rules  # noqa: E402
from newswatch.streams.routing import CompanyStories  # noqa: E402
from newswatch.streams.rules_holder import RulesInForce  # noqa: E402
from tests.slack_emulator import SlackEmulator  # noqa: E402
from tests.worker_support import WorkerRig, kill, stop  # noqa: E402

BOOTSTRAP = os.environ.get("NEWSWATCH_KAFKA_BOOTSTRAP", "127.0.0.1:9092")


def clean_run(rig: WorkerRig, count: int) -> set[str]:
    """The alert ids an uninterrupted run raises: the worker's code, in this process."""
    rules = RulesInForce.build(load_rules(rig.rules))
    states: dict[str, CompanyStories] = {}
    expected = set()
    for index in range(count):
        for event in rules.detector.detect(rig.article(index)):
            state = states.setdefault(event.company, CompanyStories())
            expected.update(alert.id for alert in rules.router.route(event, state))
    return expected


def kill_loop(rig: WorkerRig, cycles: int, rng: random.Random) -> tuple[list[float], int]:
    """Kill ``cycles`` workers; return the start-to-ready seconds seen and the kills that
    came before the worker was ready."""
    ready_times: list[float] = []
    early = 0
    for cycle in range(cycles):
        static = {"NEWSWATCH_WORKER_INSTANCE_ID": "kill-loop"} if cycle % 2 else {}
        before = rig.ready_count()
        started = time.monotonic()
        worker = rig.start_worker(**static)
        mid_stream = cycle % 3 != 0
        deadline = started + (60.0 if mid_stream else rng.uniform(0.5, 10.0))
        ready_at = None
        while time.monotonic() < deadline:
            if ready_at is None and rig.ready_count() > before:
                ready_at = time.monotonic() - started
                if mid_stream:
                    deadline = time.monotonic() + rng.uniform(0.2, 4.0)
            time.sleep(0.05)
        if ready_at is None:
            early += 1
        else:
            ready_times.append(ready_at)
        kill(worker)
        lifetime = time.monotonic() - started
        print(f"  cycle {cycle + 1:3}/{cycles}: killed after {lifetime:4.1f} s "
              f"({'static' if static else 'dynamic'} membership, "
              f"{'ready' if rig.ready_count() > before else 'not ready yet'})", flush=True)
    return ready_times, early


def deliver(rig: WorkerRig, emulator: SlackEmulator) -> Counter[str]:
    env = rig.env(NEWSWATCH_SLACK_BOT_TOKEN=emulator.token,
                  NEWSWATCH_SLACK_API_URL=emulator.base_url)
    subprocess.run([sys.executable, "-m", "newswatch", "notify", "--until-idle", "3"],
                   cwd=ROOT, env=env, check=True, capture_output=True, timeout=600)
    return Counter(emulator.alert_ids_posted())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=30)
    parser.add_argument("--rate", type=float, default=25.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    count = int(args.cycles * 9 * args.rate)  # about the loop's length at this rate
    with tempfile.TemporaryDirectory(prefix="killloop-") as tmp, \
            WorkerRig(BOOTSTRAP, Path(tmp), companies=count) as rig:
        print(f"== {args.cycles} kill -9 cycles, {count} articles at {args.rate:.0f}/s, "
              f"topics {rig.prefix}, broker {BOOTSTRAP}", flush=True)
        feeder = rig.produce_in_background(range(count), rate=args.rate)
        ready_times, early = kill_loop(rig, args.cycles, rng)
        feeder.join()
        final = rig.start_worker()
        drained = rig.wait_caught_up(600, final)
        stop(final)
        expected = clean_run(rig, count)
        raised = {alert.id for alert in rig.alerts()}
        emulator = SlackEmulator().start()
        try:
            posted = deliver(rig, emulator)
        finally:
            emulator.stop()
        missing, extra = expected - raised, raised - expected
        twice = [alert_id for alert_id, n in posted.items() if n > 1]
        unposted = expected - set(posted)
        print(f"kills: {args.cycles} ({early} before the worker was ready); "
              f"start-to-ready p50 {statistics.median(ready_times or [0]):.1f} s, "
              f"max {max(ready_times or [0]):.1f} s; last worker drained in {drained:.0f} s")
        print(f"clean run: {len(expected)} alerts; killed run: {len(raised)} raised, "
              f"{len(missing)} missing, {len(extra)} unexpected; Slack: {sum(posted.values())} "
              f"posts, {len(unposted)} not posted, {len(twice)} posted twice; dead letters "
              f"{len(rig.dead_letters())}; 'never delivered' errors "
              f"{rig.log().count('never delivered')}")
        bad = missing or extra or twice or unposted
        print("RESULT:", "LOST OR DOUBLED ALERTS" if bad else "nothing lost, nothing doubled")
        return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
