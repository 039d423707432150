"""Rendering: headlines in words, escaping of hostile feed text, Slack's limits."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from newswatch.notifiers.escape import emphasise, link, neutralise, untrusted
from newswatch.notifiers.render import (
    MAX_BLOCKS,
    enforce_limits,
    headline,
    mention_markup,
    render_alert,
    render_console,
    render_reply,
)
from newswatch.schemas import CompanyEvent
from tests.notifier_support import make_alert
from tests.slack_emulator import validate_message


def event(**fields: object) -> CompanyEvent:
    base: dict[str, object] = {"article_id": "a", "company": "Meta Platforms",
                               "event_type": "launch_delay", "confidence": 0.8}
    base.update(fields)
    return CompanyEvent.model_validate(base)


def all_text(message: object) -> str:
    return json.dumps(message.__dict__, ensure_ascii=False)


@pytest.mark.parametrize(("fields", "expected"), [
    ({"event_type": "launch_delay"}, "Meta Platforms: launch delayed"),
    ({"event_type": "product_launch"}, "Meta Platforms: product launch"),
    ({"event_type": "layoffs"}, "Meta Platforms: layoffs"),
    ({"event_type": "executive_hire", "person": "Alexandr Wang", "counterparty": "Scale AI",
      "role": "hiring_company"}, "Meta Platforms: hires Alexandr Wang from Scale AI"),
    ({"event_type": "executive_hire"}, "Meta Platforms: executive hire"),
    ({"company": "OpenAI", "event_type": "executive_departure", "role": "losing_company"},
     "OpenAI: executive departure"),
    ({"company": "Scale AI", "event_type": "executive_departure", "person": "Alexandr Wang",
      "counterparty": "Meta Platforms"}, "Scale AI: Alexandr Wang leaves for Meta Platforms"),
    ({"event_type": "acquisition", "role": "acquirer", "stage": "talks",
      "counterparty": "Perplexity AI"}, "Meta Platforms: in talks to acquire Perplexity AI"),
    ({"company": "Perplexity AI", "event_type": "acquisition", "role": "target",
      "stage": "talks", "counterparty": "Meta Platforms"},
     "Perplexity AI: in acquisition talks with Meta Platforms"),
    ({"event_type": "acquisition", "stage": "completed"}, "Meta Platforms: acquisition completed"),
    ({"event_type": "investment", "role": "investor", "amount": "$14.3 billion",
      "counterparty": "Scale AI"}, "Meta Platforms: invests $14.3 billion in Scale AI"),
    ({"company": "Scale AI", "event_type": "investment", "role": "recipient",
      "amount": "$14.3 billion", "counterparty": "Meta Platforms"},
     "Scale AI: raises $14.3 billion from Meta Platforms"),
    ({"event_type": "partnership", "counterparty": "Microsoft"},
     "Meta Platforms: partnership with Microsoft"),
    ({"event_type": "legal", "role": "defendant", "counterparty": "FTC"},
     "Meta Platforms: sued by FTC"),
    ({"event_type": "legal"}, "Meta Platforms: legal action"),
])
def test_headline_says_what_happened_in_words(fields: dict[str, object], expected: str) -> None:
    assert headline(event(**fields)) == expected


def test_default_message_has_headline_link_evidence_details_and_context() -> None:
    alert = make_alert(1, event_type="acquisition", role="acquirer", stage="talks",
                       counterparty="Perplexity AI", amount="$14 billion",
                       article_title="Meta in talks to buy Perplexity",
                       article_link="https://news.example/meta-perplexity",
                       evidence=["Meta is in talks to buy Perplexity AI, people said."],
                       triggers=["in talks to buy"], source="Wire",
                       published=datetime(2026, 6, 24, 8, 0, tzinfo=UTC))
    message = render_alert(alert)
    kinds = [b["type"] for b in message.blocks]
    assert kinds == ["header", "section", "section", "section", "context"]
    assert message.blocks[0]["text"]["text"] == "Meta Platforms: in talks to acquire Perplexity AI"
    assert message.blocks[1]["text"]["text"] == (
        "<https://news.example/meta-perplexity|Meta in talks to buy Perplexity>")
    assert message.blocks[2]["text"]["text"] == (
        "> Meta is *in talks to buy* Perplexity AI, people said.")
    fields = [f["text"] for f in message.blocks[3]["fields"]]
    assert fields == ["*Company*\nMeta Platforms (acquirer)", "*Counterparty*\nPerplexity AI",
                      "*Amount*\n$14 billion", "*Stage*\ntalks", "*Confidence*\n90%"]
    context = " ".join(e["text"] for e in message.blocks[4]["elements"])
    assert "Source: Wire" in context and "<!date^1782288000^" in context
    assert message.text.startswith("Meta Platforms: in talks to acquire Perplexity AI: <https://")
    assert message.metadata == {"event_type": "newswatch_alert", "event_payload": {
        "alert_id": alert.id, "kind": "new", "article_id": "art-1", "company": "Meta Platforms",
        "event_type": "acquisition", "watch": "meta"}}
    assert validate_message(message.text, message.blocks) is None


HOSTILE = [
    "<!channel> urgent",
    "<!here|here> <!everyone> <@U0123ABCD> <!subteam^S0123|team>",
    "Click <https://evil.example/login|your bank> now",
    "*FREE* ~money~ `rm -rf` _now_ > quoted",
    "AT&T &lt;!channel&gt; &amp;",
]


@pytest.mark.parametrize("title", HOSTILE)
def test_feed_text_cannot_ping_or_plant_links(title: str) -> None:
    alert = make_alert(1, article_title=title, evidence=[title], person=title,
                       counterparty=title, source=title, article_link=None)
    message = render_alert(alert)
    rendered = all_text(message)
    for forbidden in ("<!channel", "<!here", "<!everyone", "<@U", "<!subteam", "<https://evil",
                      "*FREE*", "~money~", "`rm", "_now_"):
        assert forbidden not in rendered
    assert "&lt;" in rendered or "<" not in title


def test_only_configured_mentions_become_pings() -> None:
    alert = make_alert(1, article_title="<!channel> spam").model_copy(
        update={"mentions": ["here", "U0123ABCD", "S0TEAM99", "<!channel>", "bogus"]})
    message = render_alert(alert)
    assert message.blocks[0]["text"]["text"] == "<!here> <@U0123ABCD> <!subteam^S0TEAM99>"
    assert message.text.startswith("<!here> <@U0123ABCD> <!subteam^S0TEAM99> ")
    assert all_text(message).count("<!") == 2 * 2  # here + subteam, in blocks and in text
    assert mention_markup(["channel", "everyone"]) == ["<!channel>", "<!everyone>"]


def test_links_with_tricky_characters_stay_one_link() -> None:
    assert link("https://x.example/a?b=1&c=|2>", "T", 100) == (
        "<https://x.example/a?b=1&amp;c=%7C2%3E|T>")
    assert link("javascript:alert(1)", "<b>", 100) == "&lt;b&gt;"
    assert link("https://x.example/" + "a" * 3000, "Long", 100) == "Long"


def test_neutralise_keeps_words_readable() -> None:
    assert neutralise("snake_case stays, *bold* does not") == "snake_case stays, ∗bold∗ does not"
    assert neutralise("line\nbreak\ttab\u202eRLO") == "line break tabRLO"


def test_trigger_words_are_bold_only_as_whole_words() -> None:
    text = emphasise("Meta postponed the launch; relaunched later", ["launch", "postponed"], 500)
    assert text == "Meta *postponed* the *launch*; relaunched later"


def test_100kb_title_and_evidence_are_truncated_not_fatal() -> None:
    huge = "Meta & <Behemoth> " * 6_000  # ~108 KB, with characters that expand when escaped
    alert = make_alert(1, article_title=huge, evidence=[huge, huge, huge, huge],
                       person=huge, counterparty=huge, amount=huge, source=huge)
    for message in (render_alert(alert), render_reply(alert),
                    render_alert(alert.model_copy(update={"template": "compact"}))):
        assert validate_message(message.text, message.blocks) is None
        assert len(message.text) <= 3_000
        for block in message.blocks:
            text = block.get("text", {}).get("text", "")
            assert len(text) <= 3_000
            if len(text) > 200:
                assert text.endswith("…") or text.endswith("…>")
            assert not text.rstrip("…").endswith(("&", "&am", "&lt"))


def test_enforce_limits_cuts_blocks_and_sections() -> None:
    alert = make_alert(1)
    message = render_alert(alert)
    crowded = message.__class__(
        text="x" * 50_000,
        blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": "y" * 5_000}}] * 80,
        metadata=message.metadata,
    )
    fixed = enforce_limits(crowded)
    assert len(fixed.blocks) == MAX_BLOCKS and len(fixed.text) == 40_000
    assert validate_message(fixed.text, fixed.blocks) is None


def test_compact_template_is_one_section_and_context() -> None:
    alert = make_alert(1).model_copy(update={"template": "compact"})
    message = render_alert(alert)
    assert [b["type"] for b in message.blocks] == ["section", "context"]
    assert message.blocks[0]["text"]["text"].startswith("*Meta Platforms: launch delayed* · <")


def test_update_and_followup_replies_say_what_changed() -> None:
    first = make_alert(1, event_type="acquisition", stage="talks")
    update = make_alert(2, kind="update", parent=first, event_type="acquisition",
                        stage="announced")
    follow = make_alert(3, kind="followup", parent=first)
    assert render_reply(update).blocks[0]["text"]["text"].startswith(
        "Update: stage is now *announced* · <https://news.example/2|")
    assert render_reply(follow).blocks[0]["text"]["text"].startswith("Another source: <")
    edited = render_alert(update, updated=True)
    assert edited.blocks[-1]["elements"][0]["text"] == "Updated: stage now *announced*"


def test_console_text_is_readable_and_strips_terminal_escapes() -> None:
    alert = make_alert(1, article_title="Meta \x1b[31mdelays\x1b[0m <Behemoth>",
                       person="Chris Cox", amount="$1 billion")
    text = render_console(alert)
    assert text.splitlines()[0] == "[#alerts] Meta Platforms: launch delayed"
    assert "Title:    Meta [31mdelays[0m <Behemoth>" in text
    assert "\x1b" not in text
    assert "Link:     https://news.example/1" in text
    assert "Evidence: Meta postponed launch 1 of its model." in text
    assert "Details:  Company: Meta Platforms; Person: Chris Cox; Amount: $1 billion" in text


def test_untrusted_limit_counts_escaped_characters() -> None:
    assert untrusted("&" * 10, 12) == "&amp;&amp;…"


def test_product_named_in_details() -> None:
    event = CompanyEvent(article_id="a", company="Meta Platforms", event_type="launch_delay",
                         product="Llama 4 Behemoth", confidence=0.85)
    alert = make_alert(1).model_copy(update={"event": event})
    assert "Product: Llama 4 Behemoth" in render_console(alert)
    assert "Llama 4 Behemoth" in json.dumps(render_alert(alert).blocks)


def test_console_text_shows_the_configured_mentions_only() -> None:
    alert = make_alert(1).model_copy(update={"mentions": ["here", "U024BE7LH", "S0614TZR7",
                                                          "<!everyone>"]})
    lines = render_console(alert).splitlines()
    assert lines[1] == "  Notify:   @here @U024BE7LH @S0614TZR7"  # the bogus one is dropped
    assert not any("Notify" in line for line in render_console(make_alert(2)).splitlines())


def test_feedback_buttons_carry_the_alert_and_stay_within_slack_limits() -> None:
    from newswatch.notifiers.alert_ref import FEEDBACK_ACTIONS, MUTE_STORY_ACTION, AlertRef

    alert = make_alert(1, counterparty="Perplexity AI", event_type="acquisition")
    assert "actions" not in [b["type"] for b in render_alert(alert).blocks]
    message = render_alert(alert, feedback=True)
    [actions] = [b for b in message.blocks if b["type"] == "actions"]
    assert [e["text"]["text"] for e in actions["elements"]] == [
        "Useful", "Not relevant", "Wrong company", "Mute story 24h"]
    assert [e["action_id"] for e in actions["elements"]] == [*FEEDBACK_ACTIONS,
                                                             MUTE_STORY_ACTION]
    ref = AlertRef.from_value(actions["elements"][0]["value"])
    assert ref == AlertRef(alert.id, "art-1", "Meta Platforms", "acquisition", "meta",
                           "Perplexity AI")
    assert validate_message(message.text, message.blocks) is None
    # A story's edited message keeps its buttons.
    assert render_alert(alert, updated=True, feedback=True).blocks[-1] == actions
    # A long counterparty is left out of the 2,000-character button value; a company name
    # that cannot fit at all means no buttons, never a message Slack refuses.
    long = render_alert(make_alert(2, counterparty="P" * 3_000), feedback=True)
    value = long.blocks[-1]["elements"][0]["value"]
    assert len(value) <= 2_000 and AlertRef.from_value(value).company == "Meta Platforms"
    huge = render_alert(make_alert(3, company="M" * 3_000), feedback=True)
    assert "actions" not in [b["type"] for b in huge.blocks]
    assert validate_message(huge.text, huge.blocks) is None
