"""Slack's limits on a message, checked on every post and update like Slack does.

Only the block kinds newswatch renders are known (header, section, context, divider, and
actions holding buttons); any other kind is refused, so a renderer change that Slack would
reject fails here first.
"""

from __future__ import annotations

from typing import Any

MAX_TEXT = 40_000
MAX_BLOCKS = 50
MAX_BLOCK_ID = 255
MAX_HEADER_TEXT = 150
MAX_SECTION_TEXT = 3000
MAX_FIELDS = 10
MAX_FIELD_TEXT = 2000
MAX_CONTEXT_ELEMENTS = 10
MAX_CONTEXT_TEXT = 3000
MAX_ACTIONS = 25
MAX_BUTTON_TEXT = 75
MAX_ACTION_ID = 255
MAX_BUTTON_VALUE = 2000


def validate_message(text: str, blocks: Any) -> str | None:
    """Slack's limits on a message; the error code Slack answers, or None."""
    if not text and not blocks:
        return "no_text"
    if len(text) > MAX_TEXT:
        return "msg_too_long"
    if blocks is None:
        return None
    if not isinstance(blocks, list) or len(blocks) > MAX_BLOCKS:
        return "invalid_blocks"
    for block in blocks:
        if not isinstance(block, dict) or not _block_ok(block):
            return "invalid_blocks"
    return None


def _text_ok(obj: Any, limit: int, kinds: tuple[str, ...] = ("plain_text", "mrkdwn")) -> bool:
    return (
        isinstance(obj, dict)
        and obj.get("type") in kinds
        and isinstance(obj.get("text"), str)
        and 0 < len(obj["text"]) <= limit
    )


def _block_ok(block: dict[str, Any]) -> bool:
    kind = block.get("type")
    if len(str(block.get("block_id", ""))) > MAX_BLOCK_ID:
        return False
    if kind == "header":
        return _text_ok(block.get("text"), MAX_HEADER_TEXT, ("plain_text",))
    if kind == "section":
        return _section_ok(block)
    if kind == "context":
        elements = block.get("elements")
        return (
            isinstance(elements, list)
            and 0 < len(elements) <= MAX_CONTEXT_ELEMENTS
            and all(_text_ok(e, MAX_CONTEXT_TEXT) for e in elements)
        )
    if kind == "actions":
        elements = block.get("elements")
        return (
            isinstance(elements, list)
            and 0 < len(elements) <= MAX_ACTIONS
            and all(_button_ok(e) for e in elements)
        )
    return kind == "divider"


def _button_ok(element: Any) -> bool:
    return (
        isinstance(element, dict)
        and element.get("type") == "button"
        and _text_ok(element.get("text"), MAX_BUTTON_TEXT, ("plain_text",))
        and 0 < len(str(element.get("action_id", ""))) <= MAX_ACTION_ID
        and len(str(element.get("value", ""))) <= MAX_BUTTON_VALUE
    )


def _section_ok(block: dict[str, Any]) -> bool:
    fields = block.get("fields")
    if fields is not None and (
        not isinstance(fields, list)
        or len(fields) > MAX_FIELDS
        or not all(_text_ok(f, MAX_FIELD_TEXT) for f in fields)
    ):
        return False
    if "text" in block:
        return _text_ok(block["text"], MAX_SECTION_TEXT)
    return bool(fields)  # a section needs text or fields
