"""Is a found event the article's news? (``detection/newsworthy.py``), end to end through the
Detector on short invented articles.

A current hire, deal or layoff in a news story is reported. The same event told as
background (dated more than three weeks back), in a piece that is not news (tutorial,
timeline, obituary, ...), or only in the body of a market report, opinion piece or
interview, is not; their headline and lead still are.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newswatch.schemas.article import Article
from newswatch.schemas.rules import RulesFile, load_rules
from newswatch.streams.detection import Analysis, Detector
from newswatch.streams.detection.newsworthy import FRONT_ONLY, NOT_NEWS, tense_of
from newswatch.streams.detection.when import PAST_AFTER_DAYS

DETECTOR = Detector(RulesFile.model_validate({"companies": [
    {"name": name} for name in ("Salesforce", "Intel", "Boeing", "Stripe", "Samsung")]}))
PUBLISHED = datetime(2026, 5, 4, 9, tzinfo=UTC)  # a Monday

Pair = tuple[str, str]


def analyse(title: str, content: str = "") -> Analysis:
    return DETECTOR.analyse(Article(id="n", title=title, content=content, published=PUBLISHED))


def reported(title: str, content: str = "") -> set[Pair]:
    return {(e.company, e.event_type) for e in analyse(title, content).events}


def rejections(title: str, content: str = "") -> list[str]:
    """Why the judge turned down findings that the sentence checks had accepted."""
    return [f.reason for f in analyse(title, content).findings if f.company and not f.accepted]


def confidence(title: str, content: str = "") -> float:
    (event,) = analyse(title, content).events
    return event.confidence


def on(days_before: int) -> str:
    day = PUBLISHED - timedelta(days=days_before)
    return f"on {day:%B} {day.day}, {day.year}"


# --- current news is reported --------------------------------------------------------------------

@pytest.mark.parametrize(("title", "content", "expected"), [
    ("Salesforce names Jane Park chief financial officer",
     "Salesforce said on Monday it had appointed Jane Park as chief financial officer.",
     ("Salesforce", "executive_hire")),
    ("Salesforce agrees to buy Nimbus for $2 billion",
     "Salesforce agreed on Monday to buy the data startup Nimbus for $2 billion in cash.",
     ("Salesforce", "acquisition")),
    ("Intel to cut 6,000 jobs",
     "Intel said on Monday it would cut 6,000 jobs as it reorganises its chip units.",
     ("Intel", "layoffs")),
    # Only in the lead, under a headline about something else.
    ("Chipmakers brace for a slow summer",
     "Intel said on Monday it would cut 6,000 jobs as it reorganises its chip units.",
     ("Intel", "layoffs")),
])
def test_a_current_event_in_a_news_story_is_reported(
        title: str, content: str, expected: Pair) -> None:
    assert expected in reported(title, content)


# --- background is not ---------------------------------------------------------------------------

REVENUE = "Salesforce reports higher revenue"
REVENUE_LEAD = "Salesforce reported higher quarterly revenue on Monday."


@pytest.mark.parametrize("background", [
    "In 2019, Salesforce acquired Nimbus for $2 billion.",
    "Salesforce acquired Nimbus for $2 billion three years ago.",
    "Salesforce acquired Nimbus last March.",
    f"Salesforce acquired Nimbus {on(PAST_AFTER_DAYS + 1)}.",
])
def test_the_same_event_told_as_background_is_not_reported(background: str) -> None:
    assert ("Salesforce", "acquisition") not in reported(REVENUE, f"{REVENUE_LEAD} {background}")
    # The same sentence dated this week is news.
    assert ("Salesforce", "acquisition") in reported(
        REVENUE, f"{REVENUE_LEAD} Salesforce acquired Nimbus on Monday.")


def test_the_three_week_boundary_end_to_end() -> None:
    inside = f"Salesforce acquired Nimbus {on(PAST_AFTER_DAYS)}"
    beyond = f"Salesforce acquired Nimbus {on(PAST_AFTER_DAYS + 1)}"
    assert reported(inside) == {("Salesforce", "acquisition")}
    assert reported(beyond) == set()
    (reason,) = rejections(beyond)
    assert reason.startswith(f"background, dated '{on(PAST_AFTER_DAYS + 1)}'")
    assert f"({PAST_AFTER_DAYS + 1} days before the article)" in reason


def test_a_month_without_a_year_dates_a_past_event_but_not_a_plan() -> None:
    assert reported("Boeing's chief executive retired in February") == set()
    assert reported("Boeing's chief executive will retire in February") == {
        ("Boeing", "executive_departure")}


@pytest.mark.parametrize(("content", "expected"), [
    # the month the agreement was made, right after the object and the price
    ("Intel agreed to buy Stripe for $1.2 billion in March, and the deal was completed in "
     "April.", set()),
    ("Intel agreed to buy Stripe in March.", set()),
    # the agreement's noun: "following Intel's agreement to buy Stripe in March"
    ("The deal follows Intel's $1.2 billion agreement to buy Stripe in March.", set()),
    ("Intel signed a deal to buy Stripe in a transaction expected to close in March.",
     {("Intel", "acquisition"), ("Stripe", "acquisition")}),
    # the month the deal is to close
    ("Intel agreed to buy Stripe for $1.2 billion in a deal expected to close in March.",
     {("Intel", "acquisition"), ("Stripe", "acquisition")}),
    ("Intel agreed to buy Stripe for $1.2 billion, with the deal closing in March.",
     {("Intel", "acquisition"), ("Stripe", "acquisition")}),
    ("Intel agreed to buy Stripe in a deal set to close in March.",
     {("Intel", "acquisition"), ("Stripe", "acquisition")}),
    ("Intel agreed to buy Stripe for $1.2 billion in a deal due in March.",
     {("Intel", "acquisition"), ("Stripe", "acquisition")}),
])
def test_a_month_after_an_agreement_dates_it(content: str, expected: set[Pair]) -> None:
    assert reported("Deals", content) == expected


def test_a_delay_is_not_dated_by_the_date_it_moves_from() -> None:
    # "from March 2025": when the launch was planned, not when it was delayed.
    assert reported("Boeing delays the 777X launch from March 2025 to 2027") == {
        ("Boeing", "launch_delay")}
    assert reported("Boeing pushed back the 777X launch in March") == set()


# --- pieces that are not news -------------------------------------------------------------------

DEAL = "Salesforce agreed to buy Nimbus for $2 billion, the company said."


@pytest.mark.parametrize(("title", "genre"), [
    ("How to migrate your data to Nimbus", "tutorial"),
    ("A timeline of Salesforce's deals", "timeline"),
    ("Obituary: Jane Doe, Nimbus founder", "obituary"),
    ("Profile: the engineer behind Nimbus", "profile"),
    ("Review: Nimbus is a fine database", "review"),
    ("What is Nimbus?", "explainer"),
    ("Episode 12: the Nimbus founders", "transcript"),
    ("The best databases of 2025", "year_in_review"),
    ("27 predictions for 2027", "forecast"),
    ("What to expect from Salesforce in 2027", "forecast"),
])
def test_a_piece_that_is_not_news_reports_no_events(title: str, genre: str) -> None:
    assert genre in NOT_NEWS
    # The same lead under a news headline is reported ...
    assert ("Salesforce", "acquisition") in reported("Nimbus deal lifts data startups", DEAL)
    # ... but not in this kind of piece, and the reason names the genre and its cue.
    assert reported(title, DEAL) == set()
    (reason,) = rejections(title, DEAL)
    assert reason.startswith(f"not a news story ({genre}: title ")


def test_a_shows_notes_that_open_on_the_weeks_news_report_it() -> None:
    title = "Ep. 212: Salesforce lands a big name"
    found = reported(title, "This week: Salesforce hires Stripe's risk chief Jane Doe, plus our "
                            "take on the browser wars.")
    assert {("Salesforce", "executive_hire"), ("Stripe", "executive_departure")} <= found
    # the hosts' recollection, or the week's news told in the past, is still no report
    assert reported(title, "This week: how Salesforce hired Jane Doe in 2019, and what "
                           "came next.") == set()
    assert reported(title, "In this episode we look back: Salesforce hires Jane Doe as "
                           "risk chief.") == set()
    # the week's news named as a noun its company owns
    assert ("Salesforce", "investment") in reported(
        title, "This week: Salesforce's new investment in Stripe, and our awards of the year.")
    assert reported(title, "This week: an investment in Stripe, and our awards.") == set()


def test_a_shows_notes_naming_the_show_before_the_weeks_news() -> None:
    title = "Ep. 147: Salesforce gets a chief AI officer"
    assert ("Salesforce", "executive_hire") in reported(
        title, "This week on Checkout Lane: Salesforce hires Stripe's Jane Doe as chief AI "
               "officer, and we dig into what the job is.")
    assert ("Salesforce", "executive_hire") in reported(
        title, "This week on Checkout Lane: Salesforce named Jane Doe its first chief AI officer "
               "on Friday, and we dig into what the job is.")
    # a day long past is no news of the week
    assert reported(title, "This week on Checkout Lane: Salesforce named Jane Doe its first "
                           "chief AI officer in 2019, and what came next.") == set()


def test_a_first_person_post_telling_its_companys_own_news_reports_it() -> None:
    title = "Why I'm stepping down as CEO of Salesforce"
    filler = ("I have thought about this for a long time and my family has been patient with "
              "me. I am proud of what my team built and I will miss my colleagues. ") * 6
    own = "Salesforce's board has appointed Jane Doe as our next CEO, effective September 1. "
    other = "Salesforce's board has appointed Jane Doe as the next CEO, effective September 1. "
    assert analyse(title, filler + own + filler).layout.genre == "opinion"
    assert ("Salesforce", "executive_hire") in reported(title, filler + own + filler)
    # without the company's own voice the body of an opinion piece stays out
    assert ("Salesforce", "executive_hire") not in reported(title, filler + other + filler)


def test_a_timeline_told_in_dated_lines_reports_nothing() -> None:
    content = "\n".join(["2019 — Salesforce buys Tableau.", "2021 — Salesforce buys Slack.",
                         "2023 — Salesforce opens an AI lab.",
                         "Next: Salesforce agrees to buy Nimbus for $2 billion."])
    assert reported("Salesforce: the deals so far", content) == set()
    assert any(r.startswith("not a news story (timeline: lines that start with a date")
               for r in rejections("Salesforce: the deals so far", content))


def test_a_headline_event_in_a_piece_that_is_not_news_is_not_reported() -> None:
    assert reported("Timeline: Salesforce agrees to buy Nimbus") == set()
    assert reported("Salesforce agrees to buy Nimbus") == {("Salesforce", "acquisition")}


# --- market reports, opinion and interviews: only their headline and lead -----------------------

FILLER_LEAD = ("Markets were mixed on Monday as investors weighed central bank comments. "
               "Bond yields slipped in early trading across Europe and Asia. "
               "Oil prices rose for a third straight session on supply worries. ")
LAYOFF = "Separately, Intel said it would cut 6,000 jobs as it reorganises its chip units."


@pytest.mark.parametrize(("title", "genre"), [
    ("Stocks fall as rates worry traders", "market_report"),
    ("Opinion: rates worry traders too much", "opinion"),
    ("Interview: a fund manager on rates", "interview"),
])
def test_a_front_only_piece_reports_nothing_from_its_body(title: str, genre: str) -> None:
    assert genre in FRONT_ONLY
    content = FILLER_LEAD + LAYOFF
    # In a news story the same sentence deep in the body is reported ...
    assert reported("Chipmakers in focus as rates worry traders", content) == {("Intel", "layoffs")}
    # ... in a market report, opinion piece or interview it is not.
    assert reported(title, content) == set()
    (reason,) = rejections(title, content)
    assert reason == f"{genre.replace('_', ' ')}: only its headline and lead report news"


@pytest.mark.parametrize(("title", "content"), [
    ("Intel to cut 6,000 jobs as stocks fall", FILLER_LEAD),
    ("Opinion: Intel is right to cut 6,000 jobs", FILLER_LEAD),
    ("Stocks fall as Intel slides", LAYOFF.replace("Separately, ", "") + " " + FILLER_LEAD),
    ("Opinion: Intel's cuts go too far", LAYOFF.replace("Separately, ", "") + " " + FILLER_LEAD),
])
def test_a_front_only_piece_reports_its_headline_and_lead(title: str, content: str) -> None:
    assert reported(title, content) == {("Intel", "layoffs")}


def test_a_headline_event_in_an_interview_is_reported() -> None:
    assert reported("Interview: Boeing names Jane Park chief executive") == {
        ("Boeing", "executive_hire")}


# --- what the judge records for confidence ------------------------------------------------------

def test_a_body_report_of_the_headlines_event_is_the_same_story() -> None:
    analysis = analyse(
        "Stripe hires Boeing's finance chief",
        "Stripe said on Monday it had hired Jane Park as chief financial officer. Park will "
        "start next month. She will report to the chief executive. Boeing confirmed that Park "
        "has left the company. Separately, Boeing said it will cut 500 jobs in Seattle.")
    body = {(f.company, f.event_type): f for f in analysis.findings
            if f.accepted and f.zone == "body"}
    assert body[("Boeing", "executive_departure")].same_story
    assert not body[("Boeing", "layoffs")].same_story  # a second, different event


def test_a_date_of_this_week_raises_confidence() -> None:
    dated = confidence("Salesforce acquired Nimbus on Monday")
    undated = confidence("Salesforce acquired Nimbus")
    assert dated > undated


def test_the_headline_gives_more_confidence_than_the_body() -> None:
    in_headline = confidence("Intel to cut 6,000 jobs", FILLER_LEAD)
    in_body = confidence("Chipmakers in focus as rates worry traders", FILLER_LEAD + LAYOFF)
    assert in_headline > in_body


# --- tense ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "trigger", "expected"), [
    ("Acme will acquire Foo.", "acquire", "future"),
    ("Acme plans to acquire Foo.", "acquire", "future"),
    ("Acme may acquire Foo.", "acquire", "future"),
    ("Acme has acquired Foo.", "acquired", "perfect"),
    ("Acme has officially acquired Foo.", "acquired", "perfect"),
    ("Acme recently acquired Foo.", "acquired", "perfect"),
    ("Acme had acquired Foo.", "acquired", "past_perfect"),
    ("Acme acquired Foo.", "acquired", "past"),
    ("Acme bought Foo.", "bought", "past"),
    ("Acme was acquired by Foo.", "acquired", "past"),
    ("Acme acquires Foo.", "acquires", "present"),
    ("The acquisition of Foo is in talks.", "acquisition", "present"),
    ("The acquisition of Foo was completed.", "acquisition", "past"),
    ("The acquisition of Foo will close in June.", "acquisition", "future"),
    ("Layoffs hit Acme's sales teams.", "Layoffs", "noun"),
])
def test_tense_of(sentence: str, trigger: str, expected: str) -> None:
    start = sentence.index(trigger)
    assert tense_of(sentence, start, start + len(trigger)) == expected


# --- bugs found while writing these tests ----------------------------------------------------

@pytest.mark.parametrize(("sentence", "trigger", "expected"), [
    ('Acme will "immediately" cut 500 jobs.', "cut", "future"),
    ("Acme will soon acquire Foo.", "acquire", "future"),
    ("Acme has quietly acquired Foo.", "acquired", "perfect"),
    ("Acme has (finally) acquired Foo.", "acquired", "perfect"),
])
def test_fillers_do_not_change_the_tense(sentence: str, trigger: str, expected: str) -> None:
    start = sentence.index(trigger)
    assert tense_of(sentence, start, start + len(trigger)) == expected


def test_a_quoted_adverb_does_not_lower_confidence() -> None:
    assert confidence('Intel will "immediately" cut 6,000 jobs') == confidence(
        "Intel will cut 6,000 jobs")


def test_a_headline_verb_that_is_also_a_noun_is_present_tense() -> None:
    sentence = "Intel cuts 6,000 jobs"
    assert tense_of(sentence, sentence.index("cuts"), len(sentence)) == "present"


def test_a_plan_for_june_is_not_set_in_the_past() -> None:
    (finding,) = [f for f in analyse("Salesforce will acquire Nimbus in June").findings
                  if f.accepted]
    assert not finding.past_setting


@pytest.mark.parametrize("title", [
    "Intel, founded in 1968, will cut 6,000 jobs",
    "Intel, which bought Altera in 2015, said it would cut 6,000 jobs",
])
def test_a_dated_aside_about_the_company_does_not_make_its_news_background(title: str) -> None:
    assert reported(title) == {("Intel", "layoffs")}


# --- the front of the article dates the event -----------------------------------------------------

@pytest.mark.parametrize(("title", "content"), [
    # The headline dates it; the lead and body retell it.
    ("Salesforce bought Stripe in 2019. Here's what changed",
     "Salesforce agreed to acquire Stripe for $9 billion in stock. Developers worried."),
    # The lead dates what the headline tells.
    ("What Salesforce got when it put $2 billion into Stripe",
     "Last June, Salesforce agreed to invest $2 billion in Stripe for a 20% stake."),
])
def test_an_event_the_front_dates_in_the_past_is_not_news_when_retold(
        title: str, content: str) -> None:
    assert reported(title, content) == set()


@pytest.mark.parametrize(("title", "content"), [
    # Another deal of the same company, dated, does not date today's.
    ("Salesforce to buy Stripe for $9 billion",
     "Salesforce, which bought Samsung's cloud unit in 2019, agreed to buy Stripe."),
    # The lead dates an earlier stake and states the new one in the same sentence.
    ("Salesforce puts $2 billion more into Stripe",
     "Salesforce, which invested $500 million in Stripe in 2019, will invest $2 billion more "
     "in Stripe."),
])
def test_a_dated_earlier_event_in_the_front_leaves_todays_news(title: str,
                                                              content: str) -> None:
    assert ("Salesforce", "acquisition" if "buy" in title else "investment") in reported(
        title, content)


@pytest.mark.parametrize(("title", "content"), [
    # The lead dates the headline's deal by its year, the same unwatched target named.
    ("Salesforce buys Slack, and the office is never the same",
     "I remember where I was when Salesforce said it would buy Slack: at my kitchen table, "
     "in December 2020."),
    # ... the same number of jobs, "years ago"
    ("Intel cuts 18,000 jobs: the memo that rewrote tech's rules",
     "Three years ago this month, Intel told staff it would eliminate more than 18,000 roles."),
    # ... the same product
    ("Samsung launches Galaxy Ring everywhere, and the invoices arrive",
     "The Galaxy Ring from Samsung went on sale in November 2023 at $399."),
])
def test_a_headline_event_the_lead_dates_in_a_past_year_is_that_old_event(
        title: str, content: str) -> None:
    assert reported(title, content) == set()
    assert "background: the lead dates this event in the past" in rejections(title, content)


def test_a_lead_event_the_headline_dates_in_a_past_year_is_that_old_event() -> None:
    title = "'Salesforce launches Agentforce': at the summit, the 2024 slide and the hangover"
    assert reported(title, '"Salesforce launches Agentforce." The first slide of the talk was '
                           "the press release.") == set()
    # another product launched now is news
    assert ("Salesforce", "product_launch") in reported(
        title, "Salesforce launches Agentforce Voice on Monday, the company said.")


# "GitHub launches Copilot, a PM recalls": a memory
def test_a_clause_someone_recalls_is_no_news() -> None:
    assert reported("Intel launches its first GPU, an engineer recalls, and then the work began"
                    ) == set()
    assert ("Intel", "product_launch") in reported("Intel launches its first GPU, the company says")


@pytest.mark.parametrize(("title", "content", "expected"), [
    # the lead states it now
    ("Salesforce buys Slack", "Salesforce said on Monday it would buy Slack for $27.7 billion, "
     "a year after it first bid for the company in 2025.", ("Salesforce", "acquisition")),
    # another number: another round of cuts
    ("Intel cuts 6,000 jobs", "Intel, which eliminated 18,000 roles in 2023, is cutting again.",
     ("Intel", "layoffs")),
    # a delay of a product launched or shown before is news of its own
    ("Samsung delays Galaxy Ring 2", "Samsung first showed the Galaxy Ring 2 in 2025.",
     ("Samsung", "launch_delay")),
    # a case goes through stages, each news
    ("Stripe sues Samsung over payments patents",
     "Stripe first sued Samsung over the same patents in 2024.", ("Stripe", "legal")),
    # "again"
    ("Salesforce buys Slack again", "Salesforce bought Slack in 2020.",
     ("Salesforce", "acquisition")),
])
def test_a_headline_event_unlike_the_one_the_lead_dates_stays_news(
        title: str, content: str, expected: Pair) -> None:
    assert expected in reported(title, content)


def test_a_plan_reported_long_ago_is_dated_by_its_report() -> None:
    old = "Salesforce announced in June 2018 that it would buy Stripe for $9 billion."
    new = "Salesforce said on Monday that it would buy Stripe for $9 billion."
    assert reported("Payments in review", old) == set()
    assert ("Salesforce", "acquisition") in reported("Payments in review", new)


def test_a_gerund_subject_discusses_the_act_rather_than_reporting_it() -> None:
    assert reported("Buying Stripe was a way for Salesforce to reach developers") == set()
    assert ("Salesforce", "acquisition") in reported("Salesforce is buying Stripe")


# --- asked about, talked about, or dated by a clause on a date ----------------------------------

@pytest.mark.parametrize("title", [
    "Readers ask: why did Salesforce buy Stripe, and was it worth it?",
    "Analysts keep asking whether Intel will cut 6,000 jobs",
    "Samsung's first Galaxy designer on why she left Samsung for furniture",
    "Former Intel engineer Lars Eklund on leaving Intel and starting over",
    "Payrolls are back where they were in the summer of 2022, before Intel cut 10,000 jobs",
])
def test_questions_talk_and_clauses_hung_on_an_old_date_are_not_news(title: str) -> None:
    assert reported(title) == set()


@pytest.mark.parametrize(("title", "expected"), [
    ("Intel plans on cutting 6,000 jobs", ("Intel", "layoffs")),
    ("Intel will cut 6,000 jobs, the company said on Monday", ("Intel", "layoffs")),
    ("Salesforce agrees to buy Stripe after months of talks", ("Salesforce", "acquisition")),
])
def test_plans_and_reports_next_to_those_words_are_still_news(title: str,
                                                              expected: Pair) -> None:
    assert expected in reported(title)


@pytest.mark.parametrize("title", ["2025 in layoffs: the year's job cuts",
                                   "Tech job cuts, a month-by-month record"])
def test_a_year_or_month_by_month_record_reports_nothing(title: str) -> None:
    assert reported(title, "**February** — Intel cut roughly 1,000 roles.\n\n"
                           "**March** — Salesforce laid off about 930 employees.") == set()


def test_a_report_the_next_sentence_refutes_is_not_news() -> None:
    refuted = ("A report on Thursday said Salesforce was in advanced talks to buy Stripe. "
               "By Friday Salesforce had told outlets the report was \"not accurate\".")
    kept = ("A report on Thursday said Salesforce was in advanced talks to buy Stripe. "
            "Salesforce declined to comment.")
    assert ("Salesforce", "acquisition") not in reported("Payments weekly", refuted)
    assert ("Salesforce", "acquisition") in reported("Payments weekly", kept)


def test_a_past_event_in_the_lead_that_sets_up_now_is_background() -> None:
    title = "Cuffless blood pressure: FDA draft guidance could redraw the line"
    lead = ("Samsung launched a blood-pressure app for the Galaxy Watch{}. Now a draft FDA "
            "guidance could change how such tools reach the market.")
    assert ("Samsung", "product_launch") not in reported(title, lead.format(""))
    # dated this week, the launch is news of its own
    assert ("Samsung", "product_launch") in reported(title, lead.format(" on Monday"))
    # and a company the headline names is the story's own
    assert ("Samsung", "product_launch") in reported(
        "Samsung's watch feature meets FDA draft guidance", lead.format(""))


def test_a_headline_deal_the_lead_looks_back_at_is_background() -> None:
    title = "Salesforce bought Stripe for $9 billion. Payments are the test"
    assert ("Salesforce", "acquisition") not in reported(
        title, "Four years after the deal closed, payments look very different.")
    # days after the deal, it is still this week's story
    assert ("Salesforce", "acquisition") in reported(
        title, "Four days after the deal closed, payments look very different.")


def test_a_present_the_next_sentence_dates_in_the_past_is_background() -> None:
    title = "Salesforce is launching a new database, and it bought a Super Bowl ad to say so"
    assert ("Salesforce", "product_launch") not in reported(
        title, "That was the news in January 1994. Three people who were there recall it.")
    # a pointer at this week's news leaves it news
    assert ("Salesforce", "product_launch") in reported(
        title, "That was the news on Monday. Three people who were there recall it.")


def test_an_event_the_next_sentence_puts_years_back_is_background() -> None:
    lead = ("Jane Doe resigned from Boeing on a Tuesday, with a box and no plan. {} later "
            "she has been named air cargo person of the year.")
    title = "The engineer who walked out"
    assert ("Boeing", "executive_departure") not in reported(title, lead.format("Two decades"))
    # days later, the departure is still this week's story
    assert ("Boeing", "executive_departure") in reported(title, lead.format("Two days"))


def test_a_headline_whose_report_the_story_refutes_below_is_not_news() -> None:
    title = "Intel's foundry chief is leaving, a newsletter says"
    refuted = ("Intel's foundry chief is stepping down at the end of the quarter, according to "
               "a newsletter. By Wednesday, Intel had told reporters the claim was \"false\".")
    kept = ("Intel's foundry chief is stepping down at the end of the quarter, according to "
            "a newsletter. Intel declined to comment on the claim.")
    assert ("Intel", "executive_departure") not in reported(title, refuted)
    assert ("Intel", "executive_departure") in reported(title, kept)


def test_a_clause_with_a_subject_of_its_own_is_not_the_earlier_company_s() -> None:
    title = "Samsung denies a takeover rumour, an Oxford team releases a reading dataset"
    assert ("Samsung", "product_launch") not in reported(title)
    assert ("Samsung", "product_launch") in reported(
        "Samsung posts a record profit, releases a foldable phone")
    # after "and" the noun phrase shares the subject with the company
    assert ("Salesforce", "investment") in reported(
        "Salesforce and a consortium of banks invested $500 million in Stripe")
    # after ";" a name opens a clause of its own ...
    assert ("Salesforce", "investment") not in reported(
        "Deal roundup: Granvale completes its Salesforce takeover; Castlemoor invests $120m "
        "in Stripe")
    assert ("Salesforce", "investment") in reported(
        "Deal roundup: Salesforce closes its books; it invests $120m in Stripe")
    # ... unless it names the person put in the post
    assert ("Samsung", "executive_hire") in reported(
        "Samsung chip chief to retire; Rao named successor")
    # after a comma, a name with a verb of its own opens a clause: not a second target
    assert reported("Salesforce acquires a chip-design startup, Boeing misses another "
                    "deadline") == {("Salesforce", "acquisition")}
    # the subject of a relative clause after the object is not an object either
    assert reported("A developer agreed to buy the parcel Intel once wanted for a plant.") \
        == set()
    assert ("Intel", "acquisition") in reported("Salesforce agreed to buy the chipmaker Intel "
                                                "for $20 billion.")
    # (a name set off by commas after the object is still the object)
    assert ("Boeing", "acquisition") in reported(
        "Salesforce acquires a drone maker, Boeing, for $9 billion")


@pytest.mark.parametrize("title", [
    "Business Breakfast: 'What I learned when Salesforce bought my startup'",
    "From acquired founder to award winner: Samsung's Meera Rao on chips",
])
def test_reflections_on_an_old_deal_are_not_news(title: str) -> None:
    assert reported(title) == set()


@pytest.mark.parametrize(("title", "content"), [
    ("Retail notes", "Periodically a rumour goes around that Salesforce is about to buy Stripe."),
    ("Chip notes", "Nobody is going to buy Intel for $400 billion; nobody could."),
    ("'Move fast' is dead: notes on the year Intel cut 11,000 jobs", ""),
    ("AMA recap", "I was on the cloud team when Salesforce bought Stripe, and it was chaos."),
    ("Fact check", "**Didn't happen.** A post that went viral claimed Salesforce was in talks "
                   "to buy Stripe."),
    ("Fact check", "Didn't happen. A post that went viral claimed Salesforce was in talks to "
                   "buy Stripe."),
])
def test_habits_nobodies_past_times_and_verdicts_are_not_news(title: str, content: str) -> None:
    assert reported(title, content) == set()


def test_a_year_in_review_with_month_labels_reports_nothing() -> None:
    months = "\n".join(f"**{m}** — Intel cut 1,000 jobs." for m in ("January", "February",
                                                                     "March", "April"))
    assert reported("Our 2025: the news in four lines", "Thanks for reading.\n" + months) == set()
    assert reported("2025 in 12 headlines: our year-in-review issue", "Intel cut jobs.") == set()


def test_a_deal_named_as_over_is_background_but_ending_it_is_news() -> None:
    assert reported("Chip notes", "Intel's abandoned $40 billion bid for Stripe still shapes "
                                  "how investors read them.") == set()
    assert ("Intel", "acquisition") in reported("Intel abandons its $40 billion bid for Stripe")


def test_a_deal_named_as_pending_is_background_but_a_step_it_takes_is_news() -> None:
    assert reported("Arb desk", "The spread on Intel's pending $62-a-share takeover of Stripe "
                                "widened to 7.1% on Monday.") == set()
    assert reported("Arb desk", "Stripe shares rose as the previously announced $9 billion "
                                "takeover of Stripe by Intel neared its vote.") == set()
    assert ("Intel", "acquisition") in reported(
        "Chip deals", "EU regulators on Monday cleared Intel's pending takeover of Stripe.")


def test_a_company_in_a_founded_by_aside_is_not_the_subject() -> None:
    title = "Kairo Analytics, founded by former Salesforce and Stripe executives, raises $18M"
    assert reported(title, "The Austin-based startup's round was led by Bluebonnet "
                           "Ventures.") == set()


@pytest.mark.parametrize("title", [
    "Galaxy Ring review: three months after Samsung launched it",
    "Colour e-readers compared: the Samsung tablet versus the Kobo",
])
def test_reviews_and_comparisons_report_nothing(title: str) -> None:
    assert reported(title, "Samsung launched the ring in the spring.") == set()


def test_an_item_of_the_release_the_headline_reports_is_its_news() -> None:
    # newsad's item 40 (its read half): a buyback release that also names a chief scientist,
    # "In the same release, Meta said it had hired Dr. Helena Varga ..." in its third paragraph
    bench = Path(__file__).parent.parent / "bench"
    detector = Detector(load_rules(bench / "devset/rules.yaml"))
    raw = json.loads((bench / "newsad/articles.jsonl").read_text().splitlines()[39])
    assert raw["id"] == "nad-0040"
    article = Article.model_validate({k: v for k, v in raw.items() if k in Article.model_fields})
    # (at a watch's default min_confidence)
    found = {(e.company, e.event_type) for e in detector.detect(article) if e.confidence >= 0.5}
    assert ("Meta Platforms", "executive_hire") in found


@pytest.mark.parametrize(("content", "expected"), [
    # a hands-on written the day the product is shown reports that day's news
    ("Samsung unveiled the Galaxy XR 2 this morning, with pre-orders open now.",
     {("Samsung", "product_launch")}),
    ("We tried it a few hours before Intel unveiled its Lunar Bay chips this afternoon.",
     {("Intel", "product_launch")}),
    # a launch days or months back stays the background of the review
    ("Samsung unveiled the Galaxy XR 2 last Tuesday, with pre-orders open now.", set()),
    ("Samsung launched the Galaxy XR 2 in the spring.", set()),
])
def test_a_hands_on_dated_today_reports_the_days_launch(content: str,
                                                         expected: set[Pair]) -> None:
    title = "Galaxy XR 2 hands-on: lighter, sharper, still pricey"
    assert reported(title, "Hands-on | By Lucas Grant\n\n" + content) == expected


def test_a_week_in_review_is_not_a_product_review() -> None:
    assert ("Intel", "layoffs") in reported("Week in review: Intel cuts 3,000 jobs")


def test_its_first_product_is_still_dated_by_the_date_after_it() -> None:
    assert reported("E-readers", "Samsung launched its first colour tablet last October.") == set()


@pytest.mark.parametrize(("title", "content"), [
    ("Data centres", "Salesforce's $2bn Malaysia investment announced in May 2024 had helped "
                     "set off the rush."),
    ("Airport rules", "The drivers can't easily reach the arrivals area and they get fined by "
                      "airport police, Stripe says."),
    ("Bank rumours", "Let me be clear: I have no information that Stripe is looking at buying "
                     "Samsung, or doing anything of the sort."),
])
def test_dated_by_its_own_preposition_people_s_they_and_no_information(title: str,
                                                                       content: str) -> None:
    assert reported(title, content) == set()


def test_a_rumour_labelled_as_such_is_still_news() -> None:
    assert ("Salesforce", "acquisition") in reported(
        "Deal watch", "Rumour. Salesforce is in talks to buy Stripe, people familiar with the "
                      "matter said on Monday.")


def test_an_earlier_case_named_as_such_is_background() -> None:
    assert reported("Fintech rules", "Regulators pointed to an earlier multistate case "
                                     "against Stripe's parent.") == set()
    assert ("Stripe", "legal") in reported("Regulators file a multistate case against Stripe")


def test_a_delay_is_dated_by_the_report_it_was_told_in_not_by_its_new_dates() -> None:
    # Published in May 2026: last October is seven months back; 2027 is where it moved to.
    assert reported("Aircraft", "Boeing pushed first delivery of the 777X to 2027 when it "
                                "reported results last October.") == set()
    assert reported("Games", "Samsung delayed the release of its game from March into 2027 "
                             "when it reported results last October.") == set()
    assert ("Boeing", "launch_delay") in reported(
        "Aircraft", "Boeing pushed first delivery of the 777X into 2027 when it reported "
                    "results on Monday.")


def test_a_delay_moved_to_a_future_date_is_dated_by_its_report() -> None:
    body = ("Studios are busy this winter. Retailers report strong preorders for consoles. "
            "Analysts expect a quiet spring. In a short post on Monday, Samsung said its "
            "open-world game has been pushed back to spring 2027.")
    assert ("Samsung", "launch_delay") in reported("Games news of the week", body)
    delays = [f for f in analyse("Games news of the week", body).findings
              if f.event_type == "launch_delay" and f.accepted]
    assert delays and all(f.dated_now for f in delays)  # "on Monday", not "2027"


def test_one_statement_has_one_date_for_all_its_triggers() -> None:
    sentence = ("Salesforce said {} that it would cut about 10% of its workforce and close some "
                "offices.")
    assert reported("Software", sentence.format("in January 2023")) == set()
    assert ("Salesforce", "layoffs") in reported("Software", sentence.format("on Monday"))


def test_a_subordinate_clause_with_its_own_named_subject_is_not_the_earlier_company_s() -> None:
    assert reported("Index changes", "Salesforce joined the S&P 500 in July, replacing Hess "
                                     "after Chevron completed its acquisition of the oil "
                                     "producer.") == set()
    # the company before still acts when the clause is a speaker's, or has no subject of its own
    assert ("Salesforce", "acquisition") in reported(
        "Software", "Salesforce shares rose on Monday after Marc Benioff announced its "
                    "acquisition of Stripe.")
    assert ("Salesforce", "acquisition") in reported(
        "Software", "Salesforce said on Monday, after weeks of talks, that it completed its "
                    "acquisition of Stripe.")


def test_the_company_an_analyst_called_wrong_is_not_who_fired_him() -> None:
    assert reported("The Analyst Who Called Boeing's Merger a Mistake, and Got Fired for It"
                    ) == set()


def test_a_second_event_of_the_kind_is_not_the_dated_statement_again() -> None:
    assert ("Salesforce", "layoffs") in reported(
        "Software", "Salesforce said in January 2023 that it would cut 10% of its workforce and "
                    "will now close 20 more offices.")


@pytest.mark.parametrize(("title", "content"), [
    ("AI labs", "A year and a bit after Intel's chief scientist left Intel, his lab remains "
                "quiet."),
    ("Alumni", "Jane Park joined Stripe as chief financial officer when the company still fit "
               "on one floor, and left four years later."),
    ("Where are they now", "Samsung launched the Galaxy Fold when the phone unit was twelve "
                           "people in a converted office."),
    ("Browsers", "Samsung launched Orbit, its AI-first web browser, in July, initially for "
                 "subscribers."),
    ("Samsung launches the Orbit browser for everyone: a developer's review", ""),
    ("Product notes: what Samsung's delayed Orbit taught product managers", ""),
    ("Hospitals", "A class action filed Monday accuses three hospital systems of colluding, and "
                  "its authors name their template: the case that Intel and Samsung settled."),
])
def test_past_states_reports_and_other_clauses_do_not_make_news(title: str,
                                                                content: str) -> None:
    assert reported(title, content) == set()


def test_a_delay_still_reported_in_words_of_its_own_is_news() -> None:
    assert ("Samsung", "launch_delay") in reported("Samsung delayed its foldable phone to 2027")
    assert ("Samsung", "launch_delay") in reported(
        "Phones", "Samsung said on Monday it would push its foldable phone into 2027.")
    assert ("Samsung", "product_launch") in reported(
        "Browsers", "Samsung launched Orbit, its AI-first web browser, on Monday.")


# Real-news phrasings a review of the rules above found them suppressing: each must stay news.
_KEEP = [
    ("Salesforce completes acquisition of Stripe", "Salesforce said in February it would acquire "
     "Stripe for about $8 billion. The deal closed on Monday.", ("Salesforce", "acquisition")),
    ("Business news", "Boeing hired Pat Shanahan, who ran a supplier when it was spun off from "
     "Boeing, as chief operating officer.", ("Boeing", "executive_hire")),
    ("Business news", "Stripe has raised $2 billion in a round that included Intel among its "
     "investors, the company said on Monday.", ("Intel", "investment")),
    ("Samsung's delayed foldable phone now postponed to 2027", "", ("Samsung", "launch_delay")),
    ("Acquisition of Stripe: Salesforce completes $8 billion deal", "",
     ("Salesforce", "acquisition")),
    ("Intel to cut 20% of staff: an internal review", "", ("Intel", "layoffs")),
    ("Business news", "Salesforce is cutting 4,000 customer support jobs, despite a pledge its "
     "chief made when he addressed employees last year.", ("Salesforce", "layoffs")),
    ("Business news", "Intel shares rose 5% after Lip-Bu Tan pledged to cut 20% of the "
     "workforce.", ("Intel", "layoffs")),
    ("Business news", "A software company called Salesforce acquired a data startup on Monday.",
     ("Salesforce", "acquisition")),
    ("Business news", "Intel said last August that it would lay off 15,000 workers, and it is "
     "laying off thousands of factory staff in Oregon this week.", ("Intel", "layoffs")),
    ("Boeing delays 777X again", "Boeing pushed back first delivery of its 777X jet to 2027, a "
     "year later than the target it set when it reported results in January.",
     ("Boeing", "launch_delay")),
]


@pytest.mark.parametrize(("title", "content", "event"), _KEEP)
def test_real_news_in_the_shapes_of_those_rules_is_still_news(title: str, content: str,
                                                              event: Pair) -> None:
    assert event in reported(title, content)


@pytest.mark.parametrize(("title", "content"), [
    ("What Salesforce's Stripe deal taught regulators, and what it didn't",
     "Salesforce acquired Stripe after a long review."),
    ("Lessons from Intel's layoffs: what managers got wrong", "Intel cut 15,000 jobs."),
    ("Profiles", "He spent thirteen years suing Boeing, and he is still not sorry."),
])
def test_lessons_and_long_past_stretches_are_not_news(title: str, content: str) -> None:
    assert reported(title, content) == set()


def test_a_question_of_what_comes_next_is_still_news() -> None:
    assert ("Intel", "layoffs") in reported("What Intel's job cuts mean for Oregon",
                                            "Intel will cut 15,000 jobs, it said on Monday.")
    assert ("Boeing", "legal") in reported("Pilots are suing Boeing over the 737 MAX",
                                           "The pilots filed the suit on Monday.")


@pytest.mark.parametrize(("title", "content"), [
    ("Where are they now", "OCALA, Fla. — In the fall of 2020, Samsung cut about 28,000 jobs "
                           "in its parks division."),
    ("Where are they now", "GRAFTON, Vt. — In January 2023, Salesforce announced it would cut "
                           "about 10% of its workforce."),
    ("The shortage", "Samsung's new graphics card went on sale that day."),
])
def test_a_dateline_is_no_aside_and_that_day_is_a_story_told(title: str, content: str) -> None:
    assert reported(title, content) == set()


def test_the_same_day_as_todays_news_is_still_news() -> None:
    assert ("Samsung", "launch_delay") in reported(
        "Samsung sued by shareholders as its foldable phone slips again",
        "Shareholders filed a lawsuit on Monday, the same day Samsung said it had pushed the "
        "foldable phone to 2027.")


def test_a_noun_restating_a_dated_act_shares_its_date() -> None:
    """'Intel cut 11,000 jobs in November 2022, its first mass layoff': one old event."""
    assert reported("Tech layoffs, by the numbers",
                    "Intel cut 11,000 jobs in November 2022, its first mass layoff.") == set()
    # ... but a new act in the same sentence is its own news
    assert ("Intel", "layoffs") in reported(
        "Intel layoffs", "Intel cut jobs in November 2022 and announced a new layoff today.")


def test_a_delay_to_a_date_already_past_is_history() -> None:
    """A delay 'to October 2024' told in 2026 is over; 'to 2027' is still news."""
    assert reported("Summit recap: Stripe on its hardest year",
                    "Stripe delayed the truck's launch from 2023 to October 2024, and it "
                    "still shipped with bugs.") == set()
    assert ("Stripe", "launch_delay") in reported(
        "Stripe delays its electric truck to 2027", "Stripe delayed the truck's launch to 2027.")


def test_a_span_before_a_dated_day_dates_the_act() -> None:
    assert reported("A new book on Boeing", "Boeing fired its chief executive two days "
                    "before Christmas 2019.") == set()
    assert ("Boeing", "executive_departure") in reported(
        "Boeing fires its chief executive", "Boeing fired its chief executive on Monday, two "
        "days before its annual meeting.")


def test_a_date_after_an_aside_on_the_object_dates_the_act() -> None:
    """'bought RouteLine, a startup that used gig drivers ..., in the summer of 2020'."""
    reasons = rejections("Nashville's delivery scene", "Stripe bought RouteLine, a Nashville "
                         "delivery startup that used gig drivers to bring packages to people's "
                         "homes, in the summer of 2020.")
    assert any(r.startswith("background, dated 'of 2020'") for r in reasons), reasons
    assert ("Stripe", "acquisition") in reported(
        "Stripe buys Gimlet", "Stripe bought Gimlet Media, a Brooklyn podcast company, on "
        f"{PUBLISHED - timedelta(days=1):%A}.")


def test_seasons_ago_are_past() -> None:
    assert reported("The podcast scene", "Stripe folded the studio two summers ago and cut "
                    "about 200 podcast jobs.") == set()


def test_a_report_long_ago_dates_what_it_says_had_happened() -> None:
    assert reported("HQ2's first phase is built", "Samsung announced in November 2018 that "
                    "it had chosen Jane Doe as chief executive of its US arm.") == set()


def test_also_goes_on_with_the_dated_sentence_before() -> None:
    """'On August 1, 2016, Uber agreed to sell ... Didi also agreed to invest in Uber'."""
    text = ("On August 1, 2016, Intel agreed to sell its China unit to Didi Chuxing. "
            "Didi also agreed to invest $1 billion in Stripe.")
    assert ("Stripe", "investment") not in reported("A case study", text)
    # a sentence with a date of its own is its own news
    assert ("Stripe", "investment") in reported(
        "Stripe news", "Intel sold its China unit to Didi Chuxing in 2016. Didi also agreed "
        "on Monday to invest $1 billion in Stripe.")


def test_a_name_and_a_gerund_title_names_a_topic() -> None:
    assert reported("Stripe: Buying a Failed Bank in a Crisis",
                    "A case study for the spring term.") == set()
    assert ("Stripe", "acquisition") in reported("Stripe buys a failed bank in a crisis",
                                                 "The deal closed on Monday.")


def test_a_month_of_a_year_already_told_is_past() -> None:
    """'said in August that year that it would cut': a plan of a year the story named."""
    assert reported("Intel's foundry gets a new boss", "Intel said in August that year that "
                    "it would cut about 15% of its workforce.") == set()
    # a plan for a month to come is still news
    assert ("Intel", "layoffs") in reported("Intel to cut jobs", "Intel will cut 15% of its "
                                            "workforce in August.")


def test_its_is_not_a_company_in_an_aside() -> None:
    """'hired Raj, the Intel vice president who ran X, to become its head of compute'."""
    found = analyse("Stripe hires Intel's infrastructure chief", "Stripe has hired Raj "
                    "Mehrotra, the Intel corporate vice president who ran infrastructure for "
                    "its AI supercomputers, to become its head of compute, the company said "
                    "on Monday.").findings
    become = [f for f in found if f.trigger == "to become its head of"]
    assert [(f.company, f.accepted) for f in become] == [("Stripe", True)]


def test_a_number_comma_is_no_aside() -> None:
    """'laid off 15,000 employees in August 2024, the company told staff on Monday': the
    comma in 15,000 opens no aside, so the old date stays the comparison's."""
    assert ("Intel", "layoffs") in reported(
        "Business news roundup", "Intel is cutting more than 20% of its workforce, a deeper "
        "reduction than when it laid off 15,000 employees in August 2024, the company told "
        "staff on Monday.")


