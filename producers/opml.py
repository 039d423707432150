"""OPML import: add the feeds of an OPML subscription list to feeds.yaml, keeping the
file's comments and layout (new entries are inserted as text, then the file is validated).

OPML files come from other people's feed readers: they are parsed with defusedxml, which
refuses entity declarations and external references (no reader exports either), and
only up to a size no subscription list reaches."""

from __future__ import annotations

import os
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import defusedxml.ElementTree as SafeET
import yaml
from defusedxml.common import DefusedXmlException, EntitiesForbidden

from ..schemas.errors import ConfigError
from ..schemas.feeds import FeedsFile
from ..schemas.validators import is_http_url
from ..schemas.yamlfile import parse_yaml_model
from .ids import canonical_url


@dataclass(frozen=True)
class OpmlFeed:
    url: str
    name: str | None
    tags: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.name} <{self.url}>" if self.name else self.url


#: Tens of thousands of subscriptions fit in a few MB.
MAX_OPML_BYTES = 20_000_000


def read_opml(path: str | Path) -> list[OpmlFeed]:
    """Every outline with an http(s) ``xmlUrl``; enclosing outlines' titles become tags."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_OPML_BYTES:
            raise ConfigError(f"file of {size:,} bytes is over the {MAX_OPML_BYTES:,}-byte "
                              "limit for OPML files", location=str(path))
        root = SafeET.parse(path, forbid_dtd=False, forbid_entities=True,
                            forbid_external=True).getroot()
    except OSError as exc:
        raise ConfigError(f"cannot read file: {exc.strerror}", location=str(path)) from None
    except DefusedXmlException as exc:
        raise ConfigError(f"refused: the OPML {_defused_reason(exc)}, which no feed reader "
                          "exports and which can make an XML file expand without bound",
                          location=str(path)) from None
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise ConfigError(f"not valid OPML: {exc}", location=f"{path}:{line}" if line
                          else str(path)) from None
    body = root.find("body") if root is not None else None
    if root is None or root.tag != "opml" or body is None:
        raise ConfigError("not an OPML document (no <opml><body>)", location=str(path))
    found: list[OpmlFeed] = []
    _walk(body, (), found)
    return found


def _defused_reason(exc: DefusedXmlException) -> str:
    if isinstance(exc, EntitiesForbidden):
        return f"declares the XML entity {exc.name!r}"
    return "refers to an external document"


def _walk(node: ET.Element, tags: tuple[str, ...], found: list[OpmlFeed]) -> None:
    for outline in node.findall("outline"):
        label = (outline.get("title") or outline.get("text") or "").strip()
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url:
            if is_http_url(url):
                found.append(OpmlFeed(url, label or None, tags))
        else:
            _walk(outline, (*tags, label) if label else tags, found)


def import_opml(opml: str | Path, feeds_file: str | Path) -> tuple[list[OpmlFeed], int]:
    """Add the OPML's feeds that feeds.yaml does not list yet; return (added, already listed)."""
    feeds_path = Path(feeds_file)
    incoming = read_opml(opml)
    text = feeds_path.read_text(encoding="utf-8") if feeds_path.exists() else ""
    current = parse_yaml_model(text, FeedsFile, name=str(feeds_path))
    known = {canonical_url(f.url) or f.url for f in current.feeds if f.url}
    names = {f.name for f in current.feeds if f.name}
    added: list[OpmlFeed] = []
    for feed in incoming:
        key = canonical_url(feed.url) or feed.url
        if key in known:
            continue
        known.add(key)
        name = _unique_name(feed.name, names)
        added.append(OpmlFeed(feed.url, name, feed.tags))
    if added:
        new_text = _insert(text, [_entry(f) for f in added])
        parse_yaml_model(new_text, FeedsFile, name=str(feeds_path))  # never write a broken file
        _write_atomically(feeds_path, new_text)
    return added, len(incoming) - len(added)


def _unique_name(name: str | None, taken: set[str]) -> str | None:
    if name is None:
        return None
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name} ({n})", n + 1
    taken.add(candidate)
    return candidate


def _entry(feed: OpmlFeed) -> dict[str, object]:
    entry: dict[str, object] = {"url": feed.url}
    if feed.name:
        entry["name"] = feed.name
    if feed.tags:
        entry["tags"] = list(feed.tags)
    return entry


def _render(entries: list[dict[str, object]], indent: int) -> str:
    # Flow style for leaf lists only: "tags: [Tech, Deep]".
    dumped = yaml.safe_dump(entries, default_flow_style=None, sort_keys=False,
                            allow_unicode=True, width=1000)
    pad = " " * indent
    return "".join(pad + line + "\n" for line in dumped.splitlines())


def _insert(text: str, entries: list[dict[str, object]]) -> str:
    root = yaml.compose(text, Loader=yaml.SafeLoader) if text.strip() else None
    node = None
    if isinstance(root, yaml.MappingNode):
        node = next((v for k, v in root.value if k.value == "feeds"), None)
    if node is None:
        sep = "" if not text or text.endswith("\n") else "\n"
        return f"{text}{sep}feeds:\n{_render(entries, 2)}"
    if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
        # Append after the last item, at the list's own indentation.
        indent = node.value[0].start_mark.column - 2
        # A collection's end mark lies past any comment lines that follow it; the last
        # scalar's does not, so trailing comments stay where they are.
        end = _last_scalar(node).end_mark.index
        line_end = text.find("\n", end)
        cut = len(text) if line_end < 0 else line_end + 1
        head = text[:cut] if text[:cut].endswith("\n") else text[:cut] + "\n"
        return head + _render(entries, max(indent, 0)) + text[cut:]
    if isinstance(node, yaml.SequenceNode | yaml.ScalarNode) and not node.value:
        # 'feeds: []' or 'feeds:' with nothing: replace the empty value with a block list.
        start, end = node.start_mark.index, node.end_mark.index
        return text[:start].rstrip(" ") + "\n" + _render(entries, 2) + text[end:].lstrip("\n")
    raise ConfigError("'feeds' is written in flow style; cannot add entries without "
                      "rewriting it: write it as a block list", location=str(node.start_mark))


def _last_scalar(node: yaml.Node) -> yaml.Node:
    while isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    return node


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
