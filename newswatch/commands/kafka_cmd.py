"""``newswatch kafka up|down|status`` and ``newswatch topics create``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

# The clients are imported by each handler: `newswatch --help` must not pay for them.
if TYPE_CHECKING:
    from newswatch.localkafka import LocalKafka
    from newswatch.schemas.settings import Settings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    kafka = sub.add_parser("kafka", help="run a local single-node Kafka broker (KRaft)")
    ksub = kafka.add_subparsers(dest="kafka_command", metavar="ACTION", required=True)
    for name, handler, text in (
        ("up", _up, "install (first time), start and wait until it answers; creates topics"),
        ("down", _down, "stop the broker (data is kept)"),
        ("status", _status, "say whether it runs and answers"),
    ):
        p = ksub.add_parser(name, help=text)
        p.add_argument("--port", type=_port, default=None,
                       help="broker port (default: the port in NEWSWATCH_KAFKA_BOOTSTRAP, 9092)")
        p.set_defaults(handler=handler)
        if name == "up":
            p.add_argument("--no-topics", action="store_true", help="do not create topics")

    topics = sub.add_parser("topics", help="manage newswatch's topics")
    tsub = topics.add_subparsers(dest="topics_command", metavar="ACTION", required=True)
    tsub.add_parser("create", help="create missing topics").set_defaults(handler=_create)
    tsub.add_parser("list", help="list topics and their settings").set_defaults(handler=_list)


def _port(text: str) -> int:
    from newswatch.schemas.validators import port_number

    try:
        return port_number(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _broker(args: argparse.Namespace, settings: Settings) -> LocalKafka:
    from newswatch.localkafka import LocalKafka

    port = args.port or int(settings.kafka_bootstrap.split(",")[0].rpartition(":")[2])
    return LocalKafka(port=port)


def _up(args: argparse.Namespace) -> int:
    from newswatch.kafkaio.clients import KafkaClients
    from newswatch.kafkaio.topics import CHANGELOGS, TOPICS, create_group_topics, create_topics
    from newswatch.schemas.settings import load_settings

    settings = load_settings()
    broker = _broker(args, settings)
    if broker.up() == "external":
        print(f"a broker not started by newswatch already answers at {broker.bootstrap}: "
              "using it")
    else:
        print(broker.status())
    if not args.no_topics:
        clients = KafkaClients(load_settings(kafka_bootstrap=broker.bootstrap))
        created = create_topics(clients) + create_group_topics(clients)
        wanted = len(TOPICS) + len(CHANGELOGS) + 1
        print(f"topics: {len(created)} created, {wanted - len(created)} already there")
    return 0


def _down(args: argparse.Namespace) -> int:
    from newswatch.schemas.settings import load_settings

    broker = _broker(args, load_settings())
    print("stopped" if broker.down() else "not running")
    return 0


def _status(args: argparse.Namespace) -> int:
    from newswatch.schemas.settings import load_settings

    broker = _broker(args, load_settings())
    print(broker.status())
    return 0 if broker.pid() is not None else 1


def _create(args: argparse.Namespace) -> int:
    from newswatch.kafkaio.clients import KafkaClients
    from newswatch.kafkaio.topics import create_group_topics, create_topics
    from newswatch.schemas.settings import load_settings

    settings = load_settings()
    clients = KafkaClients(settings)
    # The worker group's own topics (table changelogs) follow the pipeline's partitions.
    created = create_topics(clients) + create_group_topics(clients)
    for name in created:
        print(f"created {name}")
    return 0


def _list(args: argparse.Namespace) -> int:
    from newswatch.kafkaio.topics import (
        CHANGELOGS,
        TOPICS,
        changelog_topic,
        full_name,
        leader_topic,
        partitions_of,
        topic_config,
    )
    from newswatch.schemas.settings import load_settings

    settings = load_settings()
    for spec in TOPICS:
        conf = ", ".join(f"{k}={v}" for k, v in topic_config(spec, settings).items())
        print(f"{full_name(settings.topic_prefix, spec):28} "
              f"partitions={partitions_of(spec, settings)}  "
              f"replication={settings.replication_factor}  {conf}  # {spec.purpose}")
    group = settings.consumer_group
    for table in CHANGELOGS:
        print(f"{changelog_topic(group, table.table):28} partitions=as {table.source}  "
              f"cleanup.policy=compact  # {table.purpose}")
    print(f"{leader_topic(group):28} partitions=1  # Faust's leader election")
    return 0
