"""Checks for deals and legal events: what is bought is a company, what is raised is money,
and the parties found add up to the event."""

from __future__ import annotations

import re

from ..companies import Mention
from ..lexicon import FICTION_WORKS, IN_SENTENCE, LEGAL_SUFFIXES, NUMBER_WORDS, SUPPLY_NOUNS
from ..triggers import (
    NEEDS_COMPANY_RIGHT,
    NEEDS_LEFT,
    NEEDS_LEGAL,
    NEEDS_TARGET,
    NEEDS_TWO,
    NEEDS_WATCHED_RIGHT,
    TriggerSpec,
)
from ..triggers.deals import AMOUNT, MAJORITY, PRICE

_I = re.IGNORECASE
# The object starts right after the trigger: "to buy, saying its business" has none.
_GENERIC_COMPANY = re.compile(
    r"^[\s\"'“‘]*(?:(?:[\w$.%-]|,(?=\d))+ ){0,4}?(?:startups?|start-ups?|company|companies|"
    r"firms?|makers?|"
    r"developers?|providers?|rivals?|competitors?|business(?:es)?|units?|divisions?|operators?|"
    r"retailers?|chains?|studios?|labs?|brands?|suppliers?|manufacturers?|producers?|"
    r"specialists?|carriers?|insurers?|lenders?|banks?|platforms?|subsidiar(?:y|ies))\b", _I)
_STAKE_OBJECT = re.compile(
    # "buy roughly 12.2 million newly issued Northwind shares" (the object's own words, not
    # "buy Kestrel for $1.1 billion in stock": what is paid)
    r"^\s*(?:(?:a |an |its |the )?(?:(?!(?:for|in|with|to|at|paid|payable|worth)\b)"
    r"[\w.%$-]+ ){0,7}(?:stake|shares|shareholding|stock|bonds?)\b"
    r"(?! (?:[\w-]+ )?(?:arm|unit|division|subsidiary|business|insurer|lender|bank)\b)"
    r"|(?:more than |up to |about )?(?:\$|€|£)?[\d.,]+ ?(?:billion|million|bn|m|k)? "
    r"(?:worth )?of\b)", _I)
_CONTROL = re.compile(r"(?:^\s*(?:a |an |the )?|\b)(?:majority|controlling|(?<![\d.,])"
                       + MAJORITY + r")\b", _I)
_GOODS_OBJECT = re.compile(
    r"^\W*(?:(?:more|some|large numbers of|millions of|thousands of|all of|all|[\d,.]+)\s+)?"
    r"(?:[A-Z][\w&.-]*(?:['’]s)?\s+){1,3}?(?:(?:entire|whole|new|latest|[\w.-]*\d[\w.-]*)\s+)*"
    r"(?:chips|gpus|GPUs|processors|accelerators|servers|capacity|output|supply|supplies|"
    r"products|devices|equipment|hardware|credits|licen[cs]es|ads|advertising|power|"
    r"electricity|components|parts|panels|batteries|memory|wafers|vehicles|cars|trucks|"
    r"planes|aircraft|jets|robotaxis|units)\b|^\W*time\b")
# "Apple bought the movie that won it Best Picture", "Apple Acquires Its Biggest Audience
# Yet": a work, its rights or an audience (not "the film studio A24").
_WORK_OR_AUDIENCE_OBJECT = re.compile(
    # ("Foxglove Films Acquires Meta Doc 'The Feed'", "picked up the Icelandic drama 'Ash
    # Year'": the works of fiction and record; not Google Docs)
    # (a work's plural is read for film and movie only: "docs" are Google's)
    r"^\W*(?:(?i:a|an|the|its|their|his|her)\s+)?(?:[\w$.,'’-]+\s+){0,3}?(?i:"
    + FICTION_WORKS + r"(?!s)|(?:movie|film|picture|script|series|show|album|song|"
    r"catalog(?:ue)?|book|painting|artwork|rights|audience|viewers|subscribers|fans|followers|"
    r"listeners|readers)s?)\b(?!\s+(?i:studio|company|maker|producer|distributor|label|group|"
    r"business|unit|division|network|chain|publisher|arm)s?\b)")
