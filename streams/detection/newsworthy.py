"""Is a found event the article's news? Position, date, tense and genre decide.

The checks before this one ask whether a sentence states an event; this one asks whether
the article *reports* it. On real text most wrong alerts are true statements about old
events: history in a profile, a timeline line, a tutorial's "since Microsoft bought
GitHub", the deal that led to today's story. The rules, in order:

1. A piece that is not a news story (timeline, review, tutorial, transcript, job ad,
   ...) reports no company events; market reports, interviews and opinion only in their
   headline and lead; a newsletter in the first sentence of each item.
2. A date that governs the trigger and lies more than three weeks before the article's
   own date makes the event background; a date of this week makes it more certain.
3. The headline and lead carry the news. Deeper in the body an event is likely news when
   it is the same event the headline or lead reports, or stated in the future or present;
   told in the past with no date, it is most likely background.

Rules 1 and 2 reject; rule 3 only records where and how the event is stated, and the
event's confidence is computed from that (``calibration.py``). Each rejection leaves its
reason on the finding, so ``rules explain`` shows why.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from . import cues
from .amounts import find_amounts
from .calibration import REPORT_NOW_TENSES
from .checks import OTHER_SENSE_REASONS
from .companies import Mention
from .events import Finding
from .first_chars import quick
from .layout import Genre, Layout
from .lexicon import EVENT_NOUNS, FICTION_WORKS, IN_SENTENCE, words
from .sentences import Sentence
from .tolerant import tolerant
from .when import (
    WITH_PHRASE_BEFORE,
    TimeRef,
    anchor_for,
    closing_stamp,
    has_past_date,
    in_closed_aside,
    time_refs,
)

Tense = Literal["future", "present", "perfect", "past", "past_perfect", "noun"]

# Genres whose events are history, examples or commentary; and those that report news only
# in their headline and lead (a market report's "X jumped after it agreed to buy Y", an
# opinion column's news hook). Newsletters and round-ups are news, item by item.
NOT_NEWS: frozenset[Genre] = frozenset({
    "timeline", "year_in_review", "review", "tutorial", "transcript", "job_ad",
    "release_notes", "explainer", "profile", "obituary", "forecast", "quiz"})
FRONT_ONLY: frozenset[Genre] = frozenset({"market_report", "interview", "opinion"})


#: In the body, an event dated more than this many days before the article is context.
BODY_PAST_AFTER_DAYS = 7

_I = re.IGNORECASE
_FUTURE = quick(r"\b(?:will|would|shall|'ll|to|plans?|planned|planning|set|poised|"
                     r"expected|agree[sd]?|agreeing|intends?|aims?|seeks?|wants?|going|"
                     r"could|may|might|is|are)\s+(?:to\s+)?(?:be\s+)?(?:[\w-]+ly\s+)?$", _I)
_INFINITIVE = quick(r"\bto\s+(?:be\s+)?(?:[\w-]+ly\s+)?$", _I)
_MODAL = quick(r"\b(?:will|would|shall|'ll|could|may|might)\s+(?:be\s+)?(?:[\w-]+ly\s+)?$",
                    _I)
_PERFECT = quick(r"\b(?:has|have|'ve)\s+(?:now\s+|also\s+|just\s+|already\s+|officially\s+|"
                      r"formally\s+)?(?:been\s+)?$", _I)
_PAST_PERFECT = quick(r"\bhad\s+(?:[\w-]+ly\s+|also\s+|just\s+|already\s+)?(?:been\s+)?$", _I)
_PRESENT_BE = quick(r"\b(?:is|are|am|'s)\s+(?:now\s+|being\s+|currently\s+)?(?:being\s+)?$",
                         _I)
_PAST_BE = quick(r"\b(?:was|were)\s+(?:[\w-]+ly\s+)?(?:being\s+)?$", _I)
_REPORTED = quick(r"\b(?:said|says|announced|announces|confirmed|confirms|disclosed|"
                       r"revealed|reported|told|stated|added)\b[^.;]{0,60}$", _I)
_IRREGULAR_PAST = words(
    """bought sold took left quit led laid made won lost struck brought became chose fell sank
    rose cut shed paid began drew gave got hit held kept lent met ran sent set spent split
    stood swore threw tore withdrew wrote went put came bid shut sought built""")
# The verb of the clause a noun trigger stands in: "... acquisition of X is in talks".
_VERB_AFTER_NOUN = quick(r"[^.;:]{0,70}?\b(is|are|has|have|will|was|were|had)\b",
                              re.IGNORECASE)
_VERB_TENSE: dict[str, Tense] = {"is": "present", "are": "present", "has": "perfect",
                                 "have": "perfect", "will": "future", "was": "past",
                                 "were": "past", "had": "past_perfect"}
_SHARED_PERFECT = quick(r"\b(?:has|have)\s+(?:[\w-]+ly\s+)?[\w-]+(?:ed|en|t)\b"
                             + IN_SENTENCE + r"{0,80}\band\s+(?:[\w-]+ly\s+)?$",
                             re.IGNORECASE)
_RECENTLY = quick(r"\b(?:recently|just)\s+$", re.IGNORECASE)
_NOUN_HEADS = EVENT_NOUNS | {"job", "workforce"}  # "job cuts", "workforce reduction"
# Third-person verbs that are also plural nouns: right after their subject they are verbs.
_VERB_OR_NOUN = words("cuts offers bids")
_SUBJECT_BEFORE = quick(r"(?:\b[A-Z][\w&.'’-]*|\b(?:it|she|he|they|company|firm|group))"
                             r"\s+$")
# The two sides of one move share a family: a hire in the lead confirms the departure from
# the other company told further down.
_FAMILY: dict[str, str] = {"executive_hire": "move", "executive_departure": "move"}
_FAMILY.update({t: t for t in ("layoffs", "acquisition", "investment", "product_launch",
                               "launch_delay", "partnership", "legal")})


def tense_of(sentence: str, start: int, end: int) -> Tense:
    """The tense in which the trigger at ``start:end`` states its event."""
    # Read as trigger matching does: 'will "immediately" cut', 'has (finally) acquired'.
    before = tolerant(sentence[max(0, start - 80):start]).text
    head = sentence[start:end].split(maxsplit=1)[0].lower().strip("'\"“‘") if end > start else ""
    if head in _VERB_OR_NOUN and _SUBJECT_BEFORE.search(sentence, max(0, start - 40), start):
        return "present"  # "Intel cuts 6,000 jobs": a headline verb, not the noun
    if head in _NOUN_HEADS:
        # "a potential acquisition of X is in discussions": the clause's verb says when.
        verb = _VERB_AFTER_NOUN.match(sentence, end)
        if verb is not None:
            return _VERB_TENSE[verb.group(1).lower()]
    if _SHARED_PERFECT.search(tolerant(sentence[max(0, start - 120):start]).text):
        return "perfect"  # "has invested $14.3 billion and brought its CEO on board"
    if _RECENTLY.search(sentence[max(0, start - 60):start]) and (
            head.endswith("ed") or head in _IRREGULAR_PAST):
        return "perfect"  # "recently postponed": as recent as a perfect
    if _PAST_PERFECT.search(before):
        return "past_perfect"
    if _PERFECT.search(before):
        return "perfect"
    if _MODAL.search(before) or _INFINITIVE.search(before) or (_FUTURE.search(before) and (
            not head.endswith("ed"))):
        return "future"
    if _PAST_BE.search(before):
        return "past"
    if _PRESENT_BE.search(before):
        return "present"
    if head in ("will", "would", "to", "plans", "plan", "agrees", "agreed"):
        return "future"
    if head in ("is", "are", "has", "have"):
        return "present" if head in ("is", "are") else "perfect"
    if head in ("was", "were"):
        return "past"
    if head in ("had",):
        return "past_perfect"
    if head in _NOUN_HEADS:
        return "noun"
    if head.endswith("ed") or head in _IRREGULAR_PAST:
        return "past"
    if head.endswith("ing"):
        joined = WITH_PHRASE_BEFORE.search(sentence, max(0, start - 60), start)
        if joined is not None and _main_verb_past(sentence[max(0, joined.start() - 100):
                                                           joined.start()]):
            # "completed its succession in the spring, with Bob Iger stepping aside": the
            # "with" phrase happens when its clause's verb did
            return "past"
    return "present"



def _main_verb_past(clause: str) -> bool:
    """The clause's last finite verb is in the past tense (not after a modal)."""
    for word in reversed(re.findall(r"[a-z]+", clause.split(",")[-1])):
        if word in ("will", "would", "shall", "could", "may", "might", "is", "are", "has",
                    "have", "to"):
            return False
        if word.endswith("ed") or word in _IRREGULAR_PAST:
            return True
    return False


