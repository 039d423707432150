"""Find watched companies in text with one Aho-Corasick automaton for every name.

All names, aliases, tickers and exclude phrases of all companies go into a single
automaton over case-folded text, so the cost of a scan depends on the text and
the number of hits, not on how many companies are watched. Each raw hit is then
checked in Python: word boundaries, case rules, ticker shape, exclude contexts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

import ahocorasick

from ...schemas.rules import RulesFile
from .lexicon import (
    COMMON_WORD_NAMES,
    EVERYDAY_NAMES,
    PEOPLE_PLURALS,
    ROLE_NOUNS,
    STOCK_EXCHANGES,
    words,
)

VariantKind = Literal["name", "alias", "brand", "ticker", "exchange_ticker", "paren_ticker",
                      "exclude", "owner"]

_EXCHANGE_BEFORE = re.compile(STOCK_EXCHANGES + r"\s*$")
_NAME_BEFORE = re.compile(r"[A-Z][\w&.'-]*\.?\s*$")


@dataclass(frozen=True, slots=True)
class NameVariant:
    """One way a company is written, as the rules file gives it."""

    company: str
    text: str
    kind: VariantKind
    case_sensitive: bool
    ambiguous: bool
    everyday: bool = False  # a number, a place, a day: never corroborated by an event role
    brand: str | None = None  # the brand as the rules file writes it (kind "brand")


@dataclass(slots=True)
class Mention:
    """A company named in the text at ``start:end`` (offsets into the scanned text)."""

    company: str
    start: int
    end: int
    surface: str
    kind: VariantKind
    ambiguous: bool
    everyday: bool = False
    counted: bool = True
    reason: str = ""
    historical: bool = False
    former: bool = False
    notes: list[str] = field(default_factory=list)
    brand: str | None = None  # "Instagram" when the text named the brand, not Meta


def fold(text: str) -> str:
    """Lower-case ``text`` without changing its length, so offsets stay valid."""
    low = text.lower()
    if len(low) == len(text):
        return low
    # A few characters (e.g. 'İ') grow when lower-cased; keep those as they are.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


# Letters by their frequency in English text, then digits: the order in which a scan looks
# for a node's children (pyahocorasick tries them one by one in insertion order).
_LETTER_ORDER = {ch: rank for rank, ch in enumerate(" etaoinsrhldcumfpgwybvkxjqz0123456789")}


def _trie_order(key: str) -> list[int]:
    """Sort key putting frequent letters first at every depth; ties by code point."""
    return [_LETTER_ORDER.get(ch, 100 + ord(ch)) for ch in key]


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _distinctive(name: str) -> bool:
    """True for names no ordinary word looks like: several words, inner capitals, digits."""
    return (
        " " in name
        or any(c.isdigit() for c in name)
        or any(c.isupper() for c in name[1:])
        or not name[:1].isupper()
    )


class CompanyMatcher:
    """Scans text for every company of a rules file in one pass."""

    def __init__(self, rules: RulesFile) -> None:
        keys: dict[str, list[NameVariant]] = {}
        self._ambiguous: list[str] = []
        for company in rules.companies:
            for variant in _variants(company.name, company.aliases, company.brands,
                                     company.tickers, company.exclude, company.ambiguous):
                if variant.ambiguous:
                    self._ambiguous.append(variant.text)
                for key in _keys_for(variant):
                    keys.setdefault(key, []).append(variant)
        self._automaton = ahocorasick.Automaton()
        # Inserted in the order of ``_trie_order``: the same keys and values (so the same
        # hits), but each trie node lists its children most frequent letter first, and the
        # automaton looks a child up by a linear search: about a fifth less time per scan.
        for key in sorted(keys, key=_trie_order):
            self._automaton.add_word(key, (len(key), tuple(keys[key])))
        self.companies = [c.name for c in rules.companies]
        self.key_count = len(keys)
        if keys:
            self._automaton.make_automaton()

    def ambiguous_names(self) -> list[str]:
        """Names that count only when the article corroborates them."""
        return list(self._ambiguous)

    def scan(self, text: str) -> list[Mention]:
        """Mentions in ``text``: leftmost-longest, boundaries and case checked, excludes removed."""
        if not self.key_count:
            return []
        low = fold(text)
        hits: list[Mention] = []
        excluded: list[tuple[str, int, int]] = []
        n = len(text)
        for end_index, (length, variants) in self._automaton.iter(low):
            start = end_index - length + 1
            end = end_index + 1
            if start > 0 and _is_word_char(low[start - 1]) and low[start].isalnum():
                continue
            if end < n and _is_word_char(low[end]) and low[end - 1].isalnum():
                continue
            surface = text[start:end]
            if _inside_number(text, start, end):
                continue  # "3,500 jobs" is not the company called 3
            for variant in variants:
                if variant.kind == "exclude":
                    excluded.append((variant.company, start, end))
                elif _accepts(variant, surface, text, start):
                    at, stop = _ticker_span(variant, start, end)
                    hits.append(Mention(variant.company, at, stop, text[at:stop], variant.kind,
                                        variant.ambiguous, variant.everyday,
                                        brand=variant.brand))
        if not hits:
            return hits
        if excluded:
            hits = [m for m in hits if not _inside_exclude(m, excluded)]
        return _leftmost_longest(hits)


def _variants(name: str, aliases: list[str], brands: list[str], tickers: list[str],
              exclude: list[str], ambiguous: bool | None) -> list[NameVariant]:
    out: list[NameVariant] = []
    for kind, values in (("name", [name]), ("alias", aliases), ("brand", brands)):
        for written in values:
            for value in _spellings(written):
                single = " " not in value.strip()
                everyday = single and (value.casefold() in EVERYDAY_NAMES or value.isdigit())
                if ambiguous is None:
                    is_ambiguous = single and (value.casefold() in COMMON_WORD_NAMES or everyday
                                               or len(value) <= 2)
                else:
                    is_ambiguous = ambiguous and single
                # "NeXT" is written with inner capitals, but "next" is a word: match its case
                case_sensitive = not _distinctive(value) or (
                    single and value.casefold() in COMMON_WORD_NAMES)
                cased = [value]
                if value[:4].casefold() == "the " and value[4:5].isupper():
                    # "The Partnership" is a name, "the partnership" a phrase: the rest of
                    # a name opening on "The" keeps its capitals ("the Walt Disney Company")
                    cased, case_sensitive = ["The " + value[4:], "the " + value[4:]], True
                for each in cased:
                    out.append(NameVariant(name, each, kind,  # type: ignore[arg-type]
                                           case_sensitive, is_ambiguous, everyday,
                                           written if kind == "brand" else None))
    for ticker in tickers:
        out.append(NameVariant(name, ticker, "ticker", True, False))
        out.append(NameVariant(name, ticker, "exchange_ticker", True, False))
        out.append(NameVariant(name, ticker, "paren_ticker", True, False))
    for phrase in exclude:
        out.append(NameVariant(name, phrase, "exclude", False, False))
    return out


def _spellings(name: str) -> list[str]:
    """How people write a name with an ampersand: "AT&T" as "AT & T", "Procter & Gamble" as
    "Procter and Gamble" and "Procter&Gamble"."""
    if "&" not in name:
        return [name]
    tight = _AMPERSAND.sub("&", name)
    out = [name, tight, tight.replace("&", " & ")]
    if " & " in name and len(name.split(" & ")[0].split()[-1]) > 2:
        out.append(name.replace(" & ", " and "))
    return list(dict.fromkeys(out))


_AMPERSAND = re.compile(r"\s*&\s*")


def _keys_for(variant: NameVariant) -> list[str]:
    text = variant.text.lower()
    if variant.kind == "ticker":
        return ["$" + text]
    if variant.kind == "exchange_ticker":
        return [":" + text, ": " + text]
    if variant.kind == "paren_ticker":
        return ["(" + text + ")"]
    return [text]


def _ticker_span(variant: NameVariant, start: int, end: int) -> tuple[int, int]:
    """The ticker itself, without the ``$``, ``:`` or parentheses that found it."""
    if variant.kind == "exchange_ticker":
        return end - len(variant.text), end
    if variant.kind == "paren_ticker":
        return start + 1, end - 1
    return start, end


def _accepts(variant: NameVariant, surface: str, text: str, start: int) -> bool:
    if variant.kind == "ticker":
        return surface[1:] == variant.text or surface[1:].upper() == variant.text
    if variant.kind == "exchange_ticker":
        if surface.lstrip(": ") != variant.text:
            return False
        return _EXCHANGE_BEFORE.search(text, max(0, start - 16), start) is not None
    if variant.kind == "paren_ticker":
        # "Procter & Gamble Co. (PG)": a capitalised name right before the parenthesis.
        return surface[1:-1] == variant.text and _NAME_BEFORE.search(
            text, max(0, start - 40), start) is not None
    if variant.kind == "alias" and _DEMONYM.fullmatch(surface) and _DESCRIBES_NEXT.match(
            text, start + len(surface)):
        return False  # "the American company Reebok", "German Adidas buys American Reebok"
    if variant.ambiguous and variant.kind != "brand" and _NOUN_OF.match(
            text, start + len(surface)) and not _VERB_OF_BEFORE.search(
            text, max(0, start - 30), start):
        return False  # "Target of spring ransomware attack sued", "Apple of my eye": the noun
    if variant.case_sensitive:
        return surface == variant.text or surface == variant.text.upper()
    return True


# A common word heading an "of" phrase is the word: "Target of a ransomware attack", "Block of
# flats" (not "Target of Minneapolis").
_NOUN_OF = re.compile(r" of (?:the |a |an |my |your |his |her |its |their )?[a-z]")
# ... but not the object of a verb that takes "of": "accused Amazon of retaliating", "warns
# Apple of higher costs".
_VERB_OF_BEFORE = re.compile(r"\b(?:accus|suspect|convict|warn|clear|acquit|rob|strip|depriv|"
                             r"inform|notif|remind|convinc|persuad|reliev|rid|assur|advis|"
                             r"cur|free|absolv)\w*\s+$", re.IGNORECASE)
# A one-word alias shaped like a nationality ("American" for American Airlines) is an
# adjective when a role noun, a word for people ("the most senior American executive") or
# another name follows it.
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:an|ian|ese|ish)")
_DESCRIBES_NEXT = re.compile(
    r" (?:[A-Z][a-z]|(?:" + "|".join(sorted(ROLE_NOUNS, key=len, reverse=True)) + r")s?\b|"
    r"(?:executive|official|worker|employee|investor|consumer|manager|director|officer|"
    r"citizen|national|engineer|lawmaker|regulator|customer|shopper|driver)s?\b|"
    + PEOPLE_PLURALS + r"\b)")


def _inside_number(text: str, start: int, end: int) -> bool:
    """A name that begins or ends with a digit, glued to the rest of a number or amount."""
    glued = text[end:end + 1] in (",", ".") and text[end + 1:end + 2].isdigit()
    if text[end - 1].isdigit() and (glued or text[end:end + 1] == "%"):
        return True
    return text[start].isdigit() and start > 0 and text[start - 1] in ",.$€£"


def _inside_exclude(mention: Mention, excluded: list[tuple[str, int, int]]) -> bool:
    return any(
        company == mention.company and start < mention.end and mention.start < end
        for company, start, end in excluded
    )


def _leftmost_longest(hits: list[Mention]) -> list[Mention]:
    hits.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    last_end = -1
    for mention in hits:
        if mention.start >= last_end:
            out.append(mention)
            last_end = mention.end
    return out


# On a company's own feed (newsroom, blog) the company speaks of itself: "We have acquired
# Tabular", "Today the Go team is releasing Go Cloud", "our team".
_OWNER_WORDS = re.compile(r"\b(?:[Ww]e\b(?!-)|[Oo]ur (?:team|company)\b|"
                          r"[Tt]he (?:[A-Z][\w.+-]*\s){1,3}teams?\b)")
_QUOTE_SCAN = 400
# A guest author from another organisation introduces themselves near the top ("My name is
# Patrick Crosby and I'm the founder of a company called Numerotron", "Guest post by ..."):
# their "we" is their own organisation, not the feed's owner.
_GUEST_AUTHOR = re.compile(
    r"\bguest (?:post|blog post|article|author)\b|\b(?:I am|I[’']m|we are|we[’']re)\s+"
    r"(?:the\s+|a\s+|an\s+|one of the\s+)?(?:co-?founders?|founders?|CEO|CTO|engineers?|"
    r"developers?|maintainers?)\s+(?:of|at)\s+(?:a\s+(?:company|startup|start-up|firm)\s+"
    r"(?:called|named)\s+)?(?-i:[A-Z])", re.IGNORECASE)
_GUEST_SCAN = 800


def owner_mentions(text: str, owner: str) -> list[Mention]:
    """Where ``text``, an item of ``owner``'s own feed, names the owner in the first person:
    "we", "our team", "the <name> team". Not inside quotation marks, where someone else
    (a partner, a customer) may be speaking."""
    guest = _GUEST_AUTHOR.search(text, 0, _GUEST_SCAN)
    if guest is not None and not text.startswith(owner.split()[0], guest.end() - 1):
        return []  # "I'm the founder of a company called Numerotron. We recently released"
    found = []
    for match in _OWNER_WORDS.finditer(text):
        if _inside_quotes(text, match.start()):
            continue
        mention = Mention(owner, match.start(), match.end(), match.group(), "owner", False,
                          reason="the feed's owner, in the first person")
        found.append(mention)
    return found


def _inside_quotes(text: str, at: int) -> bool:
    """An open quotation before ``at`` in its paragraph."""
    start = max(text.rfind("\n", 0, at) + 1, at - _QUOTE_SCAN)
    before = text[start:at]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


# Words an acronym skips: "Department of Justice (DOJ)", "Research and Development (R&D)".
_ACRONYM_SKIPS = frozenset({"of", "and", "for", "the", "on", "in", "to", "a", "an", "&", "de"})
_WORD = re.compile(r"[A-Za-z][\w'’-]*|&")
# Where an article spells an acronym out: "Supplemental Security Income (SSI)",
# "Supplemental Security Income, known as SSI", "SSI (Supplemental Security Income)".
_SPELLED_BEFORE = r"(?:\(\s*{0}\s*\)|,?\s+(?:known as|also called|or|abbreviated(?: as)?)\s+{0}\b)"
_SPELLED_AFTER = r"\b{0}\s*\(([^()]{{3,80}})\)"


def is_acronym(surface: str) -> bool:
    """"SSI", "AWS", "R&D": two to six capitals (digits and '&' inside), one word."""
    return 2 <= len(surface) <= 6 and surface[0].isupper() and surface.isupper() and (
        " " not in surface)


def spelled_out_as(text: str, acronym: str) -> str | None:
    """The words ``text`` spells ``acronym`` out as, when it does: their initials (skipping
    "of", "and", "the" ...) are the acronym's letters."""
    letters = "".join(ch for ch in acronym if ch.isalpha()).lower()
    if acronym not in text:
        return None
    name = re.escape(acronym)
    for found in re.finditer(_SPELLED_BEFORE.format(name), text):
        words = _WORD.findall(text[max(0, found.start() - 120):found.start()])
        for index in range(len(words) - 1, max(len(words) - 2 * len(letters) - 1, -1), -1):
            if words[index].lower() in _ACRONYM_SKIPS:
                continue  # the spelled-out words start on a word of their own
            tail = words[index:]
            content = [w for w in tail if w.lower() not in _ACRONYM_SKIPS]
            if letters in (_initials(content), _initials(tail)):
                return " ".join(tail)
    for found in re.finditer(_SPELLED_AFTER.format(name), text):
        content = [w for w in _WORD.findall(found.group(1)) if w.lower() not in _ACRONYM_SKIPS]
        if _initials(content) == letters:
            return found.group(1).strip()
    return None


