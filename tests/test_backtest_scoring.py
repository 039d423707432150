"""Backtest on a fixture with known answers (tests/fixtures/backtest/README.md): routing
in event time, what dedup absorbed, the baseline diff and the labelled scores."""

from __future__ import annotations

from pathlib import Path

import pytest

from newswatch.commands.backtest_sources import jsonl_input
from newswatch.schemas.rules import Company, load_rules
from newswatch.streams.backtest.engine import (
    BacktestOptions,
    NamedRules,
    passes_needed,
    run_backtest,
)
from newswatch.streams.backtest.labels import load_labels
from newswatch.streams.backtest.model import BacktestReport
from newswatch.streams.backtest.timerange import TimeRange, parse_range

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "backtest"


def _rules(name: str) -> NamedRules:
    return NamedRules(name, load_rules(FIXTURE / name))


@pytest.fixture(scope="module")
def report() -> BacktestReport:
    candidate = _rules("rules.yaml")
    return run_backtest(jsonl_input(FIXTURE / "articles.jsonl", TimeRange()), candidate,
                        baseline=_rules("baseline.yaml"),
                        labels=load_labels(FIXTURE / "labels.jsonl", candidate.rules))


def test_one_story_told_six_times_is_one_thread_with_an_update(report: BacktestReport) -> None:
    # Three follow-ups fill the thread (max_replies 3): the completion edits the first message.
    deal = [a for a in report.alerts if a.watch == "deals" and a.company == "Contoso"
            and a.story_key == "contoso|acquisition|fabrikam"]
    assert [(a.article_id, a.kind) for a in deal] == [
        ("t01", "new"), ("t02", "followup"), ("t05", "followup"), ("t12", "followup"),
        ("t14", "edit")]
    assert {a.parent_alert_id for a in deal[1:]} == {deal[0].id}
    absorbed = [a for a in report.absorbed if a.company == "Contoso"]
    assert [(a.article_id, a.parent_alert_id) for a in absorbed] == [("t13", deal[0].id)]
    top = report.top_stories[0]
    assert top.articles == 6 and top.first.article_id == "t01"
    assert (top.followups, top.updates, top.absorbed) == (3, 1, 1)
    assert top.sources == ["Wire A", "Wire B", "Wire C", "Wire D", "Wire E"]
    assert top.first.evidence


def test_counts_per_watch_channel_and_day(report: BacktestReport) -> None:
    per_watch = {t.name: (t.alerts, t.new, t.followups, t.updates, t.absorbed)
                 for t in report.per_watch}
    assert per_watch == {"deals": (14, 6, 6, 2, 2), "people": (6, 6, 0, 0, 0),
                         "launches": (3, 2, 1, 0, 0)}
    assert {t.name: t.alerts for t in report.per_channel} == {
        "#deals": 14, "#people": 3, "#exec": 3, "#launches": 3}
    assert sum(d.alerts for d in report.per_day) == report.totals.alerts == 23
    assert [(d.day.isoformat(), d.watch, d.alerts) for d in report.per_day][:2] == [
        ("2026-11-02", "deals", 8), ("2026-11-03", "deals", 4)]
    # Mentions only on the first alert of the #exec subscription.
    assert {a.article_id for a in report.alerts if a.mentions == ["here"]} == {"t04", "t06", "t15"}


def test_baseline_diff_lists_added_and_removed_alerts_with_evidence(
        report: BacktestReport) -> None:
    diff = report.diff
    assert diff is not None and diff.baseline_alerts == 15
    assert len(diff.added) == diff.added_count == 12
    assert len(diff.removed) == diff.removed_count == 4
    added = {(a.watch, a.channel) for a in diff.added}
    assert added == {("deals", "#deals"), ("people", "#exec"), ("launches", "#launches")}
    assert sum(a.watch == "deals" for a in diff.added) == 6
    # The baseline's thread had room for the completion as a reply ("update"); the
    # candidate's is full, so it edits ("edit"): one change, a removed and an added alert.
    assert {(a.watch, a.article_id, a.kind) for a in diff.removed} == {
        ("all-layoffs", "t06", "new"), ("all-layoffs", "t08", "new"), ("deals", "t14", "update")}
    assert all(a.evidence for a in diff.added + diff.removed)
    assert {(w.watch, w.baseline, w.candidate) for w in diff.per_watch} == {
        ("deals", 10, 14), ("people", 3, 6), ("launches", 0, 3), ("all-layoffs", 2, 0)}


