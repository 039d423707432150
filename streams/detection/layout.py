"""The shape of an article: where its headline and lead end, and what kind of piece it is.

An event is news when the article reports it: in the headline or lead of a news story.
Feeds wrap stories in boilerplate (bylines, "Subscribe", "In this issue"), which is skipped
before the lead is counted; and many items are not news stories at all (timelines,
reviews, tutorials, transcripts, opinion, job ads), where companies' events are history,
examples or commentary. The genre is read from the title and the text's structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

import ahocorasick

from ...schemas.article import Article
from ...schemas.rules import ArticleGenre
from .first_chars import quick
from .folding import folded, lowered
from .lexicon import MONTH_NAMES, NUMBER_WORDS
from .sentences import iter_sentences
from .when import MONTH_WORD, month_number

Zone = Literal["headline", "lead", "body"]
Genre = ArticleGenre
LEAD_SENTENCES = 3
_LEAD_SCAN_CHARS = 2_000
_GENRE_SCAN_CHARS = 3_000

_I = re.IGNORECASE
_BOILERPLATE = re.compile(
    r"^\W*(?:by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*(?:[,|•·-].*)?$|"
    r"(?:posted|published|updated|written|filed|reporting)\b.{0,60}$|"
    r"(?:photo|image|video|credit|source|caption|advertisement|sponsored|"
    r"listen to this|read more|related|share|tweet|email|print|subscribe|sign up|"
    r"click here|follow us|in this issue|table of contents|this week'?s? (?:issue|"
    r"sponsor)|cookie|we use cookies)\b.{0,120}$|"
    r"(?:\d{1,2}\s+min(?:ute)?s?\s+read|\d+\s+comments?)\s*$|"
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+"
    r"\d{4}|\d{1,2}\s+[a-z]+\s+\d{4})\W*$)", _I)

_NUMBER_WORDS = NUMBER_WORDS
# Title cues: (genre, pattern). The first that matches wins.
_TITLE_CUE_PATTERNS: tuple[tuple[Genre, str], ...] = (
    ("obituary", r"\b(?:obituary|dies at \d+|dies aged|dead at \d+|in memoriam|"
                 r"remembering|tribute to)\b"),
    # "Quiz: Kestrel got a new CFO and Pinecrest got fined", "The 2026 business quiz": the
    # questions retell news already told.
    # (a title, not a sentence: "Amazon's Alexa gets a daily news quiz" is a launch)
    ("quiz", r"^\W*(?:(?:news|weekly|daily|year-end|holiday) )?quiz\s*[:|–—-]|"
             r"(?:^|[:|–—-]\s*)\W*(?:the |our |this week['’]s |a )?(?:[\w-]+ ){0,2}(?:news|"
             r"business|tech|year-end|weekly|(?:19|20)\d\d) (?:[\w-]+ ){0,2}quiz\b|"
             r"\btake (?:our|the|this) quiz\b|[:|–—-]\s*(?:a |the |our )?quiz\s*$"),
    ("year_in_review", r"\b(?:year[- ]in[- ]review|(?:the|our|my|your) (?:[\w-]+ )?year in\b|"
                       r"(?:19|20)\d\d in (?:tech|business|review|ai|startups|media|deals)\b|"
                       r"^\W*(?:19|20)\d\d in (?:[\w-]+ ){0,2}[\w-]+\s*:|"
                       r"(?:best|top|worst)\s+(?:\d+\s+|"
                       r"[\w-]+\s+){0,3}of\s+(?:19|20)\d\d|(?:19|20)\d\d in review|"
                       r"decade in (?:tech|review)|the decade in|"
                       # "Disney names its next CEO -- and 24 more reasons our list changed",
                       # "... and 17 other moments that shaped the AI industry (2025-2026)"
                       r"\band (?:\d+|" + _NUMBER_WORDS + r") (?:more|other) (?:reasons|moments|"
                       r"things|stories|lessons|takeaways|highlights|milestones|turning points)\b|"
                       r"\b(?:[\w-]+s|people) that (?:shaped|defined|changed|mattered)\b|"
                       # "2026's biggest tech layoffs, ranked", "2026 TECH REWIND:"
                       r"\b(?:19|20)\d\d['’]s (?:biggest|best|worst|top|largest|most)\b|"
                       r"\b(?:19|20)\d\d\b[^:.;]{0,20}\b(?:rewind|recap|wrap-?up|"
                       r"retrospective)\s*(?:$|[:|–—-])|\branked by\b|"
                       r"\((?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d\)|"
                       # "Intel cuts, Microsoft trims: the year of the layoff, revisited"
                       r"(?:^|[:,—–-]\s*)(?:the|a) year of\b|[:,—–-]\s*revisited\s*$|"
                       # "food's 2026 in five bullets", "our 2026 healthcare services
                       # scorecard", "Deal of the year: ..."
                       r"(?:^|['’]s |[:—–-]\s*)(?:19|20)\d\d in (?:\d+|" + _NUMBER_WORDS
                       + r") [\w-]+\s*(?:$|[:|–—-])|"
                       r"\b(?:19|20)\d\d\b[^:.;]{0,40}\b(?:scorecard|report card|superlatives|"
                       r"winners and losers|yearbook)\b|"
                       r"^\W*(?:deal|ceo|executive|person|company|product|stock|story|flop|"
                       r"comeback|hire|launch|lawsuit|startup|gadget)s? of the year\b|"
                       # "Payments in 2026: Stripe's tender offer, Block's pivot and ..."
                       r"^\W*(?:[\w&'’.-]+ ){0,2}[\w&'’.-]+ in (?:19|20)\d\d\s*:|"
                       # "...: the executive carousel of 2026", "...: healthtech's 2026",
                       # "my 2026 in games", "Who left, who joined", "the year's last Bits"
                       r"(?:^|[:—–-]\s*)the (?:[\w-]+ ){1,3}of (?:19|20)\d\d\s*$|"
                       r"[:—–-]\s*(?:[\w&-]+ ){0,2}[\w&-]+['’]s (?:19|20)\d\d\s*$|"
                       r"\b(?:my|our|your) (?:19|20)\d\d in\b|\bthe year['’]s (?:last|final)\b|"
                       # "Health tech's 2026: Lumora cuts, ...", "The Power List 2026: the 25
                       # executives who moved markets"
                       r"^\W*(?:[\w&-]+ ){0,2}[\w&-]+['’]s (?:19|20)\d\d\s*:|"
                       r"\b(?:list|awards?|rankings?|honou?rs|index) (?:19|20)\d\d\s*:|"
                       r"(?:^|[:—–-]\s*)the (?:\d+|" + _NUMBER_WORDS + r") (?:[\w-]+ )?[\w-]+s "
                       r"(?:who|that) (?:moved|shaped|defined|changed|made|ruled|dominated|"
                       r"mattered|won|lost|rocked|shook)\b|"
                       # "Apple's 2026, by the numbers", "our No. 1 story of 2026", "the CEOs
                       # who took over in 2026", "our most-read stories this year"
                       r"\b(?:19|20)\d\d\b[^:]{0,40}\bby the numbers\b|"
                       # "fintech's year in moves", "Retail's courtroom year: gift cards, ..."
                       r"['’]s (?:[\w-]+ )?year in (?!\d)[\w-]+|"
                       r"^\W*[\w&-]+['’]s (?:[\w-]+ )?year\s*:|"
                       r"\bby the numbers\b[^:]{0,40}\b(?:19|20)\d\d\b|"
                       r"\bstor(?:y|ies) of (?:the year|(?:19|20)\d\d)\b|"
                       r"\bmost[- ](?:read|viewed|popular|clicked|shared)\b[^:]{0,40}\b(?:of "
                       r"(?:the year|(?:19|20)\d\d)|in (?:19|20)\d\d|this year)\b|"
                       r"\bthe (?:[\w-]+ )?[\w-]+s (?:who|that) [^:;]{1,40}\bin (?:19|20)\d\d\s*$|"
                       r"\bwho (?:left|joined|came|went)\b[^:]{0,20}\bwho (?:left|joined|came|"
                       r"went)\b)"),
    ("timeline", r"^\W*(?:a |the )?timeline\b|\b(?:a|the) (?:[\w-]+ )?timeline(?: of)?\s*(?::|$)|"
                 r"\bhall of fame\b|\b(?:greatest|best|worst) [\w\s-]{1,40} (?:ever|of all time)\b|"
                 r"\btimeline of\b|\b(?:month|year)[- ]by[- ](?:month|year)\b|"
                 r"^\W*(?:a |the )?(?:brief |short )?history of\b|"
                 r"\ba (?:brief|short) history\b|\boral history\b|"
                 # "iPhone at 10:", "Classic gaming: 'Hollowmere' at two, and ...": an age.
                 r"(?:^|:\s*)(?:['‘\"“][^'’\"”:]{1,40}['’\"”]|[\w&.-]+) at (?:\d{1,3}|"
                 + _NUMBER_WORDS
                 + r")\s*(?::|,|$)|"
                 r"\b(?:\d+|" + _NUMBER_WORDS + r") years of\b.{0,40}:|through the years\b|"
                 r"\bin \d+ moments\b|\bon this day\b|\b(?:a )?look(?:ing)? back\b|"
                 # "This week in tech history:", "Today in business history"
                 r"\b(?:this|that) (?:day|week|month) in (?:[\w-]+ )?history\b|"
                 r"\btoday in (?:[\w-]+ )?history\b|"
                 r"\b(?:\d+|a|one|" + _NUMBER_WORDS + r") years? (?:ago|on|later|since)\b|"
                 # "Six years after Disney swallowed Fox, was it worth it?" (at the start only:
                 # "Acme to cut 500 jobs, two years after its last round" is news)
                 r"^\W*(?:\d+|a|one|" + _NUMBER_WORDS + r") (?:years?|decades?) after\b|"
                 r"\banniversary\b|\bremember when\b"),
    ("review", r"^\W*(?:review|hands-on|first look)\s*[:|–—]|"
               # "Pixel 10 review:", not "Week in review:" or "Strategic review:"
               r"(?<!strategic )(?<!regulatory )(?<!antitrust )(?<!competition )(?<!merger )"
               r"(?<!judicial )(?<!policy )(?<!safety )(?<!budget )(?<!spending )(?<!in )"
               r"\breview\s*[:|–—]|\bcompared\s*[:|–—]|[:|–—]\s*(?:review|"
               r"hands-on|first look)\b|"
               # "Comet, three months on: a developer's review"
               r"[:|–—]\s*(?:my|our|an?\s+[\w-]+['’]s|an?\s+(?:hands-on|long-term|"
               r"in-depth|first))\s+review\s*$|['’\"”]\s*review\b|\b(?:book|film|movie|album|"
               r"game|app|phone|laptop|product) review\b|\bbuying guide\b|"
               r"\b(?:tested|rated|ranked)\s*:|\bbest [\w\s]{1,30} (?:to buy|under \$)|"
               r"\b(?:long-term|road|first-drive|first drive) test\b|"
               # books: an excerpt tells the book's story, not the day's news
               r"\bexcerpt from (?:['‘\"“]|(?:the|a|his|her|their) (?:new )?(?:book|memoir))|"
               r"\bbook (?:excerpt|extract)\b|\badapted from (?:[\w'’-]+ ){0,3}book\b"),
    # "27 predictions for 2027", "What to expect from Apple in 2027": what may happen.
    # (not "Intel lowers its forecasts for 2027": guidance is news)
    ("forecast", r"\b(?:predictions?|calls?|bets?|guess(?:es)?)\s+(?:for|about)\s+(?:20\d\d|"
                 r"the (?:new|next|coming) year)\b|"
                 r"\b20\d\d\s+predictions\b|\b(?:bold|our|my|\d+|" + _NUMBER_WORDS
                 + r")\s+(?:predictions|forecasts)\b|"
                 r"\bwhat to expect (?:(?:in|from) (?:[\w&.'’-]+ ){0,2})?in 20\d\d\b|"
                 # an event's preview: "Google I/O 2026: what Google could launch next week",
                 # "Everything we expect from the summer Unpacked", "What to expect at WWDC"
                 r"\bwhat to expect (?:from|at)\b|\beverything we expect\b|"
                 r"\bwhat (?:[\w&.'’-]+ ){1,3}(?:could|might|may) (?:launch|announce|unveil|"
                 r"show|release|reveal|debut)\b|\b(?:rumou?r|leak)s? (?:roundup|round-up)\b|"
                 r"\bwhat['’]?s next for\b[^:]{0,60}\b20\d\d\b|"
                 r"\b(?:things|trends|companies|stocks|deals|people) to watch (?:in|for) 20\d\d\b|"
                 r"\bwish ?list for 20\d\d\b|\b20\d\d wish ?list\b|"
                 # "Nvidia will buy a European chip start-up in 2027, and nine other forecasts"
                 r"\band (?:\d+|" + _NUMBER_WORDS + r") (?:more|other) (?:forecasts|predictions|"
                 r"calls|bets)\b|"
                 # "Shell buys BP? Our energy outlook for 2027 says probably not" (a writer's
                 # outlook; not "Intel cuts its 2027 outlook", which is guidance)
                 r"\b(?:our|my) (?:[\w-]+ ){0,2}(?:outlook|scenarios|wish ?list)\b|"
                 # "'Apple will buy Perplexity,' and nine other calls we made for 2026 -- graded"
                 r"\b(?:calls|predictions|forecasts|bets) (?:we|i) made\b|"
                 r"\b(?:predictions|forecasts|calls)\b[^:]{0,40}\b(?:graded|scored|"
                 r"report card)\b|\bgrading (?:our|my) (?:[\w-]+ ){0,2}(?:predictions|calls|"
                 r"forecasts)\b"),
    ("opinion", r"^\W*(?:opinion|column|commentary|editorial|op-ed|essay|analysis)\b|"
                r"\b(?:opinion|column|commentary|op-ed)\s*[:|–—]|^(?:why|how) (?:i|we)\b|"
                r"^(?:in defen[cs]e of|the case (?:for|against)|stop\b|let'?s\b)"),
    ("tutorial", r"^\W*(?:how to|how do i|getting started|tutorial|a (?:beginner'?s )?"
                 r"guide to|step[- ]by[- ]step|quickstart|introduction to)\b|"
                 r"^\W*(?:building|deploying|using|setting up|migrating|installing|"
                 r"configuring|running|writing|creating) (?:a|an|your|the|with|on)\b|"
                 r"\b(?:tutorial|walkthrough|cheat ?sheet)\b"),
    ("transcript", r"\btranscript\b|\bepisode \d+|\bep\.?\s*\d+\b|"
                   r"^\W*(?:the changelog|changelog news|go time|js party|ship it|"
                   r"practical ai|changelog & friends)\b"),
    ("newsletter", r"\b(?:newsletter|this week in\b|weekly (?:roundup|digest|update|recap|"
                   r"newsletter)|issue #?\d+|digest|roundup|round-up|briefing|"
                   r"(?:week|month) in review|links? (?:for|of) the|what we'?re reading|"
                   r"the week in)\b"),
    ("job_ad", r"\bis hiring:|\bwho'?s hiring\b|"
               # "Job ad: Senior Product Manager, Payments (Stripe)", "Now hiring: ..."
               r"^\W*(?:job (?:ads?|adverts?|postings?|listings?|openings?|offers?)|now hiring|"
               r"hiring)\s*[:|–—]|\b(?:we'?re hiring|job opening|careers? at|"
               r"join (?:our|the) team|vacancy|internship|apply now)\b|"
               r"(?:senior|junior|staff|lead) "
               r"[\w ]{0,30}(?:engineer|manager|designer|developer)\b.{0,20}(?:remote|"
               r"hybrid|full[- ]time)"),
    ("release_notes", r"\b(?:release notes|changelog|v?\d+\.\d+(?:\.\d+)?\s+(?:is\s+)?"
                      r"(?:released|is out|now available)|announcing \S+ v?\d+\.\d+|"
                      r"what'?s new in)\b"),
    ("explainer", r"\b(?:explained|explainer|faq|everything you need to know|"
                  # "Did Nvidia just acquire Cobaltline? A fact check of a misread filing"
                  r"fact[- ]?check(?:ed|s)?|debunk(?:ed|ing|s)?)\b|"
                  # "Why Boeing's CEO had to go": the reasons for something done
                  r"^\W*why (?:[\w&.'’-]+ ){1,4}(?:had to|was forced to|were forced to|chose to|"
                  r"decided to|gave up|walked away|failed to)\b|"
                  # "Ask the Money Desk: Is it too late to buy Tesla?": an advice column
                  r"^\W*ask (?:the|a|an|our) [\w' -]{1,30}:|"
                  r"(?:^|:\s*)from an? [^:]{1,40} to an? |^\W*from [^:]{1,40} to [^:]{1,40}:|"
                  # "How Disney ended up with Fox", "Five days in November: how OpenAI fired
                  # Sam Altman": the story of something done, told after the fact.
                  r"(?:^|:\s*)how (?:[\w&.'’-]+ ){1,4}(?:ended up|came to|went from|"
                  r"lost|won|built|bought|sold|fired|became|got|made|turned|changed|transformed|"
                  r"reshaped|reinvented|remade|saved|survived|rescued|disrupted)\b|"
                  r"^\W*(?:what is|what are|what'?s the deal|how .{1,40} (?:became|works|got "
                  r"here)|why .{1,40} matters)\b|"
                  # "What Microsoft's Activision deal taught the CMA", "Lessons from ...":
                  # a story over, told for its lessons.
                  r"(?:^|[:.?!]\s+|:)(?:here'?s )?what [^:]{1,80}\b(?:taught|teaches)\b|"
                  r"(?:^|:\s*)(?:\w+ )?lessons (?:from|of)\b"),
    ("profile", r"(?<!-)\b(?:profile|the (?:long game|rise|making) of)\b|^\W*meet the\b"),
    ("interview", r"^\W*(?:interview|q&a)\b|\binterviews\b|\bq&a\b|"
                  r"\bin conversation with\b"),
    ("market_report", r"\b(?:stocks?|shares|markets?|dow|nasdaq|s&p|ftse|nikkei|"
                      r"wall street|index|indices)\b.{0,40}\b(?:rise|rises|rose|fall|"
                      r"falls|fell|gain|gains|slip|slips|drop|drops|lower|higher|"
                      r"close|closes|rally|slide|tumble|surge)\b"),
)
_TITLE_CUES: tuple[tuple[Genre, re.Pattern[str]], ...] = tuple(
    (genre, quick(pattern, _I)) for genre, pattern in _TITLE_CUE_PATTERNS)
# The same, case-sensitive, for the lower-cased title (``folding``: the same matches).
_TITLE_CUES_FOLDED = tuple((genre, folded(pattern)) for genre, pattern in _TITLE_CUES)
_TIMELINE_LINE = re.compile(
    r"^\s*(?:[-*•]\s*)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"
    r"(?:\d{1,2},?\s+)?)?(?:19|20)\d\d\s*(?:[—–:-]|,\s)|"
    # "**August** — The US government takes a stake in Intel": a month label, set off.
    r"^\s*(?:[-*•]\s*)?(?:\*\*|__)(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december)(?:\*\*|__)\s*[—–:-]", _I | re.MULTILINE)
# "Jane Park: ...", "[05:02] **Rohan:** ...", "__HOST__: ...".
_SPEAKER_LINE = re.compile(r"^\s*(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s*)?(?:\*\*|__)?"
                           r"(?P<who>[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,2})"
                           r"(?:\*\*|__)?:(?:\*\*|__)?\s", re.MULTILINE)
_CODE_LINE = re.compile(r"^\s*(?:\$ |>>> |import |from \S+ import|def |func |fn |class |"
                        r"const |let |var |#include|npm |pip |go |cargo |kubectl |gcloud |"
                        r"docker |git |curl |\}|\{|//|```)", re.MULTILINE)
# Words of job ads and of newsletters (matched on lower-cased text), and the first person.
_JOB_CUES = re.compile(r"\b(?:responsibilities|requirements|qualifications|what you'?ll do|"
                       r"who you are|benefits|salary|apply|equal opportunity employer)\b")
_NEWSLETTER_CUES = re.compile(r"\b(?:in this issue|this week'?s|subscribe|unsubscribe|"
                              r"sponsor(?:ed)?|newsletter|read more|links?:)")
# "\b(?:I|I'm|I've|I'd|my|me)\b", spelt to start with a letter so that the scan jumps from one
# "I" or "m" to the next in C: before a word character "\b" is "(?<!\w)", and the "I'm"
# branches never matched (the "I" branch is tried first and matches wherever they could).
_FIRST_PERSON = re.compile(r"I(?<!\wI)\b|m(?<!\wm)[ye]\b")


# Every match of the cues above contains one of these: a text without any is not scanned.
_JOB_WORDS = ("responsibilities", "requirements", "qualifications", "what you", "who you are",
              "benefits", "salary", "apply", "equal opportunity employer")
_NEWSLETTER_WORDS = ("in this issue", "this week", "subscribe", "sponsor", "newsletter",
                     "read more", "link")


def _cue_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for family, needles in (("job", _JOB_WORDS), ("newsletter", _NEWSLETTER_WORDS)):
        for needle in needles:
            automaton.add_word(needle, family)
    automaton.make_automaton()
    return automaton


# Which families' words occur, in one pass (rather than a substring test per word).
_CUE_WORDS = _cue_automaton()


def _body_cue_counts(body: str) -> dict[str, int]:
    low = body.lower()
    present = {family for _end, family in _CUE_WORDS.iter(low)}
    return {"job": len(_JOB_CUES.findall(low)) if "job" in present else 0,
            "newsletter": len(_NEWSLETTER_CUES.findall(low)) if "newsletter" in present else 0,
            "me": len(_FIRST_PERSON.findall(body))}


@dataclass(frozen=True)
class Layout:
    """Offsets into ``Article.text``: the headline ends at ``headline_end``, the lead at
    ``lead_end``; ``genre`` with the cue that decided it."""

    headline_end: int
    lead_end: int
    genre: Genre
    genre_cue: str

    item_starts: frozenset[int] = frozenset()
    # Where a press release's closing sections begin ("About Halcyon Biotherapeutics",
    # "Forward-Looking Statements", "Media Contact:"), and that heading; -1 when none.
    closing_start: int = -1
    closing_heading: str = ""

    def zone(self, sentence_start: int, offset: int) -> Zone:
        """Where the trigger at ``offset`` (in the sentence starting at ``sentence_start``)
        sits; in a newsletter each item's first sentence is a lead of its own."""
        if offset < self.headline_end:
            return "headline"
        if offset < self.lead_end or sentence_start in self.item_starts:
            return "lead"
        return "body"


