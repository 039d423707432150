"""Finding companies: names, aliases, tickers, possessives, case, excludes, ambiguity."""

from __future__ import annotations

import pytest

from newswatch.schemas.article import Article
from newswatch.schemas.rules import Company, RulesFile
from newswatch.streams.detection import Detector
from newswatch.streams.detection.companies import (
    CompanyMatcher,
    defined_name_mentions,
    spelled_out_as,
)

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


GROUPS = RulesFile.model_validate({"companies": [
    {"name": "Meta Platforms", "aliases": ["Meta"], "brands": ["Instagram", "WhatsApp"],
     "tickers": ["META"]},
    {"name": "Amazon", "brands": ["AWS", "Amazon Web Services"], "tickers": ["AMZN"]},
    {"name": "AT&T", "tickers": ["T"]},
    {"name": "Procter & Gamble", "aliases": ["P&G"], "tickers": ["PG"]},
    {"name": "TikTok"},
]})


def group_found(text: str) -> list[tuple[str, str, str | None]]:
    return [(m.company, m.surface, m.brand) for m in CompanyMatcher(GROUPS).scan(text)]


def test_a_brand_counts_as_its_company_and_says_which_brand() -> None:
    assert group_found("Instagram and AWS said") == [
        ("Meta Platforms", "Instagram", "Instagram"), ("Amazon", "AWS", "AWS")]
    assert group_found("Amazon Web Services said") == [
        ("Amazon", "Amazon Web Services", "Amazon Web Services")]
    assert group_found("Meta said") == [("Meta Platforms", "Meta", None)]


def test_an_event_about_a_brand_is_the_company_s_event_and_its_alert_names_the_brand() -> None:
    from newswatch.notifiers.render import headline

    article = Article(id="b1", title="Instagram hires TikTok executive as head of product",
                      content="Instagram has hired Jane Roe, formerly of TikTok, as its head of "
                              "product, the company said on Monday.")
    hires = [e for e in Detector(GROUPS).detect(article)
             if e.event_type == "executive_hire" and e.company == "Meta Platforms"]
    assert len(hires) == 1 and hires[0].brand == "Instagram"
    assert headline(hires[0]).startswith("Meta Platforms (Instagram): ")


def test_an_event_naming_the_company_itself_carries_no_brand() -> None:
    article = Article(id="b2", title="Meta Platforms to cut 2,000 jobs",
                      content="Meta Platforms will cut about 2,000 jobs, the company said.")
    cuts = [e for e in Detector(GROUPS).detect(article) if e.event_type == "layoffs"]
    assert [(e.company, e.brand) for e in cuts] == [("Meta Platforms", None)]


@pytest.mark.parametrize("title", [
    "Meta acquires Instagram",
    "Meta to buy WhatsApp for $19 billion",
    "Instagram was acquired by Meta for $1 billion",
    "Amazon invests $2 billion in AWS",
])
def test_buying_a_brand_the_company_already_owns_is_history(title: str) -> None:
    # the rules file lists the brand as the company's: the deal that brought it is history
    report = Detector(GROUPS).explain(Article(id="b3", title=title))
    assert [e for e in report.events if e.event_type in ("acquisition", "investment")] == []
    assert any("own brand (rules file)" in c.reason for c in report.candidates)


@pytest.mark.parametrize(("title", "expected"), [
    ("Meta acquires TikTok", ("Meta Platforms", "acquisition", "acquirer")),
    # a brand buying another company is the parent's deal
    ("Instagram acquires TikTok", ("Meta Platforms", "acquisition", "acquirer")),
    # the rest of a brand partly owned is bought now
    ("Meta buys the rest of WhatsApp from its founders", ("Meta Platforms", "acquisition",
                                                         "acquirer")),
])
def test_a_company_s_deals_for_others_and_for_the_rest_of_a_brand_are_news(
        title: str, expected: tuple[str, str, str]) -> None:
    found = {(e.company, e.event_type, e.role)
             for e in Detector(GROUPS).detect(Article(id="b4", title=title))}
    assert expected in found


