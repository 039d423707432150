"""Building the report from routed events: tallies, days, stories, what dedup absorbed.

The builder keeps the alerts and the absorbed events (the report lists them) and counters;
it never keeps articles, so its memory follows the number of alerts, not of articles.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from ...schemas.rules import RulesFile
from .model import (
    AbsorbedRecord,
    AlertRecord,
    DayCount,
    StoryRecord,
    Tally,
)
from .routing import Routed

DEFAULT_TOP = 10


class ReportBuilder:
    """Accumulates routed events for one rules file."""

    def __init__(self, rules: RulesFile) -> None:
        self.rules = rules
        self.alerts: dict[str, AlertRecord] = {}  # by id: a redelivered article re-raises it
        self.absorbed: list[AbsorbedRecord] = []
        self.events = 0
        self.events_watched = 0

    def add(self, routed: Iterable[Routed]) -> None:
        for item in routed:
            self.events += 1
            self.events_watched += bool(item.watches)
            for alert in item.alerts:
                self.alerts.setdefault(alert.id, AlertRecord.from_alert(alert))
            for held in item.absorbed:
                event = held.event
                self.absorbed.append(AbsorbedRecord(
                    watch=held.watch, channel=held.channel,
                    parent_alert_id=held.parent_alert_id, company=event.company,
                    event_type=event.event_type, article_id=event.article_id,
                    title=item.article.title, link=item.article.link,
                    source=item.article.source, event_time=event.event_time))

    @property
    def alert_list(self) -> list[AlertRecord]:
        return list(self.alerts.values())

    def tallies(self, by: str) -> list[Tally]:
        """Per watch (``by="watch"``) or per channel, every configured one listed."""
        names = ([w.name for w in self.rules.watches] if by == "watch" else
                 list(dict.fromkeys(s.channel for w in self.rules.watches
                                    for s in w.subscriptions)))
        kinds: dict[str, Counter[str]] = defaultdict(Counter)
        for alert in self.alerts.values():
            kinds[getattr(alert, by)][alert.kind] += 1
        absorbed = Counter(getattr(a, by) for a in self.absorbed)
        names += sorted(set(kinds) - set(names))
        return [Tally(name=n, alerts=sum(kinds[n].values()), new=kinds[n]["new"],
                      followups=kinds[n]["followup"], updates=kinds[n]["update"],
                      absorbed=absorbed[n]) for n in names]

    def per_day(self) -> list[DayCount]:
        counts = Counter((a.event_time.date(), a.watch) for a in self.alerts.values())
        return [DayCount(day=day, watch=watch, alerts=n)
                for (day, watch), n in sorted(counts.items())]

    def stories(self, top: int = DEFAULT_TOP) -> list[StoryRecord]:
        """The stories with the most articles (alerts and absorbed copies), with evidence."""
        members: dict[str, list[AlertRecord]] = defaultdict(list)
        for alert in self.alerts.values():
            members[alert.story_id].append(alert)
        absorbed: dict[str, list[AbsorbedRecord]] = defaultdict(list)
        for held in self.absorbed:
            if held.parent_alert_id is not None:
                absorbed[held.parent_alert_id].append(held)
        stories = []
        for story_id, alerts in members.items():
            first = next((a for a in alerts if a.id == story_id), None)
            if first is None:
                continue  # its first alert is before the range: not a story of this run
            copies = absorbed.get(story_id, [])
            sources = [a.source or "?" for a in alerts] + [c.source or "?" for c in copies]
            last = max([a.event_time for a in alerts] + [c.event_time for c in copies])
            stories.append(StoryRecord(
                first=first, followups=sum(a.kind == "followup" for a in alerts),
                updates=sum(a.kind == "update" for a in alerts), absorbed=len(copies),
                articles=len(alerts) + len(copies), sources=list(dict.fromkeys(sources)),
                last_seen=last))
        stories.sort(key=lambda s: (-s.articles, s.first.event_time, s.first.id))
        return stories[:top]
