"""Slack-made subscriptions as text: a listing for people, and rules YAML for review.

``rules_yaml`` writes a complete, valid rules file: the rules file's companies and watches
followed by one watch per Slack subscription, so a team can review what channels set up
and move it into ``rules.yaml``. Mutes are temporary and have no YAML form: they are
listed as comments. Loading the result again must succeed; it is checked before it is
returned, so ``newswatch subscriptions export`` never writes a file the worker would refuse.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import yaml

from ...schemas.rules import RulesFile
from ...schemas.subscriptions import ChannelSubscriptions
from ...schemas.yamlfile import parse_yaml_model
from .changes import company_text, events_text, mute_text


def listing(channels: list[ChannelSubscriptions], now: datetime) -> str:
    """One block per channel: subscriptions, active mutes, and the last change."""
    if not channels:
        return "no channel has subscriptions or mutes made in Slack"
    out: list[str] = []
    for state in channels:
        out.append(f"{state.label} ({state.channel})")
        for sub in state.subscriptions:
            out.append(f"  subscribed: {company_text(sub.company)}: {events_text(sub.events)}, "
                       f"min confidence {sub.min_confidence:.2f} (by {sub.added_by}, "
                       f"{sub.added_at:%Y-%m-%d %H:%M} UTC)")
        for mute in state.active_mutes(now):
            out.append(f"  muted: {mute_text(mute)} until {mute.until:%Y-%m-%d %H:%M} UTC "
                       f"(by {mute.set_by})")
        if not state.subscriptions and not state.active_mutes(now):
            out.append("  (nothing in force)")
        if state.changes:
            last = state.changes[-1]
            out.append(f"  last change: {last.summary} (by {last.by}, "
                       f"{last.at:%Y-%m-%d %H:%M} UTC)")
    return "\n".join(out)


def rules_yaml(rules: RulesFile, channels: list[ChannelSubscriptions], now: datetime, *,
               only_slack: bool = False, source: str = "rules file") -> str:
    """A rules file holding the file's watches (unless ``only_slack``) and the channels'."""
    known = {c.name for c in rules.companies}
    used = {w.name for w in rules.watches} if not only_slack else set()
    watches: list[dict[str, Any]] = []
    skipped: list[str] = []
    for state in channels:
        for sub in state.subscriptions:
            if sub.company != "*" and sub.company not in known:
                skipped.append(f"{state.label}: {sub.company} (not in the {source})")
                continue
            name = _unique(_slug(f"slack-{state.channel_name or state.channel}-{sub.company}"),
                           used)
            watch: dict[str, Any] = {"name": name, "companies": [sub.company],
                                     "events": list(sub.events), "channels": [state.label]}
            if sub.min_confidence != 0.5:
                watch["min_confidence"] = sub.min_confidence
            watches.append(watch)
    referenced = {c for w in watches for c in w["companies"]}
    dumped = rules.model_dump(mode="json", exclude_defaults=True)
    companies = dumped.get("companies", [])
    if only_slack:
        companies = [c for c in companies if c["name"] in referenced or "*" in referenced]
    document = {"companies": companies,
                "watches": ([] if only_slack else dumped.get("watches", [])) + watches}
    header = [f"# Exported by newswatch subscriptions export at {now:%Y-%m-%d %H:%M} UTC.",
              "# Watches named slack-... are subscriptions made in Slack."]
    header += [f"# Left out, company unknown: {s}" for s in skipped]
    mutes = [f"#   {state.label}: {mute_text(m)} until {m.until:%Y-%m-%d %H:%M} UTC"
             for state in channels for m in state.active_mutes(now)]
    if mutes:
        header += ["# Mutes in force (temporary; the rules file has no mutes):", *mutes]
    text = "\n".join(header) + "\n" + yaml.safe_dump(document, sort_keys=False,
                                                     allow_unicode=True, width=100)
    parse_yaml_model(text, RulesFile, name="export", allow_empty=False)  # never write a bad file
    return text


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:80] or "slack"


def _unique(name: str, used: set[str]) -> str:
    candidate, n = name, 2
    while candidate.casefold() in {u.casefold() for u in used}:
        candidate, n = f"{name}-{n}", n + 1
    used.add(candidate)
    return candidate

