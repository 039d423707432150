"""Parsing and normalisation: plain text, entities, UTC dates, links, JSON Feed."""

from __future__ import annotations

import contextlib
import json
from datetime import UTC, datetime

import pytest

from newswatch.producers.errors import NotAFeedError
from newswatch.producers.normalise import FeedContext, SkippedEntry, html_to_text, normalise_entry
from newswatch.producers.parse import ParsedFeed, parse_document
from newswatch.schemas.article import Article

FETCHED = datetime(2026, 6, 25, 12, 0, tzinfo=UTC)


def articles(body: str | bytes, *, base_url: str | None = None, tags: tuple[str, ...] = (),
             language: str | None = None) -> list[Article]:
    data = body.encode("utf-8") if isinstance(body, str) else body
    feed = parse_document(data, base_url=base_url)
    ctx = FeedContext("feed-1", "wire", base_url, tags, language)
    out = []
    for entry in feed.entries:
        with contextlib.suppress(SkippedEntry):
            out.append(normalise_entry(entry, feed, ctx, FETCHED))
    return out


def rss(item: str, channel: str = "") -> str:
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
            f"<link>https://news.example/</link>{channel}<item>{item}</item></channel></rss>")


def test_html_is_stripped_and_entities_decoded() -> None:
    text = html_to_text("<p>Globex &amp; Initech&nbsp;merge</p><script>track()</script>"
                        "<p>Deal   worth &#8364;2&nbsp;bn &mdash; sources</p>")
    assert text == "Globex & Initech merge\nDeal worth €2 bn — sources"


def test_summary_from_escaped_html_in_rss() -> None:
    [art] = articles(rss("<title>Globex &amp;amp; Initech</title>"
                         "<description>&lt;p&gt;They &lt;b&gt;merge&lt;/b&gt;.&lt;/p&gt;"
                         "&lt;img src=x onerror=alert(1)&gt;</description>"
                         "<link>https://news.example/a</link>"))
    assert art.title == "Globex & Initech"
    assert art.summary == "They merge."


def test_long_text_is_capped() -> None:
    [art] = articles(rss("<title>Long</title><link>https://news.example/a</link>"
                         f"<description>{'word ' * 5000}</description>"))
    assert len(art.summary) <= 4_000 and art.summary.endswith("…")


def test_dates_become_utc() -> None:
    [art] = articles(rss("<title>T</title><link>https://news.example/a</link>"
                         "<pubDate>Tue, 23 Jun 2026 09:30:00 +0200</pubDate>"))
    assert art.published == datetime(2026, 6, 23, 7, 30, tzinfo=UTC)
    assert not art.published_estimated


def test_missing_date_uses_fetch_time_and_says_so() -> None:
    [art] = articles(rss("<title>T</title><link>https://news.example/a</link>"))
    assert art.published == FETCHED and art.published_estimated


def test_date_far_in_the_future_is_not_trusted() -> None:
    [art] = articles(rss("<title>T</title><link>https://news.example/a</link>"
                         "<pubDate>Fri, 01 Jan 2100 00:00:00 GMT</pubDate>"))
    assert art.published == FETCHED and art.published_estimated


def test_relative_links_resolve_against_the_document_url() -> None:
    [art] = articles(rss("<title>T</title><link>/2026/06/story</link>"),
                     base_url="https://feeds.example/tech/rss.xml")
    assert art.link == "https://feeds.example/2026/06/story"


def test_relative_links_in_a_local_file_resolve_against_the_feeds_link() -> None:
    [art] = articles(rss("<title>T</title><link>2026/06/story</link>"))
    assert art.link == "https://news.example/2026/06/story"


def test_non_http_links_are_dropped() -> None:
    [art] = articles(rss("<title>T</title><link>javascript:alert(1)</link>"))
    assert art.link is None


def test_language_from_the_feed_then_the_config() -> None:
    [declared] = articles(rss("<title>T</title><link>https://x.example/a</link>",
                              "<language>de-DE</language>"), language="en")
    [configured] = articles(rss("<title>T</title><link>https://x.example/a</link>"),
                            language="en")
    assert declared.language == "de-de" and configured.language == "en"


def test_tags_merge_categories_and_configured_tags() -> None:
    [art] = articles(rss("<title>T</title><link>https://x.example/a</link>"
                         "<category>Layoffs</category>"), tags=("business", "Layoffs"))
    assert art.tags == ["Layoffs", "business"]


def test_entry_without_title_uses_its_text_or_is_skipped() -> None:
    body = rss("<description>Globex cuts 1,200 jobs. More soon.</description>"
               "<link>https://x.example/a</link>")
    [art] = articles(body)
    assert art.title == "Globex cuts 1,200 jobs. More soon."
    assert articles(rss("<link>https://x.example/b</link>")) == []


