"""Wire English as non-native newsrooms write it: the phrasings the engine reads, and the
near misses it must not take."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newswatch.schemas.article import Article
from newswatch.schemas.rules import RulesFile
from newswatch.streams.detection import Detector

DETECTOR = Detector(RulesFile.model_validate({"companies": [
    {"name": "Vantage Grid Energy", "aliases": ["Vantage Grid"]},
    *({"name": name} for name in ("Amazon", "Uber", "Salesforce", "Microsoft", "Apple"))]}))

Pair = tuple[str, str]


def events(title: str, content: str = "") -> set[Pair]:
    article = Article(id="w", title=title, content=content)
    return {(e.company, e.event_type) for e in DETECTOR.detect(article)}


@pytest.mark.parametrize("text", [
    "The competition authority has opened an investigation against Amazon over Prime "
    "cancellations.",
    "Italian Authority opens investigation on Amazon over Prime cancellations",
    "The regulator started proceedings against Amazon on Monday.",
])
def test_an_investigation_against_or_on_a_company_is_a_case(text: str) -> None:
    assert ("Amazon", "legal") in events(text)


def test_an_investigation_on_behalf_of_a_company_is_not_a_case_against_it() -> None:
    assert ("Amazon", "legal") not in events(
        "Auditors finished an investigation on behalf of Amazon into the warehouse fire.")


@pytest.mark.parametrize("text", [
    "US-based Vantage Grid Energy and state-owned PT Energi Hijau Nusantara (EHN) on Tuesday "
    "signed an agreement to form a joint venture.",
    "Vantage Grid, Energi Hijau Nusantara form joint venture for battery storage in Sumatra",
])
def test_an_unwatched_partner_described_abbreviated_or_dated_is_the_other_party(
        text: str) -> None:
    assert ("Vantage Grid Energy", "partnership") in events(text)


def test_a_lone_company_forming_a_venture_still_needs_a_partner() -> None:
    assert events("Vantage Grid Energy on Tuesday signed an agreement to form a joint "
                  "venture.") == set()


def test_the_part_of_a_bilingual_title_before_its_slash_does_not_negate_the_english_part(
        ) -> None:
    title = "Uber anuncia nova diretora-geral no Brasil / Uber appoints new general director"
    assert ("Uber", "executive_hire") in events(title)
    # the same words in one clause still negate
    assert ("Uber", "executive_hire") not in events(
        "Uber will not appoint a new general director")


def test_a_person_announced_as_the_company_s_new_executive_is_a_hire() -> None:
    assert ("Uber", "executive_hire") in events(
        "Brazil", "The ride-hailing platform Uber announced this Monday (30) the executive "
        "Mariana Costa Albuquerque as its new general director for Brazil.")


def test_announcing_something_as_a_new_executive_starts_is_no_hire() -> None:
    assert events("Results", "Salesforce announced record revenue as its new chief executive "
                  "settled in.") == set()


@pytest.mark.parametrize("text", [
    "KFTC slaps 2.1 billion won fine on Amazon over unfair terms for advertisers",
    "The Korea Fair Trade Commission said Wednesday it has imposed a fine of 2.1 billion won "
    "(about US$1.5 million) on Amazon and ordered the company to correct its terms.",
])
def test_a_fine_imposed_on_a_company_is_a_case_against_it(text: str) -> None:
    assert ("Amazon", "legal") in events(text)


def test_only_the_one_named_right_after_on_is_fined() -> None:
    assert events("Trade", "The government imposed new sanctions on Russia on Monday, and "
                  "Apple imposed a fee on developers.") == set()


@pytest.mark.parametrize("text", [
    "Salesforce will close its Busan office at the end of February and make redundant about 120 "
    "employees, the company said Tuesday.",
    "Salesforce will make 120 staff redundant at its Busan office.",
])
def test_making_staff_redundant_is_a_layoff(text: str) -> None:
    assert ("Salesforce", "layoffs") in events(text)


def test_making_a_product_redundant_is_no_layoff() -> None:
    assert events("Salesforce's new scanner will make redundant the 2019 model, it said.") == set()


def test_md_is_a_managing_director() -> None:
    assert ("Uber", "executive_departure") in events("Uber Brazil MD Costa to retire December 31")
    # written in lower case it is no title
    assert events("Uber driver md costa to retire December 31") == set()


def test_a_business_transferred_to_a_company_is_bought_by_it() -> None:
    assert ("Microsoft", "acquisition") in events(
        "Filing", "Hoshizora Denki Co., Ltd. announced that its Board of Directors resolved on "
        "December 1 to transfer its semiconductor test equipment business to Microsoft "
        "Corporation of the United States through a company split.")
    # operations moved to a place, staff moved to a company: nothing bought
    assert events("Plans", "Uber will transfer its operations to Mexico and transfer its "
                  "employees to Microsoft.") == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Salesforce filed a formal protest with the GAO on Monday over the Army's award.",
     ("Salesforce", "legal")),
    ("Microsoft initiated the purchase of 25.5% ownership in Uber on Monday.",
     ("Uber", "investment")),
    ("Apple's new streaming site will go online on March 1, the company said on Monday.",
     ("Apple", "product_launch")),
    ("Apple's .music domain names have been put on sale for businesses.",
     ("Apple", "product_launch")),
    # a regulator's demand for documents, a notice that it may sue, a warning letter
    ("On November 30 Uber received a civil investigative demand from the FTC seeking "
     "documents.", ("Uber", "legal")),
    ("Salesforce received a Wells notice from the SEC on Monday.", ("Salesforce", "legal")),
    ("Amazon received an FDA warning letter over its pharmacy on Monday.", ("Amazon", "legal")),
])
def test_wire_phrasings_of_protests_demands_stakes_and_launches(text: str,
                                                               expected: Pair) -> None:
    assert expected in events(text)


def test_a_probe_since_long_ago_is_no_case_now() -> None:
    for when, reported in (("since last October", False), ("since Monday", True)):
        article = Article(id="w", title="Autos", content="Uber, whose software has been under "
                          f"federal investigation {when}, was mentioned most.",
                          published=datetime(2026, 5, 7, tzinfo=UTC))
        found = ("Uber", "legal") in {(e.company, e.event_type) for e in DETECTOR.detect(article)}
        assert found is reported, when