def test_a_brand_belongs_to_one_company() -> None:
    with pytest.raises(ValueError, match="brand 'TikTok' of 'Meta Platforms' already names "
                                         "'TikTok'"):
        RulesFile.model_validate({"companies": [
            {"name": "Meta Platforms", "brands": ["TikTok"]}, {"name": "TikTok"}]})
    with pytest.raises(ValueError, match="brand 'beats' of 'Bose' already names 'Apple'"):
        RulesFile.model_validate({"companies": [
            {"name": "Apple", "brands": ["Beats"]}, {"name": "Bose", "brands": ["beats"]}]})


@pytest.mark.parametrize(("text", "company", "surface"), [
    ("AT & T said", "AT&T", "AT & T"),
    ("AT&T said", "AT&T", "AT&T"),
    ("Procter and Gamble said", "Procter & Gamble", "Procter and Gamble"),
    ("Procter&Gamble said", "Procter & Gamble", "Procter&Gamble"),
    ("P & G said", "Procter & Gamble", "P & G"),
])
def test_ampersand_names_as_people_write_them(text: str, company: str, surface: str) -> None:
    assert group_found(text) == [(company, surface, None)]


def test_a_short_name_is_not_spelled_with_and() -> None:
    assert group_found("AT and T") == []  # "AT and T" is not AT&T


def test_ticker_in_parentheses_after_a_name() -> None:
    assert group_found("Procter & Gamble Co. (PG) rose")[-1][:2] == ("Procter & Gamble", "PG")
    assert group_found("Acme Holdings Inc. (PG) rose") == [("Procter & Gamble", "PG", None)]
    assert group_found("see figure (T) below") == []  # no name before it
    assert group_found("Acme Holdings (pg) rose") == []  # tickers keep their case


def test_a_name_with_inner_capitals_that_spells_a_word_keeps_its_case() -> None:
    matcher = CompanyMatcher(RulesFile.model_validate({"companies": [
        {"name": "NeXT"}, {"name": "ARM Holdings", "aliases": ["ARM"]}, {"name": "GitHub"}]}))

    def names(text: str) -> list[str]:
        return [m.company for m in matcher.scan(text)]

    assert names("Apple said its next product will bolster the services arm.") == []
    assert names("NeXT and ARM shares rose; NEXT was up 4%.") == ["NeXT", "ARM Holdings", "NeXT"]
    # a made-up name still matches however people write it
    assert names("Github said; github.com") == ["GitHub", "GitHub"]


def test_a_nationality_alias_before_a_name_or_a_role_noun_is_an_adjective() -> None:
    matcher = CompanyMatcher(RulesFile.model_validate({"companies": [
        {"name": "American Airlines", "aliases": ["American"]}, {"name": "Reebok"}]}))

    def names(text: str) -> list[str]:
        return [m.company for m in matcher.scan(text)]

    assert names("German Adidas buys American Reebok") == ["Reebok"]
    assert names("a deal with the American company Reebok") == ["Reebok"]
    assert names("American automakers rallied") == []
    # ... and before a word for people
    assert names("the most senior American executive of the group") == []
    assert names("American workers and officials protested") == []
    # the alias itself still names the airline
    assert names("American said it would cut flights") == ["American Airlines"]
    assert names("American Airlines and American plan cuts") == [
        "American Airlines", "American Airlines"]


COMMON_WORDS = Detector(RulesFile.model_validate({"companies": [
    {"name": "Block", "tickers": ["XYZ"]}, {"name": "Amazon"}]}))


def common_word_events(title: str, content: str) -> set[tuple[str, str]]:
    article = Article(id="c1", title=title, content=content)
    return {(e.company, e.event_type) for e in COMMON_WORDS.detect(article)}


@pytest.mark.parametrize(("title", "content"), [
    # the body shows the bare word as another organisation's name
    ("Block sues landlord after months without heat",
     "The Maple Street Block Association has sued the owner of three buildings on its street."),
    # ... or a place: "the Amazon basin", "The Amazon is ..."
    ("Amazon loses its chief",
     "Harpy eagles are vanishing from parts of the Amazon basin. The Amazon is losing its chief."),
])
def test_a_common_word_the_article_uses_for_something_else_is_not_the_company(
        title: str, content: str) -> None:
    assert common_word_events(title, content) == set()


