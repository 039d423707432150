"""The lookahead in front of the trigger alternations: it must never change a match."""

from __future__ import annotations

import re

import pytest

from newswatch.streams.detection.first_chars import first_chars, with_first_chars
from newswatch.streams.detection.triggers import COMPILED


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\bab|\bcd", ("ac", True)),
    (r"ab|\bcd", ("ac", False)),
    (r"(?<=\w )bid", ("b", True)),  # a lookbehind ending in a space is a word start
    (r"(?<=\w)bid", ("b", False)),
    (r"\b(?:x)?y", ("xy", True)),
    (r"(?:\bx)?y", ("xy", False)),  # "y" can start without the boundary
    (r"(?:a|)\bb", ("ab", False)),
    (r"\b-x", ("-", False)),  # a non-word first character: no "\b" added
    (r"a*", None),  # can match the empty string
    (r"\w+", None),
    (r"[^a]b", None),
    (r".b", None),
    (r"(?i:a)b", None),
])
def test_first_characters_are_read_or_left_unknown(
        pattern: str, expected: tuple[str, bool] | None) -> None:
    found = first_chars(pattern)
    assert (None if found is None else ("".join(sorted(found[0])), found[1])) == expected


SENTENCES = (
    "acme agreed to acquire rivet labs for $2.1 billion, the companies said on monday.",
    "the company's takeover bid for northwind was rejected; it then sued the regulator.",
    "acme named maria lopez as chief financial officer and will cut 1,200 jobs.",
    "rivet labs raised $300 million in a round led by acme, and they'll launch a phone.",
    "acme postponed the launch of its battery; bisque-acquired firms filed suit.",
)


@pytest.mark.parametrize("event_type", sorted(COMPILED))
def test_the_lookahead_changes_no_match(event_type: str) -> None:
    compiled, specs = COMPILED[event_type]
    plain = re.compile("|".join(f"(?P<{name}>{spec.pattern.lower()})"
                                for name, spec in specs.items()))
    assert compiled.pattern == with_first_chars(plain.pattern) != plain.pattern
    for sentence in SENTENCES:
        assert [(m.span(), m.lastgroup) for m in compiled.finditer(sentence)] == [
            (m.span(), m.lastgroup) for m in plain.finditer(sentence)]
