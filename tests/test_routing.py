"""Stories: one alert per real-world event per channel, copies threaded up to a cap, stage
updates counted in it, the same article from another feed absorbed, windows in event time.

Several tests pin a boundary exactly (window length, confidence, the default cap): each
fails if the comparison moves by one step (see tools/mutate_routing.py)."""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from newswatch.schemas import CompanyEvent, RulesFile
from newswatch.schemas.rules import load_rules
from newswatch.streams.backtest.ordering import ArticleDigest
from newswatch.streams.backtest.routing import EventTimeRouter
from newswatch.streams.routing import CompanyStories, Router, state_key
from newswatch.streams.routing.stories import MAX_STORIES
from newswatch.streams.rules_holder import RulesHolder

T0 = datetime(2026, 6, 23, 9, 0, tzinfo=UTC)


def rules(**meta: Any) -> RulesFile:
    return RulesFile.model_validate({
        "companies": [{"name": "Meta Platforms"}, {"name": "Perplexity AI"}],
        "watches": [
            {"name": "meta", "companies": ["Meta Platforms"],
             "events": ["acquisition", "layoffs", "executive_hire", "legal"],
             "channels": [{"channel": "#ai", "mentions": ["here"]}, "#exec"],
             "realert_after": "48h", **meta},
            {"name": "strict", "companies": ["*"], "events": ["*"], "channels": ["#strict"],
             "min_confidence": 0.95},
        ],
    })


RULES = rules()


def _event(article: str, *, hours: float = 0, stage: str | None = "talks",
           event_type: str = "acquisition", confidence: float = 0.8,
           counterparty: str | None = "Perplexity AI", **more: Any) -> CompanyEvent:
    roles = {"acquisition": "acquirer", "executive_hire": "hiring_company", "legal": "plaintiff"}
    fields: dict[str, Any] = dict(
        article_id=article, company="Meta Platforms", event_type=event_type,
        role=roles.get(event_type), counterparty=counterparty,
        stage=stage if event_type == "acquisition" else None, confidence=confidence,
        article_link=f"https://news.example/{article}",
        article_fingerprint=hashlib.sha256(article.encode()).hexdigest()[:16],
        published=T0 + timedelta(hours=hours))
    fields.update(more)
    return CompanyEvent.model_validate(fields)


def kinds(alerts: list[Any]) -> list[str]:
    return [a.kind for a in alerts]


def test_first_event_alerts_each_subscribed_channel_of_each_matching_watch() -> None:
    alerts = Router(RULES).route(_event("a1"), CompanyStories())
    assert [(a.watch, a.channel, a.kind) for a in alerts] == [
        ("meta", "#ai", "new"), ("meta", "#exec", "new")]
    assert alerts[0].mentions == ["here"] and alerts[1].mentions == []


def test_confidence_below_watch_minimum_raises_nothing_for_that_watch() -> None:
    alerts = Router(RULES).route(_event("a1", confidence=0.97), CompanyStories())
    assert {a.watch for a in alerts} == {"meta", "strict"}
    assert {a.watch for a in Router(RULES).route(_event("a1", confidence=0.94),
                                                 CompanyStories())} == {"meta"}
    assert Router(RULES).route(_event("a1", event_type="launch_delay"), CompanyStories()) == []


def test_confidence_exactly_at_the_minimum_fires() -> None:
    alerts = Router(RULES).route(_event("a1", confidence=0.95), CompanyStories())
    assert {a.watch for a in alerts} == {"meta", "strict"}


@pytest.mark.parametrize("company", ["Meta Platforms", "Perplexity AI", "Other"])
@pytest.mark.parametrize("event_type", ["acquisition", "legal", "launch_delay"])
@pytest.mark.parametrize("confidence", [0.0, 0.5, 0.8, 0.9499, 0.95, 0.97, 1.0])
def test_takes_is_the_verdict_without_its_reason(company: str, event_type: str,
                                                 confidence: float) -> None:
    router = Router(RULES)
    event = _event("a1", company=company, event_type=event_type, confidence=confidence)
    for watch in router.watches():
        assert router.takes(watch, event) == router.verdict(watch, event).fires


