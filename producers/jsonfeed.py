"""JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1) -> ``ParsedFeed``.

feedparser 6 reads only XML feeds, so JSON Feed is parsed here; small on purpose.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

from .errors import NotAFeedError
from .feedtypes import ParsedEntry, ParsedFeed, Text

_JSON_TYPES = ("application/feed+json", "application/json", "text/json")


def looks_like_json(body: bytes, content_type: str | None) -> bool:
    """JSON by content type, or by a body that starts with '{' (servers mislabel feeds)."""
    if content_type and any(t in content_type.lower() for t in _JSON_TYPES):
        return True
    head = body[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{")


def parse_json_feed(body: bytes, *, base_url: str | None = None) -> ParsedFeed:
    try:
        doc = json.loads(body)
    except RecursionError:
        raise NotAFeedError("not valid JSON: nested too deeply to read") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise NotAFeedError(f"not valid JSON: {str(exc)[:200]}") from None
    if not isinstance(doc, dict):
        raise NotAFeedError("JSON document is not an object")
    version = str(doc.get("version") or "")
    if not version.startswith(("https://jsonfeed.org/version/", "http://jsonfeed.org/version/")):
        raise NotAFeedError("JSON document is not a JSON Feed (no jsonfeed.org version)")
    items = doc.get("items")
    bozo = None
    if not isinstance(items, list):
        bozo, items = "JSON Feed has no 'items' list", []
    base = _str(doc.get("home_page_url")) or _str(doc.get("feed_url")) or base_url
    if base and base_url:
        base = urljoin(base_url, base)
    feed_authors = _authors(doc)
    raw_ids = [_id(item.get("id")) for item in items if isinstance(item, dict)]
    dupes = Counter(i for i in raw_ids if i)
    entries = tuple(
        _entry(item, base, feed_authors, dupes) for item in items if isinstance(item, dict)
    )
    if len(entries) < len(items):
        bozo = bozo or f"{len(items) - len(entries)} item(s) are not objects"
    return ParsedFeed(
        version="json" + version.rsplit("/", 1)[-1].replace(".", ""),
        title=_str(doc.get("title")),
        link=base,
        language=_str(doc.get("language")),
        entries=entries,
        bozo_reason=bozo,
    )


def _entry(item: dict[str, Any], base: str | None, feed_authors: tuple[str, ...],
           dupes: Counter[str]) -> ParsedEntry:
    guid = _id(item.get("id"))
    link = _str(item.get("url")) or _str(item.get("external_url"))
    if link and base:
        link = urljoin(base, link)
    html, plain = _str(item.get("content_html")), _str(item.get("content_text"))
    content = Text(html, html=True) if html else Text(plain) if plain else None
    summary = _str(item.get("summary"))
    title = _str(item.get("title"))
    raw_tags = item.get("tags")
    tags: list[Any] = raw_tags if isinstance(raw_tags, list) else []
    return ParsedEntry(
        title=Text(title) if title else None,
        summary=Text(summary) if summary else None,
        content=content,
        guid=guid,
        guid_duplicated=bool(guid) and dupes[guid or ""] > 1,
        link=link,
        published=_date(item.get("date_published")) or _date(item.get("date_modified")),
        authors=_authors(item) or feed_authors,
        tags=tuple(t.strip() for t in tags if isinstance(t, str) and t.strip()),
        language=_str(item.get("language")),
    )


def _authors(obj: dict[str, Any]) -> tuple[str, ...]:
    found: list[Any] = []
    if isinstance(obj.get("authors"), list):  # 1.1
        found = obj["authors"]
    elif isinstance(obj.get("author"), dict):  # 1.0
        found = [obj["author"]]
    names = (_str(a.get("name")) for a in found if isinstance(a, dict))
    return tuple(dict.fromkeys(n for n in names if n))


def _date(value: Any) -> datetime | None:
    text = _str(value)
    if not text:
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _id(value: Any) -> str | None:
    # The spec says string, but numbers are common in the wild.
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return str(value)
    return _str(value)


def _str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
