"""``newswatch backtest`` from the command line, without a broker: inputs, bad input named
by file and line, byte-identical JSON, and the progress bar only on a terminal."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import shutil
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from newswatch.cli import main

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "backtest"
RULES = str(FIXTURE / "rules.yaml")
ARTICLES = FIXTURE / "articles.jsonl"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["backtest", "--rules", RULES, *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_bad_line_is_named_and_everything_else_is_still_backtested(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = ARTICLES.read_text().splitlines()
    lines.insert(2, '{"id": "broken", "title": ')
    lines.insert(5, '{"id": "untitled", "title": "  "}')
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(lines) + "\n")
    code, out, err = _run(capsys, "--input", str(dump))
    assert code == 0
    assert f"{dump}:3: skipped: not valid JSON" in err
    assert f"{dump}:6: skipped: invalid Article: title: Value error, title is empty" in err
    assert "17 article(s) read, 2 skipped" in out
    assert "23 alert(s)" in out
    code, _out, _err = _run(capsys, "--input", str(dump), "--strict")
    assert code == 1


@pytest.mark.parametrize(("args", "message"), [
    (["--from", "last tuesday"], "--from: 'last tuesday' is not a date or time"),
    (["--from", "2026-11-08", "--to", "2026-11-01"],
     "--from: 2026-11-08 is not before --to 2026-11-01: the range is empty"),
    (["--to", "2026-02-30"], "--to: '2026-02-30' is not a date or time"),
    (["--lateness", "soon"], "--lateness: 'soon' is not a duration such as 24h"),
    (["--workers", "0"], "--workers: must be 1 or more"),
])
def test_bad_settings_are_named(capsys: pytest.CaptureFixture[str], args: list[str],
                                message: str) -> None:
    code, _out, err = _run(capsys, "--input", str(ARTICLES), *args)
    assert code == 2
    assert err.strip() == f"newswatch: error: {message}" or message in err
    assert "Traceback" not in err


def test_a_rules_file_with_errors_is_named_by_line(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text((FIXTURE / "rules.yaml").read_text().replace(
        "events: [acquisition, investment]", "events: [aquisition, investment]"))
    code = main(["backtest", "--rules", str(rules), "--input", str(ARTICLES)])
    err = capsys.readouterr().err
    assert code == 2
    assert f"{rules}:11: unknown event type 'aquisition' (did you mean 'acquisition'?)" in err


def test_a_bad_labels_line_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    labels = tmp_path / "labels.jsonl"
    labels.write_text('{"article_id": "t01", "company": "Contoso", "event_type": "acquisition"}\n'
                      '{"article_id": "t02", "company": "Contoso", "event_type": "aquisition"}\n')
    code, _out, err = _run(capsys, "--input", str(ARTICLES), "--labels", str(labels))
    assert code == 2
    assert f"{labels}:2: unknown event type 'aquisition' (did you mean 'acquisition'?)" in err
    labels.write_text('{"article_id": "t01", "company": "Contoso"}\n')
    code, _out, err = _run(capsys, "--input", str(ARTICLES), "--labels", str(labels))
    assert f"{labels}:1: company and event_type go together" in err


def test_missing_input_file_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _out, err = _run(capsys, "--input", str(tmp_path / "nope.jsonl"))
    assert code == 2
    assert f"newswatch: error: {tmp_path / 'nope.jsonl'}: no such file" in err


def test_a_folder_of_feed_files_is_backtested_and_a_broken_file_skipped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "feeds"
    shutil.copytree(ROOT / "samples" / "feeds", folder)
    (folder / "broken.xml").write_text("this is not a feed at all")
    code = main(["backtest", "--rules", str(ROOT / "samples" / "rules.yaml"),
                 "--from-dir", str(folder), "--json"])
    captured = capsys.readouterr()
    assert code == 0
    report = json.loads(captured.out)
    assert report["totals"]["articles_read"] == 8
    seed = {(a["company"], a["event_type"]) for a in report["alerts"] if a["channel"] ==
            "#ai-intel"}
    assert seed == {("Meta Platforms", "executive_hire"), ("Meta Platforms", "investment"),
                    ("Meta Platforms", "acquisition"), ("Meta Platforms", "launch_delay")}
    assert [s["where"] for s in report["skipped"]] == [str(folder / "broken.xml")]
    assert "not a feed: text that is not RSS, Atom, JSON Feed or article JSON lines" in (
        captured.err)


def test_json_is_byte_identical_across_processes(tmp_path: Path) -> None:
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-m", "newswatch", "backtest", "--rules", RULES,
                               "--input", str(ARTICLES), "--baseline",
                               str(FIXTURE / "baseline.yaml"), "--labels",
                               str(FIXTURE / "labels.jsonl"), "--json"],
                              env=env, capture_output=True, timeout=60, check=True)
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0])["diff"]["baseline_alerts"] == 15


def _stderr_of(args: list[str], *, tty: bool) -> bytes:
    if not tty:
        done = subprocess.run(args, capture_output=True, timeout=60, check=True)
        return done.stderr
    master, slave = pty.openpty()
    # A terminal the size of a real one: a fresh pty is 0x0, and a bar has no room in that.
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the pty closes when the process ends
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=60)
    os.close(master)
    return b"".join(chunks)


def test_progress_bar_only_when_stderr_is_a_terminal() -> None:
    args = [sys.executable, "-m", "newswatch", "backtest", "--rules", RULES,
            "--from-dir", str(ROOT / "samples" / "feeds")]
    assert b"backtest:" not in _stderr_of(args, tty=False)
    shown = _stderr_of(args, tty=True)
    assert b"backtest:" in shown and b"articles" in shown
