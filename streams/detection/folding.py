"""Case-insensitive patterns run as case-sensitive ones over the lower-cased text.

IGNORECASE costs the regex engine a case fold per character it compares; a pattern whose
letters are all lower-case, run without IGNORECASE over ``text.lower()``, finds the same
matches about twice as fast. It finds the same spans and groups because, for each
character ``str.lower`` turns into one character: it becomes an ASCII letter exactly when
IGNORECASE matches it to that letter, except "ſ" and "ı" (which IGNORECASE matches to "s"
and "i"); it becomes no other ASCII character; and it keeps its class (word, space,
digit), so ``\\b``, ``\\w``, ``\\s`` and ``\\d`` read the same (the test of this module
checks every Unicode character). Where a character lower-cases to two ("İ"), offsets
would move: the lengths differ, and the text is scanned as written.

Matches found this way are of the lower-cased text: read their text from the original at
the same offsets.
"""

from __future__ import annotations

import re

# The letters case folding matches to "a".."z" that ``str.lower`` does not turn into one
# ("İ" lower-cases to two characters, "i" and a combining dot).
FOLDS_APART = frozenset("ſıİ")

# What may not occur in a pattern run over lower-cased text: an upper-case letter (outside
# an escape such as "\\W" or a group name), an escape that could name one ("\\x41"), or an
# inline flag group that could turn IGNORECASE off.
_UNFIT = re.compile(r"\\[xuUN0-9]|\(\?[a-zA-Z-]*-|\(\?[aiLmsux]")


def lowered(text: str) -> str | None:
    """``text.lower()`` when a folded pattern may be run over it instead of the IGNORECASE
    one over ``text`` (the same offsets, no "ſ" or "ı"); None when it may not."""
    low = text.lower()
    if len(low) != len(text) or not FOLDS_APART.isdisjoint(text):
        return None
    return low


def folded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The case-sensitive twin of the IGNORECASE ``pattern``, for ``lowered`` text."""
    if not pattern.flags & re.IGNORECASE:
        raise ValueError(f"not a case-insensitive pattern: {pattern.pattern!r}")
    plain = re.sub(r"\(\?P<\w+>|\\.", "", pattern.pattern)  # group names, escapes
    if re.search(r"[A-Z]", plain) or _UNFIT.search(pattern.pattern):
        raise ValueError(f"not a lower-case pattern: {pattern.pattern!r}")
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
