"""The /newswatch grammar and what each command does to a channel: no Slack, no Kafka."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newswatch.notifiers.slack_app import changes, commands
from newswatch.notifiers.slack_app.commands import CommandError, UnknownCompany
from newswatch.notifiers.slack_app.companies import CompanyDirectory
from newswatch.notifiers.slack_app.grammar import parse_command
from newswatch.schemas.rules import load_rules
from newswatch.schemas.subscriptions import ChannelSubscriptions

ROOT = Path(__file__).resolve().parents[1]
RULES = load_rules(ROOT / "samples" / "rules.yaml")
COMPANIES = CompanyDirectory(RULES)
NOW = datetime(2026, 6, 23, 9, 0, tzinfo=UTC)


def parse(text: str) -> commands.Command:
    return parse_command(text, COMPANIES)


def test_subscribe_takes_names_with_spaces_aliases_tickers_and_everyday_event_words() -> None:
    assert parse("subscribe Scale AI investment layoffs") == commands.Subscribe(
        "Scale AI", ("investment", "layoffs"))
    assert parse("subscribe facebook hires, funding --min-confidence 0.7") == commands.Subscribe(
        "Meta Platforms", ("executive_hire", "investment"), 0.7)
    assert parse('sub "meta platforms inc." acquisition') == commands.Subscribe(
        "Meta Platforms", ("acquisition",))
    assert parse("subscribe MSFT --min-confidence=70%") == commands.Subscribe(
        "Microsoft", ("*",), 0.7)
    assert parse("subscribe * legal") == commands.Subscribe("*", ("legal",))


def test_a_channel_can_be_named_as_slack_sends_it_or_as_typed() -> None:
    assert parse("subscribe Meta <#C0DEALS1|deals>").channel == commands.ChannelRef(
        "C0DEALS1", "deals")
    assert parse("list --channel #Deal-Flow").channel == commands.ChannelRef(None, "deal-flow")
    assert parse("summary --days 14 --channel C0DEALS1") == commands.Summary(
        14, commands.ChannelRef("C0DEALS1", None))


def test_slack_escaping_and_smart_quotes_are_undone() -> None:
    assert parse("subscribe &lt;#C0DEALS1|deals&gt; “Scale AI”") == commands.Subscribe(
        "Scale AI", ("*",), None, commands.ChannelRef("C0DEALS1", "deals"))


@pytest.mark.parametrize(("text", "message"), [
    ("subscirbe Meta", r"unknown command “subscirbe” \(did you mean “subscribe”\?\)"),
    ("subscribe Meta aquisition", r"unknown event type “aquisition” \(did you mean "
                                  r"“acquisition”\?\)"),
    ("subscribe Meta --min-confidence 7", "from 0 to 1"),
    ("subscribe Meta --min-conf 0.5", r"unknown option “--min-conf” \(did you mean"),
    ("subscribe", "name a company"),
    ("mute Meta", "say for how long"),
    ("mute Meta 0h", "must last a while"),
    ("mute Meta 100d", "at most 90 days"),
    ("mute Meta acquisitoin Perplexity 1d", "is not an event type"),
    ('subscribe "Scale AI', "a quote is not closed"),
    ("list extra words", "list takes no"),
    ("subscribe Meta --channel #", "is not a channel"),
])
def test_mistakes_say_what_to_type_instead(text: str, message: str) -> None:
    with pytest.raises(CommandError, match=message):
        parse(text)


def test_an_unknown_company_gets_suggestions_from_names_and_aliases() -> None:
    with pytest.raises(UnknownCompany) as caught:
        parse("subscribe Metta Platforms layoffs")
    assert caught.value.name == "Metta Platforms"
    assert caught.value.suggestions[0] == "Meta Platforms"
    with pytest.raises(UnknownCompany) as caught:
        parse("subscribe perplex")
    assert caught.value.suggestions == ["Perplexity AI"]
    with pytest.raises(UnknownCompany, match="no company called “Initech”") as caught:
        parse("subscribe Initech")
    assert caught.value.suggestions == []


def test_mute_a_company_or_one_story() -> None:
    assert parse("mute Meta 2h") == commands.Mute("Meta Platforms", timedelta(hours=2))
    assert parse("mute Meta acquisition perplexity 1d") == commands.Mute(
        "Meta Platforms", timedelta(days=1), "acquisition", "Perplexity AI")
    assert parse("mute * 30m") == commands.Mute("*", timedelta(minutes=30))
    assert parse("unmute all") == commands.Unmute("all")
    assert parse("unmute Meta acquisition") == commands.Unmute("Meta Platforms", "acquisition")


def test_empty_text_and_help_give_help() -> None:
    assert parse("") == commands.Help() == parse("help")


# ---- what a command does to the channel --------------------------------------------------
def _state() -> ChannelSubscriptions:
    return ChannelSubscriptions(channel="C0DEALS1", channel_name="deals")


def test_subscribing_again_widens_the_event_types_and_keeps_the_threshold() -> None:
    first = changes.subscribe(_state(), commands.Subscribe("Meta Platforms", ("layoffs",), 0.7),
                              "U1", NOW)
    assert first.changed and first.summary == (
        "Subscribed #deals to Meta Platforms: layoffs, min confidence 0.70")
    again = changes.subscribe(first.state, commands.Subscribe("Meta Platforms",
                                                             ("acquisition",)), "U2", NOW)
    assert [s.events for s in again.state.subscriptions] == [["layoffs", "acquisition"]]
    assert again.state.subscriptions[0].min_confidence == 0.7
    same = changes.subscribe(again.state, commands.Subscribe("Meta Platforms", ("layoffs",)),
                             "U2", NOW)
    assert not same.changed and same.state is again.state
    assert [(c.by, c.action) for c in again.state.changes] == [("U1", "subscribe"),
                                                              ("U2", "subscribe")]


def test_unsubscribing_some_event_types_keeps_the_rest() -> None:
    state = changes.subscribe(_state(), commands.Subscribe("Meta Platforms", ("*",)), "U1",
                              NOW).state
    less = changes.unsubscribe(state, commands.Unsubscribe("Meta Platforms", ("legal",)), "U1",
                               NOW)
    assert "legal" not in less.state.subscriptions[0].events
    assert len(less.state.subscriptions[0].events) == 8
    gone = changes.unsubscribe(less.state, commands.Unsubscribe("Meta Platforms"), "U1", NOW)
    assert gone.state.subscriptions == []
    nothing = changes.unsubscribe(gone.state, commands.Unsubscribe("OpenAI"), "U1", NOW)
    assert not nothing.changed and "has no Slack subscription to OpenAI" in nothing.summary


def test_mutes_replace_the_same_target_expire_and_lift() -> None:
    muted = changes.mute(_state(), commands.Mute("Meta Platforms", timedelta(hours=2)), "U1",
                         NOW).state
    longer = changes.mute(muted, commands.Mute("Meta Platforms", timedelta(hours=5)), "U1",
                          NOW).state
    assert [m.until for m in longer.mutes] == [NOW + timedelta(hours=5)]
    story = changes.mute(longer, commands.Mute("Meta Platforms", timedelta(days=1),
                                              "acquisition", "Perplexity AI"), "U1", NOW)
    assert story.summary == ("Muted Meta Platforms acquisition with Perplexity AI story in "
                             "#deals until 2026-06-24 09:00 UTC")
    # Expired mutes are dropped by the next change.
    later = NOW + timedelta(hours=6)
    other = changes.subscribe(story.state, commands.Subscribe("OpenAI", ("*",)), "U1", later)
    assert [m.event_type for m in other.state.mutes] == ["acquisition"]
    lifted = changes.unmute(other.state, commands.Unmute("Meta Platforms"), "U1", later)
    assert lifted.changed and lifted.state.mutes == []
    assert not changes.unmute(lifted.state, commands.Unmute("all"), "U1", later).changed


def test_the_audit_trail_is_bounded() -> None:
    state = _state()
    for n in range(60):
        state = changes.mute(state, commands.Mute("OpenAI", timedelta(minutes=n + 1)), f"U{n}",
                             NOW).state
    assert len(state.changes) == 50 and state.changes[-1].by == "U59"


# ---- handling each request once ----------------------------------------------------------
def test_copies_of_a_request_share_the_first_answer_and_failures_may_be_retried() -> None:
    import asyncio

    from newswatch.notifiers.slack_app.dedupe import Once

    runs: list[str] = []

    async def work(name: str) -> str:
        runs.append(name)
        await asyncio.sleep(0.01)
        if name == "boom":
            raise RuntimeError(name)
        return f"done {name}"

    async def main() -> None:
        once: Once[str] = Once(size=2)
        # Concurrent copies (a redelivery while the first is still running) run it once.
        first, copy = await asyncio.gather(once.run("ev1", lambda: work("a")),
                                           once.run("ev1", lambda: work("b")))
        assert (first, copy, runs) == ("done a", "done a", ["a"])
        with pytest.raises(RuntimeError):
            await once.run("ev2", lambda: work("boom"))
        assert await once.run("ev2", lambda: work("again")) == "done again"
        await once.run("ev3", lambda: work("c"))  # the oldest key falls out (size 2)
        assert await once.run("ev1", lambda: work("d")) == "done d"
        assert once.repeats == 1

    asyncio.run(main())


def test_a_signature_is_accepted_once_while_its_timestamp_is_in_the_window() -> None:
    from newswatch.notifiers.slack_app.dedupe import RecentSignatures

    now = [1_000_000.0]
    seen = RecentSignatures(300, clock=lambda: now[0])
    assert seen.first_use("v0=a", 1_000_000)
    assert not seen.first_use("v0=a", 1_000_000)
    # Long after the window, the entries are dropped (a replay then fails on the timestamp).
    for n in range(1_100):
        seen.first_use(f"v0={n}", 1_000_000)
    now[0] += 1_000
    seen.first_use("v0=new", int(now[0]))
    assert len(seen) == 1
