"""Stopping the worker at once when a record cannot be finished, so it is read again.

An agent that meets bad *data* dead-letters the record and carries on. An agent that
cannot *finish* a record (Kafka will not take the event it produced, the table or the
dead-letter topic cannot be written) must not let Faust count the record as done: a
crashing agent's record is acked when Faust closes its stream, and Faust commits on the
way down. So the worker ends the process on the spot, like ``kill -9``, which the
kill-loop tests prove loses nothing: the next worker starts from the last commit, and
the error says why it stopped.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

log = logging.getLogger(__name__)

EXIT_CANNOT_FINISH = 70  # EX_SOFTWARE: the worker stopped itself, see the log line before


def stop_now(reason: str) -> None:
    """Log ``reason``, then end the process without any Faust shutdown (no ack, no commit)."""
    log.critical("worker stopping without committing: %s", reason)
    print(f"newswatch: error: worker stopped: {reason}", file=sys.stderr)
    for handler in logging.getLogger().handlers:
        handler.flush()
    sys.stderr.flush()
    os._exit(EXIT_CANNOT_FINISH)


@contextmanager
def stop_on_failure(agent: str, where: str) -> Iterator[None]:
    """Around an agent's work on one record: anything that escapes stops the worker."""
    try:
        yield
    except asyncio.CancelledError:
        raise  # a rebalance or shutdown: Faust's own business
    except Exception as exc:
        stop_now(f"{agent} could not finish {where}: {type(exc).__name__}: {exc}")


def stop_if_send_failed(future: asyncio.Future[object]) -> None:
    """Done-callback for a Faust send: a record Kafka refused must not be committed past.

    Faust only logs a failed send, and commits after flushing the producer. The failed
    send completes inside that flush; ``AtLeastOnceConsumer._commit`` yields to the event
    loop once before committing, so this callback has stopped the process by then.
    """
    if future.cancelled():
        return
    error = future.exception()
    if error is not None:
        stop_now(f"Kafka did not take a record: {type(error).__name__}: {error}")
