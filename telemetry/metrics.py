"""Metric helpers every service shares: its registry, dead letters, consumer lag.

Each service builds one ``CollectorRegistry`` (not prometheus-client's global one), so a
test or a process running two services in-process sees exactly its own figures. Metric
names follow Prometheus conventions: ``newswatch_`` prefix, ``_total`` on counters,
base units (seconds).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping

from prometheus_client import (
    GC_COLLECTOR,
    PLATFORM_COLLECTOR,
    PROCESS_COLLECTOR,
    CollectorRegistry,
    Counter,
    Gauge,
    Info,
)
from prometheus_client.gc_collector import GCCollector
from prometheus_client.platform_collector import PlatformCollector
from prometheus_client.process_collector import ProcessCollector

TopicPartitionKey = tuple[str, int]

# Imported for their side effect on the default registry only; ours gets its own copies.
del GC_COLLECTOR, PLATFORM_COLLECTOR, PROCESS_COLLECTOR


def new_registry(service: str, version: str = "") -> CollectorRegistry:
    """A registry with process, platform and GC figures and ``newswatch_build_info``."""
    registry = CollectorRegistry(auto_describe=True)
    ProcessCollector(registry=registry)
    PlatformCollector(registry=registry)
    GCCollector(registry=registry)
    info = Info("newswatch_build", "newswatch version and which service this process runs",
                registry=registry)
    info.info({"version": version or "unknown", "service": service})
    return registry


def dead_letters_counter(registry: CollectorRegistry) -> Counter:
    """``newswatch_dead_letters_total{stage}``: messages written to the dead-letter topic."""
    return Counter("newswatch_dead_letters", "Messages written to the dead-letter topic",
                   ["stage"], registry=registry)


class ConsumerLag:
    """``newswatch_consumer_lag{group,topic,partition}`` for the partitions this member owns.

    ``update`` replaces the whole set, so partitions handed to another member by a
    rebalance stop being reported here (their new owner reports them).
    """

    def __init__(self, registry: CollectorRegistry, group: str) -> None:
        self.group = group
        self._gauge = Gauge("newswatch_consumer_lag",
                            "Messages in a partition this member owns that its consumer group "
                            "has not committed yet", ["group", "topic", "partition"],
                            registry=registry)
        self._lags: dict[TopicPartitionKey, int] = {}
        self._lock = threading.Lock()

    def update(self, lags: Mapping[TopicPartitionKey, int]) -> None:
        with self._lock:
            for topic, partition in set(self._lags) - set(lags):
                self._gauge.remove(self.group, topic, str(partition))
            for (topic, partition), lag in lags.items():
                self._gauge.labels(self.group, topic, str(partition)).set(lag)
            self._lags = dict(lags)

    def total(self) -> int | None:
        """Sum over the partitions shown, None before the first look (for log summaries)."""
        with self._lock:
            return sum(self._lags.values()) if self._lags else None


class Periodic:
    """Call ``action`` every ``interval_s`` seconds in a daemon thread until ``stop()``.

    For work that must not run on a stage's own loop (lag look-ups block on the broker).
    An exception is reported through ``on_error`` and the next round runs as usual.
    """

    def __init__(self, name: str, interval_s: float, action: Callable[[], None],
                 on_error: Callable[[BaseException], None]) -> None:
        self._interval_s = interval_s
        self._action = action
        self._on_error = on_error
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> Periodic:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(5)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._action()
            except Exception as exc:  # a failed round must not end the reporting
                self._on_error(exc)
            self._stop.wait(self._interval_s)