def test_also_goes_on_with_this_weeks_story() -> None:
    lead = ("Investigators published their report on the rig explosion on Friday. It blames "
            "poor maintenance and weak oversight for the blast. The owner disputed its "
            "findings in a statement to reporters. ")

    def stripe_sued(sentence_before: str) -> float:
        found = [e for e in analyse("Report faults rig operator",
                                    lead + sentence_before + " It also filed a lawsuit "
                                    "against Stripe, which processed the payments.").events
                 if e.company == "Stripe"]
        return found[0].confidence if found else 0.0

    # The sentence before is this week's: the 'also' one is its story, and news.
    assert stripe_sued("This week, Boeing launched legal action against Samsung.") >= 0.5
    # Undated, it stays a past-tense statement deep in the body.
    assert stripe_sued("Boeing launched legal action against Samsung.") < 0.5


@pytest.mark.parametrize(("title", "content"), [
    # what follows "two months after" is that long before the article
    ("Two months after Intel's 14,000 job cuts, the people who left are scattering", ""),
    # an irregular past with a month: last year's September, not next
    ("Four months with Samsung's glasses", "Samsung's glasses went on sale in the US at the "
     "end of September for $799, with a wristband that reads your forearm."),
    ("Why AI researchers cost so much", "In January, Boeing put $14 billion into Stripe for a "
     "49% stake and brought its founder in-house."),
    # the agreement's date is the deal's
    ("Salesforce hits a record", "Salesforce, which agreed in February to buy Stripe for $32 "
     "billion, crossed the milestone on Monday."),
    ("Salesforce hits a record", "Salesforce, which in February agreed to buy Stripe for $32 "
     "billion, is still awaiting approval."),
    # a clause hanging on the date, then the purpose of the move
    ("Intel's new chief on primary care", "Jane Park left Boeing in the summer of 2023, a few "
     "months after Boeing closed its purchase of a parts maker, to become chief executive of "
     "Intel."),
])
def test_events_dated_in_the_past_by_their_own_clause(title: str, content: str) -> None:
    assert reported(title, content) == set()


