"""Pacing: digests on schedule, quiet hours, channel budgets; nothing dropped, restart-safe,
and a clock the test controls (events carry their time, ticks carry theirs)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any

from newswatch.schemas import Alert, AlertMessage, CompanyEvent, DigestAlert, DigestTick, RulesFile
from newswatch.streams.routing import (
    ChannelPacer,
    ChannelState,
    CompanyStories,
    Router,
    RouteReplay,
    replay_events,
    state_key,
)
from newswatch.streams.routing.digest import ENTRIES_PER_PART, INLINE_ENTRIES
from newswatch.streams.routing.pacing import MAX_PENDING

# Friday 26 June 2026; Berlin is UTC+2, New York UTC-4.
T0 = datetime(2026, 6, 26, 6, 0, tzinfo=UTC)


def make_rules(*subscriptions: dict[str, Any], channels: list[dict[str, Any]] | None = None,
               **watch: Any) -> RulesFile:
    return RulesFile.model_validate({
        "companies": [{"name": "Meta Platforms"}, {"name": "OpenAI"}],
        "watches": [{"name": "w", "companies": ["*"], "events": ["*"],
                     "channels": list(subscriptions), **watch}],
        "channels": channels or [],
    })


def event(article: str, *, at: timedelta = timedelta(0), company: str = "Meta Platforms",
          event_type: str = "layoffs", **more: Any) -> CompanyEvent:
    fields: dict[str, Any] = dict(
        article_id=article, company=company, event_type=event_type, confidence=0.9,
        article_title=f"Story {article}", article_link=f"https://news.example/{article}",
        article_fingerprint=hashlib.sha256(article.encode()).hexdigest()[:16],
        evidence=[f"Evidence for {article}.", "A second sentence."], published=T0 + at)
    fields.update(more)
    return CompanyEvent.model_validate(fields)


class Channel:
    """Router + pacer for one rules file, states kept like the worker's tables."""

    def __init__(self, rules: RulesFile) -> None:
        self.router, self.pacer = Router(rules), ChannelPacer(rules)
        self.stories: dict[str, CompanyStories] = {}
        self.states: dict[str, ChannelState] = {}

    def send(self, e: CompanyEvent) -> list[AlertMessage]:
        out: list[AlertMessage] = []
        for alert in self.router.route(e, self.stories.setdefault(state_key(e),
                                                                  CompanyStories())):
            assert self.pacer.paces(alert.channel)
            out.extend(self.pacer.admit(alert, self.states.setdefault(alert.channel,
                                                                      ChannelState())))
        return out

    def tick(self, now: datetime, channel: str = "#c", **fields: Any) -> list[DigestAlert]:
        tick = DigestTick.at(now, **fields)
        return self.pacer.tick(tick, channel, self.states.setdefault(channel, ChannelState()))


def what(messages: list[Any]) -> list[tuple[str, str]]:
    return [(m.type, m.kind) for m in messages]


# ---- digest mode -----------------------------------------------------------------------

def test_a_digest_subscription_holds_everything_until_its_schedule() -> None:
    c = Channel(make_rules({"channel": "#c", "mode": "digest",
                            "schedule": "daily 09:00 Europe/Berlin"}))
    assert c.send(event("a", at=timedelta(hours=-20))) == []
    assert c.send(event("b", at=timedelta(hours=-1), event_type="legal")) == []
    assert c.send(event("c", company="OpenAI")) == []
    assert c.tick(datetime(2026, 6, 26, 6, 59, 59, tzinfo=UTC)) == []  # 08:59:59 in Berlin
    [digest] = c.tick(datetime(2026, 6, 26, 7, 0, tzinfo=UTC))
    assert (digest.part, digest.parts, digest.total_entries) == (0, 1, 3)
    # Grouped by company (most stories first), then event type.
    assert [(e.event.company, e.event.event_type) for e in digest.entries] == [
        ("Meta Platforms", "layoffs"), ("Meta Platforms", "legal"), ("OpenAI", "layoffs")]
    assert {e.held for e in digest.entries} == {"schedule"}
    assert c.tick(datetime(2026, 6, 26, 7, 1, tzinfo=UTC)) == []  # sent once


