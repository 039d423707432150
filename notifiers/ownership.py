"""The rebalance protocol: which partitions this notifier owns, and what a change does to
the alerts in flight.

kafka-python calls the listener on its IO thread. Revocation is handled right there,
before this member rejoins: retries on those partitions stop and a post in flight is
given time to land and be recorded, so the next owner finds it in the ledger or in
Slack. Nothing is committed (blocking consumer calls are not allowed there); the next
owner skips what was delivered here. Assignment needs consumer calls, so the main loop
applies it as soon as ``poll()`` returns, before any new record.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from kafka import ConsumerRebalanceListener, KafkaConsumer, TopicPartition

from .lanes import ChannelLanes, Keyed, OffsetTracker

log = logging.getLogger(__name__)


class PartitionOwnership:
    """Generations of each partition's assignment, rewinds, and the rebalance listener."""

    def __init__(self, lanes: ChannelLanes[Any], tracker: OffsetTracker,
                 on_assigned: Callable[[], object], *, revoke_wait_s: float) -> None:
        self._lanes = lanes
        self._tracker = tracker
        self._on_assigned = on_assigned
        self._revoke_wait_s = revoke_wait_s
        self._generations: dict[TopicPartition, int] = {}
        self._assignments: deque[set[TopicPartition]] = deque()
        self._rewind: dict[TopicPartition, int] = {}
        self.rebalancing = False
        self.assigned_at: float | None = None

    def generation(self, tp: TopicPartition) -> int:
        """Bumped each time ``tp`` is revoked: a job of an older generation is stale."""
        return self._generations.get(tp, 0)

    def owns(self, job: Keyed, generation: int) -> bool:
        return self._generations.get(job.tp, 0) == generation

    def listener(self) -> ConsumerRebalanceListener:
        return _Listener(self)

    # ---- IO thread -----------------------------------------------------------------------
    def revoke(self, revoked: set[TopicPartition]) -> None:
        log.debug("partitions revoked: %s", _names(revoked))
        self.rebalancing = True
        for tp in revoked:
            self._generations[tp] = self._generations.get(tp, 0) + 1
        self._lanes.drop(lambda job: job.tp not in revoked)
        # A post in flight must land (and be recorded) before another owner looks for it.
        if not self._lanes.wait_running(lambda job: job.tp not in revoked,
                                        timeout=self._revoke_wait_s):
            log.warning("a delivery on a revoked partition is still running; its alert may "
                        "be posted twice if the new owner retries it before it lands")
        committable = self._tracker.committable()
        self._rewind.update({tp: off for tp, off in committable.items() if tp in revoked})
        self._tracker.forget(revoked)

    def assign(self, assigned: set[TopicPartition]) -> None:
        self._assignments.append(assigned)

    # ---- main thread ---------------------------------------------------------------------
    def apply(self, consumer: KafkaConsumer, batch: dict[TopicPartition, Any]
              ) -> dict[TopicPartition, Any]:
        """Take up pending assignments; return the records of ``batch`` still to handle."""
        if not self._assignments:
            return batch
        rewound: set[TopicPartition] = set()
        while self._assignments:
            rewound |= self._take_up(consumer, self._assignments.popleft())
        assigned = consumer.assignment()
        # Records of a rewound partition come again from the rewound position.
        return {tp: records for tp, records in batch.items()
                if tp in assigned and tp not in rewound}

    def _take_up(self, consumer: KafkaConsumer, assigned: set[TopicPartition]
                 ) -> set[TopicPartition]:
        """Take up ``assigned``; return the partitions sought back to an earlier offset."""
        log.debug("partitions assigned: %s", _names(assigned))
        self.rebalancing = False
        # Another notifier may have delivered some of these alerts since our last read.
        self._on_assigned()
        # kafka-python keeps the position of a partition revoked and handed straight back,
        # but the alerts read before were dropped with the revocation: read them again.
        rewound = assigned & set(self._rewind)
        for tp in rewound:
            consumer.seek(tp, self._rewind[tp])
        self._rewind.clear()  # the rest went to other members; their offsets are theirs
        # An empty assignment is often the first, made before the topic's metadata arrived.
        self.assigned_at = time.monotonic() if assigned else None
        return rewound


def _names(tps: set[TopicPartition]) -> str:
    return ", ".join(f"{tp.topic}[{tp.partition}]" for tp in sorted(tps)) or "none"


class _Listener(ConsumerRebalanceListener):
    def __init__(self, ownership: PartitionOwnership) -> None:
        self.ownership = ownership

    def on_partitions_revoked(self, revoked: list[TopicPartition]) -> None:
        if revoked:
            self.ownership.revoke(set(revoked))

    def on_partitions_assigned(self, assigned: list[TopicPartition]) -> None:
        self.ownership.assign(set(assigned))
