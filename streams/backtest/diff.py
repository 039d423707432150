"""The baseline diff: alerts the candidate rules add and remove, each with its evidence.

An alert id is a hash of (watch, channel, event id, kind), so the same alert under both
rules has the same id. When both rules share a detection pass, each article's alerts are
compared as they are routed (nothing is kept but the listed differences); otherwise the
candidate's alerts are kept by id until the baseline's pass has been compared with them.
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import AlertRecord, DiffReport, WatchDelta
from .report import MAX_LISTED, ReportBuilder


class DiffCollector:
    def __init__(self, max_listed: int = MAX_LISTED) -> None:
        self.max_listed = max_listed
        self.added: list[AlertRecord] = []
        self.removed: list[AlertRecord] = []
        self.added_count = 0
        self.removed_count = 0
        self._candidate: dict[str, AlertRecord] | None = None

    def compare(self, candidate: Iterable[AlertRecord], baseline: Iterable[AlertRecord]) -> None:
        """The fresh alerts both rules raised for one article."""
        mine = {a.id: a for a in candidate}
        theirs = {a.id: a for a in baseline}
        self._add([a for i, a in mine.items() if i not in theirs], self.added)
        self.added_count += sum(1 for i in mine if i not in theirs)
        self._add([a for i, a in theirs.items() if i not in mine], self.removed)
        self.removed_count += sum(1 for i in theirs if i not in mine)

    def keep_candidate(self, records: Iterable[AlertRecord]) -> None:
        """Separate passes: remember the candidate's alerts until the baseline's pass."""
        if self._candidate is None:
            self._candidate = {}
        for record in records:
            self._candidate[record.id] = record

    def against_baseline(self, records: Iterable[AlertRecord]) -> None:
        assert self._candidate is not None
        for record in records:
            if self._candidate.pop(record.id, None) is None:
                self.removed_count += 1
                self._add([record], self.removed)

    def finish(self, name: str, baseline: ReportBuilder, candidate: ReportBuilder
               ) -> DiffReport:
        if self._candidate is not None:
            left = sorted(self._candidate.values(), key=_order)
            self.added_count += len(left)
            self._add(left, self.added)
            self._candidate = None
        watches = list(dict.fromkeys([*(w.name for w in candidate.rules.watches),
                                      *(w.name for w in baseline.rules.watches)]))

        def alerts(builder: ReportBuilder, watch: str) -> int:
            counts = builder.by_watch.get(watch)
            return 0 if counts is None else counts["new"] + counts["followup"] + counts["update"]

        return DiffReport(
            baseline=name, baseline_alerts=baseline.alerts, added_count=self.added_count,
            removed_count=self.removed_count, added=sorted(self.added, key=_order),
            removed=sorted(self.removed, key=_order),
            per_watch=[WatchDelta(watch=w, baseline=alerts(baseline, w),
                                  candidate=alerts(candidate, w)) for w in watches])

    def _add(self, records: list[AlertRecord], into: list[AlertRecord]) -> None:
        room = self.max_listed - len(into)
        if room > 0:
            into.extend(records[:room])


def _order(record: AlertRecord) -> tuple[object, ...]:
    return (record.event_time, record.watch, record.channel, record.id)