def test_the_clause_after_the_after_clause_is_todays() -> None:
    assert reported("Six months after its IPO, Stripe cuts 100 jobs") == {
        ("Stripe", "layoffs")}
    assert reported("Intel to cut 500 jobs two years after its IPO") == {("Intel", "layoffs")}
    # A plan reported months ago is not dated by its report: its news may be today's.
    assert ("Salesforce", "acquisition") in reported(
        "Salesforce completes Stripe deal",
        "Salesforce said in February it would acquire Stripe. The deal closed on Monday.")


def test_a_sentence_opening_on_after_looks_back_on_that_clause() -> None:
    assert reported("After Salesforce's €1.8bn fine and Samsung's €200m penalty, Brussels "
                    "asks whether the law is working") == set()
    # The clause after the comma is the news.
    assert reported("After failed talks, Boeing sues Stripe") == {
        ("Boeing", "legal"), ("Stripe", "legal")}


def test_an_agreement_dated_months_ago_is_background() -> None:
    assert reported("Senators question chip subsidies", "WASHINGTON - The government's "
                    "agreement in January to take a roughly 10 per cent stake in Intel was the "
                    "subject of sharp questions at a hearing on Wednesday.") == set()


def test_the_main_clause_of_a_years_after_title_is_news() -> None:
    # the company and its verb right after the time clause report today's news ...
    assert ("Stripe", "layoffs") in reported(
        "A year after Intel's deal took its founder, Stripe cuts 200 more jobs",
        "The cuts fall mostly on its sales teams, the company said.")
    assert ("Stripe", "executive_hire") in reported(
        "A year after its founder left for Intel, Stripe finally has a new boss",
        "Stripe has named Jane Park, a former Samsung executive, as chief executive.")
    # ... the time clause stays history, and so does a main clause about something else
    assert reported("Three years after Intel cut 12,000 jobs, layoffs have become a habit",
                    "Intel cut the jobs in 2023.") == set()
    assert reported("Two years after Intel's Seagen deal cleared, regulators sue to block a "
                    "merger", "Intel bought Seagen in 2024.") == set()


