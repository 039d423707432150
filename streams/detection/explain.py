"""Explain a detection: companies found and why they counted, candidates, events."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from ...schemas.event import CompanyEvent
from .analysis import Analysis


@dataclass
class MentionReport:
    surface: str
    kind: str
    offset: int
    counted: bool
    background: bool
    notes: list[str]


@dataclass
class CompanyReport:
    company: str
    counted: bool
    reason: str
    mentions: list[MentionReport] = field(default_factory=list)


@dataclass
class CandidateReport:
    event_type: str
    company: str
    role: str | None
    trigger: str
    rule: str
    accepted: bool
    reason: str
    confidence: float
    sentence: str


@dataclass
class DetectionReport:
    """What ``Detector.explain`` returns; ``to_dict`` gives a JSON-ready form."""

    article_id: str
    title: str
    companies: list[CompanyReport]
    candidates: list[CandidateReport]
    events: list[CompanyEvent]

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "companies": [asdict(c) for c in self.companies],
            "candidates": [asdict(c) for c in self.candidates],
            "events": [e.model_dump(mode="json") for e in self.events],
        }

    def render(self) -> str:
        """A plain-text account for the terminal."""
        lines = [f"article {self.article_id}: {self.title}", "", "companies:"]
        if not self.companies:
            lines.append("  (no watched company named)")
        for company in self.companies:
            mark = "counted" if company.counted else "NOT counted"
            surfaces = ", ".join(sorted({m.surface for m in company.mentions}))
            lines.append(f"  {company.company}: {mark} ({company.reason}); as {surfaces}")
            for mention in company.mentions:
                if mention.background:
                    lines.append(f"    background at {mention.offset}: {'; '.join(mention.notes)}")
        lines += ["", "events:"]
        if not self.events:
            lines.append("  (none)")
        for event in self.events:
            lines.append(f"  {event.company} {event.event_type}"
                         + (f" ({event.role})" if event.role else "")
                         + f" confidence {event.confidence:.2f}")
            for key in ("counterparty", "person", "amount", "stage"):
                value = getattr(event, key)
                if value:
                    lines.append(f"    {key}: {value}")
            lines.append(f"    triggers: {', '.join(event.triggers)}")
            for sentence in event.evidence:
                lines.append(f"    evidence: {sentence}")
        rejected = [c for c in self.candidates if not c.accepted]
        if rejected:
            lines += ["", "not counted as events:"]
            for cand in rejected:
                lines.append(f"  {cand.event_type} {cand.trigger!r}: {cand.reason}"
                             f" — {_short(cand.sentence)}")
        return "\n".join(lines)


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def build_report(analysis: Analysis) -> DetectionReport:
    companies: dict[str, CompanyReport] = {}
    for mention in analysis.mentions:
        report = companies.get(mention.company)
        if report is None:
            report = companies[mention.company] = CompanyReport(
                mention.company, mention.counted, mention.reason or "unambiguous name")
        report.mentions.append(MentionReport(mention.surface, mention.kind, mention.start,
                                             mention.counted, mention.historical, mention.notes))
    candidates = [
        CandidateReport(f.event_type, f.company, f.role, f.trigger, f.rule, f.accepted,
                        f.reason or "; ".join(f.notes), f.confidence, f.sentence)
        for f in analysis.findings
    ]
    return DetectionReport(
        article_id=analysis.article.id,
        title=analysis.article.title,
        companies=list(companies.values()),
        candidates=candidates,
        events=analysis.events,
    )
