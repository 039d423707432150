"""Literal strings a pattern cannot match without: a way to tell a regex will find nothing.

``required_literals(pattern)`` reads the parsed pattern for a set of plain strings such
that, wherever the pattern matches in a text, the text contains at least one of them. A
trigger alternation with many branches tries every branch at every word of a sentence;
knowing which branches cannot match anywhere in it (none of their strings occurs) lets
the caller run the alternation of the others only. That finds the same matches: at every
position the regex engine takes the first branch that matches, and a branch left out
could not match at any position.

Why the strings are required, construct by construct (anything else gives no strings):

- a run of literal characters in a sequence: every match consumes the run;
- any one item of a sequence: every match passes every item, so one item's set will do
  (the most selective is kept);
- an alternation: a match takes one of the branches, so the union of theirs (none when
  any branch has none);
- a repeat at least once, a group, an atomic group: what their content requires;
- a positive lookahead or lookbehind: it succeeded only if its content matched in the
  text (outside the match, but in the text, which is all the caller asks).

Case: a pattern or group with inline flags gives no strings (under IGNORECASE a literal
matches other characters), and neither does a pattern compiled with flags.
"""

from __future__ import annotations

import re
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

Literals = frozenset[str]


def required_literals(pattern: str, flags: int = 0) -> Literals | None:
    """Strings one of which occurs in every text ``pattern`` matches; None when unknown."""
    if flags:
        return None
    return literals_in(_parser.parse(pattern, 0))


def literals_in(parsed: Any) -> Literals | None:
    """``required_literals`` of an already parsed pattern (``re._parser.parse``, no flags)."""
    if parsed.state.flags & ~re.UNICODE:
        return None  # a global inline flag, such as "(?i)"
    return _sequence(parsed)


def _better(found: Literals | None, best: Literals | None) -> Literals | None:
    """The more selective set: its shortest string longer, then fewer strings."""
    if found is None or not found:
        return best
    if best is None:
        return found
    key = (min(map(len, found)), -len(found))
    return found if key > (min(map(len, best)), -len(best)) else best


def _sequence(items: Any) -> Literals | None:
    best: Literals | None = None
    run: list[str] = []
    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            best = _better(frozenset({"".join(run)}), best)
            run = []
        best = _better(_item(op, av), best)
    if run:
        best = _better(frozenset({"".join(run)}), best)
    return best


def _item(op: Any, av: Any) -> Literals | None:
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _sequence(sub)
    if op is c.ATOMIC_GROUP:
        return _sequence(av)
    if op is c.BRANCH:
        branches = [_sequence(branch) for branch in av[1]]
        if not branches or any(b is None for b in branches):
            return None
        return frozenset().union(*(b for b in branches if b is not None))
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _high, sub = av
        return _sequence(sub) if low >= 1 else None
    if op is c.ASSERT:
        _direction, sub = av
        return _sequence(sub)
    return None  # a class, any character, a boundary, a negative assertion, a reference