@dataclass
class StoryContext:
    """Per-article facts every finding is judged against."""

    layout: Layout
    published: datetime
    sentences: list[Sentence]
    refs: dict[int, list[TimeRef]]
    text: str = ""
    headline_companies: frozenset[str] = frozenset()
    # the mentions of each sentence (by its position), read only when a rule asks which
    # watched companies a sentence names
    mentions_by_sentence: Mapping[int, Sequence[Mention]] = field(default_factory=dict)

    def named(self, index: int) -> frozenset[str]:
        """The watched companies counted in the sentence at ``index``."""
        return frozenset(m.company for m in self.mentions_by_sentence.get(index, ())
                         if m.counted)

    def has_history(self) -> bool:
        """Whether the article names any past date (read once, at most the first 20,000
        characters)."""
        if self._history is None:
            self._history = has_past_date(self.text[:20_000], self.published)
        return self._history

    _history: bool | None = None

    def headline_tells_closing(self) -> bool:
        """Whether the headline tells a deal closing (read once)."""
        if self._closing is None:
            self._closing = cues.deal_completed(self.text[:self.layout.headline_end])
        return self._closing

    _closing: bool | None = None

    def refs_of(self, sentence: Sentence) -> list[TimeRef]:
        found = self.refs.get(sentence.position)
        if found is None:
            found = self.refs[sentence.position] = time_refs(sentence.text, self.published)
        return found


# "A year after Meta's deal took its founder, Scale AI cuts 200 more jobs": the title's own
# main clause, a watched company and its verb right after the time clause's comma, is news;
# the rest of the piece stays a look back.
_YEARS_AFTER_CUE = re.compile(r"title '\W*\w+ (?:years?|decades?) after'$", re.IGNORECASE)
_MAIN_VERB = re.compile(r"(?:\s*\([^()]{1,30}\))?(?:\s+[a-z]+ly)?\s+(?:to\s+[a-z]+|[a-z]+s|"
                        r"has|is|will)\b")


def _own_voice(context: StoryContext, finding: Finding) -> bool:
    """A first-person post by the company of its headline telling its own news: "The board
    has appointed Priya as our next CEO" under "Why I'm stepping down as CEO of Kestrel"."""
    return finding.company in context.headline_companies and _OURS.search(
        context.sentences[finding.sentence_index].text) is not None


_OURS = re.compile(r"\bour (?:(?:next|new|incoming|first|interim)\s+)?(?:CEO|CFO|CTO|COO|chief|"
                   r"president|chair\w*|board|company|team|business|founders?)\b|"
                   r"\bwe(?:['’]ve| have|['’]re| are|['’]ll| will)?\s+(?:signed|agreed|acquired|"
                   r"raised|hired|appointed|launched|named|closed|completed|welcomed)\b",
                   re.IGNORECASE)


def _this_weeks_news(context: StoryContext, finding: Finding) -> bool:
    """A show's notes open on the week's news: "This week: Anthropic hires OpenAI's
    post-training lead Miriam Solberg, plus our take on ..." (in the present tense, a name
    first)."""
    if finding.zone not in ("headline", "lead") or finding.mention_start < 0:
        return False
    sentence = context.sentences[finding.sentence_index].text
    opening = _THIS_WEEK.match(sentence)
    if opening is None or not sentence[opening.end():opening.end() + 1].isupper():
        return False  # a name opens the news ("This week: Anthropic hires OpenAI's ...")
    start = max(finding.trigger_start, 0)
    tense = tense_of(sentence, start, start + len(finding.trigger))
    # "This week: Nvidia's new investment in Safe Superintelligence, and ...": the news named
    # ("This week on Checkout Lane: Stripe named Dr. Aiko Tanaka its first chief AI officer
    # on Tuesday": told in the past, with a day of this week)
    return tense in ("present", "perfect") or (tense == "noun" and _OWNER_FIRST.match(
        sentence, opening.end()) is not None) or (
        tense == "past" and _dated_this_week(context, finding))


# A sentence that opens in the time of the one before: "The same day, ...", "That
# morning, ...", "Hours later, ...".
_SAME_TIME = re.compile(r"\W*(?:(?:on|later|earlier)\s+)?(?:the\s+same|that)\s+(?:day|morning|"
                        r"afternoon|evening|night|week)\b|\W*(?:hours|minutes|moments)\s+later\b",
                        re.IGNORECASE)


# A look-back that opens on news of its own: "The year in biotech: ..." over "Pfizer said on
# Monday it would invest $200 million in Orrin".
# (Not a timeline: "This week in tech history: Microsoft goes public (March 9-15)" dates
# the days of other years.)
_LOOKS_BACK: frozenset[Genre] = frozenset({"year_in_review"})
#: A hands-on or review written the day a product is shown reports that day's news when it
#: dates it so ("Meta unveiled the Quest 4S this morning"); a week-old launch it reviews
#: stays background.
_SAME_DAY_NEWS: frozenset[Genre] = frozenset({"review"})
#: A date at most this many days old, in the headline or lead, is the piece's own news.
_THIS_WEEK_DAYS = 7


def _dated_this_week(context: StoryContext, finding: Finding, *, same_day: bool = False) -> bool:
    """The review reports the event as news of its own, in a sentence that names no past
    ("Today's deal: Tesla buys SolarCity, announced June 2016" is a story retold): its
    headline or lead with a date of this week ("said on Monday"), or any sentence with
    today's ("Today I'm pleased to share that Quillfeather has agreed to acquire ...")."""
    sentence = context.sentences[finding.sentence_index]
    start = max(finding.trigger_start, 0)
    end = start + len(finding.trigger)
    tense = tense_of(sentence.text, start, end)
    if tense == "noun" or any(r.is_past and not r.this_year for r in context.refs_of(sentence)):
        # "this week's launches": a section, not a report ("said on Tuesday it would cut 180
        # jobs, its first reduction this year" still reports)
        return False
    refs = [r for r in context.refs_of(sentence) if _governs(r, finding, tense, context)]
    anchor = anchor_for(sentence.text, refs, start, end, object_dated=finding.object_dated)
    if anchor is None or anchor.when != "current" or anchor.days_before is None:
        return False
    # deeper in the piece, only a report of today ("Today I'm pleased to share that ...")
    reach = _THIS_WEEK_DAYS if finding.zone in ("headline", "lead") and not same_day else 0
    return 0 <= anchor.days_before <= reach


# "Nvidia's new investment in", "Meta Platforms' layoffs": a name that owns the noun.
_OWNER_FIRST = re.compile(r"[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3}['’]s?\s+"
                          r"(?:(?:new|latest|surprise|big|planned)\s+)?")
_THIS_WEEK = re.compile(r"\W*(?:this week|today|this morning|(?:on )?(?:this week|today)['’]?s "
                        r"(?:show|episode)|(?:this week|today) on (?:[\w'’&-]+ ){0,3}?"
                        r"[\w'’&-]+)\s*[:,—–-]\s*", re.IGNORECASE)


def _main_clause_after_time(context: StoryContext, finding: Finding) -> bool:
    """The finding is about the subject of the title's main clause, stated in the headline
    at that subject or again in the lead ("Adobe closes ... purchase" / "Adobe has
    completed its acquisition of")."""
    layout = context.layout
    if layout.genre != "timeline" or not _YEARS_AFTER_CUE.match(layout.genre_cue) or (
            finding.zone not in ("headline", "lead")) or not layout.headline_end:
        return False
    title = context.text[:layout.headline_end]
    comma = title.find(",")
    if comma < 0:
        return False
    start = comma + 1 + len(title[comma + 1:]) - len(title[comma + 1:].lstrip())
    name_end = title.find(" ", start)
    while name_end > 0 and title[name_end + 1:name_end + 2].isupper():
        name_end = title.find(" ", name_end + 1)  # "Scale AI cuts": past the name's words
    if name_end < 0 or _MAIN_VERB.match(title, name_end) is None:
        return False
    sentence = context.sentences[finding.sentence_index]
    if finding.zone == "headline":
        return sentence.start + finding.mention_start == start and finding.mention_start >= 0
    # in the lead, only a sentence that opens on the company and reports now
    at = max(finding.trigger_start, 0)
    return finding.mention_start == 0 and title[start:name_end].startswith(
        finding.company) and tense_of(sentence.text, at, at + len(finding.trigger)) in (
        REPORT_NOW_TENSES)


