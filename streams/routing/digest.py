"""Digest entries: how a held alert joins a digest, and how due entries become one.

An entry is one story. Further alerts on a story already waiting add a source to it and
raise its stage; they never make a second line. When entries fall due they are sent as
one digest: part 0 lists every story, grouped by company and event type; a long digest
also gets detail parts, posted in part 0's thread.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from ...schemas.alert import Alert
from ...schemas.base import stable_id
from ...schemas.digest import DigestAlert, DigestEntry, DigestSource, HeldReason
from ...schemas.event import STAGE_RANK

INLINE_ENTRIES = 10
"""Up to this many stories a digest is one message with its evidence inline."""
ENTRIES_PER_PART = 10
"""Stories per detail part in the thread of a longer digest."""
MAX_SOURCES = 5
"""Further articles listed per story; more are counted."""


def entry_for(alert: Alert, held: HeldReason, due: datetime) -> DigestEntry:
    """A new digest entry for a held alert (evidence cut to one sentence: state stays small)."""
    event = alert.event.model_copy(update={"evidence": alert.event.evidence[:1]})
    return DigestEntry(story_id=alert.parent_alert_id or alert.id, watch=alert.watch,
                       event=event, kind=alert.kind, held=held, mentions=list(alert.mentions),
                       due=due)


def merge(entry: DigestEntry, alert: Alert) -> DigestEntry:
    """``entry`` with ``alert``'s article added as a source, at the furthest stage seen."""
    update: dict[str, object] = {}
    stage = alert.event.stage
    if stage and STAGE_RANK.get(stage, -1) > STAGE_RANK.get(entry.event.stage or "", -1):
        update["event"] = entry.event.model_copy(update={"stage": stage})
    event = alert.event
    if len(entry.sources) < MAX_SOURCES:
        update["sources"] = [*entry.sources, DigestSource(
            title=event.article_title, link=event.article_link, source=event.source,
            published=event.published)]
    else:
        update["more_sources"] = entry.more_sources + 1
    return entry.model_copy(update=update)


def digest_order(entries: list[DigestEntry]) -> list[DigestEntry]:
    """Companies with the most stories first, then by event type and time: the order the
    digest reads in, so its detail parts follow the channel message."""
    counts = Counter(e.event.company for e in entries)
    return sorted(entries, key=lambda e: (-counts[e.event.company], e.event.company.casefold(),
                                          e.event.event_type, e.event.event_time, e.story_id))


def build_digest(channel: str, entries: list[DigestEntry]) -> list[DigestAlert]:
    """The parts of one digest of ``entries`` (part 0 first)."""
    ordered = digest_order(entries)
    digest_id = stable_id("digest", channel, *sorted(
        f"{e.watch}|{e.story_id}|{e.event.id}" for e in ordered))
    times = [e.event.event_time for e in ordered]
    mentions = list(dict.fromkeys(m for e in ordered for m in e.mentions))
    details = [] if len(ordered) <= INLINE_ENTRIES else [
        ordered[i:i + ENTRIES_PER_PART] for i in range(0, len(ordered), ENTRIES_PER_PART)]
    parts = 1 + len(details)
    common = dict(digest_id=digest_id, channel=channel, parts=parts,
                  total_entries=len(ordered), period_start=min(times), period_end=max(times))
    return [DigestAlert.model_validate({**common, "part": 0, "entries": ordered,
                                        "mentions": mentions}),
            *(DigestAlert.model_validate({**common, "part": n, "entries": chunk})
              for n, chunk in enumerate(details, start=1))]
