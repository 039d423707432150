"""The shape of an article (``detection/layout.py``): headline, lead and body zones, and the
genre read from title cues and body structure. Whatever is not recognised stays news."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newswatch.schemas.article import Article
from newswatch.schemas.rules import RulesFile
from newswatch.streams.detection import Detector
from newswatch.streams.detection.layout import (
    LEAD_SENTENCES,
    Layout,
    genre_of,
    read_layout,
)

LEAD = [
    "Acme said on Monday that it would cut jobs across Europe.",
    "The cuts affect about 500 people in sales and marketing.",
    "Talks with unions start next week, the company said.",
]
AFTER_LEAD = "Shares were flat in early trading in Frankfurt today."


def layout_of(title: str, content: str = "") -> tuple[Article, Layout]:
    article = Article(id="l", title=title, content=content)
    return article, read_layout(article, article.text)


def zone_of(article: Article, layout: Layout, phrase: str) -> str:
    """The zone of ``phrase`` (its sentence starting at the phrase, as in a list item)."""
    at = article.text.index(phrase)
    return layout.zone(at, at)


def genre(title: str, content: str = "") -> str:
    article = Article(id="g", title=title, content=content)
    return genre_of(article, article.text)[0]


# --- zones --------------------------------------------------------------------------------------

def test_headline_lead_and_body() -> None:
    assert len(LEAD) == LEAD_SENTENCES
    article, layout = layout_of("Acme to cut 500 jobs", " ".join([*LEAD, AFTER_LEAD]))
    assert layout.headline_end == len("Acme to cut 500 jobs")
    assert zone_of(article, layout, "cut 500 jobs") == "headline"
    for sentence in LEAD:
        assert zone_of(article, layout, sentence) == "lead", sentence
    assert zone_of(article, layout, AFTER_LEAD) == "body"
    assert article.text[layout.lead_end:].strip() == AFTER_LEAD


def test_bylines_datelines_and_short_lines_do_not_use_up_the_lead() -> None:
    boilerplate = "By Jane Smith\nPublished 3 May 2026\n5 min read\nPhoto: Reuters\nBerlin.\n"
    article, layout = layout_of("Acme to cut 500 jobs", boilerplate + " ".join([*LEAD, AFTER_LEAD]))
    assert zone_of(article, layout, LEAD[-1]) == "lead"
    assert zone_of(article, layout, AFTER_LEAD) == "body"


def test_a_newsletters_items_each_open_with_a_lead() -> None:
    intro = " ".join(LEAD)
    items = ["Acme agreed to buy Foo for $2 billion. Details were scarce.",
             "Bolt raised $40 million from Nvidia. It will hire engineers.",
             "Crane named a new chief executive. She starts in June."]
    bullets = "\n".join(f"- {item}" for item in items)
    article, layout = layout_of("This week in AI", f"{intro}\n{bullets}")
    assert layout.genre == "newsletter"
    for item in items:
        first, second = item.split(". ", 1)
        assert zone_of(article, layout, first) == "lead", first
        # The rest of an item is body: only the item's opening sentence leads.
        assert zone_of(article, layout, second) == "body", second


def test_outside_a_newsletter_a_line_break_does_not_open_a_lead() -> None:
    lines = [*LEAD, AFTER_LEAD, "Acme also said it would close a plant in Lyon next year."]
    article, layout = layout_of("Acme to cut 500 jobs", "\n".join(lines))
    assert layout.genre == "news"
    assert zone_of(article, layout, lines[-1]) == "body"


# --- genre from the title -----------------------------------------------------------------------

@pytest.mark.parametrize(("title", "expected"), [
    ("How to build a chatbot with Acme Cloud", "tutorial"),
    ("Getting started with Acme's new SDK", "tutorial"),
    ("Deploying a model on Acme Cloud", "tutorial"),
    ("A timeline of Acme's acquisitions", "timeline"),
    ("A brief history of Acme", "timeline"),
    ("Acme at 50: the deals that made it", "timeline"),
    ("A year since Baz: how Acme's deal aged", "timeline"),
    ("Classic gaming: 'Acme Quest' at two, and the studio behind it", "timeline"),
    ("The Acme board crisis, two years later: what we learned", "timeline"),
    ("Twenty years of Acme Maps: how a small deal changed everything", "timeline"),
    ("The day Acme bought Foo: an oral history", "timeline"),
    ("From boxes to subscriptions: how Acme changed the way software is sold", "explainer"),
    ("The year in review: Acme", "year_in_review"),
    ("Acme's CEO steps aside, Foo raises prices: our streaming year in one newsletter",
     "year_in_review"),
    ("The best laptops of 2025", "year_in_review"),
    ("Acme names its next CEO -- and 24 more reasons our list changed", "year_in_review"),
    ("Acme invests $1bn in Foo -- and 17 other moments that shaped AI (2025-2026)",
     "year_in_review"),
    ("Acme buys Foo: the deals that defined 2026", "year_in_review"),
    ("Who left, who joined: the executive shuffles that shaped tech in 2026",
     "year_in_review"),
    ("Acme, Foo and Bar top the list: 2026's biggest tech layoffs, ranked by headcount",
     "year_in_review"),
    ("2026 TECH REWIND: Acme launched a foldable, and I tested it", "year_in_review"),
    ("Acme cuts, Foo trims: the year of the layoff, revisited", "year_in_review"),
    ("27 predictions for 2027", "forecast"),
    ("Payments in 2026: Acme's tender offer, Foo's pivot and Bar's court loss",
     "year_in_review"),
    ("What's next for the frontier labs in 2027", "forecast"),
    ("Google I/O 2026: what Google could launch next week", "forecast"),
    ("Acme unveils the Fold8 in July? Everything we expect from the summer event", "forecast"),
    ("What to expect at Acme's developer conference", "forecast"),
    ("Who left, who joined: the executive carousel of 2026", "year_in_review"),
    ("Acme buys a rival and Foo settles: healthtech's 2026", "year_in_review"),
    ("Acme delays its big RPG (again): my 2026 in games", "year_in_review"),
    ("Acme sues, Foo settles: the year's last Bits of Pharma", "year_in_review"),
    ("Review: the Acme Phone 3 is a triumph", "review"),
    ("Opinion: Acme is making a mistake", "opinion"),
    ("Why I quit Acme", "opinion"),
    ("Stocks rise as Acme rallies", "market_report"),
    ("Nasdaq falls 2% on rate fears", "market_report"),
    ("Excerpt from 'The Index': the weekend Acme bought Foo", "review"),
    ("I was an engineer at Acme in 2017. Here's what that year taught me", "explainer"),
    ("Interview: Acme's chief executive on AI", "interview"),
    ("Q&A: Acme's founder looks back", "interview"),
    ("Profile: the engineer behind Acme", "profile"),
    ("Meet the founders of Acme", "profile"),
    ("Obituary: Jane Doe, Acme founder", "obituary"),
    ("Jane Doe, Acme founder, dies aged 80", "obituary"),
    ("Episode 12: Acme's CEO on chips", "transcript"),
    ("This week in AI: Acme, Foo and Bar", "newsletter"),
    ("Acme 2.3 released", "release_notes"),
    ("What is Acme Cloud?", "explainer"),
    ("We're hiring: backend engineer at Acme", "job_ad"),
    ("Job ad: Senior Product Manager, Payments (Acme)", "job_ad"),
    ("Now hiring: store managers for the holiday season", "job_ad"),
])
def test_genre_from_title_cues(title: str, expected: str) -> None:
    article = Article(id="t", title=title, content=" ".join(LEAD))
    found, cue = genre_of(article, article.text)
    assert found == expected
    assert cue.startswith("title ") and cue[len("title "):].strip("'\"").lower() in title.lower()


# --- genre from the body's structure -----------------------------------------------------------

TIMELINE = ["2019 — Acme founded in Berlin.", "2021 — Acme raises $10 million.",
            "2023 — Acme buys Foo.", "March 2025: Acme lists in Frankfurt."]
TRANSCRIPT = ["Jane Doe: Thanks for joining us.", "John Roe: Happy to be here.",
              "Jane Doe: Let's start with chips.", "John Roe: Sure, demand is strong."]
CODE = ["First install the client:", "pip install acme", "import acme",
        "from acme import client", "Then run it."]
JOB = "Responsibilities: build things. Requirements: Python. Benefits: many. Apply today."
NEWSLETTER = "In this issue: chips. Subscribe now. This week's sponsor is Acme. Read more below."
FIRST_PERSON = "I joined Acme years ago and my view is that I was lucky to be there. " * 12
# A wire's briefs under slugs in capitals, none coming back: each brief is news of its own.
SLUGS = ["SAMSUNG: Samsung Electronics began selling its tri-fold phone on Thursday.",
         "HALCYON: Halcyon raised $200 million in a share sale, the company said.",
         "MARKETS: Stock markets closed early for the holiday.",
         "TRAVEL: Airlines expected a record number of passengers."]
SPEAKERS = ["HOST: Welcome back.", "MAYA: Thanks.", "HOST: Big week for chips.",
            "JONAH: It was."]
SECTIONS = ["Clarity: sharper lenses.", "Comfort: similar.", "Latency: identical.",
            "Verdict: worth the extra."]
# Speakers in bold after a timestamp, as podcast pages set them.
BOLD_SPEAKERS = ["[05:02] **Rohan:** What I keep coming back to is the spring round.",
                 "[05:20] **Elise:** And the revenue actually supports it.",
                 "[19:15] **Elise:** This was the year it started acting like a company.",
                 "[19:32] __Rohan__: And more lawsuits than any company I can think of."]
# A trade paper's fact box and a table of cities and years: labels, but no one speaks.
SPEC_BOX = ["Acme ships LineSeq to plants today.", "Product box", "Name: LineSeq 1.0",
            "Requires: Acme MES 9.2+", "Deployment: cloud or on-premises",
            "Price: from $24,000 per line per year"]
CITY_TABLE = ["Launches by city", "Phoenix: 2020", "San Francisco: 2023", "Los Angeles: 2024",
              "Dallas: now Q4 2027 (was late 2026)"]
BRIEFING = [line for n in range(4) for line in (f"▸ Item {n} gets bigger",
                                                  f"Acme said something about item {n} today.")]


@pytest.mark.parametrize(("content", "expected"), [
    ("\n".join(TIMELINE), "timeline"),
    ("\n".join(TRANSCRIPT), "transcript"),
    ("\n".join(CODE), "tutorial"),
    ("\n".join(f"- Link {n}: something worth reading" for n in range(12)), "newsletter"),
    (JOB, "job_ad"),
    (NEWSLETTER, "newsletter"),
    (FIRST_PERSON, "opinion"),
    ("\n".join(BRIEFING), "newsletter"),
    ("\n".join(SLUGS), "newsletter"),
    ("\n".join(SPEAKERS), "transcript"),  # in capitals, but a speaker comes back
    ("\n".join(SECTIONS), "transcript"),  # a review's sections: not news either
    ("\n".join(BOLD_SPEAKERS), "transcript"),
    # what is said on the line after the label
    ("\n\n".join(line for pair in zip(("Host:", "Guest:", "Host:", "Guest:"), TRANSCRIPT,
                                      strict=True)
                 for line in (pair[0], pair[1].split(": ", 1)[1])), "transcript"),
    ("\n".join(SPEC_BOX), "news"),
    ("\n".join(CITY_TABLE), "news"),
])
def test_genre_from_body_structure(content: str, expected: str) -> None:
    assert genre("Notes on Acme", content) == expected


@pytest.mark.parametrize(("content", "expected"), [
    ("\n".join(TIMELINE[:2]), "news"),  # two dated lines are not yet a timeline
    ("\n".join(TIMELINE[:3]), "timeline"),
    ("\n".join(TRANSCRIPT[:3]), "news"),
    ("\n".join(SLUGS[:3]), "news"),
    ("\n".join(TRANSCRIPT), "transcript"),
    ("\n".join(CODE[:2] + CODE[-1:]), "news"),  # one command is an aside
    ("\n".join(CODE), "tutorial"),
    ("\n".join(f"- Link {n}: something worth reading" for n in range(11)), "news"),
    (FIRST_PERSON[:len(FIRST_PERSON) // 4], "news"),  # too short to call
    ("\n".join(BRIEFING[:6]), "news"),  # three marked items are not yet a briefing
])
def test_structure_needs_enough_evidence(content: str, expected: str) -> None:
    assert genre("Notes on Acme", content) == expected


# --- news stays news ----------------------------------------------------------------------------

NEWS_STORY = (
    "Acme said on Monday it would cut 500 jobs in Europe, its second round of cuts this year. "
    "\"I know this is hard for my colleagues,\" chief executive Jane Doe told staff in a memo. "
    "The company employs about 12,000 people and has struggled with falling demand for its "
    "industrial sensors since the start of the year. Analysts said the cuts were expected. "
    "Shares rose 2% in Frankfurt. The reductions will mostly affect sales and administration, "
    "the company said, and will be completed by the end of the year. Unions said they would "
    "seek talks with management over severance terms and the timing of the cuts. A spokesperson "
    "declined to comment on whether further cuts were planned. Acme reports quarterly results on "
    "May 12, when it is expected to give more detail on the savings it expects from the plan. "
    "Acme was founded in 1968 and bought its rival Foo in 2019. Rival firms have also cut staff "
    "in recent months as orders slowed across the industry.")


@pytest.mark.parametrize("title", [
    "Acme to cut 500 jobs in Europe",
    "Acme agrees to buy Foo for $2 billion",
    "Acme names Jane Doe chief executive",
    "Acme unveils a thinner phone",
    "Acme sues Foo over a patent",
    "Acme delays its electric truck to 2027",
    "Acme and Foo team up on chips",
    "Acme's chief financial officer steps down",
    "Acme at two-year low as Foo bid collapses",
    "Acme to cut 500 jobs, two years after its last round",
    "Acme, valued at $3bn a year ago, raises $400m",
    # a digest title's last item looks back; the items before it are the day's news
    "The Deal Desk - Dec. 1: Acme and Foo team up, Bar's premium, and a year since Baz",
    "Acme previews its Q1 lineup and names a new CFO",
    "Memo excerpt: Acme chief tells staff of new layoffs",
    "Acme Q1 preview: what to expect as it buys Foo",
    "Acme may launch a cheaper phone next year, people familiar say",
    "Regulators open review of Acme deal",
    "Acme lays off 2,000 and lowers its forecasts for 2027",
    "Acme buys Foo, a maker of prediction markets",
    "Acme launches its phone and three other products",
    "Acme launches 2026 recap feature for its music app",
    "Acme to cut 500 jobs in 2026 as sales slow",
    "Acme announces its first layoffs of 2026",
    "Acme's 2026 lineup: three phones and a watch",
    "Acme cuts 2,000 jobs in its biggest layoffs since 2023",
    "Acme's year of efficiency continues with 2,000 job cuts",
])
def test_news_stays_news(title: str) -> None:
    assert genre(title, NEWS_STORY) == "news"


def test_a_news_story_with_a_quote_and_a_short_list_stays_news() -> None:
    content = NEWS_STORY + "\nThe cuts by country:\n- Germany: 200\n- France: 300\n- Spain: none"
    assert genre("Acme to cut 500 jobs", content) == "news"


@pytest.mark.parametrize(("content", "expected"), [
    ("Opinion | The Ledger Line | by Sarah Quinlan\n\n" + NEWS_STORY, "opinion"),
    ("EXPLAINER | Design & Software | By Kavya Menon\n\n" + NEWS_STORY, "explainer"),
    ("Book review | Five Days in November, by Leah Vornholt\n\n" + NEWS_STORY, "review"),
    ("Notes on Acme\nCase study\n\n" + NEWS_STORY, "explainer"),  # after the headline's copy
    ("Obituary\n" + NEWS_STORY, "obituary"),
    ("Analysis | Markets | By Ann Lee\n\n" + NEWS_STORY, "news"),  # news as often as not
    ("Review of the quarter shows Acme's sales fell.\n\n" + NEWS_STORY, "news"),  # a sentence
    ("Guide dogs at Acme's offices are welcome.\n" + NEWS_STORY, "news"),
])
def test_a_section_label_over_the_text_names_the_genre(content: str, expected: str) -> None:
    assert genre("Notes on Acme", content) == expected


# --- bugs found while writing these tests ----------------------------------------------------

def test_an_obituary_with_a_two_digit_age() -> None:
    assert genre("Jane Doe, Acme founder, dies at 80", NEWS_STORY) == "obituary"


def test_a_job_ad_titled_is_hiring() -> None:
    assert genre("Acme is hiring: senior backend engineer", NEWS_STORY) == "job_ad"


def test_high_profile_news_is_not_a_profile() -> None:
    assert genre("Acme finance chief quits in high-profile exit", NEWS_STORY) == "news"


def test_a_deal_dated_years_back_in_the_headline_is_history() -> None:
    old = Article(id="h1", title="How Acme's 2017 purchase of Foo reshaped grocery",
                  content=" ".join(LEAD), published=datetime(2025, 6, 1, tzinfo=UTC))
    assert genre_of(old, old.text) == ("timeline", "title dated 2017")
    recent = Article(id="h2", title="Acme's 2025 purchase of Foo clears its last hurdle",
                     content=" ".join(LEAD), published=datetime(2025, 6, 1, tzinfo=UTC))
    assert genre_of(recent, recent.text)[0] == "news"


@pytest.mark.parametrize(("title", "expected"), [
    ("Acme buys Foo: the dealmakers relive 2019 on stage", ("timeline", "title dated 2019")),
    ("Acme's Foo deal: two bankers revisit 2018", ("timeline", "title dated 2018")),
    # model years recalled
    ("Acme recalls 2019 models; Foo to cut 300 jobs", ("news", "")),
    # last year's deal relived is still close enough to be news of its own
    ("Acme buys Foo: the dealmakers relive 2024 on stage", ("news", "")),
    # a year that is not relived
    ("Acme buys Foo, its first deal since 2019", ("news", "")),
])
def test_a_title_that_relives_a_year_long_past_is_history(
        title: str, expected: tuple[str, str]) -> None:
    article = Article(id="r", title=title, content=" ".join(LEAD),
                      published=datetime(2025, 6, 1, tzinfo=UTC))
    assert genre_of(article, article.text) == expected


def test_a_title_framing_a_period_closed_before_the_article_looks_back() -> None:
    def dated(title: str) -> str:
        article = Article(id="y", title=title, content=" ".join(LEAD),
                          published=datetime(2025, 6, 1, tzinfo=UTC))
        return genre_of(article, article.text)[0]
    assert dated("Case 9-725-060: Foo under Acme, 2018-2022") == "timeline"
    assert dated("Hostile bid: Acme's pursuit of Foo (2003-2005)") == "timeline"
    assert dated("Software M&A review 2024: Acme's deal topped the year") == "timeline"
    # a period named inside a news headline is not its frame
    assert dated("Acme hires new CFO after turbulent 2023-24") == "news"
    assert dated("Acme to cut 500 jobs over 2025-26") == "news"
    assert dated("AI funding review 2025: Acme raises $2 billion") == "news"
    assert genre("What Acme's deal means for developers", NEWS_STORY) == "news"


def test_each_brief_under_a_slug_is_reported_news() -> None:
    article = Article(id="briefs", title="Holiday wire briefs",
                      published=datetime(2026, 12, 24, tzinfo=UTC),
                      content="Short items from a quiet day on the business wires.\n"
                              + "\n".join([SLUGS[0], "MARKETS: Stock markets closed early.",
                                           "TRAVEL: Airports were busy.",
                                           "WEATHER: Snow is expected."]))
    detector = Detector(RulesFile.model_validate({"companies": [{"name": "Samsung"}]}))
    events = detector.detect(article)
    assert {(e.company, e.event_type) for e in events} == {("Samsung", "product_launch")}


# --- the year-end season: digests of a period over, quizzes, labels of the past -------------

def _dated_genre(title: str, published: datetime, summary: str = "",
                 content: str = " ".join(LEAD)) -> tuple[str, str]:
    article = Article(id="p", title=title, summary=summary, content=content,
                      published=published)
    return genre_of(article, article.text)


LATE_NOVEMBER = datetime(2026, 11, 23, tzinfo=UTC)


@pytest.mark.parametrize("title", [
    "Top stories of Q3: Acme launches its phone, Foo folds again",
    "Acme delays its jet again; Foo hovers: Q3 in aerospace",
    "Foo fined $4m; Acme names a CFO — the October fintech digest",
    "Acme unveils its first device: September and early October in AI",
    "Foo recalls dumplings; Acme staffs up: October in retail",
    "October in review: Acme buys Foo",
    "Acme buys Foo: December 2025 in deals",
    # a span of days over before the article's day
    "Tokens Weekly: everything that happened in AI, Nov 16–22",
    "The week of 9-15 November: Acme buys Foo",
])
def test_a_title_looking_back_at_a_month_or_quarter_over_is_a_review(title: str) -> None:
    genre_found, cue = _dated_genre(title, LATE_NOVEMBER)
    assert (genre_found, cue.split(" '")[0]) == ("year_in_review", "title looks back at")


@pytest.mark.parametrize("title", [
    "Acme buys Foo: November in deals",  # the month of the article is not over
    "Top stories of Q4: Acme buys Foo",
    "Acme to cut 500 jobs in October",
    "Acme names a CFO for its October launch",
    "Acme's Q3 results beat forecasts as it buys Foo",
    "Acme picks, Nov 17–23",  # the span runs to the article's day
    "Acme's sale runs Nov 27-30",  # days to come
])
def test_a_period_still_running_or_named_in_the_news_is_no_review(title: str) -> None:
    assert _dated_genre(title, LATE_NOVEMBER)[0] == "news"


@pytest.mark.parametrize("title", [
    "Quiz: Acme got a new CFO and Foo got fined. What else do you remember?",
    "The 2026 business quiz",
    "Acme buys Foo, and other news: take our quiz",
])
def test_a_news_quiz_is_no_news(title: str) -> None:
    assert genre(title, NEWS_STORY) == "quiz"


@pytest.mark.parametrize(("title", "expected"), [
    ("'Acme will buy Foo,' and nine other calls we made for 2026 — graded", "forecast"),
    ("Our 2026 predictions, graded: Acme never bought Foo", "forecast"),
    ("Acme's 2026, by the numbers", "year_in_review"),
    ("Foo's lupus drug delayed: our No. 1 story of 2026", "year_in_review"),
    ("Gallery: new faces at the top — the CEOs who took over in 2026", "year_in_review"),
    ("Our most-read stories of the year: Acme's layoffs lead", "year_in_review"),
    ("Acme names a CFO, Foo loses its COO: fintech's year in moves", "year_in_review"),
    ("Retail's courtroom year: gift cards, refunds and a proxy fight", "year_in_review"),
])
def test_year_end_titles(title: str, expected: str) -> None:
    assert genre(title, NEWS_STORY) == expected


@pytest.mark.parametrize("title", [
    "Acme quiz app maker Foo raises $5 million",
    "Acme's Q3 by the numbers beat forecasts as it cuts 500 jobs",
    "Acme to cut 500 jobs in its toughest year in a decade",
])
def test_year_end_cues_leave_news_alone(title: str) -> None:
    assert genre(title, NEWS_STORY) == "news"


@pytest.mark.parametrize(("summary", "content"), [
    ("On this day in 2020: Acme's biggest bet.", "Acme agreed to buy Foo for $27.7 billion."),
    ("22 years ago today: the deal that ended an era.", "Acme agreed to sell its PC unit."),
    ("", "#OnThisDay, December 8, 2004\n\nAcme agreed to sell its PC unit to Foo."),
    ("", "On this day — December 1, 2020\n\nAcme agreed to buy Foo."),
    ("From the archive: how the deal was done.", "Acme agreed to buy Foo."),
])
def test_an_item_labelled_as_the_past_is_a_timeline(summary: str, content: str) -> None:
    found, cue = _dated_genre("Acme to buy Foo for $27.7 billion", LATE_NOVEMBER, summary,
                              content)
    assert (found, cue.split(" '")[0]) == ("timeline", "labelled")


def test_a_sentence_about_the_past_is_no_label() -> None:
    summary = "Five years ago today, Acme launched its first phone. On Monday it named a CEO."
    assert _dated_genre("Acme names a CEO", LATE_NOVEMBER, summary)[0] == "news"


@pytest.mark.parametrize(("title", "expected"), [
    ("Amazon's Alexa gets a daily news quiz", "news"),
    ("Grading our tech calls: 'Acme will launch a phone' (half right)", "forecast"),
    ("Our year in fintech ends with a fine: Acme penalised $5 million", "year_in_review"),
])
def test_year_end_titles_read_from_counter_cases(title: str, expected: str) -> None:
    assert genre(title, NEWS_STORY) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Acme buys a snack maker, apple prices bite: food's 2026 in five bullets", "year_in_review"),
    ("Acme acquires three clinic chains: our 2026 healthcare services scorecard",
     "year_in_review"),
    ("Deal of the year: Acme takes over Foo", "year_in_review"),
    ("Acme cut 2,000 Oregon jobs, Foo trimmed again: a year of layoffs in the Northwest",
     "year_in_review"),
    ("Ask the Money Desk: Is it too late to buy Acme?", "explainer"),
    # news
    ("Acme to cut 500 jobs in 2026 in two rounds", "news"),
    ("Acme names Jane Roe its executive of the year's biggest unit", "news"),
])
def test_year_end_titles_of_the_money_world(title: str, expected: str) -> None:
    assert genre(title, NEWS_STORY) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Acme launches a $25,000 car, Foo lets you pick: our 2027 wishlist for getting around",
     "forecast"),
    ("Acme buys Foo? Our energy outlook for 2027 says probably not", "forecast"),
    ("Acme cuts its 2027 outlook as it lays off 500", "news"),
])
def test_a_writers_outlook_or_wishlist_is_a_forecast(title: str, expected: str) -> None:
    assert genre(title, NEWS_STORY) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Health tech's 2026: Acme cuts, Foo hits, Bar keeps spending", "year_in_review"),
    ("The Power List 2026: the 25 executives who moved markets", "year_in_review"),
    ("Acme acquires Foo: my boldest fintech call for 2027", "forecast"),
    ("Acme will buy a European chip start-up in 2027, and nine other forecasts", "forecast"),
    # news
    ("Acme fires the 20 engineers who leaked its roadmap", "news"),
    ("Acme's 2026 guidance: sales to rise as it cuts 500 jobs", "news"),
])
def test_short_year_end_titles(title: str, expected: str) -> None:
    assert genre(title, NEWS_STORY) == expected


@pytest.mark.parametrize(("title", "published", "expected"), [
    ("Acme cut 2,000 jobs, Foo trimmed again: how 2026 went", datetime(2026, 12, 15), True),
    ("The 2026 Acme awards", datetime(2026, 11, 25), True),
    ("Acme, Foo and Bar: 2026 for investors", datetime(2026, 12, 31), True),
    # not at the year's end, not the article's year, not the frame
    ("The 2026 Acme awards", datetime(2026, 10, 25), False),
    ("The 2025 Acme awards", datetime(2026, 12, 15), False),
    ("Acme buys Foo, its Business Brief for December 13, 2026", datetime(2026, 12, 15), False),
    ("Acme's Q4 2026 sales beat forecasts", datetime(2026, 12, 15), False),
    ("Acme to hire 500 engineers by 2026", datetime(2026, 12, 15), False),
    ("Acme launches its 2026 Wrapped recap feature", datetime(2026, 12, 15), False),
    ("A letter to our customers at the end of 2026, and what ships today",
     datetime(2026, 12, 15), False),
])
def test_the_own_year_in_a_title_at_the_years_end_looks_back(title: str, published: datetime,
                                                             expected: bool) -> None:
    found, cue = _dated_genre(title, published.replace(tzinfo=UTC))
    assert (found == "year_in_review" and "at the year's end" in cue) is expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Did Acme just acquire Foo? A fact check of a misread filing", "explainer"),
    ("No, Acme did not buy Foo: the viral claim, debunked", "explainer"),
    ("Why Acme's CEO had to go, and why the next fix is harder", "explainer"),
    ("Why Acme walked away from Foo", "explainer"),
    # news
    ("Acme's CEO resigns; board to check facts of expense claims", "news"),
    ("Why Acme is buying Foo", "news"),
])
def test_fact_checks_and_why_it_had_to_titles_explain(title: str, expected: str) -> None:
    assert genre(title, NEWS_STORY) == expected


_RELEASE = (
    "CAMBRIDGE, Mass., June 15, 2026 /PRNewswire/ -- Halcyon Biotherapeutics, Inc. (NASDAQ: "
    "HLBX) today announced positive topline results from its Phase 3 trial.\n\n"
    "The trial met its primary endpoint, the company said on Monday.\n\n"
    "{heading}\n"
    "{next_line} Halcyon Biotherapeutics acquired Veridane Bio and launched its assay "
    "platform, and it may be sued or fail to complete acquisitions.\n")


@pytest.mark.parametrize(("heading", "next_line"), [
    ("About Halcyon Biotherapeutics", "Halcyon Biotherapeutics is a biotech company."),
    ("About Halcyon Biotherapeutics", "Founded in 2012 in Boston."),
    ("Forward-Looking Statements", "This release contains forward-looking statements."),
])
def test_a_press_releases_closing_sections_report_no_news(heading: str,
                                                          next_line: str) -> None:
    article, layout = layout_of("Halcyon Biotherapeutics Announces Topline Results",
                                _RELEASE.format(heading=heading, next_line=next_line))
    assert layout.closing_heading == heading
    detector = Detector(RulesFile.model_validate({"companies": [
        {"name": "Halcyon Biotherapeutics"}, {"name": "Veridane Bio"}]}))
    assert detector.detect(article.model_copy(update={
        "published": datetime(2026, 6, 15, tzinfo=UTC)})) == []


def test_a_storys_subheading_about_something_is_no_closing_section() -> None:
    _, layout = layout_of("Halcyon weighs its options", _RELEASE.format(
        heading="About Halcyon's offer", next_line="The offer values the company at $2 billion."))
    assert layout.closing_start == -1


def test_an_exchanges_disclaimer_and_a_filings_headings_do_not_use_up_the_lead() -> None:
    headings = ("Hong Kong Exchanges and Clearing Limited and The Stock Exchange of Hong Kong "
                "Limited take no responsibility for the contents of this announcement.\n"
                "NORTHWIND ROBOTICS HOLDINGS LIMITED (incorporated in the Cayman Islands with "
                "limited liability) (Stock Code: 2286)\n"
                "VOLUNTARY ANNOUNCEMENT — FORMATION OF JOINT VENTURE\n"
                "Item 1.01 Entry into a Material Definitive Agreement.\n")
    article, layout = layout_of("Acme to cut 500 jobs", headings + " ".join([*LEAD, AFTER_LEAD]))
    assert zone_of(article, layout, LEAD[-1]) == "lead"
    assert zone_of(article, layout, AFTER_LEAD) == "body"
    # a sentence in capitals with a lower-case word outside its brackets is prose
    shouted = "ACME SAYS it will close two plants in Ohio this year, the union said.\n"
    article, layout = layout_of("Acme to cut 500 jobs", shouted + " ".join([*LEAD, AFTER_LEAD]))
    assert zone_of(article, layout, LEAD[-1]) == "body"
