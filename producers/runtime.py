"""Wiring: settings + feeds file -> sources, sink, state store, runner."""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from producers.config import ProducerConfig, load_config, spec_from_jsonl, specs_from_dir
from producers.errors import PublishError
from producers.health import FeedHealth
from producers.health_alerts import HealthAlerter, HealthPublisher, KafkaHealthPublisher
from producers.poller import FeedPoller
from producers.publisher import ArticleSink, JsonlArticleSink, KafkaArticleSink
from producers.scheduler import FeedRunner, ProduceReport
from producers.state import FeedStateStore, KafkaStateStore, MemoryStateStore
from schemas.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    config: ProducerConfig
    sink: ArticleSink
    store: FeedStateStore
    health_alerts: tuple[HealthAlerter, HealthPublisher] | None = None

    def runner(self, on_health: Callable[[list[FeedHealth]], None] | None = None) -> FeedRunner:
        return FeedRunner(self.config.feeds, FeedPoller(self.sink), self.store,
                          self.config.polling, on_health=on_health,
                          health_alerts=self.health_alerts)

    async def close(self) -> None:
        await self.sink.close()
        await asyncio.to_thread(self.store.close)
        if self.health_alerts is not None:
            await asyncio.to_thread(self.health_alerts[1].close)


def build_config(settings: Settings, feeds_file: str | Path | None = None, *,
                 from_dir: str | Path | None = None,
                 from_jsonl: str | Path | None = None) -> ProducerConfig:
    """The feeds to poll: ``--from-dir`` / ``--from-jsonl`` if given, else the feeds file."""
    if from_dir is not None or from_jsonl is not None:
        specs = specs_from_dir(Path(from_dir)) if from_dir is not None else ()
        if from_jsonl is not None:
            specs = (*specs, spec_from_jsonl(Path(from_jsonl)))
        return ProducerConfig(feeds=specs, source=str(from_dir or from_jsonl))
    return load_config(feeds_file or settings.feeds)


def build_runtime(settings: Settings, config: ProducerConfig, *,
                  output: str | Path | None = None) -> Runtime:
    if output is not None:
        return Runtime(config, JsonlArticleSink(output), MemoryStateStore())
    ensure_topics(settings)
    sink = KafkaArticleSink(settings.kafka_bootstrap, settings.topic("articles"),
                            dlq_topic=settings.topic("dlq"))
    store = KafkaStateStore(settings.kafka_bootstrap, settings.topic("feedstate"))
    health = None
    if config.health_alerts is not None:
        publisher = KafkaHealthPublisher(settings.kafka_bootstrap, settings.topic("alerts"))
        health = (HealthAlerter(config.health_alerts), publisher)
    return Runtime(config, sink, store, health)


def check_reachable(bootstrap: str, timeout: float = 5.0) -> None:
    """Fail fast with a clear message when no bootstrap server accepts a connection
    (kafka-python's own clients retry for tens of seconds first)."""
    errors = []
    for server in bootstrap.split(","):
        host, _, port = server.strip().rpartition(":")
        try:
            socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
            return
        except OSError as exc:
            errors.append(f"{server.strip()}: {exc.strerror or exc}")
    raise PublishError(f"cannot reach Kafka at {bootstrap} ({'; '.join(errors)})")


def ensure_topics(settings: Settings) -> None:
    """Create the topics the producer writes, if missing (idempotent)."""
    from newswatch.topics import TOPICS, create_topics

    check_reachable(settings.kafka_bootstrap)
    wanted = tuple(t for t in TOPICS if t.name in ("articles", "feedstate", "dlq", "alerts"))
    try:
        create_topics(settings.kafka_bootstrap, settings.topic_prefix, wanted,
                      replication_factor=settings.replication_factor)
    except Exception as exc:  # kafka-python raises several unrelated types when unreachable
        raise PublishError(
            f"cannot reach Kafka at {settings.kafka_bootstrap}: {type(exc).__name__}: {exc}"
        ) from exc


async def arun_once(settings: Settings, feeds_file: str | Path | None = None, *,
                    output: str | Path | None = None, from_dir: str | Path | None = None,
                    from_jsonl: str | Path | None = None) -> ProduceReport:
    """Poll every feed once; see the package docstring."""
    config = build_config(settings, feeds_file, from_dir=from_dir, from_jsonl=from_jsonl)
    runtime = await asyncio.to_thread(build_runtime, settings, config, output=output)
    await runtime.sink.start()
    try:
        report = await runtime.runner().run_once()
    finally:
        await runtime.close()
    return report


def run_once(settings: Settings, feeds_file: str | Path | None = None, *,
             output: str | Path | None = None, from_dir: str | Path | None = None,
             from_jsonl: str | Path | None = None) -> ProduceReport:
    """Blocking ``arun_once``."""
    return asyncio.run(arun_once(settings, feeds_file, output=output, from_dir=from_dir,
                                 from_jsonl=from_jsonl))


async def run_forever(settings: Settings, feeds_file: str | Path | None = None, *,
                      stop: asyncio.Event | None = None, output: str | Path | None = None,
                      on_health: Callable[[list[FeedHealth]], None] | None = None) -> None:
    """Poll each feed on its own schedule until ``stop`` is set (or the task is cancelled)."""
    config = build_config(settings, feeds_file)
    runtime = await asyncio.to_thread(build_runtime, settings, config, output=output)
    await runtime.sink.start()
    stop = stop or asyncio.Event()
    try:
        log.info("polling %d feed(s) from %s", len(config.feeds), config.source)
        await runtime.runner(on_health).run_forever(stop)
    finally:
        await runtime.close()


__all__ = ["ProduceReport", "arun_once", "run_forever", "run_once"]
