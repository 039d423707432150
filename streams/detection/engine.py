"""The detector: companies first (one cheap scan), then events in the sentences that name them."""

from __future__ import annotations

import functools
import itertools
import re
from datetime import UTC, datetime
from typing import Any

from ...schemas.article import Article
from ...schemas.event import STAGE_RANK, CompanyEvent
from ...schemas.rules import RulesFile
from . import cues, events, parties
from .analysis import Analysis
from .calibration import CALIBRATION, EventFeatures
from .companies import (
    CompanyMatcher,
    Mention,
    defined_name_mentions,
    fold,
    is_acronym,
    owned_unit_mentions,
    owner_mentions,
    spelled_out_as,
)
from .events import Finding
from .explain import DetectionReport, build_report
from .first_chars import quick
from .layout import read_layout
from .lexicon import (
    BUSINESS_CONTEXT,
    COUNTRIES,
    DEMONYMS,
    LEGAL_SUFFIXES,
    MAKERS_PRODUCT,
    ORGANISATION_WORDS,
    VENTURE_ARMS,
    words,
)
from .newsworthy import StoryContext, judge
from .sentences import Sentence, sentence_at, split_near
from .sentences import title_case as is_title_case

_BUSINESS = re.compile(BUSINESS_CONTEXT)
MAX_ANALYSED_CHARS = 20_000
# Sentences that name a company (or point back to one) read per article: a real story has
# a few dozen; a page that repeats a name thousands of times gets no more attention.
MAX_CLASSIFIED_SENTENCES = 120
# Company mentions read per article: the most in over 5,000 labelled articles, real and
# written, is 85. A page naming companies thousands of times is read up to its 200th
# mention; every later stage then costs what a long real story costs.
MAX_ANALYSED_MENTIONS = 200
# "Microsoft-owned GitHub": the first company describes the second, it does not act.
# Only "partner" doubles as a verb ("Stripe partners with Shopify"), so it needs a name or
# a stop after it; "Apple supplier cuts jobs" is about the supplier.
_MODIFIER = re.compile(
    r"-(?:owned|backed|based|led|funded|affiliated|controlled|made|branded|powered|"
    r"sponsored|linked|listed)\b|['’]?s? (?:supplier|"
    r"customer|client|rival|competitor|subsidiary|affiliate|vendor|contractor|backer|"
    r"spin-?off|shareholder|stockholder|investor|subscriber|employee|staffer|worker|"
    r"user|driver|pilot|trader|banker|lawyer|spokes(?:man|woman|person)|"
    # "Uber Eats courier sues restaurant" (not "its merchant-acquiring unit")
    r"courier|rider|franchisee|cashier|clerk)s?\b|"
    r"['’]?s? (?:staff|workforce|personnel)\b|"
    r"(?:['’]s)? partners?(?=\s[A-Z]|[,;:.)—]|$)|['’]s partners?\b|"
    # "Apple lens suppliers Asiaoptic and Kinglens", "Salesforce consultancy Northbeam",
    # "Snapchat lens studio Glint", "Spotify podcast veteran Dana Morales": a trade or a
    # past job described by the company, before the name of someone else
    r"(?: [a-z][\w-]*){0,2} (?:suppliers?|consultanc(?:y|ies)|consultants?|resellers?|"
    r"integrators?|agenc(?:y|ies)|studios?|veterans?|alumn(?:us|i|a|ae)|vendors?|"
    r"contractors?|shops?)(?=,? (?-i:[A-Z]))|"
    # "Kestrel Payments alumni raise $5.5 million", "Snap veterans' startup Lensbright",
    # "Halcyon Bio co-founder's new startup": people who once worked there, and what is theirs
    r" (?:alumn(?:i|ae)|veterans|ex-(?:employees|staffers)|former (?:employees|staffers))\b|"
    r" (?:veterans?|alumn(?:us|i|a|ae)|co-?founders?|founders?)(?:['’]s?|s['’])(?= )")
_VENTURE_ARM = re.compile(r" " + VENTURE_ARMS + r"\b(?! (?:Markets?|Group|Partners|Management|"
                          r"One)\b)")
# "Northwind Air", "Halcyon Hotels", "Apple Corps": a short name followed by a word that makes
# a different organisation's name. Legal suffixes ("Apple Inc") keep the company.
_OTHER_ORGANISATION = re.compile(r" " + ORGANISATION_WORDS + r"\b")
# A common-word name between a capitalised word (one that may open a name: not in
# parties.NOT_NAME_START) and an organisation's word: "Makati Square Holdings" is a developer,
# not Square (Block).
_NAME_WORD_BEFORE = re.compile(r"(?<![\w&'’-])([A-Z][a-z]+) $")
_NAME_ENDS_IN_FIRM = re.compile(r" (?:" + ORGANISATION_WORDS + r"|Holdings|Group)\b")
# For a common-word name the company's own arms ("Intel Capital", "Amazon Air") are left out.
_OTHER_FIRM = re.compile(
    # (one more word may come first: "Halcyon Rowing Club", "Apple Growers Association")
    r" (?:[A-Z][a-z]+ )?(?:Airlines|Airways|Hotels?|Resorts|Corps|Bank|Bancorp|Foods|Records|"
    r"Motors|Pharma|Pharmaceuticals|Therapeutics|Biotherapeutics|Biosciences|Logistics|"
    r"Insurance|Financial|Brewing|Properties|Realty|Construction|Industries|Mining|Oil|Securities|Rail|Trust|Club|"
    r"Theatre|Theater|Press|Publishing|Books|University|Institute|Hospital|"
    # "the Maple Street Block Association", "the Cascade Apple Commission"
    r"Association|Society|Council|Committee|League|Federation|Coalition|Commission|Church|"
    r"School|Academy|College|Museum|Street|Avenue|Road|Festival|"
    # "Shell Beach Surf Club", "Apple Valley", "Oracle Bakery": places, shops and farms
    r"Beach|Bay|Island|Lake|Falls|Springs|Harbou?r|Creek|Hills?|Cove|Valley|Bakery|Cafe|"
    r"Café|Restaurant|Diner|Pub|Salon|Farms?|Bistro|Brewery|Orchards?)\b")
