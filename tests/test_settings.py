"""Settings from the environment: wrong values stop start-up naming the variable, never
echoing the value; unknown NEWSWATCH_* names are warned about with a suggestion."""

from __future__ import annotations

import logging

import pytest

from newswatch.cli import main
from newswatch.schemas import ConfigError
from newswatch.schemas.settings import load_settings, unknown_variables

SECRET = "s3cr3t"


@pytest.mark.parametrize(
    ("env", "value", "match"),
    [
        ("NEWSWATCH_SLACK_WEBHOOK_URL", f"ftp://hooks.example/{SECRET}",
         r"^NEWSWATCH_SLACK_WEBHOOK_URL: must be an https:// URL$"),
        ("NEWSWATCH_SLACK_WEBHOOK_URL", f"https://hooks.slack.com/services/T/B/{SECRET} x",
         r"^NEWSWATCH_SLACK_WEBHOOK_URL: holds a space or line break: copy the URL alone$"),
        ("NEWSWATCH_SLACK_WEBHOOK_URL", f"https://hooks.slack.com/services/T/B/{SECRET}\n",
         r"^NEWSWATCH_SLACK_WEBHOOK_URL: holds a space or line break"),
        ("NEWSWATCH_SLACK_WEBHOOK_URL", f"http://hooks.slack.com/services/T/B/{SECRET}",
         r"^NEWSWATCH_SLACK_WEBHOOK_URL: uses plain http to another machine, which would "
         r"send the webhook's secret path unencrypted: use https://$"),
        ("NEWSWATCH_SLACK_BOT_TOKEN", f"xoxp-1-{SECRET}",
         r"^NEWSWATCH_SLACK_BOT_TOKEN: is a user token \(xoxp-\.\.\.\): alerts would be "
         r"posted as that person; use the app's bot token \(xoxb-\.\.\.\)$"),
        ("NEWSWATCH_SLACK_BOT_TOKEN", f"xoxb-1-{SECRET}\nxoxb-2",
         r"^NEWSWATCH_SLACK_BOT_TOKEN: holds a space or line break: copy the bot token"),
        ("NEWSWATCH_SLACK_BOT_TOKEN", f"xoxb-1-{SECRET}\u00e9",
         r"^NEWSWATCH_SLACK_BOT_TOKEN: holds characters a Slack token never has"),
        ("NEWSWATCH_SLACK_API_URL", f"http://slack.example.com/{SECRET}/",
         r"^NEWSWATCH_SLACK_API_URL: uses plain http to another machine, which would send "
         r"the bot token unencrypted: use https://$"),
        ("NEWSWATCH_KAFKA_BOOTSTRAP", f"{SECRET}",
         r"^NEWSWATCH_KAFKA_BOOTSTRAP: the value is not host:port \(expected "
         r"host:port\[,host:port\]\)$"),
        ("NEWSWATCH_KAFKA_BOOTSTRAP", f"broker1:9092,{SECRET}:99999",
         r"^NEWSWATCH_KAFKA_BOOTSTRAP: entry 2 of 2: port is outside 1-65535$"),
        ("NEWSWATCH_KAFKA_BOOTSTRAP", f"{SECRET}:90x",
         r"^NEWSWATCH_KAFKA_BOOTSTRAP: the value: port is not a number$"),
        ("NEWSWATCH_KAFKA_BOOTSTRAP", f"{SECRET}:0",
         r"^NEWSWATCH_KAFKA_BOOTSTRAP: the value: port is outside 1-65535$"),
        ("NEWSWATCH_TOPIC_PARTITIONS", "articles=12,evnets=12",
         r"^NEWSWATCH_TOPIC_PARTITIONS: unknown topic 'evnets' \(did you mean 'events'\?\)"),
        ("NEWSWATCH_KAFKA_SSL_CAFILE", f"/nonexistent/{SECRET}.pem",
         r"^NEWSWATCH_KAFKA_SSL_CAFILE: no such file: give the PEM file of the CA that "
         r"signed the brokers' certificates$"),
        ("NEWSWATCH_TOPIC_PARTITIONS", "articles=none",
         r"^NEWSWATCH_TOPIC_PARTITIONS: 'articles' needs a partition count"),
    ],
)
def test_wrong_value_names_the_variable_and_never_echoes_it(
        monkeypatch: pytest.MonkeyPatch, env: str, value: str, match: str) -> None:
    monkeypatch.setenv(env, value)
    with pytest.raises(ConfigError, match=match) as info:
        load_settings()
    assert SECRET not in str(info.value)