def read_layout(article: Article, text: str, feed_genre: Genre | None = None) -> Layout:
    """Headline, lead and genre of ``article`` (``text`` is ``article.text``); ``feed_genre``
    is the genre the rules file sets for the article's feed."""
    headline_end = len(article.title)
    genre, cue = genre_of(article, text, feed_genre)
    items = frozenset(_item_starts(text, headline_end)) if genre == "newsletter" else frozenset()
    lead_end = _lead_end(text, headline_end)
    closing = _closing_section(text, headline_end)
    return Layout(headline_end, lead_end, genre, cue, items,
                  *(closing if closing is not None else (-1, "")))


# The closing sections of a press release, headings on lines of their own: what follows
# describes the company, its products and its risks ("we may not complete acquisitions"),
# or who to call; none of it is the release's news.
_CLOSING_HEADING = re.compile(
    r"\n[ \t]*(?:(?i:forward[- ]looking (?:statements?|information)|safe harbou?r(?: statement)?|"
    r"cautionary (?:note|statement)s?(?: regarding [^\n]{1,60})?|"
    r"(?:media|press|investor(?: relations)?) contacts?:?|contacts?:)|###|"
    # "About Halcyon Biotherapeutics" when the next line describes it: "Halcyon
    # Biotherapeutics is ...", "Founded in 1871 ..." (not a story's "About Nvidia's offer")
    r"About (?P<name>[A-Z][^\s.!?]*)[^\n.!?]{0,60}(?=[ \t]*\n[ \t]*(?:(?P=name)|Founded|"
    r"Established|Headquartered|Based|Since|With)\b))[ \t]*(?=\n|$)")


