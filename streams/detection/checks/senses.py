"""Sense guards: the other meanings of the words that state events, as data per event type.

A trigger word has an event sense and everyday senses: a stock "closes" at a price, a
shopper "buys" a phone, a bank "releases" its results, a manager "sacks" a worker, a
relationship "is unchanged". Each ``SenseGuard`` names the everyday sense, the text it
looks at, and the reason ``rules explain`` gives. ``SENSES`` maps each event type to its
guards; ``sense_reason`` is the one function the engine calls.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ....schemas.event import EventType
from ..companies import Mention
from ..first_chars import quick
from ..lexicon import (
    DATA_AS_REPORT,
    FICTION_WORKS,
    IN_SENTENCE,
    MONTH_NAMES,
    NUMBER_WORDS,
    PEOPLE_PLURALS,
    PERFORMERS,
    SUPPLY_NOUNS,
    SUPPLY_PURCHASE,
)
from ..triggers import TriggerSpec

_I = re.IGNORECASE
Where = Literal["after", "before", "sentence", "trigger"]


@dataclass(frozen=True)
class SenseGuard:
    """When ``pattern`` matches ``where`` (the text right after the trigger, the clause
    before it, the whole sentence, or the trigger itself), the trigger is used in another
    sense; ``unless`` (same place) restores the event sense."""

    where: Where
    pattern: re.Pattern[str]
    reason: str
    unless: re.Pattern[str] | None = None
    trigger: re.Pattern[str] | None = None  # only for triggers that match this
    # The matched words only describe the watched company named right after them: "buys
    # the online auction site TradeMe", "purchased the Dublin stores chain Roches".
    unless_named_next: bool = False
    # Only when a watched company is named right after the matched words: "buy any Tesla".
    only_named_next: bool = False
    # A last matched word written with a capital, outside a Title Case headline, is part of
    # a proper name: "its takeover of Hollis Home", "to acquire Switch Data Centers".
    capital_is_name: bool = False

    def applies(self, text: str, start: int, end: int,
                mentions: Sequence[Mention] = ()) -> bool:
        if self.trigger is not None and not self.trigger.search(text[start:end]):
            return False
        where = self._where(text, start, end)
        match = self.pattern.search(where)
        if match is None or (self.unless is not None and self.unless.search(where) is not None):
            return False
        if self.where == "after" and not self.only_named_next and any(
                end <= m.start < end + match.end() < m.end + 1 for m in mentions):
            return False  # the words read end inside a watched name: "buy Aligned Data Centers"
        last = match.group().split()[-1] if self.capital_is_name else ""
        if last[:1].isupper() and last[1:2].islower() and _running_text(text):
            return False  # "Home", not "GPUs"
        if (self.unless_named_next or self.only_named_next) and self.where == "after":
            after = end + match.end()
            while after < len(text) and text[after] in " ,":
                after += 1
            named = any(m.start == after for m in mentions)
            return named if self.only_named_next else not named
        return True

    def _where(self, text: str, start: int, end: int) -> str:
        """The text the guard reads (only that one is cut out)."""
        if self.where == "after":
            return text[end:end + 90]
        if self.where == "before":
            return text[max(0, start - 90):start]
        return text if self.where == "sentence" else text[start:end]


def _g(where: Where, pattern: str, reason: str, *, unless: str | None = None,
       trigger: str | None = None, unless_named_next: bool = False,
       only_named_next: bool = False, capital_is_name: bool = False) -> SenseGuard:
    return SenseGuard(where, quick(pattern, _I), reason,
                      quick(unless, _I) if unless else None,
                      quick(trigger, _I) if trigger else None, unless_named_next,
                      only_named_next, capital_is_name)


def _running_text(text: str) -> bool:
    """Not a Title Case headline: two or more longer words written lower-case. Looser than
    ``sentences.title_case``, on purpose: a short sentence full of names ("Marlowe completed
    its takeover of Hollis Home on Monday") is running text although most words are capitals."""
    return sum(1 for w in text.split() if w[:1].islower() and len(w) > 3) >= 2


_FUNDING = (r"\b(?:funding|financing|round|capital|series [a-h]\b|seed|venture|investment|"
            r"backing|bail-?out|rescue|cash injection|equity|stake|raise|ipo|private placement|"
            r"investors?|(?:government|state|emergency) (?:aid|support|loans?)|"
            r"recapitali[sz]ation)\b")

INVESTMENT: tuple[SenseGuard, ...] = (
    _g("sentence", r"\b(?:shares?|stocks?|index|futures)\b[^.;]{0,60}\b(?:to |a |at )?clos(?:e|ed|"
       r"es|ing)\b|\bclos(?:e|ed|es|ing)\s+(?:(?:on\s+)?(?:monday|tuesday|wednesday|thursday|"
       r"friday|yesterday|today|tuesday's session)\s+)?(?:(?:back )?(?:above|below|at)|up|down|"
       r"higher|lower|flat|the (?:day|week|session))\b|\brecord (?:close|high)\b|"
       r"\bmarket (?:value|cap\w*)\b|\bat close to\b|"
       # "Pfizer (PFE) | Neutral | PT $28 | Close $25.70": a price, not a round's millions
       r"\bclos(?:e|ed|ing)\s*[:=]?\s*(?:us)?[$€£]\s?\d[\d.,]*(?!\d|\s?(?:[mb]n?|million|"
       r"billion)\b)|"
       r"\b(?:value|worth|valuation|capitali[sz]ation)\b",
       "a share price or market value, not an investment", trigger=r"clos",
       # ... unless a round is what closed: "closed a $2 billion funding round at a $50
       # billion valuation", "Anysphere, worth $29bn in November, closes $2bn round"
       unless=r"\bclos(?:e|es|ed|ing)\s+(?:on\s+\w+\s+)?(?:(?:a|an|its|the|their)\s+)?"
              r"(?:[\w$€£.,-]+\s+){0,4}?(?:round|financing)\b"),
    _g("after", r"^\W*(?:a |an |the )?(?:[\w$.,-]+ ){0,5}?(?:fines?|penalt(?:y|ies)|damages|"
       r"refunds?|compensation|award|prize|grant|subsid(?:y|ies)|tax (?:break|credit)s?)\b",
       "a fine, prize or subsidy, not an investment"),
    _g("sentence", r"\b(?:charit\w*|donat\w+|fundrais\w+|for (?:a |the )?(?:cause|victims|"
       r"hospital|school|foundation))\b", "charity, not an investment"),
    # Received or got money: an investment only with a funding word.
    _g("after", r"^", "money received, not an investment", unless=_FUNDING + r"|\bfrom\b",
       trigger=r"^(?:receiv|gets?\b|got\b|net|land|bag|secur)"),
    _g("sentence", r"^", "took part in something other than a funding round",
       unless=r"\b(?:round|financing|funding|raise|investment|offering|placement|series|"
       r"backers?|investors?)\b",
       trigger=r"^(?:participat|took part|takes? part|taking part)"),
    _g("after", r"^\W*(?:[\w$.,-]+ ){0,6}?(?:in |of )?(?:sales|revenue|orders|profits?|income|"
       r"earnings|bookings|contracts)\b", "sales or earnings, not an investment",
       unless=_FUNDING),
    _g("before", r"\b(?:need|needs|needed|hope|hopes|try|tries|seek|seeks|struggl\w+|"
       r"helped|help|helps)(?: to)? (?:\w+ ){0,2}$", "money sought, not raised",
       trigger=r"^(?:secur|rais|receiv|get|got|land|win|won)"),
    # "will invest in new programming", "invested in the Bucharest Mall": spending on its
    # own operations or property, not money into a company.
    _g("after", r"^\W*(?:(?:a|an|the|its|their|new|more|further|additional|heavily)\s+|"
       r"[a-z$\d][\w$.,-]*\s+){0,3}(?:programming|infrastructure|plants?|factor(?:y|ies)|facilit(?:y|ies)|"
       r"projects?|research|r&d|capacity|networks?|stores?|marketing|training|technology|"
       r"data cent(?:er|re)s?|equipment|property|properties|real estate|malls?|shopping "
       r"cent(?:er|re)s?|buildings?|offices?|its (?:own )?(?:business|operations|people))\b|"
       r"^\W*(?:its|the|their) (?:own )?(?:[\w-]+ ){0,2}(?:division|unit|arm|business|"
       r"operations|subsidiary)\b|^\W*(?:[A-Z][\w-]* ){1,2}(?:division|unit|arm|business)\b",
       "spending on its own operations or property, not an investment in a company",
       trigger=r"^invest(?!\w*\s+(?:from|by)$)"),  # "investment from X" is money received
    # "names first CFO ahead of planned IPO": the listing is still to come, not the news.
    _g("before", r"\bahead of (?:a |an |its |the |their )?(?:planned |possible |potential |"
       r"expected |likely |eventual |future |long-awaited )?$", "a listing still ahead",
       trigger=r"ipo|initial public|flotation|listing|public offering"),
    # "price target raised to $118", "raising PT to $290": an analyst's number, not money.
    _g("before", r"\b(?:price targets?|pt|targets?|forecasts?|guidance|outlook|estimates?|"
       r"ratings?|dividends?|prices?)\s+(?:was |is |were |are |been |being )?$",
       "a target or forecast raised, not money", trigger=r"^rais"),
    # "the startup that counted Microsoft among its investors": who holds a stake, not a round.
    _g("before", r"\b(?:counts?|counted|counting|boasts?|boasted|numbers|numbered)\s+"
       r"(?:[\w&.'’-]+,?\s+){1,8}$", "who holds a stake, not a new investment",
       unless=r"\b(?:round|raise[sd]?|raising|funding|financing)\b",
       trigger=r"^among (?:the |its |their )?(?!new\b)"),
    # "It raises roughly £800m a year, most of it from US groups": recurring revenue, not a
    # round.
    _g("after", r"^[^.;]{0,40}?\b(?:a|per|each|every) (?:year|month|quarter|week)\b|"
       r"^[^.;]{0,40}?\b(?:annually|yearly|monthly)\b", "recurring revenue, not an investment",
       trigger=r"^rais"),
    # "Uber backs Labor Department's contractor rule": support for an idea, not money.
    _g("after", r"^\W*(?:[\w&.'’-]+\s+){0,4}?(?:rules?|policy|policies|bills?|laws?|plans?|"
       r"proposals?|measures?|candidates?|campaigns?|efforts?|calls?|push|ideas?|bans?|bids?|"
       r"reforms?|stance|decisions?|moves?|legislation|regulations?|standards?|"
       r"initiatives?|approach)\b", "support for an idea, not money", trigger=r"^back",
       # ... unless money backs it: "Nvidia backs Cobaltline's packaging push with $200M"
       unless=r"^[^.;]{0,60}?\bwith (?:a |an )?(?:us\$|\$|€|£)\s?[\d.,]+\s?(?:[mb]n?|million|"
       r"billion)?\b"),
    # "Adobe closes $1.1bn Framecraft purchase": a deal closed, not money raised.
    _g("after", r"^" + IN_SENTENCE + r"{0,40}?\b(?:purchase|acquisition|takeover|merger|buyout|"
       r"buy-out|sale)s?\b",
       "a purchase closed, not money raised", trigger=r"^clos"),
    # "The panel, with participation from Nvidia", "a final round of talks ... and a panel
    # with participation from": only a funding round has investors taking part.
    _g("before", r"", "taking part in something other than a round",
       unless=r"\b(?:funding|financing|investment|series [a-h]|seed|venture|equity|growth|"
              r"mega-?)\s*round\b|\bseries [a-h]\b|"
              r"\bround (?:was |is )?(?:led|co-led) by\b|\bround of "
              r"(?:funding|financing|investment)\b|\b(?:financing|placement|offering|raise[sd]?|"
              r"raising)\b|[$€£]\s?\d|\b\d[\d.,]*\s?(?:[mb]n?|million|billion)\b",
       trigger=r"^with"),
    # "agreed to buy Kestrel, ending Kestrel's plans to go public": a listing called off.
    _g("before", r"\b(?:end(?:s|ed|ing)?|scuttl(?:e|es|ed|ing)|scrap(?:s|ped|ping)?|"
       r"abandon(?:s|ed|ing)?|shelv(?:e|es|ed|ing)|kill(?:s|ed|ing)?|derail(?:s|ed|ing)?|"
       r"dash(?:es|ed|ing)?|torpedo(?:es|ed|ing)?|drop(?:s|ped|ping)?|put an end to)\s+"
       r"(?:(?:the|its|their|his|her|any|[\w.&'’-]+['’]s?)\s+){0,3}$",
       "a listing called off, not money raised", trigger=r"(?:plans? to |^)go(?:es)? public"),
    # "agrees to buy a 70% stake in Pitchside", "a controlling stake": control, which is the
    # acquisition, not an investment beside it.
    _g("trigger", r"\b(?:5[1-9]|[6-9]\d|100)(?:\.\d+)?\s?(?:%|percent|per cent)|"
       r"\b(?:majority|controlling)\b", "a controlling stake: an acquisition, not an investment",
       trigger=r"stake"),
    # "My dad invests in Apple every month", "Last week I invested $500 in Nvidia", "retail
    # investors poured $2 billion into Nvidia shares": a person buying a listed company's
    # stock, not money put into the company.
    _g("before", r"(?:(?<![\w'’])(?-i:I)|\b(?:she|he|you|my|your|his|her|retail investors?|"
       r"individual investors?|small investors?|ordinary investors?|savers|day traders))"
       r"\s+(?:[\w'’]+\s+){0,4}$", "a person buying shares, not an investment in the company",
       unless=r"\b(?:my|your|his|her) (?:[\w-]+ )?(?:company|firm|fund|startup|employer|"
              r"venture|family office)\b",
       trigger=r"^(?:invest|pour|put)"),
    # "which has received billions of dollars in investment from Amazon and Google": money
    # taken in over the years, told as a sum with no round.
    _g("after", r"^\s+(?:(?:many|several|tens of|hundreds of|a few)\s+)?(?:billions|millions)\s+"
       r"(?:of\s+(?:dollars|pounds|euros)\s+)?(?:in\s+)?(?:investment|funding|backing|capital)\b",
       "money taken in over the years, not a round",
       trigger=r"^(?:received|raised|taken|attracted|has received|has raised)"),
    # "the most valuable company listed on the Korea Exchange": a description, not a listing
    _g("before", r"\b(?:compan(?:y|ies)|firms?|stocks?|shares|groups?|businesses|lenders?|"
       r"banks?|makers?|names|carmakers?|chipmakers?|insurers?|retailers?)\s+$",
       "a company described as listed, not a listing", trigger=r"^listed"),
)

# What code review merges ("pull requests", "branches"), not companies.
_CODE = (r"(?:pull requests?|PRs?|branch(?:es)?|commits?|patches|changesets?|code changes|"
         r"forks?|repos?|repositories)")

ACQUISITION: tuple[SenseGuard, ...] = (
    # "bought nine of them", "buying vacant shops", "to purchase twenty new Airbus A320 jets"
    _g("after", r"^\W*(?:(?:roughly|about|around|nearly|almost|over|some|up to|at least|"
       r"more than|another)\s+)?(?:(?:some|more|all|most|many|several|dozens|hundreds|"
       r"thousands|\d[\d,.]*|" + NUMBER_WORDS + r"\w*)\s+)?(?:of (?:them|those|these|the)\b|"
       r"(?:\w+\s+){0,3}(?:new |used |"
       r"available |vacant |more |additional )?(?:[A-Z][\w'’&.-]*\s+){0,3}(?:[\w-]+\s+)?"
       r"(?:jets?|aircraft|"
       r"planes?|airliners?|helicopters?|trucks?|buses|ships?|vessels?|tankers?|"
       r"locomotives?|trains?|cars?|vehicles?|gpus?|chips?|processors?|servers?|phones?|"
       r"items?|goods|products|tickets?|shops|stores|outlets|units|buildings?|propert(?:y|ies)|"
       r"land|sites?|plots?|homes?|houses?|apartments?|offices?|tower|towers|stadium|"
       r"paintings?|works|bonds?|treasuries|debt|gold|oil|gas|coal|grain|equipment|"
       r"machines?|robots?|licen[cs]es?|rights|tokens?|bitcoin|credits?|shares? back|"
       r"back shares|graphics processors|malls?|centres?|centers?|memory|batteries|"
       # (a bare "station" or "warehouse" may be a broadcaster or a store: "Illum warehouse")
       r"wafers|panels|(?:delivery|distribution|fulfil?ment|sortation) (?:stations?|"
       r"warehouses?|hubs?)|facilit(?:y|ies)|depots?|"
       # written lower-case: "Quillfeather Software" is a company
       r"(?-i:content|software|hardware|devices?|handsets?|consoles?|laptops?|computers?|"
       r"subscriptions?)))\b"
       # ... unless the goods only describe the company bought: "chip designer Arm", "oil
       # producer Hess", "aircraft parts maker Spirit AeroSystems", "its bond insurance arm".
       # (not across a preposition: "buy items from participating retailers" buys goods)
       r"(?!(?:[\s-]+(?!(?:from|for|to|at|in|on|by|with)\b)[\w-]+){0,2}?\s+(?:designers?|"
       r"makers?|producers?|manufacturers?|"
       r"firms?|company|companies|suppliers?|developers?|providers?|operators?|groups?|"
       r"start-?ups?|businesses|business|retailers?|chains?|brands?|owners?|specialists?|"
       r"builders?|distributors?|arms?|units?|divisions?|subsidiar(?:y|ies)|insurers?|"
       r"lenders?|banks?|operations)\b)"
       # ... or are part of a company's own name: "Precision Aircraft Parts Inc.", "Switch
       # Data Centers, the Las Vegas-based operator"
       r"(?!(?:\s+(?-i:[A-Z])[\w&-]*){0,2},?\s+(?:inc|corp|corporation|ltd|llc|plc|co|group|"
       r"holdings|ag|sa|gmbh|nv)\b)"
       r"(?!(?:\s+(?-i:[A-Z])[\w&-]*){0,2},\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}(?:company|"
       r"firm|maker|operator|provider|supplier|developer|group|business|start-?up|specialist|"
       r"owner|chain|retailer|lender|bank|insurer|manufacturer|producer)\b)",
       "goods or property bought, not a company", unless_named_next=True,
       capital_is_name=True),
    _g("before", r"\b(?:shoppers?|customers?|consumers?|buyers?|people|fans|visitors|readers|"
       r"we|you|i|they|families|parents|voters|investors|teens|teenagers|kids|children|"
       r"students|retirees|savers|traders|households|collectors|gamers)\s+(?:(?-i:[a-z]\w*)\s+){0,3}$",
       "people shopping, not a company buying a company",
       trigger=r"^(?:buy|bought|purchas|pick)"),
    _g("before", r"\bup for\s+$|\bfor\s+$", "offered for sale, not bought",
       trigger=r"^sale\b"),
    # "a pledge to buy more from Black-owned businesses": buying goods from suppliers.
    _g("after", r"^\W*(?:more|less|fewer|locally|directly|only|exclusively)\s+(?:\w+\s+)?from\b",
       "buying from suppliers, not a company bought", trigger=r"^(?:buy|purchas|sourc)"),
    # "Salesforce has bought enough companies": a record of deals, not one deal.
    _g("after", r"^\W*(?:enough|so many|too many|many|several|dozens of|lots of|a lot of|"
       r"plenty of|countless|numerous|a string of|a series of|a handful of|more)\s+"
       r"(?:[\w-]+\s+){0,2}?(?:companies|firms|startups|start-ups|businesses|rivals|"
       r"competitors)\b",
       "a record of deals, not one deal"),
    # "one of the best reasons to buy any Tesla", "Paderborn museum acquires a working
    # Apple-1": one of its products, not the company.
    _g("after", r"^\s+(?:any|a|an|your|my|our|their|his|her|another|one|two|three)"
       r"(?:\s+(?:used|new|brand-new|working|vintage|second-hand|secondhand|refurbished|"
       r"restored|rare|mint|boxed|cheap|loaded|fully loaded|base|top-spec|\d{4}))?\b",
       "one of its products, not the company",
       trigger=r"^(?:buy|purchas|acquir)", only_named_next=True),
    # "a 15-year power purchase agreement": energy bought under contract, not a company.
    _g("before", r"\b(?:power|energy|electricity|offtake|gas|fuel|capacity|advance|"
       r"share)\s+$", "a supply or share contract, not a company bought",
       trigger=r"^purchase agreements?\b"),
    # "buying the rest of the company", "the rest of Nvidia's 2026 output": the rest of what
    # is not a company named right there.
    _g("after", r"^\s+(?:the|a|an|its|their|his|her|this|that)\b|^\s+[\w&.-]+(?:\s[\w&.-]+){0,3}"
       r"['’]s\b", "the rest of something other than a named company",
       trigger=r"(?:rest|remainder|remaining|outstanding)"),
    # "Sold by Amazon; ships free.", "Ships from and sold by Amazon": a shop's listing.
    _g("before", r"^\W*$|\b(?:ships? from and|shipped and|fulfilled and|ships? from)\s+$",
       "a shop's listing, not a company sold", trigger=r"^sold by"),
    # "many pull requests unable to merge", "branches that fail to merge": code merging.
    _g("before", r"\b" + _CODE + r"\b[^.;]{0,30}$", "code merged, not companies",
       trigger=r"merg"),
    # "unable to merge pull requests": the same, the code after the verb.
    _g("after", r"^\s+(?:the\s+|their\s+|its\s+|a\s+|any\s+)?(?:[\w-]+\s+){0,2}?" + _CODE
       + r"\b", "code merged, not companies", trigger=r"merg"),
    # "the instant scratch tickets sold by the OLGC": goods a company sells, not a company.
    _g("before", r"\b(?:tickets?|products?|goods|items?|cars?|phones?|devices?|toys?|drugs?|"
       r"medicines?|foods?|drinks?|meals?|clothes|clothing|shoes|books?|games?|policies|"
       r"plans|loans?|mortgages?|bonds?|subscriptions?|licen[cs]es?|copies|units|"
       r"vehicles?|homes?|houses?|apartments?|flats?)\s+(?:(?:that|which)\s+(?:are|were|is|"
       r"was|have been|had been)\s+)?$", "goods sold, not a company", trigger=r"^sold by"),
    # "$50 million of stock bought by its partner Pfizer": shares bought are a stake.
    _g("before", r"\b(?:stock|shares|equity|bonds|notes|debt|units)\s+$",
       "shares bought, a stake, not a company", trigger=r"^(?:bought|purchased|acquired) by"),
    # "raises $700 million in share sale to fund": shares or goods sold, not a company.
    _g("before", r"\b(?:share|stock|equity|bond|debt|rights|asset|garage|fire|clearance|yard|"
       r"bake|ticket|flash|holiday|warehouse|liquidation|secondary)\s+$",
       "shares or goods on sale, not a company sold", trigger=r"^sale"),
    # "Das, a Red Hat veteran, takes over the company's largest business", "took over the
    # day-to-day running": a person taking charge, not a takeover.
    _g("after", r"^\s+(?:(?:the |his |her |their )?(?:role|job|post|position|duties|"
       r"responsibilit\w+|helm|reins|leadership|day-to-day|running|chair|command)\b|"
       r"the (?:company|firm|group|bank|carrier|airline|business)['’]s\b)",
       "a person taking charge, not a takeover", trigger=r"^t(?:ake|akes|ook|aking) over$"),
    # "why we'd buy Pfizer under $25": shares bought below a price, an investor's pick.
    _g("after", r"^\s+(?:[\w&.'’-]+\s+){1,3}?(?:under|below|beneath|near|around|on dips? "
       r"(?:to|below))\s+(?:\$|€|£|US\$)\s?\d", "shares bought below a price, not a company",
       trigger=r"^buy"),
    # "My 14-year-old just bought Nvidia", "I bought Apple at $90": a person buying shares.
    _g("before", r"(?:\b(?:I|I've|I'd|I'll|I'm|me|my\s+[\w'’-]+(?:\s+[\w'’-]+)?|our\s+"
       r"(?:son|daughter|kids?|teens?|teenager|child|children|family|household)|"
       r"[\w-]+-year-old|grandma|grandpa|mom|mum|dad|"
       # "Cathie Wood's funds bought Block again": shares bought by funds and traders
       r"(?:hedge |index |mutual )?funds|ETFs|traders|retail investors|shareholders)\s+"
       r"(?:(?:just|finally|also|recently|then|"
       r"have|had|went and|want to|wants to|would|should|to)\s+){0,2})$",
       "a person buying shares or goods, not a company bought",
       trigger=r"^(?:bought|buy|buys|buying|purchas)"),
    # "agreed to buy the output of two solar projects", "to buy electricity from": a supply
    # contract, not a company bought.
    _g("after", r"^\s+(?:(?:the|all|most|some|part of the|all of the)\s+)?(?:[\w-]+\s+){0,2}?"
       r"(?:output|electricity|power|energy|gas|crude|oil|LNG|capacity|offtake|credits|"
       r"allowances|production)\b(?!\s+(?:company|companies|firm|business|unit|division|"
       r"producer|developer|utility|provider|group|assets))", "a supply bought, not a company",
       trigger=r"^(?:buy|bought|buys|buying|purchas)"),
    # "Planning commission to hear rezoning bid for proposed Amazon delivery station", "a
    # re-election bid": a bid for a permit, an office or a title, not for a company.
    _g("before", r"\b(?:re-?zoning|zoning|planning|permit|variance|annexation|re-?election|"
       r"election|presidential|leadership|olympic|hosting|world cup|record|title|playoff|"
       r"comeback|asylum|parole|tax (?:break|abatement|incentive))\s+$",
       "a bid for a permit, an office or a title, not for a company", trigger=r"^bids?\b"),
    # "Stripe's Lumen Rails purchase takes Deal of the Year at the FinTech Lion awards", "its
    # acquisition of Arm was named deal of the year": an award for a deal done before.
    _g("sentence", r"\b(?:purchase|acquisition|takeover|merger|buyout|deal)\b"
       r"(?:(?!\b(?:which|who|that)\b)[^.;!?]){0,120}?\b(?:(?:was|is|has been|were)\s+)?"
       r"(?:named|crowned|voted|shortlisted|wins?|won|takes?|took|scoop(?:s|ed)?|earn(?:s|ed)?|"
       r"picks? up|picked up|bag(?:s|ged)?)\s+(?:[\w&'’-]+\s+){0,5}?(?:of\s+the\s+(?:year|"
       r"decade)|awards?|prize|honou?rs?)\b", "an award for a deal done before, not a deal",
       trigger=r"^(?:purchase|acquisition|takeover|merger|buyout|deal)\b"),
    # "voted it the best biopharma acquisition of the decade": a ranking, no company bought.
    _g("after", r"^\s*the\s+(?:year|decade|century|quarter|month|week|season)\b",
       "a ranking of deals, not a company bought",
       trigger=r"(?:purchase|acquisition|takeover|buyout|deal)s?\s+of$", capital_is_name=True),
    # "banned the production and sale of both Coca-Cola and Pepsi", "the import or sale of
    # Tesla cars": selling goods, one trade among others, not a company sold.
    _g("before", r"\b(?:production|manufactur(?:e|ing)|making|import(?:ation|ing)?|export|"
       r"distribution|marketing|advertising|promotion|purchase|use|consumption|possession|"
       r"supply|storage|transport)\s*(?:,|and|or|and/or)\s+(?:the\s+)?$",
       "goods made and sold, not a company sold", trigger=r"^sales?\b"),
    # "Bergen trio's takeover of Spotify playlist", "an Instagram account takeover": a page,
    # an account or a stage taken over for a day, not a company.
    _g("after", r"^\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w&.'’-]+\s+){1,3}?(?:playlists?|"
       r"accounts?|channels?|pages?|profiles?|homepage|feeds?|stor(?:y|ies)|charts?|billboards?|"
       r"stages?|booths?|timelines?|handles?)\b", "a page or an account taken over, not a company",
       trigger=r"^takeovers?\b"),
    # "Agency Mother acquires Uber's $300 million media account": an agency's client won,
    # not a company bought.
    _g("after", r"^\s+(?:[\w&.'’-]+\s+){0,2}?(?:[\w$.,-]+\s+){0,4}?(?:media|creative|advertising|"
       r"ad|digital|social|pr|marketing|brand|planning|buying)\s+(?:accounts?|briefs?|"
       r"mandates?|assignments?|business)\b", "an agency's account won, not a company bought",
       trigger=r"^(?:acquir|pick|win|won|land|snag|scoop|bag)"),
    # "Tidewell Foods buys Nvidia by the rack now": a company's goods bought by the measure.
    _g("after", r"^\s+[\w&.'’-]+(?:\s+[\w&.'’-]+){0,2}?\s+(?:by the (?:rack|crate|box|case|"
       r"dozen|truckload|pallet|container|ton|tonne|barrel|pound|kilo|thousand|hundred|"
       r"million)|in bulk|wholesale)\b", "its goods bought by the measure, not the company",
       trigger=r"^(?:buy|bought|purchas)"),
    # "Nvidia's GPUs were bought by the university", "Tesla's cars are purchased by fleets":
    # a company's goods, the subject of the passive, bought by a customer.
    _g("before", r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:gpus|chips|processors|servers|phones|"
       r"smartphones|handsets|cars|vehicles|trucks|jets|aircraft|planes|devices|laptops|"
       r"computers|tablets|consoles|headsets|glasses|watches|drones|robots|batteries|panels|"
       r"products|goods|tickets|systems)\s+$", "its goods bought, not the company",
       trigger=r"(?:bought|purchased|acquired|snapped up)"),
    # "SK Hynix took over Samsung Electronics as the most valuable company": a ranking passed
    _g("after", r"^\s+(?:[\w.&'’-]+\s+){1,4}?(?:as|in)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?"
       r"(?:most valuable|largest|biggest|top|leading|no\.? ?1|number one|richest|"
       r"market value|market capitali[sz]ation|market cap|rankings?|sales)\b",
       "a rival passed in a ranking, not a company bought",
       trigger=r"^(?:take|takes|took|taking) over"),
    # "Google buys your biggest supplier, and the board wants to know by Monday": a scenario
    # put to the reader, not a report
    _g("after", r"^\s+your\b", "a scenario put to the reader, not a report",
       trigger=r"^(?:buy|bought|acquir|purchas|take|took|snap)"),
    # "the FTC's case seeking to unwind its purchases of Instagram and WhatsApp": deals done
    # before, to be undone
    _g("before", r"\b(?:unwind(?:s|ing)?|unwound|undo(?:es|ing)?|undid|reverse[sd]?|reversing|"
       r"unravel\w*|break(?:s|ing)? up|broke up)\s+(?:(?:its|their|the|his|her)\s+)?"
       r"(?:[\w'’-]+\s+){0,2}$", "a deal done before, to be undone"),
)

# A routine update named by its month or kind: "December 2026 Pixel update", "May security
# patch", "bug-fix release".
_ROUTINE_UPDATE = (r"(?:" + MONTH_NAMES + r"(?:\s+20\d\d)?|(?:spring|summer|autumn|fall|winter)"
                   r"(?:\s+['’]?\d\d(?:\d\d)?)?|monthly|weekly|security|"
                   r"maintenance|bug-?fix|stability)\s+(?:(?-i:[A-Z])[\w+-]*\s+){0,2}?(?:security\s+)?"
                   r"(?:software\s+|firmware\s+|system\s+)?(?:update|patch|release)e?s?")

PRODUCT_LAUNCH: tuple[SenseGuard, ...] = (
    _g("after", r"^\W*(?:(?:a|an|the|its|it['’]s|their|his|her|new|latest|first|"
       r"quarterly|annual|half-year|six[- ]month|full-year|interim|preliminary)\s+)*"
       # (the words before the noun do not cross a preposition: "launches an AI app for
       # sales teams" launches the app)
       r"(?:(?!for\b|to\b|that\b|which\b|with\b)[\w%$.,'’-]+\s+){0,3}?(?:results|earnings|"
       r"figures|numbers|report|statements?|"
       # (not "data residency", "a data service": services sold)
       r"details|" + DATA_AS_REPORT + r"|findings|study|studies|paper|papers|research|survey|"
       r"guidance|forecast|"
       r"outlook|list|ranking|index|minutes|transcript|letter|memo|comments?|information|"
       r"warnings?|guidelines|recommendations|"
       r"remarks|video of|footage|photos?|images?|statement|sales?|promotions?|"
       r"competitions?|contests?|giveaways?)(?![\w-])",
       "a report or results, not a product"),
    _g("after", r"^\W*(?:just )?(?:one of|a (?:new )?(?:way|method|approach|concept|idea|"
       r"complexity|risk|layer)|complexity|new complexity|challenges?|risks?|uncertainty|"
       r"friction|methods?|ways?)\b", "an abstract thing, not a product"),
    # "instance launches and load balancer checks": the noun, with nothing launched.
    _g("after", r"^\s*(?:and|or|but|are|were|is|was|have|has|had|continue|failed|fail)\b|"
       r"^\s*[!?]", "the noun 'launch', with nothing launched", trigger=r"launch|releases"),
    _g("after", r"^\W*(?:before|during|as|when|while|by|to|for|with)\b",
       "nothing named as released", trigger=r"releas"),
    _g("before", r"\b(?:refus\w+|declin\w+|won['’]?t|will not|would not|did not) (?:to )?$",
       "refused, not launched"),
    # "releases all of the carbon", "released the hostages": the everyday verb.
    _g("after", r"^\W*(?:(?:all|most|some|more|much|the|its|their|of)\s+)*(?:[\w-]+\s+){0,2}?"
       r"(?:carbon|co2|gas|gases|emissions|methane|water|heat|energy|pollution|pollutants|"
       r"toxins?|chemicals|radiation|smoke|steam|hostages?|prisoners?|detainees|funds|money|"
       r"cash|frozen assets|balloons|doves)\b", "released something other than a product",
       trigger=r"releas"),
    # "Their statement, released early this evening", "Forbes' annual list released".
    _g("before", r"\b(?:statement|report|list|annual|ranking|survey|study|figures|results|"
       r"data|letter|memo|video|photos?|footage|documents?|transcript|findings|poll|index|"
       # ("a survey of 48 grocers by the Food Marketing Council released Wednesday")
       r"filing|accounts)(?:\s+(?:of|by|from)\s+[^.;,]{1,60}?)?\s*,?"
       r"(?:\s+(?:will|would|are|is|were|was|to|set to|due to|expected to)"
       r"(?:\s+be)?)?\s*$", "a statement or report released, not a product",
       trigger=r"^releas"),
    # "introduces redirection and hold fees", "will also launch promotional material", "rolls
    # out 'Unfold the Season' spot for Galaxy Z Fold8", "releases a director's cut of its
    # holiday ad" ... but an ad product is a product: "launched shoppable ads in Spotlight",
    # "a self-serve ads manager".
    _g("after", r"^\W*(?:(?:a|an|the|its|new|higher|lower|extra)\s+)*(?:"
       r"(?:(?!that\b|which\b|to\b|for\b)[\w-]+\s+){0,3}?(?:fees?|surcharges?|charges|"
       r"prices?|pricing|tariffs?|taxes|levies|rules|restrictions|limits|polic(?:y|ies)|"
       r"measures|requirements|campaigns?|promotional|advertising|ads|adverts|commercials|"
       r"marketing|crackdown)|"
       # an ad may come after its title in quotes ('Unfold the Season' spot)
       r"(?:['‘\"“][^\"“”]{1,60}?['’\"”]\s+)?(?:(?!that\b|which\b|to\b|for\b)[\w'’-]+\s+)"
       r"{0,3}?(?:of\s+(?:['‘\"“][^\"“”]{1,60}?['’\"”]\s*,?\s+)?(?:its|their|the|a|an)\s+"
       r"(?:[\w-]+\s+){0,2}?(?:ad|advert|spot|commercial)|campaigns?|spots|"
       # (a capital makes a name: "launches Spot, its robot dog")
       r"(?-i:spot)(?=\s*[,;:—–]|\s+(?:for|from|with|starring|featuring|about|that|which|in|"
       r"on|pitching|showing|set)\b)|(?:holiday|christmas|super bowl|tv|television|radio|"
       r"print|brand|launch|video|social|outdoor|teaser)\s+(?:ad|spot)(?![\w-])))\b",
       "a price, a rule or a campaign, not a product",
       unless=r"^\W*(?:(?:a|an|the|its|new)\s+)*(?:(?:shoppable|self-serve|self-service|"
              r"sponsored|programmatic|interactive|native|in-app|conversational|clickable)\s+"
              r"(?:[\w-]+\s+)?ads?\b|(?:[\w-]+\s+)?ads? (?:manager|platform|format|product|"
              r"tier|network|api|marketplace|exchange|suite|tools?|studio|business|offering)s?\b)"),
    # "it introduced the word 'binge' into every media column": a word, not a product.
    _g("after", r"^\s+(?:the |a |an )?(?:new )?(?:word|term|phrase|concept|idea|notion|"
       r"expression|slang|vocabulary|catchphrase)\b", "a word or an idea, not a product",
       trigger=r"^(?:introduc|coin)"),
    # "books Kite for Leo satellite launches", "buy up to 12 launches of the rocket":
    # spaceflights, not products.
    # (A bare number is a product's name as often: "Microsoft 365 launches", "Xbox One".)
    _g("before", r"\b(?:satellite|rocket|space|orbital|missile|crewed|mission|test|spacecraft|"
       r"capsule|probe|lander|rover|booster|shuttle)\s+$|"
       r"\b(?:up to|at least|more than|as many as|a dozen|dozens of) (?:(?:\d+|"
       + NUMBER_WORDS + r")\s+)?$", "spaceflights, not a product launch",
       trigger=r"^launches$"),
    # "was rolling out a fix", "released a patch for the outage": a repair, not a product.
    _g("after", r"^\W*(?:(?:a|an|the|its|their)\s+)?(?:[\w-]+\s+){0,2}?(?:fix|fixes|hotfix|"
       r"hotfixes|patch|patches|workaround|mitigation|remediation)\b",
       "a repair, not a product"),
    # "IBM Consulting to roll out Lumora's note-taking AI to hospital clients": another
    # company's product deployed (a distribution deal), not the subject's launch.
    _g("after", r"^\s+(?:[A-Z][\w&.+-]*\s){0,2}[A-Z][\w&.+-]*['’]s\s",
       "another company's product deployed, not its own launch",
       trigger=r"^(?:roll|rolls|rolling|rolled|deploy|offer|bring)"),
    # "the July-launched Galaxy Watch8", "a newly-launched service": a compound adjective
    # that describes the product, not a launch reported (a "re-launch" is one).
    _g("before", r"(?<![Rr]e)(?<=\w)-$", "a compound adjective, not a launch reported"),
    # "just as the retailer's Black Friday deals went live": offers, not a product.
    _g("before", r"\b(?:deals?|discounts?|sales?|offers?|promotions?|promos?|prices?|pricing|"
       r"coupons?|bargains?|markdowns?|doorbusters?|rebates?)\s+(?:\w+\s+)?$",
       "deals or prices, not a product", trigger=r"^(?:went|go|goes|going|gone) live|^launch"),
    # "to launch customer Emirates", "its launch date": a noun in a compound, not a launch.
    _g("after", r"^\s+(?:customers?|partners?|dates?|window|event|pad|site|party|parties|"
       r"vehicle|operator|airline|titles?|executives?|chiefs?|directors?|managers?|"
       r"leads?|heads?|officers?)\b", "a compound noun (launch customer, launch "
       r"date), not a launch", trigger=r"^(?:(?:to|and) )?launch$"),
    # "would prevent other VOD providers entering the market": others enter it.
    _g("before", r"\b(?:other|rival|new|smaller|foreign|more)\s+(?:[\w-]+\s+){0,2}?"
       r"(?:providers|companies|rivals|competitors|firms|players|entrants|operators|brands|"
       r"makers|startups)\s+$", "other companies entering the market, not a launch",
       trigger=r"^enter"),
    # "now expects to launch it in the second quarter of 2026 rather than at the end of this
    # year": a launch's new, later date is the delay, not a launch.
    # (only with a date moved: "now expects", "pushed", or a later date before "rather
    # than"; not "launches today rather than next month". The cue is read only where the
    # pattern matched: a long sentence is not scanned once per trigger.)
    _g("sentence", r"\b(?:rather than|instead of)\s+(?:(?:in|at|by|during|before|from|as)\s+)?"
       r"(?:the (?:end|start|middle|beginning|close) of|(?:this|next|last|early|late|mid)[ -]"
       r"(?:year|month|quarter|week|spring|summer|autumn|fall|winter|20\d\d)\b|"
       r"(?:the )?(?:first|second|third|fourth|1st|2nd|3rd|4th) (?:quarter|half)|q[1-4]\b|"
       r"20\d\d|(?:jan|febr)uary|march|april|may|june|july|august|september|october|"
       r"november|december|(?:the )?(?:spring|summer|autumn|fall|winter)\b)|"
       r"\blater than (?:planned|expected|scheduled|originally|first|promised|it had)",
       "a later date for a launch put off: the delay, not a launch",
       unless=r"^(?!.*?\b(?:now (?:expects?|plans?|aims?|targets?|intends?|hopes?)|push\w*|"
       r"mov\w*|slip\w*|delay\w*|postpon\w*)\b)(?!.*?\b(?:next|later) (?:year|month|quarter|"
       r"spring|summer|autumn|fall|winter)\b.*?\b(?:rather than|instead of)\b)"),
    # "a contract to launch a batch of Amazon's Leo satellites": a rocket flight carrying
    # them, not a product put on sale.
    _g("after", r"^\s+(?:(?:a|an|the|its|their|two|three|several|dozens of|\d+)\s+)?(?:batch|"
       r"pair|set|fleet|group|cluster|stack|constellation|dozens|hundreds|string)\s+of\s+"
       r"(?:[\w'’-]+\s+){0,4}?(?:satellites?|payloads?|probes?|spacecraft)\b",
       "a rocket flight, not a product", trigger=r"launch"),
    # "launched its capsule on its maiden voyage to orbit", "to launch its own craft to
    # orbit": whatever is launched, it is flown, not put on sale.
    _g("after", r"^[^.;]{0,60}?\b(?:(?:in)?to (?:a |low[- ](?:earth )?|geostationary |polar )?"
       r"orbit|into space|maiden (?:voyage|flight)|lift-?off)\b",
       "a spaceflight, not a product launch", trigger=r"launch"),
    # "Google's December 2026 Pixel update is rolling out", "released the May security patch":
    # a routine update of products already out, not a product (a named version or a feature
    # is read as one).
    _g("before", _ROUTINE_UPDATE + r"\s+(?:(?:is|are|has been|have been|was|were|will be)\s+)?"
       r"(?:now\s+|finally\s+|also\s+)?$", "a routine update, not a product",
       trigger=r"^(?:roll|releas|arriv|land|ship|go|went|launch)"),
    _g("after", r"^\s+(?:(?:its|the|their|a|an|this|this month['’]s)\s+)?"
       + _ROUTINE_UPDATE + r"\b", "a routine update, not a product",
       trigger=r"^(?:roll|releas|ship|push|launch)"),
    # "has launched a 1,050-patient Phase 3 program for PF-07940112", "launched a pivotal
    # trial of": a clinical trial started, not a product put on sale.
    _g("after", r"^\s+(?:(?:a|an|the|its|their|two|three|\d+)\s+)?(?:[\w,.$-]+\s+){0,3}?"
       r"(?:phase\s*(?:[1-4]|i{1,3}|iv)(?:[ab]|/(?:[1-4]|i{1,3}))?|pivotal|registrational|"
       r"clinical|late-stage|mid-stage|early-stage|first-in-human|dose-escalation)\b[^.;]{0,40}?"
       r"\b(?:trials?|stud(?:y|ies)|programs?|programmes?)\b",
       "a clinical trial started, not a product", trigger=r"^(?:launch|start|begin|began|init)"),
    # "Microsoft Teams launches to a blank window after installing Agendo", "launches in safe
    # mode": an app starting up on someone's computer, not a product put on sale.
    # "Lumora launches quietly in the background after your phone restarts" too.
    _g("after", r"^\s+(?:(?:only|just|straight|directly|quietly|silently|automatically|slowly|"
       r"instantly)\s+)?(?:(?:to|into|in|with|at|on)\s+(?:(?:a|an|the|its)\s+)?(?:[\w-]+\s+)"
       r"{0,2}?(?:window|screen|dialog|prompt|error(?:\s+message)?|taskbar|system tray|"
       r"safe mode|start-?up|boot|log-?in|sign-?in|background)\b|(?:when|after|every time|"
       r"whenever)\s+(?:you|your|the (?:phone|computer|device|pc|mac|laptop)\b))",
       "an app starting up, not a product launched", trigger=r"^launch(?:es|ed|ing)?$"),
    # "drops its fourteenth Spring '26 patch this week, rolling out to sandboxes on Tuesday":
    # the update, told first, is what rolls out.
    _g("before", _ROUTINE_UPDATE + r"\b(?:\s+\d+)?[^.;,]{0,30},\s+$",
       "a routine update, not a product",
       trigger=r"^(?:rolling|releasing|shipping|arriving|landing|going)"),
    # "launches 'Build with Gemini' student hackathon", "launches a webinar series": an event
    # or a programme for people, not a product.
    _g("after", r"^\W*(?:(?:a|an|the|its|their|new|first|annual|global|free)\s+)*"
       r"(?:[\w'’\"-]+\s+){0,5}?(?:hackathons?|webinars?|workshops?|bootcamps?|meetups?|"
       r"conferences?|summits?|scholarships?|fellowships?|internships?|mentorships?|"
       r"apprenticeships?)\b", "an event or programme for people, not a product",
       trigger=r"^(?:launch|introduc|unveil|announc|roll)"),
    # "according to figures Nielsen released Thursday": data released by someone
    _g("before", r"\b(?:figures|data|numbers|results|ratings|statistics|stats|estimates|"
       r"findings|rankings|charts?)\s+(?:[\w&.'’-]+\s+){1,3}$",
       "data someone released, not a product", trigger=r"^releas"),
    # "Amazon MGM's 'Mercy' launches with $12M", "opened to $180 million": a box-office
    # opening, told by its takings.
    _g("after", r"^\s+(?:(?:with|to)\s+(?:an?\s+)?(?:(?:estimated|record|solid|soft|"
       r"disappointing|projected)\s+)?(?:us\s?)?[$€£]\s?\d[\d.,]*\s?(?:million|billion|mn|bn|"
       r"[mb])\b)", "a box-office opening, not a product launch",
       trigger=r"^(?:launch|debut|open|bow)"),
    # "has released iOS 19.1.2 to fix a zero-day flaw": a version shipped to repair a hole.
    _g("after", r"^\s+" + IN_SENTENCE + r"{1,90}?\bto (?:fix|patch|address|close|plug|"
       r"remediate|mitigate|resolve) (?:a |an |the |two |three |several |\d+ )?"
       r"(?:[\w-]+ ){0,3}?(?:flaws?|bugs?|"
       r"vulnerabilit(?:y|ies)|zero-days?|exploits?|security (?:holes?|issues?)|cves?)\b",
       "a version shipped to repair a flaw, not a product",
       trigger=r"^(?:releas|roll|ship|push|issu)"),
    # "teams up with an access broker to launch a Teams vishing wave": an attack, not a product.
    _g("after", r"^\s+(?:(?:a|an|the|its|their|new|fresh|another|second|large-scale|massive|"
       r"coordinated)\s+)*(?:[\w-]+\s+){0,3}?(?:attacks?|(?:phishing|vishing|smishing|"
       r"malware|ransomware|spam|disinformation|influence|espionage|hacking|intrusion)\s+"
       r"(?:[\w-]+\s+)?(?:waves?|campaigns?|operations?|sprees?)|cyber-?attacks?|"
       r"ddos|offensives?|raids?|assaults?|airstrikes?|strikes? on)\b",
       "an attack launched, not a product", trigger=r"launch"),
    # "Target launches its Black Friday doorbusters", "rolls out a 20%-off sale": offers put
    # on, not a product (but "launches a deals app", "a loyalty scheme offering discounts").
    _g("after", r"^\W*(?:(?:a|an|the|its|their|new)\s+)*(?:(?!offering\b|with\b|that\b|"
       r"which\b|featuring\b|including\b|for\b)[\w'’%-]+\s+){0,3}?(?:deals|discounts|sale|"
       r"offers|promotions?|promos?|doorbusters|markdowns|coupons|bargains|rebates)\b"
       r"(?!\s+(?:platform|app|tool|engine|service|feature|product|card|program|programme|"
       r"api|software|system|site|storefront|marketplace|hub|section|tab)s?\b)",
       "deals or a sale put on, not a product",
       trigger=r"^(?:launch|roll|unveil|introduc|debut)"),
    # "Kestrel launches me into gig work": a person sent on a course, not a product.
    # (not "them" or "you": "launches them in May" launches the products just named)
    _g("after", r"^\s+(?:me|us|him|her|myself|ourselves|himself|herself|themselves)\b",
       "a person launched, not a product", trigger=r"^launch"),
    # "signed an agreement with Microsoft to roll out ambient documentation to its 1,100
    # clinicians": a tool deployed to the company's own staff, not a product it offers.
    _g("after", r"^[^.;]{0,100}?\bto (?:all )?(?:of )?(?:its|their|our) (?:[\w,.-]+ ){0,3}?"
       r"(?:employees|staff|staffers|workforce|workers|clinicians|nurses|physicians|doctors|"
       r"engineers|salespeople|bankers|lawyers|associates|caregivers|call-centre agents|"
       r"call-center agents)\b",
       "a tool deployed to the company's own staff, not a product",
       trigger=r"^(?:roll|deploy|introduc|launch)"),
    # "Target to roll out Northwind picking robots across 12 distribution centres": equipment
    # put into the company's own back office (but "rolls out same-day delivery across its
    # stores" is a service to customers).
    _g("after", r"^[^.;]{0,100}?\b(?:to|across|in|at|throughout|into) (?:all )?(?:of )?"
       r"(?:its |their |our |the company's )?(?:[\w,.-]+ ){0,3}?(?:distribution (?:centres|"
       r"centers|hubs|sites)|warehouses|fulfil?ment (?:centres|centers|sites)|sortation (?:centres|"
       r"centers)|factories|plants|depots|back offices?|call (?:centres|centers)|data (?:centres|"
       r"centers))\b",
       "equipment put into the company's own operations, not a product",
       trigger=r"^(?:roll|deploy)"),
    # "Target launches Circle Week: the deals actually worth your money", "launches its
    # spring Circle Week sale", "Prime Big Deal Days": a sale, not a product.
    _g("after", r"^\s+(?:(?:its|their|the|a|an)\s+)?(?:[\w'’-]+\s+){0,4}?(?:(?-i:Week|Weekend|"
       r"Days?|Sale)|sale|sales\s+event|clearance|markdowns?|discount\s+event|"
       r"deals?\s+(?:event|days?|week))\b",
       "a sale, not a product", trigger=r"^(?:launch|kick|start|roll|unveil|introduc)"),
)

_MERGING = (r"merg(?:er|e|es|ing)|takeover|acquisition|buyout|all-(?:share|stock)|"
            r"combination|to combine(?! forces)")

PARTNERSHIP: tuple[SenseGuard, ...] = (
    _g("after", r"^[^.;]{0,60}?\bfor (?:the )?(?:supply|purchase|sale|delivery|provision|"
       r"construction|assembly|installation) of\b",
       "a supply or purchase contract, not a partnership"),
    _g("trigger", r"\bcontracts?\b", "a contract, not a partnership",
       unless=r"\b(?:licens\w*|partner\w*|joint|co-?develop\w*|collaborat\w*|alliance)\b"),
    _g("after", r"^[^.;]{0,60}?\b(?:is|was|remains|are|were)\s+(?:unchanged|intact|strong|"
       r"solid|continuing)\b|^[^.;]{0,40}?\b(?:continues|remain|remains)\b",
       "an existing partnership, unchanged"),
    _g("before", r"\b(?:existing|long-?standing|ongoing|current|decade-long|years-long|"
       r"longtime|long-time|long-lasting|long-running)\s+(?:[\w-]+\s+){0,2}$",
       "an existing partnership, not a new one"),
    _g("before", r"\b(?:foundation|university|institute|project|consortium|ministry|"
       r"government|agency|council|commission|city|state|school|hospital|charity)\s+"
       r"(?:[\w-]+\s+){0,2}$", "a partnership with a public body or a foundation"),
    _g("after", r"^\s*(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}(?:Foundation|University|Institute|"
       r"Project|Ministry|Government|Agency|Council|Commission|Department|School|Hospital)\b",
       "a partnership with a public body or a foundation"),
    # Not "an agreement with Tesla to buy 200 Tesla Semi trucks": goods bought under a supply
    # deal, counted.
    # "have agreed to combine in an all-share deal": a merger too.
    _g("sentence", r"\b(?:" + _MERGING + r"|to (?:buy|acquire))\b",
       "an agreement to buy or merge, not a partnership",
       trigger=r"\b(?:agreements?|deals?|pacts?)\b",
       # (a decimal point, "$1.1 billion", does not end the sentence)
       unless=r"^(?!" + IN_SENTENCE + r"*\b(?:" + _MERGING + r")\b)"
              + IN_SENTENCE + r"*\bto "
              r"(?:buy|purchase|order) (?:(?:up to |about |more than |another )?\d[\d,]*(?![\d,])"
              r"(?!\s*(?:%|percent|per cent|million|billion|bn|m\b))|"
              # "an agreement to buy the company's optical interconnect chips": supplies
              r"(?:[\w'’$.,-]+\s+){0,5}?" + SUPPLY_NOUNS + r"\b)"),
    _g("trigger", r"\b(?:non-?disclosure|standstill|confidentiality|settlement|severance|"
       r"employment|lease|loan|credit|purchase|sale|merger)\b",
       "an agreement of another kind, not a partnership",
       # ... but "a 20-year power purchase agreement with Microsoft" is a supply deal
       unless=r"\b" + SUPPLY_PURCHASE + r"\b"),
    # "Yahoo!7 is the joint venture between Yahoo! and Seven": what a company is.
    _g("before", r"\b(?:is|was|are|were|remains?|as)\s+(?:the|a|an)\s+(?:[\w-]+\s+)?$",
       "describes what it is, not a new agreement", trigger=r"\bbetween$"),
    # "Intel ends partnership with One Laptop Per Child": a partnership ended, not formed.
    _g("before", r"\b(?:end(?:s|ed|ing)?|terminat(?:e|es|ed|ing)|scrap(?:s|ped|ping)?|"
       r"dissolv(?:e|es|ed|ing)|exit(?:s|ed|ing)?|quit(?:s|ting)?|pull(?:s|ed|ing)? out of|"
       r"walk(?:s|ed|ing)? away from|cancel(?:s|s|led|ed|ling|ing)?|break(?:s|ing)? off|broke off)"
       r"\s+(?:(?:its|their|the|a|an)\s+)?(?:[\w-]+\s+){0,2}$", "a partnership ended, not formed"),
    # "Safari Books Online, the company's joint venture with Pearson": an existing venture
    # named in an apposition, not a new agreement.
    _g("before", r",\s+(?:the (?:company|firm|group)['’]s|its|their|[A-Z][\w&.-]*['’]s?)\s+"
       r"(?:(?:[\w-]+\s+){0,2})?$", "an existing venture described, not a new one",
       unless=r"\b(?:new|newly|planned|proposed)\b", trigger=r"^(?:joint venture|partnership|"
       r"alliance|collaboration|tie-up)"),
    # "co-develops the antibody with Pfizer under a collaboration the companies entered into
    # to share costs": the agreement is told as made before, with no date of this week.
    _g("after", r"^\s+(?:that\s+|which\s+)?(?:the\s+(?:two\s+)?(?:companies|firms|groups|"
       r"sides)|they|it|both)\s+(?:had\s+|first\s+)?(?:entered\s+into|signed|struck|formed|"
       r"agreed|reached|set\s+up)\b", "an agreement made before, not a new one",
       unless=r"\b(?:today|this\s+week|on\s+(?:monday|tuesday|wednesday|thursday|friday|"
       r"saturday|sunday)|yesterday)\b"),
    # "opened a formal investigation into the partnership between Microsoft and Quillfeather":
    # a deal examined is one made before, not a new one.
    _g("before", r"\b(?:investigations?|probes?|inquir(?:y|ies)|reviews?|scrutiny|examination|"
       r"challenges?|complaints?|lawsuits?|look)\s+(?:into|of|over|on|at)\s+(?:the|their|its)\s+"
       r"(?:[\w-]+\s+){0,2}$", "an existing deal examined, not a new one",
       trigger=r"^(?:partnership|alliance|joint venture|collaboration|tie-up|deal|agreement)"),
    # "Amazon informed that it will collaborate fully with the Authority": cooperating with an
    # inquiry or an official body, not a partnership.
    _g("after", r"^\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,4}?(?:authorit(?:y|ies)|"
       r"regulators?|investigat(?:ors?|ions?)|inquir(?:y|ies)|probes?|police|prosecutors?|"
       r"officials|government|ministry|commission|court|judges?)\b",
       "cooperating with an inquiry or an official body, not a partnership",
       trigger=r"^(?:co-?operat|collaborat)"),
    # "IBM has named Karen Whitlow as global managing partner": a person's post (a partner of
    # a consultancy, a law firm or a fund), not a company chosen as partner.
    _g("after", r"^[^.;]{0,60}?\bas\s+(?:(?:its|their|a|an|the)\s+)?(?:[\w-]+\s+){0,2}?"
       r"(?:managing|general|senior|founding|equity|venture|operating|junior)\s+partners?\b",
       "a person's post as partner, not a company chosen",
       trigger=r"^(?:nam|pick|select|cho|tap|sign)"),
    # "Netflix partners with creator Jane Doe for a sponsored post", "signs influencer deal
    # with": a person engaged for a campaign, not a company partnered with.
    _g("after", r"^\s+(?:(?:the|a|an)\s+)?(?:(?-i:[a-z][\w-]*)\s+)?" + PERFORMERS + r"\b",
       "a person engaged for a campaign, not a company", trigger=r"with$"),
    _g("trigger", r"\b(?:influencer|endorsement|ambassador|creator|talent|modelling|modeling)\s+"
       r"(?:deal|agreement|contract|partnership)s?\b",
       "a person engaged for a campaign, not a company"),
    # "has picked a system integrator to supply 128 Nvidia HGX nodes": the one picked is not
    # named, and a watched name later only tells whose goods are supplied.
    _g("after", r"^\s+(?:an?|one|two|three|four|five)\s+(?:[\w-]+\s+){0,3}?(?:integrators?|"
       r"contractors?|suppliers?|vendors?|resellers?|providers?|partners?|firms?|"
       r"compan(?:y|ies)|consultanc(?:y|ies)|agenc(?:y|ies)|start-?ups?|builders?|"
       r"operators?)\b(?!,)", "an unnamed company chosen, not a named partner",
       trigger=r"^(?:nam|pick|select|cho|tap|sign)"),
    # "Shonda Rhimes has renewed her overall deal with Netflix": a producer's own deal.
    _g("trigger", r"\b(?:his|her)\s+(?:[\w$.,-]+\s+){0,3}?(?:deal|agreement|contract|pact)\b|"
       r"\b(?:overall|talent|book|multi-picture|multi-film|two-picture|three-picture)\s+"
       r"(?:deal|pact|contract)\b", "a person's own deal, not a partnership of companies"),
    # "To acquire Halcyon, Pfizer will pay $40 a share upfront plus milestones": a takeover's
    # price paid in parts, anywhere in the sentence (but "pay $150 million upfront to acquire
    # global rights to HB-221" buys a licence).
    _g("sentence", r"\b(?:acqui\w+(?!\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?(?:rights|"
       r"licen[cs]es?)\b)|buy(?:s|ing|out)?|bought|takeover|tender offer|per share|a share|"
       r"contingent value|cvr)\b",
       "a takeover's price paid upfront, not a licence",
       trigger=r"^(?:pa(?:y|id)|receiv|get|got)"),
)

LEGAL: tuple[SenseGuard, ...] = (
    _g("sentence", r"\bcomplaints?\s+(?:about|from|over|of)\b|\bcustomer complaints\b",
       "consumer complaints, not a legal action", unless=r"\b(?:court|lawsuit|filed|regulator|"
       r"commission|tribunal|antitrust)\b", trigger=r"complaint"),
    _g("after", r"^\W*(?:\$|€|£|[\d.,]+ (?:cents|dollars|euros)|a fee|fees|for|per|extra|more|"
       r"less|customers|users|interest)\b", "a price charged, not a criminal charge",
       trigger=r"charg"),
    _g("after", r"^\W*for (?:peace|a truce|calm|mercy|forgiveness|time)\b",
       "an idiom ('sues for peace'), not a lawsuit", trigger=r"^su"),
    # "The case against buying back Netflix stock": an argument, not a lawsuit.
    _g("after", r"^\s*\w+ing\b", "an argument against doing something, not a lawsuit",
       trigger=r"^case"),
    # "my mum thinks she's been charged": a person billed; the company is not the one charged.
    _g("before", r"\b(?:i|you|he|she|we|they)(?:['’](?:s|ve|m|re)|\s+(?:have|has|had|was|were|"
       r"got|get|gets))?\s*$", "a person billed, not a company charged",
       unless=r"\b(?:police|prosecutors?|court|authorities|indicted|arrested)\b",
       trigger=r"^(?:been |being |was |were |is |are )?charged"),
    # "after some of the show's contestants were accused of racism": people are accused, and
    # the company before them is not.
    _g("before", r"\b" + PEOPLE_PLURALS + r"\s+$",
       "people accused, not the company",
       trigger=r"^(?:(?:were|are|have been|had been) |accused\b)"),
    # "the committee's inquiry into food inflation, said Tidewell's margin": a topic inquired
    # into, no company named before the clause ends.
    _g("after", r"^\s+(?!(?:its|their|his|her|the (?:company|firm|group|bank|carrier))\b)"
       r"(?:(?:the|a|an)\s+)?(?-i:[a-z][^,.;:()A-Z]*)(?:[,.;:(]|$)",
       "an inquiry into a topic, not a company",
       trigger=r"^(?:inquiry|investigation|probe|review) into$"),
    # "Dana Ruiz, who argued the Oracle v. Google copyright trial, was sworn in": a case a
    # lawyer, judge or reporter worked on, told as their past.
    _g("before", r"\b(?:argued|litigated|tried|handled|worked on|covered|reported on|"
       r"presided over|clerked on|won|lost)\s+(?:the|a|an|that)\s+(?:[\w.&'’-]+\s+){0,5}$",
       "a case someone worked on, told as their past, not a case now",
       trigger=r"(?:probe|investigation|inquiry|lawsuit|suit|case|trial)s?$"),
    # "filed friend-of-the-court briefs asking the Supreme Court to hear X v. Y": a company
    # that speaks to a court in someone else's case is no party to it.
    _g("before", r"\b(?:amicus|amici|friend-of-the-court|friend of the court)\b[^.;]{0,80}$",
       "a brief in someone else's case, not a party to it",
       trigger=r"^(?:ask|urg|petition|appl|call)"),
    # "even as worker-classification suits against the data-labelling company continue": a
    # case still going on, told beside the news, not a new step in it.
    _g("after", r"^\s+(?:[\w.&'’-]+\s+){1,5}?(?:continues?|drags? on|remains? pending|"
       r"(?:is|are) (?:still )?(?:ongoing|pending|unresolved))\b",
       "a case still going on, not a new step in it",
       trigger=r"^(?:lawsuits?|suits?|complaints?|litigation|case|claims?)\b"),
    # "SHAREHOLDER ALERT: Lindqvist & Moreau Investigates Pinecrest Bancorp on Behalf of
    # Long-Term Shareholders": a law firm looking for clients, not an authority's probe (a
    # suit it files is still a suit).
    _g("sentence", r"\bon behalf of (?:its |the company['’]s |long-term |current |former )*"
       r"(?:share|stock)holders\b|\bon behalf of investors\b|\b(?:shareholder|investor) "
       r"alert\b|\blaw firm\b|\bLLP\b", "a law firm seeking clients, not an authority's probe",
       trigger=r"^investigat"),
    # "Two Target shoppers are suing each other over a parking lot crash": people named after
    # the store they met at, suing one another.
    _g("sentence", r"\b(?:shoppers|customers|employees|workers|drivers|riders|passengers|"
       r"users|fans|owners|subscribers|residents|neighbou?rs|parents|students|guests|"
       r"members)\s+(?:(?:are|were|have|had)\s+)?(?:su(?:e|es|ed|ing)|taking)\s+"
       r"(?:each other|one another)\b", "people suing one another, not the company",
       trigger=r"^(?:su|tak)"),
    # "Carys Beaumont's investigation into Meta's growth years": an account of the company's
    # past (a book's, a film's), not an authority's probe of the company.
    _g("after", r"^\s+(?:(?:into|of)\s+)?(?:[\w.&'’-]+\s+){0,2}?[\w.&]+['’]s?\s+"
       r"(?:[\w-]+\s+){0,2}?"
       r"(?:years|era|days|rise|origins|founding|legacy|early history)\b",
       "an account of a company's past, not a probe",
       trigger=r"^(?:investigation|probe|inquiry|look)"),
    # "citing the federal ad-tech ruling against Google as a road map", "The filing leans
    # heavily on the government's ad-tech case against Google": a case cited as a
    # precedent by another one, not a new case.
    _g("before", r"\b(?:citing|cites|cited|invoking|invokes|invoked|pointing\s+to|points\s+to|"
       r"relying\s+on|relies\s+on|lean(?:s|ed|ing)?\s+(?:heavily\s+)?on|modell?ed\s+on|"
       r"referencing|references)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?"
       r"(?:[\w'’.-]+\s+){0,4}$", "a case cited as a precedent, not a new one"),
)

# Protests joined or held ("march" only lower-case: "announced in March, is leaving" names a
# month).
_PROTESTS = (r"(?:protest\w*|picket\w*|strik\w+|rall(?:y|ies)|(?-i:march\w*)|walkouts?|"
             r"boycotts?|demonstrations?|sit-ins?|vigils?)")

PEOPLE: tuple[SenseGuard, ...] = (
    _g("after", r"^\W*(?:the |a |an )?(?:[\w-]+ ){0,2}?(?:thing|way|case|place|option|"
       r"default|standard|norm|same|true|enough|necessary|possible|available|an option|"
       # "Airbus is no longer shy about saying so": how a company behaves
       r"shy|afraid|willing|able|interested|keen|sure|clear|alone|relevant|profitable|cheap|"
       r"free|safe|worth|valid|supported|needed|required|welcome|content|happy|dependent|"
       r"reliant|competitive|viable|secret|"
       r"part of)\b", "'no longer' describes a thing, not a person leaving",
       trigger=r"no longer"),
    _g("after", r"^\W*(?:(?:a|an|the|one|two|three|several|some|many|dozens of|hundreds of)\s+)?"
       r"(?:[\w-]+\s+){0,2}?(?:workers?|employees?|staff(?:ers)?|cashiers?|drivers?|clerks?|"
       r"waiters?|students?|players?|volunteers?|interns?|teachers?|nurses?|guards?|"
       r"janitors?|contractors?)\b", "ordinary staff, not an executive",
       trigger=r"^(?:fire|sack|dismiss|oust|let go)"),
    _g("after", r"^\W*(?:\w+\s+){0,4}?as (?:an? |its |their )?(?:new )?(?:[\w-]+ )?"
       r"(?:members?|sponsors?|partners?|customers?|clients?|investors?|tenants?|"
       r"exhibitors?|speakers?|guests?)\b", "welcomed as a member or sponsor, not a hire",
       trigger=r"^welcom"),
    _g("after", r"^\s*['\"‘“]", "a thing named, not a person appointed", trigger=r"^nam"),
    _g("after", r"^[^.;]{0,40}?\bof the (?:combined|merged|new|enlarged|joint) (?:company|"
       r"group|entity|firm|business|venture)\b", "a post at a company that does not exist yet",
       trigger=r"(?:become|serve|named|appoint)"),
    _g("before", r"\b(?:reporter|journalist|freelance\w*|anchor|presenter|columnist|writer|"
       r"worker|employee|staffer|cashier|clerk|driver|player|coach|teacher|nurse|guard|"
       r"intern|contractor|volunteer|star|actor|actress|singer|cast member|character|villain|"
       r"hero|protagonist)s?\b[^.;]{0,60}$",
       "an ordinary job, not an executive",
       trigger=r"^(?:dismiss|fire|sack|let go|oust|resign|quit|leav|left|head|step|exit)"),
    _g("before", r"\b(?:fired|sacked|dismissed)\s+(?:shots?|up|off|back)\s*$|"
       r"\b" + _PROTESTS + r"\b[^.;]{0,30}$",
       "an idiom or a protest, not a role change", trigger=r"^(?:join|fire|left|leav)"),
    # "Air Pacific has returned to its original name": a thing returned to, not a person.
    # "Pumpkin Spice Oat Crisps are returning to shelves for a fifth autumn": a product back
    # in the shops.
    _g("after", r"^\W*(?:(?:its|their|the) (?:[\w-]+ )?(?:name|names|roots|brand|form|profits?|"
       r"profitability|growth|black|market)|(?:the |store |grocery )?(?:shelves|stores|menus?|"
       r"theaters|theatres|cinemas|stock|production|service)\b(?! as\b))\b",
       "a company or a product returning to a state, not a person", trigger=r"^return"),
    # "Kestrel Payments is hiring Bilingual Support Specialists": staff, not an executive.
    _g("after", r"^\W*(?:(?:a|an|new|more|several|\d+|dozens of|hundreds of)\s+)?"
       r"(?:[\w/()-]+\s+){0,4}?(?:scientists?|specialists?|nurses?|engineers?|associates?|"
       r"assistants?|technicians?|developers?|analysts?|representatives?|agents?|staff|workers?|"
       r"employees?|interns?|drivers?|designers?|clerks?|cashiers?|operators?|coordinators?|"
       r"administrators?|consultants?|advisers?|advisors?|accountants?|teachers?|researchers?|"
       # "hires 40 Waterloo co-op students for the fall term"
       r"students?|graduates?|apprentices?|trainees?|"
       # "is hiring a senior product manager for its payments team" (not a general manager)
       r"(?<!general )(?<!managing )(?<!country )managers?|"
       r"people|talent)\b", "hiring staff, not an executive",
       unless=r"\b(?:chief|head of|president|director|vice president|vp|officer|ceo|cfo|cto|"
       r"coo|chair\w*|board|general counsel|managing|to (?:lead|run|head|oversee|manage))\b",
       trigger=r"^(?:hir|recruit|to hire)"),
    # "reported elevated error rates": an adjective, not a promotion.
    _g("after", r"^\W*(?:[\w-]+\s+)?(?:errors?|latency|levels?|rates?|risks?|prices?|"
       r"temperatures?|pressure|activity|demand|readings?|concerns?|volumes?|traffic|costs?|"
       r"blood|heart)\b", "an adjective, not a promotion", trigger=r"^elevat"),
    # "They named it Chaos Monkey": a thing named.
    _g("after", r"^\s*(?:it|them|this|that|the (?:project|tool|app|product|model|dog|cat|ship|"
       r"service|feature|bot|program|programme|robot|algorithm|system|band|team|boat|plane))\b",
       "a thing named, not a person appointed", trigger=r"^nam"),
    # "Spotify now joins Netflix and Oracle in running with two chief executives".
    _g("after", r"^\W*(?:[\w.&'’-]+,?\s+){1,6}?in\s+\w+ing\b",
       "a company doing the same as others, not a hire", trigger=r"^join"),
    # "a decade of deals has left Salesforce with a portfolio and a puzzle".
    _g("sentence", r"\b(?:has|have|had)\s+left\s+(?:[\w.&'’-]+\s+){1,4}?with\s+(?:a|an|no|"
       r"little|few|more)\b", "'has left X with': an idiom, not a departure",
       unless=r"\b(?:chief|ceo|cfo|cto|coo|president|chair\w*|executive|director|head of|"
       r"founder)\b", trigger=r"^(?:left|leav)"),
    # "my fridge no longer shows the camera photos": something stopped, nobody left.
    _g("after", r"^\s+(?!(?:leads|heads|runs|manages|oversees|serves|works|chairs|holds|"
       r"reports|sits|is|has|was|remains|acts|represents|occupies|directs|controls|"
       r"guides|steers|advises)\b)[a-z]+s\b", "'no longer' + a verb: something stopped, "
       "not a person leaving", trigger=r"no longer"),
    # "named Pinecrest Bank its Community Lender of the Year": a company named for an award,
    # not a person appointed (only when the company itself follows the verb).
    _g("after", r"^\s*(?=[^.;]{0,100}?\b(?:of the (?:year|decade|month)|award|prize|winner|"
       r"finalist|honou?ree|best (?:place|company|employer|bank)|top (?:\d+ )?(?:employer|"
       r"workplace)s?)\b)", "an award or a ranking, not an appointment", trigger=r"^nam",
       only_named_next=True),
    # "joined Marlowe & Finch in 1971 as a junior analyst": a first job, not an executive's.
    _g("after", r"^[^.;]{0,80}?\bas (?:a|an) (?:junior|trainee|summer|graduate|entry-level|"
       r"apprentice|intern\b|analyst\b|clerk\b|teller\b|cashier\b|(?:software |staff )?"
       r"(?:engineer|developer|programmer)\b)", "a junior post, not an executive's",
       trigger=r"^(?:join|hire|recruit)"),
    # "customers ran for the exits": a way out, not a departure.
    _g("before", r"\b(?:for|to|towards?|toward|near|by|at) the\s*$",
       "'the exits': a way out, not a departure", trigger=r"^exits?$"),
    # "Nvidia joins the race to $4 trillion", "joins the $1 trillion club": an idiom.
    _g("after", r"^\s+the\s+(?:[\w$.,-]+\s+){0,2}?(?:race|rally|fray|club|bandwagon|chorus|"
       r"party|parade|frenzy|scramble|stampede|gold rush|sell-?off|selloff|ranks of "
       r"(?:the )?(?:biggest|largest|most|top))\b", "an idiom ('joins the race'), not a hire",
       trigger=r"^join"),
    # "the disc business was left to wind down": a thing left, not someone leaving.
    _g("before", r"\b(?:was|were|is|are|be|been|being|gets?|got)\s+(?:\w+ly\s+)?$",
       "a thing left, not a person leaving", trigger=r"^left$"),
    # "internally code-named N107": a product's name, not a person appointed.
    _g("before", r"\b(?:code|nick)-?$|\b(?:so|aptly|fittingly|internally|code|nick)[- ]$",
       "a code name, not a person appointed", trigger=r"^nam"),
    # "Tessaract Data joins Microsoft AI Cloud Partner Program", "Clickwell named a Meta
    # Business Partner": a firm listed in a programme, not a person's role.
    # "Three startups have been selected for the latest cohort of the Google for Startups
    # Accelerator", "ShambaPay joins Microsoft for Startups Founders Hub": the same listing.
    _g("after", r"^\s+(?:the\s+|a\s+|an\s+)?(?:(?!as\b|to\b|its\b)[\w&.-]+\s+){0,5}?(?:partner|"
       r"developer|startups?|"
       r"start-ups?|accelerator|incubator|cohort|founders hub|reseller|referral|affiliate|"
       r"loyalty|certification|inception|"
       r"marketplace|ecosystem|alliance|business partner|premier partner)\s*(?:programs?|"
       r"programmes?|network|marketplace|community|tier|partner)?\b(?!\s+(?:as|in the role)\b)",
       "a firm listed in a programme, not a role change",
       trigger=r"^(?:join|nam|(?:(?:have|has|had) been|was|were|is|are|been|be|gets?|got) "
               r"(?:\w+ly )?(?:selected|picked|chosen|admitted|accepted))"),
    # "Boeing engineers fired the Starliner thrusters": a thing fired, not a person.
    _g("after", r"^\s+(?:the |a |an |its |their )?(?:[\w-]+ ){0,3}?(?:thrusters?|engines?|"
       r"rockets?|missiles?|shots?|weapons?|guns?|rounds|salvos?|torpedo(?:es)?|lasers?|"
       r"kilns?|furnaces?|boilers?|cannons?)\b", "a thing fired, not a person",
       trigger=r"^fir"),
    # "Chinese labs lead, Meta regroups, OpenAI joins in": taking part, not a new job.
    _g("after", r"^\s+in(?:\s+on\b|\s*(?:[,.;:!?)—-]|$))", "joining in, not a new job",
       trigger=r"^join"),
    # "The complaint names Kestrel and the three engineers as defendants": a party to a suit.
    _g("after", r"^[^.;]{0,80}?\bas (?:a |the |co-?)?(?:defendants?|plaintiffs?|respondents?|"
       r"parties|party|witness(?:es)?|beneficiar(?:y|ies)|creditors?)\b",
       "named a party to a case, not to a post", trigger=r"^nam"),
    # "Analysts debated who will be the next chief executive of Netflix": a question, not an
    # appointment (", who will become CEO on June 1" after a name still is one).
    _g("before", r"(?<![,;] )\bwho\s+$", "a question about who, not an appointment",
       trigger=r"^(?:will|would|to|shall|set to) (?:be|become)\b"),
    # "the Series B brings in a regional bank as lead investor": money, not a hire.
    _g("after", r"^[^.;]{0,50}?\bas (?:a |an |the |its |their )?(?:[\w-]+ )?(?:investors?|"
       r"backers?|shareholders?|lenders?|customers?|suppliers?|sponsors?|partners?)\b",
       "brought in as an investor or partner, not a hire",
       trigger=r"^(?:bring|brings|bringing|brought) (?:in|on)"),
    # "several dozen drivers joined a picket line": a protest joined, not a company.
    _g("after", r"^\s+(?:a |an |the |their |its )?(?:[\w-]+\s+){0,2}?" + _PROTESTS + r"\b",
       "a protest joined, not a role change",
       trigger=r"^join"),
    # "Disney's 'Moana 3' will be helmed by an Oscar-winning director": a film or show of
    # the company directed by someone (not "Netflix's games division will be helmed by").
    _g("before", r"(?:[\w.&]['’]s|\ws['’])\s+(?:new\s+|next\s+|upcoming\s+)?(?:['‘\"“][^'’\"”]"
       r"{1,40}['’\"”]|(?:[\w-]+\s+){0,2}(?:film|movie|show|series|sequel|prequel|remake|"
       r"album|documentary|production|musical|play|episode|season))\s*$",
       "a film or show directed by someone, not a hire at the company",
       trigger=r"be (?:helmed|led|headed|run|co-led) by$"),
    # "The company said a successor would be named in January": a post to fill, nobody
    # appointed yet (not "Jane Park will be named CFO", nor "a new CEO was named").
    # A headline drops the article: "Microsoft says successor to gaming chief would be named".
    _g("before", r"(?:(?:^|[^\w'’])(?:a|an|his|her|their|its)\s+(?:[\w-]+\s+){0,3}?|"
       r"\b(?i:successors?)\s+(?:to\s+(?:[\w'’-]+\s+){1,3}?)?)(?:(?:will|"
       r"would|shall|could|may|might|to|(?:is|are|was|were)(?: expected| set| likely| due)? to)"
       r"\s+)?$", "a post still to be filled, nobody appointed yet",
       trigger=r"^(?:will )?be (?:hired|appointed|named|tapped|chosen|selected|installed)\b"),
    # "Stripe's acquisition of Lumen Rails was named Deal of the Year": an award, not a post.
    _g("after", r"^\s*(?:as\s+)?(?:the\s+|its\s+|this\s+year['’]s\s+)?(?:[\w&'’-]+\s+){0,4}?"
       r"of\s+the\s+(?:year|decade|month)(?![-\w])", "an award, not a post",
       trigger=r"named$"),
    # "Hollow Tide will no longer launch in March": a thing's plan stopped, nobody left.
    _g("sentence", r"\b(?:will|would|can|could|may|might|should|must|shall|does|do|did|to)\s+"
       r"no longer\s+(?!(?:lead|head|run|manage|oversee|serve|work|chair|hold|report|sit|be|"
       r"have|remain|act|represent|direct|control|guide|steer|advise)\b)[a-z]+\b",
       "'no longer' + a verb: something stopped, not a person leaving", trigger=r"no longer"),
    # "Shell swap returns to Pelican Point", "Apple festival returns": the company's name
    # describes a thing that comes back, not a person.
    _g("before", r"^\W*(?:the\s+)?[A-Z][\w&.'’-]*\s+(?!(?:chief|ceo|cfo|coo|cto|president|"
       r"chair\w*|director|head|boss|founder|co-?founder|executive|exec|veteran|alum\w*|"
       r"leader|officer|vp|partner|investor|engineer|designer|scientist|researcher)\b)"
       r"[a-z]{3,}s?\s+$", "a thing that comes back, not a person",
       trigger=r"^return"),
    # "a town named Disney", "a dog named Oracle": a place or a thing called so.
    _g("before", r"\b(?:town|village|city|hamlet|place|street|road|lake|river|island|dog|cat|"
       r"horse|pony|boat|ship|yacht|band|character|baby|son|daughter|girl|boy|restaurant|"
       r"cafe|café|bar|shop|farm|ranch|hotel|school|street)\s+$",
       "a place or a thing called so, not an appointment", trigger=r"^named$"),
    # "who will join Kestrel's board as an observer": a seat without a vote, no director.
    _g("after", r"^[^.;:]{0,60}?\bas (?:a |an |its |the )?(?:non-voting )?(?:board )?"
       r"observers?\b", "a board observer, not a director"),
    # "Nvidia named top pick for 2027 at Brennan Hale", "named Nvidia its top semiconductor
    # pick": a stock an analyst favours, not a post.
    _g("after", r"^\s*(?:[A-Z][\w&.'’-]*\s+){0,3}(?:as\s+)?(?:a\s+|an\s+|the\s+|its\s+|their\s+|"
       r"his\s+|her\s+)?(?:new\s+)?(?:(?:top|best|favou?rite|preferred|key|highest-conviction|"
       r"conviction)\s+)(?:[\w-]+\s+){0,2}?(?:picks?|ideas?|stocks?|buys?|holdings?|plays?|"
       r"names?|shorts?)\b", "a stock an analyst favours, not a post", trigger=r"^nam"),
    # "Tesla picks Samsung's Exynos Auto chip for its next infotainment computer": a product
    # chosen from a supplier, not a person.
    _g("after", r"^\s*(?:[A-Z][\w&.-]*\s+){0,3}?[A-Z][\w&.-]*['’]s?\s+(?:[\w&.+-]+\s+){0,3}?"
       r"(?:chips?|processors?|modems?|displays?|screens?|panels?|cameras?|sensors?|"
       r"batter(?:y|ies)|cells?|software|platform|cloud|models?|engines?|assistant|app|"
       r"systems?|services?|network|servers?|tech(?:nology)?|design|parts?|components?)\b",
       "a supplier's product chosen, not a person", trigger=r"^(?:pick|choos|chose|select|tap)"),
    # "Brightwater's chief operating officer ... joined operations leaders from a grocery
    # distributor on the panel": people joined on a panel or a call, not an employer.
    _g("after", r"^\s+(?:(?:other|fellow|[\w-]+)\s+){0,3}?(?:leaders|executives|colleagues|"
       r"panell?ists|speakers|peers|counterparts|officials|ministers|delegates|guests|hosts)\b"
       r"(?!\s+(?:at|of)\s+(?-i:[A-Z]))", "people joined on a panel or a call, not an employer",
       trigger=r"^join"),
    # "Uber Eats hires comedian Dev Castellano for its holiday spot", "taps agency Mother":
    # a performer or a supplier engaged, not an executive.
    _g("after", r"^\W*(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}?(?:" + PERFORMERS
       + r"|(?:creative |ad |media |pr )?agency|agencies)\b",
       "a performer or an agency engaged, not an executive",
       unless=r"\b(?:chief|head of|president|vice president|vp|officer|ceo|cmo|board|chair\w*)\b",
       trigger=r"^(?:hir|tap|sign|enlist|recruit|cast|bring|rope|draft)"),
    # "Intel's Pat Gelsinger steps down in Santa Clara, trophy in hand", "stepped down from
    # the podium": off a stage, not out of a post.
    # ("stepped down to a standing ovation — from the Worthen Arena lectern")
    _g("after", r"^[^.;]{0,40}?\b(?:(?:from|off)\s+(?:the|a)\s+(?:[\w-]+\s+){0,2}?(?:stage|"
       r"podium|dais|lectern|rostrum|pulpit|platform|catwalk|runway|ring)|(?:trophy|award|medal|"
       r"plaque|microphone|mic)\s+in\s+hand|to (?:a |an )?(?:standing |rousing )?ovation)\b",
       "off a stage, not out of a post",
       trigger=r"^step(?:s|ped|ping)?\s+(?:down|off)"),
    # "Target taps Jane Doe as the face of its holiday campaign": a campaign's star, not an
    # executive.
    _g("after", r"^[^.;]{0,60}?\bas\s+(?:the\s+|its\s+|their\s+|a\s+|an\s+)?(?:new\s+)?"
       r"(?:global\s+)?(?:face|voice|ambassador|brand ambassador|"
       r"spokes(?:person|woman|man|model)|mascot|star|muse)\b"
       r"(?!\s+(?:of|for)\s+(?:the\s+)?(?:board|company))",
       "a campaign's star, not an executive", trigger=r"^(?:tap|hir|sign|nam|pick|choos|chose|"
       r"recruit|enlist|bring|cast)"),
    # "Hartley's Markets ... Retiring Oracle Retail Merchandising System": a system
    # switched off, not a person retiring.
    _g("after", r"^\W*(?:(?:its|their|the|an?|our)\s+)?(?:[\w&.'’-]+\s+){0,5}?(?:systems?|"
       r"platforms?|software|apps?|applications?|mainframes?|servers?|databases?|tools?|"
       r"products?|models?|fleet|aircraft|jets?|planes?|engines?|networks?|stack|suite|"
       r"versions?|api|apis|features?|services?|brand|line-?up|plants?|data cent(?:er|re)s?)\b",
       "a system or a product retired, not a person",
       unless=r"\b(?:as|from (?:the |its )?(?:board|post|role|company))\b",
       trigger=r"^retir"),
    # "Kinloch Digital Joins Microsoft and Salesforce on Best Places to Work in Scotland 2026
    # List": companies a list names together. "Kestrel Payments Named to the 2027 Fintech
    # Vanguard 50": a company put on a list.
    _g("after", r"^\W*(?:(?:[\w&.'’-]+,?\s+){1,6}?(?:on|in|among|atop)|to)\s+"
       r"(?:the\s+|a\s+|an\s+|this\s+year['’]s\s+)?(?:[\w&.'’-]+\s+){0,9}?(?:(?:lists?|"
       r"rankings?|index|indices|leaderboards?|league tables?|honou?rees|top \d+)\b|"
       r"(?-i:[A-Z][\w&'’.-]*) \d{2,4}\b(?! (?:as|to)\b))",
       "a list or a ranking joined, not a hire", trigger=r"^(?:join|(?:(?:was|were|has been|"
       r"have been|is|are|been) )?named$)"),
    # "a Microsoft engineer steps down from Redmond Planning Commission": a civic or
    # volunteer seat left, not a post at the company.
    _g("after", r"^\s*(?:(?:down|aside|away)\s+)?from\s+(?:the\s+|a\s+|his\s+|her\s+)?"
       r"(?:[\w&.'’-]+\s+){0,3}?(?:commission|council|committee|school board|board of "
       r"(?:education|trustees|supervisors|selectmen|governors)|zoning board|task force|"
       r"league|club|association|charity|church|parish|pta|choir)\b",
       "a civic or volunteer seat left, not a post at the company",
       trigger=r"^(?:step|resign|quit|leav|left|depart)"),
    # "Lumora Health has nabbed $85 million to push its lead drug": money, not a person.
    _g("after", r"^\s+(?:a |an |another |further |fresh )?(?:(?:us|a|c|s|hk|nz)?\$|€|£|¥|"
       r"(?:rs\.?|inr|usd|eur|gbp) ?\d|\d[\d.,]* ?(?:million|billion|mln|bln|[mb]n?)\b)",
       "money raised, not a person hired", trigger=r"^(?:nab|snag|land|bag|pick|brought|bring)"),
    # "Lumora Health has nabbed a spot on the Fortune Change the World list": a place won.
    # "has nabbed the rights to stream Jake Paul's next fight": rights, not a person
    _g("after", r"^\s+(?:a |an |the |its |their )?(?:[\w-]+ ){0,2}?(?:(?:spot|place|slot|seat|"
       r"berth|position)s? (?:on|in|at|among)\b|rights?\b)",
       "a place or rights won, not a person hired", trigger=r"^(?:nab|snag|land|bag|grab)"),
    # "Zootopia 2 was nominated as best animated feature": an award, not a post.
    _g("after", r"^\s+(?:as |for )?(?:the )?(?:best\b|(?:an? |the )?(?:[\w-]+ )?(?:awards?|prizes?|"
       r"oscars?|emmys?|grammys?|golden globes?|baftas?)\b)", "nominated for an award, not a post",
       trigger=r"^nominat"),
    # "Netflix has tapped Greta Gerwig to write and direct two Narnia films": talent for a
    # work, not an executive.
    _g("after", r"^\s+(?:[\w.'’-]+\s+){1,4}?to (?:write|direct|star|play|host|voice|produce|"
       r"co-?star|score|narrate|headline|perform|write and direct|direct and produce)\b|"
       # "Netflix Taps Greta Gerwig for 'Narnia'"
       r"^\s+(?:[\w.'’-]+\s+){1,4}?for ['‘\"“]",
       "talent hired for a work, not an executive",
       trigger=r"^(?:tap|hire|sign|land|nab|cast|enlist|recruit|pick|bring)"),
    # "leaving Netflix as the only bidder": left in a state, not a person leaving
    _g("after", r"^\s+(?:[\w.&'’-]+\s+){1,3}?as the (?:only|sole|last|lone|front-?runner|"
       r"favou?rite|leader|leading|biggest|largest)\b", "left in a position, not a departure",
       trigger=r"^(?:leav|left)"),
    # "Taylor Swift leaves Spotify top spot to Bad Bunny": a place in a chart given up.
    _g("after", r"^\s+(?:(?:the|its|their|her|his)\s+)?(?:[\w.&'’-]+\s+){0,2}?(?:top spot|"
       r"top slot|no\.\s?1 spot|number[- ]one spot|first place|pole position|crown|throne)\b",
       "a place in a ranking given up, not a departure", trigger=r"^(?:leav|left|los|cede)"),
    # "The Rock leaves Disney's 'Moana' live-action set for a Netflix thriller": a work of the
    # company left by its talent, not the company left by an executive.
    _g("after", r"^\s+(?:[\w.&-]+\s+){0,2}?[\w.&]+['’]s?\s+(?:(?:new|hit|upcoming|next|"
       r"live-action|animated)\s+)*(?:['‘\"“][^'’\"”]{1,40}['’\"”]|(?:[\w-]+\s+){0,2}?"
       r"(?:" + FICTION_WORKS + r"|show|series|sequel|franchise|tour|album|production)\b)"
       r"(?:\s+(?:[\w-]+\s+){0,2}?(?:set|cast|shoot|lineup|line-up|ensemble)\b)?",
       "a work left by its talent, not a departure from the company",
       trigger=r"^(?:leav|left|exit|quit|depart|ankl|walk)"),
    # "Two Intel engineers have stepped down as maintainers of the driver": engineers leave
    # a post of their craft (not a chief engineer).
    _g("before", r"(?<!chief )(?<!lead )(?<!principal )(?<!head )(?:engineer|developer|"
       r"maintainer|programmer)s?\b[^.;]{0,60}$", "an engineer's post, not an executive's",
       trigger=r"^(?:resign|quit|leav|left|step|exit|depart)"),
    # "Amazon picks Kestrel to pay Latin American sellers", "Northwind picks Nvidia Jetson
    # Thor for its robots": a watched company (or its product) chosen as a supplier, not a
    # person; "taps Google veteran Jane Doe" or "picks Google's Jane Doe" is still a hire.
    _g("after", r"^", "a company chosen as a supplier, not a person",
       unless=r"^\W*(?:[\w&.-]+\s+){0,3}?(?:[\w&.-]+['’]s?\s|(?:veteran|alum\w*|executive|"
       r"exec|insider|engineer|researcher|scientist|chief|ceo|cfo|cto|coo|president|head|"
       r"director|officer|leader|lawyer|banker|designer|founder|co-founder|partner)s?\b)",
       trigger=r"^(?:pick|choos|chose|select|tap)", only_named_next=True),
    # "'I was fired from my first lab job': Halcyon's research chief on three decades": a
    # career's first job, left long ago, not a departure from the company named.
    _g("after", r"^\s+(?:from|at|in)\s+(?:my|his|her|their|our)\s+(?:very\s+)?first\s+"
       r"(?:[\w-]+\s+){0,2}?(?:jobs?|posts?|roles?|gigs?|positions?|employers?)\b",
       "a first job, long ago, not a departure"),
    # "the space racer Starward Drift has been pushed out of October": a date moved, not a
    # person ousted.
    _g("after", r"^\s+(?:of|from|beyond|past)\s+(?:its\s+|the\s+|a\s+|this\s+|next\s+)?"
       r"(?:(?:january|february|march|april|may|june|july|august|september|october|november|"
       r"december|spring|summer|autumn|fall|winter|holiday|q[1-4]|year|quarter|month|"
       r"(?:19|20)\d\d)\b|(?:[\w-]+\s+)?(?:launch|release|holiday|shipping)\s+(?:window|slot|"
       r"date|season|schedule)\b)", "a date moved, not a person ousted",
       trigger=r"^push"),
)

LAUNCH_DELAY: tuple[SenseGuard, ...] = (
    # "PBS cancels 'Wall $treet Week' after 35 years": an old product ends, no launch waits.
    _g("after", r"^[^.;]{0,60}?\bafter (?:\d+|[a-z]+(?:-[a-z]+)?) (?:years|decades|seasons|"
       r"series|editions)\b", "ends an existing product, not a delayed launch",
       trigger=r"^(?:cancel|scrap|ax|drop|end|kill|pull)"),
    # "Target has cancelled every app order placed this morning": orders, rides and
    # bookings, not a product before its launch.
    _g("after", r"^\s+(?:(?:every|all|all of|the|your|my|our|their|its|some|many|thousands of|"
       r"hundreds of|\d[\d,]*)\s+)*(?:[\w-]+\s+){0,2}?(?:orders?|rides?|trips?|flights?|"
       r"bookings?|reservations?|subscriptions?|accounts?|memberships?|payments?|"
       r"transactions?|deliveries|delivery|shipments?|tickets?|appointments?)\b",
       "orders or bookings cancelled, not a product", trigger=r"^cancel"),
    # "delaying shipments for some customers by two to four days": a delay of hours or
    # days in operations, not a launch put off.
    _g("after", r"^[^.;]{0,80}?\bby (?:up to |about |around |as much as |a few |several |"
       r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)"
       r"(?:\s*(?:to|-|or)\s*(?:\d+|two|three|four|five|six|seven|eight|nine|ten))?\s+)"
       r"(?:minutes?|hours?|days?)\b", "a delay of hours or days, not a launch put off",
       trigger=r"^delay"),
    # "will delay filing of its annual report", "postponed its shareholder meeting", "the
    # long-delayed Semiconductor Special Act": a filing, a meeting, a payment, a law or a
    # rule put off, not a product.
    _g("after", r"^\W*(?:(?:the|its|their|a|an)\s+)?(?:[\w-]+\s+){0,4}?(?:filing|filings|"
       r"publication|(?:annual |quarterly )?(?:results|earnings|report)|(?:shareholder |annual "
       r"general |board )?(?:meeting|vote)|hearing|payments?|dividend|act|bill|law|"
       r"legislation|regulations?|rules?|rulemaking|reforms?|treaty|tariffs?|ban|policy|"
       r"directive|ordinance|referendum|elections?|census|inquiry|review)\b",
       "a filing, meeting, payment, law or rule put off, not a launch",
       trigger=r"^(?:delay|postpon|defer)"),
    # "a software fault can delay the rear-view camera image": a fault's effect, not a
    # launch put off.
    _g("before", r"\b(?:fault|bug|glitch|error|defect|flaw|malfunction|failure|outage|"
       r"congestion|backlog|traffic)s?\s+(?:(?:that|which|can|could|may|might|will|would|"
       r"did|does|also|sometimes|often)\s+){0,2}$", "a fault's effect, not a launch put off",
       trigger=r"^delay"),
    # "Singapore Airlines to be compensated for A380 delays": a customer paid for its
    # supplier's delay, not a launch of its own put off.
    _g("before", r"\bcompensat\w*\s+(?:[\w-]+\s+){0,4}?(?:for|over)\s+(?:the\s+|its\s+)?"
       r"(?:[\w-]+\s+){0,3}$", "compensated for a supplier's delay, not its own",
       trigger=r"^delay"),
    # "to let British shoppers cancel Prime", "how to cancel Netflix": customers ending a
    # subscription, not a product called off.
    _g("before", r"(?:\b(?:customers|users|shoppers|subscribers|members|buyers|consumers|"
       r"viewers|listeners|players|riders|passengers|fans|people|parents|patients|guests|"
       r"travell?ers|owners|readers|you|they)\s+(?:(?:to|can|could|will|would|may|must|"
       r"cannot|can't|easily|quickly|simply|who|that|want to|wanting to|trying to|tried to)\s+)"
       r"{0,2}|\b(?:how|easier|easy|harder|hard|simpler|simple|quicker|way|ways|right|option|"
       r"button|where)\s+to\s+)$", "customers ending a subscription, not a product called off",
       trigger=r"^cancel"),
    # "adaptive noise cancelling", "echo-cancelling microphones": a feature, not a product
    # called off.
    _g("before", r"\b(?:noise|echo|wind|feedback)[\s-]$", "a feature, not a product called off",
       trigger=r"^cancel"),
    # "Google Store ship dates have slipped to mid-December": delivery dates of orders for a
    # product on sale, not its launch put off.
    _g("before", r"\b(?:store|order|orders|online|delivery|shipping)\s+(?:ship(?:ping)?\s+)?"
       r"(?:dates?|times?|estimates?|windows?)\s+(?:(?:have|has|had|are|were|is|was)\s+)?"
       r"(?:(?:now|already|also|again)\s+)?$", "delivery dates of orders, not a launch put off"),
    # "will arrive to the shelves of self-service stores", "back on shelves": store shelves,
    # not a product shelved.
    _g("before", r"\b(?:the|to|on|onto|off|store|stores|supermarket|retail|grocery|empty)\s+$",
       "store shelves, not a product shelved", trigger=r"^shelves$"),
    # "shader compilation delayed the launch of Lanternfall by up to 40 seconds": a wait of
    # seconds or minutes, not a product held back.
    _g("after", r"^[^.;]{0,80}?\bby (?:up to |about |around |roughly |as much as |nearly |"
       r"almost |over |more than )?(?:\d[\d.,]*|a few|several|a couple of|few)\s*(?:ms|"
       r"milliseconds?|seconds?|secs?|minutes?|mins?)\b",
       "a wait of seconds, not a delayed launch"),
    # "Snap on Wednesday pushed back against an analyst note": disputed, nothing delayed.
    _g("after", r"^\s+(?:against|on|at|hard|strongly|firmly)\b",
       "pushed back against a claim, not a delay", trigger=r"^push\w*\s+back$"),
    # "Netflix has cancelled the series after one season": a show ended after its run, not a
    # launch called off.
    _g("after", r"^[^.;]{0,60}?\bafter (?:just |only )?(?:one|two|three|four|five|six|seven|"
       r"eight|nine|ten|\d+|a|its|their) (?:[\w-]+ )?(?:seasons?|series|runs?|episodes?)\b",
       "a show ended after its run, not a launch called off", trigger=r"^cancel"),
    # "Boeing delays have become part of the 777X story": the plural noun as a subject, not
    # a delay announced.
    _g("after", r"^\s+(?:have|has|had|are|were|continue[sd]?|plagued?|hurt|weigh(?:ed)?|"
       r"cost|dogged|mount(?:ed)?|pile up|piled up|"
       # "Intel's delays give the game away: timing paper breaks TDX": a timing's delays
       r"give|gave|reveal(?:ed)?|leak(?:ed)?|expose[sd]?|betray(?:ed)?|show(?:ed)?)\b",
       "delays as a topic, not one announced",
       trigger=r"^delays$"),
)

