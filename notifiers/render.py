"""Turn an ``Alert`` into a Slack message: Block Kit, a plain-text fallback, metadata.

Everything that came from a feed (title, evidence, names the extractor found) is
untrusted and goes through ``notifiers.escape``; only mentions configured on the
subscription become ``<!here>``/``<@U…>``. Every piece has a character budget, and
``enforce_limits`` cuts whatever still exceeds Slack's limits, so rendering never fails.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from ..schemas.alert import Alert
from ..schemas.digest import DigestAlert
from ..schemas.event import CompanyEvent
from .alert_ref import FEEDBACK_BLOCK_ID, MUTE_STORY_ACTION, AlertRef
from .escape import (
    clean,
    cut_mrkdwn,
    emphasise,
    fit_plain,
    link,
    untrusted,
)

log = logging.getLogger(__name__)

METADATA_EVENT_TYPE = "newswatch_alert"
MAX_BLOCKS = 50
MAX_SECTION = 3_000
MAX_FIELD = 2_000
MAX_FIELDS = 10
MAX_HEADER = 150
MAX_CONTEXT_ELEMENTS = 10
MAX_TEXT = 40_000
FALLBACK_CHARS = 3_000
TITLE_CHARS = 300
EVIDENCE_CHARS = 700
MAX_EVIDENCE = 3
VALUE_CHARS = 300

EVENT_WORDS = {
    "executive_hire": "executive hire",
    "executive_departure": "executive departure",
    "layoffs": "layoffs",
    "acquisition": "acquisition",
    "investment": "investment",
    "product_launch": "product launch",
    "launch_delay": "launch delayed",
    "partnership": "partnership",
    "legal": "legal action",
}
_ACQUIRER = {
    None: "acquisition of {cp}", "rumored": "rumoured to acquire {cp}",
    "talks": "in talks to acquire {cp}", "announced": "to acquire {cp}",
    "completed": "acquires {cp}", "terminated": "calls off acquisition of {cp}",
}
_TARGET = {
    None: "acquisition by {cp}", "rumored": "rumoured target of {cp}",
    "talks": "in acquisition talks with {cp}", "announced": "to be acquired by {cp}",
    "completed": "acquired by {cp}", "terminated": "acquisition by {cp} called off",
}
_STAGE_ONLY = {
    "rumored": "acquisition rumoured", "talks": "acquisition talks",
    "announced": "acquisition announced", "completed": "acquisition completed",
    "terminated": "acquisition called off",
}
_MENTION_ID = re.compile(r"^[UWS][A-Z0-9]{2,}$")


@dataclass(frozen=True)
class SlackMessage:
    """What goes to ``chat.postMessage``/``chat.update``/a webhook."""

    text: str
    blocks: list[dict[str, Any]]
    metadata: dict[str, Any]


def headline(event: CompanyEvent) -> str:
    """``"<company>: <what happened>"`` in words, e.g. ``"Meta Platforms: launch delayed"``;
    a brand named instead of the company shows beside it: ``"Meta (Instagram): ..."``."""
    return f"{_company(event)}: {event_phrase(event)}"


def _company(event: CompanyEvent) -> str:
    if event.brand and event.brand != event.company:
        return f"{clean(event.company)} ({clean(event.brand)})"
    return clean(event.company)


def event_phrase(event: CompanyEvent) -> str:
    """What happened, without the company: ``"in talks to acquire Perplexity AI"``."""
    cp, person, amount = clean(event.counterparty), _people(event), clean(event.amount)
    kind, role = event.event_type, event.role
    if kind == "acquisition":
        table = _TARGET if role == "target" else _ACQUIRER
        if cp:
            return table[event.stage].format(cp=cp)
        return _STAGE_ONLY.get(event.stage or "", "acquisition")
    if kind == "investment":
        if role == "recipient":
            raised = f"raises {amount}" if amount else "raises funding"
            return f"{raised} from {cp}" if cp else raised
        if cp:
            return f"invests {amount} in {cp}" if amount else f"invests in {cp}"
        return f"investment of {amount}" if amount else "investment"
    if kind == "executive_hire" and person:
        return f"hires {person} from {cp}" if cp else f"hires {person}"
    if kind == "executive_departure" and person:
        leave = "leave" if len(event.people) > 1 else "leaves"
        return f"{person} {leave} for {cp}" if cp else f"{person} {leave}"
    if kind == "partnership" and cp:
        return f"partnership with {cp}"
    if kind == "legal" and cp:
        return {"plaintiff": f"sues {cp}", "defendant": f"sued by {cp}"}.get(
            role or "", f"legal action involving {cp}"
        )
    return EVENT_WORDS[kind]


def _people(event: CompanyEvent) -> str:
    """"Jane Roe", or "Jane Roe, John Poe and Mary Major" when one sentence names several."""
    names = [clean(p) for p in event.people if clean(p)] or [clean(event.person)]
    if len(names) < 2:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def mention_markup(mentions: list[str]) -> list[str]:
    """Slack syntax for the configured mentions; anything else is dropped, not passed on."""
    return _mentions(mentions, plain=False)


def mention_plain(mentions: list[str]) -> list[str]:
    """The same mentions as a terminal shows them (``@here``, ``@U123``)."""
    return _mentions(mentions, plain=True)


def _mentions(mentions: list[str], *, plain: bool) -> list[str]:
    out: list[str] = []
    for value in mentions:
        if value in ("here", "channel", "everyone"):
            out.append(f"@{value}" if plain else f"<!{value}>")
        elif _MENTION_ID.match(value):
            out.append(f"@{value}" if plain else
                       f"<!subteam^{value}>" if value[0] == "S" else f"<@{value}>")
        else:
            log.warning("ignoring mention %r: not here/channel/everyone or a user/group id",
                        clean(value)[:40])
    return out


def metadata_for(alert: Alert | DigestAlert) -> dict[str, Any]:
    """Message metadata that lets newswatch find its own post again after a crash."""
    if isinstance(alert, DigestAlert):  # a digest is many stories: no facts of one alert
        return {"event_type": METADATA_EVENT_TYPE,
                "event_payload": {"alert_id": alert.id, "kind": alert.kind}}
    return {
        "event_type": METADATA_EVENT_TYPE,
        # The alert's own facts too, so a 👍 on it becomes feedback without a lookup.
        "event_payload": {**AlertRef.of(alert).to_metadata(), "kind": alert.kind},
    }


def render_alert(alert: Alert, *, updated: bool = False, feedback: bool = False) -> SlackMessage:
    """The channel message for an alert (also the new text of a story's edited message);
    ``feedback`` adds the buttons the Slack app (``newswatch slack``) answers."""
    template = alert.template or "default"
    mentions = mention_markup(alert.mentions)
    blocks: list[dict[str, Any]] = []
    if mentions:
        blocks.append(_section(" ".join(mentions)))
    event = alert.event
    title = link(event.article_link, event.article_title or "(untitled)", TITLE_CHARS)
    if template == "compact":
        blocks.append(_section(f"*{untrusted(headline(event), MAX_HEADER)}* · {title}"))
    else:
        blocks.append({"type": "header",
                       "text": {"type": "plain_text", "text": fit_plain(headline(event),
                                                                        MAX_HEADER)}})
        blocks.append(_section(title))
        evidence = emphasised_evidence(event, MAX_EVIDENCE)
        if evidence:
            blocks.append(_section(evidence))
        fields = _fields(event)
        if fields:
            blocks.append({"type": "section", "fields": fields})
    context = _context(alert)
    if updated:
        stage = f": stage now *{untrusted(event.stage, 40)}*" if event.stage else ""
        context.insert(0, f"Updated{stage}")
    blocks.append(_context_block(context))
    value = AlertRef.of(alert).to_value() if feedback else None
    if value is not None:
        blocks.append(_feedback_actions(value))
    text = _fallback(alert, mentions)
    return enforce_limits(SlackMessage(text=text, blocks=blocks, metadata=metadata_for(alert)))


def render_reply(alert: Alert) -> SlackMessage:
    """The thread reply for a follow-up article or a stage change on a story."""
    event = alert.event
    title = link(event.article_link, event.article_title or "(untitled)", TITLE_CHARS)
    if alert.kind == "update":
        stage = f"stage is now *{untrusted(event.stage, 40)}*" if event.stage else "story updated"
        lead = f"Update: {stage} · {title}"
    else:
        lead = f"Another source: {title}"
    blocks = [_section(lead)]
    evidence = emphasised_evidence(event, 1)
    if evidence:
        blocks.append(_section(evidence))
    blocks.append(_context_block(_context(alert)))
    text = cut_mrkdwn(f"{untrusted(headline(event), MAX_HEADER)}: {lead}", FALLBACK_CHARS)
    return enforce_limits(SlackMessage(text=text, blocks=blocks, metadata=metadata_for(alert)))


def render_console(alert: Alert) -> str:
    """Readable plain text for a terminal (control characters stripped, nothing escaped)."""
    event = alert.event
    lines = [f"[{clean(alert.channel)}] {fit_plain(headline(event), 200)}"
             + (f"  ({alert.kind})" if alert.kind != "new" else "")]
    mentions = mention_plain(alert.mentions)
    if mentions:
        lines.append(f"  Notify:   {' '.join(mentions)}")
    lines.append(f"  Title:    {fit_plain(clean(event.article_title) or '(untitled)', 300)}")
    if event.article_link:
        lines.append(f"  Link:     {fit_plain(clean(event.article_link), 500)}")
    for sentence in event.evidence[:MAX_EVIDENCE]:
        lines.append(f"  Evidence: {fit_plain(clean(sentence), EVIDENCE_CHARS)}")
    details = [f"{name}: {value}" for name, value in _details(event)]
    if details:
        lines.append("  Details:  " + "; ".join(details))
    source = clean(event.source) or "unknown source"
    when = event.published.strftime("%Y-%m-%d %H:%M UTC") if event.published else "undated"
    lines.append(f"  Source:   {fit_plain(source, 100)}, {when} · watch {clean(alert.watch)}")
    return "\n".join(lines)


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _context_block(elements: list[str]) -> dict[str, Any]:
    return {"type": "context",
            "elements": [{"type": "mrkdwn", "text": e} for e in elements[:MAX_CONTEXT_ELEMENTS]]}


def _feedback_actions(value: str) -> dict[str, Any]:
    buttons = [("newswatch_useful", "Useful"), ("newswatch_not_relevant", "Not relevant"),
               ("newswatch_wrong_company", "Wrong company"),
               (MUTE_STORY_ACTION, "Mute story 24h")]
    return {"type": "actions", "block_id": FEEDBACK_BLOCK_ID, "elements": [
        {"type": "button", "action_id": action, "value": value,
         "text": {"type": "plain_text", "text": label}} for action, label in buttons]}


def emphasised_evidence(event: CompanyEvent, count: int) -> str:
    """Up to ``count`` evidence sentences as quotes, trigger words in bold."""
    quotes = [f"> {emphasise(s, event.triggers, EVIDENCE_CHARS)}"
              for s in event.evidence[:count] if clean(s)]
    return "\n".join(quotes)


def _details(event: CompanyEvent) -> list[tuple[str, str]]:
    role = f" ({event.role.replace('_', ' ')})" if event.role else ""
    pairs = [("Company", f"{_company(event)}{role}")]
    if event.counterparty:
        pairs.append(("Counterparty", clean(event.counterparty)))
    if event.person:
        pairs.append(("People" if len(event.people) > 1 else "Person", _people(event)))
    if event.product:
        pairs.append(("Product", clean(event.product)))
    if event.amount:
        pairs.append(("Amount", clean(event.amount)))
    if event.stage:
        pairs.append(("Stage", event.stage))
    pairs.append(("Confidence", f"{event.confidence:.0%}"))
    return pairs


def _fields(event: CompanyEvent) -> list[dict[str, Any]]:
    return [{"type": "mrkdwn", "text": f"*{name}*\n{untrusted(value, VALUE_CHARS)}"}
            for name, value in _details(event)][:MAX_FIELDS]


def _context(alert: Alert) -> list[str]:
    event = alert.event
    parts = [f"Source: {untrusted(event.source or 'unknown', 100)}"]
    if event.published is not None:
        epoch = int(event.published.timestamp())
        fallback = event.published.strftime("%Y-%m-%d %H:%M UTC")
        parts.append(f"Published <!date^{epoch}^{{date_short_pretty}} {{time}}|{fallback}>")
    parts.append(f"Watch: {untrusted(alert.watch, 100)}")
    return parts


def _fallback(alert: Alert, mentions: list[str]) -> str:
    event = alert.event
    prefix = " ".join(mentions) + " " if mentions else ""
    body = f"{untrusted(headline(event), MAX_HEADER)}: " + link(
        event.article_link, event.article_title or "(untitled)", TITLE_CHARS
    )
    return prefix + cut_mrkdwn(body, FALLBACK_CHARS - len(prefix))


def enforce_limits(message: SlackMessage) -> SlackMessage:
    """Cut anything still over Slack's limits; the last resort, so posting never fails."""
    blocks: list[dict[str, Any]] = []
    for block in message.blocks:
        block = dict(block)
        if block["type"] == "header":
            block["text"] = {**block["text"], "text": fit_plain(block["text"]["text"], MAX_HEADER)}
        elif block["type"] == "section":
            if "text" in block:
                block["text"] = {**block["text"],
                                 "text": cut_mrkdwn(block["text"]["text"], MAX_SECTION)}
            if "fields" in block:
                block["fields"] = [{**f, "text": cut_mrkdwn(f["text"], MAX_FIELD)}
                                   for f in block["fields"][:MAX_FIELDS]]
        elif block["type"] == "context":
            block["elements"] = [{**e, "text": cut_mrkdwn(e["text"], MAX_FIELD)}
                                 for e in block["elements"][:MAX_CONTEXT_ELEMENTS]]
        blocks.append(block)
    if len(blocks) > MAX_BLOCKS:
        blocks = [*blocks[: MAX_BLOCKS - 1], _context_block(["(message shortened)"])]
    text = cut_mrkdwn(message.text, MAX_TEXT)
    return SlackMessage(text=text, blocks=blocks, metadata=message.metadata)