_DEALS = frozenset({"acquisition", "investment", "partnership"})
# "it hasn't happened" (not "yet": a step still to come), "that's the headline I'd like to
# write", "this is an argument, not a scoop"
_IMAGINED = re.compile(
    r"\b(?:it|this|that|none of (?:this|it)) (?:still )?(?:hasn['’]t|has not|didn['’]t|"
    r"did not) happen(?:ed)?\b(?! yet\b)|"
    # "Uber acquires Instacart for $12 billion. (It hasn't. But it should.)"
    r"^\W*it (?:still )?(?:hasn['’]t|has not|didn['’]t|did not)\W*$|"
    r"\bthe headline (?:I['’]d|I would|we['’]d|we would|"
    r"(?:a|any|every|one) [\w-]+ would) (?:like|love|want) to (?:write|see|read)\b|"
    # "That's the memo I'd write if I were Disney's CMO for a day"
    r"\b(?:that['’]s|that is|this is) the (?:memo|headline|press release|announcement|email|"
    r"letter|post) (?:I['’]d|I would|we['’]d|we would) (?:write|send|issue|post)\b|"
    r"\bnot a scoop\b|"
    # "Halvorsen & Co. bought Boeing this morning. On paper, anyway: its analyst upgraded
    # BA to Buy": figuratively
    r"\bon paper,?\s+anyway\b|"
    # "Google will launch a choice screen ... That, at least, is what Assembly Bill 1182
    # says", "That, at least, is what a screenshot circulating on Blind claimed": someone
    # else's claim, doubted (not the company's own word)
    r"^\W*that,?\s+at\s+least,?\s+is\s+what\s+(?!(?:the\s+)?(?:company|firm|it|they)\b)"
    r"(?:[\w'’&.-]+\s+){1,8}?(?:says?|said|claims?|claimed|states?|stated|suggests?|"
    r"suggested|proposes?|proposed)\b", re.IGNORECASE)


def _imagined_in_lead(context: StoryContext) -> str | None:
    """What the headline or lead says of its own event that has not happened."""
    for sentence in context.sentences[:12]:
        if sentence.start >= context.layout.lead_end:
            break
        found = _IMAGINED.search(sentence.text)
        if found:
            return found.group()
    return None


def _denied_by_party(finding: Finding, denials: list[tuple[str, int]],
                     context: StoryContext) -> str | None:
    """The sentence of the story that denies ``finding``'s event, when the finding reports
    talks or a rumour: a denial of an event of its kind that names its company and, when it
    has one, its counterparty (a deal agreed or done outlives a denial of earlier talks)."""
    if finding.stage not in ("rumored", "talks") or finding.event_type not in _DEALS:
        return None
    family = _FAMILY[finding.event_type]
    for kind, index in denials:
        if kind != family or index == finding.sentence_index:
            continue
        named = context.named(index)
        sentence = context.sentences[index].text
        if finding.company in named and (finding.counterparty is None or (
                finding.counterparty in named or finding.counterparty in sentence)):
            return sentence[:80]
    return None


