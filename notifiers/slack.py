"""Bot-token delivery with ``slack_sdk.WebClient``: messages, threads, edits, and lookups.

Every post carries the alert id in message metadata, so after a crash (or a timeout
whose outcome is unknown) ``find_posted`` can ask Slack whether the message already
exists before posting it again.
"""

from __future__ import annotations

import functools
import http.client
import logging
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any, TypeVar
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web import SlackResponse

from ..schemas.alert import Alert, AlertMessage, FeedHealthAlert
from ..schemas.delivery import Delivery
from ..schemas.digest import DigestAlert, is_digest_story
from ..schemas.headers import retry_after_seconds
from .base import Notifier, Posted
from .config import SlackConfig
from .digest_render import render_digest
from .errors import (
    DeliveryError,
    FatalError,
    PermanentError,
    TransientError,
    classify_api_error,
)
from .health_render import render_health
from .reach import check_reachable, slack_endpoint
from .render import METADATA_EVENT_TYPE, SlackMessage, render_alert, render_reply
from .retry import sdk_retry_handlers
from .sdklog import quiet_sdk_logger

log = logging.getLogger(__name__)

T = TypeVar("T")
# chat.update failures after which the story's message is left as it was.
_UNEDITABLE = frozenset({"message_not_found", "cant_update_message", "edit_window_closed"})


