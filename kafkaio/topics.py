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
from kafka.errors import InvalidReplicationFactorError, KafkaError, TopicAlreadyExistsError
from kafka.partitioner.default import murmur2

from ..schemas.errors import ConfigError, NewswatchError
from ..schemas.settings import Settings
from .clients import KafkaClients, kafka_errors_explained
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
    # Between the route and pace agents: alerts whose channel has digests, quiet hours or a
    # budget, and the ticks that tell pacing the time. Read within seconds when all is well.
    TopicSpec("routed", 6, {"retention.ms": str(7 * DAY_MS), "cleanup.policy": "delete"},
              "alerts on their way to pacing, and digest ticks; key: channel"),
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
    def routed(self) -> str:
        return self.name("routed")

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


def partitions_of(spec: TopicSpec, settings: Settings) -> int:
    """The topic's partition count: ``NEWSWATCH_TOPIC_PARTITIONS`` or the default."""
    return settings.topic_partitions.get(spec.name, spec.partitions)


def topic_config(spec: TopicSpec, settings: Settings) -> dict[str, str]:
    """The topic's configs, with ``min.insync.replicas`` matching the replication factor."""
    return {**spec.config, "min.insync.replicas": str(settings.insync_replicas())}


def create_topics(clients: KafkaClients, prefix: str | None = None,
                  specs: tuple[TopicSpec, ...] = TOPICS,
                  replication_factor: int | None = None) -> list[str]:
    """Create missing topics (idempotent); return the names that were created.

    Partitions and replication come from the settings. A topic that exists with fewer
    partitions than asked is left alone, with a warning: adding partitions to a keyed
    topic moves keys between partitions, which is the operator's call.
    """
    settings = clients.settings
    prefix = prefix if prefix is not None else settings.topic_prefix
    replication = replication_factor or settings.replication_factor
    clients.check_reachable()
    with kafka_errors_explained(clients):
        admin = clients.admin("newswatch-topics")
        try:
            existing = set(admin.list_topics())
            _warn_fewer_partitions(admin, prefix, specs, existing, settings)
            wanted = [
                NewTopic(full_name(prefix, s), partitions_of(s, settings), replication,
                         topic_configs=topic_config(s, settings))
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
                except InvalidReplicationFactorError:
                    brokers = len(admin.describe_cluster().get("brokers", []))
                    raise ConfigError(
                        f"is {replication}, but the cluster has {brokers} broker(s): "
                        "a topic cannot have more copies than there are brokers",
                        location="NEWSWATCH_REPLICATION_FACTOR") from None
            if created:
                _wait_until_led(admin, {t.name: t.num_partitions for t in wanted
                                        if t.name in created})
                log.info("created topics: %s", ", ".join(created))
            return created
        finally:
            admin.close()


def _wait_until_led(admin: KafkaAdminClient, partitions: dict[str, int],
                    timeout: float = 15.0) -> None:
    """Wait until new topics show all their partitions with leaders: a client that looks
    right after creation (the worker sizing its tables) must not see 0 partitions."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        described = admin.describe_topics(list(partitions))
        if all(len(t["partitions"]) == partitions[t.get("name") or t.get("topic")]
               and all(p.get("leader_id", -1) >= 0 for p in t["partitions"])
               for t in described):
            return
        time.sleep(0.2)
    log.warning("new topics still have partitions without a leader after %.0f s: %s",
                timeout, ", ".join(partitions))


def _warn_fewer_partitions(admin: object, prefix: str, specs: tuple[TopicSpec, ...],
                           existing: set[str], settings: Settings) -> None:
    asked = {full_name(prefix, s): partitions_of(s, settings) for s in specs
             if s.name in settings.topic_partitions and full_name(prefix, s) in existing}
    if not asked:
        return
    for described in admin.describe_topics(list(asked)):  # type: ignore[attr-defined]
        have = len(described["partitions"])
        name = described.get("name") or described.get("topic")
        if have < asked[name]:
            log.warning("topic %s has %d partitions, NEWSWATCH_TOPIC_PARTITIONS asks for %d; "
                        "it is left as it is (adding partitions moves keys: do it with "
                        "kafka-topics.sh --alter when the pipeline is drained)",
                        name, have, asked[name])


def partition_count(clients: KafkaClients, topic: str, *, wait_s: float = 10.0) -> int:
    """How many partitions ``topic`` has now. A topic created a moment ago can show none
    until the broker's metadata catches up (and an admin client keeps what it first saw):
    ask again, with a fresh client, for up to ``wait_s`` seconds."""
    clients.check_reachable()
    deadline = time.monotonic() + wait_s
    with kafka_errors_explained(clients):
        while True:
            admin = clients.admin("newswatch-topics")
            try:
                [described] = admin.describe_topics([topic])
            finally:
                admin.close()
            count = len(described["partitions"])
            if count or time.monotonic() >= deadline:
                break
            time.sleep(0.3)
    if not count:
        raise TopicMissing(topic, where="partition count")
    return count


def partition_for_key(key: bytes, partitions: int) -> int:
    """The partition Kafka's default partitioner (Java's, aiokafka's, kafka-python's) gives
    ``key``: lets an agent find which of a table's keys belong to the partition it serves."""
    return (murmur2(key) & 0x7FFFFFFF) % partitions


@dataclass(frozen=True)
class ChangelogSpec:
    """A Faust table of the worker: its changelog is compacted and has as many partitions
    as ``source``, the topic whose records update it (Faust requires them co-partitioned)."""

    table: str
    source: str  # short name of a topic in TOPICS
    purpose: str = ""


CHANGELOGS: tuple[ChangelogSpec, ...] = (
    ChangelogSpec("route-stories", "events", "what routing remembers per company"),
    ChangelogSpec("route-channels", "routed", "per-channel pacing: budgets, digests"),
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
    insync = {"min.insync.replicas": str(settings.insync_replicas())}
    wanted = [NewTopic(changelog_topic(group, spec.table), partitions[spec.source],
                       settings.replication_factor,
                       topic_configs={"cleanup.policy": "compact", **insync})
              for spec in CHANGELOGS]
    wanted.append(NewTopic(leader_topic(group), 1, settings.replication_factor,
                           topic_configs=insync))
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