def test_this_year_in_the_past_tense_is_months_back_late_in_the_year() -> None:
    # PUBLISHED is in May: "this year" is on average two months back
    assert reported("Notes", "Salesforce launched its Nimbus database this year.") == set()
    assert reported("Notes", "This year, Salesforce launched its Nimbus database.") == set()
    assert ("Salesforce", "product_launch") in reported(
        "Notes", "Salesforce will launch its Nimbus database this year.")
    # the year a verb before the trigger looks to, not when the delay happened
    assert ("Boeing", "launch_delay") in reported(
        "Notes", "Boeing said on Wednesday that it no longer expects to deliver the first "
                 "MAX 7 this year, pushing the milestone into 2027.")
    # in the first days of January "this year" is this week
    early = Article(id="n", title="Notes", published=datetime(2026, 1, 9, 9, tzinfo=UTC),
                    content="Salesforce launched its Nimbus database this year.")
    assert ("Salesforce", "product_launch") in {
        (e.company, e.event_type) for e in DETECTOR.analyse(early).events}


def test_a_season_dates_a_past_event_like_a_month() -> None:
    def found(content: str) -> set[Pair]:
        article = Article(id="n", title="Notes", content=content,
                          published=datetime(2026, 12, 20, 9, tzinfo=UTC))
        return {(e.company, e.event_type) for e in DETECTOR.analyse(article).events}
    assert found("In the spring, Salesforce launched its Nimbus database.") == set()
    assert found("During the summer, Intel cut 5,000 jobs.") == set()
    assert ("Salesforce", "product_launch") in found(
        "Salesforce will launch its Nimbus database in the spring.")


