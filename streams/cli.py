"""``newswatch worker``: run the Faust detect and route agents."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    worker = sub.add_parser(
        "worker", help="run the stream workers (detect articles, route events to alerts)")
    worker.set_defaults(handler=_worker)


def _worker(args: argparse.Namespace) -> int:
    import faust

    from ..kafkaio.clients import KafkaClients
    from ..kafkaio.lag import GroupLag
    from ..kafkaio.topics import TopicNames, create_topics, partition_count
    from ..schemas.errors import ConfigError
    from ..schemas.settings import load_settings
    from ..telemetry.service import ServiceTelemetry
    from .app import create_app
    from .observe import WorkerObserver, startup_summary, watch_lag
    from .rules_holder import RulesHolder

    settings = load_settings()
    if not settings.rules.is_file():
        raise ConfigError(f"rules file not found: {settings.rules}", location="NEWSWATCH_RULES")
    # Faust ignores subscribed topics that do not exist yet; make sure they do.
    clients = KafkaClients(settings)
    create_topics(clients)
    # Operators add partitions to scale out; size the tables to what is there.
    names = TopicNames.from_settings(settings)
    partitions = partition_count(clients, names.events)
    routed_partitions = partition_count(clients, names.routed)
    rules = RulesHolder(settings.rules)
    telemetry = ServiceTelemetry("worker", settings)
    observer = WorkerObserver(telemetry, settings)
    startup_summary(settings, rules, {"articles": names.articles, "events": names.events,
                                      "alerts": names.alerts, "dlq": names.dlq}, partitions)
    app = create_app(settings, events_partitions=partitions, observer=observer, rules=rules,
                     routed_partitions=routed_partitions)
    lag = GroupLag(clients, settings.consumer_group)
    telemetry.start()
    watch_lag(telemetry, observer, lag.read)
    # Faust's own logging set-up would replace ours (and write to stdout): keep ours.
    worker = faust.Worker(app, loglevel=settings.log_level.lower(), quiet=True,
                          override_logging=False, stdout=sys.stderr)
    try:
        worker.execute_from_commandline()
    finally:
        telemetry.stop()
        lag.close()
    return 0
