"""Logging set-up for every command: plain text, or one JSON object per line.

JSON lines carry the fields a log pipeline indexes: time, level, logger, service, message,
and the ids a stage attaches with ``extra=trace(...)``, so one story can be followed by
its article id through producer, worker and notifier (``article_id``, ``event_id``,
``alert_id``, ``channel``, ``feed``). Everything goes to stderr: stdout is for the
command's own output (alerts from the console notifier, tables, JSON).
"""

from __future__ import annotations

import logging
import sys
from typing import Any, Literal, TextIO

LogFormat = Literal["text", "json"]
_HANDLER_NAME = "newswatch"
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
TRACE_FIELDS = ("article_id", "event_id", "alert_id", "channel", "feed")

# Libraries that narrate every connection, service start and rebalance at INFO (the
# worker logs its own membership changes); -v shows them again.
NOISY_LOGGERS = ("kafka", "aiokafka", "faust", "mode")


def trace(**ids: str | list[str] | None) -> dict[str, Any]:
    """``extra=`` for a log call: the ids of the article/event/alert it is about."""
    return {k: v for k, v in ids.items() if v}


class _StderrHandler(logging.StreamHandler):
    """Writes to ``sys.stderr`` as it is when a record is emitted, not as it was when the
    handler was made: whoever swaps stderr (a test runner capturing output, a daemon
    redirecting it) and closes the old one gets the log lines, not "I/O operation on closed
    file" from a thread that logs later."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, _value: TextIO) -> None:
        pass  # always the current sys.stderr


class _TextFormatter(logging.Formatter):
    """The text format; a library's own error ("kafka.net.transport: Error receiving from
    socket" while a command shuts down) carries its exception on the same line, not as a
    traceback, unless -v asked for the libraries' detail."""

    def __init__(self, fmt: str, *, quiet_libraries: bool) -> None:
        super().__init__(fmt)
        self._quiet = quiet_libraries

    def format(self, record: logging.LogRecord) -> str:
        if not (self._quiet and record.exc_info and record.exc_info[1] is not None
                and record.name.split(".", 1)[0] in NOISY_LOGGERS):
            return super().format(record)
        exc = record.exc_info[1]
        line = logging.LogRecord(record.name, record.levelno, record.pathname, record.lineno,
                                 f"{record.getMessage()} ({type(exc).__name__}: {exc})", None,
                                 None, record.funcName)
        line.created, line.msecs = record.created, record.msecs
        return super().format(line)


def configure_logging(level: int, fmt: LogFormat = "text", *, service: str = "newswatch",
                      stream: TextIO | None = None, quiet_libraries: bool = True) -> None:
    """Log to stderr in ``fmt`` (replacing the handler an earlier call installed; handlers
    someone else installed, such as a test runner's, are left alone)."""
    handler = logging.StreamHandler(stream) if stream is not None else _StderrHandler()
    handler.setFormatter(json_formatter(service) if fmt == "json"
                         else _TextFormatter(TEXT_FORMAT, quiet_libraries=quiet_libraries))
    handler.set_name(_HANDLER_NAME)
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == _HANDLER_NAME]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    if quiet_libraries:
        for name in NOISY_LOGGERS:
            logging.getLogger(name).setLevel(logging.WARNING)
        # kafka-python warns whenever its I/O loop is slow (a busy machine): not actionable.
        logging.getLogger("kafka.net.selector").setLevel(logging.ERROR)


def json_formatter(service: str) -> logging.Formatter:
    """python-json-logger's formatter with newswatch's field names (imported only here)."""
    from pythonjsonlogger.json import JsonFormatter

    return JsonFormatter(
        "{asctime}{levelname}{name}{message}", style="{",
        rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
        static_fields={"service": service},
        datefmt="%Y-%m-%dT%H:%M:%S%z",
    )