def test_a_with_phrase_happens_when_its_clause_does() -> None:
    def found(content: str) -> set[Pair]:
        article = Article(id="n", title="Notes", content=content,
                          published=datetime(2026, 12, 20, 9, tzinfo=UTC))
        return {(e.company, e.event_type) for e in DETECTOR.analyse(article).events}
    # the past verb and its season date the "with" phrase too
    assert ("Boeing", "executive_departure") in found(
        "Boeing said on Monday that its chief executive is stepping aside.")
    assert found("Boeing completed its succession in the spring, with its chief executive "
                 "stepping aside after ten years.") == set()
    # a with-phrase in a clause of today is today's news
    assert ("Boeing", "executive_departure") in found(
        "Boeing posted a loss on Monday, with its chief executive stepping aside.")
    assert tense_of("Intel finished the year, with its CEO stepping down.", 38, 51) == "past"
    assert tense_of("Intel will finish the year, with its CEO stepping down.", 41, 54) \
        == "present"


def test_a_finding_dated_in_the_past_keeps_the_words_that_date_it() -> None:
    # the words, not the human-readable reason, are what later rules read a year from
    found = analyse("Software", "Acme had a long history. Salesforce cut 500 jobs in 2019.")
    past = [f.past for f in found.findings if f.event_type == "layoffs"]
    assert past and all(p == "in 2019" for p in past)
    assert [f.past for f in analyse("Salesforce cut 500 jobs on Monday").findings] == [""]


