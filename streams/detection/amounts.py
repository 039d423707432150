"""Money amounts as written in news ("$14.3 billion", "€500m", "US$2 bn") and their USD value."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

_SCALE_WORDS = {
    "thousand": 1e3, "k": 1e3,
    "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
    "billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9,
    "trillion": 1e12, "tn": 1e12, "t": 1e12,
}
_SCALE = r"(?:\s?(?:thousand|million|billion|trillion|mln|bln|mn|bn|tn)\b|(?:k|m|b|t)\b)?"
_NUMBER = r"\d[\d,]*(?:\.\d+)?"

AMOUNT = re.compile(
    r"(?P<cur>US\$|USD\s?|\$|€|EUR\s?|£|GBP\s?|¥|JPY\s?)\s?(?P<num>" + _NUMBER + r")"
    r"(?P<scale>" + _SCALE + r")"
    r"|(?P<num2>" + _NUMBER + r")\s?(?P<scale2>thousand|million|billion|trillion)\s"
    r"(?P<cur2>dollars|euros|pounds|yen)\b",
    re.IGNORECASE,
)

_USD_CURRENCIES = {"us$", "usd", "$", "dollars"}


@dataclass(frozen=True, slots=True)
class Amount:
    text: str
    start: int
    end: int
    usd: float | None


@functools.lru_cache(maxsize=256)
def find_amounts(text: str) -> tuple[Amount, ...]:
    """Every money amount in ``text``; ``usd`` is set only for US-dollar amounts (read once
    per sentence, however many triggers it holds)."""
    out: list[Amount] = []
    for match in AMOUNT.finditer(text):
        suffix = "" if match.group("num") is not None else "2"
        currency, number, scale = (match.group(g + suffix) for g in ("cur", "num", "scale"))
        value = _value(number, scale)
        usd = value if currency.strip().lower() in _USD_CURRENCIES else None
        out.append(Amount(match.group().strip(), match.start(), match.end(), usd))
    return tuple(out)


def _value(number: str, scale: str | None) -> float | None:
    try:
        value = float(number.replace(",", ""))
    except ValueError:
        return None
    if scale:
        value *= _SCALE_WORDS.get(scale.strip().lower(), 1.0)
    return value


def nearest_amount(amounts: Sequence[Amount], start: int, end: int,
                   window: int = 120) -> Amount | None:
    """The amount closest to the span ``start:end`` within ``window`` characters."""
    best: tuple[int, Amount] | None = None
    for amount in amounts:
        if amount.end <= start:
            distance = start - amount.end
        elif amount.start >= end:
            distance = amount.start - end
        else:
            distance = 0
        if distance <= window and (best is None or distance < best[0]):
            best = (distance, amount)
    return best[1] if best else None
