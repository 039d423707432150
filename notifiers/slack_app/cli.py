"""Commands of the Slack app: ``newswatch slack``, ``subscriptions``, ``labels``, ``summary``."""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...schemas.errors import ConfigError

# Settings and models are imported when a command runs: `newswatch --help` stays light.
if TYPE_CHECKING:
    from ...schemas.settings import Settings


def load_settings() -> Settings:
    from ...schemas.settings import load_settings as load

    return load()


def utcnow() -> datetime:
    return datetime.now(UTC)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    slack = sub.add_parser(
        "slack", help="run the Slack app: /newswatch commands, alert buttons, reactions",
        description="Answer /newswatch subscribe|unsubscribe|list|mute|unmute|summary|help, "
        "the buttons under alerts and 👍/👎 reactions. Socket Mode by default "
        "(NEWSWATCH_SLACK_APP_TOKEN, no public URL); --transport http serves a signed "
        "endpoint at /slack/events (NEWSWATCH_SLACK_SIGNING_SECRET).")
    slack.add_argument("--transport", choices=("socket", "http"),
                       help="default: NEWSWATCH_SLACK_APP_TRANSPORT (socket)")
    slack.add_argument("--listen", metavar="HOST:PORT",
                       help="for --transport http (default: NEWSWATCH_SLACK_APP_LISTEN)")
    slack.set_defaults(handler=_run_slack)

    subscriptions = sub.add_parser("subscriptions",
                                   help="show or export the subscriptions made in Slack")
    actions = subscriptions.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = actions.add_parser("list", help="every channel's subscriptions and mutes")
    show.add_argument("--json", action="store_true", help="the records, as JSON lines")
    show.set_defaults(handler=_list_subscriptions)
    export = actions.add_parser("export", help="write them as a rules file, for review")
    export.add_argument("--output", "-o", type=Path, help="file to write (default: stdout)")
    export.add_argument("--only-slack", action="store_true",
                        help="only the Slack subscriptions (and the companies they name)")
    export.set_defaults(handler=_export_subscriptions)

    labels = sub.add_parser("labels", help="labels from the feedback given in Slack")
    label_actions = labels.add_subparsers(dest="action", metavar="ACTION", required=True)
    label_export = label_actions.add_parser(
        "export", help="write the labels file backtest --labels reads (JSON lines)")
    label_export.add_argument("--output", "-o", type=Path, help="default: stdout")
    label_export.add_argument("--since", type=_date, help="only votes since YYYY-MM-DD")
    label_export.set_defaults(handler=_export_labels)

    summary = sub.add_parser("summary", help="a channel's alerts and feedback of last week")
    summary.add_argument("--channel", required=True, help="#name or channel id")
    summary.add_argument("--days", type=int, default=7)
    summary.add_argument("--post", action="store_true",
                         help="post it to the channel (needs the bot token)")
    summary.set_defaults(handler=_summary)


def _run_slack(args: argparse.Namespace) -> int:
    from ...kafkaio.clients import KafkaClients
    from ...kafkaio.topics import create_topics
    from .runner import Credentials, serve

    settings = load_settings()
    transport = args.transport or settings.slack_app_transport
    Credentials.from_settings(settings, transport)  # a missing credential: fail before Kafka
    listen = _listen(args.listen) if args.listen else None
    clients = KafkaClients(settings)
    clients.check_reachable()
    create_topics(clients)

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        await serve(settings, stop, transport=transport, listen=listen)

    asyncio.run(main())
    return 0


def _list_subscriptions(args: argparse.Namespace) -> int:
    from .export import listing

    channels = _channels(load_settings())
    if args.json:
        for state in channels:
            print(state.model_dump_json())
    else:
        print(listing(channels, utcnow()))
    return 0


