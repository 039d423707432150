"""The trigger lexicon: which words signal which event, and who plays which role.

The specs live with their event family (``people``, ``deals``, ``products``, ``legal``);
this module compiles them once, one regex per event type, and builds the automaton
that tells which triggers (and so which types) may match a sentence, from strings each
pattern cannot match without (``required.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from re import _parser  # type: ignore[attr-defined]

import ahocorasick

from ..first_chars import with_first_chars
from ..lexicon import EXEC_TITLES
from ..required import literals_in
from . import deals, legal, people, products
from .spec import (
    NEEDS_AVAILABLE_THING,
    NEEDS_COMPANY_RIGHT,
    NEEDS_DELAYED_THING,
    NEEDS_EXEC,
    NEEDS_LEFT,
    NEEDS_LEGAL,
    NEEDS_MONEY,
    NEEDS_PRODUCT,
    NEEDS_TARGET,
    NEEDS_TWO,
    NEEDS_WATCHED_RIGHT,
    TriggerSpec,
)

__all__ = [
    "COMPILED", "EXEC_TITLE_RE", "NEEDS_AVAILABLE_THING", "NEEDS_COMPANY_RIGHT",
    "NEEDS_DELAYED_THING", "NEEDS_EXEC", "NEEDS_LEFT", "NEEDS_LEGAL", "NEEDS_MONEY",
    "NEEDS_PRODUCT", "NEEDS_TARGET", "NEEDS_TWO", "NEEDS_WATCHED_RIGHT", "SPECS", "TriggerSpec",
    "candidate_types", "possible_specs", "trigger_matches",
]

# Within a type the order matters: the first alternative that matches wins, and a delay is
# read before the launch it delays.
SPECS: tuple[TriggerSpec, ...] = (
    people.HIRE + people.DEPARTURE + people.LAYOFFS + deals.ACQUISITION + deals.INVESTMENT
    + products.LAUNCH_DELAY + products.PRODUCT_LAUNCH + deals.PARTNERSHIP + legal.LEGAL
)

EXEC_TITLE_RE = re.compile(r"\b" + EXEC_TITLES + r"\b", re.IGNORECASE)


def _compile() -> dict[str, tuple[re.Pattern[str], dict[str, TriggerSpec]]]:
    by_type: dict[str, list[TriggerSpec]] = {}
    for spec in SPECS:
        by_type.setdefault(spec.event_type, []).append(spec)
    compiled: dict[str, tuple[re.Pattern[str], dict[str, TriggerSpec]]] = {}
    for event_type, specs in by_type.items():
        groups = {spec.name: spec for spec in specs}
        compiled[event_type] = (_alternation(specs), groups)
    return compiled


def _alternation(specs: list[TriggerSpec]) -> re.Pattern[str]:
    pattern = "|".join(f"(?P<{spec.name}>{spec.pattern.lower()})" for spec in specs)
    # Matched against the lower-cased sentence: much faster than re.IGNORECASE. Behind
    # a lookahead for the characters a match starts with: the same matches, found in a
    # third of the time (first_chars.py says why they cannot differ).
    return re.compile(with_first_chars(pattern))


COMPILED = _compile()


_CASE_BOUND = re.compile(r"\(\?-i:|\[\^?A-Z\]")


def _read_specs() -> dict[str, frozenset[str] | None]:
    """Each spec's required strings (one parse of each pattern); a spec that could match
    the empty string is refused here, since ``trigger_matches`` relies on none doing so."""
    literals: dict[str, frozenset[str] | None] = {}
    for spec in SPECS:
        if _CASE_BOUND.search(spec.pattern):
            # the pattern is lower-cased with the sentence: "(?-i:MD)" would become "md"
            raise ValueError(f"trigger {spec.name!r} asks for capitals, which a trigger "
                             "never sees (it matches the lower-cased sentence)")
        parsed = _parser.parse(spec.pattern.lower())
        if parsed.getwidth()[0] == 0:
            raise ValueError(f"trigger {spec.name!r} can match the empty string")
        literals[spec.name] = literals_in(parsed)
    return literals


# For each spec, strings one of which occurs in every sentence its pattern matches
# (``required.py`` reads them from the parsed pattern); None: it may match any sentence.
SPEC_LITERALS = _read_specs()


def _literal_automaton() -> ahocorasick.Automaton:
    table: dict[str, set[str]] = {}
    for name, literals in SPEC_LITERALS.items():
        for literal in literals or ():
            table.setdefault(literal, set()).add(name)
    automaton = ahocorasick.Automaton()
    for literal, names in table.items():
        automaton.add_word(literal, frozenset(names))
    automaton.make_automaton()
    return automaton


_LITERAL_AUTOMATON = _literal_automaton()
_ALWAYS_POSSIBLE = frozenset(name for name, found in SPEC_LITERALS.items() if found is None)


def possible_specs(lowered: str) -> frozenset[str]:
    """Names of the specs whose pattern may match ``lowered`` (the sentence as the trigger
    regexes see it): one of their required strings occurs in it."""
    found = set(_ALWAYS_POSSIBLE)
    for _end, names in _LITERAL_AUTOMATON.iter(lowered):
        found |= names
    return frozenset(found)


@cache
def _spec_regexes(event_type: str) -> tuple[tuple[TriggerSpec, re.Pattern[str]], ...]:
    """The type's specs in their order, each with a regex of its own (behind its
    first-character lookahead: the same matches); compiled on first use, not at import."""
    specs = COMPILED[event_type][1].values()
    return tuple((spec, re.compile(with_first_chars(spec.pattern.lower()))) for spec in specs)


def _possible_regexes(event_type: str, possible: frozenset[str]
                      ) -> list[tuple[TriggerSpec, re.Pattern[str]]]:
    """The type's specs that may match (``possible_specs``), in order, with their regexes."""
    return [pair for pair in _spec_regexes(event_type) if pair[0].name in possible]


