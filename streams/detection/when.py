"""When a sentence says something happened: time expressions resolved against the article date.

News reports its own events as today's ("on Tuesday", "this week", "will", a date a few
days old) and tells older ones as background ("in 2004", "last March", "two years ago",
a timeline line starting "June 2023 —"). ``time_refs`` finds the expressions of a
sentence in one regex pass and places each relative to the article's date; ``anchor_for``
picks the one that governs a trigger (the nearest in its clause).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal

import ahocorasick

from .first_chars import quick, with_first_chars
from .folding import folded, lowered
from .lexicon import ACT_NOUN_PATTERN

When = Literal["past", "current", "future"]

#: An event dated more than this many days before the article is background, not news.
PAST_AFTER_DAYS = 21

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?P<month>jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|"
          r"june?|july?|aug(?:ust|\.)?|sep(?:t(?:ember)?)?\.?|oct(?:ober|\.)?|"
          r"nov(?:ember|\.)?|dec(?:ember|\.)?)")
MONTH_WORD = _MONTH.replace("(?P<month>", "(?:")
"""A month's name or abbreviation, no group (read case-blind): "Nov", "Sept.", "March"."""
_NAME_NEXT = re.compile(r" (?-i:[A-Z][a-z])")
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 3,
                 "many": 5, "a few": 2, "few": 2}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "quarter": 91, "year": 365, "decade": 3650,
              # "two summers ago": a season comes once a year
              "summer": 365, "winter": 365, "spring": 365, "autumn": 365, "fall": 365,
              "season": 365}

# One pass over the named branches; the preposition before a match (its ``prefix``) is read
# after the match, so the scan does not try it at every word.
_PREFIX = re.compile(r"\b(back\s+in|in|into|on|since|until|till|beyond|from|to|by|during|"
                     r"before|after|of|early|late|mid-?|last|this|next|fiscal|fy)\s*$",
                     re.IGNORECASE)