def test_labelled_scores_per_event_type_and_watch(report: BacktestReport) -> None:
    scores = report.scores
    assert scores is not None
    assert (scores.labelled_articles, scores.labelled_in_input) == (18, 17)
    micro = scores.micro
    assert (micro.tp, micro.fp, micro.fn) == (21, 1, 1)
    assert (micro.precision, micro.recall, micro.f1) == (0.9545, 0.9545, 0.9545)
    by_type = {s.name: (s.tp, s.fp, s.fn, s.f1) for s in scores.per_event_type}
    assert by_type["product_launch"] == (1, 1, 1, 0.5)
    assert by_type["acquisition"] == (14, 0, 0, 1.0)
    assert by_type["executive_departure"] == (1, 0, 0, 1.0)
    assert "layoffs" in by_type and by_type["layoffs"] == (1, 0, 0, 1.0)  # t08: no watch
    by_watch = {s.name: (s.tp, s.fp, s.fn) for s in scores.per_watch}
    assert by_watch == {"deals": (16, 0, 0), "people": (3, 0, 0), "launches": (2, 1, 1)}
    assert [(c.article_id, c.why) for c in scores.false_positives] == [
        ("t16", "labelled: no event")]
    assert [(c.article_id, c.why) for c in scores.misses] == [("t17", "not detected")]
    assert scores.false_positives[0].watches == ["launches"]
    assert any("not in the backtest input" in n for n in scores.notes)


def test_event_time_range_keeps_only_articles_published_in_it() -> None:
    window = parse_range("2026-11-04", "2026-11-06")
    report = run_backtest(jsonl_input(FIXTURE / "articles.jsonl", window), _rules("rules.yaml"))
    assert report.totals.articles_read == 4  # t06, t07, t08, t09
    assert report.totals.outside_range == 13
    assert {a.article_id for a in report.alerts} == {"t06", "t07", "t09"}


def test_same_input_and_rules_give_byte_identical_json() -> None:
    def once() -> str:
        return run_backtest(jsonl_input(FIXTURE / "articles.jsonl", TimeRange()),
                            _rules("rules.yaml"), baseline=_rules("baseline.yaml")
                            ).model_dump_json()

    assert once() == once()


def test_a_baseline_with_other_companies_gets_its_own_pass_and_the_same_diff() -> None:
    baseline = _rules("baseline.yaml")
    extra = Company(name="Tailspin Toys")
    other = NamedRules("baseline-plus.yaml", baseline.rules.model_copy(
        update={"companies": [*baseline.rules.companies, extra]}))
    candidate = _rules("rules.yaml")
    assert passes_needed(candidate, other) == 2
    report = run_backtest(jsonl_input(FIXTURE / "articles.jsonl", TimeRange()), candidate,
                          baseline=other)
    assert report.diff is not None
    assert (report.diff.added_count, report.diff.removed_count) == (12, 4)
    assert {a.watch for a in report.diff.removed} == {"all-layoffs", "deals"}


def test_listing_is_capped_but_everything_is_counted() -> None:
    report = run_backtest(jsonl_input(FIXTURE / "articles.jsonl", TimeRange()),
                          _rules("rules.yaml"), baseline=_rules("baseline.yaml"),
                          options=BacktestOptions(max_listed=5))
    assert report.totals.alerts == 23 and len(report.alerts) == 5
    assert report.diff is not None and report.diff.added_count == 12
    assert len(report.diff.added) == 5
    assert any("18 of 23 alerts are counted but not listed" in n for n in report.notes)
    assert sum(t.alerts for t in report.per_watch) == 23
    assert report.top_stories[0].articles == 6  # stories do not depend on the listing
