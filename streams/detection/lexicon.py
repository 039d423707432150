"""Word lists the detector relies on, kept in one place so they can be reviewed.

The lists are deliberately small and general: they describe English news prose,
never a particular article.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A set of whitespace-separated words (keeps long lists readable)."""
    return frozenset(text.split())


# Nouns that name an event ("the acquisition of X", "layoffs"): the judge reads their tense
# from the clause's verb, and a list of them after "on" is topics someone talks about. (Not
# plurals that are also verbs: "Apple delays", "Meta hires".)
EVENT_NOUNS = words(
    """acquisition acquisitions purchase takeover buyout merger bid offer deal sale investment
    funding round stake financing lawsuit suit lawsuits settlement fine probe case action
    complaint charges layoffs layoff cuts redundancies partnership alliance venture agreement
    collaboration launch release debut delay postponement departure resignation appointment
    hire hiring exit ouster retirement""")


# The same, with what a court or a regulator hands down: the nouns that name an act again
# later in a sentence ("that 2023 decision", "a decade-old deal"), as one regex alternation.
ACT_NOUNS = EVENT_NOUNS | words("decision ruling penalty judgment judgement verdict order")
ACT_NOUN_PATTERN = "|".join(sorted(ACT_NOUNS, key=len, reverse=True))


# "A widow sues Google in the year's sharpest legal thriller", "In the novel, Apple buys
# Google": what happens in a novel, film or show.
FICTION_WORKS = (r"(?:thriller|novel|novella|film|movie|sitcom|drama|comedy|episode|musical|"
                 # "Uber Ousts Its CEO All Over Again in Doc 'Hustle Mode'": a retelling
                 r"doc|documentary|docuseries|docudrama|biopic|"
                 r"short story|fiction|satire|parody|screenplay|miniseries|graphic novel|"
                 # a book's chapter, not a bankruptcy's ("Chapter 11")
                 r"(?:first|opening|final|last|second|third|next) chapter|"
                 # "in Sam Hale's biting new play" (not "a play for market share")
                 r"(?:new|stage|one-act|hit|west end|broadway) play)")


# People a brand engages for a campaign, a post or a show rather than to run it, singular or
# plural, as a regex alternation: "hires comedian Dev Castellano", "partners with creators".
PERFORMERS = (r"(?:(?:comedian|actor|actress|singer|rapper|musician|band|influencer|creator|"
              r"youtuber|tiktoker|streamer|podcaster|athlete|footballer|quarterback|model|"
              r"supermodel|chef|popstar|pop star|voice actor|narrator|filmmaker|photographer|"
              r"dj|mascot)(?:e?s)?|celebrit(?:y|ies))")


# Ordinary English words that are also the name (or alias) of a well-known company.
# A single-word name in this list only counts once the article corroborates it
# (a ticker, a longer unambiguous name, or business context in the sentence).
COMMON_WORD_NAMES: frozenset[str] = words(
    """
    abc adobe alexa alphabet ally amazon american anthropic apple arm aurora azure bard
    beats bird block bolt box brave brother canon capital caterpillar character charter
    chase chewy chime circle claude coach cohere compass confluent converse copilot corona
    crest cruise delta dial discover discovery dish dodge dove echo edge elastic embark
    epic express fiat fidelity fire first ford fox frontier gain gap gemini general genesis
    glean grab grok guess halcyon harvey inflection intel jaguar jasper jet jeep kestrel
    kick kindle kraft lime llama lotus magic mango max medium messenger meta micron mini
    mistral national nest next nothing notion office opera oracle orange paramount peacock
    peloton perplexity pilot pixel plus progressive puma quest ram ramp ring riot ripple
    rumble runway scale sea seat sharp shell showtime sierra signal slack smart snap
    snowflake sora southwest spirit sprint square staples stability stripe subway sun
    surface switch target teams telegram threads three tide truth twitch twitter unity
    united universal valve vans via vision visa vivo wish workday writer x zoom
    """
)

