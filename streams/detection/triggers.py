"""The trigger lexicon: which words signal which event, and who plays which role.

Each ``TriggerSpec`` is one way news prose states an event. ``left`` is the role of
the company before the trigger (the clause subject), ``right`` maps the preposition
in front of a company after the trigger to its role. A role of ``""`` means the
company takes part without a role (one-sided events such as layoffs); ``None``
means that side is not read. Patterns are compiled once, one regex per event type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import ahocorasick

from streams.detection.lexicon import EXEC_TITLES

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


_E = "executive_hire"
_D = "executive_departure"
_L = "layoffs"
_A = "acquisition"
_I = "investment"
_P = "product_launch"
_Y = "launch_delay"
_R = "partnership"
_G = "legal"

# Starts at a word boundary: "software hired" must not read as "are hired".
_BE = (r"\b(?:be|been|being|is|are|was|were|gets?|got|getting|has been|have been|had been|"
       r"will be)")

# "joining as a strategic investor" is an investment, not a hire.
_NOT_AS_INVESTOR = (r"(?! (?:as )?(?:an? )?(?:[\w-]+ )?(?:investors?|backers?|shareholders?|"
                    r"customers?|suppliers?|sponsors?|partners?)\b)")
# Posts that make "will become ..." an appointment ("a leader in AI" is not one).
_SENIOR_TITLES = (r"(?:CEO|CFO|CTO|COO|CIO|CMO|CPO|president|chair(?:man|woman|person)?|"
                  r"chief(?: [A-Za-z-]+){0,4} officer|chief executive|head of|director|"
                  r"vice president|general counsel|managing director|treasurer)")
_NOT_AFTER_HIRE = r"(?! (?:after|for|in|into|as one|only|by name)\b)"
_LEGAL_NOUNS = (r"(?:lawsuits?|suits?|probes?|investigations?|fines?|charges|complaints?|"
                r"litigation|class[- ]actions?|actions?|antitrust \w+|cases?|claims?)")

SPECS: tuple[TriggerSpec, ...] = (
    # --- executive hire ----------------------------------------------------
    TriggerSpec("hire_passive", _E,
                _BE + r" (?:hired|appointed|named|tapped|poached|lured|recruited|chosen|"
                r"selected|elevated|promoted|installed|brought (?:in|on))\b",
                "hiring_company", {"by": "hiring_company", "from": "losing_company",
                                   "of": "hiring_company", "at": "hiring_company",
                                   "": "hiring_company"},
                0.85, (NEEDS_EXEC,), passive=True, left_if_no_right=True, right_window=70),
    TriggerSpec("hire_on_board", _E,
                r"\b(?:bring|brings|brought|bringing) (?:[^;]{0,70}? )?(?:on ?board|aboard|"
                r"in as)\b", "hiring_company", {"": "losing_company"}, 0.85, (NEEDS_EXEC,),
                right_from_verb=True),
    TriggerSpec("hire_serve_as", _E,
                r"\b(?:will|would|to|shall) (?:serve|act|take over|step in|step up) as\b",
                "hiring_company", {}, 0.75, (NEEDS_EXEC,)),
    TriggerSpec("hire_become", _E,
                r"\b(?:will|would|to|shall|set to) become (?:the |its |their |[\w&.-]+['’]s )?"
                r"(?:[\w'’-]+ ){0,4}?" + _SENIOR_TITLES + r"\b",
                "hiring_company", {"": "hiring_company", "of": "hiring_company",
                                   "at": "hiring_company"},
                0.75, (NEEDS_EXEC,), right_from_verb=True, right_window=70, adjacent=12,
                left_if_no_right=True),
    TriggerSpec("hire_joins_as", _E,
                r"\bjoin(?:s|ed|ing)? (?:the (?:company|firm|startup|team|board) )?as\b"
                + _NOT_AS_INVESTOR,
                "hiring_company", {"from": "losing_company"}, 0.75, (NEEDS_EXEC,)),
    TriggerSpec("hire_leaves_for", _E,
                r"\b(?:leav(?:e|es|ing)|left|depart(?:s|ed|ing)?|exit(?:s|ed|ing)?|"
                r"quit(?:s|ting)?|defect(?:s|ed|ing)?|jump(?:s|ed|ing)? ship|decamp(?:s|ed)?|"
                r"los(?:es|t|ing) (?:its |their |a |the )?(?:[\w-]+ ){0,2}" + EXEC_TITLES + r")"
                r"(?: [^;]{0,40}?)? (?:for|to join|to)\b",
                None, {"": "hiring_company"}, 0.8, (NEEDS_EXEC,), right_window=30),
    TriggerSpec("hire_joins", _E,
                r"\b(?:join(?:s|ed|ing)?|return(?:s|ed|ing)? to)\b(?! forces| the round)"
                + _NOT_AS_INVESTOR,
                "losing_company", {"": "hiring_company", "at": "hiring_company",
                                   "from": "losing_company"}, 0.8,
                (NEEDS_EXEC,), left_in_person_np=True, right_window=40, adjacent=12),
    TriggerSpec("hire_active", _E,
                r"\b(?:hire[sd]?|hiring|appoint(?:s|ed|ing)?|poach(?:es|ed|ing)?|lur(?:e|es|ed|ing)|"
                r"recruit(?:s|ed)|taps|tapped|nab(?:s|bed)|snag(?:s|ged)|names|named|"
                r"pick(?:s|ed)(?! up)|selects|selected|chooses|chose|chosen|"
                r"(?:bring(?:s|ing)?|brought) (?:on|in)(?! (?:revenue|sales|\$|more|less))|"
                r"(?:appointment|promotion) of|"
                r"welcom(?:es|ed)|promot(?:es|ed)|elevat(?:es|ed))\b" + _NOT_AFTER_HIRE,
                "hiring_company", {"": "losing_company", "from": "losing_company",
                                   "at": "losing_company"}, 0.85,
                (NEEDS_EXEC, NEEDS_LEFT), adjacent=15),
    # --- executive departure ---------------------------------------------
    TriggerSpec("depart", _D,
                r"\b(?:step(?:s|ped|ping)? (?:down|aside|away)|resign(?:s|ed|ing)?|resignation|"
                r"depart(?:s|ed|ing)?|departure|leav(?:e|es|ing)|left|quit(?:s|ting)?|"
                r"exit(?:s|ed|ing)?|oust(?:s|ed|ing)?|ouster|fire[sd](?! off| back| up| away| at)|"
                r"sack(?:s|ed)|dismiss(?:es|ed)|part(?:s|ed|ing)? ways with|"
                r"retir(?:e|es|ed|ing|ement)|(?:is|was) out as|push(?:ed)? out|forced out|"
                r"let go|no longer|los(?:es|t|ing) (?:its |their |a |the )?(?:[\w-]+ ){0,2}"
                + EXEC_TITLES + r")\b",
                "losing_company", {"": "losing_company", "of": "losing_company",
                                   "from": "losing_company", "at": "losing_company"},
                0.8, (NEEDS_EXEC,), right_window=50, adjacent=10, left_window=120,
                left_if_no_right=True),
    # --- layoffs ------------------------------------------------------------
    TriggerSpec("layoffs", _L,
                r"\b(?:lay(?:s|ing)? off|laid off|layoffs?|lay-offs?|job cuts?|job losses|"
                r"(?:cut(?:s|ting)?|slash(?:es|ed|ing)?|eliminat(?:e|es|ed|ing)|shed(?:s|ding)?|"
                r"ax(?:e|es|ed|ing)?|trim(?:s|med|ming)?|reduc(?:e|es|ed|ing))"
                r" (?:[^;]{0,40}? )?(?:jobs|positions|roles|workforce|headcount|staff|"
                r"employees|workers)|redundanc(?:y|ies)|workforce reduction|downsiz\w+|"
                r"furlough\w*|(?:let(?:s|ting)? go(?: of)?|dismiss(?:es|ed|ing)?|fir(?:es|ed|ing)|"
                r"sack(?:s|ed|ing)?) (?:[^;]{0,40}? )?(?:jobs|positions|roles|staff|employees|"
                r"workers|people|engineers|team|teams|staffers)|"
                r"(?:let(?:s|ting)? go(?: of)?|dismiss(?:es|ed|ing)?|fir(?:es|ed|ing)|"
                r"sack(?:s|ed|ing)?) (?:about |around |some |nearly |more than |over )?\d[\d,]*)\b",
                "", {"at": "", "of": ""}, 0.85),
    # --- acquisition ----------------------------------------------------------
    TriggerSpec("acq_passive", _A,
                r"(?:\b" + _BE + r" )?\b(?:acquired|bought|purchased|taken over|snapped up|"
                r"absorbed|sold) (?:by|to)\b", "target", {"": "acquirer"}, 0.85, passive=True),
    TriggerSpec("acq_by", _A,
                r"\b(?:acquisition|takeover|purchase|buyout|sale) (?:of it )?(?:by|to)\b",
                "target", {"": "acquirer"}, 0.8, right_window=50),
    TriggerSpec("acq_sell", _A,
                r"\b(?:sell(?:s|ing)?|sold) (?:itself|the company|the business) to\b", "target",
                {"": "acquirer"}, 0.8),
    TriggerSpec("acq_noun", _A,
                r"\b(?:acquisition|purchase|takeover|buyout|buy-out|merger)s? (?:of|with)\b",
                "acquirer", {"": "target", "of": "target", "with": "target", "by": "acquirer"},
                0.8, (NEEDS_TARGET,), right_window=60),
    TriggerSpec("acq_bid", _A,
                r"\b(?:(?:bid|offer|approach|proposal) (?:for|to (?:buy|acquire|take over))|"
                r"deal to (?:buy|acquire|take over))\b",
                "acquirer", {"": "target"}, 0.7, (NEEDS_TARGET,), right_window=60),
    TriggerSpec("acq_verb", _A,
                r"\b(?:acquir(?:e|es|ed|ing)|buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|"
                r"take(?:s)? over|took over|taking over|snap(?:s|ped|ping)? up|"
                r"scoop(?:s|ed|ing)? up|absorb(?:s|ed|ing)?|pick(?:s|ed|ing)? up)\b"
                r"(?! back| up shares| into| as\b)",
                "acquirer", {"": "target"}, 0.85, (NEEDS_TARGET,), right_window=60),
    TriggerSpec("acq_merge", _A, r"\bmerg(?:e|es|ed|ing) with\b", "", {"": ""}, 0.75,
                (NEEDS_TARGET,), right_window=50),
    # --- investment -----------------------------------------------------------
    TriggerSpec("inv_led_by", _I,
                r"\b(?:round|financing|investment|raise|funding)(?: was)? (?:led|co-led) by\b",
                "recipient", {"": "investor", "and": "investor"}, 0.8, right_all=True),
    TriggerSpec("inv_from", _I, r"\b(?:investment|funding|financing|backing|capital) from\b",
                "recipient", {"": "investor", "and": "investor"}, 0.75, right_all=True),
    TriggerSpec("inv_participate_in", _I,
                r"\b(?:participat(?:e|es|ed|ing) in|join(?:s|ed|ing)?)"
                r"(?= (?:the |a |an )?(?:[\w'’.&-]+ ){0,5}?(?:funding |financing |investment )?"
                r"(?:round|financing|raise)\b)", "investor", {"": "recipient"}, 0.75,
                right_window=30, adjacent=5, left_all=True, left_window=60, left_any=True),
    TriggerSpec("inv_participate", _I,
                r"\b(?:participat(?:e|es|ed|ing) in the (?:round|financing|raise)|"
                r"participat(?:es|ed|ing)|join(?:s|ed|ing)? (?:as (?:an? )?(?:\w+ )?investors?|"
                r"the (?:round|financing)))\b", "investor", {}, 0.75, left_all=True,
                left_window=60, left_any=True),
    TriggerSpec("inv_stake", _I,
                r"\b(?:(?:take|takes|took|taking|buy|buys|bought|buying|acquire[sd]?|acquiring|"
                r"purchase[sd]?|build(?:s|ing)?|built) (?:a |an )?(?:[\w.%$-]+ ){0,4}"
                r"(?:stake|shareholding|holding) in)\b",
                "investor", {"": "recipient"}, 0.85, (NEEDS_COMPANY_RIGHT,), right_window=50),
    TriggerSpec("inv_lead", _I,
                r"\bled (?:a |an |the )?(?:[^;]{0,40}? )?(?:round|investment|financing)"
                r"(?: in| into| for)?\b", "investor", {"": "recipient"}, 0.8,
                (NEEDS_COMPANY_RIGHT,), right_window=50, left_all=True),
    TriggerSpec("inv_invest", _I,
                r"\b(?:invest(?:s|ed|ing|ment|ments)?|pour(?:s|ed|ing)?|inject(?:s|ed|ing)?)"
                r"(?: [^;]{0,50}?)? (?:in|into)\b", "investor", {"": "recipient"}, 0.85,
                (NEEDS_COMPANY_RIGHT,), right_window=50, adjacent=30, left_all=True),
    TriggerSpec("inv_raise", _I,
                r"\b(?:rais(?:e|es|ed|ing)|secur(?:e|es|ed|ing)|clos(?:e|es|ed|ing)|"
                r"land(?:s|ed)|bag(?:s|ged)|net(?:s|ted)|gets?|got|receiv(?:e|es|ed|ing))\b"
                r"(?= [^;]{0,40}?(?:\$|€|£|funding|financing|round|capital|series [a-h]\b|"
                r"seed|venture|investment|lifeline|cash injection|bailout|rescue))", "recipient",
                {"from": "investor", "by": "investor", "including": "investor",
                 "and": "investor"}, 0.8, (NEEDS_MONEY,), right_all=True),
    TriggerSpec("inv_put", _I,
                r"\bput(?:s|ting)? (?:another |an additional |a further |up to |about )?"
                r"(?:US\$|\$|€|£)\s?[\d.,]+\s?(?:[mb]n?|million|billion)? (?:in|into)\b",
                "investor", {"": "recipient"}, 0.8, (NEEDS_COMPANY_RIGHT,), right_window=30,
                left_all=True),
    TriggerSpec("inv_backs", _I, r"\bback(?:s|ed|ing)\b(?! by| up| down| out| away| off| to)",
                "investor", {"": "recipient"}, 0.65, (NEEDS_COMPANY_RIGHT,), right_window=30),
    # --- launch delay (before product launch: "postponed the launch") ---------
    TriggerSpec("delay_passive", _Y,
                _BE + r" (?:delayed|postponed|pushed back|shelved|put on hold|deferred)\b",
                "", {}, 0.8, (NEEDS_DELAYED_THING,), passive=True),
    TriggerSpec("delay_noun", _Y,
                r"\bdelay (?:of|in|to) (?:the |its |their )?(?:launch|release|rollout|debut)\b",
                "", {}, 0.8),
    TriggerSpec("delay", _Y,
                r"\b(?:delay(?:s|ed|ing)?|postpon(?:e|es|ed|ing)|push(?:es|ed|ing)? back|"
                r"shelv(?:e|es|ed|ing)|defer(?:s|red|ring)?|hold(?:s|ing)? off on|held off on|"
                r"hold(?:s|ing)? back|held back|put(?:s|ting)? on hold|paus(?:e|es|ed|ing)|"
                r"cancel(?:s|led|ed|ling|ing)?|push(?:es|ed|ing)?(?= the (?:launch|release|"
                r"rollout|debut|introduction)\b))\b", "", {}, 0.85,
                (NEEDS_DELAYED_THING,)),
    TriggerSpec("delay_scrap_plans", _Y,
                r"\b(?:scrap(?:s|ped|ping)?|abandon(?:s|ed|ing)?|drop(?:s|ped|ping)?|"
                r"ditch(?:es|ed|ing)?|shelv(?:e|es|ed|ing)|cancel(?:s|led|ed|ling|ing)?) "
                r"(?:its |their |the )?plans? (?:to|for)\b", "", {}, 0.8,
                (NEEDS_DELAYED_THING,)),
    TriggerSpec("delay_slip", _Y,
                r"\b(?:slip(?:s|ped|ping)?|slid(?:es|ing)?|push(?:es|ed|ing)?|mov(?:e|es|ed|ing)|"
                r"shift(?:s|ed|ing)?)\b(?![^;]{0,40}?(?:%|percent|per cent|points?\b|lowest|"
                r"highest|quarter|loss|profit))(?= [^;]{0,40}?\b(?:to|until|into|till) (?:the )?"
                r"(?:next |later |early |late |mid-?)?(?:(?:19|20)\d\d|year|spring|summer|autumn|"
                r"fall|winter|quarter|month|q[1-4]|h[12]|january|february|march|april|may|june|"
                r"july|august|september|october|november|december)\b)", "", {}, 0.75,
                (NEEDS_DELAYED_THING,)),
    # --- product launch ---------------------------------------------------------
    TriggerSpec("launch_announced", _P,
                r"\b(?:announc(?:e|es|ed|ing)|celebrat(?:e|es|ed|ing)) (?:the |its |their )?"
                r"(?:general availability|availability|launch|release|introduction|debut|"
                r"rollout) of\b", "", {}, 0.8, (NEEDS_PRODUCT,)),
    TriggerSpec("launch_begin", _P,
                r"\b(?:(?:begin|begins|began|begun|beginning|start|starts|started|starting) "
                r"(?:shipping|selling|deliveries of|delivering|sales of|taking (?:pre-?)?orders "
                r"for)|ships? (?:its |their |the )?(?:first|new|latest|next-generation))\b",
                "", {}, 0.8, (NEEDS_PRODUCT,)),
    TriggerSpec("launch_available", _P,
                r"\b(?:(?:is|are|was|were|now|became|becomes|become) (?:now )?generally available|"
                r"(?:made|makes|make|making) (?:[^;]{0,50}? )?generally available|"
                r"(?:go(?:es)?|went|gone|going) (?:on sale|live)|hit(?:s|ting)? (?:the )?"
                r"(?:shelves|stores))\b", "", {}, 0.75, (NEEDS_AVAILABLE_THING,)),
    TriggerSpec("launch", _P,
                r"\b(?:launch(?:es|ed|ing)|(?:will|to|and|'ll) launch|unveil(?:s|ed|ing)?|"
                r"introduc(?:e|es|ed|ing)|debut(?:s|ed|ing)|roll(?:s|ed|ing)? out|"
                r"releas(?:es|ed|ing)|(?:will|to|and|'ll) (?:release|debut)|show(?:s|ed|ing)? off|"
                r"announc(?:e|es|ed|ing) (?:the |its |a )?(?:new|next-generation|latest))\b",
                "", {}, 0.8, (NEEDS_PRODUCT,)),
    # --- partnership --------------------------------------------------------------
    TriggerSpec("partner_between", _R,
                r"\b(?:partnership|alliance|joint venture|collaboration|tie-up|deal|agreement) "
                r"between\b", None, {"": "partner", "and": "partner"}, 0.8, (NEEDS_TWO,),
                right_all=True),
    TriggerSpec("partner_with", _R,
                r"\b(?:partner(?:s|ed|ing)? (?:up )?with|partnership with|"
                r"team(?:s|ed|ing)? up with|collaborat(?:e|es|ed|ing|ion) with|alliance with|"
                r"link(?:s|ed|ing)? up with|combin(?:e|es|ed|ing) forces with|"
                r"joint venture with|tie-up with|join(?:s|ed|ing)? forces with|"
                r"(?:sign(?:s|ed|ing)?|strik(?:e|es|ing)|struck|ink(?:s|ed|ing)?|form(?:s|ed|ing)?|"
                r"announc(?:e|es|ed|ing)|enter(?:s|ed|ing)? into|expand(?:s|ed|ing)?|"
                r"exten(?:d|ds|ded|ding)|renew(?:s|ed|ing)?|deepen(?:s|ed|ing)?|"
                r"reach(?:es|ed)?) (?:a |an |its |their )?(?:[\w$.,-]+ ){0,4}(?:partnership|"
                r"alliance|joint venture|collaboration|agreement|deal|pact|contract) with)\b",
                "partner", {"": "partner", "and": "partner"}, 0.85, (NEEDS_TWO,),
                right_window=50, left_all=True, right_all=True),
    TriggerSpec("partner_pair", _R,
                r"\b(?:partner(?:s|ed)?|team(?:s|ed)? up|join(?:ed)? forces|link(?:s|ed)? up|"
                r"combin(?:e|es|ed)? forces|"
                r"(?:will|to) jointly (?:develop|build|sell|market|offer|create|design|produce|"
                r"operate|launch)|(?:agreeing|agree[sd]?|plan(?:s|ned)?) to (?:jointly \w+|"
                r"co-?(?:develop|market|produce|create|design|brand)\w*)|"
                r"(?:announce|form|sign|strike|struck|ink|agree|extend|renew|expand|deepen|broaden)"
                r"(?:d|ed|s)? (?:to )?(?:a |an |new |their |its )?"
                r"(?:[\w$.,-]+ ){0,4}(?:partnership|alliance|joint venture|collaboration|tie-up|"
                r"deal|agreement|pact))\b",
                "partner", {}, 0.8, (NEEDS_TWO,), left_all=True),
    # --- legal --------------------------------------------------------------------
    TriggerSpec("legal_sued_by", _G, r"(?:\b" + _BE + r" )?\b(?:sued|taken to court) by\b",
                "defendant",
                {"": "plaintiff"}, 0.85, passive=True),
    TriggerSpec("legal_file", _G,
                r"\b(?:fil(?:e|es|ed|ing)|brought|bring(?:s)?|launch(?:es|ed)) (?:a |an )?"
                r"(?:[\w-]+ ){0,3}(?:lawsuit|suit|complaint|case|claim|action)s? against\b",
                "plaintiff", {"": "defendant"}, 0.85),
    TriggerSpec("legal_against", _G,
                r"\b(?:lawsuits?|suits?|complaints?|litigation|case|verdict|ruling|charges) "
                r"(?:against|targeting)\b", "plaintiff", {"": "defendant"}, 0.8),
    TriggerSpec("legal_passive", _G,
                _BE + r" (?:being )?(?:investigated|probed|charged|indicted|fined|accused|"
                r"penali[sz]ed|ordered to pay|found liable|found guilty|named (?:as )?(?:a )?"
                r"(?:co-)?defendants?|named in (?:a |the )?(?:\w+ )?(?:lawsuit|suit|complaint))\b",
                "defendant",
                {"by": "plaintiff"}, 0.85, passive=True),
    TriggerSpec("legal_ordered", _G,
                r"\b(?:fined|penali[sz]ed|(?:ordered|told|forced) to pay|found liable|"
                r"found guilty)\b",
                "defendant", {"by": "plaintiff", "": "defendant"}, 0.8, right_window=30,
                adjacent=5, left_if_no_right=True),
    TriggerSpec("legal_fines", _G, r"\bfin(?:e|es|ing)\b", None, {"": "defendant"}, 0.8,
                right_window=30, adjacent=5),
    TriggerSpec("legal_pay", _G,
                r"\b(?:pa(?:y|ys|id|ying)) (?:a |an |the )?(?:[\w$.,-]+ ){0,5}?(?:civil )?"
                r"(?:penalt(?:y|ies)|fines?|damages)\b", "defendant", {"to": "plaintiff"}, 0.8),
    TriggerSpec("legal_to_court", _G,
                r"\b(?:take|takes|took|taken|taking)\b(?= [^;,.]{1,40}? to court\b"
                r"(?!(?: [a-z]+)? (?:customers|subscribers|voters|investors|buyers|users)\b))",
                "plaintiff", {"": "defendant"}, 0.8, right_window=30, adjacent=5),
    TriggerSpec("legal_charges", _G, r"\bcharg(?:es|ed|ing)\b(?= [^;]{1,60}? with\b)", None,
                {"": "defendant"}, 0.8, right_window=30, adjacent=5),
    TriggerSpec("legal_order_to_pay", _G,
                r"\b(?:ordered|orders|told|forced|required)\b(?= [^;]{0,40}? to pay\b)", None,
                {"": "defendant"}, 0.8, right_window=30),
    TriggerSpec("legal_faces", _G,
                r"\b(?:fac(?:e|es|ed|ing)|hit with|slapped with)(?= (?:[\w$.,-]+ ){0,4}"
                + _LEGAL_NOUNS + r")", "defendant", {}, 0.8),
    TriggerSpec("legal_sues", _G, r"\b(?:sues|sued|suing|accus(?:es|ed|ing))\b", "plaintiff",
                {"": "defendant"}, 0.85, right_window=30, adjacent=15),
    TriggerSpec("legal_investigating", _G, r"\b(?:investigat(?:es|ing)|prob(?:es|ing))\b", None,
                {"": "defendant"}, 0.75, right_window=20, adjacent=5),
    TriggerSpec("legal_probe", _G,
                r"\b(?:investigation|probe|inquiry|lawsuit|suit) (?:into|of)\b", None,
                {"": "defendant"}, 0.75),
    TriggerSpec("legal_settle", _G,
                r"\bsettl(?:e|es|ed|ing|ement)\b(?= (?:[\w$.,-]+ ){0,6}(?:" + _LEGAL_NOUNS
                + r"|dispute|allegations|fight|battle)\b)",
                "defendant", {"with": "plaintiff"}, 0.8, left_all=True),
    TriggerSpec("legal_settlement_court", _G, r"\bsettlements?\b", "defendant",
                {"with": "plaintiff", "between": "defendant"}, 0.7, (NEEDS_LEGAL,), left_all=True),
    TriggerSpec("legal_ruled", _G, r"\b(?:ruled|rules|ruling|found) (?:that )?(?:against)?\b",
                None, {"": "defendant", "against": "defendant"}, 0.6, (NEEDS_LEGAL,),
                right_window=30),
)

EXEC_TITLE_RE = re.compile(r"\b" + EXEC_TITLES + r"\b", re.IGNORECASE)


def _compile() -> dict[str, tuple[re.Pattern[str], dict[str, TriggerSpec]]]:
    by_type: dict[str, list[TriggerSpec]] = {}
    for spec in SPECS:
        by_type.setdefault(spec.event_type, []).append(spec)
    compiled: dict[str, tuple[re.Pattern[str], dict[str, TriggerSpec]]] = {}
    for event_type, specs in by_type.items():
        groups = {spec.name: spec for spec in specs}
        pattern = "|".join(f"(?P<{spec.name}>{spec.pattern.lower()})" for spec in specs)
        # Matched against the lower-cased sentence: much faster than re.IGNORECASE.
        compiled[event_type] = (re.compile(pattern), groups)
    return compiled


COMPILED = _compile()


# Literal stems at least one of which occurs in every match of a type's regex. One
# Aho-Corasick pass over a sentence tells which types' (slower) regexes are worth running.
STEMS: dict[str, tuple[str, ...]] = {
    _E: ("hire", "hiring", "appoint", "name", "tap", "poach", "lur", "recruit", "chosen",
         "selected", "pick", "select", "choos", "chose", "elevat", "promot", "install", "bring",
         "brought", "serve as", "act as",
         "take over as", "step in as", "step up as", "join", "return", "leav", "left", "depart",
         "exit", "quit", "defect", "jump", "decamp", "nab", "snag", "welcom", "lost ", "loses ",
         "losing ", "become", "chosen", "appointment", "promotion"),
    _D: ("step", "resign", "depart", "leav", "left", "quit", "exit", "oust", "fire", "sack",
         "retir", "out as", "push", "forced out", "let go", "no longer", "los", "dismiss",
         "ways with"),
    _L: ("lay off", "lays off", "laying off", "laid off", "layoff", "lay-off", "job cut",
         "job loss", "jobs", "positions", "roles", "workforce", "headcount", "staff",
         "employees", "workers", "redundanc", "downsiz", "furlough", "let go", "dismiss",
         "fire", "firing", "sack", "team", "people", "engineers"),
    _A: ("acqui", "bought", "buy", "purchas", "take", "took", "taking", "snap", "scoop",
         "absorb", "sold", "sale", "sell", "merg", "bid", "offer", "approach", "proposal",
         "deal", "pick"),
    _I: ("invest", "pour", "inject", "stake", "shareholding", "holding", "led", "fund",
         "financ", "backing", "capital", "participat", "join", "rais", "secur", "clos",
         "land", "bag", "net", "get", "got", "back", "receiv", "put"),
    _Y: ("delay", "postpon", "push", "shelv", "defer", "hold", "held", "on hold", "paus", "slip",
         "slid", "mov", "shift", "cancel", "scrap", "abandon", "drop", "ditch", "plan"),
    _P: ("launch", "unveil", "introduc", "debut", "roll", "releas", "show", "announc",
         "celebrat", "shipping", "selling", "deliver", "sales of", "orders for", "ship",
         "generally available", "on sale", "live", "shelves", "stores"),
    _R: ("partner", "team", "collaborat", "alliance", "joint venture", "tie-up", "forces",
         "deal", "agreement", "pact", "contract", "link", "jointly", "co-", "codevelop",
         "comarket", "coproduce", "cocreate", "codesign"),
    _G: ("sue", "suing", "suit", "complaint", "case", "claim", "action", "litigation",
         "verdict", "ruling", "charge", "investigat", "probe", "indict", "fine", "fining",
         "accus", "defendant", "penali", "ordered", "orders", "told", "forced", "required",
         "liable", "guilty", "fac",
         "hit with", "slapped with", "inquiry", "settl", "rule", "found", "court", "pay",
         "paid", "penal", "charg"),
}


def _stem_automaton() -> ahocorasick.Automaton:
    table: dict[str, set[str]] = {}
    for event_type, stems in STEMS.items():
        for stem in stems:
            table.setdefault(stem, set()).add(event_type)
    automaton = ahocorasick.Automaton()
    for stem, types in table.items():
        automaton.add_word(stem, frozenset(types))
    automaton.make_automaton()
    return automaton


_STEM_AUTOMATON = _stem_automaton()


def candidate_types(lowered: str) -> set[str]:
    """Event types whose trigger stems occur in ``lowered`` (a lower-cased sentence)."""
    found: set[str] = set()
    for _end, types in _STEM_AUTOMATON.iter(lowered):
        found |= types
    return found
