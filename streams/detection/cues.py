"""Context cues around a trigger: denial, negation, hypothesis, history, deal stage.

Each check returns the words that fired (for explanations) or None.
"""

from __future__ import annotations

import bisect
import functools
import re

from .first_chars import quick
from .folding import folded, lowered
from .lexicon import EVENT_NOUNS, MONTH_NAMES, NUMBER_WORDS, SHARE_MOVES

# Every pattern is compiled by ``quick``: the same matches, behind a lookahead for the
# characters a match can start with (most are searched for across a clause or sentence).
_I = re.IGNORECASE
_APOS = "['’]"

_DENIAL = quick(
    r"\b(?:den(?:y|ies|ied|ying)|refut\w+|shot down|shoots? down|shooting down|"
    # "rebuffed the reports", "rebuffed suggestions that"; "which rebuffed Salesforce last
    # year" turned a suitor down and denies nothing
    r"rebuff(?:s|ed|ing)? (?:the |those |these |such |all )?(?:[\w-]+ ){0,2}(?:reports?|"
    r"rumou?rs?|speculation|claims?|suggestions?|idea|talk|stor(?:y|ies)|allegations?)\b|"
    # "dismissed the reports": a denial; "dismissed the team" is not one.
    r"dismiss(?:ed|es|ing)? (?:the |those |these |such |as )?(?:[\w-]+ ){0,2}(?:reports?|"
    r"rumou?rs?|speculation|claims?|suggestions?|idea|talk)|dismiss(?:ed|es|ing)? [^.;]{1,40}? as "
    r"(?:speculation|rumou?r|false|baseless|untrue|nonsense)|"
    r"reject(?:s|ed|ing)? (?:the )?(?:reports?|rumou?rs?|speculation|claims?)|"
    r"(?:reports?|rumou?rs?|speculation|claims?|posts?|stor(?:y|ies)|articles?|headlines?)\b"
    r"[^.;]{0,80}? (?:were|was|is|are) ['\"‘“]?(?:entirely |completely |totally |simply |"
    r"categorically |flatly )?(?:false|untrue|baseless|groundless|inaccurate|wrong|unfounded|"
    r"fiction|nonsense|speculation|wide of the mark|not accurate)|no truth|not true|"
    # "Samsung called the report 'groundless'"
    r"call(?:s|ed|ing)? (?:(?:the |those |these |such |all )?(?:[\w-]+ ){0,2}?(?:reports?|"
    r"rumou?rs?|speculation|claims?|stor(?:y|ies)|articles?)|it|them) ['\"‘“]?(?:entirely |"
    r"completely |totally |simply |categorically |flatly )?(?:false|untrue|baseless|groundless|"
    r"inaccurate|wrong|unfounded|fiction|nonsense|speculation)|"
    r"(?:isn['’]t|is not|wasn['’]t|was not|aren['’]t|are not) true|"
    # "says it is 'not pursuing' a bid", "the CEO 'isn't going anywhere'"
    r"not (?:currently |actively )?(?:pursuing|considering|seeking|exploring|raising)\b(?! "
    r"(?:only|just)\b)|"
    r"(?:isn['’]t|is not|not) going anywhere|"
    # "got a flat denial from the company"
    r"(?:got|drew|received|met with|issued|drawing|getting) (?:a |an )?(?:flat |firm |swift |"
    r"quick |categorical |outright |blunt )?denials?|"
    r"not (?:currently )?in (?:any )?(?:talks|discussions|negotiations)|"
    # "says it has 'no knowledge' of any approach", "is not aware of any talks"
    r"(?:no knowledge|not aware|unaware)['\"’”]? of (?:any |an |the )?(?:such )?(?:approach|"
    r"approaches|offers?|bids?|talks|discussions|negotiations|deal|plans?|proposals?)|"
    r"(?:baseless|groundless|false|unfounded) (?:reports?|rumou?rs?|speculation)|"
    # "says no new layoffs planned", "no further job cuts"
    r"\bno (?:new |more |further |additional )(?:layoffs|job cuts|redundancies|cuts)|"
    r"\bno plans? (?:for|to make) (?:any )?(?:new |more |further )?(?:layoffs|job cuts|cuts)|"
    r"push(?:es|ed|ing)? back (?:against|on) (?:an? |the )?(?:[\w-]+ ){0,3}(?:reports?|"
    r"rumou?rs?|posts?|claims?|speculation)|(?:is|was|are|were) not accurate|"
    # "The company has announced no such plan."
    r"(?:announced|confirmed|disclosed|made) no such (?:plans?|deal|move|launch|cuts|talks|"
    r"decision|announcement)|"
    # "Salesforce Cuts Another 3,000 Support Jobs? The Company Says No": the answer that
    # ends a headline or a sentence ("says no to remote work" refuses something else)
    r"(?:says|said|say)\s+no(?=\s*[.!]?\s*$))\b", _I)

_NEGATION = quick(
    r"\b(?:not|no|never|neither|nor|nobody|no-one|none(?! other\b)|without|cannot|unlikely|"
    r"rul(?:e|es|ed|ing) out|"
    r"(?:won|wouldn|didn|doesn|don|isn|"
    r"wasn|hasn|haven|hadn|aren|weren|can|couldn|shouldn)" + _APOS + r"t)\b"
    r"(?! only\b| just\b| longer\b| least\b| less\b| to mention\b| yet\b"
    # "can't escape a wrongful death lawsuit": a double negative, the suit goes on
    r"| (?:escape|dodge|shake off|duck|evade)\b"
    # "approved without conditions the sale of", "cleared with no remedies": the approval's
    # terms, not the deal denied
    r"| (?:any )?(?:conditions|remedies|concessions|objections?)\b)", _I)

