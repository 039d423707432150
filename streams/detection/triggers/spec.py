"""What a trigger is: the ``TriggerSpec`` record and the needs a trigger can declare.

Each ``TriggerSpec`` is one way news prose states an event. ``left`` is the role of
the company before the trigger (the clause subject), ``right`` maps the preposition
in front of a company after the trigger to its role. A role of ``""`` means the
company takes part without a role (one-sided events such as layoffs); ``None``
means that side is not read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# What a trigger needs before it counts (checked in events.py).
NEEDS_EXEC = "exec"  # a job title or a person's name near the trigger
NEEDS_TARGET = "target"  # a named or generic company object
NEEDS_COMPANY_RIGHT = "company_right"  # a named company after the trigger
NEEDS_PRODUCT = "product"  # a product-like object (launches)
NEEDS_DELAYED_THING = "delayed_thing"  # a launch/release/product object (delays)
NEEDS_TWO = "two_parties"  # partnerships: two named parties
NEEDS_LEGAL = "legal_noun"  # a lawsuit/probe/fine noun near the trigger
NEEDS_MONEY = "money"  # a funding word or amount after the trigger
NEEDS_LEFT = "left"  # a company (watched or not) on the left side
NEEDS_AVAILABLE_THING = "available_thing"  # launches stated of the product ("went on sale")


@dataclass(frozen=True)
class TriggerSpec:
    name: str
    event_type: str
    pattern: str
    left: str | None
    right: dict[str, str] = field(default_factory=dict)
    confidence: float = 0.8
    needs: tuple[str, ...] = ()
    passive: bool = False
    right_window: int = 90
    # The default role ("" key: no preposition in front) applies only this close
    # to the trigger ("leaves OpenAI", not "leaves ..., and Microsoft said").
    adjacent: int = 90
    # Read the right side from the end of the first word, for triggers that wrap
    # their object ("brought its CEO on board").
    right_from_verb: bool = False
    # Use the left company only when no company with the same role is on the right.
    left_if_no_right: bool = False
    # The left company must sit in the person's noun phrase ("OpenAI's Jane Doe joins").
    left_in_person_np: bool = False
    # Every company listed on a side counts ("Microsoft and Oracle team up").
    left_all: bool = False
    right_all: bool = False
    # The left company must be within this many characters (unless a reporting verb).
    left_window: int = 400
    # The nearest company before the trigger, even after a preposition ("with X joining").
    left_any: bool = False


# Starts at a word boundary: "software hired" must not read as "are hired".
BE = (r"\b(?:be|been|being|is|are|was|were|gets?|got|getting|has been|have been|had been|"
      r"will be)")

