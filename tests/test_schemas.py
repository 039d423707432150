"""Wire models: JSON round trips, UTC times, deterministic ids, clear validation errors."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from newswatch.kafkaio.topics import TopicNames
from newswatch.schemas import Alert, Article, CompanyEvent, DeadLetter, Delivery, SchemaError
from newswatch.schemas.errors import ConfigError
from newswatch.schemas.settings import Settings, load_settings


def _event(**overrides: object) -> CompanyEvent:
    data: dict[str, object] = dict(
        article_id="a1", company="Meta Platforms", event_type="investment", role="investor",
        counterparty="Scale AI", amount="$14.3 billion", confidence=0.9,
        evidence=["The company has invested $14.3 billion into Scale AI."],
        published="2026-06-23T09:30:00+02:00",
    )
    data.update(overrides)
    return CompanyEvent.model_validate(data)


def test_article_round_trip_keeps_every_field_and_normalises_time_to_utc() -> None:
    article = Article(id="x", title="  Meta buys a startup ", summary="s",
                      published=datetime(2026, 6, 23, 9, 30))  # naive: taken as UTC
    again = Article.from_json(article.to_json_bytes())
    assert again == article
    assert again.title == "Meta buys a startup"
    assert again.published == datetime(2026, 6, 23, 9, 30, tzinfo=UTC)
    assert json.loads(article.to_json_bytes())["schema_version"] == 1


def test_article_event_time_falls_back_to_fetch_time() -> None:
    fetched = datetime(2026, 1, 1, tzinfo=UTC)
    article = Article(id="x", title="t", fetched_at=fetched)
    assert article.event_time == fetched


def test_invalid_message_names_source_and_field() -> None:
    with pytest.raises(SchemaError, match=r"newswatch.articles\[0\]@7: invalid Article: title"):
        Article.from_json(b'{"id": "x"}', source="newswatch.articles[0]@7")
    with pytest.raises(SchemaError, match="invalid Article"):
        Article.from_json(b"not json", source="t")


def test_unknown_event_type_is_rejected() -> None:
    with pytest.raises(SchemaError, match="event_type"):
        CompanyEvent.from_obj({"article_id": "a", "company": "c", "event_type": "merger",
                               "confidence": 0.5})


def test_event_and_alert_ids_are_deterministic() -> None:
    first, second = _event(), _event(evidence=["other wording"])
    assert first.id == second.id  # same article, company, type and role
    assert first.id != _event(role="recipient").id
    a1 = Alert(watch="w", channel="#c", event=first)
    a2 = Alert(watch="w", channel="#c", event=second)
    assert a1.id == a2.id
    assert a1.id != Alert(watch="w", channel="#other", event=first).id
    assert a1.story_key == "meta platforms|investment|scale ai"
    assert first.published is not None and first.published.utcoffset().total_seconds() == 0


def test_alert_round_trip_with_nested_event() -> None:
    alert = Alert(watch="w", channel="#c", event=_event(), mentions=["here"])
    assert Alert.from_json(alert.to_json_bytes()) == alert


def test_dead_letter_keeps_undecodable_payload() -> None:
    record = DeadLetter.for_message(stage="detect", reason="bad", payload=b"\xff\xfeoops",
                                    source_topic="t", partition=0, offset=3, key=b"k")
    again = DeadLetter.from_json(record.to_json_bytes())
    assert again.payload.endswith("oops") and again.key == "k" and again.offset == 3


def test_delivery_states() -> None:
    Delivery(alert_id="a", channel="#c", state="delivered", ts="1.2")
    with pytest.raises(SchemaError, match="state"):
        Delivery.from_obj({"alert_id": "a", "channel": "#c", "state": "sent"})


def test_settings_read_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSWATCH_KAFKA_BOOTSTRAP", "10.0.0.5:9094")
    monkeypatch.setenv("NEWSWATCH_SLACK_BOT_TOKEN", "xoxb-fake")
    monkeypatch.setenv("NEWSWATCH_SLACK_API_URL", "http://127.0.0.1:8080/api")
    settings = load_settings()
    assert settings.kafka_bootstrap == "10.0.0.5:9094"
    assert settings.slack_api_url == "http://127.0.0.1:8080/api/"
    assert "xoxb-fake" not in repr(settings)
    assert TopicNames.from_settings(settings).alerts == "newswatch.alerts"


@pytest.mark.parametrize(
    ("env", "value", "match"),
    [
        ("NEWSWATCH_KAFKA_BOOTSTRAP", "hunter2-host",
         "NEWSWATCH_KAFKA_BOOTSTRAP: the value is not host:port"),
        ("NEWSWATCH_SLACK_BOT_TOKEN", "hunter2-secret",
         "NEWSWATCH_SLACK_BOT_TOKEN: must be a Slack bot token"),
        ("NEWSWATCH_SLACK_API_URL", "ftp://x", "NEWSWATCH_SLACK_API_URL: must be an http"),
    ],
)
def test_wrong_setting_fails_naming_it(monkeypatch: pytest.MonkeyPatch, env: str, value: str,
                                       match: str) -> None:
    monkeypatch.setenv(env, value)
    with pytest.raises(ConfigError, match=match) as info:
        load_settings()
    assert "hunter2" not in str(info.value)


def test_empty_token_variable_means_no_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSWATCH_SLACK_BOT_TOKEN", "")
    assert Settings().bot_token() is None


def test_token_from_file(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    token_file = tmp_path / "token"
    token_file.write_text("xoxb-from-file\n")
    monkeypatch.setenv("NEWSWATCH_SLACK_BOT_TOKEN_FILE", str(token_file))
    token = load_settings().bot_token()
    assert token is not None and token.get_secret_value() == "xoxb-from-file"
    token_file.write_text("not a token")
    with pytest.raises(ConfigError, match="NEWSWATCH_SLACK_BOT_TOKEN_FILE: file does not hold"):
        load_settings().bot_token()


@pytest.mark.parametrize(("value", "seconds"), [
    ("120", 120.0), (" 7 ", 7.0), ("1.5", 1.5), ("-3", 0.0), ("soon", None), ("", None),
    (None, None), ("99999999", 7 * 86400.0),
    ("Wed, 21 Oct 2026 07:28:30 GMT", 30.0),  # an HTTP date, 30 s after "now"
    ({"retry-after": ["4"]}, 4.0), ({"Retry-After": "2"}, 2.0), ({"X-Other": "2"}, None),
])
def test_retry_after_is_read_one_way_everywhere(value: object, seconds: float | None) -> None:
    from datetime import UTC, datetime

    from newswatch.schemas.headers import retry_after_seconds

    now = datetime(2026, 10, 21, 7, 28, 0, tzinfo=UTC)
    assert retry_after_seconds(value, now=now) == seconds  # type: ignore[arg-type]


def test_token_and_url_checks_are_shared_and_never_echo_the_value() -> None:
    from newswatch.schemas.validators import http_url, is_http_url, slack_bot_token

    assert is_http_url("HTTPS://hooks.example/x") and not is_http_url("ftp://x")
    with pytest.raises(ValueError, match=r"^must be an http\(s\) URL$"):
        http_url("ftp://secret-path")
    with pytest.raises(ValueError, match=r"^must be a Slack bot token \(xoxb-\.\.\.\)$"):
        slack_bot_token("not-a-token-secret")
