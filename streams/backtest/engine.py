"""``run_backtest``: articles in, the report out, on the worker's own Detector and Router.

Detection runs per input stream (in this process, or in worker processes per partition
group); routing runs here, in event-time order, with one ``EventTimeRouter`` per rules
file. A baseline with the same companies shares the detection pass (detection depends on
the companies only); otherwise it gets a pass of its own.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from ...schemas.rules import RulesFile
from ..detection import Detector
from ..rules_holder import RulesInForce
from .detecting import DetectionPlan, Progress
from .labels import Labels, Scorer
from .model import (
    AlertRecord,
    BacktestReport,
    DiffReport,
    SkippedRecord,
    Totals,
    WatchDelta,
)
from .ordering import DEFAULT_LATENESS, ArticleDigest, SortKey, StreamStats
from .parallel import StreamFactory, detect_in_processes, detect_streams
from .report import DEFAULT_TOP, ReportBuilder
from .routing import EventTimeRouter
from .timerange import TimeRange


@dataclass(frozen=True)
class BacktestInput:
    """Where the articles come from: one factory per stream (partition or file)."""

    description: str
    streams: tuple[StreamFactory, ...]
    total: int | None = None  # inputs to read, for the progress bar
    time_range: TimeRange = field(default_factory=TimeRange)
    filter_event_time: bool = False  # files: keep articles whose event time is in the range
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class NamedRules:
    """A rules file and how the report names it (the path as the user gave it)."""

    name: str
    rules: RulesFile


@dataclass(frozen=True)
class BacktestOptions:
    workers: int = 1  # detecting processes; 1 = all in this process
    lateness: timedelta = DEFAULT_LATENESS
    top: int = DEFAULT_TOP


def passes_needed(candidate: NamedRules, baseline: NamedRules | None) -> int:
    """How many times the input is read: twice only for a baseline with other companies."""
    if baseline is None or baseline.rules.companies == candidate.rules.companies:
        return 1
    return 2


def run_backtest(source: BacktestInput, candidate: NamedRules, *,
                 baseline: NamedRules | None = None, labels: Labels | None = None,
                 options: BacktestOptions | None = None,
                 progress: Progress | None = None) -> BacktestReport:
    """Detect and route every article of ``source``; nothing is sent anywhere."""
    options = options or BacktestOptions()
    in_force = RulesInForce.build(candidate.rules)
    main = ReportBuilder(candidate.rules)
    routers = [(EventTimeRouter(in_force.router), main)]
    other: ReportBuilder | None = None
    shared = baseline is not None and passes_needed(candidate, baseline) == 1
    if baseline is not None:
        other = ReportBuilder(baseline.rules)
        if shared:
            routers.append((EventTimeRouter(RulesInForce.build(baseline.rules).router), other))
    scorer = Scorer(labels, candidate.rules) if labels is not None else None
    stats = StreamStats()
    plan = _plan(source, candidate.rules, labels, options)
    for _key, article in _ordered(source, plan, options, stats, progress, in_force.detector):
        if scorer is not None:
            scorer.add_article(article)
        for router, builder in routers:
            routed = router.route(article)
            builder.add(routed)
            if scorer is not None and builder is main:
                scorer.add(routed)
    if baseline is not None and other is not None and not shared:
        plan = _plan(source, baseline.rules, None, options)
        router = EventTimeRouter(RulesInForce.build(baseline.rules).router)
        for _key, article in _ordered(source, plan, options, StreamStats(), progress, None):
            other.add(router.route(article))
    return _report(source, candidate, main, stats, options,
                   diff=_diff(baseline.name, other, main) if baseline and other else None,
                   scores=scorer)


def _plan(source: BacktestInput, rules: RulesFile, labels: Labels | None,
          options: BacktestOptions) -> DetectionPlan:
    return DetectionPlan(rules, source.time_range if source.filter_event_time else None,
                         labels.articles if labels is not None else frozenset(),
                         options.lateness)


def _ordered(source: BacktestInput, plan: DetectionPlan, options: BacktestOptions,
             stats: StreamStats, progress: Progress | None, detector: Detector | None
             ) -> Iterator[tuple[SortKey, ArticleDigest]]:
    streams = list(enumerate(source.streams))
    workers = min(options.workers, len(streams))
    if workers <= 1:
        return detect_streams(streams, plan, stats, progress, detector)
    groups: list[Sequence[tuple[int, StreamFactory]]] = [streams[i::workers]
                                                         for i in range(workers)]
    return detect_in_processes(groups, plan, stats, progress)


def _diff(name: str, baseline: ReportBuilder, candidate: ReportBuilder) -> DiffReport:
    before, after = baseline.alerts, candidate.alerts

    def ordered(records: list[AlertRecord]) -> list[AlertRecord]:
        return sorted(records, key=lambda a: (a.event_time, a.watch, a.channel, a.id))

    watches = list(dict.fromkeys([*(w.name for w in candidate.rules.watches),
                                  *(w.name for w in baseline.rules.watches)]))
    count_before = {w: sum(a.watch == w for a in before.values()) for w in watches}
    count_after = {w: sum(a.watch == w for a in after.values()) for w in watches}
    return DiffReport(
        baseline=name, baseline_alerts=len(before),
        added=ordered([a for i, a in after.items() if i not in before]),
        removed=ordered([a for i, a in before.items() if i not in after]),
        per_watch=[WatchDelta(watch=w, baseline=count_before[w], candidate=count_after[w])
                   for w in watches])


def _report(source: BacktestInput, candidate: NamedRules, builder: ReportBuilder,
            stats: StreamStats, options: BacktestOptions, *, diff: DiffReport | None,
            scores: Scorer | None) -> BacktestReport:
    alerts = builder.alert_list
    kinds = [a.kind for a in alerts]
    totals = Totals(
        articles_read=stats.articles, skipped_inputs=len(stats.skipped),
        outside_range=stats.out_of_range, events=stats.events,
        events_watched=builder.events_watched, alerts=len(alerts), new=kinds.count("new"),
        followups=kinds.count("followup"), updates=kinds.count("update"),
        absorbed=len(builder.absorbed), late=stats.late)
    notes = list(source.notes)
    if stats.late:
        notes.append(f"{stats.late} article(s) arrived more than {_hours(options.lateness)} "
                     "out of event-time order and were routed where they arrived")
    return BacktestReport(
        rules=candidate.name, input=source.description,
        range_from=source.time_range.start, range_to=source.time_range.end, notes=notes,
        totals=totals, per_watch=builder.tallies("watch"),
        per_channel=builder.tallies("channel"), per_day=builder.per_day(),
        top_stories=builder.stories(options.top), absorbed=builder.absorbed, alerts=alerts,
        skipped=[SkippedRecord(where=s.where, reason=s.reason) for s in stats.skipped],
        diff=diff, scores=scores.report() if scores is not None else None)


def _hours(span: timedelta) -> str:
    hours = span.total_seconds() / 3600
    return f"{hours:g}h" if hours >= 1 else f"{span.total_seconds() / 60:g}m"
