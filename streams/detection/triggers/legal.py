"""Triggers for legal events: suits, probes, fines, rulings and settlements."""

from __future__ import annotations

from ....schemas.event import EventType
from ..lexicon import IN_SENTENCE
from .spec import BE, NEEDS_LEGAL, NOT_AFTER_BE, TriggerSpec

_LEGAL_NOUNS = (r"(?:lawsuits?|suits?|probes?|investigations?|fines?|charges|complaints?|"
                r"litigation|class[- ]actions?|actions?|antitrust \w+|cases?|claims?|"
                r"(?<!clinical )(?<!drug )(?<!human )(?<!field )trials?)")

# Kinds of case a company is the subject of, written before the noun: "antitrust probe".
_CASE_KIND = (r"antitrust|anti-trust|competition|monopoly|fraud|bribery|corruption|accounting|"
              r"financial|privacy|criminal|securities|tax|safety|emissions|discrimination|"
              r"patent|copyright|trademark|class[- ]action|shareholder|insider[- ]trading|"
              r"money[- ]laundering|sanctions|price[- ]fixing|cartel|bias|harassment|"
              r"wrongful[- ]death|product[- ]liability|data[- ]breach|sec|doj|ftc|federal")

# A licence a company trades under: "operator licence", "banking licence".
_TRADING_LICENCE = (r"(?:operat(?:ing|or['’]?s?)|banking|broadcast(?:ing)?|trading|gaming|"
                    r"mining|export|business|taxi|private[- ]hire|air operator['’]?s?|"
                    r"telecoms?|spectrum|licen[cs]es? to operate) licen[cs]es?\b")

# What a company is charged with: "charged with fraud", "with deceptive billing".
_OFFENCES = (r"fraud|deceptive|deception|misleading|mislead|violat\w+|breach\w*|bribery|"
             r"corruption|manslaughter|negligence|homicide|crimes?|criminal|offen[cs]es?|"
             r"conspiracy|money[- ]laundering|insider[- ]trading|price[- ]fixing|collusion|"
             r"cartel|manipulat\w+|misconduct|wrongdoing|discriminat\w+|abuse|illegal\w*|"
             r"unlawful\w*|theft|tax evasion|evading|counts? of")

_G: EventType = "legal"


