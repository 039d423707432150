"""Triggers for people events: executive hires, departures and layoffs."""

from __future__ import annotations

from ....schemas.event import EventType
from ..lexicon import FOLDED_EXEC_TITLES
from .spec import ABOUT, BE, NEEDS_EXEC, NEEDS_LEFT, WILL_NOT, TriggerSpec

# "joining as a strategic investor" is an investment, not a hire.
_NOT_AS_INVESTOR = (r"(?! (?:as )?(?:an? )?(?:[\w-]+ )?(?:investors?|backers?|shareholders?|"
                    r"customers?|suppliers?|sponsors?|partners?)\b)")
# Posts that make "will become ..." an appointment ("a leader in AI" is not one).
_SENIOR_TITLES = (r"(?:CEO|CFO|CTO|COO|CIO|CMO|CPO|president|chair(?:man|woman|person)?|"
                  r"chief(?: [A-Za-z-]+){0,4} officer|chief executive|head of|"
                  r"director[- ]general|director|vice president|general counsel|"
                  r"managing director|treasurer)")
_NOT_AFTER_HIRE = r"(?! (?:after|for|in|into|as one|only|by name)\b)"
# "exit" as a noun's modifier: "voluntary exit packages to employees", "exit interviews"
_EXIT = (r"exit(?:s|ed|ing)?(?! (?:packages?|interviews?|pay|payments?|deals?|offers?|"
         r"programmes?|programs?|schemes?|strateg(?:y|ies)|routes?|ramps?|fees?|polls?|signs?|"
         r"plans?|windows?|terms|bonus(?:es)?|incentives?|surveys?)\b)")

_E: EventType = "executive_hire"
_D: EventType = "executive_departure"
_L: EventType = "layoffs"

