"""How wire copy states sales, stakes, tie-ups and passive announcements: the seller's side
("to sell Channel 5 to Viacom"), a price between verb and buyer, a described target ("buys
Internet provider iHug"), minority and majority shares, and the everyday senses that look
alike (documents, rights or goods sold; non-disclosure agreements). Each reading has a
sentence it must find and one it must not."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newswatch.schemas.article import Article
from newswatch.schemas.rules import RulesFile
from newswatch.streams.detection import Detector, cues, parties
from newswatch.streams.detection.layout import genre_of

RULES = RulesFile.model_validate({"companies": [
    {"name": name} for name in (
        "Viacom", "Channel 5", "Cerberus", "Chrysler", "Vodafone", "iHug", "TradeMe", "Fairfax",
        "Commercial Media Group", "Anglo American", "De Beers", "Illum", "I-Holding",
        "Hewlett-Packard", "Indian Railways", "Bombardier", "Tim Hortons",
        "Cold Stone Creamery", "Sprint", "RealNetworks", "British Airways", "Iberia",
        "General Motors", "Coca-Cola", "Pepsi", "ESPN", "BCE", "Nvidia", "Apple",
        "Molson Canada", "Creemore Springs", "News Corp", "Jamba", "Setanta",
        "North American Sports Network", "Motorola", "NEC")]})
DETECTOR = Detector(RULES)

Triple = tuple[str, str, str | None]


def detect(text: str) -> set[Triple]:
    article = Article(id="t", title=text, published=datetime(2010, 5, 4, tzinfo=UTC))
    return {(e.company, e.event_type, e.role) for e in DETECTOR.detect(article)}


def events_of(companies: tuple[str, ...], title: str, content: str = "", summary: str = "",
              year: int = 2010) -> set[Triple]:
    """The events of one article against rules that watch just ``companies``."""
    rules = RulesFile.model_validate({"companies": [{"name": n} for n in companies]})
    article = Article(id="t", title=title, content=content, summary=summary,
                      published=datetime(year, 5, 4, tzinfo=UTC))
    return {(e.company, e.event_type, e.role) for e in Detector(rules).detect(article)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Northern & Shell to sell Channel 5 to Viacom for an estimated £450m",
     {("Channel 5", "acquisition", "target"), ("Viacom", "acquisition", "acquirer")}),
    ("DaimlerChrysler said it is selling the business to Cerberus for $7.4 billion.",
     {("Cerberus", "acquisition", "acquirer")}),
    ("The magazine has been sold for €300,000 to Commercial Media Group.",
     {("Commercial Media Group", "acquisition", "acquirer")}),
    ("Vodafone buys Internet provider iHug",
     {("Vodafone", "acquisition", "acquirer"), ("iHug", "acquisition", "target")}),
    ("Fairfax will be purchasing the online auction site TradeMe in a deal worth NZ$700 "
     "million.", {("Fairfax", "acquisition", "acquirer"), ("TradeMe", "acquisition", "target")}),
    ("Anglo American agreed to buy 40% of diamond giant De Beers.",
     {("Anglo American", "investment", "investor"), ("De Beers", "investment", "recipient")}),
    ("I-Holding has bought 80% in Illum.",
     {("I-Holding", "acquisition", "acquirer"), ("Illum", "acquisition", "target")}),
    ("14,500 job cuts announced by Hewlett-Packard", {("Hewlett-Packard", "layoffs", None)}),
    ("Indian Railways tie up with Bombardier to build freight locomotives",
     {("Indian Railways", "partnership", "partner"), ("Bombardier", "partnership", "partner")}),
    ("Tim Hortons will be co-branding with Cold Stone Creamery in 100 stores.",
     {("Tim Hortons", "partnership", "partner"),
      ("Cold Stone Creamery", "partnership", "partner")}),
    ("Sprint announced today, that they would be working with RealNetworks to launch a "
     "streaming music service.",
     {("Sprint", "partnership", "partner"), ("RealNetworks", "partnership", "partner"),
      ("Sprint", "product_launch", None)}),
    ("British Airways enters merger talks with Iberia",
     {("British Airways", "acquisition", "acquirer"), ("Iberia", "acquisition", "target")}),
    ("Mary Barra appointed as General Motors chief",
     {("General Motors", "executive_hire", "hiring_company")}),
    ("Molson Canada picks up Creemore Springs Brewery Ltd.",
     {("Molson Canada", "acquisition", "acquirer"), ("Creemore Springs", "acquisition", "target")}),
    ("News Corp has purchased a controlling interest in Jamba, the ringtone company.",
     {("News Corp", "acquisition", "acquirer"), ("Jamba", "acquisition", "target")}),
    ("Setanta bought control of North American Sports Network this week.",
     {("Setanta", "acquisition", "acquirer"),
      ("North American Sports Network", "acquisition", "target")}),
    ("Motorola, NEC and Vodafone said they will work together to provide a Linux platform.",
     {("Motorola", "partnership", "partner"), ("NEC", "partnership", "partner"),
      ("Vodafone", "partnership", "partner")}),
    # the buyer of "the sale of X" follows "to"
    ("A court has approved the sale of troubled Jamba to Setanta in a decision today.",
     {("Jamba", "acquisition", "target"), ("Setanta", "acquisition", "acquirer")}),
])
def test_reads_the_deal(text: str, expected: set[Triple]) -> None:
    assert detect(text) == expected


@pytest.mark.parametrize("text", [
    "She offered to sell Coca-Cola documents to Pepsi.",
    "The rights to broadcast 46 matches were sold to broadcaster ESPN for £260 million.",
    "Each of the funds signed non-disclosure and standstill agreements with BCE.",
    "Apple sells iPhones to Vodafone customers in 20 countries.",
    "Nvidia sold 20,000 chips to Vodafone last quarter.",
    "Motorola picked up three design awards this year.",
    "The state has banned the production and sale of both Coca-Cola and Pepsi.",
    # 'by' after "sold" names the seller, never a buyer
    "My order for a Motorola phone was sold by Apple, shipped by Apple.",
    "NEC and Motorola engineers worked together on the panel.",
])
def test_not_a_deal(text: str) -> None:
    assert detect(text) == set()


def test_merger_talks_are_at_the_talks_stage() -> None:
    article = Article(id="t", title="British Airways enters merger talks with Iberia",
                      published=datetime(2010, 5, 4, tzinfo=UTC))
    stages = {e.stage for e in DETECTOR.detect(article)}
    assert stages == {"talks"}


def test_a_condition_after_an_abbreviation_still_holds() -> None:
    assert detect("Setanta said it will shut down all U.S. operations if the bill is "
                  "signed.") == set()


def test_it_is_not_the_company_after_by() -> None:
    article = Article(id="t", title="Setanta grows in America",
                      content="Setanta is a sports broadcaster. Backed by an investment by "
                              "Vodafone, it bought control of North American Sports Network "
                              "this week.", published=datetime(2010, 5, 4, tzinfo=UTC))
    found = {(e.company, e.event_type, e.role) for e in DETECTOR.detect(article)}
    assert ("Setanta", "acquisition", "acquirer") in found
    assert not any(company == "Vodafone" for company, _, _ in found)


LEGAL_RULES = RulesFile.model_validate({"companies": [
    {"name": name} for name in ("Livedoor", "McGraw-Hill", "Pearson", "Penguin Group",
                                "Warner Music Group", "Sony BMG", "Vivendi Universal",
                                "Arthur Andersen")]})
LEGAL = Detector(LEGAL_RULES)


@pytest.mark.parametrize(("text", "expected"), [
    ("Prosecutors raided the Tokyo offices of Livedoor on Monday.",
     {("Livedoor", "legal", "defendant")}),
    ("Plaintiffs involved in the case are McGraw-Hill, Pearson PLC and Penguin Group.",
     {("McGraw-Hill", "legal", "plaintiff"), ("Pearson", "legal", "plaintiff"),
      ("Penguin Group", "legal", "plaintiff")}),
    ("Warner Music Group said it had been subpoenaed by the attorney general.",
     {("Warner Music Group", "legal", "defendant")}),
    ("Sony BMG and Vivendi Universal have also received subpoenas.",
     {("Sony BMG", "legal", "defendant"), ("Vivendi Universal", "legal", "defendant")}),
    ("The Supreme Court overturned a conviction against accounting firm Arthur Andersen.",
     {("Arthur Andersen", "legal", "defendant")}),
    ("Sony BMG received three music awards on Monday.", set()),
    ("The defendants' lawyers met Pearson editors.", set()),
])
def test_reads_the_legal_matter(text: str, expected: set[Triple]) -> None:
    article = Article(id="t", title=text, published=datetime(2010, 5, 4, tzinfo=UTC))
    assert {(e.company, e.event_type, e.role) for e in LEGAL.detect(article)} == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("British bank Northern Rock received emergency loans from the Bank of England.",
     {("Northern Rock", "investment", "recipient")}),
    ("Partygaming has announced that it intends to float on the London Stock Exchange.",
     {("Partygaming", "investment", "recipient")}),
    ("Bank Tabungan Negara hopes to conduct its IPO before the end of the year.",
     {("Bank Tabungan Negara", "investment", "recipient")}),
    ("Northern Rock names a new chairman ahead of a planned IPO.", set()),
    ("A Northern Rock IPO could come as soon as next year, analysts believe.", set()),
    # a listed company selling new shares, as its release says it; notes are debt
    ("Northern Rock priced an underwritten public offering of 5,000,000 shares of common "
     "stock at $30.00 per share.", {("Northern Rock", "investment", "recipient")}),
    ("Northern Rock closed a $40 million private placement with existing investors.",
     {("Northern Rock", "investment", "recipient")}),
    ("Northern Rock priced a public offering of $500 million of senior notes due 2031.", set()),
    # an injection into the company, by whoever makes it; not a surgeon's
    ("A $2 billion injection by the government into Northern Rock was approved on Monday.",
     {("Northern Rock", "investment", "recipient")}),
    ("The surgeon gave an injection into the knee of a Northern Rock employee.", set()),
])
def test_rescues_and_listings(text: str, expected: set[Triple]) -> None:
    found = events_of(("Northern Rock", "Partygaming", "Bank Tabungan Negara"), text)
    assert {t for t in found if t[1] == "investment"} == expected


def test_a_fund_named_investment_is_no_trigger_that_hides_the_next() -> None:
    # "Investment Authority has raised its stake in": the fund's name, then "raised its stake".
    found = events_of(("Marlowe & Finch",), "Qatar Investment Authority has raised its stake "
                                            "in Marlowe & Finch to 9.8 per cent.")
    assert ("Marlowe & Finch", "investment", "recipient") in found
    found = events_of(("Marlowe & Finch", "Tidewell"), "Tidewell's investment of $40 million "
                                                       "in Marlowe & Finch closed on Monday.")
    assert ("Tidewell", "investment", "investor") in found


@pytest.mark.parametrize(("text", "expected"), [
    ("The Irish Stock Exchange (ISE) officially launched the Irish Enterprise Exchange today.",
     {("Irish Stock Exchange", "product_launch", None)}),
    ("Samsung has begun mass production of a new 4 gigabit flash memory chip.",
     {("Samsung", "product_launch", None)}),
    ("The Irish Stock Exchange story: 20 years from a small office to launch day", set()),
    ("Flight 409, a Samsung 737, was delayed until 2:35.", set()),
])
def test_a_subject_after_the(text: str, expected: set[Triple]) -> None:
    assert events_of(("Irish Stock Exchange", "Samsung"), text) == expected


def test_the_owner_named_inside_a_closure_closes() -> None:
    rules = RulesFile.model_validate({"companies": [
        {"name": "Jessops"}, {"name": "United Airlines", "aliases": ["United"]}]})
    article = Article(id="t", title="Jessops shuts down",
                      content="United Kingdom All 187 store locations of Jessops camera retailer "
                              "are closing in the United Kingdom today.",
                      published=datetime(2010, 5, 4, tzinfo=UTC))
    found = {(e.company, e.event_type) for e in Detector(rules).detect(article)}
    assert ("Jessops", "layoffs") in found
    assert not any(company == "United Airlines" for company, _ in found)


@pytest.mark.parametrize(("title", "content"), [
    ("Apple says it is 'not pursuing' a bid for Nvidia",
     "Earlier on Friday, a news site cited sources as saying Apple had hired bankers to study a "
     "bid for Nvidia. Apple has not commented further."),
    ("Samsung says report of delayed phone launch is 'not accurate'",
     "A newsletter reported on Monday that Samsung delayed the launch of its new phone."),
    ("Stripe denies layoff rumour",
     "Stripe said a Reddit post claiming it would lay off 20% of its workforce was "
     "'entirely false.'"),
    ("Nvidia CEO 'isn't going anywhere', company says",
     "A newsletter reported that Nvidia's chief executive was negotiating an exit."),
    ("Nvidia to buy Stripe? Company says it has \"no knowledge\" of any approach",
     "An anonymous post on a forum claimed Nvidia was preparing an offer for Stripe."),
])
def test_a_denial_in_the_headline_covers_the_story(title: str, content: str) -> None:
    assert events_of(("Apple", "Nvidia", "Samsung", "Stripe"), title, content, year=2026) == set()


@pytest.mark.parametrize("text", [
    "Kenya's police will buy 3,000 rugged Samsung Galaxy Tab Active tablets.",
    "The council OKs purchase of eight electric cruisers, Apple Model Y among them.",
    "The licences will be bought through the council's existing Apple agreement.",
    "Safe Superintelligence says it is 'not raising' after report of new funding round",
])
def test_goods_counted_or_sold_and_denied_rounds(text: str) -> None:
    assert detect(text) == set()


def test_counted_companies_are_still_bought() -> None:
    assert ("Apple", "acquisition", "acquirer") in detect(
        "Apple agreed to buy two AI startups, Nvidia and Stripe.")


def test_an_unwatched_subject_with_an_appositive_is_not_an_earlier_company() -> None:
    rules = RulesFile.model_validate({"companies": [{"name": "Disney"}]})
    article = Article(
        id="t", title="Puzzle maker Brightpaw buys rival Cloverleaf Games in all-stock deal",
        summary="The combined company will sell about 4 million jigsaw puzzles a year. "
                "Cloverleaf's licensed-character lines, which include products made under a "
                "Disney license since 2010, will continue.",
        content="Brightpaw Puzzles, a family-owned jigsaw puzzle and board game maker in "
                "Madison, Wis., has agreed to acquire Cloverleaf Games, a smaller rival based "
                "in Cedar Rapids, Iowa, in an all-stock deal, the companies said Tuesday.",
        published=datetime(2026, 5, 4, tzinfo=UTC))
    assert Detector(rules).detect(article) == []


@pytest.mark.parametrize("title", ["This week in tech history: the PC arrives",
                                   "Today in business history: Apple's first store opens"])
def test_this_week_in_history_is_a_timeline(title: str) -> None:
    article = Article(id="t", title=title, published=datetime(2026, 5, 4, tzinfo=UTC))
    assert genre_of(article, title)[0] == "timeline"


@pytest.mark.parametrize("sentence", [
    "Safe Superintelligence says it is 'not raising' after report of new funding round",
    "Uber says it is 'not pursuing' a bid for travel site Wayfarer",
    "Lumora Health says CEO 'isn't going anywhere' after report of board rift",
    "A Reddit post claiming it would lay off 20% of staff was 'entirely false.'",
    "Every year someone posts that Adobe is buying Quillfeather, and it isn't true.",
    "Cobaltline says it has \"no knowledge\" of any approach",
    "Stripe said it was not aware of any talks with Nvidia.",
    "Samsung called the report \"groundless\", and the numbers suggest it is right.",
    "Nvidia called the reports baseless.",
])
def test_denials_as_written(sentence: str) -> None:
    assert cues.denial(sentence) is not None


def test_not_pursuing_only_is_no_denial() -> None:
    assert cues.denial("Uber is not pursuing only growth; it bought Wayfarer.") is None
    # knowing nothing of a person or a product is no denial of a deal
    assert cues.denial("Uber said it had no knowledge of the driver's record.") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("AT&T and BellSouth share Cingular Wireless, which will be absorbed by AT&T.",
     {("Cingular Wireless", "acquisition", "target"), ("AT&T", "acquisition", "acquirer")}),
    ("Delvita sold its supermarket to German retailer Rewe last week.",
     {("Delvita", "acquisition", "target"), ("Rewe", "acquisition", "acquirer")}),
    ("Bebo was sold for less than $10 million by AOL to hedge fund Criterion this week.",
     {("Bebo", "acquisition", "target"), ("Criterion", "acquisition", "acquirer")}),
])
def test_sellers_relatives_and_units(text: str, expected: set[Triple]) -> None:
    companies = ("AT&T", "BellSouth", "Cingular Wireless", "Delvita", "Rewe", "Bebo", "AOL",
                 "Criterion")
    assert events_of(companies, "Company news", text) == expected


def test_a_headline_sells_a_unit_without_its() -> None:
    companies = ("Kestrel Payments", "Pinecrest Bank", "Intel", "Apple")
    assert events_of(companies, "Kestrel Payments to sell Brazilian arm to Banco Andino") == {
        ("Kestrel Payments", "acquisition", "target")}
    assert events_of(companies, "Kestrel Payments sells Brazilian unit to Pinecrest Bank "
                     "for $200m") == {("Kestrel Payments", "acquisition", "target"),
                                      ("Pinecrest Bank", "acquisition", "acquirer")}
    # the unit word must end the object: software for business is not a unit
    assert events_of(companies, "Kestrel Payments sells business software to Pinecrest "
                     "Bank") == set()
    # "most of that unit" is the sentence's earlier unit, not a headline's dropped "its"
    assert events_of(companies, "Intel sold most of that unit to Apple") == set()


def test_an_approval_without_conditions_is_no_denial() -> None:
    companies = ("Kestrel Payments", "Pinecrest Bank")
    assert events_of(companies, "Regulator news", "The antitrust regulator on Monday approved "
                     "without conditions the sale of Kestrel Payments to a local fintech.") == {
        ("Kestrel Payments", "acquisition", "target")}
    # a deal done without something is still denied when the deal itself is what is missing
    assert events_of(companies, "Regulator news", "The board ended the year without a sale "
                     "of Kestrel Payments.") == set()


def test_an_object_owned_by_a_watched_company_is_its_event() -> None:
    companies = ("Scale AI", "Kestrel Payments")
    text = ("The Employment and Labour Relations Court in Nairobi has issued an injunction "
            "restraining Remotasks, the data-annotation platform owned by Scale AI, from "
            "terminating the contracts of about 2,300 Kenyan workers.")
    assert events_of(companies, "Court news", text) == {("Scale AI", "legal", "defendant")}
    # an unwatched object with no such aside is still not the watched company's event
    assert events_of(companies, "Court news", "The court issued an injunction restraining "
                     "Remotasks, a rival of Scale AI, from terminating the contracts.") == set()


def test_a_plural_role_noun_describes_the_names_after_it() -> None:
    found = events_of(("Sony", "Flextronics", "Foxconn"), "Company news",
                      "Two major phone makers, Sony and Flextronics, and two wireless "
                      "providers, Foxconn and Vodafone, have announced they will work "
                      "together to provide a Linux platform.")
    assert {("Sony", "partnership", "partner"), ("Flextronics", "partnership", "partner"),
            ("Foxconn", "partnership", "partner")} <= found


def test_a_company_resigning_is_not_a_departure() -> None:
    assert detect("OLPC President Walter Bender said Nvidia's resignation will have no "
                  "impact on the program.") == set()


@pytest.mark.parametrize("text", [
    "United States authorities blocked Nvidia from buying Apple, citing concerns.",
    "Regulators barred Apple from acquiring Nvidia.",
])
def test_kept_from_doing_it(text: str) -> None:
    # no deal; a regulator's bar may itself be a legal matter
    assert {t for t in detect(text) if t[1] == "acquisition"} == set()


@pytest.mark.parametrize(("title", "genre"), [
    ("2025 in tech: a month-by-month timeline", "year_in_review"),
    ("Adland Hall of Fame: the ten greatest technology ads ever made", "timeline"),
    ("Orbital Mechanic: Three years since Arcspire's first rocket fell short", "timeline"),
    ("Six years after Disney swallowed Fox, was it worth $71 billion?", "timeline"),
    ("Long-term test: Tesla Model Y, 10,000 miles after the refresh", "review"),
    ("Acme to cut 500 jobs, two years after its last round", "news"),
])
def test_titles_that_frame_the_past(title: str, genre: str) -> None:
    article = Article(id="t", title=title, published=datetime(2026, 5, 4, tzinfo=UTC))
    assert genre_of(article, title)[0] == genre


@pytest.mark.parametrize("content", [
    "The founders lost their jobs at Apple in August 2022, when the iPhone maker cut about a "
    "fifth of its staff.",
    "A year ago this month, Apple cut about 15% of its staff and closed its clinics.",
    "Around the same time, Apple bought Nvidia, a visual-effects house.",
    "A post claiming Apple was about to buy Nvidia got a flat denial from the company.",
    "The law went largely unused until the state's case against Apple.",
    "Target pledged to buy more from Black-owned businesses.",
])
def test_the_past_and_the_denied_in_feed_prose(content: str) -> None:
    assert events_of(("Apple", "Nvidia", "Target"), "Weekly notes", content, year=2026) == set()


def test_a_watched_name_inside_an_appositive_is_not_the_subject() -> None:
    rules = RulesFile.model_validate({"companies": [
        {"name": "Alphabet", "aliases": ["DeepMind"]}]})
    article = Article(id="t", title="Orsay, the Paris lab started by three DeepMind alumni, "
                      "raises €60 million", published=datetime(2026, 5, 4, tzinfo=UTC))
    assert Detector(rules).detect(article) == []


LEGAL_MORE = Detector(RulesFile.model_validate({"companies": [
    {"name": n} for n in ("CBS", "Viacom", "One-Two-Go Airlines", "Orient Thai", "Grandmax Group",
                          "Livedoor", "Madoff Investment Securities", "Al Jazeera")]}))


@pytest.mark.parametrize(("text", "company"), [
    ("CBS chief Leslie Moonves and Viacom are also listed as defendants in the lawsuit.",
     "Viacom"),
    ("Families launch legal action against One-Two-Go Airlines, as well as parent airline "
     "Orient Thai and lessor Grandmax Group.", "Grandmax Group"),
    ("Prosecutors have been investigating allegations surrounding Livedoor's acquisitions.",
     "Livedoor"),
    ("The SEC filed a separate civil suit on Thursday against Madoff Investment Securities.",
     "Madoff Investment Securities"),
    ("The ministry issued an order banning Al Jazeera from working in the country.",
     "Al Jazeera"),
    # "the studio", like "the company", is the one named before
    ("Eleven former employees of Grandmax Group have filed a claim against the studio at "
     "an employment tribunal.", "Grandmax Group"),
    # an appositive between two listed defendants
    ("Viacom filed a lawsuit against Livedoor, the company that ran the site, and Grandmax "
     "Group, which hosted it.", "Grandmax Group"),
])
def test_more_legal_wording(text: str, company: str) -> None:
    article = Article(id="t", title="Company news", content=text,
                      published=datetime(2010, 5, 4, tzinfo=UTC))
    assert (company, "legal") in {(e.company, e.event_type) for e in LEGAL_MORE.detect(article)}


def test_release_dates_announced_are_a_launch() -> None:
    assert ("Nvidia", "product_launch", None) in detect(
        "Nvidia announced on Thursday the release dates for the new version of its console.")


def test_the_maker_of_a_product_subject_launches_it() -> None:
    assert ("Nvidia", "product_launch", None) in detect(
        "The phone, made by Nvidia, launches tomorrow exclusively on one network.")


@pytest.mark.parametrize(("text", "found"), [
    ("When Apple sued Nvidia.** A retrospective on the decade-long case.", False),
    ("When Apple bought Nvidia, the chip market changed for good.", False),
    ("When Apple bought Nvidia on Monday, shares of both rose.", True),
])
def test_a_when_clause_in_the_past_tells_another_time(text: str, found: bool) -> None:
    assert bool(detect(text)) is found


@pytest.mark.parametrize("text", [
    "Northern Rock to receive $9.5 billion in government aid",
    "The UK government pledged to increase its stake in Northern Rock to 70%.",
])
def test_state_money_into_a_company(text: str) -> None:
    assert ("Northern Rock", "investment", "recipient") in events_of(("Northern Rock",), text)


def test_what_many_believe_is_speculation() -> None:
    assert detect("Many believe that Nvidia intends to enter the rapidly expanding phone "
                  "market.") == set()


@pytest.mark.parametrize(("companies", "title", "expected"), [
    (("Apple", "Samsung"), "Apple's lawyers are pursuing legal action against Samsung",
     ("Samsung", "legal", "defendant")),
    (("NRDC Equity Partners", "Hudson's Bay Trading Company"),
     "NRDC Equity Partners will support Hudson's Bay Trading Company with $500 million in "
     "funding", ("Hudson's Bay Trading Company", "investment", "recipient")),
    (("Here Media",), "Here Media Inc. will be helmed by Chairman Stephen P. Jarchow",
     ("Here Media", "executive_hire", "hiring_company")),
    (("GUN Records",), "The closure will affect eight employees, GUN Records said",
     ("GUN Records", "layoffs", None)),
])
def test_more_wire_phrasings(companies: tuple[str, ...], title: str,
                             expected: Triple) -> None:
    assert expected in events_of(companies, title)


@pytest.mark.parametrize(("companies", "title"), [
    (("Here Media",), "Here Media Inc. is led by Chairman Stephen P. Jarchow"),
    (("Samsung",), "The cuts would affect thousands of customers at Samsung"),
    (("Samsung",), "Samsung will support the campaign with a new logo"),
])
def test_their_look_alikes(companies: tuple[str, ...], title: str) -> None:
    assert events_of(companies, title) == set()


def test_the_post_a_person_holds_now_is_at_the_company_they_leave() -> None:
    companies = ("UPN", "Adobe")
    assert events_of(companies, "Jane Doe, president of UPN, will join Adobe as chief "
                     "financial officer") == {("UPN", "executive_departure", "losing_company"),
                                             ("Adobe", "executive_hire", "hiring_company")}
    # a former post, or a board seat held beside the day job, leaves nothing
    assert events_of(companies, "Jane Doe, formerly the president of UPN, will join Adobe") == {
        ("Adobe", "executive_hire", "hiring_company")}
    assert ("UPN", "executive_departure", "losing_company") not in events_of(
        companies, "Jane Doe, the president of UPN, joins Adobe's board")


def test_money_raised_in_a_share_sale_is_raised() -> None:
    assert ("Halcyon", "investment", "recipient") in events_of(
        ("Halcyon",), "Halcyon raised $150 million in a share sale on Wednesday")
    # ... but not a price per share
    assert not any(t == "investment" for _, t, _ in events_of(
        ("Halcyon",), "Halcyon raised its offer to $15 a share"))


def test_a_capitalised_goods_word_in_running_text_is_part_of_a_name() -> None:
    assert ("Marlowe", "acquisition", "acquirer") in events_of(
        ("Marlowe",), "Marlowe completed its takeover of Hollis Home on Monday")
    # goods written as goods, or an acronym, stay goods
    assert events_of(("Marlowe",), "Marlowe agreed on Monday to buy new homes in Ohio") == set()
    assert events_of(("Marlowe",), "Marlowe agreed on Monday to buy GPUs from a broker") == set()


def test_an_agreement_to_buy_a_companys_products_is_a_supply_partnership() -> None:
    companies = ("Microsoft", "Cobaltline")
    found = events_of(companies, "Microsoft will invest about $1.1 billion for a 9% stake in "
                      "Cobaltline and has signed a multiyear agreement to buy the company's "
                      "optical interconnect chips for its data centres.")
    assert {("Microsoft", "partnership", "partner"),
            ("Cobaltline", "partnership", "partner")} <= found
    # an agreement to buy the company itself stays a takeover
    assert not any(t == "partnership" for _, t, _ in events_of(
        companies, "Microsoft has signed an agreement to buy Cobaltline for $1.1 billion."))


def test_a_company_named_inside_the_deal_is_the_second_partner() -> None:
    companies = ("Vantage", "Microsoft")
    assert events_of(companies, "Vantage signs Microsoft power deal") == {
        ("Vantage", "partnership", "partner"), ("Microsoft", "partnership", "partner")}
    # one named party is no partnership
    assert events_of(companies, "Vantage signs a new power deal") == set()


def test_talk_of_a_listing_is_no_listing() -> None:
    assert events_of(("Scale AI",), "Scale AI hires a CFO, and the IPO chatter starts",
                     year=2026) == {("Scale AI", "executive_hire", "hiring_company")}
    assert ("Scale AI", "investment", "recipient") in events_of(
        ("Scale AI",), "Scale AI raises $1 billion in its IPO", year=2026)


def test_an_unnamed_subject_after_a_semicolon_is_its_own() -> None:
    companies = ("Samsung", "Nvidia", "Intel")
    found = events_of(companies, "Samsung signs a supply agreement with Nvidia; a patent firm "
                                 "sues Intel over 18A", year=2026)
    assert ("Intel", "legal", "defendant") in found
    assert ("Samsung", "legal", "plaintiff") not in found


def test_a_launch_a_scrapped_plan_was_due_for_is_what_was_scrapped() -> None:
    found = events_of(("Netflix",), "Netflix games news", "Netflix has scrapped plans for a "
                      "separate games-only subscription that was due to launch this summer, "
                      "people familiar said.", year=2026)
    assert ("Netflix", "launch_delay", None) in found
    assert ("Netflix", "product_launch", None) not in found


def test_the_writer_of_a_post_moving_from_a_named_post_is_a_move() -> None:
    assert events_of(("Kestrel",), "Why I'm stepping down as CEO of Kestrel", year=2026) == {
        ("Kestrel", "executive_departure", "losing_company")}
    # an engineer's farewell, or a move told as the past, is not
    assert events_of(("Kestrel",), "I'm leaving Kestrel as a senior engineer", year=2026) == set()
    assert events_of(("Kestrel",), "I left Kestrel as CEO in 2019", year=2026) == set()


def test_a_launch_in_a_clause_of_its_own_after_a_scrapped_plan_is_a_launch() -> None:
    found = events_of(("Meta",), "Meta scraps plan for subscription tier, launches ad-free "
                                 "Instagram for teens instead", year=2026)
    assert {("Meta", "launch_delay", None), ("Meta", "product_launch", None)} <= found
    # a relative clause still describes what was put off
    assert ("Meta", "product_launch", None) not in events_of(
        ("Meta",), "Meta delays its games tier, which launches next year", year=2026)


@pytest.mark.parametrize(("title", "expected"), [
    ("Baugur withdraws from Somerfield bid",
     {("Baugur", "acquisition", "acquirer"), ("Somerfield", "acquisition", "target")}),
    ("Shell walks away from Vantage Grid bid",
     {("Shell", "acquisition", "acquirer"), ("Vantage Grid", "acquisition", "target")}),
    ("Baugur launches Somerfield takeover offer",
     {("Baugur", "acquisition", "acquirer"), ("Somerfield", "acquisition", "target")}),
    # a bid for something that is no watched company is no takeover
    ("Baugur launches London Olympic bid", set()),
    ("Baugur drops out of Olympic bid", set()),
])
def test_the_bidder_before_a_named_bid(title: str, expected: set[Triple]) -> None:
    assert events_of(("Baugur", "Somerfield", "Shell", "Vantage Grid"), title) == expected


def test_a_withdrawn_named_bid_is_terminated() -> None:
    rules = RulesFile.model_validate({"companies": [{"name": "Baugur"}, {"name": "Somerfield"}]})
    article = Article(id="t", title="Baugur withdraws from Somerfield bid",
                      published=datetime(2010, 5, 4, tzinfo=UTC))
    stages = {e.company: e.stage for e in Detector(rules).detect(article)}
    assert stages.get("Baugur") == "terminated"


@pytest.mark.parametrize(("title", "content", "expected"), [
    ("New Delhi orders Uber cease operation following alleged rape", "",
     {("Uber", "legal", "defendant")}),
    ("Taxi apps banned", "The city administration has directed Uber, and all other unapproved "
     "radio cab companies, to halt operations in the city.", {("Uber", "legal", "defendant")}),
    ("Adam Air grounded", "The ministry ordered Adam Air to suspend all flights on Monday.",
     {("Adam Air", "legal", "defendant")}),
    ("Lufthansa wins injunction", "Lufthansa won an injunction against the pilots' union on "
     "Friday.", {("Lufthansa", "legal", "plaintiff")}),
    # an order to do something else is no sanction, nor is a market forcing a halt
    ("Uber orders drivers to stop at red lights", "", set()),
    ("Adam Air grounded", "Falling demand forced Adam Air to suspend all flights.", set()),
])
def test_orders_to_stop_trading_and_injunctions_won(
        title: str, content: str, expected: set[Triple]) -> None:
    assert events_of(("Uber", "Adam Air", "Lufthansa"), title, content) == expected


@pytest.mark.parametrize(("title", "content", "expected"), [
    ("Dubai World to receive aid", "The government of Dubai said it intends to provide $9.5 "
     "billion to Dubai World to restructure its debt.",
     {("Dubai World", "investment", "recipient")}),
    ("Rescue package", "The package includes $8 billion of funding to Nakheel, the property "
     "arm.", {("Nakheel", "investment", "recipient")}),
    # money given to people or causes, not to a watched company
    ("Nakheel gives back", "Nakheel will give $5 million to local schools.", set()),
    ("Payout", "Dubai World will give $5 million to Nakheel shareholders as a dividend.",
     set()),
])
def test_money_given_to_a_named_company(title: str, content: str,
                                        expected: set[Triple]) -> None:
    assert events_of(("Dubai World", "Nakheel"), title, content) == expected


@pytest.mark.parametrize(("content", "expected"), [
    ("The Central Bank said on Tuesday it had suspended with immediate effect the electronic "
     "money licence held by Kestrel Payments, its Irish subsidiary.",
     {("Kestrel Payments", "legal", "defendant")}),
    ("A 4.9 percent holding in Cobaltline has been taken by Nvidia through a private "
     "placement, the chip designer said on Monday.",
     {("Cobaltline", "investment", "recipient"), ("Nvidia", "investment", "investor")}),
    ("A 20 percent stake in Ferngate Games will be bought by Savvy Games Group for $600 "
     "million in newly issued shares, the two said on Thursday.",
     {("Ferngate Games", "investment", "recipient")}),
    ("The closure of two snack factories in the Midlands by Tidewell Foods will affect about "
     "800 staff, the union said on Wednesday.", {("Tidewell Foods", "layoffs", None)}),
    ("The U.S. launch of Halcyon's gene therapy for inherited blindness will slip into 2027 "
     "after the FDA extended its review, the company said on Thursday.",
     {("Halcyon", "launch_delay", None)}),
    ("Deliveries of Cobaltline's new sorting robots to customers have been pushed back by "
     "about six months, Tidewell Foods disclosed on Tuesday.",
     {("Cobaltline", "launch_delay", None)}),
    ("The first deliveries of Halcyon's infusion pump to European hospitals will not take "
     "place before the first half of 2027, the company told customers on Monday.",
     {("Halcyon", "launch_delay", None)}),
    ("Sales of Halcyon's infusion pump slipped 4% in the quarter to June.", set()),
    # a stake taken long ago, in a relative clause of its own, is not this one
    ("Ferngate Games, in which a stake was bought by Nvidia in 2019, reported results on "
     "Thursday.", set()),
])
def test_the_institution_or_the_thing_as_the_subject(content: str,
                                                    expected: set[Triple]) -> None:
    companies = ("Kestrel Payments", "Cobaltline", "Nvidia", "Ferngate Games",
                 "Tidewell Foods", "Halcyon")
    assert events_of(companies, "Business briefs", content, year=2026) == expected


@pytest.mark.parametrize(("content", "expected"), [
    # a count of jobs as the subject, in the lead of a story about one company
    ("Tidewell Foods entered administration today. Between 60 and 170 jobs will be lost, and "
     "its US office will close.", {("Tidewell Foods", "layoffs", None)}),
    # ... not across an industry, and not in a year gone by
    ("Tidewell Foods said demand was weak. Thousands of jobs will be lost across the industry, "
     "analysts said.", set()),
    ("Tidewell Foods reported results on Monday. About 300 jobs were lost in 2019 when it "
     "closed a depot.", set()),
])
def test_a_count_of_jobs_in_the_lead_belongs_to_the_story_s_company(
        content: str, expected: set[Triple]) -> None:
    assert events_of(("Tidewell Foods",), "Snack maker news", content, year=2026) == expected


def test_numbers_are_no_name_before_a_trigger() -> None:
    text = "Between 60 and 170 jobs will be lost"
    assert parties.name_before(text, text.index("jobs")) is None
    # names with a digit in them still are names
    assert parties.clean_name("3M") == "3M"
    assert parties.clean_name("7-Eleven") == "7-Eleven"


@pytest.mark.parametrize(("content", "expected"), [
    # the noun's "of" names who leaves
    ("Samsung announced the resignation of Choi Jae-won as president of its foundry business "
     "on Tuesday.", {("Samsung", "executive_departure", "losing_company")}),
    ("The resignation of John Smith as president of Samsung's foundry business, announced by "
     "the company on Tuesday, comes after a difficult year.",
     {("Samsung", "executive_departure", "losing_company")}),
    # many people leaving are no executive's departure
    ("Samsung announced the departure of 40 engineers from its foundry business.", set()),
])
def test_a_departure_named_as_a_noun(content: str, expected: set[Triple]) -> None:
    found = events_of(("Samsung",), "Chip news", content, year=2026)
    assert {t for t in found if t[1] == "executive_departure"} == expected


@pytest.mark.parametrize(("content", "expected"), [
    ("The court has issued an injunction restraining Scale AI from terminating the contracts "
     "of 2,000 workers.", {("Scale AI", "legal", "defendant")}),
    ("A judge granted a court order barring Uber from operating in the city.",
     {("Uber", "legal", "defendant")}),
    ("The National Consumer Commission has ordered Tidewell Foods to recall all polony "
     "produced at its Paarl factory.", {("Tidewell Foods", "legal", "defendant")}),
    # a company's own instructions are no authority's order
    ("Tidewell Foods has ordered its suppliers to recall the old packaging design.", set()),
])
def test_an_order_that_holds_a_company_back(content: str, expected: set[Triple]) -> None:
    found = events_of(("Scale AI", "Uber", "Tidewell Foods"), "Court news", content, year=2026)
    assert {t for t in found if t[1] == "legal"} == expected


def test_leaving_the_company_named_in_the_person_s_aside() -> None:
    # "the company" is the employer the aside names, not the one the person joins
    found = events_of(("Apple", "OpenAI"), "Chip designer moves",
                      "Priya Raman, the Apple vice president who oversaw the design of its Mac "
                      "chips, is leaving the company to become OpenAI's head of hardware.",
                      year=2026)
    assert ("Apple", "executive_departure", "losing_company") in found
    assert ("OpenAI", "executive_departure", "losing_company") not in found


@pytest.mark.parametrize(("content", "expected"), [
    ("Tidewell Foods will close its distribution center in Cedar Falls, Iowa, in January, "
     "affecting 410 workers.", {("Tidewell Foods", "layoffs", None)}),
    ("Tidewell Foods will shut its call centre in Leeds next spring, the union said.",
     {("Tidewell Foods", "layoffs", None)}),
    # a centre that is no workplace of the company's
    ("Tidewell Foods closed at a record high as the city centre shops reopened.", set()),
])
def test_closing_a_distribution_or_call_centre(content: str, expected: set[Triple]) -> None:
    found = events_of(("Tidewell Foods",), "Retail news", content, year=2026)
    assert {t for t in found if t[1] == "layoffs"} == expected


@pytest.mark.parametrize(("content", "expected"), [
    ("Nvidia and Hoshino & Co. were among those taking part in the financing, the company "
     "said.", {("Nvidia", "investment", "investor")}),
    ("Nvidia took part in the panel on financing at the conference, the company said.", set()),
    # a long list of backers as the subject, the watched one first
    ("Nvidia Corp. (NVDA), the state-backed Japan Investment Corporation and Osaka trading "
     "house Hoshino & Co. were among those taking part in the financing, the company said.",
     {("Nvidia", "investment", "investor")}),
])
def test_taking_part_in_a_round(content: str, expected: set[Triple]) -> None:
    found = events_of(("Nvidia",), "Kairo closes an $18m round", content, year=2026)
    assert {t for t in found if t[1] == "investment"} == expected


@pytest.mark.parametrize(("content", "expected"), [
    ("Halcyon Biotherapeutics' infusion pump will not reach stores until the first half of "
     "2027, the company said on Monday.", {("Halcyon Biotherapeutics", "launch_delay", None)}),
    ("Halcyon Biotherapeutics' infusion pump will not go on sale until 2027, the company said "
     "on Monday.", {("Halcyon Biotherapeutics", "launch_delay", None)}),
])
def test_a_product_that_will_not_reach_stores_until(content: str,
                                                    expected: set[Triple]) -> None:
    found = events_of(("Halcyon Biotherapeutics",), "Device news", content, year=2026)
    assert {t for t in found if t[1] == "launch_delay"} == expected


@pytest.mark.parametrize(("content", "expected"), [
    ("The car was unveiled by Tidewell Foods chairman Ratan Tata in New Delhi on Thursday.",
     {("Tidewell Foods", "product_launch", None)}),
    ("The snack bar was launched by Tidewell Foods on Monday.",
     {("Tidewell Foods", "product_launch", None)}),
    # an older launch told in a relative clause stays background
    ("The snack bar, which was launched by Tidewell Foods in 2019, still sells well.", set()),
])
def test_launched_by_the_company(content: str, expected: set[Triple]) -> None:
    found = events_of(("Tidewell Foods",), "Launch news", content, year=2026)
    assert {t for t in found if t[1] == "product_launch"} == expected


@pytest.mark.parametrize(("content", "expected"), [
    ("A new round of job cuts is coming to Tidewell Foods' television and sports operations, "
     "with as many as 1,200 roles expected to go.", {("Tidewell Foods", "layoffs", None)}),
    # the company the cuts add to is not the one cutting
    ("Brightwater said it would cut 300 jobs, adding to Tidewell Foods' 1,000 announced in "
     "May.", {("Brightwater", "layoffs", None)}),
])
def test_job_cuts_coming_to_a_company(content: str, expected: set[Triple]) -> None:
    found = events_of(("Tidewell Foods", "Brightwater"), "Jobs news", content, year=2026)
    assert {t for t in found if t[1] == "layoffs"} == expected


@pytest.mark.parametrize(("content", "expected"), [
    ("Bob Dudley, a Mississippi native, member of the Board of Directors, and most senior "
     "American executive of Tidewell Foods, will replace Tony Hayward as Chief Executive.",
     {("Tidewell Foods", "executive_hire", "hiring_company")}),
    # a post held before is no promotion from within
    ("Bob Dudley, a former executive of Tidewell Foods, will replace Tony Hayward as chief "
     "executive.", set()),
])
def test_replaced_by_someone_who_holds_a_post_there_now(content: str,
                                                        expected: set[Triple]) -> None:
    found = events_of(("Tidewell Foods",), "Boardroom news", content, year=2026)
    assert {t for t in found if t[1] == "executive_hire"} == expected


@pytest.mark.parametrize(("content", "expected"), [
    # a bidder walking away ends the deal: news at the 'terminated' stage
    ("Shell plc said on Wednesday it would not make a firm offer for Fjordgass, ending six "
     "weeks of talks.", {("Shell", "acquisition", "terminated")}),
    ("Shell said it will not make a firm offer for Fjordgass, ending a five-week pursuit.",
     {("Shell", "acquisition", "terminated")}),
    # without talks ended, a 'not' is a denial
    ("Shell said it does not intend to make an offer for Fjordgass.", set()),
    ("Shell will not buy Fjordgass, the company said, ending weeks of speculation.", set()),
])
def test_a_bidder_walking_away(content: str, expected: set[tuple[str, str, str]]) -> None:
    rules = RulesFile.model_validate({"companies": [{"name": "Shell"}, {"name": "Fjordgass"}]})
    article = Article(id="t", title="Deal news", content=content,
                      published=datetime(2026, 8, 26, tzinfo=UTC))
    found = {(e.company, e.event_type, e.stage) for e in Detector(rules).detect(article)}
    assert {t for t in found if t[0] == "Shell"} == expected


@pytest.mark.parametrize(("content", "expected"), [
    # a longer match that begins in a name ("trims podcasts.** Spotify is cutting ... jobs",
    # a Markdown heading run into its paragraph) no longer hides the trigger inside it
    ("Markets were flat. **Spotify trims podcasts.** Spotify is cutting about 200 jobs in its "
     "podcast unit, according to a memo sent to staff on Wednesday.",
     {("Spotify", "layoffs", None)}),
    # a trigger word inside a company's name stays no event
    ("Analysts at Best Buy Research cut their estimates on Monday.", set()),
])
def test_a_trigger_hidden_in_a_longer_match_that_began_in_a_name(
        content: str, expected: set[Triple]) -> None:
    found = events_of(("Spotify", "Best Buy"), "Weekend Stack", content, year=2026)
    assert {t for t in found if t[1] in ("layoffs", "acquisition")} == expected


@pytest.mark.parametrize(("content", "expected"), [
    ("The boards of Van Dalen Transport Groep on Monday rejected a raised approach from "
     "Kestrel Payments, saying the proposal undervalues the haulier.",
     {("Kestrel Payments", "acquisition", "acquirer")}),
    ("Pinecrest Bank said it rebuffed an unsolicited $2 billion bid from Kestrel Payments.",
     {("Pinecrest Bank", "acquisition", "target"),
      ("Kestrel Payments", "acquisition", "acquirer")}),
    ("Pinecrest Bank is studying a sweetened offer from Kestrel Payments.",
     {("Pinecrest Bank", "acquisition", "target"),
      ("Kestrel Payments", "acquisition", "acquirer")}),
    # an offer of a service is no bid, and rebuffing reports of a bid still denies it
    ("Pinecrest Bank received an offer from Kestrel Payments to run its card programme.", set()),
    ("Kestrel Payments rebuffed reports of a bid for Pinecrest Bank.", set()),
])
def test_a_target_turning_down_or_weighing_an_approach(content: str,
                                                       expected: set[Triple]) -> None:
    found = events_of(("Pinecrest Bank", "Kestrel Payments"), "Bank news", content, year=2026)
    assert {t for t in found if t[1] == "acquisition"} == expected


@pytest.mark.parametrize(("content", "expected"), [
    # a bare agreement with a term of its own ties the subject to the company it names
    ("Samsung will supply the main processor for Tesla's next infotainment computer under a "
     "multi-year agreement, the two companies said on Tuesday.",
     {("Samsung", "partnership", "partner"), ("Tesla", "partnership", "partner")}),
    ("Samsung will supply memory chips to Tesla under a five-year deal.",
     {("Samsung", "partnership", "partner"), ("Tesla", "partnership", "partner")}),
    # one company with an unnamed other side is no partnership of two
    ("Samsung workers will get a raise under a three-year agreement with the union, Tesla "
     "said.", set()),
    # the unwatched company named last, right before the deal, is the other side, not the
    # watched one named earlier in the sentence
    ("Samsung raised $600 million in a round led by Hoshino Telecom, with Tesla also "
     "participating, and will bundle its app into Hoshino's mobile plans under a separate "
     "distribution agreement.", {("Samsung", "partnership", "partner")}),
    # a day in the possessive is no company: the watched partner stands
    ("Samsung will supply memory chips to Tesla, as set out in Tuesday's filing, under a "
     "five-year deal.",
     {("Samsung", "partnership", "partner"), ("Tesla", "partnership", "partner")}),
])
def test_a_deal_with_a_term_ties_the_two_companies(content: str, expected: set[Triple]) -> None:
    found = events_of(("Samsung", "Tesla"), "Chips", content, year=2026)
    assert {t for t in found if t[1] == "partnership"} == expected


@pytest.mark.parametrize(("content", "expected"), [
    # a backer taking part in the round the sentence before reports
    ("Lumenfold raised $40 million in a round led by Nvidia. Existing backer Intel also took "
     "part.", {("Intel", "investment", "investor"), ("Nvidia", "investment", "investor"),
               ("Lumenfold", "investment", "recipient")}),
    ("Intel took part in the round, Lumenfold said.",
     {("Intel", "investment", "investor")}),
    # taking part in something else is no investment
    ("Intel also took part in the panel on chip supply, Lumenfold said.", set()),
])
def test_a_backer_taking_part(content: str, expected: set[Triple]) -> None:
    found = events_of(("Nvidia", "Intel", "Lumenfold"), "Chip startups", content, year=2026)
    assert {t for t in found if t[1] == "investment"} == expected


@pytest.mark.parametrize(("content", "expected"), [
    # a round named by its series or stage
    ("Nvidia has led an $80 million Series B in Lumenfold, Lumenfold said on Tuesday.",
     {("Nvidia", "investment", "investor"), ("Lumenfold", "investment", "recipient")}),
    ("Nvidia led a $40 million Series C round in Lumenfold.",
     {("Nvidia", "investment", "investor"), ("Lumenfold", "investment", "recipient")}),
    ("Nvidia led the seed in Lumenfold last week and joined its board.",
     {("Nvidia", "investment", "investor"), ("Lumenfold", "investment", "recipient")}),
    # a series of something else is no round
    ("Nvidia led a series of talks in Lumenfold's home town.", set()),
])
def test_a_round_led_named_by_its_series(content: str, expected: set[Triple]) -> None:
    found = events_of(("Nvidia", "Lumenfold"), "Chip startups", content, year=2026)
    assert {t for t in found if t[1] == "investment"} == expected


@pytest.mark.parametrize(("content", "expected"), [
    # the bidder in the possessive
    ("Pinecrest Bank is ready to study Kestrel Payments's improved takeover offer.",
     {("Pinecrest Bank", "acquisition", "target"),
      ("Kestrel Payments", "acquisition", "acquirer")}),
    ("Pinecrest Bank rejected Kestrel Payments' raised approach on Monday.",
     {("Pinecrest Bank", "acquisition", "target"),
      ("Kestrel Payments", "acquisition", "acquirer")}),
    # a possessive of something else is no bid
    ("Pinecrest Bank is studying Kestrel Payments's offer of a new card programme.", set()),
])
def test_a_target_weighing_a_bidders_offer(content: str, expected: set[Triple]) -> None:
    found = events_of(("Pinecrest Bank", "Kestrel Payments"), "Bank news", content, year=2026)
    assert {t for t in found if t[1] == "acquisition"} == expected


@pytest.mark.parametrize(("content", "expected"), [
    # the unit sold, when watched, is the target beside its seller, the buyer after "to"
    ("Dexia will sell its U.S. bond insurance arm Financial Security Assurance to "
     "Assured Guaranty.",
     {("Dexia", "acquisition", "target"), ("Financial Security Assurance", "acquisition", "target"),
      ("Assured Guaranty", "acquisition", "acquirer")}),
    # a unit described but not named: only the buyer
    ("Dexia will sell its U.S. bond insurance arm to Assured Guaranty.",
     {("Dexia", "acquisition", "target"), ("Assured Guaranty", "acquisition", "acquirer")}),
])
def test_a_named_unit_sold_is_bought(content: str, expected: set[Triple]) -> None:
    found = events_of(("Dexia", "Financial Security Assurance", "Assured Guaranty"),
                      "Bank news", content, year=2026)
    assert {t for t in found if t[1] == "acquisition"} == expected


@pytest.mark.parametrize(("content", "expected"), [
    ("Oracle and Netflix agreed to open a cloud region in Nairobi, the companies said.",
     {("Oracle", "partnership", "partner"), ("Netflix", "partnership", "partner")}),
    # one company agreeing to do something, and a loan provided, are no partnership
    ("Oracle agreed to open a cloud region in Nairobi, where Netflix is the largest "
     "customer.", set()),
    ("Oracle agreed to provide a $40 million loan to Netflix.", set()),
])
def test_two_companies_agreeing_to_do_one_thing(content: str, expected: set[Triple]) -> None:
    found = events_of(("Oracle", "Netflix"), "Cloud news", content, year=2026)
    assert {t for t in found if t[1] == "partnership"} == expected


@pytest.mark.parametrize(("content", "expected"), [
    # an auxiliary between the pair and the verb keeps the unwatched name a party
    ("Oracle and Safaricom have agreed to open a cloud region in Nairobi.",
     {("Oracle", "partnership", "partner")}),
    ("Oracle and Safaricom will jointly develop a payments platform for Kenya.",
     {("Oracle", "partnership", "partner")}),
    # ... and two companies agreeing to combine are merging, not partnering
    ("Oracle and Hsinmei Microsystems have agreed to combine in a deal valued at $9 billion, "
     "the companies said.", set()),
    ("Oracle and Hsinmei Microsystems signed an all-share deal, the companies said.", set()),
    # the pair's act done under a joint venture
    ("Oracle and Safaricom will build a data centre in Nairobi under a joint venture.",
     {("Oracle", "partnership", "partner")}),
    ("Oracle will build a data centre in Nairobi, where Safaricom is based, under a new "
     "law.", set()),
])
def test_a_pair_acting_together_with_an_auxiliary_or_under_a_venture(
        content: str, expected: set[Triple]) -> None:
    found = events_of(("Oracle", "Netflix"), "Cloud news", content, year=2026)
    assert {t for t in found if t[1] == "partnership"} == expected
    if "combine" in content:
        assert ("Oracle", "acquisition", "acquirer") in found


@pytest.mark.parametrize(("content", "expected"), [
    ("Under the agreement, Nvidia will buy roughly 12.2 million newly issued Northwind "
     "Robotics shares at $41 apiece in a private placement.", set()),
    ("Nvidia will buy newly issued Northwind Robotics common shares at a 12% premium.", set()),
    # what is paid in stock is no object: the company is still bought
    ("Nvidia has agreed to buy Northwind Robotics for $1.1 billion in stock.",
     {("Nvidia", "acquisition", "acquirer"), ("Northwind Robotics", "acquisition", "target")}),
])
def test_newly_issued_shares_bought_are_no_takeover(content: str,
                                                   expected: set[Triple]) -> None:
    found = events_of(("Nvidia", "Northwind Robotics"), "Robotics news", content, year=2026)
    assert {t for t in found if t[1] == "acquisition"} == expected


def test_the_companies_are_the_two_an_earlier_sentence_named() -> None:
    companies = ("Nvidia", "Northwind Robotics", "Intel")
    content = ("Nvidia will invest $500 million in Northwind Robotics, the companies said on "
               "Tuesday. Alongside the investment, the companies signed a co-development "
               "agreement under which engineers will jointly build picking models.")
    found = events_of(companies, "Robotics news", content, year=2026)
    assert {t for t in found if t[1] == "partnership"} == {
        ("Nvidia", "partnership", "partner"), ("Northwind Robotics", "partnership", "partner")}
    # one company named before is no pair
    content = ("Nvidia reported results on Tuesday. Separately, the companies signed a "
               "co-development agreement, a supplier said.")
    assert {t for t in events_of(companies, "Chip news", content, year=2026)
            if t[1] == "partnership"} == set()


@pytest.mark.parametrize(("content", "expected"), [
    ("Halcyon Biotherapeutics discontinued development of HLX-207, its once-daily pill, the "
     "company said on Monday.", {("Halcyon Biotherapeutics", "launch_delay", None)}),
    ("Halcyon Biotherapeutics will not advance its oral GLP-1 agonist HLX-207 into Phase 3 "
     "testing, the company said on Monday.", {("Halcyon Biotherapeutics", "launch_delay", None)}),
    # a site's development is no product's
    ("Halcyon Biotherapeutics halted development of the new headquarters site in Boston on "
     "Monday.", set()),
])
def test_a_programme_ended_before_launch(content: str, expected: set[Triple]) -> None:
    found = events_of(("Halcyon Biotherapeutics",), "Biotech news", content, year=2026)
    assert {t for t in found if t[1] == "launch_delay"} == expected


@pytest.mark.parametrize(("content", "expected"), [
    # a suitor turned down in a relative clause denies nothing of today's launch
    ("Pinecrest Bank, which rebuffed Kestrel Payments last year, on Wednesday launched a "
     "contract-negotiation agent.", {("Pinecrest Bank", "product_launch", None)}),
    # rebuffing reports or suggestions still denies the event
    ("Pinecrest Bank rebuffed suggestions that it launched a contract-negotiation agent.",
     set()),
    ("Pinecrest Bank rebuffed the reports that it will launch a contract-negotiation agent.",
     set()),
])
def test_rebuffing_a_suitor_is_no_denial(content: str, expected: set[Triple]) -> None:
    found = events_of(("Pinecrest Bank", "Kestrel Payments"), "Bank news", content, year=2026)
    assert {t for t in found if t[1] == "product_launch"} == expected


@pytest.mark.parametrize(("title", "expected"), [
    # a deal the headline names by its target, before the deal noun
    ("Pinecrest Bank closes $1.1bn Framecraft purchase", {("Pinecrest Bank", "acquisition",
                                                          "acquirer")}),
    ("Pinecrest Bank completes Kestrel Payments acquisition",
     {("Pinecrest Bank", "acquisition", "acquirer"),
      ("Kestrel Payments", "acquisition", "target")}),
    # purchase orders, a quarter's purchases and goods bought are no company bought
    ("Pinecrest Bank closes Q3 purchase orders", set()),
    ("Pinecrest Bank completes Kestrel Payments purchase of card terminals", set()),
])
def test_a_deal_named_by_its_target_before_the_noun(title: str, expected: set[Triple]) -> None:
    found = events_of(("Pinecrest Bank", "Kestrel Payments"), title, "", year=2026)
    assert {t for t in found if t[1] == "acquisition"} == expected


@pytest.mark.parametrize(("content", "expected"), [
    # a plan two companies announce together
    ("Pinecrest Bank and Kestrel Payments have announced plans to offer instant payouts to "
     "small businesses.", {("Pinecrest Bank", "partnership", "partner"),
                           ("Kestrel Payments", "partnership", "partner")}),
    # each its own plan, or one company's plan: no partnership
    ("Pinecrest Bank and Kestrel Payments both announced plans to open branches in Ohio.",
     set()),
    ("Pinecrest Bank has announced plans to open a branch in Ohio.", set()),
])
def test_a_plan_two_companies_announce_together(content: str, expected: set[Triple]) -> None:
    found = events_of(("Pinecrest Bank", "Kestrel Payments"), "Bank news", content, year=2026)
    assert {t for t in found if t[1] == "partnership"} == expected


@pytest.mark.parametrize(("content", "expected"), [
    # a named business of the seller, sold to a named buyer: with a price, or an aside
    ("Pinecrest Bank said on Tuesday it had agreed to sell Loomwise to Carrow Partners for "
     "about $900 million in cash.", {("Pinecrest Bank", "acquisition", "target")}),
    ("Pinecrest Bank agreed to sell Insitu, its Ohio-based maker of card terminals, to "
     "defense contractor Stanhope Systems for $740 million.",
     {("Pinecrest Bank", "acquisition", "target")}),
    # a product sold to customers, or goods at a price each: no business sold
    ("Pinecrest Bank will sell Galaxy Cards to Verizon customers from March.", set()),
    ("Pinecrest Bank sells Galaxy phones to Verizon for $900 each.", set()),
])
def test_a_named_business_sold_to_a_named_buyer(content: str, expected: set[Triple]) -> None:
    found = events_of(("Pinecrest Bank", "Kestrel Payments"), "Bank news", content, year=2026)
    assert {t for t in found if t[1] == "acquisition"} == expected


def test_a_party_denying_the_rumoured_deal_later_in_the_story() -> None:
    summary = ("A Korean blog is claiming Nvidia is in talks to buy Stripe, supposedly for its "
               "payments tech. Single anonymous source, no numbers. EDIT 4:10pm: Stripe has "
               "put out a statement: \"Stripe is not in discussions with Nvidia or any other "
               "party regarding a sale of the company.\" Nvidia declined to comment.")
    assert events_of(("Nvidia", "Stripe"), "Chip giant eyes payments? [rumour thread]",
                     summary=summary, year=2026) == set()
    # a deal agreed outlives a denial of talks made before it
    summary = ("Stripe said in March it was not in discussions with Nvidia regarding a sale. "
               "On Tuesday Nvidia agreed to buy Stripe for $9 billion.")
    assert ("Nvidia", "acquisition", "acquirer") in events_of(
        ("Nvidia", "Stripe"), "Nvidia agrees to buy Stripe", summary=summary, year=2026)


@pytest.mark.parametrize(("title", "summary"), [
    ("Stripe Buys Nvidia. (It Should, Anyway.)",
     "Stripe buys Nvidia and suddenly a payments firm owns a chipmaker. That's the headline "
     "a columnist would like to write; nobody at either company has suggested it."),
    ("Why Stripe should buy Nvidia",
     "Stripe buys Nvidia for $9 billion. That's the headline I'd like to write. Let me be "
     "clear: it hasn't happened, and this is an argument, not a scoop."),
    ("Stripe buys Nvidia and fires its bankers",
     "That's the memo I'd write if I were Stripe's chief executive for a day."),
    ("Stripe buys Nvidia for $9 billion. (It hasn't. But it should.)",
     "A columnist lays out the case for a deal neither company has proposed."),
    ("Why Stripe should buy Nvidia",
     "Stripe buys Nvidia for $9 billion: our columnist has pencilled in that deal three years "
     "running. It still hasn't happened."),
])
def test_a_lead_saying_the_headline_event_has_not_happened(title: str, summary: str) -> None:
    assert events_of(("Nvidia", "Stripe"), title, summary=summary, year=2026) == set()


def test_a_step_still_to_come_is_no_denial_of_the_deal() -> None:
    summary = ("Stripe agreed on Tuesday to buy Nvidia for $9 billion. Regulators must approve "
               "the deal, and that hasn't happened yet.")
    assert ("Stripe", "acquisition", "acquirer") in events_of(
        ("Nvidia", "Stripe"), "Stripe agrees to buy Nvidia", summary=summary, year=2026)
    # a step that has not happened, said alone, is no denial of the deal either
    summary = "Stripe agreed on Tuesday to buy Nvidia for $9 billion. It hasn't closed yet."
    assert ("Stripe", "acquisition", "acquirer") in events_of(
        ("Nvidia", "Stripe"), "Stripe agrees to buy Nvidia", summary=summary, year=2026)
    # nor is a report called "wrong" about something else
    assert cues.denial("Samsung called the report's timing odd.") is None


def test_an_agreements_title_is_no_party() -> None:
    # "entered into an Agreement and Plan of Merger with": the title of the document
    assert parties.clean_name("Agreement and Plan of") is None
    assert parties.clean_name("Merger Agreement") is None
    # a name with one of those words beside a name of its own is still a name
    assert parties.clean_name("Lantern Merger Sub") == "Lantern Merger Sub"
    assert parties.clean_name("Ontario Teachers Pension Plan") == "Ontario Teachers Pension Plan"
