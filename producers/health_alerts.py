"""Feed-health alerts: a feed that goes quiet or unhealthy (and later recovers) raises one
``FeedHealthAlert`` per change, on the alerts topic, for the ops channel in feeds.yaml."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from ..kafkaio.clients import KafkaClients
from ..schemas.alert import FeedHealthAlert
from ..schemas.feeds import FeedState, HealthAlerts
from .health import assess

log = logging.getLogger(__name__)


class HealthAlerter:
    """Decides which health changes to alert; the caller publishes, then saves the states.

    The last alerted bad status lives in each feed's persisted state, so a restarted
    producer neither repeats an alert nor misses a recovery. Alert ids are deterministic:
    a crash between publishing and saving re-sends the same id, which the notifier's
    delivery ledger posts once.
    """

    def __init__(self, config: HealthAlerts) -> None:
        self.config = config

    def changes(self, states: Iterable[FeedState],
                now: datetime) -> list[tuple[FeedHealthAlert, FeedState]]:
        found: list[tuple[FeedHealthAlert, FeedState]] = []
        for state in states:
            health = assess(state, now)
            if health.status in ("quiet", "unhealthy"):
                if state.health_alerted == health.status:
                    continue
                status: str = health.status
                new_state = state.model_copy(update={"health_alerted": health.status})
            elif health.status == "ok" and state.health_alerted is not None:
                status = "recovered"
                new_state = state.model_copy(update={"health_alerted": None})
            else:
                continue
            alert = FeedHealthAlert.model_validate(dict(
                channel=self.config.channel, feed_id=state.feed_id, feed_name=health.name,
                location=health.location, status=status,
                reason=health.reason if status != "recovered" else "answering again",
                last_success=health.last_success, last_new_item=health.last_new_item,
                consecutive_failures=health.consecutive_failures,
                mentions=list(self.config.mentions), created_at=now))
            found.append((alert, new_state))
        return found


class HealthPublisher(Protocol):
    def publish(self, alerts: list[FeedHealthAlert]) -> None: ...

    def close(self) -> None: ...


class KafkaHealthPublisher:
    """Publishes health alerts to the alerts topic (key: channel), acks=all."""

    def __init__(self, clients: KafkaClients, topic: str) -> None:
        self.topic = topic
        self._producer = clients.producer("newswatch-feed-health", retries=5)

    def publish(self, alerts: list[FeedHealthAlert]) -> None:
        futures = [self._producer.send(self.topic, key=a.channel.encode(),
                                       value=a.to_json_bytes()) for a in alerts]
        for future in futures:
            future.get(timeout=30)
        for alert in alerts:
            log.warning("feed-health alert to %s: feed %s is %s: %s", alert.channel,
                        alert.feed_name, alert.status, alert.reason)

    def close(self) -> None:
        self._producer.close()
