"""Runtime feed specs: the feeds file resolved into one immutable spec per feed document.

Parsed config (``schemas.feeds.Feed``) and runtime specs are different types: a spec has
every default applied, paths made absolute and folders expanded into one spec per file.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from ..schemas.base import stable_id
from ..schemas.errors import ConfigError
from ..schemas.feeds import (
    Feed,
    FeedDefaults,
    FeedsFile,
    HealthAlerts,
    PollingConfig,
    display_location,
    load_feeds_file,
)
from .sniff import sniff

log = logging.getLogger(__name__)

SourceKind = Literal["http", "file", "jsonl"]



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
        shown = display_location(self.location)
        return self.name if self.name in (self.location, shown) else f"{self.name} <{shown}>"

    @classmethod
    def for_url(cls, url: str, name: str | None = None, **overrides: Any) -> FeedSpec:
        """A spec for one URL with defaults, keyed like the same URL in a feeds file."""
        feed = Feed(url=url, name=name)
        return cls(feed.feed_id, feed.display_name, "http", url, **overrides)

    @classmethod
    def for_file(cls, path: str | Path, name: str | None = None, **overrides: Any) -> FeedSpec:
        """A spec for one local feed document (or ``.jsonl`` dump)."""
        feed = Feed(path=str(path), name=name)
        return cls(feed.feed_id, feed.display_name, _kind_of(Path(path)),
                   str(Path(path).resolve()), **overrides)


@dataclass(frozen=True)
class SkippedFile:
    """A file in a feed folder that is not read, and why."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class FolderSurvey:
    """What a feed folder holds: files to read (with their source kind), files skipped."""

    found: tuple[tuple[Path, SourceKind], ...]
    skipped: tuple[SkippedFile, ...]
    hidden: int = 0


@dataclass(frozen=True)
class ProducerConfig:
    feeds: tuple[FeedSpec, ...]
    polling: PollingConfig = field(default_factory=PollingConfig)
    source: str = "<command line>"
    health_alerts: HealthAlerts | None = None
    skipped: tuple[SkippedFile, ...] = ()


def load_config(path: str | Path) -> ProducerConfig:
    """Read a feeds file into runtime specs; errors name the file and line."""
    path = Path(path)
    parsed = load_feeds_file(path)
    return ProducerConfig(feeds=resolve(parsed, base=path.parent), polling=parsed.polling,
                          source=str(path), health_alerts=parsed.health_alerts)


def resolve(parsed: FeedsFile, *, base: Path) -> tuple[FeedSpec, ...]:
    specs: list[FeedSpec] = []
    for feed in parsed.feeds:
        if feed.enabled:
            specs.extend(_specs_for(feed, parsed.defaults, base))
    return tuple(specs)


def _specs_for(feed: Feed, defaults: FeedDefaults, base: Path) -> list[FeedSpec]:
    def pick(override: float | None, default: float) -> float:
        return default if override is None else override

    template = FeedSpec(
        feed_id=feed.feed_id,
        name=feed.display_name,
        kind="http",
        location=feed.location,
        tags=tuple(feed.tags),
        language=feed.language,
        interval=pick(feed.interval, defaults.interval),
        timeout=pick(feed.timeout, defaults.timeout),
        max_bytes=int(pick(feed.max_bytes, defaults.max_bytes)),
        max_redirects=int(pick(feed.max_redirects, defaults.max_redirects)),
        quiet_after=pick(feed.quiet_after, defaults.quiet_after),
        unhealthy_after=int(pick(feed.unhealthy_after, defaults.unhealthy_after)),
        unhealthy_interval=pick(feed.unhealthy_interval, defaults.unhealthy_interval),
    )
    if feed.url is not None:
        return [template]
    assert feed.path is not None
    target = Path(feed.path) if Path(feed.path).is_absolute() else base / feed.path
    if target.is_dir():
        # One feed per file, keyed by the feed's id plus the path inside the folder, so
        # adding a file adds a feed without disturbing the others' state.
        survey = survey_dir(target)
        for skipped in survey.skipped:
            log.warning("feed %s: not reading %s", feed.display_name, skipped)
        return [
            replace(template, feed_id=f"{feed.feed_id}/{rel}", name=f"{feed.display_name}/{rel}",
                    kind=kind, location=str(p.resolve()))
            for p, kind in survey.found
            for rel in [p.relative_to(target).as_posix()]
        ]
    kind = (sniff(target).kind if target.is_file() else None) or _kind_of(target)
    return [replace(template, kind=kind, location=str(target.resolve()))]


def survey_dir(folder: Path) -> FolderSurvey:
    """Every file in ``folder`` and below, hidden ones aside, told by its content: feed
    documents and article JSON lines to read, anything else skipped with the reason."""
    if not folder.is_dir():
        raise ConfigError("not a folder", location=str(folder))
    found: list[tuple[Path, SourceKind]] = []
    skipped: list[SkippedFile] = []
    hidden = 0
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            hidden += 1
            continue
        verdict = sniff(path)
        if verdict.kind is None:
            skipped.append(SkippedFile(path, verdict.reason))
        else:
            found.append((path, verdict.kind))
    return FolderSurvey(tuple(found), tuple(skipped), hidden)


def specs_from_dir(folder: Path) -> tuple[tuple[FeedSpec, ...], FolderSurvey]:
    """``--from-dir``: every feed document in a folder is its own feed."""
    survey = survey_dir(folder)
    specs = []
    for p, kind in survey.found:
        # Keyed by the path inside the folder, so the folder can move without losing state.
        relative = p.relative_to(folder).as_posix()
        specs.append(FeedSpec("d-" + stable_id("file", relative, length=16), relative,
                              kind, str(p.resolve())))
    return tuple(specs), survey


def spec_from_jsonl(path: Path) -> FeedSpec:
    """``--from-jsonl``: a dump of Article JSON lines."""
    if not path.is_file():
        raise ConfigError("no such file", location=str(path))
    return FeedSpec("j-" + stable_id("jsonl", path.name, length=16), path.name, "jsonl",
                    str(path.resolve()))


def _kind_of(path: Path) -> SourceKind:
    return "jsonl" if path.suffix.lower() == ".jsonl" else "file"
