"""Conditions a trigger must meet before it is an event: context, objects, parties.

Each check returns the reason it fails (shown by ``rules explain``) or None.
"""

from __future__ import annotations

import re

from streams.detection import cues, parties
from streams.detection.companies import Mention
from streams.detection.lexicon import NOT_A_COMPANY
from streams.detection.triggers import (
    EXEC_TITLE_RE,
    NEEDS_AVAILABLE_THING,
    NEEDS_COMPANY_RIGHT,
    NEEDS_DELAYED_THING,
    NEEDS_EXEC,
    NEEDS_LEFT,
    NEEDS_LEGAL,
    NEEDS_PRODUCT,
    NEEDS_TARGET,
    NEEDS_TWO,
    TriggerSpec,
)

_I = re.IGNORECASE
# The object starts right after the trigger: "to buy, saying its business" has none.
_GENERIC_COMPANY = re.compile(
    r"^[\s\"'“‘]*(?:(?:[\w$.%-]|,(?=\d))+ ){0,4}?(?:startups?|start-ups?|company|companies|"
    r"firms?|makers?|"
    r"developers?|providers?|rivals?|competitors?|business(?:es)?|units?|divisions?|operators?|"
    r"retailers?|chains?|studios?|labs?|brands?|suppliers?|manufacturers?|producers?|"
    r"specialists?|carriers?|insurers?|lenders?|banks?|platforms?|subsidiar(?:y|ies))\b", _I)
_STAKE_OBJECT = re.compile(
    r"^\s*(?:(?:a |an |its |the )?(?:[\w.%$-]+ ){0,4}(?:stake|shares|shareholding|stock|bonds?)\b"
    r"|(?:more than |up to |about )?(?:\$|€|£)?[\d.,]+ ?(?:billion|million|bn|m|k)? "
    r"(?:worth )?of\b)", _I)
_HIRED_A_FIRM = re.compile(r"^\W*(?:a|an|the|two|three) (?:[\w-]+ ){0,3}(?:firms?|agency|"
                           r"consultancy|company|bank|advisers?|advisors?|consultants?|"
                           r"headhunters?)(?=\s+(?:to|for|that)\b|[,.;]|$)", _I)
# "hires Goldman Sachs to advise on the sale": an engagement, not a hire.
_ADVISER = re.compile(r"^[^;.]{0,60}?\b(?:to advise|as (?:an? |its |their |lead )?(?:[\w-]+ )?"
                      r"advis[eo]rs?)\b", _I)
# "is hiring engineers", "recruits more staff": a recruitment drive, unless a number, a name
# or a former employer ("from OpenAI") singles out the people hired.
_RECRUITING = re.compile(
    r"^\W*(?:more |new |additional |dozens of |hundreds of |thousands of )?"
    r"(?!(?:one|two|three|four|five|six|seven|eight|nine|ten|several|a|an|the|its|their|top|"
    r"key|senior)\b)(?:[\w-]+ )?(?:engineers|researchers|scientists|developers|staff|workers|"
    r"people|talent|salespeople|designers|programmers|employees)\b(?![^.;]{0,40}\bfrom\b)", _I)
_NAMED_AFTER = re.compile(r"nam(?:es|ed)\b[^,;.]{0,40}\bafter\b", _I)
_BULK_HIRING = re.compile(r"^\W*(?:about |some |more than |up to |over )?[\d,]+\s?(?:k |,000 )?"
                          r"(?:new |seasonal |additional )?(?:workers|employees|people|staff|"
                          r"engineers|jobs)\b", _I)
