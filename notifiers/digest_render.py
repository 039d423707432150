"""Digests as Slack messages: one message grouped by company and event type, with links.

A short digest carries its evidence inline. A long one (``DigestAlert.parts > 1``) shows a
few stories per group in the channel message and says how many more are in its thread;
the later parts are that thread, each a slice of the stories with their evidence. Feed
text is escaped like any alert's; only configured mentions become markup.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from itertools import groupby
from typing import Any

from ..schemas.digest import DigestAlert, DigestEntry
from .escape import clean, cut_mrkdwn, fit_plain, link, untrusted
from .render import (
    EVENT_WORDS,
    FALLBACK_CHARS,
    MAX_HEADER,
    TITLE_CHARS,
    SlackMessage,
    emphasised_evidence,
    enforce_limits,
    event_phrase,
    mention_markup,
    metadata_for,
)

LINES_PER_GROUP = 5
"""Stories shown per (company, event type) in a long digest's channel message."""
MAX_SOURCES_SHOWN = 3
_HELD_WORDS = {"schedule": "on schedule", "quiet_hours": "held over quiet hours",
               "budget": "over the channel's budget"}
_KIND_NOTES = {"followup": "more on an earlier alert", "update": "update on an earlier alert",
               "edit": "update on an earlier alert"}


def render_digest(alert: DigestAlert) -> SlackMessage:
    """Part 0: the grouped channel message; later parts: the details in its thread."""
    blocks: list[dict[str, Any]] = []
    if alert.part == 0:
        mentions = mention_markup(alert.mentions)
        if mentions:
            blocks.append(_section(" ".join(mentions)))
        title = f"Digest: {_stories(alert.total_entries)}"
        blocks.append({"type": "header",
                       "text": {"type": "plain_text", "text": fit_plain(title, MAX_HEADER)}})
        blocks.append(_context([_period(alert), _held(alert.entries)]))
        detailed = alert.parts == 1
        for company, entries in _by_company(alert.entries):
            blocks.append(_section(_company_section(company, entries, detailed=detailed)))
        if not detailed:
            replies = alert.parts - 1
            blocks.append(_context([f"Every story with its evidence is in the thread "
                                    f"({replies} repl{'y' if replies == 1 else 'ies'})."]))
        prefix = " ".join(mentions) + " " if mentions else ""
        text = prefix + cut_mrkdwn(f"{title}: " + ", ".join(
            f"{untrusted(c, 60)} ({len(e)})" for c, e in _by_company(alert.entries)),
            FALLBACK_CHARS - len(prefix))
    else:
        blocks.append(_context([f"Details {alert.part}/{alert.parts - 1}"]))
        for company, entries in _by_company(alert.entries):
            blocks.append(_section(_company_section(company, entries, detailed=True)))
        text = cut_mrkdwn(f"Digest details {alert.part}/{alert.parts - 1}: "
                          + _stories(len(alert.entries)), FALLBACK_CHARS)
    return enforce_limits(SlackMessage(text=text, blocks=blocks, metadata=metadata_for(alert)))


def render_digest_console(alert: DigestAlert) -> str:
    """Readable plain text for a terminal."""
    head = (f"[{clean(alert.channel)}] Digest: {_stories(alert.total_entries)}"
            if alert.part == 0 else
            f"[{clean(alert.channel)}] Digest details {alert.part}/{alert.parts - 1}")
    lines = [head]
    for company, entries in _by_company(alert.entries):
        lines.append(f"  {fit_plain(clean(company), 100)}")
        for event_type, group in groupby(entries, key=lambda e: e.event.event_type):
            for entry in group:
                event = entry.event
                note = f" ({_KIND_NOTES[entry.kind]})" if entry.kind in _KIND_NOTES else ""
                lines.append(f"    {EVENT_WORDS[event_type]}: "
                             f"{fit_plain(event_phrase(event), 150)}{note}")
                lines.append(f"      {fit_plain(clean(event.article_title), 200)}"
                             + (f" <{fit_plain(clean(event.article_link), 300)}>"
                                if event.article_link else ""))
    return "\n".join(lines)


def _by_company(entries: list[DigestEntry]) -> list[tuple[str, list[DigestEntry]]]:
    """Companies with the most stories first; within each, event types together."""
    grouped: dict[str, list[DigestEntry]] = {}
    for entry in entries:
        grouped.setdefault(entry.event.company, []).append(entry)
    ordered = sorted(grouped.items(), key=lambda kv: (-len(kv[1]), kv[0].casefold()))
    return [(company, sorted(items, key=lambda e: (e.event.event_type, e.event.event_time)))
            for company, items in ordered]


def _company_section(company: str, entries: list[DigestEntry], *, detailed: bool) -> str:
    lines = [f"*{untrusted(company, 100)}*"]
    for event_type, group in groupby(entries, key=lambda e: e.event.event_type):
        items = list(group)
        lines.append(f"_{EVENT_WORDS[event_type]}_ ({len(items)})")
        shown = items if detailed else items[:LINES_PER_GROUP]
        for entry in shown:
            lines.append(_story_line(entry, detailed=detailed))
        if len(shown) < len(items):
            lines.append(f"   …and {len(items) - len(shown)} more in the thread")
    return "\n".join(lines)


def _story_line(entry: DigestEntry, *, detailed: bool) -> str:
    event = entry.event
    title = link(event.article_link, event.article_title or "(untitled)", TITLE_CHARS)
    what = event_phrase(event)
    # "layoffs: <title>" under a "layoffs" heading says nothing; "to acquire X: <title>" does.
    lead = "" if what == EVENT_WORDS[event.event_type] else f"{untrusted(what, 200)}: "
    parts = [f"• {lead}{title}"]
    if event.source:
        parts.append(f"({untrusted(event.source, 60)})")
    note = _KIND_NOTES.get(entry.kind)
    if note:
        parts.append(f"· _{note}_")
    line = " ".join(parts)
    more = len(entry.sources) + entry.more_sources
    if detailed:
        evidence = emphasised_evidence(event, 1)
        if evidence:
            line += "\n" + evidence
        if entry.sources:
            shown = [link(s.link, s.source or s.title or "source", 80)
                     for s in entry.sources[:MAX_SOURCES_SHOWN]]
            rest = more - len(shown)
            line += "\n   also: " + ", ".join(shown) + (f" and {rest} more" if rest > 0 else "")
    elif more:
        line += f" +{more} source{'s' if more > 1 else ''}"
    return line


def _period(alert: DigestAlert) -> str:
    return f"{_when(alert.period_start)} – {_when(alert.period_end)}"


def _when(moment: datetime) -> str:
    fallback = moment.strftime("%Y-%m-%d %H:%M UTC")
    return f"<!date^{int(moment.timestamp())}^{{date_short_pretty}} {{time}}|{fallback}>"


def _held(entries: list[DigestEntry]) -> str:
    counts = Counter(e.held for e in entries)
    return " · ".join(f"{n} {_HELD_WORDS[reason]}" for reason, n in sorted(counts.items()))


def _stories(count: int) -> str:
    return f"{count} stor{'y' if count == 1 else 'ies'}"


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _context(elements: list[str]) -> dict[str, Any]:
    return {"type": "context",
            "elements": [{"type": "mrkdwn", "text": e} for e in elements if e]}
