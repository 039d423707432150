"""Text helpers the checks share: masking company names, the clause before a trigger."""

from __future__ import annotations

from ..companies import Mention


def mask(text: str, mentions: list[Mention]) -> str:
    """``text`` with each company mention blanked out (same length, no capitals)."""
    for mention in mentions:
        text = text[:mention.start] + "x" * (mention.end - mention.start) + text[mention.end:]
    return text


def clause_before(text: str, start: int) -> str:
    """The words from the start of the trigger's clause (or 100 characters) up to it."""
    head = text[max(0, start - 100):start]
    cut = max(head.rfind(";"), head.rfind(" but "), head.rfind(" and "))
    return head[cut + 1:] if cut >= 0 else head
