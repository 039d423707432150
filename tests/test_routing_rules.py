"""The delivery settings of the rules file: digest schedules, quiet hours, channel budgets,
realert windows and reply caps; what they compute, and file:line errors when they are wrong."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newswatch.schemas import ConfigError, load_rules
from newswatch.schemas.fingerprint import fingerprint_distance, near_identical, text_fingerprint
from newswatch.schemas.schedules import parse_quiet_hours, parse_rate, parse_schedule


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


# ---- schedules ---------------------------------------------------------------------------

@pytest.mark.parametrize(("schedule", "after", "expected"), [
    ("hourly", utc(2026, 6, 26, 13, 0), utc(2026, 6, 26, 14, 0)),  # strictly after
    ("hourly", utc(2026, 6, 26, 13, 59, 59), utc(2026, 6, 26, 14, 0)),
    ("hourly Asia/Kolkata", utc(2026, 6, 26, 13, 0), utc(2026, 6, 26, 13, 30)),  # local hour
    ("every 6h", utc(2026, 6, 26, 13, 0), utc(2026, 6, 26, 18, 0)),
    ("every 30m", utc(2026, 6, 26, 13, 0), utc(2026, 6, 26, 13, 30)),
    # 09:00 in Berlin is 07:00 UTC in summer, 08:00 in winter; the day of the change too.
    ("daily 09:00 Europe/Berlin", utc(2026, 6, 26, 7, 0), utc(2026, 6, 27, 7, 0)),
    ("daily 09:00 Europe/Berlin", utc(2026, 1, 10, 7, 0), utc(2026, 1, 10, 8, 0)),
    ("daily 09:00 Europe/Berlin", utc(2026, 3, 28, 9, 0), utc(2026, 3, 29, 7, 0)),
    ("daily 09:00,17:00 Europe/Berlin", utc(2026, 6, 26, 8, 0), utc(2026, 6, 26, 15, 0)),
    # Friday after 08:30 in New York: next is Monday.
    ("weekdays 08:30 America/New_York", utc(2026, 6, 26, 13, 0), utc(2026, 6, 29, 12, 30)),
    ("weekdays 08:30 America/New_York", utc(2026, 6, 26, 12, 0), utc(2026, 6, 26, 12, 30)),
    ("mon,thu 10:00", utc(2026, 6, 26, 13, 0), utc(2026, 6, 29, 10, 0)),
    ("weekends 10:00", utc(2026, 6, 26, 13, 0), utc(2026, 6, 27, 10, 0)),
])
def test_schedule_finds_the_next_slot_in_its_zone(schedule: str, after: datetime,
                                                  expected: datetime) -> None:
    assert parse_schedule(schedule).next_after(after) == expected


@pytest.mark.parametrize(("quiet", "moment", "ends"), [
    ("22:00-07:00 Europe/Berlin", utc(2026, 6, 26, 21, 0), utc(2026, 6, 27, 5, 0)),
    ("22:00-07:00 Europe/Berlin", utc(2026, 6, 27, 4, 59), utc(2026, 6, 27, 5, 0)),
    ("22:00-07:00 Europe/Berlin", utc(2026, 6, 27, 5, 0), None),  # the end is not quiet
    ("22:00-07:00 Europe/Berlin", utc(2026, 6, 26, 19, 59), None),
    ("22:00-07:00 Europe/Berlin", utc(2026, 6, 26, 20, 0), utc(2026, 6, 27, 5, 0)),
    ("12:00-13:00", utc(2026, 6, 26, 12, 30), utc(2026, 6, 26, 13, 0)),
    # Windows that touch are one stretch: Friday night into the weekend into Monday.
    ("weekends 00:00-24:00 UTC; 20:00-08:00 UTC", utc(2026, 6, 26, 21, 0),
     utc(2026, 6, 29, 8, 0)),
    ("weekends 00:00-24:00 UTC", utc(2026, 6, 26, 21, 0), None),
])
def test_quiet_hours_say_whether_a_moment_is_quiet_and_when_it_ends(
        quiet: str, moment: datetime, ends: datetime | None) -> None:
    assert parse_quiet_hours(quiet).end_if_quiet(moment) == ends


def test_rates_are_alerts_per_second() -> None:
    assert parse_rate("6/hour") == pytest.approx(6 / 3600)
    assert parse_rate("1/10m") == pytest.approx(1 / 600)
    assert parse_rate("20/day") == pytest.approx(20 / 86400)


# ---- the rules file ----------------------------------------------------------------------

RULES = """\
companies:
  - name: Meta Platforms