def test_the_same_day_is_the_day_of_this_week_named_before() -> None:
    body = ("Analysts have long argued about the warehouse market. On Monday Boeing said it "
            "would close three depots. The closures are in Alabama and Georgia. The same day, "
            "Boeing announced a five-year agreement with Samsung to supply its robots.")
    partnerships = [f for f in analyse("Depots and robots", body).findings
                    if f.event_type == "partnership" and f.accepted]
    assert partnerships and all(f.dated_now for f in partnerships)
    # a past date named before is no such day: it may be an aside's
    old = body.replace("On Monday", "In 2019")
    assert not any(f.dated_now for f in analyse("Depots and robots", old).findings
                   if f.event_type == "partnership")


def test_when_a_deal_starts_does_not_date_its_signing() -> None:
    # published in May: the March a deal starts in is the next one, not the last
    body = ("Grocers are adding private labels. Samsung signed a multi-year supply agreement "
            "with Salesforce, starting in March.")
    assert ("Samsung", "partnership") in reported("Supply deals", body)
    # ... but "at the beginning of December" still dates the act
    assert reported("Boards", "Analysts keep asking about boards. Boeing's board pushed out "
                              "its chief executive at the beginning of December.") == set()


def test_a_time_clause_runs_through_a_region_and_a_with_adjunct() -> None:
    lead = ("Three years after Intel closed its fulfilment centre in Gourock, Inverclyde, with "
            "the loss of around 300 jobs, parcels bound for the Highlands travel further.")
    assert reported("Highland parcels moving again after the storm", lead) == set()
    # the main clause after the time clause is still the news
    assert ("Intel", "layoffs") in reported(
        "Intel to cut jobs in Leeds", "Three years after Intel closed its fulfilment centre in "
        "Gourock, Inverclyde, the company said on Monday it will cut 300 jobs in Leeds.")