LEGAL: tuple[TriggerSpec, ...] = (
    # "Samsung was sued by Apple", "the subject of a civil lawsuit filed by Apple"
    TriggerSpec("legal_sued_by", _G, r"(?:\b" + BE + r" )?\b(?:sued|taken to court) by\b|"
                r"\b(?:lawsuit|suit|complaint|action)s? (?:filed|brought|launched) by\b",
                "defendant",
                {"": "plaintiff"}, 0.85, passive=True, right_all=True),
    TriggerSpec("legal_file", _G,
                r"\b(?:fil(?:e|es|ed|ing)|brought|bring(?:s)?|launch(?:es|ed|ing)?|"
                r"tak(?:e|es|ing)|took|pursu(?:e|es|ed|ing)|initiat(?:e|es|ed|ing)|"
                r"commenc(?:e|es|ed|ing)) (?:a |an )?"
                r"(?:[\w-]+ ){0,3}(?:lawsuit|suit|complaint|case|claim|action|injunction|"
                r"petition)s?"
                # "filed a separate civil suit on Thursday against"
                r"(?: (?:on \w+|yesterday|today|last week|this week))? against\b",
                "plaintiff", {"": "defendant"}, 0.85, right_all=True),
    # "Former Kestrel Payments staff file age-bias class action", "Stripe files suit over
    # patents": a suit filed, its defendant not named after it ("against" is legal_file's).
    # "Amazon has moved the Delhi High Court against Future Retail": a petition to a court.
    TriggerSpec("legal_moved_court", _G,
                r"\bmov(?:e|es|ed|ing) (?:the )?(?:[\w-]+ ){0,2}?(?:court|hc|tribunal|nclt|"
                r"nclat) against\b", "plaintiff", {"": "defendant"}, 0.8, right_all=True),
    # "Pinecrest Bank entered into a consent order with the Office of the Comptroller of the
    # Currency": an enforcement order agreed with a regulator.
    TriggerSpec("legal_consent_order", _G,
                r"\b(?:enter(?:s|ed|ing)? into|agree(?:s|d)? to|sign(?:s|ed)|reach(?:es|ed)|"
                r"consent(?:s|ed) to) (?:a |an |the )?consent (?:order|decree|agreement|"
                r"judgment)\b",
                "defendant", {"with": "plaintiff"}, 0.8),
    TriggerSpec("legal_files_suit", _G,
                r"\bfil(?:e|es|ed|ing) (?:a |an )?(?:[\w-]+ ){0,3}?(?:lawsuit|suit|"
                r"class[- ]action)s?\b(?! (?:[\w-]+ ){0,3}?against\b)",
                "plaintiff", {}, 0.8),
    TriggerSpec("legal_against", _G,
                r"\b(?:lawsuits?|suits?|complaints?|litigation|case|verdict|ruling|charges|"
                # "assesses $18 million civil money penalty against Pinecrest Bank"
                r"injunction|conviction|penalt(?:y|ies)|fines?|sanctions|"
                # "has opened an investigation against Amazon Italia and Amazon EU"
                r"investigations?|probes?|inquir(?:y|ies)|proceedings) "
                # "filed a complaint with the European Commission against Stripe", "a lawsuit
                # in federal court against"
                r"(?:(?:with|in|at|before) (?:the |a |an )?(?:[\w.'’-]+ ){1,4}?)?"
                r"(?:against|targeting)\b", "plaintiff", {"": "defendant"}, 0.8, right_all=True),
    # "KFTC slaps 2.1 billion won fine on Meta", "has imposed a fine of 2.1 billion won
    # (about US$1.5 million) on Meta Platforms": the one fined is named after "on"; "have
    # issued a fine to a mobile phone provider": or after "to".
    TriggerSpec("legal_fine_on", _G,
                r"\b(?:impos(?:e|es|ed|ing)|slap(?:s|ped|ping)?|lev(?:y|ies|ied|ying)|"
                r"hand(?:s|ed|ing)? down|issu(?:e|es|ed|ing)) (?:an? |the |its )?"
                r"(?:[\w$€£.,-]+ ){0,4}?(?:fines?|"
                r"penalt(?:y|ies)|sanctions)(?: of " + IN_SENTENCE + r"{1,60}?)? (?:on|to)\b",
                "plaintiff",
                {"": "defendant"}, 0.8, right_window=30, adjacent=5, right_all=True),
    # "A shareholder class action was filed against Halcyon in federal court", "a complaint
    # lodged against Uber": the suit as the subject, the defendant after "against".
    TriggerSpec("legal_filed_against", _G,
                r"\b(?:lawsuit|suit|complaint|class action|action|claim|petition|case)s? "
                r"(?:(?:was|were|has been|have been|had been|is being|are being|is|are) )?"
                r"(?:filed|brought|lodged|launched)(?: (?:on \w+|yesterday|today|last week|"
                r"this week))? against\b", None, {"": "defendant"}, 0.8, right_all=True),
    TriggerSpec("legal_passive", _G,
                BE + r" (?:being )?(?:investigated|probed|charged|indicted|fined|accused|sued|"
                r"subpoenaed|prosecuted|convicted|censured|raided|"
                r"penali[sz]ed|ordered to pay|found liable|found guilty|"
                r"(?:named|listed) (?:as )?(?:a )?"
                r"(?:co-)?defendants?|named in (?:a |the )?(?:\w+ )?(?:lawsuit|suit|complaint))\b",
                "defendant",
                {"by": "plaintiff"}, 0.85, passive=True),
    TriggerSpec("legal_ordered", _G,
                r"\b(?:fined|penali[sz]ed|(?:ordered|told|forced) to pay|found liable|"
                r"found guilty|indicted|convicted|ple(?:d|aded|ads) guilty|condemned to pay|"
                # "agreed to plead guilty" (not "refused to plead guilty")
                r"(?<!refused to )(?<!refuses to )(?<!declined to )(?<!not )plead guilty|"
                # "Uber charged with deceptive billing": an offence, not a duty ("charged with
                # running the unit") or a battery
                r"charged with(?= (?:[\w-]+ ){0,3}?(?:" + _OFFENCES + r")))\b",
                "defendant", {"by": "plaintiff", "": "defendant"}, 0.8, right_window=30,
                adjacent=5, left_if_no_right=True, right_all=True),
    TriggerSpec("legal_fines", _G, r"\bfin(?:e|es|ing)\b", None, {"": "defendant"}, 0.8,
                right_window=30, adjacent=5, right_all=True),
    TriggerSpec("legal_pay", _G,
                r"\b(?:pa(?:y|ys|id|ying)) (?:a |an |the )?(?:[\w$.,-]+ ){0,5}?(?:civil )?"
                r"(?:penalt(?:y|ies)|fines?|damages)\b", "defendant", {"to": "plaintiff"}, 0.8),
    TriggerSpec("legal_to_court", _G,
                r"\b(?:take|takes|took|taken|taking|drag(?:s|ged|ging)?)\b(?= [^;,.]{1,40}? to "
                # "dragged OpenAI to the Delhi High Court"
                r"(?:the )?(?:[\w-]+ ){0,2}?court\b"
                r"(?!(?: [a-z]+)? (?:customers|subscribers|voters|investors|buyers|users)\b))",
                "plaintiff", {"": "defendant"}, 0.8, right_window=30, adjacent=5, right_all=True),
    # "A Delaware jury has hit Pfizer with a $40 million verdict", "slapped Meta with a fine"
    TriggerSpec("legal_hit_with", _G,
                r"\b(?:hit(?:s|ting)?|slap(?:s|ped|ping)?)\b(?= (?:[\w&.'’-]+ ){1,4}?with "
                r"(?:an? |the )?(?:[\w$€£.,-]+ ){0,4}?(?:verdicts?|fines?|penalt(?:y|ies)|"
                r"lawsuits?|suits?|damages|judgments?|class[- ]actions?|injunctions?|"
                # "Regulators have hit Pinecrest Bank with a consent order"
                r"consent orders?|cease-and-desist orders?|enforcement actions?)\b)", None,
                {"": "defendant"}, 0.8, right_window=30, adjacent=5, right_all=True),
    # "Pfizer hit with $40M verdict over Zantac" (not "Ebbers' face reddened as the verdict
    # was read": a face, no suit)
    TriggerSpec("legal_hit_with_verdict", _G,
                r"\b(?:hit|slapped) with(?= (?:[\w$€£.,-]+ ){0,4}?verdicts?\b)", "defendant",
                {}, 0.8),
    TriggerSpec("legal_charges", _G, r"\bcharg(?:es|ed|ing)\b(?= [^;]{1,60}? with\b)", None,
                {"": "defendant"}, 0.8, right_window=30, adjacent=5, right_all=True),
    TriggerSpec("legal_order_to_pay", _G,
                # "a court in Madrid condemned Meta to pay": the translated courts' verb
                r"\b(?:(?:ordered|orders|told|forced|required)\b(?= [^;]{0,40}? to pay\b)|"
                # (the one condemned, not "condemned Uber's decision to pay drivers less")
                r"condemn(?:s|ed)\b(?= (?:[\w&.-]+ ){1,4}to pay\b))", None,
                # "ordered Adobe to pay Quillfeather Software $212 million": the one paid sued
                {"": "defendant", "pay": "plaintiff"}, 0.8, right_window=30, right_all=True),
    TriggerSpec("legal_faces", _G,
                r"\b(?:fac(?:e|es|ed|ing)|hit (?:with|by)|slapped with|"
                # "can't escape a wrongful death lawsuit", "lost its bid to toss a suit"
                r"(?:can['’]?t|cannot|fail(?:s|ed)? to|must) (?:escape|dodge|shake(?: off)?|"
                r"duck)|los(?:es|t|ing) (?:its |their |a |an )?(?:bid|attempt|motion|effort|"
                r"appeal|challenge) to (?:toss|dismiss|throw out|escape|dodge|overturn|quash|"
                r"end)|(?:receiv(?:e|es|ed|ing)|"
                r"(?:was |were |been )?served with)(?= (?:[\w$.,-]+ ){0,3}(?:subpoenas?|fines?|"
                r"summons(?:es)?|writs?|penalt(?:y|ies)|lawsuits?|civil investigative demands?|"
                r"wells notices?|warning letters?)\b)|"
                # "Lumora Health cuts 15% of staff, discloses FTC probe"
                r"(?:disclos(?:e|es|ed|ing)|reveal(?:s|ed|ing))(?= (?:an? |the )?(?:[\w$.,-]+ )"
                r"{0,3}(?:probes?|investigations?|inquir(?:y|ies)|subpoenas?)\b"
                r"(?! (?:findings|results|reports?)\b)))"
                r"(?= (?:[\w$.,-]+ ){0,4}"
                r"(?:" + _LEGAL_NOUNS + r"|subpoenas?|summons(?:es)?|writs?|penalt(?:y|ies)|"
                # a regulator's demand for documents, the SEC's notice that it may sue, an
                # FDA warning: "received a civil investigative demand from the FTC"
                r"civil investigative demands?|wells notices?|warning letters?))",
                "defendant", {}, 0.8),
    # "Plaintiffs involved in the case are McGraw-Hill, Pearson PLC and Penguin Group".
    TriggerSpec("legal_plaintiffs_are", _G,
                r"\b(?:plaintiffs|claimants|petitioners)\b(?: [^.;]{1,40}?)? (?:are|were|include|"
                r"included|including)\b", None, {"": "plaintiff", "and": "plaintiff"}, 0.75,
                right_all=True, right_window=120, adjacent=120),
    TriggerSpec("legal_defendants_are", _G,
                r"\b(?:defendants|co-defendants)\b(?: [^.;]{1,40}?)? (?:are|were|include|"
                r"included|including)\b", None, {"": "defendant", "and": "defendant"}, 0.75,
                right_all=True, right_window=120, adjacent=120),
    TriggerSpec("legal_sues", _G,
                # Bare "sue" is the headline plural ("Shareholders sue X"), not "plans to sue".
                # ("was sued", "gets sued": the passive is legal_passive's, a defendant)
                r"\b(?:sues|" + NOT_AFTER_BE + r"sued|suing|accus(?:es|ed|ing)|"
                r"(?<!to )(?<!'ll )sue)\b", "plaintiff",
                {"": "defendant"}, 0.85, right_window=30, adjacent=15, right_all=True),
    # "has been investigating allegations surrounding Livedoor's acquisitions"
    TriggerSpec("legal_allegations_about", _G,
                r"\binvestigat(?:e|es|ed|ing) (?:the )?(?:allegations|claims|accusations|"
                r"complaints) (?:against|about|surrounding|involving|concerning|of)\b", None,
                {"": "defendant"}, 0.75, right_window=30, adjacent=5),
    TriggerSpec("legal_investigating", _G,
                r"\b(?:investigat(?:es|ing)|prob(?:es|ing)|prosecut(?:es|ing))\b", None,
                {"": "defendant"}, 0.75, right_window=20, adjacent=5, right_all=True),
    TriggerSpec("legal_allegations_by", _G,
                r"\b(?:allegations?|complaints?|claims?|accusations?) (?:by|from)\b",
                None, {"": "plaintiff", "and": "plaintiff"}, 0.7, (NEEDS_LEGAL,), right_all=True,
                right_window=60),
    # "The government of Delhi has banned the taxi service Uber from operating in the city":
    # an authority's ban on trading.
    TriggerSpec("legal_banned_from", _G,
                r"\b(?:bann(?:ed|ing)|bans|barr(?:ed|ing)|bars)\b(?= (?:[\w&.'’-]+ ){1,5}?from "
                r"(?:operating|trading|doing business|selling|offering|providing|running)\b)",
                None, {"": "defendant", "and": "defendant"}, 0.75, right_all=True,
                right_window=40, adjacent=30),
    # "the EU banned all of Indonesia's carriers", "blacklisted airlines", "an investigation
    # into alleged breaches".
    TriggerSpec("legal_banned", _G,
                r"\b(?:bann(?:ed|ing)|bans|blacklist(?:s|ed|ing)?|barr(?:ed|ing)|"
                # "suspended with immediate effect the electronic money licence held by X"
                r"(?:suspend(?:s|ed|ing)|revok(?:e|es|ed|ing)|withdr(?:aw|aws|ew|awn|awing)|"
                r"cancel(?:s|led|ling|ed|ing)?) (?:[\w-]+ ){0,6}?licen[cs]es? (?:of|held by))\b",
                None, {"": "defendant", "and": "defendant"}, 0.65, (NEEDS_LEGAL,),
                right_all=True, right_window=60),
    # "New Delhi orders Uber cease operation", "directed Uber ... to halt operations in the
    # city", "ordered Adam Air to suspend all flights": an authority's order to stop trading.
    TriggerSpec("legal_ordered_to_stop", _G,
                r"\b(?:order(?:s|ed)?|direct(?:s|ed)|instruct(?:s|ed))\b"
                r"(?= [^.;]{1,80}? (?:to )?(?:(?:halt|cease|stop|suspend|shut down|close down)"
                r"(?: all| its| their)? (?:operations?|operating|services|flights|sales|trading|"
                r"business|production)|"
                # "ordered Tidewell Foods South Africa to recall all Karoo Gold polony"
                r"recall|withdraw (?:all |its |their |the )?(?:[\w-]+ ){0,3}?(?:products?|"
                r"drugs?|medicines?|vehicles?|cars|devices?|foods?) from (?:sale|the market)"
                r")\b)",
                None, {"": "defendant", "and": "defendant"}, 0.75, right_all=True,
                right_window=40, adjacent=10),
    # "the hospital had obtained a restraining order to bar the nurses", "Lufthansa won an
    # injunction against the union": the company that obtains the order brings the case.
    TriggerSpec("legal_obtains_order", _G,
                r"\b(?:obtain(?:s|ed|ing)?|w(?:on|ins|inning)|secur(?:e|es|ed|ing)|"
                r"s(?:eek|eeks|eeking|ought))"
                r" (?:a |an )?(?:temporary |interim |preliminary |court )?"
                r"(?:restraining order|injunction|court order)\b",
                "plaintiff", {"against": "defendant"}, 0.75),
    # "has issued an injunction restraining Scale AI from terminating the contracts", "a
    # court order barring Uber from": the party the order holds back is the defendant.
    TriggerSpec("legal_order_restrains", _G,
                r"\b(?:injunctions?|restraining orders?|court orders?|interdicts?)"
                r"(?: [^.;]{0,30}?)? (?:restrain(?:s|ing|ed)?|barring|bars|barred|preventing|"
                r"prevents|prevented|blocking|blocks|blocked|stopping|stops|forbidding|"
                r"forbids|prohibiting|prohibits|halting|halts|halted)\b"
                r"(?= [^.;]{1,80}? from\b)",
                None, {"": "defendant", "and": "defendant"}, 0.75, right_window=40,
                adjacent=10),
    TriggerSpec("legal_alleged", _G,
                r"\b(?:investigation|probe|inquiry|referred|charges?) (?:[\w-]+ ){0,3}?(?:into|"
                r"over) (?:the )?(?:alleged|suspected|possible)? ?(?:breach(?:es)?|violations?|"
                r"fraud|wrongdoing|misconduct|irregularities|allegations|manipulation|"
                r"bribery|corruption|money laundering|insider trading|price[- ]fixing|"
                r"collusion|cartel)\b", "defendant", {}, 0.7, left_window=150),
    # "Adobe in the dock over cancellation fees", "hauled before an employment tribunal"
    TriggerSpec("legal_in_the_dock", _G,
                r"\b(?:in the dock (?=over|for|in|after|amid)|hauled (?:before|into|in front of) "
                r"(?:an? |the )?(?:[\w-]+ ){0,2}?(?:court|tribunal|judge|jury)\b)",
                "defendant", {"by": "plaintiff"}, 0.75),
    TriggerSpec("legal_court_asked", _G,
                r"\b(?:ask(?:s|ed|ing)?|petition(?:s|ed|ing)?|appl(?:y|ies|ied|ying) to) "
                r"(?:a |the )?(?:[\w-]+ )?(?:court|judge|tribunal)\b",
                "plaintiff", {}, 0.75),
    # "Google appealed the EU fine", "Novartis will challenge the ruling in court": a party
    # to the case takes it further, the same party as the case's other reports.
    TriggerSpec("legal_appeal", _G,
                r"\b(?:appeal(?:s|ed|ing)?|(?:will|to|plans to) (?:appeal|challenge)|"
                r"challeng(?:es|ed|ing) in court)\b(?= (?:against )?(?:the |a |its |an |this )?"
                r"(?:[\w$€£.,-]+ ){0,4}?(?:ruling|decision|verdict|judg(?:e)?ment|fine|penalty|"
                r"sentence|order|conviction|rejection|injunction|award)\b)",
                # the appellant mostly lost as the defendant ("appeals the fine")
                "defendant", {}, 0.75),
    TriggerSpec("legal_won_case", _G,
                r"\bw(?:on|ins|inning) (?:its|their|a|the) (?:[\w-]+ ){0,2}?(?:case|appeal|"
                r"lawsuit|suit|court (?:case|battle|fight))\b",
                "plaintiff", {"against": "defendant"}, 0.75),
    # "OpenAI wins dismissal of Musk lawsuit": the one sued had the case thrown out (the
    # company right before: not "Disney World ticket reseller wins dismissal").
    TriggerSpec("legal_dismissal", _G,
                r"\b(?:w(?:on|ins|inning)|secur(?:e|es|ed|ing)|obtain(?:s|ed|ing)?) (?:a |the )?"
                r"(?:partial )?dismissal of\b",
                "defendant", {}, 0.75, left_window=2,
                traits=frozenset({"company_right_before"})),
    # "Nvidia under investigation by China regulator": a headline's "is" left out, the
    # company right before.
    TriggerSpec("legal_under_probe", _G,
                r"(?<=\w )under (?:an? )?(?:[\w-]+ ){0,2}?(?:investigation|probe)\b",
                "defendant", {"by": "plaintiff"}, 0.75, left_window=2,
                traits=frozenset({"company_right_before"})),
    TriggerSpec("legal_scrutiny", _G,
                BE + r" (?:being |now )?(?:scrutini[sz]ed|under (?:investigation|scrutiny|"
                r"criminal investigation|federal investigation))\b|"
                r"\bprosecutions? (?:of|against)\b",
                "defendant", {"": "defendant", "of": "defendant", "against": "defendant"},
                0.75, passive=True, right_window=40, right_all=True),
    # "Boeing filed a formal protest with the GAO": a bidder contesting a contract award.
    TriggerSpec("legal_bid_protest", _G,
                r"\b(?:fil(?:e|es|ed|ing)|lodg(?:e|es|ed|ing)|submit(?:s|ted|ting)?) (?:a |an )?"
                r"(?:formal |bid |legal )?protests? (?:with|before|at) (?:the )?(?:gao|government "
                r"accountability office|court of federal claims|[\w-]+ (?:tribunal|board|court))\b",
                "plaintiff", {}, 0.75),
    TriggerSpec("legal_probe", _G,
                # "opens investigation on Amazon" (a translated "on")
                r"\b(?:(?:investigation|probe|inquiry|lawsuit|suit) (?:into|of)|"
                r"(?:investigation|probe|inquiry) on(?! behalf\b))\b", None,
                {"": "defendant"}, 0.75),
    TriggerSpec("legal_settle", _G,
                r"\bsettl(?:e|es|ed|ing|ement)\b(?= (?:[\w$.,'’-]+ ){0,6}(?:" + _LEGAL_NOUNS
                + r"|dispute|allegations|fight|battle)\b)|"
                # "agreed to pay $14 million to end a class action", "inks deal to end suit"
                r"\b(?:pa(?:y|ys|id|ying)|deal)\b(?= (?:[\w$.,-]+ ){0,4}?to (?:end|resolve) "
                r"(?:[\w$.,'’-]+ ){0,4}(?:" + _LEGAL_NOUNS + r"|dispute|allegations)\b)",
                "defendant", {"with": "plaintiff"}, 0.8, left_all=True,
                traits=frozenset({"settles"})),
    TriggerSpec("legal_settlement_court", _G, r"\bsettlements?\b", "defendant",
                {"with": "plaintiff", "between": "defendant"}, 0.7, (NEEDS_LEGAL,), left_all=True,
                traits=frozenset({"settles"})),
    # "Tax investigators raid Google's Paris headquarters", "police raided the offices of X".
    TriggerSpec("legal_raid", _G,
                r"\braid(?:s|ed|ing)?\b(?= (?:the )?(?:[\w.&'’-]+ ){0,4}?(?:offices?|"
                r"headquarters|premises|hq)\b)", None, {"": "defendant", "of": "defendant"}, 0.7,
                right_window=40, adjacent=10),
    # "Research In Motion financial probe becomes formal investigation", "Boeing antitrust
    # probe widens": the company named right before the case it is the subject of. A kind of
    # case names it ("antitrust probe"); a bare "probe" or "lawsuit" needs a verb of its
    # course after it (not "the Boeing probe" that flew to Mars, "a Google case study"). A
    # case "into" or "against" a company is left to the triggers that read the company after.
    TriggerSpec("legal_named_case", _G,
                r"(?<=\w )(?:(?:" + _CASE_KIND + r") ){1,2}(?:probe|investigation|inquiry|"
                r"lawsuit|suit|case|trial)s?\b(?! (?:study|studies|lawyers?|attorneys?|into|of|"
                r"against|by|over)\b)|"
                r"(?<=\w )(?:probe|investigation|inquiry|lawsuit)\b(?= (?:widens|deepens|"
                r"expands|escalates|intensifies|opens|begins|becomes|ends|dropped|dismissed|"
                r"settled|revived|reopened|heads to|moves to|goes to|turns to)\b)",
                "defendant", {}, 0.7, left_window=2, traits=frozenset({"company_right_before"})),
    # "Uber London to lose operator licence", "stripped of its banking licence", "has its
    # licence revoked": a regulator takes away the licence the company trades under (a kind
    # of licence is named, so not a driver losing a driving licence).
    TriggerSpec("legal_loses_licence", _G,
                r"\b(?:los(?:e|es|ing|t)|stripped of|denied)\b(?= (?:its |their |the |a )?"
                r"(?:[\w-]+ ){0,2}?" + _TRADING_LICENCE + r")|"
                r"\b(?:ha(?:s|d|ve)|gets?|got|s(?:ees?|aw)) (?:its|their) (?:[\w-]+ ){0,2}?"
                r"licen[cs]es? (?:revoked|suspended|pulled|withdrawn|cancell?ed)\b",
                "defendant", {}, 0.75),
    # "Regulator suspends Uber's licence", "revoked Uber London's operating licence"
    TriggerSpec("legal_licence_taken", _G,
                r"\b(?:revok(?:es|ed|ing)|suspend(?:s|ed|ing)|pull(?:s|ed|ing)|"
                r"withdr(?:aws|ew|awn|awing)|cancel(?:s|led|ed|ling|ing))\b"
                r"(?= [\w.&'’ -]{1,40}?['’]s? (?:[\w-]+ )?licen[cs]es?\b(?! (?:of|held by)\b))",
                None, {"": "defendant"}, 0.75, right_window=40, adjacent=10),
    TriggerSpec("legal_ruled", _G, r"\b(?:ruled|rules|ruling|found) (?:that )?(?:against)?\b",
                None, {"": "defendant", "against": "defendant"}, 0.6, (NEEDS_LEGAL,),
                right_window=30),
)
