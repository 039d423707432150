"""Time references read against the article's publication date (``detection/when.py``).

An article published on Monday 4 May 2026 tells its own news as "on Monday", "yesterday",
a date a few days old, and its background as "in 2019", "last March", "three years ago".
Whatever lies more than ``PAST_AFTER_DAYS`` before the article is background.
"""

from __future__ import annotations

import random
import re
from datetime import UTC, date, datetime, timedelta

import pytest

from newswatch.streams.detection.when import (
    _PAST_HINT,
    _TIME,
    _TIME_BRANCHES,
    PAST_AFTER_DAYS,
    TimeRef,
    _past_hints,
    anchor_for,
    has_past_date,
    time_refs,
)

PUBLISHED = date(2026, 5, 4)  # a Monday


def only_ref(sentence: str, published: date | datetime = PUBLISHED) -> TimeRef:
    refs = time_refs(sentence, published)
    assert len(refs) == 1, refs
    ref = refs[0]
    assert sentence[ref.start:ref.end] == ref.text  # offsets point into the sentence
    return ref


def written(day: date, style: str = "mdy") -> str:
    """A date as news prose writes it: 'April 13, 2026' or '13 April 2026'."""
    if style == "mdy":
        return f"{day:%B} {day.day}, {day.year}"
    return f"{day.day} {day:%B} {day.year}"


def days_before(days: int) -> date:
    return PUBLISHED - timedelta(days=days)


# --- background: far enough back --------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "text", "at_least_days"), [
    ("Acme bought Foo in 2019.", "in 2019", 365 * 6),
    ("Acme bought Foo last March.", "last March", 30),
    ("Acme bought Foo three years ago.", "three years ago", 3 * 365),
    ("Acme bought Foo a decade ago.", "a decade ago", 3650),
    ("Acme bought Foo in the 1990s.", "in the 1990s", 365 * 25),
    ("Acme bought Foo on Sept. 3, 2025.", "on Sept. 3, 2025", 200),
    ("Acme bought Foo in June of last year.", "in June of last year", 300),
    ("Acme has grown fast since 2025.", "since 2025", 100),
])
def test_older_references_are_background(sentence: str, text: str, at_least_days: int) -> None:
    ref = only_ref(sentence)
    assert ref.text == text
    assert ref.when == "past" and ref.is_past
    assert ref.days_before is not None and ref.days_before >= at_least_days


# --- the article's own news --------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "text", "at_most_days"), [
    ("Acme bought Foo on Monday.", "on Monday", 7),
    ("Acme bought Foo on Friday.", "on Friday", 7),
    ("Acme bought Foo yesterday.", "yesterday", 1),
    ("Acme buys Foo today.", "today", 0),
    ("Acme bought Foo this week.", "this week", 0),
    ("Acme bought Foo last week.", "last week", 7),
    ("Acme bought Foo earlier this month.", "earlier this month", PAST_AFTER_DAYS),
    ("Acme bought Foo two weeks ago.", "two weeks ago", 14),
    ("Acme bought Foo on May 1.", "on May 1", 3),
])
def test_recent_references_are_current(sentence: str, text: str, at_most_days: int) -> None:
    ref = only_ref(sentence)
    assert ref.text == text
    assert ref.when == "current" and not ref.is_past
    assert ref.days_before is not None and 0 <= ref.days_before <= at_most_days


def test_a_year_that_is_the_articles_own_is_current_not_background() -> None:
    # "in 2026" read in May 2026 may be weeks or months back: never called background.
    assert only_ref("Acme bought Foo in 2026.").when == "current"


def test_a_datetime_with_a_zone_reads_like_its_date() -> None:
    published = datetime(2026, 5, 4, 23, 30, tzinfo=UTC)
    for sentence in ("Acme bought Foo in 2019.", "Acme bought Foo on Monday.",
                     "Acme bought Foo yesterday."):
        assert only_ref(sentence, published) == only_ref(sentence)


# --- the boundary: PAST_AFTER_DAYS ---------------------------------------------------------------

@pytest.mark.parametrize("style", ["mdy", "dmy"])
def test_an_explicit_date_is_background_only_beyond_the_boundary(style: str) -> None:
    edge = only_ref(f"Acme bought Foo on {written(days_before(PAST_AFTER_DAYS), style)}.")
    beyond = only_ref(f"Acme bought Foo on {written(days_before(PAST_AFTER_DAYS + 1), style)}.")
    assert (edge.when, edge.days_before) == ("current", PAST_AFTER_DAYS)
    assert (beyond.when, beyond.days_before) == ("past", PAST_AFTER_DAYS + 1)