def _closing_section(text: str, start: int) -> tuple[int, str] | None:
    """Where the first closing heading after ``start`` begins, and the heading."""
    if "\n" not in text:
        return None
    found = _CLOSING_HEADING.search(text, start)
    if found is None:
        return None
    return found.start() + 1, found.group().strip()


def _item_starts(text: str, headline_end: int) -> list[int]:
    """Where each line of a newsletter's body starts (after a bullet or a number)."""
    return [m.end() for m in _ITEM_START.finditer(text, headline_end)]


# Glyphs that mark a briefing's item headings ("▸ Stargate gets bigger").
_ITEM_GLYPHS = "▸►▶▪■◆◇→‣◦➤"
_ITEM_START = re.compile(r"\n\s*(?:[-*•·" + _ITEM_GLYPHS + r"]\s*|\d+[.)]\s*)?")


def _lead_end(text: str, headline_end: int) -> int:
    body_start = headline_end + 1
    counted = 0
    end = body_start
    # Lazily: the lead's few sentences are read, not the whole window.
    for sentence in iter_sentences(text[body_start:body_start + _LEAD_SCAN_CHARS]):
        end = body_start + sentence.end
        if (_BOILERPLATE.match(sentence.text) or len(sentence.text) < 25
                or _NOT_A_LEAD.search(sentence.text) or _in_capitals(sentence.text)):
            continue
        counted += 1
        if counted >= LEAD_SENTENCES:
            break
    return end


