"""Context checks: denied, negated, hypothetical or past events are not news."""

from __future__ import annotations

import re
from typing import NamedTuple

from .. import cues
from ..first_chars import quick
from ..lexicon import ACT_NOUN_PATTERN, EVENT_NOUNS, FICTION_WORKS
from ..triggers import TriggerSpec
from .people import TRANSITIVE_DEPARTURE
from .products import DELAY_BEFORE

_I = re.IGNORECASE
CUE_WINDOW = 300
# "faces possible suit", "a potential fine": not yet an event.
_HEDGED_OBJECT = re.compile(r"\s+(?:a |an |the )?(?:possible|potential|threatened|likely|"
                            r"prospective|proposed|looming)\b", _I)
# A company's stated plan or a sourced rumour of these is news (at stage rumored); a plan to
# hire, to sue or to leave is not yet the event.
_PLANS_ARE_NEWS = frozenset({"acquisition", "investment", "layoffs", "product_launch",
                             "partnership", "launch_delay"})
# A finite verb after a comma, "and", "but" or "then" opens a clause of its own.
_NEW_FINITE_CLAUSE = re.compile(r"(?:,|\band|\bbut|\bthen)\s*$", _I)
_FINITE_VERB = re.compile(r"[a-z]+(?:ed|s)\b", _I)
# ... unless the word is a noun there: "delays two titles, launches now slated for 2027"
_NOUN_USE = re.compile(r"\s+(?:now\s+)?(?:slated|planned|scheduled|set|expected|due|of|for|are|"
                       r"were|have|had|will|remain)\b", _I)
# Only a time clause ("after months of talks") leaves a deal called off news of today.
_AFTER_TALKS = re.compile(r"\b(?:after|following)\b", _I)
_DATED_PAST = re.compile(r"(?:19|20)\d\d|\bago\b|\blast\b|\bpast\b|\bprevious\b|\bprior\b", _I)


# "He spent thirteen years suing IBM": a stretch of the past, told whole.
_SPENT_YEARS = quick(r"\b(?:spent|spending|spend)\s+(?:(?:the\s+)?(?:better\s+part\s+of\s+)?"
                     r"(?:\w+|\d+)\s+)?(?:years|decades|months)\s+$", _I)


# "Periodically a rumour goes around that Amazon is about to buy", "Every year someone asks":
# what keeps happening is no report of something that did.
_HABITUAL = quick(r"\b(periodically|every (?:so often|year|few (?:weeks|months|years))|"
                  r"from time to time|once in a while|perennially)\b[^.;]{0,80}$", _I)
# "why did Google buy Fitbit", "someone asks when Stripe will IPO": asked, not reported.
_QUESTION = quick(r"\b(?:(?:why|how|when|where|whether) (?:did|does|do|would|will|could|"
                  r"should|has|have|had)|(?:ask|asks|asked|asking|wonder|wonders|"
                  r"wondered|wondering) (?:when|whether|if|why|how))\b[^,;:.!?]{0,60}$", _I)
# A yes-no question: "Will Stripe ever go public?", "Is Apple about to buy Perplexity?"
# ("Rumour mill: is Apple about to buy Perplexity?": after a kicker's colon)
_YES_NO = re.compile(r"(?:[^:?.!\n]{1,40}:\s+)?[\s\"'“‘]*(?:(?:so|but|and|now),?\s+)?"
                     r"(will|would|could|should|can|is|are|"
                     r"was|were|does|do|did|has|have|had|might|may)\b", _I)
