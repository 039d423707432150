"""Routing: one alert per real-world event per channel, follow-ups threaded, stage updates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from newswatch.schemas import CompanyEvent, RulesFile
from newswatch.schemas.rules import load_rules
from newswatch.streams.routing import CompanyStories, Router
from newswatch.streams.rules_holder import RulesHolder

T0 = datetime(2026, 6, 23, 9, 0, tzinfo=UTC)

RULES = RulesFile.model_validate({
    "companies": [{"name": "Meta Platforms"}, {"name": "Perplexity AI"}],
    "watches": [
        {"name": "meta", "companies": ["Meta Platforms"], "events": ["acquisition", "layoffs"],
         "channels": [{"channel": "#ai", "mentions": ["here"]}, "#exec"], "dedupe_hours": 48},
        {"name": "strict", "companies": ["*"], "events": ["*"], "channels": ["#strict"],
         "min_confidence": 0.95},
    ],
})


def _event(article: str, *, hours: float = 0, stage: str | None = "talks",
           event_type: str = "acquisition", confidence: float = 0.8,
           counterparty: str | None = "Perplexity AI") -> CompanyEvent:
    return CompanyEvent.model_validate(dict(
        article_id=article, company="Meta Platforms", event_type=event_type,
        role="acquirer" if event_type == "acquisition" else None, counterparty=counterparty,
        stage=stage if event_type == "acquisition" else None, confidence=confidence,
        published=T0 + timedelta(hours=hours)))


def test_first_event_alerts_each_subscribed_channel_of_each_matching_watch() -> None:
    alerts = Router(RULES).route(_event("a1"), CompanyStories())
    assert [(a.watch, a.channel, a.kind) for a in alerts] == [
        ("meta", "#ai", "new"), ("meta", "#exec", "new")]
    assert alerts[0].mentions == ["here"] and alerts[1].mentions == []


def test_confidence_below_watch_minimum_raises_nothing_for_that_watch() -> None:
    alerts = Router(RULES).route(_event("a1", confidence=0.97), CompanyStories())
    assert {a.watch for a in alerts} == {"meta", "strict"}
    assert Router(RULES).route(_event("a1", event_type="legal"), CompanyStories()) == []


def test_copies_from_other_sources_thread_under_the_first_alert_then_stop() -> None:
    router, state = Router(RULES, max_followups=2), CompanyStories()
    first = router.route(_event("a1"), state)
    # The same story from four more outlets; one omits the counterparty.
    later = [router.route(_event(f"copy{i}", hours=i,
                                 counterparty=None if i == 2 else "Perplexity AI"), state)
             for i in range(1, 5)]
    kinds = [[a.kind for a in batch] for batch in later]
    assert kinds == [["followup", "followup"], ["followup", "followup"], [], []]
    parents = {a.channel: a.id for a in first}
    assert all(a.parent_alert_id == parents[a.channel] for batch in later for a in batch)
    assert all(a.mentions == [] for batch in later for a in batch)  # no re-pinging


def test_stage_change_updates_the_story() -> None:
    router, state = Router(RULES), CompanyStories()
    router.route(_event("a1", stage="talks"), state)
    updates = router.route(_event("a2", hours=5, stage="announced"), state)
    assert [a.kind for a in updates] == ["update", "update"]
    # Going back to an earlier stage is just another copy.
    assert [a.kind for a in router.route(_event("a3", hours=6, stage="talks"), state)] == [
        "followup", "followup"]


def test_a_redelivered_article_raises_the_very_same_alerts_again() -> None:
    # A worker that dies between writing its table and sending the alerts gets the
    # article again: it must re-raise identical alerts (same ids; the notifier's ledger
    # posts them once), never drop them and never make new ones.
    router, state = Router(RULES, max_followups=1), CompanyStories()
    first = router.route(_event("a1"), state)
    assert [(a.id, a.kind, a.mentions) for a in router.route(_event("a1"), state)] == [
        (a.id, "new", a.mentions) for a in first]
    follow = router.route(_event("a2", hours=1), state)
    again = router.route(_event("a2", hours=1), state)
    assert [(a.id, a.kind, a.mentions) for a in again] == [
        (a.id, "followup", []) for a in follow]
    update = router.route(_event("a3", hours=2, stage="announced"), state)
    assert [a.id for a in router.route(_event("a3", hours=2, stage="announced"), state)] == [
        a.id for a in update]
    assert router.route(_event("a4", hours=3), state) == []  # beyond max_followups
    assert router.route(_event("a4", hours=3), state) == []
    assert [s.followups for s in state.stories] == [1, 1]


def test_window_is_event_time_not_wall_clock() -> None:
    router, state = Router(RULES), CompanyStories()
    router.route(_event("a1"), state)
    late = router.route(_event("a2", hours=49), state)  # outside the 48 h window
    assert [a.kind for a in late] == ["new", "new"]


def test_different_counterparty_is_a_different_story() -> None:
    router, state = Router(RULES), CompanyStories()
    router.route(_event("a1"), state)
    other = router.route(_event("a2", hours=1, counterparty="Scale AI"), state)
    assert [a.kind for a in other] == ["new", "new"]


def test_state_survives_serialisation_like_the_faust_table() -> None:
    router, state = Router(RULES), CompanyStories()
    router.route(_event("a1"), state)
    restored = CompanyStories.model_validate_json(state.model_dump_json())
    assert [a.kind for a in router.route(_event("a2", hours=1), restored)] == [
        "followup", "followup"]


def test_state_is_pruned_after_a_month_of_event_time() -> None:
    router, state = Router(RULES), CompanyStories()
    router.route(_event("a1"), state)
    router.route(_event("b1", hours=24 * 40, event_type="layoffs"), state)
    assert [s.event_type for s in state.stories] == ["layoffs", "layoffs"]


def test_broken_rules_file_never_replaces_running_rules(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(Path(__file__).resolve().parents[1].joinpath("samples/rules.yaml").read_text())
    holder = RulesHolder(path)
    good = holder.current
    path.write_text("watches:\n  - name: x\n    companies: [Nobody]\n    events: [layoffs]\n"
                    "    channels: ['#x']\n")
    import os
    os.utime(path, (1, 1))
    assert holder.reload_if_changed() is False  # changed: waits for it to settle
    assert holder.reload_if_changed() is False  # settled, but broken
    assert holder.current is good
    assert holder.last_error is not None and "rules.yaml:3" in holder.last_error
    path.write_text("")  # what a file looks like half-way through a save
    os.utime(path, (2, 2))
    assert holder.reload_if_changed() is False
    assert holder.reload_if_changed() is False
    assert holder.current is good and holder.last_error is not None
    assert "the file is empty" in holder.last_error
    path.write_text("companies: [{name: Acme}]\nwatches: []\n")
    os.utime(path, (3, 3))
    assert holder.reload_if_changed() is False
    assert holder.reload_if_changed() is True
    current = holder.current
    assert [c.name for c in current.rules.companies] == ["Acme"]
    assert load_rules(path) == current.rules
    # Detection and routing always come from the same rules object.
    assert current.detector.rules is current.rules and current.router.rules is current.rules


def test_undated_article_windows_on_fetch_time_not_detection_time() -> None:
    from newswatch.schemas import Article
    from newswatch.streams.detection import Detector

    rules = load_rules(Path(__file__).resolve().parents[1] / "samples" / "rules.yaml")
    fetched = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    article = Article(id="undated", title="Meta Platforms to lay off 5% of its staff",
                      fetched_at=fetched)
    [event] = Detector(rules).detect(article)
    assert event.published == fetched and event.event_time == fetched
