"""Triggers for deals: acquisitions, investments and partnerships."""

from __future__ import annotations

from ....schemas.event import EventType
from ..lexicon import IN_SENTENCE
from .spec import (
    BE,
    NEEDS_COMPANY_RIGHT,
    NEEDS_LEFT,
    NEEDS_MONEY,
    NEEDS_TARGET,
    NEEDS_TWO,
    NEEDS_WATCHED_RIGHT,
    TriggerSpec,
)

_A: EventType = "acquisition"
_PERCENT = r" ?(?:%|per ?cent|percent)"
_MINORITY = r"(?:[1-4]?\d(?:\.\d+)?|50)" + _PERCENT
# A majority share: "60%", "75 percent" (control, a takeover)
MAJORITY = r"(?:5[1-9]|[6-9]\d|100)(?:\.\d+)?" + _PERCENT
# "sold for €300,000 to", "for an estimated £450m to", "for an undisclosed sum to".
# An amount of money in millions or billions: "$9.5 billion", "US$ 10bn", "€300m".
# (wires write "$40 bln", "$2 mln", "$1.2 tn")
AMOUNT = r"(?:US\$|\$|€|£)\s?[\d.,]+\s?(?:bln|mln|tn|[mb]n?|million|billion|trillion)"
PRICE = (r"for (?:about |around |roughly |nearly |some |an estimated |a reported |a |an |"
         r"less than |more than |over |under |just over |just under )?"
          r"(?:undisclosed (?:sum|amount|price|fee)|(?:[a-z]{0,3}\$|€|£)\s?[\d.,]+\s?"
          r"(?:[mb]n?|million|billion)?) ")
_I: EventType = "investment"
# A named kind of deal between two companies: "supply agreement", "licensing and supply deal".
_DEAL_KIND = (r"(?:supply|licensing|commercial|distribution|cloud|computing|capacity)(?: and "
              r"(?:supply|licensing|commercial|distribution|marketing))? (?:agreement|deal|pact)")
_R: EventType = "partnership"


# A target's board weighing a bid, the words that qualify the bid, and the bid itself (a bare
# "offer" may be of anything: "Kestrel's offer of a card programme", "an offer from X to run
# its card programme"; only a word of a bid makes it one).
_WEIGHS_A_BID = (r"reject(?:s|ed|ing)?|rebuff(?:s|ed|ing)?|spurn(?:s|ed|ing)?|turn(?:s|ed|ing)? "
                 r"down|weigh(?:s|ed|ing)?|consider(?:s|ed|ing)?|stud(?:y|ies|ied|ying)|"
                 r"review(?:s|ed|ing)?")
_BID_QUALIFIER = (r"(?:[\w$€£.,-]+-a-share|[\w$€£.,]+ (?:billion|million|bn|m)|raised|sweetened|"
                  r"improved|revised|unsolicited|fresh|new|second|third|higher|hostile|cash|"
                  r"all-cash|indicative|non-binding|preliminary|possible|takeover|buyout|merger)")
_BID = (r"(?:(?:takeover |buyout |merger )?(?:approach|bid|proposal)|(?:raised|sweetened|"
        r"improved|revised|unsolicited|hostile|higher|cash|all-cash|indicative|non-binding|"
        r"takeover|buyout) offer)")


