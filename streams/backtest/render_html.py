"""``--html``: one self-contained page, no network: inline CSS, an inline SVG chart of
alerts per day per watch, and the tables of the terminal summary in full.

Every piece of article text is escaped; links are kept only when they are http(s).
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from .model import AlertRecord, BacktestReport, LabelCase, Score, Tally

PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
           "#ff9da7", "#9c755f", "#bab0ac")
CSS = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px;color:#222}
h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:6px 0 12px;font-size:13px}
th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f4f4f4} td.n{text-align:right;font-variant-numeric:tabular-nums}
.muted{color:#666} .added{background:#eefbea} .removed{background:#fdecec}
.totals span{display:inline-block;margin-right:18px} .ev{color:#444;font-size:12px}
svg text{font:11px system-ui,sans-serif}
"""


def render_html(report: BacktestReport) -> str:
    t = report.totals
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        "<meta name=\"viewport\" content=\"width=device-width\">",
        f"<title>newswatch backtest: {_e(report.rules)}</title><style>{CSS}</style></head>",
        "<body>", f"<h1>Backtest of {_e(report.rules)}</h1>",
        f'<p class="muted">{_e(report.input)}</p>',
        *(f'<p class="muted">note: {_e(n)}</p>' for n in report.notes),
        '<p class="totals" id="totals">'
        f"<span><b>{t.articles_read}</b> articles</span><span><b>{t.events}</b> events</span>"
        f"<span><b>{t.alerts}</b> alerts</span><span>{t.new} new</span>"
        f"<span>{t.followups} follow-ups</span><span>{t.updates} updates</span>"
        f"<span>{t.absorbed} absorbed</span><span>{t.skipped_inputs} skipped inputs</span></p>",
        "<h2>Alerts per day per watch</h2>", chart_svg(report),
        "<h2>Per watch</h2>", _tally_table("per-watch", "watch", report.per_watch),
        "<h2>Per channel</h2>", _tally_table("per-channel", "channel", report.per_channel),
        "<h2>Top stories</h2>", _stories(report),
    ]
    if report.diff is not None:
        parts += _diff(report)
    if report.scores is not None:
        parts += _scores(report)
    parts += ["<h2>All alerts</h2>", _alert_table("alerts", report.alerts),
              "<h2>Absorbed by dedup</h2>", _absorbed(report)]
    if report.skipped:
        parts += ["<h2>Skipped inputs</h2>",
                  _table("skipped", ("where", "reason"),
                         ([_e(s.where), _e(s.reason)] for s in report.skipped))]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def chart_svg(report: BacktestReport) -> str:
    """A stacked bar per day, one colour per watch, with a legend; empty days shown."""
    if not report.per_day:
        return '<p class="muted" id="chart-empty">No alerts in the range.</p>'
    counts: dict[date, dict[str, int]] = defaultdict(dict)
    for row in report.per_day:
        counts[row.day][row.watch] = row.alerts
    watches = list(dict.fromkeys(r.watch for r in sorted(report.per_day,
                                                         key=lambda r: r.watch)))
    first, last = min(counts), max(counts)
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    peak = max(sum(c.values()) for c in counts.values())
    bar = max(4, min(40, 720 // len(days)))
    left, top, height = 40, 10, 220
    width = left + len(days) * (bar + 2) + 10
    legend_y = top + height + 40
    out = [f'<svg id="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" '
           f'height="{legend_y + 18 * len(watches) + 10}" role="img" '
           'aria-label="alerts per day per watch">']
    for tick in _ticks(peak):
        y = top + height - tick * height / peak
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - 10}" y2="{y:.1f}" '
                   'stroke="#eee"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>')
    for i, day in enumerate(days):
        x = left + i * (bar + 2)
        base = float(top + height)
        for w, watch in enumerate(watches):
            n = counts.get(day, {}).get(watch, 0)
            if not n:
                continue
            h = n * height / peak
            base -= h
            out.append(f'<rect class="bar" x="{x}" y="{base:.1f}" width="{bar}" '
                       f'height="{h:.1f}" fill="{PALETTE[w % len(PALETTE)]}">'
                       f"<title>{day.isoformat()} {_e(watch)}: {n}</title></rect>")
        if len(days) <= 16 or i % max(1, len(days) // 8) == 0:
            out.append(f'<text x="{x}" y="{top + height + 16}">{day:%m-%d}</text>')
    for w, watch in enumerate(watches):
        y = legend_y + 18 * w
        out.append(f'<rect x="{left}" y="{y - 10}" width="12" height="12" '
                   f'fill="{PALETTE[w % len(PALETTE)]}"/>')
        out.append(f'<text x="{left + 18}" y="{y}">{_e(watch)}</text>')
    out.append("</svg>")
    return "".join(out)


def _ticks(peak: int) -> list[int]:
    step = max(1, -(-peak // 5))
    return list(range(0, peak + 1, step))


def _tally_table(ident: str, what: str, rows: Sequence[Tally]) -> str:
    return _table(ident, (what, "alerts", "new", "follow-ups", "updates", "absorbed"),
                  ([_e(r.name), *(_n(v) for v in (r.alerts, r.new, r.followups, r.updates,
                                                  r.absorbed))] for r in rows))


def _stories(report: BacktestReport) -> str:
    if not report.top_stories:
        return '<p class="muted">No stories.</p>'
    rows = []
    for s in report.top_stories:
        f = s.first
        rows.append([_n(s.articles), _e(f.channel), _e(f"{f.company} {f.event_type}"),
                     _title(f.title, f.link) + _evidence(f.evidence),
                     _e(", ".join(s.sources)),
                     _Number(f"{s.followups} / {s.updates} / {s.absorbed}")])
    return _table("stories", ("articles", "channel", "event", "first alert and evidence",
                              "sources", "follow-ups / updates / absorbed"), rows)


def _diff(report: BacktestReport) -> list[str]:
    d = report.diff
    assert d is not None
    rows = ([_e(w.watch), _n(w.baseline), _n(w.candidate), _n(w.candidate - w.baseline)]
            for w in d.per_watch)
    return [f"<h2>Against baseline {_e(d.baseline)}</h2>",
            f"<p>{d.added_count} alert(s) added, {d.removed_count} removed "
            f"({d.baseline_alerts} &rarr; {report.totals.alerts}).</p>",
            _table("diff-per-watch", ("watch", "baseline", "candidate", "change"), rows),
            "<h3>Added</h3>", _alert_table("diff-added", d.added, css="added"),
            "<h3>Removed</h3>", _alert_table("diff-removed", d.removed, css="removed")]


def _scores(report: BacktestReport) -> list[str]:
    s = report.scores
    assert s is not None

    def rows(scores: Iterable[Score]) -> Iterable[list[str]]:
        for x in scores:
            yield [_e(x.name), _n(x.tp), _n(x.fp), _n(x.fn), _f(x.precision), _f(x.recall),
                   _f(x.f1)]

    head = ("", "tp", "fp", "fn", "precision", "recall", "F1")
    return ["<h2>Scores against labels</h2>",
            f"<p>{s.labelled_in_input} of {s.labelled_articles} labelled articles in the "
            f"input ({_e(s.labels)}).</p>", *(f'<p class="muted">note: {_e(n)}</p>'
                                            for n in s.notes),
            "<h3>Per event type</h3>",
            _table("scores-per-type", head, rows([*s.per_event_type, s.micro])),
            "<h3>Per watch</h3>", _table("scores-per-watch", head, rows(s.per_watch)),
            "<h3>False positives</h3>", _cases("false-positives", s.false_positives),
            "<h3>Misses</h3>", _cases("misses", s.misses)]


def _cases(ident: str, cases: list[LabelCase]) -> str:
    return _table(ident, ("article", "company", "event type", "why", "title"),
                  ([_e(c.article_id), _e(c.company), _e(c.event_type), _e(c.why),
                    _title(c.title or "", c.link)] for c in cases))


def _alert_table(ident: str, alerts: list[AlertRecord], css: str = "") -> str:
    return _table(ident, ("time", "watch", "channel", "kind", "event", "article and evidence",
                          "source"),
                  ([f"{a.event_time:%Y-%m-%d %H:%M}", _e(a.watch), _e(a.channel), a.kind,
                    _e(f"{a.company} {a.event_type}" + (f" ({a.role})" if a.role else "")),
                    _title(a.title, a.link) + _evidence(a.evidence), _e(a.source or "")]
                   for a in alerts), css=css)


def _absorbed(report: BacktestReport) -> str:
    return _table("absorbed", ("time", "watch", "channel", "event", "article", "story"),
                  ([f"{a.event_time:%Y-%m-%d %H:%M}", _e(a.watch), _e(a.channel),
                    _e(f"{a.company} {a.event_type}"), _title(a.title, a.link),
                    _e(a.parent_alert_id or "held back by routing")]
                   for a in report.absorbed))


class _Number(str):
    """A cell that is a number: right-aligned."""


def _table(ident: str, head: Sequence[str], rows: Iterable[list[str]], css: str = "") -> str:
    body = [f'<tr class="{css}">' + "".join(f'<td class="n">{c}</td>' if isinstance(c, _Number)
                                             else f"<td>{c}</td>" for c in row)
            + "</tr>" for row in rows]
    if not body:
        return f'<p class="muted" id="{ident}">None.</p>'
    header = "".join(f"<th>{_e(h)}</th>" for h in head)
    return f'<table id="{ident}"><thead><tr>{header}</tr></thead><tbody>{"".join(body)}' \
           "</tbody></table>"


def _title(title: str, link: str | None) -> str:
    if link and link.startswith(("http://", "https://")):
        return f'<a href="{_e(link)}" rel="noreferrer">{_e(title)}</a>'
    return _e(title)


def _evidence(evidence: list[str]) -> str:
    return f'<div class="ev">{_e(evidence[0])}</div>' if evidence else ""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _n(value: int) -> str:
    return _Number(value)


def _f(value: float | None) -> str:
    return _Number("-" if value is None else f"{value:.3f}")