@pytest.mark.parametrize(("title", "content", "expected"), [
    ("Block sues landlord after months without heat",
     "Block has sued the owner of three buildings it leases, the payments company said.",
     ("Block", "legal")),
    # "the Amazon deal": the company's name describing a noun
    ("Amazon loses its chief", "Amazon said on Monday its chief executive would step down. "
     "The Amazon deal for Whole Foods closed in 2017.", ("Amazon", "executive_departure")),
])
def test_a_common_word_name_used_for_the_company_still_counts(
        title: str, content: str, expected: tuple[str, str]) -> None:
    assert expected in common_word_events(title, content)


def test_a_name_opening_on_the_keeps_its_capitals() -> None:
    rules = RulesFile.model_validate({"companies": [
        {"name": "John Lewis Partnership", "aliases": ["The Partnership"]},
        {"name": "Disney", "aliases": ["The Walt Disney Company"]}]})
    found = [(m.company, m.surface) for m in CompanyMatcher(rules).scan(
        "The Partnership said the partnership with the Walt Disney Company had ended.")]
    assert found == [("John Lewis Partnership", "The Partnership"),
                     ("Disney", "the Walt Disney Company")]


def test_a_place_or_shop_named_after_a_common_word_is_not_the_company() -> None:
    assert common_word_events(
        "Block Beach Surf Club sues town over parking; Block says fees will rise",
        "The Block Beach Surf Club has sued the town over new parking fees.") == set()


@pytest.mark.parametrize(("company", "alias", "title", "thing", "news"), [
    ("Northwind Robotics", "Northwind", "Northwind loses its director three weeks before filming",
     "Northwind, the Otago-set survival drama due to begin shooting next month, has lost its "
     "director.",
     "Northwind, the warehouse-robot maker, said its chief executive would step down."),
    ("Tesla", None, "Tesla announce farewell tour, 'one last lap' in 2027",
     "Tesla, the Oslo synth-pop trio named after the inventor, will launch a farewell tour "
     "next spring, the band said Wednesday.",
     "Tesla, the electric-car maker, said its chief executive would step down."),
    ("Tesla", None, "Tesla retired and sold to Ballyhale Stud",
     "Tesla, the seven-year-old gelding, has been retired and sold to Ballyhale Stud.",
     "Tesla, the electric-car maker, said its chief executive would step down."),
])
def test_a_name_the_article_calls_a_work_a_ship_a_band_or_a_horse_is_not_the_company(
        company: str, alias: str | None, title: str, thing: str, news: str) -> None:
    rules = RulesFile.model_validate({"companies": [
        {"name": company, "aliases": [alias] if alias else []}]})
    assert Detector(rules).detect(Article(id="c2", title=title, content=thing)) == []
    story = Article(id="c3", title=f"{alias or company} loses its chief executive", content=news)
    assert [e.event_type for e in Detector(rules).detect(story)] == ["executive_departure"]


SHORT_NAMES = Detector(RulesFile.model_validate({"companies": [
    {"name": "Halcyon Biotherapeutics", "aliases": ["Halcyon Bio", "Halcyon"]},
    {"name": "Tidewell Foods", "aliases": ["Tidewell"]}]}))


def short_name_events(title: str, content: str) -> set[tuple[str, str]]:
    article = Article(id="c2", title=title, content=content)
    return {(e.company, e.event_type) for e in SHORT_NAMES.detect(article)}


def test_a_short_name_the_article_gives_to_a_club_is_the_club() -> None:
    assert short_name_events(
        "Halcyon appoints new head coach ahead of the Head of the River",
        "Halcyon Rowing Club has named former lightweight Sophie Marr as head coach.") == set()
    assert ("Halcyon Biotherapeutics", "executive_hire") in short_name_events(
        "Halcyon appoints new finance chief",
        "Halcyon Biotherapeutics has named Sophie Marr as chief financial officer, the drug "
        "developer said; Marr chaired the Halcyon Rowing Club for a decade.")


