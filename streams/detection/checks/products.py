"""Checks for product events: what is launched is a product, what is delayed is a launch."""

from __future__ import annotations

import re

from .. import parties
from ..companies import Mention
from ..lexicon import DATA_AS_REPORT, LEGAL_SUFFIXES, MAKERS_PRODUCT, NO_LONGER_PLANS
from ..sentences import title_case
from ..triggers import (
    NEEDS_AVAILABLE_THING,
    NEEDS_DELAYED_THING,
    NEEDS_PRODUCT,
    TriggerSpec,
)
from .text import clause_before, mask

_I = re.IGNORECASE
_NOT_A_PRODUCT = re.compile(
    r"^\W*(?:a |an |the |its |their |new )?(?:[\w%$.,-]+ ){0,2}?(?:investigations?|probes?|"
    r"inquir(?:y|ies)|reviews?|audits?|bids?|offers?|campaigns?|lawsuits?|suits?|attacks?|"
    r"strikes?|appeals?|challenges?|initiatives?|programs?|programmes?|efforts?|funds?|"
    r"searches?|hunts?|tenders?|IPO|buybacks?|restructuring|rockets?|missions?|"
    # "a satellite bus", "satellite messaging": the satellite only describes the product.
    r"satellites?(?! (?:bus|phones?|internet|broadband|messaging|texting|calling|connectivity|"
    r"service|dish|terminals?|"
    r"constellation)\b)|"
    # ("began offering data residency in India" offers a service)
    r"missiles?|reports?|statements?|results|earnings|"
    + DATA_AS_REPORT + r"|"
    r"figures|guidance|forecasts?|"
    r"layoffs?|plans?|talks|negotiations|prisoners?|hostages?|polic(?:y|ies)|rules|"
    r"legislation|measures|changes|fees|pricing|prices|tariffs?|bills?|guidelines|"
    r"headquarters|surveys?|studies|study|warnings?|alerts?|recalls?|freezes?|bans?|"
    r"updates? on(?! (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)|"
    r"shares|stock|bonds|stakes?|"
    r"moratori\w+|curbs?|restrictions?|sanctions?|cuts?|hiring|job cuts|actions?|procedures?|"
    r"protocols?|trailers?|teasers?|increases?|hikes?|raises?|pay|bonus(?:es)?|discounts?|"
    r"offensive|crackdown|overhaul|reorgani[sz]ation|shake-?up|"
    # "announced its new strategy to investors": an aim, not a product
    r"strateg(?:y|ies)|visions?|roadmaps?|goals?|targets?|priorities|agenda|commitments?|"
    r"pledges?|structures?|logos?|slogans?|mottos?|values|mission statements?)(?=[\s,.;:]|$)"
    r"|^\W*(?:from|in|on|at|after|over|across|throughout|later|soon|\d{4})\b"
    # "Samsung launches nothing new at MWC": nothing launched
    r"|^\W*(?:nothing|none)\b|^\W*no\s"
    # "head of space and launch, as chief executive": the noun, with nothing launched.
    r"|^[,.;:)]", _I)
# "launched a Family plan for ChatGPT", "a $20-a-month Pro plan": a plan customers pay for is a
# product (not "a plan to cut costs", "launched a new plan").
_PRODUCT_PLAN = re.compile(
    r"^\W*(?:a |an |the |its |their |new )?(?:[\w$.,+-]+ ){0,2}?(?:family|premium|subscription|"
    r"data|unlimited|ad-supported|ad-free|annual|monthly|yearly|enterprise|team|student|paid|"
    r"free|pro|basic|standard|plus|max|[\w$.]*\d[\w$.]*-an?-(?:month|year)|"
    # "launched a new installment plan in Apple Pay", "a 5G roaming plan" (not a staff's
    # pension or health plan)
    r"install?ment|pay-later|prepaid|postpaid|roaming|mobile|phone|broadband|fib(?:re|er)|"
    r"5g|travel)\s+plans?\b"
    r"(?!\s+(?:to|that|aimed)\b)", _I)
