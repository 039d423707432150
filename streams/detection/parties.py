"""Who is on which side of a trigger: subjects, objects, unwatched names, people."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .companies import Mention
from .lexicon import (
    DEMONYMS,
    LEGAL_SUFFIXES,
    NOT_A_COMPANY,
    SHARE_MOVES,
    VENTURE_ARMS,
    is_role_noun,
    words,
)

PREPOSITIONS = words(
    """in into from of with by at to for like than as including about over against between
    on onto via unlike besides beyond after before behind among amid toward towards under
    within without across through throughout during despite versus vs such"""
)
_CLAUSE_BREAK = re.compile(
    r";|\bwhile\b|\bwhereas\b|\bwhich\b|\bwho\b|\bwhose\b|\bbut\b|—|\(|\bafter\b|\bsince\b|"
    # "to step down when Pfizer deal closes": a clause of its own
    r"\b(?:when|once|until|unless|because)\b|"
    r",\s*(?:citing|according to|following|quoting)\b|"
    # ", and the long road to working at Spotify": a new clause, not another object.
    r",\s+and\s+(?:the|a|an|its|his|her|their|then)\b")
# "acquires a chip-design startup, Tesla misses another deadline": after a comma, a name
# followed by its own verb opens a clause of its own (not "a chip startup, Kestrel, for").
# "agreed to buy the parcel Amazon once wanted": a name that is the subject of a relative
# clause after the object (an adverb or auxiliary, then a past verb) is not an object.
_RELATIVE_SUBJECT = re.compile(r"\s+(?:(?:once|previously|originally|formerly|first|long|had|"
                               r"has|have|already)\s+)+(?:[a-z]+ed|bought|sold|built|made|took|"
                               r"won|lost|left|owned|ran|led|held|kept)\b")
_OWN_VERB = re.compile(r"\s+(?:[a-z]+(?:ed|s)|has|had|is|was|will|would|can|could|may|said|"
                       r"made|took|won|lost|got|sold|bought|cut|hit|set|kept|left|fell|rose)\b")
# Verbs whose next noun is their object, so a company right after one is not a subject.
_OBJECT_VERB = re.compile(
    r"hire[sd]?|hiring|appoint\w*|names?|named|naming|poach\w*|lure[sd]?|taps|tapped|recruit\w*|"
    r"acquir\w+|buy(?:s|ing)?|bought|purchas\w+|sue[sd]?|suing|join\w*|leav\w+|left|quit\w*|"
    r"told|tells?|telling|informed|asked|warned|reminded|"
    r"backs|backed|beat(?:s|ing)?|replac\w+|suppl(?:y|ies|ied)|supplying|overt[ao]ok\w*|"
    r"accus\w+|fined|over|invested|funded|ousted|fired|includ\w*|counts?|sending|sent|"
    r"hurt\w*|hit|lift\w*|boost\w*|dragg?\w*|a|an|the|"
    # "lands Nvidia deal and unveils": the company is in what was won, not the subject
    r"lands|landed|wins|won|secures|secured|inks|inked|clinch\w*|strikes|struck|"
    # "a startup using Nvidia chips": the company is what is used.
    r"us(?:e|es|ed|ing)|runs|running|rents|renting|licens\w+|powered")
# "the board of Cobaltline ousted its CEO": the company acts through its board.
_ACTS_THROUGH = re.compile(r"\b(?:board|directors|management|leadership|owners?|parent)"
                           r"(?: of directors)? of\s*$", re.IGNORECASE)
# Words that open a phrase the company is inside of, not the subject of the clause.
_SUBORDINATE = re.compile(r"\b(?:whose|which|who|includ\w*|such as|like|among|counts?|"
                          r"customers?|clients?|rivals?|competitors?|investors?|backers?|"
                          r"owned by|a (?:unit|subsidiary|division|brand|part) of|part of|"
                          r"backed by|controlled by|run by|operated by)\b")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s,]*$")
# Capital and small letters of names, with accents: "Gustav Söderström", "Nestlé", "Ødegaard".
_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
_CAPITAL_RUN = re.compile(
    rf"[{_UP}][{_UP}{_LOW}0-9&'’.+-]*(?:\s(?:[{_UP}][{_UP}{_LOW}0-9&'’.+-]*|\d[\w.]*|&|of|de|"
    r"du|van|von|and)(?=\s|$|[,.;:)]))*"
)
_TOKEN = re.compile(r"\S+")
_GOODS = re.compile(r" (?:chips|gpus|processors|servers|shares|stock|products|devices|services|"
                    r"software|licen[cs]es|data|capacity|equipment|ads|advertising|assets|"
                    r"hardware|cloud|models?|credits|bonds|debt|notes)\b", re.IGNORECASE)
_ORG_WORDS = words(
    """inc corp co ltd llc plc group holdings technologies technology labs lab capital partners
    ventures street journal times news bank university institute research ai systems software
    networks media studios games motors energy health therapeutics robotics payments platforms
    superintelligence foundation fund association agency commission committee council court
    department ministry office house post wire review league federation union club society
    conference tour festival academy tribunal parliament government administration museum
    orchestra team authority school college academy hospital church"""
)


def org_word(word: str) -> bool:
    """A word that ends an organisation's name and no person's ("League", "Council")."""
    return word.lower().strip(".") in _ORG_WORDS


_PERSON = re.compile(
    rf"\b[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?(?: [{_UP}]\.)?(?: (?:de |van |von |da |di |"
    # "O'Brien", "McDonald", "MacKenzie"
    rf"del |le |la )?(?:O['’](?=[{_UP}])|Ma?c(?=[{_UP}]))?[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?)"
    rf"{{1,2}}\b"
)
_NOT_PERSON_START = words(
    """recently furthermore however meanwhile according earlier later analysts reports but and
    chief senior former executive vice general managing head director president officer
    financial operating technology technical marketing operations information product commercial
    communications legal revenue strategy digital security science scientific medical creative
    acting interim deputy global regional chairman chairwoman chair founder co-founder
    ceo cfo cto coo cio cmo"""
)


# Conjunction-like words ("after Oracle announced ...") still open a clause with a subject.
_NOT_BEFORE_SUBJECT = PREPOSITIONS - {"after", "before", "since", "as", "until", "unless"}


_DESCRIPTOR_WORD = re.compile(r"[a-z][\w.&'’-]*|[A-Z][a-z]+(?:an|ian|ese|ish|ic)|U\.?S\.?|UK|"
                              r"EU|US|[A-Z][\w.]*-based|\d[\w.-]*")


def descriptor_start(text: str, pos: int, floor: int = 0) -> int:
    """Where a phrase describing the company at ``pos`` begins ("the Californian AMD",
    "web search giant Google"), not before ``floor``; ``pos`` when nothing describes it."""
    start = pos
    words_seen: list[str] = []
    index = pos
    if text[max(0, pos - 2):pos] == ", ":
        # "electronic trading company, Archipelago Holdings": an appositive name.
        if not is_role_noun(text[:pos - 2].rsplit(" ", 1)[-1]):
            return pos
        index = pos - 2
    for _ in range(6):
        if index <= floor + 1:
            break
        space = text.rfind(" ", max(0, index - 30), index - 1)
        word = text[space + 1:index].strip()
        if not word or not _DESCRIPTOR_WORD.fullmatch(word):
            break
        words_seen.append(word)
        index = space + 1
        if word.lower() in ("the", "its", "their", "a", "an", "fellow"):
            start = index
            break
        if word.lower() in PREPOSITIONS or word.lower() in ("and", "or", "by"):
            break
        start = index
    if not words_seen:
        return pos
    nearest = words_seen[0]
    if is_role_noun(nearest) or nearest.lower() in ("rival", "fellow") or (
            nearest[:1].isupper() and len(words_seen) <= 2):
        return start
    return pos


def word_before(text: str, pos: int) -> str:
    """The lower-cased word just before ``pos`` (ignoring spaces and commas)."""
    match = _WORD_BEFORE.search(text, max(0, pos - 30), pos)
    return match.group(1).lower() if match else ""


def subject_before(text: str, mentions: list[Mention], pos: int, window: int = 400,
                   after_preposition: bool = False,
                   named_clause: bool = True) -> tuple[Mention | None, bool]:
    # "with Pfizer taking a stake": the company after 'with' is the participle's subject.
    participle = re.match(r"[a-z]+ing\b", text[pos:pos + 20]) is not None
    """The nearest company before ``pos`` that reads as a clause subject (not after 'of').

    Returns the mention and whether it sits in an earlier clause (across a ';').
    """
    for mention in reversed(mentions):
        if mention.end > pos or mention.historical:
            continue
        if pos - mention.end > window:
            return None, False
        word = word_before(text, mention.start)
        if word == "the" and _VERB_NEXT.match(text, mention.end):
            # "The Irish Stock Exchange (ISE) launched": a verb follows, so the word before
            # the article decides ("acquired the X" is an object, "said the X launched" a
            # subject); "the X story" stays a modifier.
            word = word_before(text, text.lower().rfind(word, 0, mention.start))
        if participle and word == "with" and mention.end + 2 >= pos - 1:
            return mention, False
        if word == "of" and _ACTS_THROUGH.search(text, max(0, mention.start - 40),
                                                 mention.start):
            return mention, ";" in text[mention.end:pos]
        if _IN_APPOSITIVE.search(text, max(0, mention.start - 160), mention.start) and (
                "," in text[mention.end:pos]):
            continue  # "Orsay, the Paris lab started by three DeepMind alumni, raises"
        if not after_preposition and (word in _NOT_BEFORE_SUBJECT or _OBJECT_VERB.fullmatch(word)
                                      or _in_subordinate_phrase(text, mentions, mention)
                                      or _in_pp_appositive(text, mention.start)):
            continue
        if _RELATIVE_OBJECT.search(text, max(0, mention.start - 40), mention.start):
            continue  # "The analyst who called Boeing's merger a mistake got fired"
        if _OWN_SUBJECT.search(text, mention.end, pos) or (
                (_OWN_SUBORDINATE_SUBJECT.search(text, mention.end, pos)
                 or (named_clause and _NAMED_SUBORDINATE_SUBJECT.search(text, mention.end, pos)))
                and not _SHARES_MOVED.match(text, mention.end, pos)):
            return None, False  # "X denies a rumour, an Oxford team releases": another subject
        if _NAMED_AFTER_COLON.search(text, mention.end, pos) and any(
                m.company == mention.company and pos < m.start <= pos + 60 for m in mentions):
            # "Nvidia: FTC sues Nvidia over bundling": the kicker names the object again, so
            # the name after its colon is the subject ("Ferngate Games: Hollow Tide slips"
            # keeps the kicker as its maker)
            return None, False
        if _NAMED_AFTER_SEMICOLON.search(text, mention.end, pos) and not _PERSON_MOVED.match(
                text, pos):
            return None, False  # "completes its Tidewell takeover; Castlemoor invests"
        if _RELATIVE_OF_ANOTHER.search(text, max(mention.end, pos - 90), pos):
            return None, False  # "... to co-found Reelstack, which has raised $12 million"
        if _THEN_VERB.fullmatch(text, mention.end, pos) and _NAMED_SUBJECT_ACTS.fullmatch(
                text, 0, mention.start) and not any(m.end <= mention.start for m in mentions):
            return None, False  # "Corvid Air takes first Boeing 787-9 and launches"
        return mention, ";" in text[mention.end:pos]
    return None, False


# A relative clause right before the trigger whose antecedent is another name, written with
# capitals after the watched one: "Netflix's product chief is leaving to co-found Reelstack,
# which has raised a $12 million seed round".
_RELATIVE_OF_ANOTHER = re.compile(r"\s(?!(?:It|Its|The|This|That|They|Their)\b)[A-Z][\w&.'’-]*"
                                  r"(?:\s[A-Z][\w&.'’-]*){0,3},?\s+(?:which|that)\s+"
                                  r"(?:(?:has|have|had|also|just|recently|now|already|"
                                  r"reportedly)\s+)*$")


# The sentence opens on a name of its own (no watched one) and a verb of its own, whose object
# holds the watched name: "Corvid Air takes first Boeing 787-9 and launches Lisbon service".
# A verb joined by "and" after it shares that subject. (Not a speaker: "Reuters reports Apple
# cut jobs and ...".)
_NAMED_SUBJECT_ACTS = re.compile(
    r"\W*(?!(?:It|He|She|They|We|This|That|These|Those|Its|Their|The|A|An|I|You|Our|Shares)\b)"
    r"(?:[A-Z][\w&.'’-]*\s+){1,4}(?!(?:says|said|reports|reported|writes|wrote|notes|noted|"
    r"argues|argued|claims|claimed|thinks|believes|expects|hopes|fears|warns|warned|adds|added|"
    r"confirms|confirmed|announces|announced|learns|learned|hears|heard)\b)[a-z]+(?:s|ed)\s"
    r"[^,;:]*")
_THEN_VERB = re.compile(r"[^,;:]*\s(?:and|then)\s+(?:[a-z]+ly\s+)?")


# After a ';' a new clause with a subject of its own, named or not: "Granvale completes its
# Tidewell Foods takeover; Castlemoor invests $120m in Brightwater".
_NAMED_AFTER_SEMICOLON = re.compile(r";\s+(?:(?!(?:It|He|She|They|We|This|That|These|Those|The|"
                                    r"Its|Their|Both|Each|All|I|You|Our|Shares)\b)(?:[A-Z][\w&.'’-]*\s+){1,4}|"
                                    # "; a patent firm sues Intel over 18A"
                                    r"(?:a|an|another)\s+(?:[\w'’.-]+\s+){1,3})$")
# After a headline's kicker and its colon, a name of its own right before the verb: "Nvidia:
# FTC sues Nvidia", "Apple: EU fines Apple €1.8bn" (not "Apple: The company launches").
_NAMED_AFTER_COLON = re.compile(r":\s+(?!(?:It|He|She|They|We|This|That|The|Its|Their|I|You|"
                                r"Our)\b)(?:[A-Z][\w&.'’-]*\s+){1,3}$")
# ... unless the name is a person put in or leaving a post ("Boeing defense chief to retire;
# Rao named successor", "Boeing posts a loss; Kelly Ortberg resigns"): the company is still
# the earlier clause's.
_PERSON_MOVED = re.compile(r"(?:named|appointed|elected|promoted|tapped|picked|chosen|"
                           r"hired|poached|to succeed|succeeds|to replace|replaces|takes over|"
                           r"to take over|steps up|joins|to join|resigns|to resign|steps down|"
                           r"to step down|retires|to retire|quits|exits|leaves|to leave|"
                           r"is ousted|departs)\b")


# The trigger's clause has a subject of its own, a noun phrase right before it after a comma:
# "Anthropic knocks down a rumour, an Oxford team releases a dataset". (Not after "and":
# "Google and a consortium of banks invested" has Google among its subjects.)
_OWN_SUBJECT = re.compile(r",\s+(?:an?|the|another)\s+(?:[\w'’.-]+\s+){0,3}$")


# The trigger's clause is a subordinate one with a named subject of its own: "Block joined the
# S&P 500, replacing Hess after Chevron completed its acquisition of", "... as Aldervane Test
# Systems priced its initial public offering". (A speaker's verb is left out: in "after Elon
# Musk announced its purchase of" the 'its' may still be the company before.)
_SUBORDINATOR = (r"\b(?:after|before|when|(?<!such )as|while|since|because|once|until|whereas|"
                 r"although|though)\s+")
_OWN_SUBORDINATE_SUBJECT = re.compile(
    _SUBORDINATOR + r"(?:[A-Z][\w&.'’-]*\s+){1,4}(?!(?:said|says|announced|announces|confirmed|"
    r"confirms|disclosed|revealed|unveiled|reported|told)\b)[a-z]{2,}(?:ed|s)\s+"
    r"(?:[\w'’$-]+\s+){0,3}$")


# "... changes hands again as Shipfast buys Rapidroute": a subordinate clause whose named
# subject stands right before the trigger (the trigger is its verb). Not for people's
# moves, whose subject is a person: "as Amy Weaver retires".
_NAMED_SUBORDINATE_SUBJECT = re.compile(_SUBORDINATOR + r"(?:[A-Z][\w&.'’-]*\s+){1,4}$|"
                                        # "Judge cites Google v. Oracle as she tosses
                                        # code-copying suit against ...": a person's clause
                                        + _SUBORDINATOR + r"(?:she|he|they)\s+[a-z]{2,}(?:ed|s)\s+"
                                        r"(?:[\w'’$-]+\s+){0,3}$")


# "Intel shares rose 5% after Lip-Bu Tan pledged to cut": in a market story the clause after
# the move tells its cause, the company's own act (its chief's words).
_SHARES_MOVED = re.compile(r"(?:['’]s)?\s+(?:shares|stock|stocks)\b[^.;]{0,60}?\b(?:"
                           + SHARE_MOVES + r"|rise|fall|jump|climb|slide|drop|sink|tumble|rally|"
                           r"plunge)\b", re.IGNORECASE)
# "the analyst who called Boeing's merger a mistake": the company is the object of a person's
# relative clause, not the subject of the sentence's verb.
_RELATIVE_OBJECT = re.compile(r"\bwho\s+(?:[a-z]+ly\s+)?[a-z]+ed\s+$", re.IGNORECASE)


# Inside ", the Paris lab started by ... ,": an appositive describing the subject before it.
_IN_APPOSITIVE = re.compile(r",\s+(?:the|a|an|founded|co-founded|backed|owned|run|led|started|"
                            # "Corvane, whose lead drug Pfizer licensed in 2021, said",
                            # "Harlow Crest, which led Kestrel's Series D, also took part"
                            r"whose|which|who|"
                            r"created|built|formed|spun out|"
                            # "NRDC Equity Partners, owners of department store Lord & Taylor,"
                            r"(?:the\s+)?(?:owners?|parent|operators?|makers?|publishers?) of|"
                            # "Kestrel, still fighting Block in court, raises $40m"
                            r"(?:(?:still|now|already|long|once|newly)\s+)?"
                            r"(?!including|excluding|according|following|regarding|concerning)"
                            r"[a-z]+ing)\s[^,;()]*"
                            # "a startup that helps musicians across Spotify, Apple Music and
                            # Netflix, has raised": a list of names inside the aside
                            r"(?:,\s+[A-Z][^,;()]{0,30})*$")


def in_appositive(text: str, mention: Mention) -> bool:
    """The mention sits in an aside opened by a comma: ", the lab started by ...", ", founded
    by former Stripe executives," (it describes someone else)."""
    return _IN_APPOSITIVE.search(text, max(0, mention.start - 80), mention.start) is not None
