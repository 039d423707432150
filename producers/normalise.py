"""``ParsedEntry`` -> ``schemas.article.Article``: plain text, UTC dates, absolute links."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from ..schemas.article import Article
from .feedtypes import ParsedEntry, ParsedFeed, Text
from .ids import article_id

MAX_TITLE_CHARS = 500
MAX_SUMMARY_CHARS = 4_000
MAX_CONTENT_CHARS = 50_000
MAX_TAGS = 30
#: A date further ahead than this is a feed's mistake; fetch time stands in.
FUTURE_SLACK = timedelta(days=1)

_BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "blockquote", "pre", "section", "article", "header", "footer", "figure", "figcaption",
    "hr", "dd", "dt", "dl",
})
_SKIP_TAGS = frozenset({"script", "style", "template", "noscript", "iframe", "object"})
_TAG_LIKE = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Markup -> plain text: tags dropped (scripts with their content), entities decoded,
    one line per block element, whitespace collapsed."""
    parser = _TextExtractor()
    try:
        parser.feed(markup)
        parser.close()
    except (AssertionError, ValueError):  # pathological markup: fall back to a crude strip
        return clean_text(html.unescape(_TAG_LIKE.sub(" ", markup)))
    return clean_text("".join(parser.parts))


def clean_text(text: str) -> str:
    """Collapse runs of spaces, drop control characters and blank lines."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def to_text(value: Text | None, limit: int) -> str:
    if value is None:
        return ""
    # Feeds label escaped HTML as text often enough that markup is sniffed too.
    text = html_to_text(value.value) if value.html or _TAG_LIKE.search(value.value) else (
        clean_text(html.unescape(value.value)) if "&" in value.value else clean_text(value.value)
    )
    return _cap(text, limit)


def _cap(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > limit * 0.8 else limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class FeedContext:
    """What normalisation needs to know about the feed an entry came from."""

    feed_id: str
    feed_name: str
    base_url: str | None = None
    tags: tuple[str, ...] = ()
    language: str | None = None  # configured fallback


class SkippedEntry(ValueError):
    """An entry with nothing to publish (no title, no text)."""


def title_from_text(summary: str, content: str) -> str:
    """The title of an entry that has none: the first line of its text (200 characters at
    most), as a reader would see it; empty when there is no text either."""
    text = summary or content
    return _cap(text.split("\n", 1)[0], 200) if text else ""


def normalise_entry(entry: ParsedEntry, feed: ParsedFeed, ctx: FeedContext,
                    fetched_at: datetime) -> Article:
    """One entry as an Article; raises SkippedEntry when it has no usable title or text."""
    title = to_text(entry.title, MAX_TITLE_CHARS).replace("\n", " ")
    summary = to_text(entry.summary, MAX_SUMMARY_CHARS)
    content = to_text(entry.content, MAX_CONTENT_CHARS)
    if content and content == summary:
        content = ""  # feedparser copies content into summary; the detector must not read twice
    link = _absolute(entry.link, feed.link, ctx.base_url)
    if not title:
        title = title_from_text(summary, content)
    if not title:
        raise SkippedEntry("entry has no title and no text")
    published = entry.published
    estimated = published is None or published > fetched_at + FUTURE_SLACK
    return Article(
        id=article_id(
            feed_id=ctx.feed_id,
            guid=entry.guid,
            link=link,
            title=title,
            published=None if published is None else published.isoformat(),
            guid_duplicated=entry.guid_duplicated,
        ),
        title=title,
        summary=summary,
        content=content,
        link=link,
        source=feed.title or ctx.feed_name,
        feed=ctx.feed_name,
        published=fetched_at if estimated else published,
        published_estimated=estimated,
        fetched_at=fetched_at,
        language=_language(entry.language or feed.language or ctx.language),
        authors=[a[:200] for a in entry.authors[:20]],
        tags=list(dict.fromkeys((*entry.tags, *ctx.tags)))[:MAX_TAGS],
    )


def _absolute(link: str | None, feed_link: str | None, base_url: str | None) -> str | None:
    """Resolve against the document URL, then the feed's own link; only http(s) survives."""
    if not link:
        return None
    link = link.strip()
    for base in (base_url, feed_link):
        if base and urlsplit(base).scheme in ("http", "https"):
            link = urljoin(base, link)
            break
    parts = urlsplit(link)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return link


def _language(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip().replace("_", "-").lower()
    return value[:35] if re.match(r"^[a-z]{2,3}(-[a-z0-9]{1,8})*$", value) else None