# Words that make the rest of the clause a possibility, not a fact.
_HYPOTHETICAL = quick(
    r"\b(?:could|might|may|would|should|if|whether|unless|hypothetical\w*|possib(?:le|ly|ility|ilities)|"
    # "Suppose Apple did buy Perplexity tomorrow", "Imagine Meta bought Snap"
    r"suppos(?:e|ing)|imagin(?:e|es|ed|ing)|what if|in theory|"
    # "My fantasy is simpler: Ferngate hires ...", "[FANTASY]"
    r"fantas(?:y|ies|ise|ize|ising|izing)|"
    # "In our bull case Pfizer buys Halcyon": an analyst's scenario
    r"(?:bull|bear|base|blue-sky|upside|downside)[- ]case|"
    r"speculat\w+|interested in|open to|eye(?:s|d|ing)?|hop(?:e|es|ed|ing) to|"
    r"(?:analysts?|investors?|observers?|experts?|economists?|traders?|markets?|watchers|"
    r"strategists?|brokerages?|commentators?|many|some|others|critics|pundits|insiders)"
    r"\b[^.;]{0,40}?\b(?:expect|predict|anticipate|forecast|bet|believe|think|reckon|"
    r"sees?\b|argue|says?\b|said\b)\w*|"
    # "Somebody on TikTok claimed ... Amazon is buying Best Buy": hearsay, not a report
    # (the window may cut "somebody" to "ebody")
    r"(?:\w*body|\w*one|guy|users?|people|videos?|posts?|threads?|tweets?|clips?|"
    r"creators?|influencers?|redditors?|commenters?|posters?) on (?:tiktok|reddit|twitter|"
    r"youtube|facebook|instagram|threads|discord|(?:the )?forums?)\b[^.;]{0,40}?"
    r"\b(?:claim|say|said|insist|swear|suggest)\w*|"
    r"(?:expect|predict|anticipat)(?:s|ed|ing)? (?!to\b)(?:[\w.'’-]+ ){1,4}to|"
    r"predict(?:s|ed|ing)?|(?:is|are|was|were|seems?) (?:\w+ )?likely to|"
    # "Stripe, which is widely expected to go public": the consensus, not a report
    r"(?:widely|long|generally|broadly) expected|"
    # "wanted enough films and shows to launch", "has been able to raise enormous sums"
    r"aim(?:s|ed|ing)? to|want(?:s|ed)? (?:[\w'’,-]+ ){0,5}?to|seek(?:s|ing)? to|"
    # "Royal Mail are intent on cutting jobs" (a union's charge), "keen to buy": a will
    # (not "Determined to catch up in chips, Microsoft launches": the comma ends its phrase)
    r"(?:(?:hell-)?bent on|intent on|determined to|keen (?:to|on))(?![^,;]*,)|"
    r"look(?:s|ing)? to|(?:be|been|is|are|being) (?:\w+ )?able to|"
    r"tr(?:y|ies|ying) to|struggl\w+ to|race to|racing to|vie\w* to|fail(?:s|ed|ing)? to|"
    # "Unable to buy Snapchat, Facebook copied it": what could not be done
    r"unable to|"
    # (a verb or "under pressure", not "high blood pressure")
    r"call(?:s|ed|ing)? (?:for|on)|demand(?:s|ed|ing)?|urg(?:e|es|ed|ing)|"
    r"pressur(?:es|ed|ing|i[sz]\w+)|(?:under|more|growing|mounting) pressure|"
    r"push(?:es|ed|ing)? for|threat\w*|warn(?:s|ed|ing)?)\b", _I)
_REPORTED_WOULD = quick(
    r"\b(?:said|says|announced|confirmed|agreed|stated|told [\w ]{1,20}?)"
    # (not "the glasses it said last year would go on sale": an old statement)
    r"(?! (?:last|earlier|previously|in (?:19|20)\d\d)\b)"
    r"(?: on \w+| today| yesterday| \w+day)?,?(?: that)?"
    # ("said that its chief executive, Jane Doe, would step down": an apposition's comma)
    r" (?:it|they|the company|the firm|(?:[\w'’.,-]+ ){0,6}[\w'’.-]+,?) (?:would|will)\b", _I)
# What a company says it would do if asked: "would consider buying", "would be open to".
_WOULD_WEIGH = quick(r"\b(?:would|will) (?:\w+ )?(?:consider|look at|think about|be open to|"
                     r"be interested in|(?:like|love|want) to|welcome)\b", _I)
# A new clause with its own subject ends the reach of a modal: "would retire in July and that
# it had hired ...".
_NEW_CLAUSE = quick(r";|\b(?:and|but) (?:that|it|they|he|she|the company)\b", _I)

# Intent and report words: kept, with less confidence (and a "rumored" deal stage).
_SOFT = quick(
    r"\b(?:consider(?:s|ed|ing)?|weigh(?:s|ed|ing)?|mull(?:s|ed|ing)?|explor(?:e|es|ed|ing)|"
    r"contemplat\w+|potential(?:ly)?|plan(?:s|ned|ning)? to|intend(?:s|ed)? to|"
    r"expected to|set to|poised to|likely to|reportedly|rumou?r\w*|said to be|"
    r"according to|sources?|people familiar)\b", _I)

_HISTORY_BEFORE = quick(
    # "former employees sued": "former" describes the people, not the event.
    r"\b(?:former(?:ly)?(?! (?:[\w-]+ )?(?:employees|workers|staff(?:ers)?|customers|users|"
    r"shareholders|investors|students|drivers|contractors|members|clients|patients|tenants|"
    r"franchisees|subscribers)\b)|previously|previous|predecessor|had|back in|years? ago|"
    r"earlier in (?:his|her|their) career|who (?:had )?(?:co-)?founded|onetime|one-time|"
    r"keep|keeps|kept|continu(?:e|es|ed) to|continu(?:e|es|ed)|"
    r"learn(?:s|ed|t|ing)? from|lessons? (?:from|of)|"
    # "referring to the court ruling that ...": a known event pointed back to
    r"referring to|in reference to|alluding to|"
    r"who (?:left|quit|resigned|departed|exited|joined|was ousted|was fired|stepped down))\b",
    _I)
# A time clause puts what follows in the past: "weeks after X bought Y", "since buying" (a day,
# two or three after is still this week: "The launch comes a day after Snap told staff it
# would cut 300 jobs").
_TIME_CLAUSE = quick(
    r"\b(?:(?:(?<!\btwo )(?<!\bthree )days|weeks?|months?|years?|decades?|shortly|soon|just|"
    r"long|even|only)"
    # "a year and a bit after", "two years or so after"
    r"(?: and a (?:bit|half)| or (?:so|two)| plus)? (?:after|before)|days? before|since)"
    # (a comma inside a number, "14,000 job cuts", does not end the clause, nor one before a
    # place's region, "in Gourock, Inverclyde,", or a "with" adjunct, ", with the loss of")
    r"\b(?:[^,;]|,(?=\d)|,(?= with\b)|,(?-i:(?= [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?,)))*$|"
    r"\b(?:after|before|since|following|until|till|"
    # "the talks follow its CEO's exit": the verb puts its object before
    r"follow(?:s|ed)?|in the wake of|on the heels of) "
    # "following Bombardier's purchase of", "after its takeover of": a deal as a time mark.
    r"(?:(?:[\w&.'’-]+ ){0,3}[\w&.'’-]+['’]s (?:[\w-]+ )?|(?:its|their) (?:[\w-]+ )?)?$", _I)
# A relative clause telling how a thing was come by, right before the deal: "it gained by
# buying", "they took on with their purchase of", "which it added through the acquisition of".
_OBTAINED_BY = quick(r"\b(?:it|they|which|that|we)\s+(?:had\s+)?(?:gained|got|obtained|added|"
                     r"inherited|picked\s+up|took\s+on|brought\s+in|took\s+over|"
                     # "the records business it built from its acquisition of Cerner"
                     r"built(?:\s+up)?|created|formed|assembled)\s+"
                     # (nothing between the verb and the preposition: the thing come by is
                     # the clause's antecedent; "it gained a foothold by buying" is today's)
                     r"(?:\w+ly\s+)?(?:by|through|with|via|in|from|out\s+of|around|on)\s+"
                     r"(?:(?:its|their|the|a|an)\s+)?(?:[\w$.,-]+\s+){0,2}?$", _I)
# "The bank has been expanding abroad by opening a branch in London as well as buying the
# broker Teather & Greenwood", "it has grown over the decade by acquiring": the means of a
# course the company has run up to now, a history of how it came to be what it is (not
# "it expanded today by buying", nor "it has agreed to expand by buying").
_COURSE_BY = quick(r"\b(?:has|have|had)\s+(?:long\s+|steadily\s+|largely\s+|mostly\s+)?"
                   r"(?:been\s+)?(?:grow(?:n|ing)|expand(?:ed|ing)|built|building|"
                   r"diversif(?:ied|ying)|transform(?:ed|ing)|bulk(?:ed|ing)\s+up|"
                   r"broaden(?:ed|ing)|extend(?:ed|ing)|reshap(?:ed|ing)|"
                   r"consolidat(?:ed|ing))\b[^.;:!?]{0,90}?\b(?:by|through)\s+"
                   r"(?:\w+ing\b[^.;:!?]{0,70}?\s(?:and|as\s+well\s+as|or)\s+)?$", _I)