ACQUISITION: tuple[TriggerSpec, ...] = (
    # "Bebo was sold for less than $10 million by AOL to Criterion": 'by' names the
    # seller, the buyer follows 'to'.
    TriggerSpec("acq_sold_by_to", _A,
                r"(?:\b" + BE + r" )?\bsold (?:" + PRICE + r")?by\b(?= [^.;]{1,60}? to\b)",
                "target", {"to": "acquirer"}, 0.85, passive=True, right_window=80, adjacent=0),
    TriggerSpec("acq_passive", _A,
                # "was sold by Amazon.com": 'by' names the seller, only 'sold to' a buyer
                r"(?:\b" + BE + r" )?\b(?:(?:acquired|bought|purchased|taken over|snapped up|"
                r"absorbed) (?:" + PRICE + r")?(?:by|to)|sold (?:" + PRICE + r")?to)\b",
                "target", {"": "acquirer"}, 0.85,
                passive=True, traits=frozenset({"sold_to"})),
    TriggerSpec("acq_by", _A,
                r"\b(?:acquisition|takeover|purchase|buyout|sale) (?:of it )?(?:by|to)\b",
                "target", {"": "acquirer"}, 0.8, right_window=50),
    TriggerSpec("acq_sell", _A,
                r"\b(?:sell(?:s|ing)?|sold) (?:itself|the company|the business) (?:" + PRICE
                + r")?to\b", "target", {"": "acquirer"}, 0.8),
    # "selling it to Cerberus for $7.4 billion", "sold the chain to Topaz": the buyer
    # follows "to".
    TriggerSpec("acq_sell_to", _A,
                r"\b(?:sell(?:s|ing)?|sold) (?:it|the (?:company|firm|group|chain|business|unit|"
                r"division|subsidiary|airline|carrier|bank|channel|network|newspaper|magazine|"
                r"site|website)) (?:" + PRICE + r")?to\b", None, {"": "acquirer"}, 0.8,
                (NEEDS_COMPANY_RIGHT,), right_window=60, adjacent=50,
                traits=frozenset({"sold_to"})),
    # A unit sold to a named buyer: "sold its supermarket to Rewe" (the seller's unit is the
    # target, the seller named for it).
    TriggerSpec("acq_sell_unit_to", _A,
                r"\b(?:sell(?:s|ing)?|sold|offload(?:s|ed|ing)?)\b(?= (?:its|their) (?:[\w.&'’-]+ )"
                r"{0,4}?(?:business|unit|division|subsidiary|arm|stations?|operations|brand|chain|"
                r"supermarkets?|hotels?|newspapers?|magazines?|channels?|airline|bank|brewery|"
                r"studio)s? (?:[^.;,]{0,30} )?to\b"
                # a headline drops the possessive: "Kestrel to sell Brazilian arm to Banco
                # Andino" (one of the unit words then right before "to" or a price)
                r"| (?:(?!(?:of|that|this|these|those|the|a|an|most|part|some) )[\w.&'’-]+ ){0,3}?"
                r"(?:business|unit|division|subsidiary|arm|operations) "
                r"(?:for [^.;,]{1,25} )?to\b)", "target",
                # the unit named, when watched, is bought too: "sell its U.S. bond insurance
                # arm Financial Security Assurance to Assured Guaranty"
                {"": "target", "to": "acquirer"}, 0.75, right_window=90, adjacent=45,
                right_all=True),
    # A filing's "resolved to transfer its semiconductor test equipment business to
    # Cobaltline Semiconductors, Inc. through a company split": the buyer right after "to"
    # (not "transfer its operations to Mexico", "its employees to").
    TriggerSpec("acq_transfer_unit_to", _A,
                r"\btransfer(?:s|red|ring)?\b(?= (?:its|their) (?:[\w.&'’-]+ ){0,5}?(?:business|"
                r"unit|division|subsidiary) to\b)", "target", {"to": "acquirer"}, 0.75,
                right_window=80, adjacent=5),
    # "to sell Channel 5 to Viacom": the company named right after the verb is sold, the
    # one after "to" buys (goods and stakes sold are turned away by the deal checks).
    TriggerSpec("acq_sell_named", _A,
                r"\b(?:sell(?:s|ing)?|sold)\b(?= (?!its |their |the |a |an |his |her )"
                r"[^.;,]{1,50}? (?:" + PRICE + r")?to\b)", None,
                {"": "target", "to": "acquirer"}, 0.8, (NEEDS_TARGET,), right_window=80,
                adjacent=2, right_all=True, traits=frozenset({"sells_named"})),
    TriggerSpec("acq_noun", _A,
                r"\b(?:acquisition|purchase|takeover|buyout|buy-out|merger)s? (?:(?:agreement|deal|"
                r"plan|proposal|pact|talks|discussions|negotiations) )?(?:of|with)\b",
                "acquirer", {"": "target", "of": "target", "with": "target", "by": "acquirer"},
                0.8, (NEEDS_TARGET,), right_window=60),
    TriggerSpec("acq_bid", _A,
                r"\b(?:(?:bid|offer|approach|proposal) (?:for|to (?:buy|acquire|take over))|"
                r"deal to (?:buy|acquire|take over)|"
                # "Ford offers US$78 million for Romanian auto plant"
                r"(?:bid|offer)(?:s|ed)? (?:about |nearly |some |around )?(?:US\$|\$|€|£)\s?"
                r"[\d.,]+\s?(?:[mb]n?|million|billion)? (?:for|to buy|to acquire))\b",
                "acquirer", {"": "target"}, 0.7, (NEEDS_TARGET,), right_window=60),
    # "has bought 80% in Illum": a majority share is control of the company.
    TriggerSpec("acq_majority", _A,
                r"\b(?:take|takes|took|taking|buy|buys|bought|buying|acquire[sd]?|acquiring|"
                r"purchase[sd]?) (?:a |an )?(?:" + MAJORITY
                + r" (?:stake |share |holding )?|(?:controlling|majority) (?:interest|stake|share|"
                r"holding|shareholding) )(?:of|in)\b|"
                # "will pay €57 million (US$78 million) for a 72.4 percent stake in"
                r"\b(?:pay|pays|paid|paying) (?:about |nearly |some |around |roughly )?"
                r"(?:[a-z]{0,3}\$|€|£)\s?[\d.,]+\s?(?:[mb]n?|million|billion)?"
                r"(?: \([^()]{1,30}\))? for (?:a |an )?(?:" + MAJORITY
                + r" (?:stake |share |holding )?|(?:controlling|majority) (?:interest|stake|share|"
                r"holding|shareholding) )(?:of|in)\b|"
                # "earlier this week it bought control of North American Sports Network"
                r"\b(?:take|takes|took|taking|buy|buys|bought|buying|acquire[sd]?|acquiring|"
                r"gain(?:s|ed|ing)?|seiz(?:e|es|ed|ing)|won|win(?:s|ning)?) (?:full )?control of\b|"
                # "will become the owner of Harman International"
                r"\b(?:become|becomes|became|becoming) the (?:new |sole |full )?owner of\b",
                "acquirer", {"": "target"}, 0.8, (NEEDS_TARGET,), right_window=50, adjacent=40),
    # "in talks to acquire the rest of Ferngate Games": the stake it lacked, of a company
    # named right there (not "the rest of the company", nor "the rest of Nvidia's output").
    TriggerSpec("acq_rest", _A,
                r"\b(?:take|takes|took|taking|buy|buys|bought|buying|acquire[sd]?|acquiring|"
                r"purchase[sd]?) (?:the )?(?:rest|remainder|remaining (?:[\d.]+% )?(?:stake|"
                r"shares|equity)|(?:all )?(?:the )?(?:outstanding|remaining) shares|"
                # "the 85% of Vantage Grid Energy it does not already own"
                r"[\d.]+%(?= (?:of|in) [^.;]{1,60}? (?:it|they|that it) (?:does|do|did)"
                r"(?: not|n['’]t) (?:already )?own)) (?:of|in)\b",
                "acquirer", {"": "target"}, 0.8, (NEEDS_COMPANY_RIGHT,), right_window=40,
                adjacent=40),
    TriggerSpec("acq_verb", _A,
                r"\b(?:ac?quir(?:e|es|ed|ing)|buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|"
                r"take(?:s)? over|took over|taking over|snap(?:s|ped|ping)? up|"
                r"scoop(?:s|ed|ing)? up|absorb(?:s|ed|ing)?|pick(?:s|ed|ing)? up|"
                # "has gobbled up rival Harcourt Legal", "swallowed up snack brand Crunchie"
                r"gobbl(?:e|es|ed|ing) up|swallow(?:s|ed|ing)? up|"
                # "Pfizer bags obesity biotech Corvane in $3.1B buyout" (not "bags top spot")
                # ... and "nabs Shipt rival Drivewise in $400M deal"
                r"(?:bag(?:s|ged|ging)?|nab(?:s|bed|bing)?|snag(?:s|ged|ging)?)"
                r"(?= " + IN_SENTENCE + r"{1,60}?(?:buyout|buy-out|takeover|"
                r"acquisition|deal|for (?:about |around |roughly |nearly |some )?(?:us)?[$€£])))\b"
                r"(?! back| up shares| into| as\b|-)",  # "buy-now-pay-later" is no purchase
                "acquirer", {"": "target"}, 0.85, (NEEDS_TARGET,), right_window=60,
                adjacent=40, left_all=True, traits=frozenset({"buys"})),
    # "Lindex has been offered 7.9 billion kronor in a takeover bid by Stockmann"
    TriggerSpec("acq_bid_by", _A,
                r"\b(?:takeover|acquisition|buyout|buy-out)(?: (?:bid|offer|proposal|approach))? "
                r"by\b", "target", {"": "acquirer"}, 0.75, (NEEDS_COMPANY_RIGHT,),
                right_window=40, adjacent=20),
    # The target's board turning down or weighing a bidder's approach: "rejected a raised
    # approach from Brightwater Logistics", "rebuffed an unsolicited bid from", "is studying
    # a sweetened offer from" (a bare "offer from" only with a word of a bid before it).
    TriggerSpec("acq_approach_from", _A,
                r"\b(?:" + _WEIGHS_A_BID + r"|receiv(?:e|es|ed|ing)) "
                r"(?:a |an |the |its |their )?(?:" + _BID_QUALIFIER + r" ){0,3}?" + _BID
                + r" from\b",
                "target", {"": "acquirer"}, 0.75, right_window=40),
    # The bidder named in the possessive: "is ready to study Mittal Steel's improved takeover
    # offer", "rejected Brightwater's raised approach".
    TriggerSpec("acq_approach_of", _A,
                r"\b(?:" + _WEIGHS_A_BID + r"|accept(?:s|ed|ing)?)\b"
                # (patterns are matched lower-cased: the name is any one to four words, a
                # watched company right there being required by adjacent=5)
                r"(?= [\w&.-]+(?: [\w&.-]+){0,3}(?: ?['’]s|(?<=s)['’]) "
                r"(?:" + _BID_QUALIFIER + r" ){0,3}?" + _BID + r"\b)",
                "target", {"": "acquirer"}, 0.75, right_window=40, adjacent=5),
    TriggerSpec("acq_merge", _A, r"\bmerg(?:e|es|ed|ing) with\b", "", {"": ""}, 0.75,
                (NEEDS_TARGET,), right_window=50),
    # "Lucent and Alcatel announced a merger", "the two banks agreed to merge".
    TriggerSpec("acq_merge_pair", _A,
                r"\b(?:(?:announc|agree|approv|complet|unveil|confirm|finali[sz])(?:e|es|ed|ing)?"
                r" (?:a |an |the |their |its )?(?:[\w$.,-]+ ){0,3}?merger\b(?! with)|"
                r"(?:to|will|agreed to|plan to|plans to|will be) (?:merg(?:e|ing)|"
                # (not things combined: "It will combine driver assistance, the cockpit and
                # body functions on one board")
                r"combin(?:e|ing)(?=\s*(?:[,.;:]|$|in\b|into\b|under\b|to (?:create|form)\b|"
                r"the two\b|their (?:businesses|operations|companies)\b)))\b(?! with)(?: the two "
                r"(?:companies|firms|groups|businesses|banks))?)",
                "acquirer", {}, 0.8, left_all=True, left_window=120),
    # "agreed to sell its Yellow Pages business", "the sale of BBC Resources".
    TriggerSpec("acq_sell_unit", _A,
                r"\b(?:sell(?:s|ing)?|sold|divest(?:s|ed|ing)?|spin(?:s|ning)? off|spun off|"
                r"offload(?:s|ed|ing)?)\b(?= (?:off )?(?:its|their|the) (?:[\w.&'’-]+ ){0,4}?"
                r"(?:business|unit|division|subsidiary|arm|stations?|operations|brand|chain|"
                r"stake|supermarkets?|hotels?|newspapers?|magazines?|channels?|airline|bank|"
                r"brewery|studio)\b)|\bsale of\b(?! (?:its|their) (?:products|goods|shares))",
                None, {"": "target", "of": "target", "to": "acquirer"}, 0.75, right_window=80,
                right_all=True),
    # "Oracle has won its 18-month battle for PeopleSoft": a contested bid won.
    TriggerSpec("acq_won_battle", _A,
                r"\bw(?:on|ins|inning) (?:its |the |a )?(?:[\w-]+ ){0,2}?(?:takeover |bidding )?"
                r"(?:battle|fight|contest|tussle|war) (?:for|over)\b",
                "acquirer", {"": "target"}, 0.75, (NEEDS_COMPANY_RIGHT,), right_window=40,
                adjacent=5),
    # "the Somerfield bid", "the Chrysler sale": the company named before the deal noun.
    TriggerSpec("acq_named_bid", _A,
                r"(?<=\w )(?:takeover |buyout )?(?:bid|takeover|buyout)\b"
                r"(?! (?:of|for|by|to|from|with|chatter|talk|talks|speculation|rumou?rs?|"
                r"interest|fever|target|battle|war|defen[cs]e)\b)",
                "target", {}, 0.7, left_window=2, traits=frozenset({"company_right_before"})),
    # "Baugur withdraws from Somerfield bid", "Shell walks away from Vantage Grid bid": the
    # subject is the bidder, the name between the verb and the deal noun the target ("raises
    # its bid" is acq_raise_bid's, which needs no target).
    TriggerSpec("acq_verb_named_bid", _A,
                r"\b(?:withdr(?:aw|aws|ew|awn|awing)|pull(?:s|ed|ing)? out|walk(?:s|ed|ing)? "
                r"away|back(?:s|ed|ing)? away|bow(?:s|ed|ing)? out|abandon(?:s|ed|ing)?|"
                r"drop(?:s|ped|ping)?|scrap(?:s|ped|ping)?|launch(?:es|ed|ing)?|"
                r"renew(?:s|ed|ing)?|revive[sd]?|reviving|lodg(?:e|es|ed|ing)|table[sd]?|"
                r"tabling)"
                r"(?= (?:from |of )?(?:the |its |a |an |their )?(?:[\w.&'’-]+ ){1,4}?"
                r"(?:takeover )?(?:bid|offer)\b(?! (?:price|deadline|period|window)\b))",
                "acquirer", {"": "target", "from": "target", "of": "target"}, 0.7,
                (NEEDS_WATCHED_RIGHT,), right_window=40, adjacent=40),
    # "Iceland nationalises Kaupthing Bank", "the nationalisation of Northern Rock".
    TriggerSpec("acq_nationalise", _A,
                r"\bnationali[sz](?:e|es|ed|ing|ation of)\b(?! (?:the )?(?:industry|sector|"
                r"oil|gas|railways|banks|banking)\b)",
                None, {"": "target", "of": "target"}, 0.75, (NEEDS_TARGET,), right_window=30,
                adjacent=5),
    # "raised its hostile bid", "sweetened its offer for Arcelor".
    TriggerSpec("acq_raise_bid", _A,
                r"\b(?:rais|improv|sweeten|increas|lift|boost)(?:e|es|ed|ing) (?:its|their|the) "
                r"(?:[\w-]+ ){0,3}(?:bid|offer)\b",
                "acquirer", {"for": "target", "": "target"}, 0.75, right_window=60),
    # "agreed to sell Loomwise to Carrow Partners for about $900 million", "agreed to sell
    # Insitu, its maker of small military drones, to defense contractor Stanhope Systems": a
    # business of the seller the text names (an aside saying what it is, or a price), sold
    # to a named buyer. The seller stands for the unit sold, as with "sold its unit to".
    TriggerSpec("acq_sell_named_unit", _A,
                r"\b(?:sell(?:s|ing)?|sold)\b(?= [\w&'’.-]+(?: [\w&'’.-]+){0,2}, (?:its|their|a|an|"
                r"the) [^.;,]{0,70}?\b(?:maker|developer|company|firm|business|unit|subsidiary|"
                r"operator|provider|studio|label|brand|chain|start-?up|platform|division|arm|"
                r"producer|manufacturer|supplier|network)\b[^.;,]{0,40}, to\b)",
                "target", {"to": "acquirer"}, 0.75, right_window=80, adjacent=60,
                traits=frozenset({"sells_unit_named"})),
    # "Adobe closes $1.1bn Framecraft purchase", "Salesforce completes Slack acquisition": the
    # deal a headline names by its target, the noun after the name (triggers match the
    # lower-cased sentence, so the name is one to three words; NEEDS_TARGET asks for a
    # company among them).
    TriggerSpec("acq_done_named_deal", _A,
                r"\b(?:complet(?:e|es|ed|ing)|clos(?:e|es|ed|ing)|finali[sz](?:e|es|ed|ing)|"
                r"seal(?:s|ed|ing)?|wrap(?:s|ped|ping)? up|clinch(?:es|ed|ing)?)"
                r"(?= (?:its |the |a |an )?(?:(?:\$|€|£|US\$)[\d.,]+\s?(?:bn|billion|m|mn|million)?"
                r"(?:-plus)? )?(?!(?:Q[1-4]|H[12]|FY\d*|Monday|Tuesday|Wednesday|Thursday|Friday|"
                r"Saturday|Sunday)\b)(?:[a-z][\w&.'’-]*(?: [a-z][\w&.'’-]*){0,2}) "
                r"(?:acquisition|purchase|takeover|buyout|buy-out)\b(?! (?:of|orders?|price|"
                r"window|programme|program|plan|obligations?|commitments?)\b))",
                "acquirer", {"": "target"}, 0.75, (NEEDS_TARGET,), right_window=40, adjacent=5),
)