def _initials(words: list[str]) -> str:
    return "".join(word[0] for word in words).lower()


# A unit the text itself says a watched company owns: "Microsoft-owned LinkedIn", "LinkedIn,
# owned by Microsoft,", "Whole Foods, a unit of Amazon", "Amazon's Whole Foods unit". Not
# a stake ("Amazon-backed", "partly owned by"), nor a past owner ("formerly owned by").
_UNIT_NAME = r"((?:[A-Z][\w&'’.+-]*)(?: (?:[A-Z][\w&'’.+-]*)){0,2})"
_OWNED_AFTER = re.compile(r"-owned " + _UNIT_NAME + r"(?=[\s,.;:)'’]|$)")
_OWNED_BEFORE = re.compile(_UNIT_NAME + r",\s+(?:which is\s+|is\s+)?(?:(?:wholly|fully)\s+)?"
                           r"(?:owned by|a (?:unit|subsidiary|division|part) of)\s+(?:the\s+)?$")
_OWNED_UNIT_WORD = re.compile(r"['’]s " + _UNIT_NAME + r" (?:unit|subsidiary|division)\b")
# Words that open no unit's name ("Microsoft-owned The ...", "Apple's In ...").
_NOT_A_UNIT = frozenset({"The", "A", "An", "In", "On", "At", "It", "Its", "This", "That",
                         "Chief", "CEO", "President", "Chairman"})