_VERB_NEXT = re.compile(r"(?:\s*\([^()]{1,30}\))?(?: " + VENTURE_ARMS + r")?"
                        r",?\s+(?:[a-z]+ly\s+)?(?:has|have|had|is|are|was|"
                        r"were|will|would|can|could|said|says|[a-z]+ed|[a-z]{2,}es)\b")


# "came to a deal with the regional U.S. bank, Hudson United, to buy": the appositive of a
# prepositional object is not the subject.
_IN_PP_APPOSITIVE = re.compile(r"\b(?:with|to|from|of|for|at|by|against|than|like|including|"
                               r"over)\s+(?:the|a|an|its|their)\s+(?:[^,;.()]|\.(?=\S|\s[a-z])){1,40},\s*$")


# What may stand before a phrase that opens the sentence: "As part of the deal, Shell will
# buy", "In addition to the stake, Shell will" (the name after the comma is the subject).
_OPENER_BEFORE = re.compile(r"(?:^|[.!?:]\s+|\n\s*)[\"'“‘]?(?:as part|in addition|on top|"
                            r"as a result|ahead|apart)\s*$", re.IGNORECASE)


# A sentence that opens with prepositional phrases and no comma before the one that closes
# them: "At the company's own keynote at the Moscone West center in San Francisco, Apple CEO
# Steve Jobs introduced" (the name after the comma is the subject, not an appositive).
# "According to the union, Amazon will close", "The unions said that, according to the works
# council, Amazon will close": an attribution opens the clause.
_PP_OPENER = re.compile(r"(?:^|[.!?]\s+|\n\s*|\bthat,\s+)[\"'“‘]?(?:At|In|On|During|After|"
                        r"Before|Following|From|With|Under|Speaking at|[Aa]ccording to)\s"
                        r"[^,;.!?\n]*,\s*$")


