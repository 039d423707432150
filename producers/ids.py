"""Stable article ids: trustworthy GUID, else canonical link, else title + date.

The id never depends on the summary or body, so a story re-published with an edited
summary keeps its id and is not sent again.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..schemas.base import stable_id

#: Query parameters that only track the click, never select the content.
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "igshid", "twclid", "ttclid",
    "mc_cid", "mc_eid", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id",
    "wickedid", "rb_clickid", "s_cid", "ncid", "cmpid", "ocid", "sr_share", "ref_src",
    "ref_url", "__twitter_impression", "_ga", "_gl", "spm",
})
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_")

_DEFAULT_PORTS = {"http": "80", "https": "443"}
_BARE_GUID = re.compile(r"^[\W\d_]*$")  # digits/punctuation only: "1", "2024-01-05", "#3"
MIN_GUID_LENGTH = 8


def is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def canonical_url(url: str) -> str | None:
    """The link as an identity: http(s) only, host lower-cased, default port, fragment and
    tracking parameters dropped, remaining parameters sorted. None when not an http(s) URL."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    host = parts.hostname.rstrip(".")
    if port is not None and str(port) != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not is_tracking_param(k)
    )
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def link_key(url: str) -> str | None:
    """Identity of a link: the canonical URL without its scheme, so a site moving from
    http to https does not re-publish its whole archive."""
    canonical = canonical_url(url)
    return canonical.split("://", 1)[1] if canonical else None


def trustworthy_guid(guid: str | None, duplicated: bool = False) -> bool:
    """A GUID is trusted when it is present, not a bare number or date, long enough to be
    unique, and not shared by several entries of the same document."""
    if guid is None or duplicated:
        return False
    guid = guid.strip()
    return len(guid) >= MIN_GUID_LENGTH and not _BARE_GUID.match(guid)


def article_id(
    *,
    feed_id: str,
    guid: str | None,
    link: str | None,
    title: str,
    published: str | None,
    guid_duplicated: bool = False,
) -> str:
    """The stable id of one entry; ``published`` is the feed's own date (ISO) or None."""
    if trustworthy_guid(guid, guid_duplicated):
        assert guid is not None
        # Many GUIDs are permalinks: give them the same id the link would get.
        as_link = link_key(guid) if guid.strip().lower().startswith(("http:", "https:")) else None
        if as_link:
            return stable_id("link", as_link)
        return stable_id("guid", guid.strip())
    if link:
        key = link_key(link)
        if key:
            return stable_id("link", key)
    if guid and guid.strip():
        # An untrusted GUID still separates entries within its own feed.
        return stable_id("feed-guid", feed_id, guid.strip(), " ".join(title.split()).casefold())
    return stable_id("title", feed_id, " ".join(title.split()).casefold(), published or "")
