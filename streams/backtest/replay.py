"""What ``newswatch replay`` needs from the stream side: sandbox rules and the article copy.

A replay re-drives a range of ``<prefix>.articles`` through the real worker and notifier,
but under a topic prefix and consumer group of its own, so the live topics, groups and
delivery ledger are never written. The rules it runs post every watch to one sandbox
channel, without mentions (nobody is paged by a replay).
"""

from __future__ import annotations

import re

import yaml
from kafka import TopicPartition

from ...kafkaio.clients import KafkaClients
from ...schemas.errors import ConfigError
from ...schemas.rules import RulesFile, Subscription, Watch
from .topic import FETCH_OPTIONS, POLL_MS, TopicSpan

_CHANNEL = re.compile(r"^(#[a-z0-9][a-z0-9._-]{0,79}|[CG][A-Z0-9]{6,})$")


def check_channel(channel: str) -> str:
    """A Slack channel as ``--channel`` takes it: ``#name`` or a channel id."""
    if not _CHANNEL.match(channel):
        raise ConfigError(f"{channel!r} is not a channel: use '#name' (lower case) or an id "
                          "like C0123ABCD", location="--channel")
    return channel


def sandbox_rules(rules: RulesFile, channel: str) -> RulesFile:
    """The same companies and watches, every watch posting to ``channel`` only."""
    watches = []
    for watch in rules.watches:
        template = next((s.template for s in watch.subscriptions if s.template), None)
        watches.append(Watch.model_validate({
            **watch.model_dump(exclude={"channels"}),
            "channels": [Subscription(channel=channel, template=template)]}))
    return RulesFile(companies=rules.companies, watches=watches, feeds=rules.feeds)


def rules_yaml(rules: RulesFile) -> str:
    """A rules file the worker can load (``load_rules``) for these rules."""
    header = "# Written by newswatch replay: every watch posts to the sandbox channel.\n"
    return header + yaml.safe_dump(rules.model_dump(mode="json", exclude_defaults=True),
                                   sort_keys=False, allow_unicode=True)


def copy_span(clients: KafkaClients, span: TopicSpan, target: str) -> int:
    """Copy the span's records, as they are, to ``target`` (same keys, same partition order).

    Records are copied raw: one the worker cannot read is dead-lettered in the replay's
    own dead-letter topic, just as the live worker did."""
    producer = clients.producer("newswatch-replay", linger_ms=20)
    consumer = clients.consumer("newswatch-replay", group_id=None, **FETCH_OPTIONS)
    copied = 0
    try:
        partitions = sorted(producer.partitions_for(target))
        for part in span.spans:
            if not part.size:
                continue
            tp = TopicPartition(span.topic, part.partition)
            consumer.assign([tp])
            consumer.seek(tp, part.start)
            while consumer.position(tp) < part.stop:
                for record in consumer.poll(timeout_ms=POLL_MS, max_records=2_000).get(tp, ()):
                    if record.offset >= part.stop:
                        break
                    producer.send(target, key=record.key, value=record.value,
                                  partition=partitions[part.partition % len(partitions)])
                    copied += 1
        producer.flush()
    finally:
        consumer.close()
        producer.close()
    return copied