# "previously admitted wrongdoing and paid fines": the adverb reaches the second verb.
_SHARED_ADVERB = quick(r"\b(?:previously|formerly|earlier)\s+\w+ed\b[^.;,]{0,40}\band\s+$",
                       _I)
# "the recent acquisitions by Google and Yahoo", "its earlier takeovers": deals told as a
# record, not one deal of today.
_PAST_DEALS = quick(r"\b(?:recent|earlier|previous|prior|past|former|several|other|many)\s+"
                         r"(?:[\w-]+\s+)?(?:acquisitions|purchases|takeovers|deals|mergers|"
                         r"investments|lawsuits|layoffs|launches|case|cases|suit|suits|"
                         r"settlements?|fines|probes?|investigations?)\s+"
                         r"(?:by|of|in|against|with|over)?\s*$", _I)
# "Penang plant doubles output after Cobaltline takeover": a deal named by its company, no
# possessive, as a time mark (a headline's; "after its takeover of" is _TIME_CLAUSE's).
_AFTER_NAMED_DEAL = quick(r"\b(after|since|following)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w&.'’-]*\s+)"
                          r"{1,3}$", _I)
# "Pfizer's pending $62-a-share takeover of Halcyon", "the previously announced merger": a
# deal agreed before, named as such (news of it is told by its own verb: "EU clears ...").
_PENDING_DEAL = quick(r"\b(pending|previously[ -]announced|already[ -]announced|"
                      r"previously[ -]agreed|already[ -]agreed)\s+(?:(?:US)?[$€£][\d.,]+"
                      r"(?:-a-share|\s*(?:billion|million|trillion|bn|m)?)\s+)?"
                      r"(?:(?-i:[A-Z])[\w&.'’-]*\s+){0,3}$", _I)
# A step the pending deal takes now: "EU regulators cleared Pfizer's pending takeover".
_DEAL_STEP = quick(r"\b(?:approv|clear|block|complet|clos|terminat|abandon|scrap|call(?:s|ed|ing)? "
                   r"off|sweeten|rais|challeng|su(?:e|es|ed|ing)\b|vot|end|walk(?:s|ed|ing)? "
                   r"away from|drop|extend|amend|renegotiat)\w*", _I)
# "Nvidia's abandoned $40 billion bid for Arm": a deal that is over, named as such.
_FAILED_DEAL = quick(r"\b(abandoned|failed|scrapped|collapsed|aborted|ill-fated|doomed|"
                     r"thwarted|botched|unsuccessful|defunct)\s+(?:(?:US)?[$€£][\d.,]+\s*"
                     # "the collapsed Intel deal": the other party named before the noun
                     r"(?:billion|million|trillion|bn|m)?\s+)?(?:(?-i:[A-Z])[\w&.'’-]*\s+){0,3}$",
                     _I)
_DEAL_NOUN = quick(r"(?:bid|deal|takeover|merger|acquisition|purchase|offer|buyout|tie-up)\b",
                   _I)
_PAST_PERIOD = quick(
    r"\b(?:last (?:year|decade)|earlier this year|a year ago|the previous year|the year before|"
    r"(?:its|their) (?:most recent|last|previous|prior) (?:[\w-]+ )?(?:round|raise)|"
    r"over the (?:past|last) (?:\w+ )?(?:years?|decades?|months))\b", _I)
# "the partnership with Uber announced in March": the deal a noun names, made then.
_TOLD_THEN = quick(
    r"\s+(?:[\w&.'’()-]+\s+){0,4}?,?\s*((?:announced|signed|agreed|struck|unveiled|formed|"
    r"reached|completed|closed|sealed|inked|launched) (?:in|last|back in) (?:" + MONTH_NAMES
    + r"|(?:19|20)\d\d|year|spring|summer|autumn|fall|winter))\b", _I)
_YEAR_IN = quick(r"\b((?:19|20)\d\d)\b")
# "Perplexity, whose talks ... fell apart in February, ...": a relative clause and its date.
_WHOSE_CLAUSE = quick(r",\s+whose\s+[^,;()]{0,70}$", _I)
_OLD_DATE = quick(r"\b(?:(?:in|since|until) (?:" + MONTH_NAMES + r"|(?:19|20)\d\d)|last (?:year|"
                  r"month|spring|summer|autumn|fall|winter)|earlier this year|"
                  r"(?:\w+ )?(?:years|months) ago)\b")
# "who left Google", "Meta, which cut 21,000 jobs in its 'year of efficiency', ...": a past
# move told in a relative clause describes the subject.
_WHO_PAST = quick(r"\b(?:who|which) (?:had )?$", _I)
# "who left Google this month": a relative clause can carry the news when it is dated now.
_JUST_NOW = quick(r"\b(?:this (?:week|month)|last week|earlier this (?:week|month)|"
                       r"days ago|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                       r"Sunday))\b", _I)
# A story told about the past: "a new book recounts how Intel laid off thousands".
_NARRATIVE = quick(r"\b(?:recall(?:s|ed)?|remember(?:s|ed)?|reminisc(?:es|ed)(?: about)?)\s+$|"
                   # "who recalls launching Google Instant": a memory of doing it
                   r"\b(?:recount(?:s|ed|ing)?|recall(?:s|ed|ing)?|chronicl\w+|"
                   # "The inside story of how Scale AI lost its founder to Meta"
                   r"(?:inside|untold|full|real|true|secret|behind-the-scenes) story|"
                        r"retell(?:s|ing)?|look(?:s|ed|ing)? back at)\b[^.;]{0,30}?\bhow\b", _I)
# "GitHub launches Copilot, a PM recalls": the clause is someone's memory.
_RECALLED_AFTER = quick(r"[^.;]{0,60}?,\s+((?:(?:a|an|the|his|her|their|its|one)\s+)?"
                        r"(?:[\w'’-]+\s+){0,3}?(?:recalls|recalled|remembers|remembered|"
                        r"reminisces|reminisced))\b", _I)
# A season with no "this"/"next" places a past-tense event before the news of the day:
# "launched its first therapy in the spring", "lured them last summer".
_LAST_SEASON = quick(r"\b(?:last|this past) (?:spring|summer|autumn|fall|winter)\b", _I)
_IN_SEASON = quick(r"\b(?:in|during|over) the (?:spring|summer|autumn|fall|winter)\b", _I)
_PAST_TENSE = quick(r"\w+ed\b|left\b|bought\b|sold\b|took\b|quit\b|led\b|laid\b|"
                         r"struck\b|won\b|lost\b|made\b|went\b|got\b|hired\b", _I)
# Past perfect after a reporting verb is reported news, not background: "confirmed she had left".
_REPORTED_HAD = quick(r"\b(?:said|says|confirmed|confirms|announced|told [\w ]{1,20}?|"
                           # (a name's own dots: "that Amazon.com Inc. had agreed")
                           # "filed a Form D reporting that it had raised $42 million"
                           r"disclosed|revealed|acknowledged|reporting|stat(?:es|ed)|"
                           r"informed [\w ]{1,20}?|notified [\w ]{1,20}?)\b(?: that)?"
                           r"(?:[^.;,]|\.(?!\s+[A-Z])){0,50} $"
                           r"|\band that (?:it|he|she|they|the company)\s$", _I)
