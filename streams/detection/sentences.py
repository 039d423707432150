"""Split article text into sentences, keeping character offsets into the original.

One regex finds every boundary, so splitting costs a single C-level scan: terminal
punctuation followed by space and a capital (not after an abbreviation, an
initial or "U.S."), or a line break (headlines and section titles end there).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from typing import NamedTuple

from .lexicon import words

_ABBREVIATIONS = words(
    "inc corp co ltd mr mrs ms dr st jr sr prof gen gov sen rep no vs etc al approx dept "
    "est fig jan feb mar apr jun jul aug sep sept oct nov dec ave nos bros v"
)
_CLOCK = frozenset({"a.m", "p.m"})
# After these a full stop may still end the sentence when a typical first word follows.
_COMPANY_SUFFIXES = frozenset({"inc", "corp", "ltd", "co", "bros"})
_STARTERS = words(
    "The A An It He She They We In On At For But And However Meanwhile Its This That"
)

# Candidate ends: terminal punctuation (plus closing quotes, and closing markup left in
# a feed's text: "have it.</blockquote> Plaintiffs") then space and a capital,
# digit or opening quote; or a line break. Abbreviations are ruled out in Python,
# which only runs at these few places. Written as
#     [.!?]+(?:</[a-zA-Z][a-zA-Z0-9]*>)*[\"”’')\]]*\s+(?=[\"“‘(]?[A-Z0-9$€£])|\n\s*
# with its first character taken out in front, so that the regex engine skips in C to the
# next ".", "!", "?" or line break instead of trying the pattern at every character. The
# lookbehinds say which branch that character began; "[.!?]" then "[.!?]*" backtracks just
# as "[.!?]+" does, so the matches are the same.
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=[.!?])[.!?]*(?:</[a-zA-Z][a-zA-Z0-9]*>)*[\"”’')\]]*\s+"
                       r"(?=[\"“‘(]?[A-Z0-9$€£])|"
                       r"(?<=\n)\s*)")


@functools.lru_cache(maxsize=64)
def title_case(text: str) -> bool:
    """Written in Title Case, as many headlines are: of the words of four letters or more
    (at least three of them), over 60% begin with a capital. There a capital letter says
    nothing about a name. Read once per sentence: a long list of names asks for each."""
    words = [w for w in text.split() if w[:1].isalpha() and len(w) > 3
             and w.lower() not in _SMALL_WORDS]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) > 0.75


# Words a Title Case headline may leave in lower case: they tell nothing either way.
_SMALL_WORDS = frozenset(("from", "with", "into", "onto", "over", "after", "about", "than",
                          "that", "this", "their", "when", "upon", "amid", "like", "near",
                          "past", "unto", "versus"))


class Sentence(NamedTuple):
    """One sentence: its position in the article and its text (a tuple: cheap to create)."""

    position: int
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order; offsets are into ``text``."""
    return list(iter_sentences(text))


def iter_sentences(text: str) -> Iterator[Sentence]:
    """``split_sentences`` one sentence at a time: a reader that stops early (the lead)
    does not pay for splitting the rest."""
    position = 0
    start = 0
    for match in _BOUNDARY.finditer(text):
        cut = match.start()
        # "the U.S.. CEO of CBS": a second full stop ends what the first abbreviated; a line
        # break after it ends the paragraph ("Oracle America, Inc.\n\nU.S. District Judge").
        if text[cut] == "." and text[cut + 1] != "." and "\n" not in match.group() and (
                not _ends_at(text, cut, match.end())):
            continue
        # The sentence keeps its closing punctuation and quotes, not the space after.
        boundary = match.group()
        sentence = _piece(position, text, start,
                          match.start() + len(boundary) - len(boundary.lstrip(_CLOSERS)))
        if sentence is not None:
            yield sentence
            position += 1
        start = match.end()
    sentence = _piece(position, text, start, len(text))
    if sentence is not None:
        yield sentence


_CLOSERS = ".!?\"”’')]"


def _ends_at(text: str, cut: int, after: int) -> bool:
    """False for the full stop of 'Mr.', 'J.', 'U.S.' (unless 'Inc.' closes a sentence)."""
    space = text.rfind(" ", max(0, cut - 8), cut)
    # "(Oct. 13)", "[Jan. 5]": the abbreviation after an opening bracket or quote
    word = text[space + 1:cut].lstrip("([{\"“‘'")
    if len(word) == 1 and word.isupper():
        return False  # an initial: "Jane J. Smith"
    if len(word) > 2 and word[-2] == ".":
        # "U.S.", "e.g."; but "from 10 a.m. to 4 p.m. She will ..." ends there
        return word.lower() in _CLOCK and text[after:after + 12].split(" ", 1)[0] in _STARTERS
    lowered = word.lower()
    if lowered in _ABBREVIATIONS:
        if lowered not in _COMPANY_SUFFIXES:
            return False
        following = text[after:after + 12].split(" ", 1)[0]
        return following in _STARTERS
    return True


def _piece(position: int, text: str, start: int, end: int) -> Sentence | None:
    """The sentence at ``text[start:end]`` without its surrounding white space, if any."""
    piece = text[start:end]
    if piece[:1].isspace() or piece[-1:].isspace():
        stripped = piece.strip()
        if not stripped:
            return None
        start += len(piece) - len(piece.lstrip())
        end = start + len(stripped)
        piece = stripped
    elif not piece:
        return None
    return Sentence(position, start, end, piece)


def sentence_at(sentences: list[Sentence], offset: int) -> int:
    """Index of the sentence holding ``offset`` (binary search)."""
    lo, hi = 0, len(sentences) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sentences[mid].start <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def split_near(text: str, offsets: list[int], before: int = 400,
               after: int = 700) -> list[Sentence]:
    """Only the sentences around ``offsets`` (and a few after, for 'the company' references).

    Long articles mention a watched company in a few places; splitting just those
    stretches keeps the cost independent of article length. Falls back to the whole
    text when a sentence is longer than a window.
    """
    if len(text) <= before + after:
        return split_sentences(text)
    windows: list[list[int]] = []
    for offset in sorted(offsets):
        start, end = max(0, offset - before), min(len(text), offset + after)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    out: list[Sentence] = []
    for start, end in windows:
        pieces = split_sentences(text[start:end])
        if start > 0:
            pieces = pieces[1:]  # cut mid-sentence at the window's left edge
        if end < len(text):
            pieces = pieces[:-1]
        for piece in pieces:
            out.append(Sentence(len(out), piece.start + start, piece.end + start, piece.text))
    # Every offset must fall inside a sentence found (one binary search each: linear).
    starts = [s.start for s in out]
    for offset in offsets:
        at = bisect.bisect_right(starts, offset) - 1
        if at < 0 or not out[at].start <= offset < out[at].end:
            return split_sentences(text)
    return out
