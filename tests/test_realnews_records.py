"""The annotators' full records of the third Wikinews batch hold what the guide asks for, so
``bench/realnews_agreement.py`` compares like with like: the same articles in the same
order, every event about a company listed in its line, and only the guide's types, roles,
stages and statuses."""

from __future__ import annotations

import json
import typing
from pathlib import Path

import pytest

from newswatch.schemas.event import EventType

HERE = Path(__file__).resolve().parent.parent / "bench" / "realnews"
TYPES = set(typing.get_args(EventType))
ROLES = {None, "hiring_company", "losing_company", "acquirer", "target", "investor",
         "recipient", "partner", "plaintiff", "defendant"}
STAGES = {None, "rumored", "talks", "announced", "completed", "terminated"}


def records(name: str) -> list[dict]:
    return [json.loads(line) for line in (HERE / name).read_text("utf-8").splitlines()]


@pytest.mark.parametrize("name", ["articles-3-full-labels.jsonl",
                                  "articles-3-second-annotator.jsonl"])
def test_a_record_follows_the_guide(name: str) -> None:
    articles = [json.loads(line)["id"]
                for line in (HERE / "articles-3.jsonl").read_text("utf-8").splitlines()]
    lines = records(name)
    assert [line["id"] for line in lines] == articles
    for line in lines:
        listed = {company["name"] for company in line["companies"]}
        for event in line["events"]:
            where = f"{name} {line['id']} {event}"
            assert event["company"] in listed, where
            assert event["event_type"] in TYPES, where
            assert event["status"] in ("news", "background"), where
            assert event.get("role") in ROLES, where
            assert event.get("stage") in STAGES, where