# Not a lead's sentence: an exchange's disclaimer ahead of a filing ("Hong Kong Exchanges
# and Clearing Limited ... take no responsibility for the contents of this announcement"),
# a filing's item heading ("Item 1.01 Entry into a Material Definitive Agreement.").
_NOT_A_LEAD = re.compile(r"\btakes? no responsibility for the contents of this "
                         r"(?:announcement|document|circular|release)|"
                         r"^\W*item \d{1,2}\.\d{2}\b", _I)
_ASIDE = re.compile(r"\([^()]*\)")


def _in_capitals(sentence: str) -> bool:
    """A heading in capitals ("VOLUNTARY ANNOUNCEMENT — FORMATION OF JOINT VENTURE", a
    filer's name with its "(Stock Code: 2286)"): the lead's sentences come after it."""
    bare = _ASIDE.sub("", sentence)
    return not any(c.islower() for c in bare) and sum(c.isupper() for c in bare) >= 8


_IN_ASIDE_AGO = re.compile(r"\S+ years? (?:ago|on|later|since)", re.IGNORECASE)
# The last of a digest title's items: "...: AWS and Quillfeather team up, Pfizer's Osterling
# premium, and " before "a year since Metsera" (a colon, then items joined by commas).
_LIST_ITEM_BEFORE = re.compile(r":[^:]*,[^:]*,\s*(?:and\s+)?$")