def test_copies_thread_under_the_first_alert_up_to_the_default_cap_of_three() -> None:
    router, state = Router(RULES), CompanyStories()
    first = router.route(_event("a1"), state)
    # The same story from five more outlets; one omits the counterparty.
    later = [router.route(_event(f"copy{i}", hours=i,
                                 counterparty=None if i == 2 else "Perplexity AI"), state)
             for i in range(1, 6)]
    assert [kinds(batch) for batch in later] == [["followup", "followup"]] * 3 + [[], []]
    parents = {a.channel: a.id for a in first}
    assert all(a.parent_alert_id == parents[a.channel] for batch in later for a in batch)
    assert all(a.mentions == [] for batch in later for a in batch)  # no re-pinging


@pytest.mark.parametrize("cap", [0, 1, 5])
def test_the_reply_cap_is_per_watch(cap: int) -> None:
    router, state = Router(rules(max_replies=cap)), CompanyStories()
    router.route(_event("a1"), state)
    later = [kinds(router.route(_event(f"c{i}", hours=i), state)) for i in range(1, 8)]
    assert later == [["followup", "followup"]] * cap + [[]] * (7 - cap)


def test_stage_updates_count_toward_the_cap_and_later_ones_only_edit() -> None:
    router, state = Router(RULES), CompanyStories()
    router.route(_event("a1", stage="rumored"), state)
    steps = [
        ("a2", "rumored", "followup"),
        ("a3", "talks", "update"),
        ("a4", "announced", "update"),  # the third reply: the thread is full
        ("a5", "completed", "edit"),    # the first message still shows the latest stage
        ("a6", "completed", None),      # another copy: nothing
        ("a7", "announced", None),      # an older stage is just another copy
    ]
    for hour, (article, stage, expected) in enumerate(steps, start=1):
        raised = router.route(_event(article, hours=hour, stage=stage), state)
        assert kinds(raised) == ([expected] * 2 if expected else []), article
    assert [s.replies for s in state.stories] == [3, 3]
    assert [s.stage for s in state.stories] == ["completed", "completed"]


def test_an_edit_points_at_the_story_and_a_redelivered_edit_is_the_same_alert() -> None:
    router, state = Router(rules(max_replies=0)), CompanyStories()
    [first, _] = router.route(_event("a1", stage="talks"), state)
    edits = router.route(_event("a2", hours=1, stage="announced"), state)
    assert kinds(edits) == ["edit", "edit"] and edits[0].parent_alert_id == first.id
    assert [a.id for a in router.route(_event("a2", hours=1, stage="announced"), state)] == [
        a.id for a in edits]


def test_the_same_article_from_another_feed_is_absorbed_and_costs_no_reply() -> None:
    router, state = Router(RULES), CompanyStories()
    router.route(_event("a1"), state)
    same_link = _event("other-feed-id", hours=1,
                       article_link="https://NEWS.example/a1?utm_source=rss#top",
                       article_fingerprint="ffffffffffffffff")
    same_text = _event("third-feed-id", hours=2, article_link="https://amp.example/x",
                       article_fingerprint=_event("a1").article_fingerprint)
    assert router.route(same_link, state) == []
    assert router.route(same_text, state) == []
    # Genuinely different articles still get all three replies.
    replies = [kinds(router.route(_event(f"b{i}", hours=3 + i), state)) for i in range(3)]
    assert replies == [["followup", "followup"]] * 3


def test_near_identical_text_is_the_same_article_but_a_few_more_bits_are_not() -> None:
    base = int(_event("a1").article_fingerprint or "0", 16)
    router, state = Router(RULES), CompanyStories()
    router.route(_event("a1"), state)
    close = _event("x1", hours=1, article_fingerprint=f"{base ^ 0b11111:016x}")  # 5 bits
    far = _event("x2", hours=1, article_fingerprint=f"{base ^ 0b111111 << 20:016x}")  # 6 bits
    assert router.route(close, state) == []
    assert kinds(router.route(far, state)) == ["followup", "followup"]