# "Northwind, the Otago-set survival drama", "Halcyon, a 64-metre research ship", "Tesla, the
# Oslo synth-pop trio": an appositive that says the name is a work, a place, a vessel, a band
# or an animal.
# ", 23, is a centre-back": an age in commas after a name belongs to a person.
_AGE_AFTER = re.compile(r",\s*\d{1,2},\s")
_APPOSITIVE_THING = re.compile(
    r",\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,4}?(?:drama|film|movie|series|sitcom|show|novel|"
    r"album|band|ship|vessel|yacht|boat|horse|racehorse|dog|town|village|hamlet|river|lake|"
    r"mountain|play|musical|opera|song|documentary|restaurant|cafe|café|bakery|pub|school|"
    r"church|charity|choir|trio|duo|quartet|quintet|singer|rapper|stallion|mare|colt|filly|"
    r"gelding|thoroughbred)\b(?!['’])")
# "The Amazon is losing its chief", "the Amazon's canopy", "the Amazon basin": a common-word
# name after "the", then a verb, a stop or a word of geography, is a place or a thing.
_THING_AFTER = re.compile(
    r"(?:['’]s\b|\s+(?:is|was|are|were|has|had|have|will|would|could|can|may|might|river|"
    r"rainforest|forest|basin|jungle|region|delta|valley|estuary|coast|canopy)\b|\s*[,.;:!?)]|$)")
_JOINED_BEFORE = re.compile(r"&\s?(?:[A-Z][\w.]*\s)?$")
_HYPHENATED = re.compile(r"-[A-Za-z]")
_CAPITAL_BEFORE = re.compile(r"\b[A-Z][a-z]+ $")
# The words before a name that make it part of a country's name (a demonym alone says nothing).
# A short title in quotes around the name: an opening quote after a space or the start, then
# up to three capitalised words before the name and after it, then the closing quote.
# (not a filing's defined term: 'Tesla, Inc. ("Tesla")', '(the "Company")')
_QUOTE_OPENS = re.compile(r"(?:^|(?<=[\s:—–-]))(?<!\(the )['‘\"“](?:[A-Z0-9][\w&.’-]*\s){0,3}$")
_QUOTE_CLOSES = re.compile(r"(?:\s[A-Z0-9][\w&.’-]*){0,3}['’\"”](?![\w])")
# "head coach Kalle 'Tesla' Virtanen": a nickname in quotes between a first and a last name.
_NICKNAME_OPENS = re.compile(r"\b(?-i:[A-Z])[a-z]+(?:-[A-Z][a-z]+)?\s+['‘\"“]$")
_NICKNAME_CLOSES = re.compile(r"['’\"”]\s+(?-i:[A-Z])[a-z]+(?:-[A-Z][a-z]+)?\b")
_COUNTRY_BEFORE = re.compile(r"\bUnited Arab $")
# Capitalised words before a name that join no name: a clause's first word ("When Boeing
# combined", "Meanwhile Disney has", "Both Chevron and CNOOC"), a day or a month ("On Tuesday
# Boeing agreed").
_NO_NAME_BEFORE = parties.PREPOSITIONS | words(
    """a an the this that these those its his her their our and or but nor so yet if when
    while whereas because although though once until unless since both either neither
    however meanwhile also earlier later then now still thus moreover furthermore
    additionally recently today yesterday tomorrow monday tuesday wednesday thursday friday
    saturday sunday january february march april may june july august september october
    november december former ex longtime veteran""") | DEMONYMS
_CAPITAL_AFTER = re.compile(r" [A-Z][a-z]")
# "United Kingdom", "Delta Force": a capitalised word right after a one-word name, unless it is
# a legal suffix or a word that starts a clause.
_CAPITAL_AFTER_WORD = re.compile(r" (?!(?:" + LEGAL_SUFFIXES + r"|Group|Holdings|"
                                 r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                                 r"On|In|At|And|But|The|As|For|To|Is|Was|Has|Will|Said|CEO)\b)"
                                 r"[A-Z][a-z]+\b")
_ASIDE = re.compile(r",[^,;]{1,80},\s*")
_MAKERS_PRODUCT = re.compile(MAKERS_PRODUCT)
_HAS_PRODUCT_FIELD = "product" in CompanyEvent.model_fields