def _export_subscriptions(args: argparse.Namespace) -> int:
    from ...schemas.rules import load_rules
    from .export import rules_yaml

    _check_writable(args.output)
    settings = load_settings()
    rules = load_rules(settings.rules)
    text = rules_yaml(rules, _channels(settings), utcnow(), only_slack=args.only_slack,
                      source=str(settings.rules))
    _write(text, args.output)
    return 0


def _export_labels(args: argparse.Namespace) -> int:
    from ...kafkaio.clients import KafkaClients
    from ...kafkaio.topics import TopicNames
    from .labels import export_labels
    from .store import read_feedback

    _check_writable(args.output)
    settings = load_settings()
    clients = KafkaClients(settings)
    clients.check_reachable()
    result = export_labels(read_feedback(clients, TopicNames.from_settings(settings).feedback),
                           since=args.since)
    _write("".join(f"{line}\n" for line in result.lines), args.output)
    print(f"labels: {len(result.lines)} written from {result.votes} votes"
          + (f"; {result.disputed} left out, their votes were split evenly"
             if result.disputed else ""), file=sys.stderr)
    return 0


def _summary(args: argparse.Namespace) -> int:
    from ...kafkaio.clients import KafkaClients
    from ...kafkaio.topics import TopicNames
    from .summary import SummarySource

    settings = load_settings()
    if not 1 <= args.days <= 90:
        raise ConfigError("--days takes 1 to 90", location="summary")
    clients = KafkaClients(settings)
    clients.check_reachable()
    channel = args.channel.strip()
    names = {channel, channel.lstrip("#"), "#" + channel.lstrip("#")}
    now = utcnow()
    reply = SummarySource(clients, TopicNames.from_settings(settings)).collect(
        names, channel if channel.startswith(("#", "C", "G")) else f"#{channel}",
        now - timedelta(days=args.days), now)
    if not args.post:
        print(reply.text)
        for block in reply.blocks[1:-1]:
            print(block["text"]["text"])
        return 0
    _post(settings, channel, reply.text, reply.blocks)
    print(f"summary posted to {channel}")
    return 0


def _post(settings: Settings, channel: str, text: str, blocks: list[dict[str, Any]]) -> None:
    from slack_sdk import WebClient
    from slack_sdk.errors import SlackApiError

    from ..sdklog import quiet_sdk_logger

    token = settings.bot_token()
    if token is None:
        raise ConfigError("posting needs the bot token", location="NEWSWATCH_SLACK_BOT_TOKEN")
    secret = token.get_secret_value()
    client = WebClient(token=secret, base_url=settings.slack_api_url, timeout=10,
                       logger=quiet_sdk_logger("newswatch.slack_sdk.summary", secrets=[secret]))
    try:
        client.chat_postMessage(channel=channel, text=text, blocks=blocks, unfurl_links=False)
    except SlackApiError as exc:
        raise ConfigError(f"Slack refused the post: {exc.response.get('error')}",
                          location=f"summary to {channel}") from None


def _channels(settings: Settings) -> list[Any]:
    from ...kafkaio.clients import KafkaClients
    from ...kafkaio.topics import TopicNames
    from .store import read_subscriptions

    clients = KafkaClients(settings)
    clients.check_reachable()
    return read_subscriptions(clients, TopicNames.from_settings(settings).subscriptions)


def _check_writable(output: Path | None) -> None:
    """A file that cannot be written is the user's to fix: said before the broker is read."""
    if output is None:
        return
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise ConfigError("cannot write: No such file or directory", location=str(output))
    if not os.access(folder, os.W_OK) or (output.exists() and not os.access(output, os.W_OK)):
        raise ConfigError("cannot write: Permission denied", location=str(output))


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot write: {exc.strerror}", location=str(output)) from None


def _listen(value: str) -> tuple[str, int]:
    host, sep, port = value.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ConfigError(f"{value!r} is not host:port", location="--listen")
    return host.strip("[]"), int(port)


def _date(value: str) -> datetime:
    try:
        return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2026-11-01") from None