_PAST_MOVE = quick(r"(?:left|quit|resigned|departed|exited|joined|stepped|was|retired|became|"
                        r"bought|acquired|purchased|sold|invested|launched|sued|took over|"
                        r"cut|laid|shed|slashed|raised|delayed|postponed|settled|hired|named|"
                        r"appointed|released|unveiled|introduced|merged|partnered|backed)\b",
                        _I)


_YEAR_AFTER = quick(r"\b(?:in|since|back in|between|during) (?:(?:early|late|mid-?)\s?)?"
                         r"(?:" + MONTH_NAMES + r" )?((?:19|20)\d\d)\b")
_YEAR_BEFORE = quick(r"\b((?:19|20)\d\d)(?:['’]s)? $")
_AGO = quick(r"\b(?:years|decades?|a decade) ago\b|\bin the (?:19|20)\d0s\b", _I)
# "in August 2022, when the Snapchat owner cut a fifth of its staff": the 'when' clause is in
# the year named before it.
_DATED_WHEN = quick(r"\b((?:19|20)\d\d)\b[^.;]{0,12},?\s+when\b[^.;]*$", _I)
# "Around the same time, it bought Scanline VFX": a time told earlier, not today.
_SAME_TIME_BACK = quick(r"\b(?:(?:around|at|about) the same time|that same (?:year|month|week|day)|"
                        r"(?:later|earlier) that (?:year|month|week|day))\b", _I)
_AGO_SAME_TIME = quick(r"^\s*(?:this (?:week|month)|today)\b", _I)
_NOW = quick(r"\b(?:today|now|this (?:week|month|year)|currently)\b", _I)
# "Twenty-seven years ago this week": a time told in words before the event.
_AGO_BEFORE = quick(r"\b(?:(?:\d+|" + NUMBER_WORDS + r"|several|many|a few) (?:years|decades|"
                    r"months)|(?:a|one) (?:year|decade)) ago\b", _I)
_FOUNDED = quick(r"\b(?:founded|established|formed|created|started|incorporated|born)\b", _I)

_HISTORICAL_MENTION = quick(
    r"(?:\bformer(?:ly)?(?: of| at| with)?|\bex-|\bonetime|\bone-time|"
    r"\bpreviously(?: at| with| of)?|"
    r"\bwho (?:once )?(?:worked|was) at|"
    r"\b(?:his|her|their) (?:time|stint|tenure|years) at|"
    r"\bspent (?:a |an |\w+ )?(?:decade|years?|months?) at)"
    r"[\s\w,.'’-]{0,12}$"
    # "veterans of", "alumni from the", "a veteran": only such little words between; in
    # "Intel alumni sue Intel" the second Intel is the one sued.
    r"|\b(?:veterans?|alumn(?:us|i|a|ae))(?:\s+(?:of|from|at|with|the|an?|"
    r"(?-i:[A-Z])[\w'’&.-]*)|,)*\s+$"
    # "hires retired Boeing executive": the adjective right before the name.
    r"|\bretired\s$"
    # "previously finance director at", "former chief financial officer of": a title between.
    r"|\b(?:former(?:ly)?|previously|ex-)\s?(?:[\w-]+\s){1,4}(?:at|of|with|from)\s$", _I)

# "the two companies", "both firms": the pair of companies named before.
THE_PAIR = (r"\b(?:the two (?:companies|firms|groups|sides)|both (?:companies|firms|groups|sides)|"
            r"the (?:companies|firms|pair))\b")
_THE_PAIR_SUBJECT = quick(r"^[^.;]{0,40}?" + THE_PAIR + r"(?! (?:that|which|who|whose|in|of)\b)",
                          _I)


def names_the_pair(sentence: str) -> bool:
    """The sentence's subject, near its start, is "the companies" or "both firms"."""
    return _THE_PAIR_SUBJECT.search(sentence[:70]) is not None


# What a company is called by what it is: "sued the company", "the carmaker said".
COMPANY_NOUNS = (r"(?:company|firm|group|bank|startup|start-up|carmaker|automaker|retailer|"
                 r"airline|platform|studio|lender|insurer|chipmaker|drugmaker|broadcaster|"
                 r"publisher|operator|manufacturer|maker|developer|lab|conglomerate)")
# "..., the company said", "..., the world's largest memory chipmaker said": the sentence's
# source is the company the story is about.
_SAID_BY_THE_COMPANY = quick(
    r",\s+(?:the|its)\s+(?:[\w'’-]+\s+){0,4}?" + COMPANY_NOUNS
    + r"\s+(?:said|says|confirmed|announced|added)\b", _I)


def said_by_the_company(sentence: str, pos: int = 0) -> bool:
    """After ``pos`` the sentence says "the company said": its source is the story's company."""
    return _SAID_BY_THE_COMPANY.search(sentence, pos) is not None


# A clause break: what comes before the subject unless it opens the text.
_CLAUSE_OPENING = r"[,;]\s*|\b(?:and|while|as|but|after|because|when|where|whereas)\s"
_ANAPHOR_SUBJECT = (
    # "Yet on Monday it agreed", "The same week it launched": an opener before the subject.
    r"(?:(?i:yet|now|then|so|also|meanwhile|separately|today|later|earlier|the same (?:week|day|"
    r"month)|this week|last week)(?: on (?i:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday))?,?\s|"
    # "On Thursday the company said": a weekday alone opens the clause too, before a noun
    # that names the company (not before "it", which may be any company named before)
    r"(?i:on) (?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s"
    r"(?=[Tt]he |[Ii]ts |[Tt]heir ))?"
    r"(?:(?:[Tt]he|[Ii]ts|[Tt]heir) (?:[\w-]+ ){0,2}(?:company|firm|group|startup|start-up|giant|"
    r"maker|conglomerate|retailer|automaker|carmaker|chipmaker|lender|bank|insurer|network|"
    r"platform|business|owner|parent|developer|operator|airline|board)|"
    # a press release's defined terms: "The Company has appointed", "the Board said"
    r"[Tt]he (?:Company|Board|Group|Corporation)|[Cc]ompany|[Bb]oard|"
    r"[Ii]t|[Tt]hey|[Ii]ts|[Tt]heir)\b")
_ANAPHOR = quick(f"(?:^|{_CLAUSE_OPENING}){_ANAPHOR_SUBJECT}")
# Past the first character "^" cannot match: there ``_ANAPHOR`` is this pattern, whose
# lookahead (",", ";" and the conjunctions' first letters) lets far fewer positions through.
_ANAPHOR_INSIDE = quick(f"(?:{_CLAUSE_OPENING}){_ANAPHOR_SUBJECT}")

# "said it would not make a firm offer for X, ending six weeks of talks": a bidder walking
# away is the deal's end, not a denial. (Also one of the words of a terminated deal.)
_TALKS_ENDED_PATTERN = (r"\b(?:end(?:s|ed|ing) (?:[\w-]+ ){0,3}?(?:of )?(?:talks|negotiations|"
                        r"discussions|pursuit)|walk(?:s|ed|ing)? away|talks (?:have )?(?:ended|"
                        r"collapsed|broke down|were terminated))\b")
