"""Labelled scoring: precision, recall and F1 of what the rules would alert on.

A labels file has one JSON object per line: ``article_id``, ``company``, ``event_type``
(the events that article really reports). ``company`` and ``event_type`` both null marks
an article checked and found to have no event. Only labelled articles are scored (a
prediction on an article nobody labelled is neither right nor wrong), and only labels a
watch covers count: the rules are judged on what they set out to watch.
"""

from __future__ import annotations

import difflib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ...schemas.errors import ConfigError
from ...schemas.event import EVENT_TYPES
from ...schemas.rules import RulesFile, Watch
from .model import LabelCase, Score, ScoreReport
from .ordering import ArticleDigest
from .routing import Routed

Triple = tuple[str, str, str]  # article id, company, event type


@dataclass(frozen=True)
class Labels:
    path: str
    triples: frozenset[Triple]
    articles: frozenset[str]
    notes: tuple[str, ...] = ()


def load_labels(path: str | Path, rules: RulesFile) -> Labels:
    """Read a labels file; a malformed line is an error naming the file and line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ConfigError(f"cannot read labels: {reason}", location=str(path)) from None
    triples: set[Triple] = set()
    articles: set[str] = set()
    unknown: dict[str, int] = {}
    companies = [c.name for c in rules.companies]
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        where = f"{path}:{number}"
        article, company, event_type = _parse_line(raw, where)
        articles.add(article)
        if company is None or event_type is None:
            continue
        if company not in companies:
            unknown.setdefault(company, number)
        triples.add((article, company, event_type))
    if not articles:
        raise ConfigError("no labels in the file", location=str(path))
    notes = tuple(f"{path}:{line}: label for {name!r}, which the rules do not list"
                  + _suggest(name, companies) + ": it cannot be matched"
                  for name, line in unknown.items())
    return Labels(str(path), frozenset(triples), frozenset(articles), notes)


def _parse_line(raw: str, where: str) -> tuple[str, str | None, str | None]:
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"not valid JSON: {exc.msg} (column {exc.colno})",
                          location=where) from None
    if not isinstance(obj, dict):
        raise ConfigError("expected a JSON object with article_id, company, event_type",
                          location=where)
    article = obj.get("article_id")
    if not isinstance(article, str) or not article:
        raise ConfigError("article_id is missing or not a string", location=where)
    company, event_type = obj.get("company"), obj.get("event_type")
    if (company is None) != (event_type is None):
        raise ConfigError("company and event_type go together (both null: no event)",
                          location=where)
    if company is not None and (not isinstance(company, str) or not company):
        raise ConfigError("company must be a non-empty string", location=where)
    if event_type is not None and event_type not in EVENT_TYPES:
        raise ConfigError(f"unknown event type {event_type!r}"
                          + _suggest(str(event_type), EVENT_TYPES), location=where)
    return article, company, event_type


def _suggest(value: str, choices: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


@dataclass
class _Seen:
    title: str
    link: str | None
    detected: dict[tuple[str, str], float] = field(default_factory=dict)  # best confidence


class Scorer:
    """Collects what the rules decided on labelled articles, then scores it."""

    def __init__(self, labels: Labels, rules: RulesFile) -> None:
        self.labels = labels
        self.watches: list[Watch] = list(rules.watches)
        self.seen: dict[str, _Seen] = {}
        self.predicted: dict[Triple, set[str]] = defaultdict(set)  # -> watches that fire

    def add_article(self, article: ArticleDigest) -> None:
        if article.article_id in self.labels.articles:
            self.seen.setdefault(article.article_id, _Seen(article.title, article.link))

    def add(self, routed: list[Routed]) -> None:
        for item in routed:
            seen = self.seen.get(item.event.article_id)
            if seen is None:
                continue
            key = (item.event.company, item.event.event_type)
            seen.detected[key] = max(seen.detected.get(key, 0.0), item.event.confidence)
            if item.watches:
                self.predicted[(item.event.article_id, *key)].update(item.watches)

    def report(self) -> ScoreReport:
        gold = {t for t in self.labels.triples if t[0] in self.seen}
        covered = {t for t in gold if any(w.covers(t[1], t[2]) for w in self.watches)}
        predicted = set(self.predicted)
        by_type = [_score(name, {t for t in predicted if t[2] == name},
                          {t for t in covered if t[2] == name})
                   for name in EVENT_TYPES if any(t[2] == name for t in predicted | covered)]
        by_watch = [_score(w.name, {t for t in predicted if w.name in self.predicted[t]},
                           {t for t in gold if w.covers(t[1], t[2])}) for w in self.watches]
        false_positives = [self._case(t, self._fp_why(t)) for t in sorted(predicted - gold)]
        misses = [self._case(t, self._miss_why(t)) for t in sorted(covered - predicted)]
        unseen = len(self.labels.articles) - len(self.seen)
        notes = list(self.labels.notes)
        if unseen:
            notes.append(f"{unseen} labelled article(s) are not in the backtest input: "
                         "not scored")
        return ScoreReport(
            labels=self.labels.path, labelled_articles=len(self.labels.articles),
            labelled_in_input=len(self.seen), per_event_type=by_type, per_watch=by_watch,
            micro=_score("all", predicted, covered), false_positives=false_positives,
            misses=misses, notes=notes)

    def _case(self, triple: Triple, why: str) -> LabelCase:
        seen = self.seen[triple[0]]
        return LabelCase(article_id=triple[0], company=triple[1], event_type=triple[2],
                         title=seen.title, link=seen.link,
                         watches=sorted(self.predicted.get(triple, ())), why=why)

    def _fp_why(self, triple: Triple) -> str:
        labelled = sorted(f"{c} {e}" for a, c, e in self.labels.triples if a == triple[0])
        return ("labelled: " + ", ".join(labelled)) if labelled else "labelled: no event"

    def _miss_why(self, triple: Triple) -> str:
        confidence = self.seen[triple[0]].detected.get((triple[1], triple[2]))
        if confidence is None:
            return "not detected"
        return f"detected (confidence {confidence:.2f}) but no watch takes it"


def _score(name: str, predicted: set[Triple], gold: set[Triple]) -> Score:
    """Counts and ratios; a ratio with nothing to divide by is None (shown as "-")."""
    tp, fp, fn = len(predicted & gold), len(predicted - gold), len(gold - predicted)
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None
    return Score(name=name, tp=tp, fp=fp, fn=fn, precision=_round(precision),
                 recall=_round(recall), f1=_round(f1))


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