_NOT_A_PRODUCT = re.compile(
    r"^\W*(?:a |an |the |its |their |new )?(?:[\w%$.,-]+ ){0,2}?(?:investigations?|probes?|"
    r"inquir(?:y|ies)|reviews?|audits?|bids?|offers?|campaigns?|lawsuits?|suits?|attacks?|"
    r"strikes?|appeals?|challenges?|initiatives?|programs?|programmes?|efforts?|funds?|"
    r"searches?|hunts?|tenders?|IPO|buybacks?|restructuring|rockets?|missions?|"
    # "a satellite bus", "satellite messaging": the satellite only describes the product.
    r"satellites?(?! (?:bus|phones?|internet|broadband|messaging|service|dish|terminals?|"
    r"constellation)\b)|"
    r"missiles?|reports?|statements?|results|earnings|data|figures|guidance|forecasts?|"
    r"layoffs?|plans?|talks|negotiations|prisoners?|hostages?|polic(?:y|ies)|rules|"
    r"legislation|measures|changes|fees|pricing|prices|tariffs?|bills?|guidelines|"
    r"headquarters|surveys?|studies|study|warnings?|alerts?|recalls?|freezes?|bans?|"
    r"updates? on(?! (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)|"
    r"shares|stock|bonds|stakes?|"
    r"moratori\w+|curbs?|restrictions?|sanctions?|cuts?|hiring|job cuts|actions?|procedures?|"
    r"protocols?|trailers?|teasers?|increases?|hikes?|raises?|pay|bonus(?:es)?|discounts?|"
    r"offensive|crackdown|overhaul|reorgani[sz]ation|shake-?up)(?=[\s,.;:]|$)"
    r"|^\W*(?:from|in|on|at|after|over|across|throughout|later|soon|\d{4})\b", _I)
# "buys more Nvidia chips", "to buy TSMC's entire 2nm capacity": the company makes the object.
_GOODS_OBJECT = re.compile(
    r"^\W*(?:(?:more|some|large numbers of|millions of|thousands of|all of|all|[\d,.]+)\s+)?"
    r"(?:[A-Z][\w&.-]*(?:['’]s)?\s+){1,3}?(?:(?:entire|whole|new|latest|[\w.-]*\d[\w.-]*)\s+)*"
    r"(?:chips|gpus|GPUs|processors|accelerators|servers|capacity|output|supply|supplies|"
    r"products|devices|equipment|hardware|credits|licen[cs]es|ads|advertising|power|"
    r"electricity|components|parts|panels|batteries|memory|wafers|vehicles|cars|trucks|"
    r"planes|aircraft|jets|robotaxis|units)\b|^\W*time\b")
_NOT_FUNDING = re.compile(
    r"^ (?:its |their |the )?(?:[\w-]+ ){0,3}(?:forecast|guidance|outlook|prices?|dividends?|"
    r"estimates?|targets?|rates?|concerns?|questions?|fees?)\b|^[^;]{0,30}\b(?:per|a) share\b"
    r"|^[^;]{0,30}\b(?:in|of|worth of) (?:new )?(?:orders|revenue|sales|contracts|bookings|"
    r"profits?|damages|fines)\b",
    _I)
_DELAYED_THING = re.compile(
    r"\b(?:launch|release|rollout|roll-out|debut|availability|shipments?|shipping|introduction|"
    r"model|products?|devices?|phones?|smartphones?|chips?|processors?|vehicles?|cars?|trucks?|"
    r"robotaxis?|features?|updates?|games?|consoles?|headsets?|glasses|services?|apps?|"
    r"first deliver(?:y|ies)|deliver(?:y|ies) of|production|"
    r"software|versions?|drugs?|therap(?:y|ies)|vaccines?|planes?|aircraft|jets?|rollouts?|"
    r"upgrades?|tiers?|"
    r"subscriptions?|expansions?|films?|movies?|sequels?|seasons?|albums?|editions?|bundles?|"
    r"introduc\w+|launching|releasing|rolling out|"
    r"[A-Z][\w-]*\s\d+\w*)\b")
_DELAY_BEFORE = re.compile(r"\b(?:delay\w*|postpon\w*|push\w* back|shelv\w*|defer\w*|pause\w*|"
                           r"scrap\w*|cancel\w*|abandon\w*|ditch\w*|hold\w* back|held back|"
                           r"hold\w* off|held off|on hold)\b[^.;]{0,40}$", _I)
_LEGAL_NOUN = re.compile(r"\b(?:court|judge|jury|lawsuit|antitrust|infring\w+|violat\w+|"
                         r"illegal\w*|unlawful\w*|liable)\b", _I)
_TRANSITIVE_DEPARTURE = re.compile(
    r"oust|fire|sack|push|forced|let go|los|dismiss|part", _I)
