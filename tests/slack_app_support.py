"""Shared helpers for the Slack app tests: the app running in-process beside the emulator.

(No tests here.) ``AppRig`` holds a started emulator, a fresh topic prefix on the real
broker and a rules file; ``rig.start()`` runs ``newswatch slack``'s own ``serve`` on an event
loop of its own thread, as the command would, until ``stop()``.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kafka import KafkaConsumer, TopicPartition

from newswatch.notifiers.slack_app.runner import serve
from newswatch.schemas.feedback import Feedback
from newswatch.schemas.settings import Settings, load_settings
from newswatch.schemas.subscriptions import ChannelSubscriptions
from tests.ports import free_ports
from tests.slack_emulator import SlackEmulator

ROOT = Path(__file__).resolve().parents[1]
SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
ADMIN = "U0ADMIN"
ADMIN_GROUP = "S0ADMINS"
GROUP_ADMIN = "U0GROUPADMIN"


def free_port() -> int:
    return free_ports(1)[0]


class RunningApp:
    """An app coroutine on its own loop and thread; ``stop()`` sets its stop event."""

    def __init__(self, run: Callable[[asyncio.Event], Awaitable[None]]) -> None:
        self.loop = asyncio.new_event_loop()
        self.stopped = threading.Event()
        self.error: BaseException | None = None
        self._stop: asyncio.Event | None = None
        ready = threading.Event()

        def main() -> None:
            asyncio.set_event_loop(self.loop)

            async def body() -> None:
                self._stop = asyncio.Event()
                ready.set()
                await run(self._stop)

            try:
                self.loop.run_until_complete(body())
            except BaseException as exc:  # surfaced by stop()
                self.error = exc
            finally:
                ready.set()
                self.stopped.set()

        self.thread = threading.Thread(target=main, name="slack-app", daemon=True)
        self.thread.start()
        ready.wait(10)

    def stop(self) -> None:
        if self._stop is not None and not self.stopped.is_set():
            self.loop.call_soon_threadsafe(self._stop.set)
        self.thread.join(20)
        if self.error is not None:
            raise self.error


@dataclass
class AppRig:
    emulator: SlackEmulator
    bootstrap: str
    prefix: str
    rules: Path = ROOT / "samples" / "rules.yaml"
    running: list[RunningApp] = field(default_factory=list)

    def settings(self, **overrides: Any) -> Settings:
        values: dict[str, Any] = {
            "kafka_bootstrap": self.bootstrap, "topic_prefix": self.prefix,
            "consumer_group": self.prefix, "rules": self.rules,
            "slack_bot_token": self.emulator.token, "slack_api_url": self.emulator.base_url,
            "slack_app_token": self.emulator.app_token, "slack_signing_secret": SIGNING_SECRET,
            "slack_admins": [ADMIN, ADMIN_GROUP],
        }
        values.update(overrides)
        return load_settings(**values)

    def start(self, transport: str = "socket", **overrides: Any) -> RunningApp:
        """Run the app; for Socket Mode, return once it is connected."""
        settings = self.settings(**overrides)
        listen = ("127.0.0.1", free_port()) if transport == "http" else None
        opened = self.emulator.socket_mode.opened if self.emulator.socket_mode else 0
        app = RunningApp(lambda stop: serve(settings, stop, transport=transport,  # type: ignore[arg-type]
                                            listen=listen, ping_interval_s=0.3))
        app.listen = listen  # type: ignore[attr-defined]
        self.running.append(app)
        if transport == "socket":
            assert self.emulator.socket_mode is not None
            self.emulator.socket_mode.wait_connected(opened + 1, timeout=30)
        else:
            _wait_listening(listen, app)  # type: ignore[arg-type]
        return app

    def stop_all(self) -> None:
        while self.running:
            self.running.pop().stop()

    # ---- what the app wrote -----------------------------------------------------------
    def read(self, name: str) -> list[tuple[bytes | None, bytes | None]]:
        consumer = KafkaConsumer(bootstrap_servers=self.bootstrap, group_id=None,
                                 enable_auto_commit=False)
        topic = f"{self.prefix}.{name}"
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic)]
        consumer.assign(partitions)
        consumer.seek_to_beginning(*partitions)
        end = consumer.end_offsets(partitions)
        out: list[tuple[bytes | None, bytes | None]] = []
        deadline = time.monotonic() + 20
        while any(consumer.position(tp) < end[tp] for tp in partitions):
            assert time.monotonic() < deadline, f"could not read {topic}"
            for records in consumer.poll(timeout_ms=200).values():
                out.extend((r.key, r.value) for r in records)
        consumer.close()
        return out

    def channel_states(self) -> dict[str, ChannelSubscriptions]:
        latest: dict[str, ChannelSubscriptions] = {}
        for _key, value in self.read("subscriptions"):
            if value is not None:
                state = ChannelSubscriptions.from_json(value)
                latest[state.channel] = state
        return latest

    def subscription_records(self) -> int:
        return len(self.read("subscriptions"))

    def feedback(self) -> list[Feedback]:
        return [Feedback.from_json(v) for _k, v in self.read("feedback") if v is not None]


def _wait_listening(listen: tuple[str, int], app: RunningApp) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert not app.stopped.is_set(), f"the app stopped: {app.error!r}"
        try:
            socket.create_connection(listen, timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError("the app never listened")


def app_rig(kafka_bootstrap: str, topic_prefix: str) -> Iterator[AppRig]:
    """Body of each Slack app test module's ``rig`` fixture."""
    emulator = SlackEmulator(channels=("general", "deals", "ai-intel")).start()
    emulator.add_user(ADMIN, "ada")
    emulator.add_user(GROUP_ADMIN, "grace")
    emulator.add_usergroup(ADMIN_GROUP, GROUP_ADMIN)
    rig = AppRig(emulator, kafka_bootstrap, topic_prefix)
    try:
        yield rig
    finally:
        rig.stop_all()
        emulator.stop()