watches:
  - name: meta
    companies: [Meta Platforms]
    events: [layoffs, acquisition]
    realert_after: 5d
    max_replies: 2
    channels:
      - "#ai"
      - channel: "#morning"
        mode: digest
        schedule: weekdays 08:30 America/New_York
      - channel: "#night"
        quiet_hours: 22:00-07:00 Europe/Berlin
  - name: legacy
    companies: ["*"]
    events: ["*"]
    dedupe_hours: 12
    channels: ["#ai"]
channels:
  - channel: "#ai"
    budget: {burst: 2, rate: 6/hour, hourly_cap: 10}
    overflow_digest: every 30m
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(text)
    return path


def test_delivery_settings_load(tmp_path: Path) -> None:
    rules = load_rules(_write(tmp_path, RULES))
    meta, legacy = rules.watches
    assert meta.realert_window == timedelta(days=5) and meta.max_replies == 2
    assert legacy.realert_window == timedelta(hours=12) and legacy.max_replies == 3
    ai, morning, night = meta.subscriptions
    assert ai.mode == "realtime" and ai.digest_schedule is None and ai.quiet is None
    assert morning.mode == "digest" and morning.digest_schedule is not None
    assert night.quiet is not None and night.quiet.end_if_quiet(utc(2026, 6, 26, 21, 0))
    policy = rules.channel_policy("#ai")
    assert policy is not None and policy.budget is not None
    assert policy.budget.burst == 2 and policy.budget.hourly_cap == 10
    assert policy.overflow_schedule.next_after(utc(2026, 6, 26, 13, 1)) == utc(2026, 6, 26, 13, 30)
    assert rules.channel_policy("#night") is None


