"""Each event type from ordinary news phrasing, and what must not become an event."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newswatch.schemas.article import Article
from newswatch.schemas.rules import RulesFile
from newswatch.streams.detection import Detector

RULES = RulesFile.model_validate({"companies": [
    {"name": "Meta Platforms", "aliases": ["Meta", "Facebook"], "tickers": ["META"]},
    {"name": "Alphabet", "aliases": ["Google", "Google DeepMind"], "tickers": ["GOOGL"]},
    {"name": "Microsoft"}, {"name": "OpenAI"}, {"name": "Nvidia"}, {"name": "Intel"},
    {"name": "Boeing"}, {"name": "Netflix"}, {"name": "Disney"}, {"name": "Salesforce"},
    {"name": "Stripe"}, {"name": "Samsung"}, {"name": "Pfizer"}, {"name": "GitHub"},
    {"name": "Apple", "tickers": ["AAPL"]}, {"name": "Uber"},
]})
DETECTOR = Detector(RULES)

Triple = tuple[str, str, str | None]


def detect(text: str) -> set[Triple]:
    article = Article(id="t", title=text, published=datetime(2026, 5, 4, tzinfo=UTC))
    return {(e.company, e.event_type, e.role) for e in DETECTOR.detect(article)}


@pytest.mark.parametrize(("text", "expected"), [
    # executive hire, and the other side of a move
    ("Salesforce appoints Jane Park as chief financial officer.",
     {("Salesforce", "executive_hire", "hiring_company")}),
    ("Meta poaches Google's head of Gemini research.",
     {("Meta Platforms", "executive_hire", "hiring_company"),
      ("Alphabet", "executive_departure", "losing_company")}),
    ("Stripe launches a ledger and signs Salesforce as launch customer.",
     {("Stripe", "product_launch", None), ("Stripe", "partnership", "partner"),
      ("Salesforce", "partnership", "partner")}),
    ("Salesforce pushes out its founder-CEO after a board review.",
     {("Salesforce", "executive_departure", "losing_company")}),
    ("Nvidia is forcing out its chief financial officer.",
     {("Nvidia", "executive_departure", "losing_company")}),
    ("Stripe's head of AI leaves for OpenAI.",
     {("Stripe", "executive_departure", "losing_company"),
      ("OpenAI", "executive_hire", "hiring_company")}),
    ("Microsoft taps veteran engineer Ana Ruiz to lead its consumer AI unit.",
     {("Microsoft", "executive_hire", "hiring_company")}),
    # executive departure
    ("Boeing's chief financial officer is leaving the company, effective March 1.",
     {("Boeing", "executive_departure", "losing_company")}),
    ("Intel CEO Pat Gelsinger ousted by board after four years.",
     {("Intel", "executive_departure", "losing_company")}),
    # layoffs
    ("Microsoft to cut 6,000 jobs as it reorganises its gaming unit.",
     {("Microsoft", "layoffs", None)}),
    # acquisition, both sides, passive voice
    ("Nvidia was acquired by Microsoft in a $40 billion deal.",
     {("Nvidia", "acquisition", "target"), ("Microsoft", "acquisition", "acquirer")}),
    ("Salesforce agrees to buy cloud startup Nimbus for $2 billion.",
     {("Salesforce", "acquisition", "acquirer")}),
    # investment, both sides
    ("Microsoft invests another $10 billion in OpenAI.",
     {("Microsoft", "investment", "investor"), ("OpenAI", "investment", "recipient")}),
    ("OpenAI raises $6.6 billion in a round led by Nvidia.",
     {("OpenAI", "investment", "recipient"), ("Nvidia", "investment", "investor")}),
    # product launch and launch delay
    ("Samsung unveils the Galaxy S26 with a thinner design.",
     {("Samsung", "product_launch", None)}),
    ("Samsung postpones the launch of the Galaxy S26 Edge.",
     {("Samsung", "launch_delay", None)}),
    ("Boeing delays first delivery of the 777X to 2027.",
     {("Boeing", "launch_delay", None)}),
    # partnership
    ("Nvidia partners with Intel on custom data-center chips.",
     {("Nvidia", "partnership", "partner"), ("Intel", "partnership", "partner")}),
    ("Netflix and Disney team up on a bundled streaming plan.",
     {("Netflix", "partnership", "partner"), ("Disney", "partnership", "partner")}),
    # legal
    ("Netflix sues Disney over a streaming patent.",
     {("Netflix", "legal", "plaintiff"), ("Disney", "legal", "defendant")}),
    ("Pfizer was sued by Samsung over a supply contract.",
     {("Pfizer", "legal", "defendant"), ("Samsung", "legal", "plaintiff")}),
])
def test_event_types_and_roles(text: str, expected: set[Triple]) -> None:
    assert detect(text) == expected


@pytest.mark.parametrize("text", [
    # history
    "Tim Cook, who joined Apple in 1998, said the company would keep investing in AI.",
    "Meta, which bought Instagram in 2012, reported higher revenue.",
    "Meta said revenue rose, boosted by its 2012 acquisition of Instagram.",
    "Former GitHub CEO Nat Friedman spoke at the conference.",
    "Salesforce co-founder Parker Harris, who stepped down in 2023, backs a new fund.",
    # denials and negations
    "Uber denies it is in talks to acquire Foodly.",
    "Samsung has no plans to delay the Galaxy S26.",
    "Intel rules out layoffs at its Oregon plant.",
    # hypotheticals
    "Disney could buy a stake in a sports league, analysts speculated.",
    "Apple and Samsung are eyeing acquisitions to bolster their AI capabilities.",
    "Microsoft may consider a bid for a gaming studio.",
    # look-alikes
    "Boeing delayed flights after a storm, the airline said.",
    "NASA launched a rocket carrying a Samsung-built satellite.",
    "Nvidia chief executive Jensen Huang left the stage to applause after the keynote.",
    "Microsoft released its earnings on Wednesday.",
    "Intel launched an investigation into the outage.",
    "Apple said customers bought more iPhones in China than expected.",
    "Apple will invest $500 billion in the U.S. over four years.",
    "Uber raised its forecast for the year.",
])
def test_not_events(text: str) -> None:
    assert detect(text) == set()


@pytest.mark.parametrize(("text", "pair"), [
    # a ticker after the second name keeps the pair
    ("Intel and Apple (NASDAQ: AAPL) signed a multi-year agreement under which Intel will "
     "package its chips.", {"Intel", "Apple"}),
    # the agreement's purpose names the other party
    ("Stripe has signed a multi-year agreement to supply payment terminals for Uber's "
     "delivery business.", {"Stripe", "Uber"}),
    # ... but not the rival it is meant to beat
    ("Disney signed a deal to show NFL games to compete with Netflix.", set()),
    # "for the company": the company named before
    ("Disney has bought a 10% stake in Stripe and signed a licensing agreement for the "
     "company to develop a game.", {"Disney", "Stripe"}),
])
def test_the_second_partner_of_an_agreement(text: str, pair: set[str]) -> None:
    assert {c for c, t, _ in detect(text) if t == "partnership"} == pair


@pytest.mark.parametrize("text", [
    "Stripe signed a deal to settle claims with Uber.",
    "Stripe signed an agreement to sell its lending unit to Uber.",
])
def test_an_agreement_to_settle_or_sell_is_not_a_partnership(text: str) -> None:
    assert not any(t == "partnership" for _, t, _ in detect(text))


@pytest.mark.parametrize("text", [
    # the second party must be named ...
    "Stripe and its rivals join forces against the rule",
    "On Monday, Stripe announced a partnership",
])
def test_partner_pair_needs_a_second_watched_or_named_party(text: str) -> None:
    assert detect(text) == set()


def test_an_unwatched_name_listed_with_the_company_is_the_second_party() -> None:
    # ... and an unwatched one listed with the company counts (measured: three more true
    # events on the labelled sets against one more false; a unit or a person so listed,
    # "Disney and Pixar", "Netflix and Shonda Rhimes", reads as a partner unless the rules
    # file lists the unit as a brand)
    assert detect("Stripe and Quesma join forces on fraud tooling") == {
        ("Stripe", "partnership", "partner")}


def test_buying_the_rest_of_a_company_is_a_takeover() -> None:
    assert {("Disney", "acquisition", "acquirer"), ("Stripe", "acquisition", "target")} <= detect(
        "Disney is in talks to acquire the rest of Stripe, people familiar say.")


def test_a_company_venture_arm_invests_for_it() -> None:
    """'The OpenAI Startup Fund has led a round', 'Salesforce Ventures invests'."""
    assert ("OpenAI", "investment", "investor") in detect(
        "The OpenAI Startup Fund has led a $30 million Series A round in Vaani.")
    assert ("Salesforce", "investment", "investor") in detect(
        "Salesforce Ventures invests $20 million in Vaani.")


def test_the_rest_of_needs_the_company_named() -> None:
    """Not "the rest of the company" after a denial, nor "the rest of Nvidia's output"."""
    assert detect("Meta said it had no plans to acquire Stripe outright, after a report "
                  "suggested it was considering buying the rest of the company.") == set()
    assert detect("OpenAI has bought the rest of Nvidia's 2026 Blackwell output.") == set()


@pytest.mark.parametrize("text", [
    # the company describes someone else's trade or past job
    "Intel chip suppliers Asiaoptic and Kinglens agree to merge in share swap",
    "Kelvra to buy Salesforce consultancy Northbeam Digital",
    "Netflix podcast veteran Dana Morales named president of audiobook startup Chapterly",
    # a subordinate clause with a named subject of its own, the trigger its verb
    "Salesforce's old analytics unit changes hands again as Shipfast buys Rapidroute",
    # people who once worked there, and what is theirs
    "Stripe alumni raise $5.5 million for invoice-finance startup Tallow",
    "Netflix veterans' studio Mossgrove merges with Tinder Box Interactive",
    "Pfizer co-founder's new gene-editing startup Ostara raises $30 million",
    # a person's subordinate clause: the company before it is a cited case
    "Judge cites Microsoft v. Intel as she tosses code-copying suit against Boulder app maker",
])
def test_the_company_only_describes_another_party(text: str) -> None:
    assert detect(text) == set()


def test_the_company_itself_still_acts_beside_its_alumni_and_cases() -> None:
    assert detect("Stripe raises $50 million from Sequoia") == {
        ("Stripe", "investment", "recipient")}
    assert ("OpenAI", "executive_departure", "losing_company") in detect(
        "OpenAI co-founder Ilya Sutskever leaves OpenAI")
    assert ("Intel", "legal", "plaintiff") in detect(
        "Intel files code-copying suit against Boulder app maker")
    # The company its alumni sue is a party, though its name follows 'alumni'.
    assert ("Intel", "legal", "defendant") in detect(
        "Intel alumni sue Intel over pension changes")


def test_a_person_subject_of_a_subordinate_clause_leaves_the_company() -> None:
    assert ("Salesforce", "executive_departure", "losing_company") in detect(
        "Salesforce said on Monday that, as Amy Weaver retires, it hired Robin Washington "
        "as chief financial officer.")


def test_acquisition_stages() -> None:
    def stage(text: str) -> str | None:
        article = Article(id="s", title=text)
        events = [e for e in DETECTOR.detect(article) if e.event_type == "acquisition"]
        assert events, text
        return events[0].stage

    assert stage("Microsoft is in talks to acquire Nvidia.") == "talks"
    assert stage("Microsoft agreed to acquire Nvidia for $40 billion.") == "announced"
    assert stage("Microsoft completed its acquisition of Nvidia.") == "completed"
    assert stage("Microsoft called off its deal to buy Nvidia.") == "terminated"
    assert stage("Microsoft is reportedly weighing a bid for Nvidia.") == "rumored"


def test_unwatched_counterparty_is_named() -> None:
    article = Article(id="c", title="Salesforce agrees to buy Nimbus Data for $2 billion.")
    (event,) = DETECTOR.detect(article)
    assert event.counterparty == "Nimbus Data"
    assert event.amount == "$2 billion"
    assert event.amount_usd == 2e9


def test_the_company_refers_back_to_the_subject() -> None:
    article = Article(id="a", title="Netflix results",
                      content="Netflix reported higher revenue on Tuesday. "
                              "The company also said it would cut 300 jobs in Europe.")
    assert {(e.company, e.event_type) for e in DETECTOR.detect(article)} == {
        ("Netflix", "layoffs")}


def test_one_event_per_company_type_and_role_with_merged_evidence() -> None:
    article = Article(id="m", title="Microsoft to cut 6,000 jobs",
                      content="Microsoft will cut about 6,000 jobs, or 3% of its workforce. "
                              "The layoffs at Microsoft hit engineers hardest.")
    (event,) = DETECTOR.detect(article)
    assert event.event_type == "layoffs"
    assert len(event.evidence) == 3
    assert set(event.triggers) >= {"cut 6,000 jobs", "layoffs"}


@pytest.mark.parametrize(("text", "written", "usd"), [
    ("invested $14.3 billion into", "$14.3 billion", 14.3e9),
    ("a US$2bn deal", "US$2bn", 2e9),
    ("raised $400 million", "$400 million", 4e8),
    ("a €500m round", "€500m", None),
    ("paid 3 billion dollars", "3 billion dollars", 3e9),
])
def test_amounts_as_written_and_in_dollars(text: str, written: str, usd: float | None) -> None:
    from newswatch.streams.detection.amounts import find_amounts

    (amount,) = find_amounts(text)
    assert amount.text == written
    assert amount.usd == (pytest.approx(usd) if usd is not None else None)


def test_explain_says_why_a_trigger_was_not_an_event() -> None:
    article = Article(id="e", title="Uber denies it is in talks to acquire Foodly.")
    report = DETECTOR.explain(article)
    assert report.events == []
    (candidate,) = [c for c in report.candidates if c.event_type == "acquisition"]
    assert not candidate.accepted
    assert candidate.reason.startswith("denied")


def test_every_person_of_a_multi_hire_sentence_is_listed_and_none_is_a_counterparty() -> None:
    from newswatch.notifiers.render import headline

    rules = RulesFile.model_validate({"companies": [{"name": "Acme Robotics"},
                                                    {"name": "Globex"}]})
    detector = Detector(rules)
    article = Article(id="m1", title="Acme Robotics names three new executives",
                      content="Acme Robotics named Jane Roe as chief financial officer, John "
                              "Poe as chief operating officer and Mary Major as chief technology "
                              "officer, the company said on Tuesday.")
    [hire] = [e for e in detector.detect(article) if e.event_type == "executive_hire"]
    assert hire.people == ["Jane Roe", "John Poe", "Mary Major"]
    assert hire.person == "Jane Roe" and hire.counterparty is None
    assert headline(hire) == "Acme Robotics: hires Jane Roe, John Poe and Mary Major"

    pair = Article(id="m2", title="Acme Robotics hires two",
                   content="Acme Robotics hired Jane Roe and Tom Lee, both formerly of Globex, "
                           "as vice presidents.")
    [hire] = [e for e in detector.detect(pair) if e.event_type == "executive_hire"]
    assert hire.people == ["Jane Roe", "Tom Lee"] and hire.counterparty is None

    # A speaker quoted after the hire is not one of the people hired.
    quoted = Article(id="m3", title="Acme Robotics hires Jane Roe",
                     content="Acme Robotics hired Jane Roe from Globex as finance chief, chief "
                             "executive John Smith said on Tuesday.")
    [hire] = [e for e in detector.detect(quoted) if e.event_type == "executive_hire"]
    assert hire.people == ["Jane Roe"] and hire.counterparty == "Globex"


@pytest.mark.parametrize(("text", "expected"), [
    # a legal suffix the name is written with does not make it another company
    ("Microsoft Corporation and Nvidia agree to merge.",
     {("Microsoft", "acquisition"), ("Nvidia", "acquisition")}),
    # a descriptor between listed names ("US-based") keeps them one subject
    ("Samsung and US-based Intel announced they signed an agreement to build chips.",
     {("Samsung", "partnership"), ("Intel", "partnership")}),
    ("Boeing, Intel to produce flight computers together.",
     {("Boeing", "partnership"), ("Intel", "partnership")}),
    ("Uber to code-share with Boeing from November.",
     {("Uber", "partnership"), ("Boeing", "partnership")}),
    ("Microsoft offers US$78 million for Nvidia's networking arm.",
     {("Microsoft", "acquisition"), ("Nvidia", "acquisition")}),
    ("The government nationalises Intel after the collapse.", {("Intel", "acquisition")}),
    ("Uber to face court trial over driver pay.", {("Uber", "legal")}),
    ("Tax investigators raid Google's Paris headquarters.", {("Alphabet", "legal")}),
    ("Social network Uber loses co-president after four months.",
     {("Uber", "executive_departure")}),
    ("Netflix aquires Disney in a $70 billion deal.",
     {("Netflix", "acquisition"), ("Disney", "acquisition")}),
    ("Intel announces its Oregon plant in Hillsboro to close.", {("Intel", "layoffs")}),
    # money raised from the public is an investment in the company
    ("Stripe files for an IPO on the Nasdaq.", {("Stripe", "investment")}),
    ("Uber to list on the New York Stock Exchange next month.", {("Uber", "investment")}),
])


def test_phrasings_of_wire_headlines(text: str, expected: set[tuple[str, str]]) -> None:
    assert {(company, event_type) for company, event_type, _role in detect(text)} == expected


def test_a_buyer_with_nothing_after_its_verb_buys_nothing_named_later() -> None:
    # a digest headline: the items after the comma are other stories
    assert detect("Freight Week: Stripe buys and gets sued, Uber's new boss, Amazon's push") == {
        ("Stripe", "legal", "defendant")}
    assert ("Stripe", "acquisition", "acquirer") in detect("Stripe buys and integrates Uber's "
                                                           "payments unit")


@pytest.mark.parametrize("text", ["Uber was sued over driver pay.",
                                  "Uber gets sued over driver pay.",
                                  "Uber has been sued by a drivers' group.",
                                  "Uber is getting sued over driver pay."])
def test_a_company_that_is_sued_is_the_defendant(text: str) -> None:
    assert detect(text) == {("Uber", "legal", "defendant")}


def test_a_name_ending_in_get_is_no_passive() -> None:
    rules = RulesFile.model_validate({"companies": [{"name": "Target"}, {"name": "Stripe"}]})
    article = Article(id="t", title="Target sued Stripe over labels",
                      published=datetime(2026, 5, 4, tzinfo=UTC))
    found = {(e.company, e.role) for e in Detector(rules).detect(article)}
    assert found == {("Target", "plaintiff"), ("Stripe", "defendant")}


def test_what_a_possessor_sells_is_bought_not_the_possessor() -> None:
    rules = RulesFile.model_validate({"companies": [
        {"name": "Monster Worldwide", "aliases": ["Monster.com"]}, {"name": "Yahoo"},
        {"name": "HotJobs"}]})
    article = Article(id="p1", title="Monster.com buys Yahoo's HotJobs service for $225 million",
                      published=datetime(2026, 5, 4, tzinfo=UTC))
    found = {(e.company, e.role) for e in Detector(rules).detect(article)}
    assert found == {("Monster Worldwide", "acquirer"), ("HotJobs", "target")}


@pytest.mark.parametrize("text", [
    "Pfizer faces a clinical trial readout for its obesity drug next month.",
    "The rebels raided the village before dawn, Samsung staff said.",
    "Apple offers $5 discounts for students this week.",
    "The party wants to nationalise the railways, Boeing's chief said.",
    "Uber shares are trading below their IPO price.",
    "Stripe, which went public in 2019, reported higher revenue.",
    "The IPO market cooled, Netflix's chief financial officer said.",
])
def test_look_alikes_of_those_phrasings(text: str) -> None:
    assert detect(text) == set()


def test_it_is_the_company_that_speaks_not_a_watched_one_named_before() -> None:
    article = Article(id="s1", title="Voltaire Motors names a chief operating officer",
                      content="Ruiz, who left Microsoft in 2022, will oversee manufacturing. "
                              "Voltaire Motors, the electric-van startup, said on Monday it has "
                              "appointed Ana Ruiz as chief operating officer.",
                      published=datetime(2026, 5, 4, tzinfo=UTC))
    assert not [e for e in DETECTOR.detect(article) if e.event_type == "executive_hire"]
    # With no other company speaking, 'it' is still the one named before.
    article = Article(id="s2", title="Microsoft names a chief operating officer",
                      content="Microsoft is reorganising its devices unit. On Monday it "
                              "appointed Ana Ruiz as chief operating officer.",
                      published=datetime(2026, 5, 4, tzinfo=UTC))
    assert ("Microsoft", "executive_hire") in {(e.company, e.event_type)
                                              for e in DETECTOR.detect(article)}


def test_a_company_in_a_whose_clause_is_not_what_the_company_stands_for() -> None:
    # The lead's subject is the unwatched biotech; Pfizer sits in its "whose" aside.
    lead = ("SAN DIEGO — Corvane Therapeutics, whose lead drug Pfizer licensed in 2021 and "
            "handed back in 2024, said Tuesday it would cut about 30% of its workforce. ")
    article = Article(id="w1", title="Corvane to cut 30% of staff after trial miss",
                      content=lead + "The company said 42 of its 140 employees would lose "
                                     "their jobs by the end of September.",
                      published=datetime(2026, 8, 4, tzinfo=UTC))
    assert not [e for e in DETECTOR.detect(article) if e.company == "Pfizer"]
    # Named as the subject, Pfizer is still what "the company" stands for.
    article = Article(id="w2", title="Pfizer to cut staff after trial miss",
                      content="SAN DIEGO — Pfizer, whose colitis drug failed a trial, said on "
                              "Tuesday it would review its research sites. The company said "
                              "420 employees would lose their jobs by the end of September.",
                      published=datetime(2026, 8, 4, tzinfo=UTC))
    assert ("Pfizer", "layoffs") in {(e.company, e.event_type)
                                     for e in DETECTOR.detect(article)}


@pytest.mark.parametrize(("text", "expected"), [
    # a name after "and" belongs to another noun phrase, not to the departure
    ("Intel announced its CEO's exit and a Samsung investment.",
     {("Intel", "executive_departure", "losing_company")}),
    ("Intel's finance chief resigned and Samsung shares rose.",
     {("Intel", "executive_departure", "losing_company")}),
    # the company right after the verb still loses the person
    ("The finance chief exits Intel and joins a start-up.",
     {("Intel", "executive_departure", "losing_company")}),
])
def test_a_departure_does_not_reach_past_and(text: str, expected: set[Triple]) -> None:
    assert {t for t in detect(text) if t[1] == "executive_departure"} == expected


def test_a_clause_opened_by_when_names_no_object() -> None:
    found = detect("Stripe CEO to step down when Salesforce deal closes.")
    assert {t for t in found if t[1] == "executive_departure"} == {
        ("Stripe", "executive_departure", "losing_company")}


def test_a_page_naming_companies_thousands_of_times_is_read_to_a_bound() -> None:
    """Past MAX_ANALYSED_MENTIONS mentions the rest of a page is not read: the headline's
    event is still found, an event told only after the bound is not."""
    from newswatch.streams.detection.engine import MAX_ANALYSED_MENTIONS
    filler = "Meta and Google met again. " * MAX_ANALYSED_MENTIONS
    article = Article(id="t", title="Stripe to buy a payments startup",
                      content=filler + "Nvidia will cut 2,000 jobs.",
                      published=datetime(2026, 5, 4, tzinfo=UTC))
    found = {(e.company, e.event_type) for e in DETECTOR.detect(article)}
    assert ("Stripe", "acquisition") in found
    assert ("Nvidia", "layoffs") not in found
    short = article.model_copy(update={"content": filler[:81] + "Nvidia will cut 2,000 jobs."})
    assert ("Nvidia", "layoffs") in {(e.company, e.event_type) for e in DETECTOR.detect(short)}


@pytest.mark.parametrize(("content", "person"), [
    # a capitalised title before the name is no part of it
    ("Chief Executive Mark Hurd will replace Patricia Dunn as chairman of Microsoft.",
     "Mark Hurd"),
    # who replaces someone is the one hired, not the one replaced
    ("Microsoft said Ana Reyes will succeed Marcus Webb as chief executive.", "Ana Reyes"),
    ("Microsoft said chief executive Marcus Webb will be replaced by chief operating officer "
     "Ana Reyes, who will serve as acting chief executive.", "Ana Reyes"),
    ("Microsoft named Chief Financial Officer John Poe as its next chief executive.", "John Poe"),
    # surnames with a prefix written with a capital inside
    ("Microsoft named Deirdre O'Brien as its chief people officer.", "Deirdre O'Brien"),
    ("Microsoft has hired Sean McDonald as chief financial officer.", "Sean McDonald"),
])
def test_the_person_hired(content: str, person: str) -> None:
    article = Article(id="p1", title="Boardroom news", content=content,
                      published=datetime(2026, 5, 4, tzinfo=UTC))
    [hire] = [e for e in DETECTOR.detect(article) if e.event_type == "executive_hire"]
    assert hire.person == person