def _in_pp_appositive(text: str, start: int) -> bool:
    """The name at ``start`` is the appositive of a prepositional object inside a clause."""
    found = _IN_PP_APPOSITIVE.search(text, max(0, start - 60), start)
    return found is not None and _OPENER_BEFORE.search(
        text, max(0, found.start() - 40), found.start()) is None and (
        _PP_OPENER.search(text, max(0, start - 300), start) is None)


def _in_subordinate_phrase(text: str, mentions: list[Mention], mention: Mention) -> bool:
    """'whose customers include X', 'which counts X among', 'an X supplier': not the subject."""
    head = mention
    for previous in reversed(mentions[:mentions.index(mention)]):
        if re.fullmatch(r"(?:['’]s)?\s*(?:,|and|, and|&)\s*", text[previous.end:head.start]):
            head = previous
        else:
            break
    if head is not mention and (word_before(text, head.start) in _NOT_BEFORE_SUBJECT
                                or _OBJECT_VERB.fullmatch(word_before(text, head.start))):
        return True
    segment_start = max(text.rfind(",", 0, head.start), text.rfind(";", 0, head.start)) + 1
    if _DESCRIBED_AS.fullmatch(text, segment_start, head.start):
        return False  # "Nvidia rival Qualcomm buys": the words only describe the subject
    return _SUBORDINATE.search(text, segment_start, head.start) is not None


