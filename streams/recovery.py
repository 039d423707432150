"""Faust's end-of-rebalance step, reordered so that no article is skipped.

The bug (faust-streaming 0.15.3, ``faust/tables/recovery.py``): when table recovery ends,
``Recovery.on_recovery_completed`` (and ``_resume_streams`` for apps without tables)

1. resumes the stream partitions, while the Fetcher is already running (it was started to
   read the changelogs), so records aiokafka prefetched from the committed position are
   delivered to the agents' queues and Faust's read offset moves past them;
2. awaits ``perform_seek()``, which resets the read offset to the committed offset, so the
   rest of the batch already in flight arrives as a jump, which Faust records as a "gap" and
   treats as processed when it commits;
3. resumes flow control, which clears every agent queue: the records delivered in step 1
   and not yet taken by the agent are discarded. When they are fetched again after the seek
   they are older than the read offset and Faust drops them.

Those records are never processed, never dead-lettered, and the next commit moves past
them. It happens on every start that finds a backlog and a table changelog to restore,
which is exactly a worker restarted after a crash. Here the seek happens while the stream
partitions are still paused, and the partitions, the flow and the fetcher are resumed
together with no ``await`` in between, so nothing reaches a queue before it is cleared.

Installed through Faust's documented ``TableManager`` setting (``create_app`` passes
``NewswatchTableManager``); everything else is Faust's own code, unchanged.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from faust.tables.manager import TableManager
from faust.tables.recovery import Recovery

log = logging.getLogger(__name__)


class SeekBeforeResumeRecovery(Recovery):
    """``Recovery`` whose stream partitions are resumed only after seeking to committed."""

    async def _resume_streams(self, generation_id: int = 0) -> None:
        # The path for apps without tables; same order fix as below.
        app = self.app
        await app.on_rebalance_complete.send()
        if app.consumer_generation_id != generation_id:
            self.log.warning("Recovery rebalancing again")
            return
        await self._seek_then_resume()
        self.tables.on_actives_ready()
        self.tables.on_standbys_ready()
        app.on_rebalance_end()
        self.log.info("Worker ready")

    async def on_recovery_completed(self, generation_id: int = 0) -> None:
        """Called when the changelogs are read: seek, then let the streams flow."""
        self.log.info("Restore complete!")
        await self.app.on_rebalance_complete.send()
        self._set_recovery_ended()
        callbacks = [
            asyncio.ensure_future(table.on_recovery_completed(
                self.actives_for_table[table], self.standbys_for_table[table]))
            for table in self.tables.values()
        ]
        if callbacks:
            await asyncio.wait(callbacks)
        if self.app.consumer_generation_id != generation_id:
            self.log.warning("Recovery rebalancing again (generation %s, recovering %s)",
                             self.app.consumer_generation_id, generation_id)
            return
        await self._seek_then_resume()
        self.tables.on_actives_ready()
        if not self.app.assignor.assigned_standbys():
            self.tables.on_standbys_ready()
        self.app.on_rebalance_end()
        self.log.info("Worker ready")

    async def _seek_then_resume(self) -> None:
        app: Any = self.app
        consumer = app.consumer
        assignment = consumer.assignment()
        if assignment:
            # Stream partitions are still paused (since the assignment): nothing of theirs
            # is delivered while the committed offsets are read and sought to.
            self.log.info("Seek stream partitions to committed offsets.")
            await self._wait(consumer.perform_seek(),
                             timeout=app.conf.broker_request_timeout)
        self.completed.set()
        # No await from here to the fetcher's start: the queues are cleared by
        # flow_control.resume() before the first stream record can reach them.
        consumer.resume_partitions(
            {tp for tp in assignment if not self._is_changelog_tp(tp)})
        app.flow_control.resume()
        consumer.resume_flow()
        await app._fetcher.maybe_start()


class NewswatchTableManager(TableManager):
    """Faust's table manager with ``SeekBeforeResumeRecovery`` as its recovery service."""

    @property
    def recovery(self) -> Recovery:
        if self._recovery is None:
            self._recovery = SeekBeforeResumeRecovery(
                self.app, self, beacon=self.beacon, loop=self.loop)
        return self._recovery