# The kinds of time expression, each a named group (``_place`` reads which one matched).
_TIME_BRANCHES = (
    # "June 5, 2025", "5 June 2025", "June 2025", "June of this year", "June 5", "June"
    r"(?P<mdy>" + _MONTH + r"\s+(?P<day1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year1>(?:19|20)\d\d))",
    r"(?P<dmy>(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH.replace("month", "month2")
    + r",?\s+(?P<year2>(?:19|20)\d\d))",
    r"(?P<my>" + _MONTH.replace("month", "month3") + r",?\s+(?:of\s+)?(?P<year3>(?:19|20)\d\d))",
    r"(?P<mthis>" + _MONTH.replace("month", "month4") + r"\s+(?:of\s+)?(?P<rel4>this|last|"
    r"next)\s+year)",
    r"(?P<md>" + _MONTH.replace("month", "month5")
    # ("last October's news": a month owning a noun is still the month)
    + r"(?:\s+(?P<day5>\d{1,2})(?:st|nd|rd|th)?)?)(?=[\s,.;:)'’]|$)",
    # "the 1990s", "2014", "in 2014", "since 2006", "by 2012", "mid-2019"
    r"(?P<decade>(?:the\s+)?(?:early\s+|late\s+|mid-?)?(?P<dyear>(?:19|20)\d0)['’]?s)",
    r"(?P<year>(?P<year6>(?:19|20)\d\d)(?![\d,.]\d|\s?(?:%|percent|bn|m\b|million|"
    r"billion|mw|gw|km|miles|tonnes|units|jobs|workers|employees|people|shares|stores)))",
    # "two years ago", "a decade ago"
    r"(?P<ago>(?P<count7>\d+|a few|an?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"several|many|few)\s+(?P<unit7>day|week|month|quarter|year|decade|summer|winter|spring|"
    r"autumn|fall|season)s?\s+ago)",
    r"(?P<longago>(?:years|decades|months)\s+ago|long\s+ago|once\s+upon)",
    # "After Apple's €1.8bn fine and Meta's €200m penalty, Brussels asks ...": a sentence
    # that opens on what came before its news (only at the start: see ``_place``).
    r"(?P<openafter>after)(?=\s+(?!(?:a|an|the|its|their)\s+(?:while|time|years?|months?|"
    r"weeks?|days?)\b))",
    # "Two months after Amazon's job cuts, ...": what follows is that long before the
    # clause that comes after it, which is at the latest the article's time.
    r"(?P<after>(?P<count10>\d+|a few|an?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|several)\s+(?P<unit10>day|week|month|quarter|year|decade)s?\s+after)",
    # "rolling out since the autumn": since the last one
    r"(?P<last>(?:last|this\s+past|the\s+previous|the\s+prior|the\s+past|"
    r"since\s+the(?=\s+(?:spring|summer|autumn|fall|winter)\b))\s+(?P<unit8>week|"
    r"month|year|decade|spring|summer|autumn|fall|winter|quarter))",
    r"(?P<earlier>earlier\s+this\s+(?P<unit9>week|month|year))",
    # "Earlier in 2026, Stripe launched ...", "earlier in the year": as "earlier this year"
    # when it is the article's year
    r"(?P<earlieryear>earlier\s+in\s+(?:the\s+year|(?P<eyear>(?:19|20)\d\d)))",
    r"(?P<this>this\s+(?:week|month|morning|afternoon|evening|weekend))",
    # "In the spring, Apple launched ...", "will ship in the autumn": a season, placed like a
    # month named without a year (see ``_place``)
    r"(?P<season>the\s+(?P<sname>spring|summer|autumn|fall|winter))(?!\s+of\b)",
    # "launched the Vision Air this year": some time since January (see ``_place``)
    r"(?P<thisyear>this\s+year)(?!['’])",
    r"(?P<next>next\s+(?:week|month|year|quarter|spring|summer|autumn|fall|winter)|"
    r"later\s+this\s+(?:week|month|year)|in\s+the\s+coming\s+(?:days|weeks|months))",
    r"(?P<today>today|tonight|yesterday|tomorrow|overnight|just\s+now)",
    # Narrative past: "the following year", "at the time", "before." closing a clause.
    r"(?P<narrative>the\s+(?:following|next|previous)\s+(?:day|week|month|year|decade)|"
    # "Nvidia agreed to invest $5 billion in Intel a month later": later than a time told
    r"(?:a|an|one|two|three|four|five|six|several|a\s+few|\d+)\s+(?:days?|weeks?|months?|"
    r"years?|decades?)\s+later|"
    r"(?:that|the\s+same)\s+(?:year|month|summer|spring|autumn|fall|winter)|"
    # "went on sale that day" tells a story; "on the same day Apple said" is today's news
    r"that\s+(?:day|week|night)|at\s+the\s+time|"
    r"in\s+the\s+past|in\s+years\s+past|once\s+before|"
    r"for\s+(?:several|many|some|a\s+few|\d+|two|three|four|five|ten)\s+(?:years|decades)|"
    r"over\s+the\s+(?:past|last)\s+(?:several|many|few|\d+|two|three|four|five|ten)\s+"
    r"(?:years|decades)|"
    r"(?:before|since|ago)(?=\s*(?:[.:;!?]|$)))",
    r"(?P<weekday>" + _WEEKDAY + r")",
)
_TIME = re.compile(
    # Every branch starts with a digit or one of these letters: looking ahead for them first
    # lets the scan skip most positions at once (half the cost of this regex). Each branch
    # looks ahead for its own first characters too (``with_first_chars``: the same
    # matches), so a word is not tried against every branch, each of which sets groups.
    r"(?=[0-9abdefijlmnostwy])\b(?:"
    + "|".join(with_first_chars(branch, re.IGNORECASE) for branch in _TIME_BRANCHES)
    + r")\b",
    re.IGNORECASE,
)


_Ref = Callable[..., "TimeRef"]


@dataclass(frozen=True)
class TimeRef:
    """A time expression at ``start:end`` of a sentence and where it falls."""

    start: int
    end: int
    text: str
    when: When
    days_before: float | None = None  # days from the referenced time to the article date
    # A month or date named without a year: placed before the article (the most recent
    # one) for a past-tense verb ("launched in June"), after it for a plan ("will retire
    # in February"), so ``no_year`` lets the caller discard the past reading.
    no_year: bool = False
    prefix: str = ""
    # "two months after X": it dates what follows it (X), not a trigger before it.
    dates_what_follows: bool = False
    # "this year": some time this year, a date only for a past verb (see ``_place``)
    this_year: bool = False

    @property
    def is_past(self) -> bool:
        return self.when == "past"


def time_refs(sentence: str, published: datetime | date) -> list[TimeRef]:
    """Every time expression in ``sentence``, placed relative to ``published``."""
    pub = published.date() if isinstance(published, datetime) else published
    out: list[TimeRef] = []
    for match in _time_matches(sentence):
        ref = _place(match, sentence, pub)
        if ref is not None:
            out.append(ref)
    return out


_TIME_FOLDED = folded(_TIME)


