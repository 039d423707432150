"""The Faust app: ``detect`` (articles -> events) and ``route`` (events -> alerts).

Agent bodies only parse, call the pure engine, and send; anything that cannot
be parsed or processed goes to the dead-letter topic with its reason, and the
agent carries on with the next message. What cannot be *finished* (a send Kafka
refuses, a table or dead letter that cannot be written) stops the worker at once
without committing (failstop.py), so the record is read again after a restart.
"""

from __future__ import annotations

import logging
import os
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
from .failstop import stop_if_send_failed, stop_on_failure
from .recovery import NewswatchTableManager
from .routing import CompanyStories
from .rules_holder import RulesHolder
from .transport import TRANSPORT_SCHEME

log = logging.getLogger(__name__)

EVENTS_PARTITIONS = 6  # the route table is co-partitioned with the events topic
RULES_CHECK_SECONDS = 5.0


def create_app(settings: Settings, events_partitions: int = EVENTS_PARTITIONS) -> faust.App:
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
    # The route table must have as many partitions as the events topic it is keyed by.
    stories = app.Table("route-stories", default=None, partitions=events_partitions,
                        key_type=str, value_type=str)

    rules = RulesHolder(settings.rules)
    dead_letters = DeadLetterWriter(
        names.dlq, make_producer=lambda: clients.producer("newswatch-worker-dlq"))

    async def dead_letter(stage: Stage, reason: str, event: Any) -> None:
        message = event.message
        await dead_letters.awrite(DeadLetter.for_message(
            stage=stage, reason=reason, payload=event.value, source_topic=message.topic,
            partition=message.partition, offset=message.offset, key=event.key))

    async def send(topic: Any, key: bytes, value: bytes) -> None:
        sent = await topic.send(key=key, value=value)
        sent.add_done_callback(stop_if_send_failed)

    @app.agent(articles, name="detect")
    async def detect(stream: faust.StreamT[bytes]) -> None:
        async for event in stream.events():
            where = _where(event)
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
                key = company_event.company
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
                for alert in raised:
                    await send(alerts, alert.channel.encode(), alert.to_json_bytes())

    @app.timer(interval=RULES_CHECK_SECONDS)
    async def reload_rules() -> None:
        rules.reload_if_changed()

    return app


def _where(event: Any) -> str:
    message = event.message
    return f"{message.topic}[{message.partition}]@{message.offset}"
