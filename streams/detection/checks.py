"""Conditions a trigger must meet before it is an event: context, objects, parties.

Each check returns the reason it fails (shown by ``rules explain``) or None.
"""

from __future__ import annotations

import re

from streams.detection import cues, parties
from streams.detection.companies import Mention
from streams.detection.triggers import (
    EXEC_TITLE_RE,
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
_GENERIC_COMPANY = re.compile(
    r"^\W*(?:[\w$.,%-]+ ){0,4}?(?:startups?|start-ups?|company|companies|firms?|makers?|"
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
_BULK_HIRING = re.compile(r"^\W*(?:about |some |more than |up to |over )?[\d,]+\s?(?:k |,000 )?"
                          r"(?:new |seasonal |additional )?(?:workers|employees|people|staff|"
                          r"engineers|jobs)\b", _I)
_NOT_A_PRODUCT = re.compile(
    r"^\W*(?:a |an |the |its |their |new )?(?:[\w-]+ ){0,2}?(?:investigations?|probes?|"
    r"inquir(?:y|ies)|reviews?|audits?|bids?|offers?|campaigns?|lawsuits?|suits?|attacks?|"
    r"strikes?|appeals?|challenges?|initiatives?|programs?|programmes?|efforts?|funds?|"
    r"searches?|hunts?|tenders?|IPO|buybacks?|restructuring|rockets?|satellites?|missions?|"
    r"missiles?|reports?|statements?|results|earnings|data|figures|guidance|forecasts?|"
    r"layoffs?|plans?|talks|negotiations|prisoners?|hostages?|polic(?:y|ies)|rules|"
    r"legislation|measures|changes|fees|pricing|prices|tariffs?|bills?|guidelines|"
    r"headquarters|surveys?|studies|study|warnings?|alerts?|recalls?|updates? on)(?=[\s,.;:]|$)"
    r"|^\W*(?:from|in|on|at|after|\d{4})\b", _I)
_NOT_FUNDING = re.compile(
    r"^ (?:its |their |the )?(?:[\w-]+ ){0,3}(?:forecast|guidance|outlook|prices?|dividends?|"
    r"estimates?|targets?|rates?|concerns?|questions?|fees?)\b|^[^;]{0,30}\b(?:per|a) share\b",
    _I)
_DELAYED_THING = re.compile(
    r"\b(?:launch|release|rollout|roll-out|debut|availability|shipments?|shipping|introduction|"
    r"model|products?|devices?|phones?|smartphones?|chips?|processors?|vehicles?|cars?|trucks?|"
    r"robotaxis?|features?|updates?|games?|consoles?|headsets?|glasses|services?|apps?|"
    r"first deliver(?:y|ies)|deliver(?:y|ies) of|production|"
    r"software|versions?|drugs?|planes?|aircraft|jets?|rollouts?|upgrades?|"
    r"[A-Z][\w-]*\s\d+\w*)\b")
_DELAY_BEFORE = re.compile(r"\b(?:delay\w*|postpon\w*|push\w* back|shelv\w*|defer\w*|pause\w*|"
                           r"hold\w* off|held off|on hold)\b[^.;]{0,40}$", _I)
_LEGAL_NOUN = re.compile(r"\b(?:court|judge|jury|lawsuit|antitrust|infring\w+|violat\w+|"
                         r"illegal\w*|unlawful\w*|liable)\b", _I)
_TRANSITIVE_DEPARTURE = re.compile(
    r"oust|fire|sack|push|forced|let go|los", _I)
_LEAVE = re.compile(r"leav|left|exit|quit|depart(?!ure)", _I)
# What one leaves when it is a departure: a company, a post, or nothing ("is leaving.").
_LEFT_WHAT = re.compile(
    r"\s*(?:$|[,.;:—]|(?:the|its|his|her|their) (?:[\w-]+ )?(?:company|firm|board|group|startup|"
    r"start-up|business|role|post|position|job|team|bank|lab|unit|helm|chair)s?\b|"
    r"[A-Z]|(?:to|for|after|in|at|on|as|when|effective|later|next|this|by|with|amid|"
    r"immediately|early|later)\b)")
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
    if past and not (spec.event_type == "acquisition" and cues.acquisition_stage(
            text, "") == "terminated"):
        return f"background, not news ({past!r})"
    if spec.event_type == "product_launch" and _DELAY_BEFORE.search(before):
        return "the launch is what was delayed"
    return None


def before_parties(text: str, spec: TriggerSpec, start: int, end: int,
                   mentions: list[Mention]) -> str | None:
    """What the trigger's neighbourhood must hold: a person for hires, a product for launches."""
    after = text[end:]
    if NEEDS_EXEC in spec.needs:
        if spec.event_type == "executive_departure":
            # Who leaves is the subject ("CEO Jane Doe resigned") or, for "ousts"/"fired",
            # the object; a title elsewhere in the sentence does not make it a departure.
            transitive = _TRANSITIVE_DEPARTURE.match(text, start, end)
            window = _clause_before(text, start) + (" " + text[end:end + 50] if transitive else "")
        elif spec.name == "hire_active":
            # Who is hired is the object: "appoints Jane Park as CFO", "lured three researchers".
            window = text[end:end + 70]
        elif spec.name in ("hire_passive", "hire_joins", "hire_joins_as", "hire_leaves_for"):
            window = _clause_before(text, start) + " " + text[end:end + 50]
        else:
            window = text[max(0, start - 80):end + 80]
        if not EXEC_TITLE_RE.search(window) and parties.find_person(window, [], 0) is None:
            return "no executive or person named"
        if spec.event_type == "executive_hire" and _RECENTLY.search(text, max(0, start - 12),
                                                                    start):
            return "a past appointment ('recently appointed'), not news"
        if spec.event_type == "executive_hire" and _BULK_HIRING.search(after):
            return "bulk hiring, not an executive"
        if spec.event_type == "executive_hire" and _HIRED_A_FIRM.search(after):
            return "hired a firm, not an executive"
    if spec.event_type == "executive_departure" and _LEAVE.match(text, start, end) and not (
            _LEFT_WHAT.match(after)):
        return "left something other than a company or a post"
    if NEEDS_PRODUCT in spec.needs and _NOT_A_PRODUCT.search(after):
        return "not a product launch"
    if NEEDS_DELAYED_THING in spec.needs:
        where = text[:start] if spec.passive else after[:80]
        if not _DELAYED_THING.search(where) and (
                spec.passive or _NOT_A_PRODUCT.search(after)
                or not _named_thing(after, mentions, end)):
            return "nothing launched is delayed"
    if spec.name == "inv_raise" and _NOT_FUNDING.search(after):
        return "raised a forecast or price, not money"
    if NEEDS_LEGAL in spec.needs and not _LEGAL_NOUN.search(text):
        return "no legal context"
    if spec.event_type == "acquisition" and _STAKE_OBJECT.search(after):
        return "a stake or a quantity of goods, not a takeover"
    return None


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
    return None