def _time_matches(sentence: str) -> Iterator[re.Match[str]]:
    """``_TIME.finditer(sentence)``, as a case-sensitive scan of the lower-cased text where
    that finds the same (``folding``): about twice as fast. The matches are then of the
    lower-cased text: ``_place`` reads their groups from the sentence."""
    low = lowered(sentence)
    return _TIME.finditer(sentence) if low is None else _TIME_FOLDED.finditer(low)


# Every past date contains one of these; a long text is only parsed around them. The
# lookahead names every character a hint can start with (case-folded forms included): it
# changes no match, but lets the scan skip most positions without trying each branch.
_PAST_HINT = re.compile(r"(?=[12aAsSſlLpPiIıİtTJFMOND])(?:(?:19|20)\d\d|\b(?i:ago|since|"
                        r"last\s+(?:year|decade|month|spring|summer|autumn|fall|winter|quarter)|"
                        r"previous\s+year|in the past|the following "
                        r"year)\b|\b(?:January|February|March|April|May|June|July|August|"
                        r"September|October|November|December)\b)")


# Every match of ``_PAST_HINT`` starts with one of these (lower-cased).
_HINT_STARTS = ("19", "20", "ago", "since", "last", "previous", "in the past",
                "the following year", "january", "february", "march", "april", "may", "june",
                "july", "august", "september", "october", "november", "december")
# The only characters case folding matches to a letter "a".."z" that ``str.lower`` does not
# turn into one (ſ is "s", ı and İ are "i" to the regex).
_FOLDS_APART = "ſıİ"


def _hint_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for start in _HINT_STARTS:
        automaton.add_word(start, len(start))
    automaton.make_automaton()
    return automaton


_HINT_AUTOMATON = _hint_automaton()


def _past_hints(text: str) -> Iterator[re.Match[str]]:
    """``_PAST_HINT.finditer(text)``, without trying the pattern at every character.

    One Aho-Corasick pass over the lower-cased text lists every place a hint can start
    (a month in any case, too: a superset); the pattern is tried there only, in order and
    each after the previous hint's end, which finds the hints ``finditer`` finds. Where
    lower-casing could move offsets (a character lower-cased to two: then the lengths
    differ, as ``lower`` never shortens) or hide a case-folded letter, the scan is the
    plain one.
    """
    lowered = text.lower()
    if len(lowered) != len(text) or any(ch in text for ch in _FOLDS_APART):
        yield from _PAST_HINT.finditer(text)
        return
    starts = {end - length + 1 for end, length in _HINT_AUTOMATON.iter(lowered)}
    matched_to = 0
    for at in sorted(starts):
        if at >= matched_to:
            hint = _PAST_HINT.match(text, at)
            if hint is not None:
                yield hint
                matched_to = hint.end()


def has_past_date(text: str, published: datetime | date) -> bool:
    """Whether ``text`` names any date more than three weeks before ``published``."""
    for hint in _past_hints(text):
        window = text[max(0, hint.start() - 30):hint.end() + 30]
        if any(ref.is_past for ref in time_refs(window, published)):
            return True
    return False


# "at the end of", "by the close of", "in the last week of" a month: its last days.
_MONTH_END = re.compile(r"\b(?:end|close|last\s+(?:days?|week))\s+$", re.IGNORECASE)
_SECTION_LABEL = re.compile(r"\s+in\s+[^:.;,]{1,30}:")
_OVER = re.compile(r"\bover\s$", re.IGNORECASE)
# A season by its middle month.
_SEASON_MONTH = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1}
# Not "at the beginning of December", which looks back as often as ahead.
_TAKES_EFFECT = re.compile(r"(?<!the )\b(?:effective|starting|beginning|commencing)"
                           r"(?: on| from)?\s+$",
                           re.IGNORECASE)


