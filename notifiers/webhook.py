"""Incoming-webhook delivery with ``slack_sdk.webhook.WebhookClient``.

A webhook posts into the one channel it was created for, cannot thread, edit or read
history, and answers with a plain-text body instead of raising: every response is
checked here. Without history there is no way to confirm an earlier attempt, so
webhook delivery is at-least-once; use a bot token for exactly-once.
"""

from __future__ import annotations

import http.client
import logging
from urllib.error import URLError

from slack_sdk.webhook import WebhookClient, WebhookResponse

from ..schemas.alert import AlertMessage, FeedHealthAlert
from ..schemas.delivery import Delivery
from ..schemas.digest import DigestAlert
from ..schemas.headers import retry_after_seconds
from .base import Notifier, Posted
from .config import WebhookConfig
from .digest_render import render_digest
from .errors import FATAL_WEBHOOK_ERRORS, FatalError, PermanentError, TransientError
from .health_render import render_health
from .reach import check_reachable, slack_endpoint
from .render import SlackMessage, render_alert, render_reply
from .retry import sdk_retry_handlers
from .sdklog import quiet_sdk_logger

log = logging.getLogger(__name__)


class WebhookNotifier(Notifier):
    name = "webhook"
    config_model = WebhookConfig
    verifiable = False

    def __init__(self, config: WebhookConfig) -> None:
        self.config = config
        url = config.url.get_secret_value()
        self.client = WebhookClient(
            url=url,
            timeout=int(max(1, config.timeout_s)),
            retry_handlers=sdk_retry_handlers(config.sdk_retries,
                                              on_rate_limit_wait=lambda seconds:
                                              self.on_rate_limit_wait(seconds)),
            logger=quiet_sdk_logger("newswatch.slack_sdk.webhook", secrets=[url]),
        )
        self._channel: str | None = None

    def setup(self) -> None:
        """Check that the webhook's host answers; nothing is posted (a webhook has no
        read-only call to try)."""
        check_reachable(self.config.url.get_secret_value(),
                        timeout=min(5.0, self.config.timeout_s))

    def send(self, alert: AlertMessage, parent: Delivery | None) -> Posted:
        if self._channel is None:
            self._channel = alert.channel
        elif alert.channel != self._channel:
            log.warning("alert for %s goes to the webhook's own channel: a webhook posts to "
                        "one channel only (use a bot token to reach each alert's channel)",
                        alert.channel)
        # No threads through a webhook: follow-ups and updates stand alone, marked as such.
        if isinstance(alert, FeedHealthAlert):
            message = render_health(alert)
        elif isinstance(alert, DigestAlert):
            message = render_digest(alert)
        elif alert.kind == "edit":
            # Nothing to edit through a webhook, and the thread cap says post no more.
            log.info("alert %s: a webhook cannot edit the story's message; nothing posted",
                     alert.id)
            return Posted()
        elif parent is not None and alert.kind in ("followup", "update"):
            message = render_reply(alert)
        else:
            message = render_alert(alert)
        self._send(alert.channel, message)
        return Posted()

    def _send(self, channel: str, message: SlackMessage) -> None:
        try:
            response = self.client.send(
                text=message.text, blocks=message.blocks, unfurl_links=False,
                unfurl_media=False,
            )
        except (TimeoutError, http.client.HTTPException, ConnectionError) as exc:
            raise TransientError(
                f"webhook: no answer from Slack ({type(exc).__name__})", code="no_answer",
                channel=channel, uncertain=True,
            ) from None
        except URLError:
            host, port = slack_endpoint(self.config.url.get_secret_value())
            raise TransientError(f"webhook: cannot reach Slack at {host}:{port}",
                                 code="unreachable", channel=channel) from None
        _check(response, channel)


def _check(response: WebhookResponse, channel: str) -> None:
    """Raise the classified error for a non-ok webhook answer."""
    status = response.status_code
    body = (response.body or "").strip()[:100]
    if status == 200 and body == "ok":
        return
    if status == 429:
        retry_after = retry_after_seconds(response.headers)
        raise TransientError(f"webhook: rate-limited (retry after {retry_after or '?'} s)",
                             code="ratelimited", channel=channel, retry_after=retry_after)
    if status >= 500:
        raise TransientError(f"webhook: Slack answered HTTP {status}", code=f"http_{status}",
                             channel=channel, uncertain=status != 503)
    code = body if body.replace("_", "").isalnum() else f"http_{status}"
    if code in FATAL_WEBHOOK_ERRORS:
        raise FatalError.for_code(code, channel=channel)
    raise PermanentError(f"webhook: Slack rejected the message: {code} (HTTP {status})",
                         code=code, channel=channel)