def judge(findings: list[Finding], context: StoryContext) -> None:
    """Reject each accepted finding the article does not report as news; record, on the
    others, the features the event's confidence is computed from (``calibration``)."""
    layout = context.layout
    accepted = [f for f in findings if f.accepted]
    if not accepted:
        return
    genre = layout.genre
    front: set[tuple[str, str]] = set()
    # "Uber says it is 'not pursuing' a bid for Wayfarer": the story is a denial, and the
    # report it denies, retold below, is no news about the companies of the headline.
    denied = cues.denial(context.text[:layout.headline_end]) if layout.headline_end else None
    # "Nvidia to launch its own gaming handheld, leaker claims. Nvidia says no": a later
    # sentence of the headline denies what the one before reports.
    denied_after = min((s.position for s in context.sentences
                        if s.start < layout.headline_end and s.position > 0
                        and cues.denial(s.text)), default=None) if denied else None
    # "Lumora Health was not sued over a data breach": the headline says the event did not
    # happen, and what the article quotes of it is the error it corrects.
    negated = _negated_in_headline(findings, context)
    # "Pinecrest Bank Buys Kestrel Payments. ... That's the headline I'd like to write": the
    # lead says the headline's event has not happened.
    imagined = _imagined_in_lead(context)
    # "Cobaltline is not in discussions with Nvidia or any other party regarding a sale": a
    # party's denial anywhere in the story, of a deal of the kind, naming both parties.
    party_denials = [(_FAMILY[f.event_type], f.sentence_index) for f in findings
                     if not f.accepted and f.reason.startswith("denied (")
                     and f.event_type != "legal"]
    # "Intel's foundry chief is leaving, a newsletter says. Intel says no" over a body whose
    # report of the same departure is refuted by the next sentence ("the claim was 'false'"):
    # the events whose report the story refutes, with their counterparties.
    # (read once per finding: the loop below takes each one's answer from here)
    refutations = {id(f): said for f in accepted
                   if (said := _refuted_next(context.sentences, f)) is not None}
    refuted_reports = {(f.company, f.event_type, f.counterparty) for f in accepted
                       if id(f) in refutations}
    lead_senses = _read_otherwise_in_lead(findings, context)
    # Statements dated in the past, and the findings their sentence states without a date.
    dated: dict[tuple[int, str, str], tuple[str, int, int]] = {}
    undated: list[Finding] = []
    lately: list[tuple[Finding, str]] = []
    for finding in accepted:
        sentence = context.sentences[finding.sentence_index]
        finding.zone = layout.zone(sentence.start, sentence.start + max(finding.trigger_start, 0))
        if denied and finding.zone != "headline" and finding.event_type != "legal" and (
                finding.company in context.headline_companies):
            _reject(finding, f"denied in the headline ({denied!r})")
            continue
        if denied_after is not None and finding.zone == "headline" and (
                finding.sentence_index < denied_after) and finding.event_type != "legal":
            _reject(finding, f"denied later in the headline ({denied!r})")
            continue
        if (finding.company, _FAMILY[finding.event_type]) in negated:
            _reject(finding, "the headline says it did not happen")
            continue
        if imagined and finding.zone != "body" and finding.event_type != "launch_delay":
            _reject(finding, f"the lead says it has not happened ({imagined!r})")
            continue
        denier = _denied_by_party(finding, party_denials, context)
        if denier is not None:
            _reject(finding, f"a party denies it elsewhere in the story: {denier!r}")
            continue
        if 0 <= layout.closing_start <= sentence.start:
            _reject(finding, f"boilerplate: a release's closing section "
                             f"({layout.closing_heading!r})")
            continue
        if genre in NOT_NEWS and not _main_clause_after_time(context, finding) and not (
                genre == "transcript" and _this_weeks_news(context, finding)) and not (
                (genre in _LOOKS_BACK or _YEARS_AFTER_CUE.match(layout.genre_cue))
                and _dated_this_week(context, finding)) and not (
                genre in _SAME_DAY_NEWS and _dated_this_week(context, finding, same_day=True)):
            _reject(finding, f"not a news story ({genre}: {layout.genre_cue})")
            continue
        refuted = refutations.get(id(finding))
        if refuted:
            _reject(finding, f"a sentence next to it refutes the report ({refuted!r})")
            continue
        if finding.zone == "headline" and _same_report_refuted(finding, refuted_reports):
            _reject(finding, "the story refutes the same report below")
            continue
        if finding.zone == "headline" and (
                finding.event_type, _stem(finding), finding.company) in lead_senses:
            # "Shell pulls the plug on card payments at forecourts" over "Shell pulled the
            # plug on card payments at 1,200 stations on Sunday", read as no launch: the
            # headline's words mean what the lead's same words mean (the trigger and the two
            # words after it the same)
            _reject(finding, "the lead reads the same words in another sense")
            continue
        if genre in FRONT_ONLY and finding.zone == "body" and not (
                genre == "opinion" and _own_voice(context, finding)):
            _reject(finding, f"{genre.replace('_', ' ')}: only its headline and lead report "
                             "news")
            continue
        start = max(finding.trigger_start, 0)
        end = start + len(finding.trigger)
        finding.tense = tense_of(sentence.text, start, end)
        if finding.tense == "past" and _sets_up_now(context, finding, sentence):
            # "Northwind cut 12% of staff. Now the margins show it": the past sets up the
            # news that follows "Now".
            _reject(finding, f"background: the {finding.zone}'s next sentence tells what is "
                             "new ('Now ...')")
            continue
        looked_back = _looked_back_at(context, finding)
        if looked_back is not None:
            # "Boeing completed its acquisition of Spirit AeroSystems. Six months after that
            # December 2025 closing, May's figures show ...": the next sentence dates the
            # event it points back to, and goes on to what is new.
            _reject(finding, f"background: {looked_back[0]} looks back at it "
                             f"({looked_back[1]!r})")
            continue
        refs = [r for r in context.refs_of(sentence)
                if _governs(r, finding, finding.tense, context)]
        moved_to = _moved_to_the_past(context.refs_of(sentence), finding)
        if moved_to is not None:
            # "pushed Hollowmere from 2023 to October 2024" in an article of 2025: the new
            # date is already behind the story, so the delay is too.
            _reject(finding, f"background, delayed {moved_to.text!r}, a date already past")
            finding.past = moved_to.text
            continue
        plan = _EARLIER_PLAN.search(sentence.text, 0, start) if finding.tense == "future" else None
        if plan is not None and _NOW_AFTER_PLAN.search(sentence.text, plan.end(), start) is None:
            # "Stripe had said Tempo's main network would go live by the end of this year":
            # a plan told as it stood before, not today's news.
            _reject(finding, f"background: an earlier plan ({plan.group()!r})")
            continue
        anchor = anchor_for(sentence.text, refs, start, end, object_dated=finding.object_dated)
        if finding.sentence_index and _SAME_TIME.match(sentence.text) and (
                anchor is None or not anchor.is_past):
            # "The same day, Brightwater announced ...": the day of this week named a
            # sentence or two before (a past date there may be an aside's: not taken)
            for back in range(finding.sentence_index - 1, max(finding.sentence_index - 4, -1),
                              -1):
                now = [r for r in context.refs_of(context.sentences[back])
                       if r.when == "current"]
                if now:
                    anchor = now[0]
                    break
        if anchor is not None and (anchor.is_past or (
                finding.zone == "body" and anchor.days_before is not None
                and anchor.days_before > BODY_PAST_AFTER_DAYS)):
            # Deep in the body a week-old date is context; the headline and lead of a story
            # published days after its event still report it (up to PAST_AFTER_DAYS).
            _reject(finding, f"background, dated {anchor.text!r} "
                             f"({int(anchor.days_before or 0)} days before the article)")
            finding.past = anchor.text
            dated[(finding.sentence_index, finding.company, finding.event_type)] = (
                anchor.text, start, end)
            continue
        if anchor is not None and anchor.when == "future" and finding.tense == "present" and (
                finding.event_type not in _RUN_AHEAD) and _IN_A_YEAR.match(anchor.text) and (
                _in_a_later_year(anchor.text, context.published.year)):
            # "Apple launches a foldable iPhone in September 2027 ..." in a piece of 2026,
            # "In 2050, Google buys the Moon": the present of a scenario, not a report
            # ("will launch in 2027" is a plan told today; "rolls out ... from 2025 to 2027"
            # a span that starts now)
            _reject(finding, f"a scenario: told in the present, set in {anchor.text!r}")
            continue
        if anchor is None:
            undated.append(finding)
        elif finding.zone == "body" and _LATELY.fullmatch(anchor.text):
            lately.append((finding, anchor.text))
        # Its own dated report: "on Monday", "this week", "yesterday", a date days old.
        finding.dated_now = anchor is not None and anchor.when == "current" and (
            anchor.days_before is not None and anchor.days_before <= 10)
        finding.past_setting = anchor is None and _told_in_the_past(
            sentence.text, refs, context.refs_of(sentence), start)
        # Read the whole article for past dates only when it matters: a report deep in the
        # body, in a tense that tells the present (the only use ``calibration`` makes of it).
        finding.no_history = (finding.zone == "body" and finding.tense in REPORT_NOW_TENSES
                              and not context.has_history())
        finding.about_headline = (finding.company in context.headline_companies
                                  or finding.counterparty in context.headline_companies)
        finding.notes.append(f"{finding.zone}, {finding.tense}"
                             + (f", dated {anchor.text!r}" if anchor else "")
                             + (", in a sentence set in the past" if finding.past_setting else ""))
        if finding.zone != "body":
            front.add((finding.company, _FAMILY[finding.event_type]))
            if finding.counterparty:
                front.add((finding.counterparty, _FAMILY[finding.event_type]))
    # "said in January 2023 that it would cut 10% of its workforce and close some offices":
    # one statement, one date; the trigger further from it is the same dated event.
    # "Meta cut 11,000 jobs in November 2022, its first mass layoff": a noun restating a
    # dated act of its kind (rejected before its company was read) is that act again.
    told: dict[tuple[int, str], tuple[str, int, int]] = {}
    for finding in findings:
        if not finding.accepted and not finding.company and finding.trigger_start >= 0 and (
                finding.past):
            told.setdefault((finding.sentence_index, finding.event_type), (
                finding.past, finding.trigger_start,
                finding.trigger_start + len(finding.trigger)))
    dated_sentences = {index for index, _, _ in dated}
    dated_now = {f.sentence_index for f in findings if f.accepted and f.dated_now}
    for finding in undated:
        if finding.sentence_index - 1 in dated_now and finding.accepted and _ALSO_DONE.match(
                context.sentences[finding.sentence_index].text):
            # "This week, BP launched legal action against Transocean. It also filed a
            # lawsuit against Halliburton": 'also' goes on with this week's story.
            finding.dated_now = True
            finding.notes.append("goes on with the sentence before, dated this week ('also')")
            continue
        if finding.sentence_index - 1 in dated_sentences and _ALSO_DONE.match(
                context.sentences[finding.sentence_index].text):
            # "On August 1, 2016, Uber agreed to sell ... Didi also agreed to invest $1
            # billion in Uber": 'also' goes on with the dated story of the sentence before.
            _reject(finding, "background: goes on with the dated sentence before it ('also')")
            front.discard((finding.company, _FAMILY[finding.event_type]))
            continue
        statement = dated.get((finding.sentence_index, finding.company, finding.event_type))
        if statement is None and finding.tense == "noun":
            statement = told.get((finding.sentence_index, finding.event_type))
            if statement is not None and statement[2] > max(finding.trigger_start, 0):
                statement = None  # only a noun after the dated act restates it
        if statement is None:
            continue
        when, dated_start, dated_end = statement
        said = context.sentences[finding.sentence_index].text
        at = max(finding.trigger_start, 0)
        between = said[dated_end:at] if at >= dated_end else said[at + len(finding.trigger):
                                                                  dated_start]
        if not _ANOTHER_ONE.search(said, max(0, at - 25), at + len(finding.trigger) + 25) and (
                not _OWN_CLAUSE.search(between)):
            _reject(finding, f"background: the same statement is dated {when!r}")
            finding.past = when
            front.discard((finding.company, _FAMILY[finding.event_type]))
    in_front = {company for company, _ in front}
    for finding, when in lately:
        # "Northwind unveils trailer-unloading robot" over "Northwind raised $95 million last
        # week in a private placement anchored by Nvidia": the story's news is another event
        # of a party; last week's is what led up to it (both parties' sides of it).
        parties = {p for p in (finding.company, finding.counterparty) if p}
        family = _FAMILY[finding.event_type]
        if finding.accepted and parties & in_front and not any(
                (p, family) in front for p in parties):
            _reject(finding, f"background: dated {when!r}, an event of a company whose news "
                             "today is another")
    for finding in accepted:
        if finding.accepted and finding.zone == "body":
            finding.same_story = (finding.company, _FAMILY[finding.event_type]) in front
            if not finding.same_story and finding.event_type in _DEALS and (
                    finding.company in in_front or (
                    finding.counterparty in in_front)) and _TIED_TO_THE_FRONT.match(
                    context.sentences[finding.sentence_index].text):
                # "Under a separate agreement announced at the same time, Samsung will
                # preinstall Perplexity's assistant", "As part of the deal, Uber is also
                # making an equity investment": a second deal of the front's story.
                finding.same_story = True
                finding.notes.append("tied to the deal the headline or lead reports")
            elif not finding.same_story and finding.company in context.headline_companies and (
                    _SAME_RELEASE.match(context.sentences[finding.sentence_index].text)):
                # "In the same release, Meta said it had hired ...": one more item of the
                # announcement the headline reports, of the same day.
                finding.same_story = True
                finding.notes.append("told in the release the headline reports")
    _dated_by_the_front(findings, context)
    _dated_by_its_amount(findings, context)
    _framed_as_commentary(findings, context)


_DEALS = frozenset({"partnership", "investment", "acquisition"})
# Dates of the days before a story ("Northwind raised $95 million last week", "hired Snap's
# finance chief as its CFO earlier this month"); not "earlier this week", which a wire story
# uses for the news that leads to today's ("earlier this week it bought control of NASN").
_LATELY = re.compile(r"last week|(?:earlier )?this month", re.IGNORECASE)
# A body sentence that opens on the deal of the story's front: "Under a separate agreement
# (announced at the same time)", "As part of the deal", "Alongside the investment".
_TIED_TO_THE_FRONT = re.compile(
    r"\W*(?:(?:under|in|through|with) (?:a|an) separate (?:[\w-]+ ){0,3}?(?:agreement|deal|pact|"
    r"arrangement|contract)|(?:alongside|as part of|in addition to|under) (?:the|this|that|its|"
    r"their) (?:[\w-]+ ){0,2}?(?:investment|deal|round|acquisition|agreement|transaction|"
    r"financing|stake|takeover|purchase|partnership|pact))\b", re.IGNORECASE)


