"""A running ``newswatch produce`` serves metrics and health: polls by outcome (304s
included), failures and parse errors by kind, articles published."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.feed_server import FeedServer
from tests.feed_server import feed_server as _feed_server_fixture
from tests.ports import free_ports
from tests.test_producer_http import rss

pytestmark = pytest.mark.kafka
feed_server = _feed_server_fixture
ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    return free_ports(1)[0]


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def value(text: str, series: str) -> float:
    for line in text.splitlines():
        if line.startswith(series + " "):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_running_producer_counts_polls_304s_failures_and_articles(
        feed_server: FeedServer, kafka_bootstrap: str, topic_prefix: str,
        tmp_path: Path) -> None:
    feed_server.write("wire.xml", rss(*[(f"tag:w,2026:{i}", f"Story {i}") for i in range(4)]))
    feed_server.write("page.html", "<html><body>Not a feed at all</body></html>")
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(
        "defaults:\n  interval: 1s\n  timeout: 5s\nfeeds:\n"
        f"  - {{name: wire, url: '{feed_server.url('wire.xml')}'}}\n"
        f"  - {{name: page, url: '{feed_server.url('page.html')}'}}\n"
        f"  - {{name: gone, url: '{feed_server.url('status/404/x.xml')}'}}\n")
    port = free_port()
    env = {**os.environ, "NEWSWATCH_KAFKA_BOOTSTRAP": kafka_bootstrap,
           "NEWSWATCH_TOPIC_PREFIX": topic_prefix, "NEWSWATCH_FEEDS": str(feeds),
           "NEWSWATCH_METRICS_PORT": str(port), "NEWSWATCH_HOME": str(tmp_path)}
    proc = subprocess.Popen([sys.executable, "-m", "newswatch", "produce"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        text = ""
        while time.monotonic() < deadline:
            try:
                text = get(url + "/metrics")[1]
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
                continue
            if value(text, 'newswatch_feed_polls_total{status="not_modified"}') >= 1 and \
                    value(text, 'newswatch_feed_failures_total{kind="http"}') >= 1:
                break
            time.sleep(0.3)
        ready = get(url + "/readyz")
        alive = get(url + "/healthz")
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    assert value(text, 'newswatch_feed_polls_total{status="new"}') >= 1, err[-2000:]
    assert value(text, 'newswatch_feed_polls_total{status="not_modified"}') >= 1
    assert value(text, "newswatch_articles_published_total") == 4
    assert value(text, 'newswatch_feed_failures_total{kind="http"}') >= 1
    assert value(text, 'newswatch_feed_parse_errors_total{kind="not_a_feed"}') >= 1
    assert value(text, 'newswatch_feed_consecutive_failures{feed="gone"}') >= 1
    assert value(text, 'newswatch_feed_last_success_timestamp_seconds{feed="wire"}') > 1e9
    assert ready[0] == 200 and '"feeds": {"ok": true, "detail": "3 feed(s), 2 failing"}' in \
        ready[1]
    assert alive[0] == 200
    assert "producer: polling 3 feed(s)" in err and proc.returncode == 0
