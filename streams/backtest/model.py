"""The backtest report: plain, typed, JSON-serialisable, and the same bytes for the same run.

Nothing here carries wall-clock time (no ``created_at``, no ``detected_at``, no timings),
so ``--json`` is byte-identical for the same input and rules.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from ...schemas.alert import Alert, AlertKind
from ...schemas.base import UTCDateTime


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class AlertRecord(_Record):
    """One alert the rules would have sent, with its evidence."""

    id: str
    watch: str
    channel: str
    kind: AlertKind
    parent_alert_id: str | None = None
    story_key: str
    company: str
    event_type: str
    role: str | None = None
    counterparty: str | None = None
    person: str | None = None
    stage: str | None = None
    amount: str | None = None
    product: str | None = None
    confidence: float
    article_id: str
    title: str
    link: str | None = None
    source: str | None = None
    event_time: UTCDateTime
    evidence: list[str] = Field(default_factory=list)
    mentions: list[str] = Field(default_factory=list)

    @classmethod
    def from_alert(cls, alert: Alert) -> AlertRecord:
        event = alert.event
        # Built from validated models: construct without validating again (hot path).
        return cls.model_construct(
            id=alert.id, watch=alert.watch, channel=alert.channel, kind=alert.kind,
            parent_alert_id=alert.parent_alert_id, story_key=alert.story_key,
            company=event.company, event_type=event.event_type, role=event.role,
            counterparty=event.counterparty, person=event.person, stage=event.stage,
            amount=event.amount, product=getattr(event, "product", None),
            confidence=round(event.confidence, 4), article_id=event.article_id,
            title=event.article_title, link=event.article_link, source=event.source,
            event_time=event.event_time, evidence=list(event.evidence),
            mentions=list(alert.mentions))

    @property
    def story_id(self) -> str:
        return self.parent_alert_id or self.id


class AbsorbedRecord(_Record):
    """An event a watch took that raised no alert in its channel, and the story it joined."""

    watch: str
    channel: str
    parent_alert_id: str | None = Field(
        description="The story that absorbed it; null: held back by a routing policy")
    company: str
    event_type: str
    article_id: str
    title: str
    link: str | None = None
    source: str | None = None
    event_time: UTCDateTime


class Tally(_Record):
    """Alerts of one watch or channel, by kind, and what dedup absorbed for it."""

    name: str
    alerts: int = 0
    new: int = 0
    followups: int = 0
    updates: int = 0
    absorbed: int = 0


class DayCount(_Record):
    day: date
    watch: str
    alerts: int


class StoryRecord(_Record):
    """One real-world story in one channel: its first alert and what followed it."""

    first: AlertRecord
    followups: int
    updates: int
    absorbed: int
    articles: int
    sources: list[str]
    last_seen: UTCDateTime


class Totals(_Record):
    articles_read: int = Field(description="Articles in the input (and in the range)")
    skipped_inputs: int = Field(description="Lines or records that were not articles")
    outside_range: int = 0
    events: int = Field(description="Company events detected")
    events_watched: int = Field(description="Events at least one watch takes")
    alerts: int
    new: int
    followups: int
    updates: int
    absorbed: int
    late: int = Field(description="Articles more than the lateness window out of order")


class SkippedRecord(_Record):
    where: str
    reason: str


class DiffReport(_Record):
    """Alerts the candidate rules add or remove compared with the baseline rules."""

    baseline: str
    baseline_alerts: int
    added_count: int
    removed_count: int
    added: list[AlertRecord] = Field(description="Listed up to --max-listed")
    removed: list[AlertRecord] = Field(description="Listed up to --max-listed")
    per_watch: list[WatchDelta]


class WatchDelta(_Record):
    watch: str
    baseline: int
    candidate: int


class Score(_Record):
    name: str
    tp: int
    fp: int
    fn: int
    precision: float | None
    recall: float | None
    f1: float | None


class LabelCase(_Record):
    """A false positive or a miss, with what the rules made of it."""

    article_id: str
    company: str
    event_type: str
    title: str | None = None
    link: str | None = None
    watches: list[str] = Field(default_factory=list)
    why: str


class ScoreReport(_Record):
    labels: str
    labelled_articles: int
    labelled_in_input: int
    per_event_type: list[Score]
    per_watch: list[Score]
    micro: Score
    false_positives: list[LabelCase]
    misses: list[LabelCase]
    notes: list[str] = Field(default_factory=list)


class BacktestReport(_Record):
    """Everything ``newswatch backtest`` found; ``--json`` writes exactly this."""

    schema_version: int = 1
    rules: str
    input: str
    range_from: UTCDateTime | None = None
    range_to: UTCDateTime | None = None
    notes: list[str] = Field(default_factory=list)
    totals: Totals
    per_watch: list[Tally]
    per_channel: list[Tally]
    per_day: list[DayCount]
    top_stories: list[StoryRecord]
    absorbed: list[AbsorbedRecord] = Field(description="Listed up to --max-listed")
    alerts: list[AlertRecord] = Field(description="Listed up to --max-listed")
    skipped: list[SkippedRecord]
    diff: DiffReport | None = None
    scores: ScoreReport | None = None


DiffReport.model_rebuild()