def genre_of(article: Article, text: str,
             feed_genre: Genre | None = None) -> tuple[Genre, str]:
    """What kind of piece ``article`` is, and the cue that says so. The title speaks first
    (an obituary on a news feed is an obituary); then the feed's setting, which outranks
    what the text's layout suggests (a news show is news though laid out as a transcript)."""
    title = article.title
    period = _past_period_in_title(article)
    if period is not None:
        # "Boeing delays 777X deliveries again: Q3 in aerospace", "the October fintech
        # digest" read in late November: a round-up of a period already over.
        return "year_in_review", f"title looks back at {period!r}"
    low = lowered(title)
    for genre, pattern in _TITLE_CUES if low is None else _TITLE_CUES_FOLDED:
        found = pattern.search(title if low is None else low)
        if found and genre == "timeline" and _IN_ASIDE_AGO.fullmatch(found.group()) and (
                "," in re.split(r"[.?!:;]", title[:found.start()])[-1]
                and title[found.end():].startswith(",")):
            continue  # "SSI, valued at $32bn a year ago, raises $4bn": an aside's time
        if found and genre == "timeline" and _IN_ASIDE_AGO.fullmatch(found.group()) and (
                _LIST_ITEM_BEFORE.search(title, 0, found.start())):
            continue  # "Dec. 1: AWS and Quillfeather team up, ..., and a year since Metsera"
        if found:
            return genre, f"title {title[found.start():found.end()].strip()!r}"
    old = _old_year_in_title(article)
    if old is not None:
        # "Google and DeepMind, 2014: the $500 million bet": a headline dated years back
        # tells a story already told.
        return "timeline", f"title dated {old}"
    own = _own_year_at_years_end(article)
    if own is not None:
        # "Intel cut 2,000 Oregon jobs, Microsoft trimmed again: our 2026 in review" and its
        # hundred variants: in the last weeks of a year, a title naming that year looks back
        # on it (a year in review still reports the news its lead dates this week).
        return "year_in_review", f"title names {own} at the year's end"
    kicker = _KICKER.match(article.summary) or _KICKER.match(article.content)
    if kicker is not None:
        # "On this day in 2020: ...", "#OnThisDay, December 8, 2004": the item's label
        # sets it in the past, whatever its headline says.
        return "timeline", f"labelled {kicker.group(1).strip()!r}"
    label = _section_label(article)
    if label is not None:
        # "Opinion | The Ledger Line | by Sarah Quinlan", "EXPLAINER | Design & Software" over
        # the text: the page's own label for the piece, as a title's "Opinion:" is
        return label
    if feed_genre is not None:
        return feed_genre, "the feed's setting"
    body = text[len(article.title):len(article.title) + _GENRE_SCAN_CHARS]
    if "\n" in body:  # structure shows in lines: timelines, transcripts, code, lists
        if _lines_at_least(_TIMELINE_LINE, body, 3):
            return "timeline", "lines that start with a date"
        labelled = _labelled_lines(body)
        if labelled == "transcript":
            return "transcript", "speaker labels"
        if labelled == "newsletter":
            return "newsletter", "briefs under slugs"
        if _lines_at_least(_CODE_LINE, body, 3):
            return "tutorial", "code or commands"
        lines = [line for line in body.splitlines() if line.strip()]
        bullets = sum(line.lstrip()[:1] in "-*•" for line in lines)
        if len(lines) >= 12 and bullets >= len(lines) / 2:
            return "newsletter", "a list of links"
        # "▸ Stargate gets bigger" over each item's text: a briefing's items under headings
        items = sum(line.lstrip()[:1] in _ITEM_GLYPHS for line in lines)
        if len(lines) >= 8 and items >= 4 and items + bullets >= len(lines) / 3:
            return "newsletter", "items under marked headings"
    counts = _body_cue_counts(body)
    if counts["job"] >= 3:
        return "job_ad", "job-ad words"
    if counts["newsletter"] >= 3:
        return "newsletter", "newsletter boilerplate"
    words = body.count(" ") + 1
    if words >= 150 and counts["me"] / words > 0.02:
        return "opinion", "written in the first person"
    return "news", ""


