"""Prefilters that skip a chain of searches: they must never skip one that could match."""

from __future__ import annotations

import json
import re
from pathlib import Path

from newswatch.streams.detection import cues

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _real_windows(limit: int = 150_000) -> list[str]:
    """The 70 characters after every word of the labelled articles (the window read after
    a trigger), and a few written to reach each pattern."""
    windows = ["in the spring of 2019", "last summer", "two years ago", "over the past decade",
               "its most recent funding round", "the year before", "earlier this year",
               "in 1998", "IN THE ſPRING", "the previous year", "LAST WINTER", "since 2020"]
    for path in sorted(BENCH.glob("*/articles.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                item = json.loads(line)
                text = "\n".join(str(item.get(key) or "")
                                  for key in ("title", "summary", "content"))
            except (ValueError, AttributeError):
                continue
            windows += [text[m.start():m.start() + 70] for m in re.finditer(r"\s", text)]
            if len(windows) >= limit:
                return windows
    return windows


def _dated_by_searches(window: str) -> bool:
    """Whether any search of the window after a trigger (as ``cues._history`` runs them)
    finds something."""
    return any(p.search(window) is not None for p in (
        cues._YEAR_AFTER, cues._AGO, cues._PAST_PERIOD, cues._LAST_SEASON, cues._IN_SEASON))


def test_a_window_without_a_date_stem_has_no_date() -> None:
    windows = _real_windows()
    assert len(windows) > 10_000
    dated = [w for w in windows if _dated_by_searches(w)]
    assert len(dated) > 100  # the corpus reaches the patterns
    assert all(cues._may_date(w) for w in dated)
    assert any(not cues._may_date(w) for w in windows)  # and it does skip some
