"""The company-event detection engine: pure Python, shared by the stream and backtests.

    from . import Detector
    detector = Detector(rules)            # compiles the company automaton once
    events = detector.detect(article)     # list[CompanyEvent]
    report = detector.explain(article)    # DetectionReport: what was found and why
"""

from .analysis import Analysis
from .engine import Detector
from .explain import DetectionReport

__all__ = ["Analysis", "DetectionReport", "Detector"]
