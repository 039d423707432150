"""Readings for registers beyond wire copy: market wraps, newsletters, filings and features.

Each rule has a sentence it must read as an event and one it must not.
"""

from __future__ import annotations

from datetime import UTC, datetime

from newswatch.schemas.article import Article
from newswatch.schemas.rules import RulesFile
from newswatch.streams.detection import Detector
from tests.test_detection_events import Triple, detect

HIRE = "executive_hire"
DEPART = "executive_departure"

# Common-word names need a detector of their own.
_WORDS = Detector(RulesFile.model_validate({"companies": [
    {"name": "Block", "aliases": ["Square"], "tickers": ["XYZ"]},
    {"name": "Snap", "tickers": ["SNAP"]},
]}))


def has(text: str, company: str, event_type: str) -> bool:
    return any(c == company and t == event_type for c, t, _ in detect(text))


def words_detect(text: str) -> set[Triple]:
    article = Article(id="t", title=text, published=datetime(2026, 5, 4, tzinfo=UTC))
    return {(e.company, e.event_type, e.role) for e in _WORDS.detect(article)}


# --- names inside other names ---------------------------------------------------------------

def test_a_name_joined_to_another_word_is_another_organisation() -> None:
    assert words_detect("R&S Block appointed a new chief financial officer, the company said.") \
        == set()
    assert words_detect("Snap-on named a new chief executive, the company said.") == set()
    assert words_detect("Block appointed Dana Ruiz as chief financial officer.") == {
        ("Block", HIRE, "hiring_company")}


def test_a_common_word_between_two_capitalised_words_is_part_of_a_longer_name() -> None:
    assert words_detect("Madison Square Garden Sports lays off 120 staff.") == set()
    assert words_detect("Square lays off 120 staff, the payments company said.") == {
        ("Block", "layoffs", None)}


def test_a_clause_word_day_or_nationality_before_a_name_makes_no_longer_name() -> None:
    # Only named here, so a misread longer name would lose the event.
    assert words_detect("Games slip again: Meanwhile Block has delayed its Cash Card "
                        "redesign to 2027.") == {("Block", "launch_delay", None)}
    assert words_detect("Both Block and Ledgerly cut jobs this week, 300 in all.") == {
        ("Block", "layoffs", None)}
    assert words_detect("On Tuesday Block cut 120 jobs in its hardware unit.") == {
        ("Block", "layoffs", None)}
    assert words_detect("The Californian Block will buy Ledgerly for $40 million.") == {
        ("Block", "acquisition", "acquirer")}
    # ... while a name's own first word still makes one
    assert words_detect("Union Block cut 120 jobs in its hardware unit.") == set()


def test_products_in_the_plural_are_business_context() -> None:
    article = Article(id="t", title="Ledgerly news", published=datetime(2026, 5, 4, tzinfo=UTC),
                      content="Block's products are popular.")
    (block,) = _WORDS.explain(article).companies
    assert block.counted and "'products'" in block.reason


# --- market wraps -------------------------------------------------------------------------

def test_the_cause_of_a_share_move_is_news_not_background() -> None:
    assert has("Netflix rose 2% after launching its live sports tier in Brazil.",
               "Netflix", "product_launch")
    # Without a share move "after" still makes a past step of the story.
    assert not has("Weeks after launching its live sports tier, Netflix cut prices.",
                   "Netflix", "product_launch")


def test_an_object_after_a_comma_is_not_the_object() -> None:
    assert detect("Chip stocks: Intel down on CFO exit, Nvidia up on orders") == {
        ("Intel", DEPART, "losing_company")}


# --- people -------------------------------------------------------------------------------

def test_staff_joining_in_bulk_is_not_an_executive_hire() -> None:
    assert not has("The engineering team joins Microsoft's Azure group.", "Microsoft", HIRE)
    assert has("Former Pfizer chief scientist Ana Silva joins Microsoft's health group.",
               "Microsoft", HIRE)


def test_the_employer_named_in_an_appositive_loses_the_executive() -> None:
    assert detect("OpenAI has hired Tom Reyes, Stripe's head of risk, as chief risk officer.") \
        == {("OpenAI", HIRE, "hiring_company"), ("Stripe", DEPART, "losing_company")}
    assert detect("OpenAI has hired Tom Reyes, who advised Stripe, as chief risk officer.") == {
        ("OpenAI", HIRE, "hiring_company")}


def test_leaving_and_saying_is_a_departure() -> None:
    assert has("Boeing confirmed that its CFO is leaving and said a search was under way.",
               "Boeing", DEPART)
    assert not has("Boeing 737 delays Denver departure", "Boeing", DEPART)


