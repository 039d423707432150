"""Can Slack be reached at all? A plain connect to its host, before any API call.

slack_sdk waits out its own timeout and retries before it reports a network failure,
and then says only ``URLError``; a direct connect names the cause at once ("Name or
service not known", "Connection refused", "timed out"). Only the host and port are
ever shown: a webhook URL's path is its secret.
"""

from __future__ import annotations

import socket
import urllib.request
from urllib.parse import urlsplit

from .errors import TransientError


def slack_endpoint(url: str) -> tuple[str, int]:
    """``(host, port)`` of an http(s) URL; the port defaults by scheme."""
    parts = urlsplit(url)
    default = 443 if parts.scheme.lower() == "https" else 80
    return parts.hostname or "", parts.port or default


def through_proxy(url: str) -> bool:
    """True when urllib (and so slack_sdk) would go through a proxy from the environment."""
    parts = urlsplit(url)
    proxies = urllib.request.getproxies()
    return parts.scheme.lower() in proxies and not urllib.request.proxy_bypass(
        parts.hostname or "")


def check_reachable(url: str, *, timeout: float) -> None:
    """Raise ``TransientError(code="unreachable")`` naming host and cause if no TCP
    connection to the URL's host opens within ``timeout`` seconds."""
    if through_proxy(url):
        return  # the proxy decides; the API call that follows will tell
    host, port = slack_endpoint(url)
    try:
        socket.create_connection((host, port), timeout=timeout).close()
    except OSError as exc:
        cause = "timed out" if isinstance(exc, TimeoutError) else (exc.strerror or str(exc))
        raise TransientError(f"cannot reach Slack at {host}:{port} ({cause})",
                             code="unreachable") from None
