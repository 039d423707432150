"""What the detector saw in one article: the stages' results, kept for ``explain``."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...schemas.article import Article
from ...schemas.event import CompanyEvent
from .calibration import EventFeatures
from .companies import Mention
from .events import Finding
from .layout import Layout
from .sentences import Sentence


@dataclass
class Analysis:
    """Everything the detector saw in one article; ``events`` is what ``detect`` returns."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    events: list[CompanyEvent] = field(default_factory=list)
    features: list[EventFeatures] = field(default_factory=list)  # one per event
    layout: Layout | None = None