# "In the same release", "In the same filing": the announcement the headline reports.
_SAME_RELEASE = re.compile(r"\W*(?:in|with|alongside) (?:the same|that|the) (?:press )?(?:release|"
                           r"statement|filing|announcement|letter|update|post)\b(?! (?:of|in|on) )",
                           re.IGNORECASE)


# "Didi also agreed to ...", "The company also bought ...": a subject, 'also', a past verb.
# Not a report of something else ("also announced it is launching", "also confirmed it has
# been sued"): those tell their own news.
_ALSO_DONE = re.compile(r"\W*(?:(?:the|its|their)\s+)?(?:[\w&.'’-]+\s+){1,3}?also\s+"
                        r"(?!(?:now|today|said|says|announced|confirmed|revealed|disclosed|told|"
                        r"reported|unveiled|noted|added|stated)\b)[a-z]{3,}ed\b"
                        r"(?![^.;]*\b(?:is|are|has|have|will|now|today|this week|on (?:monday|"
                        r"tuesday|wednesday|thursday|friday)|yesterday)\b)", re.IGNORECASE)


# "... and will now cut 700 more jobs": a second event of the kind, not the dated one again.
# "..., and it is laying off", "... and Bob Iger told staff that the company is": a clause of
# its own, which may report something new.
_OWN_CLAUSE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|said|says|told|tells|"
                         r"it|they|he|she|the company)\b", re.IGNORECASE)
_ANOTHER_ONE = re.compile(r"\b(?:now|again|more|additional|another|further|new|second|"
                          r"third)\b", re.IGNORECASE)


_NOW_OPENS = re.compile(r"\W*(?:and\s+)?now\b(?!\s+(?:that|for)\b)", re.IGNORECASE)


def _sets_up_now(context: StoryContext, finding: Finding, sentence: Sentence) -> bool:
    """A past event in the headline, or in the lead of a company the headline does not name
    and undated this week, whose next sentence (in the same part) opens on "Now" ("Cuffless
    blood pressure: FDA draft guidance ..." over "Apple launched hypertension notifications.
    Now a draft guidance ...")."""
    if finding.zone == "headline":
        return _now_follows(context, finding.sentence_index, context.layout.headline_end)
    return finding.zone == "lead" and finding.company not in context.headline_companies and (
        not any(r.when == "current" for r in context.refs_of(sentence))) and _now_follows(
        context, finding.sentence_index, context.layout.lead_end)


def _now_follows(context: StoryContext, index: int, within: int) -> bool:
    """The next sentence, starting before ``within`` (the headline's or the lead's end),
    opens on "Now"."""
    if index + 1 >= len(context.sentences):
        return False
    following = context.sentences[index + 1]
    return following.start < within and _NOW_OPENS.match(following.text) is not None


# The opening of a sentence that points back at the event of the sentence before as past:
# "That was in 2024.", "That was last year.", "Six months after that December 2025 closing",
# "Eighteen months on from that January 2025 appointment", "More than four years after that
# 2022 filing".
# "Both happened three years ago.", "All of that was back in June." point back at more
# than one event of the sentence before.
_POINTER = (r"(?:(?:that|this|it|both(?:\s+(?:things|events|moves|deals|of\s+them|of\s+these))?|"
            r"all\s+(?:of\s+)?(?:that|this|it|them|three|two))\s+"
            r"(?:was|were|happened|came|took\s+place)\s+"
            # "That was the news in January 1984.", "That was the pitch, more or less, in"
            r"(?:the\s+(?:news|pitch|story|headline|plan|idea|announcement)(?:,?\s+more\s+or\s+"
            r"less,?)?\s+)?(?:back\s+)?"
            r"(?:in|on|last|(?:1[89]|20)\d\d\b|(?:[\w-]+\s+){1,3}?ago\b)"
            # "Block bought Afterpay for $29 billion in stock, ... The deal was announced in
            # August 2021": the event named again, with its date
            r"|the\s+(?:deal|acquisition|takeover|purchase|merger|layoffs|job\s+cuts|launch|"
            r"lawsuit|suit|appointment|investment|round)\s+(?:was|were|had\s+been)\s+"
            r"(?:first\s+)?(?:announced|agreed|signed|struck|completed|closed|unveiled|filed|"
            r"made|raised)\s+(?:back\s+)?(?:in|on)\s+(?:[\w.]+\s+){0,2}?(?P<deal_year>(?:19|20)\d\d)\b)")
_LOOKS_BACK_AT_IT = re.compile(
    rf"\W*(?:(?P<pointer>{_POINTER})"
    r"|(?:[\w-]+\s+){0,3}?(?:days?|weeks?|months?|years?|decades?)\s+(?:on\s+from|after|"
    r"since)\s+that\b"
    # "Marisol Okafor resigned from Boeing on a Tuesday. Two decades later she has been
    # named ...": a span of years since, with no date needed
    r"|(?:[\w-]+\s+){0,3}?(?:years?|decades?)\s+later\b"
    # "Microsoft bought Nuance for $19.7 billion. ... Four years after the deal closed, ..."
    r"|(?:[\w-]+\s+){0,3}?(?:months|years?|decades?)\s+(?:on\s+from|after|since)\s+the\s+"
    r"(?:deal|acquisition|takeover|purchase|merger|launch|lawsuit|suit|layoffs|job\s+cuts|"
    r"delay|appointment|departure)\b"
    # "Kestrel was sued, lost its CEO and laid off half its staff. Its co-founder told
    # Money20/20 how it survived": a story of getting through it, told afterwards
    r"|(?:[\w'’/.-]+\s+){1,6}?(?:told|tells|recalls|recounts|explains|explained|shares|shared|"
    r"describes|described)\s+(?:[\w'’/.-]+\s+){0,4}?how\s+(?:it|they|the\s+\w+|she|he|we|I)\s+"
    r"(?:survived|recovered|rebuilt|came\s+back|bounced\s+back|pulled\s+through|got\s+through|"
    r"turned\s+(?:it|things)\s+around|lived\s+through|made\s+it\s+through))",
    re.IGNORECASE)
# The same look back as a clause of the event's own sentence: "Disney delayed Frostline to
# March 2027 — but that was back in June", "...; that was 2023, and the remediation ...".
# "Shell acquires BG Group for $53 billion — ten years after that deal closed, ...",
# "Microsoft bought Activision Blizzard, and three years after the deal closed ...": a span
# since the event says it is past, with no date needed.
_LOOKS_BACK_IN_CLAUSE = re.compile(
    rf"(?:[;—–]|,\s*(?:but|and)|\s-)\s*(?:but\s+)?(?:(?P<pointer>{_POINTER})|(?P<span>"
    r"(?:[\w-]+\s+){0,3}?(?:months|years?|decades?)\s+(?:on\s+from|after|since)\s+"
    r"(?:that|the\s+(?:deal|acquisition|takeover|purchase|merger|sale|launch|lawsuit|suit|"
    r"layoffs?|cuts?|delay|appointment|departure)\b)))", re.IGNORECASE)
_TOLD_DONE = frozenset({"past", "perfect", "past_perfect", "noun"})


def _looked_back_at(context: StoryContext, finding: Finding) -> tuple[str, str] | None:
    """Where and in which words the article looks back at ``finding``'s event, told as done,
    as past: a clause after it in its sentence or the next sentence's opening, with a date
    before the article in those words, or a span of time since."""
    index = finding.sentence_index
    sentence = context.sentences[index]
    after = max(finding.trigger_start, 0) + len(finding.trigger)
    # (near the event only: a runaway sentence is not read to its end for every trigger; a
    # headline's present, "Boeing delays 777X deliveries to 2027 — that was last October's
    # news", is looked back at as well)
    clause = _LOOKS_BACK_IN_CLAUSE.search(sentence.text, after, after + 200) if (
        finding.tense in _TOLD_DONE or finding.tense == "present") else None
    if clause is not None and clause.group("deal_year") and (
            int(clause.group("deal_year")) >= context.published.year):
        clause = None  # (this year's deal may close now)
    if clause is not None and (clause.group("span") or any(
            ref.is_past and ref.start >= clause.start("pointer")
            for ref in context.refs_of(sentence))):
        return "a clause after it", (clause.group("pointer") or clause.group("span")).strip()
    # (a present or a plan, "Apple is launching a computer, and it bought a minute of the
    # Super Bowl", looked back at by a dated pointer: "That was the news in January 1984.")
    told_now = finding.tense not in _TOLD_DONE
    if index + 1 >= len(context.sentences):
        return None
    following = context.sentences[index + 1]
    found = _LOOKS_BACK_AT_IT.match(following.text)
    if found is not None and told_now and not found.group("pointer"):
        found = None
    where = "the next sentence"
    if found is None and finding.zone == "headline":
        where = "the lead"
        # "Microsoft bought Nuance for $19.7 billion. What should it do with it now?" over
        # "Four years after the deal closed, ...": the lead's opening looks back at it too.
        following = next((s for s in context.sentences[index + 1:index + 4]
                          if s.start >= context.layout.headline_end), following)
        found = _LOOKS_BACK_AT_IT.match(following.text)
    if found is None:
        return None
    if found.group("pointer") and not any(ref.is_past for ref in context.refs_of(following)):
        return None  # "That was in line with forecasts": no date of its own
    if found.group("deal_year") and int(found.group("deal_year")) >= context.published.year:
        return None  # "The deal was announced in March 2026": this year's deal may close now
    return where, found.group().strip()


