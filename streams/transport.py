"""Faust's aiokafka consumer with its offset bookkeeping made safe for at-least-once.

Faust (faust-streaming 0.15.3) decides what to commit from the offsets its streams ack,
plus "gaps": offsets the fetcher jumped over, which it counts as done. Four things there
can move a commit past an article nobody processed, and one makes a hand-over redo work;
this consumer closes each:

- ``_getmany`` hands aiokafka the *live* set of active partitions, from another thread.
  When Faust pauses the last active partition while a fetch waits, aiokafka sees an empty
  set, which it reads as "every partition", returns the stream partitions' records too,
  and moves their positions past them; Faust then drops the records (paused). Here aiokafka
  gets a copy taken when the fetch starts.
- ``_add_gap`` turns any jump in fetched offsets into offsets to commit. newswatch's stream
  topics are append-only and written without transactions, so their offsets have no holes:
  a jump means records were fetched and never delivered. Here a jump is logged as an error
  and not counted as processed: Faust's commits for the partition then stop at the hole
  (once the partition has a committed offset), and the next assignment reads it again
  (duplicates downstream are absorbed by deterministic ids and the delivery ledger).
- On a revocation Faust forgets the partitions' acks before it commits, so a hand-over
  re-processed everything since the last periodic commit; here the flow is stopped, the
  record in hand finished and the offsets committed first.
- Faust commits after flushing the producer even when a send in that flush failed; the
  commit here first lets the failed send's callback stop the worker (see failstop.py).
- The pure-Python stream iterator (used when Faust's C extension is missing) acks records
  it *skipped* during a rebalance. Here an ack counts only for a record a stream started
  processing (Faust marks those ``tracked``).

Selected by the broker URL scheme ``TRANSPORT_SCHEME`` through Faust's ``faust.transports``
entry point (pyproject.toml), Faust's documented way to add a transport.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from typing import Any, ClassVar

from faust.transport.drivers import aiokafka as faust_aiokafka
from faust.types import TP, Message

log = logging.getLogger(__name__)

TRANSPORT_SCHEME = "newswatch-kafka"


class AtLeastOnceConsumer(faust_aiokafka.Consumer):
    """A consumer whose commits never pass a record that no agent processed."""

    async def _getmany(self, active_partitions: set[TP] | None, timeout: float) -> Any:
        frozen = set(active_partitions) if active_partitions is not None else None
        return await super()._getmany(frozen, timeout)

    async def _add_gap(self, tp: TP, offset_from: int, offset_to: int) -> None:
        # ``offset_to`` is the record just fetched; the hole is the offsets before it.
        if offset_from < offset_to:
            log.error("%s[%d]: offsets %d-%d were fetched but never delivered to the "
                      "stream; they are not counted as processed, and are read again "
                      "after the next rebalance or restart",
                      tp.topic, tp.partition, offset_from, offset_to - 1)

    async def _commit(self, offsets: Mapping[TP, int]) -> bool:
        # Faust flushes the producer just before this. A send that failed in that flush
        # has its done-callback queued behind this coroutine; one turn of the event loop
        # lets it run (failstop.stop_if_send_failed ends the process) before the commit.
        await asyncio.sleep(0)
        return bool(await super()._commit(offsets))

    async def on_partitions_revoked(self, revoked: set[TP]) -> None:
        # Faust forgets the acks of revoked partitions first and commits at the end of the
        # revocation, so a hand-over to another worker re-processed everything done since
        # the last periodic commit. Do the app's own first steps earlier: stop the flow,
        # drop what the agents have not started, let the record in hand finish, commit.
        if self.assignment():
            self.stop_flow()
            self.app.flow_control.suspend()
            self.app.flow_control.clear()
            await self.wait_empty()
        await super().on_partitions_revoked(revoked)

    def ack(self, message: Message) -> bool:
        if not message.tracked:
            return False  # skipped by the stream, never processed: it must be read again
        return bool(super().ack(message))


class Transport(faust_aiokafka.Transport):
    """Faust's aiokafka transport with ``AtLeastOnceConsumer``."""

    Consumer: ClassVar[Any] = AtLeastOnceConsumer