HIRE: tuple[TriggerSpec, ...] = (
    TriggerSpec("hire_passive", _E,
                r"(?:" + BE + r" (?:hired|appointed|named|tapped|poached|lured|recruited|chosen|"
                r"selected|elevated|promoted|installed|brought (?:in|on))|"
                # a headline's passive without its verb: "Mary Barra appointed as GM chief"
                r"(?:appointed|named|tapped|chosen|selected|hired|installed|"
                # (not "nominated as best animated feature": an award)
                r"nominated(?= as (?!(?:the )?best\b|(?:an? )?(?:finalist|nominee)\b))) as)\b",
                "hiring_company", {"by": "hiring_company", "from": "losing_company",
                                   "of": "hiring_company", "at": "hiring_company",
                                   "as": "hiring_company", "": "hiring_company"},
                0.85, (NEEDS_EXEC,), passive=True, left_if_no_right=True, right_window=70,
                traits=frozenset({"person_around", "employer_after"})),
    TriggerSpec("hire_on_board", _E,
                r"\b(?:bring|brings|brought|bringing) (?:[^;]{0,70}? )?(?:on ?board|aboard|"
                r"in as)\b", "hiring_company", {"": "losing_company"}, 0.85, (NEEDS_EXEC,),
                right_from_verb=True),
    TriggerSpec("hire_serve_as", _E,
                r"\b(?:will|would|to|shall) (?:serve|act|take over|step in|step up) as\b",
                # "Controller Ana Lisboa will serve as acting CFO of Kestrel": the post's
                # company after its title
                # ("will serve as Halcyon's interim CFO": the company's own post)
                "hiring_company", {"of": "hiring_company", "at": "hiring_company",
                                   "": "hiring_company"}, 0.75,
                (NEEDS_EXEC,), right_window=50, left_if_no_right=True),
    # "Sun-hee Park would lead the automotive business on an interim basis"
    TriggerSpec("hire_interim", _E,
                r"\b(?:will|would|to|shall) (?:lead|run|head|oversee|take charge of)\b(?= "
                r"[^.;]{0,60}?(?:on an? (?:interim|acting|temporary) basis|in the interim|"
                r"as (?:interim|acting)\b|until a (?:successor|replacement|permanent)))",
                "hiring_company", {}, 0.75, (NEEDS_EXEC,),
                traits=frozenset({"person_around", "person_subject"})),
    TriggerSpec("hire_become", _E,
                r"\b(?:(?:(?:will|would|to|shall|set to) become|becomes|became) "
                r"(?:the |its |their |[\w&.-]+['’]s )?|"
                # "will be the new chief executive of", "to be its next CFO"
                r"(?:will|would|to|shall|set to) be (?:the |its |their |[\w&.-]+['’]s )"
                r"(?:new|next|incoming) )(?:[\w'’-]+ ){0,4}?" + _SENIOR_TITLES + r"\b",
                "hiring_company", {"": "hiring_company", "of": "hiring_company",
                                   "at": "hiring_company"},
                0.75, (NEEDS_EXEC,), right_from_verb=True, right_window=70, adjacent=12,
                left_if_no_right=True,
                # "will become Vodafone's next CEO": the employer named inside the trigger
                traits=frozenset({"restates_hire", "holds_company", "company_inside"})),
    TriggerSpec("hire_joins_as", _E,
                r"\bjoin(?:s|ed|ing)? (?:the (?:company|firm|startup|team|board) )?as\b"
                + _NOT_AS_INVESTOR,
                "hiring_company", {"from": "losing_company"}, 0.75, (NEEDS_EXEC,),
                traits=frozenset({"person_around", "joins"})),
    # "will replace Tony Hayward as chief executive", "succeeds Jane Doe as CFO".
    TriggerSpec("hire_replaces", _E,
                r"\b(?:will |to |shall )?(?:replac(?:e|es|ed|ing)|succeed(?:s|ed|ing)?)\b"
                r"(?= (?:[\w.'’-]+ ){1,4}as (?:the |its |their )?(?:new )?(?:[\w-]+ ){0,3}?"
                + _SENIOR_TITLES + r")", "hiring_company", {"": "hiring_company",
                                                            "of": "hiring_company"},
                0.75, (NEEDS_EXEC,), right_window=90, left_window=200,
                traits=frozenset({"person_around", "promoted_within", "incoming_subject"})),
    TriggerSpec("hire_leaves_for", _E,
                r"\b(?:leav(?:e|es|ing)|left|depart(?:s|ed|ing)?|" + _EXIT + r"|"
                r"quit(?:s|ting)?|defect(?:s|ed|ing)?|jump(?:s|ed|ing)? ship|decamp(?:s|ed)?|"
                r"los(?:es|t|ing) (?:its |their |a |the )?(?:[\w-]+ ){0,2}"
                + FOLDED_EXEC_TITLES + r")"
                r"(?: [^;]{0,40}?)? (?:for|to join|to)\b",
                # "is leaving to become president of Vantage Grid Energy"
                None, {"": "hiring_company", "of": "hiring_company", "at": "hiring_company"},
                0.8, (NEEDS_EXEC,), right_window=30,
                traits=frozenset({"title_inside"})),
    TriggerSpec("hire_joins", _E,
                r"\b(?:join(?:s|ed|ing)?|return(?:s|ed|ing)? to)\b(?! forces| the round)"
                + _NOT_AS_INVESTOR,
                "losing_company", {"": "hiring_company", "at": "hiring_company",
                                   "from": "losing_company"}, 0.8,
                (NEEDS_EXEC,), left_in_person_np=True, right_window=40, adjacent=12,
                traits=frozenset({"person_around", "joins", "moves_employer"})),
    TriggerSpec("hire_active", _E,
                r"\b(?:hire[sd]?|hiring|appoint(?:s|ed|ing)?|poach(?:es|ed|ing)?|lur(?:e|es|ed|ing)|"
                r"recruit(?:s|ed)|taps|tapped|nab(?:s|bed)|snag(?:s|ged)|names|named|"
                r"pick(?:s|ed)(?! up)|selects|selected|chooses|chose|chosen|"
                r"(?:bring(?:s|ing)?|brought) (?:on|in)(?! (?:revenue|sales|\$|more|less))|"
                # "has brought back former chief technology officer Sunil Shenoy as head of"
                r"(?:bring(?:s|ing)?|brought) back(?= (?:its |their |the )?(?:former|ex-))|"
                # "has roped in former Zomato executive Priya Menon as its India head"
                r"rop(?:e|es|ed|ing) in|"
                # "has added former SEC official Dana Ortiz as general counsel"
                r"add(?:s|ed|ing)(?= [^.;]{3,60}? as (?:its |their |a |an |the |new |chief )*"
                r"(?:[\w-]+ ){0,2}?" + _SENIOR_TITLES + r"\b)|"
                # the trade's "Disney ups Dana Walden to co-chair" (not "ups its forecast")
                r"up(?:s|ped)(?= [^.;]{3,50}? to (?:its |their |the )?(?:new )?"
                r"(?:co-?)?(?:[\w-]+ ){0,2}?" + _SENIOR_TITLES + r")|"
                r"(?:appointment|promotion) of|"
                r"welcom(?:es|ed)|promot(?:es|ed)|elevat(?:es|ed)|nominat(?:es|ed))\b"
                + _NOT_AFTER_HIRE,
                "hiring_company", {"": "losing_company", "from": "losing_company",
                                   "at": "losing_company"}, 0.85,
                (NEEDS_EXEC, NEEDS_LEFT), adjacent=15,
                traits=frozenset({"object_is_person", "describer_before"})),
    # "Uber announced this Monday the executive Mariana Costa Albuquerque as its new general
    # director for Brazil": a person announced in a post of the company's.
    TriggerSpec("hire_announced_as", _E,
                r"\bannounc(?:es|ed|ing)\b(?= [^.;]{3,90}? as (?:its|their|the company['’]s) "
                r"(?:new|next|incoming|first|interim|acting|permanent) (?:[\w-]+ ){0,2}?"
                + _SENIOR_TITLES + r"\b)", "hiring_company", {}, 0.8, (NEEDS_EXEC, NEEDS_LEFT),
                adjacent=15, traits=frozenset({"object_is_person", "person_before_as"})),
    # "787 program head steps up", "steps up as interim CEO": a promotion (not "steps up
    # production", "steps up pressure").
    TriggerSpec("hire_steps_up", _E,
                r"\b(?:(?:head|chief|president|boss|CFO|COO|CTO|CEO|deputy) step(?:s|ped)? up"
                r"(?=\s*(?:$|[.;]))|step(?:s|ped|ping)? up(?= (?:as|to(?: become| be)?) "
                r"(?:the |its |their )?(?:new |next |interim |acting |permanent )?"
                + _SENIOR_TITLES + r"))", "hiring_company",
                {"of": "hiring_company", "at": "hiring_company"}, 0.75, (NEEDS_EXEC,)),
    # "Euro Disney SCA receives new CEO", "Intel finds a permanent chief executive": the
    # post is filled, the person may be named later.
    # "Intel's board has given the top job to Lip-Bu Tan", "hands top job to its finance chief"
    TriggerSpec("hire_top_job", _E,
                r"\b(?:give[sn]?|gave|giving|hand(?:s|ed|ing)?) (?:the |its |their )?top job to\b|"
                # "has handed the reins of its design team to Molly Anderson"
                r"\b(?:hand(?:s|ed|ing)?|pass(?:es|ed|ing)?) (?:over )?(?:the )?(?:reins|baton)"
                r"(?: of (?:the |its |their )?(?:[\w-]+ ){0,2}?[\w-]+)? to\b",
                "hiring_company", {}, 0.8, (NEEDS_EXEC,), traits=frozenset({"object_is_person"})),
    TriggerSpec("hire_gets_new", _E,
                r"\b(?:gets?|got|getting|receiv(?:es|ed|ing)|finds|found|welcom(?:es|ed|ing)) "
                r"(?:an? |its |their )?(?:new|permanent) (?:[\w-]+ ){0,2}?" + _SENIOR_TITLES
                + r"\b", "hiring_company", {}, 0.8, (NEEDS_EXEC,)),
    # "Boeing adds retired Air Force general to its board", "elected Marcus Dunleavy to its
    # board of directors": a seat on the company's own board.
    # "Here Media Inc. will be helmed by Chairman Stephen P. Jarchow": a company to be run
    # by a named person (future only: "is led by" describes).
    TriggerSpec("hire_helmed_by", _E,
                r"\b(?:will|is to|are to|would) be (?:helmed|led|headed|run|co-led) by\b",
                "hiring_company", {}, 0.75, (NEEDS_EXEC, NEEDS_LEFT), adjacent=15,
                traits=frozenset({"object_is_person"})),
    TriggerSpec("hire_to_board", _E,
                r"\b(?:elect(?:s|ed)|add(?:s|ed|ing)|appoint(?:s|ed|ing)|nam(?:es|ed|ing))\b"
                # (headline telegraphese drops the article: "adds ... chief to board")
                r"(?= (?!(?:a |an |the )?(?:seat|member|director)s? )[^.;]{1,80}? to (?:(?:its|the|"
                r"their) (?:\w+ )?)?board\b(?![ -](?:games?|rooms?|meetings?|members?)\b))",
                "hiring_company", {}, 0.8, (NEEDS_EXEC, NEEDS_LEFT),
                adjacent=0),
    # "Tesla board adds new independent director", "elects two non-executive directors"
    TriggerSpec("hire_directors", _E,
                r"\b(?:elect(?:s|ed)|add(?:s|ed|ing)|appoint(?:s|ed|ing)|nam(?:es|ed|ing))"
                r" (?:a |an |two |three |four |2 |3 |4 )?(?:new )?(?:independent |non-executive |"
                r"outside )directors?\b", "hiring_company", {}, 0.75, (NEEDS_LEFT,), adjacent=0),
)