def test_wrong_setting_through_the_cli_is_one_line_without_the_value(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("NEWSWATCH_SLACK_WEBHOOK_URL", f"ftp://hooks.example/{SECRET}")
    assert main(["notify", "--once"]) == 2
    err = capsys.readouterr().err
    assert err == "newswatch: error: NEWSWATCH_SLACK_WEBHOOK_URL: must be an https:// URL\n"


def test_every_wrong_variable_is_reported_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSWATCH_KAFKA_BOOTSTRAP", "nohost")
    monkeypatch.setenv("NEWSWATCH_SLACK_API_URL", "ftp://x")
    with pytest.raises(ConfigError) as info:
        load_settings()
    lines = str(info.value).splitlines()
    assert [line.split(":")[0] for line in lines] == ["NEWSWATCH_KAFKA_BOOTSTRAP",
                                                      "NEWSWATCH_SLACK_API_URL"]


@pytest.mark.parametrize("url", ["HTTPS://hooks.slack.com/services/T/B/x",
                                 "http://127.0.0.1:8080/services/T/B/x",
                                 "http://localhost/services/T/B/x",
                                 "http://[::1]:8080/services/T/B/x"])
def test_https_in_any_case_and_plain_http_to_this_machine_are_accepted(url: str) -> None:
    settings = load_settings(slack_webhook_url=url, slack_api_url=url.rsplit("/", 3)[0])
    assert settings.slack_webhook_url is not None
    stored = settings.slack_webhook_url.get_secret_value()
    assert stored.startswith(("https://", "http://")) and stored.endswith("/services/T/B/x")
    assert settings.slack_api_url.startswith(("https://", "http://"))


def test_bootstrap_list_is_tidied() -> None:
    assert load_settings(kafka_bootstrap=" a:9092 , b:9093").kafka_bootstrap == "a:9092,b:9093"


def test_token_file_with_a_user_token_is_refused(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    token_file = tmp_path / "token"
    token_file.write_text(f"xoxp-{SECRET}\n")
    monkeypatch.setenv("NEWSWATCH_SLACK_BOT_TOKEN_FILE", str(token_file))
    with pytest.raises(ConfigError, match=r"^NEWSWATCH_SLACK_BOT_TOKEN_FILE: is a user "
                       r"token \(xoxp-") as info:
        load_settings().bot_token()
    assert SECRET not in str(info.value)


def test_unknown_variable_is_warned_with_did_you_mean(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.delenv("NEWSWATCH_KAFKA_BOOTSTRAP", raising=False)
    monkeypatch.setenv("NEWSWATCH_KAFKA_BOOTSTRAPP", "10.0.0.1:9092")
    monkeypatch.setenv("NEWSWATCH_ZZZ_UNRELATED", "1")
    monkeypatch.setenv("NEWSWATCH_HOME", "/tmp/nw")  # read outside Settings: known
    caplog.set_level(logging.WARNING)
    settings = load_settings()
    assert settings.kafka_bootstrap == "127.0.0.1:9092"  # the typo changed nothing...
    assert ("NEWSWATCH_KAFKA_BOOTSTRAPP is not a newswatch setting and is ignored "
            "(did you mean NEWSWATCH_KAFKA_BOOTSTRAP?)") in caplog.text  # ...but is reported
    assert "NEWSWATCH_ZZZ_UNRELATED is not a newswatch setting and is ignored\n" in (
        caplog.text + "\n")
    assert "NEWSWATCH_HOME" not in caplog.text
    assert unknown_variables({"NEWSWATCH_SLACK_BOT_TOKN": "x", "OTHER": "y"}) == {
        "NEWSWATCH_SLACK_BOT_TOKN": "NEWSWATCH_SLACK_BOT_TOKEN"}


def test_partitions_and_insync_replicas_settings() -> None:
    settings = load_settings(topic_partitions="articles=12, events=24",
                             replication_factor=3)
    assert settings.topic_partitions == {"articles": 12, "events": 24}
    assert settings.insync_replicas() == 2
    assert load_settings().insync_replicas() == 1
    with pytest.raises(ConfigError, match=r"^NEWSWATCH_MIN_INSYNC_REPLICAS: must not exceed "
                       r"NEWSWATCH_REPLICATION_FACTOR"):
        load_settings(min_insync_replicas=3, replication_factor=2)


@pytest.mark.parametrize(("env", "value", "message"), [
    ("NEWSWATCH_SLACK_BOT_TOKEN", f"xoxb-1-{SECRET}\nxoxb-2-{SECRET}",
     "NEWSWATCH_SLACK_BOT_TOKEN: holds a space or line break: copy the bot token (xoxb-...) "
     "alone"),
    ("NEWSWATCH_SLACK_WEBHOOK_URL", f"https://hooks.slack.com/services/T/B/{SECRET} ",
     "NEWSWATCH_SLACK_WEBHOOK_URL: holds a space or line break: copy the URL alone"),
    ("NEWSWATCH_KAFKA_BOOTSTRAP", f"{SECRET} host:9092",
     "NEWSWATCH_KAFKA_BOOTSTRAP: the value is not host:port (expected host:port[,host:port])"),
])
def test_secrets_never_reach_the_terminal(monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str], env: str,
                                          value: str, message: str) -> None:
    monkeypatch.setenv(env, value)
    assert main(["notify", "--once"]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"newswatch: error: {message}\n"
    assert SECRET not in captured.out + captured.err


def test_kafka_port_option_is_range_checked(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["kafka", "status", "--port", "99999"])
    assert info.value.code == 2
    assert "argument --port: port is outside 1-65535" in capsys.readouterr().err