def test_the_short_name_after_another_firms_full_name_is_that_firms_until_the_company_is_named(
        ) -> None:
    assert short_name_events(
        "Halcyon Hotels names new chief executive and buys Lisbon boutique property",
        "Halcyon Hotels & Resorts said on Wednesday it has appointed Sofia Marchetti as chief "
        "executive. Halcyon also agreed to buy Casa Alfama, a 48-room hotel in Lisbon. "
        "Halcyon Hotels is unrelated to the US drug developer Halcyon Biotherapeutics.") == set()
    # Once the company is named, the bare word is the company's again.
    assert ("Halcyon Biotherapeutics", "acquisition") in short_name_events(
        "Halcyon Biotherapeutics sponsors rowing regatta",
        "Halcyon Biotherapeutics will sponsor the Halcyon Rowing Club regatta. Halcyon also "
        "agreed to buy Corvane Therapeutics for $400 million.")


def test_a_short_name_of_a_cafe_chain_is_the_chain_s() -> None:
    title = "Tidewell closes 12 cafés, cuts 140 jobs"
    assert short_name_events(title, "Tidewell Coffee Roasters, the Minneapolis café chain, is "
                                    "shrinking to 31 locations.") == set()
    assert ("Tidewell Foods", "layoffs") in short_name_events(
        title, "The Minneapolis company is shrinking to 31 locations.")


def test_a_short_name_the_article_gives_to_a_village_or_a_pub_is_that() -> None:
    assert short_name_events(
        "Tidewell goes to court over crumbling village shop",
        "Tidewell has finally taken its absentee landlord to court, said Mary Pengelly, chair "
        "of Tidewell Parish Council.") == set()
    assert short_name_events(
        "Tidewell shuts its doors, and fourteen staff lose their jobs",
        "The Tidewell Inn, a harbourside pub since 1851, closed on Sunday.") == set()
    assert ("Tidewell Foods", "layoffs") in short_name_events(
        "Tidewell shuts its doors, and 140 staff lose their jobs",
        "Tidewell Foods closed its Leeds bakery on Sunday, near the Tidewell Inn.")


def test_a_name_with_an_age_after_it_is_a_person() -> None:
    title = "GitHub signs for Phoenix on two-year deal"
    content = ("Wellington Phoenix have signed Croatian defender Marin GitHub on a two-year "
               "contract. GitHub, 23, is a centre-back who came through Hajduk Split's youth "
               "system. GitHub has joined the club from Hajduk's reserves.")
    analysis = DETECTOR.analyse(Article(id="x", title=title, content=content))
    assert not any(m.counted for m in analysis.mentions)
    assert analysis.events == []
    # a company's age is not written so, and its bare name still counts
    assert counted("GitHub, 18 years after its founding, has joined the fight.") == {"GitHub"}


ACRONYMS = Detector(RulesFile.model_validate({"companies": [
    {"name": "Safe Superintelligence", "aliases": ["SSI", "Safe Superintelligence Inc."]},
    {"name": "Advanced Micro Devices", "aliases": ["AMD"]},
    {"name": "IBM"},
]}))


def acronym_events(title: str, content: str) -> set[tuple[str, str]]:
    article = Article(id="x", title=title, content=content)
    return {(e.company, e.event_type) for e in ACRONYMS.detect(article)}


@pytest.mark.parametrize(("text", "acronym", "words"), [
    ("applications for Supplemental Security Income, known as SSI, and", "SSI",
     "Supplemental Security Income"),
    ("patients with age-related macular degeneration (AMD) were", "AMD",
     "age-related macular degeneration"),
    ("The Department of Justice (DOJ) sued", "DOJ", "Department of Justice"),
    ("SSI (Supplemental Security Income) benefits", "SSI", "Supplemental Security Income"),
    ("Safe Superintelligence Inc (SSI) raised", "SSI", "Safe Superintelligence Inc"),
    ("SSI (the startup) raised", "SSI", None),  # no initials of it
    ("its new chip (AMD) sold", "AMD", None),
    ("SSI raised $2 billion", "SSI", None),
])
def test_where_an_article_spells_an_acronym_out(text: str, acronym: str,
                                                words: str | None) -> None:
    assert spelled_out_as(text, acronym) == words