_TALKS_ENDED = quick(_TALKS_ENDED_PATTERN, _I)
_TERMINATED = quick(
    r"\b(?:call(?:s|ed|ing)? off|abandon\w*|terminat\w*|scrap(?:s|ped|ping)?|"
    r"collaps\w*|f[ae]ll(?:s|en)? (?:apart|through)|block(?:s|ed|ing)|"
    r"pull(?:s|ed)? out|withdr[ae]w\w*|no longer)\b|" + _TALKS_ENDED_PATTERN, _I)


def talks_ended(sentence: str) -> bool:
    """The sentence ends a deal's talks ("ending six weeks of talks", "walked away")."""
    return _TALKS_ENDED.search(sentence) is not None


_COMPLETED = quick(
    r"\b(?:complet(?:ed|es|ing)|clos(?:ed|es|ing) (?:its |the |their )?(?:[\w$.,-]+ ){0,3}"
    r"(?:acquisition|purchase|deal|takeover|buyout)|finali[sz]ed|now owns|"
    # "The deal closed on Monday": the noun, then its verb
    r"(?:deal|acquisition|takeover|purchase|merger|transaction|buyout)\s+(?:has\s+|was\s+)?"
    r"(?:now\s+|officially\s+|formally\s+|finally\s+)?(?:closed|closes|went through|"
    r"goes through)|"
    r"(?:has|have|had) (?:now )?(?:acquired|bought|purchased|taken over)|"
    r"(?:was|were|has been|have been|had been) (?:acquired|bought|purchased|taken over))\b", _I)
_AGREED = quick(
    r"\b(?:agree[sd]?|agreeing|definitive|signed|signs|announc\w+|confirm\w+|"
    r"str(?:uck|ikes?) a deal|deal to)\b", _I)
_TALKS = quick(r"\b(?:talks|discussions|negotiat\w+)\b", _I)
_RUMORED = quick(
    r"\b(?:reportedly|reports?|rumou?r\w*|sources?|people familiar|consider\w*|explor\w*|"
    r"weigh\w*|mull\w*|potential|said to be|according to|bid|offer|approach\w*)\b", _I)
_RUMORED_ONLY = quick(r"\b(?:reportedly|rumou?r\w*|sources? (?:say|said)|people familiar|"
                           r"could|may|might)\b", _I)
_PAST_TRIGGER = quick(r"\b(?:acquired|bought|purchased|took over|snapped up|sold)\b", _I)


_DENIES_WRONGDOING = quick(
    r"\bden(?:y|ies|ied|ying) (?:any |the |all )?(?:wrongdoing|allegations?|claims?|charges|"
    r"accusations?|liability|the suit's)", _I)


# "without admitting or denying the findings" is settlement boilerplate, and a judge who
# denies a request rules on it: neither denies that the event happened.
_NOT_A_DENIAL = quick(
    r"\b(?:admit(?:ting|s|ted)?|confirm(?:ing|s|ed)?) (?:or|n?or) den(?:y|ying|ies)\b|"
    r"\b(?:judge|court|justice|jury|panel|tribunal|magistrate)s? (?:also |has |had )?"
    r"den(?:y|ies|ied)\b|"
    # "rebuffed an unsolicited $2 billion bid from": a target turning a bidder down, a stage
    # of the deal, not a denial that it exists
    r"\brebuff(?:s|ed|ing)? (?:a |an |the |its |their )?(?:(?!(?:reports?|rumou?rs?|"
    r"speculation|claims?|suggestions?|talk|stor(?:y|ies))\b)[\w$€£.,-]+ ){0,4}?(?:approach|bid|"
    r"offer|proposal|advances?)(?:es|s)?\b", _I)


# The same, case-sensitive, for the lower-cased sentence (``folding``: the same matches,
# about twice as fast).
_DENIAL_PATTERNS = (_DENIAL, _DENIES_WRONGDOING, _NOT_A_DENIAL)
_DENIAL_FOLDED = tuple(folded(p) for p in _DENIAL_PATTERNS)


@functools.lru_cache(maxsize=256)
def denial(sentence: str, legal: bool = False) -> str | None:
    """A denial of the event; for legal events, denying the allegations is not one."""
    low = lowered(sentence)
    text, (deny, wrongdoing, not_a_denial) = (
        (sentence, _DENIAL_PATTERNS) if low is None else (low, _DENIAL_FOLDED))
    for match in deny.finditer(text):
        if legal and wrongdoing.search(text):
            return None
        if any(other.start() <= match.start() < other.end()
               for other in not_a_denial.finditer(text)):
            continue
        return sentence[match.start():match.end()]  # as written
    return None


def negation(before: str) -> str | None:
    """A negation in the few words before the trigger ("has no plans to delay")."""
    match = _NEGATION.search(before[-45:]) or _PREVENTED.search(before[-60:])
    if match:
        return match.group()
    unknown = _NO_EVIDENCE.search(before, max(0, len(before) - 160))
    return unknown.group().split(" that")[0] if unknown else None


# "I have no information that Kestrel is looking at buying a bank": nothing is reported.
_NO_EVIDENCE = quick(r"\b(?:no|not any|little|zero) (?:information|evidence|indication|sign|"
                     r"suggestion|knowledge|reason to (?:think|believe|expect))\b[^.;]{0,120}$",
                     _I)


# "authorities blocked Google from buying Yahoo!": kept from doing it.
_PREVENTED = quick(r"\b(?:block(?:s|ed|ing)?|barr?(?:s|ed|ing)?|prevent(?:s|ed|ing)?|"
                   r"stopp?(?:s|ed|ing)?|bann?(?:s|ed|ing)?|forb(?:id|ade|idden|ids)|"
                   r"prohibit(?:s|ed|ing)?) (?:[\w.&'’!-]+ ){1,4}from\s*$", _I)


# A company's own stated plan ("is seeking to cut", "aims to buy", "interested in buying").
_INTENT = quick(r"^(?:aim(?:s|ed|ing)? to|want(?:s|ed)? to|seek(?:s|ing)? to|"
                     r"look(?:s|ing)? to|hop(?:e|es|ed|ing) to|interested in|open to|"
                     r"eye(?:s|d|ing)?)$", _I)
# A report that attributes the event to sources: "may cut 3,000 jobs, sources say".
_SOURCED = quick(r"\b(?:sources?|people (?:familiar|close|briefed)|reportedly|according to|"
                      r"report(?:s|ed)?|said (?:by [^.;,]{1,40} )?to be|person familiar|"
                      r"insiders?)\b", _I)
_MODAL_WORDS = frozenset({"could", "might", "may", "would"})


def sourced(sentence: str) -> bool:
    """The sentence attributes what it tells to sources or a report ("people familiar
    said", "is said by The Sunday Times to be")."""
    return _SOURCED.search(sentence) is not None


def plan_or_rumour(cue: str, sentence: str) -> str | None:
    """When a hypothetical ``cue`` still reports news: a company's own plan ('intent') or
    a sourced report of a possibility ('rumour'); None for speculation."""
    if _INTENT.match(cue):
        return "intent"
    if cue.lower() in _MODAL_WORDS and _SOURCED.search(sentence):
        return "rumour"
    return None


