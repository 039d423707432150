"""Checks of values users give (tokens, URLs), defined once for settings and configs alike.

Each raises ``ValueError`` with a message that never repeats the value: it may be a secret.
"""

from __future__ import annotations

BOT_TOKEN_PREFIXES = ("xoxb-", "xoxp-")


def is_http_url(value: str) -> bool:
    """An http or https URL (the scheme in any case, as browsers accept it)."""
    return value[:8].lower().startswith(("http://", "https://"))


def slack_bot_token(value: str, *, what: str = "must be a Slack bot token (xoxb-...)") -> str:
    """The token, checked for shape: a Slack bot token, nothing around it."""
    if not value.startswith(BOT_TOKEN_PREFIXES):
        raise ValueError(what)
    return value


def http_url(value: str) -> str:
    """The URL, checked to be http(s)."""
    if not is_http_url(value):
        raise ValueError("must be an http(s) URL")
    return value
