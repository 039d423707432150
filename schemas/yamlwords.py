"""Plain words for pydantic's validation errors in config files.

pydantic says "Input should be a valid list"; a person editing a YAML file wants
"watches[0].companies must be a list, like [a, b]". One function per concern: where
(``dotted``), what (``describe``), and what was probably meant (``did_you_mean``).
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel

_SHAPES = {
    "list_type": "a list, like [a, b]",
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "dict_type": "a mapping (key: value)",
    "model_type": "a mapping (key: value)",
    "model_attributes_type": "a mapping (key: value)",
}
_BOUNDS = {"greater_than": ("gt", "more than"), "greater_than_equal": ("ge", "at least"),
           "less_than": ("lt", "less than"), "less_than_equal": ("le", "at most")}


def dotted(loc: tuple[Any, ...]) -> str:
    """``('watches', 0, 'events', 1)`` -> ``watches[0].events[1]``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def did_you_mean(value: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def describe(err: Any, loc: tuple[Any, ...], *, shape_only: bool = False) -> str:
    """One pydantic error in plain words, starting with where it is (unless ``shape_only``:
    then only the shape the value should have, for "must be X or Y")."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    where = dotted(loc)
    if shape_only:
        return _SHAPES.get(kind, str(err["msg"]).removeprefix("Input should be "))
    if kind in _SHAPES:
        return f"{where} must be {_SHAPES[kind]}"
    if kind == "missing":
        parent = f" in {dotted(loc[:-1])}" if loc[:-1] else ""
        return f"missing required key {loc[-1]!r}{parent}"
    if kind == "literal_error":
        bad = str(err.get("input"))
        choices = _choices(str(ctx.get("expected", "")))
        what = "event type" if "events" in loc else "value"
        hint = did_you_mean(bad, choices)
        if not hint and len(choices) <= 12:
            hint = " (choose from: " + ", ".join(choices) + ")"
        return f"unknown {what} {bad!r}{hint} at {where}"
    if kind in ("too_short", "string_too_short"):
        least = int(ctx.get("min_length", 1))
        if least <= 1:
            return f"{where} must not be empty"
        unit = "characters" if kind == "string_too_short" else "entries"
        return f"{where} must have at least {least} {unit}"
    if kind in ("too_long", "string_too_long"):
        unit = "characters" if kind == "string_too_long" else "entries"
        return f"{where} is too long (at most {ctx.get('max_length')} {unit})"
    if kind in _BOUNDS:
        key, words = _BOUNDS[kind]
        return f"{where} must be {words} {_number(ctx.get(key))}"
    if kind == "string_pattern_mismatch":
        return f"{where} has characters that are not allowed"
    msg = str(err["msg"]).removeprefix("Value error, ")
    return f"{where}: {msg}" if where else msg


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, int | float) else str(value)


def _choices(expected: str) -> list[str]:
    return [c.strip().strip("'\"") for c in expected.replace(" or ", ",").split(",")
            if c.strip()]


def field_names_at(model: type[Any], loc: tuple[Any, ...]) -> list[str]:
    """The keys the model allows at ``loc`` (for "unknown key ... did you mean")."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        current = _model_in(field.annotation)
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}))


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