_IMAGINED_OWNER = re.compile(r"\b(?:an?|any)\s+$", re.IGNORECASE)
_IMAGINED_UNIT = re.compile(r"\s+(?:would|could|might|may)\b")


def owned_unit_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions of the units the text says a watched company owns, wherever the text names
    them, as the owner's (a brand the rules file does not list, read from the article)."""
    units: dict[str, Mention] = {}
    for mention in mentions:
        if not mention.counted or mention.kind == "owner":
            continue
        found = _OWNED_AFTER.match(text, mention.end) or _OWNED_UNIT_WORD.match(
            text, mention.end)
        if found is None:
            before = _OWNED_BEFORE.search(text, max(0, mention.start - 120), mention.start)
            if before is not None and not re.search(
                    r"\b(?:formerly|once|previously|until|partly|partially|minority)\b",
                    before.group(), re.IGNORECASE):
                found = before
        if found is None:
            continue
        if _IMAGINED_OWNER.search(text, max(0, mention.start - 4), mention.start) or (
                _IMAGINED_UNIT.match(text, found.end(1))):
            continue  # "An Adobe-owned Figma would have got generative features faster"
        name = found.group(1).rstrip(".")
        if name.split()[0] in _NOT_A_UNIT or any(m.surface == name for m in mentions):
            continue
        units.setdefault(name, mention)
    taken = [(m.start, m.end) for m in mentions]
    return [Mention(owner.company, start, end, name, "brand", False, brand=name,
                    notes=[f"owned by {owner.surface}, as the text says"])
            for name, owner in units.items() for start, end in _free_uses(text, name, taken)]


