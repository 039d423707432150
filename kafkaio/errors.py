"""Errors of the Kafka edge: the broker cannot be reached or a topic is missing."""

from __future__ import annotations

from ..schemas.errors import NewswatchError


class KafkaUnavailable(NewswatchError):
    """No bootstrap server answered; the message names them and the reason."""


class KafkaAccessDenied(KafkaUnavailable):
    """The broker answered but refused the credentials or the operation."""


class TopicMissing(NewswatchError):
    """A topic the stage needs does not exist; ``newswatch topics create`` makes it."""

    def __init__(self, topic: str, *, where: str) -> None:
        self.topic = topic
        super().__init__(f"{where}: topic {topic!r} does not exist; create the newswatch "
                         "topics first (newswatch topics create)")