# "let go of 90 engineers", "dismissed most of its team": a bulk cut is layoffs, not a departure.
_BULK_PEOPLE = re.compile(
    r"^\s*(?:of )?(?:about |around |some |nearly |more than |over |roughly |up to |almost )?"
    r"(?:\d[\d,.]*\b|hundreds\b|thousands\b|dozens\b|most\b|many\b|half\b|a third\b|"
    r"the (?:majority|bulk|rest)\b|(?:the |its |their )?(?:entire |whole )?(?:[\w-]+ )?"
    r"(?:team|staff|workforce)\b)", _I)
# "hires retired Boeing executive", "a retired general": the adjective, not the event.
_RETIRED_ADJECTIVE = re.compile(r"\b(?:a|an|the|hires?|hired|hiring|names?|named|appoint\w*|"
                                r"taps?|tapped|recruit\w*|adds?|added)\s+$", _I)
_HIRE_VERB_BEFORE = re.compile(r"\b(?:hire[sd]?|hiring|lur(?:e|es|ed|ing)|recruit\w*|"
                               r"poach\w*|tap(?:s|ped)|brought|bring(?:s|ing)?|appoint\w*|"
                               r"named|names|chose|chosen|picked|selected)\b", _I)
# A person named by a pronoun or a bare surname: "confirmed her exit", "said Solberg would".
_PRONOUN_PERSON = re.compile(r"\b(?:his|her)\s+$", _I)
_SURNAME_SUBJECT = re.compile(
    r"[a-z,]\s+([A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)(?:['’]s)?\s+(?:(?:had|has|have|would|will|"
    r"is|was|is to|has now|also)\s+)?$")
# Launches stated of the product ("went on sale") say nothing when the subject is not one.
_NOT_AVAILABLE = re.compile(
    r"\b(?:results|reports?|data|figures|tickets|shares|stock|details|filings?|transcripts?|"
    r"documents?|records?|statements?|minutes|recordings?|replays?|webcasts?|prospectus|"
    r"earnings|guidance|bonds|notes|offering)\b[^,;]{0,25}$", _I)
# "picked up Klangwerk, a Hamburg maker": 'pick up' is a purchase only with deal words around.
_DEAL_CONTEXT = re.compile(
    r"\b(?:for (?:an? )?(?:undisclosed|US\$|\$|€|£|about|around|roughly|nearly|more than)|"
    r"deal|acquisitions?|takeover|maker|startup|start-up|developer|provider|studio)\b", _I)
# "lets users buy products": the buyers are people, not the company.
_PEOPLE_BUY = re.compile(
    r"\b(?:users|customers|consumers|shoppers|buyers|people|fans|members|drivers|merchants|"
    r"households|traders|readers|viewers|subscribers|patients|students)\s+(?:to\s+|can\s+|"
    r"could\s+|will\s+|who\s+)?$", _I)
# "upgraded IBM to buy": an analyst rating, not a purchase.
_RATING = re.compile(r"\b(?:upgrad|downgrad|reiterat|rat(?:es|ed|ing)\b)\w*[^.;]{0,40}$", _I)
_RATING_AFTER = re.compile(r"\s*(?:[,.;]|$|rating|from (?:hold|sell|neutral))", _I)
# "scrapped plans to launch a service": the plan must be for a launch.
_PLANNED_LAUNCH = re.compile(
    r"^\s*(?:launch|release|introduce|roll out|debut|unveil|start (?:selling|offering|shipping|"
    r"an? |its |their )|offer (?:an? |its |their )|sell (?:an? |its |their ))"
    r"|^\s*(?:an? |its |their |the )?(?:[\w-]+ ){0,3}?(?:service|product|app|device|launch|"
    r"model|car|vehicle|phone|tier|network|platform|game|console|film|rollout|release)s?\b",
    _I)
_LEAVE = re.compile(r"leav|left|exit|quit|depart(?!ure)", _I)
# What one leaves when it is a departure: a company, a post, or nothing ("is leaving.").
_LEFT_WHAT = re.compile(
    r"\s*(?:$|[,.;:—]|(?:the|its|his|her|their) (?:[\w-]+ ){0,2}(?:company|firm|board|group|"
    r"startup|start-up|business|role|post|position|job|team|bank|lab|unit|helm|chair|parent|giant|"
    r"maker|employer|organi[sz]ation|retailer|lender|insurer|carrier|airline|studio|"
    r"conglomerate|\w+maker)s?\b|(?:board|post|role|position|job|helm|company|firm)\b|"
    r"[A-Z]|(?:to|for|after|in|at|on|as|when|effective|later|next|this|by|with|amid|"
    r"immediately|early|later)\b)")