@pytest.mark.parametrize("content", [
    "Boeing completed its acquisition of Spirit AeroSystems and brought its fuselage supplier "
    "back in-house. Six months after that December 2025 closing, April's figures show Wichita "
    "keeping pace.",
    "Salesforce appointed Aoife Brennan as chief executive to fix its UK business. Eighteen "
    "months on from that appointment, the group has raised its guidance.",
    "Intel was sued on behalf of 45 million users over how it profited from their data. "
    "That was in 2022. This week the tribunal heard the disclosure fight.",
])
def test_a_next_sentence_that_looks_back_at_the_event_makes_it_background(
        content: str) -> None:
    assert reported("Quarterly figures", content) == set()
    assert any(reason.startswith("background: the next sentence looks back at it")
               for reason in rejections("Quarterly figures", content))


@pytest.mark.parametrize("content", [
    "Stripe was fined $40 million over overdraft practices and its chief risk officer "
    "left. Both happened three years ago. The stock still trades at a discount.",
    "Boeing delayed its new jet, the 777X freighter, to March 2027 — but "
    "that was back in June, and the studio has said nothing new since.",
    "Stripe was fined $40 million by the OCC over its overdraft fees; that was 2023, "
    "and the remediation has been completed.",
    # a span since the event needs no date; a headline's present is looked back at too
    "Intel acquires Mobileye for $15 billion — ten years after that deal closed, cars drove "
    "Intel's quarter.",
    "Intel bought Mobileye for $15 billion, and three years after the deal closed you can "
    "measure the result in queue length.",
    "Boeing delays 777X deliveries to 2027 — that was in October, and the jet is parked.",
    "Boeing delays 777X deliveries to 2027 — that was last October's news.",
])
def test_words_after_the_event_that_date_it_in_the_past_make_it_background(
        content: str) -> None:
    assert reported("What to watch", content) == set()
    assert any(" looks back at it" in reason for reason in rejections("What to watch", content))


@pytest.mark.parametrize(("content", "expected"), [
    # a clause pointing back with no past date of its own
    ("Boeing delayed the 777X freighter to March 2027 on Monday — but that was expected, "
     "analysts said.", {("Boeing", "launch_delay")}),
    # a later date is no look back
    ("Stripe was fined $40 million by the OCC on Monday; that was the largest penalty this "
     "year.", {("Stripe", "legal")}),
    # a span after something else is no look back at the event
    ("Intel agreed to buy Mobileye for $15 billion on Monday, and three years after the "
     "chip crisis the market has changed.", {("Intel", "acquisition")}),
])
def test_a_clause_after_the_event_without_a_past_date_keeps_it_news(
        content: str, expected: set[tuple[str, str]]) -> None:
    assert reported("What to watch", content) == expected


def test_a_next_sentence_that_points_back_without_a_date_is_no_look_back() -> None:
    assert reported("Quarterly figures", "Boeing completed its acquisition of Spirit "
                    "AeroSystems on Monday. That was in line with what analysts expected.") == {
        ("Boeing", "acquisition")}


@pytest.mark.parametrize(("content", "expected"), [
    ("Intel stopped work on the modem, the chip it gained by buying Boeing's avionics "
     "unit, leaving it without a product.", set()),
    ("Salesforce promoted Jane Doe, putting her in charge of the work it took on with its "
     "purchase of Stripe.", {("Salesforce", "executive_hire")}),
    # with an object of its own, the clause tells what the deal does today
    ("Intel said it gained a foothold in avionics by buying Boeing on Monday.",
     {("Intel", "acquisition"), ("Boeing", "acquisition")}),
])
def test_how_a_thing_was_come_by_is_a_past_deal(content: str, expected: set[Pair]) -> None:
    assert reported("Chip news", content) == expected




# A story with a past date of its own, so a body sentence is not read as the only report.
_DEAL_STORY = ("Intel takes $750 million stake in Stripe",
               "Intel will invest $750 million in Stripe for a 9% stake, the companies said on "
               "Monday. The money will fund Stripe's expansion in Europe and Asia, where it "
               "opened offices in 2021. Stripe's finance chief said the round was "
               "oversubscribed. Analysts called the price fair. {tie}")


def _partnership(tie: str) -> dict[str, float]:
    title, content = _DEAL_STORY
    return {e.company: e.confidence for e in analyse(title, content.format(tie=tie)).events
            if e.event_type == "partnership"}


def test_a_separate_agreement_is_a_partnership_of_the_companies_named_after_it() -> None:
    assert _partnership("Under a separate agreement announced at the same time, Intel will "
                        "run Stripe's payment processing on its new servers.").keys() == {
        "Intel", "Stripe"}
    # one company named after it: no second party
    assert _partnership("Under a separate agreement, Intel will pay the founders a "
                        "bonus.") == {}


@pytest.mark.parametrize("tie", ["Alongside the investment", "Under a separate agreement",
                                 "In addition to the stake"])
def test_a_second_deal_tied_to_the_fronts_deal_is_the_same_story(tie: str) -> None:
    clause = "Intel will sign a cloud agreement with Stripe."
    tied = _partnership(f"{tie}, {clause}")
    untied = _partnership(f"Later, {clause}")
    assert tied["Stripe"] > untied["Stripe"]
    assert tied["Stripe"] >= 0.5


@pytest.mark.parametrize(("content", "expected"), [
    # a date set off by a dash at the end dates the whole sentence
    ("The summit opened on Monday. Intel laid off 400 dispatchers and replaced much of their "
     "work with the routing software its own engineers wrote — in early 2025.", set()),
    ("The summit opened on Monday. Intel laid off 400 dispatchers and replaced much of their "
     "work with the routing software its own engineers wrote — back in 2024.", set()),
    # a date inside the second clause dates that clause only
    ("The summit opened on Monday. Intel laid off 400 dispatchers on Monday and said it had "
     "bought the software in early 2025.", {("Intel", "layoffs")}),
    # "..., all within six months in 2021": a closing phrase gathers every act before it
    ("The summit opened on Monday. Intel was sued by a card scheme, lost its chief executive "
     "and laid off half its staff, all within six months in 2021.", set()),
    ("The summit opened on Monday. Intel was sued by a card scheme, lost its chief executive "
     "and laid off half its staff, all on Monday.",
     {("Intel", "legal"), ("Intel", "executive_departure"), ("Intel", "layoffs")}),
])
def test_a_date_closing_the_sentence_after_a_dash(content: str, expected: set[Pair]) -> None:
    assert reported("Summit notes", content) == expected


def test_a_business_built_from_a_purchase_names_a_past_deal() -> None:
    found = reported("Chip news", "Intel plans to cut 1,500 jobs in Intel Health, the records "
                                  "business it built from its acquisition of Boeing's unit.")
    assert ("Intel", "layoffs") in found
    assert ("Intel", "acquisition") not in found


@pytest.mark.parametrize("content", [
    "Samsung launches a foldable tablet in September 2027 and Intel slashes its prices to "
    "compete. It is the most-requested prediction in our inbox.",
    "In 2050, Boeing buys Stripe. The winning story of our writing competition imagines it.",
])
def test_an_event_told_in_the_present_and_set_in_a_later_year_is_a_scenario(
        content: str) -> None:
    assert reported("Reader mail", content) == set()
    assert any(reason.startswith("a scenario: told in the present")
               for reason in rejections("Reader mail", content))


@pytest.mark.parametrize(("content", "expected"), [
    # a plan told today
    ("Samsung will launch a foldable tablet in September 2027, the company said on Monday.",
     ("Samsung", "product_launch")),
    # a delay's date is where the launch moves
    ("Boeing delays the 777X freighter to 2027, it said on Monday.", ("Boeing", "launch_delay")),
    # a deal that runs ahead
    ("Stripe signs a multiyear partnership with Samsung that starts in 2027.",
     ("Stripe", "partnership")),
    # a span that starts now
    ("Samsung rolls out its payments app in Korea from 2026 to 2027.",
     ("Samsung", "product_launch")),
])
def test_a_later_year_does_not_make_a_plan_a_delay_or_a_deal_a_scenario(
        content: str, expected: tuple[str, str]) -> None:
    assert expected in reported("Samsung news", content)


def test_last_weeks_event_of_a_company_whose_news_today_is_another_is_background() -> None:
    body = ("Samsung unveiled the robot at a trade show on Monday. It unloads a trailer in "
            "under an hour. Warehouses have struggled to hire. The first units ship in June. "
            "Samsung raised $95 million last week in a private placement anchored by Intel.")
    assert reported("Samsung unveils a trailer-unloading robot", body) == {
        ("Samsung", "product_launch")}
    assert any(reason.endswith("an event of a company whose news today is another")
               for reason in rejections("Samsung unveils a trailer-unloading robot", body))
    body = body.replace("raised $95 million last week", "raised $95 million earlier this month")
    assert reported("Samsung unveils a trailer-unloading robot", body) == {
        ("Samsung", "product_launch")}


FILLER = ("Robots unload trailers in under an hour. Warehouses have struggled to hire. The "
          "first units ship in June. Buyers are lining up. ")