def test_a_redelivered_article_raises_the_very_same_alerts_again() -> None:
    # A worker that dies between writing its table and sending the alerts gets the
    # article again: it must re-raise identical alerts (same ids; the notifier's ledger
    # posts them once), never drop them and never make new ones.
    router, state = Router(rules(max_replies=2)), CompanyStories()
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
    assert router.route(_event("a4", hours=3), state) == []  # beyond max_replies
    assert router.route(_event("a4", hours=3), state) == []
    assert [s.replies for s in state.stories] == [2, 2]


# ---- the realert window -------------------------------------------------------------------

def test_exactly_at_the_window_is_still_the_same_story() -> None:
    router, state = Router(RULES), CompanyStories()
    router.route(_event("a1"), state)
    assert kinds(router.route(_event("a2", hours=48), state)) == ["followup", "followup"]


def test_just_past_the_window_raises_a_new_alert() -> None:
    router, state = Router(RULES), CompanyStories()
    router.route(_event("a1"), state)
    late = router.route(_event("a2", hours=48 + 1 / 3600), state)
    assert kinds(late) == ["new", "new"]


def test_the_window_runs_from_the_latest_article_not_the_first() -> None:
    router, state = Router(RULES), CompanyStories()
    router.route(_event("a1"), state)
    router.route(_event("a2", hours=40), state)
    # 80 h after the first article, but 40 h after the latest: still the story.
    assert kinds(router.route(_event("a3", hours=80), state)) == ["followup", "followup"]


def test_the_window_is_per_watch_and_in_event_time() -> None:
    router, state = Router(rules(realert_after="7d")), CompanyStories()
    router.route(_event("a1"), state)
    assert kinds(router.route(_event("a2", hours=24 * 6), state)) == ["followup", "followup"]
    assert kinds(router.route(_event("a3", hours=24 * 14), state)) == ["new", "new"]


def test_dedupe_hours_still_sets_the_window() -> None:
    router, state = Router(RulesFile.model_validate({
        "watches": [{"name": "w", "companies": ["*"], "events": ["*"], "channels": ["#x"],
                     "dedupe_hours": 2}]})), CompanyStories()
    router.route(_event("a1"), state)
    assert kinds(router.route(_event("a2", hours=2), state)) == ["followup"]
    assert kinds(router.route(_event("a3", hours=4.5), state)) == ["new"]


# ---- what makes two events one story -------------------------------------------------------

def test_different_counterparty_is_a_different_story() -> None:
    router, state = Router(RULES), CompanyStories()
    router.route(_event("a1"), state)
    other = router.route(_event("a2", hours=1, counterparty="Scale AI"), state)
    assert kinds(other) == ["new", "new"]


def test_two_hires_by_one_company_in_the_window_are_two_stories() -> None:
    router, state = Router(RULES), CompanyStories()
    router.route(_event("h1", event_type="executive_hire", person="Alexandr Wang",
                        counterparty="Scale AI"), state)
    other = router.route(_event("h2", hours=1, event_type="executive_hire",
                                person="Nat Friedman", counterparty="Scale AI"), state)
    assert kinds(other) == ["new", "new"]
    same = router.route(_event("h3", hours=2, event_type="executive_hire",
                               person="alexandr wang", counterparty=None), state)
    assert kinds(same) == ["followup", "followup"]


def test_suing_and_being_sued_by_the_same_company_are_two_stories() -> None:
    router, state = Router(RULES), CompanyStories()
    router.route(_event("l1", event_type="legal", counterparty="OpenAI"), state)
    sued = router.route(_event("l2", hours=1, event_type="legal", counterparty="OpenAI",
                               role="defendant"), state)
    assert kinds(sued) == ["new", "new"]


# ---- state ----------------------------------------------------------------------------------

