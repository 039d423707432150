"""Checks of values users give (tokens, URLs, durations), defined once for settings and
configs alike.

Each raises ``ValueError`` with a message that never repeats a value that may be a secret.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BeforeValidator, Field

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


_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)?\s*$")
_DURATION_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0,
                   "w": 7 * 86400.0, None: 1.0}


def parse_duration(value: object) -> object:
    """Seconds as a number, or a string such as '90s', '15m', '2h', '1d', '1w'."""
    if isinstance(value, str):
        match = _DURATION.match(value)
        if match is None:
            raise ValueError(f"{value!r} is not a duration (examples: 30s, 15m, 2h, 1d)")
        return float(match.group(1)) * _DURATION_UNITS[match.group(2)]
    return value


Duration = Annotated[float, BeforeValidator(parse_duration), Field(gt=0)]
"""Seconds, written as a number or with a unit in config files."""
