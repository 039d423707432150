"""Delivery errors, classified by what the service must do about them.

- ``TransientError``: try the same alert again later (429, 5xx, timeouts, outages).
- ``PermanentError``: this alert can never be delivered as is; dead-letter it, go on.
- ``FatalError``: nothing can be delivered (bad token); stop without committing.

Messages name the Slack error code and the channel, never a token or webhook URL:
slack_sdk's own exceptions embed the request URL, so they are never passed through.
"""

from __future__ import annotations

from ..schemas.errors import NewswatchError

# Slack Web API error codes, by what they mean for newswatch.
FATAL_API_ERRORS = frozenset(
    {
        "not_authed",
        "invalid_auth",
        "token_revoked",
        "token_expired",
        "account_inactive",
        "no_permission",
        "org_login_required",
        "ekm_access_denied",
        "team_access_not_granted",
        "missing_scope",
        "not_allowed_token_type",
    }
)
PERMANENT_API_ERRORS = frozenset(
    {
        "channel_not_found",
        "not_in_channel",
        "is_archived",
        "msg_too_long",
        "no_text",
        "invalid_blocks",
        "invalid_blocks_format",
        "invalid_metadata_format",
        "invalid_metadata_schema",
        "metadata_too_large",
        "too_many_attachments",
        "restricted_action",
        "restricted_action_read_only_channel",
        "restricted_action_thread_only_channel",
        "restricted_action_non_threadable_channel",
        "cannot_reply_to_message",
        "duplicate_channel_not_found",
    }
)
# Answers that mean Slack itself is in trouble: the request may or may not have landed.
TRANSIENT_API_ERRORS = frozenset(
    {"ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"}
)

# Incoming-webhook answers (plain text bodies).
FATAL_WEBHOOK_ERRORS = frozenset(
    {"invalid_token", "no_service", "no_service_id", "no_team", "team_disabled"}
)

FATAL_HINTS = {
    "invalid_auth": "the bot token is not valid",
    "not_authed": "no bot token was sent",
    "token_revoked": "the bot token was revoked",
    "token_expired": "the bot token expired",
    "account_inactive": "the bot's account or workspace is inactive",
    "missing_scope": "the bot token lacks a scope newswatch needs "
    "(chat:write, channels:read, channels:history, groups:read, groups:history)",
    "invalid_token": "the webhook was revoked",
    "no_service": "the webhook was removed or disabled",
}


class DeliveryError(NewswatchError):
    """Root of delivery failures; ``code`` is Slack's error code or a short cause."""

    def __init__(self, message: str, *, code: str, channel: str | None = None) -> None:
        self.code = code
        self.channel = channel
        where = f" (channel {channel})" if channel else ""
        super().__init__(f"{message}{where}")


class TransientError(DeliveryError):
    """Try again later. ``uncertain``: the message may have been posted anyway."""

    def __init__(
        self,
        message: str,
        *,
        code: str,
        channel: str | None = None,
        retry_after: float | None = None,
        uncertain: bool = False,
    ) -> None:
        self.retry_after = retry_after
        self.uncertain = uncertain
        super().__init__(message, code=code, channel=channel)


class PermanentError(DeliveryError):
    """This alert cannot be delivered; it goes to the dead-letter topic with the reason."""


class FatalError(DeliveryError):
    """No alert can be delivered until a person fixes the configuration."""

    @classmethod
    def for_code(cls, code: str, *, channel: str | None = None) -> FatalError:
        hint = FATAL_HINTS.get(code, "Slack refused the credentials")
        return cls(
            f"Slack answered {code}: {hint}; stopping with nothing committed, so no alert is lost",
            code=code,
            channel=channel,
        )


def classify_api_error(
    code: str, status: int, *, channel: str | None, retry_after: float | None, posting: bool
) -> DeliveryError:
    """Map a Slack Web API failure (HTTP status and ``error`` code) to its class."""
    if status == 429 or code == "ratelimited":
        return TransientError(
            f"Slack rate-limited the request (retry after {retry_after or '?'} s)",
            code="ratelimited",
            channel=channel,
            retry_after=retry_after,
        )
    if status >= 500 or code in TRANSIENT_API_ERRORS:
        # 503 is Slack refusing work; other server errors may follow a completed post.
        return TransientError(
            f"Slack answered HTTP {status} ({code or 'no error code'})",
            code=code or f"http_{status}",
            channel=channel,
            uncertain=posting and status != 503,
        )
    if code in FATAL_API_ERRORS:
        return FatalError.for_code(code, channel=channel)
    if code in PERMANENT_API_ERRORS:
        return PermanentError(f"Slack rejected the message: {code}", code=code, channel=channel)
    # An error newswatch does not know: dead-letter this alert rather than block the rest.
    return PermanentError(
        f"Slack rejected the message: {code or f'HTTP {status}'}",
        code=code or f"http_{status}",
        channel=channel,
    )
