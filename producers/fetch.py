"""HTTP fetching for feeds: conditional GET, redirects checked hop by hop, a body cap
enforced while streaming, limits on concurrency in total and per host."""

from __future__ import annotations

import asyncio
import logging
import zlib
from dataclasses import dataclass
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import aiohttp

from ..schemas.feeds import PollingConfig
from ..schemas.headers import retry_after_seconds
from .errors import BodyTooLargeError, FetchError, HTTPStatusError, RedirectError

log = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PERMANENT_REDIRECTS = frozenset({301, 308})
CHUNK = 64 * 1024


@dataclass(frozen=True)
class FetchRequest:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    timeout: float = 20.0
    max_bytes: int = 10_000_000
    max_redirects: int = 5


@dataclass(frozen=True)
class FetchResult:
    status: int  # 200 or 304
    url: str  # after redirects
    body: bytes = b""
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    permanent_url: str | None = None  # set when every hop was a permanent redirect

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class HttpFetcher:
    """One aiohttp session shared by every HTTP feed.

    Lifecycle: ``async with HttpFetcher(polling) as fetcher`` (or ``start()``/``close()``),
    then ``fetch()`` from any number of tasks.
    """

    def __init__(self, polling: PollingConfig | None = None) -> None:
        self.polling = polling or PollingConfig()
        self._session: aiohttp.ClientSession | None = None
        self._global = asyncio.Semaphore(self.polling.concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self.requests = 0

    async def start(self) -> None:
        if self._session is None:
            # Limits are enforced by our semaphores (per host first, then global), so a slow
            # host's queue never holds global slots; the connector itself is unlimited.
            connector = aiohttp.TCPConnector(limit=0, limit_per_host=0, ttl_dns_cache=300)
            self._session = aiohttp.ClientSession(
                connector=connector,
                cookie_jar=aiohttp.DummyCookieJar(),
                headers={"User-Agent": self.polling.user_agent,
                         "Accept": "application/rss+xml, application/atom+xml, "
                                   "application/feed+json, application/xml;q=0.9, */*;q=0.8"},
                auto_decompress=True,
            )

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def __aenter__(self) -> HttpFetcher:
        await self.start()
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None,
                        exc: BaseException | None, tb: TracebackType | None) -> None:
        await self.close()

    def _host_slot(self, url: str) -> asyncio.Semaphore:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc.lower()}"
        slot = self._hosts.get(key)
        if slot is None:
            slot = self._hosts[key] = asyncio.Semaphore(self.polling.per_host)
        return slot

    async def fetch(self, request: FetchRequest) -> FetchResult:
        """GET one feed; raise a FetchError subclass saying why it failed."""
        if self._session is None:
            raise RuntimeError("HttpFetcher.start() was not called")
        _check_scheme(request.url)
        # The timeout starts once a slot is ours: waiting in the queue is not the feed's fault.
        async with self._host_slot(request.url), self._global:
            try:
                async with asyncio.timeout(request.timeout):
                    return await self._follow(request)
            except TimeoutError:
                raise FetchError(f"timed out after {request.timeout:g}s") from None
            except aiohttp.ClientError as exc:
                raise FetchError(_describe(exc)) from None
            except (OSError, ValueError, UnicodeError) as exc:
                raise FetchError(f"{type(exc).__name__}: {exc}") from None

    async def _follow(self, request: FetchRequest) -> FetchResult:
        assert self._session is not None
        url, permanent = request.url, True
        headers = {}
        if request.etag:
            headers["If-None-Match"] = request.etag
        if request.last_modified:
            headers["If-Modified-Since"] = request.last_modified
        for _hop in range(request.max_redirects + 1):
            self.requests += 1
            async with self._session.get(url, headers=headers, allow_redirects=False) as resp:
                if resp.status in REDIRECT_STATUSES:
                    location = resp.headers.get("Location")
                    if not location:
                        raise FetchError(f"HTTP {resp.status} without a Location header")
                    permanent = permanent and resp.status in PERMANENT_REDIRECTS
                    url = urljoin(url, location.strip())
                    _check_scheme(url, redirect=True)
                    continue
                if resp.status == 304:
                    return FetchResult(304, url, etag=request.etag,
                                       last_modified=request.last_modified)
                if resp.status != 200:
                    retry_after = None
                    if resp.status in (429, 503):
                        retry_after = retry_after_seconds(resp.headers.get("Retry-After"))
                    raise HTTPStatusError(resp.status, retry_after=retry_after)
                body = await _read_capped(resp, request.max_bytes)
                return FetchResult(
                    200, url, body,
                    content_type=resp.headers.get("Content-Type"),
                    etag=resp.headers.get("ETag"),
                    last_modified=resp.headers.get("Last-Modified"),
                    permanent_url=url if permanent and url != request.url else None,
                )
        raise RedirectError(f"more than {request.max_redirects} redirects (last: {url})")


async def _read_capped(resp: aiohttp.ClientResponse, limit: int) -> bytes:
    declared = resp.content_length
    if declared is not None and declared > limit:
        raise BodyTooLargeError(f"body of {declared} bytes is over the {limit}-byte cap")
    chunks: list[bytes] = []
    size = 0
    # Counted after decompression, so a small gzip bomb is stopped as early as a big body.
    async for chunk in resp.content.iter_chunked(CHUNK):
        size += len(chunk)
        if size > limit:
            raise BodyTooLargeError(f"body over the {limit}-byte cap (stopped reading)")
        chunks.append(chunk)
    return b"".join(chunks)


def maybe_gunzip(body: bytes, limit: int) -> bytes:
    """Undo gzip applied twice (or served without Content-Encoding), within the size cap."""
    if not body.startswith(b"\x1f\x8b"):
        return body
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = inflater.decompress(body, limit + 1)
    except zlib.error:
        return body  # not gzip after all: let the parser say what it is
    if len(data) > limit:
        raise BodyTooLargeError(f"gzip body inflates to over the {limit}-byte cap")
    return data


def _check_scheme(url: str, *, redirect: bool = False) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        what = "redirect to" if redirect else "URL with"
        raise RedirectError(f"{what} scheme {scheme or '(none)'!r} refused: http/https only")


def _describe(exc: aiohttp.ClientError) -> str:
    if isinstance(exc, aiohttp.ClientConnectorError):
        return f"cannot connect to {exc.host}:{exc.port}: {exc.os_error.strerror or exc.os_error}"
    if isinstance(exc, aiohttp.ClientPayloadError):
        return f"broken response body: {exc}"
    text = str(exc) or type(exc).__name__
    return f"{type(exc).__name__}: {text}"
