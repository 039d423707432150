"""Runtime feed specs: the feeds file resolved into one immutable spec per feed document.

Parsed config (``schemas.feeds.Feed``) and runtime specs are different types: a spec has
every default applied, paths made absolute and folders expanded into one spec per file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from schemas.base import stable_id
from schemas.errors import ConfigError
from schemas.feeds import Feed, FeedDefaults, FeedsFile, PollingConfig, load_feeds_file

SourceKind = Literal["http", "file", "jsonl"]

#: File names a folder scan picks up as feed documents.
FEED_SUFFIXES = (".xml", ".rss", ".atom", ".rdf", ".json", ".feed")


@dataclass(frozen=True)
class FeedSpec:
    """Everything needed to poll one feed, defaults applied."""

    feed_id: str
    name: str
    kind: SourceKind
    location: str  # URL for http, absolute path otherwise
    tags: tuple[str, ...] = ()
    language: str | None = None
    interval: float = 900.0
    timeout: float = 20.0
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    quiet_after: float = 2 * 86400.0
    unhealthy_after: int = 5
    unhealthy_interval: float = 6 * 3600.0

    def __str__(self) -> str:
        return self.name if self.name == self.location else f"{self.name} <{self.location}>"


@dataclass(frozen=True)
class ProducerConfig:
    feeds: tuple[FeedSpec, ...]
    polling: PollingConfig = field(default_factory=PollingConfig)
    source: str = "<command line>"


def load_config(path: str | Path) -> ProducerConfig:
    """Read a feeds file into runtime specs; errors name the file and line."""
    path = Path(path)
    parsed = load_feeds_file(path)
    return ProducerConfig(feeds=resolve(parsed, base=path.parent), polling=parsed.polling,
                          source=str(path))


def resolve(parsed: FeedsFile, *, base: Path) -> tuple[FeedSpec, ...]:
    specs: list[FeedSpec] = []
    for feed in parsed.feeds:
        if feed.enabled:
            specs.extend(_specs_for(feed, parsed.defaults, base))
    return tuple(specs)


def _specs_for(feed: Feed, defaults: FeedDefaults, base: Path) -> list[FeedSpec]:
    common = {
        "tags": tuple(feed.tags),
        "language": feed.language,
        "interval": feed.interval or defaults.interval,
        "timeout": feed.timeout or defaults.timeout,
        "max_bytes": feed.max_bytes or defaults.max_bytes,
        "max_redirects": defaults.max_redirects if feed.max_redirects is None
        else feed.max_redirects,
        "quiet_after": feed.quiet_after or defaults.quiet_after,
        "unhealthy_after": feed.unhealthy_after or defaults.unhealthy_after,
        "unhealthy_interval": feed.unhealthy_interval or defaults.unhealthy_interval,
    }
    if feed.url is not None:
        return [FeedSpec(feed.feed_id, feed.display_name, "http", feed.url, **common)]
    assert feed.path is not None
    target = Path(feed.path) if Path(feed.path).is_absolute() else base / feed.path
    if target.is_dir():
        # One feed per file, keyed by the feed's id plus the file name, so adding a file
        # to the folder adds a feed without disturbing the others' state.
        return [
            FeedSpec(f"{feed.feed_id}/{p.name}", f"{feed.display_name}/{p.name}",
                     _kind_of(p), str(p.resolve()), **common)
            for p in scan_dir(target)
        ]
    return [FeedSpec(feed.feed_id, feed.display_name, _kind_of(target), str(target.resolve()),
                     **common)]


def scan_dir(folder: Path) -> list[Path]:
    """Feed documents and JSONL dumps in ``folder`` and below, sorted, hidden files skipped."""
    if not folder.is_dir():
        raise ConfigError("not a folder", location=str(folder))
    return sorted(
        p for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and (p.suffix.lower() in FEED_SUFFIXES or p.suffix.lower() == ".jsonl")
    )


def specs_from_dir(folder: Path) -> tuple[FeedSpec, ...]:
    """``--from-dir``: every feed document in a folder is its own feed."""
    specs = []
    for p in scan_dir(folder):
        # Keyed by the path inside the folder, so the folder can move without losing state.
        relative = p.relative_to(folder).as_posix()
        specs.append(FeedSpec("d-" + stable_id("file", relative, length=16), relative,
                              _kind_of(p), str(p.resolve())))
    return tuple(specs)


def spec_from_jsonl(path: Path) -> FeedSpec:
    """``--from-jsonl``: a dump of Article JSON lines."""
    if not path.is_file():
        raise ConfigError("no such file", location=str(path))
    return FeedSpec("j-" + stable_id("jsonl", path.name, length=16), path.name, "jsonl",
                    str(path.resolve()))


def _kind_of(path: Path) -> SourceKind:
    return "jsonl" if path.suffix.lower() == ".jsonl" else "file"