INVESTMENT: tuple[TriggerSpec, ...] = (
    TriggerSpec("inv_led_by", _I,
                r"\b(?:round|financing|investment|raise|funding|placement|offering)(?: was)? "
                r"(?:led|co-led) by\b",
                "recipient", {"": "investor", "and": "investor"}, 0.8, right_all=True),
    TriggerSpec("inv_from", _I, r"\b(?:investment|funding|financing|backing|capital) from\b",
                "recipient", {"": "investor", "and": "investor"}, 0.75, right_all=True),
    # "a round led by Sequoia, with participation from Nvidia and Microsoft": the round's
    # other investors (only after a round is named; a panel has participants too).
    TriggerSpec("inv_participation", _I,
                r"\bwith (?:additional |further )?participation (?:from|by)\b",
                None, {"": "investor", "and": "investor"}, 0.75, right_all=True),
    TriggerSpec("inv_participate_in", _I,
                r"\b(?:participat(?:e|es|ed|ing) in|join(?:s|ed|ing)?|"
                # "were among those taking part in the financing"
                r"t(?:ake|akes|ook|aking|aken) part in)"
                # (not "took part in the panel on financing")
                r"(?= (?:the |a |an )?(?:(?!(?:panel|discussion|debate|conference|session|"
                r"talks|event|summit|forum|webinar)s?\b)[\w'’.&-]+ ){0,5}?"
                r"(?:funding |financing |investment )?"
                r"(?:mega-?|super-?)?(?:round|financing|raise)\b(?! of (?!funding|financing|"
                r"investment)))", "investor", {"": "recipient"},
                0.75, right_window=30, adjacent=5, left_all=True, left_window=120, left_any=True),
    TriggerSpec("inv_participate", _I,
                r"\b(?:participat(?:e|es|ed|ing) in the (?:round|financing|raise)|"
                r"participat(?:es|ed|ing)|"
                # "Existing backer Intel also took part." (the round told just before), "took
                # part in the round" (not "took part in the panel on financing")
                r"(?:took|takes|taking|take) part(?= *[.;]| in (?:the|a|an|its|this) "
                r"(?:(?!(?:on|of|about|at|for|with) )[\w$.,-]+ ){0,4}?(?:round|financing|raise|"
                r"funding|placement|offering)\b)|"
                r"join(?:s|ed|ing)? (?:as (?:an? )?(?:\w+ )?investors?|"
                r"the (?:round|financing)))\b", "investor", {}, 0.75, left_all=True,
                left_window=60, left_any=True),
    # "Lumora Health raises $85M Series C, with Nvidia's venture arm joining": the backer
    # named inside the trigger, after the round it joins (an existing sense guard turns down
    # "opens a lab, with Nvidia's team joining": no round is joined).
    TriggerSpec("inv_with_joining", _I,
                # (or right after the round: "raises $65M Series C with Intel Capital
                # participating")
                r"(?:(?<=, )|(?<=round )|(?<=series [a-h] )|(?<=seed ))"
                r"with (?:[\w.&'’-]+ ){1,5}?(?:joining|participating|taking part|"
                r"chipping in)"
                r"(?= *(?:[.;,]|$))", "investor", {}, 0.7,
                traits=frozenset({"holds_company", "company_inside"})),
    TriggerSpec("inv_stake", _I,
                r"\b(?:(?:take|takes|took|taking|buy|buys|bought|buying|acquire[sd]?|acquiring|"
                r"pick(?:s|ed|ing)? up|"
                r"purchase[sd]?|build(?:s|ing)?|built|accumulat(?:e|es|ed|ing)|amass(?:es|ed|ing)?"
                r"|disclos(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|"
                r"lift(?:s|ed|ing)?|boost(?:s|ed|ing)?|doubl(?:e|es|ed|ing))"
                r"(?! (?:a |an )?(?:controlling|majority) )"
                r" (?:a |an )?(?:[\w.%$-]+ ){0,4}"
                r"(?:stake|shareholding|holding|(?<=% )(?:ownership|share)) in|"
                # "took a participation of 15 percent in": the translated wires' stake
                r"(?:take|takes|took|taking|acquire[sd]?|acquiring) (?:a |an )?(?:[\w.%$-]+ )?"
                r"(?:participation|stake|shareholding) (?:of [\d.,]+ ?(?:%|percent|per cent) )?in|"
                # "to buy 40% of diamond giant De Beers": a minority share (a majority is a
                # takeover, acq_majority).
                r"(?:take|takes|took|taking|buy|buys|bought|buying|acquire[sd]?|acquiring|"
                r"purchase[sd]?) (?:a further |another |an additional )?" + _MINORITY
                + r" (?:stake )?(?:of|in))\b",
                "investor", {"": "recipient"}, 0.85, (NEEDS_COMPANY_RIGHT,), right_window=50),
    # "Northwind Robotics sells 9.9% stake to Amazon": a company selling a share of itself
    # (not "sells its stake in Arm to ...": a holding in another company changing hands).
    TriggerSpec("inv_sells_stake", _I,
                r"\b(?:sell|sells|sold|selling|issu(?:e|es|ed|ing))\s+(?:a |an )?"
                r"(?:(?:new|minority|small|\d+(?:\.\d+)?\s?(?:%|percent|per cent))\s+)+"
                r"stake\s+to\b",
                "recipient", {"": "investor"}, 0.8, (NEEDS_COMPANY_RIGHT,), right_window=30),
    # "SoftBank agrees to buy $2bn of Intel shares": money put into a named company's stock.
    TriggerSpec("inv_buy_shares", _I,
                r"\b(?:buy|buys|bought|buying|purchas(?:e|es|ed|ing))\s+(?:about |some |up to )?"
                # (an amount in millions: not "bought $20 of Disney stock")
                + AMOUNT + r"\s+(?:worth\s+)?of\b"
                r"(?= (?:newly issued |new )?[^.;,]{1,40}? (?:shares|stock|equity)\b)",
                "investor", {"": "recipient"}, 0.8, (NEEDS_COMPANY_RIGHT,), right_window=40,
                adjacent=25),
    TriggerSpec("inv_lead", _I,
                r"\bled (?:a |an |the )?(?:[^;]{0,40}? )?(?:round|investment|financing|"
                # "has led an $80 million Series B in Lumenfold"
                r"(?:series [a-h]\d?|seed)(?: extension)?(?: (?:round|financing|funding))?)"
                r"(?: in| into| for)?\b", "investor", {"": "recipient"}, 0.8,
                (NEEDS_COMPANY_RIGHT,), right_window=50, left_all=True),
    TriggerSpec("inv_invest", _I,
                # not "under-investing in supply": too little spent, no money going in
                r"\b(?<!under-)(?<!over-)(?:invest(?:s|ed|ing|ment|ments)?|pour(?:s|ed|ing)?|"
                # "pumps $500m into", "is ploughing $1bn into": money, named
                r"inject(?:s|ed|ing)?|(?:pump|plough|plow)(?:s|ed|ing)?(?= " + AMOUNT + r")|"
                # "has bought into the Dutch chip equipment maker ASML"
                r"(?:buy(?:s|ing)?|bought)(?= into\b(?! (?:the )?(?:idea|story|hype|narrative|"
                r"rally|thesis|vision|dream)\b)(?! [^.;]{1,30}?['’]s\b)))"
                # "an investment bank argues ...": a kind of firm, not money going in.
                r"(?! (?:bank|banker|bankers|banking|grade|firm|adviser|advisor|thesis|case)\b)"
                # not across a clause's own verb: "Qatar Investment Authority has raised its
                # stake in" is the fund's name, then another trigger
                r"(?: (?:(?!\b(?:has|have|had)\b)[^;]){0,50}?)? (?:in|into)\b", "investor",
                {"": "recipient"}, 0.85,
                (NEEDS_COMPANY_RIGHT,), right_window=50, adjacent=30, left_all=True),
    TriggerSpec("inv_raise", _I,
                r"\b(?:rais(?:e|es|ed|ing)|secur(?:e|es|ed|ing)|clos(?:e|es|ed|ing)|"
                r"land(?:s|ed)|bag(?:s|ged)|net(?:s|ted)|gets?|got|receiv(?:e|es|ed|ing)|"
                # "Lumora nabs $85M to push sleep drug into phase 3"
                r"nab(?:s|bed|bing)|snag(?:s|ged|ging))\b"
                # (not "a round of talks")
                r"(?= [^;]{0,40}?(?:\$|€|£|funding|financing|round(?! of (?!funding|financing|"
                r"investment))|capital|series [a-h]\b|"
                # (not "close Snap Lab Ventures, its startup studio": a name)
                r"seed|venture(?!s)|investment|lifeline|cash injection|bailout|rescue))",
                "recipient",
                {"from": "investor", "by": "investor", "including": "investor",
                 "and": "investor"}, 0.8, (NEEDS_MONEY,), right_all=True,
                traits=frozenset({"raises_money"})),
    # "SSI raising about $3bn, with Alphabet and Nvidia back for more", "raised $750 million,
    # with Samsung Electronics joining the round": the companies after ", with" invest in the
    # subject's round.
    # "OpenAI valued at $300 bln after $40 bln funding round"
    TriggerSpec("inv_after_round", _I,
                r"\bvalued at " + AMOUNT + r" after (?:a |an |its |their )?" + AMOUNT
                + r" (?:[\w-]+ )?(?:funding|financing|investment) round\b"
                r"(?! (?:at|for|of|in|by)\b)",
                "recipient", {}, 0.75, left_window=5),
    TriggerSpec("inv_raise_with", _I,
                r"(?<=, )with\b(?=[^;.]{1,60}?\b(?:back for more|(?:also )?joining the (?:round|"
                r"raise|financing)|(?:also )?(?:participating|taking part|chipping in)|"
                r"(?:joining |returning )?as (?:lead |co-?|strategic |new )?(?:investors?|"
                r"backers?))\b)", "recipient", {"": "investor"}, 0.75, (NEEDS_LEFT,),
                right_all=True, right_window=60),
    TriggerSpec("inv_put", _I,
                r"\bput(?:s|ting)? (?:another |an additional |a further |up to |about )?"
                + AMOUNT + r"? (?:in|into)\b",
                "investor", {"": "recipient"}, 0.8, (NEEDS_COMPANY_RIGHT,), right_window=30,
                left_all=True),
    # "with Alphabet among the backers": the company named right before is an investor.
    TriggerSpec("inv_among", _I,
                r"\bamong (?:the |its |their )?(?:new |existing |other |early )?"
                r"(?:backers|investors|participants)\b", "investor", {}, 0.7, left_window=25,
                left_any=True),
    # "announced a $60 million Series C financing": a press release states its own round.
    TriggerSpec("inv_announce", _I,
                r"\bannounc(?:e|es|ed|ing) (?:a |an |its |the )?(?:[\w$.,-]+ ){0,4}?"
                r"(?:series [a-h]|seed|funding|financing|private placement)\b"
                r"(?! (?:options?|plans?|needs?|gap|costs?)\b)", "recipient",
                {"from": "investor", "by": "investor"}, 0.75, right_all=True),
    # A listed company raising money by selling new shares, as its release says it:
    # "priced an underwritten public offering of 5,000,000 shares", "closed its previously
    # announced $40 million private placement" (not notes or bonds: debt, not equity).
    TriggerSpec("inv_offering", _I,
                r"\b(?:pric(?:es|ed|ing)|clos(?:es|ed|ing)|complet(?:es|ed|ing)|"
                r"upsiz(?:es|ed|ing)) (?:its |an |a |the )?(?:previously announced )?"
                r"(?:[\w$.,-]+ ){0,4}?(?:public offering|private placement|"
                r"registered direct offering)\b(?! of (?:[\w$.,%-]+ ){0,4}?(?:notes|bonds|"
                r"debentures)\b)", "recipient", {}, 0.75),
    # Raising money from the public: "Snowy Hydro to go public", "files for an IPO", "the
    # flotation of PartyGaming", "to list on the Icelandic Stock Exchange".
    TriggerSpec("inv_ipo", _I,
                # not "went public with the case": a secret told
                r"\b(?:(?:(?:to |will |plans to |set to )?go(?:es)? public|going public|"
                r"went public)(?! with\b)|"
                r"fil(?:e|es|ed|ing) for (?:an |its |a )?(?:[\w$.,-]+ ){0,3}?(?:ipo|listing)|"
                # "its post-IPO high", "pre-IPO shares": a time, not the offering
                r"(?<!post-)(?<!pre-)(?<!post )(?<!pre )"
                r"(?:initial public offering|ipo|flotation|stock market debut|market debut)"
                r"(?! (?:price|market|pipeline|window|boom|bubble|rules|fund|funds|investors|"
                r"shares|stock|speculation|talk|rumou?rs?|timetable|candidates?|hopes|ambitions|"
                r"chatter|buzz|whispers|watch|plans|dreams|frenzy|drought|"
                r"could|might|may|would)\b)|"
                r"(?:to |will |plans to )?(?:list|float)(?:s|ed|ing)? (?:its )?(?:shares )?on "
                r"(?:the )?(?:[\w'’-]+ ){0,4}?(?:stock exchange|stock market|bourse|nasdaq|nyse|"
                r"exchange))\b",
                "recipient", {"of": "recipient"}, 0.7, right_window=30,
                traits=frozenset({"holds_company"})),  # the exchange may be a watched name
    # "a $2 billion injection by the government into Pinecrest Bank", "an injection of
    # R2.4 billion by the PIC into X": the money goes into the company named after "into".
    TriggerSpec("inv_injection", _I,
                r"\binjections? (?:of [^.;]{1,30}? )?(?:by [^.;]{1,60}? )?into\b", None,
                {"": "recipient"}, 0.75, right_window=50),
    # A state rescue puts money into the company: "received emergency loans from the Bank of
    # England", "asked the government for recapitalisation", "a bail-out of Deutsche Bank".
    TriggerSpec("inv_rescue", _I,
                r"\b(?:bail-?outs?|rescue (?:package|loan|deal|plan|funding)s?|emergency (?:loans?|"
                r"funding|support|aid|financing|liquidity|credit)|recapitali[sz]ation|"
                r"(?:capital|cash) injections?|(?:government|state) (?:aid|support|funding|loans?|"
                r"capital))\b", "recipient", {"for": "recipient", "of": "recipient",
                                             "to": "recipient"}, 0.7, right_window=40),
    # "the government will provide Ford Australia with a $52.5 million assistance package"
    TriggerSpec("inv_provide_with", _I,
                # "will support the Hudson's Bay Trading Company with $500 million in funding"
                r"\b(?:provid(?:e|es|ed|ing)|support(?:s|ed|ing)?)\b"
                r"(?= [^.;]{1,60}? with (?:a |an |new |fresh )?"
                r"(?:[\w$€£.,()-]+ ){0,5}?(?:financial assistance|assistance package|funding|"
                r"financing|loans?|capital|bail-?out|rescue package|cash injection)\b)",
                "investor", {"": "recipient"}, 0.7, (NEEDS_COMPANY_RIGHT,), right_window=60,
                adjacent=8),
    # "intends to provide $9.5 billion to Dubai World", "agreed to give US$10 billion to ...
    # Dubai World", "$8 billion of funding to Nakheel": money given to a named company.
    TriggerSpec("inv_money_to", _I,
                r"(?:\b(?:provid(?:e|es|ed|ing)|giv(?:e|es|ing)|gave|given|lend(?:s|ing)?|lent|"
                r"extend(?:s|ed|ing)?|grant(?:s|ed|ing)?) (?:a |an )?(?:further |additional |"
                r"another |up to |about )?" + AMOUNT +
                r"(?: (?:in|of) (?:[\w-]+ )?(?:funding|financing|loans?|aid|capital|support|"
                r"assistance|rescue funds?|bail-?out money))?|"
                + AMOUNT + r" (?:of|in) (?:new |fresh |"
                r"emergency |state |government )?(?:funding|financing|capital|aid|rescue funds?)) "
                r"to\b", "investor", {"": "recipient"}, 0.7, (NEEDS_WATCHED_RIGHT,),
                right_window=50, adjacent=45),
    # "A 20 percent stake in Ferngate Games will be bought by Savvy Games Group", "a 4.9
    # percent holding in Cobaltline has been taken by the Qatar Investment Authority".
    TriggerSpec("inv_stake_taken_by", _I,
                r"\b(?:stake|holding|shareholding) in\b(?= [^.;]{1,80}? (?:has been|had been|was|"
                r"were|will be|is being|is to be|are to be|would be) (?:taken|bought|acquired|"
                r"purchased|picked up) by\b)",
                None, {"": "recipient", "by": "investor"}, 0.8, right_all=True,
                right_window=120, adjacent=5),
    # (not "Anthropic-backed Amazon", "a SoftBank-backed startup": a description)
    TriggerSpec("inv_backs", _I,
                r"(?<![-‐])\bback(?:s|ed|ing)\b(?! by| up| down| out| away| off| to)|"
                # "Intel Capital has funded the Israeli startup Hailo with $60 million"
                r"\bfund(?:s|ed)\b(?= [^.;]{1,60}? with " + AMOUNT + r")",
                "investor", {"": "recipient"}, 0.65, (NEEDS_COMPANY_RIGHT,), right_window=30),
    # The headline plural: "Nvidia, Microsoft and Alphabet back Anthropic" (only with the
    # backers named right before it, so not "brings back Nokia phones").
    TriggerSpec("inv_back_plural", _I, r"(?<=\w )back\b(?= \w)", "investor",
                {"": "recipient"}, 0.65, (NEEDS_COMPANY_RIGHT, NEEDS_LEFT), right_window=30,
                left_all=True, traits=frozenset({"company_right_before"})),
)