def test_state_survives_serialisation_like_the_faust_table() -> None:
    router, state = Router(RULES), CompanyStories()
    router.route(_event("a1"), state)
    restored = CompanyStories.model_validate_json(state.model_dump_json())
    assert kinds(router.route(_event("a2", hours=1), restored)) == ["followup", "followup"]
    # A value written before replies had their name still counts them.
    old = state.model_dump()
    for story in old["stories"]:
        story["followups"] = story.pop("replies") + 3
    assert router.route(_event("a3", hours=2), CompanyStories.model_validate(old)) == []


def test_state_is_pruned_after_a_month_of_event_time() -> None:
    router, state = Router(RULES), CompanyStories()
    router.route(_event("a1"), state)
    router.route(_event("b1", hours=24 * 31, event_type="layoffs"), state)
    assert [s.event_type for s in state.stories] == ["layoffs", "layoffs"]


def test_state_keeps_the_most_recently_active_stories() -> None:
    router, state = Router(RULES), CompanyStories()
    for n in range(MAX_STORIES // 2):  # a story per counterparty in each of two channels
        router.route(_event(f"s{n}", hours=n / 60, counterparty=f"Target {n}"), state)
    assert len(state.stories) == MAX_STORIES
    router.route(_event("s0-again", hours=5, counterparty="Target 0"), state)  # active again
    router.route(_event("fresh", hours=6, counterparty="Someone new"), state)
    assert len(state.stories) == MAX_STORIES
    kept = {s.counterparty for s in state.stories}
    assert "Target 1" not in kept and {"Target 0", "Target 2", "Someone new"} <= kept


def test_backtest_keeps_stories_per_company_and_event_type_as_the_live_table_does() -> None:
    # The live route agent keys its table by state_key (company and event type), so the
    # MAX_STORIES cap is per type: a burst of layoff stories must not push out an open
    # acquisition story. The backtest must keep the same states, or its alerts differ.
    events = [_event(f"s{n}", hours=n / 60, counterparty=f"Target {n}")
              for n in range(MAX_STORIES // 2)]  # fills the acquisition state to the cap
    events += [_event(f"cut{n}", hours=4 + n / 60, event_type="layoffs", counterparty=None)
               for n in range(3)]
    events.append(_event("s0-again", hours=5, counterparty="Target 0"))
    live_router, live_state = Router(RULES), dict[str, CompanyStories]()
    live = [a for e in events
            for a in live_router.route(e, live_state.setdefault(state_key(e), CompanyStories()))]
    backtest = EventTimeRouter(Router(RULES))
    replayed = [a for e in events
                for r in backtest.route(ArticleDigest(e.article_id, e.article_id, None, None,
                                                      e.event_time, (e,)))
                for a in r.alerts]
    assert [(a.id, a.kind) for a in replayed] == [(a.id, a.kind) for a in live]
    assert kinds(replayed[-2:]) == ["followup", "followup"]  # Target 0's story is still open


# ---- rules in force -------------------------------------------------------------------------

def test_broken_rules_file_never_replaces_running_rules(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(Path(__file__).resolve().parents[1].joinpath("samples/rules.yaml").read_text())
    holder = RulesHolder(path)
    good = holder.current
    path.write_text("watches:\n  - name: x\n    companies: [Nobody]\n    events: [layoffs]\n"
                    "    channels: ['#x']\n")
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
    # Detection, routing and pacing always come from the same rules object.
    assert current.detector.rules is current.rules and current.router.rules is current.rules
    assert current.pacer.rules is current.rules


def test_undated_article_windows_on_fetch_time_not_detection_time() -> None:
    from newswatch.schemas import Article
    from newswatch.streams.detection import Detector

    rules = load_rules(Path(__file__).resolve().parents[1] / "samples" / "rules.yaml")
    fetched = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    article = Article(id="undated", title="Meta Platforms to lay off 5% of its staff",
                      fetched_at=fetched)
    [event] = Detector(rules).detect(article)
    assert event.published == fetched and event.event_time == fetched
    assert event.article_fingerprint == article.fingerprint != ""