def test_a_dated_clause_or_a_count_of_past_events_is_background() -> None:
    assert not has("Last year Intel bought a stake, and its CTO left to join Nvidia.",
                   "Nvidia", HIRE)
    assert not has("Its first console was delayed twice and sold poorly.", "Boeing",
                   "launch_delay")
    assert not has("Samsung's first headset, in 2023, shipped after it delayed the launch "
                   "three times.", "Samsung", "launch_delay")
    assert has("Samsung delayed the launch of its tri-fold phone to 2027.", "Samsung",
               "launch_delay")


def test_joining_in_a_when_clause_is_background() -> None:
    assert not has("Stripe says two engineers copied code when they joined Uber.", "Uber", HIRE)


# --- layoffs ------------------------------------------------------------------------------

def test_jobs_as_the_subject_of_a_passive_and_bare_head_counts() -> None:
    assert has("Microsoft told staff that 1,200 roles were being eliminated.", "Microsoft",
               "layoffs")
    assert has("Intel trims 4,000 in its chip unit", "Intel", "layoffs")
    assert not has("Intel trims 2026 capital spending", "Intel", "layoffs")


# --- deals --------------------------------------------------------------------------------

def test_placements_stakes_and_backers() -> None:
    assert detect("Uber announced a $90 million private placement led by Nvidia.") >= {
        ("Nvidia", "investment", "investor")}
    assert detect("Disney disclosed a 6% stake in Boeing in a 13D filing.") == {
        ("Disney", "investment", "investor"), ("Boeing", "investment", "recipient")}
    assert ("Salesforce", "investment", "investor") in detect(
        "OpenAI has raised $5 billion, with Salesforce among the backers.")
    assert ("Pfizer", "investment", "recipient") in detect(
        "Pfizer announced a $40 million Series B financing.")
    assert not has("Pfizer announced a $40 million buyback.", "Pfizer", "investment")


def test_an_investment_bank_is_not_an_investment() -> None:
    assert not has("An investment bank argues Microsoft is likely to invest in OpenAI's round.",
                   "Microsoft", "investment")


def test_the_company_as_an_object_points_back() -> None:
    assert detect("Uber closed up 9% after disclosing that Nvidia has bought a 3% stake in "
                  "the company.") == {("Nvidia", "investment", "investor"),
                                      ("Uber", "investment", "recipient")}


def test_partnerships_stated_in_other_words() -> None:
    assert detect("Disney and Netflix are teaming up on a sports bundle.") == {
        ("Disney", "partnership", "partner"), ("Netflix", "partnership", "partner")}
    assert detect("Apple (NASDAQ: AAPL) and Boeing today announced a collaboration to build "
                  "cabin software.") == {("Apple", "partnership", "partner"),
                                         ("Boeing", "partnership", "partner")}
    assert detect("Samsung will supply displays to Apple under an expanded supply agreement.") \
        == {("Samsung", "partnership", "partner"), ("Apple", "partnership", "partner")}
    assert detect("Pfizer agreed to a co-development partnership for Samsung's biosimilar.") == {
        ("Pfizer", "partnership", "partner"), ("Samsung", "partnership", "partner")}


def test_calling_two_companies_partners_is_no_agreement() -> None:
    assert not has("An analyst says Disney and Netflix are natural partners.", "Disney",
                   "partnership")
    assert not has("Apple sells phones in India under a licensing agreement.", "Apple",
                   "partnership")


# --- products -----------------------------------------------------------------------------

def test_services_opened_and_started() -> None:
    assert has("Uber began drone deliveries in Dallas on Monday.", "Uber", "product_launch")
    assert has("Netflix opened its games app to the general public.", "Netflix",
               "product_launch")
    assert has("Microsoft opens a new cloud region in Chile.", "Microsoft", "product_launch")
    assert not has("Boeing said the satellite would begin service in six weeks.", "Boeing",
                   "product_launch")


def test_a_noun_launch_with_nothing_launched() -> None:
    assert not has("Nvidia named Ann Lee, Boeing's head of space and launch, as CTO.", "Boeing",
                   "product_launch")


def test_dates_moved_later_are_delays() -> None:
    assert has("Nvidia said shipments of its B300 GPUs will slip from the second quarter to "
               "the third.", "Nvidia", "launch_delay")
    assert has("Samsung has pushed its tri-fold phone from this autumn to spring 2027.",
               "Samsung", "launch_delay")
    assert has("Intel said shipments of its Falcon chips, previously planned for June, are now "
               "expected in 2027.", "Intel", "launch_delay")
    assert has("Apple has shelved its planned smart-home display.", "Apple", "launch_delay")
    assert not has("Intel shares slipped from the first quarter to the third.", "Intel",
                   "launch_delay")


