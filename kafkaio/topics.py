"""The topics newswatch uses: names, partitions, retention and compaction, in one place."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from kafka.admin import NewTopic
from kafka.errors import TopicAlreadyExistsError

from ..schemas.settings import Settings
from .clients import KafkaClients

log = logging.getLogger(__name__)

DAY_MS = 24 * 3600 * 1000


@dataclass(frozen=True)
class TopicSpec:
    name: str  # without the prefix
    partitions: int
    config: dict[str, str] = field(default_factory=dict)
    purpose: str = ""


TOPICS: tuple[TopicSpec, ...] = (
    # Articles are kept long enough to backtest a quarter.
    TopicSpec("articles", 6, {"retention.ms": str(90 * DAY_MS), "cleanup.policy": "delete"},
              "normalised articles, key: article id"),
    TopicSpec("events", 6, {"retention.ms": str(90 * DAY_MS), "cleanup.policy": "delete"},
              "detected company events, key: company"),
    TopicSpec("alerts", 6, {"retention.ms": str(30 * DAY_MS), "cleanup.policy": "delete"},
              "alerts per channel, key: channel"),
    # The ledger is read whole at notifier start: compaction keeps one record per alert,
    # and deletion after 60 days bounds it (alerts that old are never redelivered).
    TopicSpec("deliveries", 3, {"cleanup.policy": "compact,delete",
                                "retention.ms": str(60 * DAY_MS),
                                "min.compaction.lag.ms": "60000"},
              "delivery ledger, key: alert id -> Slack ts"),
    TopicSpec("feedstate", 3, {"cleanup.policy": "compact"},
              "per-feed polling state, key: feed id"),
    # Slack-made state: one record per channel, read whole by the worker and the Slack app.
    TopicSpec("subscriptions", 3, {"cleanup.policy": "compact"},
              "channel subscriptions and mutes made from Slack, key: channel id"),
    # Labels are worth keeping: compaction keeps each user's latest vote per alert.
    TopicSpec("feedback", 3, {"cleanup.policy": "compact"},
              "feedback on alerts from Slack, key: alert id|user|source"),
    TopicSpec("dlq", 1, {"retention.ms": str(30 * DAY_MS), "cleanup.policy": "delete"},
              "what could not be processed or delivered, with the reason"),
)


@dataclass(frozen=True)
class TopicNames:
    """The full name of every topic for one prefix: the only place names are built."""

    prefix: str

    @classmethod
    def from_settings(cls, settings: Settings) -> TopicNames:
        return cls(settings.topic_prefix)

    def name(self, short: str) -> str:
        return f"{self.prefix}.{short}"

    @property
    def articles(self) -> str:
        return self.name("articles")

    @property
    def events(self) -> str:
        return self.name("events")

    @property
    def alerts(self) -> str:
        return self.name("alerts")

    @property
    def deliveries(self) -> str:
        return self.name("deliveries")

    @property
    def feedstate(self) -> str:
        return self.name("feedstate")

    @property
    def subscriptions(self) -> str:
        return self.name("subscriptions")

    @property
    def feedback(self) -> str:
        return self.name("feedback")

    @property
    def dlq(self) -> str:
        return self.name("dlq")


def full_name(prefix: str, spec: TopicSpec) -> str:
    return TopicNames(prefix).name(spec.name)


def create_topics(clients: KafkaClients, prefix: str | None = None,
                  specs: tuple[TopicSpec, ...] = TOPICS,
                  replication_factor: int | None = None) -> list[str]:
    """Create missing topics (idempotent); return the names that were created."""
    prefix = prefix if prefix is not None else clients.settings.topic_prefix
    replication = replication_factor or clients.settings.replication_factor
    admin = clients.admin("newswatch-topics")
    try:
        existing = set(admin.list_topics())
        wanted = [
            NewTopic(full_name(prefix, s), s.partitions, replication,
                     topic_configs=dict(s.config))
            for s in specs
            if full_name(prefix, s) not in existing
        ]
        created: list[str] = []
        for topic in wanted:
            try:
                admin.create_topics([topic])
                created.append(topic.name)
            except TopicAlreadyExistsError:
                # Another process got there first: that is fine.
                pass
        if created:
            log.info("created topics: %s", ", ".join(created))
        return created
    finally:
        admin.close()


def partition_count(clients: KafkaClients, topic: str) -> int:
    """How many partitions ``topic`` has now."""
    admin = clients.admin("newswatch-topics")
    try:
        [described] = admin.describe_topics([topic])
        return len(described["partitions"])
    finally:
        admin.close()