# "will shut down U.S. operations if the bill is signed": the event waits on a condition.
# A period inside an abbreviation ("U.S.", "Inc.") does not end the clause.
# "Google to launch choice screens on every Android phone — if AB 1182 passes": across a
# dash only a bill's or a rule's passing (not "— if you can find one").
_CONDITION_AFTER = quick(r"^(?:[^.;:—]|\.(?=\S)|(?<=\b[A-Za-z])\.|(?<=\bInc)\.){0,60}?"
                         r"\b(if|unless|in the event|provided that|should the)\b|"
                         r"^[^.;:]{0,80}?[—–]\s*((?:if|unless)\s+(?:the\s+)?(?:bill|law|measure|"
                         r"rule|legislation|proposal|ordinance|directive|(?-i:[A-Z]{1,3})\s?\d+)"
                         r"\b[^.;]{0,40}?\b(?:passes|is passed|becomes law|is enacted|is signed|"
                         r"takes effect|is adopted|clears))\b", _I)


# "Tesla to launch robotaxis in 20 cities next year, bullish analyst predicts": a forecast
# told first and attributed at the end (not "..., the company said", "people familiar say",
# nor "..., as analysts expect demand to grow").
_FORECAST_AFTER = quick(r"^[^.;:—]{0,120}?,\s*((?:[\w-]+\s+){0,3}?(?:analysts?|strategists?|"
                        r"economists?|observers?|experts?|pundits|watchers|forecasters?|"
                        r"commentators?|brokerages?)\s+(?:at\s+[^.;,]{1,30}?\s+)?(?:expect|"
                        r"predict|anticipate|forecast|bet|believe|think|reckon|argue)\w*|"
                        # "Apple will buy a major AI startup in 2027, Bernstein forecasts" (a
                        # name, in capitals: not "..., the company forecasts")
                        r"(?-i:[A-Z])[\w&.'’-]*(?:\s(?-i:[A-Z])[\w&.'’-]*){0,2}\s+(?:predict|"
                        r"forecast|bet|reckon|speculate)s)\W*$", _I)


# "Pfizer acquires Halcyon at $61 a share — that is the bull-case scenario in our model": an
# analyst's scenario, named after the event it imagines (across a dash too).
_SCENARIO_AFTER = quick(r"^[^.;]{0,120}?\b((?:bull|bear|base|blue-sky|upside|downside)[- ]case|"
                        r"(?:in|under) (?:our|my) (?:[\w-]+ )?(?:model|scenario)s?)\b", _I)


# "IPO still not on the table", "a merger is off the table": the act named, then denied.
_NEGATED_AFTER = quick(
    r"^[\s'’]*(?:(?:is|are|was|were|remains?|stays?|still|now|firmly|very much|also)\s+){0,3}"
    r"((?:not|no longer) on the (?:table|cards|agenda)|off the (?:table|cards|agenda))\b", _I)


def negated_after(after: str) -> str | None:
    """The act named by the trigger is denied right after it: 'IPO still not on the table'."""
    match = _NEGATED_AFTER.match(after)
    return match.group(1) if match else None


def condition_after(after: str) -> str | None:
    """A condition, a forecaster's attribution or an analyst's scenario after the trigger:
    what it reports may not happen."""
    match = (_CONDITION_AFTER.match(after) or _FORECAST_AFTER.match(after)
             or _SCENARIO_AFTER.match(after))
    return next(group for group in match.groups() if group) if match else None


# The same, case-sensitive, for the lower-cased window (``folding``: the same matches).
_HYPOTHETICAL_FOLDED = (folded(_NEW_CLAUSE), folded(_HYPOTHETICAL))


def hypothetical(before: str) -> str | None:
    window = before[-60:]
    low = lowered(window)
    text, (new_clause, hypothesis) = ((window, (_NEW_CLAUSE, _HYPOTHETICAL)) if low is None
                                      else (low, _HYPOTHETICAL_FOLDED))
    clauses = list(new_clause.finditer(text))
    if clauses:
        window, text = window[clauses[-1].end():], text[clauses[-1].end():]
    match = hypothesis.search(text)
    if match is None:
        return None
    found = window[match.start():match.end()]  # as written
    if found.lower() in ("would", "will") and _REPORTED_WOULD.search(before[-130:]) and not (
            _WOULD_WEIGH.search(window, match.start())):
        return None  # (but "says he would consider buying Expedia" is still a what-if)
    return found


_WEIGHING = quick(r"\b(?:consider(?:s|ed|ing)?|weigh(?:s|ed|ing)?|mull(?:s|ed|ing)?|"
                       r"explor(?:e|es|ed|ing)|contemplat\w+)\b", _I)


def weighing(before: str) -> str | None:
    """'is considering layoffs': an option, not an event (deals are the exception: rumored)."""
    match = _WEIGHING.search(before[-40:])
    return match.group() if match else None


def soft(sentence_before: str) -> str | None:
    match = _SOFT.search(sentence_before[-80:])
    return match.group() if match else None


# "Shares rose 3% after launching X": in a market report the cause of the move is the news.
_SHARE_MOVE = quick(
    r"\b(?:" + SHARE_MOVES + r"|(?:is|was|were|are|closed|traded) (?:up|down|"
    r"flat|higher|lower)|was flat|were flat)\b[^.;]{0,50}$", _I)
# "Last year the company launched ...", "its third, in 2022, reached orbit after ...": a date at
# the head of the clause places every past-tense event in it.
_CLAUSE_DATE = quick(
    r"^\W*(?:last (?:year|decade|spring|summer|autumn|fall|winter)|(?:two|three|four|five|"
    r"several|many|\d+) years ago|a (?:year|decade) ago|years ago)\b|"
    r"(?<!founded )(?<!established )\b(?:in|since|back in|during) ((?:19|20)\d\d)\b", _I)
# "was delayed twice", "delayed the launch four times": a count of past events is a record.
# "delayed Hollowfield 3 twice": done more than once, so not today's single act
_REPEATED = quick(r"^(?:\s+(?:the |its |their )?[\w-]+){0,3}?\s+(?:twice|(?:three|four|five|"
                       r"several|multiple|\d+) times|repeatedly|so many times|so often|"
                       r"time and again|again and again|time after time|over and over)\b", _I)
# "when they joined Kestrel": the time of a past event told as background.
# A temporal 'when' clause opening the sentence or a clause: the time of another event.
_WHEN_OPENS = quick(r"(?:^|[.;:*!?—(]\s*|\b(?:and|but)\s+|\b(?:learned|learnt|happened|"
                    r"changed|remember|remembered|recall|recalled|realised|realized)\s+|"
                    r"\b(?:was|were)\s+(?:[\w'’-]+\s+){0,6})"
                    r"\W*when\s+[^,;.]{0,60}$", _I)
_WHEN_PAST = quick(r"\bwhen (?:he|she|they|it|we|I)\s+$", _I)
# "launched Lanternfall when the studio was twelve people", "joined when its fleet still fit
# in one yard": a past event placed in a past state of things.
# Only right after the event's own object (no relative clause, comparison or other verb in
# between: "who was CFO when the streamer was still mailing DVDs", "than when it was
# released"), and only a state: "still", or "was" + a size or an article ("was twelve
# people", "was a startup"), not "when the jet was launched".
_WHEN_BACK_THEN = re.compile(
    r"(?:(?!\b(?:who|whom|whose|which|that|than|later|earlier|planned|made|set|took|started|"
    r"founded|[a-z]+ed)\b)[^.;:,])*?"
    r"\b(when\s+(?:the\s+|its\s+|it\s+|they\s+)(?:[\w'’-]+\s+){0,3}?"
    r"(?:still|(?:was|were)\s+(?:still|just|only|a|an|tiny|small|young|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|eleven|twelve|twenty|fifty|a handful|\d+)))\b", _I)