# "left Seoul for Washington", "is leaving for a trip", "left the board meeting": a place or
# an occasion, not the employer.
_LEFT_ELSEWHERE = re.compile(
    r"\s*(?:for (?:a |an |the |his |her |their )?(?:[\w-]+ )?(?:trip|vacation|holiday|visit|"
    r"meeting|tour|summit|conference|lunch|dinner|talks|event|break)s?\b|(?:the |a |an )?"
    r"(?:[\w.'’-]+ ){0,3}(?:meeting|conference|event|summit|stage|building|office|offices|"
    r"headquarters|campus|room|hearing|courtroom|trial|forum|show|party|dinner|talks|keynote|"
    r"call|country|city|hospital)s?\b)", _I)
_CAPITAL_WORD = re.compile(r"\s*([A-Z][\w.-]*)")
# "faces possible suit", "a potential fine": not yet an event.
_HEDGED_OBJECT = re.compile(r"\s+(?:a |an |the )?(?:possible|potential|threatened|likely|"
                            r"prospective|proposed|looming)\b", _I)
_DATED_PAST = re.compile(r"(?:19|20)\d\d|\bago\b|\blast\b|\bpast\b|\bprevious\b|\bprior\b", _I)
_RECENTLY = re.compile(r"\b(?:newly|recently|newly-|recently-)\s?$", _I)


def context(text: str, spec: TriggerSpec, start: int, end: int, ref_year: int) -> str | None:
    """Why the context rules this trigger out (denied, negated, hypothetical, past), or None."""
    before, after = text[:start], text[end:]
    said = cues.denial(text, legal=spec.event_type == "legal")
    if said:
        return f"denied ({said!r})"
    negated = cues.negation(before)
    if negated:
        return f"negated ({negated!r})"
    maybe = cues.hypothetical(before)
    if maybe:
        return f"hypothetical ({maybe!r})"
    if spec.event_type != "acquisition":
        weighing = cues.weighing(before)
        if weighing:
            return f"only considered ({weighing!r})"
    past = cues.history(before, text[start:end], after, ref_year)
    if past and spec.event_type == "legal" and past.lower().startswith("former"):
        past = None  # "a former executive sued": 'former' describes the plaintiff
    # A deal called off after talks is news, unless a date puts the whole story in the past.
    if past and not (spec.event_type == "acquisition" and not _DATED_PAST.search(past)
                     and cues.acquisition_stage(text, "") == "terminated"):
        return f"background, not news ({past!r})"
    if spec.event_type == "product_launch" and _DELAY_BEFORE.search(before):
        return "the launch is what was delayed"
    hedge = _HEDGED_OBJECT.match(text, end)
    if hedge and spec.event_type != "acquisition":  # deals keep a "rumored" stage instead
        return f"hypothetical ({hedge.group().strip()!r})"
    if not before.strip(" \"'“‘") and _TRANSITIVE_DEPARTURE.match(text, start, end):
        return "no subject: a noun ('Fires in ...'), not someone firing"
    return None


