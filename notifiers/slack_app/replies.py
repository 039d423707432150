"""The app's answers, in Block Kit: ephemeral unless they are meant for the channel.

Every reply says exactly what changed, or that nothing did and why. Anything a person
typed is neutralised and escaped before it is echoed (``notifiers.escape``), so a command
cannot make the app ping a channel or plant a link.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from ...schemas.rules import Watch
from ...schemas.subscriptions import ChannelSubscriptions
from ..escape import escape, fit_plain, untrusted
from . import commands
from .changes import Change, company_text, events_text, mute_text

MAX_LINES = 40  # list replies stay well inside Slack's 50 blocks and 3,000-character sections
TEXT = 2_900


@dataclass(frozen=True)
class Reply:
    text: str  # plain fallback (notifications, screen readers)
    blocks: list[dict[str, Any]] = field(default_factory=list)
    response_type: Literal["ephemeral", "in_channel"] = "ephemeral"

    def payload(self) -> dict[str, Any]:
        """The body of a slash-command answer or a ``response_url`` post."""
        return {"response_type": self.response_type, "text": self.text, "blocks": self.blocks,
                "replace_original": False}


def section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:TEXT]}}


def context(text: str) -> dict[str, Any]:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text[:TEXT]}]}


def _reply(headline: str, *more: str, note: str | None = None,
           response_type: Literal["ephemeral", "in_channel"] = "ephemeral") -> Reply:
    blocks = [section(headline), *(section(m) for m in more if m)]
    if note:
        blocks.append(context(note))
    return Reply(fit_plain(_plain(headline), 300), blocks, response_type)


def _plain(mrkdwn: str) -> str:
    return mrkdwn.replace("*", "").replace("&lt;", "<").replace("&gt;", ">").replace(
        "&amp;", "&")


def changed(change: Change, user_id: str) -> Reply:
    return _reply(f":white_check_mark: {escape(change.summary)}.",
                  note=f"Changed by <@{user_id}> · `/newswatch list` shows everything this "
                       "channel receives")


def unchanged(change: Change, extra: str | None = None) -> Reply:
    return _reply(f":information_source: {escape(change.summary)}. Nothing was changed.",
                  escape(extra) if extra else "")


def command_error(error: commands.CommandError) -> Reply:
    if isinstance(error, commands.UnknownCompany):
        return unknown_company(error)
    # Hints are the app's own words (with `code`); the message may quote what was typed.
    hint = escape(error.hint) if error.hint else "`/newswatch help` lists the commands"
    return _reply(f":warning: {untrusted(error.message, 500)}. Nothing was changed.",
                  note=hint[:1].upper() + hint[1:])


def unknown_company(error: commands.UnknownCompany) -> Reply:
    headline = (f":warning: There is no company called *{untrusted(error.name, 100)}* in "
                "the rules file. Nothing was changed.")
    suggestion = ""
    if error.suggestions:
        names = " or ".join(f"*{escape(s)}*" for s in error.suggestions)
        suggestion = f"Did you mean {names}?"
    return _reply(headline, suggestion,
                  note="Companies, aliases and brands are defined in the rules file; ask "
                       "whoever keeps it to add one.")


def refused(reason: str) -> Reply:
    return _reply(f":no_entry: Sorry, {escape(reason)}. Nothing was changed.",
                  note="Admins are the users and user groups in NEWSWATCH_SLACK_ADMINS.")


def not_in_channel(label: str) -> Reply:
    channel = escape(label)
    return _reply(f":wave: newswatch is not in {channel}, so it could not post alerts "
                  f"there. Nothing was changed.",
                  f"Invite it first: type `/invite @newswatch` in {channel}, then run the "
                  "command again.")


def unknown_channel(label: str) -> Reply:
    return _reply(f":warning: newswatch cannot see a channel called {untrusted(label, 100)}. "
                  "Nothing was changed.",
                  note="For a private channel, invite newswatch first (`/invite @newswatch`).")


def failed(what: str = "save the change") -> Reply:
    return _reply(f":x: That did not work: newswatch could not {what} just now. "
                  "Nothing was changed; please try again in a minute.")


def posted(what: str) -> Reply:
    return _reply(f":white_check_mark: {escape(what)}.")


def feedback_thanks(label: str, withdrawn: bool = False) -> Reply:
    if withdrawn:
        return _reply(":ok_hand: Your feedback on this alert was withdrawn.")
    words = {"useful": "useful", "not_relevant": "not relevant",
             "wrong_company": "about the wrong company"}[label]
    return _reply(f":ok_hand: Thanks, noted as *{words}*. It helps measure how well each "
                  "watch does.")


HELP = """*newswatch* sends company news alerts to this channel. Commands:
• `/newswatch subscribe <company> [event types…] [--min-confidence 0.7]` alerts this channel \
about a company from the rules file (`*` for every company: admins only)
• `/newswatch unsubscribe <company|all> [event types…]`
• `/newswatch list`: what this channel receives, and from which watch
• `/newswatch mute <company> <duration>` (e.g. `2h`, `1d`), or one story: \
`/newswatch mute Meta acquisition Perplexity 1d`; `/newswatch unmute <company|all>`
• `/newswatch summary`: last week's alerts and feedback, posted to the channel
Event types: executive hire, executive departure, layoffs, acquisition, investment, \
product launch, launch delay, partnership, legal. On an alert, the buttons or :+1: / :-1: \
tell newswatch whether it was useful."""


def help_reply() -> Reply:
    return _reply(HELP, note="Admins may add `--channel #other` to manage another channel.")


@dataclass(frozen=True)
class ChannelView:
    """What one channel receives: watches of the rules file, its own subscriptions, mutes."""

    label: str
    file_watches: list[Watch]
    state: ChannelSubscriptions | None
    known_companies: frozenset[str]
    now: datetime


def listing(view: ChannelView) -> Reply:
    lines: list[str] = []
    for watch in view.file_watches:
        companies = ", ".join(escape(company_text(c)) for c in watch.companies)
        lines.append(f"• {companies}: {events_text(list(watch.events))} "
                     f"(min confidence {watch.min_confidence:.2f}) · "
                     f"from watch `{escape(watch.name)}` in the rules file")
    state = view.state
    for sub in state.subscriptions if state else []:
        gone = (sub.company != "*" and sub.company not in view.known_companies)
        lines.append(f"• {escape(company_text(sub.company))}: {events_text(list(sub.events))} "
                     f"(min confidence {sub.min_confidence:.2f}) · subscribed in Slack by "
                     f"<@{sub.added_by}> on {sub.added_at:%Y-%m-%d}"
                     + (" · _not in the rules file any more, so nothing arrives_" if gone
                        else ""))
    mutes = state.active_mutes(view.now) if state else []
    label = escape(view.label)
    if not lines:
        body = [f"{label} receives no alerts yet. Try `/newswatch subscribe <company>`."]
    else:
        body = [f"*{label} receives:*", *_cut(lines)]
    if mutes:
        body.append("*Muted:*")
        body.extend(_cut([f"• {escape(mute_text(m))} until {m.until:%Y-%m-%d %H:%M} UTC "
                          f"(by <@{m.set_by}>)" for m in mutes]))
    headline, *rest = _chunks(body)
    return _reply(headline, *rest)


def _cut(lines: list[str]) -> list[str]:
    if len(lines) <= MAX_LINES:
        return lines
    return [*lines[:MAX_LINES], f"…and {len(lines) - MAX_LINES} more "
                                "(`newswatch subscriptions list` shows all)"]


def _chunks(lines: list[str]) -> list[str]:
    """Lines joined into sections under Slack's 3,000 characters each."""
    chunks: list[str] = [""]
    for line in lines:
        if len(chunks[-1]) + len(line) + 1 > TEXT:
            chunks.append("")
        chunks[-1] = f"{chunks[-1]}\n{line}" if chunks[-1] else line
    return chunks


def home_view(channels: list[ChannelSubscriptions], *, admin: bool,
              now: datetime) -> dict[str, Any]:
    """The App Home tab: how to use newswatch; for admins, every channel's own setup."""
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": "newswatch"}}, section(HELP)]
    if admin:
        lines = []
        for state in channels:
            subs = "; ".join(f"{escape(company_text(s.company))} ({events_text(s.events)})"
                             for s in state.subscriptions) or "no subscriptions"
            mutes = state.active_mutes(now)
            muted = f" · muted: {', '.join(escape(mute_text(m)) for m in mutes)}" if mutes else ""
            lines.append(f"• {escape(state.label)}: {subs}{muted}")
        blocks.append({"type": "divider"})
        blocks.append(section("*Channels with subscriptions made in Slack* (you are an admin)"))
        blocks.extend(section(chunk) for chunk in _chunks(_cut(lines) or ["none yet"]))
    else:
        blocks.append(context("In a channel, `/newswatch list` shows what it receives."))
    return {"type": "home", "blocks": blocks[:100]}
