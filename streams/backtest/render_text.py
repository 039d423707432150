"""The terminal summary: the counts a user checks first, then stories, diff and scores."""

from __future__ import annotations

from collections.abc import Sequence

from .model import AlertRecord, BacktestReport, Score, Tally

WIDTH = 100


def render_text(report: BacktestReport, *, top_alerts: int = 10) -> str:
    t = report.totals
    lines = [f"backtest of {report.rules} on {report.input}"]
    lines += [f"note: {n}" for n in report.notes]
    lines.append(
        f"{t.articles_read} article(s) read, {t.skipped_inputs} skipped, {t.events} event(s) "
        f"detected, {t.events_watched} taken by a watch")
    lines.append(f"{t.alerts} alert(s): {t.new} new, {t.followups} follow-up(s), "
                 f"{t.updates} update(s); {t.absorbed} absorbed by dedup")
    lines += ["", *_tallies("watch", report.per_watch), "", *_tallies("channel",
                                                                       report.per_channel)]
    lines += ["", *_days(report)]
    if report.top_stories:
        lines += ["", "top stories:"]
        for story in report.top_stories:
            first = story.first
            lines.append(_cut(f"  {story.articles:3} article(s)  {first.channel}  "
                              f"{first.company} {first.event_type}: {first.title}"))
            if first.evidence:
                lines.append(_cut(f"       evidence: {first.evidence[0]}"))
            lines.append(_cut(f"       sources: {', '.join(story.sources)}"))
    if report.diff is not None:
        d = report.diff
        lines += ["", f"against baseline {d.baseline}: {d.added_count} alert(s) added, "
                      f"{d.removed_count} removed ({d.baseline_alerts} -> {t.alerts})"]
        lines += _alerts("+", d.added, d.added_count, top_alerts)
        lines += _alerts("-", d.removed, d.removed_count, top_alerts)
    if report.scores is not None:
        lines += ["", *_scores(report)]
    if report.skipped:
        lines += ["", f"skipped inputs ({t.skipped_inputs}):"]
        lines += [_cut(f"  {s.where}: {s.reason}") for s in report.skipped[:top_alerts]]
        if len(report.skipped) > top_alerts:
            lines.append(f"  ... and {len(report.skipped) - top_alerts} more (see --json)")
    return "\n".join(lines)


def _tallies(what: str, rows: Sequence[Tally]) -> list[str]:
    width = max([len(what)] + [len(r.name) for r in rows])
    out = [f"{what:<{width}}  alerts    new  follow-ups  updates  absorbed"]
    out += [f"{r.name:<{width}}  {r.alerts:6}  {r.new:5}  {r.followups:10}  {r.updates:7}  "
            f"{r.absorbed:8}" for r in rows]
    return out


def _days(report: BacktestReport) -> list[str]:
    if not report.per_day:
        return ["alerts per day: none"]
    days: dict[str, list[str]] = {}
    for row in report.per_day:
        days.setdefault(row.day.isoformat(), []).append(f"{row.watch} {row.alerts}")
    return ["alerts per day:", *(f"  {day}  {', '.join(parts)}" for day, parts in days.items())]


def _alerts(sign: str, alerts: list[AlertRecord], count: int, limit: int) -> list[str]:
    out = []
    for alert in alerts[:limit]:
        out.append(_cut(f"  {sign} {alert.event_time:%Y-%m-%d} {alert.watch} {alert.channel} "
                        f"{alert.kind}: {alert.company} {alert.event_type}: {alert.title}"))
        if alert.evidence:
            out.append(_cut(f"      evidence: {alert.evidence[0]}"))
    if count > limit:
        out.append(f"  {sign} ... and {count - min(limit, len(alerts))} more (see --json or "
                   "--html)")
    return out


def _scores(report: BacktestReport) -> list[str]:
    s = report.scores
    assert s is not None
    out = [f"scored on {s.labelled_in_input} of {s.labelled_articles} labelled article(s) "
           f"({s.labels})"]
    out += [f"note: {n}" for n in s.notes]
    out.append(f"{'':22} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'rec':>6} {'f1':>6}")
    out += [_score_line(x) for x in (*s.per_event_type, s.micro)]
    out.append("per watch:")
    out += [_score_line(x) for x in s.per_watch]
    for title, cases in (("false positives", s.false_positives), ("misses", s.misses)):
        out.append(f"{title} ({len(cases)}):")
        out += [_cut(f"  {c.article_id} {c.company} {c.event_type}: {c.why}: {c.title or ''}")
                for c in cases]
    return out


def _score_line(score: Score) -> str:
    def show(value: float | None) -> str:
        return "     -" if value is None else f"{value:6.3f}"

    return (f"{score.name:22} {score.tp:4} {score.fp:4} {score.fn:4} {show(score.precision)} "
            f"{show(score.recall)} {show(score.f1)}")


def _cut(text: str) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= WIDTH else text[: WIDTH - 1] + "…"