@pytest.mark.parametrize(("title", "body", "expected"), [
    # the same event is the news
    ("Samsung closes $95 million placement", FILLER + "Samsung raised $95 million last week "
     "in a private placement anchored by Intel.", {("Samsung", "investment"),
                                                   ("Intel", "investment")}),
    # "earlier this week": the wire's way of telling what led to today's news
    ("Samsung director joins Intel", FILLER + "Earlier this week Intel bought control of "
     "Stripe.", {("Intel", "executive_hire"), ("Samsung", "executive_departure"),
                 ("Intel", "acquisition"), ("Stripe", "acquisition")}),
    # the front's news is neither party's: last week's event may be news of its own
    ("Boeing cuts 300 jobs", FILLER + "Samsung raised $95 million last week in a private "
     "placement anchored by Intel.", {("Boeing", "layoffs"), ("Samsung", "investment"),
                                      ("Intel", "investment")}),
])
def test_last_weeks_event_stays_news_when_nothing_else_of_its_company_is(
        title: str, body: str, expected: set[tuple[str, str]]) -> None:
    assert reported(title, body) == expected


@pytest.mark.parametrize(("content", "expected"), [
    # the means of a course the company has run up to now: how it came to be what it is
    ("Samsung reported higher profits on Tuesday. The bank-like group has been expanding "
     "abroad by opening an office in London as well as buying the chip designer Stripe.",
     set()),
    ("Samsung reported higher profits on Tuesday. It has grown over the decade by acquiring "
     "Stripe and others.", set()),
    # today's means, or a course agreed today, stay news
    ("Samsung expanded on Tuesday by buying Stripe.", {("Samsung", "acquisition"),
                                                       ("Stripe", "acquisition")}),
    ("Samsung has agreed to expand by acquiring Stripe.", {("Samsung", "acquisition"),
                                                           ("Stripe", "acquisition")}),
])
def test_the_means_of_a_course_run_up_to_now_is_history(
        content: str, expected: set[Pair]) -> None:
    assert reported("Samsung results", content) == expected


def test_the_date_of_a_figure_compared_with_is_not_the_acts() -> None:
    # "down from $600 million in 2022" dates the old valuation, not this week's round
    assert ("Stripe", "investment") in reported(
        "Stripe takes a down round",
        "Stripe raised $35 million at a $180 million valuation, down from $600 million in 2022.")
    assert ("Stripe", "investment") not in reported(
        "Stripe notes", "Stripe raised $35 million at a $180 million valuation in 2022.")


def test_hearsay_on_social_media_and_a_phrase_quoted_as_a_kind_of_post_are_not_reports() -> None:
    thread = ("Amazon cancelled my order with no explanation",
              "Somebody on TikTok claimed this is happening because Stripe is buying Intel and "
              "pulling inventory. lol every week there's a new \"Samsung is buying Boeing\" "
              "video.")
    assert reported(*thread) == set()
    assert ("Stripe", "acquisition") in reported(
        "Shop news", "Stripe is buying Intel, the companies said on Monday.")


def test_an_event_a_day_before_the_news_is_still_this_weeks() -> None:
    story = ("Samsung launches shoppable ads in 12 markets",
             "Samsung on Monday launched shoppable ads in its app. The launch comes {} after "
             "Samsung told staff it would cut about 300 jobs in its ad-sales unit.")
    assert ("Samsung", "layoffs") in reported(story[0], story[1].format("a day"))
    assert ("Samsung", "layoffs") not in reported(story[0], story[1].format("ten days"))


def test_a_years_after_title_with_news_of_today_in_the_body_reports_it() -> None:
    title = "A year after its Kestrel deal, Samsung takes card-linked offers to Intel"
    body = ("When Samsung and Kestrel agreed in May 2025 to pipe offers into Samsung's app, the "
            "pitch was modest. Twelve months later the programme reaches 4 million users. Now "
            "Samsung wants big brands too. Samsung and Intel have agreed a partnership under "
            "which advertisers will be able to buy card-linked offers through Intel's ad "
            "platform{}")
    assert ("Intel", "partnership") in reported(title, body.format(
        ", the companies said on Monday."))
    assert ("Intel", "partnership") not in reported(title, body.format("."))


def test_an_act_named_again_by_its_age_in_the_same_sentence_is_background() -> None:
    sentence = ("Boeing bought Intel for roughly $47 billion, and on Monday's call its chief "
                "executive spent minutes defending {}.")
    assert ("Boeing", "acquisition") not in reported("Boeing on the call", sentence.format(
        "a decade-old deal he did not make"))
    assert ("Boeing", "acquisition") in reported("Boeing on the call", sentence.format(
        "a two-year-old strategy of buying rivals"))


def test_a_next_sentence_telling_how_the_company_got_through_it_looks_back() -> None:
    assert reported("Stripe was sued, lost its CEO and laid off half its staff. Its co-founder "
                    "told Money20/20 how it survived") == set()
    assert ("Stripe", "layoffs") in reported(
        "Stripe lays off half its staff. Its co-founder told staff the cuts were needed")


def test_a_headline_in_the_words_the_lead_reads_in_another_sense_is_that_sense() -> None:
    title = "Boeing pulls the plug on card payments in lounges as processor fails"
    lead = ("Boeing pulled the plug on {} in around 120 lounges on Sunday, but not "
            "by choice: its tills rely on a third-party processor.")
    assert ("Boeing", "launch_delay") not in reported(title, lead.format("card payments"))
    # the lead's other words leave the headline to be read on its own
    assert ("Boeing", "launch_delay") in reported(title, lead.format("the new EV chargers"))


def test_a_headline_question_the_company_answers_no_denies_the_report() -> None:
    body = ("Salesforce is cutting 3,000 more support jobs. That is what a screenshot claimed "
            "on Friday.")
    assert ("Salesforce", "layoffs") not in reported(
        "Salesforce cuts another 3,000 support jobs? The company says no", body)
    # saying no to something else denies nothing
    assert ("Salesforce", "layoffs") in reported(
        "Salesforce cuts 3,000 support jobs, says no to remote work",
        "Salesforce is cutting 3,000 support jobs, the company said on Monday.")


def test_both_events_pointed_back_at_as_past() -> None:
    lead = ("Intel named two new chief executives, and we bought more of the stock. {} "
            "here is our thinking three months on.")
    title = "Fourth-quarter letter: why we stayed"
    assert ("Intel", "executive_hire") not in reported(
        title, lead.format("Both things happened in September 2025;"))
    assert ("Intel", "executive_hire") in reported(title, lead.format("Our view:"))


def test_a_deal_on_paper_anyway_is_figurative() -> None:
    title = "Halvorsen & Co. buys Boeing; the rest of the Street isn't so sure"
    lead = "{} its analyst upgraded the stock to Buy with a $285 price target."
    assert ("Boeing", "acquisition") not in reported(title, lead.format("On paper, anyway:"))
    assert ("Boeing", "acquisition") in reported(title, lead.format("Separately,"))


def test_a_launch_a_bill_would_impose_is_no_launch() -> None:
    assert ("Intel", "product_launch") not in reported(
        "Intel to launch a new laptop chip in every US state — if AB 1182 passes")
    # a condition across a dash that is no bill's passing leaves the launch
    assert ("Intel", "product_launch") in reported(
        "Intel to launch a new laptop chip in every US state — if you can find one")


def test_a_claim_the_next_sentence_doubts_or_the_company_denies() -> None:
    lead = "Intel will launch a new laptop chip in every US state by July 2027. {}"
    title = "Repair rules advance in Sacramento"
    assert ("Intel", "product_launch") not in reported(
        title, lead.format("That, at least, is what Assembly Bill 1182 says."))
    assert ("Intel", "product_launch") not in reported(
        title, lead.format("The company has announced no such plan."))
    # the company's own word is its plan
    assert ("Intel", "product_launch") in reported(
        title, lead.format("That, at least, is what the company says."))


def test_a_headline_whose_company_calls_it_baseless_is_denied() -> None:
    body = ("Samsung Electronics is studying a takeover of Intel, a Seoul daily reported on "
            "Tuesday.")
    assert ("Samsung", "acquisition") not in reported(
        "Samsung eyes Intel takeover, paper claims; Intel calls it 'baseless'", body)
    assert ("Samsung", "acquisition") in reported(
        "Samsung eyes Intel takeover, paper claims; Intel declines to comment", body)


def test_a_deal_the_next_sentence_dates_to_an_earlier_year_is_background() -> None:
    lead = ("Salesforce bought Stripe for $29 billion in stock, and the deal was meant to look "
            "like genius. The deal was announced in {} and closed early the next year.")
    title = "A reader asks: should I hold on?"
    assert ("Salesforce", "acquisition") not in reported(title, lead.format("August 2021"))
    # a deal announced earlier this year may be closing now
    assert ("Salesforce", "acquisition") in reported(
        title, "Salesforce completed its purchase of Stripe on Friday. The deal was announced "
        "in January 2026.")


def test_a_later_headline_sentence_that_denies_the_claim_before_it() -> None:
    assert ("Intel", "product_launch") not in reported(
        "Intel to launch its own gaming handheld, leaker claims. Intel says no")
    assert ("Intel", "product_launch") in reported(
        "Intel to launch its own gaming handheld, leaker claims. Intel declines to comment")


def test_a_deal_its_own_sentence_dates_to_an_earlier_year_is_background() -> None:
    sentence = "Salesforce completed its purchase of Stripe, and the deal was announced in {}."
    assert ("Salesforce", "acquisition") not in reported(sentence.format("August 2021"))
    # this year's deal may close now
    assert ("Salesforce", "acquisition") in reported(sentence.format("January 2026"))