class Detector:
    """Detects company events in articles for the companies of one rules file.

    Build it once per rules file (the automaton is compiled in the constructor);
    ``detect`` is then safe to call for any number of articles.
    """

    def __init__(self, rules: RulesFile) -> None:
        self.rules = rules
        self.matcher = CompanyMatcher(rules)
        # Each company's longer names, folded: an acronym spelled out as one of them is the
        # company's own ("Safe Superintelligence Inc (SSI)").
        self._long_names = {c.name: tuple(fold(n) for n in (c.name, *c.aliases, *c.brands)
                                          if not is_acronym(n)) for c in rules.companies}

    def detect(self, article: Article) -> list[CompanyEvent]:
        """The company events of ``article``: one per (company, event type, role)."""
        return self.analyse(article).events

    def explain(self, article: Article) -> DetectionReport:
        """A structured account: companies found and why they counted, candidates, events.

        Which watches would fire is the router's to say (``streams.explain``)."""
        return build_report(self.analyse(article))

    def analyse(self, article: Article) -> Analysis:
        """Run every stage and keep the intermediate results."""
        analysis = Analysis(article)
        # The headline, lead and first few thousand words: where news is told, and a bound
        # on the work a hostile or runaway article can cause.
        text = article.text[:MAX_ANALYSED_CHARS]
        mentions = self.matcher.scan(text)
        feed = self.rules.feed_settings(article.feed, article.source) if self.rules.feeds else (
            None)
        if feed is not None and feed.owner is not None:
            mentions = sorted([*mentions, *owner_mentions(text, feed.owner)],
                              key=lambda m: m.start)
        if not mentions:
            return analysis
        if len(mentions) > MAX_ANALYSED_MENTIONS:
            mentions = mentions[:MAX_ANALYSED_MENTIONS]
            text = text[:max(m.end for m in mentions)]
        units = owned_unit_mentions(text, mentions) + defined_name_mentions(text, mentions)
        if units:  # "Microsoft-owned LinkedIn is laying off": the unit is the owner's; so is
            # a short name the text defines: 'Vantage Grid Energy, Inc. ("Vantage")'
            mentions = sorted([*mentions, *units], key=lambda m: m.start)[
                :MAX_ANALYSED_MENTIONS]
        sentences = split_near(text, [m.start for m in mentions])
        analysis.mentions, analysis.sentences = mentions, sentences
        by_sentence: dict[int, list[Mention]] = {}
        # common words used for something else, and where first
        other_sense: dict[tuple[str, str], int] = {}
        lower_pairs: dict[str, bool] = {}  # phrases looked up in lower case
        spelled: dict[str, str | None] = {}  # acronyms the article spells out
        for mention in mentions:
            index = sentence_at(sentences, mention.start)
            by_sentence.setdefault(index, []).append(mention)
            background = cues.historical_mention(text[sentences[index].start:mention.start],
                                                 text[mention.end:mention.end + 16])
            if index == 0 and _QUOTE_OPENS.search(text, max(0, mention.start - 40),
                                                  mention.start) and (
                    _QUOTE_CLOSES.match(text, mention.end)):
                # "'Quillfeather' Delayed to 2027 as AMC Reworks Season 2", "Xbox Handheld
                # 'Project Kestrel' Slips": a show's, a film's or a project's title in quotes
                # in a headline (the trade press's way to name a work)
                _something_else(mention, "a title in quotes", "a title in quotes, not the company")
                if _short_name(mention):
                    # "'Brightwater' Finale Recap: Brightwater Fires Dale": the show's name,
                    # and its bare uses are the show's too unless the company is named
                    other_sense.setdefault((mention.company, mention.surface), mention.start)
                continue
            if _NICKNAME_OPENS.search(text, max(0, mention.start - 30), mention.start) and (
                    _NICKNAME_CLOSES.match(text, mention.end)):
                # "Nightjar have fired head coach Kalle 'Tesla' Virtanen": a person's
                # nickname, and the article's bare uses of it are the person's too
                _something_else(mention, "a nickname", "a nickname, not the company")
                other_sense.setdefault((mention.company, mention.surface), mention.start)
                continue
            if _NOT_RELATED_BEFORE.search(text, max(0, mention.start - 90), mention.start):
                # "It is not related to US warehouse-automation firm Northwind Robotics": named
                # to say the story is about another company of the name
                _something_else(mention, "named to say the story is not about it",
                                "not related")
                continue
            if background:
                mention.historical = True
                mention.former = background.lower().startswith(("former", "ex-"))
                mention.notes.append(f"background ({background!r})")
            if _VENTURE_ARM.match(text, mention.end):
                # "The OpenAI Startup Fund has led a round", "Intel Capital invests": the
                # company's own venture arm invests for it.
                mention.notes.append("its venture arm")
            elif (" " not in mention.surface and mention.kind in ("name", "alias", "brand")
                    and not mention.ambiguous and _inside_longer_name(
                        text, mention.start, mention.end,
                        title_case=_capitals_say_nothing(sentences[index], mention.start))):
                if _MAKERS_PRODUCT.match(text, mention.end):
                    # "Microsoft Copilot Vision launched ...": the longer name is its product's
                    mention.notes.append("the maker of the product named next")
                elif _COUNTRY_BEFORE.search(text, max(0, mention.start - 20), mention.start):
                    # "Dubai Aerospace Enterprise of Dubai, United Arab Emirates has entered a
                    # bid": a country, never a party
                    _something_else(mention, "part of a country's name",
                                    "part of a country's name")
                    continue
                else:
                    mention.counted = False
                    mention.reason = "part of a longer name"
                    mention.notes.append("part of a longer name")
                    if _short_name(mention) and _names_another_organisation(text, mention):
                        # "Tidewell Parish Council", "The Tidewell Inn": the short name's bare
                        # uses are short for that too, unless the company is named
                        other_sense.setdefault((mention.company, mention.surface), mention.start)
                    continue
            if mention.ambiguous and " " not in mention.surface and _between_capitals(
                    text, mention) and not _capitals_say_nothing(sentences[index],
                                                                 mention.start):
                # "heads to Madison Square Garden": a common word inside a longer proper name
                _something_else(mention, "part of a longer name", "part of a longer name")
                continue
            if _names_another_organisation(text, mention):
                _something_else(mention, "part of another organisation's name",
                                "another organisation's name")
                if mention.ambiguous or _short_name(mention):
                    # "Halcyon Rowing Club" for Halcyon Biotherapeutics' short name: the
                    # bare word is short for the club too, unless the company is named
                    other_sense.setdefault((mention.company, mention.surface), mention.start)
                continue
            if text.startswith(",", mention.end) and " " not in mention.surface and (
                    _APPOSITIVE_THING.match(text, mention.end)):
                # "Northwind, the Otago-set survival drama": the text says what it is
                _something_else(mention, f"{mention.surface!r} named as something else (a work, "
                                "a place)", "named as a thing")
                other_sense.setdefault((mention.company, mention.surface), mention.start)
                continue
            if mention.kind in ("alias", "brand") and is_acronym(mention.surface):
                if mention.surface not in spelled:
                    spelled[mention.surface] = self._spelled_as_another(text, mention)
                if spelled[mention.surface]:
                    # "Supplemental Security Income, known as SSI": not Safe Superintelligence
                    _something_else(mention, f"{mention.surface!r} is spelled out as "
                                    f"{spelled[mention.surface]!r}", "an acronym of another name")
                    other_sense.setdefault((mention.company, mention.surface), mention.start)
                    continue
            if " " not in mention.surface and _AGE_AFTER.match(text, mention.end):
                # "Tesla, 23, is a 1.93m centre-back": a person with the company's name
                _something_else(mention, f"{mention.surface!r} is a person (an age follows)",
                                "a person")
                other_sense.setdefault((mention.company, mention.surface), mention.start)
                continue
            if mention.ambiguous and " " not in mention.surface and (
                    mention.surface[:1].isupper()) and _written_lower_elsewhere(
                    text, mention, lower_pairs):
                # "Oracle startup raises $25m" over "An oracle startup that feeds prices"
                _something_else(mention, f"{mention.surface!r} and the word after it are "
                                "written in lower case elsewhere: a common noun",
                                "a common noun")
                continue
            if mention.ambiguous and _the_before(text, mention.start) and (
                    mention.surface[1:].isalpha() and mention.surface[1:].islower()) and (
                    _THING_AFTER.match(text, mention.end)):
                _something_else(mention, f"'the {mention.surface}': a place or a thing",
                                "a place or a thing")
                other_sense.setdefault((mention.company, mention.surface), mention.start)
                continue
            modifier = _MODIFIER.match(text, mention.end)
            if modifier:
                mention.historical = True
                mention.notes.append(f"modifier ({modifier.group()!r})")
        _corroborate(text, mentions, sentences, by_sentence)
        ref_year = (article.published or datetime.now(UTC)).year
        topic: Mention | None = None
        pair: tuple[Mention, ...] = ()  # the last two companies a sentence named together
        pending = {m.company for m in mentions if not m.counted}
        classified = 0
        body = ""  # the named body (not a company) that was the last sentence's subject
        recent: tuple[str, ...] = ()  # the last sentences, where "she" or "he" was named
        for sentence in sentences:
            if classified >= MAX_CLASSIFIED_SENTENCES:
                break
            local = [_relative(m, sentence.start) for m in by_sentence.get(sentence.position, [])]
            told = None if body and _PRONOUN_OPENS.match(sentence.text) else topic
            if local or (told is not None and (cues.has_anaphor(sentence.text[:60]) or (
                    sentence.position <= 3 and (cues.jobs_subject(sentence.text) or (
                        cues.stand_in_for_the_company(sentence.text)))) or (
                    cues.said_by_the_company(sentence.text)))) or (
                    pair and cues.names_the_pair(sentence.text)):
                classified += 1
                analysis.findings.extend(
                    events.classify(sentence.position, sentence.text, local, told, ref_year,
                                    pair, body if told is None else "", recent))
            topic = _subject(sentence.text, [m for m in local if m.counted]) or topic
            pair = _pair_named(sentence.text, local) or pair
            # (the last 600 characters of each: a person named for "she" is named near it,
            # and a hostile run-on sentence costs no more)
            recent = (*recent[-2:], sentence.text[-600:])
            named_body = _BODY_SUBJECT.match(sentence.text)
            body = named_body.group(1) if named_body is not None and not any(
                m.start < named_body.end(1) for m in local) else ""
        _corroborate_by_events(mentions, sentences, analysis.findings, pending)
        if other_sense:
            short = _short_for_the_other(mentions, other_sense)
            for finding in analysis.findings:
                if finding.accepted and finding.mention_start >= 0 and (
                        finding.company, sentences[finding.sentence_index].start
                        + finding.mention_start) in short:
                    finding.accepted = False
                    finding.reason = "the name is short for another organisation here"
        if any(f.accepted for f in analysis.findings):  # the article's shape, only if needed
            analysis.layout = read_layout(article, text,
                                          feed.genre if feed is not None else None)
            in_headline = frozenset(m.company for m in mentions
                                    if m.counted and m.start < analysis.layout.headline_end)
            judge(analysis.findings, StoryContext(analysis.layout, article.event_time,
                                                  sentences, {}, text, in_headline,
                                                  by_sentence))
        counted = {m.company for m in mentions if m.counted}
        kept = _one_deal([f for f in analysis.findings if f.accepted and f.company in counted])
        analysis.events, analysis.features = _merge(article, kept)
        return analysis


    def _spelled_as_another(self, text: str, mention: Mention) -> str | None:
        """What the article spells ``mention``'s acronym out as, when that is not one of
        the company's own names."""
        words = spelled_out_as(text, mention.surface)
        if words is None:
            return None
        folded = fold(words)
        names = self._long_names.get(mention.company, ())
        if any(name in folded or folded in name for name in names):
            return None
        return words


