"""Triggers for products: launches and launch delays."""

from __future__ import annotations

from ....schemas.event import EventType
from ..lexicon import FOLDED_COUNTRIES, NO_LONGER_PLANS
from .spec import (
    BE,
    NEEDS_AVAILABLE_THING,
    NEEDS_DELAYED_THING,
    NEEDS_PRODUCT,
    WILL_NOT,
    TriggerSpec,
)

_Y: EventType = "launch_delay"
_P: EventType = "product_launch"


# "... not take place / not reach stores before the first half of 2027": no earlier than a
# later date.
_NOT_BEFORE_DATE = (r"(?:before|until) (?:the )?(?:next |later |early |late |mid-?|first |"
                    r"second |end of )?(?:half |quarter )?(?:of )?(?:(?:19|20)\d\d|year|spring|"
                    r"summer|autumn|fall|winter|q[1-4]|h[12])\b")

LAUNCH_DELAY: tuple[TriggerSpec, ...] = (
    TriggerSpec("delay_passive", _Y,
                BE + r" (?:delayed|postponed|pushed back|put back|shelved|put on hold|deferred)\b",
                "", {}, 0.8, (NEEDS_DELAYED_THING,), passive=True),
    # "Nvidia's next chip faces delay", "the 777X hit by fresh delays": the thing comes first.
    TriggerSpec("delay_faces", _Y,
                r"\b(?:fac(?:e|es|ed|ing)|hit by|suffer(?:s|ed|ing)?) (?:a |another |further |"
                r"new |fresh |more |possible |lengthy |long |major )?(?:[\w-]+ )?delays?\b",
                "", {}, 0.75, (NEEDS_DELAYED_THING,), passive=True),
    TriggerSpec("delay_noun", _Y,
                r"\bdelay (?:of|in|to) (?:the |its |their )?(?:launch|release|rollout|debut|"
                # "announced another delay to the first flight of its 787 Dreamliner"
                r"(?:first|maiden) (?:flight|deliver(?:y|ies))|first deliveries)\b",
                "", {}, 0.8),
    TriggerSpec("delay", _Y,
                r"\b(?:delay(?:s|ed|ing)?|postpon(?:e|es|ed|ing)|push(?:es|ed|ing)? back|"
                r"shelv(?:e|es|ed|ing)|defer(?:s|red|ring)?|hold(?:s|ing)? off on|held off on|"
                r"hold(?:s|ing)? back|held back|put(?:s|ting)? on hold|paus(?:e|es|ed|ing)|"
                r"cancel(?:s|led|ed|ling|ing)?|push(?:es|ed|ing)?(?= the (?:launch|release|"
                r"rollout|debut|introduction)\b)|"
                # "halts rollout of Just Walk Out", "puts open-weight model on hold"
                r"halt(?:s|ed|ing)?(?= (?:the |its |their )?(?:[\w-]+ )?(?:launch|release|"
                r"rollout|debut|introduction) of\b)|put(?:s|ting)?(?= [^.;]{1,40}? on hold\b)|"
                # "Tesla pulls plug on cheaper Model 2"
                r"pull(?:s|ed|ing)? (?:the )?plug on|"
                # "has taken Marvel's Blade off its release calendar"
                r"(?:tak(?:e|es|en|ing)|took|pull(?:s|ed|ing)?|remov(?:e|es|ed|ing))"
                r"(?= [^.;]{1,50}? off (?:its |the |their )?(?:theatrical |release |film )?"
                r"(?:calendar|schedule|slate)\b)|"
                r"put(?:s|ting)? back(?= (?:the |its |their )?(?:launch|release|rollout|"
                r"debut)\b))\b",
                "", {}, 0.85,
                (NEEDS_DELAYED_THING,)),
    # A programme ended before launch, as drugmakers say it: "discontinued development of
    # PF-08217", "will not advance PF-08217 into Phase 3" (a product after it, as for every
    # delay: not "halted development of the new headquarters site").
    TriggerSpec("delay_discontinue", _Y,
                r"\b(?:discontinu(?:e|es|ed|ing)|halt(?:s|ed|ing)?|stop(?:s|ped|ping)?|"
                r"terminat(?:e|es|ed|ing)|end(?:s|ed|ing)?) (?:the |its |their |further |all )?"
                r"(?:clinical )?development of\b|"
                r"\b(?:will|would|does|did) not (?:now )?(?:advance|move|take|progress) "
                r"(?=[^.;]{1,80}? into (?:a |the )?(?:phase|pivotal|late-stage)\b)", "", {}, 0.8,
                (NEEDS_DELAYED_THING,)),
    # "Lumora Health has axed its lead sleep program before a phase 3 start", "culls three
    # early-stage candidates": a drug programme ended before launch (not "axed its internship
    # program": a qualifier of the pipeline is needed).
    TriggerSpec("delay_drops_program", _Y,
                r"\b(?:ax(?:e|es|ed|ing)|scrap(?:s|ped|ping)?|cull(?:s|ed|ing)?|"
                r"shelv(?:e|es|ed|ing)|discontinu(?:e|es|ed|ing)|drop(?:s|ped|ping)?|"
                r"terminat(?:e|es|ed|ing)|halt(?:s|ed|ing)?) (?:its |their |the |a |an |one |two |"
                r"three |four |several )?(?:[\w-]+ )?(?:lead|clinical|drug|experimental|pipeline|"
                r"development|phase [1-3i]+|early-stage|late-stage|mid-stage)(?: [\w-]+)? "
                r"(?:programs?|programmes?|candidates?|assets?)\b", "", {}, 0.8),
    TriggerSpec("delay_scrap_plans", _Y,
                r"\b(?:scrap(?:s|ped|ping)?|abandon(?:s|ed|ing)?|drop(?:s|ped|ping)?|"
                r"ditch(?:es|ed|ing)?|shelv(?:e|es|ed|ing)|cancel(?:s|led|ed|ling|ing)?) "
                r"(?:its |their |the )?plans? (?:to|for)\b", "", {}, 0.8,
                (NEEDS_DELAYED_THING,),
                traits=frozenset({"scraps_plans"})),
    # "pushed X from this October to spring 2027", "will slip from the second quarter to the
    # third", "slips a quarter": a date moved later.
    TriggerSpec("delay_from_to", _Y,
                r"\b(?:slip(?:s|ped|ping)?|slid(?:es|ing)?|push(?:es|ed|ing)?(?: back| out)?|"
                r"mov(?:e|es|ed|ing)|shift(?:s|ed|ing)?|bump(?:s|ed|ing)?(?! up\b))"
                # (what is moved may be long: "the Switch 2 and Xbox Series versions of
                # Lanternfall from February to spring 2027")
                r"(?= (?:[^;]{0,70}? )?from (?:the |this |its "
                r"|an? )?[^;]{0,40}? to (?:the )?(?:next |later |early |late |mid-?|first |second |"
                r"third |fourth |following )?(?:(?:(?:19|20)\d\d|year|spring|summer|autumn|fall|"
                r"winter|quarter|half|month|q[1-4]|h[12]|second|third|fourth|next|january|february|"
                r"march|april|may|june|july|august|september|october|november|december)\b|"
                # "from June 19 to Nov. 20"
                r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.))|"
                r"\b(?:slip(?:s|ped|ping)?|push(?:es|ed|ing)? back|delay(?:s|ed|ing)?) (?:by )?"
                r"(?:a|one|two|three|several|another|a full) (?:quarter|month|year|half)s?\b"
                r"(?! (?:point|percent|of)\b)|"
                # "previously planned for September, are now expected in early 2027"
                r"\b(?:previously|originally|initially) (?:planned|scheduled|expected|slated|due|"
                r"set|targeted) (?:for|in) [^;]{0,40}?\b(?:now|instead) (?:expected|planned|"
                r"scheduled|slated|due|set)\b|"
                # "The first deliveries ... will not take place before the first half of 2027"
                # "its New Albany chip factory won't open until 2031"
                r"\b" + WILL_NOT + r" (?:now )?(?:take place|happen|"
                r"arrive|be made|begin|start|open|be ready|be available|go live|enter service) "
                + _NOT_BEFORE_DATE + r"|"
                # "will start in 2027 rather than late this year"
                r"\b(?:start|begin|ship|launch|arrive|debut)\w* in (?:[\w-]+ ){0,3}?(?:19|20)\d\d "
                r"(?:rather than|instead of)\b|"
                # "now expects the U.S. launch of HLX-204 in the second half of 2027 rather
                # than early 2027"
                r"\bnow (?:expect(?:s|ed)?|anticipat(?:es|ed)|plan(?:s|ned)?|target(?:s|ed)?)\b"
                # (the dots of "U.S." and "2.0" do not end the sentence)
                r"(?=(?:[^.;]|\.(?=\S)|(?<=\b[a-z])\.){0,80}? in (?:[\w-]+ ){0,4}?(?:19|20)\d\d,? "
                r"(?:rather than|instead of)\b)|"
                # "has slipped again, now expected late next year rather than this summer"
                r"\bnow (?:expected|due|slated|planned|scheduled)\b(?= (?:in )?(?:[\w-]+ ){0,3}?"
                r"(?:next|this|the following) (?:year|quarter|spring|summer|autumn|fall|winter|"
                r"month|half) (?:rather than|instead of)\b)",
                "", {}, 0.75, (NEEDS_DELAYED_THING,),
                traits=frozenset({"moves_date"})),
    # "Pfizer no longer expects to launch its RSV-flu shot this season", "no longer plans to
    # ship the headset": a launch given up or put off.
    TriggerSpec("delay_no_longer", _Y,
                # (not a volume: "no longer expects to ship 2 million phones this year")
                r"\b" + NO_LONGER_PLANS + r" to (?:launch|release|ship|introduce|"
                r"debut|roll out|bring)\b(?! (?:about |around |more than |some |up to )?[\d$])",
                "", {}, 0.8,
                (NEEDS_DELAYED_THING,)),
    # "will not reach stores until the first half of next year": things that reach stores are
    # products, so no product word is needed.
    TriggerSpec("delay_not_in_stores", _Y,
                r"\b" + WILL_NOT + r" (?:now )?(?:reach (?:stores|shops|"
                r"shelves|customers|buyers)|go on sale|be on sale|hit (?:stores|shelves)) "
                + _NOT_BEFORE_DATE + "|"
                # "its Falcon Shores chip would not launch this year as planned"
                r"\b" + WILL_NOT + r" (?:now )?(?:launch|ship|debut|"
                r"be released|arrive) (?:this year |this quarter |this month |in (?:19|20)\d\d )?"
                r"(?:as planned|on schedule|on time|as (?:originally )?(?:scheduled|expected|"
                r"promised))\b|"
                # "will no longer launch in October and is now planned for spring 2027"
                r"\b(?:will|would) no longer (?:launch|ship|debut|be released|arrive|go on sale) "
                r"(?:in|this|by|on) (?:the )?(?:(?:19|20)\d\d|year|spring|summer|autumn|fall|"
                r"winter|quarter|month|q[1-4]|h[12]|holiday|january|february|march|april|may|june|"
                r"july|august|september|october|november|december)\b",
                "", {}, 0.75, traits=frozenset({"moves_date"})),
    TriggerSpec("delay_slip", _Y,
                r"\b(?:slip(?:s|ped|ping)?|slid(?:es|ing)?|push(?:es|ed|ing)?|mov(?:e|es|ed|ing)|"
                # the trade's "Disney bumps 'Avengers: Doomsday' to December 2026"
                r"shift(?:s|ed|ing)?|bump(?:s|ed|ing)?(?! up\b))\b"
                r"(?![^;]{0,40}?(?:%|percent|per cent|points?\b|lowest|"
                r"highest|quarter|loss|profit))(?= [^;]{0,40}?\b(?:to|until|into|till) (?:the )?"
                r"(?:next |later |early |late |mid-?)?(?:(?:19|20)\d\d|year|spring|summer|autumn|"
                r"fall|winter|quarter|month|q[1-4]|h[12]|january|february|march|april|may|june|"
                r"july|august|september|october|november|december)\b)", "", {}, 0.75,
                (NEEDS_DELAYED_THING,),
                traits=frozenset({"moves_date"})),
)