def _free_uses(text: str, name: str, taken: list[tuple[int, int]],
               after: int = 0) -> Iterator[tuple[int, int]]:
    """Where ``name`` stands as a word of its own from ``after`` on, outside ``taken``."""
    for match in re.finditer(r"(?<![\w&-])" + re.escape(name) + r"(?![\w&-])", text[after:]):
        start, end = after + match.start(), after + match.end()
        if not any(s < end and start < e for s, e in taken):
            yield start, end


# A press release or a filing defines the short name it then uses: 'Vantage Grid Energy,
# Inc. (NYSE: VGE) ("Vantage" or the "Company")', 'Harbor Lane Foods (the "Issuer" or
# "Harbor Lane")'. Generic terms ("Company", "Parent", "Merger Sub") stay the documents'.
_DEFINITION = re.compile(r"(?:,?\s+(?:Inc|Corp|Corporation|Co|Ltd|LLC|plc|N\.V|S\.A|AG|SE)\.?)?"
                         r"(?:\s*\([^()\"“]{1,40}\))?\s*\(([^()]{3,80})\)")
_DEFINED_TERM = re.compile(r"[\"“]([A-Z][\w&'’.+-]*(?: [A-Z][\w&'’.+-]*){0,2})[\"”]")
_GENERIC_TERMS = words("""
    Company Companies Parent Buyer Purchaser Acquirer Acquiror Seller Issuer Offeror Bidder
    Target Group Board Bank Fund Trust Partnership Partners Sponsor Borrower Lender Guarantor
    Licensor Licensee Supplier Customer Agreement Transaction Merger Offering Notes Shares
    Registrant Corporation Holdings Subsidiary JV
    """)


def defined_name_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions of the short names the text defines for a watched company after its first
    full mention, as that company's, from the definition on."""
    defined: dict[str, tuple[Mention, int]] = {}
    for mention in mentions:
        if not mention.counted or mention.kind in ("owner", "exclude"):
            continue
        found = _DEFINITION.match(text, mention.end)
        if found is None:
            continue
        for term in _DEFINED_TERM.finditer(found.group(1)):
            name = term.group(1)
            if name.split()[-1] not in _GENERIC_TERMS and name != mention.surface:
                defined.setdefault(name, (mention, found.end()))
    taken = [(m.start, m.end) for m in mentions]
    return [Mention(owner.company, start, end, name, "alias", False,
                    notes=[f"defined as {owner.surface}'s short name"])
            for name, (owner, after) in defined.items()
            for start, end in _free_uses(text, name, taken, after)]