def _place(match: re.Match[str], sentence: str, pub: date) -> TimeRef | None:
    """The time ``match`` (of ``_TIME`` in ``sentence``, or at the same offsets in
    its lower-cased copy) refers to."""
    m = _Groups(match, sentence)
    before = _PREFIX.search(sentence, max(0, m.start() - 12), m.start())
    prefix = before.group(1).lower() if before is not None else ""
    start, end = (before.start() if before is not None else m.start()), m.end()
    text = sentence[start:end]

    def ref(when: When, days: float | None, no_year: bool = False) -> TimeRef:
        return TimeRef(start, end, text, when, days, no_year, prefix)

    if m.group("mdy") or m.group("dmy") or m.group("my"):
        month = month_number(m.group("month") or m.group("month2") or m.group("month3"))
        year = int(m.group("year1") or m.group("year2") or m.group("year3"))
        day = _month_day(pub, year, month) if m.group("my") else int(
            m.group("day1") or m.group("day2"))
        return _by_days(ref, _days_before(pub, year, month, day), prefix)
    if m.group("mthis"):
        month = month_number(m.group("month4"))
        year = pub.year + {"this": 0, "last": -1, "next": 1}[m.group("rel4").lower()]
        return _by_days(ref, _days_before(pub, year, month, _month_day(pub, year, month)),
                        prefix)
    if m.group("md"):
        word = m.group("month5")
        if word.lower() in ("may", "march") and not prefix and not m.group("day5"):
            return None  # the verb or the noun, most of the time
        if not prefix and not m.group("day5") and word[:1].islower():
            return None
        if prefix in ("", "of", "from", "to", "by") and not m.group("day5") and (
                _NAME_NEXT.match(sentence, end)):
            return None  # "Jan Koum", "of Jun Young-hyun", "April Walker": a first name

        month = month_number(word)
        year = pub.year
        # "named CFO effective June 1": a date something takes effect is the coming one.
        coming = _TAKES_EFFECT.search(sentence, max(0, start - 16), start) is not None
        if prefix == "last" or (prefix != "next" and not coming
                                and _days_before(pub, year, month, 1) < -7):
            year -= 1  # the most recent one; a plan's reading is the caller's to choose
        elif prefix == "next" and month <= pub.month:
            year += 1  # "by next October", written in December: the coming year's
        day = int(m.group("day5")) if m.group("day5") else _month_day(pub, year, month)
        if not m.group("day5") and (prefix == "late" or (prefix == "of" and _MONTH_END.search(
                sentence, max(0, start - 20), start))):
            # "would leave at the end of April", "late September": the month's last days
            day = calendar.monthrange(year, month)[1]
        found = _by_days(ref, _days_before(pub, year, month, day), prefix)
        # "in August that year", "in May of the same year": a year the story already named,
        # so the past reading is the one.
        told = _THAT_YEAR.match(sentence, end) is not None
        return TimeRef(start, end, text, found.when, found.days_before,
                       prefix not in ("last", "since", "back in") and not told, prefix)
    if m.group("decade"):
        days = float((pub - date(int(m.group("dyear")) + 5, 6, 30)).days)
        return ref("past" if days > 365 else "current", days)
    if m.group("year"):
        year = int(m.group("year6"))
        if year > pub.year or (prefix in ("by", "until") and year == pub.year):
            return ref("future", float((pub - date(year, 6, 30)).days))
        if prefix == "since":
            return ref("past", float((pub - date(year, 6, 30)).days))
        if year == pub.year:
            return ref("current", None)  # "in 2026" read in 2026: maybe months back
        return _by_days(ref, float((pub - date(year, 12, 31)).days), prefix)
    if m.group("ago"):
        count = m.group("count7").lower()
        number = int(count) if count.isdigit() else _NUMBER_WORDS.get(count, 2)
        return _by_days(ref, float(number * _UNIT_DAYS[m.group("unit7").lower()]), prefix)
    if m.group("longago"):
        return ref("past", 3650.0)
    if m.group("openafter"):
        if sentence[:m.start()].strip(" \"'“‘(") or prefix:
            return None  # only a sentence opening on "After ...,"
        return TimeRef(start, end, text, "past", None, prefix=prefix, dates_what_follows=True)
    if m.group("after"):
        count = m.group("count10").lower()
        number = int(count) if count.isdigit() else _NUMBER_WORDS.get(count, 2)
        found = _by_days(ref, float(number * _UNIT_DAYS[m.group("unit10").lower()]), prefix)
        return TimeRef(start, end, text, found.when, found.days_before, prefix=prefix,
                       dates_what_follows=True)
    if m.group("last"):
        unit = m.group("unit8").lower()
        return _by_days(ref, float({"week": 7, "month": 30, "quarter": 90, "year": 365,
                                    "decade": 3650}.get(unit, 180)), prefix)
    if m.group("earlier"):
        return _by_days(ref, float({"week": 3, "month": 10, "year": 120}[
            m.group("unit9").lower()]), prefix)
    if m.group("earlieryear"):
        year = int(m.group("eyear") or pub.year)
        if year != pub.year:
            return _by_days(ref, float((pub - date(year, 12, 31)).days), prefix)
        return _by_days(ref, 120.0, prefix)
    if m.group("next"):
        return ref("future", None)
    if m.group("narrative"):
        return ref("past", None)
    if m.group("today"):
        word = text.lower()
        if word.endswith("tomorrow"):
            return ref("future", -1.0)
        return ref("current", 1.0 if word.endswith("yesterday") else 0.0)
    if m.group("this"):
        if _SECTION_LABEL.match(sentence, end):
            return None  # "This week in the Ledger: ...": a section's name, not a date
        return ref("current", 0.0)
    if m.group("season"):
        if not prefix and _OVER.search(sentence, max(0, m.start() - 6), m.start()):
            # "fined over the summer": during it
            prefix, start = "over", m.start() - 5
            text = sentence[start:end]
        if prefix not in ("in", "during", "over", "back in", "by", "early", "late", "mid",
                          "mid-"):
            return None  # "the fall in prices", "since the autumn" (read elsewhere)
        name = m.group("sname")  # (as the case-blind match read it: "ſpring" too)
        month = next(v for k, v in _SEASON_MONTH.items() if re.fullmatch(k, name, re.I))
        year = pub.year if _days_before(pub, pub.year, month, 15) >= -7 else pub.year - 1
        found = _by_days(ref, _days_before(pub, year, month, 15), prefix)
        return TimeRef(start, end, text, found.when, found.days_before, prefix != "back in",
                       prefix)
    if m.group("thisyear"):
        # Some time this year, on average half the year so far: early in January that is
        # today's news, in December months back. For a plan or a state ("will launch this
        # year", "has cut 5,000 jobs this year") the caller drops the past reading.
        found = _by_days(ref, (pub - date(pub.year, 1, 1)).days / 2, prefix)
        return TimeRef(start, end, text, found.when, found.days_before, True, prefix,
                       this_year=True)
    # a weekday: this week's news, unless "last Monday" / "next Monday"; the article's own
    # weekday is its day ("said on Thursday" in a Thursday paper), any other some day of
    # the week (which one, before or after, the tense alone cannot tell)
    if prefix == "next":
        return ref("future", None)
    if prefix == "last":
        return ref("current", 10.0)
    own = m.group("weekday").lower() == calendar.day_name[pub.weekday()].lower()
    return ref("current", 0.0 if own else 3.0)


