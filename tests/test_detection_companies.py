"""Finding companies: names, aliases, tickers, possessives, case, excludes, ambiguity."""

from __future__ import annotations

import pytest

from newswatch.schemas.article import Article
from newswatch.schemas.rules import Company, RulesFile
from newswatch.streams.detection import Detector
from newswatch.streams.detection.companies import CompanyMatcher

RULES = RulesFile.model_validate({"companies": [
    {"name": "Meta Platforms", "aliases": ["Meta", "Facebook"], "tickers": ["META"],
     "exclude": ["meta-analysis"]},
    {"name": "Apple", "aliases": ["Apple Inc."], "tickers": ["AAPL"],
     "exclude": ["apple pie", "Big Apple"]},
    {"name": "Shell", "aliases": ["Shell plc"], "tickers": ["SHEL"],
     "exclude": ["shell company"]},
    {"name": "Snap", "aliases": ["Snapchat"], "tickers": ["SNAP"]},
    {"name": "Target", "tickers": ["TGT"], "exclude": ["price target"]},
    {"name": "OpenAI"},
    {"name": "GitHub"},
]})
MATCHER = CompanyMatcher(RULES)
DETECTOR = Detector(RULES)


def found(text: str) -> list[tuple[str, str]]:
    return [(m.company, m.surface) for m in MATCHER.scan(text)]


def counted(text: str) -> set[str]:
    analysis = DETECTOR.analyse(Article(id="x", title=text))
    return {m.company for m in analysis.mentions if m.counted}


def test_names_aliases_and_longest_match() -> None:
    assert found("Meta Platforms and Facebook and OpenAI") == [
        ("Meta Platforms", "Meta Platforms"), ("Meta Platforms", "Facebook"),
        ("OpenAI", "OpenAI")]


@pytest.mark.parametrize("text", [
    "Shares of $META rose.",
    "Meta Platforms (NASDAQ: META) rose.",
    "Meta Platforms (NASDAQ:META) rose.",
])
def test_tickers(text: str) -> None:
    assert ("Meta Platforms", "$META" if "$" in text else "META") in found(text)


def test_exchange_ticker_needs_an_exchange() -> None:
    assert found("(NYSE: SHEL) shares") == [("Shell", "SHEL")]
    assert found("Ratio: SHEL is not a ticker here") == []
    assert found("META said") == [("Meta Platforms", "META")]  # all-caps headline form


@pytest.mark.parametrize("text", ["Meta's new model", "Meta’s new model", "Meta’s"])
def test_possessives(text: str) -> None:
    assert found(text) == [("Meta Platforms", "Meta")]


def test_word_boundaries() -> None:
    assert found("Metadata and Metas and GitHubber") == []
    assert found("a GitHub-hosted project") == [("GitHub", "GitHub")]


def test_case_rules_for_common_words() -> None:
    assert found("Users snap photos and meta discussions abound") == []
    assert found("Snap shares rose") == [("Snap", "Snap")]
    # distinctive names match whatever the case
    assert found("an openai model") == [("OpenAI", "openai")]


def test_exclude_contexts() -> None:
    assert found("A new Meta-analysis of trials") == []
    assert found("Grandma's Apple pie won") == []
    assert found("Analysts raised their price Target") == []
    assert found("Life in the Big Apple") == []
    assert found("Apple said") == [("Apple", "Apple")]


def test_ambiguous_name_needs_corroboration() -> None:
    assert counted("Apple picking season began early in the valley.") == set()
    assert counted("Apple (NASDAQ: AAPL) said iPhone sales rose.") == {"Apple"}
    assert counted("Apple Inc. reported record revenue.") == {"Apple"}
    assert counted("Target cuts 1,800 corporate jobs.") == {"Target"}


def test_ambiguous_name_corroborated_elsewhere_in_the_article() -> None:
    article = Article(id="a", title="Shell results",
                      content="Shell plc reported higher profit. Shell will also cut 5% of "
                              "its workforce.")
    assert {(e.company, e.event_type) for e in DETECTOR.detect(article)} == {("Shell", "layoffs")}


def test_uncorroborated_common_word_raises_no_event() -> None:
    article = Article(id="b", title="Apple orchards",
                      content="Apple picking season began early, farmers said, with layoffs "
                              "expected at packing sheds.")
    assert DETECTOR.detect(article) == []


def test_explicit_ambiguity_flag_overrides_the_guess() -> None:
    rules = RulesFile(companies=[Company(name="Northwind", ambiguous=True),
                                 Company(name="Apple", ambiguous=False)])
    detector = Detector(rules)
    analysis = detector.analyse(Article(id="c", title="Northwind weather and Apple harvest"))
    by_company = {m.company: m.counted for m in analysis.mentions}
    assert by_company == {"Northwind": False, "Apple": True}


def test_one_automaton_for_many_companies() -> None:
    companies = [Company(name=f"Company{i:05d} Holdings", aliases=[f"Brand{i:05d}"])
                 for i in range(5000)]
    matcher = CompanyMatcher(RulesFile(companies=companies))
    assert matcher.key_count == 10_000
    hits = matcher.scan("Brand04999 bought Company00007 Holdings; Brand12345 did not.")
    assert [(m.company, m.surface) for m in hits] == [
        ("Company04999 Holdings", "Brand04999"),
        ("Company00007 Holdings", "Company00007 Holdings")]