_ENDS_ASKING = re.compile(r"[^.!?]*\?")
# A question with no clause break from its start to its "?": "Shell to buy BP?" (not "Apple
# launches Vision Pro, but will anyone buy it?"; nor "Why is Netflix buying an ad-tech
# company?", which takes the deal as done and asks about it).
_NO_BREAK = re.compile(r"(?![\s\"'“‘]*(?:why|how|what|when|where|who)\b)[^,;:.!?—–()]*", _I)
_BARE_QUESTION = re.compile(r"[^,;:.!?—–()]{0,200}\?")
_TICKER_LABEL = re.compile(r"\W*(?:[A-Z]{2,6}|[A-Z]{1,5}\.[A-Z]{1,2}):\s+")
_BARE_QUESTION_REACH = 200  # a headline's question is short: read no further back than this
# "Lars Eklund on leaving his own studio", "... on why she left Samsung": someone talking
# about the act (a plan "on cutting jobs" is news, so not after plan words).
_TALKS_ABOUT = quick(r"\bon (?:(why|how|what|when)\b[^,;:.!?]{0,60})?$", _I)
# "Ferngate's studio head on 'Lanternfall,' layoffs, and why the studio is hiring": the
# topics of an interview, listed after "on".
# Only a noun is a topic in such a list ("bets on payments and acquires X" reports).
_TOPIC_NOUNS = EVENT_NOUNS
_TOPIC = r"[\"'“‘]?(?:[\w'’-]+ ){0,3}[\w'’-]+"
_TALKS_ABOUT_LIST = quick(r"\bon (?:(?:" + _TOPIC + r"[\"'”’]*,[\"'”’]*\s+){1,3}(?:and )?|"
                          r"(?:" + _TOPIC + r"[\"'”’]*,[\"'”’]*\s+){0,3}" + _TOPIC
                          + r"[\"'”’]*,?\s+and\s+)$", _I)
_PLAN_WORDS = frozenset({"plans", "plan", "planned", "bent", "keen", "intent", "set", "focused",
                         "insists", "counting", "working"})
# "Buying GitHub was a way to ...", "Acquiring Figma would have given Adobe ...": a gerund
# phrase as the subject of the sentence talks about the act; it does not report one.
_SENTENCE_OPENING = re.compile(r"^[\s\"'“‘]*(?:(?:but|and|yet|still|for \w+),?\s+)?$", _I)
_GERUND_SUBJECT_VERB = re.compile(
    r"[^,;:.!?()—–]{0,80}?\s(was|is|were|are|would(?: have)? been|would be|will be|has been|"
    r"had been|could be|might be|may be|remains|remained|proved|seemed|seems|became|"
    r"gave|gives|would give|would have given|made|makes|meant|means)\b", _I)


# "Pinecrest Bank: Buying a Failed Bank in a Crisis": a case study's or feature's title, a
# name and a gerund phrase with no verb of its own, names a topic.
_TOPIC_OPENING = re.compile(r"^[\s\"'“‘]*[A-Z][\w&.'’ -]{0,40}:\s*$")
_FINITE = re.compile(r":|\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|"
                     r"says|said|to)\b", _I)


# "Apple's delayed Siri", "the company's postponed launch": a participle before a noun.
_KNOWN_DELAY = re.compile(r"(?:delayed|postponed)\s+(?!(?:its|the|their|his|her|a|an|by|until|"
                          r"to|again|further|once|twice|indefinitely|into|from)\b)"
                          # "Nvidia's delayed Rubin Ultra to 2028" ('s = has): a verb after all
                          r"(?![^.;:]{0,40}\b(?:to|until|into|till|beyond)\s+(?:(?:19|20)\d\d|"
                          r"next|later|early|late|the (?:end|second|first|third|fourth))\b)"
                          r"(?![^.;:]{0,40}\b(?:now|again|further|launch|release|rollout|"
                          r"debut|shipments?|production|deliver(?:y|ies)|to (?:ship|launch|"
                          r"arrive|debut|go on sale)|ships|slips)\b)[\w-]", _I)
# "Apple's delayed Siri", "once its delayed open-world game is released"
_POSSESSIVE_END = re.compile(r"(?:[\w.&]['’]s|\b(?:its|their|his|her|our|the))\s+"
                             r"(?:(?:long|much|oft|twice|often|repeatedly)[- ])?$", re.IGNORECASE)


