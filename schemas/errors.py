"""The root exception and its families; each subclass carries the data callers need."""

from __future__ import annotations


class NewswatchError(Exception):
    """Root of every error newswatch raises on purpose."""


class ConfigError(NewswatchError):
    """A configuration file or setting is wrong; ``location`` names the file and line."""

    def __init__(self, message: str, *, location: str | None = None) -> None:
        self.location = location
        super().__init__(f"{location}: {message}" if location else message)


class SchemaError(NewswatchError):
    """A message does not match its schema; ``source`` names the topic/offset or file/line."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)