_YEAR = re.compile(r"(?<![\d$€£.,])\b(19\d\d|20\d\d)\b(?![\d%]|\s?(?:bn|m\b|million|billion))")


def _old_year_in_title(article: Article) -> int | None:
    """The year heading a headline when every year there is two or more years before the
    article's own ("In 2014, ..." but not "2026 outlook:" or "From 2019 to 2026:")."""
    if article.published is None:
        return None
    # The year heads the title: "Google and DeepMind, 2014: ...", "In 2012, ...": the frame
    # of the piece, not an aside ("Intel, founded in 1968, will cut 6,000 jobs").
    head = article.title.split(":", 1)[0] if ":" in article.title else (
        article.title if article.title.lower().startswith("in ") else "")
    # ("Tesla's biggest layoffs since 2024: carmaker to cut 8,000 jobs" compares)
    years = [int(m.group(1)) for m in _YEAR.finditer(head)
             if not _COMPARED.search(head, 0, m.start())]
    # "How Amazon's 2017 purchase of Whole Foods reshaped grocery": a dated deal named as
    # the subject of the piece, wherever it sits in the headline.
    years += [int(m.group(1)) for m in _YEAR_OF_EVENT.finditer(article.title)]
    years += [int(m.group(1)) for m in _YEAR_RELIVED.finditer(article.title)]
    if years and max(years) <= article.published.year - 2:
        return max(years)
    # "GitHub Under Microsoft, 2018-2022", "Tech layoffs 2022–2024, by the numbers": a
    # period closed before the article's year is what the piece looks back on.
    ends = [_century(m) for m in _YEAR_RANGE.finditer(article.title)]
    # "Software M&A review 2025:" read in 2026 (not "AI funding review 2026:")
    ends += [int(m.group(1) or m.group(2)) for m in _REVIEW_YEAR.finditer(article.title)]
    if ends and max(ends) < article.published.year:
        return max(ends)
    return None


_PERIOD = r"(?P<first>" + MONTH_NAMES + r"|q[1-4]|h[12])"
_PERIOD_END = (r"(?:\s+(?:and|to|&|through)\s+(?:early |late |mid-?)?(?P<last>" + MONTH_NAMES
               + r"))?(?:,?\s+(?P<year>(?:19|20)\d\d))?")