PARTNERSHIP: tuple[TriggerSpec, ...] = (
    TriggerSpec("partner_between", _R,
                r"\b(?:partnership|alliance|joint venture|collaboration|tie-up|deal|agreement) "
                r"between\b", None, {"": "partner", "and": "partner"}, 0.8, (NEEDS_TWO,),
                right_all=True),
    TriggerSpec("partner_with", _R,
                r"\b(?:partner(?:s|ed|ing)? (?:up )?with|partnership with|"
                r"team(?:s|ed|ing)? up with|collaborat(?:e|es|ed|ing|ion) with|alliance with|"
                # "had agreed with Microsoft to co-develop AI assistants"
                r"agree(?:s|d|ing)? with(?= [^.;]{1,40}? to (?:jointly )?(?:co-?develop|develop|"
                r"build|launch|create|market|produce|offer|design|sell|distribute)\b)|"
                r"link(?:s|ed|ing)? up with|combin(?:e|es|ed|ing) forces with|"
                r"join(?:s|ed|ing)? hands with|"
                r"joint venture with|tie-up with|join(?:s|ed|ing)? forces with|"
                r"ti(?:e|es|ed|ing) up with|co-?brand(?:s|ed|ing)? with|"
                # "is close to a deal with Sprint to offer mobile service"
                r"(?:is|are|was|were|be) close to (?:a |an )?(?:[\w-]+ ){0,2}(?:deal|agreement|"
                r"pact|partnership) with|"
                r"code-?shar(?:e|es|ed|ing)(?: (?:agreement|deal|flights))? with|"
                r"(?:sign(?:s|ed|ing)?|strik(?:e|es|ing)|struck|ink(?:s|ed|ing)?|form(?:s|ed|ing)?|"
                # "concluded a cooperation agreement with": the translated wires' verb
                r"agree(?:s|d)?(?: to)?|conclud(?:e|es|ed|ing)(?! that\b)|"
                r"finali[sz](?:e|es|ed|ing)|seal(?:s|ed|ing)?|"
                r"announc(?:e|es|ed|ing)|enter(?:s|ed|ing)?(?: into)?|expand(?:s|ed|ing)?|"
                r"exten(?:d|ds|ded|ding)|renew(?:s|ed|ing)?|deepen(?:s|ed|ing)?|"
                r"reach(?:es|ed)?) (?:a |an |its |their )?(?:[\w$.,-]+ ){0,4}(?:partnership|"
                r"alliance|joint venture|collaboration|agreements?|deal|pact|contract|"
                # "signs 20-year PPA with Microsoft": a power purchase agreement; "inked an MoU
                # with Tata Electronics", "a memorandum of understanding with Reliance"
                r"ppas?|mou|memorandum of understanding|"
                # "announced a link-up with Vodafone"
                r"link-?up|team-?up|jv) with|"
                # "will be working with RealNetworks to launch a music service"
                r"work(?:s|ed|ing)? (?:closely |together )?with(?= [^.;]{2,50}? to (?:develop|"
                r"launch|build|create|offer|provide|produce|make|bring|deliver|design|market|"
                r"co-develop|introduce|roll out)\b))\b",
                "partner", {"": "partner", "and": "partner"}, 0.85, (NEEDS_TWO,),
                right_window=50, left_all=True, right_all=True),
    TriggerSpec("partner_pair", _R,
                r"\b(?:partner(?:s|ed|ing)?|team(?:s|ed|ing)? up|"
                # the trade's "Meta, Blumhouse team on horror slate"
                # (not a staff: "Netflix and Disney's team on the spin-off", "teams on the ground")
                r"teamed(?= on\b)|(?<!['’]s )teams?(?= on (?!the ground\b))|join(?:ed|ing)? forces|"
                r"join(?:ed|ing)? hands(?= (?:to|for|on)\b)|"
                r"link(?:s|ed|ing)? up|combin(?:e|es|ed|ing)? forces|collaborat(?:e|es|ed|ing)"
                r"(?! with)|co-?operat(?:e|es|ed|ing)(?= on\b)|"
                # "Ford, Fiat to produce small cars together"
                r"(?:will|to) (?:develop|build|sell|market|offer|create|design|produce|make|"
                r"operate|launch) [^;,.]{1,40}? together\b|"
                # "Samsung SDI and GM will build a battery plant in Indiana under a joint venture"
                r"(?:will|to) (?:develop|build|sell|market|offer|create|design|produce|make|"
                r"operate|launch|run) [^;,.]{1,60}? (?:under|through|via|in|as) (?:an? |their |"
                r"the )?(?:new |[\w$.,-]+ )?(?:joint venture|jv|partnership|alliance)\b|"
                # "have announced they will work together to provide a Linux platform"
                r"work(?:s|ed|ing)? together(?= to\b)|"
                r"(?:will|to) jointly (?:develop|build|sell|market|offer|create|design|produce|"
                r"operate|launch)|(?:agreeing|agree[sd]?|plan(?:s|ned)?) to (?:jointly \w+|"
                r"co-?(?:develop|market|produce|create|design|brand)\w*)|"
                # "Oracle and Safaricom have agreed to open an Oracle Cloud region": two
                # companies agreeing to do one thing (both must be named: NEEDS_TWO)
                r"(?:agreeing|agree[sd]?) to (?:open|build|develop|launch|offer|create|set up|"
                r"form|operate|produce|provide|design|deploy|roll out)\b|"
                # "AOL and Warner Bros. have announced plans to offer vintage shows online":
                # a plan the two announce together (both must be named: NEEDS_TWO)
                r"(?<!both )(?:have |has )?announc(?:e|ed|ing) (?:joint )?plans to (?:jointly )?"
                r"(?:open|build|develop|launch|offer|create|set up|form|operate|produce|provide|"
                r"design|deploy|roll out|allow|sell|market|bring|deliver|make)\b|"
                r"(?:announc\w+|sign\w*) (?:an? |the )?(?:extension|renewal|expansion) "
                r"(?:of|on|to) "
                r"(?:the |their |its )?(?:[\w-]+ ){0,3}(?:partnership|alliance|agreement|deal)|"
                # "Nvidia, Samsung in AI chip tie-up": a headline's pair in a named deal
                # (not a programme joined: "achieves Gold tier in Intel Partner Alliance")
                r"(?<=\w )in (?:(?!partner |program |programme |network |member )[\w$.,-]+ ){0,3}?"
                r"(?:tie-up|alliance|partnership|pact|joint venture)\b(?! talks\b)|"
                # "Intel and Samsung set up a joint venture for advanced packaging"
                r"set(?:s|ting)? up (?:a |an |new |their |its )?(?:[\w$.,-]+ ){0,3}?(?:joint "
                r"venture|partnership|alliance)|"
                # "Brightwater and HBF found a joint venture": the translated wires' verb
                r"(?:found|establish|creat)(?:s|ed|es|ing)? (?:a |an |new |their |its )?"
                r"(?:[\w$.,-]+ ){0,3}?joint (?:venture|company)(?! with\b)|"
                r"(?:announce|form|sign|strike|struck|ink|agree|extend|renew|expand|deepen|broaden|"
                r"enter|finali[sz]e|seal)(?:d|ed|s|ing)? (?!off\b)(?:to |into |on )?"
                r"(?:a |an |new |their |its )?"
                r"(?:[\w$.,-]+ ){0,4}(?:partnership|alliance|joint venture|collaboration|tie-up|"
                # "have agreed on a cooperation to market the KC-390", "formed a JV to bid"
                r"deal|agreement|pact|cooperation|jv|link-?up))\b",
                "partner", {}, 0.8, (NEEDS_TWO,), left_all=True,
                # "Vantage Grid signs Microsoft power deal": the company named in the deal
                traits=frozenset({"holds_company", "party_inside"})),
    # "named virtual-care company Lumora Health as its first launch partner", "with Lumora
    # Health as launch partner", "Pinecrest Bank picks Kestrel to run real-time payments":
    # a company chosen as partner or supplier.
    TriggerSpec("partner_chosen", _R,
                r"\b(?:(?:nam(?:es|ed|ing)|pick(?:s|ed|ing)|select(?:s|ed|ing)|"
                r"cho(?:ose|oses|se|sen)|tap(?:s|ped)|sign(?:s|ed)(?: up)?)(?= [^.;]{1,60}? as "
                # "signs Brightwater as launch customer"
                r"(?:its |their |a |an |the )?(?:[\w-]+ ){0,2}?(?:partner|supplier|provider|"
                r"vendor|distributor|customer)s?\b)|"
                r"with(?= [^.;]{1,40}? as (?:its |their |a |an |the )?(?:first |exclusive |"
                r"official |preferred )?(?:launch|technology|strategic|exclusive|official|"
                r"preferred|distribution) partners?\b)|"
                r"(?:pick(?:s|ed)|select(?:s|ed)|cho(?:oses|se))(?= [^.;]{1,40}? to (?:run|power|"
                r"provide|supply|build|operate|manage|host|process)\b)|"
                # "Uber signs Altamira to bring robotaxis to Madrid"
                r"sign(?:s|ed)(?= [^.;]{1,40}? to (?:bring|run|power|provide|supply|build|"
                r"operate|deploy|develop|manufacture|deliver|host|process)\b))",
                "partner", {"": "partner"}, 0.8, (NEEDS_TWO,), right_window=60),
    # "OpenAI launches ChatGPT Go bundle with India's Tarang Telecom": a product launched
    # together with another company.
    TriggerSpec("partner_launch_with", _R,
                r"\b(?:launch(?:es|ed|ing)?|unveil(?:s|ed|ing)?|debut(?:s|ed|ing)?|"
                r"roll(?:s|ed|ing)? out) (?:[\w-]+ ){1,4}?(?:bundle|service|offering|plan|card|"
                r"product|app|platform) with\b",
                "partner", {"": "partner"}, 0.75, (NEEDS_TWO,), right_window=40, adjacent=3),
    # "Pfizer licenses Halcyon's HB-201 in deal worth up to $1.2bn": a licence of the other
    # company's product (read before 'licenses ... to', which 'up to' would otherwise take;
    # triggers match the lower-cased sentence, so any word may begin the name).
    TriggerSpec("partner_license_of", _R,
                r"\b(?:licens(?:es|ed|ing)|(?<=to )licen[cs]e)\b"
                r"(?= (?:[a-z][\w&.-]*\s){0,2}?[a-z][\w&.-]*['’]s\s)",
                "partner", {"": "partner"}, 0.75, (NEEDS_TWO,), right_window=40, adjacent=4),
    # "Pfizer will pay Halcyon $150 million upfront and up to $1.9 billion in milestones",
    # "Halcyon receives $80m up front from Pfizer, plus milestones": how the drug trade
    # reports a licensing deal. (Not a takeover's price: "$40 a share upfront plus a CVR".)
    TriggerSpec("partner_upfront", _R,
                r"\b(?:pay(?:s|ing)?|paid|receiv(?:e|es|ed|ing)|get(?:s|ting)?|got)\b"
                # (a decimal point, "$1.9 billion", does not end the sentence)
                r"(?=" + IN_SENTENCE + r"{0,80}?\b(?:upfront|up-front|up front)\b"
                # (a takeover's price paid in parts is not: a sense guard of the sentence)
                + IN_SENTENCE + r"{0,120}?\bmilestones?\b)",
                "partner", {"": "partner", "from": "partner"}, 0.75, (NEEDS_TWO,),
                right_window=60, adjacent=3),
    # "Pfizer also receives an exclusive licence to develop and sell HLB-204, Halcyon's
    # experimental gene therapy": a licence to the other company's product.
    TriggerSpec("partner_licence_to", _R,
                r"\b(?:receiv(?:es|ed|ing)|obtain(?:s|ed|ing)|gets?|got|secur(?:es|ed|ing)|"
                r"acquir(?:es|ed|ing)|w(?:ins|on)|takes?|took) (?:an? |the )?(?:(?:exclusive|"
                r"global|worldwide|non-exclusive|commercial) )*(?:licen[cs]es?|rights) to\b"
                r"(?= [^.;]{1,80}?['’]s\s)",
                "partner", {"": "partner"}, 0.75, (NEEDS_TWO,), right_window=90, adjacent=90),
    # "Apple has licensed ActiveSync from rival Microsoft", "Samsung licenses Microsoft's
    # technology", "Sam's Club will outsource its demonstrations to Shopper Events": a
    # licence or a supply deal between the two.
    # Not "licensing firm Codexa", "licensing restrictions": a verb, and the other party
    # after "from" or "to".
    TriggerSpec("partner_license", _R,
                r"\b(?:licens(?:es|ed|ing)|outsourc(?:e|es|ed|ing))\b(?! (?:firm|company|"
                r"companies|group|restrictions?|fees?|deals?|agreements?|terms|rights|costs?|"
                r"revenue|income|business|model|body|authority|regime|requirements?)\b)"
                r"(?=[^;.]{0,60}?\b(?:from|to)\b)",
                "partner", {"from": "partner", "to": "partner"}, 0.75,
                (NEEDS_TWO,), right_window=60),
    # "Under a separate agreement, Google will have a right of first offer on power from
    # Vantage Grid", "Under a separate agreement announced at the same time, Samsung will
    # preinstall Perplexity's assistant": a second deal beside the one just reported (an
    # acquisition's or an investment's own terms are "the agreement", not a separate one),
    # between the companies the sentence names after it.
    TriggerSpec("partner_separate", _R,
                r"^\W*(?:under|in|through|as part of|with) (?:a |an )?separate "
                r"(?:[\w-]+ ){0,3}?(?:agreement|deal|pact|arrangement|contract)\b[^,;.]{0,60},",
                None, {"": "partner"}, 0.75, (NEEDS_TWO,), right_window=120, adjacent=120,
                traits=frozenset({"parties_after"})),
    # "Oracle will supply capacity to OpenAI under an expanded agreement": the parties are
    # the subject and the company the clause names before the agreement (see events.py).
    TriggerSpec("partner_under", _R,
                r"\b(?:under|through|as part of) (?:a |an |the |its |their )?(?:new |expanded |"
                r"extended |renewed |broader |multi-?year |strategic )*(?:[\w-]+ )?"
                r"(?:partnership|alliance|collaboration|tie-up|joint venture|" + _DEAL_KIND + r"|"
                # "will supply the main processor for Tesla's computer under a multi-year
                # agreement": a bare agreement with a term of its own
                r"(?:(?:new |long-term )?(?:multi-?year|\w+-year|long-term) )(?:agreement|deal|"
                r"pact))\b|"
                # "..., the companies said, in a multi-year licensing and supply agreement" (not
                # "the stake of Toshiba in their joint venture": a place, not a deal made)
                r"\bin (?:a|an) (?:new |expanded |extended |renewed |multi-?year |"
                r"(?:\w+-year) |strategic )*" + _DEAL_KIND + r"\b",
                "partner", {}, 0.75, (NEEDS_TWO,), left_all=True,
                traits=frozenset({"second_party_between"})),
)