# "chief executive Marc Benioff bought a $50 million estate in Hawaii": a home, not a company.
_HOME_OBJECT = re.compile(
    r"^\W*(?:(?i:a|an|his|her|their)\s+)?(?:[\w$.,'’-]+\s+){0,3}?(?<!real )(?:estate|mansion|home|"
    r"house|ranch|island|yacht|penthouse|apartment|condo|villa|castle|chateau|vineyard|"
    r"painting)\b(?=\s*(?:[,.;]|$|(?i:in|on|near|for|from|overlooking|worth|once|that|which)\b))")
_NOT_FUNDING = re.compile(
    # ("raised the company's quarterly dividend": a possessive among the words)
    r"^ (?:its |their |the )?(?:[\w'’-]+ ){0,3}(?:forecast|guidance|outlook|prices?|dividends?|"
    r"estimates?|targets?|pt|rates?|concerns?|questions?|fees?)\b|^[^;]{0,30}\b(?:per|a) share\b"
    # ("raised $150 million in a share sale" is money raised)
    r"(?!s? (?:sale|offering|placement|issue))"
    r"|^[^;]{0,30}\b(?:in|of|worth of) (?:new )?(?:orders|revenue|sales|contracts|bookings|"
    r"profits?|damages|fines)\b",
    _I)
# "received $20 million in milestone payments", "$80m up front": a licensee's payments.
# (a decimal point, "$1.5 million in milestone payments", does not end the sentence)
_LICENCE_MONEY = re.compile(r"^" + IN_SENTENCE + r"{0,30}?\b(?:up-?front|up front|milestones?|"
                            r"royalt(?:y|ies)|licen[cs](?:e|ing) fees?)\b", _I)
# "IBM closes $6.4 billion HashiCorp deal": money paid in a deal named by its target.
_DEAL_MONEY = re.compile(
    # "nabs Shipt rival Drivewise in $400M deal": the company bought, then its price
    r"^ (?:[^$€£;,.]{1,40}? (?:in|for) )?(?:its |their |the |a |an )?" + AMOUNT
    + r"(?:-plus)? (?:all-cash |all-stock |cash-and-stock |cash )?(?:(?-i:[A-Z])[\w&.'’-]*\s+){0,3}"
    r"(?:deal|acquisition|purchase|takeover|buyout|merger|divestiture)s?\b", _I)
_LEGAL_NOUN = re.compile(r"\b(?:court|tribunal|judge|jury|lawsuit|antitrust|infring\w+|violat\w+|"
                         r"illegal\w*|unlawful\w*|liable|order|regulators?|ministry|authorit(?:y|ies)|"
                         r"licen[cs]e|"
                         # the public enforcers a settlement is reached with
                         r"commission|attorneys?[- ]general|prosecutors?|watchdog|"
                         r"office for civil rights|(?-i:FTC|SEC|DOJ|CFPB|FCC|EPA|HHS|OCC|FINRA|"
                         r"CMA|FCA|ACCC|OSHA|EEOC|NLRB|FDA))\b", _I)
# "picked up Klangwerk, a Hamburg maker": 'pick up' is a purchase only with deal words around.
_DEAL_CONTEXT = re.compile(
    r"\b(?:for (?:an? )?(?:undisclosed|US\$|\$|€|£|about|around|roughly|nearly|more than)|"
    r"deal|acquisitions?|takeover|maker|startup|start-up|developer|provider|studio)\b", _I)