def test_travel_delays_are_not_launch_delays() -> None:
    assert not has("A Boeing 787 bound for Paris was delayed four hours at Newark.", "Boeing",
                   "launch_delay")


def test_analyst_views_are_not_events() -> None:
    assert not has("Analyst sees Apple foldable iPhone slipping to 2028", "Apple",
                   "launch_delay")


# --- legal --------------------------------------------------------------------------------

def test_legal_phrasings_of_filings_and_courts() -> None:
    assert has("Shareholders sue Boeing board in Delaware", "Boeing", "legal")
    assert not has("Shareholders plan to sue Boeing board", "Boeing", "legal")
    assert has("The SEC filed settled charges against Uber, which agreed to pay $5 million "
               "without admitting or denying the findings.", "Uber", "legal")
    assert has("A judge denied the FTC's request for an injunction against Disney.", "Disney",
               "legal")
    assert has("Uber and Stripe said they have settled the patent lawsuit Stripe filed "
               "against Uber last year.", "Uber", "legal")
    assert not has("Uber denied a report that it had settled the patent lawsuit.", "Uber",
                   "legal")


def test_an_unwatched_object_comes_first() -> None:
    assert not has("Lawsuit against Ziprow Rides cites old Uber settlement", "Uber", "legal")
    assert has("Lawsuit against Uber cites driver pay", "Uber", "legal")


def test_an_agreement_to_buy_is_not_a_partnership() -> None:
    text = ("Netflix, Inc. (NASDAQ: NFLX) and Disney today announced a definitive agreement "
            "under which Netflix will acquire Disney's games studio.")
    assert not has(text, "Netflix", "partnership")
    assert has("Netflix and Disney today announced a distribution agreement for films.",
               "Netflix", "partnership")


# --- a post filled, the person named later -----------------------------------------------------

def test_a_company_that_gets_a_new_chief_hires() -> None:
    assert has("Intel receives new CEO after months-long search", "Intel", HIRE)
    assert has("Intel finds a permanent chief financial officer", "Intel", HIRE)
    assert not has("Intel gets new chip orders from Apple", "Intel", HIRE)
    assert not has("Intel gets a new headquarters in Oregon", "Intel", HIRE)


# --- "announces" with the product's noun closing the object ---------------------------------

def test_announcing_a_named_service_launches_it() -> None:
    assert has("Netflix announces live sports streaming service", "Netflix", "product_launch")
    assert has("Netflix announces ad-supported mobile app", "Netflix", "product_launch")
    assert not has("Netflix announces app update schedule", "Netflix", "product_launch")
    assert not has("Netflix announces service price increases", "Netflix", "product_launch")
    assert not has("Netflix announces customer service changes", "Netflix", "product_launch")


# --- a product's development pushed back ---------------------------------------------------

def test_development_pushed_back_is_a_delay_unless_of_a_building() -> None:
    assert has("Boeing pushes back 737 replacement development", "Boeing", "launch_delay")
    assert has("Boeing delays development of the 737 successor", "Boeing", "launch_delay")
    assert not has("Boeing delays development of its new headquarters campus", "Boeing",
                   "launch_delay")


# --- a company chosen as partner or supplier ----------------------------------------------

def test_a_company_chosen_as_partner_is_a_partnership_not_a_hire() -> None:
    text = ("OpenAI on Tuesday launched a clinical assistant and named payments company Stripe "
            "as its first launch partner.")
    found = detect(text)
    assert {("OpenAI", "partnership", "partner"), ("Stripe", "partnership", "partner")} <= found
    assert not {t for _, t, _ in found} & {HIRE, DEPART}
    assert has("Uber picks Stripe to run payouts for its drivers", "Stripe", "partnership")
    assert has("Netflix launches a games service, with Microsoft as launch partner",
               "Microsoft", "partnership")
    # a partner of a firm is still a person hired
    assert has("Salesforce named Dana Ruiz as a partner in its venture arm", "Salesforce", HIRE)
    assert not has("Uber picks Stripe's former finance chief to run payouts", "Stripe",
                   "partnership")


# --- a probe the company discloses ----------------------------------------------------------

def test_a_company_disclosing_a_probe_faces_it() -> None:
    assert has("Uber cuts 15% of staff, discloses FTC probe", "Uber", "legal")
    assert has("Uber reveals SEC investigation into its accounting", "Uber", "legal")
    assert not has("Uber discloses probe findings into rival Lyft", "Uber", "legal")


def test_an_agreement_to_buy_a_makers_memory_is_a_supply_partnership() -> None:
    text = ("Nvidia has signed a multi-year agreement to buy Samsung's newest high-bandwidth "
            "memory, the companies said on Monday.")
    found = detect(text)
    assert {("Nvidia", "partnership", "partner"), ("Samsung", "partnership", "partner")} <= found
    assert not [e for e in found if e[1] == "acquisition"]