class _Groups:
    """A match's groups read from ``text``, the string it was found in or one that differs
    only in case (as written: "March", not "march")."""

    __slots__ = ("_match", "_text")

    def __init__(self, match: re.Match[str], text: str) -> None:
        self._match, self._text = match, text

    def start(self) -> int:
        return self._match.start()

    def end(self) -> int:
        return self._match.end()

    def group(self, name: str) -> str | Any:  # as typeshed types re.Match.group
        start, end = self._match.span(name)
        return None if start < 0 else self._text[start:end]


def _by_days(ref: _Ref, days: float, prefix: str) -> TimeRef:
    if prefix == "since":
        return ref("past", days)
    if days < -1:
        return ref("future", days)
    return ref("past" if days > PAST_AFTER_DAYS else "current", days)


def _month_day(pub: date, year: int, month: int) -> int:
    """A month named without a day: its first day if it is the article's own month (so
    "in March" read on March 10 is this month's news), else its middle."""
    return 1 if (year, month) == (pub.year, pub.month) else 15


def month_number(word: str) -> int:
    """1-12 for a month's name or its abbreviation ("March", "Sept.", "oct")."""
    return _MONTHS[word.lower().rstrip(".")[:4] if word.lower().startswith("sept")
                   else word.lower().rstrip(".")[:3]]


def _days_before(pub: date, year: int, month: int, day: int) -> float:
    try:
        return float((pub - date(year, month, day)).days)
    except ValueError:
        return float((pub - date(year, month, 1)).days)


# Clause breaks a time expression does not reach across.
_CLAUSE_BREAK = quick(r";|\s[—–]\s|\bbut\b|\bwhile\b|\bwhereas\b|\bwhen\b|\bafter\b|"
                           r"\bbefore\b|\bsince\b|\bwhich\b|\bwho\b|\bthat\b|\(|\)")


# "raised $35 million at a $180 million valuation, down from $600 million in 2022": the date
# is the figure compared with, not the act's.
_COMPARED_WITH = quick(r"\b(?:down|up) from\b|\bcompared (?:with|to)\b|\bversus\b|\bvs\b")


# "settled the suit filed last year", "completed the deal announced in March": a date after
# another verb's participle dates that verb, not the trigger.
_OTHER_VERB = quick(r"\b(?:filed|announced|launched|brought|agreed|signed|started|begun|"
                         r"begin|made|(?<!\bits )(?<!\bthe )(?<!\btheir )(?<!\bhis )"
                         r"(?<!\bher )(?<!\ba )(?<!-)first|originally|initially|struck|reached|"
                         r"opened|"
                         r"unveiled|proposed|reported|set|planned|scheduled|slated|due|"
                         r"expected|released|issued|introduced|founded|formed)\b")