DEPARTURE: tuple[TriggerSpec, ...] = (
    # "outgoing CEO Jane Doe", "the soon-to-depart chief executive".
    TriggerSpec("depart_outgoing", _D,
                r"\b(?:outgoing|soon[- ]to[- ](?:be[- ])?(?:depart(?:ing)?|former|leave|retire)|"
                r"departing|retiring)\b(?= (?:[\w-]+ ){0,2}" + _SENIOR_TITLES + r")",
                "losing_company", {"": "losing_company", "of": "losing_company",
                                   "at": "losing_company"}, 0.7, (NEEDS_EXEC,),
                right_window=60, left_window=80),
    TriggerSpec("depart", _D,
                r"\b(?:step(?:s|ped|ping)? (?:down|aside|away)|resign(?:s|ed|ing)?|resignation|"
                # "announced he will stand down", "to step back as chairman"
                r"st(?:and|ands|anding|ood) (?:down|aside)|"
                r"step(?:s|ped|ping)? back (?:as|from(?! (?:the |a |his |her )?"
                r"(?:stage|podium|microphone|mic|lectern|edge|brink|ledge|window|"
                r"table|car|camera)\b))|"
                r"depart(?:s|ed|ing)?|departure|leav(?:e|es|ing)|left|quit(?:s|ting)?|"
                # the entertainment trade's "is ankling the streamer"
                r"ankl(?:es|ed|ing)|"
                + _EXIT + r"|oust(?:s|ed|ing)?|ouster|fire[sd](?! off| back| up| away| at)|"
                r"sack(?:s|ed)|dismiss(?:es|ed)|part(?:s|ed|ing)? ways with|"
                r"retir(?:e|es|ed|ing|ement)|(?:is|was) out as|push(?:es|ed|ing)? out|"
                # "Ted Colbert, is out, effective immediately"
                r"(?:is|was) out(?=,? effective\b)|"
                r"forc(?:es|ed|ing) out|"
                # "will not stand for re-election as a director"; "has been terminated,
                # effective immediately"
                + r"(?:" + WILL_NOT + r"|(?:did|does) not|didn['’]t|doesn['’]t) (?:stand|seek|run) "
                r"for re-?election|"
                r"(?:has been|was|had been) (?:terminated|dismissed)(?=,? (?:effective|as|from|"
                r"for cause|without cause)\b)|"
                # "has walked out after a board row" (not "out of the meeting"), "has axed its
                # chairman"
                r"walk(?:s|ed|ing)? out(?! of\b)|"
                # (its chief, not "its lead sleep program")
                r"axe[sd](?= (?:its|their) (?:[\w-]+ )?(?:ceo|cfo|coo|cto|chair(?:man|woman|"
                r"person)?|chief executive|president|boss|founder|managing director)\b)|"
                # "is heading for the exit after 18 years"
                r"head(?:s|ed|ing)? for the exits?\b|"
                # "has bowed out after 18 years" (not a bidder bowing out of a race)
                r"bow(?:s|ed|ing)? out(?! of (?:the |a )?(?:[\w-]+ )?(?:race|bidding|auction|"
                r"contest|talks|running|deal|fight|battle|competition|tender)\b)|"
                r"let go|no longer|los(?:es|t|ing) (?:its |their |a |the )?(?:[\w-]+ ){0,2}"
                + FOLDED_EXEC_TITLES + r")\b",
                "losing_company", {"": "losing_company", "of": "losing_company",
                                   "from": "losing_company", "at": "losing_company"},
                0.8, (NEEDS_EXEC,), right_window=50, adjacent=10, left_window=120,
                left_if_no_right=True),
)

