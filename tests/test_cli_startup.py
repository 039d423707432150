"""The command line starts fast because it imports lazily: ``--help`` loads no client
library and no pydantic, ``rules check`` no Kafka, Faust, Slack or HTTP client. (Times
are measured by bench/bench_cli_startup.py; this guards the cause.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("kafka", "aiokafka", "faust", "mode", "slack_sdk", "aiohttp", "feedparser",
         "prometheus_client", "ahocorasick", "pydantic", "yaml")

PROBE = """
import contextlib, io, json, sys
from newswatch.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
    main(sys.argv[1:])
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
"""


def imported_by(*argv: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", PROBE, *argv], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    return set(json.loads(out.splitlines()[-1])) & set(HEAVY)


def test_help_imports_no_heavy_library() -> None:
    assert imported_by("--help") == set()
    assert imported_by("dlq", "replay", "--help") == set()


def test_rules_check_imports_only_what_validation_needs() -> None:
    assert imported_by("rules", "check", str(ROOT / "samples" / "rules.yaml")) <= {
        "pydantic", "yaml", "ahocorasick"}
