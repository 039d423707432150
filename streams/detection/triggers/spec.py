"""What a trigger is: the ``TriggerSpec`` record and the needs a trigger can declare.

Each ``TriggerSpec`` is one way news prose states an event. ``left`` is the role of
the company before the trigger (the clause subject), ``right`` maps the preposition
in front of a company after the trigger to its role. A role of ``""`` means the
company takes part without a role (one-sided events such as layoffs); ``None``
means that side is not read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ....schemas.event import EventType

# What a trigger needs before it counts (checked in events.py).
NEEDS_EXEC = "exec"  # a job title or a person's name near the trigger
NEEDS_TARGET = "target"  # a named or generic company object
NEEDS_COMPANY_RIGHT = "company_right"  # a named company after the trigger
NEEDS_WATCHED_RIGHT = "watched_right"  # a watched company after the trigger
NEEDS_PRODUCT = "product"  # a product-like object (launches)
NEEDS_DELAYED_THING = "delayed_thing"  # a launch/release/product object (delays)
NEEDS_TWO = "two_parties"  # partnerships: two named parties
NEEDS_LEGAL = "legal_noun"  # a lawsuit/probe/fine noun near the trigger
NEEDS_MONEY = "money"  # a funding word or amount after the trigger
NEEDS_LEFT = "left"  # a company (watched or not) on the left side
NEEDS_AVAILABLE_THING = "available_thing"  # launches stated of the product ("went on sale")


# How a trigger states its event, where that changes the checks (data, not names):
Trait = Literal[
    "object_is_person",  # who is hired is the object: "appoints Jane Park as CFO"
    "person_before_as",  # a person named before "as its new CEO": "announced Jane Park as"
    "describer_before",  # "IBM veteran named CEO of X": the company before only describes
    "person_around",  # the person is in the clause before or right after the trigger
    "employer_after",  # the employer may follow: "named CEO of Rivet Labs" hires there
    "joins",  # "joins": a group of staff joining is not an executive
    "moves_employer",  # the company before "joins" loses the person, unless they stay
    "promoted_within",  # "X, an executive of Y, will replace Z as CEO": Y promotes X
    "incoming_subject",  # "X will replace Z as CEO": the person hired is X, before the verb
    "title_inside",  # the title sits inside the trigger: "lost its CFO to"
    "restates_hire",  # "will become CEO": counted only when no hire verb states it
    "second_party_between",  # "X will supply Y under an agreement": Y is the partner
    "parties_after",  # "Under a separate agreement, X will ... Y": both named after it
    "raises_money",  # the object must be money raised, not a forecast or a price
    "buys",  # the object must be a company, not goods, a rating or a shop
    "sold_to",  # "sold to" needs a buyer, not customers
    "settles",  # a date after the trigger belongs to the suit settled
    "scraps_plans",  # "scrapped plans to launch": the plan must be a launch
    "moves_date",  # "slips to 2027", "pushed from X to Y": the product comes before
    "company_right_before",  # "the Somerfield bid": only a name right before the noun
    "person_subject",  # a person, not a company, does it: "Jane Park would lead ..."
    "holds_company",  # the trigger may name the company inside it: "stores of X are closing"
    "company_inside",  # the company named inside the trigger is the party: "stores of X close"
    "party_inside",  # a company named inside the trigger is a second party: "signs X deal"
    "sells_named",  # "to sell Channel 5 to Viacom": the name right after is all that is sold
    "sells_unit_named",  # "to sell Loomwise to Carrow Partners for $900m": the seller's business
]


@dataclass(frozen=True)
class TriggerSpec:
    name: str
    event_type: EventType
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
    traits: frozenset[Trait] = frozenset()

    def has(self, trait: Trait) -> bool:
        return trait in self.traits


# Starts at a word boundary: "software hired" must not read as "are hired".
BE_WORDS = ("be", "been", "being", "is", "are", "was", "were", "get", "gets", "got", "getting")
# A count's hedge before its number: "cut about 2,000 jobs", "make redundant up to 120".
ABOUT = (r"(?:about |around |some |nearly |more than |over |roughly |up to |almost |"
         r"approximately |an estimated )?")
# A plan not kept: "will not take place", "won't ship", "will not stand for re-election".
WILL_NOT = r"(?:(?:will|would) not|won['’]t|wouldn['’]t)"
BE = r"\b(?:" + "|".join(BE_WORDS) + r"|has been|have been|had been|will be)"
# Not right after a form of "be" or "get" (every form of BE ends in one of these words), as
# one lookbehind per word: "sued" that is not "was sued".
NOT_AFTER_BE = "".join(rf"(?<!\b{word} )" for word in BE_WORDS)