# A relation word right before the name, after at most a name or two words: "Nvidia rival
# Qualcomm", "its chief rival AMD", "longtime Nvidia customer Meta".
_DESCRIBED_AS = re.compile(r"\s*(?:[\w'’.&-]+\s+){0,3}?(?:(?:arch-?|chief |main |biggest |"
                           r"closest )?(?:rivals?|competitors?)|customer|client|investor|"
                           r"backer|partner|supplier)\s+")


# "IBM (NYSE: IBM) and Vantage Grid Energy": a ticker does not break the list.
# Between two listed names: a legal suffix the name was written with ("Thomson Corporation
# and Reuters"), a ticker in parentheses, then a comma, "and" or "&".
_LISTED = re.compile(r"(?:['’]s)?(?:,?\s+(?:" + LEGAL_SUFFIXES + r"|Group|Holdings)\.?)?"
                     r"(?:\s*\([A-Za-z]+:\s?[A-Z.]+\))?\)?"
                     r"\s*(?:,|and|, and|&|,? as well as)\s*")


# An appositive may stand between two names of one list: "against Halliburton, the company
# that cemented the well, and Cameron".
_OR = re.compile(r"(?:['’]s)?(?:,\s+(?:the|a|an|its|their)\s+[^,;:()]{1,60}?(?=,))?"
                 r"\s*(?:,|and|, and|&|or|,? as well as)\s*")