# "buys more Nvidia chips", "to buy TSMC's entire 2nm capacity": the company makes the object.
_DELAYED_THING = re.compile(
    # the words in any case ("GPU", "Launch" in a title), the model number as written
    r"\b(?:(?i:launch|release|rollout|roll-out|debut|availability|shipments?|shipping|introduction|"
    r"model|products?|devices?|phones?|smartphones?|chips?|processors?|vehicles?|cars?|trucks?|"
    r"robotaxis?|features?|updates?|games?|consoles?|headsets?|glasses|services?|apps?|"
    r"displays?|screens?|speakers?|tablets?|laptops?|computers?|accelerators?|gpus?|handhelds?|"
    r"platforms?|drones?|watch(?:es)?|"
    # "first orbital flight has slid to next year"
    r"(?:maiden|inaugural|orbital|crewed) (?:[\w-]+ )?(?:flights?|missions?)|"
    r"first deliver(?:y|ies)|deliver(?:y|ies) of|production|"
    # "delayed the start of commercial passenger flights of its air taxi": a service's start
    r"(?:start|beginning) of (?:[\w-]+ ){0,3}?(?:service|flights|operations|sales)|"
    r"(?:first |initial )?commercial (?:[\w-]+ ){0,2}?(?:service|flights|operations)|"
    r"software|versions?|drugs?|therap(?:y|ies)|vaccines?|pills?|medicines?|treatments?|"
    r"planes?|aircraft|jets?|rollouts?|"
    r"upgrades?|tiers?|"
    # "postponed the move to its new core banking system", "the migration slips"
    r"systems?|migrations?|go-lives?|cutovers?|switchovers?|"
    # "pushes back 737 replacement development"; not a building's or a site's
    r"development(?! of (?:the |its |their |a |an )?(?:[\w-]+ ){0,2}?(?:headquarters|"
    r"campus|site|offices?|land|propert\w+|buildings?|towers?|stores?|plants?|factor\w+))|"
    r"subscriptions?|expansions?|films?|movies?|sequels?|seasons?|albums?|editions?|bundles?|"
    r"dramas?|thrillers?|tentpoles?|"
    r"introduc\w+|launching|releasing|rolling out)|"
    r"[A-Z][\w-]*\s\d+\w*)\b")
DELAY_BEFORE = re.compile(r"\b(?:delay\w*|postpon\w*|push\w* back|shelv\w*|defer\w*|pause\w*|"
                           r"scrap\w*|cancel\w*|abandon\w*|ditch\w*|hold\w* back|held back|"
                           r"hold\w* off|held off|on hold|"
                           # "no longer expects to launch the shot this season": dropped
                           + NO_LONGER_PLANS + r"(?:\s+to)?)\b"
                           r"(?:[^.;]{0,40}|[^.;,]{0,80})$", _I)
# Launches stated of the product ("went on sale") say nothing when the subject is not one.
_NOT_AVAILABLE = re.compile(
    r"\b(?:results|reports?|data|figures|tickets|shares|stock|details|filings?|transcripts?|"
    r"documents?|records?|statements?|minutes|recordings?|replays?|webcasts?|prospectus|"
    r"earnings|guidance|bonds|notes|offering)\b[^,;]{0,25}$", _I)
# "scrapped plans to launch a service": the plan must be for a launch.
_PLANNED_LAUNCH = re.compile(
    r"^\s*(?:launch|release|introduce|roll out|debut|unveil|start (?:selling|offering|shipping|"
    r"an? |its |their )|offer (?:an? |its |their )|sell (?:an? |its |their ))"
    r"|^\s*(?:an? |its |their |the )?(?:[\w-]+ ){0,3}?(?:service|product|app|device|launch|"
    r"model|car|vehicle|phone|tier|network|platform|game|console|film|rollout|release|chip|"
    r"processor|headset|tablet|laptop|drone|robotaxi|channel|feature|edition|version|sequel|"
    r"series|show)s?\b",
    _I)


# "was delayed three hours at Newark", "delays Newark departure": travel, not a launch.
_TRAVEL_DELAY = re.compile(
    r"^[^.;]{0,25}?\b(?:\d+|an?|one|two|three|four|five|several|many) (?:more )?"
    r"(?:hours?|minutes?)\b|^\s+(?:[A-Z][\w-]*\s+){0,2}(?:the |its |a )?"
    r"(?:departures?|flights?|arrivals?|takeoffs?|landings?|boarding|trains?)\b"
    # "faced delays at customs in Rotterdam": goods held up on their way, not a launch
    r"|^\s+(?:at|in) (?:the )?(?:customs|ports?|borders?|checkpoints?|airports?|transit)\b")




# A model number right after the verb (not a quarter or half-year: "Q3", "H2", "FY26"):
# "delays its 777X", "unveiled the Helix-400, a satellite platform" (the model is the
# product, whatever noun describes it).
_MODEL_AFTER = re.compile(r"\s+(?:back\s+)?(?:(?:its|the|their|a|an)\s+)?(?:(?:new|next|upcoming|"
                          r"planned|long-awaited|latest)\s+)?(?!(?:Q|H|FY)\d)(?:\d{2,}[A-Z][\w-]*|"
                          r"[A-Z]{1,4}-?\d{2,}[\w-]*|[A-Z][a-z]+-\d{2,}[\w-]*|\d{3,}\s+[A-Z]{2,})\b")


def _no_product(text: str, after: str) -> bool:
    """What follows the verb is no product ("launched a probe", "introduced pay rises"),
    unless the noun is written as a name in running text: "launched Tap to Pay on iPhone"."""
    found = _NOT_A_PRODUCT.search(after)
    if found is None:
        return False
    last = found.group().split()[-1] if found.group().strip() else ""
    return not (last[:1].isupper() and last[1:2].islower() and not title_case(text))