# A title whose scope is a month, a quarter or a half: "November in retail", "Q3 in
# aerospace", "September and early October in AI", "Top stories of Q3", "the October
# fintech digest", "October in review".
_PERIOD_TITLE = re.compile(
    r"(?:^|[:|—–-]\s*)(?:the\s+)?" + _PERIOD + _PERIOD_END
    + r"\s+in\s+(?:review|[\w&'’-]+(?:\s+[\w&'’-]+)?)\s*(?:$|[:|—–])|"
    r"\b(?:top|biggest|best|most[- ]read|key) (?:[\w-]+ ){0,2}(?:stories|news|deals|moves|"
    r"headlines|launches) of (?:the )?" + _PERIOD.replace("first", "first2")
    + _PERIOD_END.replace("last", "last2").replace("year", "year2") + r"\b|"
    r"\bthe " + _PERIOD.replace("first", "first3")
    + r" (?:[\w-]+ ){0,2}(?:digest|round-?up|recap|review|wrap|newsletter)\b", _I)
_PART_OF_YEAR = {"q1": (1, 3), "q2": (4, 6), "q3": (7, 9), "q4": (10, 12), "h1": (1, 6),
                 "h2": (7, 12)}


def _months_of(period: str) -> tuple[int, int]:
    """The first and last month of a month's name, a quarter or a half."""
    low = period.lower()
    if low in _PART_OF_YEAR:
        return _PART_OF_YEAR[low]
    month = month_number(low)
    return month, month


# "everything that happened in AI, Nov 16–22", "The week of 9-15 March": days told as a span
_DAY_SPAN_TITLE = re.compile(
    r"\b(?P<m1>" + MONTH_WORD + r")\s+(?P<d1>\d{1,2})\s*[–—-]\s*(?:(?P<m2>" + MONTH_WORD
    + r")\s+)?(?P<d2>\d{1,2})\b|\b(?P<d3>\d{1,2})\s*[–—-]\s*(?P<d4>\d{1,2})\s+(?P<m3>"
    + MONTH_WORD + r")(?=\W|$)", _I)


def _past_day_span(title: str, pub: date) -> str | None:
    """A span of days a title looks back on ("Nov 16–22"), over before the article's day."""
    found = _DAY_SPAN_TITLE.search(title)
    if found is None:
        return None
    groups = found.groupdict()
    month = month_number(groups["m2"] or groups["m1"] or groups["m3"])
    day = int(groups["d2"] or groups["d4"])
    year = pub.year if month <= pub.month else pub.year - 1
    try:
        end = pub.replace(year=year, month=month, day=day)
    except ValueError:  # "Feb 28-30"
        return None
    return found.group() if 0 < (pub - end).days <= 60 else None


def _past_period_in_title(article: Article) -> str | None:
    """The month, quarter or half a title looks back on, when it is over by the article's
    date (without a year, the most recent one that has begun), or a span of days over."""
    if article.published is None:
        return None
    span = _past_day_span(article.title, article.published.date())
    if span is not None:
        return span
    found = _PERIOD_TITLE.search(article.title)
    if found is None:
        return None
    groups = found.groupdict()
    first = groups["first"] or groups["first2"] or groups["first3"]
    last = groups["last"] or groups["last2"] or first
    year_text = groups["year"] or groups["year2"]
    start_month = _months_of(first)[0]
    end_month = _months_of(last)[1]
    pub = article.published
    # without a year, the most recent one that has begun ("Q4" in November: this year's)
    year = int(year_text) if year_text else (pub.year if start_month <= pub.month
                                              else pub.year - 1)
    if (year, end_month) >= (pub.year, pub.month):
        return None  # "December in retail" in December: the month is not over
    return found.group().strip(" :|—–-")


# A section label on a line of its own at the top of the text, alone or before a section, a
# byline or a date: "Opinion | The Ledger Line | by ...", "EXPLAINER", "Book review | ...".
# ("Analysis", "Recap" and "Long read" label news as often as not: not here.)
_LABELS: dict[str, Genre] = {
    **dict.fromkeys(("opinion", "column", "commentary", "editorial", "op-ed", "essay",
                     "perspective", "viewpoint", "comment"), "opinion"),
    **dict.fromkeys(("explainer", "explained", "fact check", "fact-check", "faq",
                     "case study"), "explainer"),
    **dict.fromkeys(("review", "book review", "books", "film review", "hands-on",
                     "first look", "long-term review", "long-term test"), "review"),
    "profile": "profile", "obituary": "obituary", "obituaries": "obituary",
    **dict.fromkeys(("tutorial", "how-to", "how to", "guide"), "tutorial"),
    **dict.fromkeys(("transcript", "podcast transcript"), "transcript"),
    **dict.fromkeys(("interview", "q&a"), "interview"),
}
_LABEL_LINE = re.compile(r"[ \t]*(" + "|".join(re.escape(k) for k in sorted(_LABELS, key=len,
                                                                           reverse=True))
                         + r")[ \t]*(?:[|•·:–—][^\n]{0,100})?", _I)


def _section_label(article: Article) -> tuple[Genre, str] | None:
    """The genre a section label at the top of the summary or the text gives the piece
    (its first line, or the line after a copy of the headline)."""
    for field in (article.summary, article.content):
        lines = [line for line in field[:600].splitlines()[:3] if line.strip()]
        if lines and lines[0].strip() == article.title.strip():
            lines = lines[1:]
        if lines and len(lines[0]) <= 120:
            found = _LABEL_LINE.fullmatch(lines[0])
            if found is not None:
                return _LABELS[found.group(1).lower()], f"labelled {lines[0].strip()[:40]!r}"
    return None


# The first words of a summary or body that label the item: "On this day in 2020:",
# "22 years ago today:", "#OnThisDay, December 8, 2004", "From the archive:" (a label ends in
# a colon, a dash or the line: "Five years ago today, Apple launched ..." is a sentence).
_KICKER = re.compile(
    r"^\W*((?:#?on ?this ?day|(?:\d+|a|one|" + _NUMBER_WORDS + r") years? ago (?:today|this "
    r"week)|from the archives?|flashback(?: friday)?|throwback(?: thursday)?|#tbt|"
    r"(?:this|that) (?:day|week) in (?:[\w-]+ )?history|today in (?:[\w-]+ )?history)\b"
    r"[^.\n:|—–]{0,40}(?:[:|—–]|$))", _I | re.MULTILINE)


