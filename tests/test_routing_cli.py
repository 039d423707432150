"""``newswatch route``: a JSONL file of events to the alerts and digests the worker would send,
and the delivery settings ``rules check`` reports."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newswatch.cli import main
from newswatch.schemas import CompanyEvent, load_rules
from newswatch.schemas.alert import parse_any_alert
from newswatch.streams.routing import replay_events

RULES = """\
companies: [{name: Meta Platforms}, {name: OpenAI}]
watches:
  - name: all
    companies: ["*"]
    events: ["*"]
    channels:
      - "#now"
      - channel: "#morning"
        mode: digest
        schedule: weekdays 08:30 America/New_York
        quiet_hours: 22:00-07:00 America/New_York
channels:
  - channel: "#now"
    budget: {burst: 1, rate: 1/hour, hourly_cap: 5}
    overflow_digest: every 30m
"""
T0 = datetime(2026, 6, 26, 11, 0, tzinfo=UTC)  # Friday, 07:00 in New York


def _files(tmp_path: Path) -> tuple[Path, Path, list[CompanyEvent]]:
    rules = tmp_path / "rules.yaml"
    rules.write_text(RULES)
    events = [CompanyEvent(article_id=f"a{n}", company="OpenAI" if n % 2 else "Meta Platforms",
                           event_type="layoffs", confidence=0.9,
                           published=T0 + timedelta(minutes=10 * n)) for n in range(4)]
    path = tmp_path / "events.jsonl"
    path.write_text("".join(e.model_dump_json() + "\n" for e in events[:2]) + "{not json\n\n"
                    + "".join(e.model_dump_json() + "\n" for e in events[2:]))
    return rules, path, events


def test_route_writes_what_the_worker_would_send(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    rules, events_path, events = _files(tmp_path)
    out = tmp_path / "alerts.jsonl"
    assert main(["route", "--rules", str(rules), "--input", str(events_path),
                 "--output", str(out)]) == 0
    sent = [parse_any_alert(line) for line in out.read_text().splitlines()]
    assert [m.id for m in sent] == [m.id for m in replay_events(load_rules(rules), events)]
    # Meta's story goes out (its copy threaded); OpenAI's is over budget and goes out in
    # the 07:30 digest, its copy then threaded under that digest; the morning digest
    # (08:30 in New York) has both stories.
    assert [(m.type, m.channel, m.kind) for m in sent] == [
        ("company_event", "#now", "new"), ("company_event", "#now", "followup"),
        ("digest", "#now", "new"), ("company_event", "#now", "followup"),
        ("digest", "#morning", "new")]
    assert sent[3].parent_alert_id == sent[2].id
    err = capsys.readouterr().err
    assert f"{events_path}:3: invalid CompanyEvent" in err and "skipped" in err
    assert ("route: 4 event(s), 3 alert(s) (1 new, 2 followup), 2 digest(s) of 3 stories, "
            "1 bad line(s) skipped") in err
    assert main(["route", "--rules", str(rules), "--input", str(events_path), "--strict",
                 "--output", str(out)]) == 1


def test_until_sends_only_the_digests_due_by_then(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    rules, events_path, _ = _files(tmp_path)
    # 08:00 in New York: the 30-minute overflow digest is due, the 08:30 one is not yet.
    assert main(["route", "--rules", str(rules), "--input", str(events_path),
                 "--until", "2026-06-26T08:00-04:00"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [parse_any_alert(x).type for x in lines] == [
        "company_event", "company_event", "digest", "company_event"]


def test_route_names_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules, _, _ = _files(tmp_path)
    assert main(["route", "--rules", str(rules), "--input", str(tmp_path / "nope")]) == 2
    assert "nope: cannot read file" in capsys.readouterr().err


def test_rules_check_summarises_delivery_settings(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    rules, _, _ = _files(tmp_path)
    assert main(["rules", "check", str(rules)]) == 0
    out = capsys.readouterr().out
    assert "digests: #morning (weekdays 08:30 America/New_York)" in out
    assert "quiet hours: #morning (22:00-07:00 America/New_York)" in out
    assert "budgets: #now (burst 1, 1/hour, at most 5 an hour; overflow every 30m)" in out
