"""An event's confidence: the probability it is true news, from where and how it is stated.

Measured on the labelled real and false-alarm text (the dev halves): an event stated in a
headline is true news about nine times in ten, one stated only deep in the body about
four in ten, and the tense, a date of this week, a second sentence reporting the same
event, and the strength of the trigger move that. ``Calibration`` holds a small logistic
model over those features; ``bench/calibrate.py`` refits it and prints the reliability
table (the share of true events among those above each confidence), so a watch's
``min_confidence`` means what it says.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .events import Finding

ZONE_RANK = {"headline": 0, "lead": 1, "body": 2}


REPORT_NOW_TENSES = frozenset({"present", "perfect", "future"})
"""The tenses in which a statement deep in an article about the present reports the news."""


@dataclass(frozen=True)
class EventFeatures:
    """What the confidence of one event is computed from."""

    zone: str  # the most prominent place the event is stated: headline, lead or body
    tense: str  # how it is stated there: future, present, perfect, past, past_perfect, noun
    dated_now: bool
    same_story: bool
    past_setting: bool
    corroborated: bool  # two or more sentences state it
    strength: float  # the trigger's own confidence (hedges and weak attributions lower it)
    no_history: bool = False  # the article names no past date: it is about the present
    about_headline: bool = False  # the company or its counterparty is in the headline

    @classmethod
    def of(cls, findings: list[Finding], sentences: int) -> EventFeatures:
        best = min(findings, key=lambda f: (ZONE_RANK.get(f.zone, 2), -f.confidence))
        return cls(best.zone, best.tense, any(f.dated_now for f in findings),
                   any(f.same_story for f in findings), best.past_setting, sentences >= 2,
                   max(f.confidence for f in findings), best.no_history,
                   any(f.about_headline for f in findings))

    def vector(self) -> dict[str, float]:
        """The model's inputs by name (one-hot zone and tense, flags, centred strength)."""
        return {
            f"zone:{self.zone}": 1.0, f"tense:{self.tense}": 1.0,
            "dated_now": float(self.dated_now), "same_story": float(self.same_story),
            "past_setting": float(self.past_setting), "corroborated": float(self.corroborated),
            "about_headline": float(self.about_headline and self.zone == "body"),
            # Deep in an article about the present, a present-tense report is the news.
            "body_report_now": float(self.zone == "body" and self.no_history
                                     and self.tense in REPORT_NOW_TENSES),
            "strength": self.strength - 0.8,
        }


@dataclass(frozen=True)
class Calibration:
    """Logistic weights: confidence = sigmoid(intercept + sum of weights of the features)."""

    intercept: float
    weights: dict[str, float] = field(default_factory=dict)

    def confidence(self, features: EventFeatures) -> float:
        logit = self.intercept + sum(self.weights.get(name, 0.0) * value
                                     for name, value in features.vector().items())
        logit = min(50.0, max(-50.0, logit))  # exp() of a hand-set extreme must not overflow
        return round(min(0.99, max(0.01, 1.0 / (1.0 + math.exp(-logit)))), 2)


# Fitted by bench/calibrate.py on the dev halves of bench/realnews and bench/falsealarm;
# refit after changing detection, and paste its output here.
CALIBRATION = Calibration(
    intercept=0.72,
    weights={
        "about_headline": 0.64,
        "body_report_now": 0.55,
        "corroborated": 0.95,
        "dated_now": 1.0,
        "past_setting": 0.0,
        "same_story": 0.8,
        "strength": 0.3,
        "tense:future": 0.61,
        "tense:noun": -0.71,
        "tense:past": 0.01,
        "tense:perfect": 0.22,
        "tense:present": -0.13,
        "zone:body": -1.68,
        "zone:headline": 1.13,
        "zone:lead": 0.55,
    },
)