def _the_before(text: str, start: int) -> bool:
    """The word "the" (or "The") right before ``start``, as a word of its own."""
    return text[max(0, start - 4):start].lower() == "the " and (
        start < 5 or not text[start - 5].isalnum())


def _something_else(mention: Mention, reason: str, note: str) -> None:
    """The text shows the name is not the company here: not counted, and no party."""
    mention.counted = False
    mention.historical = True
    mention.reason = reason
    mention.notes.append(note)


def _short_for_the_other(mentions: list[Mention],
                         other: dict[tuple[str, str], int]) -> set[tuple[str, int]]:
    """"Block sues landlord" over "The Maple Street Block Association has sued": when the
    article shows a common-word name as another organisation's or a place ("the Amazon
    basin"), its bare uses of the same word are short for that: all of them when the company
    is never named otherwise (its full name, a ticker, another alias), else those between
    the other's name and the company's own. Returns the (company, start) of the uses taken."""
    short: set[tuple[str, int]] = set()
    for (company, surface), first_other in other.items():
        own = [m for m in mentions if m.company == company and m.counted]
        named = [m.start for m in own if m.surface != surface]
        if named:
            # "Halcyon Hotels & Resorts ... Halcyon also agreed to buy ... Halcyon Hotels is
            # unrelated to Halcyon Biotherapeutics": before the company is first named, the
            # bare word after the other organisation's name is short for that one.
            first_named = min(named)
            own = [m for m in own if first_other < m.start < first_named]
        for mention in own:
            if mention.surface == surface:
                mention.counted = False
                mention.reason = (f"the article uses {surface!r} for another organisation "
                                  "or a place")
                short.add((company, mention.start))
    return short


