"""A quick skip for a big alternation: a lookahead naming every character a match can start with.

Python's regex search tries a pattern at every position of the text. When every branch of
an alternation starts with a group or ``\\b``, each try walks all the branches before it
fails; ``(?=[...])`` in front, naming the characters a match can start with, rejects most
positions at once. It cannot change a match: a match at a position starts with one of
those characters, so the lookahead lets the same attempt through, and an attempt it stops
would not have matched. The set is read from the parsed pattern, so it stays right when
the patterns change; where it cannot be read for sure (a negated class, "(?i:...)" in a
pattern that does not fold case, a back reference, a pattern that can match the empty
string) none is added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

# A class wider than this (a range such as "\u0100-\uffff") is not worth listing.
_MAX_CHARS = 256


def first_chars(pattern: str, flags: int = 0) -> tuple[frozenset[str], bool] | None:
    """Every character a match of ``pattern`` (compiled with ``flags``) can start with, as
    written (under IGNORECASE, the class in the lookahead folds case just as the pattern
    does), and whether every match starts at a word boundary; None when that cannot be
    told for sure."""
    if flags & ~re.IGNORECASE:
        return None
    parsed = _parser.parse(pattern, flags)
    if parsed.state.flags & ~re.UNICODE != flags:
        return None  # a global inline flag: it must stay at the start
    ignore_case = bool(flags & re.IGNORECASE)
    first = _first(parsed, ignore_case)
    if first is None or first.may_be_empty or len(first.chars) > _MAX_CHARS:
        return None
    chars = frozenset(_CATEGORIES.get(code) or chr(code) for code in first.chars)
    # Folding case, an ASCII letter matches only letters (k: K, the Kelvin sign; s: ſ);
    # elsewhere in Unicode a letter can fold to a combining mark, not a word character.
    return chars, first.bounded and all(
        _is_word(ch) and (ch.isascii() or not ignore_case) for ch in chars)


def with_first_chars(pattern: str, flags: int = 0) -> str:
    """``pattern`` behind a lookahead for its first characters (unchanged when none is known).

    When every way to match passes a ``\\b`` (or a lookbehind ending in a non-word
    character) before a first character that is a word character, the match starts a word,
    and ``\\b`` follows the lookahead: positions inside words are then rejected at once too.
    """
    first = first_chars(pattern, flags)
    if first is None:
        return pattern
    chars, bounded = first
    odd = sorted(ch for ch in chars if len(ch) == 1 and ch < " " and ch not in "\t\n\r\f\v")
    if odd:
        # a "\b" in a plain (not raw) string is a backspace: the pattern would never match
        raise ValueError(f"pattern {pattern[:60]!r} starts with control character {odd[0]!r} "
                         "(a '\\b' outside a raw string?)")
    look = "(?=[" + "".join(ch if ch in _ESCAPES else re.escape(ch) for ch in sorted(chars)) + "])"
    return look + ("\\b" if bounded else "") + "(?:" + pattern + ")"


def quick(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` behind the lookahead of its first characters: the same
    matches, found sooner by ``search`` and ``finditer``."""
    return re.compile(with_first_chars(pattern, flags), flags)


@dataclass(frozen=True)
class _First:
    """What a parsed sequence can start a match with."""

    chars: frozenset[int]  # the characters it can consume first
    may_be_empty: bool  # it can match without consuming anything
    # Every way that consumes passes a word boundary first (\b, a lookbehind ending
    # in a non-word character); and every way that consumes nothing passes one.
    bounded: bool = False
    bounded_if_empty: bool = False


_EMPTY = _First(frozenset(), True, True, False)  # a zero-width assertion: no boundary
_BOUNDARY = _First(frozenset(), True, True, True)


def _first(items: Any, ignore_case: bool) -> _First | None:
    """The ``_First`` of a parsed sequence (None when unknown)."""
    chars: set[int] = set()
    bounded = True
    before = False  # every way through the items so far passed a boundary
    for op, av in items:
        item = _first_of(op, av, ignore_case)
        if item is None:
            return None
        chars |= item.chars
        bounded = bounded and (before or item.bounded)
        if not item.may_be_empty:
            return _First(frozenset(chars), False, bounded, True)
        before = before or item.bounded_if_empty
    return _First(frozenset(chars), True, bounded, before)


