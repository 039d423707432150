"""The company-event detection engine: pure Python, shared by the stream and backtests.

    from . import Detector
    detector = Detector(rules)            # compiles the company automaton once
    events = detector.detect(article)     # list[CompanyEvent]
    report = detector.explain(article)    # DetectionReport: what was found and why
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...schemas.lazy import lazy_attributes

if TYPE_CHECKING:
    from .analysis import Analysis
    from .engine import Detector
    from .explain import DetectionReport

# Imported on first use, so that `newswatch --help` and the light commands do not pay
# for what they never touch (PEP 562).
_LAZY = {
    "Analysis": "analysis",
    "Detector": "engine",
    "DetectionReport": "explain",
}

__all__ = [
    "Analysis",
    "DetectionReport",
    "Detector",
]


__getattr__ = lazy_attributes(__name__, _LAZY)
