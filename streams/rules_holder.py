"""Running rules, reloaded when the file changes; a broken file never replaces good rules.

Detection, routing and pacing are built from one ``RulesFile`` object and swapped together,
so the ``detect``, ``route`` and ``pace`` agents never run two versions of the rules at once.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from dataclasses import dataclass
from pathlib import Path

from ..schemas.rules import RulesFile, load_rules
from .detection import Detector
from .routing import ChannelPacer, Router
from .subscriptions import SubscriptionLayer

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RulesInForce:
    """One version of the rules and everything built from it."""

    rules: RulesFile
    detector: Detector
    router: Router
    pacer: ChannelPacer

    @classmethod
    def build(cls, rules: RulesFile,
              subscriptions: SubscriptionLayer | None = None) -> RulesInForce:
        return cls(rules, Detector(rules), Router(rules, subscriptions=subscriptions),
                   ChannelPacer(rules))


class RulesHolder:
    """Holds the rules in force; ``reload_if_changed`` swaps them atomically."""

    def __init__(self, path: Path, subscriptions: SubscriptionLayer | None = None) -> None:
        self.path = path
        self.subscriptions = subscriptions  # Slack-made watches and mutes, kept across reloads
        # At start-up a broken file is fatal.
        self.current = RulesInForce.build(load_rules(path), subscriptions)
        self._mtime = _mtime(path)
        self._settling: float | None = None
        self.last_error: str | None = None

    def use_subscriptions(self, subscriptions: SubscriptionLayer) -> None:
        """Route with the Slack-made watches and mutes too, from now on and after reloads."""
        self.subscriptions = subscriptions
        self.current = dataclasses.replace(
            self.current, router=Router(self.current.rules, subscriptions=subscriptions))

    async def areload_if_changed(self) -> bool:
        """``reload_if_changed`` in a worker thread: parsing and building a large rules file
        takes a noticeable time, and the event loop must keep serving the streams."""
        return await asyncio.to_thread(self.reload_if_changed)

    def reload_if_changed(self) -> bool:
        """Reload when the file changed; keep the running rules when the new ones are bad."""
        mtime = _mtime(self.path)
        if mtime == self._mtime:
            self._settling = None
            return False
        if self._settling != mtime:
            # Changed since the last look: wait until it stays put for one more check,
            # so a file caught mid-save is not read.
            self._settling = mtime
            return False
        self._mtime, self._settling = mtime, None
        try:
            built = RulesInForce.build(load_rules(self.path), self.subscriptions)
        except Exception as exc:  # whatever is wrong with the new rules, keep the old ones
            self.last_error = str(exc)
            log.error("rules not reloaded, the running rules stay in force: %s", exc)
            return False
        self.current, self.last_error = built, None
        log.info("rules reloaded from %s: %d companies, %d watches",
                 self.path, len(built.rules.companies), len(built.rules.watches))
        return True


def _mtime(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None