def _names_another_organisation(text: str, mention: Mention) -> bool:
    """A one-word name (or short alias) that is the first word of another organisation's name.

    "Northwind Air" is not Northwind Robotics and "Apple Corps" is not Apple; the watched
    company's own longer names ("Google Cloud") are matched as aliases before this check.
    """
    if _JOINED_BEFORE.search(text, max(0, mention.start - 12), mention.start):
        return True  # "H&R Block", "Johnson & Johnson"
    if _HYPHENATED.match(text, mention.end) and not _MODIFIER.match(text, mention.end):
        return True  # "Snap-on", "Apple-like": a different word built on the name
    if " " in mention.surface or mention.kind not in ("name", "alias", "brand"):
        return False
    word_before = _NAME_WORD_BEFORE.search(text, max(0, mention.start - 30), mention.start) if (
        mention.ambiguous and _NAME_ENDS_IN_FIRM.match(text, mention.end)) else None
    if word_before is not None and word_before.group(1).lower() not in parties.NOT_NAME_START:
        return True  # "Makati Square Holdings", "Harbour Shell Partners": a name within a name
    short = _short_name(mention)
    other = (mention.ambiguous or short) and _OTHER_FIRM.match(text, mention.end) is not None
    if short:
        own = mention.company[len(mention.surface):].split()[0]
        found = _OTHER_ORGANISATION.match(text, mention.end)
        return (found is not None and found.group().strip() != own) or (
            other and not text.startswith(" " + own, mention.end))
    return other


# A capitalised word after a common-word name, not the company's own legal suffix ("Block
# Inc.", "Shell plc").
_CAPITAL_AFTER = re.compile(r" (?!" + LEGAL_SUFFIXES + r"\b)[A-Z][a-z]+\b")


