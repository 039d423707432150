"""A local HTTP feed server for tests, with fault injection by URL path.

Serves the files under a root folder at ``/<path>``, with ETag and Last-Modified
(answering conditional requests with 304). A prefix before the path injects a fault:

====================================  ==================================================
``/slow/<seconds>/<path>``            wait, then serve
``/trickle/<seconds>/<path>``         send headers, then the body a byte at a time over
                                      ``seconds``
``/hang/<path>``                      never answer (until the server stops)
``/status/<code>/<path>``             answer ``code`` (e.g. 500, 404) with a short body
``/retry-after/<code>/<secs>/<path>`` answer 429 or 503 with ``Retry-After: secs``
``/redirect/<n>/<path>``              ``n`` 302 hops, then the file
``/moved/<path>``                     one 301 to ``/<path>``
``/redirect-loop/<name>``             302 to itself, forever
``/redirect-to?location=<url>``       302 to any location (``file:///etc/passwd`` ...)
``/big/<bytes>``                      a feed-looking body of that size, no Content-Length
``/type/<mime-with-~-for-/>/<path>``  serve with that Content-Type (``text~html``)
``/gzip/<path>`` ``/deflate/<path>``  compressed with that Content-Encoding
``/no-validators/<path>``             no ETag/Last-Modified, conditional headers ignored
``/ignore-conditional/<path>``        sends validators but always answers 200
====================================  ==================================================

Use the ``feed_server`` fixture (serving a fresh temporary folder) or ``FeedServer``.
``requests`` counts requests per path, ``statuses`` counts answers per status code,
``max_in_flight`` is the most requests the server was answering at once.
"""

from __future__ import annotations

import contextlib
import email.utils
import gzip
import hashlib
import mimetypes
import re
import threading
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

_HEADER_LINE = re.compile(rb"^Header:\s*([A-Za-z-]+):\s*(.*?)\s*$", re.MULTILINE)


