"""A logger for slack_sdk clients that cannot leak a token or webhook URL.

slack_sdk formats request URLs and headers into its log lines (at INFO for retries,
and at DEBUG whenever its logger's own level is unset). newswatch gives each client a
logger of its own that only passes warnings and errors, and redacts every secret.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

REDACTED = "[redacted]"


class RedactSecrets(logging.Filter):
    """Replace each known secret in a record's message."""

    def __init__(self) -> None:
        super().__init__()
        self._secrets: list[str] = []

    def add(self, secrets: Iterable[str]) -> None:
        known = set(self._secrets) | {s for s in secrets if s}
        self._secrets = sorted(known, key=len, reverse=True)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = message
        for secret in self._secrets:
            redacted = redacted.replace(secret, REDACTED)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


def quiet_sdk_logger(name: str, *, secrets: Iterable[str]) -> logging.Logger:
    """A WARNING-level logger for one slack_sdk client, with ``secrets`` redacted."""
    logger = logging.getLogger(name)
    # An explicit level matters: slack_sdk checks `logger.level <= DEBUG` itself, which is
    # true for an unset level, and then formats URLs into debug lines.
    logger.setLevel(logging.WARNING)
    redactor = next((f for f in logger.filters if isinstance(f, RedactSecrets)), None)
    if redactor is None:
        redactor = RedactSecrets()
        logger.addFilter(redactor)
    redactor.add(secrets)
    return logger