def test_an_alias_acronym_spelled_out_as_something_else_is_not_the_company() -> None:
    title = "Ex-Google product managers raise $7M to help families claim SSI benefits"
    body = ("Benefitly, a startup that guides families through applications for Supplemental "
            "Security Income, known as SSI, has raised $7 million in a seed round led by "
            "Kapor Capital.")
    assert acronym_events(title, body) == set()


def test_an_acronym_spelled_out_as_the_company_s_own_name_is_the_company() -> None:
    assert acronym_events("SSI raises $2bn", "Safe Superintelligence Inc (SSI) has raised $2 "
                          "billion in a round led by Greenoaks.") == {
        ("Safe Superintelligence", "investment")}
    assert acronym_events("AMD to buy Xilinx", "Advanced Micro Devices (AMD) agreed on Monday "
                          "to buy Xilinx for $35 billion.") == {
        ("Advanced Micro Devices", "acquisition")}
    # the canonical name itself is never taken for another thing
    assert acronym_events("IBM to cut 3,000 jobs", "International Business Machines (IBM) "
                          "said on Monday it would cut 3,000 jobs.") == {("IBM", "layoffs")}


def _events_with_brands(title: str, content: str) -> set[tuple[str, str, str | None]]:
    return {(e.company, e.event_type, e.brand) for e in DETECTOR.detect(
        Article(id="x", title=title, content=content))}


@pytest.mark.parametrize("content", [
    "Apple-owned Lumen Labs is laying off about 450 employees, mostly in engineering.",
    "Lumen Labs, owned by Apple, is laying off about 450 employees, mostly in engineering.",
    "Lumen Labs, a unit of Apple, is laying off about 450 employees, mostly in engineering.",
    "Apple's Lumen Labs unit is laying off about 450 employees, mostly in engineering.",
])
def test_a_unit_the_text_says_a_watched_company_owns_counts_as_the_owner(content: str) -> None:
    assert _events_with_brands("Lumen Labs to cut about 450 jobs", content) == {
        ("Apple", "layoffs", "Lumen Labs")}


@pytest.mark.parametrize("content", [
    # a stake, a past owner, an imagined owner: the unit is not the company's
    "Apple-backed Lumen Labs is laying off about 450 employees, mostly in engineering.",
    "Lumen Labs, formerly owned by Apple, is laying off about 450 employees.",
    "An Apple-owned Lumen Labs would have laid off 450 employees years ago.",
])
def test_a_stake_a_past_or_an_imagined_owner_is_no_owner(content: str) -> None:
    assert not any(c == "Apple" and t == "layoffs"
                   for c, t, _ in _events_with_brands("Lumen Labs to cut about 450 jobs",
                                                      content))


def test_a_short_name_the_text_defines_is_the_companys_from_the_definition_on() -> None:
    rules = RulesFile.model_validate({"companies": [{"name": "Vantage Grid Energy"}]})
    matcher = CompanyMatcher(rules)
    text = ('Vantage said nothing. Vantage Grid Energy, Inc. (NYSE: VGE) ("Vantage" or the '
            '"Company") today reported results. Vantage said the Company would cut 300 jobs.')
    added = defined_name_mentions(text, matcher.scan(text))
    # only the use after the definition, and not the document's generic "Company"
    assert [(m.company, m.surface, m.start) for m in added] == [
        ("Vantage Grid Energy", "Vantage", text.rindex("Vantage said"))]
    # a term the document defines for itself is no short name of the company
    text = 'Vantage Grid Energy ("Parent") and Merger Sub signed. Parent will pay cash.'
    assert defined_name_mentions(text, matcher.scan(text)) == []
    # end to end: the short name is the subject of the event
    detector = Detector(RulesFile.model_validate({
        "companies": [{"name": "Vantage Grid Energy"}],
        "watches": [{"name": "w", "companies": ["*"], "events": ["*"], "channels": ["#x"]}]}))
    article = Article(id="v", title="Vantage Grid Energy Reports Third Quarter Results",
                      content='HOUSTON -- Vantage Grid Energy, Inc. (NYSE: VGE) ("Vantage" or '
                              'the "Company") today reported results. Separately, Vantage said '
                              'it will reduce its workforce by about 300 positions.')
    assert {(e.company, e.event_type) for e in detector.detect(article)} == {
        ("Vantage Grid Energy", "layoffs")}


