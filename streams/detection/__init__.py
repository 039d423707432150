"""The company-event detection engine: pure Python, shared by the stream and backtests.

    from . import Detector
    detector = Detector(rules)            # compiles the company automaton once
    events = detector.detect(article)     # list[CompanyEvent]
    report = detector.explain(article)    # DetectionReport: what was found and why
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

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


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
