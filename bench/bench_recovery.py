"""How soon queued alerts go out after a Slack outage ends, with and without probing.

    NEWSWATCH_KAFKA_BOOTSTRAP=127.0.0.1:9092 python bench/bench_recovery.py [--outage 20]

A running notifier (the service's default retry policy: 1 s doubling to 30 s) has
delivered one alert per channel; then the emulator answers 503 to everything for
``--outage`` seconds while 3 alerts per channel (10 channels) arrive. Measured: seconds
from the end of the outage to the last alert posted. Yardstick in the same run: the same
notifier with probing switched off (each channel waits out its own backoff, as before).
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_notify import make_alerts, publish
from newswatch.kafkaio.clients import KafkaClients
from newswatch.kafkaio.topics import create_topics
from newswatch.notifiers.config import SlackConfig
from newswatch.notifiers.service import NotifierService
from newswatch.notifiers.slack import SlackNotifier
from newswatch.schemas.settings import load_settings
from tests.slack_emulator import SlackEmulator

BOOTSTRAP = os.environ.get("NEWSWATCH_KAFKA_BOOTSTRAP", "127.0.0.1:9092")
CHANNELS = 10


class UnprobedSlackNotifier(SlackNotifier):
    probeable = False  # as newswatch was before: no probe, only per-channel backoff


def run(outage_s: float, probing: bool) -> float:
    from pydantic import SecretStr

    emulator = SlackEmulator().start()
    prefix = f"bench{uuid.uuid4().hex[:8]}"
    create_topics(KafkaClients(load_settings(kafka_bootstrap=BOOTSTRAP)), prefix)
    settings = load_settings(kafka_bootstrap=BOOTSTRAP, topic_prefix=prefix,
                             consumer_group=prefix, metrics_enabled=False)
    cls = SlackNotifier if probing else UnprobedSlackNotifier
    notifier = cls(SlackConfig(token=SecretStr(emulator.token), base_url=emulator.base_url))
    service = NotifierService(settings, notifier)
    thread = threading.Thread(target=service.run, daemon=True)
    thread.start()
    try:
        publish(prefix, make_alerts(CHANNELS, CHANNELS, f"{prefix}-warm"))
        if not emulator.wait_for_posts(CHANNELS, timeout=60):
            raise SystemExit("bench: the warm-up alerts were not delivered")
        emulator.outage(outage_s)
        ends = time.monotonic() + outage_s
        publish(prefix, make_alerts(3 * CHANNELS, CHANNELS, f"{prefix}-queued"))
        if not emulator.wait_for_posts(4 * CHANNELS, timeout=outage_s + 120):
            raise SystemExit("bench: the queued alerts were not delivered")
        return time.monotonic() - ends
    finally:
        service.stop()
        thread.join(30)
        emulator.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--outage", type=float, default=20.0)
    args = parser.parse_args()
    probed = run(args.outage, probing=True)
    unprobed = run(args.outage, probing=False)
    print(f"{CHANNELS} channels x 3 alerts queued during a {args.outage:.0f} s outage; "
          "seconds from Slack answering again to the last alert posted:")
    print(f"  with probing (auth.test every 0.5-3 s)    {probed:6.1f}")
    print(f"  yardstick: per-channel backoff only        {unprobed:6.1f}")


if __name__ == "__main__":
    main()