# A name as a list writes it: up to four capitalised words ("Walmart", "Warner Bros.
# Discovery"), and what separates two names of a list.
_NAME = r"[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}"
_LIST_SEP = r"\s*(?:,|,?\s+and|&)\s+"
# Unwatched names may stand between two watched ones of one list: "Qualcomm, Walmart and
# Samsung were fined" (capitalised words only, so "Qualcomm, which said Samsung" is no list).
_OTHERS_LISTED = re.compile(r"(?:['’]s)?" + _LIST_SEP + r"(?:" + _NAME + _LIST_SEP + r"){1,4}")
# ... or before the first watched one: " Meta Platforms, ", " Google, Apple, and ".
_NAMES_BEFORE = re.compile(r"\s*(?:" + _NAME + _LIST_SEP + r"){1,4}")
# ... or after the last one, closed by "and" or "&": "Salesforce, Nvidia and Accel back"
# (not "NETFLIX, LOOKING BACK")
# (the last may be described, abbreviated and dated: "and state-owned PT Energi Hijau
# Nusantara (EHN) on Tuesday signed")
_NAMES_AFTER = re.compile(r"(?:\s*,\s+" + _NAME + r"){0,3}\s*(?:,?\s+and|&)\s+"
                          r"(?:(?:state|government|family|privately|publicly)-(?:owned|run|"
                          r"held|controlled|listed)\s+|local\s+|rival\s+)?" + _NAME
                          + r"(?:\s+\([A-Z][\w&.-]{0,11}\))?(?:\s+(?:on\s+)?(?:Monday|Tuesday|"
                          r"Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday))?"
                          # "Oracle and Safaricom have agreed to open a cloud region"
                          r"(?:\s+(?:have|has|had|will|would|are|were))?\s")