def test_days_ago_are_background_only_beyond_the_boundary() -> None:
    assert only_ref(f"Acme bought Foo {PAST_AFTER_DAYS} days ago.").when == "current"
    assert only_ref(f"Acme bought Foo {PAST_AFTER_DAYS + 1} days ago.").when == "past"
    assert only_ref("Acme bought Foo three weeks ago.").when == "current"  # 21 days
    assert only_ref("Acme bought Foo four weeks ago.").when == "past"


# --- the future ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "text"), [
    ("Acme will buy Foo in 2027.", "in 2027"),
    ("Acme will buy Foo next week.", "next week"),
    ("Acme will buy Foo next Monday.", "next Monday"),
    ("Acme will buy Foo tomorrow.", "tomorrow"),
    ("Acme will buy Foo by 2026.", "by 2026"),  # "by" the current year: a deadline ahead
    ("Acme will buy Foo in the coming months.", "in the coming months"),
])
def test_future_references(sentence: str, text: str) -> None:
    ref = only_ref(sentence)
    assert (ref.text, ref.when) == (text, "future")


def test_an_explicit_date_after_the_article_is_future() -> None:
    ref = only_ref(f"Acme will close the deal on {written(PUBLISHED + timedelta(days=30))}.")
    assert ref.when == "future"
    assert ref.days_before == -30


# --- a month without a year ------------------------------------------------------------------

def test_a_month_without_a_year_is_the_most_recent_one_and_says_so() -> None:
    june = only_ref("Acme bought Foo in June.")  # June 2026 is still ahead: last June
    assert june.when == "past" and june.no_year
    assert june.days_before is not None and june.days_before > 300
    may = only_ref("Acme bought Foo in May.")  # the article's own month
    assert may.when == "current" and may.no_year


def test_the_end_of_the_articles_own_month_is_still_ahead() -> None:
    # Read on 4 May: the last days of May are ahead, its first day is not.
    for sentence in ("Acosta would leave at the end of May.", "Acosta will leave in late May.",
                     "Acosta will stay until the close of May."):
        assert only_ref(sentence).when == "future", sentence
    assert only_ref("Acme bought Foo in May.").days_before == 3
    # another month's end is placed as before: last April is past
    assert only_ref("Acme bought Foo at the end of April.").when == "current"


def test_next_and_a_month_gone_by_this_year_is_next_years() -> None:
    # Read on 4 May: "next February" and "next May" are in 2027, "next June" is this year's
    for month, low, high in (("February", -300, -250), ("May", -380, -330), ("June", -60, 0)):
        ref = only_ref(f"Acme will finish the cuts by next {month}.")
        assert ref.when == "future", month
        assert ref.days_before is not None and low <= ref.days_before <= high, month


def test_a_month_owning_a_noun_is_still_the_month() -> None:
    ref = only_ref("Acme delays the phone again; that was last October's news.")
    assert (ref.text, ref.when) == ("last October", "past")


def test_may_and_march_as_words_are_not_months() -> None:
    assert time_refs("Acme may buy Foo, analysts said.", PUBLISHED) == []
    assert time_refs("Workers march on Acme's headquarters.", PUBLISHED) == []


# --- no date at all ------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Acme bought Foo.",
    "Acme bought Foo on the 32nd of Smarch.",
    "Acme cut 2019 jobs.",  # a count, not a year
    "Acme paid $2019 million.",
    "",
])
def test_no_date(sentence: str) -> None:
    assert time_refs(sentence, PUBLISHED) == []
    assert not has_past_date(sentence, PUBLISHED)


# --- has_past_date: does the article name any background date? ---------------------------------

@pytest.mark.parametrize("text", [
    "Acme, founded in 2019, makes sensors.",
    "The plant opened three years ago.",
    f"The deal closed {PAST_AFTER_DAYS + 1} days ago.",
    f"It was agreed on {written(days_before(PAST_AFTER_DAYS + 1))}.",
    "x " * 3_000 + "Acme was founded in 2019.",  # deep in a long article
])
def test_has_past_date(text: str) -> None:
    assert has_past_date(text, PUBLISHED)


@pytest.mark.parametrize("text", [
    "Acme said on Monday it would cut jobs.",
    "Acme bought Foo yesterday; the deal closes next year.",
    f"The deal closed {PAST_AFTER_DAYS} days ago.",
    f"It was agreed on {written(days_before(PAST_AFTER_DAYS))}.",
    "Acme will open a plant in 2027.",
    "Acme cut 2019 jobs.",
])
def test_has_no_past_date(text: str) -> None:
    assert not has_past_date(text, PUBLISHED)


# --- which reference dates a trigger: the nearest in its clause --------------------------------

def anchor(sentence: str, trigger: str) -> TimeRef | None:
    start = sentence.index(trigger)
    return anchor_for(sentence, time_refs(sentence, PUBLISHED), start, start + len(trigger))


