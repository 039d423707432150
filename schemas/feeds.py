"""The feeds file users write (``feeds.yaml``) and the per-feed polling state on
``newswatch.feedstate`` (compacted, key: feed id).

Example::

    defaults:
      interval: 15m          # how often each feed is polled (jittered)
      quiet_after: 2d        # no new item for this long raises a feed-health record
    polling:
      concurrency: 64        # feeds fetched at once, all hosts together
      per_host: 4            # politeness: at most this many at once per host
    feeds:
      - url: https://example.com/news.rss
        name: example-news
        tags: [tech]
        interval: 5m         # per-feed override of any default
      - path: feeds/local.xml   # relative to this file
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from .base import UTCDateTime, WireModel, stable_id
from .validators import Duration, is_http_url

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|kib|mib|gib)?\s*$", re.IGNORECASE)
_SIZE_UNITS = {
    "b": 1, "kb": 1000, "mb": 1000**2, "gb": 1000**3,
    "kib": 1024, "mib": 1024**2, "gib": 1024**3, None: 1,
}


def _parse_size(value: object) -> object:
    """Bytes as a number, or a string such as '10MB', '512KiB'."""
    if isinstance(value, str):
        match = _SIZE.match(value)
        if match is None:
            raise ValueError(f"{value!r} is not a size (examples: 512KB, 10MB)")
        unit = match.group(2).lower() if match.group(2) else None
        return int(float(match.group(1)) * _SIZE_UNITS[unit])
    return value


ByteSize = Annotated[int, BeforeValidator(_parse_size), Field(gt=0)]


class _FeedsModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FeedDefaults(_FeedsModel):
    """Polling parameters every feed inherits unless it overrides them."""

    interval: Duration = Field(default=900.0, description="Seconds between polls (jittered)")
    timeout: Duration = Field(default=20.0, description="Whole-request timeout, seconds")
    max_bytes: ByteSize = Field(default=10_000_000, description="Body cap, enforced while reading")
    max_redirects: int = Field(default=5, ge=0, le=5)
    quiet_after: Duration = Field(
        default=2 * 86400.0, description="No new item for this long raises a feed-health record"
    )
    unhealthy_after: int = Field(
        default=5, ge=1, description="Consecutive failures after which a feed is unhealthy"
    )
    unhealthy_interval: Duration = Field(
        default=6 * 3600.0, description="How often an unhealthy feed is still tried"
    )


class PollingConfig(_FeedsModel):
    concurrency: int = Field(default=64, ge=1, le=10_000, description="Fetches in flight, total")
    per_host: int = Field(default=4, ge=1, le=1_000, description="Fetches in flight per host")
    user_agent: str = Field(default="newswatch/0.1 (feed poller)", min_length=1)


class Feed(_FeedsModel):
    """One feed: a URL polled over HTTP, or a local file/folder of feed documents."""

    url: str | None = None
    path: str | None = Field(
        default=None, description="Local feed file, folder of feed files, or .jsonl dump; "
        "relative paths are relative to the feeds file"
    )
    name: str | None = Field(default=None, min_length=1)
    id: str | None = Field(
        default=None, min_length=1, max_length=200,
        description="State key; defaults to a hash of the url/path. Set it to keep state when "
        "a feed moves to a new URL.",
    )
    tags: list[str] = Field(default_factory=list)
    enabled: bool = True
    language: str | None = Field(default=None, description="Used when the feed declares none")
    interval: Duration | None = None
    timeout: Duration | None = None
    max_bytes: ByteSize | None = None
    max_redirects: int | None = Field(default=None, ge=0, le=5)
    quiet_after: Duration | None = None
    unhealthy_after: int | None = Field(default=None, ge=1)
    unhealthy_interval: Duration | None = None

    @model_validator(mode="after")
    def _one_location(self) -> Feed:
        if (self.url is None) == (self.path is None):
            raise ValueError("a feed needs exactly one of 'url' or 'path'")
        if self.url is not None and not re.match(r"^https?://[^/\s]+", self.url, re.IGNORECASE):
            raise ValueError(f"url {self.url!r} must be an http:// or https:// URL")
        return self

    @property
    def location(self) -> str:
        return self.url if self.url is not None else str(self.path)

    @property
    def feed_id(self) -> str:
        """Stable key of this feed's state; survives renames, not URL changes (unless ``id``)."""
        return self.id or "f-" + stable_id("feed", self.location, length=16)

    @property
    def display_name(self) -> str:
        return self.name or display_location(self.location)


