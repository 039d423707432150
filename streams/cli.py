"""``newswatch worker``: run the Faust detect and route agents."""

from __future__ import annotations

import argparse
from typing import Any

from ..schemas.errors import ConfigError
from ..schemas.settings import Settings, load_settings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    worker = sub.add_parser(
        "worker", help="run the stream workers (detect articles, route events to alerts)")
    worker.set_defaults(handler=_worker)


def _worker(args: argparse.Namespace) -> int:
    import faust

    settings = load_settings()
    if not settings.rules.is_file():
        raise ConfigError(f"rules file not found: {settings.rules}", location="NEWSWATCH_RULES")
    app = build_worker_app(settings)
    worker = faust.Worker(app, loglevel=settings.log_level.lower(), quiet=True)
    worker.execute_from_commandline()  # exits: 0 when stopped, 1 when the app crashed
    return 0


def build_worker_app(settings: Settings) -> Any:
    """Every topic the worker touches exists (and has leaders) before Faust starts, so no
    agent meets a half-created topic; then the app, sized to the events topic."""
    from ..kafkaio.clients import KafkaClients
    from ..kafkaio.topics import (
        CHANGELOGS,
        TopicNames,
        changelog_topic,
        create_group_topics,
        create_topics,
        partition_count,
    )
    from .app import create_app

    clients = KafkaClients(settings)
    clients.check_reachable()
    create_topics(clients)
    create_group_topics(clients)
    # Operators add partitions to scale out; size the route table to what is there.
    partitions = partition_count(clients, TopicNames.from_settings(settings).events)
    app = create_app(settings, events_partitions=partitions)
    known = {changelog_topic(settings.consumer_group, spec.table) for spec in CHANGELOGS}
    declared = {table.changelog_topic.get_topic_name() for table in app.tables.values()}
    if declared - known:
        raise ConfigError(f"tables without a changelog in kafkaio/topics.py CHANGELOGS: "
                          f"{', '.join(sorted(declared - known))}", location="worker")
    return app
