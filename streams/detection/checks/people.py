"""Checks for people events: a person or a title for hires and departures, and the
look-alikes (bulk hiring, advisers, places left, 'retired' as an adjective)."""

from __future__ import annotations

import re

from .. import parties
from ..companies import Mention
from ..lexicon import NOT_A_COMPANY
from ..triggers import EXEC_TITLE_RE, NEEDS_EXEC, TriggerSpec
from ..triggers.spec import ABOUT
from .text import clause_before, mask

_I = re.IGNORECASE
_HIRED_A_FIRM = re.compile(r"^\W*(?:a|an|the|two|three) (?:[\w-]+ ){0,3}(?:firms?|agency|"
                           r"consultancy|company|bank|advisers?|advisors?|consultants?|"
                           # ("hired an executive search firm and would look at ...")
                           # ("hired the search firm Carver Lane to find a successor")
                           r"headhunters?)(?:\s+(?-i:[A-Z])[\w&.'’-]*(?:\s+(?-i:[A-Z])[\w&.'’-]*){0,3})?"
                           r"(?=\s+(?:to|for|that|and|which|who|with)\b|[,.;]|$)",
                           _I)
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
_BULK_HIRING = re.compile(r"^\W*(?:about |some |more than |up to |over )?\d[\d,]*\s?(?:k |,000 )?"
                          r"(?:(?:new|seasonal|additional|temporary|holiday|part-time|store|warehouse|"
                          r"hourly|extra) )*(?:workers|employees|people|staff|"
                          r"engineers|jobs)\b", _I)
_ATTRIBUTION_AFTER = re.compile(r",\s+(?:according to|said|says|citing)\b", _I)
_LEAVING_NOUN = re.compile(r"resignation|departure|exit|withdrawal|retirement", _I)
TRANSITIVE_DEPARTURE = re.compile(
    r"oust|fire|sack|push|forc|let go|los|dismiss|part|ax", _I)