# "cites old Uber settlement": the thing named is an old one.
# "the year Facebook cut", "the day Google bought": a past time named by what happened then.
_THE_TIME_OF = quick(r"\bthe (?:year|day|week|month|summer|spring|autumn|fall|winter|time|"
                     r"moment|night|era)\s+(?:that\s+|when\s+)?(?:[\w&.'’-]+\s+){1,3}$", _I)
_OLD_THING = quick(r"\b(?:old|earlier|prior|past|years-old)\s+(?:[A-Z][\w&.'’-]*\s+){1,3}$")
_PERFECT = quick(r"\b(?:has|have)\s+(?:[\w-]+\s+)?$", _I)


# An aside opened before a date: ", which Nvidia backed in", ", whose founder left in".
_ASIDE_OPENS = quick(r"[,(]\s*(?:which|who|whose|where|that|once|formerly|then)\b[^,()]*$|"
                          r"\([^()]*$", _I)


def _in_closed_aside(clause: str, start: int, end: int) -> bool:
    """The date at ``clause[start:end]`` sits in an aside closed before the trigger (the
    clause ends right before it): it dates the aside, not the clause's own verb."""
    opened = _ASIDE_OPENS.search(clause, 0, start)
    if opened is None:
        return False
    return (")" if opened.group().startswith("(") else ",") in clause[end:]


def _clause_start(before: str) -> str:
    cut = max(before.rfind(";"), before.rfind(". "))
    return before[cut + 1:]


def _past_trigger(trigger: str) -> bool:
    return any(_PAST_TENSE.fullmatch(word) for word in trigger.split())


def names_failed_deal(before: str) -> str | None:
    """"Nvidia's abandoned $40 billion bid": the word that names the deal as over (not
    reported ending now, which "Nvidia abandons its bid" does), or None."""
    failed = _FAILED_DEAL.search(before[-50:])
    return failed.group(1) if failed is not None else None


def history(before: str, trigger: str, after: str, ref_year: int) -> str | None:
    """Background rather than news: 'former', 'had', 'in 2004', 'its 2012 acquisition'."""
    found = _history(before, trigger, after, ref_year)
    if found is not None and found.lower() in ("after", "following") and _SHARE_MOVE.search(
            before[:-len(found) - 1] if before.endswith(" ") else before):
        return None
    return found


def _past_event(before: str, trigger: str, after: str, ref_year: int) -> str | None:
    """A past-tense trigger dated in the past by its own clause."""
    if not _past_trigger(trigger) or _PERFECT.search(
            before[-20:]):
        return None
    clause = _clause_start(before)
    for dated in _CLAUSE_DATE.finditer(clause):
        if _in_closed_aside(clause, dated.start(), dated.end()):
            continue  # "Stripe, which Nvidia backed in 2020, acquired": the aside's date
        if dated.group(1) is None or int(dated.group(1)) < ref_year:
            return dated.group().strip()
    repeated = _REPEATED.match(after)
    if repeated is not None and not _JUST_NOW.search(after[:60]):
        return repeated.group().strip()
    when = _WHEN_PAST.search(before[-12:])
    if when is not None:
        return when.group().strip()
    back_then = _WHEN_BACK_THEN.match(after)
    if back_then is not None and not _JUST_NOW.search(after[:back_then.start(1)]):
        return back_then.group(1)  # "joined Stripe when the company still fit on one floor"
    return None


def _history(before: str, trigger: str, after: str, ref_year: int) -> str | None:
    past = _past_event(before, trigger, after, ref_year)
    if past is not None:
        return past
    deals = _PAST_DEALS.search(before[-60:] + trigger)
    if deals is not None:
        return deals.group().strip()
    marked = _AFTER_NAMED_DEAL.search(before, max(0, len(before) - 60))
    if marked is not None and _DEAL_NOUN.match(trigger):
        return marked.group(1)  # "plant doubles output after Cobaltline takeover"
    failed = names_failed_deal(before)
    if failed is not None and _DEAL_NOUN.match(trigger):
        return failed  # "Nvidia's abandoned $40 billion bid for Arm"
    pending = _PENDING_DEAL.search(before, max(0, len(before) - 50))
    if pending is not None and _DEAL_NOUN.match(trigger) and not _DEAL_STEP.search(
            _clause_start(before[:pending.start()])[-80:]):
        return pending.group(1)  # "Pfizer's pending takeover of Halcyon"
    old = _OLD_THING.search(before[-40:])
    if old is not None:
        return old.group().split()[0]
    shared = _SHARED_ADVERB.search(before[-90:])
    if shared is not None:
        return shared.group().split()[0]
    dated = _DATED_WHEN.search(before[-160:])
    if dated is not None and int(dated.group(1)) < ref_year:
        return dated.group(0).strip()
    if _WHEN_OPENS.search(before[-80:]) and _past_trigger(trigger) and not _JUST_NOW.search(
            before[-80:] + " " + after[:60]):
        return "when ..."  # "When Oracle sued Google.", "when Apple bought Beats, it ..."
    the_time = _THE_TIME_OF.search(before[-60:])
    if the_time is not None and (_past_trigger(trigger)
                                 or trigger.split()[0].lower() in ("cut", "put", "set", "shut")):
        return the_time.group().strip()  # "notes on the year Facebook cut 11,000 jobs"
    same_time = _SAME_TIME_BACK.search(before[-80:])
    if same_time is not None:
        return same_time.group(0)
    opening = _clause_start(before)
    for told in _AGO_BEFORE.finditer(opening):
        # "Twenty-seven years ago this week, the Justice Department sued": unless the clause
        # comes back to now ("Founded ten years ago, it today acquired") or says who was founded.
        rest = _AGO_SAME_TIME.sub("", opening[told.end():], count=1)
        if not _JUST_NOW.search(rest) and not _NOW.search(rest) and not _FOUNDED.search(
                opening[max(0, told.start() - 40):told.start()]):
            return told.group()
    offset = max(0, len(before) - 30)
    match = _HISTORY_BEFORE.search(before, offset)
    if match is not None and not (match.group().lower() == "had" and _REPORTED_HAD.search(
            before, max(0, match.start() - 70), match.start())) and not (
            match.group().lower().endswith("ago") and _FOUNDED.search(
                before, max(0, match.start() - 40), match.start())):
        # (not "Mistral, founded only three years ago, strikes a deal": its age)
        return match.group()
    obtained = _OBTAINED_BY.search(before, max(0, len(before) - 60))
    if obtained is not None:
        # "the pill it gained by buying Calloway", "the assay work it took on with its
        # purchase of Veridane": how something the sentence names was come by, a past deal
        return obtained.group().strip()
    course = _COURSE_BY.search(before, max(0, len(before) - 200))
    if course is not None and trigger.split()[0].lower().endswith("ing"):
        return course.group().split()[0] + " ... by (a course run up to now)"
    if _WHO_PAST.search(before[-12:]) and _PAST_MOVE.match(trigger) and not _JUST_NOW.search(
            after[:60]):
        return "who ... (a past move)"
    made_then = _TOLD_THEN.match(after)
    if made_then is not None and any(w.lower() in EVENT_NOUNS for w in trigger.split()):
        # "the company's partnership with Uber announced in March": the deal the noun names
        # was made then.
        return made_then.group(1)
    whose = _WHOSE_CLAUSE.search(before[-80:])
    if whose is not None:
        rest = after[:80].split(",", 1)[0].split(";", 1)[0]
        years = [int(y) for y in _YEAR_IN.findall(rest)]
        if (_OLD_DATE.search(rest) or any(y < ref_year for y in years)) and not (
                _JUST_NOW.search(rest)):
            # "Perplexity, whose talks to sell itself to Google fell apart in February, ...":
            # a dated past told about the subject in a relative clause.
            return "whose ... (a dated past)"
    story = _NARRATIVE.search(before)
    if story is not None:
        return story.group()
    memory = _RECALLED_AFTER.match(after)
    if memory is not None:
        return memory.group(1)
    time_clause = _TIME_CLAUSE.search(before[-120:])
    if time_clause is not None:
        return time_clause.group().strip()
    year = _YEAR_BEFORE.search(before[-8:])
    if year is not None and int(year.group(1)) < ref_year:
        return year.group(1)
    window = after[:70]
    if not _may_date(window):
        return None
    for found in _YEAR_AFTER.finditer(window):
        if int(found.group(1)) < ref_year and not _FOUNDED.search(window[: found.start()]):
            return found.group()
    ago = _AGO.search(window) or _PAST_PERIOD.search(window) or _LAST_SEASON.search(window)
    if ago is None and _PAST_TENSE.match(trigger):
        ago = _IN_SEASON.search(window)
    return ago.group() if ago else None