def _dated_by_the_front(findings: list[Finding], context: StoryContext) -> None:
    """Reject retellings of an event the headline or lead dates in the past.

    "Microsoft bought GitHub in 2018. Here's why ..." or a lead of "Last June, Meta agreed
    to invest $14.3 billion in Scale AI": when the front of the article states an event
    only with a past date (its finding rejected as background, nothing newer about it in
    that sentence), the same event told again elsewhere without a date of its own is that
    old event, not news. The same event: same family, and both of its sides named there.
    """
    layout = context.layout
    # (sentence, family, sides, where, the type when only the same object makes it the
    # same event)
    dated: list[tuple[int, str, frozenset[str], str, str | None]] = []
    for finding in findings:
        if finding.accepted or not finding.reason.startswith("background"):
            continue
        sentence = context.sentences[finding.sentence_index]
        zone = layout.zone(sentence.start, sentence.start + max(finding.trigger_start, 0))
        if zone == "body":
            continue
        by_object: str | None = None
        if finding.company:
            sides = frozenset(s for s in (finding.company, finding.counterparty) if s)
        elif zone == "headline":  # rejected before its parties were read: all it names
            sides = context.headline_companies
        elif _in_a_past_year(finding.past, context.published.year):
            # the lead, rejected before its parties were read, by a year or "years ago":
            # the companies its sentence names, and only for the same object
            sides = context.named(finding.sentence_index)
            by_object = finding.event_type
        else:
            continue
        family = _FAMILY[finding.event_type]
        if not sides or any(f.accepted and f.sentence_index == finding.sentence_index
                            and _FAMILY[f.event_type] == family and f.company in sides
                            for f in findings):
            continue  # the same sentence also states something newer about it
        dated.append((finding.sentence_index, family, sides, f"the {zone}", by_object))
        if zone == "headline" and by_object is None and _in_a_past_year(
                finding.past, context.published.year):
            # "'Salesforce launches Agentforce': ..., the 2024 slide": the lead's quote of
            # the same launch is that old launch too
            dated.append((finding.sentence_index, family, sides, "the headline",
                          finding.event_type))
    if not dated:
        return
    for finding in findings:
        if not finding.accepted or finding.dated_now:
            continue
        restated = bool(finding.counterparty) or _restates(finding, context)
        for index, family, sides, where, by_object in dated:
            if index == finding.sentence_index or _FAMILY[finding.event_type] != family or (
                    finding.company not in sides):
                continue
            if (by_object is None and restated and (
                    finding.counterparty in sides if finding.counterparty
                    else sides == {finding.company})) or (
                    by_object == finding.event_type
                    and sides <= {finding.company, finding.counterparty}
                    and _same_thing(finding, context.sentences[index].text, context,
                                    where)):
                _reject(finding, f"background: {where} dates this event in the past")
                break


# After a headline's event, what turns it into the subject of a comment or a question:
# "Meta cuts 11,000 jobs: what actually happens the day the email lands", "Adobe drops its
# Figma deal. Here's why it still matters", "..., and a new book tries to explain why",
# "Northwind buys Cobaltline: would it work?", "Pinecrest gets fined. Nobody learns.", "Uber
# buys Brightwater: a freight thought experiment"
_COMMENTARY_TAIL = re.compile(
    r"(?:[:?!—–]|\.(?=\s)|,?\s+and)\s+(?:(?:so|but|and)\s+)?(?:what|why|how|here'?s|here\s+is|"
    r"a\s+case\b|(?:the\s+)?lessons?\b|a\s+look\b|a\s+new\s+book|looking\s+back|nobody|"
    # "Uber buys Brightwater Logistics: a freight thought experiment"
    r"an?\s+(?:[\w-]+\s+){0,2}?(?:thought\s+experiment|what-if|hypothetical|scenario|"
    r"fantasy|daydream)\b|"
    r"(?:should|would|could|did|does|was|is)\s+(?:it|i|we|you|they|that)\b)",
    re.IGNORECASE)


def _framed_as_commentary(findings: list[Finding], context: StoryContext) -> None:
    """Reject a headline's event that the rest of the headline makes the subject of a
    comment or a question, when the lead does not report it.

    A news headline goes on to what is new ("Stripe plans 450 job cuts: what we know" over
    a lead that tells the cuts); an explainer, essay or review names a known event and then
    its own subject, and its lead tells that subject, or the event with its old date."""
    end = context.layout.headline_end
    if not end or not context.text[end:].strip():
        return  # a headline alone: nothing says its event is not news
    headline = context.text[:end]
    tail = _COMMENTARY_TAIL.search(headline)
    if tail is None:
        return
    # (the headline repeated at the top of the text, or quoted, does not report it again)
    said = _bare(headline)
    reported = {(f.company, _FAMILY[f.event_type]) for f in findings
                if f.accepted and f.zone == "lead"
                and _bare(context.sentences[f.sentence_index].text) not in said}
    framed = _bare(headline[:tail.start()])
    # the events the headline names before its comment, there or in its words again
    # ("Northwind buys Cobaltline: would it work?" atop the text, a quote of the headline)
    subjects, told = set(), []
    for finding in findings:
        sentence = context.sentences[finding.sentence_index]
        if finding.zone == "headline":
            if sentence.start + max(finding.trigger_start, 0) >= tail.start():
                told.append(finding)  # "... the day the layoff email lands"
                continue
        elif _bare(sentence.text.split(":")[0]) not in framed:
            continue
        told.append(finding)
        if finding.company and (finding.accepted or finding.zone == "headline"):
            subjects.add((finding.company, _FAMILY[finding.event_type]))
    subjects -= reported
    for finding in told:
        if finding.accepted and (finding.company, _FAMILY[finding.event_type]) in subjects:
            _reject(finding, f"commentary: the headline goes on to {tail.group().strip()!r}, "
                             "and the lead does not report the event")


def _bare(text: str) -> str:
    """``text`` in lower case, without quotes or the stop at its end."""
    return text.lower().translate(_QUOTES).strip().rstrip(".!?:")


_QUOTES = str.maketrans("", "", "\"'‘’“”")