def test_defaults_without_delivery_settings(tmp_path: Path) -> None:
    rules = load_rules(_write(tmp_path, RULES.split("  - name: legacy")[0]
                              .replace("    realert_after: 5d\n    max_replies: 2\n", "")))
    assert rules.watches[0].realert_window == timedelta(hours=72)
    assert rules.watches[0].max_replies == 3


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("        schedule: weekdays 08:30 America/New_York\n", "",
     "rules.yaml:12: .*mode 'digest' needs a schedule"),
    ("weekdays 08:30 America/New_York", "weekdays 08:30 America/NewYork",
     "rules.yaml:13: .*unknown time zone 'America/NewYork' "
     "\\(did you mean 'America/New_York'\\?\\)"),
    ("weekdays 08:30", "wekdays 08:30", "rules.yaml:13: .*unknown day 'wekdays' "
     "\\(did you mean 'weekdays'\\?\\)"),
    ("weekdays 08:30", "weekdays 8.30", "rules.yaml:13: .*'8.30' is not a time of day"),
    ("        quiet_hours: 22:00-07:00 Europe/Berlin\n",
     "        quiet_hours: 22:00-07:00 Europe/Berlin\n        schedule: hourly\n",
     "rules.yaml:16: .*a schedule is for mode: digest"),
    ("22:00-07:00 Europe", "22:00 to 07:00 Europe",
     "rules.yaml:15: .*quiet hours '22:00 to 07:00 Europe/Berlin' are not understood"),
    ("mode: digest", "mode: digests", "rules.yaml:12: unknown value 'digests' \\(did you mean "
     "'digest'\\?\\)"),
    ("realert_after: 5d", "realert_after: 5 days", "rules.yaml:7: .*'5 days' is not a duration"),
    ("realert_after: 5d", "realert_after: 45d",
     "rules.yaml:7: .*realert_after must be at most 30d"),
    ("    dedupe_hours: 12\n", "    dedupe_hours: 12\n    realert_after: 1d\n",
     "rules.yaml:19: .*give realert_after or dedupe_hours"),
    ("max_replies: 2", "max_replies: -1", "rules.yaml:8: .*max_replies must be at least 0"),
    ('  - channel: "#ai"\n    budget', '  - channel: "#AI-news"\n    budget',
     "rules.yaml:22: .*channel '#AI-news' is not subscribed by any watch"),
    ("rate: 6/hour", "rate: 6/hr", "rules.yaml:23: .*'6/hr' is not a rate"),
    ("burst: 2, rate: 6/hour, hourly_cap: 10", "burst: 2",
     "rules.yaml:23: .*a budget needs a rate, an hourly_cap, or both"),
    ("hourly_cap: 10", "hourly_cap: 10, brust: 1",
     "rules.yaml:23: unknown key 'brust' \\(did you mean 'burst'\\?\\)"),
    ("overflow_digest: every 30m", "overflow_digest: every 7m",
     "rules.yaml:24: .*'every' takes 5m to 24h"),
    ('channels:\n  - channel: "#ai"\n', 'channels:\n  - channel: "#ai"\n  - channel: "#ai"\n',
     "rules.yaml:23: .*duplicate channel '#ai'"),
])
def test_delivery_setting_errors_name_the_line(tmp_path: Path, old: str, new: str,
                                               expected: str) -> None:
    assert old in RULES
    with pytest.raises(ConfigError, match=expected):
        load_rules(_write(tmp_path, RULES.replace(old, new, 1)))


# ---- fingerprints ------------------------------------------------------------------------

TITLE = "Meta Platforms in talks to buy Perplexity AI"
LEAD = ("Meta Platforms is in advanced talks to acquire the AI search start-up Perplexity AI "
        "for about $14 billion, people familiar with the matter said on Tuesday, in what "
        "would be the largest deal in the company's history. The talks could still fall "
        "apart, the people said.")


def test_the_same_article_from_another_feed_has_a_near_identical_fingerprint() -> None:
    original = text_fingerprint(TITLE, LEAD)
    copies = [
        text_fingerprint(TITLE + " - Reuters", LEAD),
        text_fingerprint(TITLE + " | The Verge", LEAD),
        text_fingerprint(TITLE.upper(), LEAD),
        text_fingerprint(TITLE, LEAD + " Reporting by Jane Doe; editing by John Smith."),
        text_fingerprint(TITLE, " ".join(LEAD.split()[:32]) + " ..."),  # summary cut short
        text_fingerprint(TITLE, LEAD.replace("company's", "company’s").replace(" ", "  ")),
    ]
    assert [near_identical(original, c) for c in copies] == [True] * len(copies)


def test_different_reports_of_one_story_are_not_near_identical() -> None:
    original = text_fingerprint(TITLE, LEAD)
    others = [
        text_fingerprint("Meta eyes Perplexity AI in bid to catch up in AI search",
                         "Mark Zuckerberg's company has held talks with Perplexity AI about a "
                         "takeover, according to a report, as it races OpenAI and Google."),
        text_fingerprint(TITLE, "Perplexity AI declined to comment. Meta said it does not "
                         "comment on rumours. Shares of Meta rose 2% in early trading on the "
                         "report, which first appeared in Bloomberg."),
    ]
    assert [fingerprint_distance(original, o) > 12 for o in others] == [True, True]
    assert not near_identical(original, "") and not near_identical(None, original)