LAYOFFS: tuple[SenseGuard, ...] = (
    # "as traders trimmed positions before the report", "funds cut their short positions":
    # holdings in a market, not jobs.
    _g("before", r"\b(?:traders?|investors?|(?:hedge |mutual |index )?funds?|speculators?|"
       r"(?:money|fund|portfolio) managers|bulls|bears|shareholders|dealers|institutions|"
       r"buyers|sellers|quants?)\s+(?:[\w-]+\s+){0,2}$",
       "market positions trimmed, not jobs", trigger=r"\bpositions$"),
    _g("trigger", r"\b(?:long|short|net|equity|bond|options?|trading|stock|share|index|"
       r"futures|derivatives?|risk|leveraged|speculative)\s+positions$",
       "market positions trimmed, not jobs"),
    # "Microsoft's 9,000 still top the 12-month layoff tally", "the job-cuts tracker": the
    # cuts counted across firms, a table, not one company's event.
    _g("after", r"^[-\s]*(?:trackers?|tall(?:y|ies)|rankings?|league tables?|leaderboards?|"
       r"databases?|data|statistics|stats|charts?|surveys?|counters?)\b",
       "a table of cuts, not an event"),
    # "Target and Tulsa-area libraries are shutting their doors early Tuesday as freezing
    # rain moves in": closed for a while, not for good.
    _g("after", r"^\s*(?:(?:their|its|the) doors\s+)?(?:early|for the (?:day|night|evening|"
       r"weekend|storm|holiday|holidays)|temporarily|overnight|until (?:further notice|"
       r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|noon|tomorrow))\b",
       "closed for a while, not for good", trigger=r"(?:clos|shut)\w*$"),
    # "Oracle HR flaw let anyone hire, fire and re-grade staff": what a flaw or a tool lets
    # others do, not the company cutting jobs.
    _g("before", r"\b(?:let|lets|allow(?:s|ed)?|enabl(?:e|es|ed)|help(?:s|ed)?)\s+(?:anyone|"
       r"anybody|users?|attackers?|hackers?|someone|strangers|outsiders|intruders|people|"
       r"customers|managers|admins?)\s+(?:to\s+)?(?:[\w-]+,?\s+){0,3}?$",
       "what others are let do, not the company's cuts"),
    # "its multi-link coordination cuts latency in crowded factory networks": a measure cut,
    # not a site closed ("cuts two plants", "cuts 40 stores" are).
    _g("after", r"^\s+(?:(?:its|their|the)\s+)?(?:[\w-]+\s+)?(?:latency|costs?|prices?|"
       r"emissions|time|power|energy|consumption|waste|delays|downtime|noise|fuel|bills?|"
       r"rates?|fees?|errors?|risks?|spending|expenses|inventor(?:y|ies)|debt|losses|"
       r"carbon|water)\b", "a measure cut, not a site closed", trigger=r"^cut"),
)

SENSES: dict[EventType, tuple[SenseGuard, ...]] = {
    "investment": INVESTMENT,
    "acquisition": ACQUISITION,
    "product_launch": PRODUCT_LAUNCH,
    "partnership": PARTNERSHIP,
    "legal": LEGAL,
    "executive_hire": PEOPLE,
    "executive_departure": PEOPLE,
    "layoffs": LAYOFFS,
    "launch_delay": LAUNCH_DELAY,
}


#: Every reason a guard gives: a finding rejected with one of these was read in another sense.
SENSE_REASONS = frozenset(g.reason for guards in SENSES.values() for g in guards)


def sense_reason(text: str, spec: TriggerSpec, start: int, end: int,
                 mentions: Sequence[Mention] = ()) -> str | None:
    """The everyday sense the trigger at ``start:end`` is used in, or None (``mentions``:
    the watched companies named in ``text``)."""
    for guard in SENSES[spec.event_type]:
        if guard.applies(text, start, end, mentions):
            return guard.reason
    return None
