"""Feed documents -> ``ParsedFeed``: RSS 0.9x/1.0/2.0 and Atom through feedparser, JSON Feed
through ``producers.jsonfeed``. One shape for both, so normalisation has a single input."""

from __future__ import annotations

import calendar
import io
import time
from collections import Counter
from datetime import UTC, datetime
from typing import Any

import feedparser

from .errors import NotAFeedError
from .feedtypes import ParsedEntry, ParsedFeed, Text
from .jsonfeed import looks_like_json, parse_json_feed
from .xmlguard import check_entity_expansion

#: What a document may expand to through its XML entities, unless the caller says.
DEFAULT_MAX_BYTES = 10_000_000

__all__ = ["ParsedEntry", "ParsedFeed", "Text", "parse_document"]


def parse_document(body: bytes, *, base_url: str | None = None,
                   content_type: str | None = None,
                   max_bytes: int = DEFAULT_MAX_BYTES) -> ParsedFeed:
    """Parse one feed document; a malformed one yields what can be read, with
    ``bozo_reason`` set. Raises NotAFeedError when nothing feed-like is in it, and
    BodyTooLargeError when its XML entities would expand it past ``max_bytes``."""
    if looks_like_json(body, content_type):
        return parse_json_feed(body, base_url=base_url)
    check_entity_expansion(body, max_bytes)
    headers = {}
    if base_url:
        headers["content-location"] = base_url
    if content_type:
        headers["content-type"] = content_type
    try:
        # A BytesIO, never bytes or str: feedparser opens a str as a URL or a file name.
        # Its HTML sanitiser and relative-URI rewriting are off: both re-parse every
        # entry's markup (most of feedparser's time), and normalisation turns markup into
        # plain text anyway, dropping scripts and styles with their content.
        result = feedparser.parse(io.BytesIO(body), response_headers=headers,
                                  sanitize_html=False, resolve_relative_uris=False)
    except Exception as exc:  # feedparser is not supposed to raise; never let it stop a poll
        raise NotAFeedError(f"parser failed: {type(exc).__name__}: {exc}") from exc
    return _from_feedparser(result)


def _from_feedparser(result: Any) -> ParsedFeed:
    bozo = _bozo_reason(result)
    entries = result.get("entries") or []
    version = result.get("version") or ""
    if not version and not entries:
        raise NotAFeedError(bozo or "no RSS, Atom or JSON Feed content found")
    meta = result.get("feed") or {}
    guids = Counter(e.get("id") for e in entries if e.get("id"))
    parsed = tuple(_entry(e, guids) for e in entries)
    return ParsedFeed(
        version=version or "unknown",
        title=_plain(meta.get("title")),
        link=meta.get("link"),
        language=_plain(meta.get("language")),
        entries=parsed,
        bozo_reason=bozo,
    )


def _bozo_reason(result: Any) -> str | None:
    if not result.get("bozo"):
        return None
    exc = result.get("bozo_exception")
    if exc is None:
        return "malformed feed"
    text = str(exc).strip() or type(exc).__name__
    return f"{type(exc).__name__}: {text}"[:300]


def _entry(entry: Any, guids: Counter[str]) -> ParsedEntry:
    guid = entry.get("id") or None
    guid = guid if isinstance(guid, str) else None
    return ParsedEntry(
        title=_text(entry.get("title"), entry.get("title_detail")),
        summary=_text(entry.get("summary"), entry.get("summary_detail")),
        content=_content(entry.get("content")),
        guid=guid,
        guid_duplicated=guid is not None and guids[guid] > 1,
        link=entry.get("link") or None,
        published=_date(entry),
        authors=_authors(entry),
        tags=tuple(t for t in (_plain(tag.get("term")) for tag in entry.get("tags") or []) if t),
        language=_language(entry),
    )


def _text(value: Any, detail: Any) -> Text | None:
    if not isinstance(value, str) or not value.strip():
        return None
    kind = (detail or {}).get("type") or "text/html"
    return Text(value, html="html" in kind)


def _content(items: Any) -> Text | None:
    # Several content elements (text and html alternates): the longest carries the most.
    best = None
    for item in items or []:
        value = item.get("value")
        if isinstance(value, str) and value.strip() and (best is None or len(value) > len(best[0])):
            best = (value, item.get("type") or "text/html")
    return Text(best[0], html="html" in best[1]) if best else None


def _date(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            try:
                return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
            except (OverflowError, ValueError, OSError):
                continue
    return None


def _authors(entry: Any) -> tuple[str, ...]:
    names = [_plain(a.get("name")) for a in entry.get("authors") or [] if hasattr(a, "get")]
    found = [n for n in names if n]
    if not found and _plain(entry.get("author")):
        found = [entry["author"].strip()]
    return tuple(dict.fromkeys(found))


def _language(entry: Any) -> str | None:
    for key in ("summary_detail", "title_detail"):
        detail = entry.get(key) or {}
        if detail.get("language"):
            return str(detail["language"])
    return None


def _plain(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