def test_more_on_a_waiting_story_adds_a_source_not_a_line() -> None:
    c = Channel(make_rules({"channel": "#c", "mode": "digest", "schedule": "hourly"}))
    c.send(event("a", event_type="acquisition", role="acquirer", counterparty="OpenAI",
                 stage="talks"))
    c.send(event("b", at=timedelta(minutes=5), event_type="acquisition", role="acquirer",
                 counterparty="OpenAI", stage="announced", source="Wire B"))
    c.send(event("d", at=timedelta(minutes=6), event_type="acquisition", role="acquirer",
                 counterparty="OpenAI", stage="talks"))
    [digest] = c.tick(T0 + timedelta(hours=1))
    [entry] = digest.entries
    assert entry.event.article_id == "a" and entry.event.stage == "announced"
    assert [s.link for s in entry.sources] == ["https://news.example/b",
                                               "https://news.example/d"]
    assert entry.event.evidence == ["Evidence for a."]  # held state stays small


def test_after_the_digest_went_out_a_late_article_waits_for_the_next_one() -> None:
    c = Channel(make_rules({"channel": "#c", "mode": "digest",
                            "schedule": "daily 09:00 Europe/Berlin"}))
    c.send(event("a"))
    assert len(c.tick(datetime(2026, 6, 26, 7, 0, tzinfo=UTC))) == 1
    # Published before 09:00, arriving after the digest: tomorrow's, not a second one today.
    c.send(event("late", at=timedelta(minutes=30), company="OpenAI"))
    assert c.tick(datetime(2026, 6, 26, 9, 0, tzinfo=UTC)) == []
    [tomorrow] = c.tick(datetime(2026, 6, 27, 7, 0, tzinfo=UTC))
    assert [e.event.article_id for e in tomorrow.entries] == ["late"]


