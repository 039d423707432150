"""Detection quality does not slip: every labelled set of ``bench/evaluate.py`` scored at a
watch's default ``min_confidence`` (0.5), against floors a little below the figures in the
README. A change that loses the seed's events, or precision or recall anywhere, fails here
before a reviewer has to spot it in a table. (The figures themselves are measured by
``python -m bench.evaluate``; these are alarms, not targets.)"""

from __future__ import annotations

import pytest

from bench.evaluate import SETS, LabelledSet, prf, run

# set: (precision at least, recall at least, false alarms per 1,000 at most)
FLOORS: dict[str, tuple[float, float, float]] = {
    "devset": (0.99, 0.98, 5.0),
    "heldout": (0.98, 0.98, 15.0),
    "blindset": (0.98, 0.90, 15.0),
    "blindset2": (0.95, 0.77, 35.0),
    "seed": (1.0, 1.0, 0.0),
    "realnews-dev": (0.88, 0.54, 55.0),
    "realnews-test": (0.86, 0.45, 55.0),
    "realnews-dev2": (0.83, 0.52, 65.0),
    "realnews-test3": (0.77, 0.32, 65.0),
    "realnews-dev4": (0.86, 0.46, 50.0),
    "realnews-test4": (0.74, 0.46, 100.0),
    "newsb-dev": (0.88, 0.80, 150.0),
    "newsb-test": (0.87, 0.77, 170.0),
    "newsc-dev": (0.92, 0.88, 100.0),
    "newsc-test": (0.87, 0.86, 180.0),
    "newsd-dev": (0.95, 0.88, 30.0),
    "newsd-test": (0.83, 0.75, 220.0),
    "newse-dev": (0.95, 0.90, 50.0),
    "newse-test": (0.92, 0.75, 80.0),
    "newsf-dev": (0.92, 0.83, 100.0),
    "newsf-test": (0.90, 0.68, 100.0),
    "newsg-dev": (0.90, 0.78, 130.0),
    "newsg-test": (0.92, 0.87, 80.0),
    "newsh-dev": (0.95, 0.90, 30.0),
    "newsh-test": (0.94, 0.80, 60.0),
    "newsi-dev": (0.95, 0.80, 30.0),
    "newsi-test": (0.95, 0.68, 30.0),
    "newsj-dev": (0.92, 0.88, 100.0),
    "newsj-test": (0.85, 0.85, 230.0),
    "newsk-dev": (0.86, 0.86, 200.0),
    "newsk-test": (0.85, 0.69, 180.0),
    "newsl-dev": (0.90, 0.86, 100.0),
    "newsl-test": (0.90, 0.70, 130.0),
    "newsm-dev": (0.84, 0.92, 200.0),
    "newsm-test": (0.88, 0.77, 150.0),
    "newsn-dev": (0.88, 0.80, 150.0),
    "newsn-test": (0.83, 0.72, 230.0),
    "newso-dev": (0.93, 0.88, 80.0),
    "newso-test": (0.95, 0.90, 30.0),
    "falsealarm-synth-dev": (0.0, 0.0, 5.0),
    "falsealarm-synth-test": (0.0, 0.0, 10.0),
    "falsealarm-dev-e": (0.0, 0.0, 10.0),
    "falsealarm-dev-f": (0.0, 0.0, 5.0),
    "falsealarm-blind-d": (0.0, 0.0, 20.0),
    "falsealarm-blind-g": (0.0, 0.0, 10.0),
    "falsealarm-dev-h": (0.0, 0.0, 5.0),
    "falsealarm-dev-i": (0.0, 0.0, 5.0),
    "falsealarm-dev-j": (0.0, 0.0, 5.0),
    "falsealarm-dev-k": (0.0, 0.0, 5.0),
    "falsealarm-blind-l": (0.0, 0.0, 5.0),
    "falsealarm-dev-m": (0.0, 0.0, 5.0),
    "falsealarm-dev-o": (0.0, 0.0, 5.0),
    "falsealarm-dev-p": (0.0, 0.0, 5.0),
    "falsealarm-dev-q": (0.0, 0.0, 7.0),
    "falsealarm-dev-s": (0.0, 0.0, 5.0),
    "falsealarm-dev-u": (0.0, 0.0, 5.0),
    "falsealarm-dev-v": (0.0, 0.0, 5.0),
    "falsealarm-dev-w": (0.0, 0.0, 5.0),
    "falsealarm-dev-x": (0.0, 0.0, 5.0),
    "falsealarm-dev-y": (0.0, 0.0, 5.0),
    "falsealarm-dev-z": (0.0, 0.0, 5.0),
    "falsealarm-dev-aa": (0.0, 0.0, 5.0),
    "falsealarm-dev-ab": (0.0, 0.0, 5.0),
    "falsealarm-dev-ad": (0.0, 0.0, 5.0),
    "falsealarm-dev-ae": (0.0, 0.0, 5.0),
    "falsealarm-dev-ag": (0.0, 0.0, 10.0),
    "falsealarm-dev-ah": (0.0, 0.0, 10.0),
    "falsealarm-dev-ai": (0.0, 0.0, 15.0),
    "falsealarm-blind-ai": (0.0, 0.0, 90.0),
    "falsealarm-dev-aj": (0.0, 0.0, 25.0),
    "falsealarm-dev-ak": (0.0, 0.0, 10.0),
    "falsealarm-dev-al": (0.0, 0.0, 10.0),
    "falsealarm-dev-am": (0.0, 0.0, 10.0),
    "falsealarm-blind-am": (0.0, 0.0, 120.0),
    "falsealarm-dev-an": (0.0, 0.0, 10.0),
    "falsealarm-dev-ao": (0.0, 0.0, 10.0),
    "falsealarm-blind-ao": (0.0, 0.0, 70.0),
    "falsealarm-dev-aq": (0.0, 0.0, 5.0),
    "falsealarm-blind-aq": (0.0, 0.0, 25.0),
    "falsealarm-dev-ar": (0.0, 0.0, 5.0),
    "falsealarm-dev-as": (0.0, 0.0, 40.0),
    "falsealarm-blind-as": (0.0, 0.0, 60.0),
    "falsealarm-dev-at": (0.0, 0.0, 90.0),
    "falsealarm-blind-at": (0.0, 0.0, 90.0),
    "falsealarm-dev-au": (0.0, 0.0, 120.0),
    "falsealarm-blind-au": (0.0, 0.0, 170.0),
    "falsealarm-dev-av": (0.0, 0.0, 30.0),
    "falsealarm-blind-av": (0.0, 0.0, 130.0),
    "falsealarm-dev-aw": (0.0, 0.0, 30.0),
    "falsealarm-blind-aw": (0.0, 0.0, 100.0),
    "falsealarm-dev-ax": (0.0, 0.0, 30.0),
    "falsealarm-blind-ax": (0.0, 0.0, 150.0),
    "falsealarm-dev-ay": (0.0, 0.0, 30.0),
    "falsealarm-blind-ay": (0.0, 0.0, 150.0),
    "falsealarm-dev-az": (0.0, 0.0, 30.0),
    "falsealarm-blind-az": (0.0, 0.0, 80.0),
    "falsealarm-dev-ba": (0.0, 0.0, 80.0),
    "falsealarm-blind-ba": (0.0, 0.0, 250.0),
    "falsealarm-dev-bb": (0.0, 0.0, 30.0),
    "falsealarm-blind-bb": (0.0, 0.0, 150.0),
    "falsealarm-dev-bc": (0.0, 0.0, 30.0),
    "falsealarm-blind-bc": (0.0, 0.0, 50.0),
    "falsealarm-dev-bd": (0.0, 0.0, 30.0),
    "falsealarm-blind-bd": (0.0, 0.0, 250.0),
    "falsealarm-dev-be": (0.0, 0.0, 30.0),
    "falsealarm-blind-be": (0.0, 0.0, 180.0),
    "falsealarm-dev-bg": (0.0, 0.0, 50.0),
    "falsealarm-dev-bf": (0.0, 0.0, 80.0),
    "falsealarm-blind-bf": (0.0, 0.0, 150.0),
    "falsealarm-dev-bi": (0.0, 0.0, 80.0),
    "falsealarm-dev-bh": (0.0, 0.0, 50.0),
    "falsealarm-blind-bh": (0.0, 0.0, 150.0),
    "falsealarm-blind-bi": (0.0, 0.0, 130.0),
    "falsealarm-dev-bk": (0.0, 0.0, 250.0),
    "falsealarm-blind-bk": (0.0, 0.0, 200.0),
    "falsealarm-dev-bj": (0.0, 0.0, 50.0),
    "falsealarm-blind-bj": (0.0, 0.0, 80.0),
    "falsealarm-dev-bl": (0.0, 0.0, 230.0),
    "falsealarm-blind-bl": (0.0, 0.0, 400.0),
    "falsealarm-blind-bg": (0.0, 0.0, 230.0),
    "falsealarm-blind-ar": (0.0, 0.0, 60.0),
    "falsealarm-dev-ap": (0.0, 0.0, 10.0),
    "falsealarm-blind-ap": (0.0, 0.0, 20.0),
    "falsealarm-blind-n": (0.0, 0.0, 10.0),
    "falsealarm-blind-r": (0.0, 0.0, 35.0),
    "falsealarm-blind-t": (0.0, 0.0, 20.0),
    "falsealarm-blind-ac": (0.0, 0.0, 15.0),
    "falsealarm-blind-af": (0.0, 0.0, 60.0),
    "falsealarm-real-dev": (0.0, 0.0, 3.0),
    "falsealarm-real-test": (0.0, 0.0, 3.0),
    "falsealarm-real-dev-feeds": (0.0, 0.04, 20.0),
    "falsealarm-real-test-feeds": (0.0, 0.07, 20.0),
}


def test_every_set_has_a_floor() -> None:
    assert {s.name for s in SETS} == set(FLOORS)


@pytest.mark.parametrize("labelled", SETS, ids=lambda s: s.name)
def test_quality_holds(labelled: LabelledSet) -> None:
    outcome = run(labelled, 0.5)
    tp, fp, fn = outcome.totals()
    precision, recall, _ = prf(tp, fp, fn)
    min_precision, min_recall, max_false_alarms = FLOORS[labelled.name]
    per_thousand = 1000 * fp / outcome.articles
    if tp + fn:  # sets with labelled events
        assert precision >= min_precision, (precision, outcome.errors[:5])
        assert recall >= min_recall, (recall, outcome.errors[:5])
    assert per_thousand <= max_false_alarms, (per_thousand, outcome.errors[:5])