def test_companies_joining_a_round_after_with_invest() -> None:
    text = "OpenAI raising about $2bn, with Microsoft and Nvidia back for more, people said"
    found = detect(text)
    assert {("Microsoft", "investment", "investor"), ("Nvidia", "investment", "investor"),
            ("OpenAI", "investment", "recipient")} <= found
    assert not has("OpenAI raised $2 billion on Monday, with Microsoft shares falling 2%.",
                   "Microsoft", "investment")


def test_licensing_another_companys_product_is_a_partnership() -> None:
    found = detect("Pfizer licenses Samsung's HB-201 antibody in a deal worth up to $1.2bn")
    assert {("Pfizer", "partnership", "partner"), ("Samsung", "partnership", "partner")} <= found
    assert not has("The state regulator licenses Pfizer's new plant in Ohio", "Pfizer",
                   "partnership")


def test_a_licence_told_as_upfront_and_milestone_money_is_a_partnership() -> None:
    pair = {("Pfizer", "partnership", "partner"), ("Samsung", "partnership", "partner")}
    assert pair <= detect("Pfizer pays $150M upfront to license Samsung's KRAS degrader")
    assert pair <= detect("Pfizer will pay Samsung $150 million upfront and up to $1.9 billion "
                          "in milestones for global rights to HB-221.")
    found = detect("Samsung will receive $80 million up front from Pfizer, plus up to $700 "
                   "million in milestones, for rights to its fibrosis drug.")
    assert pair <= found
    assert not {t for t in found if t[1] == "investment"}
    # A takeover's price paid in parts, and milestone money reported as income, are not.
    assert not has("Pfizer will pay Samsung's holders $40 a share upfront plus a CVR tied to "
                   "milestones.", "Pfizer", "partnership")
    assert not {t for t in detect("Samsung received $20 million in milestone payments from "
                                  "Pfizer during the quarter.") if t[1] == "investment"}
    # (a decimal point does not end the sentence before the milestones)
    assert not {t for t in detect("Samsung received $1.5 million in milestone payments from "
                                  "Pfizer during the quarter.") if t[1] == "investment"}


def test_a_first_cargo_shipped_is_output_not_a_product() -> None:
    assert has("Samsung ships its first 2nm smartphone chips to customers", "Samsung",
               "product_launch")
    assert not has("Samsung's Pyeongtaek venture ships first cargo", "Samsung",
                   "product_launch")


def test_a_product_launched_with_another_company_is_a_partnership() -> None:
    found = detect("Netflix launches a mobile bundle with India's Tarang Telecom")
    assert ("Netflix", "partnership", "partner") in found
    assert not has("Netflix launches a mobile app with offline downloads", "Netflix",
                   "partnership")


def test_a_press_releases_defined_terms_stand_for_the_issuer() -> None:
    detector = Detector(RulesFile.model_validate({"companies": [
        {"name": "Quillfeather Software"}]}))

    def events(content: str) -> set[tuple[str, str]]:
        article = Article(id="t", title="Quillfeather Software news", content=(
            "Quillfeather Software reported results on Monday. " + content),
            published=datetime(2026, 11, 30, tzinfo=UTC))
        return {(e.company, e.event_type) for e in detector.detect(article)}

    assert events("The Board has appointed Grace Whitfield, Chief Financial Officer, as "
                  "interim Chief Executive Officer.") == {("Quillfeather Software", HIRE)}
    assert events("The Company said it will cut 200 jobs.") == {
        ("Quillfeather Software", "layoffs")}
    # another company that speaks is still not the issuer
    assert events("Voltaire Motors, the van maker, said it will cut 200 jobs.") == set()


def test_a_sentence_the_company_said_is_the_storys_company() -> None:
    detector = Detector(RulesFile.model_validate({"companies": [{"name": "Samsung"}]}))

    def events(content: str) -> set[tuple[str, str]]:
        article = Article(id="t", title="Samsung news", content=content,
                          published=datetime(2026, 11, 30, tzinfo=UTC))
        return {(e.company, e.event_type) for e in detector.detect(article)}

    opening = "Samsung Electronics on Tuesday named Park Ji-hoon co-chief executive. "
    assert events(opening + "Lee Sang-woo will step down from the board in August, the "
                  "world's largest memory chipmaker said.") == {("Samsung", HIRE),
                                                               ("Samsung", DEPART)}
    # a source that is no company ("a union official said") names no one's departure
    assert events(opening + "Lee Sang-woo will step down from the board in August, a "
                  "union official said.") == {("Samsung", HIRE)}
