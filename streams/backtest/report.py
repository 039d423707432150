"""Building the report from routed events: tallies, days, stories, what dedup absorbed.

Memory follows the routing state, not the range: counts are kept for everything, alert
and absorbed records are listed up to ``max_listed``, a redelivered article is recognised
for as long as the router remembers its story, and a story is kept open only while the
router could still add to it (``MAX_STORY_AGE``); a finished story either makes the
running top list or is dropped.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ...schemas.rules import RulesFile
from ..routing.stories import MAX_STORY_AGE
from .model import AbsorbedRecord, AlertRecord, DayCount, StoryRecord, Tally
from .routing import Routed

DEFAULT_TOP = 10
MAX_LISTED = 10_000
# A story the router has pruned cannot grow; a day more covers articles routed late.
STORY_HORIZON = MAX_STORY_AGE + timedelta(days=1)
EVICT_EVERY = 2_000  # events between sweeps of finished stories


class RecentIds:
    """Alert ids seen within ``horizon`` of the newest time: the router re-raises the same
    alert for a redelivered article only while it remembers the story, so no longer."""

    def __init__(self, horizon: timedelta = STORY_HORIZON) -> None:
        self.horizon = horizon
        self._ids: set[str] = set()
        self._order: deque[tuple[datetime, str]] = deque()

    def add(self, alert_id: str, when: datetime) -> bool:
        """True when ``alert_id`` is new."""
        while self._order and self._order[0][0] < when - self.horizon:
            self._ids.discard(self._order.popleft()[1])
        if alert_id in self._ids:
            return False
        self._ids.add(alert_id)
        self._order.append((when, alert_id))
        return True


@dataclass
class _Story:
    first: AlertRecord
    followups: int = 0
    updates: int = 0
    absorbed: int = 0
    sources: dict[str, None] = field(default_factory=dict)
    last_seen: datetime | None = None

    def record(self) -> StoryRecord:
        return StoryRecord(first=self.first, followups=self.followups, updates=self.updates,
                           absorbed=self.absorbed,
                           articles=1 + self.followups + self.updates + self.absorbed,
                           sources=list(self.sources),
                           last_seen=self.last_seen or self.first.event_time)


def _rank(story: StoryRecord) -> tuple[int, datetime, str]:
    return (-story.articles, story.first.event_time, story.first.id)


class ReportBuilder:
    """Accumulates routed events for one rules file."""

    def __init__(self, rules: RulesFile, *, max_listed: int = MAX_LISTED,
                 top: int = DEFAULT_TOP) -> None:
        self.rules = rules
        self.max_listed = max_listed
        self.top = top
        self.listed: list[AlertRecord] = []
        self.absorbed: list[AbsorbedRecord] = []
        self.alerts = 0
        self.absorbed_count = 0
        self.kinds: Counter[str] = Counter()
        self.by_watch: dict[str, Counter[str]] = {}
        self.by_channel: dict[str, Counter[str]] = {}
        self.days: Counter[tuple[date, str]] = Counter()
        self.events = 0
        self.events_watched = 0
        self._seen = RecentIds()
        self._open: dict[str, _Story] = {}
        self._best: list[StoryRecord] = []
        self._since_sweep = 0

    def add(self, routed: Iterable[Routed]) -> list[AlertRecord]:
        """Count routed events; return the alerts they raised for the first time."""
        fresh: list[AlertRecord] = []
        for item in routed:
            self.events += 1
            self.events_watched += bool(item.watches)
            when = item.event.event_time
            for alert in item.alerts:
                if self._seen.add(alert.id, when):
                    fresh.append(self._count(AlertRecord.from_alert(alert)))
            for held in item.absorbed:
                if self._seen.add(f"absorbed|{held.watch}|{held.channel}|{item.event.id}",
                                  when):
                    self._absorb(item, held.watch, held.channel, held.parent_alert_id)
            self._since_sweep += 1
            # A sweep reads every open story: at most once per a quarter as many events as
            # are open, so its cost per event stays constant however many stories a busy
            # range holds, and finished stories wait at most that long to be let go.
            if self._since_sweep >= max(EVICT_EVERY, len(self._open) // 4):
                self._sweep(when)
        return fresh

    def _count(self, record: AlertRecord) -> AlertRecord:
        # An edit is a stage update the thread's reply cap kept out of the thread (the first
        # message is edited, nothing posted): counted with the updates.
        kind = "update" if record.kind == "edit" else record.kind
        self.alerts += 1
        self.kinds[kind] += 1
        self.by_watch.setdefault(record.watch, Counter())[kind] += 1
        self.by_channel.setdefault(record.channel, Counter())[kind] += 1
        self.days[(record.event_time.date(), record.watch)] += 1
        if len(self.listed) < self.max_listed:
            self.listed.append(record)
        if record.kind == "new":
            self._open[record.id] = _Story(record, sources={record.source or "?": None},
                                           last_seen=record.event_time)
        elif (story := self._open.get(record.story_id)) is not None:
            story.followups += record.kind == "followup"
            story.updates += kind == "update"
            story.sources.setdefault(record.source or "?", None)
            story.last_seen = max(story.last_seen or record.event_time, record.event_time)
        return record

    def _absorb(self, item: Routed, watch: str, channel: str, parent: str | None) -> None:
        self.absorbed_count += 1
        self.by_watch.setdefault(watch, Counter())["absorbed"] += 1
        self.by_channel.setdefault(channel, Counter())["absorbed"] += 1
        event = item.event
        if parent is not None and (story := self._open.get(parent)) is not None:
            story.absorbed += 1
            story.sources.setdefault(item.article.source or "?", None)
            story.last_seen = max(story.last_seen or event.event_time, event.event_time)
        if len(self.absorbed) < self.max_listed:
            self.absorbed.append(AbsorbedRecord.model_construct(
                watch=watch, channel=channel, parent_alert_id=parent, company=event.company,
                event_type=event.event_type, article_id=event.article_id,
                title=item.article.title, link=item.article.link, source=item.article.source,
                event_time=event.event_time))

    def _sweep(self, now: datetime | None) -> None:
        """Move stories the router can no longer add to into the running top list."""
        self._since_sweep = 0
        done = [k for k, s in self._open.items()
                if now is None or (s.last_seen or s.first.event_time) < now - STORY_HORIZON]
        self._best.extend(self._open.pop(k).record() for k in done)
        self._best.sort(key=_rank)
        del self._best[self.top:]

    def tallies(self, by: str) -> list[Tally]:
        """Per watch (``by="watch"``) or per channel, every configured one listed."""
        names = ([w.name for w in self.rules.watches] if by == "watch" else
                 list(dict.fromkeys(s.channel for w in self.rules.watches
                                    for s in w.subscriptions)))
        counts = self.by_watch if by == "watch" else self.by_channel
        names += sorted(set(counts) - set(names))
        empty: Counter[str] = Counter()
        rows = []
        for name in names:
            c = counts.get(name, empty)
            rows.append(Tally(name=name, alerts=c["new"] + c["followup"] + c["update"],
                              new=c["new"], followups=c["followup"], updates=c["update"],
                              absorbed=c["absorbed"]))
        return rows

    def per_day(self) -> list[DayCount]:
        return [DayCount(day=day, watch=watch, alerts=n)
                for (day, watch), n in sorted(self.days.items())]

    def stories(self) -> list[StoryRecord]:
        """The stories with the most articles (alerts and absorbed copies), with evidence."""
        self._sweep(None)
        return list(self._best)

    def notes(self) -> list[str]:
        out = []
        if self.alerts > len(self.listed):
            out.append(f"{self.alerts - len(self.listed)} of {self.alerts} alerts are counted "
                       f"but not listed (--max-listed {self.max_listed})")
        if self.absorbed_count > len(self.absorbed):
            out.append(f"{self.absorbed_count - len(self.absorbed)} absorbed events are "
                       f"counted but not listed (--max-listed {self.max_listed})")
        return out
