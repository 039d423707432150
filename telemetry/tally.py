"""Counts for the log summaries a service writes every minute.

Prometheus counters answer "how many since start" for machines; an operator reading the
log wants "how many in the last minute". ``Tally`` keeps plain counts per name and hands
out the change since the previous summary, thread-safe.
"""

from __future__ import annotations

import threading
from collections import Counter


class Tally:
    def __init__(self) -> None:
        self._totals: Counter[str] = Counter()
        self._reported: Counter[str] = Counter()
        self._lock = threading.Lock()

    def add(self, name: str, amount: int = 1) -> None:
        with self._lock:
            self._totals[name] += amount

    def total(self, name: str) -> int:
        with self._lock:
            return self._totals[name]

    def since_last(self) -> tuple[dict[str, int], dict[str, int]]:
        """(counts since the previous call, totals since start)."""
        with self._lock:
            totals = dict(self._totals)
            delta = {k: v - self._reported[k] for k, v in totals.items()}
            self._reported = Counter(totals)
        return delta, totals
