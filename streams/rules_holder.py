"""Running rules, reloaded when the file changes; a broken file never replaces good rules."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from schemas.rules import RulesFile, load_rules

log = logging.getLogger(__name__)

T = TypeVar("T")


class RulesHolder(Generic[T]):
    """Holds the rules and an object built from them (e.g. a Detector), swapped atomically."""

    def __init__(self, path: Path, build: Callable[[RulesFile], T]) -> None:
        self.path = path
        self._build = build
        self.rules = load_rules(path)  # at start-up a broken file is fatal
        self.built = build(self.rules)
        self._mtime = _mtime(path)
        self._settling: float | None = None
        self.last_error: str | None = None

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
            rules = load_rules(self.path)
            built = self._build(rules)
        except Exception as exc:  # whatever is wrong with the new rules, keep the old ones
            self.last_error = str(exc)
            log.error("rules not reloaded, the running rules stay in force: %s", exc)
            return False
        self.rules, self.built, self.last_error = rules, built, None
        log.info("rules reloaded from %s: %d companies, %d watches",
                 self.path, len(rules.companies), len(rules.watches))
        return True


def _mtime(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None
