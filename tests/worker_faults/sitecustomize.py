"""Fault injection for worker processes started by tests (on PYTHONPATH only there).

``NEWSWATCH_TEST_SLOW_COMMITTED_S=1.5`` makes every read of the group's committed offsets
by the worker's consumer take that much longer, as on a loaded broker. The real aiokafka
call still runs; only its answer comes later. This widens the window in which Faust 0.15.3
skipped records on a restart (streams/recovery.py) from milliseconds to seconds, so a test
meets it every time instead of now and then.
"""

import asyncio
import os

_DELAY = float(os.environ.get("NEWSWATCH_TEST_SLOW_COMMITTED_S") or 0)

if _DELAY:
    from aiokafka import AIOKafkaConsumer

    _seek_to_committed = AIOKafkaConsumer.seek_to_committed

    async def _slow_seek_to_committed(self, *partitions):  # type: ignore[no-untyped-def]
        await asyncio.sleep(_DELAY)
        return await _seek_to_committed(self, *partitions)

    AIOKafkaConsumer.seek_to_committed = _slow_seek_to_committed
