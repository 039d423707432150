"""The Faust app: ``detect`` (articles -> events) and ``route`` (events -> alerts).

Agent bodies only parse, call the pure engine, and send; anything that cannot
be parsed or processed goes to the dead-letter topic with its reason, and the
agent carries on with the next message. What cannot be *finished* (a send Kafka
refuses, a table or dead letter that cannot be written) stops the worker at once
without committing (failstop.py), so the record is read again after a restart.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from pathlib import Path
from typing import Any

import faust

from ..kafkaio.clients import KafkaClients
from ..kafkaio.deadletters import DeadLetterWriter
from ..kafkaio.topics import TopicNames
from ..schemas.article import Article
from ..schemas.deadletter import DeadLetter, Stage
from ..schemas.errors import SchemaError
from ..schemas.event import CompanyEvent
from ..schemas.settings import Settings
from ..telemetry.service import ServiceTelemetry
from .failstop import stop_if_send_failed, stop_on_failure
from .observe import WorkerObserver, owned_partitions
from .pacing_agent import add_pacing
from .recovery import NewswatchTableManager
from .routing import CompanyStories, state_key
from .rules_holder import RulesHolder
from .subscription_feed import SubscriptionFeed
from .transport import TRANSPORT_SCHEME

log = logging.getLogger(__name__)

EVENTS_PARTITIONS = 6  # the route table is co-partitioned with the events topic
ROUTED_PARTITIONS = 6  # the pace table is co-partitioned with the routed topic
RULES_CHECK_SECONDS = 5.0
OBSERVE_SECONDS = 2.0  # heartbeat, readiness and owned partitions for the health endpoints
SUBSCRIPTIONS_CHECK_SECONDS = 1.0


def create_app(settings: Settings, events_partitions: int = EVENTS_PARTITIONS,
               observer: WorkerObserver | None = None,
               rules: RulesHolder | None = None,
               routed_partitions: int = ROUTED_PARTITIONS) -> faust.App:
    """Build the Faust app and its agents from settings (no import-time globals)."""
    # Faust keeps a small local directory; keep it with newswatch's other local state.
    home = Path(os.environ.get("NEWSWATCH_HOME", ".newswatch"))
    datadir = home / "faust" / settings.consumer_group
    datadir.mkdir(parents=True, exist_ok=True)
    clients = KafkaClients(settings)
    names = TopicNames.from_settings(settings)
    app = faust.App(
        settings.consumer_group,
        **clients.faust_options(scheme=TRANSPORT_SCHEME),
        store="memory://",  # tables are rebuilt from their changelog topics on start
        topic_replication_factor=settings.replication_factor,
        topic_partitions=events_partitions,
        web_enabled=False,
        datadir=str(datadir),
        producer_acks=-1,
        consumer_auto_offset_reset="earliest",
        # Faust's own recovery skips records on a restart with a backlog: see recovery.py.
        TableManager=NewswatchTableManager,
    )
    articles = app.topic(names.articles, key_type=bytes, value_type=bytes,
                         value_serializer="raw", key_serializer="raw")
    events = app.topic(names.events, key_type=bytes, value_type=bytes,
                       value_serializer="raw", key_serializer="raw")
    alerts = app.topic(names.alerts, key_type=bytes, value_type=bytes,
                       value_serializer="raw", key_serializer="raw")
    routed = app.topic(names.routed, key_type=bytes, value_type=bytes,
                       value_serializer="raw", key_serializer="raw")
    # Each table must have as many partitions as the topic whose agent writes it.
    stories = app.Table("route-stories", default=None, partitions=events_partitions,
                        key_type=str, value_type=str)
    channels = app.Table("route-channels", default=None, partitions=routed_partitions,
                         key_type=str, value_type=str)

    # Slack-made subscriptions and mutes, read whole before any event is routed, so a
    # restarted worker routes with the state in force; then kept up to date by a timer.
    subscriptions = SubscriptionFeed(clients, names.subscriptions)
    subscriptions.load()
    if rules is None:
        rules = RulesHolder(settings.rules, subscriptions.layer)
    else:
        rules.use_subscriptions(subscriptions.layer)
    observer = observer or WorkerObserver(
        ServiceTelemetry("worker", settings, long_running=False), settings)
    observer.rules(rules)
    dead_letters = DeadLetterWriter(
        names.dlq, make_producer=lambda: clients.producer("newswatch-worker-dlq"))

    async def dead_letter(stage: Stage, reason: str, event: Any) -> None:
        message = event.message
        await dead_letters.awrite(DeadLetter.for_message(
            stage=stage, reason=reason, payload=event.value, source_topic=message.topic,
            partition=message.partition, offset=message.offset, key=event.key))
        observer.dead_lettered(stage)

    async def send(topic: Any, key: bytes, value: bytes) -> None:
        sent = await topic.send(key=key, value=value)
        sent.add_done_callback(stop_if_send_failed)

    @app.agent(articles, name="detect")
    async def detect(stream: faust.StreamT[bytes]) -> None:
        async for event in stream.events():
            where = _where(event)
            started = time.perf_counter()
            with stop_on_failure("detect", where):
                try:
                    article = Article.from_json(event.value, source=where)
                    found = rules.current.detector.detect(article)
                except SchemaError as exc:
                    await dead_letter("detect", str(exc), event)
                    continue
                except Exception as exc:  # one bad article must not stop the stream
                    log.exception("detection failed for %s", where)
                    await dead_letter("detect",
                                      f"detection failed: {type(exc).__name__}: {exc}", event)
                    continue
                observer.detected(article, found, time.perf_counter() - started, where)
                for company_event in found:
                    await send(events, company_event.company.encode(),
                               company_event.to_json_bytes())

    @app.agent(events, name="route")
    async def route(stream: faust.StreamT[bytes]) -> None:
        async for event in stream.events():
            where = _where(event)
            with stop_on_failure("route", where):
                try:
                    company_event = CompanyEvent.from_json(event.value, source=where)
                except SchemaError as exc:
                    await dead_letter("route", str(exc), event)
                    continue
                key = state_key(company_event)  # company and event type: the company's partition
                try:
                    raw = stories.get(key)
                    state = (CompanyStories.model_validate_json(raw) if raw
                             else CompanyStories())
                    raised = rules.current.router.route(company_event, state)
                except Exception as exc:  # like detect: one bad event must not stop the stream
                    log.exception("routing failed for %s", where)
                    await dead_letter("route",
                                      f"routing failed: {type(exc).__name__}: {exc}", event)
                    continue
                stories[key] = state.model_dump_json()
                observer.routed(company_event, raised, rules.current.router)
                pacer = rules.current.pacer
                for alert in raised:
                    # Channels nothing can hold back skip the pacing hop.
                    target = routed if pacer.paces(alert.channel) else alerts
                    await send(target, alert.channel.encode(), alert.to_json_bytes())

    add_pacing(app, routed=routed, alerts=alerts, table=channels, rules=rules,
               dead_letter=dead_letter, send=send, partitions=routed_partitions,
               tick_seconds=settings.digest_tick_seconds)

    @app.timer(interval=RULES_CHECK_SECONDS)
    async def reload_rules() -> None:
        await rules.areload_if_changed()
        observer.rules(rules)

    sources = {names.articles, names.events}

    @app.timer(interval=OBSERVE_SECONDS)
    async def observe() -> None:
        joined = app.rebalancing_count > 0
        owned = owned_partitions(app.consumer, sources) if joined else []
        observer.tick(joined, app.rebalancing, owned)

    if settings.summary_interval:
        @app.timer(interval=settings.summary_interval)
        async def summarise() -> None:
            observer.log_summary()

    @app.timer(interval=SUBSCRIPTIONS_CHECK_SECONDS)
    async def refresh_subscriptions() -> None:
        try:
            await asyncio.to_thread(subscriptions.catch_up)
        except Exception as exc:  # the broker is away: keep routing with what is known
            log.warning("subscriptions not refreshed (%s: %s); retrying",
                        type(exc).__name__, exc)

    return app


def _where(event: Any) -> str:
    message = event.message
    return f"{message.topic}[{message.partition}]@{message.offset}"