# "let go of 90 engineers", "dismissed most of its team": a bulk cut is layoffs, not a departure.
_BULK_PEOPLE = re.compile(
    r"^\s*(?:of )?" + ABOUT
    + r"(?:\d[\d,.]*\b|hundreds\b|thousands\b|dozens\b|most\b|many\b|half\b|a third\b|"
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
_LEAVE = re.compile(r"leav|left|exit|quit|depart(?!ure)", _I)
# What one leaves when it is a departure: a company, a post, or nothing ("is leaving.").
_LEFT_WHAT = re.compile(
    r"\s*(?:$|[,.;:—]|(?:the|its|his|her|their) (?:[\w-]+ ){0,2}(?:company|firm|board|group|"
    r"startup|start-up|business|role|post|position|job|team|bank|lab|unit|helm|chair|parent|giant|"
    r"maker|employer|organi[sz]ation|retailer|lender|insurer|carrier|airline|studio|"
    # "is leaving the streamer to join Meta"
    r"streamer|network|label|broadcaster|publisher|platform|automaker|"
    r"conglomerate|\w+maker)s?\b|(?:board|post|role|position|job|helm|company|firm)\b|"
    r"[A-Z]|(?:to|for|after|in|at|on|as|when|effective|later|next|this|by|with|amid|and|"
    r"immediately|early|later)\b|from (?=[A-Z]))")
# "left Seoul for Washington", "is leaving for a trip", "left the board meeting": a place or
# an occasion, not the employer.
_LEFT_ELSEWHERE = re.compile(
    r"\s*(?:for (?:a |an |the |his |her |their )?(?:[\w-]+ )?(?:trip|vacation|holiday|visit|"
    r"meeting|tour|summit|conference|lunch|dinner|talks|event|break)s?\b|(?:the |a |an )?"
    r"(?:[\w.'’-]+ ){0,3}(?:meeting|conference|event|summit|stage|building|office|offices|"
    r"headquarters|campus|room|hearing|courtroom|trial|forum|show|party|dinner|talks|keynote|"
    r"call|country|city|hospital)s?\b)", _I)
_CAPITAL_WORD = re.compile(r"\s*([A-Z][\w.-]*)")
_RECENTLY = re.compile(r"\b(?:newly|recently|newly-|recently-)\s?$", _I)
# "The team joins X's group", "how many engineers will join her team": people in bulk.
_GROUP_SUBJECT = re.compile(
    r"\b(?:team|teams|staff|employees|workers|engineers|researchers|people|workforce|they)"
    # "The 14-person team behind Loomwork's agents is joining Anthropic"
    r"(?:\s+(?:behind|at|from|of)\s+[^,;.()]{1,50}?)?"
    # "PlateRail's 55 employees, who work in a renovated tobacco warehouse, will join Square"
    r"(?:,\s+who\s+[^;,]{1,120},)?"
    r"\s+(?:(?:will|would|could|to|also|then|have|has|had|is|are|was|were)\s+)*$", _I)


def _the_writer_in_a_post(text: str, start: int, end: int) -> bool:
    """'I'm stepping down as CEO of Kestrel', 'I will join Adobe as chief financial
    officer': the writer moves, in a post named right after (not "I left Google in 2019":
    the present or future only, which the tense and date checks then read)."""
    return _I_NOW.search(text, max(0, start - 20), start) is not None and (
        _AS_EXEC.match(text, end) is not None)


# the post, right after the verb: "as CEO of", "as our next chief technology officer"
_AS_EXEC = re.compile(r"\s+(?:[\w-]+\s+){0,3}?as\s+(?:(?:the|our|its|their|a|an|new|next|"
                      r"interim|acting)\s+){0,2}(?:(?:co-)?(?:CEO|CFO|CTO|COO|CIO|CMO|CPO|"
                      r"president|chair(?:man|woman|person)?|chief(?: [a-z-]+){0,3} officer|"
                      r"chief executive|(?:co-)?founder|(?:senior |executive )?vice president|"
                      r"SVP|EVP|"
                      r"general counsel|managing director|board member|director))\b",
                      re.IGNORECASE)
_I_NOW = re.compile(r"(?:^|[^\w'’])I(?:['’]m|['’]ll|['’]ve decided to| am| will| have decided "
                    r"to| plan to| intend to)(?: also| now)? $")


# "... she would leave", "She is leaving": a pronoun as the subject of the departure.
_PRONOUN_LEAVES = re.compile(r"\b(?:he|she)\s+(?:(?:would|will|is|was|has|had|also|now|then|"
                             r"plans\s+to|intends\s+to|is\s+set\s+to|is\s+to)\s+){0,3}$", _I)
# A senior post held, in the sentences before: "has run Snap's European business",
# "appointed Solberg as its chief technology officer".
_RUNS_A_UNIT = re.compile(r"\b(?:run|ran|runs|led|leads|heads|headed)\s+(?:[\w'’&.-]+\s+){0,4}"
                          r"(?:business|unit|division|group|team|operations|arm|lab)\b", _I)
# A person named by surname with a title or an honorific: "appointed Solberg as its chief
# technology officer", "Ms Vogt".
_SURNAME_NAMED = re.compile(r"\b(?:(?:Mr|Ms|Mrs|Dr)\.?\s+[A-Z][\w'’-]+|"
                            r"[A-Z][\w'’-]+,? as (?:its|the|their|our) )")


def pronoun_leaves(text: str, start: int) -> bool:
    """'Snap said she would leave', 'She is leaving Google DeepMind': a pronoun leaves."""
    return _PRONOUN_LEAVES.search(clause_before(text, start)) is not None


def _named_before(sentences: tuple[str, ...]) -> bool:
    """The sentences before "she would leave" name a person in a senior post ("Jane Park has
    run Snap's European business since 2021", "appointed Solberg as its chief technology
    officer"). Joined here, only for a pronoun that leaves."""
    previous = " ".join(sentences)
    return bool(previous) and (EXEC_TITLE_RE.search(previous) is not None or _RUNS_A_UNIT.search(
        previous) is not None) and (parties.find_person(previous, [], 0) is not None
                                    or _SURNAME_NAMED.search(previous) is not None)


def _takes_who_leaves(text: str, start: int, end: int) -> bool:
    """The departure trigger names who leaves after it: a transitive verb ("ousted Jane Doe")
    or a noun with its "of" ("the resignation of John Smith as president")."""
    return TRANSITIVE_DEPARTURE.match(text, start, end) is not None or (
        _LEAVING_NOUN.fullmatch(text, start, end) is not None and text.startswith(" of ", end))


def people_reason(text: str, spec: TriggerSpec, start: int, end: int,
                  mentions: list[Mention], previous: tuple[str, ...] = ()) -> str | None:
    """Why a hire or departure trigger does not concern an executive, or None.
    ``previous``: the sentences before, where "she" or "he" may have been named."""
    after = text[end:]
    if spec.event_type == "executive_departure" and _LEAVING_NOUN.fullmatch(text, start, end) and (
            any(m.end == start - 3 and text[m.end:start] in ("'s ", "’s ") for m in mentions)):
        return "a company leaving something, not a person"  # "Intel's resignation from OLPC"
    if spec.has("person_subject") and any(0 <= start - m.end <= 1 for m in mentions):
        return "a company does it, not a person"  # "Nvidia will lead the consortium"
    if NEEDS_EXEC in spec.needs:
        # A company name is not a person: "Sentrylane will join Google Cloud".
        text = mask(text, mentions)
        if spec.event_type == "executive_departure":
            # Who leaves is the subject ("CEO Jane Doe resigned") or, for "ousts"/"fired",
            # the object; a title elsewhere in the sentence does not make it a departure.
            window = clause_before(text, start) + (
                " " + text[start:end + 50] if _takes_who_leaves(text, start, end) else "")
        elif spec.has("object_is_person"):
            # Who is hired is the object: "appoints Jane Park as CFO", "lured three researchers"
            # (not a source named after it: "selects reverse, according to a filing with the
            # National Highway Traffic Safety Administration").
            window = _ATTRIBUTION_AFTER.split(text[end:end + 70], maxsplit=1)[0]
        elif spec.has("person_around"):
            window = clause_before(text, start) + " " + text[end:end + 50]
        elif spec.has("title_inside"):  # the title may sit inside: "lost its CFO to"
            window = clause_before(text, start) + " " + text[start:end + 50]
        else:
            window = text[max(0, start - 80):end + 80]
        if not EXEC_TITLE_RE.search(window) and parties.find_person(window, [], 0) is None \
                and not (spec.event_type == "executive_departure" and _person_by_reference(
                    text, start, text[start:end].lower() == "departure")) \
                and not _the_writer_in_a_post(text, start, end) \
                and not (spec.event_type == "executive_departure" and pronoun_leaves(
                    text, start) and _named_before(previous)):
            return "no executive or person named"
        if spec.event_type == "executive_departure" and _takes_who_leaves(
                text, start, end) and _BULK_PEOPLE.match(after):
            return "a bulk cut (layoffs), not an executive"
        if spec.has("joins") and _GROUP_SUBJECT.search(
                text, max(0, start - 200), start):
            return "a group of staff joins, not an executive"
        if spec.event_type == "executive_hire" and _RECENTLY.search(text, max(0, start - 12),
                                                                    start):
            return "a past appointment ('recently appointed'), not news"
        if spec.event_type == "executive_hire" and _BULK_HIRING.search(after):
            return "bulk hiring, not an executive"
        if spec.event_type == "executive_hire" and _HIRED_A_FIRM.search(after):
            return "hired a firm, not an executive"
        if spec.event_type == "executive_hire" and _ADVISER.search(after[:80]):
            return "engaged an adviser, not an executive"
        if spec.has("person_before_as") and parties.find_person(
                after[:after.find(" as ") + 1 if " as " in after else 0], [], 0) is None:
            # "announced record revenue as its new chief executive settled in"
            return "nobody named before the post"
        if spec.has("object_is_person") and _RECRUITING.search(after):
            return "recruiting staff, not an executive"
        if spec.has("object_is_person") and _NAMED_AFTER.match(text, start, end + 50):
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
    if spec.has("restates_hire") and _HIRE_VERB_BEFORE.search(clause_before(text, start)):
        return "the hire is stated by its own verb"
    return None


def _person_by_reference(masked: str, start: int, noun: bool = False) -> bool:
    """'confirmed her exit', 'said Solberg would step down': the person named in passing."""
    before = masked[max(0, start - 60):start]
    if _PRONOUN_PERSON.search(before):
        return True
    surname = _SURNAME_SUBJECT.search(before)
    if noun and surname is not None and not re.search(r"['’]s\s+$", before):
        return False  # "delays Newark departure": only "Solberg's departure" names a person
    # "The Women's Premier Hockey League is leaving": a body's name, not a surname
    return surname is not None and surname.group(1).lower() not in NOT_A_COMPANY and (
        not parties.org_word(surname.group(1)))



def _left_a_place(after: str) -> bool:
    """'left Seoul', 'leaving London': a capitalised object that is a place, not a company."""
    word = _CAPITAL_WORD.match(after)
    return word is not None and word.group(1).lower().rstrip(".") in NOT_A_COMPANY


def leaves_employer(text: str, start: int, end: int) -> bool:
    """Whether 'joins' takes the person away from the company before it.

    A board seat is held alongside the day job ("Netflix founder joins Anthropic's board"),
    and in "hired X's head of research to join its lab" (or "..., who will join next month")
    the company before 'join' hires.
    """
    if _BOARD_SEAT.match(text, end):
        return False
    return _HIRED_TO.search(text, max(0, start - 120), start) is None


_BOARD_SEAT = re.compile(r"\s+(?:the |its |their )?(?:[\w&.'’-]+ ){0,3}?(?:advisory )?"
                         r"board\b(?! as (?:chair|chief|ceo|president))", _I)
_HIRED_TO = re.compile(r"\b(?:hire[sd]?|hiring|brought|bring(?:s|ing)?|lur(?:e|es|ed|ing)|"
                       r"recruit\w*|poach\w*|tap(?:s|ped)|named|appoint\w*|sign(?:s|ed))\b"
                       # "poached Lyft's CFO, Erin Brewer, who will join next month"
                       r"[^;]{0,80}(?: to|\bwho(?: will| would| is (?:set |due )?to)?) $", _I)
