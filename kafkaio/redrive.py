"""Reading the dead-letter topic, and re-driving fixed messages to where they came from.

Dead letters are identified as ``OFFSET`` (or ``PARTITION:OFFSET`` when the topic has more
than one partition). A re-driven message is checked against the schema of the topic it
goes to before it is sent, is keyed the way that topic is keyed (article id, company,
channel) whatever the dead letter's key was, and carries a ``newswatch-redriven-from``
header naming the dead letter: the notifier posts a re-driven alert even when its ledger
remembers the alert as failed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..schemas.alert import parse_any_alert
from ..schemas.article import Article
from ..schemas.deadletter import MAX_PAYLOAD_CHARS, DeadLetter
from ..schemas.errors import NewswatchError, SchemaError
from ..schemas.event import CompanyEvent
from .clients import KafkaClients
from .compacted import CompactedTopicReader
from .topics import TopicNames

REDRIVE_HEADER = "newswatch-redriven-from"
_ID = re.compile(r"^(?:(\d+):)?(\d+)$")


class DeadLetterNotFound(NewswatchError):
    """No dead letter has the id asked for."""


@dataclass(frozen=True)
class StoredLetter:
    """One record of the dead-letter topic; ``letter`` is None when it cannot be read."""

    partition: int
    offset: int
    letter: DeadLetter | None
    problem: str | None = None

    @property
    def id(self) -> str:
        return str(self.offset) if self.partition == 0 else f"{self.partition}:{self.offset}"


def parse_letter_id(text: str) -> tuple[int, int]:
    """``"12"`` -> (0, 12); ``"1:12"`` -> (1, 12)."""
    match = _ID.match(text.strip())
    if match is None:
        raise DeadLetterNotFound(f"{text!r} is not a dead-letter id (OFFSET or "
                                 "PARTITION:OFFSET, as `newswatch dlq list` shows them)")
    return int(match.group(1) or 0), int(match.group(2))


def read_dead_letters(clients: KafkaClients, topics: TopicNames) -> list[StoredLetter]:
    """Every record on the dead-letter topic, oldest first per partition."""
    found: list[StoredLetter] = []

    def apply(key: bytes | None, value: bytes | None, partition: int, offset: int) -> None:
        if value is None:
            return
        try:
            letter = DeadLetter.from_json(value, source=f"{topics.dlq}[{partition}]@{offset}")
            found.append(StoredLetter(partition, offset, letter))
        except SchemaError as exc:
            found.append(StoredLetter(partition, offset, None, str(exc)))

    reader = CompactedTopicReader(clients.consumer("newswatch-dlq"), topics.dlq,
                                  where="newswatch dlq")
    try:
        reader.load(apply)
    finally:
        reader.close()
    return sorted(found, key=lambda s: (s.letter.at.timestamp() if s.letter else 0.0,
                                        s.partition, s.offset))


def find_letter(letters: list[StoredLetter], letter_id: str) -> StoredLetter:
    partition, offset = parse_letter_id(letter_id)
    for stored in letters:
        if (stored.partition, stored.offset) == (partition, offset):
            return stored
    raise DeadLetterNotFound(f"no dead letter {letter_id} (see `newswatch dlq list`)")


@dataclass(frozen=True)
class Redrive:
    """What re-driving one dead letter will send, once checked."""

    stored: StoredLetter
    topic: str
    key: bytes
    value: bytes


Keyer = Callable[[bytes], str]
_KEYERS: dict[str, Keyer] = {
    "articles": lambda raw: Article.from_json(raw).id,
    "events": lambda raw: CompanyEvent.from_json(raw).company,
    "alerts": lambda raw: parse_any_alert(raw).channel,
}


def plan_redrive(stored: StoredLetter, topics: TopicNames,
                 payload: bytes | None = None) -> Redrive:
    """Check that ``stored`` (with ``payload`` in place of its own, if given) can go back to
    its source topic; raise ``SchemaError`` naming the dead letter if it cannot."""
    letter = stored.letter
    where = f"dead letter {stored.id}"
    if letter is None:
        raise SchemaError(f"unreadable record: {stored.problem}", source=where)
    target = _target(letter, topics, where)
    short = target.removeprefix(topics.prefix + ".")
    if payload is None:
        if len(letter.payload) >= MAX_PAYLOAD_CHARS:
            raise SchemaError(f"its payload was cut at {MAX_PAYLOAD_CHARS:,} characters when it "
                              "was dead-lettered; give the whole message with --payload-file",
                              source=where)
        payload = letter.payload.encode("utf-8")
    try:
        key = _KEYERS[short](payload)
    except SchemaError as exc:
        detail = str(exc).removeprefix(f"{exc.source}: ") if exc.source else str(exc)
        raise SchemaError(f"still not a valid message for {target}: {detail} "
                          "(fix it: `newswatch dlq show ID --payload > msg.json`, edit, then "
                          "`newswatch dlq replay ID --payload-file msg.json`)",
                          source=where) from None
    return Redrive(stored, target, key.encode("utf-8"), payload)


def _target(letter: DeadLetter, topics: TopicNames, where: str) -> str:
    if letter.source_topic is None:
        # The producer dead-letters lines of a dump that were not articles.
        if letter.stage == "produce":
            return topics.articles
        raise SchemaError("it names no source topic to go back to", source=where)
    known = {topics.articles, topics.events, topics.alerts}
    if letter.source_topic not in known:
        raise SchemaError(f"it came from {letter.source_topic}, which is not one of "
                          f"{', '.join(sorted(known))}", source=where)
    return letter.source_topic


def send_redrives(clients: KafkaClients, dlq_topic: str, plans: list[Redrive],
                  timeout_s: float = 30.0) -> None:
    """Send each planned message and wait for the broker's acknowledgement."""
    producer = clients.producer("newswatch-dlq-replay", linger_ms=0)
    try:
        for plan in plans:
            origin = f"{dlq_topic}[{plan.stored.partition}]@{plan.stored.offset}"
            producer.send(plan.topic, key=plan.key, value=plan.value,
                          headers=[(REDRIVE_HEADER, origin.encode())]).get(timeout=timeout_s)
    finally:
        producer.close()
