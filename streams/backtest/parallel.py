"""Detection in worker processes, one per partition group, merged back in event-time order.

Each worker reads its partitions, detects, and sends its digests, already merged in sort-key
order, through a bounded queue (batches pickled by ``transfer``); the parent merges the
workers' sequences the same way. Because every stream is in sort-key order and keys are
unique (``ordering``), the merged sequence is the one a single process produces, so
routing, which stays in the parent, gives identical alerts. Workers start with ``spawn``:
no Kafka client or thread of the parent is inherited.
"""

from __future__ import annotations

import multiprocessing
import queue as queue_module
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from ...schemas.errors import NewswatchError
from ..detection import Detector
from . import transfer
from .detecting import DetectionPlan, InputItem, Progress, detect_stream, few_collections
from .ordering import ArticleDigest, SortKey, StreamStats, merge

StreamFactory = Callable[[], Iterable[InputItem]]
"""Opens one input stream; must be picklable to run in a worker (a dataclass instance)."""

BATCH = 256
QUEUE_BATCHES = 64  # bounds what a worker may run ahead of routing
ALIVE_CHECK_S = 2.0


class WorkerFailed(NewswatchError):
    """A detecting worker process failed; the message is the worker's own error."""


def detect_streams(streams: Sequence[tuple[int, StreamFactory]], plan: DetectionPlan,
                   stats: StreamStats, progress: Progress | None = None,
                   detector: Detector | None = None
                   ) -> Iterator[tuple[SortKey, ArticleDigest]]:
    """All streams detected in this process, merged in sort-key order."""
    detector = detector or Detector(plan.rules)
    per_stream = [StreamStats() for _ in streams]
    try:
        yield from merge(detect_stream(number, factory(), detector, plan, own, progress)
                         for (number, factory), own in zip(streams, per_stream, strict=True))
    finally:
        for own in per_stream:
            stats.add(own)


def detect_in_processes(groups: Sequence[Sequence[tuple[int, StreamFactory]]],
                        plan: DetectionPlan, stats: StreamStats,
                        progress: Progress | None = None
                        ) -> Iterator[tuple[SortKey, ArticleDigest]]:
    """One worker process per group of streams; their outputs merged in sort-key order."""
    context = multiprocessing.get_context("spawn")
    channels: list[Any] = []
    workers = []
    for group in groups:
        channel = context.Queue(maxsize=QUEUE_BATCHES)
        worker = context.Process(target=_work, args=(list(group), plan, channel), daemon=True,
                                 name="newswatch-backtest-detect")
        worker.start()
        channels.append(channel)
        workers.append(worker)
    try:
        yield from merge(_receive(c, w, stats, progress)
                         for c, w in zip(channels, workers, strict=True))
    finally:
        for worker in workers:
            if worker.is_alive():
                worker.terminate()
            worker.join()


def _receive(channel: Any, worker: Any, stats: StreamStats,
             progress: Progress | None) -> Iterator[tuple[SortKey, ArticleDigest]]:
    while True:
        try:
            kind, payload = channel.get(timeout=ALIVE_CHECK_S)
        except queue_module.Empty:
            if not worker.is_alive():
                raise WorkerFailed(f"a detecting process stopped with exit code "
                                   f"{worker.exitcode} before it finished") from None
            continue
        if kind == "items":
            yield from transfer.loads(payload)
        elif kind == "progress":
            if progress is not None:
                progress(payload)
        elif kind == "done":
            stats.add(payload)
            return
        else:
            raise WorkerFailed(payload)


def _work(streams: list[tuple[int, StreamFactory]], plan: DetectionPlan, channel: Any) -> None:
    """Worker process body: detect, send batches, then the stats (or the error)."""
    with few_collections():
        _detect_and_send(streams, plan, channel)


def _detect_and_send(streams: list[tuple[int, StreamFactory]], plan: DetectionPlan,
                     channel: Any) -> None:
    stats = StreamStats()
    try:
        batch: list[tuple[SortKey, ArticleDigest]] = []
        for pair in detect_streams(streams, plan, stats,
                                   lambda n: channel.put(("progress", n))):
            batch.append(pair)
            if len(batch) >= BATCH:
                channel.put(("items", transfer.dumps(batch)))
                batch = []
        channel.put(("items", transfer.dumps(batch)))
        channel.put(("done", stats))
    except Exception as exc:  # reported to the parent, which raises it as WorkerFailed
        channel.put(("error", f"{type(exc).__name__}: {exc}"))
