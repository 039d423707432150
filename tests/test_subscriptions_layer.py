"""Slack subscriptions and mutes layered over the rules file, as the router sees them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from newswatch.schemas import CompanyEvent, RulesFile
from newswatch.schemas.subscriptions import ChannelSubscriptions, Mute, SlackSubscription
from newswatch.streams.routing import CompanyStories, Router
from newswatch.streams.subscriptions import (
    SubscriptionBook,
    SubscriptionLayer,
    effective_watches,
    mute_applies,
)

T0 = datetime(2026, 6, 23, 9, 0, tzinfo=UTC)

RULES = RulesFile.model_validate({
    "companies": [{"name": "Meta Platforms"}, {"name": "Perplexity AI"}, {"name": "OpenAI"}],
    "watches": [
        {"name": "meta", "companies": ["Meta Platforms"], "events": ["acquisition"],
         "channels": ["#ai-intel"]},
    ],
})


def _event(company: str = "Meta Platforms", *, event_type: str = "layoffs", hours: float = 0,
           counterparty: str | None = None, article: str = "a1",
           confidence: float = 0.8) -> CompanyEvent:
    return CompanyEvent.model_validate(dict(
        article_id=article, company=company, event_type=event_type,
        role="acquirer" if event_type == "acquisition" else None, counterparty=counterparty,
        confidence=confidence, published=T0 + timedelta(hours=hours)))


def _channel(channel_id: str, name: str | None, *subs: dict[str, Any],
             mutes: tuple[dict[str, Any], ...] = ()) -> ChannelSubscriptions:
    return ChannelSubscriptions(
        channel=channel_id, channel_name=name,
        subscriptions=[SlackSubscription(added_by="U1", **s) for s in subs],
        mutes=[Mute(set_by="U1", **m) for m in mutes])


def _router(*channels: ChannelSubscriptions) -> Router:
    book = SubscriptionBook({c.channel: c for c in channels}, version=1)
    return Router(RULES, subscriptions=SubscriptionLayer(book))


def _channels(alerts: list[Any]) -> list[str]:
    return sorted(a.channel for a in alerts)


def test_a_slack_subscription_alerts_its_channel_by_id() -> None:
    router = _router(_channel("C0DEALS", "deals", {"company": "Meta Platforms",
                                                   "events": ["layoffs"]}))
    alerts = router.route(_event(), CompanyStories())
    assert _channels(alerts) == ["C0DEALS"]
    assert alerts[0].watch == "slack:#deals:Meta Platforms"
    assert router.route(_event("OpenAI", article="a2"), CompanyStories()) == []


def test_event_types_and_min_confidence_of_the_subscription_apply() -> None:
    router = _router(_channel("C0DEALS", "deals", {"company": "*", "events": ["acquisition"],
                                                   "min_confidence": 0.9}))
    assert router.route(_event(event_type="layoffs", confidence=0.95), CompanyStories()) == []
    assert router.route(_event("OpenAI", event_type="acquisition", confidence=0.85),
                        CompanyStories()) == []
    assert _channels(router.route(_event("OpenAI", event_type="acquisition", confidence=0.9),
                                  CompanyStories())) == ["C0DEALS"]


def test_the_rules_file_watch_wins_when_both_name_the_same_channel() -> None:
    # #ai-intel already gets Meta acquisitions from the file; its own subscription to Meta
    # must not post a second alert for the same event.
    router = _router(_channel("C0INTEL", "ai-intel", {"company": "Meta Platforms"}))
    acquisition = router.route(_event(event_type="acquisition", counterparty="Perplexity AI"),
                               CompanyStories())
    assert [(a.watch, a.channel) for a in acquisition] == [("meta", "#ai-intel")]
    layoffs = router.route(_event(event_type="layoffs", article="a2"), CompanyStories())
    assert [(a.watch, a.channel) for a in layoffs] == [
        ("slack:#ai-intel:Meta Platforms", "#ai-intel")]


def test_a_company_removed_from_the_rules_file_drops_its_subscriptions() -> None:
    book = SubscriptionBook({"C1": _channel("C1", "x", {"company": "Gone Corp"},
                                            {"company": "OpenAI"})})
    names = [w.name for w in effective_watches(RULES, book)]
    assert names == ["meta", "slack:#x:OpenAI"]


def test_a_muted_company_is_silent_in_that_channel_only() -> None:
    until = T0 + timedelta(hours=2)
    router = _router(
        _channel("C0DEALS", "deals", {"company": "Meta Platforms"},
                 mutes=({"company": "Meta Platforms", "until": until},)),
        _channel("C0OTHER", "other", {"company": "Meta Platforms"}))
    assert _channels(router.route(_event(hours=1), CompanyStories())) == ["C0OTHER"]


def test_a_mute_applies_to_the_file_watches_of_the_channel_too() -> None:
    router = _router(_channel("C0INTEL", "ai-intel",
                              mutes=({"company": "*", "until": T0 + timedelta(days=1)},)))
    assert router.route(_event(event_type="acquisition"), CompanyStories()) == []


def test_a_mute_is_judged_at_the_event_time() -> None:
    mute = Mute(company="Meta Platforms", until=T0 + timedelta(hours=2), set_by="U1")
    assert mute_applies(mute, _event(hours=1.99))
    assert mute_applies(mute, _event(hours=-30))  # late copy of older news: silenced too
    assert not mute_applies(mute, _event(hours=2))
    router = _router(_channel("C0DEALS", "deals", {"company": "Meta Platforms"},
                              mutes=({"company": "Meta Platforms",
                                      "until": T0 + timedelta(hours=2)},)))
    assert _channels(router.route(_event(hours=3), CompanyStories())) == ["C0DEALS"]


def test_a_story_mute_silences_that_story_only() -> None:
    mute = Mute(company="Meta Platforms", event_type="acquisition",
                counterparty="Perplexity AI", until=T0 + timedelta(days=1), set_by="U1")
    assert mute.is_story
    assert mute_applies(mute, _event(event_type="acquisition", counterparty="perplexity ai"))
    assert mute_applies(mute, _event(event_type="acquisition"))  # a copy without the name
    assert not mute_applies(mute, _event(event_type="acquisition", counterparty="Scale AI"))
    assert not mute_applies(mute, _event(event_type="layoffs"))


def test_watches_are_rebuilt_when_the_book_changes() -> None:
    layer = SubscriptionLayer()
    first = layer.watches(RULES)
    assert layer.watches(RULES) is first
    layer.replace(SubscriptionBook({"C1": _channel("C1", "x", {"company": "OpenAI"})}, 2))
    assert [w.name for w in layer.watches(RULES)] == ["meta", "slack:#x:OpenAI"]