class FeedServer:
    """Threaded HTTP server on 127.0.0.1 with an OS-chosen port."""

    def __init__(self, root: str | Path, *, document_headers: bool = False) -> None:
        self.root = Path(root).resolve()
        # feedparser's test documents carry "Header: Name: value" lines emulating HTTP
        # headers; when asked, the server sends them.
        self.document_headers = document_headers
        self.requests: Counter[str] = Counter()
        self.statuses: Counter[int] = Counter()
        self.stopping = threading.Event()
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        handler = type("Handler", (_Handler,), {"feed_server": self})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._httpd.request_queue_size = 512
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,),
                                        daemon=True, name="feed-server")

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path.lstrip('/')}"

    def write(self, name: str, content: str | bytes) -> Path:
        """Write (or replace) a file under the root; returns its path."""
        target = self.root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return target

    def count(self, path: str) -> int:
        """Requests seen for ``path`` (as given to ``url``)."""
        return self.requests["/" + path.lstrip("/")]

    def total(self) -> int:
        return sum(self.requests.values())

    def start(self) -> FeedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def _enter(self) -> None:
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def _leave(self) -> None:
        with self._lock:
            self.in_flight -= 1

    def _record(self, path: str, status: int) -> None:
        with self._lock:
            self.requests[path] += 1
            self.statuses[status] += 1

    def __enter__(self) -> FeedServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class _Handler(BaseHTTPRequestHandler):
    feed_server: FeedServer
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; without this, Nagle plus delayed ACK
    # adds ~40 ms to every keep-alive response.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: tests read counters, not logs

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        segments = [s for s in path.split("/") if s]
        self.feed_server._enter()
        try:
            # The client gave up (timeouts, body caps): expected in fault tests.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self._route(path, segments, parse_qs(parts.query))
        finally:
            self.feed_server._leave()

    def _route(self, path: str, seg: list[str], query: dict[str, list[str]]) -> None:
        server = self.feed_server
        head = seg[0] if seg else ""
        rest = "/".join(seg[1:])
        if head == "slow":
            server.stopping.wait(float(seg[1]))
            return self._file(path, "/".join(seg[2:]))
        if head == "trickle":
            return self._file(path, "/".join(seg[2:]), trickle=float(seg[1]))
        if head == "hang":
            server._record(path, 0)
            server.stopping.wait(600)
            return None
        if head == "status":
            return self._plain(path, int(seg[1]), f"error {seg[1]}\n")
        if head == "retry-after":
            return self._plain(path, int(seg[1]), "slow down\n", {"Retry-After": seg[2]})
        if head == "redirect":
            hops = int(seg[1])
            target = "/" + "/".join(seg[2:]) if hops <= 1 else f"/redirect/{hops - 1}/" + \
                "/".join(seg[2:])
            return self._plain(path, 302, "", {"Location": target})
        if head == "moved":
            return self._plain(path, 301, "", {"Location": "/" + rest})
        if head == "redirect-loop":
            return self._plain(path, 302, "", {"Location": path})
        if head == "redirect-to":
            return self._plain(path, 302, "", {"Location": query.get("location", ["/"])[0]})
        if head == "big":
            return self._big(path, int(seg[1]))
        if head == "type":
            return self._file(path, "/".join(seg[2:]), content_type=seg[1].replace("~", "/"))
        if head in ("gzip", "deflate"):
            return self._file(path, rest, encoding=head)
        if head == "no-validators":
            return self._file(path, rest, validators=False)
        if head == "ignore-conditional":
            return self._file(path, rest, conditional=False)
        return self._file(path, path.lstrip("/"))

    def _plain(self, path: str, status: int, body: str,
               headers: dict[str, str] | None = None) -> None:
        data = body.encode()
        self.feed_server._record(path, status)
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _file(self, path: str, name: str, *, content_type: str | None = None,
              encoding: str | None = None, validators: bool = True, conditional: bool = True,
              trickle: float = 0.0) -> None:
        root = self.feed_server.root
        target = (root / name).resolve()
        if not target.is_file() or not target.is_relative_to(root):
            return self._plain(path, 404, "not found\n")
        body = target.read_bytes()
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        last_modified = email.utils.formatdate(int(target.stat().st_mtime), usegmt=True)
        if validators and conditional and self._not_modified(etag, target.stat().st_mtime):
            self.feed_server._record(path, 304)
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return None
        headers = {"Content-Type": content_type or _guess_type(target)}
        if self.feed_server.document_headers and content_type is None:
            headers.update(_document_headers(body))
        if validators:
            headers.setdefault("ETag", etag)
            headers.setdefault("Last-Modified", last_modified)
        if encoding == "gzip":
            body, headers["Content-Encoding"] = gzip.compress(body), "gzip"
        elif encoding == "deflate":
            body, headers["Content-Encoding"] = zlib.compress(body), "deflate"
        self.feed_server._record(path, 200)
        self.send_response(200)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if trickle and body:
            pause = trickle / len(body)
            for i in range(len(body)):
                if self.feed_server.stopping.is_set():
                    return None
                self.wfile.write(body[i:i + 1])
                self.wfile.flush()
                time.sleep(pause)
        else:
            self.wfile.write(body)
        return None

    def _not_modified(self, etag: str, mtime: float) -> bool:
        match = self.headers.get("If-None-Match")
        if match is not None:
            return etag in [m.strip() for m in match.split(",")] or match.strip() == "*"
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                parsed = email.utils.parsedate_to_datetime(since).timestamp()
            except (TypeError, ValueError):
                return False
            return int(mtime) <= parsed
        return False

    def _big(self, path: str, size: int) -> None:
        self.feed_server._record(path, 200)
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = b"<!-- padding -->" * 4096
        sent = 0
        head = b'<?xml version="1.0"?><rss version="2.0"><channel><title>big</title>'
        self._chunk(head)
        sent += len(head)
        while sent < size and not self.feed_server.stopping.is_set():
            piece = chunk[: size - sent]
            self._chunk(piece)
            sent += len(piece)
        self._chunk(b"")

    def _chunk(self, data: bytes) -> None:
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")


def _guess_type(path: Path) -> str:
    if path.suffix in (".rss", ".xml", ".rdf"):
        return "application/xml"
    if path.suffix == ".atom":
        return "application/atom+xml"
    if path.suffix == ".json":
        return "application/feed+json"
    return mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def _document_headers(body: bytes) -> dict[str, str]:
    found = {}
    for name, value in _HEADER_LINE.findall(body[:2048]):
        try:
            found[name.decode("ascii").title()] = value.decode("latin-1")
        except UnicodeDecodeError:
            continue
    return found


@pytest.fixture
def feed_server(tmp_path: Path) -> Iterator[FeedServer]:
    """A feed server over a fresh temporary folder; write feeds with ``.write(name, text)``."""
    root = tmp_path / "served"
    root.mkdir()
    with FeedServer(root) as server:
        yield server
