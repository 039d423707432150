"""``newswatch demo``: the whole pipeline on the bundled sample feeds, then stop.

Alerts go to stdout; the demo's own progress and the next steps go to stderr; each
stage's log goes to a file in the run's folder. The worker and the notifier start
together (their group joins overlap) while the producer reads the samples, and the demo
stops as soon as both groups have committed everything, so its time is mostly the
Faust worker's start.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newswatch.kafkaio.topics import TopicNames

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

NEXT_STEPS = """\
Next: post these alerts to Slack instead of printing them.
  - Create a Slack app with a bot token (scopes chat:write, channels:read, channels:history,
    groups:read, groups:history), install it, invite the bot to #ai-intel, #ai-startups and
    #big-tech, then:   NEWSWATCH_SLACK_BOT_TOKEN=xoxb-... newswatch demo
  - Or, for one channel and no threads: NEWSWATCH_SLACK_WEBHOOK_URL=https://hooks.slack.com/...
  Then watch your own companies: copy samples/rules.yaml, check it with
  `newswatch rules check FILE`, and run the services (README: "Running it for real")."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    demo = sub.add_parser("demo", help="run producer, worker and notifier on the sample feeds",
                          description="Alerts are printed on stdout (or posted to Slack when "
                          "a token or webhook is set); progress on stderr; stage logs in "
                          ".newswatch/demo/RUN/.")
    demo.add_argument("--feeds", type=Path, default=SAMPLES / "feeds.yaml")
    demo.add_argument("--rules", type=Path, default=SAMPLES / "rules.yaml")
    demo.add_argument("--keep-running", action="store_true",
                      help="keep polling and notifying until Ctrl-C instead of stopping")
    demo.add_argument("--timeout", type=float, default=120.0,
                      help="seconds to wait for the worker to process the samples")
    demo.set_defaults(handler=_demo)


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _demo(args: argparse.Namespace) -> int:
    from newswatch.kafkaio.clients import KafkaClients
    from newswatch.kafkaio.topics import TopicNames, create_topics
    from newswatch.localkafka import LocalKafka, _answers, default_home
    from newswatch.notifiers.config import notifier_config_from_settings
    from newswatch.pipeline import stage_env, start_stage, stop_stages
    from newswatch.schemas.settings import load_settings

    started = time.monotonic()
    settings = load_settings()
    target, _ = notifier_config_from_settings(settings)
    started_broker: LocalKafka | None = None
    if not _answers(settings.kafka_bootstrap):
        port = int(settings.kafka_bootstrap.split(",")[0].rpartition(":")[2])
        started_broker = LocalKafka(port=port)
        say(f"starting a local Kafka broker on 127.0.0.1:{port} ...")
        started_broker.up()
    # A fresh topic prefix and group per run, so the demo shows its alerts every time;
    # metrics on free ports, so a demo never collides with services already running.
    run_id = time.strftime("demo%Y%m%d%H%M%S")
    env = stage_env(topic_prefix=run_id, consumer_group=run_id, rules=str(args.rules),
                    feeds=str(args.feeds), kafka_bootstrap=settings.kafka_bootstrap,
                    metrics_port="0")
    clients = KafkaClients(settings)
    create_topics(clients, run_id)
    logs = default_home() / "demo" / run_id
    say(f"run {run_id}: stage logs in {logs}/")
    worker = start_stage(["worker"], env, logs / "worker.log")
    notifier = start_stage(["notify"], env, logs / "notifier.log", keep_stdout=True)
    stages = [worker, notifier]
    try:
        produce = ["produce", "--feeds", str(args.feeds)]
        if args.keep_running:
            stages.append(start_stage(produce, env, logs / "producer.log"))
            say("polling the sample feeds; alerts appear below as they are raised "
                "(Ctrl-C to stop)")
            return notifier.wait()
        _produce_once(produce, env, logs / "producer.log")
        alerts = _wait_until_delivered(settings.kafka_bootstrap, run_id, TopicNames(run_id),
                                       worker, notifier, args.timeout)
    finally:
        done_at = time.monotonic()
        stop_stages(stages)
        stopping = time.monotonic() - done_at
        if started_broker is not None and not args.keep_running:
            started_broker.down()
    where = "printed above (stdout)" if target == "console" else f"sent with the {target} " \
        "notifier"
    say(f"demo done in {done_at - started:.1f} s (+{stopping:.1f} s to stop the stages): "
        f"{alerts} alert(s) {where}; logs in {logs}/")
    if target == "console":
        say(NEXT_STEPS)
    return 0


def _produce_once(produce: list[str], env: dict[str, str], log: Path) -> None:
    from newswatch.pipeline import PipelineError, newswatch_command

    with log.open("ab") as out:
        done = subprocess.run(newswatch_command(*produce, "--once"), env=env, stdout=out,
                              stderr=out, check=False)
    if done.returncode != 0:
        raise PipelineError(f"the producer could not read the sample feeds (exit "
                            f"{done.returncode}); see {log}")


def _wait_until_delivered(bootstrap: str, run_id: str, topics: TopicNames,
                          worker: subprocess.Popen[bytes], notifier: subprocess.Popen[bytes],
                          timeout: float) -> int:
    """Wait for the worker, then the notifier, to commit everything; return the alerts."""
    from newswatch.pipeline import PipelineError, alerts_raised, wait_for_group

    wait_for_group(bootstrap, run_id, [topics.articles, topics.events], timeout=timeout,
                   alive=worker)
    alerts = alerts_raised(bootstrap, topics.alerts)
    if alerts == 0:
        raise PipelineError("the sample articles raised no alert: the demo is broken; see "
                            "worker.log in the run folder")
    wait_for_group(bootstrap, f"{run_id}-notify", [topics.alerts], timeout=timeout,
                   alive=notifier)
    return alerts