def before_parties(text: str, spec: TriggerSpec, start: int, end: int,
                   mentions: list[Mention]) -> str | None:
    """What the trigger's neighbourhood must hold: a person for hires, a product for launches."""
    after = text[end:]
    if NEEDS_EXEC in spec.needs:
        # A company name is not a person: "Sentrylane will join Google Cloud".
        text = _mask(text, mentions)
        if spec.event_type == "executive_departure":
            # Who leaves is the subject ("CEO Jane Doe resigned") or, for "ousts"/"fired",
            # the object; a title elsewhere in the sentence does not make it a departure.
            transitive = _TRANSITIVE_DEPARTURE.match(text, start, end)
            window = _clause_before(text, start) + (" " + text[start:end + 50] if transitive
                                                    else "")
        elif spec.name == "hire_active":
            # Who is hired is the object: "appoints Jane Park as CFO", "lured three researchers".
            window = text[end:end + 70]
        elif spec.name in ("hire_passive", "hire_joins", "hire_joins_as"):
            window = _clause_before(text, start) + " " + text[end:end + 50]
        elif spec.name == "hire_leaves_for":  # the title may sit inside: "lost its CFO to"
            window = _clause_before(text, start) + " " + text[start:end + 50]
        else:
            window = text[max(0, start - 80):end + 80]
        if not EXEC_TITLE_RE.search(window) and parties.find_person(window, [], 0) is None \
                and not (spec.event_type == "executive_departure" and _person_by_reference(
                    text, start)):
            return "no executive or person named"
        if spec.event_type == "executive_departure" and _TRANSITIVE_DEPARTURE.match(
                text, start, end) and _BULK_PEOPLE.match(after):
            return "a bulk cut (layoffs), not an executive"
        if spec.event_type == "executive_hire" and _RECENTLY.search(text, max(0, start - 12),
                                                                    start):
            return "a past appointment ('recently appointed'), not news"
        if spec.event_type == "executive_hire" and _BULK_HIRING.search(after):
            return "bulk hiring, not an executive"
        if spec.event_type == "executive_hire" and _HIRED_A_FIRM.search(after):
            return "hired a firm, not an executive"
        if spec.event_type == "executive_hire" and _ADVISER.search(after[:80]):
            return "engaged an adviser, not an executive"
        if spec.name == "hire_active" and _RECRUITING.search(after):
            return "recruiting staff, not an executive"
        if spec.name == "hire_active" and _NAMED_AFTER.match(text, start, end + 50):
            return "named a thing after someone, not an appointment"
        if spec.event_type == "executive_hire" and text[start:end].lower().endswith(
                "named") and after.startswith(" after"):
            return "named a thing after someone, not an appointment"
    if spec.event_type == "executive_departure" and _LEAVE.match(text, start, end) and (
            not _LEFT_WHAT.match(after) or _LEFT_ELSEWHERE.match(after)
            or _left_a_place(after)) and not _PRONOUN_PERSON.search(text, max(0, start - 6),
                                                                    start):
        return "left something other than a company or a post"
    if spec.event_type == "executive_departure" and text[start:end].lower() == "retired" and (
            _RETIRED_ADJECTIVE.search(text, max(0, start - 20), start)):
        return "'retired' describes someone hired, not a departure"
    if spec.name == "hire_become" and _HIRE_VERB_BEFORE.search(_clause_before(text, start)):
        return "the hire is stated by its own verb"
    if NEEDS_PRODUCT in spec.needs and _NOT_A_PRODUCT.search(after):
        return "not a product launch"
    if NEEDS_AVAILABLE_THING in spec.needs and _NOT_AVAILABLE.search(_clause_before(text, start)):
        return "what became available is not a product"
    if spec.name == "delay_scrap_plans" and not _PLANNED_LAUNCH.match(after):
        return "the plan was not a launch"
    if NEEDS_DELAYED_THING in spec.needs:
        where = text[:start] if spec.passive else after[:80]
        if spec.name == "delay_slip":  # "the Vision Pro 2 slips to 2027", "pushes X to spring"
            where = text[max(0, start - 60):start] + " " + after[:80]
        if spec.name != "delay_scrap_plans" and not _DELAYED_THING.search(where) and (
                spec.passive or _NOT_A_PRODUCT.search(after)
                or not _named_thing(after, mentions, end)) and not (
                (spec.passive or spec.name == "delay_slip")
                and _named_subject(text, mentions, start)):
            return "nothing launched is delayed"
    if spec.name == "inv_raise" and _NOT_FUNDING.search(after):
        return "raised a forecast or price, not money"
    if NEEDS_LEGAL in spec.needs and not _LEGAL_NOUN.search(text):
        return "no legal context"
    if spec.event_type == "acquisition" and _STAKE_OBJECT.search(after):
        return "a stake or a quantity of goods, not a takeover"
    if spec.event_type == "acquisition" and _GOODS_OBJECT.search(after[:60]):
        return "goods or capacity bought from a company, not the company"
    if spec.name == "acq_verb":
        verb = text[start:end].lower()
        if verb.startswith("pick") and not _DEAL_CONTEXT.search(text):
            return "picked up something other than a company"
        if _PEOPLE_BUY.search(text, max(0, start - 40), start):
            return "people buying goods, not a company buying a company"
        if verb == "buy" and _RATING.search(text, max(0, start - 60), start) and (
                _RATING_AFTER.match(after)):
            return "an analyst rating, not a purchase"
    return None