def _first_of(op: Any, av: Any, ignore_case: bool) -> _First | None:
    if op is c.LITERAL:
        return _First(frozenset({av}), False, False, True)
    if op is c.IN:
        chars = _class(av)
        return None if chars is None else _First(frozenset(chars), False, False, True)
    if op is c.AT:
        return _BOUNDARY if av is c.AT_BOUNDARY else _EMPTY
    if op is c.ASSERT_NOT:
        return _EMPTY
    if op is c.ASSERT:
        direction, sub = av
        return _BOUNDARY if direction < 0 and _ends_in_non_word(sub, ignore_case) else _EMPTY
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags & ~re.IGNORECASE or del_flags & ~re.IGNORECASE:
            return None
        if add_flags & re.IGNORECASE and not ignore_case:
            # "(?i:...)" in a case-sensitive pattern: the lookahead, which does not fold,
            # names every letter the group's first letters fold to.
            return _folded(_first(sub, True))
        # "(?-i:...)" in a pattern that folds case: the lookahead that folds lets more through.
        return _first(sub, ignore_case)
    if op is c.ATOMIC_GROUP:
        return _first(av, ignore_case)
    if op is c.BRANCH:
        branches = [_first(branch, ignore_case) for branch in av[1]]
        if any(b is None for b in branches):
            return None
        known = [b for b in branches if b is not None]
        return _First(frozenset().union(*(b.chars for b in known)),
                      any(b.may_be_empty for b in known),
                      all(b.bounded for b in known),
                      all(b.bounded_if_empty for b in known if b.may_be_empty))
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _high, sub = av
        item = _first(sub, ignore_case)
        if item is None:
            return None
        # Each repetition that consumes first is bounded only if the item alone is.
        return _First(item.chars, item.may_be_empty or low == 0, item.bounded,
                      low > 0 and item.bounded_if_empty)
    return None  # any character, a back reference, a conditional: unknown


# The letters outside ASCII that case folding matches to an ASCII letter.
_FOLDS_TO = {"i": "İı", "k": "\u212a", "s": "ſ"}


def _folded(first: _First | None) -> _First | None:
    """``first`` with every character its ASCII letters match when folding case; None when
    it holds a letter beyond ASCII (whose folds are not listed here)."""
    if first is None:
        return None
    chars: set[int] = set()
    for code in first.chars:
        ch = chr(code) if code >= 0 else ""
        if ch and not ch.isascii() and ch.lower() != ch.upper():
            return None
        if ch.isascii() and ch.isalpha():
            low = ch.lower()
            chars.update(ord(variant) for variant in low + low.upper() + _FOLDS_TO.get(low, ""))
        else:
            chars.add(code)
    return _First(frozenset(chars), first.may_be_empty, first.bounded, first.bounded_if_empty)


def _ends_in_non_word(sub: Any, ignore_case: bool) -> bool:
    """A lookbehind whose last character is never a word character (" " in "(?<=\\w )");
    folding case, only ASCII ones are sure to stay what they are."""
    if not len(sub):
        return False
    op, av = sub[-1]
    chars = {av} if op is c.LITERAL else _class(av) if op is c.IN else None
    return chars is not None and bool(chars) and not any(
        code < 0 or _is_word(chr(code)) or (ignore_case and code > 127) for code in chars)


def _is_word(ch: str) -> bool:
    """What "\\w" and "\\b" count as a word character (str patterns, no flags); of the
    classes, "\\w" and "\\d" hold only word characters."""
    if ch in _ESCAPES:
        return ch in ("\\w", "\\d")
    return ch.isalnum() or ch == "_"


# Classes such as "\\s" are kept in the set as negative codes, written back as themselves.
_CATEGORIES = {-1: "\\d", -2: "\\D", -3: "\\s", -4: "\\S", -5: "\\w", -6: "\\W"}
_ESCAPES = frozenset(_CATEGORIES.values())
_CATEGORY_CODES = {c.CATEGORY_DIGIT: -1, c.CATEGORY_NOT_DIGIT: -2, c.CATEGORY_SPACE: -3,
                   c.CATEGORY_NOT_SPACE: -4, c.CATEGORY_WORD: -5, c.CATEGORY_NOT_WORD: -6}


def _class(items: Any) -> set[int] | None:
    chars: set[int] = set()
    for op, av in items:
        if op is c.LITERAL:
            chars.add(av)
        elif op is c.RANGE and av[1] - av[0] < _MAX_CHARS:
            chars.update(range(av[0], av[1] + 1))
        elif op is c.CATEGORY and av in _CATEGORY_CODES:
            chars.add(_CATEGORY_CODES[av])
        else:
            return None  # a negated class, a wide range
    return chars