LAYOFFS: tuple[TriggerSpec, ...] = (
    # "14,500 job cuts announced by Hewlett-Packard": the company is the agent.
    TriggerSpec("layoffs_announced_by", _L,
                r"\b(?:job cuts|layoffs|lay-offs|redundancies|job losses)(?: (?:were|was|have been|"
                r"had been|are|is))? (?:announced|unveiled|planned|confirmed|ordered) by\b|"
                # "Layoffs have hit Ferngate Games"
                r"\b(?:job cuts|layoffs|lay-offs|redundancies) (?:have |has |will |again )?hit\b",
                None, {"": ""}, 0.8, right_window=40, adjacent=40),
    TriggerSpec("layoffs", _L,
                r"\b(?:lay(?:s|ing)? off|laid off|layoffs?|lay-offs?|job cuts?|job losses|"
                # "700 workers handed pink slips", "is thinning its ranks again"
                r"job reductions?|pink[- ](?:slips|slipped)|"
                r"thin(?:s|ned|ning)? (?:its|their) ranks|"
                # "is parting ways with about 1,500 employees"
                r"part(?:s|ed|ing)? ways with " + ABOUT
                + r"\d[\d,]* (?:employees|workers|staff|people|staffers)|"
                r"(?:cut(?:s|ting)?|slash(?:es|ed|ing)?|eliminat(?:e|es|ed|ing)|shed(?:s|ding)?|"
                r"ax(?:e|es|ed|ing)?|trim(?:s|med|ming)?|reduc(?:e|es|ed|ing)|cull(?:s|ed|ing)?|"
                # "will retrench about 1,200 workers"
                r"retrench(?:es|ed|ing)?)"
                r" (?:[^;]{0,40}? )?(?:jobs|positions|roles|workforce|headcount|staff(?:ers)?|"
                # "is to axe 600 posts at its Belfast site" (a count of posts, not a feed's)
                r"employees|workers|(?<=\d )posts(?! (?:on|from)\b))|redundanc(?:y|ies)|"
                r"workforce reduction|downsiz\w+|"
                # "has culled most of its 500-strong Supercharger team", "gutted its trust and
                # safety team"
                r"(?:cut(?:s|ting)?|slash(?:es|ed|ing)?|cull(?:s|ed|ing)?|ax(?:e|es|ed|ing)|"
                r"eliminat(?:e|es|ed|ing)|lay(?:s|ing)? off|laid off) (?:most|half|all|much|"
                r"(?:a|one) (?:third|quarter)|two-thirds|the bulk|\d+%|\d+ per ?cent) of (?:its|"
                r"their|the) (?:[\w-]+ ){0,3}?(?:team|teams|unit|division|department|"
                r"staff)\b(?!['’])|"
                r"gut(?:s|ted|ting) (?:its|their|the) (?:[\w-]+ ){0,3}?(?:team|teams|unit|division|"
                r"department|staff)\b(?!['’])|"
                # "will reduce about 2,000 workplaces": the translated wires' jobs, counted
                r"(?:cut(?:s|ting)?|reduc(?:e|es|ed|ing)|eliminat(?:e|es|ed|ing)|shed(?:s|ding)?) "
                + ABOUT + r"\d[\d,]* workplaces|"
                r"furlough\w*|(?:let(?:s|ting)? go(?: of)?|dismiss(?:es|ed|ing)?|"
                # not "under fire from employees", "opened fire on workers"
                r"(?<!under )(?<!open )(?<!opens )(?<!opened )(?<!draw )(?<!drew )"
                r"fir(?:e|es|ed|ing)|sack(?:s|ed|ing)?) (?:[^;]{0,40}? )?(?:jobs|positions|roles|"
                r"staff|employees|workers|people|engineers|team|teams|staffers|reps|"
                r"salespeople|managers)|"
                r"(?:let(?:s|ting)? go(?: of)?|dismiss(?:es|ed|ing)?|fir(?:es|ed|ing)|"
                r"sack(?:s|ed|ing)?) " + ABOUT + r"\d[\d,]*|"
                # "make redundant about 120 employees", "make 120 staff redundant"
                r"mak(?:e|es|ing) (?:redundant " + ABOUT + r"\d[\d,]*|" + ABOUT
                + r"\d[\d,]* (?:(?:employees|workers|staff|people|jobs|positions|roles) )?"
                r"redundant)|"
                # "leaving an estimated 8,000 employees jobless", "put 300 people out of work"
                r"(?:leav(?:e|es|ing)|left|put(?:s|ting)?) " + ABOUT
                + r"\d[\d,]* (?:employees|workers|people|staff) "
                r"(?:jobless|out of work|unemployed)|"
                # "their roles were being eliminated": the jobs as the subject of a passive.
                r"(?:jobs|positions|roles|posts) (?:[\w-]+ ){0,2}?(?:will be|would be|were|are|"
                r"was|is|have been|had been)(?: being)? (?:eliminated|cut|axed|made redundant)|"
                # "trims 3,000": a bare head count in thousands is people, not money or a year.
                r"(?:cut(?:s|ting)?|slash(?:es|ed|ing)?|shed(?:s|ding)?|ax(?:e|es|ed|ing)|"
                r"trim(?:s|med|ming)?|cull(?:s|ed|ing)?) "
                + ABOUT
                + r"\d{1,3}(?:,\d{3})+(?=\s*(?:$|[,.;:—]|and\b|in\b|at\b|as\b|after\b|amid\b|"
                r"across\b|worldwide\b|globally\b)))\b",
                "", {"at": "", "of": "", "to": ""}, 0.85),
    # "Thousands of jobs to go at Corus", "2,000 jobs will be lost", "jobs at risk".
    TriggerSpec("layoffs_jobs_go", _L,
                r"\b(?:jobs|positions|roles|posts)\b(?= (?:are |will |would |set |expected |due )?"
                r"(?:to (?:go|be lost|be axed|be cut)|be lost|be axed|go|at risk|lost|axed)\b)|"
                r"\b(?:los(?:e|es|ing)|lost) (?:their|his|her) jobs\b|"
                # "the elimination of approximately 620 roles", "the loss of 300 jobs"
                r"\b(?:loss|elimination|cutting|shedding|reduction) of " + ABOUT
                + r"[\d,]+ (?:jobs|positions|roles|posts)\b",
                "", {"at": "", "of": "", "": ""}, 0.75, right_window=60, adjacent=30),
    # Closing stores, plants or the whole business: "will close 300 stores", "ceased all
    # operations", "is shutting down its Utah factory".
    TriggerSpec("layoffs_closure", _L,
                r"\b(?:clos(?:e|es|ed|ing)|shut(?:s|ting)? down|shut|closure of|"
                r"shutter(?:s|ed|ing)?|cut(?:s|ting)?)\b(?= "
                # ("close two of its own overlapping branches")
                r"(?:(?:[\w$.,-]+ ){0,3}?|[\w,]+ of (?:its|their) (?:own )?(?:[\w-]+ ){0,2}?)"
                r"(?:stores|shops|plants|factories|branches|offices|"
                r"locations|sites|outlets|restaurants|mills|mines|factory|plant|mill|fabs?|"
                r"warehouses?|"
                # "will close its distribution center in Cedar Falls, affecting 410 workers"
                r"(?:distribution|fulfil?lment|call|contact|sorting) cent(?:er|re)s?|"
                # "will close its Memphis distribution hub", "closes two parcel depots"
                r"(?:distribution|logistics|delivery|sorting|parcel|regional) (?:hubs?|depots?)|"
                r"operations|(?:all|its) (?:\w+ )?(?:stores|branches|operations))\b)|"
                r"\bceas(?:e|es|ed|ing) (?:all )?(?:operations|trading)\b|"
                r"\b(?:goes|went|gone|going|placed|put) (?:into )?(?:administration|"
                r"receivership|liquidation)\b",
                # "the closure of two snack factories ... by Tidewell Foods UK"
                "", {"at": "", "of": "", "": "", "by": ""}, 0.65, adjacent=15),
    TriggerSpec("layoffs_reduction", _L,
                r"\b(?:(?:work)?force|headcount|staff(?:ing)?|payroll) reductions?\b|"
                # "approved a reduction in force affecting approximately 120 employees"
                r"\breductions? in (?:force|workforce|headcount)\b|(?:(?<=a )|(?<=the ))rifs?\b|"
                r"\b(?:to be|will be|are being|were|be) (?:let go|made redundant|laid off)\b|"
                r"\b(?:stores|shops|locations|branches|plants|factories|offices|outlets|"
                r"restaurants|sites|mine|plant|factory|mill|smelter|refinery) (?:[\w-]+ ){0,4}?"
                r"(?:are|will be|to be|set to be|is|were)? ?"
                r"(?:closing|shutting|to close|be closed|closed down|shut down)\b",
                "", {"at": "", "of": "", "": ""}, 0.7, adjacent=40, right_window=80,
                traits=frozenset({"holds_company", "company_inside"})),
    # "The closure will affect eight employees": a closure or cut counted in people.
    TriggerSpec("layoffs_affect", _L,
                r"\b(?:closures?|shutdown|restructuring|cuts|reorgani[sz]ation)"
                # "The closure of two snack factories ... by Tidewell Foods UK will affect"
                r"(?:\s+of\s+[^.;]{1,90}?)?\s+(?:will|would|"
                r"is set to|is expected to)\s+(?:affect|impact|hit)\b(?= (?:about |some |around |"
                r"up to |nearly |roughly |more than |at least )?(?:[\d,]+|two|three|four|five|six|"
                r"seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds of|"
                r"thousands of|dozens of)\s+(?:\w+ )?(?:employees|workers|jobs|staff|people|"
                r"positions|roles)\b)", "", {"at": "", "of": "", "": ""}, 0.7, adjacent=40,
                traits=frozenset({"holds_company", "company_inside"})),
    TriggerSpec("layoffs_buyouts", _L,
                r"\boffer(?:s|ed|ing)? (?:voluntary )?(?:buyouts|redundancy|early retirement)\b",
                "", {}, 0.75),
)
