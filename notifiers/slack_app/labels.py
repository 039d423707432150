"""From feedback votes to labels: one verdict per alert, and the labels file for backtests.

Each user counts once per alert: their latest button click or reaction that is still in
place. An alert's verdict is the label most of its voters gave; a tie between "useful"
and the two negative labels is no verdict ("disputed"). The labels file has one JSON line
per (article, company, event type), the unit ``backtest --labels`` scores:

    {"article_id": "…", "company": "Meta Platforms", "event_type": "layoffs",
     "label": "useful"}
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from ...schemas.feedback import Feedback

NEGATIVE = ("not_relevant", "wrong_company")


def user_votes(records: Iterable[Feedback]) -> dict[tuple[str, str], Feedback]:
    """(alert id, user) -> the user's vote in force on that alert (withdrawn ones left out)."""
    by_key: dict[str, Feedback] = {}  # as compaction would keep them: latest per record key
    for record in records:
        if record.key not in by_key or record.at >= by_key[record.key].at:
            by_key[record.key] = record
    latest: dict[tuple[str, str], Feedback] = {}
    for record in by_key.values():
        if record.label is None:
            continue
        key = (record.alert_id, record.user)
        if key not in latest or record.at >= latest[key].at:
            latest[key] = record
    return latest


def verdict(labels: Iterable[str]) -> str | None:
    """The label most votes gave; None when there are none or useful ties with not-useful."""
    counts = Counter(labels)
    if not counts:
        return None
    negative = sum(counts[n] for n in NEGATIVE)
    if counts["useful"] > negative:
        return "useful"
    if negative > counts["useful"]:
        # Which negative: the more common one; "wrong company" says more when tied.
        return "wrong_company" if counts["wrong_company"] >= counts["not_relevant"] \
            else "not_relevant"
    return None


def alert_verdicts(records: Iterable[Feedback]) -> dict[str, tuple[Feedback, str | None]]:
    """Alert id -> (one of its votes, for the alert's facts; its verdict)."""
    by_alert: dict[str, list[Feedback]] = defaultdict(list)
    for vote in user_votes(records).values():
        by_alert[vote.alert_id].append(vote)
    return {alert: (votes[0], verdict(v.label for v in votes if v.label))
            for alert, votes in by_alert.items()}


@dataclass(frozen=True)
class LabelsExport:
    lines: list[str]
    disputed: int  # (article, company, event type) units left out: the votes were split
    votes: int


def export_labels(records: Iterable[Feedback], *, since: datetime | None = None
                  ) -> LabelsExport:
    """The labels file's lines, sorted, one per (article, company, event type)."""
    votes = [v for v in user_votes(records).values() if since is None or v.at >= since]
    units: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for vote in votes:
        assert vote.label is not None  # user_votes leaves out withdrawn votes
        units[(vote.article_id, vote.company, vote.event_type)].append(vote.label)
    lines: list[str] = []
    disputed = 0
    for (article_id, company, event_type), labels in sorted(units.items()):
        label = verdict(labels)
        if label is None:
            disputed += 1
            continue
        lines.append(json.dumps({"article_id": article_id, "company": company,
                                 "event_type": event_type, "label": label},
                                ensure_ascii=False))
    return LabelsExport(lines, disputed, len(votes))