# "picks up Creemore Springs Brewery Ltd.": a name with its legal suffix is a company.
_NAMED_FIRM = re.compile(r"\s+(?:[A-Z][\w&'’.-]*\s+){1,5}" + LEGAL_SUFFIXES + r"\b")
# "lets users buy products": the buyers are people, not the company.
_PEOPLE_BUY = re.compile(
    r"\b(?:users|customers|consumers|shoppers|buyers|people|fans|members|drivers|merchants|"
    r"households|traders|readers|viewers|subscribers|patients|students)\s+(?:to\s+|can\s+|"
    r"could\s+|will\s+|who\s+)?$", _I)
# "upgraded IBM to buy": an analyst rating, not a purchase.
_RATING = re.compile(r"\b(?:upgrad|downgrad|reiterat|rat(?:es|ed|ing)\b)\w*[^.;]{0,40}$", _I)
_RATING_AFTER = re.compile(r"\s*(?:[,.;]|$|rating|from (?:hold|sell|neutral))", _I)

# A rating in a note's header or table: "| BUY |", "Rating: Buy", "Buy, PT $275".
_RATING_CELL = re.compile(r"(?:\||\brating:?|\brated|\bour|\bkeep|\bmaintain\w*|\breiterate\w*)"
                          r"\s*$", _I)
_RATING_NEXT = re.compile(r"\s*(?:\||rating\b|,?\s*(?:PT|price target)\b|/\s*(?:hold|sell)\b)",
                          _I)

# "Disney and Spotify are natural partners": a description, not an agreement.
_PARTNERS_NOUN = re.compile(r"\b(?:are|were|be|being|as|make|remain|seem)\s+(?:[\w-]+\s+)?$",
                            _I)


_UNDER_SUPPLY_DEAL = re.compile(
    r"\b(?:supply|sourcing|purchase|purchasing|offtake|procurement|distribution)\s+"
    r"(?:agreement|deal|contract|pact)\b[^.;]{0,100}?\bunder which\s+(?:[\w&.'’-]+\s+){1,3}?"
    r"(?:will|would|is to|agreed to|has agreed to)\s+(?:\w+ly\s+)?$", _I)
# "a multiyear agreement to buy the company's optical interconnect chips": a supply deal.
BUYS_SUPPLIES = re.compile(r"\s+to\s+(?:buy|purchase)\s+(?P<the>the\s+[\w-]+['’]s\s+)?"
                           r"(?:[\w'’$.,-]+\s+){0,5}?" + SUPPLY_NOUNS + r"\b", _I)
"""A supply deal, not a takeover: "an agreement to buy the company's optical chips"
(``the``: the maker named before, "the company's")."""

# After the company sold: only its description, a price, then "to" ("sell Channel 5 to
# Viacom", "sold Plan, an architecture magazine, for €300,000 to"), not "Coke documents".
_SOLD_WHOLE = re.compile(r"(?:['’]s)?\s*(?:\([^()]{0,30}\)\s*)?(?:,[^,.;]{0,60},\s*)?(?:"
                         + PRICE + r")?to\b", _I)
# "The rights to broadcast the matches were sold to ESPN": goods as the passive's subject.
_GOODS_SUBJECT = re.compile(
    r"^\W*(?:the |its |their |a |an |some |all )?(?:[\w'’-]+ ){0,3}(?:rights|assets|shares|"
    r"stakes?|licen[cs]es|propert(?:y|ies)|land|buildings?|aircraft|jets|planes|ships|plants?|"
    r"factor(?:y|ies)|stores|shops|mines?|portfolio|catalogue|library|patents?|trademarks?|"
    r"documents|tickets|products|goods|seats|subscriptions|vehicles|cars|devices|"
    r"tablets|laptops|computers|phones)\b", _I)
_BE_BEFORE = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+(?:\w+ly\s+)?$", _I)
# "will buy 3,000 rugged tablets", "purchase of eight electric cruisers": things counted are
# goods; companies are counted only with a word that says so ("two AI startups").
_COUNTED = re.compile(
    r"^\W*(?:about |some |nearly |up to |another |more than |over |around )?(?:\d[\d,.]*|"
    + NUMBER_WORDS + r"|hundreds of|thousands of|dozens of|a dozen)\s+"
    r"(?!(?:[\w-]+\s+){0,2}?(?:startups?|start-ups?|"
    r"companies|firms|rivals|competitors|makers|businesses|developers|providers|brands|chains|"
    r"banks|lenders|insurers|carriers|airlines|studios|stakes?|percent|per cent|million|"
    r"billion|bn)\b)(?![\d.,]*\s?%)", _I)


