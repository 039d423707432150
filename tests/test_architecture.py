"""The layering docs/architecture.md describes, checked on the source: who may import whom.

    schemas  <-  kafkaio, telemetry  <-  producers | streams | notifiers  <-  newswatch (CLI)

Stages never import each other or the CLI; nothing imports up; no import cycles; and
each stage keeps away from the clients that are not its business (ARCHITECTURE.md).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("schemas", "kafkaio", "telemetry", "producers", "streams", "notifiers")
ALLOWED: dict[str, set[str]] = {
    "schemas": {"schemas"},
    "kafkaio": {"schemas", "kafkaio"},
    "telemetry": {"schemas", "telemetry"},
    "producers": {"schemas", "kafkaio", "telemetry", "producers"},
    "streams": {"schemas", "kafkaio", "telemetry", "streams"},
    "notifiers": {"schemas", "kafkaio", "telemetry", "notifiers"},
    "cli": {"schemas", "kafkaio", "telemetry", "producers", "streams", "notifiers", "cli"},
}
FORBIDDEN_LIBRARIES: dict[str, set[str]] = {
    "schemas": {"kafka", "faust", "aiokafka", "slack_sdk", "feedparser", "aiohttp"},
    "kafkaio": {"slack_sdk", "feedparser"},
    "telemetry": {"kafka", "faust", "aiokafka", "slack_sdk", "feedparser", "aiohttp"},
    "producers": {"faust", "slack_sdk"},
    "streams": {"slack_sdk", "feedparser"},
    "notifiers": {"faust", "feedparser"},
}


def _modules() -> dict[str, Path]:
    """Module name (as installed, newswatch.<...>) -> file, from the real folders."""
    found: dict[str, Path] = {}
    for top in (*STAGES, "newswatch"):
        for path in (ROOT / top).rglob("*.py"):
            relative = path.relative_to(ROOT)
            if top == "newswatch" and relative.parts[1] in STAGES:
                continue  # the links to the stage folders
            parts = list(relative.with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            name = ".".join(parts if top == "newswatch" else ["newswatch", *parts])
            found[name] = path
    return found


MODULES = _modules()


def _layer(module: str) -> str:
    part = module.split(".")[1] if module.count(".") else ""
    return part if part in STAGES else "cli"


def _imports(module: str, path: Path) -> list[tuple[str, int]]:
    """Imported module names, resolved to absolute newswatch.* names where they are ours."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out: list[tuple[str, int]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            out.append((base, node.lineno))
            out.extend((f"{base}.{alias.name}", node.lineno) for alias in node.names)
    return out


def _ours(name: str) -> str | None:
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def test_every_stage_folder_is_found() -> None:
    layers = {_layer(m) for m in MODULES}
    assert layers == {*STAGES, "cli"}
    assert len(MODULES) > 80


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down_the_layers(module: str) -> None:
    path = MODULES[module]
    layer = _layer(module)
    for name, line in _imports(module, path):
        top = name.split(".")[0]
        assert top not in STAGES, (
            f"{path.relative_to(ROOT)}:{line}: imports {name!r} as a top-level package; "
            "use a relative import (stages) or newswatch.* (CLI, tests)")
        assert top not in FORBIDDEN_LIBRARIES.get(layer, set()), (
            f"{path.relative_to(ROOT)}:{line}: the {layer} layer must not use {top}")
        target = _ours(name)
        if target is None or target == "newswatch":
            continue
        assert _layer(target) in ALLOWED[layer], (
            f"{path.relative_to(ROOT)}:{line}: {layer} imports {target} "
            f"({_layer(target)}), which is not below it")


def test_no_import_cycles() -> None:
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for module, path in MODULES.items():
        for name, _line in _imports(module, path):
            target = _ours(name)
            # A package's own __init__ imported by its children is not a cycle.
            if target and target != module and not module.startswith(target + "."):
                graph[module].add(target)
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = [*stack[stack.index(nxt):], nxt]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)


def test_stage_links_point_at_the_top_level_folders() -> None:
    for stage in STAGES:
        link = ROOT / "newswatch" / stage
        assert link.is_symlink() and link.resolve() == (ROOT / stage).resolve(), stage
