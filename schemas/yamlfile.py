"""Load a YAML config file into a pydantic model, naming file:line in every error."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import ConfigError

M = TypeVar("M", bound=BaseModel)


def load_yaml_model(path: str | Path, model: type[M], *, allow_empty: bool = True) -> M:
    """Parse ``path`` as ``model``; raise ConfigError("<path>:<line>: <what is wrong>")."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read file: {exc.strerror}", location=str(path)) from None
    return parse_yaml_model(text, model, name=str(path), allow_empty=allow_empty)


def parse_yaml_model(text: str, model: type[M], *, name: str, allow_empty: bool = True) -> M:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{name}:{mark.line + 1}" if mark is not None else name
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(f"not valid YAML: {problem}", location=where) from None
    if data is None:
        if not allow_empty:
            # Also what a half-written file looks like mid-save: not "no rules".
            raise ConfigError("the file is empty", location=f"{name}:1")
        data = {}
    if not isinstance(data, dict):
        raise ConfigError("expected a mapping at the top level", location=f"{name}:1")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise _located(exc, root, name, model) from None


def _located(
    exc: ValidationError, root: yaml.Node | None, name: str, model: type[Any]
) -> ConfigError:
    # A channel written as a mapping also fails the plain-string branch of its union:
    # that failure says nothing the mapping's own errors do not.
    errors = [e for e in exc.errors()
              if not (e["type"] == "string_type" and e["loc"][-1:] == ("str",))] or exc.errors()
    err = errors[0]
    loc: tuple[Any, ...] = tuple(err["loc"])
    original = (err.get("ctx") or {}).get("error")
    if original is not None and hasattr(original, "loc"):
        # Raised by a nested model about one of its own keys: relative to where it sits.
        if getattr(original, "relative", False):
            loc = (*_clean_loc(loc), *original.loc)
        else:
            loc = tuple(original.loc)
    message = _message(err, loc, model)
    line = _line_of(root, loc, key_itself=err["type"] == "extra_forbidden")
    # A union field fails once per branch; count places, not branch failures.
    places = {tuple(_clean_loc(tuple(e["loc"]))) for e in errors}
    extra = f" (and {len(places) - 1} more problem(s))" if len(places) > 1 else ""
    return ConfigError(message + extra, location=f"{name}:{line}" if line else name)


def _message(err: Any, loc: tuple[Any, ...], model: type[Any]) -> str:
    kind = err["type"]
    where = ".".join(str(p) for p in _clean_loc(loc))
    if kind == "extra_forbidden":
        key = str(loc[-1])
        fields = _fields_at(model, loc[:-1])
        parent = f" in {where.rsplit('.', 1)[0]}" if "." in where else ""
        return f"unknown key {key!r}" + _did_you_mean(key, fields) + parent
    if kind == "literal_error":
        bad = str(err.get("input"))
        expected = _literal_choices(err)
        what = "event type" if "events" in where else "value"
        return f"unknown {what} {bad!r}" + _did_you_mean(bad, expected) + f" at {where}"
    msg = str(err["msg"]).removeprefix("Value error, ")
    return f"{where}: {msg}" if where else msg


def _clean_loc(loc: tuple[Any, ...]) -> list[Any]:
    # pydantic puts union branch names (e.g. 'literal['*']', 'Subscription', 'str') into loc.
    return [p for p in loc if isinstance(p, int) or (isinstance(p, str) and not _is_branch(p))]


def _is_branch(part: str) -> bool:
    return part.startswith(("literal[", "function-")) or part in {"str", "Subscription"}


def _literal_choices(err: Any) -> list[str]:
    expected = str((err.get("ctx") or {}).get("expected", ""))
    return [c.strip().strip("'\"") for c in expected.replace(" or ", ",").split(",") if c.strip()]


def _did_you_mean(value: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _fields_at(model: type[Any], loc: tuple[Any, ...]) -> list[str]:
    current: Any = model
    for part in _clean_loc(loc):
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


def _line_of(root: yaml.Node | None, loc: tuple[Any, ...], *, key_itself: bool) -> int | None:
    node = root
    line = node.start_mark.line + 1 if node is not None else None
    for part in _clean_loc(loc):
        if isinstance(node, yaml.MappingNode):
            match = next((kv for kv in node.value if kv[0].value == str(part)), None)
            if match is None:
                break
            key_node, node = match
            line = (key_node if key_itself else node).start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(
            node.value
        ):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line
