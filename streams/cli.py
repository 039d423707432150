"""``newswatch worker``: run the Faust detect and route agents."""

from __future__ import annotations

import argparse

from ..schemas.errors import ConfigError
from ..schemas.settings import load_settings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    worker = sub.add_parser(
        "worker", help="run the stream workers (detect articles, route events to alerts)")
    worker.set_defaults(handler=_worker)


def _worker(args: argparse.Namespace) -> int:
    import faust

    from ..kafkaio.clients import KafkaClients
    from ..kafkaio.topics import TopicNames, create_topics, partition_count
    from .app import create_app

    settings = load_settings()
    if not settings.rules.is_file():
        raise ConfigError(f"rules file not found: {settings.rules}", location="NEWSWATCH_RULES")
    # Faust ignores subscribed topics that do not exist yet; make sure they do.
    clients = KafkaClients(settings)
    create_topics(clients)
    # Operators add partitions to scale out; size the tables to what is there.
    names = TopicNames.from_settings(settings)
    app = create_app(settings, events_partitions=partition_count(clients, names.events),
                     routed_partitions=partition_count(clients, names.routed))
    worker = faust.Worker(app, loglevel=settings.log_level.lower(), quiet=True)
    worker.execute_from_commandline()
    return 0
