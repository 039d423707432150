"""Prefilters that skip a chain of searches: they must never skip one that could match."""

from __future__ import annotations

import dataclasses
import json
import random
import re
import string
import sys
from datetime import date
from pathlib import Path

import pytest

from newswatch.streams.detection import cues, engine, folding, layout, when
from newswatch.streams.detection.companies import Mention

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _real_windows(limit: int = 150_000) -> list[str]:
    """The 70 characters after every word of the labelled articles (the window read after
    a trigger), and a few written to reach each pattern."""
    windows = ["in the spring of 2019", "last summer", "two years ago", "over the past decade",
               "its most recent funding round", "the year before", "earlier this year",
               "in 1998", "IN THE ſPRING", "the previous year", "LAST WINTER", "since 2020"]
    for path in sorted(BENCH.glob("*/articles.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                item = json.loads(line)
                text = "\n".join(str(item.get(key) or "")
                                  for key in ("title", "summary", "content"))
            except (ValueError, AttributeError):
                continue
            windows += [text[m.start():m.start() + 70] for m in re.finditer(r"\s", text)]
            if len(windows) >= limit:
                return windows
    return windows


def _dated_by_searches(window: str) -> bool:
    """Whether any search of the window after a trigger (as ``cues._history`` runs them)
    finds something."""
    return any(p.search(window) is not None for p in (
        cues._YEAR_AFTER, cues._AGO, cues._PAST_PERIOD, cues._LAST_SEASON, cues._IN_SEASON))


def test_a_window_without_a_date_stem_has_no_date() -> None:
    windows = _real_windows()
    assert len(windows) > 10_000
    dated = [w for w in windows if _dated_by_searches(w)]
    assert len(dated) > 100  # the corpus reaches the patterns
    assert all(cues._may_date(w) for w in dated)
    assert any(not cues._may_date(w) for w in windows)  # and it does skip some


def _sentences(limit: int = 30_000) -> list[str]:
    return _real_windows(limit * 4)[::4][:limit]


def test_time_expressions_read_from_the_lower_cased_text_are_the_same() -> None:
    """``time_refs`` scans the lower-cased text case-sensitively: the same matches and
    groups as ``_TIME`` (IGNORECASE) on the text as written."""
    pieces = ["In", "JUNE", "june", " ", "5", ",", "2019", "ſince", "ıago", "İn the past",
              "Two Years Ago", "LAST", "summer", "Monday", "K", "’s", "\n", "MAY", "mid-",
              "1990S", "é", "the following year", "ß"]
    rng = random.Random(3)
    texts = _sentences() + ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
                            for _ in range(3000)]
    for text in texts:
        got = list(when._time_matches(text))
        want = list(when._TIME.finditer(text))
        assert [(m.span(), m.lastgroup) for m in got] == [
            (m.span(), m.lastgroup) for m in want], text
        for g, w in zip(got, want, strict=True):
            assert [text[slice(*g.span(i))] if g.start(i) >= 0 else None
                    for i in range(1, g.re.groups + 1)] == list(w.groups()), text
        pub = date(2026, 5, 4)
        assert when.time_refs(text, pub) == [
            r for r in (when._place(m, text, pub) for m in want) if r is not None]


def _kind(ch: str) -> tuple[bool, bool, bool]:
    """What ``\\w``, ``\\s`` and ``\\d`` say of a character."""
    return ch.isalnum() or ch == "_", ch.isspace(), ch.isdecimal()


def test_lower_casing_keeps_what_a_folded_pattern_reads() -> None:
    """Each character that ``str.lower`` turns into one: it keeps its class (word, space,
    digit); it becomes an ASCII letter exactly when IGNORECASE matches it to that letter,
    but for ``FOLDS_APART``; and it becomes no ASCII character other than a letter."""
    letters = {x: re.compile(x, re.IGNORECASE) for x in string.ascii_lowercase}
    any_letter = re.compile("[a-z]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        low = ch.lower()
        if len(low) != 1 or ch in folding.FOLDS_APART:
            continue
        if low != ch:
            assert _kind(low) == _kind(ch), hex(code)
            assert not low.isascii() or low.isalpha(), hex(code)
        if any_letter.fullmatch(ch) or (low.isascii() and low.isalpha()):
            for letter, pattern in letters.items():
                assert (pattern.fullmatch(ch) is not None) == (low == letter), (hex(code),
                                                                                letter)


def test_a_mention_moved_to_sentence_offsets_keeps_every_field() -> None:
    """``engine._relative`` (the constructor written out) is ``dataclasses.replace``."""
    values: dict[str, object] = {"company": "Acme", "start": 40, "end": 44, "surface": "ACME",
                                 "kind": "brand", "ambiguous": True, "everyday": True,
                                 "counted": False, "reason": "why", "historical": True,
                                 "former": True, "notes": ["a note"], "brand": "Acme One"}
    assert set(values) == {f.name for f in dataclasses.fields(Mention)}
    mention = Mention(**values)  # type: ignore[arg-type]
    moved = engine._relative(mention, 30)
    assert moved == dataclasses.replace(mention, start=10, end=14)
    assert moved.notes is mention.notes


def test_denials_read_from_the_lower_cased_sentence_are_the_same() -> None:
    """``cues.denial`` runs its patterns folded (``folding``): the same denial as written."""
    def as_written(sentence: str, legal: bool) -> str | None:
        for match in cues._DENIAL.finditer(sentence):
            if legal and cues._DENIES_WRONGDOING.search(sentence):
                return None
            if any(other.start() <= match.start() < other.end()
                   for other in cues._NOT_A_DENIAL.finditer(sentence)):
                continue
            return match.group()
        return None

    texts = [
        *_sentences(),
        "Acme DENIED the reports, calling them Baseless.", "The judge denied the motion.",
        "Acme denies any wrongdoing.", "Without admitting or denying the findings, it paid.",
        "It ſaid the rumours were false; Acme dıd not deny the report.", "İt denied it."]
    found = 0
    for text in texts:
        for legal in (False, True):
            expected = as_written(text, legal)
            assert cues.denial.__wrapped__(text, legal) == expected, text
            found += expected is not None
    assert found > 20


@pytest.mark.parametrize("pattern", [r"(?-i:a)b", r"\x41", r"Ab", r"(?i:a)", r"(a)\1"])
def test_a_pattern_that_may_not_be_folded_is_refused(pattern: str) -> None:
    with pytest.raises(ValueError):
        folding.folded(re.compile(pattern, re.IGNORECASE))


def test_a_folded_pattern_matches_as_written() -> None:
    pattern = re.compile(r"\bq&a\b|\W(?P<x>ab\w*)\s", re.IGNORECASE)
    twin = folding.folded(pattern)
    for text in ("Q&A: ABc d", "x-Abé ", "KELVIN Kab ", "q&a"):
        low = folding.lowered(text)
        assert low is not None
        assert [(m.span(), m.span("x")) for m in twin.finditer(low)] == [
            (m.span(), m.span("x")) for m in pattern.finditer(text)]
    assert folding.lowered("İn") is None and folding.lowered("ſo") is None
    assert folding.lowered("Acme’s DEAL") == "acme’s deal"


def test_an_anaphor_is_found_where_the_whole_pattern_finds_one() -> None:
    """``has_anaphor`` tries the start and then the clause openings only: ``_ANAPHOR``'s
    answer."""
    texts = [w[:60] for w in _sentences()] + [
        "It said", "The company said", "and it agreed", "x, it", "Yet on Monday it agreed",
        "Meanwhile, the company", "xand it", ";They", "Itself", ""]
    found = 0
    for text in texts:
        expected = cues._ANAPHOR.search(text) is not None
        assert cues.has_anaphor(text) == expected, text
        found += expected
    assert found > 50


def test_hypotheses_read_from_the_lower_cased_window_are_the_same() -> None:
    """``cues.hypothetical`` runs its patterns folded (``folding``): the same cue as written."""
    def as_written(before: str) -> str | None:
        window = before[-60:]
        clauses = list(cues._NEW_CLAUSE.finditer(window))
        if clauses:
            window = window[clauses[-1].end():]
        match = cues._HYPOTHETICAL.search(window)
        if match is None:
            return None
        if match.group().lower() in ("would", "will") and cues._REPORTED_WOULD.search(
                before[-130:]) and not cues._WOULD_WEIGH.search(window, match.start()):
            return None
        return match.group()

    texts = [*_sentences(), "Acme Could ", "Analysts EXPECT Acme to ", "it said it Would ",
             "Acme might; and it Would ", "ſhould it ", "İf Acme "]
    found = 0
    for text in texts:
        for before in (text, text[:30], text[:-5]):
            expected = as_written(before)
            assert cues.hypothetical(before) == expected, before
            found += expected is not None
    assert found > 50


def _titles() -> list[str]:
    titles = []
    for path in sorted(BENCH.glob("*/articles.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                titles.append(str(json.loads(line).get("title") or ""))
            except (ValueError, AttributeError):
                continue
    return titles


def test_title_cues_read_from_the_lower_cased_title_are_the_same() -> None:
    """``genre_of`` runs the title cues folded (``folding``): the same cue as written."""
    titles = [*_titles(), "OBITUARY: Jane Doe", "iPhone at 10: a Look Back", "Review: The X1",
              "Stocks FALL as Nasdaq slides", "Q&A with Acme's CEO", "ſtocks fall", "İnterview"]
    found = 0
    for title in titles:
        expected = next(((genre, m.group().strip()) for genre, pattern in layout._TITLE_CUES
                         if (m := pattern.search(title))), None)
        low = folding.lowered(title)
        got = expected if low is None else next(
            ((genre, title[m.start():m.end()].strip())
             for genre, pattern in layout._TITLE_CUES_FOLDED if (m := pattern.search(low))),
            None)
        assert got == expected, title
        found += expected is not None
    assert len(titles) > 1000 and found > 50