# (lower-case only: in running text a capital makes a name, "at its Made by Google event in
# August", not another verb the date belongs to)


# "completed its succession in the spring, with Bob Iger stepping aside": a "with" phrase
# adds to its clause, at its time.
_WITH_PHRASE = r"with\s+(?:[\w.'’-]+\s+){1,4}$"
# ("The tribunal's judgment last October, which found that Apple had abused": the relative
# clause tells what the dated act did; not "which is why", "which means")
_HANGS_ON_DATE = re.compile(r"^,?\s*(?:when|which(?! (?:is|was) why| means\b)|before|after|"
                            r"(?:(?:only |just |a few |several |"
                            r"two |three |some )?(?:days|weeks|months|"
                            r"shortly|soon|a day|a week|a month) (?:after|before))\b|"
                            + _WITH_PHRASE + ")", re.IGNORECASE)
# The same phrase read back from a participle after it (``newsworthy.tense_of``).
WITH_PHRASE_BEFORE = re.compile(r",\s*" + _WITH_PHRASE)


# After the report's date ("said in August [that year] that it would", "agreed in December
# to invest"): what was reported, whatever its tense.
_THAT_YEAR = re.compile(r",?\s+(?:of\s+)?(?:that|the same|the following|the previous) year\b",
                        re.IGNORECASE)
_REPORTED_PLAN = re.compile(r"^,?\s*(?:(?:of )?that (?:year|month|week|spring|summer|autumn|"
                            r"fall|winter)\s+)?(?:(?:that\s+(?:it|they|he|she|the (?:company|"
                            r"group|firm)|[A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,3})|(?:it|they))"
                            r"\s+(?:would|will|had|"
                            r"was going to|were going to|planned to|intended to|was to|were "
                            # "announced in October that he was stepping down"
                            r"to|was|were)|to)\s+(?:\w+ly\s+)?$")
_REPORTING_VERB = re.compile(r"\b(?:announced|said|confirmed|revealed|disclosed|declared|"
                             r"told\s+\w+|agreed)\s+(?:in|on|at|during|back in)?\s*$",
                             re.IGNORECASE)


# Words before a date that opens a sentence, setting a scene at it: "On a grey morning
# (in January 2019)", "One evening (in March)", "During the winter (of 2019)".
_SCENE_BEFORE = re.compile(r"\W*(?:(?i:on|in|at|late|early|during)\s+(?:a|an|the|that)|(?i:one))"
                           r"\s+(?:[a-z'-]+\s+){1,3}")


def anchor_for(sentence: str, refs: list[TimeRef], start: int, end: int, *,
               object_dated: bool = False) -> TimeRef | None:
    """The time expression that dates the trigger at ``start:end``: the nearest one in its
    clause (a date opening a timeline line reaches the whole line). With ``object_dated`` a
    bare year after the trigger is its object's, not its own ("settled IBM's 2025 suit")."""
    best: tuple[float, TimeRef] | None = None
    for ref in refs:
        if ref.end <= start:
            between = sentence[ref.end:start]
            gap = start - ref.end
            # "2014 — Apple buys Beats" (not "Six months after its IPO, Stripe cuts jobs")
            # "On a grey morning in January 2019, ...": a scene set at the date opens it too
            opening = (ref.start <= 2 or _SCENE_BEFORE.fullmatch(sentence, 0, ref.start)
                       is not None) and len(between) < 200 and not ref.dates_what_follows
            # "in August 1981, when IBM introduced", "in July, weeks after Meta hired":
            # the clause hangs on the date.
            hangs = _HANGS_ON_DATE.match(between) is not None or _dates_a_report(sentence, ref,
                                                                               start)
            if _CLAUSE_BREAK.search(between) and not (opening or hangs):
                continue
            if ref.dates_what_follows and _ASIDE_COMMA.search(between.replace(";", ", ")):
                continue  # "Six months after its IPO, Stripe cuts jobs": the clause ended
            if ref.is_past and in_closed_aside(sentence, ref, start):
                # "Intel, founded in 1968, will cut": the date is the aside's, not the news's
                # (a date of this week in an aside, ", announced Tuesday,", still tells).
                continue
        elif ref.start >= end:
            if ref.dates_what_follows:
                continue
            if object_dated and _BARE_YEAR.fullmatch(ref.text):
                continue  # "have settled IBM's 2025 patent suit": the year is the suit's
            if closing_stamp(sentence, ref):
                # "... pushed back three months (May 14).": a list item's or a brief's date,
                # in brackets at its end, dates the whole of it.
                gap = ref.start - end
                score = gap * 0.8
                if best is None or score < best[0]:
                    best = (score, ref)
                continue
            if _NAMED_AGAIN_BEFORE.search(sentence, max(end, ref.start - 12), ref.start) and \
                    _NAMED_AGAIN_AFTER.match(sentence, ref.end):
                # "Meta fined €1.2bn over EU data transfers: that 2023 decision still shapes
                # ...": the act named again with its year, whatever clause it sits in.
                score = (ref.start - end) * 0.8
                if best is None or score < best[0]:
                    best = (score, ref)
                continue
            if ref.text[:6].lower() == "since " and _ASIDE_COMMA.search(sentence, end, ref.start):
                # "launches Skylark, in development since the autumn": the aside's time
                continue
            between = _without_aside(sentence[end:ref.start])
            gap = len(between)
            span = _SPAN_BEFORE_DATE.search(between)
            if span is not None:
                # "fired its chief executive two days before Christmas 2019": the span and
                # the day it counts from date the act together
                between = between[:span.start()]
            # "has been the subject of a federal investigation since last October": the date
            # a state began is a preposition's object, not a new clause
            since = _SINCE_DATE.search(between)
            if since is not None:
                between = between[:since.start()]
            if not _at_the_same_time(between) and (
                    _CLAUSE_BREAK.search(between) or gap > 90 or _OTHER_VERB.search(between)
                    or _COMPARED_WITH.search(between)):
                continue
        elif start <= ref.start and ref.end > end:
            gap = 0  # "investment announced in May 2024": the trigger ends with its 'in'
        else:
            # inside the trigger: "filed a separate civil suit on Thursday against"
            gap = 0
        score = gap * (0.8 if ref.start >= end else 1.0)
        if best is None or score < best[0]:
            best = (score, ref)
    return best[1] if best is not None else None