def trigger_matches(event_type: str, lowered: str, possible: frozenset[str]
                    ) -> Iterator[tuple[TriggerSpec, int, int]]:
    """``COMPILED[event_type][0].finditer(lowered)`` as (spec, start, end), found with the
    regexes of the ``possible`` specs only (``possible_specs(lowered)``).

    The alternation's ``finditer`` takes, at the leftmost position where any branch
    matches, the first branch (in spec order) that matches there, and goes on from the
    end of that match (no match is empty). Searching each possible spec's own regex from
    that end, and taking the earliest start (the first spec on a tie), finds the same
    matches; a spec that is not possible matches nowhere in the sentence. One regex per
    possible spec, usually one or two, instead of all of a type's branches at every word.
    """
    candidates = _possible_regexes(event_type, possible)
    if len(candidates) == 1:
        spec, regex = candidates[0]
        for match in regex.finditer(lowered):
            yield spec, match.start(), match.end()
        return
    # The next match of each candidate at or after where the scan has got to, by order.
    pending: dict[int, tuple[int, int]] = {}
    for order, (_spec, regex) in enumerate(candidates):
        found = regex.search(lowered)
        if found is not None:
            pending[order] = found.span()
    while pending:
        first = min(pending, key=lambda order: (pending[order][0], order))
        start, end = pending[first]
        yield candidates[first][0], start, end
        for order, (at, _end) in list(pending.items()):
            if at < end:  # overlapped by the match taken: its next one starts after it
                found = candidates[order][1].search(lowered, end)
                if found is None:
                    del pending[order]
                else:
                    pending[order] = found.span()

def match_inside(event_type: str, lowered: str, possible: frozenset[str], start: int,
                 end: int) -> tuple[TriggerSpec, int, int] | None:
    """The first match of the type starting inside ``start:end`` after ``start`` (which a
    longer match at ``start`` had taken), by start then spec order; or None."""
    best: tuple[int, int, int] | None = None
    candidates = _possible_regexes(event_type, possible)
    for order, (_spec, regex) in enumerate(candidates):
        # (searched a little past the span only, for the lookaheads: linear in the span)
        found = regex.search(lowered, start + 1, min(len(lowered), end + 200))
        if found is not None and found.start() < end and (
                best is None or (found.start(), order) < (best[0], best[2])):
            best = (found.start(), found.end(), order)
    return None if best is None else (candidates[best[2]][0], best[0], best[1])


_TYPE_OF = {spec.name: spec.event_type for spec in SPECS}


def candidate_types(possible: frozenset[str]) -> set[str]:
    """Event types with a trigger that may match: those of the ``possible_specs``.

    Derived from the patterns themselves, so no list of stems kept by hand can miss one
    (a hand-kept list once lacked "begun" and "has begun mass production of" was never read).
    """
    return {_TYPE_OF[name] for name in possible}
