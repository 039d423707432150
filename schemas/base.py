"""Shared model configuration and helpers for wire messages."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Annotated, Any, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError

from .errors import SchemaError


def _as_utc(value: datetime) -> datetime:
    # Naive datetimes on the wire are taken as UTC: feeds often omit the zone.
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    if value.tzinfo is UTC:
        return value
    return value.astimezone(UTC)


UTCDateTime = Annotated[datetime, AfterValidator(_as_utc)]


def utcnow() -> datetime:
    return datetime.now(UTC)


def stable_id(*parts: str, length: int = 24) -> str:
    """A short deterministic id from parts, so redelivered inputs give the same id."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


class WireModel(BaseModel):
    """Base for messages carried on Kafka topics: immutable, JSON in and out.

    Unknown keys are ignored so an older consumer can read a newer producer's
    message; ``schema_version`` says which shape it is.
    """

    # defer_build: a model's validator is built on first use, so a command never pays for
    # the messages it does not touch (`rules check` reads no CompanyEvent).
    model_config = ConfigDict(frozen=True, extra="ignore", populate_by_name=True,
                              defer_build=True)

    def to_json_bytes(self) -> bytes:
        return self.model_dump_json().encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes | str, *, source: str | None = None) -> Self:
        """Parse one message; raise SchemaError naming ``source`` and the bad field."""
        try:
            return cls.model_validate_json(data)
        except ValidationError as exc:
            raise SchemaError(summarise_errors(exc, cls.__name__), source=source) from None

    @classmethod
    def from_obj(cls, data: Any, *, source: str | None = None) -> Self:
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            raise SchemaError(summarise_errors(exc, cls.__name__), source=source) from None


def summarise_errors(exc: ValidationError, model: str) -> str:
    parts = []
    for err in exc.errors()[:5]:
        loc = ".".join(str(p) for p in err["loc"]) or "<root>"
        parts.append(f"{loc}: {err['msg']}")
    more = f" (+{exc.error_count() - 5} more)" if exc.error_count() > 5 else ""
    return f"invalid {model}: " + "; ".join(parts) + more
