"""Bound XML entity expansion before a feed document reaches the parser.

feedparser hands documents to expat, which expands internal entities: a 3 MB file that
declares one entity and uses it 90 times becomes 270 MB of text (and gigabytes of
parser state) although the body cap saw only 3 MB. Some real feeds declare a few
entities (``<!ENTITY nbsp "&#160;">``), so declarations are not refused as such: the
size the document would expand to is computed from the declarations and their uses,
without expanding anything, and the document is refused when that is over the feed's
size cap. Internal parameter entities (which can hide further declarations) and entities
that refer to themselves are always refused.
"""

from __future__ import annotations

import re
from collections import Counter

from .errors import BodyTooLargeError, NotAFeedError
from .sniff import utf8_view

_DECLARATION = re.compile(
    rb"<!ENTITY\s+(%\s*)?([^\s%;\"'>]+)\s+"
    rb"(?:\"([^\"]*)\"|'([^']*)'|((?:SYSTEM|PUBLIC)\b[^>]*))\s*>")
_REFERENCE = re.compile(rb"&([A-Za-z_:][\w.:-]*);")
#: The whole XHTML entity set is 253; no feed declares more than a few hundred.
MAX_DECLARATIONS = 2_000


def check_entity_expansion(body: bytes, limit: int) -> None:
    """Raise ``BodyTooLargeError`` if the entities ``body`` declares would expand it past
    ``limit`` bytes, ``NotAFeedError`` for parameter or self-referring entities."""
    # Declarations in UTF-16 or UTF-32 would hide from a byte search: look at the text.
    body = utf8_view(body)
    if b"<!ENTITY" not in body:
        return
    values: dict[bytes, bytes] = {}
    for match in _DECLARATION.finditer(body):
        if match.group(1):
            if match.group(5):
                continue  # an external DTD module (XHTML entity sets): never fetched
            # Its value may hold more declarations, out of this scanner's sight.
            raise NotAFeedError("the document declares an internal parameter entity "
                                "(<!ENTITY % name \"...\">): refused, as no feed needs one")
        value = match.group(3) if match.group(3) is not None else match.group(4)
        # External entities (SYSTEM/PUBLIC) are never fetched: they expand to nothing.
        values.setdefault(match.group(2), value if value is not None else b"")
    if not values:
        return
    sizes = _expanded_sizes(values)
    uses = Counter(m.group(1) for m in _REFERENCE.finditer(body) if m.group(1) in sizes)
    growth = sum(count * (sizes[name] - len(name) - 2) for name, count in uses.items())
    total = len(body) + max(growth, 0)
    if total > limit:
        raise BodyTooLargeError(
            f"its XML entities (<!ENTITY>) would expand the document to {total:,} bytes, "
            f"over the {limit:,}-byte cap: refused")


def _expanded_sizes(values: dict[bytes, bytes]) -> dict[bytes, int]:
    """Length of each entity with the entities it uses expanded, computed bottom-up."""
    sizes: dict[bytes, int] = {}
    visiting: set[bytes] = set()

    def size(name: bytes) -> int:
        if name in sizes:
            return sizes[name]
        if name in visiting:
            raise NotAFeedError(f"XML entity {name.decode(errors='replace')!r} refers to "
                                "itself: refused")
        visiting.add(name)
        value = values[name]
        total = len(value)
        for ref in _REFERENCE.finditer(value):
            inner = ref.group(1)
            if inner in values:
                total += size(inner) - len(inner) - 2
        visiting.discard(name)
        sizes[name] = total
        return total

    if len(values) > MAX_DECLARATIONS:
        raise NotAFeedError(f"the document declares over {MAX_DECLARATIONS:,} XML entities: "
                            "refused")
    try:
        for name in values:
            size(name)
    except RecursionError:
        raise NotAFeedError("XML entities nested too deeply: refused") from None
    return sizes