# Every match of _YEAR_AFTER, _AGO, _PAST_PERIOD, _LAST_SEASON and _IN_SEASON holds one of
# these (lower-cased): a window without any cannot date the trigger, and the five searches
# (most windows have none) are skipped. It cannot change a result: where a stem is found,
# or the window holds a letter that folds to an ASCII one only under IGNORECASE, the
# searches run as written.
_DATE_STEMS = quick(r"19|20|ago|last|this year|previous year|year before|round|raise|"
                    r"over the|spring|summer|autumn|fall|winter")
_FOLDS_APART = frozenset("ſıİ")


def _may_date(window: str) -> bool:
    """Whether the searches of the window after a trigger can find a date (see above)."""
    return (_DATE_STEMS.search(window.lower()) is not None
            or not _FOLDS_APART.isdisjoint(window))


_FORMER_AFTER = quick(r"['’]s (?:former|ex-|onetime|previous)", _I)


def historical_mention(text_before_mention: str, text_after_mention: str = "") -> str | None:
    """'former GitHub CEO', "Tesla's former AI chief", 'veterans from Google DeepMind'."""
    match = _HISTORICAL_MENTION.search(text_before_mention[-40:])
    if match is None:
        match = _FORMER_AFTER.match(text_after_mention)
    return match.group().strip() if match else None


# "Between 60 and 170 jobs will be lost, and ...", "About 800 positions are to go": a
# sentence whose subject is a count of jobs, with no company in it. In the lead of a story
# about one company, the jobs are that company's.
_JOBS_SUBJECT = quick(
    r"\W*(?:(?:between|about|around|some|up to|more than|nearly|almost|roughly|approximately|"
    r"an estimated|at least|another|a further|over)\s+)?(?:\d[\d,.]*|hundreds|thousands|"
    r"dozens)(?:\s+(?:and|to)\s+\d[\d,.]*)?\s+(?:of\s+)?(?:jobs|positions|roles|posts)\s+"
    r"(?:will|would|are|is|were|could|may|are set to|are expected to|are due to)\s+"
    r"(?:be\s+)?(?:lost|go|cut|axed|shed|eliminated)\b", _I)


# "Thousands of jobs will be lost across the industry": the count is not one company's.
_JOBS_ELSEWHERE = quick(r"\b(?:across|industry|industries|sector|sectors|nationwide|economy|"
                        r"countries|country|region|regions|statewide|suppliers|rivals)\b", _I)


# "Controller Kevin Tsai will serve as interim CFO while the company searches for a
# permanent replacement": a stand-in's post, held for the company that is looking.
_STAND_IN_FOR_THE_COMPANY = quick(
    r"\b(?:interim|acting)\b[^.;]{0,80}?\b(?:while|until)\s+(?:the\s+(?:company|firm|"
    r"group|bank|board|business)|it)\s+(?:searches|looks|conducts|seeks|finds|names|hires|"
    r"appoints|recruits)\b", _I)


def stand_in_for_the_company(sentence: str) -> bool:
    """The sentence names an interim or acting post held while "the company" (or "it")
    looks for a permanent holder."""
    return _STAND_IN_FOR_THE_COMPANY.search(sentence) is not None


def jobs_subject(sentence: str) -> bool:
    """The sentence opens with a count of jobs as its subject, lost or cut, and does not
    place them across an industry, a country or other firms."""
    return _JOBS_SUBJECT.match(sentence) is not None and (
        _JOBS_ELSEWHERE.search(sentence) is None)


def has_anaphor(before: str) -> bool:
    """The clause subject is 'the company', 'it' or similar, pointing back to the topic."""
    # ``_ANAPHOR.search(before)``: a match at the start, or one further on (see above).
    return _ANAPHOR.match(before) is not None or _ANAPHOR_INSIDE.search(before, 1) is not None


def anaphor_at(before: str) -> int | None:
    """Where the last 'the company', 'it', 'its board' before the trigger starts."""
    starts = anaphor_starts(before)
    return starts[-1] if starts else None


@functools.lru_cache(maxsize=256)
def anaphor_starts(text: str) -> tuple[int, ...]:
    """Where each 'the company', 'it', 'its board' of ``text`` starts (found once per
    sentence, so many triggers in one sentence cost one scan)."""
    return tuple(m.end() - len(m.group().split()[-1]) for m in _ANAPHOR.finditer(text))


def anaphor_before(sentence: str, pos: int) -> int | None:
    """The last anaphor of ``sentence`` that starts before ``pos``."""
    starts = anaphor_starts(sentence)
    index = bisect.bisect_left(starts, pos)
    return starts[index - 1] if index else None


# "will be bought by", "to be acquired by", "agreed to be acquired": not done yet.
_TO_BE = quick(r"\b(?:will|would|to|shall|is set to|are set to)\s+be\s+(?:\w+ly\s+)?"
                    r"(?:acquired|bought|purchased|taken over|absorbed|sold)\b", _I)


def deal_completed(sentence: str) -> bool:
    """Whether the sentence's own words tell a deal done ("The deal closed on Monday")."""
    return _sentence_stage(sentence) == "completed"


def acquisition_stage(sentence: str, trigger: str) -> str:
    """rumored/talks/announced/completed/terminated, from the words of the sentence."""
    stage = _sentence_stage(sentence)
    if stage is not None:
        return stage
    if _PAST_TRIGGER.search(trigger) and not _TO_BE.search(trigger):
        return "completed"
    return "announced"


@functools.lru_cache(maxsize=256)
def _sentence_stage(sentence: str) -> str | None:
    """The stage the sentence's own words give (read once per sentence, however many
    triggers it holds), or None."""
    if _TERMINATED.search(sentence):
        return "terminated"
    if _TO_BE.search(sentence):
        return "announced" if not _RUMORED_ONLY.search(sentence) else "rumored"
    if _COMPLETED.search(sentence):
        return "completed"
    if _AGREED.search(sentence):
        return "announced"
    if _TALKS.search(sentence):
        return "talks"
    if _RUMORED.search(sentence):
        return "rumored"
    return None