# A date that places an event in a past year: "in December 2020", "Three years ago".
_YEARS_AGO = re.compile(r"\b(?:years|decades?)\s+ago\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _in_a_past_year(words: str, year: int) -> bool:
    """The words that dated a finding (``Finding.past``) name a year before ``year``."""
    years = [int(y) for y in _YEAR.findall(words)]
    return (bool(years) and max(years) < year) or _YEARS_AGO.search(words) is not None


# A scenario's date: "in September 2027", "In 2050", a bare "2027" (not "to 2027", "early
# 2027": a span or a start, which may begin now).
_IN_A_YEAR = re.compile(r"(?:in\b|(?:19|20)\d\d$)", re.IGNORECASE)
# A delay's date is where the launch moves; a deal's, when it runs or pays out.
_RUN_AHEAD = frozenset({"launch_delay", "partnership", "investment"})


def _in_a_later_year(words: str, year: int) -> bool:
    """Whether ``words`` name a year after ``year``."""
    return any(int(found) > year for found in _YEAR.findall(words))


# "cuts 18,000 jobs", "for $3 billion": a number that names one event
_BIG_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d{3,}(?!\d)")


def _same_thing(finding: Finding, dated: str, context: StoryContext, where: str) -> bool:
    """A headline's undated event that a sentence of the lead dates in a past year with the
    same object, or a lead's event that the headline so dates: "Salesforce buys Slack" over
    "... when Salesforce said it would buy Slack: in December 2020", "Amazon cuts 18,000
    jobs" over "Three years ago, Amazon would eliminate more than 18,000 roles", "Microsoft
    launches Copilot everywhere" over "Microsoft 365 Copilot went on sale in November 2023".
    Not one told as another ("again", "more")."""
    if finding.zone != ("lead" if where == "the headline" else "headline") or (
            finding.event_type in ("legal", "launch_delay")) or (
            finding.event_type == "acquisition" and context.headline_tells_closing()):
        return False  # a case and a deal go through stages, a launch is put off again
    said = context.sentences[finding.sentence_index].text
    at = max(finding.trigger_start, 0)
    if _ANOTHER_ONE.search(said, max(0, at - 25), at + len(finding.trigger) + 25):
        return False
    if finding.counterparty:
        # an unwatched name read off the headline may be a word in capitals ("LNG trader")
        return not finding.counterparty.isupper() and re.search(
            r"\b" + re.escape(finding.counterparty) + r"\b", dated) is not None
    if finding.product and re.search(r"\b" + re.escape(finding.product) + r"\b", dated):
        return True
    return any(number in dated for number in _BIG_NUMBER.findall(finding.trigger))


def _closed_since(context: StoryContext, index: int) -> bool:
    """The headline or the next sentence tells the deal closing: a plan told months ago is
    then the story of today's closing, not background."""
    following = context.sentences[index + 1].text if index + 1 < len(context.sentences) else ""
    return cues.deal_completed(following) or context.headline_tells_closing()


def _restates(finding: Finding, context: StoryContext) -> bool:
    """A one-sided event told again by a noun ("the case against Amazon is set for trial"
    after "The FTC sued Amazon in September 2023."), without a word that makes it another
    one ("a new case against")."""
    said = context.sentences[finding.sentence_index].text
    at = max(finding.trigger_start, 0)
    if _ANOTHER_ONE.search(said, max(0, at - 25), at + len(finding.trigger) + 25):
        return False
    head = finding.trigger.split(maxsplit=1)[0].lower() if finding.trigger else ""
    return head in _NOUN_HEADS


def _negated_in_headline(findings: list[Finding], context: StoryContext
                         ) -> set[tuple[str, str]]:
    """(company, family) of each event the headline states negated ("was not sued")."""
    out: set[tuple[str, str]] = set()
    headline_end = context.layout.headline_end
    for finding in findings:
        if finding.accepted or not finding.reason.startswith("negated") or (
                context.sentences[finding.sentence_index].start >= headline_end):
            continue
        for company in ({finding.company} if finding.company else context.headline_companies):
            out.add((company, _FAMILY[finding.event_type]))
    return out


def _dated_by_its_amount(findings: list[Finding], context: StoryContext) -> None:
    """Reject an undated event told in the past that another sentence dates in the past
    with the same money amount: "Arcspire was fined $187,000 after its 2024 test-stand
    blast" under "Cal/OSHA fined Arcspire Aerospace $187,000 in October 2024". The amount
    makes it the same event."""
    reported = {f.company for f in findings if f.accepted}
    dated: dict[tuple[str, str], int] = {}
    for finding in findings:
        if finding.accepted or not finding.reason.startswith("background") or (
                finding.company and finding.company not in reported):
            continue
        for amount in find_amounts(finding.sentence):
            dated.setdefault((_FAMILY[finding.event_type], _plain_amount(amount.text)),
                             finding.sentence_index)
    if not dated:
        return
    for finding in findings:
        if not finding.accepted or finding.dated_now or finding.tense not in (
                "past", "past_perfect", "perfect", "noun"):
            continue
        at = max(finding.trigger_start, 0)
        near = [a for a in find_amounts(finding.sentence)
                if at - 40 <= a.start <= at + len(finding.trigger) + 40]
        for amount in near:
            index = dated.get((_FAMILY[finding.event_type], _plain_amount(amount.text)))
            if index is not None and index != finding.sentence_index:
                _reject(finding, f"background: the same {amount.text} is dated in the past "
                                 "elsewhere in the article")
                break


def _plain_amount(text: str) -> str:
    return re.sub(r"\s+", "", text.lower())


# "A report on Thursday said X was in talks to buy Y. By Friday X had told outlets the report
# was 'not accurate'": a report refuted in the very next sentence.
_THE_REPORT = re.compile(r"\b(?:the|that|this|such|these|those) (?:reports?|rumou?rs?|story|"
                         # "The company has announced no such plan."
                         r"stories|claims?|speculation|talks|article|plans?)\b", re.IGNORECASE)


# "**Didn't happen.** A post claimed Nvidia was in talks to buy ...": a fact-check's verdict.
# (Not "Rumour:": a rumour labelled as such is news at stage rumored.)
_VERDICTS = (r"(?:didn'?t happen|did not happen|not true|untrue|false|fake|debunked|myth|"
             r"nope|wrong)")
_VERDICT = re.compile(r"^\W*" + _VERDICTS + r"\W*$", re.IGNORECASE)
_VERDICT_FIRST = re.compile(r"^\W*" + _VERDICTS + r"[.!:]\W*\s", re.IGNORECASE)


_ARTICLES = ("the", "a", "an", "its", "their")
_WORDS_AFTER = re.compile(rf"(?:\W+(?:(?:{'|'.join(_ARTICLES)})\s+)?(\w+)){{2}}")


def _stem(finding: Finding) -> str:
    """A trigger's words and the two after it (articles left out), each cut to its first four
    letters: "pulls the plug on card payments" and "pulled the plug on card payments" are the
    same words."""
    end = max(finding.trigger_start, 0) + len(finding.trigger)
    after = _WORDS_AFTER.match(finding.sentence, end)
    if after is None:
        return ""
    words = finding.trigger.split() + finding.sentence[end:after.end()].split()
    return " ".join(w[:4].lower() for w in words if w.lower() not in _ARTICLES)


def _read_otherwise_in_lead(findings: list[Finding],
                            context: StoryContext) -> frozenset[tuple[str, str, str]]:
    """(event type, trigger stem, company) of the triggers the lead turns down as another
    sense, for each watched company its sentence names."""
    layout = context.layout
    out: set[tuple[str, str, str]] = set()
    for f in findings:
        if f.accepted or f.trigger_start < 0 or f.reason not in OTHER_SENSE_REASONS:
            continue
        sentence = context.sentences[f.sentence_index]
        if layout.zone(sentence.start, sentence.start + f.trigger_start) != "lead":
            continue
        stem = _stem(f)
        if stem:  # (a trigger at the sentence's end has no words after it to compare)
            out.update((f.event_type, stem, company)
                       for company in context.named(f.sentence_index))
    return frozenset(out)


def _same_report_refuted(finding: Finding,
                         refuted: set[tuple[str, str, str | None]]) -> bool:
    """The story refutes, below, a report of this event: same company and kind, and the same
    counterparty when both name one."""
    return any(company == finding.company and kind == finding.event_type and (
        other is None or finding.counterparty is None or other == finding.counterparty)
        for company, kind, other in refuted)


def _refuted_next(sentences: list[Sentence], finding: Finding) -> str | None:
    if finding.event_type == "legal":
        return None
    index = finding.sentence_index
    if index > 0 and _VERDICT.match(sentences[index - 1].text):
        return sentences[index - 1].text.strip()
    first = _VERDICT_FIRST.match(sentences[index].text)
    if first:  # "**Didn't happen.** A post claimed ...", where no sentence break was seen
        return first.group().strip(" *_")
    if index + 1 >= len(sentences):
        return None
    following = sentences[index + 1].text
    imagined = _IMAGINED.search(following) if finding.event_type != "launch_delay" else None
    if imagined:  # "... buys Kestrel Payments. That's the headline I'd like to write."
        return imagined.group()
    if not _THE_REPORT.search(following):
        return None
    return cues.denial(following)


def _told_in_the_past(text: str, governing: list[TimeRef], refs: list[TimeRef],
                      start: int) -> bool:
    """The sentence is set in the past: it carries a past date that can date the finding
    (one of ``governing``; not a month a plan looks forward to, not one in an aside,
    "Intel, founded in 1968,") and none of today."""
    # ("Six months after its IPO, Stripe cuts jobs": the 'after' clause's time is its own)
    past = [r for r in governing if r.is_past and not r.dates_what_follows
            and not (r.end <= start and in_closed_aside(text, r, start))]
    return bool(past) and not any(r.when in ("current", "future") and not r.no_year
                                  for r in refs)


def _governs(ref: TimeRef, finding: Finding, tense: Tense, context: StoryContext) -> bool:
    """Whether ``ref`` can date this finding at all."""
    if ref.no_year and ref.is_past and tense not in ("past", "past_perfect", "noun") and (
            not closing_stamp(finding.sentence, ref)) and (
            not _agreed_then(finding.sentence, ref, max(finding.trigger_start, 0))) and (
            not _fronted_past(finding.sentence, ref, max(finding.trigger_start, 0))) and (
            not _said_then(finding.sentence, ref, max(finding.trigger_start, 0))
            or _closed_since(context, finding.sentence_index)):
        # "will retire in February": next February, not the last one ("said in February it
        # would acquire" in a story of the deal closing is the plan, not old news)
        return False
    if ref.start >= max(finding.trigger_start, 0) + len(finding.trigger) and (
            _OWNS_A_NOUN.match(finding.sentence, ref.end)):
        # "laying off about 90 people at the studio where the team behind 2024's MMO has been
        # working": a year after the trigger that owns a noun dates that thing, not the event
        # ("2024's layoffs", before it, still dates them).
        return False
    if ref.no_year and _STARTS_AT.search(finding.sentence, max(0, ref.start - 14), ref.start):
        # "a supply agreement ..., starting in the autumn": when the deal begins, the next
        # autumn, not when it was signed
        return False
    if ref.this_year and ref.end <= max(finding.trigger_start, 0) and (
            _OPENS.fullmatch(finding.sentence, 0, ref.start) is None):
        # "no longer expects to deliver the jet this year, pushing it into 2027": the year a
        # verb before the trigger looks to ("This year, Apple launched" still dates it).
        return False
    if ref.text.lower().endswith("later") and (tense in ("present", "perfect") or (
            _PRESENT_BE.search(finding.sentence, 0, max(finding.trigger_start, 0)))):
        # "Four years later, Northwind is suing Amazon": the story has come to the present.
        return False
    # "pushed the launch from this October to 2027", "pushed back to spring 2027": the dates
    # it was planned for and moved to, not when it was delayed (which is never to come).
    return not (finding.event_type == "launch_delay" and (
        ref.prefix in _DELAY_SPAN_WORDS or ref.when == "future"))


_OWNS_A_NOUN = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:" + FICTION_WORKS + r"|mmo|games?|"
                          r"films|movies|shows?|series|albums?|hits?|sequels?|models?|phones?|"
                          r"consoles?|devices?|titles?|seasons?|blockbusters?|bestsellers?|"
                          r"flops?|chips?|cars?)\b", re.IGNORECASE)
