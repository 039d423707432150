"""Wiring: settings + feeds file -> sources, sink, state store, runner."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..kafkaio.clients import KafkaClients
from ..kafkaio.deadletters import DeadLetterWriter
from ..kafkaio.topics import TOPICS, TopicNames, create_topics
from ..schemas.settings import Settings
from .config import (
    FeedSpec,
    ProducerConfig,
    SkippedFile,
    load_config,
    spec_from_jsonl,
    specs_from_dir,
)
from .errors import PublishError
from .health import FeedHealth
from .health_alerts import HealthAlerter, HealthPublisher, KafkaHealthPublisher
from .metrics import ProducerMetrics
from .poller import FeedPoller
from .publisher import ArticleSink, JsonlArticleSink, KafkaArticleSink
from .scheduler import FeedRunner, ProduceReport
from .state import FeedStateStore, KafkaStateStore, MemoryStateStore

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    config: ProducerConfig
    sink: ArticleSink
    store: FeedStateStore
    health_alerts: tuple[HealthAlerter, HealthPublisher] | None = None

    def runner(self, on_health: Callable[[list[FeedHealth]], None] | None = None,
               metrics: ProducerMetrics | None = None) -> FeedRunner:
        return FeedRunner(self.config.feeds, FeedPoller(self.sink), self.store,
                          self.config.polling, on_health=on_health,
                          health_alerts=self.health_alerts,
                          on_outcome=metrics.polled if metrics else None)

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
        specs: tuple[FeedSpec, ...] = ()
        skipped: tuple[SkippedFile, ...] = ()
        if from_dir is not None:
            specs, survey = specs_from_dir(Path(from_dir))
            skipped = survey.skipped
        if from_jsonl is not None:
            specs = (*specs, spec_from_jsonl(Path(from_jsonl)))
        return ProducerConfig(feeds=specs, source=str(from_dir or from_jsonl), skipped=skipped)
    return load_config(feeds_file or settings.feeds)


def build_runtime(settings: Settings, config: ProducerConfig, *,
                  output: str | Path | None = None) -> Runtime:
    if output is not None:
        return Runtime(config, JsonlArticleSink(output), MemoryStateStore())
    clients = KafkaClients(settings)
    topics = TopicNames.from_settings(settings)
    ensure_topics(clients)
    dead_letters = DeadLetterWriter(
        topics.dlq, make_producer=lambda: clients.producer("newswatch-producer-dlq"))
    sink = KafkaArticleSink(clients, topics.articles, dead_letters=dead_letters)
    store = KafkaStateStore(clients, topics.feedstate)
    health = None
    if config.health_alerts is not None:
        publisher = KafkaHealthPublisher(clients, topics.alerts)
        health = (HealthAlerter(config.health_alerts), publisher)
    return Runtime(config, sink, store, health)


def ensure_topics(clients: KafkaClients) -> None:
    """Create the topics the producer writes, if missing (idempotent)."""
    clients.check_reachable()
    wanted = tuple(t for t in TOPICS if t.name in ("articles", "feedstate", "dlq", "alerts"))
    try:
        create_topics(clients, specs=wanted)
    except Exception as exc:  # kafka-python raises several unrelated types when unreachable
        raise PublishError(
            f"cannot reach Kafka at {clients.bootstrap}: {type(exc).__name__}: {exc}"
        ) from exc


async def arun_once(settings: Settings, feeds_file: str | Path | None = None, *,
                    output: str | Path | None = None, from_dir: str | Path | None = None,
                    from_jsonl: str | Path | None = None) -> ProduceReport:
    """Poll every feed once; see the package docstring."""
    config = build_config(settings, feeds_file, from_dir=from_dir, from_jsonl=from_jsonl)
    if not config.feeds:
        # Nothing to read: say so (and what was skipped) without touching Kafka.
        return ProduceReport(skipped_files=[str(s) for s in config.skipped])
    runtime = await asyncio.to_thread(build_runtime, settings, config, output=output)
    await runtime.sink.start()
    try:
        report = await runtime.runner().run_once()
    finally:
        await runtime.close()
    report.skipped_files = [str(s) for s in config.skipped]
    return report


def run_once(settings: Settings, feeds_file: str | Path | None = None, *,
             output: str | Path | None = None, from_dir: str | Path | None = None,
             from_jsonl: str | Path | None = None) -> ProduceReport:
    """Blocking ``arun_once``."""
    return asyncio.run(arun_once(settings, feeds_file, output=output, from_dir=from_dir,
                                 from_jsonl=from_jsonl))


async def run_forever(settings: Settings, feeds_file: str | Path | None = None, *,
                      stop: asyncio.Event | None = None, output: str | Path | None = None,
                      on_health: Callable[[list[FeedHealth]], None] | None = None,
                      metrics: ProducerMetrics | None = None) -> None:
    """Poll each feed on its own schedule until ``stop`` is set (or the task is cancelled)."""
    config = build_config(settings, feeds_file)
    runtime = await asyncio.to_thread(build_runtime, settings, config, output=output)
    await runtime.sink.start()
    stop = stop or asyncio.Event()
    try:
        topics = TopicNames.from_settings(settings)
        where = (f"file {output}" if output is not None else
                 f"{topics.articles} at {settings.kafka_bootstrap} (state in {topics.feedstate})")
        health = (f"; feed-health alerts to {config.health_alerts.channel}"
                  if config.health_alerts is not None else "")
        log.info("producer: polling %d feed(s) from %s; publishing to %s%s",
                 len(config.feeds), config.source, where, health)
        if metrics is not None:
            metrics.started(len(config.feeds))
        await runtime.runner(on_health, metrics).run_forever(stop)
    finally:
        await runtime.close()


__all__ = ["ProduceReport", "arun_once", "run_forever", "run_once"]
