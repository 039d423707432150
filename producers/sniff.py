"""What is this file? Feed documents are told by their content, not their name.

Exports and mirrors often have no extension (``feed``, ``rss``, ``index``), or the wrong
one; a folder may also hold READMEs, images and OPML lists. ``sniff`` reads the first
bytes (inflating gzip) and answers with the source kind to poll the file as, or the
reason to skip it, in words a user can act on.
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

HEAD_BYTES = 64 * 1024

# Longest first: a UTF-32 LE BOM starts with the UTF-16 LE one.
_ENCODINGS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"),
    (b"\x00<", "utf-16-be"), (b"<\x00", "utf-16-le"),
)
_PROLOG = re.compile(rb"^(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)*",
                     re.DOTALL | re.IGNORECASE)
_ROOT = re.compile(rb"<([A-Za-z_][\w.:-]*)")
# The DOCTYPE names the root element; it is all there is to go by when a long internal
# subset fills the bytes read.
_DOCTYPE = re.compile(rb"<!DOCTYPE\s+([A-Za-z_][\w.:-]*)")
_FEED_ROOTS = {b"rss", b"feed", b"rdf", b"channel"}  # local names: any namespace prefix
_BINARY = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


@dataclass(frozen=True)
class Sniffed:
    """``kind`` to poll the file as, or None with ``reason`` to skip it."""

    kind: Literal["file", "jsonl"] | None
    reason: str = ""


def sniff(path: Path) -> Sniffed:
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError as exc:
        return Sniffed(None, f"cannot read: {exc.strerror or exc}")
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, HEAD_BYTES)
        except zlib.error:
            return Sniffed(None, "broken gzip data")
    return sniff_bytes(head)


def utf8_view(data: bytes) -> bytes:
    """``data`` as UTF-8 bytes if it is UTF-16 or UTF-32 (by BOM or by the zero bytes
    around its first '<'), BOM removed; other data as it is."""
    for mark, encoding in _ENCODINGS:
        if data.startswith(mark):
            bom = 0 if mark.strip(b"\x00") == b"<" else len(mark)
            return data[bom:].decode(encoding, "ignore").encode("utf-8")
    return data.removeprefix(b"\xef\xbb\xbf")


def sniff_bytes(head: bytes) -> Sniffed:
    """The decision for a file that starts with ``head``."""
    stripped = utf8_view(head).lstrip()
    if not stripped:
        return Sniffed(None, "empty file")
    if _BINARY.search(stripped[:4096]):
        return Sniffed(None, "binary data, not a feed")
    if stripped.startswith(b"<"):
        return _sniff_xml(stripped)
    if stripped.startswith(b"{"):
        return _sniff_json(stripped)
    return Sniffed(None, "text that is not RSS, Atom, JSON Feed or article JSON lines")


def _sniff_xml(text: bytes) -> Sniffed:
    body = text[_PROLOG.match(text).end():]  # type: ignore[union-attr]
    root = _ROOT.match(body) or _DOCTYPE.match(body)
    if root is None:
        return Sniffed(None, "markup without a root element")
    name = root.group(1).lower()
    if name.rpartition(b":")[2] in _FEED_ROOTS:
        return Sniffed("file")
    if name == b"opml":
        return Sniffed(None, "an OPML subscription list: add its feeds with "
                             "'newswatch feeds import'")
    if name == b"html":
        return Sniffed(None, "an HTML page, not a feed")
    return Sniffed(None, f"XML whose root is <{name.decode(errors='replace')}>, "
                         "not RSS, Atom or RDF")


def _sniff_json(text: bytes) -> Sniffed:
    if b"jsonfeed.org/version/" in text:
        return Sniffed("file")
    first_line = text.split(b"\n", 1)[0]
    try:
        first = json.loads(first_line)
    except (ValueError, RecursionError):
        first = None
    if isinstance(first, dict) and "title" in first and "id" in first:
        return Sniffed("jsonl")
    if isinstance(first, dict) and "items" in first:
        return Sniffed(None, "JSON with items but no jsonfeed.org version: not a JSON Feed")
    return Sniffed(None, "JSON, but neither a JSON Feed nor article JSON lines "
                         "(one object with id and title per line)")
