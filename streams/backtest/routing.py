"""The routing half of a backtest: the worker's ``Router``, in event time, state in a dict.

The live ``route`` agent keeps one ``CompanyStories`` per company and event type
(``state_key``) in a Faust table and calls ``Router.route(event, state)``; here the same
call gets its state from a dict under the same key, so the same stories are kept and
pruned (``MAX_STORIES`` is per key: a busy company's stories of one type must not push
out those of another here either). Only
that call and the state classes ``streams.routing`` exposes are used, so whatever routing
learns (digests, quiet hours, budgets, realerts) is what the backtest runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...schemas.alert import Alert
from ...schemas.event import CompanyEvent
from ..routing import CompanyStories, Router, state_key
from .ordering import ArticleDigest


@dataclass(frozen=True)
class Absorbed:
    """A watch took the event, but its channel got no alert for it.

    ``parent_alert_id`` names the story that absorbed it (a copy beyond the follow-up
    limit); None means routing held it back for another reason (e.g. a routing policy)."""

    watch: str
    channel: str
    parent_alert_id: str | None
    event: CompanyEvent


@dataclass(frozen=True)
class Routed:
    """One event's fate: the watches that take it, the alerts raised and the absorbed."""

    article: ArticleDigest
    event: CompanyEvent
    watches: tuple[str, ...]
    alerts: tuple[Alert, ...]
    absorbed: tuple[Absorbed, ...]


class EventTimeRouter:
    """Routes article digests, in the order given, exactly as the route agent would."""

    def __init__(self, router: Router) -> None:
        self.router = router
        self.stories: dict[str, CompanyStories] = {}

    def route(self, article: ArticleDigest) -> list[Routed]:
        out: list[Routed] = []
        for event in article.events:
            key = state_key(event)
            state = self.stories.get(key)
            if state is None:
                state = self.stories[key] = CompanyStories()
            watches = self.router.matching_watches(event)
            alerts = self.router.route(event, state, watches)
            raised = {(a.watch, a.channel) for a in alerts}
            absorbed = tuple(
                Absorbed(w.name, s.channel, _story_of(state, w.name, s.channel, event), event)
                for w in watches for s in w.subscriptions if (w.name, s.channel) not in raised)
            out.append(Routed(article, event, tuple(w.name for w in watches), tuple(alerts),
                              absorbed))
        return out


def _story_of(state: CompanyStories, watch: str, channel: str,
              event: CompanyEvent) -> str | None:
    for story in state.stories:
        if story.watch == watch and story.channel == channel and event.article_id in \
                story.articles:
            return story.parent_alert_id
    return None
