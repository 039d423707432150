"""A channel's summary of recent alerts and the feedback on them (weekly by default).

Alerts sent: the stories' first alerts raised for the channel in the period (from the
alerts topic) that the delivery ledger shows delivered; follow-ups in threads are not
counted again. Useful / not relevant / wrong company: each alert's verdict from its
voters (``labels.verdict``). Per watch, the share of judged alerts found useful.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from ...kafkaio.clients import KafkaClients
from ...kafkaio.compacted import CompactedTopicReader
from ...kafkaio.ranges import read_since
from ...kafkaio.topics import TopicNames
from ...schemas.alert import Alert, parse_any_alert
from ...schemas.delivery import Delivery
from ...schemas.errors import SchemaError
from ...schemas.feedback import Feedback
from ..escape import escape
from .labels import alert_verdicts
from .replies import Reply, context, section
from .store import read_feedback


@dataclass
class WatchCounts:
    sent: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)

    @property
    def judged(self) -> int:
        return sum(self.verdicts.values())


@dataclass(frozen=True)
class ChannelSummary:
    label: str
    since: datetime
    until: datetime
    total: WatchCounts
    watches: dict[str, WatchCounts]


def summarise(label: str, alerts: Iterable[Alert], delivered: set[str],
              feedback: Iterable[Feedback], since: datetime, until: datetime) -> ChannelSummary:
    """Count the channel's delivered first alerts and their verdicts, in total and by watch."""
    sent = {a.id: a for a in alerts if a.kind == "new" and a.id in delivered}
    verdicts = alert_verdicts(f for f in feedback if f.alert_id in sent)
    total, watches = WatchCounts(), dict[str, WatchCounts]()
    for alert in sent.values():
        counts = watches.setdefault(alert.watch, WatchCounts())
        verdict = verdicts.get(alert.id, (None, None))[1]
        for bucket in (total, counts):
            bucket.sent += 1
            if verdict is not None:
                bucket.verdicts[verdict] += 1
    return ChannelSummary(label, since, until, total, dict(sorted(watches.items())))


def render_summary(summary: ChannelSummary) -> Reply:
    """The summary as a message for the whole channel."""
    t = summary.total
    period = f"{summary.since:%d %b} – {summary.until:%d %b %Y}"
    headline = (f"*newswatch in {escape(summary.label)}, {period}*\n"
                f"Alerts sent: *{t.sent}* · useful: *{t.verdicts['useful']}* · not relevant: "
                f"*{t.verdicts['not_relevant']}* · wrong company: "
                f"*{t.verdicts['wrong_company']}* · no verdict: *{t.sent - t.judged}*")
    lines = []
    for watch, counts in list(summary.watches.items())[:30]:
        share = (f"{counts.verdicts['useful'] / counts.judged:.0%} useful of "
                 f"{counts.judged} judged" if counts.judged else "no feedback yet")
        lines.append(f"• `{escape(watch)}`: {counts.sent} sent, {share}")
    blocks = [section(headline)]
    if lines:
        blocks.append(section("\n".join(lines)))
    blocks.append(context("Mark alerts with the buttons under them or with :+1: / :-1:; "
                          "`newswatch labels export` turns the votes into backtest labels."))
    text = (f"newswatch in {summary.label}: {t.sent} alerts sent, {t.verdicts['useful']} "
            f"useful, {t.verdicts['not_relevant']} not relevant")
    return Reply(text, blocks, "in_channel")


class SummarySource:
    """Reads what a summary needs from Kafka (blocking: call it in a thread)."""

    def __init__(self, clients: KafkaClients, topics: TopicNames) -> None:
        self.clients = clients
        self.topics = topics

    def collect(self, channel_names: set[str], label: str, since: datetime,
                until: datetime) -> Reply:
        alerts = self._alerts(channel_names, since)
        delivered = self._delivered({a.id for a in alerts})
        feedback = read_feedback(self.clients, self.topics.feedback)
        return render_summary(summarise(label, alerts, delivered, feedback, since, until))

    def _alerts(self, channel_names: set[str], since: datetime) -> list[Alert]:
        found: list[Alert] = []

        def apply(key: bytes | None, value: bytes | None, partition: int, offset: int) -> None:
            if value is None or (key is not None and key.decode("utf-8", "replace")
                                 not in channel_names):
                return
            try:
                alert = parse_any_alert(value)
            except SchemaError:
                return  # dead-lettered by the notifier already
            if isinstance(alert, Alert) and alert.channel in channel_names:
                found.append(alert)

        consumer = self.clients.consumer("newswatch-summary")
        try:
            read_since(consumer, self.topics.alerts, since, apply, where="summary")
        finally:
            consumer.close()
        return found

    def _delivered(self, alert_ids: set[str]) -> set[str]:
        delivered: set[str] = set()

        def apply(key: bytes | None, value: bytes | None, partition: int, offset: int) -> None:
            alert_id = (key or b"").decode("utf-8", "replace")
            if alert_id not in alert_ids or value is None:
                return
            try:
                record = Delivery.from_json(value)
            except SchemaError:
                return
            (delivered.add if record.state == "delivered" else delivered.discard)(alert_id)

        reader = CompactedTopicReader(self.clients.consumer("newswatch-summary-ledger"),
                                      self.topics.deliveries, where="summary")
        try:
            reader.load(apply)
        finally:
            reader.close()
        return delivered