# "that 2023 decision", "the same 2019 deal": a demonstrative, the year, and a noun for the act.
_NAMED_AGAIN_BEFORE = re.compile(r"\b(?:that|this|the same|which|whose)\s+$", re.IGNORECASE)
_NAMED_AGAIN_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:" + ACT_NOUN_PATTERN + r")s?\b",
                                re.IGNORECASE)


_SINCE_DATE = re.compile(r"\bsince\s*$", re.IGNORECASE)
_BARE_YEAR = re.compile(r"(?:19|20)\d\d")


_SPAN_BEFORE_DATE = re.compile(
    r"\b(?:\d+|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\s+"
    r"(?:days?|weeks?|months?)\s+(?:before|after)\s+(?:[A-Z][\w'’]+\s+){0,2}$")


# "(May 14).", "(Oct. 13)", "(2019)" closing a sentence: a date and nothing else in brackets.
_STAMP_END = re.compile(r"\)[\s.;:!?\"”’']*$")
_DASH_BEFORE = re.compile(r"\s[—–-]\s*(?:(?:back |all |both |way back )?(?:in|on|at|during)\s+)?$",
                          re.IGNORECASE)
_DASH_STAMP_END = re.compile(r"[\s.!?\"”’']*$")


# "(since 2019)", "(until March)": a span, not the date of the line.
_SPAN_PREFIXES = frozenset({"since", "until", "till", "by", "before", "after", "from", "to",
                            "into", "beyond"})


def closing_stamp(sentence: str, ref: TimeRef) -> bool:
    """``ref`` is a date alone in brackets that closes the sentence ("... (May 14)."), or set
    off by a dash at its end ("laid off 400 dispatchers and replaced them with software — in
    early 2025."): it dates the whole of it."""
    if ref.prefix in _SPAN_PREFIXES or ref.start <= 0:
        return False
    if sentence[ref.start - 1] == "(":
        return _STAMP_END.match(sentence, ref.end) is not None
    return (_DASH_BEFORE.search(sentence, max(0, ref.start - 14), ref.start) is not None or (
        _ALL_OF_IT.search(sentence, max(0, ref.start - 50), ref.start) is not None) or (
        _SAID_AT_END.search(sentence, max(0, ref.start - 60), ref.start) is not None)) and (
        _DASH_STAMP_END.match(sentence, ref.end) is not None)


