"""Checks of values users give (tokens, URLs, ports, durations), defined once for settings
and configs.

Each raises ``ValueError`` with a message that never repeats the value: it may be a secret
(a token, or a webhook URL whose path is the credential).
"""

from __future__ import annotations

import ipaddress
import re
from typing import Annotated
from urllib.parse import urlsplit, urlunsplit

from pydantic import BeforeValidator, Field

BOT_TOKEN_PREFIX = "xoxb-"
# What Slack's tokens are made of; anything else (a space, a line break pasted along with
# the token) would end up in an HTTP header, where http.client echoes the whole value.
_TOKEN_CHARS = re.compile(r"[A-Za-z0-9-]+")
_WHITESPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f]")
_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def is_http_url(value: str) -> bool:
    """An http or https URL (the scheme in any case, as browsers accept it)."""
    return value[:8].lower().startswith(("http://", "https://"))


def slack_bot_token(value: str, *, what: str = "must be a Slack bot token (xoxb-...)") -> str:
    """The token, checked for shape: a Slack bot token, nothing around it."""
    if value.startswith("xoxp-"):
        raise ValueError("is a user token (xoxp-...): alerts would be posted as that person; "
                         "use the app's bot token (xoxb-...)")
    if not value.startswith(BOT_TOKEN_PREFIX):
        raise ValueError(what)
    if _WHITESPACE_OR_CONTROL.search(value):
        raise ValueError("holds a space or line break: copy the bot token (xoxb-...) alone")
    if not _TOKEN_CHARS.fullmatch(value):
        raise ValueError("holds characters a Slack token never has: copy the bot token "
                         "(xoxb-...) alone")
    return value


def http_url(value: str) -> str:
    """The URL, checked to be http(s)."""
    if not is_http_url(value):
        raise ValueError("must be an http(s) URL")
    return value


def secure_http_url(value: str, *, carries: str) -> str:
    """An http(s) URL that may carry a secret (``carries`` says which), normalised.

    https is required, except to this machine (the test emulator); the scheme may be
    written in any case and comes back lower-case, since not every client accepts
    ``HTTPS://``. Spaces and control characters are refused before any client sees them:
    urllib puts the offending URL into its error message, and the path may be the secret.
    """
    if _WHITESPACE_OR_CONTROL.search(value):
        raise ValueError("holds a space or line break: copy the URL alone")
    if not is_http_url(value):
        raise ValueError("must be an https:// URL")
    parts = urlsplit(value)
    scheme = parts.scheme.lower()
    try:
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        raise ValueError("has a port that is not a number from 1 to 65535") from None
    if not host:
        raise ValueError("has no host name")
    if scheme == "http" and not is_loopback(host):
        raise ValueError(f"uses plain http to another machine, which would send {carries} "
                         "unencrypted: use https://")
    return urlunsplit((scheme, parts.netloc, parts.path, parts.query, parts.fragment))


def is_loopback(host: str) -> bool:
    """True for names and addresses of this machine (localhost, 127.0.0.0/8, ::1)."""
    host = host.strip("[]").lower()
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def port_number(text: str) -> int:
    """A TCP port from its text: a whole number from 1 to 65535."""
    if not text.isdigit():
        raise ValueError("port is not a number")
    port = int(text)
    if not 1 <= port <= 65535:
        raise ValueError("port is outside 1-65535")
    return port


def host_port_list(value: str) -> list[tuple[str, int]]:
    """``host:port[,host:port]`` as pairs; the message names the entry by its position."""
    entries = [e.strip() for e in value.split(",")]
    if not any(entries):
        raise ValueError("is empty: expected host:port[,host:port]")
    pairs = []
    for number, entry in enumerate(entries, start=1):
        where = f"entry {number} of {len(entries)}" if len(entries) > 1 else "the value"
        host, sep, port = entry.rpartition(":")
        if not sep or not host.strip("[]") or _WHITESPACE_OR_CONTROL.search(entry):
            raise ValueError(f"{where} is not host:port (expected host:port[,host:port])")
        try:
            pairs.append((host, port_number(port)))
        except ValueError as exc:
            raise ValueError(f"{where}: {exc}") from None
    return pairs


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
