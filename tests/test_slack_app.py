"""The Slack app over Socket Mode, on the real broker and the emulator: commands, rights,
replies, feedback from buttons and reactions, reconnects, and handling each event once."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator

import pytest
from kafka import KafkaProducer
from slack_sdk.web.async_client import AsyncWebClient

from newswatch.notifiers.base import build_notifier
from newswatch.notifiers.config import SlackConfig
from newswatch.notifiers.slack_app.runner import Credentials, build_app
from newswatch.notifiers.slack_app.transport_socket import SocketModeTransport
from newswatch.schemas import Delivery
from tests.notifier_support import make_alert
from tests.slack_app_support import ADMIN, GROUP_ADMIN, AppRig, RunningApp, app_rig
from tests.slack_emulator import Message
from tests.slack_emulator.people import SocketModePerson

pytestmark = pytest.mark.kafka


@pytest.fixture
def rig(kafka_bootstrap: str, topic_prefix: str) -> Iterator[AppRig]:
    yield from app_rig(kafka_bootstrap, topic_prefix)


@pytest.fixture
def alice(rig: AppRig) -> SocketModePerson:
    rig.start()
    return SocketModePerson(rig.emulator, "U0ALICE", "alice")


def _post_alert(rig: AppRig, channel: str = "#deals", n: int = 1, **event: object) -> Message:
    """An alert posted by the real notifier, buttons and all; the message Slack holds."""
    notifier = build_notifier("slack", SlackConfig(
        token=rig.emulator.token, base_url=rig.emulator.base_url, feedback_buttons=True))
    alert = make_alert(n, channel=channel, **event)
    notifier.send(alert, None)
    [message] = [m for m in rig.emulator.posts_in(channel) if m.alert_id == alert.id]
    return message


def test_subscribe_by_slash_command_saves_the_channel_and_says_what_changed(
        rig: AppRig, alice: SocketModePerson) -> None:
    reply = alice.command("subscribe Meta layoffs acquisition --min-confidence 0.7")
    assert reply.ephemeral and reply.via == "ack"
    assert "Subscribed #deals to Meta Platforms: layoffs, acquisition, min confidence 0.70" \
        in reply.text
    assert "Changed by <@U0ALICE>" in reply.text
    deals = rig.emulator.channel_id("#deals")
    state = rig.channel_states()[deals]
    assert state.channel_name == "deals"
    [sub] = state.subscriptions
    assert (sub.company, sub.events, sub.min_confidence, sub.added_by) == (
        "Meta Platforms", ["layoffs", "acquisition"], 0.7, "U0ALICE")
    assert [(c.by, c.action) for c in state.changes] == [("U0ALICE", "subscribe")]
    # The same again changes nothing and says so.
    again = alice.command("subscribe meta layoffs")
    assert "already receives" in again.text and "Nothing was changed" in again.text
    assert rig.subscription_records() == 1


def test_list_shows_the_rules_files_watches_the_channels_own_and_its_mutes(
        rig: AppRig, alice: SocketModePerson) -> None:
    alice.command("subscribe OpenAI", channel="#ai-intel")
    alice.command("mute Meta 2h", channel="#ai-intel")
    listing = alice.command("list", channel="#ai-intel").text
    assert "from watch `meta-ai-moves` in the rules file" in listing
    assert "OpenAI: all event types (min confidence 0.50) · subscribed in Slack by <@U0ALICE>" \
        in listing
    assert "*Muted:*" in listing and "Meta Platforms until" in listing
    empty = alice.command("list", channel="#general").text
    assert "#general receives no alerts yet" in empty


@pytest.mark.parametrize(("text", "expected"), [
    ("subscribe Metta layoffs", "no company called *Metta* in the rules file"),
    ("subscribe Initech", "no company called *Initech*"),
    ("subscibe Meta", "unknown command “subscibe” (did you mean “subscribe”?)"),
    ("subscribe Meta lay-off", "unknown event type"),
    ("mute Meta forever", "say for how long"),
])
def test_mistakes_get_a_reply_and_change_nothing(rig: AppRig, alice: SocketModePerson,
                                                 text: str, expected: str) -> None:
    reply = alice.command(text)
    assert expected in reply.text and "Nothing was changed" in reply.text
    assert reply.ephemeral
    assert rig.subscription_records() == 0


def test_unknown_company_gets_did_you_mean(rig: AppRig, alice: SocketModePerson) -> None:
    assert "Did you mean *Meta Platforms*?" in alice.command("subscribe Metta").text


def test_only_admins_subscribe_to_everything_or_change_other_channels(
        rig: AppRig, alice: SocketModePerson) -> None:
    refused = alice.command("subscribe * legal")
    assert "only newswatch admins may subscribe a channel to every company (*)" in refused.text
    elsewhere = alice.command("subscribe OpenAI --channel #ai-intel")
    assert "only newswatch admins may change the subscriptions of another channel" \
        in elsewhere.text
    assert "admins may see" not in alice.command("list").text
    assert rig.subscription_records() == 0
    # An admin by name, and one by user group membership, may.
    ada = SocketModePerson(rig.emulator, ADMIN, "ada")
    assert "Subscribed #deals to every company (*): legal" in ada.command("subscribe * legal").text
    grace = SocketModePerson(rig.emulator, GROUP_ADMIN, "grace")
    assert "Subscribed #ai-intel to OpenAI" in grace.command(
        "subscribe OpenAI --channel #ai-intel", channel="#general").text
    states = rig.channel_states()
    assert {s.label for s in states.values()} == {"#deals", "#ai-intel"}


def test_a_channel_the_bot_is_not_in_gets_invite_instructions(rig: AppRig,
                                                              alice: SocketModePerson) -> None:
    rig.emulator.add_channel("outside", member=False)
    reply = alice.command("subscribe Meta", channel="#outside")
    assert "newswatch is not in #outside" in reply.text
    assert "`/invite @newswatch`" in reply.text and "Nothing was changed" in reply.text
    assert rig.subscription_records() == 0


def test_unsubscribing_what_the_rules_file_sends_says_where_it_comes_from(
        rig: AppRig, alice: SocketModePerson) -> None:
    reply = alice.command("unsubscribe Meta", channel="#ai-intel")
    assert "has no Slack subscription to Meta Platforms" in reply.text
    assert "`meta-ai-moves` in the rules file" in reply.text
    assert rig.subscription_records() == 0


def test_buttons_and_reactions_become_feedback_each_once(rig: AppRig,
                                                         alice: SocketModePerson) -> None:
    message = _post_alert(rig)
    thanks = alice.click(message, "newswatch_useful")
    assert thanks is not None and "noted as *useful*" in thanks.text and thanks.ephemeral
    bob = SocketModePerson(rig.emulator, "U0BOB", "bob")
    assert bob.react(message, "-1::skin-tone-3", event_id="EvDOWN1") is not None
    # Slack redelivers the event (its ack was late): it is recorded once.
    assert bob.react(message, "-1", event_id="EvDOWN1", retry_attempt=1) is not None
    # Other emoji, and reactions on messages newswatch did not post, are not feedback.
    bob.react(message, "tada", event_id="EvTADA")
    other = _post_alert(rig, n=2)
    bob.react(other, "+1", item_user="U0SOMEONE", event_id="EvOTHER")
    _wait_for(lambda: len(rig.feedback()) >= 2)
    time.sleep(0.5)  # give a duplicate the chance to land
    feedback = rig.feedback()
    assert sorted((f.user, f.label, f.source) for f in feedback) == [
        ("U0ALICE", "useful", "button"), ("U0BOB", "not_relevant", "reaction")]
    [click] = [f for f in feedback if f.source == "button"]
    assert (click.article_id, click.company, click.event_type, click.watch) == (
        "art-1", "Meta Platforms", "launch_delay", "meta")
    assert click.channel == rig.emulator.channel_id("#deals")
    # Taking the reaction back withdraws that vote.
    bob.react(message, "-1", removed=True, event_id="EvUNDO")
    _wait_for(lambda: any(f.label is None for f in rig.feedback()))


def test_the_mute_story_button_mutes_that_story_for_a_day(rig: AppRig,
                                                          alice: SocketModePerson) -> None:
    message = _post_alert(rig, event_type="acquisition", counterparty="Perplexity AI",
                          stage="talks", role="acquirer")
    reply = alice.click(message, "newswatch_mute_story")
    assert reply is not None
    assert "Muted Meta Platforms acquisition with Perplexity AI story in #deals" in reply.text
    [state] = rig.channel_states().values()
    [mute] = state.mutes
    assert (mute.company, mute.event_type, mute.counterparty, mute.set_by) == (
        "Meta Platforms", "acquisition", "Perplexity AI", "U0ALICE")


def test_the_app_reconnects_on_refresh_and_after_a_dropped_socket(
        rig: AppRig, alice: SocketModePerson) -> None:
    socket = rig.emulator.socket_mode
    assert socket is not None
    socket.request_refresh(grace_s=0.5)
    socket.wait_connected(2)
    assert "Subscribed #deals to OpenAI" in alice.command("subscribe OpenAI").text
    socket.drop()
    socket.wait_connected(3)
    assert "Subscribed #deals to Scale AI" in alice.command("subscribe Scale AI").text


def test_a_restarted_app_knows_the_channels_state(rig: AppRig,
                                                  alice: SocketModePerson) -> None:
    alice.command("subscribe OpenAI")
    rig.stop_all()
    rig.start()
    assert "OpenAI: all event types" in alice.command("list").text
    again = alice.command("subscribe OpenAI")
    assert "already receives" in again.text


def test_summary_posts_last_weeks_counts_to_the_channel(rig: AppRig,
                                                        alice: SocketModePerson) -> None:
    first, second = _post_alert(rig, n=1), _post_alert(rig, n=2)
    alerts = [make_alert(n, channel="#deals") for n in (1, 2, 3)]
    producer = KafkaProducer(bootstrap_servers=rig.bootstrap, acks="all")
    for alert in alerts:
        producer.send(f"{rig.prefix}.alerts", key=b"#deals", value=alert.to_json_bytes())
    for alert in alerts[:2]:  # the third was never delivered
        producer.send(f"{rig.prefix}.deliveries", key=alert.id.encode(), value=Delivery(
            alert_id=alert.id, channel=alert.channel, state="delivered").to_json_bytes())
    producer.flush()
    producer.close()
    alice.click(first, "newswatch_useful")
    alice.click(second, "newswatch_not_relevant")
    reply = alice.command("summary")
    assert "Posted the summary of the last 7 days to #deals" in reply.text
    [summary] = [m for m in rig.emulator.posts_in("#deals") if "Alerts sent" in m.text
                 or "alerts sent" in m.text]
    assert "2 alerts sent, 1 useful, 1 not relevant" in summary.text
    blocks = " ".join(b["text"]["text"] for b in summary.blocks or [] if "text" in b)
    assert "`meta`: 2 sent, 50% useful of 2 judged" in blocks


def _wait_for(condition: object, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.1)
    raise AssertionError("condition not met in time")


def test_app_home_shows_the_commands_and_admins_every_channel(rig: AppRig,
                                                               alice: SocketModePerson) -> None:
    alice.command("subscribe OpenAI layoffs")
    alice.open_home()
    _wait_for(lambda: "U0ALICE" in rig.emulator.home_views)
    seen = json.dumps(rig.emulator.home_views["U0ALICE"])
    assert "/newswatch subscribe" in seen and "#deals" not in seen
    SocketModePerson(rig.emulator, ADMIN, "ada").open_home()
    _wait_for(lambda: ADMIN in rig.emulator.home_views)
    assert "#deals: OpenAI (layoffs)" in json.dumps(rig.emulator.home_views[ADMIN])


def test_a_reply_not_ready_within_the_ack_budget_follows_by_response_url(rig: AppRig) -> None:
    settings = rig.settings()
    credentials = Credentials.from_settings(settings, "socket")

    async def serve_without_budget(stop: asyncio.Event) -> None:
        built = build_app(settings, credentials)
        try:
            await built.app.start()
            await SocketModeTransport(
                built.app, str(credentials.app_token),
                AsyncWebClient(base_url=settings.slack_api_url), ping_interval_s=0.3,
                ack_budget_s=0.0).run(stop)
        finally:
            built.close()

    rig.running.append(RunningApp(serve_without_budget))
    assert rig.emulator.socket_mode is not None
    rig.emulator.socket_mode.wait_connected()
    reply = SocketModePerson(rig.emulator).command("subscribe OpenAI")
    assert reply.via == "response_url" and reply.ephemeral
    assert "Subscribed #deals to OpenAI" in reply.text


def test_when_slack_fails_the_reply_says_so_and_nothing_changes(
        rig: AppRig, alice: SocketModePerson) -> None:
    rig.emulator.outage(30, status=503)  # the Web API fails; the socket stays up
    reply = alice.command("subscribe Meta")
    assert "could not answer just now" in reply.text and "Nothing was changed" in reply.text
    rig.emulator.clear_faults()
    assert rig.subscription_records() == 0
    assert "Subscribed #deals to Meta Platforms" in alice.command("subscribe Meta").text


def test_a_reaction_on_a_follow_up_in_the_thread_counts_for_that_alert(
        rig: AppRig, alice: SocketModePerson) -> None:
    notifier = build_notifier("slack", SlackConfig(
        token=rig.emulator.token, base_url=rig.emulator.base_url, feedback_buttons=True))
    first = make_alert(1, channel="#deals")
    posted = notifier.send(first, None)
    follow = make_alert(2, channel="#deals", kind="followup", parent=first)
    notifier.send(follow, Delivery(alert_id=first.id, channel="#deals", state="delivered",
                                   ts=posted.ts))
    [reply] = [m for m in rig.emulator.posts_in("#deals") if m.alert_id == follow.id]
    assert reply.thread_ts == posted.ts
    alice.react(reply, "thumbsup")
    _wait_for(lambda: rig.feedback())
    [vote] = rig.feedback()
    assert (vote.alert_id, vote.article_id, vote.label) == (follow.id, "art-2", "useful")