# Capitalised words that are never a counterparty company on their own.
NOT_A_COMPANY: frozenset[str] = words(
    """
    a an the this that these those its his her their our my it he she they we i
    ai ceo cto cfo coo cio vp us uk eu un usa ipo america china india japan
    europe asia africa germany france britain canada mexico brazil russia korea taiwan
    israel australia california texas london paris tokyo beijing washington new york
    silicon valley wall street congress senate parliament court commission government
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december today tomorrow yesterday
    series seed round inc corp co ltd llc plc group holdings according analysts reuters
    company board corporation
    thousands hundreds dozens scores millions billions several many some
    bloomberg however meanwhile also earlier later last next first second third
    chief executive president chairman founder officer director head shares stock
    furthermore moreover additionally recently meanwhile still yet now then thus also
    regulators ftc doj sec fcc cma pentagon nasa army navy department ministry treasury
    fda ema faa nhtsa irs ecb fed federal reserve justice state states union city county
    vietnam indonesia thailand singapore malaysia philippines spain italy poland ireland
    netherlands sweden norway denmark finland switzerland austria belgium portugal greece
    turkey egypt nigeria kenya argentina chile colombia peru saudi arabia uae dubai qatar
    ohio arizona georgia florida nevada oregon utah virginia carolina michigan indiana
    tennessee kentucky iowa kansas idaho montana alabama louisiana oklahoma wisconsin
    minnesota pennsylvania massachusetts jersey illinois colorado delaware berlin munich
    shanghai shenzhen seoul bangalore mumbai delhi toronto sydney madrid rome amsterdam
    taipei brussels geneva davos zurich vienna stockholm oslo copenhagen helsinki dublin
    lisbon athens warsaw prague budapest cairo lagos nairobi riyadh doha jakarta manila
    bangkok hanoi osaka hong kong
    """
)

# Everyday words that are also the names of businesses (a TV show, a network, a supermarket
# named after a country): counted only with corroboration, like the common-word names.
EVERYDAY_NAMES: frozenset[str] = words(
    """
    one two three four five six seven eight nine ten eleven twelve twenty hundred thousand
    million first second third today tonight tomorrow yesterday now news live sport sports
    business money finance markets weather world global national international local
    iceland greenland holland england scotland wales britain europa asia africa america
    canada china india japan korea germany france italy spain russia brazil mexico
    australia zealand norway sweden denmark finland poland austria egypt israel turkey
    monday tuesday wednesday thursday friday saturday sunday january february april june
    july august september october november december spring summer autumn winter
    american british canadian australian german french japanese chinese european asian
    african indian mexican brazilian irish scottish national united continental pacific
    atlantic southwest southern northern eastern western central royal
    """
)

# Nationalities written before a noun ("the Romanian assembly plant Automobile Craiova"):
# adjectives, not the name of a party.
DEMONYMS: frozenset[str] = words(
    """american british german french chinese japanese korean indian canadian australian
    italian spanish dutch swiss swedish norwegian danish finnish russian brazilian mexican
    irish israeli romanian polish turkish saudi emirati indonesian thai vietnamese malaysian
    singaporean taiwanese belgian austrian portuguese greek czech hungarian argentine
    argentinian chilean colombian peruvian nigerian kenyan egyptian european asian african
    scottish welsh english icelandic ukrainian pakistani bangladeshi filipino texan
    californian latvian lithuanian estonian bulgarian croatian serbian slovak slovenian
    luxembourgish qatari kuwaiti moroccan"""
)

# Countries and regions a company names its national arms after ("Boeing Australia", "Meta
# Platforms Ireland", "Kestrel Pagamentos do Brasil"), as a regex alternation.
COUNTRIES = (r"(?:Australia|New Zealand|Canada|Mexico|Brazil|Brasil|Argentina|Chile|Colombia|"
             r"Peru|UK|U\.K\.|Britain|Great Britain|England|Scotland|Ireland|France|Germany|"
             r"Deutschland|Italy|Italia|Spain|Espa(?:ñ|n)a|Portugal|Netherlands|Nederland|"
             r"Belgium|Switzerland|Austria|Sweden|Norway|Denmark|Finland|Iceland|Poland|"
             r"Czech Republic|Hungary|Romania|Greece|Turkey|Russia|Ukraine|Israel|Egypt|"
             r"Nigeria|Kenya|South Africa|Morocco|Saudi Arabia|UAE|Qatar|India|Pakistan|"
             r"Bangladesh|China|Hong Kong|Taiwan|Japan|Korea|South Korea|Singapore|Malaysia|"
             r"Indonesia|Thailand|Vietnam|Philippines|Europe|Asia|Asia Pacific|Asia-Pacific|"
             r"Africa|Latin America|Middle East|Nordics?|Americas|North America|EMEA|APAC|"
             r"US|U\.S\.|USA)")

