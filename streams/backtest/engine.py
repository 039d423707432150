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
from .detecting import DetectionPlan, Progress, few_collections
from .diff import DiffCollector
from .labels import Labels, Scorer
from .model import BacktestReport, DiffReport, SkippedRecord, Totals
from .ordering import DEFAULT_LATENESS, ArticleDigest, SortKey, StreamStats
from .parallel import StreamFactory, detect_in_processes, detect_streams
from .report import DEFAULT_TOP, MAX_LISTED, ReportBuilder
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
    max_listed: int = MAX_LISTED  # alerts and absorbed events listed; all are counted


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
    with few_collections():
        return _run(source, candidate, baseline, labels, options or BacktestOptions(),
                    progress)


def _run(source: BacktestInput, candidate: NamedRules, baseline: NamedRules | None,
         labels: Labels | None, options: BacktestOptions,
         progress: Progress | None) -> BacktestReport:
    in_force = RulesInForce.build(candidate.rules)
    main = _builder(candidate.rules, options)
    router = EventTimeRouter(in_force.router)
    scorer = Scorer(labels, candidate.rules) if labels is not None else None
    diff = DiffCollector(options.max_listed) if baseline is not None else None
    other = _builder(baseline.rules, options) if baseline is not None else None
    shared = baseline is not None and passes_needed(candidate, baseline) == 1
    other_router = (EventTimeRouter(RulesInForce.build(baseline.rules).router)
                    if baseline is not None and shared else None)
    stats = StreamStats()
    plan = _plan(source, candidate.rules, labels, options)
    for _key, article in _ordered(source, plan, options, stats, progress, in_force.detector):
        routed = router.route(article)
        fresh = main.add(routed)
        if scorer is not None:
            scorer.add_article(article)
            scorer.add(routed)
        if diff is not None and other is not None:
            if other_router is not None:
                diff.compare(fresh, other.add(other_router.route(article)))
            else:
                diff.keep_candidate(fresh)
    if baseline is not None and other is not None and diff is not None and not shared:
        plan = _plan(source, baseline.rules, None, options)
        base_router = EventTimeRouter(RulesInForce.build(baseline.rules).router)
        for _key, article in _ordered(source, plan, options, StreamStats(), progress, None):
            diff.against_baseline(other.add(base_router.route(article)))
    diff_report = (diff.finish(baseline.name, other, main)
                   if baseline is not None and other is not None and diff is not None else None)
    return _report(source, candidate, main, stats, options, diff=diff_report, scores=scorer)


def _builder(rules: RulesFile, options: BacktestOptions) -> ReportBuilder:
    return ReportBuilder(rules, max_listed=options.max_listed, top=options.top)


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


def _report(source: BacktestInput, candidate: NamedRules, builder: ReportBuilder,
            stats: StreamStats, options: BacktestOptions, *, diff: DiffReport | None,
            scores: Scorer | None) -> BacktestReport:
    kinds = builder.kinds
    totals = Totals(
        articles_read=stats.articles, skipped_inputs=stats.skipped_count,
        outside_range=stats.out_of_range, events=stats.events,
        events_watched=builder.events_watched, alerts=builder.alerts, new=kinds["new"],
        followups=kinds["followup"], updates=kinds["update"],
        absorbed=builder.absorbed_count, late=stats.late)
    notes = [*source.notes, *builder.notes()]
    if stats.skipped_count > len(stats.skipped):
        notes.append(f"{stats.skipped_count - len(stats.skipped)} skipped inputs are counted "
                     "but not listed")
    if stats.late:
        notes.append(f"{stats.late} article(s) arrived more than {_hours(options.lateness)} "
                     "out of event-time order and were routed where they arrived")
    return BacktestReport(
        rules=candidate.name, input=source.description,
        range_from=source.time_range.start, range_to=source.time_range.end, notes=notes,
        totals=totals, per_watch=builder.tallies("watch"),
        per_channel=builder.tallies("channel"), per_day=builder.per_day(),
        top_stories=builder.stories(), absorbed=builder.absorbed, alerts=builder.listed,
        skipped=[SkippedRecord(where=s.where, reason=s.reason) for s in stats.skipped],
        diff=diff, scores=scores.report() if scores is not None else None)


def _hours(span: timedelta) -> str:
    hours = span.total_seconds() / 3600
    return f"{hours:g}h" if hours >= 1 else f"{span.total_seconds() / 60:g}m"