def _between_capitals(text: str, mention: Mention) -> bool:
    """A name-like word on each side: "Madison Square Garden", not "at Square's stand"."""
    before = _NAME_WORD_BEFORE.search(text, max(0, mention.start - 30), mention.start)
    return before is not None and before.group(1).lower() not in parties.NOT_NAME_START and (
        _CAPITAL_AFTER.match(text, mention.end) is not None)


def _short_name(mention: Mention) -> bool:
    """The mention is the first word of the company's name ("Halcyon" for Halcyon
    Biotherapeutics)."""
    return mention.company.startswith(mention.surface + " ")


def _relative(mention: Mention, offset: int) -> Mention:
    """``dataclasses.replace(mention, start=..., end=...)`` written out (every field, the
    notes list shared as ``replace`` shares it): a third of the cost, several per article.
    A test checks it against ``replace`` with every field set."""
    m = mention
    return Mention(m.company, m.start - offset, m.end - offset, m.surface, m.kind, m.ambiguous,
                   m.everyday, m.counted, m.reason, m.historical, m.former, m.notes, m.brand)


def _pair_named(text: str, mentions: list[Mention]) -> tuple[Mention, ...]:
    """The two companies a sentence names, when it names exactly two (counted, current); a
    unit named as another's ("plans to sell its HotJobs service to Monster") is no party."""
    named: dict[str, Mention] = {}
    for mention in mentions:
        if mention.counted and not mention.historical and parties.word_before(
                text, mention.start) not in ("its", "their"):
            named.setdefault(mention.company, mention)
    return tuple(named.values()) if len(named) == 2 else ()


def _subject(text: str, mentions: list[Mention]) -> Mention | None:
    for mention in mentions:
        if not mention.historical and parties.word_before(text, mention.start) not in (
                parties.PREPOSITIONS) and not parties.in_appositive(text, mention):
            return mention
    return None


def _capitals_say_nothing(sentence: Sentence, start: int) -> bool:
    """At a sentence start or in a Title Case headline a capital letter proves nothing."""
    first_word, title_case = _sentence_shape(sentence.text)
    return start - sentence.start <= first_word or title_case


@functools.lru_cache(maxsize=64)
def _sentence_shape(text: str) -> tuple[int, bool]:
    """Where a sentence's first word starts, and whether it is written in Title Case (read
    once per sentence: a long list of names asks for every name)."""
    first_word = len(text) - len(text.lstrip(" \"'“‘(-—:$"))
    return first_word, is_title_case(text)


_LONGER_NAME = re.compile(r" (?!(?:" + LEGAL_SUFFIXES + r"|Monday|Tuesday|"
                          r"Wednesday|Thursday|Friday|Saturday|Sunday|On|In|At)\b)[A-Z][a-z]+\b"
                          r"(?: [A-Z][a-z]+\b){0,2}"
                          r"(?= (?:[a-z]|has\b|have\b|is\b|was\b))")


# "United Kingdom", "Delta State", "Liberty Island": a country, place or public body, even in a
# Title Case headline or a dateline.
# "The Women's Premier Hockey League is leaving Prime Video. Its games will stream on
# YouTube": a sentence whose subject is a named league, union, agency or the like is what
# "it", "its" or "they" opening the next sentence stands for, not the article's company.
_BODY_SUBJECT = re.compile(
    r"\W{0,3}(The (?:[A-Z][\w'’.&-]*\s+){0,5}(?:League|Association|Federation|Union|Club|"
    r"Council|Commission|Committee|Agency|Authority|Ministry|Department|Society|Foundation|"
    r"Institute|University|Conference|Tour|Festival|Academy|Court|Tribunal|Regulator|"
    r"Parliament|Government|Administration|Museum|Orchestra|Team))\s+(?:[a-z]+ly\s+)?"
    r"[a-z]+\b")
_PRONOUN_OPENS = re.compile(r"\W{0,3}(?:It|Its|They|Their)\b")
_PLACE_OR_BODY = re.compile(r" (?:Kingdom|States|Nations|Arab Emirates|Republic|Islands?|"
                            r"Province|County|Territory|State|Parliament|Church|Army|Navy|"
                            r"Party|Court|Council|Assembly|Congress|Senate|Ministry)\b")


# "Boeing Australia", "Uber India", "Boeing Defence Australia's Brisbane operations": the
# company's arm in a country or region, the company itself (not "Square Enix Europe": the
# words between are the company's own kinds of business only).
_NATIONAL_ARM = re.compile(r"(?: (?:Defence|Defense|Retail|Electronics|Services|Technologies|"
                           r"Technology|Systems|Solutions|Operations|Cloud|Commercial|Digital|"
                           r"Financial|Finance|Payments|Logistics|Research|Global|"
                           r"International|Holdings|Pagamentos do|Manufacturing)){0,2} "
                           + COUNTRIES + r"(?![\w-]| (?:[A-Z]|of\b|and\b))")