@pytest.mark.parametrize("text", [
    "Target of spring ransomware attack sued by patients",
    "The Apple of my eye: a grower's year",
])
def test_a_common_word_heading_an_of_phrase_is_the_word(text: str) -> None:
    assert not {company for company, _ in found(text)} & {"Target", "Apple"}


def test_a_verb_that_takes_of_keeps_the_name() -> None:
    # "accused Target of misleading shoppers": the company, the object of 'accused'
    assert ("Target", "Target") in found("Regulators accused Target of misleading shoppers.")
    assert ("Target", "Target") in found("Target of Minneapolis sued by patients")


WORKS_AND_PLAYERS = Detector(RulesFile.model_validate({"companies": [
    {"name": "Block", "aliases": ["Square"], "tickers": ["XYZ"]},
    {"name": "Brightwater Logistics", "aliases": ["Brightwater"]}]}))


def test_a_player_named_like_the_company_is_not_it_even_with_a_place_of_its_alias() -> None:
    # "Madison Square Garden" is no use of the alias, and "Block, 28," is a person: the
    # player's bare surname is neither counted again nor corroborates the company
    article = Article(
        id="p", title="Rangers Sign Block to Three-Year, $11.25M Deal",
        summary="Block, a 28-year-old defenseman, leaves Seattle after four seasons and heads "
                "to Madison Square Garden.",
        content="The New York Rangers signed free-agent defenseman Evan Block to a three-year "
                "contract worth $11.25 million on Wednesday.\n\nBlock, 28, spent the last four "
                "seasons with the Seattle Kraken. Block said he found out the deal was done "
                "while sitting in the back of a taxi.")
    assert WORKS_AND_PLAYERS.detect(article) == []
    # the payments company near the same arena still counts
    near = Article(id="q", title="Square sues landlord",
                   content="Square has sued the owner of the building it leases near Madison "
                           "Square Garden, the payments company said.")
    assert {e.company for e in WORKS_AND_PLAYERS.detect(near)} == {"Block"}


def test_a_show_named_in_quotes_in_the_headline_is_what_its_bare_name_means() -> None:
    article = Article(id="w", title="'Brightwater' Finale Recap: Brightwater Fires Dale, Sues "
                      "the Port Authority",
                      content="Brightwater fires its most loyal captain and sues the port "
                              "authority in a finale that blows up the family business.")
    assert WORKS_AND_PLAYERS.detect(article) == []
    named = article.model_copy(update={"content": "Brightwater Logistics sued the port "
                                       "authority on Monday, the company said."})
    assert ("Brightwater Logistics", "legal") in {
        (e.company, e.event_type) for e in WORKS_AND_PLAYERS.detect(named)}


def test_a_name_and_its_next_word_written_in_lower_case_elsewhere_are_a_common_noun() -> None:
    # "Snap startup raises $25m" over "a snap startup that ...": the writer's own lower case
    # says the headline's words are a common noun.
    assert "Snap" not in counted("Snap startup raises $25m to speed up checkout. A snap "
                                 "startup that builds one-tap payments has raised $25 million.")
    # another word after the lower-case use says nothing of the headline's
    assert "Snap" in counted("Snap startup raises $25m to speed up checkout. A snap decision "
                             "by its board started the round.")


def test_a_nickname_in_quotes_between_two_names_is_the_person_s() -> None:
    detector = Detector(RulesFile.model_validate({"companies": [{"name": "Tesla"}]}))
    article = Article(id="n", title="Nightjar fire Tesla after winless split",
                      content="Nightjar Gaming have fired head coach Kalle 'Tesla' Virtanen "
                              "after their team went 0-9 in the spring split.")
    assert detector.detect(article) == []
    # the carmaker named as itself near a quoted word is still the carmaker
    company = article.model_copy(update={
        "title": "Tesla fires its head of sales",
        "content": "Tesla has fired its head of sales, Kalle Virtanen, the company said."})
    assert ("Tesla", "executive_departure") in {
        (e.company, e.event_type) for e in detector.detect(company)}
