"""What a notify run did: counts per outcome, and the error that stopped it."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from ..schemas.errors import NewswatchError
from .deliver import Outcome


@dataclass
class DeliveryReport:
    """What one run did; ``duplicates`` were delivered before and were not posted again."""

    delivered: int = 0
    recovered: int = 0
    duplicates: int = 0
    dead_lettered: int = 0
    invalid: int = 0
    started: float = field(default_factory=time.monotonic)
    seconds: float = 0.0

    def summary(self) -> str:
        return (f"{self.delivered} delivered, {self.recovered} found already posted, "
                f"{self.duplicates} duplicates skipped, {self.dead_lettered} dead-lettered, "
                f"{self.invalid} unreadable, in {self.seconds:.1f} s")


class SlackUnavailable(NewswatchError):
    """Slack could not be reached at start-up; the message names the host and the cause."""


class NotifierStopped(NewswatchError):
    """The run ended on an error; ``report`` says what was delivered before it."""

    def __init__(self, cause: BaseException, report: DeliveryReport) -> None:
        self.cause, self.report = cause, report
        detail = str(cause) if isinstance(cause, NewswatchError) else type(cause).__name__
        super().__init__(f"notify stopped: {detail} ({report.summary()})")


_FIELD = {Outcome.DELIVERED: "delivered", Outcome.RECOVERED: "recovered",
          Outcome.DUPLICATE: "duplicates", Outcome.DEAD_LETTERED: "dead_lettered"}


class OutcomeCounter:
    """Counts outcomes into a report from many worker threads.

    An alert read again after a rebalance within the same run comes back from the ledger
    as a duplicate; it was this run's own delivery, so it is not counted twice.
    """

    def __init__(self, report: DeliveryReport) -> None:
        self.report = report
        self._done_here: set[str] = set()
        self._lock = threading.Lock()

    def count(self, alert_id: str, outcome: Outcome) -> None:
        with self._lock:
            if outcome is Outcome.DUPLICATE and alert_id in self._done_here:
                return
            if outcome in (Outcome.DELIVERED, Outcome.RECOVERED, Outcome.DEAD_LETTERED):
                self._done_here.add(alert_id)
            name = _FIELD.get(outcome)
            if name is not None:
                setattr(self.report, name, getattr(self.report, name) + 1)

    def invalid(self) -> None:
        with self._lock:
            self.report.invalid += 1
