"""Make untrusted feed text safe for Slack mrkdwn, and cut it to size without breaking it.

Feed text is untrusted. Escaping ``&``, ``<`` and ``>`` means no feed can ping
``<!channel>``/``<!here>``/``<@U…>`` or plant a disguised link (``<https://evil|bank>``).
Slack mrkdwn has no escape for ``*``, ``~``, `````` ` `````` or ``_``, so in untrusted text
they are swapped for look-alike characters that Slack does not format: a title cannot
turn itself bold, strike out the rest of the message, or open a code block.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

ELLIPSIS = "…"
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_LOOKALIKES = str.maketrans({"*": "∗", "~": "∼", "`": "ˋ"})
# Underscores only format at word edges (`_x_`); inside words (snake_case) they are harmless.
_EDGE_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_SPACE = re.compile(r"\s+")
MAX_URL_CHARS = 2_000


def clean(text: str | None) -> str:
    """One line of text: control and bidi characters removed, whitespace collapsed."""
    if not text:
        return ""
    return _SPACE.sub(" ", _CONTROL.sub("", text)).strip()


def escape(text: str) -> str:
    """Escape the three characters Slack's message syntax reserves."""
    return "".join(_ENTITIES.get(ch, ch) for ch in text)


def neutralise(text: str) -> str:
    """Untrusted text as inert mrkdwn: no formatting characters, no control characters."""
    text = clean(text).translate(_LOOKALIKES)
    return _EDGE_UNDERSCORE.sub("＿", text)


def untrusted(text: str | None, limit: int) -> str:
    """``text`` neutralised and escaped, at most ``limit`` characters (ellipsis if cut)."""
    return fit_escaped(neutralise(text or ""), limit)


def fit_escaped(raw: str, limit: int) -> str:
    """Escape ``raw``; if longer than ``limit``, cut the raw text so no entity is split."""
    escaped = escape(raw)
    if len(escaped) <= limit:
        return escaped
    out: list[str] = []
    used = 0
    room = limit - len(ELLIPSIS)
    for ch in raw:
        piece = _ENTITIES.get(ch, ch)
        if used + len(piece) > room:
            break
        out.append(piece)
        used += len(piece)
    return "".join(out).rstrip() + ELLIPSIS


def cut_mrkdwn(text: str, limit: int) -> str:
    """Cut already-built mrkdwn to ``limit`` without splitting a ``<link|label>`` or entity."""
    if len(text) <= limit:
        return text
    head = text[: max(0, limit - len(ELLIPSIS))]
    if head.rfind("<") > head.rfind(">"):
        head = head[: head.rfind("<")]
    amp = head.rfind("&")
    if amp != -1 and ";" not in head[amp:]:
        head = head[:amp]
    # An unpaired `*` would show as a stray asterisk; close bold if it was left open.
    if head.count("*") % 2 == 1 and len(head) + 1 + len(ELLIPSIS) <= limit:
        head += "*"
    return head.rstrip() + ELLIPSIS


def fit_plain(text: str, limit: int) -> str:
    """Plain text cut to ``limit`` with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[: max(0, limit - len(ELLIPSIS))].rstrip() + ELLIPSIS


def safe_url(url: str | None) -> str | None:
    """An http(s) URL fit for ``<url|label>``, or None when it cannot be linked safely."""
    if not url:
        return None
    url = clean(url)
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    # `|` would end the URL early and `<`/`>` would end the link: percent-encode them.
    url = escape(quote(url, safe=":/?#[]@!$&'()*+,;=%~-._"))
    return url if len(url) <= MAX_URL_CHARS else None


def link(url: str | None, label_raw: str, label_limit: int) -> str:
    """``<url|label>`` with the label neutralised; the label alone when there is no safe URL.

    The result is at most ``label_limit + MAX_URL_CHARS + 3`` characters long.
    """
    label = untrusted(label_raw, label_limit)
    target = safe_url(url)
    return f"<{target}|{label}>" if target else label


def emphasise(text_raw: str, words: list[str], limit: int) -> str:
    """Untrusted text, neutralised and escaped, with each trigger word in *bold*."""
    cleaned = neutralise(text_raw)
    terms = sorted({neutralise(w) for w in words if w and w.strip()}, key=len, reverse=True)
    if not terms:
        return fit_escaped(cleaned, limit)
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    pieces: list[str] = []
    last = 0
    for match in pattern.finditer(cleaned):
        pieces.append(escape(cleaned[last : match.start()]))
        # Bold only works at word edges; inside a word leave the text as it is.
        start_ok = match.start() == 0 or not cleaned[match.start() - 1].isalnum()
        end_ok = match.end() == len(cleaned) or not cleaned[match.end()].isalnum()
        word = escape(match.group(0))
        pieces.append(f"*{word}*" if start_ok and end_ok else word)
        last = match.end()
    pieces.append(escape(cleaned[last:]))
    return cut_mrkdwn("".join(pieces), limit)
