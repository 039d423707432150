"""Trigger matching tolerant of fillers, quotes and asides (``detection/tolerant.py``).

Patterns run on a lower-cased copy of the sentence without filler adverbs, quote marks,
short parenthetical asides and runs of white space; ``span`` maps a match back to the
original text, where every other check (and the user reading ``rules explain``) looks.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from newswatch.schemas.article import Article
from newswatch.schemas.rules import RulesFile
from newswatch.streams.detection import Detector
from newswatch.streams.detection.tolerant import _DROP, _HAS_RUN, _RUN, _may_drop, tolerant


def original_of(sentence: str, phrase: str) -> str:
    """The original text behind ``phrase`` of the sentence's tolerant copy."""
    copy = tolerant(sentence)
    assert phrase in copy.text, copy.text
    start = copy.text.index(phrase)
    begin, end = copy.span(start, start + len(phrase))
    return sentence[begin:end]


@pytest.mark.parametrize(("sentence", "phrase", "original"), [
    ("Acme has officially acquired Foo.", "has acquired", "has officially acquired"),
    ("Acme has quietly and swiftly acquired Foo.", "has and acquired",
     "has quietly and swiftly acquired"),
    ('Acme\'s chief will "immediately" step down.', "will step down",
     'will "immediately" step down'),
    ("Acme’s chief will “immediately” step down.", "will step down",
     "will “immediately” step down"),
    ("Acme agreed (subject to approval) to buy Foo.", "agreed to buy",
     "agreed (subject to approval) to buy"),
    # A match that ends where a dropped aside begins does not take the aside in.
    ("Acme agreed (subject to approval) to buy Foo.", "acme agreed", "Acme agreed"),
    ('Acme will "soon" buy Foo.', "acme will", "Acme will"),
    ("Acme announced today the launch of Foo.", "announced the launch of",
     "announced today the launch of"),
    ("Acme has\nacquired  Foo.", "has acquired", "has\nacquired"),
    ("Acme Quickly acquired Foo", "acme acquired", "Acme Quickly acquired"),
    ("Acme (NYSE: ACM) has acquired Foo.", "acme has acquired", "Acme (NYSE: ACM) has acquired"),
    # Lower-casing that changes length ('İ' lower-cases to two characters) keeps offsets.
    ("İstanbul's Acme has officially acquired Foo.", "has acquired", "has officially acquired"),
])
def test_dropped_words_and_the_original_span(sentence: str, phrase: str, original: str) -> None:
    assert original_of(sentence, phrase) == original


@pytest.mark.parametrize("sentence", [
    "Acme and Foo will jointly develop chips.",
    "Acme cut nearly 3,000 jobs.",
    "Acme previously planned an early release.",
    "Acme is likely to post quarterly results.",
    "Acme will only supply Italy in July.",
    "Acme named Kelly Bradley chief executive.",  # capitalised names ending in -ly stay
    "Acme bought Foo (a startup whose founders have been arguing about it for years) today.",
])
def test_words_that_carry_meaning_stay(sentence: str) -> None:
    copy = tolerant(sentence)
    assert copy.text == sentence.lower()
    assert copy.origin is None
    assert copy.span(4, 9) == (4, 9)


@pytest.mark.parametrize("sentence", [
    "Acme has officially acquired Foo.",
    'Acme will "immediately" step down, it said (in a filing) today.',
    "Acme  \n has\tquietly  acquired “Foo”.",
    "İstanbul's Acme has officially acquired Foo.",
])
def test_every_kept_character_maps_to_its_original(sentence: str) -> None:
    copy = tolerant(sentence)
    assert copy.origin is not None
    assert len(copy.origin) == len(copy.text) + 1  # one past the end maps to the end
    assert copy.origin[-1] == len(sentence)
    assert list(copy.origin) == sorted(copy.origin)
    for index, char in enumerate(copy.text):
        source = sentence[copy.origin[index]]
        if char == " ":
            assert source.isspace(), (index, source)
        else:
            assert char == source.lower() or source == "İ", (index, char, source)


def test_an_empty_span_maps_to_a_point() -> None:
    copy = tolerant("Acme has officially acquired Foo.")
    at = copy.text.index("acquired")
    assert copy.span(at, at) == (at + len("officially "), at + len("officially "))


# --- end to end: the Detector reports the original text of a tolerant match -----------------

DETECTOR = Detector(RulesFile.model_validate({"companies": [
    {"name": name} for name in ("Microsoft", "Nvidia", "Samsung", "Intel", "Salesforce",
                                "Stripe")]}))


@pytest.mark.parametrize(("title", "event_type", "trigger"), [
    ("Microsoft has teamed up (again) with Nvidia on chips", "partnership",
     "teamed up (again) with"),
    ("Samsung announced “today” the launch of the Galaxy S26", "product_launch",
     "announced “today” the launch of"),
    ("Samsung announced (on Monday) the launch of the Galaxy S26", "product_launch",
     "announced (on Monday) the launch of"),
    ("Intel will lay quietly off 6,000 workers", "layoffs", "lay quietly off"),
    ("Salesforce entered formally into a partnership with Stripe", "partnership",
     "entered formally into a partnership with"),
])
def test_a_trigger_with_words_inside_is_found_at_its_original_span(
        title: str, event_type: str, trigger: str) -> None:
    article = Article(id="t", title=title, published=datetime(2026, 5, 4, tzinfo=UTC))
    analysis = DETECTOR.analyse(article)
    assert event_type in {e.event_type for e in analysis.events}
    found = [f for f in analysis.findings if f.accepted and f.event_type == event_type]
    assert found
    for finding in found:
        assert finding.trigger == trigger
        start = finding.trigger_start
        assert finding.sentence[start:start + len(trigger)] == trigger
        assert trigger in {t for e in analysis.events for t in e.triggers}


def test_the_quick_test_never_skips_a_sentence_with_something_to_drop() -> None:
    pieces = ["ly", "LY", "quic\u212aly", "\u212a", "quickly", "QUICKLY", "ToDay", "ſtill",
              "quicKly", "ıt", "İt", "THEN", " (aside)", "(", ")", " ", "\n", '"', "“", "”", "‘",
              "’", "x", "é", "AGAIN"]
    rng = random.Random(3)
    for _ in range(3000):
        sentence = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        if not _may_drop(sentence, "".join(c if len(c.lower()) != 1 else c.lower()
                                           for c in sentence)):
            assert _DROP.search(sentence) is None, sentence


def test_the_quick_white_space_test_agrees_with_the_runs() -> None:
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice(["a", " ", "\n", "\t", "\r", "\u00a0", "\u2003", "b"])
                       for _ in range(rng.randint(0, 8)))
        assert (_HAS_RUN.search(text) is None) == (_RUN.search(text) is None), repr(text)