# A business of the seller named right after "sell" (capitals), sold to a named buyer: with
# an aside saying what it is ("Insitu, its maker of small military drones, to defense
# contractor Stanhope Systems"), or a price ("Loomwise to Carrow Partners for about $900
# million"). Read on the text as written: a product sold to customers has no buyer's name
# and no price of a business.
_PRICE_NOW = (r"(?:for|worth) (?:about |around |roughly |nearly |some |an estimated |"
              r"a reported )?(?:[A-Z]{0,3}\$|€|£)\s?\d")
_NAMED_UNIT_SOLD = re.compile(
    r" (?!(?:The|A|An|Its|Their|Shares|Stock|Bonds?|Assets|Products?)\b)[A-Z][\w&'’.-]*"
    r"(?: [A-Z][\w&'’.-]*){0,2}"
    r"(?:, (?:its|their|a|an|the) [^.;,]{0,70}?\b(?:maker|developer|company|firm|business|unit|"
    r"subsidiary|operator|provider|studio|label|brand|chain|start-?up|platform|division|arm|"
    r"producer|manufacturer|supplier|network)\b[^.;,]{0,40},"
    r"|(?= (?:for [^.;,]{1,25} )?to (?:[a-z][\w-]* ){0,3}[A-Z][^.;]{0,60}?\b" + _PRICE_NOW
    + r")) (?:for [^.;,]{1,25} )?to (?:[a-z][\w-]* ){0,3}[A-Z]")


def sells_named_unit(text: str, end: int) -> bool:
    """'agreed to sell Loomwise to Carrow Partners for $900 million': a named business of the
    seller sold to a named buyer."""
    return _NAMED_UNIT_SOLD.match(text, end) is not None


def sells_company(text: str, end: int, mentions: list[Mention]) -> bool:
    """The watched company named right after a 'sell' verb is what is sold, whole."""
    for mention in mentions:
        if end < mention.start <= end + 2:
            return _SOLD_WHOLE.match(text, mention.end) is not None
    return False


