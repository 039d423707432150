"""``newswatch worker``: run the Faust detect and route agents."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    worker = sub.add_parser(
        "worker", help="run the stream workers (detect articles, route events to alerts)")
    worker.set_defaults(handler=_worker)


def _worker(args: argparse.Namespace) -> int:
    import faust

    from ..kafkaio.clients import KafkaClients
    from ..kafkaio.lag import GroupLag
    from ..schemas.errors import ConfigError
    from ..schemas.settings import load_settings
    from ..telemetry.service import ServiceTelemetry
    from .observe import WorkerObserver, watch_lag

    settings = load_settings()
    if not settings.rules.is_file():
        raise ConfigError(f"rules file not found: {settings.rules}", location="NEWSWATCH_RULES")
    telemetry = ServiceTelemetry("worker", settings)
    observer = WorkerObserver(telemetry, settings)
    app = build_worker_app(settings, observer)
    lag = GroupLag(KafkaClients(settings), settings.consumer_group)
    telemetry.start()
    watch_lag(telemetry, observer, lag.read)
    # Faust's own logging set-up would replace ours (and write to stdout): keep ours.
    worker = faust.Worker(app, loglevel=settings.log_level.lower(), quiet=True,
                          override_logging=False, stdout=sys.stderr)
    try:
        worker.execute_from_commandline()  # exits: 0 when stopped, 1 when the app crashed
    finally:
        telemetry.stop()
        lag.close()
    return 0


def build_worker_app(settings: Any, observer: Any = None) -> Any:
    """Every topic the worker touches exists (and has leaders) before Faust starts, so no
    agent meets a half-created topic; then the app, with tables sized to their topics."""
    from ..kafkaio.clients import KafkaClients
    from ..kafkaio.topics import (
        CHANGELOGS,
        TopicNames,
        changelog_topic,
        create_group_topics,
        create_topics,
        partition_count,
    )
    from ..schemas.errors import ConfigError
    from .app import create_app
    from .observe import startup_summary
    from .rules_holder import RulesHolder

    clients = KafkaClients(settings)
    clients.check_reachable()
    create_topics(clients)
    create_group_topics(clients)
    # Operators add partitions to scale out; size the tables to what is there.
    names = TopicNames.from_settings(settings)
    partitions = partition_count(clients, names.events)
    routed_partitions = partition_count(clients, names.routed)
    rules = RulesHolder(settings.rules)
    startup_summary(settings, rules, {"articles": names.articles, "events": names.events,
                                      "alerts": names.alerts, "dlq": names.dlq}, partitions)
    app = create_app(settings, events_partitions=partitions, observer=observer, rules=rules,
                     routed_partitions=routed_partitions)
    known = {changelog_topic(settings.consumer_group, spec.table) for spec in CHANGELOGS}
    declared = {table.changelog_topic.get_topic_name() for table in app.tables.values()}
    if declared - known:
        raise ConfigError(f"tables without a changelog in kafkaio/topics.py CHANGELOGS: "
                          f"{', '.join(sorted(declared - known))}", location="worker")
    return app