def _inside_longer_name(text: str, start: int, end: int, *, title_case: bool = False) -> bool:
    """'Square Enix delays', 'Union Square Hospitality Group', 'North American sales',
    'Citizens United v.': the name is part of another (a capital before says nothing in
    a Title Case headline). A national arm ("Boeing Australia") is the company's own."""
    if _NATIONAL_ARM.match(text, end) is not None and not _capital_word_before(text, start):
        return False
    if _PLACE_OR_BODY.match(text, end) is not None or _COUNTRY_BEFORE.search(
            text, max(0, start - 20), start):
        return True  # "United Kingdom", "United Arab Emirates": a country
    return _LONGER_NAME.match(text, end) is not None or (not title_case and (
        _capital_word_before(text, start)
        or _CAPITAL_AFTER_WORD.match(text, end) is not None))


def _capital_word_before(text: str, start: int) -> bool:
    found = _CAPITAL_BEFORE.search(text, max(0, start - 20), start)
    return found is not None and found.group()[:-1].lower() not in _NO_NAME_BEFORE


def _corroborate(text: str, mentions: list[Mention], sentences: list[Sentence],
                 by_sentence: dict[int, list[Mention]]) -> None:
    """Ambiguous names (Apple, Snap) count only with a ticker, a full name or business context.
    A use the text already showed to be something else ("Block, 28, spent four seasons", "heads
    to Madison Square Garden") stays uncounted and corroborates nothing."""
    confirmed: dict[str, str] = {}
    for mention in mentions:
        if not mention.ambiguous:
            confirmed.setdefault(mention.company, f"unambiguous mention {mention.surface!r}")
    for index, local in by_sentence.items():
        sentence = sentences[index]
        for mention in local:
            if not mention.ambiguous or mention.company in confirmed or not mention.counted:
                continue
            if _VENTURE_ARM.match(text, mention.end):
                # "with participation from Intel Capital": the company's own venture arm
                confirmed[mention.company] = f"its venture arm {mention.surface!r}"
                continue
            if _inside_longer_name(text, mention.start, mention.end,
                                   title_case=_capitals_say_nothing(sentence, mention.start)):
                continue  # "Square Enix delays", "Union Square Hospitality": a longer name
            if mention.everyday or _capitals_say_nothing(sentence, mention.start):
                # Only words right after the name count: "Target cuts jobs", "Shell said";
                # for a place or a number always ("Nine's chief", not "Nine ... executive").
                rel = mention.end - sentence.start
                context = _BUSINESS.search(sentence.text, rel, rel + 30)
            else:
                context = _BUSINESS.search(sentence.text)
            if context is not None:
                confirmed[mention.company] = f"business context {context.group()!r}"
    _corroborate_by_list(text, mentions, confirmed)
    for mention in mentions:
        if mention.ambiguous and mention.counted:
            why = confirmed.get(mention.company)
            mention.counted = why is not None
            mention.reason = (f"corroborated by {why}" if why else
                              "common word without corroboration (no ticker, full name or "
                              "business context)")


# "not related to US warehouse-automation firm", "no relation to the", "unaffiliated with"
# (every mention is tried: behind the lookahead of its first characters)
_NOT_RELATED_BEFORE = quick(
    r"\b(?:(?:is|are|was|were|it's|it’s)\s+(?:not|in no way)\s+(?:related|affiliated|connected|"
    r"linked)|unrelated|unaffiliated|no (?:relation|connection|affiliation|link)|"
    # "shares a name, but nothing else, with Northwind Robotics"
    r"shar(?:es|ed|ing)\s+(?:only\s+)?(?:a|its|the)\s+name(?:,?\s+but\s+nothing\s+else,?)?)"
    r"\s+(?:to|with)\s+"
    r"(?:(?:the|a|an)\s+)?(?:[\w.&'’-]+\s+){0,4}?$", re.IGNORECASE)
_NEXT_WORD = re.compile(r" ([A-Za-z][\w-]{2,})")
#: At most this many different phrases are looked up per article (each lookup is one pass
#: over the text: the cost stays linear in the text however many names it has).
_LOWER_LOOKUPS = 16


def _written_lower_elsewhere(text: str, mention: Mention, seen: dict[str, bool]) -> bool:
    """"Oracle startup raises $25m" where the text writes "an oracle startup": the name and
    the word after it, written in lower case elsewhere, are a common noun, not the company.
    (``seen`` holds this article's answers by phrase.)"""
    after = _NEXT_WORD.match(text, mention.end)
    if after is None:
        return False
    phrase = f"{mention.surface.lower()} {after.group(1).lower()}"
    if phrase in seen:
        return seen[phrase]
    if len(seen) >= _LOWER_LOOKUPS:
        return False
    found = False
    at = text.find(phrase)
    while at >= 0 and not found:
        found = at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "-'’")
        at = text.find(phrase, at + 1)
    seen[phrase] = found
    return found