def test_the_nearest_reference_in_the_clause_dates_the_trigger() -> None:
    found = anchor("Acme, which bought Foo in 2019, said on Monday it would cut 500 jobs.", "cut")
    assert found is not None and (found.text, found.when) == ("on Monday", "current")
    found = anchor("Acme bought Foo in 2019.", "bought")
    assert found is not None and found.text == "in 2019" and found.is_past


def test_a_date_inside_a_tolerant_trigger_dates_it() -> None:
    found = anchor("The SEC filed a separate civil suit on Thursday against Acme.",
                   "filed a separate civil suit on Thursday against")
    assert found is not None and (found.text, found.when) == ("on Thursday", "current")
    found = anchor("Acme agreed in 2019 to acquire Foo.", "agreed in 2019 to acquire")
    assert found is not None and found.is_past


def test_a_date_in_another_clause_does_not_date_the_trigger() -> None:
    assert anchor("Acme cut 500 jobs, a year after it bought Foo in 2019.", "cut") is None
    assert anchor("Sales fell in 2019, but Acme will cut jobs.", "cut") is None
    assert anchor("Acme bought Foo, which was founded in 2019.", "bought") is None


def test_a_date_after_another_verbs_participle_dates_that_verb() -> None:
    assert anchor("Acme settled the lawsuit filed last year.", "settled") is None
    # a capitalised word is part of a name, not another verb
    found = anchor("Acme launched the Pixel at its Made by Acme event in 2019.", "launched")
    assert found is not None and found.text == "in 2019"
    assert anchor("Acme launched the Pixel, which it first made in 2019.", "launched") is None


def test_a_timeline_line_opening_with_a_date_is_dated_by_it() -> None:
    found = anchor("2014 — Acme buys Foo for $3 billion.", "buys")
    assert found is not None and found.text == "2014" and found.is_past


@pytest.mark.parametrize("sentence", [
    "On a grey morning in January 2019, Acme's chief executive told investors that the chain "
    "would close 120 stores.",
    "One evening in March 2019, the board told staff that Acme would cut 500 jobs.",
    "During the winter of 2019, Acme's founder told the team she would cut 500 jobs.",
])
def test_a_scene_set_at_an_opening_date_dates_the_sentence(sentence: str) -> None:
    trigger = "close" if "close" in sentence else "cut"
    found = anchor(sentence, trigger)
    assert found is not None and found.is_past and "2019" in found.text


def test_a_clause_that_hangs_on_a_date_is_dated_by_it() -> None:
    found = anchor("In August 1981, when Acme introduced the PC, rivals scoffed.", "introduced")
    assert found is not None and found.text == "In August 1981" and found.is_past
    # a relative clause on the dated act tells what that act did
    found = anchor("The judgment in Kent v Acme in 2019, which found that Acme had abused its "
                   "position, still shapes cases.", "found that")
    assert found is not None and found.text == "in 2019"
    # ... but not "which is why": what follows is its consequence, undated
    assert anchor("Sales fell in 2019, which is why Acme will cut 500 jobs.", "cut") is None


@pytest.mark.parametrize("sentence", [
    "Acme, which bought Foo in 2019, said it would cut 500 jobs.",
    "Acme, founded in 1968, will cut 500 jobs.",
])
def test_a_date_inside_a_closed_aside_does_not_date_the_main_clause(sentence: str) -> None:
    assert anchor(sentence, "cut") is None


def test_past_hints_are_those_a_plain_scan_finds() -> None:
    """The Aho-Corasick shortcut must find exactly the hints of ``finditer``."""
    pieces = ["19", "20", "2019", "192019", "ago", "AGO", "Chicago", "Since", "last year",
              "LAST  decade", "last\nspring", "previous year", "in the past", "In The Past",
              "the following year", "January", "january", "May", "MAY", "Mayor", "ſince",
              "İn the past", "ıago", " ", "x", "_", "9", ",", "\n", "é", "’", "December"]
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert [m.span() for m in _past_hints(text)] == [
            m.span() for m in _PAST_HINT.finditer(text)], text


def test_the_branch_lookaheads_change_no_time_expression() -> None:
    """Each branch of ``_TIME`` looks ahead for its first characters: the same matches."""
    plain = re.compile(r"(?=[0-9abdefijlmnostwy])\b(?:" + "|".join(_TIME_BRANCHES) + r")\b",
                       re.IGNORECASE)
    assert plain.pattern != _TIME.pattern
    for sentence in ("On June 5, 2025 and 5 June 2025, in June of this year, the 1990s, since "
                     "2006, mid-2019, two years ago, years ago, last summer, earlier this "
                     "week, this morning, next quarter, in the coming weeks, YESTERDAY, the "
                     "following year, at the time, for several years, over the past five "
                     "years, before. On Monday, in may, March 3rd 2020, 2,019 jobs, sept."):
        assert [(m.span(), m.lastgroup) for m in _TIME.finditer(sentence)] == [
            (m.span(), m.lastgroup) for m in plain.finditer(sentence)]


