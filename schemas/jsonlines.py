"""Reading JSON Lines files of unknown origin: one bad line never costs the others.

A line is read only up to a cap (a 100 MB line is skipped while streaming past it, never
held in memory), and decoding failures of every kind become a reason for that line: not
only malformed JSON, but nesting deeper than the parser's stack and numbers longer than
Python will convert, which ``json`` reports as ``RecursionError`` and ``ValueError``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

#: Far above any real article (the feed-document cap is 10 MB for a whole feed).
MAX_LINE_BYTES = 4 * 1024 * 1024
_SKIP_CHUNK = 1024 * 1024


class BadJson(ValueError):
    """A line that is not a JSON value newswatch can read; the message says why."""


@dataclass(frozen=True)
class Line:
    """One non-blank line: its number, and its bytes, or None when it was over the cap."""

    number: int
    raw: bytes | None
    size: int

    @property
    def too_long(self) -> bool:
        return self.raw is None


def iter_lines(handle: BinaryIO, limit: int = MAX_LINE_BYTES) -> Iterator[Line]:
    """Non-blank lines of ``handle``; a line over ``limit`` bytes comes as ``raw=None``."""
    number = 0
    while True:
        raw = handle.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            size = len(raw) + _skip_rest_of_line(handle)
            yield Line(number, None, size)
            continue
        if raw.strip():
            yield Line(number, raw, len(raw))


def _skip_rest_of_line(handle: BinaryIO) -> int:
    skipped = 0
    while True:
        chunk = handle.readline(_SKIP_CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def too_long_reason(line: Line, limit: int = MAX_LINE_BYTES) -> str:
    return (f"line of {line.size:,} bytes is over the {limit:,}-byte limit "
            "(skipped without reading it)")


def loads(raw: bytes) -> Any:
    """``json.loads``, with every way it can fail turned into ``BadJson``. Bytes that are
    not UTF-8 are replaced (U+FFFD) rather than costing the whole line."""
    try:
        return json.loads(raw.decode("utf-8", "replace"))
    except json.JSONDecodeError as exc:
        raise BadJson(f"not valid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise BadJson("not valid JSON: nested too deeply to read") from None
    except ValueError as exc:  # e.g. an integer longer than int() will convert
        what = "a number too long to read" if "digits" in str(exc) else type(exc).__name__
        raise BadJson(f"not valid JSON: {what}") from None
