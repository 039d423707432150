"""An event's confidence is a probability (``detection/calibration.py``).

A logistic model over where and how the event is stated. Whatever the fitted weights, a
confidence is a probability rounded to hundredths; with the shipped weights a headline,
a date of this week, a second sentence, the same story in the front, an article about the
present and a stronger trigger never lower it, and a watch's default ``min_confidence``
(0.5) keeps a headline event and drops a body event told as history.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator
from typing import Any

import pytest

from newswatch.schemas.rules import Watch
from newswatch.streams.detection.calibration import (
    CALIBRATION,
    Calibration,
    EventFeatures,
)
from newswatch.streams.detection.events import Finding

ZONES = ("headline", "lead", "body")
TENSES = ("future", "present", "perfect", "past", "past_perfect", "noun")
STRENGTHS = (0.5, 0.7, 0.8, 0.85, 0.9, 1.0)
FLAGS = ("dated_now", "same_story", "past_setting", "corroborated", "no_history",
         "about_headline")


def every_feature_set() -> Iterator[EventFeatures]:
    for zone, tense, strength in itertools.product(ZONES, TENSES, STRENGTHS):
        for flags in itertools.product((False, True), repeat=len(FLAGS)):
            yield EventFeatures(zone, tense, strength=strength, **dict(zip(FLAGS, flags,
                                                                          strict=True)))


ALL = list(every_feature_set())
MIDDLE = EventFeatures("body", "noun", dated_now=False, same_story=False, past_setting=False,
                       corroborated=False, strength=0.8)


def test_every_confidence_is_a_probability_in_hundredths() -> None:
    for features in ALL:
        value = CALIBRATION.confidence(features)
        assert 0.0 <= value <= 1.0, features
        assert round(value, 2) == value, features


def test_the_logistic_form() -> None:
    assert Calibration(0.0).confidence(MIDDLE) == 0.5
    one = Calibration(0.0, {"dated_now": 2.0})
    assert one.confidence(MIDDLE) == 0.5
    assert one.confidence(dataclasses.replace(MIDDLE, dated_now=True)) == 0.88  # sigmoid(2)
    assert Calibration(-2.0).confidence(MIDDLE) == 0.12
    # Never quite certain either way.
    assert Calibration(50.0).confidence(MIDDLE) == 0.99
    assert Calibration(-50.0).confidence(MIDDLE) == 0.01


def test_a_very_negative_logit_is_still_a_probability() -> None:
    assert Calibration(-1000.0).confidence(MIDDLE) == 0.01


# --- monotonic in what the model says raises confidence -----------------------------------------

def with_flag(features: EventFeatures, flag: str) -> EventFeatures:
    changes: dict[str, Any] = {flag: True}
    return dataclasses.replace(features, **changes)


@pytest.mark.parametrize("flag", ["dated_now", "same_story", "corroborated", "no_history",
                                  "about_headline"])
def test_a_supporting_flag_never_lowers_confidence(flag: str) -> None:
    for features in ALL:
        if not getattr(features, flag):
            raised = with_flag(features, flag)
            assert CALIBRATION.confidence(raised) >= CALIBRATION.confidence(features), features


@pytest.mark.parametrize("flag", ["dated_now", "same_story", "corroborated"])
def test_a_supporting_flag_raises_an_uncertain_confidence(flag: str) -> None:
    assert CALIBRATION.confidence(with_flag(MIDDLE, flag)) > (
        CALIBRATION.confidence(MIDDLE))


def test_in_the_body_the_headline_company_and_an_article_about_the_present_raise_it() -> None:
    present = dataclasses.replace(MIDDLE, tense="present")
    assert CALIBRATION.confidence(dataclasses.replace(present, about_headline=True)) > (
        CALIBRATION.confidence(present))
    assert CALIBRATION.confidence(dataclasses.replace(present, no_history=True)) > (
        CALIBRATION.confidence(present))
    # In the headline, naming the headline's company is no extra evidence.
    headline = dataclasses.replace(present, zone="headline")
    assert CALIBRATION.confidence(dataclasses.replace(headline, about_headline=True)) == (
        CALIBRATION.confidence(headline))


def test_a_sentence_set_in_the_past_never_raises_confidence() -> None:
    for features in ALL:
        if not features.past_setting:
            lowered = dataclasses.replace(features, past_setting=True)
            assert CALIBRATION.confidence(lowered) <= CALIBRATION.confidence(features), features


def test_more_prominent_zones_never_lower_confidence() -> None:
    for features in ALL:
        if features.zone == "body":
            body = CALIBRATION.confidence(features)
            lead = CALIBRATION.confidence(dataclasses.replace(features, zone="lead"))
            headline = CALIBRATION.confidence(dataclasses.replace(features, zone="headline"))
            assert body <= lead <= headline, features
    body, lead, headline = (CALIBRATION.confidence(dataclasses.replace(MIDDLE, zone=z))
                            for z in ("body", "lead", "headline"))
    assert body < lead < headline


def test_a_stronger_trigger_never_lowers_confidence() -> None:
    for features in ALL:
        if features.strength == STRENGTHS[0]:
            values = [CALIBRATION.confidence(dataclasses.replace(features, strength=s))
                      for s in STRENGTHS]
            assert values == sorted(values), features
    assert CALIBRATION.confidence(dataclasses.replace(MIDDLE, strength=1.0)) > (
        CALIBRATION.confidence(dataclasses.replace(MIDDLE, strength=0.5)))


def test_a_plan_outranks_a_past_report_and_a_bare_noun_ranks_lowest() -> None:
    def value(tense: str) -> float:
        return CALIBRATION.confidence(dataclasses.replace(MIDDLE, tense=tense))

    assert value("future") > value("perfect") > value("past")
    assert value("noun") == min(value(t) for t in TENSES)


# --- what a watch with the default threshold sees -------------------------------------------

def test_a_headline_report_passes_the_default_threshold_and_body_history_does_not() -> None:
    threshold = Watch.model_fields["min_confidence"].default
    headline_now = EventFeatures("headline", "present", dated_now=False, same_story=False,
                                 past_setting=False, corroborated=False, strength=0.85)
    body_history = EventFeatures("body", "past", dated_now=False, same_story=False,
                                 past_setting=True, corroborated=False, strength=0.85,
                                 no_history=False)
    assert CALIBRATION.confidence(headline_now) > threshold > CALIBRATION.confidence(body_history)


# --- features of an event from its findings -----------------------------------------------------

def finding(zone: str, tense: str, confidence: float, **flags: bool) -> Finding:
    found = Finding("layoffs", "Acme", None, "s", 0, "cut", "rule", confidence)
    found.zone, found.tense = zone, tense
    for name, value in flags.items():
        setattr(found, name, value)
    return found


def test_features_come_from_the_most_prominent_statement() -> None:
    body = finding("body", "future", 0.95, dated_now=True, past_setting=True)
    lead = finding("lead", "past", 0.7, same_story=False)
    headline = finding("headline", "noun", 0.8)
    features = EventFeatures.of([body, lead, headline], sentences=3)
    assert (features.zone, features.tense) == ("headline", "noun")
    assert not features.past_setting  # the headline's, not the body's
    assert features.dated_now  # any statement dated this week dates the event
    assert features.strength == 0.95  # the strongest trigger
    assert features.corroborated


def test_one_sentence_is_not_corroboration() -> None:
    features = EventFeatures.of([finding("lead", "past", 0.8), finding("lead", "future", 0.9)],
                                sentences=1)
    assert not features.corroborated
    assert features.tense == "future"  # the same zone: the stronger trigger's statement
