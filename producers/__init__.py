"""Feed producers: feeds -> normalised ``Article`` -> Kafka (``<prefix>.articles``).

In-process entry points (used by the CLI, the end-to-end test and the demo):

``run_once(settings, feeds_file=None, *, output=None, from_dir=None, from_jsonl=None)``
    Poll every feed one time and return a ``ProduceReport`` (``feeds_ok``,
    ``feeds_failed``, ``articles_published``, ``duplicates_skipped``, ``errors`` ...).
    Publishes to ``<prefix>.articles`` at ``settings.kafka_bootstrap`` and keeps
    per-feed state in ``<prefix>.feedstate``; with ``output=`` it writes Article
    JSON lines to that file instead and keeps state in memory (no broker needed).
    ``from_dir`` / ``from_jsonl`` replace the feeds file with a folder of feed documents or
    a JSONL dump of articles. Blocking; from async code use ``arun_once`` instead.

``run_forever(settings, feeds_file=None, stop=None)`` (async)
    Poll each feed on its own interval until ``stop`` is set.

``producers.health.quiet_feeds(states, now)``
    Feeds quiet for longer than expected, or unhealthy, as ``FeedHealth`` records.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .runtime import ProduceReport, arun_once, run_forever, run_once

# Imported on first use, so that `newswatch --help` and the light commands do not pay
# for what they never touch (PEP 562).
_LAZY = {
    "ProduceReport": "runtime",
    "arun_once": "runtime",
    "run_forever": "runtime",
    "run_once": "runtime",
}

__all__ = [
    "ProduceReport",
    "arun_once",
    "run_forever",
    "run_once",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