# A headline's comma pair after the watched name: "Vantage Grid, Energi Hijau Nusantara form
# joint venture".
_NAME_PAIRED_AFTER = re.compile(r"\s*,\s+" + _NAME + r"\s")
# ... or right before the watched name, closed by "and" or "&" ("Spotify and Netflix",
# "French shipping group CMA CGM and Mistral"; not "On Monday, Netflix"), or a headline's
# comma pair ("CMA CGM, Mistral sign")
_OPENER = (r"(?![A-Z][a-z]+ly\b|(?:On|In|At|For|By|After|Before|Since|As|With|From|Meanwhile|"
           r"Today|Yesterday|Earlier|Later|Last|This|Next|But|And|So|Still|Now|Why|How|What|"
           r"When|Where|However|Separately|Also|Overall|Instead|Elsewhere|Indeed|Finally|First|"
           r"Second|Third|Here|There|Then|Thus|Yet|Even|Again|Once)\b)")
_LEADING_NAMES = re.compile(r"(?:^|(?<=[,;:]\s))\W*(?:[\w-]+\s+){0,4}?((?:" + _NAME
                            + r"\s*,\s+){0,3}" + _NAME + r"\s*(?:,?\s+and|&)\s+)$|"
                            r"^\W*(" + _OPENER + _NAME + r"\s*,\s+)$")


def names_listed_before(gap: str) -> bool:
    """Whether ``gap`` (from a verb to its first watched object) lists other names only."""
    return _NAMES_BEFORE.fullmatch(gap) is not None


def names_listed_after(gap: str) -> bool:
    """Whether ``gap`` (from the last watched subject to its verb) lists other names only."""
    return _NAMES_AFTER.fullmatch(gap) is not None


def unwatched_listed_with(text: str, first: int, last: int, verb: int) -> list[str]:
    """Unwatched names listed with the subjects from ``first`` to ``last`` before ``verb``:
    'Spotify and' before, 'and Spotify' after ("Netflix and Spotify team up")."""
    found: list[str] = []
    tail = text[last:verb]
    if _NAMES_AFTER.fullmatch(tail) or (not text[:first].strip() and (
            _NAME_PAIRED_AFTER.fullmatch(tail))):
        found += re.findall(_NAME, tail)
    head = _LEADING_NAMES.search(text, max(0, first - 120), first)
    if head is not None:
        found += re.findall(_NAME, head.group(1) or head.group(2))
    return [name for name in map(clean_name, found) if name]


def listed_gap(gap: str) -> bool:
    """Whether ``gap`` only separates two names of one list ("Pearson PLC, Penguin")."""
    return (_OR.fullmatch(gap) is not None or _LISTED.fullmatch(gap) is not None
            or _OTHERS_LISTED.fullmatch(gap) is not None)


_SAME_PARTY_GAP = re.compile(r"['’]s\s+|\s*\((?:[A-Za-z]+\s?:\s?)?")