def test_edited_summary_keeps_the_article_id() -> None:
    item = ("<title>Globex cuts jobs</title><link>https://x.example/a?utm_source=rss</link>"
            "<description>{}</description>")
    [first] = articles(rss(item.format("Globex will cut 1,200 jobs.")))
    [edited] = articles(rss(item.format("Globex will cut 1,300 jobs, it said on Tuesday.")))
    assert first.id == edited.id


def test_duplicate_guids_in_one_document_fall_back_to_links() -> None:
    body = ('<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>'
            "<item><title>A</title><guid>tag:x,2026:same</guid><link>https://x.example/a</link>"
            "</item><item><title>B</title><guid>tag:x,2026:same</guid>"
            "<link>https://x.example/b</link></item></channel></rss>")
    ids = {a.id for a in articles(body)}
    assert len(ids) == 2


def test_atom_entry() -> None:
    body = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB"><title>Atom wire</title>
<link href="https://atom.example/"/><id>tag:atom.example,2026:feed</id>
<entry><title type="html">Initech &lt;b&gt;hires&lt;/b&gt;</title>
<id>tag:atom.example,2026:1</id><link href="/s/1"/>
<updated>2026-06-23T16:10:00-05:00</updated><author><name>Dana</name></author>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>New <em>CFO</em>.</p>
</div></content></entry></feed>"""
    [art] = articles(body, base_url="https://atom.example/feed.atom")
    assert art.title == "Initech hires" and art.text == "Initech hires\nNew CFO."
    assert art.link == "https://atom.example/s/1" and art.language == "en-gb"
    assert art.published == datetime(2026, 6, 23, 21, 10, tzinfo=UTC)
    assert art.authors == ["Dana"] and art.source == "Atom wire"


def test_malformed_feed_yields_what_it_can() -> None:
    body = rss("<title>Good one</title><link>https://x.example/a</link>") + "<item><title>"
    feed = parse_document(body.encode())
    assert feed.bozo_reason and len(feed.entries) >= 1


def test_html_page_is_not_a_feed() -> None:
    with pytest.raises(NotAFeedError, match=r"mismatched tag|no RSS"):
        parse_document(b"<html><head><title>x</title></head><body><p>hi<br></body></html>")


def test_bytes_that_name_a_local_file_are_not_opened() -> None:
    # feedparser would open a str/bytes argument as a file name; we must never do that.
    with pytest.raises(NotAFeedError):
        parse_document(b"/etc/passwd")


JSON_FEED = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "JSON wire",
    "home_page_url": "https://json.example/",
    "language": "en-US",
    "authors": [{"name": "Desk"}],
    "items": [
        {"id": "https://json.example/a", "url": "/a", "title": "Hooli buys Pied Piper",
         "content_html": "<p>Hooli &amp; Pied Piper</p>", "summary": "Deal signed",
         "date_published": "2026-06-22T14:00:00-07:00", "tags": ["m&a"]},
        {"id": 42, "content_text": "Untitled item text", "date_modified": "2026-06-21T10:00:00Z",
         "authors": [{"name": "Lee"}]},
        "not an object",
    ],
}


def test_json_feed() -> None:
    feed = parse_document(json.dumps(JSON_FEED).encode(), content_type="application/feed+json")
    assert isinstance(feed, ParsedFeed) and feed.version == "json11"
    assert feed.bozo_reason == "1 item(s) are not objects"
    first, second = (normalise_entry(e, feed, FeedContext("f", "j"), FETCHED)
                     for e in feed.entries)
    assert first.title == "Hooli buys Pied Piper" and first.content == "Hooli & Pied Piper"
    assert first.summary == "Deal signed" and first.link == "https://json.example/a"
    assert first.published == datetime(2026, 6, 22, 21, 0, tzinfo=UTC)
    assert first.authors == ["Desk"] and first.tags == ["m&a"] and first.language == "en-us"
    assert second.title == "Untitled item text" and second.authors == ["Lee"]
    assert second.published == datetime(2026, 6, 21, 10, 0, tzinfo=UTC)


def test_json_feed_version_1_author_and_sniffing_without_content_type() -> None:
    doc = {"version": "https://jsonfeed.org/version/1", "title": "Old",
           "author": {"name": "Me"}, "items": [{"id": "x-item-0001", "title": "One"}]}
    feed = parse_document(json.dumps(doc).encode(), content_type="text/plain")
    [entry] = feed.entries
    assert entry.authors == ("Me",) and feed.version == "json1"


@pytest.mark.parametrize(("body", "reason"), [
    (b'{"title": "no version"}', "not a JSON Feed"),
    (b"[1, 2]", "not valid JSON|not an object"),
    (b'{"version": "https://jsonfeed.org/version/1.1", ', "not valid JSON"),
])
def test_json_that_is_not_a_json_feed(body: bytes, reason: str) -> None:
    with pytest.raises(NotAFeedError, match=reason):
        parse_document(body, content_type="application/json")
