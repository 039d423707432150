"""``newswatch replay``: re-drive a time range through the real worker and notifier, into a
sandbox channel (or printed with ``--dry-run``), to check formatting and threading.

The replay runs under its own topic prefix and consumer group (``<prefix>-replay-<time>``)
with a rules file rewritten so every watch posts to the sandbox channel: the live topics,
consumer groups and delivery ledger are read (the articles) or not touched at all.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import subprocess
import sys
import time
from pathlib import Path

from kafka.errors import KafkaError

from newswatch.kafkaio.clients import KafkaClients
from newswatch.kafkaio.topics import TopicNames, create_topics
from newswatch.localkafka import default_home
from newswatch.pipeline import newswatch_command, stage_env, start_stage, stop_stage, wait_for_group
from newswatch.schemas.rules import load_rules
from newswatch.schemas.settings import Settings, load_settings
from newswatch.streams.backtest.replay import (
    check_channel,
    copy_span,
    rules_yaml,
    sandbox_rules,
)
from newswatch.streams.backtest.timerange import parse_range
from newswatch.streams.backtest.topic import plan_span

log = logging.getLogger(__name__)
SLACK_SETTINGS = ("NEWSWATCH_SLACK_BOT_TOKEN", "NEWSWATCH_SLACK_BOT_TOKEN_FILE",
                  "NEWSWATCH_SLACK_WEBHOOK_URL")


def run_replay(args: argparse.Namespace) -> int:
    settings = load_settings()
    window = parse_range(args.start, args.end)
    channel = check_channel(args.channel) if args.channel else "#newswatch-replay"
    rules_path = args.rules or settings.rules
    rules = sandbox_rules(load_rules(rules_path), channel)
    clients = KafkaClients(settings)
    span = plan_span(clients, TopicNames.from_settings(settings).articles, window)
    run_id = time.strftime(f"{settings.topic_prefix}-replay-%Y%m%d%H%M%S")
    work = default_home() / "replay" / run_id
    work.mkdir(parents=True, exist_ok=True)
    sandbox = work / "rules.yaml"
    sandbox.write_text(rules_yaml(rules), encoding="utf-8")
    create_topics(clients, run_id)
    replay = TopicNames(run_id)
    try:
        copied = copy_span(clients, span, replay.articles)
        print(f"replay {run_id}: {copied} article(s) from {span.describe()} -> "
              f"{'printed (dry run)' if args.dry_run else channel}", flush=True)
        env = stage_env(topic_prefix=run_id, consumer_group=run_id, rules=str(sandbox))
        if args.dry_run:
            for name in SLACK_SETTINGS:
                env.pop(name, None)  # no token and no webhook: the notifier prints
        code = _drive(settings, run_id, env, work, args.timeout)
        print(f"replay {run_id}: done; worker log in {work / 'worker.log'}", flush=True)
        return code
    finally:
        if not args.keep_topics:
            _clean_up(clients, run_id)


def _drive(settings: Settings, run_id: str, env: dict[str, str], work: Path,
           timeout: float) -> int:
    worker = start_stage(["worker"], env, work / "worker.log")
    try:
        wait_for_group(settings.kafka_bootstrap, run_id,
                       [f"{run_id}.articles", f"{run_id}.events"], timeout=timeout,
                       alive=worker)
        notify = subprocess.run(newswatch_command("notify", "--until-idle", "3"), env=env,
                                check=False, stdout=sys.stdout, stderr=sys.stderr)
        return notify.returncode
    finally:
        stop_stage(worker)


def _clean_up(clients: KafkaClients, run_id: str) -> None:
    """Delete the replay's topics (its own prefix and Faust's changelogs) and groups."""
    admin = clients.admin("newswatch-replay")
    try:
        mine = [t for t in admin.list_topics()
                if t.startswith((f"{run_id}.", f"{run_id}-"))]
        if mine:
            admin.delete_topics(mine)
        with contextlib.suppress(KafkaError):
            admin.delete_groups([run_id, f"{run_id}-notify"])
    except KafkaError as exc:
        log.warning("replay %s: could not delete its topics: %s", run_id, exc)
    finally:
        admin.close()
