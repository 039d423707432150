"""``newswatch demo``: the whole pipeline on the bundled sample feeds, then stop."""

from __future__ import annotations

import argparse
import re
import subprocess
import time
from pathlib import Path

from newswatch.kafkaio.clients import KafkaClients
from newswatch.kafkaio.topics import create_topics
from newswatch.localkafka import LocalKafka, _answers, default_home
from newswatch.pipeline import (
    PipelineError,
    newswatch_command,
    records_in,
    stage_env,
    start_stage,
    stop_stage,
    wait_for_group,
)
from newswatch.schemas.settings import load_settings

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    demo = sub.add_parser("demo", help="run producer, worker and notifier on the sample feeds")
    demo.add_argument("--feeds", type=Path, default=SAMPLES / "feeds.yaml")
    demo.add_argument("--rules", type=Path, default=SAMPLES / "rules.yaml")
    demo.add_argument("--keep-running", action="store_true",
                      help="keep polling and notifying until Ctrl-C instead of stopping")
    demo.add_argument("--timeout", type=float, default=120.0,
                      help="seconds to wait for the worker to process the samples")
    demo.set_defaults(handler=_demo)


def _demo(args: argparse.Namespace) -> int:
    settings = load_settings()
    started_broker: LocalKafka | None = None
    if not _answers(settings.kafka_bootstrap):
        port = int(settings.kafka_bootstrap.split(",")[0].rpartition(":")[2])
        started_broker = LocalKafka(port=port)
        print(f"starting a local Kafka broker on 127.0.0.1:{port} ...", flush=True)
        started_broker.up()
    # A fresh topic prefix and group per run, so the demo shows its alerts every time.
    run_id = time.strftime("demo%Y%m%d%H%M%S")
    env = stage_env(topic_prefix=run_id, consumer_group=run_id, rules=str(args.rules),
                    feeds=str(args.feeds), kafka_bootstrap=settings.kafka_bootstrap)
    create_topics(KafkaClients(settings), run_id)
    logs = default_home() / "demo" / run_id
    print(f"run {run_id}: worker log in {logs}/worker.log", flush=True)
    worker = start_stage(["worker"], env, logs / "worker.log")
    try:
        produce = ["produce", "--feeds", str(args.feeds)]
        if not args.keep_running:
            produce.append("--once")
            subprocess.run(newswatch_command(*produce), env=env, check=True)
            wait_for_group(settings.kafka_bootstrap, run_id,
                           [f"{run_id}.articles", f"{run_id}.events"],
                           timeout=args.timeout, alive=worker)
            return _notify_and_check(env, settings.kafka_bootstrap, run_id, logs)
        producer = start_stage(produce, env, logs / "producer.log")
        try:
            return subprocess.run(newswatch_command("notify"), env=env, check=False).returncode
        finally:
            stop_stage(producer)
    finally:
        stop_stage(worker)
        if started_broker is not None and not args.keep_running:
            started_broker.down()


def _notify_and_check(env: dict[str, str], bootstrap: str, run_id: str, logs: Path) -> int:
    """Deliver the alerts; fail, naming the log to read, unless every one of them arrived.

    The sample feeds always raise alerts (the seed article alone raises eight), so none
    at all, or fewer delivered than raised, means the pipeline is broken, not quiet.
    """
    raised = records_in(bootstrap, f"{run_id}.alerts")
    if raised == 0:
        raise PipelineError(f"the worker raised no alerts from the sample feeds; see "
                            f"{logs}/worker.log")
    notify = subprocess.run(newswatch_command("notify", "--until-idle", "3"), env=env,
                            check=False, stdout=subprocess.PIPE, text=True)
    print(notify.stdout, end="", flush=True)
    if notify.returncode != 0:
        return notify.returncode
    # Each alert record is delivered, found already posted, or a duplicate of one that was.
    found = re.search(r"notify: (\d+) delivered, (\d+) found already posted, (\d+) dup",
                      notify.stdout)
    arrived = sum(int(n) for n in found.groups()) if found else 0
    if arrived < raised:
        raise PipelineError(f"only {arrived} of the {raised} alerts raised were delivered")
    return 0