class SlackNotifier(Notifier):
    name = "slack"
    config_model = SlackConfig
    verifiable = True
    probeable = True

    def __init__(self, config: SlackConfig) -> None:
        self.config = config
        token = config.token.get_secret_value()
        self.client = WebClient(
            token=token,
            base_url=config.base_url,
            timeout=int(max(1, config.timeout_s)),
            retry_handlers=sdk_retry_handlers(config.sdk_retries, config.rate_limit_jitter_s,
                                              lambda seconds: self.on_rate_limit_wait(seconds)),
            logger=quiet_sdk_logger("newswatch.slack_sdk.web", secrets=[token]),
        )
        self._channel_ids: dict[str, str] = {}
        self._ids_lock = threading.Lock()

    def setup(self) -> None:
        """Check that Slack answers and takes the token (``auth.test``); a refused token
        stops the service here, before anything is consumed."""
        check_reachable(self.config.base_url, timeout=min(5.0, self.config.timeout_s))
        self._call("auth.test", None, lambda: self.client.auth_test(), posting=False)

    def probe(self) -> bool:
        """``auth.test``: cheap, and answered whenever the Web API is up."""
        try:
            self._call("auth.test", None, lambda: self.client.auth_test(), posting=False)
        except TransientError:
            return False
        except DeliveryError:
            return True  # Slack answered; what it said is for the next real call to handle
        return True

    def send(self, alert: AlertMessage, parent: Delivery | None) -> Posted:
        if isinstance(alert, FeedHealthAlert):
            return self._post(alert.channel, render_health(alert), None)
        thread_ts = (parent.thread_ts or parent.ts) if parent is not None else None
        if isinstance(alert, DigestAlert):
            # A digest's details reply in its thread; without a delivered part 0, stand alone.
            return self._post(alert.channel, render_digest(alert),
                              thread_ts if alert.part > 0 else None)
        # A story that started in a digest has no message of its own to edit.
        editable = parent is not None and not is_digest_story(parent.story_key)
        if alert.kind == "edit":
            return self._edit_only(alert, parent if editable else None)
        if parent is not None and thread_ts and alert.kind in ("followup", "update"):
            if alert.kind == "update" and editable and not self._edit_story(alert, parent):
                return self._post(alert.channel, self._render(alert, updated=True), None)
            return self._post(alert.channel, render_reply(alert), thread_ts)
        return self._post(alert.channel, self._render(alert), None)

    def find_posted(self, alert: AlertMessage, parent: Delivery | None,
                    since: datetime) -> Posted | None:
        channel_id = self.channel_id(alert.channel)
        if channel_id is None:
            return None  # no such channel: nothing can have been posted there
        oldest = f"{since.timestamp() - self.config.lookback_s:.6f}"
        if parent is not None and parent.ts and alert.kind in ("followup", "update"):
            # A reply, normally; but if the story's message could not be edited, the
            # update went to the channel itself, so look there too.
            thread_ts = parent.thread_ts or parent.ts
            replies = self._pages(
                "conversations.replies", alert.channel,
                lambda cursor: self.client.conversations_replies(
                    channel=channel_id, ts=thread_ts, oldest=oldest, limit=200,
                    include_all_metadata=True, cursor=cursor),
            )
            found = _with_alert_id(replies, alert.id)
            if found is not None:
                return Posted(channel_id=channel_id, ts=found, thread_ts=thread_ts)
        history = self._pages(
            "conversations.history", alert.channel,
            lambda cursor: self.client.conversations_history(
                channel=channel_id, oldest=oldest, limit=200,
                include_all_metadata=True, cursor=cursor),
        )
        found = _with_alert_id(history, alert.id)
        return Posted(channel_id=channel_id, ts=found) if found is not None else None

    def channel_id(self, channel: str) -> str | None:
        """Slack's id for ``#name``/``name``/an id (history and edits need the id)."""
        ref = channel.lstrip("#")
        if ref[:1] in ("C", "G", "D") and ref.isalnum() and ref.isupper():
            return ref
        with self._ids_lock:
            if ref in self._channel_ids:
                return self._channel_ids[ref]
        for page in self._pages(
            "conversations.list", channel,
            lambda cursor: self.client.conversations_list(
                types="public_channel,private_channel", limit=1000, cursor=cursor,
                exclude_archived=False),
            key="channels",
        ):
            with self._ids_lock:
                self._channel_ids[str(page.get("name"))] = str(page.get("id"))
        with self._ids_lock:
            return self._channel_ids.get(ref)

    # ---- internals -------------------------------------------------------------------------
    def _render(self, alert: Alert, *, updated: bool = False) -> SlackMessage:
        return render_alert(alert, updated=updated, feedback=self.config.feedback_buttons)

    def _post(self, channel: str, message: SlackMessage, thread_ts: str | None) -> Posted:
        response = self._call(
            "chat.postMessage", channel,
            lambda: self.client.chat_postMessage(
                channel=channel, text=message.text, blocks=message.blocks,
                metadata=message.metadata, thread_ts=thread_ts,
                unfurl_links=False, unfurl_media=False),
            posting=True,
        )
        channel_id = str(response.get("channel") or "")
        if channel_id:
            with self._ids_lock:
                self._channel_ids.setdefault(channel.lstrip("#"), channel_id)
        return Posted(channel_id=channel_id or None, ts=response.get("ts"), thread_ts=thread_ts)

    def _edit_only(self, alert: Alert, parent: Delivery | None) -> Posted:
        """A stage change on a story whose thread is full: edit its message, post nothing."""
        if parent is None or parent.ts is None:
            log.info("alert %s: no story message to edit (%s); nothing posted", alert.id,
                     "its first alert was not delivered" if parent is None else "no ts")
            return Posted()
        self._edit_story(alert, parent)
        return Posted(channel_id=self.channel_id(alert.channel))

    def _edit_story(self, alert: Alert, parent: Delivery) -> bool:
        """Edit the story's first message to its new state; False if it cannot be edited."""
        channel_id = self.channel_id(alert.channel)
        if channel_id is None or parent.ts is None:
            return False
        message = self._render(alert, updated=True)
        try:
            self._call(
                "chat.update", alert.channel,
                lambda: self.client.chat_update(
                    channel=channel_id, ts=parent.ts or "", text=message.text,
                    blocks=message.blocks),
                posting=False,
            )
        except PermanentError as exc:
            if exc.code not in _UNEDITABLE:
                raise
            log.warning("alert %s: story message %s cannot be edited (%s); posting anew",
                        alert.id, parent.ts, exc.code)
            return False
        return True

    def _pages(
        self, method: str, channel: str, fetch: Callable[[str | None], SlackResponse],
        key: str = "messages",
    ) -> Iterator[dict[str, Any]]:
        cursor: str | None = None
        for _ in range(self.config.history_pages):
            response = self._call(method, channel, functools.partial(fetch, cursor),
                                  posting=False)
            yield from response.get(key) or []
            cursor = (response.get("response_metadata") or {}).get("next_cursor") or None
            if not cursor:
                return

    def _call(
        self, method: str, channel: str | None, call: Callable[[], SlackResponse], *,
        posting: bool,
    ) -> SlackResponse:
        try:
            return call()
        except SlackApiError as exc:
            raise _classify(exc, method, channel, posting=posting) from None
        except (TimeoutError, http.client.HTTPException, ConnectionError) as exc:
            # The request went out; whether Slack acted on it is unknown.
            raise TransientError(
                f"{method}: no answer from Slack ({type(exc).__name__})",
                code="no_answer", channel=channel, uncertain=posting,
            ) from None
        except URLError as exc:
            host, port = slack_endpoint(self.config.base_url)
            raise TransientError(
                f"{method}: cannot reach Slack at {host}:{port} ({_reason(exc)})",
                code="unreachable", channel=channel,
            ) from None
        except SlackClientError as exc:
            raise PermanentError(f"{method}: {type(exc).__name__}", code="client_error",
                                 channel=channel) from None


def _with_alert_id(messages: Iterator[dict[str, Any]], alert_id: str) -> str | None:
    """The ts of the message newswatch posted for ``alert_id`` (from its metadata)."""
    for message in messages:
        meta = message.get("metadata") or {}
        payload = meta.get("event_payload") or {}
        if meta.get("event_type") == METADATA_EVENT_TYPE and payload.get("alert_id") == alert_id:
            return str(message.get("ts"))
    return None


def _classify(exc: SlackApiError, method: str, channel: str | None, *,
              posting: bool) -> DeliveryError:
    response = exc.response
    data = response.data if isinstance(response.data, dict) else {}
    code = str(data.get("error") or "")
    retry_after = retry_after_seconds(response.headers)
    error = classify_api_error(code, response.status_code, channel=channel,
                               retry_after=retry_after, posting=posting)
    if isinstance(error, FatalError):
        return error
    error.args = (f"{method}: {error.args[0]}",)
    return error


def _reason(exc: URLError) -> str:
    reason = exc.reason
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    # Never str(exc) as a whole: urllib may quote the URL into it.
    return type(reason).__name__ if isinstance(reason, BaseException) else str(reason)[:80]