def _own_year_at_years_end(article: Article) -> int | None:
    """The article's own year named in its title, from 20 November to 31 December (not a
    date, a quarter, a target or a model: "December 13, 2026", "Q4 2026", "by 2026", "its
    2026 Wrapped")."""
    pub = article.published
    if pub is None or not (pub.month == 12 or (pub.month == 11 and pub.day >= 20)) or (
            _TODAYS_NEWS.search(article.title)):
        return None  # (not "A letter at the end of 2026, and what ships today")
    for found in _YEAR.finditer(article.title):
        if int(found.group(1)) == pub.year and not _NOT_A_FRAME.search(
                article.title, max(0, found.start() - 14), found.start()):
            return pub.year
    return None


_TODAYS_NEWS = re.compile(r"\b(?:today|tonight|this week)\b", _I)
# Before a year that is a date, a quarter, a fiscal year, a target or a model ("launches its
# 2026 Wrapped recap"), not the frame.
_NOT_A_FRAME = re.compile(r"(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
                          r"(?:\s+\d{1,2})?,?|\bq[1-4]|\bh[12]|\bfy|\bfiscal|\bby|\buntil|"
                          r"\bbefore|\bthrough|\bits|\btheir)\s*$", _I)
_COMPARED = re.compile(r"\b(?:since|than)\s+$", _I)
_REVIEW_YEAR = re.compile(r"\breview (?:of )?((?:19|20)\d\d)\s*(?::|$)|"
                          r"^\W*((?:19|20)\d\d) review\b", _I)


# The range frames the title: at its end after a comma or in brackets, or at its head before
# a colon ("Boeing hires new CFO after turbulent 2024-25" is news).
_RANGE = r"((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)?\d\d)"
_YEAR_RANGE = re.compile(r"(?:,\s+|\()" + _RANGE + r"\)?\s*$|^\W*" + _RANGE + r"\s*:")


def _century(match: re.Match[str]) -> int:
    start, end = match.group(1) or match.group(3), match.group(2) or match.group(4)
    return int(end) if len(end) == 4 else int(start[:2] + end)


_YEAR_OF_EVENT = re.compile(r"\b(19\d\d|20\d\d) (?:purchase|acquisition|takeover|merger|buyout|"
                            r"deal|sale|ipo|listing|launch|layoffs|lawsuit|settlement|"
                            r"bankruptcy|bailout|split|spin-?off)\b", _I)
# "Disney buys Fox: the dealmakers relive 2019 on stage", "... bankers look back at 2018": a
# year the title says is relived or looked back on.
_YEAR_RELIVED = re.compile(r"\b(?:reliv(?:e|es|ed|ing)|revisit(?:s|ed|ing)?|look(?:s|ed|ing)? "
                           # (not "recalls 2019 Camrys": model years)
                           r"back (?:at|on)|reflect(?:s|ed|ing)? on) (?:the (?:summer |spring |"
                           r"autumn |fall |"
                           r"winter )?(?:of )?)?(19\d\d|20\d\d)\b", _I)



def _lines_at_least(pattern: re.Pattern[str], text: str, count: int) -> bool:
    """Whether ``pattern`` occurs ``count`` times in ``text`` (stops as soon as it does).

    The pattern starts with a MULTILINE "^", so it can only match where a line starts: only
    those places are tried, in order and each after the previous match's end, which finds
    the matches ``finditer`` finds without trying every character of the text.
    """
    seen, matched_to, at = 0, 0, 0
    while at >= 0:
        if at >= matched_to:
            found = pattern.match(text, at)
            if found is not None:
                seen += 1
                if seen >= count:
                    return True
                matched_to = found.end()
        newline = text.find("\n", at)
        at = newline + 1 if newline >= 0 else -1
    return False


def _labelled_lines(text: str) -> Genre | None:
    """Four or more lines that open on a label: a transcript's speakers ("HOST:", "Jane
    Park:") or a review's sections ("Verdict:"), or (every label in capitals, none coming
    back) a wire's briefs under their slugs ("SAMSUNG: Samsung Electronics began selling
    ...", "MARKETS: ..."), where each brief's first sentence is its lead."""
    labels = []
    spoken = 0
    for found in _SPEAKER_LINE.finditer(text):
        labels.append(found.group("who"))
        # (what is said is on the label's line, or on the next one: "Host:\n\nWelcome back")
        start = found.end()
        while start < len(text) and text[start].isspace():
            start += 1
        end = text.find("\n", start)
        spoken += _is_spoken(text[start:end if end >= 0 else len(text)])
    if len(labels) < 4:
        return None
    if all(label.isupper() for label in labels) and len(set(labels)) == len(labels):
        return "newsletter"
    # A fact box or spec sheet ("Name: LineSeq 1.0", "Price: from $24,000 per line",
    # "Phoenix: 2020") has labels too, but its values are not sentences.
    return "transcript" if 2 * spoken >= len(labels) else None


def _is_spoken(rest: str) -> bool:
    """What follows a label reads as said or written prose: it ends a sentence, or it runs
    on for eight words or more ("HOST: Right.", "Verdict: the best phone this year ...")."""
    rest = rest.rstrip()
    return rest.endswith((".", "?", "!", '"', "”", "…", "'", "’")) or rest.count(" ") >= 7


_LINE_PATTERNS = (_TIMELINE_LINE, _SPEAKER_LINE, _CODE_LINE)
assert all(p.pattern.startswith("^") and p.flags & re.MULTILINE for p in _LINE_PATTERNS)