_FICTION_AFTER = re.compile(
    r"[^.;]{0,80}?\b(in (?:a|an|the|this|that|her|his|their|(?-i:[A-Z])[\w'’-]+(?:['’]s)?)\s+"
    r"(?:[\w'’-]+\s+){0,4}?" + FICTION_WORKS + r")\b", re.IGNORECASE)
_FICTION_BEFORE = re.compile(
    r"\b((?:in|throughout) (?:the|this|her|his|their|"
    # "In Hannah Ross's new novel, ..."
    r"(?-i:[A-Z])[\w'’-]+(?: (?-i:[A-Z])[\w'’-]+)?['’]s?) (?:new |latest |debut |first )?"
    + FICTION_WORKS + r")\b[^.;]{0,80}$", re.IGNORECASE)

# "Uber Ousts Its CEO All Over Again in Doc 'Hustle Mode'": a work named by its title in quotes
_TITLED_WORK_AFTER = re.compile(r"[^.;]{0,80}?\b(in (?:new |upcoming |the )?(?:" + FICTION_WORKS
                                + r"|series|show|play)\s+['‘\"“])", re.IGNORECASE)
# "'Shelf Life' Recap: Amazon Buys the Store (Or Does It?)": a show's episode retold
_RECAP_BEFORE = re.compile(r"\b(recap|episode \d+|season \d+,? episode \d+|s\d+e\d+)\s*:\s+"
                           r"(?:\S+\s+){0,3}$", re.IGNORECASE)
# "Ferngate acquires Lantern Hollow (a fan's fantasy thread)", "... (satire)": a bracket
# after the event says it is made up.
_MADE_UP_AFTER = re.compile(
    r"[^.;(]{0,80}?\((?:a |an |the |our |my )?(?:[\w'’-]+\s+){0,3}?(fantasy|fiction|fan fiction|"
    r"satire|parody|spoof|hypothetical|thought experiment|joke|april fools?['’]?)\b[^)]{0,40}\)",
    re.IGNORECASE)


# A double quote opened before the trigger and not closed; after it, the quote closes before a
# noun for a kind of post or talk.
_OPEN_QUOTE = re.compile(r"[\"“][^\"“”]*$")
_QUOTE_AS_LABEL = re.compile(
    r"[^\"“”]{0,60}[\"”]\s+(?:videos?|memes?|headlines?|posts?|threads?|takes?|jokes?|"
    r"narratives?|rumou?rs?|clickbait|tweets?|thumbnails?|genre|tropes?|crowd|discourse|"
    r"conspirac(?:y|ies)|theor(?:y|ies)|fan ?fic(?:tion)?|speculation|content)\b",
    re.IGNORECASE)


# "Shell bought BG Group for £47 billion, and ... spent minutes defending a decade-old deal":
# the act named again by its age, later in the same sentence.
_AGED_AFTER = re.compile(
    r"[^.;!?]{0,200}?\b((?:a|the|that|this|its|their)\s+(?:(?:decade|century|\w+-year|"
    r"\w+-decade)-old|(?:decades|years)-old)\s+(?:" + ACT_NOUN_PATTERN + r"))\b", re.IGNORECASE)


# "Boeing fires its CEO: a new book on the fall of ...", "Disney buys Fox: the dealmakers
# relive 2019 on stage", "Google buys the Moon: winning stories from ...": the title's
# event is what a book, a talk or a story goes back over.
_RETOLD_AFTER = re.compile(
    r"[^.;:]{0,80}?:\s+((?:(?:a|an|the|our|my|his|her|their|inside|new)\s+){0,3}"
    r"(?:[\w'’-]+\s+){0,2}?(?:book|documentary|docuseries|biography|memoir|case study|"
    r"oral history|retrospective|(?:winning |short |bedtime |fan )stories|poems?|podcast series)"
    r"|(?:[\w'’-]+\s+){0,4}?(?:relives?|revisits?|looks? back|remembers?|recalls?|reflects? on))"
    r"\b", re.IGNORECASE)


class Verdict(NamedTuple):
    """Why the context rules a trigger out; ``past``, the words that date it before the
    article ("in November 2022", "three years ago"), when that is why."""

    reason: str
    past: str = ""