_TRAVEL = "a travel delay, not a launch"
_NOT_A_LAUNCH = "not a product launch"
_NOT_AVAILABLE_THING = "what became available is not a product"
_NOT_A_LAUNCH_PLAN = "the plan was not a launch"
_NOTHING_DELAYED = "nothing launched is delayed"
#: Every reason ``product_reason`` gives: the words read as something other than a product.
PRODUCT_REASONS = frozenset({_TRAVEL, _NOT_A_LAUNCH, _NOT_AVAILABLE_THING, _NOT_A_LAUNCH_PLAN,
                             _NOTHING_DELAYED})


def product_reason(text: str, spec: TriggerSpec, start: int, end: int,
                   mentions: list[Mention]) -> str | None:
    """Why a launch or delay trigger does not concern a product, or None."""
    after = text[end:]
    if spec.event_type == "launch_delay" and _TRAVEL_DELAY.search(after):
        return _TRAVEL
    if NEEDS_PRODUCT in spec.needs and _no_product(text, after) and not (
            _PLACE_AFTER.match(after) and _model_before(text, mentions, start)) and not (
            _MODEL_AFTER.match(after)) and not _PRODUCT_PLAN.match(after):
        return _NOT_A_LAUNCH
    if NEEDS_AVAILABLE_THING in spec.needs and _NOT_AVAILABLE.search(clause_before(text, start)):
        return _NOT_AVAILABLE_THING
    if spec.has("scraps_plans") and not _PLANNED_LAUNCH.match(after):
        return _NOT_A_LAUNCH_PLAN
    if NEEDS_DELAYED_THING in spec.needs:
        where = text[:start] if spec.passive else after[:80]
        if spec.has("moves_date"):  # "the Vision Pro 2 slips to 2027", "pushes X to spring"
            where = text[max(0, start - 60):start] + " " + after[:80]
        if not spec.has("scraps_plans") and not _DELAYED_THING.search(where) and (
                spec.passive or _NOT_A_PRODUCT.search(after)
                or not _named_thing(after, mentions, end)) and not (
                (spec.passive or spec.has("moves_date"))
                and _named_subject(text, mentions, start)):
            return _NOTHING_DELAYED
    return None


_MAKERS_PRODUCT = re.compile(MAKERS_PRODUCT)
# "launched in India", "unveiled at Unpacked", "launched on Monday": where or when.
_PLACE_AFTER = re.compile(r"^\s+(?:in|at|on)\b")
# "Samsung Galaxy S26 launched in India", "the Google Pixel 10 Pro was unveiled at": a model
# named after the maker and before the verb is what was launched (words with a capital or a
# digit; not an organisation's word such as "Air", "Bank", "Group").
_MODEL_NAME = re.compile(
    r"\s+(?!(?:" + LEGAL_SUFFIXES + r"|Air|Airlines|Airways|Bank|Group|Holdings|Capital|"
    r"Partners|Foundation|Club|Council|Motors|Labs|Technologies|Energy|Media|Studios|"
    r"Records)\b)"
    r"(?:[A-Z][\w+-]*|\d[\w+-]*)(?:\s+(?:[A-Z][\w+-]*|\d[\w+-]*|mini)){0,3}"
    r"\s+(?:(?:was|is|has been|had been|have been|were|will be|gets?|got)\s+)?$")


def _model_before(text: str, mentions: list[Mention], start: int) -> bool:
    """A product model right after a counted company name ends the clause before ``start``,
    or the product named after its maker is the subject of this very verb ("the Tata Nano,
    has been launched")."""
    before = [m for m in mentions if m.end <= start and m.counted]
    if not before:
        return False
    makers = _MAKERS_PRODUCT.match(text, before[-1].end)
    if makers is not None and makers.end() >= start:
        return True
    return any(ch.isdigit() for ch in text[before[-1].end:start]) and (
        _MODEL_NAME.fullmatch(text, before[-1].end, start) is not None)


def _named_subject(text: str, mentions: list[Mention], start: int) -> bool:
    """A product's proper name as the subject: "the revamped Siri would be pushed to 2027"."""
    clause = clause_before(mask(text, mentions), start)
    return parties.name_before(clause, len(clause)) is not None


# "Microsoft has delayed 'Fable' to 2027": a work's title in quotes (not "delayed
# 'indefinitely'").
_TITLE_AFTER = re.compile(r"\s+(?:(?:its|the|their)\s+)?(?:[\w-]+\s+){0,2}?['‘\"“][A-Z0-9]")


def _named_thing(after: str, mentions: list[Mention], end: int) -> bool:
    """A proper name (not a watched company) right after a delay verb: 'delays Cybercab',
    or a model number: 'delays its 777X', 'pushes back A380 deliveries'."""
    if _MODEL_AFTER.match(after) or _TITLE_AFTER.match(after):
        return True
    name = parties.name_after(after, 0, skip=2)
    if name is None:
        return False
    at = after.find(name)
    return not any(m.start <= end + at < m.end for m in mentions)
