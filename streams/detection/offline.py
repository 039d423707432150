"""Run detection over JSONL files: articles in, events out, bad lines named by file:line."""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from ...schemas.article import Article
from ...schemas.errors import ConfigError, SchemaError
from ...schemas.jsonlines import BadJson, iter_lines, loads, too_long_reason
from .engine import Detector

log = logging.getLogger(__name__)

# Keys of an input line that become the Article; others (expected, tags, notes) are ignored.
ARTICLE_KEYS = ("id", "title", "summary", "content", "link", "published", "source", "feed")


@dataclass(frozen=True)
class BadLine:
    location: str
    message: str


@dataclass
class DetectSummary:
    articles: int = 0
    bad_lines: int = 0
    events: int = 0

    def line(self) -> str:
        return (f"detect: {self.articles} article(s), {self.events} event(s), "
                f"{self.bad_lines} bad line(s) skipped")


def article_from_obj(obj: Any, *, source: str) -> Article:
    """An Article from one decoded JSON object; SchemaError names ``source``."""
    if not isinstance(obj, dict):
        raise SchemaError("expected a JSON object", source=source)
    data = {k: obj[k] for k in ARTICLE_KEYS if k in obj and obj[k] is not None}
    if "id" in data and not isinstance(data["id"], str):
        data["id"] = str(data["id"])
    return Article.from_obj(data, source=source)


def read_articles(path: str | Path) -> Iterator[tuple[int, Article | BadLine, dict[str, Any]]]:
    """(line number, Article or BadLine, raw object) for each non-blank line of ``path``.

    Every line is read on its own: a line too long, nested too deep, holding a number too
    big or failing validation becomes a ``BadLine`` and the next line is read as usual.
    """
    path = Path(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise ConfigError(f"cannot read file: {exc.strerror}", location=str(path)) from None
    with handle:
        for line in iter_lines(handle):
            where = f"{path}:{line.number}"
            if line.raw is None:
                yield line.number, BadLine(where, too_long_reason(line)), {}
                continue
            try:
                obj = loads(line.raw)
            except BadJson as exc:
                yield line.number, BadLine(where, str(exc)), {}
                continue
            try:
                yield line.number, article_from_obj(obj, source=where), obj
            except SchemaError as exc:
                yield line.number, BadLine(where, str(exc).removeprefix(f"{where}: ")), {}


# A batch of input lines for one detecting process: (line number, where, bytes or a reason).
Batch = list[tuple[int, str, "bytes | str"]]
# Per line: (line number, None and the event JSON lines) or (line number, the skip message).
Result = tuple[int, "str | None", list[str]]
BATCH_LINES = 200
# Below this much input, starting processes costs more than it saves.
PARALLEL_FROM_BYTES = 4 * 2**20


def detect_file(detector: Detector, path: str | Path, out: TextIO, err: TextIO, *,
                jobs: int = 1) -> DetectSummary:
    """Write one CompanyEvent JSON per line to ``out``, in input order; report bad lines on
    ``err``. With ``jobs`` > 1, lines are decoded, validated and detected in that many
    processes, each with a copy of this detector."""
    path = Path(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise ConfigError(f"cannot read file: {exc.strerror}", location=str(path)) from None
    summary = DetectSummary()
    with handle:
        batches = _batches(path, handle)
        if jobs > 1:
            with _pool(detector, jobs) as pool:
                _write(pool.imap(_detect_batch, batches), summary, out, err)
        else:
            _init_worker(detector)
            _write(map(_detect_batch, batches), summary, out, err)
    return summary


def _batches(path: Path, handle: BinaryIO) -> Iterator[Batch]:
    batch: Batch = []
    for line in iter_lines(handle):
        where = f"{path}:{line.number}"
        batch.append((line.number, where, line.raw if line.raw is not None
                      else too_long_reason(line)))
        if len(batch) >= BATCH_LINES:
            yield batch
            batch = []
    if batch:
        yield batch


def _write(results: Iterable[list[Result]], summary: DetectSummary, out: TextIO,
           err: TextIO) -> None:
    for batch in results:
        for _number, skipped, events in batch:
            if skipped is not None:
                summary.bad_lines += 1
                print(skipped, file=err)
                continue
            summary.articles += 1
            summary.events += len(events)
            for event in events:
                out.write(event + "\n")


@contextlib.contextmanager
def _pool(detector: Detector, jobs: int) -> Iterator[Any]:
    context = multiprocessing.get_context(_start_method())
    with context.Pool(jobs, initializer=_init_worker, initargs=(detector,)) as pool:
        yield pool


def _start_method() -> str:
    """fork when this process runs one thread: the children start at once with the detector
    and every module already loaded (a fresh process spends about a second importing).
    With other threads running (a caller's, a test runner's), a forked child can inherit a
    lock some thread held and deadlock, so the fork server, which starts clean, is used and
    the detector is pickled to each process once."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


_DETECTOR: Detector | None = None


def _init_worker(detector: Detector) -> None:
    global _DETECTOR
    _DETECTOR = detector


def _detect_batch(batch: Batch) -> list[Result]:
    assert _DETECTOR is not None
    results: list[Result] = []
    for number, where, raw in batch:
        if isinstance(raw, str):
            results.append((number, f"{where}: skipped: {raw}", []))
            continue
        try:
            article = article_from_obj(loads(raw), source=where)
        except BadJson as exc:
            results.append((number, f"{where}: skipped: {exc}", []))
            continue
        except SchemaError as exc:
            results.append((number, f"{where}: skipped: "
                                    f"{str(exc).removeprefix(f'{where}: ')}", []))
            continue
        try:
            events = _DETECTOR.detect(article)
        except Exception as exc:  # one article the engine chokes on must not end the run
            log.debug("detection failed", exc_info=True)
            results.append((number, f"{where}: skipped: detection failed "
                                    f"({type(exc).__name__})", []))
            continue
        results.append((number, None,
                        [e.model_dump_json(exclude={"detected_at"}) for e in events]))
    return results


def jobs_for(wanted: int | None, path: str | Path) -> int:
    """``--jobs``: as asked, or (unset) one per CPU this process may use for a large file."""
    if wanted is not None:
        if wanted < 1:
            raise ConfigError("must be 1 or more", location="--jobs")
        return wanted
    try:
        size = Path(path).stat().st_size
    except OSError:
        return 1
    if size < PARALLEL_FROM_BYTES:
        return 1
    return max(1, min(len(os.sched_getaffinity(0)), 8))
