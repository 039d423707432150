"""Events with several companies on one side: every watched company of a list takes the
role ("sues Google and Samsung", "Qualcomm, Walmart and Samsung were fined", "BlackRock,
Microsoft and Nvidia agree to buy"), and a name that only follows the list in another
clause, or ends it, takes no other role."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newswatch.schemas.article import Article
from newswatch.schemas.rules import RulesFile
from newswatch.streams.detection import Detector

NAMES = ("Epic Games", "Google", "Samsung", "Qualcomm", "Nvidia", "Microsoft", "BlackRock",
         "Aligned Data Centers", "Sequoia", "Intel", "Stripe", "Mistral AI")
DETECTOR = Detector(RulesFile.model_validate({"companies": [{"name": n} for n in NAMES]}))

Triple = tuple[str, str, str | None]


def detect(title: str) -> set[Triple]:
    article = Article(id="t", title=title, published=datetime(2026, 5, 4, tzinfo=UTC))
    return {(e.company, e.event_type, e.role) for e in DETECTOR.detect(article)
            if e.confidence >= 0.5}


@pytest.mark.parametrize(("title", "expected"), [
    ("Epic Games sues Google and Samsung over app store fees",
     {("Epic Games", "legal", "plaintiff"), ("Google", "legal", "defendant"),
      ("Samsung", "legal", "defendant")}),
    ("Epic Games sued by Google and Samsung over patents",
     {("Epic Games", "legal", "defendant"), ("Google", "legal", "plaintiff"),
      ("Samsung", "legal", "plaintiff")}),
    ("Regulators charged Qualcomm and Samsung with price fixing",
     {("Qualcomm", "legal", "defendant"), ("Samsung", "legal", "defendant")}),
    # an unwatched name inside the list does not end it
    ("Qualcomm, Walmart and Samsung were fined by the FTC on Monday",
     {("Qualcomm", "legal", "defendant"), ("Samsung", "legal", "defendant")}),
    ("The FTC fined Qualcomm, Walmart and Samsung on Monday",
     {("Qualcomm", "legal", "defendant"), ("Samsung", "legal", "defendant")}),
    # the last of a list of objects is not the subject the sentence leaves unnamed
    ("A lawsuit against Qualcomm, Samsung and Nvidia was filed on Monday",
     {("Qualcomm", "legal", "defendant"), ("Samsung", "legal", "defendant"),
      ("Nvidia", "legal", "defendant")}),
    # buyers listed together all buy; a goods word inside a watched name is the name
    ("BlackRock, Microsoft and Nvidia agree to buy Aligned Data Centers",
     {("BlackRock", "acquisition", "acquirer"), ("Microsoft", "acquisition", "acquirer"),
      ("Nvidia", "acquisition", "acquirer"),
      ("Aligned Data Centers", "acquisition", "target")}),
    # the headline plural of "backs", and the other investors of a round
    ("Nvidia, Microsoft and Google back Mistral AI in $4bn round",
     {("Nvidia", "investment", "investor"), ("Microsoft", "investment", "investor"),
      ("Google", "investment", "investor"), ("Mistral AI", "investment", "recipient")}),
    ("The round was led by Sequoia, with participation from Nvidia and Microsoft.",
     {("Sequoia", "investment", "investor"), ("Nvidia", "investment", "investor"),
      ("Microsoft", "investment", "investor")}),
])
def test_every_company_of_a_list_takes_the_role(title: str, expected: set[Triple]) -> None:
    assert detect(title) == expected


@pytest.mark.parametrize(("title", "expected"), [
    # ", and" after one object starts another clause
    ("Google sues Samsung, and Microsoft shares rose",
     {("Google", "legal", "plaintiff"), ("Samsung", "legal", "defendant")}),
    ("Microsoft and Nvidia shares rose after Intel agreed to buy Stripe",
     {("Intel", "acquisition", "acquirer"), ("Stripe", "acquisition", "target")}),
    ("Microsoft, which owns GitHub and Samsung, buys Stripe",
     {("Microsoft", "acquisition", "acquirer"), ("Stripe", "acquisition", "target")}),
    # "back" is the plural verb only right after the backers
    ("Samsung brings back Nokia phones", set()),
    ("The panel, with participation from Nvidia and Microsoft, discussed chips", set()),
])
def test_a_name_outside_the_list_takes_no_role(title: str, expected: set[Triple]) -> None:
    assert detect(title) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Nvidia rival Qualcomm buys Samsung",
     {("Qualcomm", "acquisition", "acquirer"), ("Samsung", "acquisition", "target")}),
    ("Longtime Nvidia customer Microsoft buys Samsung",
     {("Microsoft", "acquisition", "acquirer"), ("Samsung", "acquisition", "target")}),
    ("Nvidia rivals Qualcomm and Samsung sue Microsoft",
     {("Qualcomm", "legal", "plaintiff"), ("Samsung", "legal", "plaintiff"),
      ("Microsoft", "legal", "defendant")}),
    # a relative clause naming rivals still describes the subject before it
    ("Nvidia, whose rivals include Qualcomm, buys Samsung",
     {("Nvidia", "acquisition", "acquirer"), ("Samsung", "acquisition", "target")}),
    ("Nvidia customers can buy Samsung phones", set()),
])
def test_a_relation_word_before_a_name_describes_the_subject(
        title: str, expected: set[Triple]) -> None:
    assert detect(title) == expected


def test_a_common_word_name_listed_with_a_company_is_a_company() -> None:
    rules = RulesFile.model_validate({"companies": [{"name": n} for n in (
        "Apple", "Google", "Shell")]})
    detector = Detector(rules)

    def counted(title: str) -> dict[str, bool]:
        article = Article(id="t", title=title, published=datetime(2026, 5, 4, tzinfo=UTC))
        return {c.company: c.counted for c in detector.explain(article).companies}

    assert counted("Apple and Google face EU probe") == {"Apple": True, "Google": True}
    assert counted("Apple, Google and Shell") == {"Apple": True, "Google": True, "Shell": True}
    # listed only with places or with another common word: nothing says it is the company
    assert counted("Rain in the Apple orchards of Kent and Sussex") == {"Apple": False}
    assert counted("Apple and Shell") == {"Apple": False, "Shell": False}


@pytest.mark.parametrize(("title", "expected"), [
    # a seat on the company's own board is a hire
    ("Nvidia elected Jane Doe to its board of directors on Monday",
     {("Nvidia", "executive_hire", "hiring_company")}),
    ("Nvidia adds retired Air Force general to its board",
     {("Nvidia", "executive_hire", "hiring_company")}),
    ("Nvidia adds a new cafeteria to its board game room", set()),
    # headline telegraphese drops the article
    ("Nvidia adds former Samsung memory chief to board",
     {("Nvidia", "executive_hire", "hiring_company")}),
    ("Nvidia adds a new chief of staff to board game nights", set()),
    # a promotion: "steps up" after a post or before one, not more effort
    ("Nvidia's commercial chief to retire; 787 program head steps up",
     {("Nvidia", "executive_departure", "losing_company"),
      ("Nvidia", "executive_hire", "hiring_company")}),
    ("Jane Doe steps up as interim CEO of Nvidia",
     {("Nvidia", "executive_hire", "hiring_company")}),
    ("Nvidia steps up production of its chips", set()),
    # the company inside what a verb won is no subject of the next verb
    ("Qualcomm lands Nvidia deal and unveils new modem",
     {("Qualcomm", "product_launch", None)}),
    # a round with a prefix is still a round
    ("Microsoft and Google join Mistral AI's latest mega-round",
     {("Microsoft", "investment", "investor"), ("Google", "investment", "investor"),
      ("Mistral AI", "investment", "recipient")}),
    # the market's consensus is no report
    ("Samsung's finance chief will join Mistral AI, which is widely expected to go public",
     {("Samsung", "executive_departure", "losing_company"),
      ("Mistral AI", "executive_hire", "hiring_company")}),
])
def test_more_readings_of_who_does_what(title: str, expected: set[Triple]) -> None:
    assert detect(title) == expected


def test_a_possessive_pronoun_before_delayed_names_a_delay_already_known() -> None:
    article = Article(id="t", title="Studios", content=(
        "Samsung will cut 50 jobs, and its studio head will leave the company once its "
        "delayed open-world game \"Orbit\" is released."),
        published=datetime(2026, 5, 4, tzinfo=UTC))
    found = {(e.company, e.event_type) for e in DETECTOR.detect(article)}
    assert ("Samsung", "layoffs") in found
    assert ("Samsung", "launch_delay") not in found


@pytest.mark.parametrize(("title", "expected"), [
    # unwatched names may open a list of objects, or close a list of subjects
    ("Texas sues Meta, Microsoft and Nvidia over data-center power deals",
     {("Microsoft", "legal", "defendant"), ("Nvidia", "legal", "defendant")}),
    ("Chinese GPU designer Biren sued by AMD and Nvidia in US patent fight",
     {("Nvidia", "legal", "plaintiff")}),
    ("Japan fines Walmart, Apple, and Samsung over app-store steering",
     {("Samsung", "legal", "defendant")}),
    ("Microsoft, Universal and Warner Bros. Discovery sue Chinese AI video app",
     {("Microsoft", "legal", "plaintiff")}),
    ("Samsung, Nvidia and Accel back legal AI startup Harvey in $300m round",
     {("Samsung", "investment", "investor"), ("Nvidia", "investment", "investor")}),
    # "the round" stands for the company that raised it
    ("Accel, Nvidia, and Microsoft invested in the round on Friday",
     {("Nvidia", "investment", "investor"), ("Microsoft", "investment", "investor")}),
    # talks and panels have rounds and participants too
    ("The summit closed with a final round of talks and a panel with participation from "
     "Nvidia and Microsoft executives", set()),
    ("Samsung joins latest round of US-Korea tariff talks", set()),
])
def test_lists_with_unwatched_names_and_rounds(title: str, expected: set[Triple]) -> None:
    assert detect(title) == expected


@pytest.mark.parametrize(("title", "expected"), [
    # an unwatched partner listed with the watched one is the other party
    ("Samsung and Spotify team up on video podcasts",
     {("Samsung", "partnership", "partner")}),
    ("Spotify and Samsung team up on video podcasts",
     {("Samsung", "partnership", "partner")}),
    ("On Monday, Samsung announced a partnership", set()),
    # a goods word inside a company's own name
    ("Nvidia agreed on Monday to acquire Switch Data Centers, the Las Vegas-based operator",
     {("Nvidia", "acquisition", "acquirer")}),
    ("Qualcomm agreed to acquire Precision Aircraft Parts Inc. for $1.2 billion",
     {("Qualcomm", "acquisition", "acquirer")}),
    ("Qualcomm agreed on Monday to buy ten Gulfstream aircraft", set()),
    # the antecedent of ', which' is the unnamed startup, not the sentence's subject
    ("Ayar Labs said Intel had invested $150 million in the optical startup, which also "
     "named a former Marvell executive as chief executive",
     {("Intel", "investment", "investor")}),
    ("Samsung will invest $10 billion in its chip business", set()),
])
def test_unwatched_partners_names_with_goods_words_and_unnamed_startups(
        title: str, expected: set[Triple]) -> None:
    assert detect(title) == expected


@pytest.mark.parametrize(("title", "expected"), [
    # a headline's comma pair, and a described unwatched partner before "and"
    ("CMA CGM, Samsung sign five-year AI alliance", {("Samsung", "partnership", "partner")}),
    ("French shipping group CMA CGM and Samsung signed a five-year agreement on Friday",
     {("Samsung", "partnership", "partner")}),
    ("Currently, Samsung is in talks to partner with others", set()),
    # a company's age in an aside is no history of the event
    ("Samsung, founded only three years ago, strikes cloud deal with Nvidia",
     {("Samsung", "partnership", "partner"), ("Nvidia", "partnership", "partner")}),
    # a round closed at a valuation is money raised, a market value is not
    ("Samsung, worth $29bn in November, closes $2bn round",
     {("Samsung", "investment", "recipient")}),
    ("Samsung shares closed at a record high, giving it a market value of $400bn", set()),
])
def test_pairs_ages_and_valuations(title: str, expected: set[Triple]) -> None:
    assert detect(title) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Microsoft signs multiyear agreement to buy Lumentum's optical chips",
     {("Microsoft", "partnership", "partner")}),
    ("SoftBank agrees to buy $2bn of Samsung shares", {("Samsung", "investment", "recipient")}),
    ("Our son bought $20 of Samsung stock last week", set()),
])
def test_supplies_from_a_named_maker_and_shares_bought(title: str,
                                                        expected: set[Triple]) -> None:
    assert detect(title) == expected
