"""The ``pace`` agent and the digest timer: per-channel pacing on the worker.

``route`` sends an alert straight to the alerts topic when nothing can hold its channel
back, and otherwise to the routed topic (key: channel), where this agent keeps each
channel's ``ChannelState`` in a Faust table with a changelog and asks ``ChannelPacer``
what to send. The timer tells the agent the time: one ``DigestTick`` per routed partition,
so whichever worker owns a partition flushes the digests of the channels in it. A test or
a backtest turns the timer off (``NEWSWATCH_DIGEST_TICK_SECONDS=0``) and sends its own
ticks, with the time it wants.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import faust

from ..kafkaio.topics import partition_for_key
from ..schemas.alert import AlertMessage, parse_routed
from ..schemas.base import utcnow
from ..schemas.deadletter import Stage
from ..schemas.digest import DigestTick
from ..schemas.errors import SchemaError
from .failstop import stop_on_failure
from .routing import ChannelState
from .rules_holder import RulesHolder

log = logging.getLogger(__name__)

DeadLetter = Callable[[Stage, str, Any], Awaitable[None]]
# The worker's checked send: a record Kafka refuses stops the worker before any commit.
Send = Callable[[Any, bytes, bytes], Awaitable[None]]


def add_pacing(app: faust.App, *, routed: faust.TopicT, alerts: faust.TopicT,
               table: faust.types.TableT, rules: RulesHolder, dead_letter: DeadLetter,
               send: Send, partitions: int, tick_seconds: float) -> None:
    """Register the ``pace`` agent (and, unless ``tick_seconds`` is 0, its timer) on ``app``."""

    def load(channel: str) -> ChannelState:
        raw = table.get(channel)
        return ChannelState.model_validate_json(raw) if raw else ChannelState()

    def on_tick(tick: DigestTick, partition: int) -> list[AlertMessage]:
        pacer = rules.current.pacer
        channels = [tick.channel] if tick.channel else [
            c for c in list(table.keys()) if partition_for_key(c.encode(), partitions) == partition]
        out: list[AlertMessage] = []
        for channel in channels:
            state = load(channel)
            sent = pacer.tick(tick, channel, state)
            if sent:  # nothing due: nothing changed, nothing to write
                table[channel] = state.model_dump_json()
                out.extend(sent)
        return out

    @app.agent(routed, name="pace")
    async def pace(stream: faust.StreamT[bytes]) -> AsyncIterator[None]:
        async for event in stream.events():
            message = event.message
            where = f"{message.topic}[{message.partition}]@{message.offset}"
            # Bad data is dead-lettered; what cannot be finished (a table or a send Kafka
            # refuses) stops the worker without a commit, as in detect and route.
            with stop_on_failure("pace", where):
                try:
                    routed_message = parse_routed(event.value, source=where)
                except SchemaError as exc:
                    await dead_letter("pace", str(exc), event)
                    continue
                try:
                    if isinstance(routed_message, DigestTick):
                        out = on_tick(routed_message, message.partition)
                    else:
                        state = load(routed_message.channel)
                        out = rules.current.pacer.admit(routed_message, state)
                        table[routed_message.channel] = state.model_dump_json()
                except Exception as exc:  # one bad message must not stop the stream
                    log.exception("pacing failed for %s", where)
                    await dead_letter("pace", f"pacing failed: {type(exc).__name__}: {exc}",
                                      event)
                    continue
                for alert in out:
                    await send(alerts, alert.channel.encode(), alert.to_json_bytes())
            yield None

    if tick_seconds > 0:
        @app.timer(interval=tick_seconds)
        async def tick_digests() -> None:
            # Every worker ticks every partition: a second tick finds nothing due.
            tick = DigestTick.at(utcnow()).to_json_bytes()
            for partition in range(partitions):
                await routed.send(key=b"tick", value=tick, partition=partition)
