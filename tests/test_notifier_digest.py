"""Digests and silent edits through the real notifier, slack-sdk and the Slack emulator:
one grouped message, details in its thread, each part exactly once even across a crash."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from newswatch.notifiers.digest_render import render_digest
from newswatch.notifiers.render import MAX_BLOCKS, MAX_SECTION
from newswatch.schemas import Alert, CompanyEvent, DigestAlert
from newswatch.streams.routing.digest import INLINE_ENTRIES, build_digest, entry_for
from tests.notifier_support import NotifyRig, make_alert, notify_rig

T0 = datetime(2026, 6, 26, 7, 0, tzinfo=UTC)


@pytest.fixture
def rig(kafka_bootstrap: str, topic_prefix: str) -> Iterator[NotifyRig]:
    yield from notify_rig(kafka_bootstrap, topic_prefix)


def digest(count: int, *, channel: str = "#digest", title: str = "Story {n}",
           **event: Any) -> list[DigestAlert]:
    entries = []
    for n in range(count):
        fields: dict[str, Any] = dict(
            article_id=f"d{n}", company=["Meta Platforms", "OpenAI", "Scale AI"][n % 3],
            event_type=["layoffs", "legal", "acquisition"][n % 2], confidence=0.9,
            article_title=title.format(n=n), article_link=f"https://news.example/d{n}",
            source="Example Wire", evidence=[f"Evidence sentence {n}."], triggers=["sentence"],
            published=T0 + timedelta(minutes=n))
        fields.update(event)
        alert = Alert(watch="w", channel=channel, event=CompanyEvent(**fields),
                      mentions=["here"] if n == 0 else [])
        entries.append(entry_for(alert, "schedule", T0 + timedelta(hours=1)))
    return build_digest(channel, entries)


def blocks_text(blocks: list[dict[str, Any]] | None) -> str:
    return json.dumps(blocks or [], ensure_ascii=False)


# ---- rendering (no broker) -----------------------------------------------------------------

def test_a_short_digest_is_grouped_by_company_then_event_type_with_links_and_evidence() -> None:
    [part] = digest(4)
    message = render_digest(part)
    sections = [b["text"]["text"] for b in message.blocks if b["type"] == "section"]
    assert sections[0] == "<!here>"
    meta, openai, scale = sections[1:]
    assert meta == ("*Meta Platforms*\n"
                    "_layoffs_ (1)\n• <https://news.example/d0|Story 0> (Example Wire)\n"
                    "> Evidence *sentence* 0.\n"
                    "_legal action_ (1)\n• <https://news.example/d3|Story 3> (Example Wire)\n"
                    "> Evidence *sentence* 3.")
    assert openai.startswith("*OpenAI*\n_legal action_ (1)")
    assert scale.startswith("*Scale AI*\n_layoffs_ (1)")
    assert message.metadata["event_payload"] == {"alert_id": part.id, "kind": "new"}
    assert "Digest: 4 stories" in message.text


def test_a_long_digest_shows_a_few_lines_per_group_and_stays_within_slack_limits() -> None:
    parts = digest(240, title="<!channel> *bold* " + "x" * 400)
    main = render_digest(parts[0])
    assert len(main.blocks) <= MAX_BLOCKS
    assert all(len(b["text"]["text"]) <= MAX_SECTION for b in main.blocks
               if b["type"] == "section")
    text = blocks_text(main.blocks)
    assert "…and 35 more in the thread" in text and f"({len(parts) - 1} replies)" in text
    assert "<!channel>" not in text.replace("&lt;!channel&gt;", "")
    for part in parts[1:]:
        detail = render_digest(part)
        assert len(detail.blocks) <= MAX_BLOCKS
        assert detail.metadata["event_payload"] == {"alert_id": part.id, "kind": "followup"}


def test_a_story_line_says_what_happened_and_where_else_it_was_reported() -> None:
    from newswatch.streams.routing.digest import merge

    event = CompanyEvent(article_id="a", company="Meta Platforms", event_type="acquisition",
                         role="acquirer", counterparty="Perplexity AI", stage="talks",
                         confidence=0.9, article_title="Meta in talks",
                         article_link="https://news.example/a", source="Wire A")
    first = Alert(watch="w", channel="#d", event=event, kind="followup", parent_alert_id="p")
    entry = entry_for(first, "quiet_hours", T0)
    for n in range(7):
        later = event.model_copy(update={"article_id": f"b{n}", "stage": "announced",
                                         "article_link": f"https://b.example/{n}",
                                         "source": f"Wire {n}"})
        entry = merge(entry, Alert(watch="w", channel="#d", event=later, kind="followup",
                                   parent_alert_id="p"))
    [part] = build_digest("#d", [entry])
    [section] = [b["text"]["text"] for b in render_digest(part).blocks
                 if b["type"] == "section"]
    assert section.splitlines()[2] == (
        "• to acquire Perplexity AI: <https://news.example/a|Meta in talks> (Wire A) "
        "· _more on an earlier alert_")
    assert section.splitlines()[-1] == (
        "   also: <https://b.example/0|Wire 0>, <https://b.example/1|Wire 1>, "
        "<https://b.example/2|Wire 2> and 4 more")
    assert "held over quiet hours" in blocks_text(render_digest(part).blocks)


# ---- delivery (real broker, emulator) ------------------------------------------------------

pytestmark_kafka = pytest.mark.kafka


@pytestmark_kafka
def test_a_digest_posts_once_with_its_details_in_its_thread(rig: NotifyRig) -> None:
    parts = digest(INLINE_ENTRIES + 5)
    assert len(parts) == 3
    rig.send(*parts)
    assert rig.run().delivered == 3
    top, *replies = rig.emulator.posts_in("#digest")
    assert top.alert_id == parts[0].id and top.thread_ts is None
    assert [(r.alert_id, r.thread_ts) for r in replies] == [(p.id, top.ts) for p in parts[1:]]
    assert "Digest: 15 stories" in top.text
    ledger = rig.ledger()
    assert all(ledger[p.id].state == "delivered" for p in parts)


@pytestmark_kafka
@pytest.mark.parametrize("point", ["after_post:2"])
def test_a_crash_mid_digest_loses_and_repeats_no_part(rig: NotifyRig, tmp_path: Path,
                                                      point: str) -> None:
    parts = digest(INLINE_ENTRIES + 25)
    rig.send(*parts)
    log = tmp_path / "notify.log"
    crashed = rig.notify_process("--until-idle", "3", env={"CRASH_AT": point}, log=log)
    assert crashed.wait(60) == 70, log.read_text()[-3000:]
    restarted = rig.notify_process("--until-idle", "2", log=log)
    assert restarted.wait(60) == 0, log.read_text()[-3000:]
    posted = Counter(rig.emulator.alert_ids_posted())
    assert sorted(str(a) for a in posted.elements()) == sorted(p.id for p in parts)
    top, *replies = rig.emulator.posts_in("#digest")
    assert {r.thread_ts for r in replies} == {top.ts}


@pytestmark_kafka
def test_an_edit_changes_the_story_message_and_posts_nothing(rig: NotifyRig) -> None:
    story = dict(event_type="acquisition", role="acquirer", counterparty="Perplexity AI")
    first = make_alert(1, stage="talks", **story)
    edit = make_alert(2, kind="edit", parent=first, stage="announced", **story)
    rig.send(first, edit)
    assert rig.run().delivered == 2
    [top] = rig.emulator.posts_in("#alerts")
    assert top.alert_id == first.id
    assert "to acquire Perplexity AI" in blocks_text(top.blocks)
    assert "in talks" not in blocks_text(top.blocks)
    assert rig.emulator.updates == [(top.channel, top.ts)]


@pytestmark_kafka
def test_a_reply_under_a_digest_threads_there_and_never_edits_the_digest(
        rig: NotifyRig) -> None:
    [part] = digest(2, channel="#alerts")
    update = make_alert(9, kind="update", stage="announced", event_type="acquisition",
                        role="acquirer", counterparty="Perplexity AI")
    update = update.model_copy(update={"parent_alert_id": part.id})
    edit = make_alert(10, kind="edit", stage="completed", event_type="acquisition",
                      role="acquirer", counterparty="Perplexity AI")
    edit = edit.model_copy(update={"parent_alert_id": part.id})
    rig.send(part, update, edit)
    assert rig.run().delivered == 3
    top, reply = rig.emulator.posts_in("#alerts")
    assert top.alert_id == part.id and reply.thread_ts == top.ts
    assert "stage is now *announced*" in reply.text
    assert rig.emulator.updates == [] and "Digest: 2 stories" in top.text


@pytestmark_kafka
def test_through_a_webhook_a_digest_posts_every_part_and_an_edit_posts_nothing(
        rig: NotifyRig) -> None:
    from newswatch.notifiers.base import build_notifier
    from newswatch.notifiers.config import notifier_config_from_settings

    settings = rig.settings(slack_bot_token=None,
                            slack_webhook_url=rig.emulator.webhook_url("#hooked"))
    name, config = notifier_config_from_settings(settings)
    parts = digest(INLINE_ENTRIES + 1, channel="#hooked")
    first = make_alert(1, channel="#hooked")
    edit = make_alert(2, channel="#hooked", kind="edit", parent=first)
    rig.send(*parts, first, edit)
    report = rig.service(build_notifier(name, config), settings=settings).run(until_idle=1.5)
    assert report.delivered == len(parts) + 2
    texts = [m.text for m in rig.emulator.posts_in("#hooked")]
    assert len(texts) == len(parts) + 1 and texts[0].startswith("<!here> Digest: 11 stories")