PRODUCT_LAUNCH: tuple[TriggerSpec, ...] = (
    TriggerSpec("launch_announced", _P,
                r"\b(?:announc(?:e|es|ed|ing)|celebrat(?:e|es|ed|ing))(?: (?:on )?(?:monday|"
                r"tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday))? "
                r"(?:the |its |their )?"
                r"(?:general availability|availability|launch|release|introduction|debut|"
                r"rollout) (?:of|dates? (?:for|of))\b", "", {}, 0.8, (NEEDS_PRODUCT,)),
    TriggerSpec("launch_begin", _P,
                r"\b(?:(?:begin|begins|began|begun|beginning|start|starts|started|starting) "
                r"(?:shipping|selling|offering|operating|serving|deliveries of|delivering|sales of|"
                # "had begun volume shipments of the HBM4E stacks"
                r"(?:(?:volume|commercial|mass|first|initial|customer) )?shipments of|"
                r"taking (?:pre-?)?orders for|"
                # "it started as of today in Türkiye the sale of a new membership package"
                r"(?:[\w-]+ ){0,5}?the sale of(?! (?:its |their |the |a |an )?(?:[\w-]+ ){0,2}?"
                r"(?:units?|divisions?|business(?:es)?|stakes?|subsidiar(?:y|ies)|shares|arms?|"
                r"assets|compan(?:y|ies)|operations|properties|buildings?|land|headquarters)\b))|"
                # "delivered the first 777X to Emirates": the first one handed over
                r"deliver(?:s|ed|ing)? (?:the|its) first(?! (?:quarter|half|profit|results?|"
                r"dividend|batch|of|time|year|month)\b)(?= [^.;]{1,40}? to\b)|"
                r"ship(?:s|ped)? (?:its |their |the |a |an )?(?:first|new|latest|"
                # (not "shipped its first cargo from Kitimat": a plant's output)
                r"next-generation)(?! (?:batch|shipment|lot|round|record|wave|cargo|cargoe|"
                r"consignment|load|container|tanker|barrel)s?\b))\b",
                "", {}, 0.8, (NEEDS_PRODUCT,)),
    # The object is inside the trigger: "began drone deliveries", "opened its app to the
    # general public", "opens a new cloud region".
    TriggerSpec("launch_service", _P,
                r"\b(?:(?:begin|begins|began|start|starts|started) (?:its |their |the )?"
                r"(?:[\w-]+ ){1,2}(?:deliveries|service)|"
                r"open(?:s|ed|ing)? (?:its |their |the |a )?(?:[\w-]+ ){0,3}?(?:app|service|"
                r"platform)s? to (?:the )?(?:general )?public|open(?:s|ed|ing)? (?:a |its |their )?"
                r"new (?:[\w-]+ ){0,2}?(?:cloud )?regions?|"
                # "Vodafone activates its 3G network", "switches on its 5G network"
                r"(?:activat(?:e|es|ed|ing)|switch(?:es|ed|ing)? on|turn(?:s|ed|ing)? on) "
                r"(?:its |their |a |the )(?:new |first )?(?:[\w-]+ ){0,2}?(?:network|service)|"
                # "has become the first bank to offer 100% mortgages"
                r"(?:become|becomes|became|becoming) the first (?:[\w-]+ ){0,4}?to (?:offer|sell|"
                r"launch|introduce|provide|ship))\b", "", {}, 0.75),
    # "has begun mass production of", "began a public beta of": a product going out.
    TriggerSpec("launch_production", _P,
                r"\b(?:beg(?:in|ins|an|un|inning)|start(?:s|ed|ing)?|commenc(?:e|es|ed|ing)) "
                r"(?:[\w-]+ ){0,3}?(?:production|manufacturing|testing|beta|pilot)"
                r"(?: (?:testing|test|program))? (?:of|for)\b",
                "", {}, 0.7, (NEEDS_PRODUCT,)),
    TriggerSpec("launch_available", _P,
                r"\b(?:(?:is|are|was|were|now|became|becomes|become) (?:now )?generally available|"
                r"(?:made|makes|make|making) (?:[^;]{0,50}? )?generally available|"
                r"(?:go(?:es)?|went|gone|going) (?:on sale|live|online)|"
                # "Apple Pay Later is now available in the UK"
                r"(?:is|are) now available (?:in (?:the )?(?:" + FOLDED_COUNTRIES + r"|\d+ "
                r"(?:countries|markets))\b|to (?:all )?(?:customers|users|developers|everyone|"
                r"subscribers)\b|worldwide|globally)|"
                # "Domain names with .tel have been put on sale for businesses"
                r"(?:been|be|was|were|is|are) put on sale|hit(?:s|ting)? (?:the )?"
                r"(?:shelves|stores)|"
                # "Pre-orders of Apple's iPhone 4 began Tuesday": it starts selling
                r"pre-?orders? (?:for|of) [^.;]{1,60}? (?:began|begin|begins|opened|open|opens|"
                r"start|starts|started|went live))\b", "", {}, 0.75, (NEEDS_AVAILABLE_THING,),
                traits=frozenset({"holds_company", "company_inside"})),  # "of Apple's iPhone"
    # "The car was unveiled by Tata Motors chairman Ratan Tata": the company after "by" launches.
    TriggerSpec("launch_passive_by", _P,
                BE + r" (?:(?:officially|formally|publicly|first) )?(?:launched|unveiled|"
                r"introduced|released|debuted|rolled out|shown off|presented) by\b",
                "", {"": ""}, 0.8, (NEEDS_PRODUCT,), passive=True, right_window=40,
                adjacent=0),
    TriggerSpec("launch", _P,
                r"\b(?:launch(?:es|ed|ing)|(?:will|to|and|'ll) launch|unveil(?:s|ed|ing)?|"
                r"introduc(?:e|es|ed|ing)|debut(?:s|ed|ing)|roll(?:s|ed|ing)? out|"
                r"releas(?:es|ed|ing)|(?:will|to|and|'ll) (?:release|debut)|show(?:s|ed|ing)? off|"
                r"(?:announc(?:e|es|ed|ing)|reveal(?:s|ed|ing)?) (?:the |its |a |their |an )?"
                r"(?:new|next-generation|latest|"
                r"next generation)|introduc(?:e|es|ed|ing) the next generation of|"
                # "Hawaiian Airlines announces iPad mini in-flight service": a headline ending
                # on the noun names what is launched
                r"announc(?:e|es|ed|ing) (?:its |a |an |their )?(?:[\w-]+ ){1,3}?"
                r"(?:service|app|smartphone|phone|tablet|console|browser|platform)(?= *(?:\n|$))|"
                r"enter(?:s|ed|ing)? the (?:[\w-]+ ){0,3}market|"
                # "takes the wraps off a new MacBook Air", "pulled the covers off its Rubin GPU"
                r"(?:tak(?:e|es|en|ing)|took|pull(?:s|ed|ing)?) the (?:wraps|covers) off"
                r"(?= (?:a|an|its|the) ))\b",
                "", {}, 0.8, (NEEDS_PRODUCT,)),
)
