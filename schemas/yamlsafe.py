"""Reading YAML config files users (or attackers) write: bounded, parsed once, strict.

- A size cap before reading, and UTF-8 only, with the line of the first bad byte.
- Parsed once into a node tree (libyaml's C parser where installed), which serves both
  line numbers for errors and the data itself.
- Aliases are bounded: a few hundred bytes of nested anchors ("billion laughs") would
  otherwise expand into gigabytes the moment a validator walks the data.
- Nesting is bounded, and a key given twice in one mapping is an error naming both
  lines: YAML would silently keep the second, replacing a whole section.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError, ConfigProblems

#: Bigger than any real rules or feeds file (10,000 companies take about 1 MB).
MAX_FILE_BYTES = 16 * 1024 * 1024
#: Values after alias expansion, at least; files with many aliases may use more (below).
MIN_EXPANDED_NODES = 200_000
EXPANSION_FACTOR = 20
MAX_DEPTH = 64

Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class YamlDocument:
    """A parsed file: its node tree (for line numbers) and the plain data built from it."""

    root: yaml.Node | None
    data: Any


def read_text(path: Path) -> str:
    """The file's text; ConfigError names the file (and line) when it is too big,
    unreadable or not UTF-8."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ConfigError(f"file of {size:,} bytes is over the {MAX_FILE_BYTES:,}-byte "
                              "limit for config files", location=str(path))
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read file: {exc.strerror}", location=str(path)) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ConfigError(
            f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at column {column}); save the file "
            "as UTF-8", location=f"{path}:{line}") from None


def parse(text: str, *, name: str) -> YamlDocument:
    """Parse one YAML document, refusing alias bombs, deep nesting and duplicate keys."""
    loader = Loader(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"{name}:{mark.line + 1}" if mark is not None else name
            problem = getattr(exc, "problem", None) or str(exc)
            raise ConfigError(f"not valid YAML: {problem}", location=where) from None
        if root is None:
            return YamlDocument(None, None)
        _check_shape(root, name)
        duplicates = duplicate_keys(root, name)
        if duplicates:
            raise ConfigProblems(name, duplicates)
        try:
            data = loader.construct_document(root)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"{name}:{mark.line + 1}" if mark is not None else name
            raise ConfigError(f"not valid YAML: {getattr(exc, 'problem', None) or exc}",
                              location=where) from None
        return YamlDocument(root, data)
    finally:
        loader.dispose()


def _check_shape(root: yaml.Node, name: str) -> None:
    """Count values as a validator would see them, aliases expanded, without expanding."""
    expanded: dict[int, int] = {}
    visiting: set[int] = set()
    distinct = 0
    # Post-order walk without recursion: files may nest deeper than Python's stack.
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, children_done = stack.pop()
        if id(node) in expanded:
            continue
        if depth > MAX_DEPTH:
            raise ConfigError(f"nested more than {MAX_DEPTH} levels deep",
                              location=f"{name}:{node.start_mark.line + 1}")
        children = _children(node)
        if not children_done:
            if id(node) in visiting:
                raise ConfigError("an alias refers to a value that contains it",
                                  location=f"{name}:{node.start_mark.line + 1}")
            visiting.add(id(node))
            stack.append((node, depth, True))
            stack.extend((child, depth + 1, False) for child in children
                         if id(child) not in expanded)
            continue
        distinct += 1
        visiting.discard(id(node))
        expanded[id(node)] = 1 + sum(expanded.get(id(c), 1) for c in children)
    total, limit = expanded[id(root)], max(MIN_EXPANDED_NODES, EXPANSION_FACTOR * distinct)
    if total > limit:
        raise ConfigError(
            f"aliases (*name) expand the file's {distinct:,} values to {total:,}, over the "
            f"limit of {limit:,}: refused, as reading it would take gigabytes; write the "
            "values out or nest fewer aliases", location=f"{name}:1")


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def duplicate_keys(root: yaml.Node, name: str) -> list[str]:
    """``file:line: duplicate key`` for every key given twice in one mapping."""
    found: list[tuple[int, str]] = []
    seen_nodes: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key, _value in node.value:
                if not isinstance(key, yaml.ScalarNode) or key.tag.endswith(":merge"):
                    continue
                line = key.start_mark.line + 1
                if key.value in first:
                    found.append((line, f"{name}:{line}: duplicate key {key.value!r} (first on "
                                        f"line {first[key.value]}): YAML would silently keep "
                                        "only the second; merge them into one"))
                else:
                    first[key.value] = line
        stack.extend(_children(node))
    return [message for _line, message in sorted(found)]
