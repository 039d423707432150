"""``newswatch notify``: deliver alerts from Kafka to Slack (or the console)."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from types import FrameType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .deliver import StepHook

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``notify`` to the ``newswatch`` command."""
    parser = subparsers.add_parser(
        "notify",
        help="deliver alerts to Slack",
        description="Consume the alerts topic and deliver each alert to its Slack channel "
        "(bot token: NEWSWATCH_SLACK_BOT_TOKEN[_FILE]; or NEWSWATCH_SLACK_WEBHOOK_URL; "
        "with neither, alerts are printed). Offsets are committed only after delivery.",
    )
    stop = parser.add_mutually_exclusive_group()
    stop.add_argument("--once", action="store_true",
                      help="deliver what is waiting now, then exit")
    stop.add_argument("--until-idle", type=float, metavar="SECONDS",
                      help="exit after SECONDS with no new alert")
    parser.add_argument("--max-alerts", type=int, metavar="N",
                        help="exit after N alerts are done")
    parser.add_argument("--workers", type=int, default=None,
                        help="channels delivered in parallel (default 8)")
    parser.set_defaults(handler=run_notify)


def run_notify(args: argparse.Namespace, on_step: StepHook | None = None) -> int:
    from ..schemas.settings import load_settings
    from ..telemetry.service import ServiceTelemetry
    from .base import build_notifier
    from .config import ServiceConfig, notifier_config_from_settings
    from .deliver import no_step
    from .service import NotifierService

    if not getattr(args, "verbose", False):
        # kafka-python narrates every connection and rebalance at INFO.
        logging.getLogger("kafka").setLevel(logging.WARNING)
    settings = load_settings()
    name, config = notifier_config_from_settings(settings)
    notifier = build_notifier(name, config)
    if name == "console":
        log.info("no Slack token or webhook configured: printing alerts to stdout")
    service_config = ServiceConfig(workers=args.workers) if args.workers else ServiceConfig()
    one_shot = bool(args.once or args.until_idle is not None or args.max_alerts is not None)
    telemetry = ServiceTelemetry("notifier", settings, long_running=not one_shot)
    service = NotifierService(settings, notifier, config=service_config,
                              on_step=on_step or no_step,
                              telemetry=telemetry)
    log.info("notify: delivering %s.alerts (group %s, broker %s) with the %s notifier, "
             "%d channels at once", settings.topic_prefix, service.group,
             settings.kafka_bootstrap, name, service_config.workers)

    def on_signal(signum: int, frame: FrameType | None) -> None:
        log.info("signal %d: finishing the alerts in hand, then stopping", signum)
        service.stop()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    telemetry.start()
    try:
        report = service.run(until_idle=args.until_idle, once=args.once,
                             max_alerts=args.max_alerts)
    finally:
        telemetry.stop()
    # The console notifier prints alerts on stdout: the run's summary goes with the logs.
    print(f"notify: {report.summary()}", file=sys.stderr if name == "console" else sys.stdout)
    return 0