_STARTS_AT = re.compile(r"(?<!the )\b(?:starting|beginning|commencing|effective)\s+$",
                        re.IGNORECASE)  # (not "at the beginning of December")


def _fronted_past(sentence: str, ref: TimeRef, at: int) -> bool:
    """'In late June, after a newspaper reported that Shell was in talks to buy BP, ...': a
    month that opens the sentence sets its time when a past verb follows it."""
    if ref.end > at:
        return False
    if _OPENS.fullmatch(sentence, 0, ref.start) is not None:
        return _PAST_VERB.search(sentence, ref.end, at) is not None
    # "an engine that failed during a test in March, forcing Arcspire to delay": a past verb
    # before the month, and nothing in the present or future between it and the trigger.
    return (_PAST_VERB.search(sentence, 0, ref.start) is not None
            and _NOW_VERB.search(sentence, ref.end, at) is None)


_OPENS = re.compile(r"\W*(?:(?:in|on|at|by|during)\s+)?", re.IGNORECASE)
_PAST_VERB = re.compile(r"\b(?:was|were|had|said|reported|announced|confirmed|revealed|told|"
                        r"agreed|decided|disclosed|failed|forced)\b", re.IGNORECASE)
_EARLIER_PLAN = re.compile(r"\bhad\s+(?:(?:long|previously|originally|initially|once)\s+)?"
                           r"(?:said|planned|promised|expected|hoped|intended|targeted|aimed|"
                           r"told|pledged|forecast)\b", re.IGNORECASE)
# Words that bring a clause to the present: after "had said" (whose plan's "would" is still
# the old plan; a new "said" reports again), and between a past month and the trigger.
_NOW = r"is|are|will|has|have|now|today|says"
_NOW_AFTER_PLAN = re.compile(r"\b(?:" + _NOW + r"|said)\b", re.IGNORECASE)
_NOW_VERB = re.compile(r"\b(?:" + _NOW + r"|would|plans?|expects?|this)\b", re.IGNORECASE)


def _said_then(sentence: str, ref: TimeRef, at: int) -> bool:
    """'Nvidia said in September it would invest $5 billion in Intel': the plan as it was told
    then, in a month gone by (unless the headline or the next sentence tells the deal
    closing: see ``_closed_since``)."""
    return ref.end <= at and _SAID_BEFORE.search(
        sentence, max(0, ref.start - 14), ref.start) is not None and _IT_WOULD.fullmatch(
        sentence, ref.end, at) is not None


_SAID_BEFORE = re.compile(r"\b(?:said|announced|confirmed|disclosed|revealed)\s+$", re.IGNORECASE)
_IT_WOULD = re.compile(r"\s*,?\s*(?:that\s+)?(?:it|they|the (?:company|group|firm)|"
                       r"[A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,3})\s+would\s+(?:[a-z]+\s+)?")


def _agreed_then(sentence: str, ref: TimeRef, at: int) -> bool:
    """'which agreed in March to buy Wiz', 'in December agreed to invest', 'the
    government's agreement in August to take a stake': the date is the agreement's, which
    is the deal itself (not "said in February it would acquire", a plan reported then, whose
    news may be today's closing)."""
    if ref.end > at:
        # "Pfizer agreed to buy Halcyon on November 30": the day it agreed; "agreed to buy
        # Kowhai for NZ$120 million in March" too, with nothing between that the month could
        # belong to instead ("..., with the deal expected to close in March")
        return (ref.prefix == "on" or (ref.prefix == "in" and _OBJECT_AND_PRICE.fullmatch(
            sentence, at, ref.start) is not None)) and _AGREED_TO_BEFORE.search(
            sentence, max(0, at - 30), at) is not None
    after = sentence[ref.end:at]
    return (_AGREED_BEFORE.search(sentence, max(0, ref.start - 12), ref.start) is not None
            and _TO_NOW.fullmatch(after) is not None) or _AGREED_TO.fullmatch(after) is not None


_AGREED_VERB = r"(?:agreed|pledged|voted|decided|offered|promised)"
_AGREED = r"(?:" + _AGREED_VERB + r"|agreement|deal|decision)"
_AGREED_BEFORE = re.compile(r"\b" + _AGREED + r"\s+$", re.IGNORECASE)
# "agreed in January to buy", and a chain of its infinitives: "agreed in January to pay $175
# million to the CFPB and $80 million to state regulators to settle" (no new clause between).
_TO_NOW = re.compile(r"\s+to\s+(?:(?:(?!\b(?:said|says|which|who|while|but|after|before|when|"
                     r"because|although)\b)[^.;:])*?\sto\s+)?", re.IGNORECASE)
# The trigger, its object and a price, nothing else: "buy Kowhai for NZ$120 million ".
# (No word the month could belong to instead anywhere in it: "in a deal expected to close".)
_OBJECT_AND_PRICE = re.compile(r"(?![^,;:]*\b(?:clos(?:e|es|ed|ing)|complet(?:e|es|ed|ion)|"
                               r"start(?:s|ing)?|due|expected|by|until|effective)\b)"
                               r"(?:[^,;.:]|\.(?=\d)){0,70}", re.IGNORECASE)
# ("Pfizer's $4.2 billion agreement to buy Calloway in September": the agreement's noun, too)
_AGREED_TO_BEFORE = re.compile(r"\b(?:" + _AGREED_VERB + r"|agreement|deal)\s+to\s+$",
                               re.IGNORECASE)
_AGREED_TO = re.compile(r"\s*,?\s+" + _AGREED + r"\s+to\s+", re.IGNORECASE)


# "pushed the launch from March into 2026": the dates a delay moves, not when it happened.
_DELAY_SPAN_WORDS = frozenset({"from", "since", "to", "until", "into", "till", "beyond"})
_MOVED_TO_WORDS = frozenset({"to", "until", "into", "till"})
# A moved-to date this far before the article is behind the story (not "to March" in a
# story of early April, which may still be its news).
MOVED_TO_PAST_DAYS = 60


def _moved_to_the_past(refs: list[TimeRef], finding: Finding) -> TimeRef | None:
    """The date a delay moved its launch to, when that date is well before the article."""
    if finding.event_type != "launch_delay":
        return None
    at = max(finding.trigger_start, 0) + len(finding.trigger)
    sentence = finding.sentence
    for ref in sorted(refs, key=lambda r: r.start):
        if ref.start < at or ref.prefix not in _MOVED_TO_WORDS:
            continue
        # only the delay's own clause: not "the latest slip for a jet whose debut had
        # already moved from 2020 to 2025", not "setbacks going back to 2019"
        if _OTHER_CLAUSE.search(sentence, at, ref.start):
            return None
        if ref.is_past and not ref.no_year and ref.days_before is not None and (
                ref.days_before > MOVED_TO_PAST_DAYS):
            return ref
        return None  # the first date it moved to is still ahead
    return None


_OTHER_CLAUSE = re.compile(r"[,;]|\b(?:which|whose|who|that|after|back)\b", re.IGNORECASE)


def _reject(finding: Finding, reason: str) -> None:
    finding.accepted = False
    finding.reason = reason
