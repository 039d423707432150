"""Sentence boundaries (``detection/sentences.py``)."""

from __future__ import annotations

import random
import re

import pytest

from newswatch.streams.detection.sentences import (
    _BOUNDARY,
    iter_sentences,
    split_sentences,
    title_case,
)

# The boundary pattern as first written; ``_BOUNDARY`` takes its first character out in
# front (a faster scan) and must find the same boundaries.
_AS_WRITTEN = re.compile(r"[.!?]+(?:</[a-zA-Z][a-zA-Z0-9]*>)*[\"”’')\]]*\s+"
                         r"(?=[\"“‘(]?[A-Z0-9$€£])|\n\s*")


def test_the_boundary_scan_finds_what_the_pattern_as_written_finds() -> None:
    rng = random.Random(1)
    alphabet = ".!?\n \"”’')]“‘(Aa0$€£\t</>p"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        assert [(m.span(), m.group()) for m in _BOUNDARY.finditer(text)] == [
            (m.span(), m.group()) for m in _AS_WRITTEN.finditer(text)], repr(text)


def test_sentences_one_at_a_time_are_the_sentences() -> None:
    text = ("Acme Inc. The deal closed. Mr. J. Smith said it was done!  \nNext line... "
            "Then \"quoted.\" And U.S. rules")
    assert list(iter_sentences(text)) == split_sentences(text)
    assert [s.text for s in split_sentences(text)] == [
        "Acme Inc.", "The deal closed.", "Mr. J. Smith said it was done!", "Next line...",
        "Then \"quoted.\"", "And U.S. rules"]


def test_closing_markup_after_a_full_stop_ends_the_sentence() -> None:
    text = "Find libraries that have it.</blockquote> Plaintiffs in the case are Acme Inc."
    assert [s.text for s in split_sentences(text)] == [
        "Find libraries that have it.", "Plaintiffs in the case are Acme Inc."]


def test_a_second_full_stop_after_an_abbreviation_ends_the_sentence() -> None:
    text = "He served in the U.S.. CEO Jane Roe and Viacom are also defendants. The U.S. case"
    assert [s.text for s in split_sentences(text)] == [
        "He served in the U.S..", "CEO Jane Roe and Viacom are also defendants.",
        "The U.S. case"]


def test_an_abbreviated_month_after_a_bracket_does_not_end_the_sentence() -> None:
    text = "Acme named Jane Roe as CFO (Oct. 13). She starts soon. A list (J. Smith) ends."
    assert [s.text for s in split_sentences(text)] == [
        "Acme named Jane Roe as CFO (Oct. 13).", "She starts soon.", "A list (J. Smith) ends."]


def test_a_clock_time_ends_a_sentence_before_a_typical_first_word() -> None:
    text = "Open from 10 a.m. to 4 p.m. She joins the others later. Call at 9 a.m. Eastern time."
    assert [s.text for s in split_sentences(text)] == [
        "Open from 10 a.m. to 4 p.m.", "She joins the others later.",
        "Call at 9 a.m. Eastern time."]


@pytest.mark.parametrize(("text", "expected"), [
    ("Tesla Signs Phoenix Defender On Two-Year Deal", True),
    ("Acme Robotics Agrees to Buy Globex for $2 Billion", True),
    ("Why Apple Is Betting Big on Health With the Watch", True),
    # a body sentence full of names is not a headline in Title Case
    ("Croatian centre-back Marin Tesla has joined Wellington Phoenix from Hajduk Split's "
     "reserves.", False),
    ("Acme said on Monday it would cut 500 jobs in its robotics unit.", False),
])
def test_title_case_is_a_headline_style_not_a_sentence_full_of_names(
        text: str, expected: bool) -> None:
    assert title_case(text) is expected


def test_a_case_caption_does_not_end_the_sentence() -> None:
    text = "She argued the Oracle v. Google copyright trial. She is now a judge."
    assert [s.text for s in split_sentences(text)] == [
        "She argued the Oracle v. Google copyright trial.", "She is now a judge."]


def test_a_line_break_after_an_abbreviation_ends_the_sentence() -> None:
    text = "The ruling in Google LLC v. Oracle America, Inc.\n\nU.S. District Judge Roe agreed."
    assert [s.text for s in split_sentences(text)] == [
        "The ruling in Google LLC v. Oracle America, Inc.", "U.S. District Judge Roe agreed."]
