"""What could not be processed or delivered, on ``newswatch.dlq``, with the reason."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import UTCDateTime, WireModel, utcnow

Stage = Literal["produce", "detect", "route", "pace", "notify"]

MAX_PAYLOAD_CHARS = 100_000


class DeadLetter(WireModel):
    schema_version: Literal[1] = 1
    stage: Stage
    reason: str
    source_topic: str | None = None
    partition: int | None = None
    offset: int | None = None
    key: str | None = None
    payload: str = Field(default="", description="The original message, decoded leniently")
    at: UTCDateTime = Field(default_factory=utcnow)

    @classmethod
    def for_message(
        cls,
        *,
        stage: Stage,
        reason: str,
        payload: bytes | str | None,
        source_topic: str | None = None,
        partition: int | None = None,
        offset: int | None = None,
        key: bytes | str | None = None,
    ) -> DeadLetter:
        def text(value: bytes | str | None) -> str:
            if value is None:
                return ""
            if isinstance(value, bytes):
                return value.decode("utf-8", errors="replace")
            return value

        return cls(
            stage=stage,
            reason=reason,
            source_topic=source_topic,
            partition=partition,
            offset=offset,
            key=text(key) or None,
            payload=text(payload)[:MAX_PAYLOAD_CHARS],
        )
