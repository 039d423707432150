"""Running the stages as processes, for the demo and end-to-end tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

from kafka.errors import KafkaError

from newswatch.kafkaio.clients import KafkaClients
from newswatch.kafkaio.lag import GroupLag
from newswatch.schemas.errors import NewswatchError
from newswatch.schemas.settings import load_settings


class PipelineError(NewswatchError):
    """A stage of the pipeline did not start or did not finish in time."""


def newswatch_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "newswatch", *args]


def start_stage(args: list[str], env: Mapping[str, str], log_path: Path, *,
                keep_stdout: bool = False) -> subprocess.Popen[bytes]:
    """Start ``newswatch <args>`` in the background, its logs going to ``log_path`` (and
    its stdout too, unless ``keep_stdout``: then it is this process's stdout)."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("ab") as log:
        return subprocess.Popen(newswatch_command(*args), env=dict(env),
                                stdout=None if keep_stdout else log,
                                stderr=log, stdin=subprocess.DEVNULL)


def stop_stage(proc: subprocess.Popen[bytes], timeout: float = 20.0) -> int:
    """Ask a stage to stop (SIGTERM), kill it if it will not."""
    return stop_stages([proc], timeout)[0]


def stop_stages(procs: list[subprocess.Popen[bytes]], timeout: float = 20.0) -> list[int]:
    """Ask every stage to stop at once, then wait for all (each is killed if it will not)."""
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + timeout
    for proc in procs:
        try:
            proc.wait(max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return [proc.returncode for proc in procs]


def group_lag(bootstrap: str, group: str, topics: list[str]) -> int | None:
    """Messages in ``topics`` the consumer group has not committed yet (None: no answer)."""
    lag = GroupLag(KafkaClients(load_settings(kafka_bootstrap=bootstrap)), group)
    try:
        return _total_lag(lag, topics)
    finally:
        lag.close()


def _total_lag(lag: GroupLag, topics: list[str]) -> int | None:
    try:
        partitions = lag.partitions(topics)
        if {topic for topic, _ in partitions} != set(topics):
            return None  # a topic the broker does not know (yet, or any more) is not caught up
        return sum(lag.read(partitions).values())
    except KafkaError:
        return None  # e.g. the group coordinator is still being elected


def alerts_raised(bootstrap: str, alerts_topic: str) -> int:
    """How many messages the alerts topic holds."""
    lag = GroupLag(KafkaClients(load_settings(kafka_bootstrap=bootstrap)), "newswatch-count")
    try:
        return lag.messages(lag.partitions([alerts_topic]))
    finally:
        lag.close()


def wait_for_group(bootstrap: str, group: str, topics: list[str], *, timeout: float,
                   alive: subprocess.Popen[bytes] | None = None, every: float = 0.25) -> None:
    """Wait until ``group`` has committed everything in ``topics``."""
    deadline = time.monotonic() + timeout
    lag = GroupLag(KafkaClients(load_settings(kafka_bootstrap=bootstrap)), group)
    try:
        while time.monotonic() < deadline:
            if alive is not None and alive.poll() is not None:
                raise PipelineError(f"the {_stage(alive)} exited with code {alive.returncode}")
            if _total_lag(lag, topics) == 0:
                return
            time.sleep(every)
    finally:
        lag.close()
    raise PipelineError(f"consumer group {group!r} did not catch up within {timeout:.0f}s")


def _stage(proc: subprocess.Popen[bytes]) -> str:
    args = proc.args if isinstance(proc.args, list) else []
    return {"worker": "worker", "notify": "notifier", "produce": "producer"}.get(
        str(args[3]) if len(args) > 3 else "", "stage")


def stage_env(**overrides: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({f"NEWSWATCH_{k.upper()}": v for k, v in overrides.items()})
    return env
