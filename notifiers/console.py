"""Print alerts to stdout: the notifier used when neither a token nor a webhook is set."""

from __future__ import annotations

import sys
import threading
from typing import TextIO

from ..schemas.alert import AlertMessage, FeedHealthAlert
from ..schemas.delivery import Delivery
from ..schemas.digest import DigestAlert
from .base import Notifier, Posted
from .config import ConsoleConfig
from .digest_render import render_digest_console
from .health_render import render_health_console
from .render import render_console


class ConsoleNotifier(Notifier):
    name = "console"
    config_model = ConsoleConfig

    def __init__(self, config: ConsoleConfig, stream: TextIO | None = None) -> None:
        self.config = config
        self._stream = stream
        self._lock = threading.Lock()  # one alert's lines stay together

    def send(self, alert: AlertMessage, parent: Delivery | None) -> Posted:
        stream = self._stream or sys.stdout
        with self._lock:
            if isinstance(alert, FeedHealthAlert):
                text = render_health_console(alert)
            elif isinstance(alert, DigestAlert):
                text = render_digest_console(alert)
            else:
                text = render_console(alert)
            stream.write(text + "\n\n")
            stream.flush()
        return Posted()