def test_a_long_digest_puts_its_details_in_the_thread() -> None:
    c = Channel(make_rules({"channel": "#c", "mode": "digest", "schedule": "hourly"}))
    count = INLINE_ENTRIES + 12
    for n in range(count):
        c.send(event(f"s{n}", at=timedelta(seconds=n), company=("OpenAI" if n % 3 else
                                                                "Meta Platforms"),
                     counterparty=f"Party {n}", event_type="legal"))
    parts = c.tick(T0 + timedelta(hours=1))
    details = -(-count // ENTRIES_PER_PART)
    assert [p.part for p in parts] == list(range(details + 1))
    main, rest = parts[0], parts[1:]
    assert main.parts == details + 1 and len(main.entries) == count
    assert all(p.parent_alert_id == main.id and p.kind == "followup" for p in rest)
    assert len({p.id for p in parts}) == len(parts)
    # The thread lists every story once, in the order of the channel message.
    assert [e.story_id for p in rest for e in p.entries] == [e.story_id for e in main.entries]


# ---- quiet hours ---------------------------------------------------------------------------

QUIET = {"channel": "#c", "quiet_hours": "22:00-07:00 Europe/Berlin", "mentions": ["here"]}
NIGHT = datetime(2026, 6, 26, 21, 0, tzinfo=UTC) - T0  # 23:00 in Berlin
MORNING = datetime(2026, 6, 27, 5, 0, tzinfo=UTC)       # 07:00 in Berlin


def test_quiet_hours_hold_alerts_and_send_them_as_a_digest_when_they_end() -> None:
    c = Channel(make_rules(QUIET))
    day = c.send(event("day"))
    assert what(day) == [("company_event", "new")]
    assert c.send(event("night", at=NIGHT, company="OpenAI")) == []
    assert c.tick(MORNING - timedelta(seconds=1)) == []
    [digest] = c.tick(MORNING)
    assert [e.event.article_id for e in digest.entries] == ["night"]
    assert digest.entries[0].held == "quiet_hours" and digest.mentions == ["here"]


def test_in_quiet_hours_more_on_an_alerted_story_waits_but_its_stage_is_edited_silently() -> None:
    c = Channel(make_rules(QUIET))
    [first] = c.send(event("a", event_type="acquisition", role="acquirer",
                           counterparty="OpenAI", stage="talks"))
    late = c.send(event("b", at=NIGHT, event_type="acquisition", role="acquirer",
                        counterparty="OpenAI", stage="announced"))
    assert what(late) == [("company_event", "edit")]
    assert late[0].parent_alert_id == first.id and late[0].event.stage == "announced"
    more = c.send(event("c", at=NIGHT + timedelta(minutes=1), event_type="acquisition",
                        role="acquirer", counterparty="OpenAI", stage="announced"))
    assert more == []
    [digest] = c.tick(MORNING)
    [entry] = digest.entries
    assert entry.kind == "update" and entry.story_id == first.id and len(entry.sources) == 1


# ---- budgets -------------------------------------------------------------------------------

BUDGET = [{"channel": "#c", "budget": {"burst": 2, "rate": "6/hour"},
           "overflow_digest": "every 30m"}]


def test_alerts_over_budget_roll_into_the_next_digest_instead_of_being_dropped() -> None:
    c = Channel(make_rules({"channel": "#c"}, channels=BUDGET))
    sent = [c.send(event(f"n{n}", at=timedelta(seconds=n), counterparty=f"P{n}"))
            for n in range(5)]
    assert [len(s) for s in sent] == [1, 1, 0, 0, 0]  # a burst of two
    # Follow-ups do not spend the budget: they are capped per story instead.
    assert what(c.send(event("n0-copy", at=timedelta(minutes=1), counterparty="P0"))) == [
        ("company_event", "followup")]
    # Ten minutes later one alert's worth has refilled (6/hour), and only one.
    assert len(c.send(event("n5", at=timedelta(minutes=10), counterparty="P5"))) == 1
    assert c.send(event("n6", at=timedelta(minutes=10, seconds=1), counterparty="P6")) == []
    assert c.tick(T0 + timedelta(minutes=29)) == []
    [digest] = c.tick(T0 + timedelta(minutes=30))
    assert [e.event.article_id for e in digest.entries] == ["n2", "n3", "n4", "n6"]
    assert {e.held for e in digest.entries} == {"budget"}


def test_exactly_one_token_refilled_is_enough() -> None:
    c = Channel(make_rules({"channel": "#c"}, channels=BUDGET))
    for n in range(2):
        c.send(event(f"n{n}", counterparty=f"P{n}"))
    assert c.send(event("early", at=timedelta(minutes=9, seconds=59), counterparty="E")) == []
    assert len(c.send(event("on-time", at=timedelta(minutes=10), counterparty="T"))) == 1


def test_the_hourly_cap_counts_a_rolling_hour() -> None:
    c = Channel(make_rules({"channel": "#c"}, channels=[
        {"channel": "#c", "budget": {"hourly_cap": 2}}]))
    assert [len(c.send(event(f"n{n}", at=timedelta(minutes=20 * n), counterparty=f"P{n}")))
            for n in range(4)] == [1, 1, 0, 1]  # the third is 40 min after the first


def test_replies_to_a_story_that_went_out_in_a_digest_thread_under_the_digest() -> None:
    c = Channel(make_rules({"channel": "#c"}, channels=[
        {"channel": "#c", "budget": {"hourly_cap": 1}, "overflow_digest": "hourly"}]))
    c.send(event("first", counterparty="P0"))
    c.send(event("held", at=timedelta(minutes=1), event_type="acquisition", role="acquirer",
                 counterparty="OpenAI", stage="talks"))
    [digest] = c.tick(T0 + timedelta(hours=1))
    reply = c.send(event("more", at=timedelta(hours=2), event_type="acquisition",
                         role="acquirer", counterparty="OpenAI", stage="announced"))
    assert what(reply) == [("company_event", "update")]
    assert reply[0].parent_alert_id == digest.id


# ---- restarts and redeliveries -------------------------------------------------------------

def test_a_redelivered_alert_or_tick_gets_the_same_answer_and_nothing_twice() -> None:
    rules = make_rules({"channel": "#c"}, channels=BUDGET)
    router, pacer, state = Router(rules), ChannelPacer(rules), ChannelState()
    stories = CompanyStories()
    alerts = [router.route(event(f"n{n}", counterparty=f"P{n}"), stories)[0] for n in range(3)]
    first = [pacer.admit(a, state) for a in alerts]
    assert [len(f) for f in first] == [1, 1, 0]
    again = [pacer.admit(a, state) for a in alerts]
    assert [[m.id for m in batch] for batch in again] == [[m.id for m in b] for b in first]
    assert len(state.pending) == 1
    tick = DigestTick.at(T0 + timedelta(hours=1))
    sent = pacer.tick(tick, "#c", state)
    assert [p.id for p in pacer.tick(tick, "#c", state)] == [p.id for p in sent]
    assert pacer.tick(DigestTick.at(T0 + timedelta(hours=2)), "#c", state) == []
    # A later digest went out, then a crash: both ticks come again, each gets its own.
    late = [router.route(event(f"late{n}", at=timedelta(hours=2), counterparty=f"L{n}"),
                         stories)[0] for n in range(3)]
    assert [len(pacer.admit(a, state)) for a in late] == [1, 1, 0]  # a fresh burst of two
    later_tick = DigestTick.at(T0 + timedelta(hours=3))
    later = pacer.tick(later_tick, "#c", state)
    assert [p.id for p in pacer.tick(tick, "#c", state)] == [p.id for p in sent]
    assert [p.id for p in pacer.tick(later_tick, "#c", state)] == [p.id for p in later]
    assert later and later[0].id != sent[0].id


def test_a_full_queue_sends_its_digest_early_and_a_redelivery_sends_it_again() -> None:
    rules = make_rules({"channel": "#c", "mode": "digest", "schedule": "daily 09:00"})
    router, pacer, state = Router(rules), ChannelPacer(rules), ChannelState()
    stories = CompanyStories()
    last: Alert | None = None
    out: list[AlertMessage] = []
    for n in range(MAX_PENDING + 1):
        last = router.route(event(f"n{n}", at=timedelta(seconds=n), counterparty=f"P{n}"),
                            stories)[0]
        out = pacer.admit(last, state)
    assert last is not None
    assert {m.type for m in out} == {"digest"} and out[0].total_entries == MAX_PENDING + 1
    assert state.pending == []
    assert [m.id for m in pacer.admit(last, state)] == [m.id for m in out]


def test_state_round_trips_through_json_at_every_step_like_a_restarted_worker() -> None:
    rules = make_rules({"channel": "#c", "quiet_hours": "22:00-07:00 Europe/Berlin"},
                       channels=[{"channel": "#c", "budget": {"burst": 2, "rate": "2/hour"}}])
    # From 08:00 to 03:00 in Berlin: some over budget, some in quiet hours, some copies.
    events = [event(f"n{n}", at=timedelta(minutes=19 * n), counterparty=f"P{n % 40}",
                    company="OpenAI" if n % 2 else "Meta Platforms") for n in range(60)]
    straight = replay_events(rules, events)
    replay = RouteReplay(rules)
    restarted: list[AlertMessage] = []
    for e in events:
        restarted.extend(replay.feed(e))
        replay.stories = {k: CompanyStories.model_validate_json(v.model_dump_json())
                          for k, v in replay.stories.items()}
        replay.channels = {k: ChannelState.model_validate_json(v.model_dump_json())
                           for k, v in replay.channels.items()}
    restarted.extend(replay.finish())
    assert [m.id for m in restarted] == [m.id for m in straight]
    assert {m.type for m in straight} == {"company_event", "digest"}
    # Every story went out as it happened or in a digest: none lost, none both.
    def story(e: CompanyEvent) -> tuple[str, str | None]:
        return e.company, e.counterparty

    held = [story(e.event) for m in straight if isinstance(m, DigestAlert) and m.part == 0
            for e in m.entries if e.kind == "new"]
    posted = [story(m.event) for m in straight if isinstance(m, Alert) and m.kind == "new"]
    assert held and posted
    assert sorted(held + posted) == sorted({story(e) for e in events})


def test_a_channel_no_longer_paced_sends_what_it_held_at_the_next_tick() -> None:
    c = Channel(make_rules({"channel": "#c", "mode": "digest", "schedule": "daily 09:00"}))
    c.send(event("a"))
    c.pacer = ChannelPacer(make_rules({"channel": "#c"}))  # the rules file changed
    [digest] = c.tick(T0 + timedelta(minutes=1))
    assert [e.event.article_id for e in digest.entries] == ["a"]