# "Tidewell's 'Captain Crumb Is Let Go' Takes Film Grand Prix": the trigger inside a quoted
# title after a possessive is the words of a work (an ad, a film, a song), not an event.
_TITLE_OPENS = re.compile(r"\w['’]s\s+['‘\"“](?:[^'‘’\"“”]|\w['’]\w)*$")
_TITLE_CLOSES = re.compile(r"(?:[^'‘’\"“”]|\w['’]\w)*['’\"”]")


def context(text: str, spec: TriggerSpec, start: int, end: int, ref_year: int) -> Verdict | None:
    """Why the context rules this trigger out (denied, negated, hypothetical, past), or None."""
    # The cues of a trigger sit near it; a bounded window keeps a sentence of thousands of
    # triggers linear in its length.
    before, after = text[max(0, start - CUE_WINDOW):start], text[end:end + CUE_WINDOW]
    # "Uber anuncia nova diretora-geral no Brasil / Uber appoints new general director": a
    # spaced slash or bar parts a title; the words of the part before it are not this one's
    part = max(before.rfind(" / "), before.rfind(" | "))
    if part >= 0:
        before = before[part + 3:]
    if _TITLE_OPENS.search(text, max(0, start - 60), start) and _TITLE_CLOSES.match(
            text, end, end + 60):
        return Verdict("inside a work's title in quotes")
    said = cues.denial(text, legal=spec.event_type == "legal")
    if said:
        return Verdict(f"denied ({said!r})")
    negated = cues.negation(before) or cues.negated_after(after)
    if negated and not (spec.event_type == "acquisition" and cues.talks_ended(text)):
        return Verdict(f"negated ({negated!r})")
    # (a trigger that opens on "to" leaves the verb it hangs on before it: "wanted to launch")
    to = "to " if text.startswith(("to ", "To "), start) else ""
    maybe = cues.hypothetical(before + to) or cues.condition_after(after)
    if maybe and not (spec.event_type in _PLANS_ARE_NEWS and cues.plan_or_rumour(maybe, text)):
        return Verdict(f"hypothetical ({maybe!r})")
    if spec.event_type != "acquisition":
        weighing = cues.weighing(before)
        if weighing and not (spec.event_type == "layoffs" and cues.sourced(text)):
            # ("is said by The Sunday Times to be considering 1,500 job losses": a sourced
            # report of planned cuts is news at stage rumored, as deals under talks are)
            return Verdict(f"only considered ({weighing!r})")
    # "settled the lawsuit filed against it last year": the date belongs to the suit.
    settles = spec.has("settles")
    past = cues.history(before, text[start:end], "" if settles else after, ref_year)
    if past and spec.event_type == "legal" and past.lower().startswith("former"):
        past = None  # "a former executive sued": 'former' describes the plaintiff
    # A deal called off after talks is news, unless a date puts the whole story in the past.
    if past and not (spec.event_type == "acquisition" and not _DATED_PAST.search(past)
                     and _AFTER_TALKS.search(past)
                     and not cues.names_failed_deal(before)
                     and cues.acquisition_stage(text, "") == "terminated"):
        return Verdict(f"background, not news ({past!r})", past)
    if spec.event_type == "product_launch" and DELAY_BEFORE.search(before) and not (
            _NEW_FINITE_CLAUSE.search(before) and _FINITE_VERB.match(text, start)
            and not _NOUN_USE.match(text, end)):
        # (not "scraps plan for a tier, launches ad-free Instagram instead": a clause of its own)
        return Verdict("the launch is what was delayed")
    if spec.event_type == "launch_delay" and _KNOWN_DELAY.match(text, start) and (
            _POSSESSIVE_END.search(before)):
        # "what Apple's delayed Siri taught us": the delay named as known, like "Nvidia's
        # abandoned bid"; a report says who delayed what ("Apple delayed Siri").
        return Verdict(f"a delay named as known ({text[start:end]!r} as an adjective), "
                       "not reported")
    hedge = _HEDGED_OBJECT.match(text, end)
    if hedge and spec.event_type != "acquisition":  # deals keep a "rumored" stage instead
        return Verdict(f"hypothetical ({hedge.group().strip()!r})")
    if not before.strip(" \"'“‘") and TRANSITIVE_DEPARTURE.match(text, start, end):
        return Verdict("no subject: a noun ('Fires in ...'), not someone firing")
    spent = _SPENT_YEARS.search(before, max(0, len(before) - 60))
    if spent and text[start:end].split(maxsplit=1)[0].lower().endswith("ing"):
        words = spent.group().strip()
        return Verdict(f"background, not news ({words!r})", words)
    story = _FICTION_AFTER.match(after) or _FICTION_BEFORE.search(before) or (
        _MADE_UP_AFTER.match(after)) or _RECAP_BEFORE.search(before) or (
        _TITLED_WORK_AFTER.match(after))
    if story:
        return Verdict(f"a story told in fiction ({story.group(1)!r})")
    if _OPEN_QUOTE.search(before, max(0, len(before) - 60)) and _QUOTE_AS_LABEL.match(after):
        # 'every week there's a new "Amazon is buying X" video': words quoted as a kind of
        # post, not a report
        return Verdict("a phrase quoted as a kind of post, not a report")
    aged = _AGED_AFTER.match(after)
    if aged:
        return Verdict(f"background, named by its age ({aged.group(1)!r})", aged.group(1))
    retold = _RETOLD_AFTER.match(after)
    if retold:
        return Verdict(f"background, retold ({retold.group(1)!r})")
    habit = _HABITUAL.search(before, max(0, len(before) - 120))
    if habit:
        return Verdict(f"a habit, not a report ({habit.group(1)!r})")
    asked = _QUESTION.search(before, max(0, len(before) - 100))
    if asked:
        return Verdict(f"a question, not a report ({asked.group().strip()!r})")
    yes_no = _YES_NO.match(text)
    if yes_no and _ENDS_ASKING.match(text, end):
        # "Will Stripe ever go public?", "Has Stripe said it will go public?"
        return Verdict(f"a question, not a report ({yes_no.group().strip()!r} ... ?)")
    if start <= _BARE_QUESTION_REACH and _BARE_QUESTION.match(text, end):
        # (after a ticker's label: "HLBX: Pfizer buys Halcyon Bio? In our bull case it does")
        label = _TICKER_LABEL.match(text)
        if _NO_BREAK.fullmatch(text, label.end() if label else 0, start):
            return Verdict("a question, not a report ('?')")
    gerund = text[start:end].split(maxsplit=1)[0].lower().endswith("ing")
    talk = _TALKS_ABOUT.search(before, max(0, len(before) - 80))
    if talk:
        word = before[:talk.start()].split()[-1:]
        if word and word[0].strip("\"'“‘(").lower() in _PLAN_WORDS:
            talk = None  # "plans on cutting 1,000 jobs": a plan, which is news
    if talk and (talk.group(1) or gerund):
        return Verdict(f"what someone says about it, not the event "
                       f"({talk.group().strip()!r})")
    listed = _TALKS_ABOUT_LIST.search(before, max(0, len(before) - 120)) if (
        text[start:end].split(maxsplit=1)[0].lower() in _TOPIC_NOUNS) else None
    if listed and before[:listed.start()].split()[-1:] not in ([w] for w in _PLAN_WORDS):
        return Verdict(f"a topic someone talks on, not the event ({listed.group().strip()!r})")
    if gerund and _SENTENCE_OPENING.match(before):
        verb = _GERUND_SUBJECT_VERB.match(text, end)
        if verb:
            return Verdict(f"the act is the subject of {verb.group(1)!r}: discussed, not "
                           "reported")
    if gerund and _TOPIC_OPENING.match(before) and not _FINITE.search(text, end):
        return Verdict("a topic ('X: Buying a bank in a crisis'), not a report")
    return None
