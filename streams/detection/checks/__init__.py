"""Conditions a trigger must meet before it is an event: context, objects, parties.

Each check returns the reason it fails (shown by ``rules explain``) or None. The checks
are grouped by concern: ``context`` (denied, hypothetical, past), then one module per
event family for what the trigger's neighbourhood must hold (``people``, ``products``,
``deals``), and ``deals.after_parties`` for what the parties found must add up to.
"""

from __future__ import annotations

from ..companies import Mention
from ..sentences import title_case
from ..triggers import TriggerSpec
from .context import Verdict, context
from .deals import (
    BUYS_SUPPLIES,
    after_parties,
    deal_reason,
    sells_company,
    sells_named_unit,
)
from .people import leaves_employer, people_reason, pronoun_leaves
from .products import PRODUCT_REASONS, product_reason
from .senses import SENSE_REASONS, sense_reason

__all__ = ["BUYS_SUPPLIES", "OTHER_SENSE_REASONS", "SENSE_REASONS", "Verdict", "after_parties",
           "before_parties", "context", "leaves_employer", "pronoun_leaves", "sells_named_unit",
           "sense_reason"]

#: The reasons that read a trigger's words in another sense than the event's (a sense
#: guard's, or no product where a launch or a delay needs one).
OTHER_SENSE_REASONS = SENSE_REASONS | PRODUCT_REASONS

_PEOPLE = frozenset({"executive_hire", "executive_departure"})
_PRODUCTS = frozenset({"product_launch", "launch_delay"})


def before_parties(text: str, spec: TriggerSpec, start: int, end: int,
                   mentions: list[Mention], previous: tuple[str, ...] = ()) -> str | None:
    """What the trigger's neighbourhood must hold: a person for hires, a product for launches;
    and the trigger must be used in its event sense."""
    # A trigger word inside a company's name ("Best Buy"); a few triggers name the company
    # within them ("stores of Jessops are closing").
    for mention in mentions:
        if mention.start < end and start < mention.end and not spec.has("holds_company"):
            return f"part of the name {mention.surface!r}"
    if text[start:start + 1].isupper() and text[:start].strip(" \"'“‘(") and (
            not title_case(text)) and not text[start:end].isupper():  # "IPO" is no name
        return f"a capitalised word, part of a name ({text[start:end]!r})"
    sense = sense_reason(text, spec, start, end, mentions)
    if sense is not None:
        return sense
    if spec.has("sells_named") and not sells_company(text, end, mentions):
        return "something other than a company sold"
    if spec.has("sells_unit_named") and not sells_named_unit(text, end):
        return "something other than a business sold to a named buyer"
    if spec.event_type in _PEOPLE:
        return people_reason(text, spec, start, end, mentions, previous)
    if spec.event_type in _PRODUCTS:
        return product_reason(text, spec, start, end, mentions)
    return deal_reason(text, spec, start, end)
