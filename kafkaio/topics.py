"""The topics newswatch uses: names, partitions, retention and compaction, in one place.

Two kinds: the pipeline's topics, named ``<prefix>.<name>`` (``TOPICS``), and the stream
worker's own, named after its consumer group the way Faust names them: one compacted
changelog per table (``CHANGELOGS``) and Faust's leader-election topic. Both are created
before a worker starts its agents (``newswatch topics create`` does the same), so no agent
ever meets a topic that is still being created.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from kafka import KafkaAdminClient
from kafka.admin import NewTopic
from kafka.errors import KafkaError, TopicAlreadyExistsError

from ..schemas.errors import NewswatchError
from ..schemas.settings import Settings
from .clients import KafkaClients
from .errors import TopicMissing

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
    finally:
        admin.close()
    if described.get("error_code") or not described["partitions"]:
        raise TopicMissing(topic, where="newswatch")
    return len(described["partitions"])


@dataclass(frozen=True)
class ChangelogSpec:
    """A Faust table of the worker: its changelog is compacted and has as many partitions
    as ``source``, the topic whose records update it (Faust requires them co-partitioned)."""

    table: str
    source: str  # short name of a topic in TOPICS
    purpose: str = ""


CHANGELOGS: tuple[ChangelogSpec, ...] = (
    ChangelogSpec("route-stories", "events", "what routing remembers per company"),
)


class TopicLayoutError(NewswatchError):
    """A worker topic exists with a shape the worker cannot use."""


def changelog_topic(group: str, table: str) -> str:
    """Faust's name for ``table``'s changelog in consumer group ``group``."""
    return f"{group}-{table}-changelog"


def leader_topic(group: str) -> str:
    """The one-partition topic Faust's leader assignor uses in group ``group``."""
    return f"{group}-__assignor-__leader"


def create_group_topics(clients: KafkaClients, prefix: str | None = None,
                        group: str | None = None, *, timeout_s: float = 30.0) -> list[str]:
    """Create the worker group's changelogs and leader topic (idempotent), wait until every
    partition has a leader, and check each changelog still matches its source topic."""
    settings = clients.settings
    prefix = prefix if prefix is not None else settings.topic_prefix
    group = group if group is not None else settings.consumer_group
    sources = {spec.source for spec in CHANGELOGS}
    partitions = {short: partition_count(clients, TopicNames(prefix).name(short))
                  for short in sorted(sources)}
    wanted = [NewTopic(changelog_topic(group, spec.table), partitions[spec.source],
                       settings.replication_factor,
                       topic_configs={"cleanup.policy": "compact"})
              for spec in CHANGELOGS]
    wanted.append(NewTopic(leader_topic(group), 1, settings.replication_factor))
    admin = clients.admin("newswatch-topics")
    try:
        existing = set(admin.list_topics())
        created = []
        for topic in wanted:
            if topic.name in existing:
                continue
            try:
                admin.create_topics([topic])
                created.append(topic.name)
            except TopicAlreadyExistsError:
                pass
        described = _wait_for_leaders(admin, [t.name for t in wanted], timeout_s)
    finally:
        admin.close()
    for spec in CHANGELOGS:
        name = changelog_topic(group, spec.table)
        have, need = described[name], partitions[spec.source]
        if have != need:
            raise TopicLayoutError(
                f"changelog topic {name!r} has {have} partitions but "
                f"{TopicNames(prefix).name(spec.source)!r} has {need}; a table's state "
                "cannot move between partition counts: delete the changelog to start that "
                "state afresh, or use a new consumer group")
    if created:
        log.info("created worker topics: %s", ", ".join(created))
    return created


def _wait_for_leaders(admin: KafkaAdminClient, names: list[str],
                      timeout_s: float) -> dict[str, int]:
    """Partition count per topic, once every partition of every topic has a leader: a
    topic created a moment ago can still show no partitions, which Faust took for 0."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            described = {t["name"]: t for t in admin.describe_topics(names)}
        except KafkaError:
            described = {}
        ready = {name: len(t["partitions"]) for name, t in described.items()
                 if t["error_code"] == 0 and t["partitions"]
                 and all(p["leader_id"] >= 0 for p in t["partitions"])}
        if all(name in ready for name in names):
            return ready
        if time.monotonic() > deadline:
            waiting = ", ".join(n for n in names if n not in ready)
            raise TopicLayoutError(f"topics still have no leader after {timeout_s:.0f} s: "
                                   f"{waiting}")
        time.sleep(0.2)