# Job titles: a hire or a departure needs one of these (or a named person) nearby.
EXEC_TITLES = (
    r"(?:(?:co-)?(?:CEO|CFO|CTO|COO|CIO|CMO|CPO|CSO|CRO|president|chair(?:man|woman|person)?|"
    r"chief(?: [A-Za-z-]+){0,3} officer|chief|executives?|exec|founder|co-?founder|"
    r"head(?: of [A-Za-z-]+(?: [A-Za-z-]+)?)?|director|(?:senior |executive )?vice president|"
    r"SVP|EVP|VP|(?-i:MD)|general counsel|managing director|board member|leader|boss|"
    # a partner of a firm, not a company's "launch partner" or "technology partner"
    r"(?<!launch )(?<!technology )(?<!strategic )(?<!commercial )(?<!exclusive )"
    r"(?<!preferred )(?<!official )(?<!distribution )(?<!retail )(?<!channel )(?<!supply )"
    r"(?<!business )(?<!manufacturing )(?<!integration )(?<!cloud )(?<!payments )partner|"
    r"researchers?|scientists?|engineers?|talent|veterans?|(?:top |senior )?hires?|"
    r"designers?|architects?|lead|manager|treasurer|secretary|successor|replacement|"
    r"interim|acting))"  # "co-president", "co-CEO": one of two holding the post
)
# The same titles for trigger patterns, which see the sentence lower-cased: there "MD" is
# "md" (a trigger also takes "Md.", Maryland; the capitals are read only where the
# original text is, as in EXEC_TITLE_RE).
FOLDED_EXEC_TITLES = EXEC_TITLES.replace("(?-i:MD)", "md")
# Countries as trigger patterns see them, lower-cased ("the uk", "europe").
FOLDED_COUNTRIES = COUNTRIES.lower()

# Words that make a sentence read as business news; they corroborate ambiguous names.
BUSINESS_CONTEXT = (
    r"\b(?:Inc|Corp|Co|Ltd|plc|LLC|company|companies|firm|CEO|CFO|COO|CTO|chief|officer|"
    r"president|founder|chairman|board|executives?|"
    r"shares?|stock|investors?|analysts?|revenue|earnings|profits?|quarter(?:ly)?|"
    r"billion|million|acqui\w+|merger|takeover|invest\w*|funding|startup|layoffs?|"
    r"laid off|jobs|workforce|employees|lawsuit|sued|sues|antitrust|regulators?|launch\w*|"
    r"unveil\w*|products?|devices?|iPhone|smartphones?|software|AI|cloud|chips?|stores?|"
    r"retailer|subscribers|users|partnership|partners|deal|announced|said|spokesperson|"
    r"tech(?:nology)?|giant|rivals?|competitors?|NYSE|Nasdaq|brand)\b"
)

STOCK_EXCHANGES = (
    r"(?:NASDAQ|Nasdaq|NYSE|NYSE American|NYSE Arca|LSE|LON|TSX|TSE|ASX|HKEX|HKG|SEHK|"
    r"SIX|ETR|XETRA|FRA|EPA|AMS|BIT|BME|KRX|KOSDAQ|SGX|NSE|BSE|OTC|OTCQX|CBOE|TYO|SSE|SZSE)"
)


# Numbers written as words, for patterns: "Twenty-seven years ago", "eight electric cruisers".
NUMBER_WORDS = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
                r"fifty|sixty|seventy|eighty|ninety|hundred)(?:-[a-z]+)?")

# Legal forms a company's name may end with ("Thomson Corporation", "Brewery Ltd."), for
# patterns.
LEGAL_SUFFIXES = (r"(?:Inc|Corp|Corporation|Co|Company|Incorporated|Ltd|Limited|LLC|plc|PLC|"
                  r"GmbH|AG|SA|NV|SE)")


# How a share price moves, in the past tense (an alternation for regexes): "Shares rose 3%".
SHARE_MOVES = (r"rose|fell|jumped|surged|soared|climbed|gained|slipped|slid|dropped|sank|"
               r"tumbled|rallied|plunged|spiked|advanced|declined")


# A company's own venture arm, named after it: "Intel Capital", "the OpenAI Startup Fund".
VENTURE_ARMS = (r"(?:Ventures|Capital|Startup Fund|Venture Fund|Growth Fund|Strategic Investments|"
                r"Venture Capital)")


# Words that describe the company named right after them: "web search giant Google",
# "the Californian AMD", "telecommunications company AT&T", "its owner Google".
ROLE_NOUNS = words(
    """giant company firm group maker manufacturer producer service website site bank lender
    insurer retailer chain airline carrier operator provider startup start-up rival
    competitor owner parent subsidiary unit brand network broadcaster conglomerate developer
    publisher studio supplier distributor brokerage fund investor partner platform store
    outlet automaker carmaker chipmaker drugmaker steelmaker titan behemoth player leader
    specialist outfit business corporation peer newcomer challenger incumbent vendor
    contractor miner refiner shipper railway railroad telco operator utility lessor landlord""")


def is_role_noun(word: str) -> bool:
    """'maker', and plurals too: "Taiwan based companies, Flextronics and Foxconn"."""
    word = word.lower()
    return word in ROLE_NOUNS or (word.endswith("s") and (
        word[:-1] in ROLE_NOUNS or (word.endswith("ies") and word[:-3] + "y" in ROLE_NOUNS)))


