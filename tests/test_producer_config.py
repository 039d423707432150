"""feeds.yaml: defaults and overrides, folders, errors naming file:line; OPML import."""

from __future__ import annotations

from pathlib import Path

import pytest

from newswatch.producers.config import load_config
from newswatch.producers.opml import OpmlFeed, import_opml, read_opml
from newswatch.schemas.errors import ConfigError
from newswatch.schemas.feeds import load_feeds_file

ROOT = Path(__file__).resolve().parents[1]


def write(tmp_path: Path, text: str, name: str = "feeds.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_sample_feeds_file_loads_and_lists_the_seed_feed() -> None:
    config = load_config(ROOT / "samples" / "feeds.yaml")
    locations = [Path(s.location).name for s in config.feeds]
    assert "seed-news.xml" in locations
    assert all(Path(s.location).is_file() for s in config.feeds if s.kind == "file")


def test_defaults_and_per_feed_overrides(tmp_path: Path) -> None:
    path = write(tmp_path, """\
defaults:
  interval: 10m
  timeout: 5s
polling:
  per_host: 2
feeds:
  - url: https://a.example/rss
    name: a
    interval: 90
    max_bytes: 512KiB
    tags: [x]
  - url: https://b.example/atom
  - url: https://c.example/rss
    enabled: false
""")
    config = load_config(path)
    a, b = config.feeds
    assert (a.interval, a.timeout, a.max_bytes, a.tags) == (90, 5, 512 * 1024, ("x",))
    assert (b.interval, b.name, b.kind) == (600, "https://b.example/atom", "http")
    assert config.polling.per_host == 2
    assert a.feed_id != b.feed_id


def test_feed_id_survives_a_rename_but_can_be_pinned(tmp_path: Path) -> None:
    one = load_config(write(tmp_path, "feeds:\n  - {url: 'https://a.example/rss', name: A}\n"))
    two = load_config(write(tmp_path, "feeds:\n  - {url: 'https://a.example/rss', name: B}\n"))
    pinned = load_config(write(tmp_path, "feeds:\n  - {url: 'https://new.example/', id: a}\n"))
    assert one.feeds[0].feed_id == two.feeds[0].feed_id
    assert pinned.feeds[0].feed_id == "a"


def test_folder_path_expands_to_one_feed_per_file(tmp_path: Path) -> None:
    folder = tmp_path / "dump"
    (folder / "sub").mkdir(parents=True)
    for name in ("a.xml", "sub/b.atom", "c.json", ".hidden.xml"):
        (folder / name).write_text("<rss/>")
    (folder / "notes.txt").write_text("not a feed, whatever the folder\n")  # told by content
    config = load_config(write(tmp_path, "feeds:\n  - path: dump\n    name: dump\n"))
    assert sorted(s.name for s in config.feeds) == ["dump/a.xml", "dump/c.json", "dump/sub/b.atom"]


@pytest.mark.parametrize(("text", "message"), [
    ("feeds:\n  - url: https://a.example/rss\n    intervall: 5m\n",
     r"feeds\.yaml:3: unknown key 'intervall' \(did you mean 'interval'\?\)"),
    ("feeds:\n  - name: x\n  - name: y\n    url: ftp://a.example/\n",
     r"feeds\.yaml:2: .*exactly one of 'url' or 'path'"),
    ("feeds:\n  - url: https://a.example/\n  - url: ftp://a.example/\n",
     r"feeds\.yaml:3: .*must be an http:// or https:// URL"),
    ("defaults:\n  interval: soon\n",
     r"feeds\.yaml:2: defaults\.interval: 'soon' is not a duration"),
    ("feeds:\n  - url: https://a.example/\n    timeout: -1\n",
     r"feeds\.yaml:3: feeds\[0\]\.timeout must be more than 0"),
    ("feeds:\n  - url: https://a.example/\n  - url: https://b.example/\n"
     "  - url: https://a.example/\n",
     r"feeds\.yaml:4: .*duplicate feed 'https://a\.example/' \(first at feeds\[0\]\)"),
    ("defaults:\n  max_redirects: 9\n",
     r"feeds\.yaml:2: defaults\.max_redirects must be at most 5"),
    ("feeds: [\n", r"feeds\.yaml:\d+: not valid YAML"),
])
def test_errors_name_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_feeds_file(write(tmp_path, text))


def test_missing_local_folder_is_reported(tmp_path: Path) -> None:
    # A missing file is a feed failure at poll time; a folder must exist to be expanded.
    config = load_config(write(tmp_path, "feeds:\n  - path: nowhere.xml\n"))
    assert config.feeds[0].kind == "file"


OPML = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>subs</title></head><body>
  <outline text="Tech">
    <outline type="rss" text="Wire" title="Tech Wire" xmlUrl="https://wire.example/rss"/>
    <outline type="rss" text="Dupe" xmlUrl="https://a.example/rss?utm_source=opml"/>
    <outline text="Deep"><outline text="Deep feed" xmlUrl="https://deep.example/atom"/></outline>
  </outline>
  <outline text="No url"/>
  <outline text="Bad scheme" xmlUrl="file:///etc/passwd"/>
  <outline text="Plain" xmlUrl="http://plain.example/feed"/>
</body></opml>
"""


def test_read_opml_keeps_folders_as_tags() -> None:
    feeds = {f.url: f for f in read_opml_text(OPML)}
    assert set(feeds) == {"https://wire.example/rss", "https://a.example/rss?utm_source=opml",
                          "https://deep.example/atom", "http://plain.example/feed"}
    assert feeds["https://deep.example/atom"].tags == ("Tech", "Deep")
    assert feeds["https://wire.example/rss"].name == "Tech Wire"


def read_opml_text(text: str) -> list[OpmlFeed]:
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".opml", delete=False) as handle:
        handle.write(text)
    return read_opml(handle.name)


def test_import_adds_new_feeds_and_keeps_comments(tmp_path: Path) -> None:
    feeds = write(tmp_path, """\
# my feeds
defaults:
  interval: 5m   # fast
feeds:
  - url: https://a.example/rss  # already there
    name: Wire
  - path: local.xml
# trailing comment
""")
    opml = write(tmp_path, OPML, "subs.opml")
    added, skipped = import_opml(opml, feeds)
    assert [f.url for f in added] == ["https://wire.example/rss", "https://deep.example/atom",
                                      "http://plain.example/feed"]
    assert skipped == 1
    text = feeds.read_text()
    assert "# my feeds" in text and "# already there" in text and "# trailing comment" in text
    parsed = load_feeds_file(feeds)
    assert len(parsed.feeds) == 5
    assert parsed.feeds[2].name == "Tech Wire" and parsed.feeds[3].tags == ["Tech", "Deep"]
    # Importing again adds nothing.
    assert import_opml(opml, feeds) == ([], 4)


@pytest.mark.parametrize("start", ["", "defaults:\n  interval: 5m\n", "feeds: []\n", "feeds:\n"])
def test_import_into_empty_or_new_feeds_lists(tmp_path: Path, start: str) -> None:
    feeds = write(tmp_path, start)
    added, _ = import_opml(write(tmp_path, OPML, "subs.opml"), feeds)
    assert len(load_feeds_file(feeds).feeds) == len(added) == 4


def test_import_rejects_a_non_opml_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"subs\.opml: not an OPML document"):
        import_opml(write(tmp_path, "<rss/>", "subs.opml"), tmp_path / "feeds.yaml")
    with pytest.raises(ConfigError, match=r"subs\.opml:1: not valid OPML"):
        import_opml(write(tmp_path, "<opml><body>", "subs.opml"), tmp_path / "feeds.yaml")


def test_feed_credentials_never_shown() -> None:
    from newswatch.producers.config import FeedSpec
    from newswatch.schemas.feeds import display_location

    url = "https://reader:s3cret@api.vendor.example:8443/news.rss?apikey=abc123&lang=en"
    assert display_location(url) == "https://api.vendor.example:8443/news.rss?…"
    spec = FeedSpec.for_url(url, "vendor")
    assert "s3cret" not in str(spec) and "abc123" not in str(spec)
    assert str(FeedSpec.for_url(url)) == "https://api.vendor.example:8443/news.rss?…"
    assert display_location("/srv/feeds/local.xml") == "/srv/feeds/local.xml"