def display_location(location: str) -> str:
    """A feed's URL fit for logs, status output and Slack: credentials and query dropped.

    Paid feeds often carry an API key in the query or user:password in the URL.
    """
    if not is_http_url(location):
        return location
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(location)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    query = "…" if parts.query else ""
    return urlunsplit((parts.scheme, host, parts.path, query, ""))


class HealthAlerts(_FeedsModel):
    """Where feed-health alerts go (quiet, unhealthy, recovered feeds)."""

    channel: str = Field(min_length=1, description="Slack channel, e.g. '#newswatch-ops'")
    mentions: list[str] = Field(
        default_factory=list, description="Added to each health alert: 'here' or user ids"
    )


class FeedsFile(_FeedsModel):
    defaults: FeedDefaults = Field(default_factory=FeedDefaults)
    polling: PollingConfig = Field(default_factory=PollingConfig)
    health_alerts: HealthAlerts | None = Field(
        default=None, description="Send feed-health alerts to this channel (else only log them)"
    )
    feeds: list[Feed] = Field(default_factory=list)

    @field_validator("feeds", mode="before")
    @classmethod
    def _empty_list(cls, value: object) -> object:
        return [] if value is None else value  # "feeds:" with nothing under it yet

    @model_validator(mode="after")
    def _unique(self) -> FeedsFile:
        for what, key in (("feed", "location"), ("feed id", "feed_id"), ("feed name", "name")):
            seen: dict[str, int] = {}
            for index, feed in enumerate(self.feeds):
                value = getattr(feed, key)
                if value is None:
                    continue
                if value in seen:
                    raise _LocatedValueError(
                        ("feeds", index),
                        f"duplicate {what} {value!r} (first at feeds[{seen[value]}])",
                    )
                seen[value] = index
        return self


class _LocatedValueError(ValueError):
    """A cross-field error that still knows where in the file it belongs."""

    def __init__(self, loc: tuple[str | int, ...], message: str) -> None:
        self.loc = loc
        super().__init__(message)


def load_feeds_file(path: str | Path) -> FeedsFile:
    """Load and validate a feeds file; errors name the file and line."""
    from .yamlfile import load_yaml_model

    return load_yaml_model(path, FeedsFile)


FeedHealthStatus = Literal["ok", "failing", "unhealthy", "quiet", "never_read"]


class FeedState(WireModel):
    """What a producer remembers about one feed between polls and across restarts.

    ``seen`` holds short hashes of the most recent article ids (bounded), so a restarted
    or moved producer does not re-send items it already published.
    """

    schema_version: Literal[1] = 1
    feed_id: str
    name: str | None = None
    location: str = ""
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    permanent_url: str | None = Field(default=None, description="Target of a 301/308 redirect")
    first_polled: UTCDateTime | None = None
    last_polled: UTCDateTime | None = None
    last_success: UTCDateTime | None = None
    last_new_item: UTCDateTime | None = None
    last_error: str | None = None
    last_error_at: UTCDateTime | None = None
    consecutive_failures: int = 0
    next_poll_after: UTCDateTime | None = None
    items_seen: int = Field(default=0, description="New articles published from this feed, total")
    polls: int = 0
    parses: int = 0
    bozo_reason: str | None = Field(default=None, description="Last malformation reported")
    quiet_after: float | None = Field(default=None, description="Seconds, copied from config")
    unhealthy_after: int | None = None
    seen: list[str] = Field(default_factory=list)
    health_alerted: Literal["quiet", "unhealthy"] | None = Field(
        default=None, description="The bad status last alerted, so each change alerts once"
    )