def test_a_season_is_placed_like_a_month_without_a_year() -> None:
    december = date(2026, 12, 20)
    (spring,) = time_refs("In the spring, Acme launched its phone.", december)
    assert spring.is_past and spring.no_year and spring.text == "In the spring"
    (summer,) = time_refs("Acme cut jobs back in the summer.", december)
    assert summer.is_past and not summer.no_year
    # a season still to come this year is last year's for a past verb
    (autumn,) = time_refs("Acme shipped it in the autumn.", date(2026, 5, 4))
    assert autumn.is_past and autumn.days_before is not None and autumn.days_before > 180
    # not a noun: "the fall in prices", and not a season that names its year
    assert time_refs("Shares slid after the fall in prices.", december) == []
    assert [r.text for r in time_refs("Acme launched it in the summer of 2020.", december)] \
        == ["of 2020"]


@pytest.mark.parametrize(("sentence", "trigger", "expected"), [
    ("Acme's drug decision pushed back three months (March 14).", "pushed back", "March 14"),
    ("Acme named Jane Roe as CFO (Feb. 13).", "named", "Feb. 13"),
    ("Acme staffed up for the holidays, hiring about 100 people (early March).", "hiring",
     "early March"),
])
def test_a_date_in_brackets_closing_a_line_dates_it(sentence: str, trigger: str,
                                                   expected: str) -> None:
    found = anchor(sentence, trigger)
    assert found is not None and found.is_past and expected in found.text


@pytest.mark.parametrize("sentence", [
    "Acme named Jane Roe, its treasurer (since 2019), as CFO.",
    "Acme named Jane Roe as CFO (she was treasurer in 2019).",
    "Acme named Jane Roe as CFO (since 2019).",
])
def test_a_bracket_that_is_not_a_bare_date_dates_nothing(sentence: str) -> None:
    assert anchor(sentence, "named") is None


def test_a_section_named_this_week_dates_nothing() -> None:
    december = date(2026, 12, 21)
    refs = time_refs("This week in the Ledger: Acme laid off 16,000 workers back in January.",
                     december)
    assert [r.text for r in refs] == ["back in January"] and refs[0].is_past
    assert [r.text for r in time_refs("This week Acme laid off 500 workers.", december)] == [
        "This week"]


def test_this_year_is_flagged_whatever_its_preposition() -> None:
    december = date(2026, 12, 10)
    for sentence in ("Acme cut 500 jobs this year.", "Acme cut 500 jobs in this year."):
        (ref,) = time_refs(sentence, december)
        assert ref.this_year and ref.is_past and ref.no_year, ref
    (week,) = time_refs("Acme cut 500 jobs this week.", december)
    assert not week.this_year


def test_the_articles_own_weekday_is_its_day_and_another_some_day_this_week() -> None:
    # PUBLISHED is a Monday
    (own,) = time_refs("Acme said on Monday it would cut 500 jobs.", PUBLISHED)
    assert own.when == "current" and own.days_before == 0.0
    (other,) = time_refs("Acme said on Thursday it would cut 500 jobs.", PUBLISHED)
    assert other.when == "current" and 0 < (other.days_before or 0) <= PAST_AFTER_DAYS
    (last,) = time_refs("Acme said last Monday it would cut 500 jobs.", PUBLISHED)
    assert (last.days_before or 0) > (other.days_before or 0)


@pytest.mark.parametrize(("sentence", "trigger", "expected"), [
    # a closing attribution dates the report of all before it
    ("Acme and Foo have agreed a partnership under which advertisers can buy offers through "
     "Foo's ad platform and measure sales, the companies said on Monday.", "agreed", "Monday"),
    ("Acme will cut 500 jobs at its plants in three states, Reuters reported Monday.", "cut",
     "Monday"),
    # the act named again with its year after a colon
    ("Acme fined €1.2bn over transfers of data to the US: that 2023 decision still shapes "
     "how firms work.", "fined", "2023"),
])
def test_a_date_after_a_clause_break_that_still_dates_the_act(sentence: str, trigger: str,
                                                             expected: str) -> None:
    found = anchor(sentence, trigger)
    assert found is not None and expected in found.text


def test_a_date_after_a_break_that_is_not_an_attribution_or_the_act_dates_nothing() -> None:
    assert anchor("Acme fined €1.2bn over data transfers: a decision due in 2027 will follow.",
                  "fined") is None
    assert anchor("Acme and Foo have agreed a partnership under which advertisers can buy offers "
                  "through Foo's ad platform and measure sales against a 2019 baseline.",
                  "agreed") is None
