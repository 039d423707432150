"""Slack-made state outside the app: the worker's feed of it, the CLI's listing and rules
export, the labels file from feedback, the summary's counts, and the app's settings."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from kafka import KafkaProducer

from newswatch.kafkaio.clients import KafkaClients
from newswatch.notifiers.slack_app.export import rules_yaml
from newswatch.notifiers.slack_app.labels import export_labels, verdict
from newswatch.notifiers.slack_app.runner import Credentials
from newswatch.notifiers.slack_app.summary import render_summary, summarise
from newswatch.pipeline import newswatch_command, stage_env
from newswatch.schemas.errors import ConfigError
from newswatch.schemas.feedback import Feedback
from newswatch.schemas.rules import RulesFile, load_rules
from newswatch.schemas.settings import load_settings
from newswatch.schemas.subscriptions import ChannelSubscriptions, Mute, SlackSubscription
from newswatch.schemas.yamlfile import parse_yaml_model
from newswatch.streams.subscription_feed import SubscriptionFeed
from tests.notifier_support import make_alert

ROOT = Path(__file__).resolve().parents[1]
RULES = load_rules(ROOT / "samples" / "rules.yaml")
NOW = datetime(2026, 6, 23, 9, 0, tzinfo=UTC)


def _deals(*companies: str, mute_until: datetime | None = None) -> ChannelSubscriptions:
    return ChannelSubscriptions(
        channel="C0DEALS1", channel_name="deals",
        subscriptions=[SlackSubscription(company=c, added_by="U1", added_at=NOW,
                                         events=["layoffs"] if c == "OpenAI" else ["*"])
                       for c in companies],
        mutes=[Mute(company="Meta Platforms", until=mute_until, set_by="U2")]
        if mute_until else [])


def _vote(user: str, label: str | None, *, alert: str = "al1", article: str = "art-1",
          minutes: int = 0, source: str = "button") -> Feedback:
    return Feedback.model_validate({
        "alert_id": alert, "article_id": article, "company": "Meta Platforms",
        "event_type": "layoffs", "watch": "meta", "channel": "C0DEALS1", "user": user,
        "label": label, "source": source, "reaction": "+1" if source == "reaction" else None,
        "at": NOW + timedelta(minutes=minutes)})


# ---- the worker's feed of the topic ------------------------------------------------------
@pytest.mark.kafka
def test_the_worker_feed_applies_changes_and_skips_a_bad_record(
        kafka_bootstrap: str, topic_prefix: str) -> None:
    clients = KafkaClients(load_settings(kafka_bootstrap=kafka_bootstrap))
    topic = f"{topic_prefix}.subscriptions"
    producer = KafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all")
    producer.send(topic, key=b"C0DEALS1", value=_deals("OpenAI").to_json_bytes()).get(10)
    feed = SubscriptionFeed(clients, topic)
    try:
        assert feed.load() == 1
        assert [w.name for w in feed.layer.watches(RULES)][-1] == "slack:#deals:OpenAI"
        producer.send(topic, key=b"C0DEALS1", value=b'{"channel": ').get(10)  # broken
        producer.send(topic, key=b"C0OTHER1", value=_deals().model_copy(
            update={"channel": "C0OTHER1", "channel_name": "other"}).to_json_bytes()).get(10)
        feed.catch_up()
        assert feed.invalid == 1
        assert set(feed.layer.book.channels) == {"C0DEALS1", "C0OTHER1"}
        assert feed.layer.book.channels["C0DEALS1"].subscriptions[0].company == "OpenAI"
        producer.send(topic, key=b"C0DEALS1", value=None).get(10)  # a tombstone
        feed.catch_up()
        assert set(feed.layer.book.channels) == {"C0OTHER1"}
    finally:
        feed.close()
        producer.close()


# ---- rules export ------------------------------------------------------------------------
def test_export_is_a_valid_rules_file_with_the_channels_watches() -> None:
    state = _deals("OpenAI", "Gone Corp", mute_until=NOW + timedelta(hours=2))
    text = rules_yaml(RULES, [state], NOW)
    exported = parse_yaml_model(text, RulesFile, name="export")
    assert [w.name for w in exported.watches][-1] == "slack-deals-openai"
    watch = exported.watches[-1]
    assert (watch.companies, watch.events, [s.channel for s in watch.subscriptions]) == (
        ["OpenAI"], ["layoffs"], ["#deals"])
    assert len(exported.companies) == len(RULES.companies)
    assert "# Left out, company unknown: #deals: Gone Corp" in text
    assert "#   #deals: Meta Platforms until 2026-06-23 11:00 UTC" in text
    only = parse_yaml_model(rules_yaml(RULES, [state], NOW, only_slack=True), RulesFile,
                            name="export")
    assert [c.name for c in only.companies] == ["OpenAI"]
    assert [w.name for w in only.watches] == ["slack-deals-openai"]


def test_export_names_never_clash_with_the_files_watches() -> None:
    rules = RulesFile.model_validate({
        "companies": [{"name": "OpenAI"}],
        "watches": [{"name": "slack-deals-openai", "companies": ["OpenAI"], "events": ["*"],
                     "channels": ["#x"]}]})
    exported = parse_yaml_model(rules_yaml(rules, [_deals("OpenAI")], NOW), RulesFile,
                                name="export")
    assert [w.name for w in exported.watches] == ["slack-deals-openai", "slack-deals-openai-2"]


# ---- labels and summaries ----------------------------------------------------------------
def test_each_user_counts_once_with_their_latest_vote() -> None:
    votes = [_vote("U1", "not_relevant"), _vote("U1", "useful", minutes=5),
             _vote("U2", "useful", source="reaction"), _vote("U3", "wrong_company"),
             _vote("U3", None, minutes=1)]  # U3 took it back
    result = export_labels(votes)
    assert [json.loads(line) for line in result.lines] == [
        {"article_id": "art-1", "company": "Meta Platforms", "event_type": "layoffs",
         "label": "useful"}]
    assert result.votes == 2


def test_split_votes_give_no_label_and_negatives_say_which() -> None:
    assert verdict(["useful", "not_relevant"]) is None
    assert verdict(["useful", "wrong_company", "not_relevant"]) == "wrong_company"
    assert verdict(["not_relevant", "not_relevant", "wrong_company"]) == "not_relevant"
    tied = export_labels([_vote("U1", "useful"), _vote("U2", "not_relevant")])
    assert tied.lines == [] and tied.disputed == 1
    since = export_labels([_vote("U1", "useful")], since=NOW + timedelta(days=1))
    assert since.lines == []


def test_summary_counts_delivered_first_alerts_and_their_verdicts() -> None:
    first, second, undelivered = (make_alert(n, channel="C0DEALS1") for n in (1, 2, 3))
    reply_alert = make_alert(4, channel="C0DEALS1", kind="followup", parent=first)
    votes = [_vote("U1", "useful", alert=first.id), _vote("U2", "useful", alert=first.id),
             _vote("U1", "wrong_company", alert=second.id)]
    summary = summarise("#deals", [first, second, undelivered, reply_alert],
                        {first.id, second.id, reply_alert.id}, votes, NOW - timedelta(days=7),
                        NOW)
    assert summary.total.sent == 2
    assert dict(summary.total.verdicts) == {"useful": 1, "wrong_company": 1}
    reply = render_summary(summary)
    assert reply.response_type == "in_channel"
    assert "Alerts sent: *2* · useful: *1* · not relevant: *0* · wrong company: *1*" \
        in reply.blocks[0]["text"]["text"]
    assert "`meta`: 2 sent, 50% useful of 2 judged" in reply.blocks[1]["text"]["text"]


# ---- settings ----------------------------------------------------------------------------
@pytest.mark.parametrize(("transport", "values", "variable"), [
    ("socket", {"slack_app_token": "xapp-1"}, "NEWSWATCH_SLACK_BOT_TOKEN"),
    ("socket", {"slack_bot_token": "xoxb-1"}, "NEWSWATCH_SLACK_APP_TOKEN"),
    ("http", {"slack_bot_token": "xoxb-1", "slack_app_token": "xapp-1"},
     "NEWSWATCH_SLACK_SIGNING_SECRET"),
])
def test_a_missing_credential_names_its_variable(transport: str, values: dict[str, str],
                                                 variable: str) -> None:
    with pytest.raises(ConfigError, match=variable):
        Credentials.from_settings(load_settings(**values), transport)  # type: ignore[arg-type]


def test_slack_app_settings_are_checked_and_secrets_never_shown(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="NEWSWATCH_SLACK_APP_TOKEN: must be a Slack "
                                          "app-level token"):
        load_settings(slack_app_token="xoxb-not-an-app-token")
    with pytest.raises(ConfigError, match=r"NEWSWATCH_SLACK_ADMINS: 'alice' is not a Slack "):
        load_settings(slack_admins="U0ADMIN, alice")
    with pytest.raises(ConfigError, match="NEWSWATCH_SLACK_APP_LISTEN"):
        load_settings(slack_app_listen="0.0.0.0:99999")
    secret_file = tmp_path / "secret"
    secret_file.write_text("has a space\n")
    settings = load_settings(slack_signing_secret_file=secret_file,
                             slack_app_token="xapp-placeholder-NOTREAL", slack_admins="U0A,S0B")
    with pytest.raises(ConfigError, match="NEWSWATCH_SLACK_SIGNING_SECRET_FILE"):
        settings.signing_secret()
    assert settings.slack_admins == ["U0A", "S0B"]
    assert "NOTREAL" not in repr(settings) and settings.feedback_buttons()
    assert not load_settings().feedback_buttons()
    assert not load_settings(slack_app_token="xapp-1", slack_feedback_buttons=False
                             ).feedback_buttons()


@pytest.mark.kafka
def test_cli_lists_exports_and_writes_labels(kafka_bootstrap: str, topic_prefix: str,
                                             tmp_path: Path) -> None:
    producer = KafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all")
    producer.send(f"{topic_prefix}.subscriptions", key=b"C0DEALS1",
                  value=_deals("OpenAI", mute_until=datetime.now(UTC) + timedelta(hours=1))
                  .to_json_bytes())
    for vote in (_vote("U1", "useful"), _vote("U2", "useful", source="reaction")):
        producer.send(f"{topic_prefix}.feedback", key=vote.key.encode(),
                      value=vote.to_json_bytes())
    producer.flush()
    producer.close()
    env = stage_env(kafka_bootstrap=kafka_bootstrap, topic_prefix=topic_prefix,
                    rules=str(ROOT / "samples" / "rules.yaml"))

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(newswatch_command(*args), env=env, capture_output=True,
                              text=True, timeout=120)

    listed = cli("subscriptions", "list")
    assert listed.returncode == 0, listed.stderr
    assert "#deals (C0DEALS1)" in listed.stdout
    assert "subscribed: OpenAI: layoffs, min confidence 0.50 (by U1" in listed.stdout
    assert "muted: Meta Platforms until" in listed.stdout
    assert json.loads(cli("subscriptions", "list", "--json").stdout)["channel"] == "C0DEALS1"
    out = tmp_path / "rules.yaml"
    assert cli("subscriptions", "export", "-o", str(out)).returncode == 0
    assert load_rules(out).watches[-1].name == "slack-deals-openai"
    labels = cli("labels", "export", "-o", str(tmp_path / "labels.jsonl"))
    assert labels.returncode == 0 and "labels: 1 written from 2 votes" in labels.stderr
    assert json.loads((tmp_path / "labels.jsonl").read_text())["label"] == "useful"
    bad = cli("labels", "export", "-o", str(tmp_path / "missing" / "labels.jsonl"))
    assert bad.returncode == 2 and "missing/labels.jsonl: cannot write" in bad.stderr
    assert "Traceback" not in bad.stderr


@pytest.mark.parametrize("command", [("labels", "export"), ("subscriptions", "export")])
def test_an_output_that_cannot_be_written_is_named_before_the_broker_is_read(
        tmp_path: Path, command: tuple[str, ...]) -> None:
    # nothing listens on the broker's port: the command must stop on the path alone
    env = stage_env(kafka_bootstrap="127.0.0.1:9", topic_prefix="unused",
                    rules=str(ROOT / "samples" / "rules.yaml"))
    missing = tmp_path / "missing" / "out.yaml"
    done = subprocess.run(newswatch_command(*command, "-o", str(missing)), env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"newswatch: error: {missing}: cannot write: No such file or directory"]