def coordinated(text: str, mentions: list[Mention], head: Mention) -> list[Mention]:
    """``head`` and the companies listed with it: 'Meta and Microsoft', 'A, B and C'."""
    out = [head]
    index = mentions.index(head)
    last = head
    for previous in reversed(mentions[:index]):
        gap = text[previous.end:last.start]
        if previous.company == last.company and _SAME_PARTY_GAP.fullmatch(gap):
            # "Block's Cash App", "Cobaltline (NASDAQ: CBLT)": one party named twice
            last = previous
            continue
        begins = descriptor_start(text, last.start, floor=previous.end)
        if begins > previous.end:
            gap = text[previous.end:begins]  # "Fiat and US-based Ford", "Intel and rival AMD"
        if _LISTED.fullmatch(gap) or _OTHERS_LISTED.fullmatch(gap):
            out.append(previous)
            last = previous
        else:
            break
    return out


def _comma_right_before(text: str, floor: int, at: int) -> bool:
    """A comma, after some word, is the last thing before ``at`` (spaces aside)."""
    while at > floor and text[at - 1].isspace():
        at -= 1
    return at - 1 > floor and text[at - 1] == "," and not text[at - 2].isspace()


_NOT_PREPOSITION = re.compile(r"\bnot\s+(?:in|into|to|from|with|for|on|by)\s+$", re.IGNORECASE)


def objects_after(text: str, mentions: list[Mention], pos: int, window: int,
                  keep_former: bool = False) -> list[tuple[Mention, str, int]]:
    """Companies after ``pos`` in the same clause: (mention, word in front, distance)."""
    out: list[tuple[Mention, str, int]] = []
    for mention in mentions:
        if mention.start < pos:
            continue
        if mention.historical and not (keep_former and mention.former):
            continue
        begins = descriptor_start(text, mention.start, floor=pos)
        if begins < pos:
            begins = mention.start
        if begins > pos + window or _CLAUSE_BREAK.search(text, pos, begins):
            break
        if _OWN_VERB.match(text, mention.end) and _comma_right_before(text, pos, mention.start):
            break
        if _RELATIVE_SUBJECT.match(text, mention.end) and text[pos:mention.start].strip():
            continue
        word = word_before(text, begins)
        if word in ("not", "nor", "than", "unlike", "versus", "vs", "behind", "ahead",
                    "beyond", "besides"):
            continue
        if "not " in text[max(0, begins - 12):begins] and _NOT_PREPOSITION.search(
                text, max(0, begins - 12), begins):
            continue  # "investing in myself, not in Tesla"
        out.append((mention, word, begins - pos))
    return out


def name_after(text: str, pos: int, skip: int = 5, company: bool = True) -> str | None:
    """An unwatched proper name starting within ``skip`` words after ``pos``.

    For a company (the default) the search stops at a preposition ("buy large numbers
    of Nvidia chips") and a name that describes goods ("Nvidia chips") does not count.
    """
    index = pos
    # "the Romanian assembly plant Automobile Craiova": a nationality before a noun describes
    # the name that follows; only with no name after it does it stand for the company
    # ("takes minority stake in Swedish audio start-up").
    nationality: str | None = None
    for _ in range(skip + 1):
        while index < len(text) and text[index] == " ":
            index += 1
        if index >= len(text) or text[index] in ",.;:()—":
            return nationality
        run = _CAPITAL_RUN.match(text, index)
        if run is not None and nationality is None and run.group().lower() in DEMONYMS and (
                text[run.end():run.end() + 2][1:2].islower()):
            nationality = clean_name(run.group())
            index = run.end()
            continue
        if run is not None and text.endswith(("so-called ", "so called "), 0, index):
            return None  # "invest in the so-called Internet of Things": a term, not a name
        if run is not None:
            name = clean_name(run.group())
            if name and company and _GOODS.match(text, run.end()):
                return None  # "buy Nvidia chips": the name describes goods, not a company
            if name:
                return name
            index = run.end()
            continue
        token = _TOKEN.match(text, index)
        if token is None or (company and token.group().lower() in PREPOSITIONS):
            return nationality
        if token.group()[-1] in ",;:":
            return nationality  # the object ended: "left the company, Alphabet said"
        index = token.end()
    return nationality


# A relative clause set off by commas between a subject and its verb, with at most an
# auxiliary or a time word after it.
_RELATIVE_ASIDE = re.compile(r",\s+(?:which|who)\s[^,;:()\"“”]{1,150},(?:\s+(?:has|have|had|will|"
                             r"would|is|are|was|were|also|now|today|on\s+\w+day)){0,3}\s*$")


