"""Load a YAML config file into a pydantic model, reporting every problem at once.

Each problem is one line, ``file:line: what is wrong`` in plain words ("must be a list,
like [a, b]", not "Input should be a valid list"), with a "did you mean" where a name
is close to a known one. Checks across entries (duplicate names, unknown references)
run even when some entries are malformed, so one run shows everything to fix.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from . import yamlsafe
from .errors import ConfigError, ConfigProblems, LocatedProblem, LocatedProblems
from .yamlwords import describe, did_you_mean, dotted, field_names_at

M = TypeVar("M", bound=BaseModel)
#: Checks across entries that can run on raw (possibly malformed) data.
CrossCheck = Callable[[Any], list[LocatedProblem]]


def load_yaml_model(path: str | Path, model: type[M], *, allow_empty: bool = True,
                    cross_check: CrossCheck | None = None) -> M:
    """Parse ``path`` as ``model``; raise ConfigError("<path>:<line>: <what is wrong>")."""
    path = Path(path)
    text = yamlsafe.read_text(path)
    return parse_yaml_model(text, model, name=str(path), allow_empty=allow_empty,
                            cross_check=cross_check)


def parse_yaml_model(text: str, model: type[M], *, name: str, allow_empty: bool = True,
                     cross_check: CrossCheck | None = None) -> M:
    document = yamlsafe.parse(text, name=name)
    data = document.data
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
        problems = _problems(exc, data, model)
        if cross_check is not None and not any(p.cross for p in problems):
            # Field errors stop pydantic before the cross-field checks: run them here.
            problems += [_Problem.of(p) for p in cross_check(data)]
        raise _report(problems, document.root, name) from None


@dataclass(frozen=True)
class _Problem:
    loc: tuple[Any, ...]
    message: str
    key_itself: bool = False
    also: tuple[Any, ...] | None = None
    cross: bool = False

    @classmethod
    def of(cls, located: LocatedProblem) -> _Problem:
        return cls(tuple(located.loc), located.message, also=located.also, cross=True)


def _problems(exc: ValidationError, data: Any, model: type[Any]) -> list[_Problem]:
    found: list[_Problem] = []
    union_errors: dict[tuple[Any, ...], list[tuple[tuple[Any, ...], Any]]] = {}
    for err in exc.errors():
        original = (err.get("ctx") or {}).get("error")
        if isinstance(original, LocatedProblems):
            found += [_Problem.of(p) for p in original.problems]
            continue
        if original is not None and hasattr(original, "loc"):  # one located problem
            where = tuple(original.loc)
            if getattr(original, "relative", False):
                # Raised by a nested model about one of its own keys: relative to its place.
                where = (*_clean(tuple(err["loc"]), data)[0], *where)
            found.append(_Problem(where, str(original), cross=True))
            continue
        loc, branch_at = _clean(tuple(err["loc"]), data)
        if branch_at is None:
            found.append(_field_problem(err, loc, model))
        else:
            union_errors.setdefault(loc[:branch_at], []).append((loc, err))
    for point, errors in union_errors.items():
        if any(p.cross and p.loc[:len(point)] == point for p in found):
            continue  # one shape of the value got far enough to name its own problem
        found += _union_problems(point, errors, model)
    return found


def _field_problem(err: Any, loc: tuple[Any, ...], model: type[Any]) -> _Problem:
    kind = err["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1])
        parent = f" in {dotted(loc[:-1])}" if loc[:-1] else ""
        return _Problem(loc, f"unknown key {key!r}"
                        + did_you_mean(key, field_names_at(model, loc[:-1])) + parent,
                        key_itself=True)
    return _Problem(loc, describe(err, loc))


def _union_problems(point: tuple[Any, ...], errors: list[tuple[tuple[Any, ...], Any]],
                    model: type[Any]) -> list[_Problem]:
    """A value that may take several shapes failed each: say what is wrong inside the
    shape it has, or, if it has none of them, which shapes it may take."""
    inner = [(loc, err) for loc, err in errors if len(loc) > len(point)]
    if inner:
        return [_field_problem(err, loc, model) for loc, err in inner]
    literals = [err for _loc, err in errors if err["type"] == "literal_error"]
    if len(literals) == len(errors):
        merged = dict(literals[0])
        merged["ctx"] = {"expected": " or ".join(
            str((e.get("ctx") or {}).get("expected", "")) for e in literals)}
        return [_Problem(point, describe(merged, point))]
    if "channels" in point:
        return [_Problem(point, f"{dotted(point)} must be a channel like '#alerts' or a "
                                "mapping like {channel: '#alerts', mentions: [here]}")]
    shapes = sorted({describe(err, point, shape_only=True) for _loc, err in errors})
    return [_Problem(point, f"{dotted(point)} must be " + " or ".join(shapes))]


def _clean(loc: tuple[Any, ...], data: Any) -> tuple[tuple[Any, ...], int | None]:
    """Drop pydantic's union-branch names ('str', 'Subscription', 'literal[...]') from
    ``loc``; return the clean loc and where the first branch name was (None: no union)."""
    clean: list[Any] = []
    branch_at: int | None = None
    current = data
    for part in loc:
        if isinstance(part, int):
            clean.append(part)
            current = current[part] if isinstance(current, list) and part < len(current) \
                else None
        elif (isinstance(current, dict) and part in current) or not _is_branch(part):
            clean.append(part)
            current = current.get(part) if isinstance(current, dict) else None
        elif branch_at is None:
            branch_at = len(clean)
    return tuple(clean), branch_at


def _is_branch(part: str) -> bool:
    # Field names are snake_case; branch names are types: 'str', 'Subscription',
    # 'literal[...]', 'function-before[...]', 'list[str]'.
    return (part[:1].isupper() or "[" in part or "-" in part
            or part in {"str", "int", "float", "bool", "none"})


def _report(problems: list[_Problem], root: yaml.Node | None, name: str) -> ConfigProblems:
    lines: dict[str, int] = {}
    for problem in problems:
        line = _line_of(root, problem.loc, key_itself=problem.key_itself)
        message = problem.message
        if problem.also is not None:
            first = _line_of(root, problem.also, key_itself=False)
            message += f" (first on line {first})" if first else ""
        text = f"{name}:{line}: {message}" if line else f"{name}: {message}"
        lines.setdefault(text, line or 0)
    return ConfigProblems(name, sorted(lines, key=lambda t: lines[t]))


def _line_of(root: yaml.Node | None, loc: tuple[Any, ...], *, key_itself: bool) -> int | None:
    node = root
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
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