# One character of the same sentence: a full stop ends it, but a decimal point does not
# ("pay $1.9 billion upfront", "received $1.5 million in milestone payments").
IN_SENTENCE = r"(?:[^.;]|\.(?=\d))"


# A plan given up: "no longer expects to launch", "no longer plans to ship" (the verb; "to"
# and the act follow).
NO_LONGER_PLANS = r"no longer (?:expect|plan|intend|aim|hope)s?"


# Month names as written in prose, for patterns that date a clause.
MONTH_NAMES = (r"(?:January|February|March|April|May|June|July|August|September|October|"
               r"November|December)")


# "data" as a report or figures, not "data residency" or "a data service" (services sold).
DATA_AS_REPORT = (r"data(?!\s+(?:residency|storage|cent(?:er|re)s?|services?|plans?|platforms?|"
                  r"products?)\b)")
# What a supply deal buys from a company ("an agreement to buy the company's chips").
SUPPLY_NOUNS = (r"(?:products|chips|components|parts|supplies|equipment|capacity|power|"
                r"electricity|energy|services|devices|modules|gpus|servers|fuel|memory|"
                r"batteries|cells|panels|wafers|displays|engines|materials)")
# "A 20-year power purchase agreement": energy bought under contract, a supply deal.
SUPPLY_BOUGHT = ("power", "energy", "electricity", "offtake", "capacity")
SUPPLY_PURCHASE = r"(?:" + "|".join(SUPPLY_BOUGHT) + r")\s+purchase"
# People in the plural, as a sentence names a group that acts or is acted on ("Uber drivers
# sue", "the show's contestants were accused"): not a company.
PEOPLE_PLURALS = (r"(?:drivers|workers|riders|users|customers|passengers|employees|staff(?:ers)?|"
                  r"people|residents|shoppers|owners|tenants|consumers|fans|players|students|"
                  r"parents|patients|developers|engineers|members|investors|viewers|readers|"
                  r"buyers|sellers|couriers|contestants|guests|officials|executives|managers|"
                  r"directors|officers|agents|contractors|participants|protesters|men|women)")

# Words that end another organisation's name after a company's short name: "Northwind Air",
# "Halcyon Hotels", "Apple Corps" (legal suffixes, "Apple Inc", keep the company).
ORGANISATION_WORDS = (
    r"(?:Air|Airlines|Airways|Hotels?|Resorts|Corps|Bank|Bancorp|Foods|Records|Motors|"
    r"Pictures|Studios|Games|Labs|Energy|Pharma|Pharmaceuticals|Therapeutics|Biotherapeutics|"
    r"Biosciences|Logistics|Freight|Robotics|Capital|Partners|Ventures|Insurance|Financial|"
    r"Health|Healthcare|Media|Entertainment|Systems|Technologies|Software|Networks|Aerospace|"
    r"Brewing|Properties|Realty|Construction|Industries|Mining|Oil|Telecom|Communications|"
    r"Securities|Investments|Semiconductors?|Electronics|Shipping|Rail|Trust|Fund|Foundation|"
    r"University|Institute|Hospital|Club|Theatre|Theater|Press|Publishing|Books|"
    # "The Tidewell Inn" is a pub, not Tidewell Foods
    r"Inn|Tavern|Pub|Arms|Lodge|Motel|Cafe|Café|Bakery|Restaurant|Diner|Bistro|"
    # "Northwind Energi A/S", "Northwind Coffee Roasters": other trades' own names
    r"Energi|Energia|Power|Renewables|Solar|Wind|Utilities|Coffee|Roasters|Brewery|Farms|"
    r"Dairy|Kitchen|Grill|Outfitters|Apparel|Furniture|Homes|Clinic|Dental|Marine|Maritime|"
    r"Engineering|Consulting|Interiors)")

# "Microsoft Copilot Vision launched for Windows users", "the Tata Nano, has been launched":
# the company's name before its product's, the product the subject of its own launch. The
# maker is named (not "Tata Steel launches": an organisation's word ends the name).
MAKERS_PRODUCT = (
    r"(?: (?!(?:" + ORGANISATION_WORDS + r"|Group|Holdings|" + LEGAL_SUFFIXES
    + r")\b)(?:[A-Z][\w.+-]*|\d[\w.+-]*)){1,3},? (?:(?:has|have) been |(?:is|are|was|were) "
    r"(?:being )?|will be |officially |finally )?(?:launch(?:es|ed)|debut(?:s|ed)|"
    r"arriv(?:es|ed)|roll(?:s|ed) out|go(?:es)? on sale|went on sale|goes live|went live|"
    r"(?:is|are) now available|unveiled|released)\b")