# "..., the companies said on Thursday.", "..., Reuters reported Monday.": the closing
# attribution's day is the day of the report of all before it.
_SAID_AT_END = re.compile(
    r",[\"”’']?\s+(?:(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,2}?[\w-]+|it|they|he|she|"
    r"(?-i:[A-Z])[\w&.'’-]*(?:\s+(?-i:[A-Z])[\w&.'’-]*){0,3})\s+(?:said|says|announced|"
    r"confirmed|disclosed|reported|told\s+(?:[\w'’-]+\s+){1,3}?)\s*(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE)


# "was sued, lost its chief executive and laid off half its staff, all within six months in
# 2021.": a closing phrase that gathers everything before it under one date.
_ALL_OF_IT = re.compile(r",\s+(?:all|both|each)\b[^,;()—–]{0,40}$", re.IGNORECASE)


# "bought RouteLine, a Nashville startup that used gig drivers, in the summer of 2020": an
# aside set off by commas after the object; what follows it is the clause's again.
_ASIDE_COMMA = re.compile(r",[\"”’']?\s")  # not the comma of "15,000"


def _without_aside(between: str) -> str:
    if ";" in between or "," not in between:
        return between
    commas = [m.start() for m in _ASIDE_COMMA.finditer(between)]
    if len(commas) >= 2 and commas[0] <= 50 and len(between) - commas[-1] <= 30 and (
            _APPOSITIVE_OPENS.match(between, commas[0] + 1)):
        return between[:commas[0]] + between[commas[-1]:]
    return between


# An aside on the object opens like a noun phrase ("RouteLine, a Nashville startup that"),
# not like a clause of its own (", after it already pushed it once,").
_APPOSITIVE_OPENS = re.compile(r"\s+(?:a|an|the|its|their|his|her)\s", re.IGNORECASE)


# "pushed the 777X to 2026 when it reported results last October": a clause of the same
# actor's, closed by the date, says when the event itself happened.
_SAME_TIME_CLAUSE = re.compile(r"\bwhen\s+(?:it|they|he|she|the (?:company|group|firm|board|"
                               r"maker))\s+[a-z]+\b[^,;:()—–]{0,80}$")


def _at_the_same_time(between: str) -> bool:
    clause = _SAME_TIME_CLAUSE.search(between, max(0, len(between) - 180))
    return clause is not None and not _CLAUSE_BREAK.search(between, 0, clause.start()) and (
        not _ANOTHER_ACT.search(between, 0, clause.start()))


# Before the 'when': a relative clause or a comparison with an act of its own ("the role Bob
# Iger reclaimed when he returned", "the target it set when", "later than when it released"):
# the date is that act's.
_ANOTHER_ACT = re.compile(r"\b(?:than|who|whom|which|that|[a-z]{3,}ed|made|set|took|gave|began|"
                          r"got|had|did|won|lost|kept|put|ran|saw|knew|went|came|held|led|left|"
                          r"met|paid|sold|told|wrote|said)\b", re.IGNORECASE)


def _dates_a_report(sentence: str, ref: TimeRef, start: int) -> bool:
    """"announced in June 2018 that it would buy GitHub", "said in March it would push":
    the date of the report dates the plan it reported (whatever the plan's tense)."""
    return ref.end <= start and _REPORTED_PLAN.match(sentence[ref.end:start]) is not None and (
        _REPORTING_VERB.search(sentence, max(0, ref.start - 30), ref.start) is not None)


def in_closed_aside(sentence: str, ref: TimeRef, start: int) -> bool:
    """The date sits in an aside set off by commas between the subject and the trigger:
    "Intel, founded in 1968, will cut", "Acme, which bought Foo in 2019, said it would"."""
    opened = sentence.rfind(",", max(0, ref.start - 80), ref.start)
    if opened <= 0 or not sentence[:opened].strip():
        return False
    if "," in sentence[opened + 1:ref.start] or _DATELINE_DASH.search(sentence, opened,
                                                                     ref.start):
        return False  # "OCALA, Fla. — In the fall of 2020, Disney cut": a dateline, no aside
    closed = sentence.find(",", ref.end, start)
    if closed < 0:
        return False
    # ", in 2006," alone dates the main verb ("Google, in 2006, acquired YouTube"); an aside
    # with words of its own ("founded in 1968", "which bought Foo in 2019") does not.
    rest = sentence[opened + 1:ref.start] + " " + sentence[ref.end:closed]
    return any(word.lower() not in _DATE_WORDS for word in _WORD.findall(rest))


_WORD = re.compile(r"[A-Za-z]+")
_DATELINE_DASH = re.compile(r"\s(?:[—–]|--?)\s")
_DATE_WORDS = frozenset({"in", "on", "at", "back", "of", "the", "early", "late", "mid",
                         "around", "about", "by", "during", "since", "from", "until"})


def days_between(pub: datetime, then: datetime) -> float:
    """Days from ``then`` to ``pub`` (positive when ``then`` is earlier)."""
    return (pub - then) / timedelta(days=1)