def _person_by_reference(masked: str, start: int) -> bool:
    """'confirmed her exit', 'said Solberg would step down': the person named in passing."""
    before = masked[max(0, start - 60):start]
    if _PRONOUN_PERSON.search(before):
        return True
    surname = _SURNAME_SUBJECT.search(before)
    return surname is not None and surname.group(1).lower() not in NOT_A_COMPANY


def _named_subject(text: str, mentions: list[Mention], start: int) -> bool:
    """A product's proper name as the subject: "the revamped Siri would be pushed to 2027"."""
    clause = _clause_before(_mask(text, mentions), start)
    return parties.name_before(clause, len(clause)) is not None


def _left_a_place(after: str) -> bool:
    """'left Seoul', 'leaving London': a capitalised object that is a place, not a company."""
    word = _CAPITAL_WORD.match(after)
    return word is not None and word.group(1).lower().rstrip(".") in NOT_A_COMPANY


def _mask(text: str, mentions: list[Mention]) -> str:
    """``text`` with each company mention blanked out (same length, no capitals)."""
    for mention in mentions:
        text = text[:mention.start] + "x" * (mention.end - mention.start) + text[mention.end:]
    return text


def leaves_employer(text: str, start: int, end: int) -> bool:
    """Whether 'joins' takes the person away from the company before it.

    A board seat is held alongside the day job ("Netflix founder joins Anthropic's board"),
    and in "hired X's head of research to join its lab" the company before 'join' hires.
    """
    if _BOARD_SEAT.match(text, end):
        return False
    return _HIRED_TO.search(text, max(0, start - 120), start) is None


_BOARD_SEAT = re.compile(r"\s+(?:the |its |their )?(?:[\w&.'’-]+ ){0,3}?(?:advisory )?"
                         r"board\b(?! as (?:chair|chief|ceo|president))", _I)
_HIRED_TO = re.compile(r"\b(?:hire[sd]?|hiring|brought|bring(?:s|ing)?|lur(?:e|es|ed|ing)|"
                       r"recruit\w*|poach\w*|tap(?:s|ped)|named|appoint\w*|sign(?:s|ed))\b"
                       r"[^;]{0,80} to $", _I)


def _clause_before(text: str, start: int) -> str:
    """The words from the start of the trigger's clause (or 100 characters) up to it."""
    head = text[max(0, start - 100):start]
    cut = max(head.rfind(";"), head.rfind(" but "), head.rfind(" and "))
    return head[cut + 1:] if cut >= 0 else head


def _named_thing(after: str, mentions: list[Mention], end: int) -> bool:
    """A proper name (not a watched company) right after a delay verb: 'delays Cybercab'."""
    name = parties.name_after(after, 0, skip=2)
    if name is None:
        return False
    at = after.find(name)
    return not any(m.start <= end + at < m.end for m in mentions)


def after_parties(text: str, spec: TriggerSpec, end: int, lefts: int,
                  rights: list[tuple[str, bool]]) -> str | None:
    """What the parties found must add up to; ``rights`` holds (role, watched) pairs."""
    if (NEEDS_TARGET in spec.needs and not any(role in ("target", "") for role, _ in rights)
            and not _GENERIC_COMPANY.search(text[end:end + 60])):
        return "no company named as the target"
    if NEEDS_COMPANY_RIGHT in spec.needs and not rights:
        return "no company named after the trigger"
    if NEEDS_LEFT in spec.needs and not lefts:
        return "nobody on the hiring side"
    if NEEDS_TWO in spec.needs and lefts + len(rights) < 2:
        return "a partnership needs two named parties"
    if (spec.name == "acq_passive" and text[:end].lower().endswith("sold to") and not rights
            and not _GENERIC_COMPANY.search(text[end:end + 60])):
        return "sold to customers, not to a buyer"
    return None
