"""The sentence as trigger patterns see it: filler words, quotes and asides taken out.

News prose puts words inside the phrases that state events: "announced today the launch
of", "has officially acquired", "to \u201cimmediately\u201d step down", "agreed (subject to
approval) to buy", a line break in a feed's wrapped text. Rather than spell every
variant into every pattern, the patterns run on a copy of the sentence without those
words, and ``Tolerant.span`` maps a match back to the original text, where every other
check looks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import words

# Adverbs that never carry an event's meaning. Words the trigger patterns themselves use
# ("jointly develop", "generally available", "previously planned", "nearly 3,000") stay.
_FILLER = words(
    """today yesterday also officially formally finally just recently quietly again already
    still soon then further reportedly currently eventually effectively publicly privately
    immediately swiftly quickly abruptly unexpectedly suddenly reluctantly voluntarily""")
_KEEP_LY = words(
    """only early family supply apply rely reply fly italy july ally rally holy ugly daily
    weekly monthly quarterly yearly bully belly jolly assembly anomaly monopoly sicily
    comply multiply jointly generally nearly globally roughly approximately previously
    originally initially likely""")
# What may be dropped: a filler word (with the space after it), quote marks, a short
# parenthetical aside (with the space before it), and the extra white space of a run.
_DROP = re.compile(
    r"\b(?P<word>(?i:" + "|".join(sorted(_FILLER)) + r")|[a-z]{3,}ly)\b(?P<after> +|(?=[\"“”‘’]))|"
    r"(?P<quote>[\"“”‘]|(?<![A-Za-z])’)|"
    r"(?P<aside> \([^()\n]{1,60}\))")


@dataclass(frozen=True)
class Tolerant:
    """A lower-cased copy of a sentence without filler, and the way back to the original."""

    text: str
    origin: tuple[int, ...] | None  # origin[i] = offset in the original of text[i]; None: same

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of ``text[start:end]``."""
        if self.origin is None:
            return start, end
        if start >= end:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


def tolerant(sentence: str) -> Tolerant:
    """``sentence`` folded to lower case, with filler adverbs, quote marks, short
    parenthetical asides and runs of white space reduced (offsets kept)."""
    lowered = sentence.lower()
    if len(lowered) != len(sentence):
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in sentence)
    drops = [span for match in _DROP.finditer(sentence) for span in _dropped(match)] if (
        _may_drop(sentence, lowered)) else []
    if not drops and _HAS_RUN.search(lowered) is None:
        return Tolerant(lowered, None)
    parts: list[str] = []
    origin: list[int] = []
    kept = 0
    for start, end in drops:
        if start < kept:
            continue
        parts.append(lowered[kept:start])
        origin.extend(range(kept, start))
        kept = end
    parts.append(lowered[kept:])
    origin.extend(range(kept, len(sentence)))
    return _squeezed("".join(parts), origin, len(sentence))


# Every match of ``_DROP`` holds one of these in the lower-cased sentence: "ly" (the -ly
# adverbs, most fillers), a filler word without it, a quote mark, an aside's " (". One
# search for them (an alternation of plain strings, scanned in C) replaces the regex.
_DROP_HINT = re.compile("|".join(re.escape(needle) for needle in (
    "ly", " (", '"', "“", "”", "‘", "’", *sorted(w for w in _FILLER if not w.endswith("ly")))))
# Letters case folding matches to "a".."z" that ``str.lower`` does not turn into them (the
# Kelvin sign it does: "k").
_FOLDS_APART = "ſıİ"


def _may_drop(sentence: str, lowered: str) -> bool:
    """False when ``_DROP`` cannot match: most sentences, told by a quicker search."""
    return _DROP_HINT.search(lowered) is not None or (
        not sentence.isascii() and any(ch in sentence for ch in _FOLDS_APART))


def _dropped(match: re.Match[str]) -> list[tuple[int, int]]:
    word = match.group("word")
    if word is not None:
        return [(match.start(), match.end())] if _is_filler(word) else []
    return [(match.start(), match.end())]


_RUN = re.compile(r"\s{2,}|[\n\t\r]")
# Whether ``_RUN`` matches at all, written to start with a class so that the engine skips in
# C from one white-space character to the next: two in a row, or one of "\n\t\r".
_HAS_RUN = re.compile(r"\s(?:\s|(?<=[\n\t\r]))")


def _squeezed(text: str, origin: list[int], length: int) -> Tolerant:
    """Runs of white space (left where words were taken out) become one space."""
    if _HAS_RUN.search(text) is None:
        origin.append(length)
        return Tolerant(text, tuple(origin))
    parts: list[str] = []
    kept_origin: list[int] = []
    kept = 0
    for run in _RUN.finditer(text):
        parts.append(text[kept:run.start()] + " ")
        kept_origin.extend(origin[kept:run.start() + 1])
        kept = run.end()
    parts.append(text[kept:])
    kept_origin.extend(origin[kept:])
    kept_origin.append(length)
    return Tolerant("".join(parts), tuple(kept_origin))


def _is_filler(word: str) -> bool:
    lower = word.lower()
    if lower in _FILLER:
        return True
    return word.islower() and len(lower) > 4 and lower.endswith("ly") and lower not in _KEEP_LY
