"""Stable article ids: tracking parameters, GUID trust, edits that must not make a new id."""

from __future__ import annotations

import pytest

from newswatch.producers.ids import article_id, canonical_url, trustworthy_guid


@pytest.mark.parametrize(("raw", "canonical"), [
    ("https://News.Example.COM/a/b?utm_source=rss&utm_medium=feed&id=7#comments",
     "https://news.example.com/a/b?id=7"),
    ("http://example.com:80/x?b=2&a=1&fbclid=XYZ&gclid=1", "http://example.com/x?a=1&b=2"),
    ("https://example.com:8443/x", "https://example.com:8443/x"),
    ("https://example.com", "https://example.com/"),
    ("https://example.com/Case/Path?mc_cid=1&mc_eid=2", "https://example.com/Case/Path"),
])
def test_canonical_url(raw: str, canonical: str) -> None:
    assert canonical_url(raw) == canonical


@pytest.mark.parametrize("raw", ["javascript:alert(1)", "file:///etc/passwd", "not a url", ""])
def test_non_http_links_have_no_canonical_form(raw: str) -> None:
    assert canonical_url(raw) is None


@pytest.mark.parametrize(("guid", "trusted"), [
    ("tag:news.example,2026:story-42", True),
    ("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", True),
    ("https://news.example/story-42", True),
    ("42", False),
    ("2026-06-23", False),
    ("", False),
    ("   ", False),
    (None, False),
    ("abc", False),
])
def test_guid_trust(guid: str | None, trusted: bool) -> None:
    assert trustworthy_guid(guid) is trusted


def test_guid_shared_by_several_entries_is_not_trusted() -> None:
    assert not trustworthy_guid("tag:news.example,2026:story", duplicated=True)


def _id(**kw: object) -> str:
    fields: dict[str, object] = {"feed_id": "f1", "guid": None, "link": None, "title": "T",
                                 "published": None}
    fields.update(kw)
    return article_id(**fields)  # type: ignore[arg-type]


def test_same_link_with_tracking_params_is_the_same_article() -> None:
    a = _id(link="https://news.example/story?utm_source=twitter")
    b = _id(link="https://NEWS.example/story#top", title="A different headline")
    assert a == b


def test_permalink_guid_matches_the_link_of_the_same_story_elsewhere() -> None:
    via_guid = _id(guid="https://news.example/story", link="https://mirror.example/story",
                   feed_id="f1")
    via_link = _id(link="https://news.example/story?utm_campaign=x", feed_id="f2")
    assert via_guid == via_link


def test_bare_guid_falls_back_to_link() -> None:
    assert _id(guid="17", link="https://news.example/s") == _id(link="https://news.example/s")
    # ...and a numeric GUID from another feed with the same value is another article.
    assert _id(guid="17", feed_id="f1", title="A") != _id(guid="17", feed_id="f2", title="A")


def test_http_and_https_link_are_one_story() -> None:
    assert _id(link="http://news.example/s") == _id(link="https://news.example/s")


def test_no_guid_no_link_uses_title_and_date() -> None:
    a = _id(title="Globex cuts jobs", published="2026-06-23T09:30:00+00:00")
    assert a == _id(title="Globex  cuts jobs ", published="2026-06-23T09:30:00+00:00")
    assert a != _id(title="Globex cuts jobs", published="2026-06-24T09:30:00+00:00")
    assert a != _id(title="Initech hires", published="2026-06-23T09:30:00+00:00")
