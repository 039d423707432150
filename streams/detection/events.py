"""Classify one sentence: triggers, context cues, and who plays which role."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import checks, cues, parties
from .amounts import find_amounts, nearest_amount
from .companies import Mention
from .lexicon import DEMONYMS, EXEC_TITLES, PEOPLE_PLURALS, PERFORMERS
from .tolerant import tolerant
from .triggers import (
    COMPILED,
    EXEC_TITLE_RE,
    SPECS,
    TriggerSpec,
    candidate_types,
    match_inside,
    possible_specs,
    trigger_matches,
)

_I = re.IGNORECASE
MAX_TRIGGERS_PER_TYPE = 12
_REPORTING = re.compile(r"\b(?:said|says|announced|confirmed|told|reported|that)\b", _I)
_ITS = re.compile(r"\b(?:its|their)\b", _I)
# An opener and "the <description> company" before a sentence's own subject name, and the name
# (an appositive may follow it).
_OPENER = (r"(?:(?:On|In|At|Later|Earlier|Meanwhile|Separately|Also|The same|That same)\b"
           r"[\w ]{0,25}?,\s+)?")
_DESCRIBED = r"[Tt]he\s+(?:[\w-]+\s+){0,3}?" + cues.COMPANY_NOUNS + r"\s+"
_NOT_A_NAME = (r"(?!(?:It|He|She|They|We|This|That|These|Those|Its|Their|The|A|An|Company|"
               r"Board|Group|Corporation)\b)")
_SUBJECT_NAME = r"([A-Z][\w&.'’-]+(?: [A-Z][\w&.'’-]+){0,3})(?:, [^;]{1,120}?,)? "
# A sentence opening with a capitalised name and a reporting verb ("On the same day, the
# Norwegian energy company Nordhav Energi said": after an opener and a description).
_UNWATCHED_SUBJECT = re.compile(r"(?:" + _OPENER + _DESCRIBED + r"|The )?" + _NOT_A_NAME
                                + _SUBJECT_NAME + r"(?:said|says|announced|confirmed|"
                                r"has agreed|agreed|plans|will|has|is)\b")
# "The Karlsruhe software company Kranich Software takes over ...": the company noun opens
# the sentence in apposition to the name of the subject, whatever its verb.
_NAMED_COMPANY_SUBJECT = re.compile(_OPENER + _DESCRIBED + _NOT_A_NAME
                                    + r"(?!(?:On|In|At|For|By|With|From)\b)" + _SUBJECT_NAME
                                    + r"(?:[a-z]+ ){0,2}?[a-z]+s?\b")
_NEXT_JOB = re.compile(r"\bto (?:become|join|lead|run|head|take|serve)\b|\bfor\b", _I)
# "Brightwater, now part of Uber Freight, names an Uber Freight executive": a move inside
# one group is no departure from it.
# "the two companies signed a partnership": both parties named earlier in the sentence.
_SELL_NAMED_UNIT = next(spec for spec in SPECS if spec.name == "acq_sell_named_unit")
_THE_PAIR = re.compile(cues.THE_PAIR + r"[^;,]{0,20}$", _I)
# "..., Alphabet confirmed on Thursday": the source of the sentence is the company it is about.
_ATTRIBUTION = re.compile(r",\s*$")
# The company named before, called by what it is: "sued the company", "against the studio".
# (not "sued the startup she joined after leaving Intel": a clause saying which company is
# another one)
_THE_COMPANY = re.compile(r"\s+the " + cues.COMPANY_NOUNS + r"\b(?!\s+(?:she|he|they|we|I)\b|"
                          r"\s+(?:that|which|who)\s+(?:hired|employed|acquired|bought|poached|"
                          r"recruited)\b)", _I)
_SAID_AFTER = re.compile(r"\s+(?:said|says|confirmed|confirms|announced|announces|told)\b", _I)
_ATTRIBUTED_TYPES = frozenset({"executive_departure", "product_launch", "launch_delay", "layoffs"})
# "GM and Chrysler offer buyouts", "Freddie Mac, Lehman Brothers and AIG are being
# scrutinized": every company of a listed subject does what the verb says. (Not for people
# events, where "Apple and Google's former CEO" names one employer.)
_SHARED_SUBJECT_TYPES = frozenset({"layoffs", "legal", "product_launch", "launch_delay"})
_PEOPLE_MOVES = ("executive_hire", "executive_departure")
_PARENT_OF = re.compile(r"\b(?:part of|unit of|subsidiary of|division of|arm of|owned by|"
                        r"acquired by|bought by)\s+(?:the\s+)?$", _I)


@dataclass
class Finding:
    """One event candidate found in a sentence, accepted or (with a reason) rejected."""

    event_type: str
    company: str
    role: str | None
    sentence: str
    sentence_index: int
    trigger: str
    rule: str
    confidence: float
    accepted: bool = True
    reason: str = ""
    # Rejected as background because words of its own date it before the article: those
    # words ("in November 2022", "three years ago"); the newsworthiness step sets the date
    # that governs it.
    past: str = ""
    counterparty: str | None = None
    person: str | None = None
    amount: str | None = None
    amount_usd: float | None = None
    stage: str | None = None
    product: str | None = None
    notes: list[str] = field(default_factory=list)
    # Sentence offsets of the company's mention and of the trigger (-1 when not known).
    mention_start: int = -1
    trigger_start: int = -1
    # Set by the newsworthiness step (newsworthy.py): where and how the event is stated.
    zone: str = "body"
    tense: str = "present"
    dated_now: bool = False  # a date of this week (or a plan's future date) governs it
    same_story: bool = False  # the headline or lead reports the same event
    past_setting: bool = False  # the sentence is set in the past (a past date, none today)
    no_history: bool = False  # the article names no past date at all: it is about the present
    about_headline: bool = False  # the company (or its counterparty) is named in the headline
    brand: str | None = None  # the text named this brand of the company ("Instagram")
    people: list[str] = field(default_factory=list)  # everyone hired or leaving, person first
    # "have settled IBM's 2025 patent suit": a year after the trigger is its object's (the
    # trigger's "settles" trait)
    object_dated: bool = False


@dataclass
class _Side:
    mention: Mention | None
    name: str | None
    role: str
    via: str = "text"


def classify(index: int, text: str, mentions: list[Mention], topic: Mention | None,
             ref_year: int, pair: tuple[Mention, ...] = (), body: str = "",
             previous: tuple[str, ...] = ()) -> list[Finding]:
    """Every event candidate in sentence ``text``; ``mentions`` use sentence offsets.
    ``pair``: the two companies an earlier sentence named together, for "the companies".
    ``body``: the unwatched league, agency or the like the last sentence was about, which
    "it" or "its" opening this one stands for (``topic`` is then None). ``previous``: the
    sentences before, for the person "she" or "he" stands for."""
    out: list[Finding] = []
    seen = tolerant(text)
    possible = possible_specs(seen.text)
    types = candidate_types(possible)
    for event_type in COMPILED:
        if event_type not in types:
            continue
        # The matches of the type's regex, found by the regexes of the triggers whose
        # required strings occur in the sentence (triggers.trigger_matches says why they
        # are the same).
        for number, (spec, found_start, found_end) in enumerate(
                trigger_matches(event_type, seen.text, possible)):
            if number >= MAX_TRIGGERS_PER_TYPE:
                break  # no real sentence states one kind of event more often than this
            start, end = seen.span(found_start, found_end)
            found = _candidate(index, text, mentions, topic, ref_year, spec, start, end, pair,
                               body, previous)
            out.extend(found)
            if len(found) == 1 and found[0].reason.startswith(_NAME_REASONS):
                # The span began in a name ("Qatar Investment Authority has raised its stake
                # in"): a trigger inside it, which the longer match hid, is read on its own.
                inner = match_inside(event_type, seen.text, possible, found_start, found_end)
                if inner is not None:
                    start, end = seen.span(inner[1], inner[2])
                    out.extend(_candidate(index, text, mentions, topic, ref_year, inner[0],
                                          start, end, pair, body, previous))
    _one_sense_per_phrase(out)
    return out


# Why a trigger that begins inside a name is turned down (checks.before_parties).
_NAME_REASONS = ("part of the name ", "a capitalised word, part of a name ")


# Triggers this close to one a sense guard turned down belong to the same phrase.
_SAME_PHRASE = 40
_OWN_CLAUSE = re.compile(r", (?:which|who|that|whose)\b")


def _one_sense_per_phrase(findings: list[Finding]) -> None:
    """"hopes to secure $2 billion in funding from Nvidia", "faced complaints from
    customers": once a guard reads a phrase in its everyday sense, another trigger word of
    the same type in that phrase ("funding from", "faced") does not report it anyway."""
    guarded = [(f.event_type, f.trigger_start, f.reason) for f in findings
               if not f.accepted and f.trigger_start >= 0 and f.reason in checks.SENSE_REASONS]
    for finding in findings:
        if not finding.accepted:
            continue
        for event_type, at, reason in guarded:
            first, last = sorted((finding.trigger_start, at))
            if event_type == finding.event_type and last - first <= _SAME_PHRASE and not (
                    # "acquire Tillpoint, which sells software": a clause of its own
                    _OWN_CLAUSE.search(finding.sentence, first, last)):
                finding.accepted = False
                finding.reason = f"{reason} (the same phrase)"
                break


def _reject(index: int, text: str, spec: TriggerSpec, trigger: str, reason: str,
            start: int = -1, past: str = "") -> Finding:
    return Finding(spec.event_type, "", None, text, index, trigger, spec.name, 0.0, False, reason,
                   past=past, trigger_start=start)


def _candidate(index: int, text: str, mentions: list[Mention], topic: Mention | None,
               ref_year: int, spec: TriggerSpec, start: int, end: int,
               pair: tuple[Mention, ...] = (), body: str = "",
               previous: tuple[str, ...] = ()) -> list[Finding]:
    trigger = text[start:end]
    if spec.has("sells_named") and not checks.sells_company(text, end, mentions) and (
            checks.sells_named_unit(text, end)):
        # "agreed to sell Loomwise to Carrow Partners for $900 million": an unwatched
        # business of the seller, sold to a named buyer; the seller stands for it
        spec = _SELL_NAMED_UNIT
    verdict = checks.context(text, spec, start, end, ref_year)
    if verdict is not None:
        return [_reject(index, text, spec, trigger, verdict.reason, start, verdict.past)]
    reason = checks.before_parties(text, spec, start, end, mentions, previous)
    if reason is not None:
        return [_reject(index, text, spec, trigger, reason, start)]
    inside = [m for m in mentions if start <= m.start and m.end <= end and not m.historical]
    if spec.has("company_inside") and inside:
        # "All 187 store locations of Jessops are closing": the stores' owner closes them.
        lefts = [_Side(inside[0], inside[0].surface, spec.left or "", "subject")]
    else:
        lefts = _lefts(text, mentions, topic, spec, start, pair, body) if (
            spec.left is not None) else []
    if spec.has("moves_employer") and not checks.leaves_employer(text, start, end):
        lefts = []
    right_from = start + len(trigger.split()[0]) if spec.right_from_verb else end
    left_companies = {s.mention.company for s in lefts if s.mention is not None}
    own = _own_brand_bought(text, mentions, spec, start, right_from, lefts)
    if own is not None:
        return [_reject(index, text, spec, trigger, f"{own.surface!r} is already "
                        f"{own.company}'s own brand (rules file): the deal is history", start)]
    rights = _rights(text, mentions, spec, right_from, start, end, left_companies)
    if spec.left_if_no_right and any(r.mention is not None and r.role == spec.left
                                     for r in rights):
        lefts = []
    if spec.left_if_no_right and not rights and (
            _AT_UNNAMED.match(text, end) or (spec.event_type == "executive_hire"
                                             and _at_other_body(text, mentions, end))):
        # "is resigning to become chief executive of a data-infrastructure start-up", "will
        # be the new chair of the President's Council": the post is at a company or body the
        # sentence does not name or does not watch, not at the subject's.
        lefts = []
    if spec.has("employer_after") and any(r.mention is None and r.role == spec.left
                                           for r in rights) and not any(
            s.mention is not None and _possessive(text, s.mention) for s in lefts):
        lefts = []  # "IBM veteran named CEO of Rivet Labs": Rivet Labs hires, not IBM
    if spec.has("describer_before") and _headline_passive(text, lefts, start, end):
        lefts = []
    if spec.has("describer_before"):
        post = _named_to_post_at(text, rights, start, end)
        if post is not None:
            # "Netflix veteran named Disney CFO": the company before the title is the new
            # employer, and what stands before the verb only describes the person.
            lefts = []
            rights = [_Side(r.mention, r.name, spec.left or "", r.via) if r is post else r
                      for r in rights]
    if not lefts and spec.event_type == "executive_hire" and spec.has("object_is_person"):
        post_at = _post_after_as(text, mentions, end)
        if post_at is not None:
            # "The appointment of Jun Young-hyun as Samsung's co-CEO was announced": the
            # company of the post the person is named to, when no one is said to hire
            lefts = [_Side(post_at, post_at.surface, spec.left or "", "post")]
    if spec.has("party_inside"):
        rights = rights + [_Side(m, m.surface, spec.left or "", "inside") for m in inside
                           if m.company not in left_companies]
    if spec.event_type == "partnership" and len(lefts) + len(rights) == 1:
        rights = rights + _second_partner(text, mentions, spec, lefts, rights, start, end)
    sides = lefts + rights
    if spec.event_type == "acquisition":
        sides = _defined_deal_roles(text, sides)
    if spec.event_type == "executive_hire":
        sides = [s for s in sides if not _inside_group(text, mentions, s)]
    reason = checks.after_parties(text, spec, end, len(lefts),
                                 [(r.role, r.mention is not None) for r in rights])
    if reason is not None:
        return [_reject(index, text, spec, trigger, reason)]
    watched = [s for s in sides if s.mention is not None]
    if not watched and not rights and spec.left is not None and (
            spec.event_type in _ATTRIBUTED_TYPES):
        source = _attributed(text, mentions, end)
        if source is None and topic is not None and not mentions and (
                cues.said_by_the_company(text, end)):
            # "Lee Sang-woo will step down from the board in August, the company said": the
            # story's company, which the sentence does not name
            source = topic
        if source is not None:
            watched = [_Side(source, source.surface, spec.left, "attribution")]
            sides = sides + watched
    if not watched and not rights and spec.event_type == "legal" and spec.left == "plaintiff":
        own = _people_of_company_before(text, mentions, start)
        if own is not None:
            # "Uber drivers sue, alleging unpaid wages": people described by a company sue
            # it when the sentence names no one else (and the words that name the people,
            # "Eleven former employees", are no party).
            watched = [_Side(own, own.surface, "defendant", "subject")]
            sides = [s for s in sides if s.mention is not None] + watched
    if not watched:
        return [_reject(index, text, spec, trigger, "no watched company in the role")]
    return [_finding(index, text, spec, trigger, start, end, side, sides, mentions)
            for side in watched]


# A deal agreement's defined terms name the buyer: 'Uber Technologies, Inc., a Delaware
# corporation ("Parent")', 'Northwind Robotics ("Buyer")'.
_BUYER_TERM = re.compile(r"\(\s*(?:the\s+)?[\"“](?:Parent|Buyer|Purchaser|Acquir[eo]r|Offeror|"
                         r"Bidder)[\"”]")
_BUYER_DEFINED = re.compile(r"(?:[^()\"“;.]|\.(?=,)|\b(?:Inc|Corp|Co|Ltd|N\.V|S\.A)\.){0,80}?"
                            + _BUYER_TERM.pattern)


def _defined_deal_roles(text: str, sides: list[_Side]) -> list[_Side]:
    """In a merger agreement's sentence the side defined as "Parent" or "Buyer" buys,
    whatever the clause order says ("Harlan Mobility, Inc. (the "Company") entered into an
    Agreement and Plan of Merger with Uber Technologies, Inc. ("Parent")"), and the others
    are bought; when the buyer so defined is not watched, every watched side is bought."""
    if _BUYER_TERM.search(text) is None:
        return sides
    buyers = [s for s in sides if s.mention is not None
              and _BUYER_DEFINED.match(text, s.mention.end) is not None]
    return [_Side(s.mention, s.name, "acquirer" if s in buyers else "target", s.via)
            for s in sides]


# "buys the rest of Hulu", "takes full control of": a brand partly owned, now bought whole.
_REST_OF = re.compile(r"\b(?:rest|remainder|remaining|outstanding|full control|full ownership|"
                      r"all of|the other|minority|majority|\d+(?:\.\d+)?\s?(?:%|percent))\b",
                      re.IGNORECASE)


def _own_brand_bought(text: str, mentions: list[Mention], spec: TriggerSpec, start: int,
                      right_from: int, lefts: list[_Side]) -> Mention | None:
    """"Meta acquires Instagram", "Disney buys Marvel" with Instagram and Marvel listed as
    the buyer's brands: the rules file says the company owns them, so the deal that brought
    them is history (a profile's or a tutorial's aside), not news. The nearest object only,
    and not a stake or the rest of a brand partly owned."""
    left = [s.mention for s in lefts if s.mention is not None]
    if spec.event_type not in ("acquisition", "investment") or not left:
        return None
    found = parties.objects_after(text, mentions, right_from, spec.right_window)
    if not found:
        return None
    mention, _, _ = found[0]
    # "Instagram was acquired by Meta": the brand may stand on either side
    same = [m for m in left if m.company == mention.company]
    if not same or (mention.kind != "brand" and all(m.kind != "brand" for m in same)):
        return None
    if _REST_OF.search(text, start, mention.start):
        return None
    return mention if mention.kind == "brand" else next(m for m in same if m.kind == "brand")


# A company's people who may act against it: "Uber drivers", "employees of Kestrel".
_ITS_PEOPLE = (r"(?:drivers|workers|employees|contractors|staff|staffers|shareholders|"
               r"stockholders|investors|customers|users|subscribers|riders|engineers|"
               r"moderators|pilots|franchisees|retirees)")
_THEIR_PEOPLE = re.compile(r"['’]?s?\s+(?:[\w-]+\s+){0,2}?" + _ITS_PEOPLE
                           + r"\s+(?:have\s+|has\s+)?$", re.IGNORECASE)


# "Eleven former employees of Kestrel Payments filed": the people before the company.
_PEOPLE_OF = re.compile(r"\b" + _ITS_PEOPLE + r"\s+(?:of|at)\s+$", re.IGNORECASE)
_THEN_VERB = re.compile(r"\s+(?:(?:have|has)\s+)?$")


def _people_of_company_before(text: str, mentions: list[Mention], start: int) -> Mention | None:
    """The company whose people stand as the subject right before the trigger ("Uber drivers
    sue", "former Kestrel staff file", "former employees of Kestrel filed"): their employer
    is named as it was, so a 'former' before it still names the company sued now."""
    for mention in reversed(mentions):
        if mention.end <= start and start - mention.end <= 40:
            if _THEIR_PEOPLE.fullmatch(text, mention.end, start):
                return mention
            if _THEN_VERB.fullmatch(text, mention.end, start) and _PEOPLE_OF.search(
                    text, max(0, mention.start - 40), mention.start):
                return mention
            return None
    return None


_DEAL_NOUN_TRIGGER = re.compile(r"(?:investment|stake|takeover|acquisition|purchase|"
                                r"buyout)s?\b", re.IGNORECASE)
_OWNER_GAP = re.compile(r"['’]s?\s+(?:[\w$€£.-]+\s+){0,4}", re.IGNORECASE)


def _owner_of_deal_noun(text: str, mentions: list[Mention], spec: TriggerSpec,
                        start: int) -> Mention | None:
    """The company named in the possessive right before a deal noun ("Alphabet's latest
    investment in", "into Nvidia's $5 billion stake in"), or None."""
    if spec.event_type not in ("investment", "acquisition") or not _DEAL_NOUN_TRIGGER.match(
            text, start):
        return None
    before = [m for m in mentions if m.end <= start and not m.historical]
    if not before or not _OWNER_GAP.fullmatch(text, before[-1].end, start):
        return None
    return before[-1]


def _named_to_post_at(text: str, rights: list[_Side], start: int, end: int) -> _Side | None:
    """'... veteran named Disney CFO', 'Jane Doe appointed Intel chief executive': a passive
    verb right before a company and a post there; the company is where the post is."""
    if not text[start:end].lower().endswith("ed"):
        return None
    for side in rights:
        mention = side.mention
        if mention is None or text[end:mention.start] != " ":
            continue
        after = text[mention.end:mention.end + 40]
        title = EXEC_TITLE_RE.match(after.lstrip(" "))
        if title is None or after[:1] != " ":
            continue
        rest = text[mention.end + 1 + title.end():]
        # Not "hired Google CFO Jane Doe", where the company and post describe the person.
        if rest[:1] in ("", ",", ".", ";", ":") or (rest[:1] == " " and rest[1:2].islower()):
            return side
    return None


_AS_POST = re.compile(r"[^.;,]{1,60}?\s+as\s+(?:the\s+|its\s+)?(?:(?:new|next|incoming|"
                      r"interim|acting|permanent)\s+)?")
_TITLE_OF = re.compile(r"(?:[\w-]+ ){0,3}?" + EXEC_TITLES + r" (?:of|at) ", re.IGNORECASE)


def _post_after_as(text: str, mentions: list[Mention], end: int) -> Mention | None:
    """'... of Jane Doe as Samsung's co-CEO', '... as chief executive of Samsung': the
    company of the post named after the person."""
    found = _AS_POST.match(text, end)
    if found is None:
        return None
    at = found.end()
    title = _TITLE_OF.match(text, at)
    for mention in mentions:
        if mention.historical:
            continue
        if mention.start == at and _TITLE_AFTER.match(text, mention.end):
            return mention
        if title is not None and mention.start == title.end():
            return mention
    return None


def _headline_passive(text: str, lefts: list[_Side], start: int, end: int) -> bool:
    """'IBM veteran named CEO of Rivet Labs': a headline passive whose employer is elsewhere.

    The company before the verb only describes the person ("IBM veteran"), and another
    organisation follows "of"/"at"; an owner ("Disney's parks chief named CEO") still hires.
    """
    if not lefts or lefts[0].mention is None or not text[start:end].lower().endswith("ed"):
        return False
    mention = lefts[0].mention
    gap = text[mention.end:start]
    return (not _possessive(text, mention) and len(gap.split()) <= 3
            and EXEC_TITLE_RE.search(gap) is not None
            and _OTHER_EMPLOYER.match(text, end) is not None)


_AT_UNNAMED = re.compile(r"\s+(?:of|at)\s+(?:a|an|another)\s", re.IGNORECASE)
_AT_OTHER_BODY = re.compile(r"\s+(?:of|at)\s+(?:the\s+)?(?!(?:Company|Group|Firm|Board)\b)"
                            r"[A-Z][\w&.'’-]*")
_OTHER_EMPLOYER = re.compile(r"[^,;.]{0,40}?\b(?:of|at) (?:[A-Z][\w&.-]*)")


def _attributed(text: str, mentions: list[Mention], end: int) -> Mention | None:
    """The company after the event that the sentence is attributed to: ', Alphabet said'."""
    for mention in mentions:
        if mention.start >= end and not mention.historical and _ATTRIBUTION.search(
                text, max(0, mention.start - 3), mention.start) and _SAID_AFTER.match(
                text, mention.end):
            return mention
    return None


# "The (U.S.) launch of Halcyon Biotherapeutics' gene therapy for ... will": a launch or a
# release of a company's product opening the sentence, its owner after "of".
_OWNER_IN_SUBJECT = re.compile(
    # (after a dateline: "SOUTH SAN FRANCISCO, Calif., June 25 - The U.S. launch of")
    r"(?:[^;]{0,60}?\s[-—–]\s)?\s*(?:(?:The|the) )?(?:[\w.-]+ ){0,2}(?i:launch|release|rollout|"
    r"roll-out|debut|introduction|availability|delivery|deliveries) of "
    r"((?-i:[A-Z])[\w&.-]*(?: (?-i:[A-Z])[\w&.-]*){0,3})['’]s? [^.;]{1,120}$")


def _possessive(text: str, mention: Mention) -> bool:
    return text[mention.end:mention.end + 2] in ("'s", "’s")


_ITS_THING = re.compile(r"['’]s? (?!board|shareholders|directors|owners|parent)[a-z]")
# "MasterCard's biggest rival", "Apple's supplier": another company, described by this one.
# A company's name as written, with a legal suffix or a ticker in parentheses after it.
_NAME_RUN = (r"[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|&))*(?:,? (?:Inc|Corp|Co|Ltd|LLC|plc|AG|"
             r"SA|NV|SE)\.?)?(?: \([^)]*\))?")
# "Cobaltline, which lost a deal with Samsung, ...": the sentence opens on a name and a clause.
_UNWATCHED_BEFORE_WHICH = re.compile(r"[\s\"'“‘(]*" + _NAME_RUN + r",\s+(?:which|whose|who)\b")
_ITS_OTHER = re.compile(r"['’]s? (?:(?!(?:of|in|to|for|with|and|by|from|on|at)\b)[\w-]+ ){0,3}"
                        r"(?:rivals?|competitors?|customers?|clients?|"
                        r"suppliers?|vendors?|partners?)\b")


def _at_other_body(text: str, mentions: list[Mention], end: int) -> bool:
    """'chair of the President's Council': a post at a body named but not watched (not "of
    Stripe's bank unit", which names the watched company)."""
    body = _AT_OTHER_BODY.match(text, end)
    return body is not None and not any(end < m.start < body.end() for m in mentions)


def _owner_of_next(text: str, mentions: list[Mention], mention: Mention) -> bool:
    """'Yahoo's HotJobs': ``mention`` owns the watched company named right after it."""
    return _possessive(text, mention) and any(
        other.start == mention.end + 3 and other.company != mention.company
        and text[mention.end + 2] == " " for other in mentions)


def _inside_group(text: str, mentions: list[Mention], side: _Side) -> bool:
    """A losing side that the sentence names as the hiring company's parent."""
    if side.role != "losing_company" or side.mention is None:
        return False
    company = side.mention.company
    return any(m.company == company and _PARENT_OF.search(text, max(0, m.start - 30), m.start)
               for m in mentions)


_PEOPLE_THEY = re.compile(r"they\b|them\b", re.IGNORECASE)
_PEOPLE_PLURAL = re.compile(r"\b" + PEOPLE_PLURALS + r"\b", re.IGNORECASE)


_PERFORMER_NEXT = re.compile(r"(?:\s+[\w-]+)?\s+(?:" + PERFORMERS + r"|star|host)\s+"
                             r"(?-i:[A-Z])", re.IGNORECASE)
_RELATIVE_WORD = re.compile(r"\b(?:who|whom|whose|which|that)\b")
_NAME_DESCRIBES_NEXT = re.compile(
    r"(?:\s+[\w-]+)?\s+(?:owners?|drivers?|shoppers?|customers?|users?|fans?|employees?|"
    r"workers?|staff(?:ers)?|investors?|shareholders?|riders?|passengers?|subscribers?|"
    r"partners?|suppliers?|rivals?|backers?)\b(?!['’])", re.IGNORECASE)


def _in_relative_aside(text: str, at: int, start: int) -> bool:
    """Whether the word at ``at`` sits in a relative clause set off by commas that closes
    before ``start``."""
    opened = text.rfind(",", 0, at)
    return opened >= 0 and "," in text[at:start] and (
        _RELATIVE_WORD.search(text, opened, at) is not None)


def _lefts(text: str, mentions: list[Mention], topic: Mention | None, spec: TriggerSpec,
           start: int, pair: tuple[Mention, ...] = (), body: str = "") -> list[_Side]:
    role = spec.left or ""
    if spec.passive:
        # "Cingular Wireless, which will be absorbed by AT&T": the relative pronoun's
        # antecedent is the passive's subject.
        relative = _RELATIVE_BEFORE.search(text, max(0, start - 60), start)
        if relative is not None:
            named = [m for m in mentions if m.end == relative.start() and not m.historical]
            if named:
                return [_Side(named[-1], named[-1].surface, role, "subject")]
            if _NAME_END.search(text, max(0, relative.start() - 40), relative.start()):
                # "replacing Harrow Fields Inc., which is being acquired by": an unwatched
                # company is the antecedent, not the sentence's subject.
                return []
    else:
        bare = _BARE_RELATIVE_BEFORE.search(text, max(0, start - 40), start)
        if bare is not None and _NAME_END.search(text, max(0, bare.start() - 40), bare.start()):
            # "competitors such as Google, Yahoo! and Microsoft who also have launched their
            # own search engines": the verb's subject is the names before "who" (often a list
            # of examples), not the sentence's subject.
            return []
        relative = _RELATIVE_BEFORE.search(text, max(0, start - 60), start)
        if relative is not None and _COMMON_NOUN_END.search(
                text, max(0, relative.start() - 40), relative.start()) and not any(
                relative.start() - 40 <= m.start < relative.start() for m in mentions):
            # "invested $150 million in the startup, which also named a new chief": the
            # antecedent is a thing the sentence does not name, not its subject.
            return []
    if spec.has("company_right_before"):
        # right before, or ending a list closed by unwatched names ("Salesforce, Nvidia and
        # Accel back")
        named = [m for m in mentions if m.end <= start - 1 and not m.historical and (
            text[m.end:start] == " " or (spec.left_all and parties.names_listed_after(
                text[m.end:start])))]
        if not named:
            return []
        heads = parties.coordinated(text, mentions, named[-1]) if spec.left_all else named[-1:]
        return [_Side(m, m.surface, role, "subject") for m in heads]
    deal_owner = _owner_of_deal_noun(text, mentions, spec, start)
    if deal_owner is not None:
        # "a merger inquiry into Alphabet's follow-on investment in Anthropic": the deal's
        # owner, named in the possessive right before it, whatever governs the phrase.
        return [_Side(deal_owner, deal_owner.surface, role, "subject")]
    subject, crossed = parties.subject_before(
        text, mentions, start, spec.left_window, after_preposition=spec.left_any,
        named_clause=spec.event_type not in _PEOPLE_MOVES)
    if subject is not None and spec.left_in_person_np and _REPORTING.search(
            text, subject.end, start):
        subject = None
    if subject is None and spec.has("moves_employer"):
        # "Jane Doe, president of UPN, will join Adobe": the post the person holds now is
        # at the company they leave
        for mention in reversed(mentions):
            if mention.end <= start and not mention.historical and _NOW_POST_AT.search(
                    text, max(0, mention.start - 90), mention.start) and (
                    _THEN_MOVES.fullmatch(text, mention.end, start)):
                return [_Side(mention, mention.surface, role, "appositive")]
    if subject is None and spec.has("promoted_within"):
        # "Bob Dudley, a Mississippi native and most senior American executive of BP, will
        # replace Tony Hayward as chief executive": the company of the post held now.
        for mention in reversed(mentions):
            if mention.end <= start and not mention.historical and _SUBJECT_POST.match(
                    text, 0, mention.start) and _THEN_MOVES.fullmatch(text, mention.end, start):
                return [_Side(mention, mention.surface, role, "appositive")]
    if subject is None and spec.left_window < 400:
        far, crossed = parties.subject_before(text, mentions, start)
        if far is not None and _REPORTING.search(text, far.end, start):
            subject = far
    if subject is None and spec.event_type in ("product_launch", "launch_delay"):
        # "The phone, made by Apple, launches tomorrow": the maker of the product subject.
        for mention in reversed(mentions):
            if mention.end <= start and not mention.historical and _MADE_BY.search(
                    text, max(0, mention.start - 40), mention.start) and (
                    ";" not in text[mention.end:start]):
                return [_Side(mention, mention.surface, role, "maker")]
        # "The U.S. launch of Halcyon's gene therapy ... will slip into 2027": the owner of
        # the thing the subject names, in the subject's "of" phrase.
        owner = _OWNER_IN_SUBJECT.match(text[:start])
        if owner is not None:
            named = [m for m in mentions if m.start == owner.start(1) and not m.historical
                     and text[m.end:m.end + 1] in ("'", "’")]
            if named:
                return [_Side(named[0], named[0].surface, role, "owner")]
    if spec.event_type == "partnership":
        the_pair = _THE_PAIR.search(text, max(0, start - 60), start)
        if the_pair is not None:
            earlier: list[Mention] = []
            for mention in reversed(mentions):
                if (mention.end <= the_pair.start() and not mention.historical
                        and all(m.company != mention.company for m in earlier)):
                    earlier.append(mention)
            if len(earlier) >= 2:
                return [_Side(m, m.surface, role, "anaphor") for m in earlier[:2]]
            if not earlier and len(pair) == 2:
                # "Nvidia will buy Northwind shares ... Alongside the investment, the companies
                # signed a co-development agreement": the two an earlier sentence named
                return [_Side(m, m.surface, role, "the two named before") for m in pair]
    if subject is None:
        subject_owner = _owner_of_subject(text, mentions, start)
        if subject_owner is not None:
            # "Disneyland Paris, the theme park resort owned by The Walt Disney Company, said
            # the opening ... is postponed": the owner the subject's aside names
            return [_Side(subject_owner, subject_owner.surface, role, "owner of the subject")]
    if subject is not None and spec.event_type == "legal" and _NAME_DESCRIBES_NEXT.match(
            text, subject.end, start):
        # "A Tesla owner in Fremont is suing a neighbour", "Pfizer vaccine partner BioNTech
        # sued": the name describes the people or the firm that act, not the party.
        subject = None
    if subject is not None and spec.event_type not in _PEOPLE_MOVES and _PERFORMER_NEXT.match(
            text, subject.end, start):
        # "YouTube creator MrBeast launches a chocolate bar", "Netflix star Millie Bobby Brown
        # launches a beauty brand": the name describes the performer who acts.
        subject = None
    if subject is not None and _possessive(text, subject) and (
            _ITS_OTHER.match(text, subject.end) or (
                spec.name == "acq_merge_pair" and _ITS_THING.match(text, subject.end))):
        # "Adyen, Stripe's Dutch rival, ...": another company; "Perplexity's search app and
        # its browser will be merging": the company's things merge, not the company.
        # "Northwind, Amazon's new robot supplier, hires": the name the aside describes.
        head = next((m for m in mentions if m.end <= subject.start
                     and text[m.end:subject.start].strip() == ","), None)
        return [_Side(head, head.surface, role, "subject")] if head is not None else []
    if subject is not None:
        via = "previous clause" if crossed else "subject"
        heads = parties.coordinated(text, mentions, subject) if (
            spec.left_all or spec.event_type in _SHARED_SUBJECT_TYPES) else [subject]
        sides = [_Side(m, m.surface, role, via) for m in heads]
        if spec.event_type == "partnership" and spec.left_all:
            # "Netflix and Spotify team up", "Spotify and Netflix team up": an unwatched
            # partner listed with the watched one is the other party
            sides += [_Side(None, name, role) for name in parties.unwatched_listed_with(
                text, heads[-1].start, subject.end, start)]
        return sides
    at = cues.anaphor_before(text, start) if not spec.left_in_person_np else None
    if at is not None and _in_relative_aside(text, at, start):
        at = None  # "Lantern Owl, started by developers who left Ferngate after its 2022
        # job cuts, will release its first game": 'its' is the relative clause's
    if at is not None and _PEOPLE_THEY.search(text, at, at + 5) and _PEOPLE_PLURAL.search(
            text, max([m.end for m in mentions if m.end <= at] + [0]), at):
        return []  # "The drivers can't reach the area and they get fined": 'they' are people
    if at is not None:
        earlier = [m for m in mentions if m.end <= at and not m.historical]
        # "Backed by an investment by AIG, it bought ...": a company after a preposition is
        # not what 'it' stands for; the sentence's own subject or the article's topic is.
        subjects = [m for m in earlier
                    if parties.word_before(text, m.start) not in _NOT_ANTECEDENT_AFTER
                    and not _RIVAL_BEFORE.search(text, _clause_start(text, m.start), m.start)]
        if subjects:
            return [_Side(subjects[-1], subjects[-1].surface, role, "anaphor")]
        # "Second largest in its field, behind Intel, the company ...", "Lagging behind
        # Netflix and Disney, the company ...": a rival it is measured against is never
        # what 'the company' stands for, topic or not.
        earlier = [m for m in earlier
                   if not _RIVAL_BEFORE.search(text, _clause_start(text, m.start), m.start)]
        if earlier and topic is None:
            return [_Side(earlier[-1], earlier[-1].surface, role, "anaphor")]
        speaker = _UNWATCHED_SUBJECT.match(text) or _NAMED_COMPANY_SUBJECT.match(text)
        if speaker is not None:
            # "Voltaire Motors, the electric-van startup, said it has appointed ...": 'it'
            # is the company that speaks, not the watched one of an earlier sentence.
            return [_Side(None, speaker.group(1), role)]
        if topic is not None:
            return [_Side(topic, topic.surface, role, "anaphor")]
        if body:
            return [_Side(None, body, role)]
    if not mentions and topic is not None and spec.event_type == "layoffs" and (
            cues.jobs_subject(text)):
        # "Realtime Worlds entered administration today. Between 60 and 170 jobs will be
        # lost": in the lead (only there is such a sentence read) the jobs are the topic's.
        return [_Side(topic, topic.surface, role, "lead topic")]
    if not mentions and topic is not None and spec.event_type == "executive_hire" and (
            cues.stand_in_for_the_company(text)):
        # "Controller Kevin Tsai will serve as interim CFO while the company searches for a
        # permanent replacement": in the lead, the company looking is the topic.
        return [_Side(topic, topic.surface, role, "lead topic")]
    name = parties.name_before(text, start)
    if name:
        return [_Side(None, name, role)]
    if spec.right and not spec.left_in_person_np:
        # "a potential acquisition of X is in discussions, highlighting Meta's focus":
        # the other company of the sentence is the best reading of the unnamed subject.
        # Past a colon only when nothing stands before the trigger ("Acquisition of X:
        # Salesforce completes deal"); after a subject of its own it is another matter.
        own_subject = len(text[:start].split()) >= 4
        later = [m for m in mentions if m.start > start and not m.historical
                 and not (own_subject and _CLAUSE_END.search(text, start, m.start))]
        if len(later) >= 2 and _CASE_CAPTION.search(text, later[-2].end, later[-1].start):
            # "under the Supreme Court's 2021 ruling in Google LLC v. Oracle America": the
            # parties of a case cited, not of the event the sentence reports.
            return []
        if len(later) >= 2 and not parties.listed_gap(text[later[-2].end:parties.descriptor_start(
                text, later[-1].start, floor=later[-2].end)]):
            # not "a lawsuit against Qualcomm, Samsung and Nvidia": one list of objects
            return [_Side(later[-1], later[-1].surface, role, "sentence")]
    return []


# "Google LLC v. Oracle America": a case named by its parties.
_CASE_CAPTION = re.compile(r"\s(?:v|vs|versus)\.?\s")
# Two names joined by a comma and "and" are two clauses, not a list of two.
_CLAUSE_AND = re.compile(r"\s*,\s*and\s*")
# "accuses three hospitals ...: the litigation that Apple and Adobe settled": past a colon,
# semicolon or dash the sentence talks of something else.
_CLAUSE_END = re.compile(r"[:;]|\s[—–]\s")


def _rights(text: str, mentions: list[Mention], spec: TriggerSpec, right_from: int,
            start: int, end: int, left_companies: set[str]) -> list[_Side]:
    if not spec.right:
        return []
    if _NO_OBJECT.match(text, end):
        return []  # "Brightwater buys and gets sued, Uber Freight's new boss": no object
    out: list[_Side] = []
    last_end = right_from
    hire = spec.event_type == "executive_hire"
    # For people events the object right after the trigger is the person, not a company.
    people = spec.event_type in _PEOPLE_MOVES
    aside = _owned_aside(text, right_from)  # the owner named after the object is in reach
    window = spec.right_window if aside < 0 else max(spec.right_window, aside + 40 - right_from)
    for mention, word, distance in parties.objects_after(text, mentions, right_from, window):
        if word == "the" and distance > 6:
            # "the new director general of the BBC": the role word stands before "the"
            before = parties.word_before(text, right_from + distance - 4)
            word = before if before in spec.right and before else word
        gap = text[last_end:parties.descriptor_start(text, mention.start, floor=last_end)]
        if len(out) == 1 and _CLAUSE_AND.fullmatch(gap):
            break  # "Google sues Samsung, and Microsoft shares rose": a second clause
        # "sued Meta Platforms, Microsoft and Nvidia": unwatched names open the list
        opens_list = not out and spec.right_all and parties.names_listed_before(
            text[right_from:mention.start])
        if out and spec.right_all and word not in spec.right and parties.listed_gap(gap):
            role = out[-1].role  # "against X, as well as parent airline Y": the same role
        elif opens_list and "" in spec.right:
            role = spec.right[""]
        elif word in spec.right and distance > 2:
            role = spec.right[word]
        elif word == "as" and spec.event_type == "executive_departure" and _TITLE_AFTER.match(
                text, mention.end):
            # "would step down as Cobaltline's chief executive": the post's company (not
            # "departs as Microsoft pulls the team closer", a clause of its own)
            role = spec.left or ""
        elif distance <= 2 or (word not in parties.PREPOSITIONS and distance <= spec.adjacent) or (
                not out and _owned_by(text, aside, mention)):
            role = spec.right.get("", "")
            if "" not in spec.right:
                continue
        else:
            continue
        if mention.company in left_companies:
            continue
        if not out and _OBJECT_ENDED.match(text, right_from):
            break  # "Intel down on CEO exit, Nvidia up": the comma ends the object
        if not out and not people and role == spec.right.get("") and distance > 2 and (
                not opens_list) and (_unwatched_first(
                    text, mentions, right_from, mention, aside)):
            break  # "Lawsuit against Ziprow Rides cites old Uber settlement"
        if people and _COORDINATED.match(text, right_from):
            break  # "follow its CEO's exit and a Samsung investment": another noun phrase
        if spec.event_type == "executive_departure" and (
                word in ("for", "to", "join", "joining")
                or _NEXT_JOB.search(text, right_from, mention.start)):
            continue  # "leaving the company to become chief executive of X": X hires
        if out and role == out[-1].role and not parties.listed_gap(
                text[last_end:parties.descriptor_start(text, mention.start, floor=last_end)]):
            break  # only companies listed together: "from Nvidia and Amazon"
        if out and role != out[-1].role and word not in spec.right:
            break  # another role only after its own word: "sell Channel 5 to Viacom"
        if spec.event_type == "acquisition" and _owner_of_next(text, mentions, mention):
            continue  # "Monster buys Yahoo's HotJobs": the unit is bought, not its owner
        if _possessive(text, mention) and _ITS_OTHER.match(text, mention.end):
            continue  # "investigating MasterCard's biggest rival": the rival, not MasterCard
        out.append(_Side(mention, mention.surface, role, "object"))
        last_end = mention.end
        if not spec.right_all:
            break
    if not out and hire and _ITS.search(text, right_from, end + 40):
        owner = _possessor(text, mentions, start)
        if owner is not None and owner.company not in left_companies:
            out.append(_Side(owner, owner.surface, spec.right.get("", "losing_company"), "its"))
    if not out and hire:
        # "poached Jordan Alvarez, Salesforce's executive vice president": the appositive.
        former = _appositive_employer(text, mentions, end, left_companies)
        if former is not None:
            out.append(_Side(former, former.surface, spec.right.get("", "losing_company"),
                             "object"))
    if not out and spec.event_type in _THE_COMPANY_TYPES and "" in spec.right and (
            _THE_COMPANY.match(text, end)):
        # "Uber's former chief executive sued the company", "Nvidia has bought a stake in
        # the company": the company named before that is not the actor.
        earlier = [m for m in mentions if m.end <= start and m.company not in left_companies]
        # the sentence's own subject first ("Cobaltline, which lost a deal with Samsung in
        # 2024, said Nvidia will buy a stake in the company"), else the nearest name before
        opening = [m for m in earlier if not text[:m.start].strip(" \"'“‘(-—")]
        # "Cobaltline, which lost a deal with Samsung, ...": an unwatched subject, not Samsung
        unwatched = not opening and _UNWATCHED_BEFORE_WHICH.match(text) is not None
        owner = opening[0] if opening else (earlier[-1] if earlier and not unwatched else None)
        if owner is not None:
            out.append(_Side(owner, owner.surface, spec.right[""], "the company"))
    if not out and "" in spec.right:
        name = parties.name_after(text, end)
        if name:
            out.append(_Side(None, name, spec.right[""]))
    return out


_OBJECT_ENDED = re.compile(r"\s*[,;:]")
_COORDINATED = re.compile(r"\s*(?:and|or|&)\s", re.IGNORECASE)
# A verb with nothing after it: "Brightwater buys and gets sued, ...", "Acme hires and
# fires": no company on its right.
_NO_OBJECT = re.compile(r"\s+(?:and|or|but)\s+(?:gets?|is|was|then|also|sells?|raises?|cuts?|"
                        r"hires?|fires?|sues?|launch(?:es)?)\b")
# An unwatched company in the possessive: "into Hoshino's mobile plans".
_UNWATCHED_POSSESSIVE = re.compile(r"(?<![\w&.-])((?-i:[A-Z])[\w&-]+(?: (?-i:[A-Z])[\w&-]+){0,2})"
                                   r"['’]s\b")
_THE_COMPANY_TYPES = frozenset({"legal", "investment", "acquisition", "executive_departure"})
_APPOSITIVE = re.compile(r"[^,;.]{0,40}?, ")
_TITLE_AFTER = re.compile(r"['’]s (?:[\w-]+ ){0,3}?" + EXEC_TITLES + r"\b", re.IGNORECASE)


def _unwatched_first(text: str, mentions: list[Mention], pos: int, mention: Mention,
                     aside: int = -1) -> bool:
    """An unwatched company name is the trigger's object, before the watched one."""
    name = parties.name_after(text, pos, skip=2)
    if name is None or name.lower() in DEMONYMS:
        return False  # "a stake in the Romanian assembly plant Automobile Craiova"
    at = text.find(name, pos)
    if at >= 0 and _DESCRIBES_NEXT.fullmatch(text, at + len(name), mention.start) and (
            parties.is_role_noun(parties.word_before(text, mention.start))
            or text.endswith(" of ", 0, mention.start)):
        # "buys Internet provider ihug", "raided the Tokyo offices of livedoor": the
        # capitalised word only describes the company or a place of it.
        return False
    return 0 <= at < mention.start and not any(m.start <= at < m.end for m in mentions) and (
        not _owned_by(text, aside, mention))


def _owned_aside(text: str, pos: int) -> int:
    """Where the owner's name may begin when the object after ``pos`` is a name with an aside
    that makes it another company's own business, or -1: "Remotasks, the platform owned by
    Scale AI". (Read once per trigger: most objects have no such aside nearby.)"""
    if _OWNED_ASIDE.search(text, pos, pos + 160) is None:
        return -1
    name = parties.name_after(text, pos, skip=2)
    if name is None:
        return -1
    found = _OWNED_ASIDE.match(text, text.find(name, pos) + len(name))
    return -1 if found is None else found.end()


def _owner_of_subject(text: str, mentions: list[Mention], start: int) -> Mention | None:
    """The watched owner an unwatched subject's aside names before the verb: "Disneyland
    Paris, the theme park resort near Paris owned by The Walt Disney Company, said"."""
    for aside in _OWNED_ASIDE.finditer(text, max(0, start - 240), start):
        if not _NAME_END.search(text, max(0, aside.start() - 40), aside.start()):
            continue  # the aside describes a name written before it
        for mention in mentions:
            if mention.historical or not _owned_by(text, aside.end(), mention):
                continue
            rest = text[mention.end:start]
            if rest.startswith(",") and ";" not in rest and not any(
                    mention.end < m.start < start for m in mentions):
                return mention
    return None


def _owned_by(text: str, aside: int, mention: Mention) -> bool:
    """``mention`` owns the object whose aside ends at ``aside`` (``_owned_aside``): "an
    injunction restraining Remotasks, the platform owned by Scale AI, from" is Scale AI's."""
    return 0 <= aside <= mention.start and (
        _OWNER_DESCRIBED.fullmatch(text, aside, mention.start) is not None)


# An aside after a name that says whose business it is: ", the data-annotation platform owned
# by", ", the card-acquiring business of"; then at most four words describing the owner
# ("Australian payments group").
_OWNED_ASIDE = re.compile(
    r",\s+(?:the|a|an)\s+(?:[\w'’&.-]+\s+){0,5}?(?:(?:wholly[- ])?(?:owned|run|operated|"
    r"controlled)\s+by|(?:unit|arm|subsidiary|business|division|affiliate|offshoot|operator|"
    r"platform|brand|chain|airline|bank)\s+of)\s+", re.IGNORECASE)
_OWNER_DESCRIBED = re.compile(r"(?:[\w'’&.-]+\s+){0,4}")


# A rival a company is measured against, anywhere in the stretch before it ("behind Netflix
# and Disney"): never what a later 'the company' stands for.
_RIVAL_BEFORE = re.compile(r"\b(?:behind|unlike|than|versus|vs\.?|trailing|ahead of)\s",
                           re.IGNORECASE)


def _clause_start(text: str, at: int) -> int:
    """Where the comma-delimited stretch of ``text`` holding offset ``at`` starts."""
    return max(text.rfind(",", 0, at), text.rfind(";", 0, at)) + 1


# Prepositions whose object is an agent or a counterpart, not what a later 'it' stands for
# ("of" and "at" name an employer or an owner: "chief of Halcyon, where the board named");
# the rivals ("than", "behind", "unlike") are ``_RIVAL_BEFORE``'s.
_NOT_ANTECEDENT_AFTER = frozenset({"by", "from", "with", "for", "to", "against", "like",
                                   "including", "via"})
_MADE_BY = re.compile(r"\b(?:made|built|developed|designed|produced|manufactured|created|"
                      r"published|released) by\s+(?:[\w-]+\s+){0,2}$")
_NAME_END = re.compile(r"\b" + _NAME_RUN + r"$")
# ", currently the president of" / ", chief executive and president of" before a company, and
# after it only the comma and an auxiliary before the verb.
_NOW_POST_AT = re.compile(r",\s+(?:currently |now )?(?:the |its |a )?(?:[\w-]+ ){0,3}?"
                          + EXEC_TITLES + r"(?: (?:and|&) (?:[\w-]+ ){0,3}?" + EXEC_TITLES
                          + r")? (?:of|at) (?:the )?$", re.IGNORECASE)
# A person, then an aside ending on the post they hold now at the company named next (not a
# former one).
_SUBJECT_POST = re.compile(r"[^,;]{2,150},\s+(?:(?!(?:former|formerly|ex|previously|once|"
                           r"until|who)\b)[^;]){0,120}?\b" + EXEC_TITLES
                           + r" (?:of|at) (?:the )?$", re.IGNORECASE)
_THEN_MOVES = re.compile(r"(?:\s*\([^()]{1,30}\))?,\s+(?:(?:will|would|is to|is set to|"
                         r"plans to|is expected to|has|had|is)\s+)?")
# A noun phrase of lower-case words ending right before the comma: "the optical startup".
# ("The Denver space start-up, which has twice delayed its first crewed flight": a place's
# name may describe the thing)
_COMMON_NOUN_END = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[A-Z][\w-]*\s+)?(?:[a-z][\w-]*\s+){0,3}"
                              r"[a-z][\w-]*$")
_RELATIVE_BEFORE = re.compile(r",\s+(?:which|that|who)\s+(?:[\w-]+\s+){0,3}$")
# A relative clause opened without a comma right after a name ("Microsoft who also have").
_BARE_RELATIVE_BEFORE = re.compile(r"(?<=[\w.!'’])\s+(?:who|which)\s+(?:[\w-]+\s+){0,3}$")
_DESCRIBES_NEXT = re.compile(r"(?:\s+[a-z][\w-]*){1,3}\s+")


def _appositive_employer(text: str, mentions: list[Mention], end: int,
                         left_companies: set[str]) -> Mention | None:
    """'hired Jane Doe, Acme's head of sales': the company of the hired person's title."""
    mention = next((m for m in mentions if end <= m.start <= end + 60), None)
    if mention is None or mention.company in left_companies or mention.historical:
        return None
    if _APPOSITIVE.fullmatch(text, end, mention.start) and _TITLE_AFTER.match(text, mention.end):
        return mention
    return None


_FOR_OWNER = re.compile(r"\s+(?:for|covering|around|on) $")
_FOR_THE_COMPANY = re.compile(r"\s+(?:for|with) the " + cues.COMPANY_NOUNS + r"\b(?!['’])",
                              _I)
_MAKER_NAMED = re.compile(r"\s+to\s+(?:buy|purchase)\s+((?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z])"
                          r"[\w&.-]*){0,2})['’]s\s", _I)
_AGREEMENT_END = re.compile(r"\b(?:agreement|deal|pact|contract)$", _I)
# (Not a rival the deal is aimed at: "a deal to show NFL games to compete with Netflix".)
_PURPOSE_TO = re.compile(r"\s+to\s+(?!(?:settle|resolve|end|acquire|buy|purchase|sell|merge|"
                         r"combine|pay|repay|sue)\b)(?:(?!(?:compet\w*|rival\w*|challeng\w*|"
                         r"counter\w*|fend|catch|take on|beat|match)\b)[\w$,.-]+\s+){1,8}?"
                         r"(?:for|to|with)\s+(?:the\s+)?", _I)


def _second_partner(text: str, mentions: list[Mention], spec: TriggerSpec, lefts: list[_Side],
                    rights: list[_Side], start: int, end: int) -> list[_Side]:
    """The other party of a one-sided partnership sentence.

    "Oracle will supply capacity to OpenAI under an expanded agreement": the company the
    clause names between the subject and "under ..."; "agreed to a partnership for Halcyon's
    lead antibody": the owner of what the partnership is for.
    """
    if spec.has("parties_after") and rights and rights[0].mention is not None:
        # "Under a separate agreement, Google will have a right of first offer on power
        # from Vantage Grid": the subject after the opening, and the other company the
        # clause names
        first = rights[0].mention
        for mention in mentions:
            if (first.end < mention.start and mention.company != first.company
                    and not mention.historical and ";" not in text[first.end:mention.start]):
                return [_Side(mention, mention.surface, "partner", "object")]
        return []
    if not lefts:
        return []
    if lefts[0].mention is None:
        if spec.has("second_party_between"):
            # "Its games will stream on Google's YouTube under a five-year deal", 'its' the
            # league: an unwatched subject's partner is the company the clause names
            for mention in mentions:
                if mention.start < start and not mention.historical and (
                        ";" not in text[mention.end:start]):
                    return [_Side(mention, mention.surface, "partner", "object")]
        return []
    first = lefts[0].mention
    if spec.has("second_party_between"):
        for mention in mentions:
            if (first.end < mention.start < start and mention.company != first.company
                    and not mention.historical and ";" not in text[first.end:start]):
                later = [name for m in _UNWATCHED_POSSESSIVE.finditer(text, mention.end, start)
                         if not any(w.start <= m.start() < w.end for w in mentions)
                         and (name := parties.clean_name(m.group(1)))]
                if later:
                    # "a round led by Hoshino, with Nvidia also participating, and will bundle
                    # its plan into Hoshino's mobile plans under a separate distribution
                    # agreement": the deal is with the unwatched company named last (not
                    # "Tuesday's", a day: the shared name cleaner drops it)
                    return [_Side(None, later[-1], "partner")]
                return [_Side(mention, mention.surface, "partner", "object")]
    for mention in mentions:
        if (end <= mention.start <= end + 12 and mention.company != first.company
                and _FOR_OWNER.fullmatch(text, end, mention.start) and _possessive(text, mention)):
            return [_Side(mention, mention.surface, "partner", "object")]
    if _AGREEMENT_END.search(text, start, end):
        # "Tidewell has signed a multi-year agreement to make frozen meals for Amazon's
        # grocery business": the deal's purpose names the other party.
        for mention in mentions:
            if (end < mention.start <= end + 90 and mention.company != first.company
                    and not mention.historical
                    and _PURPOSE_TO.fullmatch(text, end, mention.start)):
                return [_Side(mention, mention.surface, "partner", "object")]
        supply = checks.BUYS_SUPPLIES.match(text, end)
        if supply is not None:
            # "signed a multiyear agreement to buy the company's optical chips": the maker
            # of what is bought, named there or before ("the company's")
            for mention in mentions:
                if supply.start() < mention.start < supply.end() and (
                        mention.company != first.company and _possessive(text, mention)):
                    return [_Side(mention, mention.surface, "partner", "object")]
            if supply.group("the"):
                named = [m for m in mentions if m.end <= start and m.company != first.company
                         and not m.historical]
                if named:
                    return [_Side(named[-1], named[-1].surface, "partner", "the company")]
            maker = _MAKER_NAMED.match(text, supply.start())
            if maker is not None:
                return [_Side(None, maker.group(1), "partner")]  # "to buy Lumentum's chips"
        if _FOR_THE_COMPANY.match(text, end):
            # "bought a stake in Ferngate and signed a licensing agreement for the studio
            # to develop a game": the company named before, not the subject
            named = [m for m in mentions if m.end <= start and m.company != first.company
                     and not m.historical]
            if named:
                return [_Side(named[-1], named[-1].surface, "partner", "the company")]
    return []


def _possessor(text: str, mentions: list[Mention], start: int) -> Mention | None:
    """The company 'its' points back to: the one that speaks ('Netflix said ... its studio'),
    else the nearest one before the trigger."""
    for mention in mentions:
        if mention.end <= start and not mention.historical and _SAID_AFTER.match(
                text, mention.end):
            return mention
    for mention in reversed(mentions):
        if mention.end <= start and not mention.historical and not _in_aside(
                text, mention, start):
            return mention
    return None


def _in_aside(text: str, mention: Mention, start: int) -> bool:
    """"hired Raj Mehrotra, the Microsoft vice president who ran Azure, to become its
    head": the company sits in an aside closed before the trigger, not the one 'its' means."""
    opened = text.rfind(",", max(0, mention.start - 60), mention.start)
    return opened > 0 and "," in text[mention.end:start] and "," not in text[
        opened + 1:mention.start]


def _finding(index: int, text: str, spec: TriggerSpec, trigger: str, start: int, end: int,
             side: _Side, sides: list[_Side], mentions: list[Mention]) -> Finding:
    assert side.mention is not None
    role = side.role or None
    event_type = spec.event_type
    if role == "losing_company":
        event_type = "executive_departure"
    elif role == "hiring_company":
        event_type = "executive_hire"
    # (a company is never its own counterparty: "Uber's former chief executive sued the
    # company" names Uber on both sides)
    others = [s for s in sides if s is not side and (
        s.mention.company != side.mention.company if s.mention is not None
        else s.name not in (side.mention.company, side.mention.surface))]
    counterparty = None
    if others:
        other = others[0]
        counterparty = other.mention.company if other.mention is not None else other.name
    confidence = spec.confidence
    notes: list[str] = []
    if side.via in ("anaphor", "its", "sentence", "previous clause", "attribution",
                    "the company"):
        confidence -= 0.1
        notes.append(f"company from {side.via!r}")
    hedge = cues.soft(text[:start])
    if hedge and event_type != "acquisition":  # a deal in talks is news: its stage says so
        confidence -= 0.1
        notes.append(f"hedged ({hedge!r})")
    finding = Finding(event_type, side.mention.company, role, text, index, trigger, spec.name,
                      0.0, counterparty=counterparty, notes=notes,
                      mention_start=side.mention.start if side.via in ("subject", "object")
                      else -1, trigger_start=start, brand=side.mention.brand,
                      object_dated=spec.has("settles"))
    if event_type in _PEOPLE_MOVES:
        finding.people = parties.find_people(text, mentions, start)
        if spec.has("incoming_subject") and not text.startswith(" by ", end):
            # "Mark Hurd will replace Patricia Dunn as chairman": who comes in is the one
            # before the verb, not the one replaced (unless "will be replaced by")
            finding.people = parties.find_people(text[:start], mentions, start) or (
                finding.people)
        if event_type == "executive_departure" and checks.pronoun_leaves(text, start):
            finding.people = []  # "Snap said she would leave and that Jonas Lindqvist would
            # run the business": who leaves was named before; those named here stay
        finding.person = finding.people[0] if finding.people else None
        if counterparty is not None and any(p in counterparty for p in finding.people):
            finding.counterparty = None  # a person is never the company they came from
    if event_type in ("investment", "acquisition"):
        amount = nearest_amount(find_amounts(text), start, end)
        if amount is not None:
            finding.amount, finding.amount_usd = amount.text, amount.usd
            confidence += 0.05
    if event_type == "acquisition":
        finding.stage = cues.acquisition_stage(text, trigger)
        if hedge and finding.stage == "announced":
            finding.stage = "rumored"
    elif event_type == "layoffs":
        # "may cut up to 3,000 jobs, sources say": reported, not confirmed.
        finding.stage = "rumored" if (hedge or cues.hypothetical(text[:start])
                                      or cues.weighing(text[:start])) else "announced"
    if event_type in ("product_launch", "launch_delay"):
        finding.product = parties.product_after(text, end)
    finding.confidence = round(min(0.99, max(0.05, confidence)), 2)
    return finding
