"""Trigger alternations narrowed to the triggers a sentence can match: never another match."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from newswatch.streams.detection.first_chars import quick
from newswatch.streams.detection.required import required_literals
from newswatch.streams.detection.sentences import split_sentences
from newswatch.streams.detection.tolerant import tolerant
from newswatch.streams.detection.triggers import (
    COMPILED,
    SPEC_LITERALS,
    SPECS,
    possible_specs,
    trigger_matches,
)

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\bbuys\b", {"buys"}),
    (r"\b(?:buy|acquir)(?:s|es|ed)\b", {"buy", "acquir"}),
    (r"(?:a|bc)d+ef", {"ef"}),  # a run of literals beats shorter branches
    (r"x?y", {"y"}),  # an optional item requires nothing
    (r"(?:ab)*cd", {"cd"}),
    (r"(?:ab)+c?", {"ab"}),
    (r"\bsued\b(?= [^;]{1,40}? by\b)", {"sued"}),
    (r"\w+(?= by\b)", {" by"}),  # a lookahead's content is in the text too
    (r"(?:ab|\w)", None),  # a branch without a literal: unknown
    (r"[ab]c?", None),
    (r"(?!foo)\w+", None),
    (r"(?i:ab)", None),  # folding case, a literal matches other characters
    (r"(?i)ab", None),
    (r"(?-i:ab)", None),
])
def test_required_literals_are_read_or_left_unknown(pattern: str,
                                                    expected: set[str] | None) -> None:
    found = required_literals(pattern)
    assert (None if found is None else set(found)) == expected


def test_with_flags_nothing_is_required() -> None:
    assert required_literals("ab", re.IGNORECASE) is None


@cache
def _labelled_sentences() -> list[str]:
    """Every sentence of the labelled articles, as the trigger patterns see it, and a few
    written to reach each event type."""
    texts = ["Acme agreed to acquire Rivet Labs for $2.1 billion, the companies said.",
             "Rivet Labs raised $300 million in a round led by Acme.",
             "Acme named Maria Lopez as chief financial officer; its CEO steps down.",
             "Acme will cut 1,200 jobs and postponed the launch of its battery.",
             "Acme and Rivet announced a partnership; Northwind sued Acme over a patent."]
    for path in sorted(BENCH.glob("**/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                item = json.loads(line)
                texts.append("\n".join(str(item.get(key) or "")
                                       for key in ("title", "summary", "content")))
            except (ValueError, AttributeError):
                continue
    return [tolerant(s.text).text for text in texts for s in split_sentences(text)]


def test_every_spec_has_required_strings() -> None:
    unknown = [name for name, found in SPEC_LITERALS.items() if found is None]
    assert len(unknown) <= len(SPECS) // 10, unknown  # else the narrowing saves little


@pytest.mark.parametrize("event_type", sorted(COMPILED))
def test_a_sentence_a_spec_matches_holds_one_of_its_strings(event_type: str) -> None:
    sentences = _labelled_sentences()
    assert len(sentences) > 20_000
    matched = 0
    for spec in COMPILED[event_type][1].values():
        literals = SPEC_LITERALS[spec.name]
        if literals is None:
            continue
        regex = quick(spec.pattern.lower())  # the same matches, sooner (first_chars.py)
        for sentence in sentences:
            if regex.search(sentence) is not None:
                matched += 1
                assert any(literal in sentence for literal in literals), (spec.name, sentence)
    assert matched > 50  # the corpus reaches the patterns


@pytest.mark.parametrize("event_type", sorted(COMPILED))
def test_the_possible_specs_regexes_find_the_alternations_matches(event_type: str) -> None:
    full, _specs = COMPILED[event_type]
    found = narrowed = 0
    for sentence in _labelled_sentences():
        possible = possible_specs(sentence)
        want = [(m.lastgroup, m.span()) for m in full.finditer(sentence)]
        got = [(spec.name, (start, end))
               for spec, start, end in trigger_matches(event_type, sentence, possible)]
        assert got == want, sentence
        found += bool(want)
        narrowed += len(possible.intersection(_specs)) < len(_specs)
    assert found > 50 and narrowed > found  # it matches, and it does leave specs out


def test_overlapping_matches_of_two_specs_are_taken_as_the_alternation_takes_them() -> None:
    sentence = "acme agreed to buy rivet and agreed to acquire northwind; it bought kestrel."
    full, _specs = COMPILED["acquisition"]
    want = [(m.lastgroup, m.span()) for m in full.finditer(sentence)]
    assert len(want) >= 2
    got = [(spec.name, (start, end)) for spec, start, end in
           trigger_matches("acquisition", sentence, possible_specs(sentence))]
    assert got == want


def test_a_trigger_that_could_match_nothing_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # trigger_matches relies on every trigger consuming text; the import-time check says so
    from newswatch.streams.detection import triggers

    monkeypatch.setattr(triggers, "SPECS", (triggers.TriggerSpec("empty", "layoffs", r"(?:x)?",
                                                                 ""),))
    with pytest.raises(ValueError, match="'empty' can match the empty string"):
        triggers._read_specs()


@pytest.mark.parametrize("pattern", [r"\bnames (?-i:MD)\b", r"\bcloses [A-Z]\w+ purchase\b"])
def test_a_trigger_that_asks_for_capitals_is_refused(
        monkeypatch: pytest.MonkeyPatch, pattern: str) -> None:
    # triggers match the lower-cased sentence: a capital in the pattern would silently
    # become a lower-case letter and match what it was written to exclude
    from newswatch.streams.detection import triggers

    monkeypatch.setattr(triggers, "SPECS", (triggers.TriggerSpec("caps", "layoffs", pattern,
                                                                 ""),))
    with pytest.raises(ValueError, match="'caps' asks for capitals"):
        triggers._read_specs()
