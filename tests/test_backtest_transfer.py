"""What crosses from a detecting process to the parent: events rebuilt exactly, compactly;
and the backtest's collector setting is the caller's again afterwards."""

from __future__ import annotations

import gc
import pickle
from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from newswatch.schemas.event import CompanyEvent
from newswatch.schemas.rules import Company, RulesFile
from newswatch.streams.backtest import transfer
from newswatch.streams.backtest.engine import BacktestInput, NamedRules, run_backtest
from newswatch.streams.backtest.ordering import ArticleDigest

T0 = datetime(2026, 11, 2, 9, tzinfo=UTC)


def _events() -> tuple[CompanyEvent, ...]:
    full = CompanyEvent(article_id="a1", article_title="Acme buys Widget", company="Acme",
                        event_type="acquisition", role="acquirer", counterparty="Widget",
                        amount="$2 billion", amount_usd=2e9, stage="announced",
                        confidence=0.91, evidence=["Acme buys Widget for $2 billion"],
                        triggers=["buys"], published=T0, people=[])
    bare = CompanyEvent(article_id="a2", company="Widget", event_type="layoffs",
                        confidence=0.6)
    return full, bare


def test_events_come_back_equal_with_the_same_fields_set() -> None:
    batch = [((1, 0, 5), ArticleDigest("a1", "Acme buys Widget", None, "Wire", T0, _events()))]
    back = transfer.loads(transfer.dumps(batch))
    assert back == batch
    for sent, got in zip(batch[0][1].events, back[0][1].events, strict=True):
        assert type(got) is CompanyEvent
        assert got.model_fields_set == sent.model_fields_set
        assert got.model_dump_json(exclude_unset=True) == sent.model_dump_json(
            exclude_unset=True)
        assert got.id == sent.id


def test_rebuilt_events_stay_immutable_like_the_originals() -> None:
    got = transfer.loads(transfer.dumps(_events()))[0]
    with pytest.raises(ValidationError, match="frozen"):
        got.company = "Other"  # type: ignore[misc]
    assert got.model_copy(update={"confidence": 0.5}).confidence == 0.5


def test_compact_form_is_smaller_than_plain_pickle() -> None:
    events = _events() * 50
    assert len(transfer.dumps(events)) < len(pickle.dumps(events, pickle.HIGHEST_PROTOCOL))


def test_backtest_gives_the_collector_setting_back() -> None:
    before = gc.get_threshold()
    rules = RulesFile(companies=[Company(name="Acme")])
    run_backtest(BacktestInput("none", ()), NamedRules("r", rules))
    assert gc.get_threshold() == before
