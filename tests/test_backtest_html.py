"""The HTML report opens in headless Chromium (Debian's ``chromium`` package, installed
here when missing) with its chart and tables, and loads nothing from the network."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from newswatch.cli import main

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "backtest"
CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync")


@pytest.fixture(scope="module")
def chromium() -> Path:
    """Debian's chromium; installed with apt-get when missing, skipped only if that fails."""
    if CHROMIUM.exists():
        return CHROMIUM
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        pytest.skip("chromium is not installed and apt-get cannot install it here "
                    "(needs root on Debian): apt-get install chromium")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    steps = (["apt-get", "update", "-qq"],
             ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium"])
    for step in steps:
        done = subprocess.run(step, env=env, capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            pytest.skip(f"could not install chromium ({' '.join(step)} exited "
                        f"{done.returncode}): {done.stderr.strip()[-300:]}")
    if not CHROMIUM.exists():
        pytest.skip("apt-get installed chromium but /usr/bin/chromium is missing")
    return CHROMIUM


@pytest.fixture(scope="module")
def report_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html") / "report.html"
    code = main(["backtest", "--rules", str(FIXTURE / "rules.yaml"), "--input",
                 str(FIXTURE / "articles.jsonl"), "--baseline", str(FIXTURE / "baseline.yaml"),
                 "--labels", str(FIXTURE / "labels.jsonl"), "--html", str(out)])
    assert code == 0
    return out


def _chromium(browser: Path, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(browser), *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=120)


def test_report_needs_no_network(report_html: Path) -> None:
    page = report_html.read_text()
    assert not re.search(r"<(script|link|img|iframe)\b", page)
    assert "url(" not in page and "@import" not in page
    # Article links stay plain links; nothing is fetched when the page opens.
    assert 'href="https://news.example/t01"' in page


def test_chart_and_tables_render_in_chromium(chromium: Path, report_html: Path,
                                             tmp_path: Path) -> None:
    url = report_html.as_uri()
    dom = _chromium(chromium, tmp_path / "profile-dom", "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-2000:]
    html = dom.stdout
    assert re.search(r'<svg id="chart"[^>]*>', html)
    bars = re.findall(r'<rect class="bar"[^>]*>\s*<title>([^<]+)</title>', html)
    # One bar segment per (day, watch) with alerts: deals 11-02 8, deals 11-03 4, ...
    assert len(bars) == 9
    assert "2026-11-02 deals: 8" in bars
    for table in ("per-watch", "per-channel", "stories", "diff-per-watch", "diff-added",
                  "diff-removed", "scores-per-type", "scores-per-watch", "false-positives",
                  "misses", "alerts", "absorbed"):
        assert f'<table id="{table}">' in html, table
    rows = re.search(r'<table id="alerts">.*?</table>', html, re.S)
    assert rows is not None and rows.group(0).count("<tr") == 24  # header + 23 alerts

    shot = tmp_path / "report.png"
    done = _chromium(chromium, tmp_path / "profile-shot", "--window-size=1280,2400",
                     f"--screenshot={shot}", url)
    assert done.returncode == 0, done.stderr[-2000:]
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 50_000
