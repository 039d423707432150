"""A fingerprint of an article's text, so the same article under another id is recognised.

The same wire story reaches newswatch through several feeds: with a different GUID, a
tracking-laden or AMP link, a " - Reuters" tail on the headline, a summary cut at another
length, boilerplate appended. Routing treats such a copy as the article it already has
(absorbed silently) rather than as another source. The fingerprint is a 64-bit SimHash of
word pairs from the headline and the opening words of the lead: copies differ in a few
bits, different articles in many. ``bench/fingerprint_eval.py`` measures both.
"""

from __future__ import annotations

import hashlib
import itertools
import re

LEAD_WORDS = 30
"""Opening words of the lead that count: what every feed carries, summary or full text,
so a summary cut after them or a signature appended changes nothing."""
NEAR_IDENTICAL_BITS = 5
"""Fingerprints at most this many bits apart are the same article. On the 1,670 articles
of the evaluation sets (``bench/fingerprint_eval.py``) every pair of distinct articles is
further apart (the closest, templated briefs sharing their boilerplate, at 6), and every
copy with an outlet tail, another case, or its summary cut after the opening words is
within. A change inside the opening of a short summary (a signature appended to twenty
words) often is not: such a copy counts as another source, which the reply cap bounds."""

_WORD = re.compile(r"[^\W_]+")
# Headline tails naming the outlet: "... - Reuters", "... | The Verge", "... — BBC News".
_OUTLET_TAIL = re.compile(r"\s+[-|–—]\s+(?:[A-Z0-9][\w.&'’]*)(?:\s[A-Z][\w.&'’]*){0,3}$")


def text_fingerprint(title: str, body: str) -> str:
    """16 hex digits: the SimHash of ``title`` (outlet tail dropped) and the lead of ``body``."""
    words = _words(_OUTLET_TAIL.sub("", title.strip())) + _words(body, LEAD_WORDS)
    if not words:
        return ""
    pairs = [f"{a} {b}" for a, b in itertools.pairwise(words)] if len(words) > 1 else words
    # Each pair's 64-bit BLAKE2b hash (written out here: this loop is most of the cost).
    blake2b = hashlib.blake2b
    hashes = [int.from_bytes(blake2b(pair.encode("utf-8"), digest_size=8).digest(), "big")
              for pair in pairs]
    # A bit is set in the SimHash when more than half the pairs' hashes set it.
    return f"{_majority(hashes, len(pairs)):016x}"


def _majority(values: list[int], count: int) -> int:
    """The bits set in more than half of ``values`` (``count`` of them), all 64 at once.

    The values are added up bit-sliced: ``planes[j]`` holds bit j of each position's sum
    (a ripple-carry adder working on whole words), and the sums are then compared with
    ``count // 2`` from the highest bit down, again for every position at once.
    """
    planes: list[int] = []
    for value in values:
        carry = value
        for j, plane in enumerate(planes):
            planes[j], carry = plane ^ carry, plane & carry
            if not carry:
                break
        else:
            if carry:
                planes.append(carry)
    half = count // 2  # a sum above count / 2 is one above count // 2
    greater, equal = 0, (1 << 64) - 1
    for j in range(max(len(planes), half.bit_length()) - 1, -1, -1):
        plane = planes[j] if j < len(planes) else 0
        if half >> j & 1:
            equal &= plane
        else:
            greater |= equal & plane
            equal &= ~plane
    return greater


def fingerprint_distance(a: str, b: str) -> int:
    """How many of the 64 bits differ."""
    return (int(a, 16) ^ int(b, 16)).bit_count()


def near_identical(a: str | None, b: str | None) -> bool:
    """Whether two fingerprints belong to the same article (empty ones never do)."""
    if not a or not b:
        return False
    return fingerprint_distance(a, b) <= NEAR_IDENTICAL_BITS


def _words(text: str, limit: int | None = None) -> list[str]:
    """The words of ``text`` (the first ``limit`` only: a long body is not read to its end)."""
    return [m.group().casefold() for m in itertools.islice(_WORD.finditer(text), limit)]