def name_before(text: str, pos: int) -> str | None:
    """An unwatched proper name right before ``pos`` (the subject of the trigger)."""
    head = text[:pos].rstrip()
    aside = _RELATIVE_ASIDE.search(head, max(0, len(head) - 200))
    if aside is not None:
        # "Prairie Ridge Health Inc., which runs four hospitals in central Kansas, has
        # signed": the subject stands before the relative clause, not inside it
        head = head[:aside.start()]
    best: str | None = None
    for run in _CAPITAL_RUN.finditer(head):
        if len(head) - run.end() > 40:
            continue
        if word_before(head, run.start()) in PREPOSITIONS or head.startswith(":", run.end()):
            continue  # (a kicker before its colon is no subject: "Nvidia: FTC sues")
        name = clean_name(run.group())
        if name:
            best = name
    return best


# Words that open no name: "the", "CEO", a place, and a capitalised preposition or
# conjunction opening a sentence ("By joining forces with Navteq").
NOT_NAME_START = NOT_A_COMPANY | PREPOSITIONS | words(
    "and or but if when while because although though so why how what")


_DOCUMENT_WORDS = words("agreement plan merger arrangement amendment exhibit item and of")


def clean_name(raw: str) -> str | None:
    words = raw.replace("’s", "").replace("'s", "").split()
    while words and words[-1].lower() in ("of", "de", "du", "van", "von", "and", "&"):
        words.pop()
    while words and _plain(words[0]) in NOT_NAME_START:
        words.pop(0)
    if not words or all(_plain(w) in NOT_A_COMPANY or _plain(w) in _DOCUMENT_WORDS
                        for w in words):
        return None  # (nor is an agreement's title: "an Agreement and Plan of Merger")
    if not any(ch.isalpha() for w in words for ch in w if w.lower() != "and"):
        return None  # "60 and 170 jobs", "In 2019": numbers, not a name ("3M" has a letter)
    return " ".join(words).rstrip(".,")


def _plain(word: str) -> str:
    return word.lower().replace(".", "").strip(",;:")


def find_person(text: str, mentions: list[Mention], pos: int) -> str | None:
    """The person's name nearest to ``pos``, skipping company names and organisations."""
    people = find_people(text, mentions, pos)
    return people[0] if people else None


# Between two people of one list: "Jane Roe (52) as chief financial officer, and John Poe".
_LIST_GAP = re.compile(r"(?:\s*\([^()]{0,40}\))?(?:,?\s+(?:as|to be)\s+(?:its|the|our|their)?"
                       r"[^,.;:()]{2,60}?)?\s*(?:,\s*(?:and\s+)?|\s+and\s+)")


def find_people(text: str, mentions: list[Mention], pos: int) -> list[str]:
    """The person nearest to ``pos``, then the others listed with them ("named Jane Roe as
    CFO, John Poe as COO and Mary Major as CTO"); never a company's name."""
    found = [match for match in _person_matches(text) if _is_person(match, mentions)]
    if not found:
        return []
    first = min(range(len(found)), key=lambda i: abs(found[i].start() - pos))
    chain = [found[first]]
    for match in found[first + 1:]:
        if not _LIST_GAP.fullmatch(text, chain[-1].end(), match.start()):
            break
        chain.append(match)
    return list(dict.fromkeys(m.group() for m in chain))


# "Black Friday", "Cyber Monday", "Thanksgiving Day": days, not people (months are not
# listed: "April Ross", "June Lee").
_CALENDAR_WORDS = words(
    """monday tuesday wednesday thursday friday saturday sunday day eve christmas thanksgiving
    easter halloween hanukkah diwali"""
)


def _person_matches(text: str) -> Iterator[re.Match[str]]:
    """Runs of capitalised words that may be names; a capitalised title before the name is
    passed over ("Chief Executive Mark Hurd" is Mark Hurd, not "Chief Executive Mark")."""
    pos = 0
    while True:
        match = _PERSON.search(text, pos)
        if match is None:
            return
        head = match.group().split(" ", 1)[0]
        if head.lower() in _NOT_PERSON_START and " " in match.group():
            pos = match.start() + len(head) + 1  # the same run, from its next word
            continue
        yield match
        pos = match.end()


def _is_person(match: re.Match[str], mentions: list[Mention]) -> bool:
    words = match.group().split()
    if words[0].lower() in _NOT_PERSON_START or words[0].lower() in NOT_A_COMPANY:
        return False
    if any(w.lower() in _CALENDAR_WORDS for w in words):
        return False
    if any(w.lower().strip(".") in _ORG_WORDS for w in words):
        return False
    return not any(m.start < match.end() and match.start() < m.end for m in mentions)


def product_after(text: str, pos: int) -> str | None:
    """The product's proper name after a launch or delay trigger ("Llama 4 Behemoth")."""
    name = name_after(text, pos, skip=7, company=False)
    if name is None:
        return None
    words = name.split()
    while len(words) > 1 and words[-1].lower() in NOT_A_COMPANY:
        words.pop()
    return " ".join(words)
