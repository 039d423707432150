"""Company names as people type them in Slack, resolved against the rules file.

The rules file stays the place where companies are defined: a Slack command may name a
company by its canonical name, an alias or a ticker, in any case, but never adds one.
Unknown names get "did you mean" suggestions.
"""

from __future__ import annotations

import difflib
import logging
from pathlib import Path

from ...schemas.errors import NewswatchError
from ...schemas.rules import RulesFile, load_rules

log = logging.getLogger(__name__)


class CompanyDirectory:
    """Canonical company names by every name, alias and ticker (case-insensitive)."""

    def __init__(self, rules: RulesFile) -> None:
        self.rules = rules
        self._by_name: dict[str, str] = {}
        for company in rules.companies:
            for name in (company.name, *company.aliases, *company.tickers):
                self._by_name.setdefault(_key(name), company.name)
        self.canonical = frozenset(c.name for c in rules.companies)
        self._max_words = max((len(k.split()) for k in self._by_name), default=1)

    def resolve(self, text: str) -> str | None:
        """The canonical name ``text`` stands for, or None."""
        return self._by_name.get(_key(text))

    def longest_prefix(self, words: list[str]) -> tuple[str | None, int]:
        """The company named by the longest run of leading ``words``, and how many it took."""
        for count in range(min(self._max_words, len(words)), 0, -1):
            found = self.resolve(" ".join(words[:count]))
            if found is not None:
                return found, count
        return None, 0

    def suggest(self, text: str, limit: int = 3) -> list[str]:
        """Canonical names close to ``text`` (by any of their names), best first."""
        close = difflib.get_close_matches(_key(text), list(self._by_name), n=limit * 3,
                                          cutoff=0.7)
        # Also offer names that start with what was typed ("perplex" -> Perplexity AI).
        key = _key(text)
        starts = [k for k in self._by_name if len(key) >= 3 and k.startswith(key)]
        out: list[str] = []
        for match in [*close, *sorted(starts)]:
            name = self._by_name[match]
            if name not in out:
                out.append(name)
        return out[:limit]


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


class RulesSource:
    """The rules file as the app sees it: re-read when it changes; a broken file never
    replaces the companies in use (the same promise the worker makes)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._directory = CompanyDirectory(load_rules(path))  # at start-up a broken file is fatal
        self._mtime = _mtime(path)

    def current(self) -> CompanyDirectory:
        mtime = _mtime(self.path)
        if mtime != self._mtime:
            self._mtime = mtime
            try:
                self._directory = CompanyDirectory(load_rules(self.path))
                log.info("rules reloaded from %s", self.path)
            except NewswatchError as exc:
                log.error("rules not reloaded, the companies in use stay: %s", exc)
        return self._directory


def _mtime(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None
