"""Stable article ids: trustworthy GUID, else canonical link, else title + date.

The id never depends on the summary or body, so a story re-published with an edited
summary keeps its id and is not sent again.
"""

from __future__ import annotations

import re

from ..schemas.base import stable_id
from ..schemas.links import (  # noqa: F401 - producers import them from here
    TRACKING_PARAMS,
    TRACKING_PREFIXES,
    canonical_url,
    is_tracking_param,
    link_key,
)

_BARE_GUID = re.compile(r"^[\W\d_]*$")  # digits/punctuation only: "1", "2024-01-05", "#3"
MIN_GUID_LENGTH = 8


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
