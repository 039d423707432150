"""The lookahead in front of the trigger alternations: it must never change a match."""

from __future__ import annotations

import re

import pytest

from newswatch.streams.detection import cues
from newswatch.streams.detection.first_chars import first_chars, quick, with_first_chars
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
    (r"\w+", ("\\w", False)),  # a class is kept as written
    (r"^\W*(?:ab|\d)", ("\\W\\da", False)),
    (r"[^a]b", None),
    (r".b", None),
    (r"(?i:a)b", ("Aa", False)),  # the lookahead does not fold: it names both cases
    # ... and the letters beyond ASCII they fold to
    (r"\b(?i:s|k|i)", ("IKSiks\u0130\u0131\u017f\u212a", True)),
    (r"(?i:é)", None),
    (r"(?i)ab", None),  # a global inline flag must stay first
])
def test_first_characters_are_read_or_left_unknown(
        pattern: str, expected: tuple[str, bool] | None) -> None:
    found = first_chars(pattern)
    assert (None if found is None else ("".join(sorted(found[0])), found[1])) == expected


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\bab|\bCd", ("Ca", True)),  # the lookahead folds case as the pattern does
    (r"(?i:a)b", ("a", False)),
    (r"(?-i:a)b", ("a", False)),
    (r"\bé", ("é", False)),  # beyond ASCII, folding may reach a non-word character
])
def test_under_ignorecase_the_characters_are_kept_as_written(
        pattern: str, expected: tuple[str, bool] | None) -> None:
    found = first_chars(pattern, re.IGNORECASE)
    assert (None if found is None else ("".join(sorted(found[0])), found[1])) == expected


def test_quick_patterns_that_fold_case_find_the_same_matches() -> None:
    texts = [s for sentence in SENTENCES for s in (sentence, sentence.upper(), sentence.title())]
    texts += ["It ſaid it wouldn't, but denied the reports KNOWN; the ınvestors said ın 2019",
              "İt had previously agreed, analysts expect a deal, then DISMISSED the reports"]
    patterns = [v for v in vars(cues).values() if isinstance(v, re.Pattern)]
    assert len(patterns) > 30
    for compiled in patterns:  # as written: what follows "(?=[...])\b(?:"
        plain = re.compile(compiled.pattern.split("(?:", 1)[1][:-1]
                           if compiled.pattern.startswith("(?=[") else compiled.pattern,
                           compiled.flags)
        assert quick(plain.pattern, plain.flags & ~re.UNICODE).pattern == compiled.pattern
        for text in texts:
            assert [m.span() for m in compiled.finditer(text)] == [
                m.span() for m in plain.finditer(text)], (compiled.pattern, text)


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


def test_a_backspace_where_a_word_boundary_was_meant_is_refused() -> None:
    # "\b" in a plain string is a backspace: the lookahead would ask for one and never match
    with pytest.raises(ValueError, match="control character"):
        quick("\bnames\b")
    assert quick(r"\bnames\b").search("she names him") is not None
