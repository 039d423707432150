"""Mutation check of the routing tests: each mutation below must make a test fail.

Each mutation is a one-line change a refactoring could plausibly make (a boundary moved
by one step, a field left out of story matching, a default changed). The script applies
it to the source, runs the pure routing tests, and puts the source back, whatever
happens. A mutation the tests do not notice is a gap in them.

    .venv/bin/python tools/mutate_routing.py            # all mutations
    .venv/bin/python tools/mutate_routing.py window     # those whose name contains 'window'
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = ["tests/test_routing.py", "tests/test_routing_pacing.py", "tests/test_routing_rules.py"]


@dataclass(frozen=True)
class Mutation:
    name: str
    path: str
    old: str
    new: str


MUTATIONS = [
    Mutation("story matching ignores the person", "streams/routing/stories.py",
             "        if not _compatible(story.person, event.person):\n            continue\n",
             ""),
    Mutation("story matching ignores the role", "streams/routing/stories.py",
             "        if story.role != event.role:\n            continue\n", ""),
    Mutation("story matching ignores the counterparty", "streams/routing/stories.py",
             "        if not _compatible(story.counterparty, event.counterparty):\n"
             "            continue\n", ""),
    Mutation("window boundary > becomes >=", "streams/routing/stories.py",
             "if abs(event.event_time - story.last_seen) > window:",
             "if abs(event.event_time - story.last_seen) >= window:"),
    Mutation("window measured from first_seen", "streams/routing/stories.py",
             "if abs(event.event_time - story.last_seen) > window:",
             "if abs(event.event_time - story.first_seen) > window:"),
    Mutation("min_confidence >= becomes >", "streams/routing/stories.py",
             "elif event.confidence < watch.min_confidence:",
             "elif event.confidence <= watch.min_confidence:"),
    Mutation("default reply cap 3 becomes 4", "schemas/rules.py",
             "DEFAULT_MAX_REPLIES = 3", "DEFAULT_MAX_REPLIES = 4"),
    Mutation("default reply cap 3 becomes 2", "schemas/rules.py",
             "DEFAULT_MAX_REPLIES = 3", "DEFAULT_MAX_REPLIES = 2"),
    Mutation("stage updates do not count toward the cap", "streams/routing/stories.py",
             "        if story.replies < max_replies:\n            story.replies += 1\n"
             "            return \"update\"",
             "        if story.replies < max_replies:\n            return \"update\""),
    Mutation("no edit once the thread is full", "streams/routing/stories.py",
             "        return \"edit\"  #", "        return None  #"),
    Mutation("the same article from another feed is not absorbed",
             "streams/routing/stories.py",
             "    if _same_article(story, event):\n        return None",
             "    if False:\n        return None"),
    Mutation("near-identical threshold off by one", "schemas/fingerprint.py",
             "return fingerprint_distance(a, b) <= NEAR_IDENTICAL_BITS",
             "return fingerprint_distance(a, b) < NEAR_IDENTICAL_BITS"),
    Mutation("default realert window 72h becomes 48h", "schemas/rules.py",
             "DEFAULT_REALERT_WINDOW = timedelta(hours=72)",
             "DEFAULT_REALERT_WINDOW = timedelta(hours=48)"),
    Mutation("budget needs more than one token", "streams/routing/budget.py",
             "if tokens < 1.0 - 1e-9:", "if tokens <= 1.0:"),
    Mutation("hourly cap counts a closed hour", "streams/routing/budget.py",
             "if now - t < HOUR]", "if now - t <= HOUR]"),
    Mutation("digest due strictly after its slot", "streams/routing/pacing.py",
             "e.due <= tick.now]", "e.due < tick.now]"),
    Mutation("schedule slot at the moment itself", "schemas/schedules.py",
             "                if slot > moment:", "                if slot >= moment:"),
    Mutation("quiet hours include their end", "schemas/schedules.py",
             "span[0] <= moment < span[1]", "span[0] <= moment <= span[1]"),
    Mutation("a late article may make a second digest", "streams/routing/pacing.py",
             "due = schedule.next_after(max(now, state.last_flush or now))",
             "due = schedule.next_after(now)"),
    Mutation("replies spend the budget", "streams/routing/pacing.py",
             "if alert.kind == \"new\" and policy is not None",
             "if policy is not None"),
]


def run_tests() -> bool:
    """True if the tests pass."""
    # No bytecode written: a mutant's .pyc with the original's size and mtime second could
    # otherwise outlive the mutation.
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p",
                             "no:cacheprovider", *TESTS], cwd=ROOT, capture_output=True, env=env)
    return result.returncode == 0


def main(argv: list[str]) -> int:
    chosen = [m for m in MUTATIONS if not argv or any(a in m.name for a in argv)]
    if not run_tests():
        print("the tests fail without any mutation: fix them first")
        return 2
    survivors = []
    for mutation in chosen:
        path = ROOT / mutation.path
        original = path.read_text(encoding="utf-8")
        if original.count(mutation.old) != 1:
            print(f"?  {mutation.name}: the code it mutates has changed; update the script")
            survivors.append(mutation.name)
            continue
        try:
            path.write_text(original.replace(mutation.old, mutation.new), encoding="utf-8")
            caught = not run_tests()
        finally:
            path.write_text(original, encoding="utf-8")
        print(f"{'ok' if caught else 'MISSED'}  {mutation.name}")
        if not caught:
            survivors.append(mutation.name)
    print(f"{len(chosen) - len(survivors)} of {len(chosen)} mutations caught")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
