"""Feed settings in the rules file: what kind of pieces a feed carries, and whose feed it is.

A company's own newsroom says "we" where a newspaper names the company; a columnist's feed
reports news only in its headline and lead; a news show is news though laid out as a
transcript. The text does not say these things; the user who subscribes the feed does.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from newswatch.schemas.article import Article
from newswatch.schemas.errors import ConfigError, ConfigProblems
from newswatch.schemas.rules import RulesFile, load_rules
from newswatch.streams.detection import Detector

RULES = {
    "companies": [{"name": "Databricks"}, {"name": "Tabular"},
                  {"name": "Alphabet", "aliases": ["Google"]}, {"name": "Acme Robotics"}],
    "watches": [{"name": "all", "companies": ["*"], "events": ["*"], "channels": ["#news"]}],
    "feeds": [{"feed": "Databricks Newsroom", "owner": "Databricks"},
              {"feed": "Deep Takes", "genre": "opinion"},
              {"feed": "Weekly News Show", "genre": "news"}],
}
DETECTOR = Detector(RulesFile.model_validate(RULES))


def _article(title: str, content: str, *, feed: str | None = None,
             source: str | None = None) -> Article:
    return Article(id="a1", title=title, content=content, feed=feed, source=source,
                   published=datetime(2024, 6, 4, tzinfo=UTC), link="https://news.example/a1")


def _events(article: Article) -> set[tuple[str, str, str | None]]:
    return {(e.company, e.event_type, e.role) for e in DETECTOR.detect(article)}


DEAL = ("Databricks + Tabular",
        "Today we are excited to announce that we have agreed to acquire Tabular, the company "
        "founded by the original creators of Apache Iceberg.")


def test_on_the_owners_feed_we_is_the_owner() -> None:
    found = _events(_article(*DEAL, feed="Databricks Newsroom"))
    assert ("Databricks", "acquisition", "acquirer") in found
    assert ("Tabular", "acquisition", "target") in found


def test_elsewhere_we_is_nobody_in_particular() -> None:
    found = _events(_article(*DEAL, feed="Some Other Blog"))
    assert ("Databricks", "acquisition", "acquirer") not in found
    assert ("Tabular", "acquisition", "target") in found


def test_the_feed_is_found_by_its_source_and_without_regard_to_case() -> None:
    found = _events(_article(*DEAL, source="databricks newsroom"))
    assert ("Databricks", "acquisition", "acquirer") in found


@pytest.mark.parametrize("words", ["the Lakehouse team is", "our team is"])
def test_a_team_of_the_owner_is_the_owner(words: str) -> None:
    content = f"Today {words} releasing Unity Catalog, an open source governance layer."
    found = _events(_article("Unity Catalog is here", content, feed="Databricks Newsroom"))
    assert ("Databricks", "product_launch", None) in found


def test_a_quoted_we_may_be_someone_else() -> None:
    content = ("\u201cWe have acquired Widgetly to grow our robot fleet,\u201d said Jo Bloggs, "
               "chief executive of Acme Robotics.")
    found = _events(_article("Partner news", content, feed="Databricks Newsroom"))
    assert not any(company == "Databricks" for company, _, _ in found)


@pytest.mark.parametrize(("intro", "owners"), [
    # a guest author from another company: their "we" is their own company
    ("My name is Jo Bloggs and I'm the founder of a company called Widgetly.", False),
    ("This is a guest post by Jo Bloggs of Widgetly.", False),
    # the owner's own engineer introducing themselves: "we" is still the owner
    ("I'm an engineer at Databricks.", True),
])
def test_a_guest_authors_we_is_their_own_company(intro: str, owners: bool) -> None:
    content = f"{intro} We recently released Pipewise, a scheduler for data jobs."
    found = _events(_article("Building Pipewise", content, feed="Databricks Newsroom"))
    assert (("Databricks", "product_launch", None) in found) is owners


def test_the_owners_history_is_still_history() -> None:
    content = "In 2021 we acquired 8080 Labs, and in 2023 we bought MosaicML."
    assert _events(_article("A look back", content, feed="Databricks Newsroom")) == set()


BODY_STORY = (
    "Why Databricks keeps winning",
    "The data platform market keeps rewarding the companies that ship fast and sell well. "
    "Few have done both as consistently as the lakehouse vendors have. "
    "Customers say the pricing is confusing, but they keep renewing their contracts.\n\n"
    "The numbers tell the story of a market still growing at a fast clip every quarter. "
    "Analysts expect spending on data tools to double again within three years.\n\n"
    "Databricks is cutting 200 jobs in its sales division this week, people familiar "
    "with the plan said.")


def test_an_opinion_feed_reports_news_only_in_headline_and_lead() -> None:
    on_news_feed = DETECTOR.explain(_article(*BODY_STORY, feed="Some Other Blog"))
    assert any(c.accepted and c.event_type == "layoffs" for c in on_news_feed.candidates)
    on_column = DETECTOR.explain(_article(*BODY_STORY, feed="Deep Takes"))
    layoffs = [c for c in on_column.candidates if c.event_type == "layoffs"]
    assert layoffs and not any(c.accepted for c in layoffs)
    assert any("opinion: only its headline and lead" in c.reason for c in layoffs)


SHOW = (
    "Weekly news show #42",
    "Host:\n\nWelcome back to the show, the week's news in ten minutes.\n\n"
    "Guest:\n\nThanks for having me, it is good to be here again.\n\n"
    "Host:\n\nFirst up, Databricks has agreed to acquire Tabular for about $1 billion.\n\n"
    "Guest:\n\nThat is a big one for the data world, and a fast one.\n\n")


def test_a_news_show_is_news_though_laid_out_as_a_transcript() -> None:
    assert ("Databricks", "acquisition", "acquirer") not in _events(
        _article(*SHOW, feed="Some Podcast"))
    assert ("Databricks", "acquisition", "acquirer") in _events(
        _article(*SHOW, feed="Weekly News Show"))


def test_the_title_outranks_the_feeds_genre() -> None:
    obituary = _article("Obituary: Jo Bloggs, Acme Robotics founder, dies at 88",
                        "Acme Robotics agreed to acquire Widgetly last week.",
                        feed="Weekly News Show")
    report = DETECTOR.explain(obituary)
    assert report.events == []
    assert any("obituary" in c.reason for c in report.candidates)


def _problems(tmp_path: Path, feeds: str) -> list[str]:
    path = tmp_path / "rules.yaml"
    path.write_text(
        "companies:\n  - name: Databricks\nwatches:\n  - name: all\n    companies: ['*']\n"
        "    events: ['*']\n    channels: ['#news']\nfeeds:\n" + feeds, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_rules(path)
    error = caught.value
    problems = error.problems if isinstance(error, ConfigProblems) else [str(error)]
    # Each problem is one line that names the file and the line of the setting.
    assert all(p.startswith(f"{path}:") and "\n" not in p for p in problems)
    return problems


def test_an_unknown_owner_is_named_with_a_suggestion(tmp_path: Path) -> None:
    problems = _problems(tmp_path, "  - feed: Newsroom\n    owner: Databrick\n")
    assert len(problems) == 1
    assert "unknown company 'Databrick'" in problems[0]
    assert "did you mean 'Databricks'" in problems[0]


def test_a_feed_set_twice_is_an_error(tmp_path: Path) -> None:
    problems = _problems(tmp_path, "  - feed: Newsroom\n    genre: news\n"
                                   "  - feed: newsroom\n    genre: opinion\n")
    assert len(problems) == 1 and "duplicate feed 'newsroom'" in problems[0]


def test_a_feed_that_sets_nothing_or_an_unknown_genre_is_an_error(tmp_path: Path) -> None:
    problems = _problems(tmp_path, "  - feed: Newsroom\n  - feed: Column\n    genre: opinon\n")
    assert any("sets neither 'genre' nor 'owner'" in p for p in problems)
    assert any("'opinon'" in p and "did you mean 'opinion'" in p for p in problems)


def test_a_replay_sandbox_keeps_the_feed_settings(tmp_path: Path) -> None:
    from newswatch.streams.backtest.replay import rules_yaml, sandbox_rules

    sandbox = sandbox_rules(RulesFile.model_validate(RULES), "#sandbox")
    path = tmp_path / "sandbox-rules.yaml"
    path.write_text(rules_yaml(sandbox), encoding="utf-8")
    reloaded = load_rules(path)
    assert reloaded.feeds == RulesFile.model_validate(RULES).feeds
    owner = reloaded.feed_settings("Databricks Newsroom")
    assert owner is not None and owner.owner == "Databricks"
    # So a replay reads the owner's "we" as the live worker does.
    assert ("Databricks", "acquisition", "acquirer") in {
        (e.company, e.event_type, e.role)
        for e in Detector(reloaded).detect(_article(*DEAL, feed="Databricks Newsroom"))}


@pytest.mark.parametrize("genre", ["quiz", "forecast"])
def test_a_quiz_or_forecast_feed_reports_no_events(genre: str) -> None:
    """The genres of the year-end season may be set on a feed as on any other."""
    detector = Detector(RulesFile.model_validate(
        {**RULES, "feeds": [{"feed": "Friday Fun", "genre": genre}]}))
    title, content = "Databricks buys Tabular", "Databricks agreed on Monday to buy Tabular."
    assert {e.company for e in detector.detect(_article(title, content))} == {
        "Databricks", "Tabular"}
    assert detector.detect(_article(title, content, feed="Friday Fun")) == []