def deal_reason(text: str, spec: TriggerSpec, start: int, end: int) -> str | None:
    """Why an acquisition, investment or legal trigger is something else, or None."""
    after = text[end:]
    if spec.event_type == "acquisition" and (
            spec.passive or _BE_BEFORE.search(text, max(0, start - 30), start)) and (
            _GOODS_SUBJECT.match(text)):
        return "goods or rights sold, not a company"
    if spec.event_type == "acquisition" and _COUNTED.match(after):
        return "goods counted, not a company"
    if spec.event_type == "partnership" and text[start:end].lower() == "partners" and (
            _PARTNERS_NOUN.search(text, max(0, start - 30), start)):
        return "calls them partners, no agreement"
    if spec.has("raises_money") and _NOT_FUNDING.search(after):
        return "raised a forecast or price, not money"
    if spec.has("raises_money") and _LICENCE_MONEY.search(after):
        return "a licensee's upfront or milestone payment, not funding"
    if spec.has("raises_money") and _DEAL_MONEY.search(after):
        return "money paid in a deal, not raised"
    if NEEDS_LEGAL in spec.needs and not _LEGAL_NOUN.search(text):
        return "no legal context"
    if spec.event_type == "acquisition" and _STAKE_OBJECT.search(after) and not (
            _CONTROL.match(after) or _CONTROL.search(text, start, end)):
        # (not "purchase of controlling stake in", "acquisition of a 60% stake in": control,
        # which the investment reading leaves to this one)
        return "a stake or a quantity of goods, not a takeover"
    if spec.event_type == "acquisition" and _UNDER_SUPPLY_DEAL.search(
            text, max(0, start - 160), start):
        # "signed a three-year supply agreement with Sree Garments, under which it will buy
        # cotton T-shirts": what a supply deal buys is goods
        return "goods bought under a supply agreement, not a company"
    if spec.event_type == "acquisition" and _GOODS_OBJECT.search(after[:60]):
        return "goods or capacity bought from a company, not the company"
    if spec.event_type == "acquisition" and _HOME_OBJECT.search(after[:70]):
        return "a home or a possession bought, not a company"
    if spec.event_type == "acquisition" and _WORK_OR_AUDIENCE_OBJECT.search(after[:70]):
        return "a work, its rights or an audience acquired, not a company"
    if spec.has("buys"):
        verb = text[start:end].lower()
        if verb.startswith("pick") and not _DEAL_CONTEXT.search(text) and not (
                _NAMED_FIRM.match(after)):
            return "picked up something other than a company"
        if _PEOPLE_BUY.search(text, max(0, start - 40), start):
            return "people buying goods, not a company buying a company"
        if verb == "buy" and _RATING.search(text, max(0, start - 60), start) and (
                _RATING_AFTER.match(after)):
            return "an analyst rating, not a purchase"
        shouted = text[start:end] == "BUY" and text != text.upper()  # not a capitals headline
        if verb == "buy" and (shouted or _RATING_CELL.search(
                text, max(0, start - 40), start) or _RATING_NEXT.match(after)):
            # "AMZN | BUY | Price target: $275", "keep our Buy rating", "(Buy, PT $275)"
            return "an analyst rating, not a purchase"
    return None


# "Sequoia, Nvidia and Microsoft invested in the round": the round stands for its company;
# "invested $150 million in the optical-interconnect startup", "in a robotics company": a
# company the sentence does not name.
_THE_ROUND = re.compile(r"\s*(?:(?:the|this|that|its|their)\s+(?:[\w$.,-]+\s+){0,3}?(?:round|"
                        r"financing|raise|placement)|(?:the|a|an)\s+(?:[\w$.,-]+\s+){0,3}?"
                        r"(?:start-?up)|(?:a|an)\s+(?:[\w$.,-]+\s+){0,3}?(?:company|firm|"
                        r"developer|maker))\b", _I)


def after_parties(text: str, spec: TriggerSpec, end: int, lefts: int,
                  rights: list[tuple[str, bool]]) -> str | None:
    """What the parties found must add up to; ``rights`` holds (role, watched) pairs."""
    if (NEEDS_TARGET in spec.needs and not any(role in ("target", "") for role, _ in rights)
            and not _GENERIC_COMPANY.search(text[end:end + 60])):
        return "no company named as the target"
    if NEEDS_COMPANY_RIGHT in spec.needs and not rights and not (
            spec.event_type == "investment" and _THE_ROUND.match(text, end)):
        return "no company named after the trigger"
    if NEEDS_WATCHED_RIGHT in spec.needs and not any(watched for _, watched in rights):
        # "launches London Olympic bid": only a watched name makes the bid a takeover
        return "no watched company named after the trigger"
    if NEEDS_LEFT in spec.needs and not lefts and not any(
            role == spec.left for role, _ in rights):
        return f"nobody on the {(spec.left or 'other').replace('_', ' ')} side"
    if NEEDS_TWO in spec.needs and lefts + len(rights) < 2:
        return "a partnership needs two named parties"
    if NEEDS_TWO in spec.needs and spec.left is not None and not lefts:
        # "we collaborated with Reddit and Twitter": companies listed together are both
        # partners of the unnamed subject, not of each other.
        return "no company on the partnering side"
    if (spec.has("sold_to") and text[:end].lower().endswith("sold to") and not rights
            and not _GENERIC_COMPANY.search(text[end:end + 60])):
        return "sold to customers, not to a buyer"
    return None
