"""``newswatch demo`` as a new user runs it: alerts on stdout (nothing else there), logs in
files, progress and the way to Slack on stderr; with a token, the alerts go to Slack."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.slack_emulator import SlackEmulator

pytestmark = pytest.mark.kafka

ROOT = Path(__file__).resolve().parents[1]


def run_demo(kafka_bootstrap: str, tmp_path: Path,
             **env: str) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWATCH_")}
    full.update({"NEWSWATCH_KAFKA_BOOTSTRAP": kafka_bootstrap,
                 "NEWSWATCH_HOME": str(tmp_path / "home"), **env})
    return subprocess.run([sys.executable, "-m", "newswatch", "demo", "--timeout", "90"],
                          cwd=ROOT, env=full, capture_output=True, text=True, timeout=180)


def test_demo_prints_only_alerts_on_stdout_with_mentions_and_says_what_next(
        kafka_bootstrap: str, tmp_path: Path) -> None:
    done = run_demo(kafka_bootstrap, tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    blocks = [b for b in done.stdout.split("\n\n") if b.strip()]
    assert len(blocks) == 9  # the seed article's eight events plus Microsoft's launch
    for block in blocks:
        first, *rest = block.splitlines()
        assert re.match(r"^\[#[a-z-]+\] ", first), first
        assert all(line.startswith("  ") for line in rest), block
    assert " INFO " not in done.stdout and "notify:" not in done.stdout
    meta = [b for b in blocks if b.startswith("[#ai-intel]")]
    assert meta and all("\n  Notify:   @here\n" in b for b in meta)
    assert "demo done in" in done.stderr and "9 alert(s) printed above" in done.stderr
    assert "NEWSWATCH_SLACK_BOT_TOKEN=xoxb-" in done.stderr
    [run] = list((tmp_path / "home" / "demo").iterdir())
    assert "newswatch.worker: worker: rules" in (run / "worker.log").read_text()
    assert "delivered to #ai-intel" in (run / "notifier.log").read_text()


def test_demo_with_a_token_posts_to_slack_instead(kafka_bootstrap: str, tmp_path: Path) -> None:
    slack = SlackEmulator().start()
    try:
        done = run_demo(kafka_bootstrap, tmp_path, NEWSWATCH_SLACK_BOT_TOKEN=slack.token,
                        NEWSWATCH_SLACK_API_URL=slack.base_url)
        posted = slack.alert_ids_posted()
    finally:
        slack.stop()
    assert done.returncode == 0, done.stderr[-3000:]
    # No alert on stdout: only the notifier's report of what it sent.
    assert done.stdout.startswith("notify: 9 delivered") and done.stdout.count("\n") == 1
    assert len(posted) == 9
    assert "9 alert(s) sent with the slack notifier" in done.stderr
    assert "NEWSWATCH_SLACK_BOT_TOKEN=xoxb-" not in done.stderr
