"""Running the stages as processes, for the demo and end-to-end tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

from kafka import TopicPartition
from kafka.errors import KafkaError

from newswatch.kafkaio.clients import KafkaClients
from newswatch.schemas.errors import NewswatchError
from newswatch.schemas.settings import load_settings


class PipelineError(NewswatchError):
    """A stage of the pipeline did not start or did not finish in time."""


def newswatch_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "newswatch", *args]


def start_stage(args: list[str], env: Mapping[str, str], log_path: Path) -> subprocess.Popen[bytes]:
    """Start ``newswatch <args>`` in the background, its output going to ``log_path``."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("ab") as log:
        return subprocess.Popen(newswatch_command(*args), env=dict(env), stdout=log,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)


def stop_stage(proc: subprocess.Popen[bytes], timeout: float = 20.0) -> int:
    """Ask a stage to stop (SIGTERM), kill it if it will not."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return proc.returncode


def group_lag(bootstrap: str, group: str, topics: list[str]) -> int | None:
    """Messages in ``topics`` the consumer group has not committed yet (None: not joined)."""
    clients = KafkaClients(load_settings(kafka_bootstrap=bootstrap))
    admin = clients.admin("newswatch-lag")
    consumer = clients.consumer("newswatch-lag")
    try:
        try:
            committed = admin.list_group_offsets({group: None}).get(group, {})
        except KafkaError:
            return None  # e.g. the group coordinator is still being elected
        partitions = [TopicPartition(t, p) for t in topics
                      for p in (consumer.partitions_for_topic(t) or ())]
        ends = consumer.end_offsets(partitions)
        lag = 0
        for tp in partitions:
            meta = committed.get(tp)
            done = meta.offset if meta is not None and meta.offset >= 0 else 0
            lag += max(ends[tp] - done, 0)
        if not committed and sum(ends.values()) > 0:
            return None
        return lag
    finally:
        consumer.close()
        admin.close()


def wait_for_group(bootstrap: str, group: str, topics: list[str], *, timeout: float,
                   alive: subprocess.Popen[bytes] | None = None) -> None:
    """Wait until ``group`` has committed everything in ``topics``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if alive is not None and alive.poll() is not None:
            raise PipelineError(f"the worker exited with code {alive.returncode}")
        if group_lag(bootstrap, group, topics) == 0:
            return
        time.sleep(1.0)
    raise PipelineError(f"consumer group {group!r} did not catch up within {timeout:.0f}s")


def records_in(bootstrap: str, topic: str) -> int:
    """How many records ``topic`` holds (its partitions' end offsets: nothing is deleted
    from a topic this young)."""
    consumer = KafkaClients(load_settings(kafka_bootstrap=bootstrap)).consumer("newswatch-count")
    try:
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        return sum(consumer.end_offsets(partitions).values()) if partitions else 0
    finally:
        consumer.close()


def stage_env(**overrides: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({f"NEWSWATCH_{k.upper()}": v for k, v in overrides.items()})
    return env