def _corroborate_by_list(text: str, mentions: list[Mention], confirmed: dict[str, str]) -> None:
    """'Amazon, Walmart and Target were fined': a name listed with a company is one too.

    One pass over the neighbours, then a walk from the confirmed companies along the list
    links (linear in the mentions however long a chain of common-word names is)."""
    links: dict[str, list[Mention]] = {}  # company -> the mentions listed next to its own
    for left, right in itertools.pairwise(mentions):
        if left.historical or right.historical or right.start - left.end > 60 or (
                left.company == right.company) or not parties.listed_gap(
                text[left.end:right.start]):
            continue
        links.setdefault(left.company, []).append(right)
        links.setdefault(right.company, []).append(left)
    by_company = {m.company: m for m in mentions}
    todo = [c for c in confirmed if c in links]
    while todo:
        company = todo.pop()
        for other in links[company]:
            if other.company not in confirmed and not other.everyday:
                confirmed[other.company] = f"listing with {by_company[company].surface!r}"
                todo.append(other.company)


def _corroborate_by_events(mentions: list[Mention], sentences: list[Sentence],
                           findings: list[Finding], pending: set[str]) -> None:
    """An ambiguous name that takes a role in an event ("teams up with Apple") is the company."""
    if not pending:
        return
    by_event: dict[str, str] = {}
    for finding in findings:
        if not finding.accepted or finding.company not in pending or finding.mention_start < 0:
            continue
        sentence = sentences[finding.sentence_index]
        at = sentence.start + finding.mention_start
        mention = next((m for m in mentions if m.start == at), None)
        if mention is not None and _inside_longer_name(
                sentence.text, mention.start - sentence.start, mention.end - sentence.start,
                title_case=_capitals_say_nothing(sentence, mention.start)):
            continue  # "Square Enix delays": the actor is the longer name
        # "Intel, which bought Altera in 2015, said it would cut": the aside does not count.
        gap_from = (mention.end - sentence.start) if mention is not None else (
            finding.mention_start)
        between = sentence.text[gap_from:finding.trigger_start]
        aside = _ASIDE.match(between)
        if aside is not None:
            between = between[aside.end():]
        near = finding.trigger_start >= finding.mention_start and len(between) <= 40
        if near or not _capitals_say_nothing(sentence, sentence.start + finding.mention_start):
            by_event.setdefault(finding.company, finding.trigger)
    for mention in mentions:
        trigger = by_event.get(mention.company)
        if trigger is not None and not mention.counted and not mention.everyday:
            mention.counted = True
            mention.reason = f"corroborated by its role in an event ({trigger!r})"


def _one_deal(findings: list[Finding]) -> list[Finding]:
    """A takeover is one event: "AMD joins forces with ATI" over a story of AMD buying ATI,
    "struck a deal with Reebok" when Adidas buys Reebok, is that takeover told again, not a
    partnership of the two as well."""
    bought = {frozenset((f.company, f.counterparty)) for f in findings
              if f.event_type == "acquisition" and f.counterparty is not None}
    if not bought:
        return findings
    return [f for f in findings if not (f.event_type == "partnership" and f.counterparty
                                        is not None
                                        and frozenset((f.company, f.counterparty)) in bought)]


def _merge(article: Article, findings: list[Finding]
           ) -> tuple[list[CompanyEvent], list[EventFeatures]]:
    groups: dict[tuple[str, str, str | None], list[Finding]] = {}
    for finding in findings:
        groups.setdefault((finding.company, finding.event_type, finding.role), []).append(finding)
    out: list[CompanyEvent] = []
    features: list[EventFeatures] = []
    # Routing recognises the same article from another feed by it (computed once, and only
    # for articles that raise something).
    fingerprint = article.fingerprint if groups else None
    for (company, event_type, role), group in groups.items():
        evidence = list(dict.fromkeys(f.sentence for f in group))
        triggers = list(dict.fromkeys(f.trigger for f in group))
        features.append(EventFeatures.of(group, len(evidence)))
        confidence = CALIBRATION.confidence(features[-1])
        stages = [f.stage for f in group if f.stage]
        extra: dict[str, Any] = {}
        if _HAS_PRODUCT_FIELD:
            extra["product"] = _first(f.product for f in group)
        out.append(CompanyEvent(
            article_id=article.id,
            article_title=article.title,
            article_link=article.link,
            article_fingerprint=fingerprint,
            source=article.source,
            # Event time: published, else fetch time (never detection time), so a
            # replay of undated articles windows them as the live run did.
            published=article.event_time,
            company=company,
            brand=_only({f.brand for f in group}),
            event_type=event_type,
            role=role,
            counterparty=_first(f.counterparty for f in group),
            person=_first(f.person for f in group),
            people=_people(group),
            amount=_first(f.amount for f in group),
            amount_usd=_first(f.amount_usd for f in group),
            stage=max(stages, key=lambda s: STAGE_RANK[s]) if stages else None,
            confidence=confidence,
            evidence=evidence,
            triggers=triggers,
            **extra,
        ))
    return out, features


def _people(group: list[Finding]) -> list[str]:
    """Everyone the findings name, except people who came from another counterparty than
    the event's ("hires A and B from OpenAI" must not list Scale AI's CEO)."""
    counterparty = _first(f.counterparty for f in group)
    return list(dict.fromkeys(p for f in group if f.counterparty in (None, counterparty)
                              for p in f.people))


def _only(values: set[str | None]) -> str | None:
    """The brand when every finding named the company by that one brand, else None."""
    return next(iter(values)) if len(values) == 1 else None


def _first(values: Any) -> Any:
    return next((v for v in values if v is not None), None)
