"""Event-time order: the reorder buffer, late articles, and the same order from one process
or from worker processes per partition group."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from newswatch.schemas.article import Article
from newswatch.schemas.rules import Company, RulesFile, Subscription, Watch
from newswatch.streams.backtest.detecting import ArticleList, DetectionPlan
from newswatch.streams.backtest.engine import (
    BacktestInput,
    BacktestOptions,
    NamedRules,
    run_backtest,
)
from newswatch.streams.backtest.ordering import (
    ArticleDigest,
    ReorderBuffer,
    SortKey,
    StreamStats,
    merge,
    micros,
)
from newswatch.streams.backtest.parallel import detect_in_processes, detect_streams

T0 = datetime(2026, 11, 2, 9, tzinfo=UTC)


def _digest(n: int) -> ArticleDigest:
    return ArticleDigest(f"a{n}", f"title {n}", None, None, T0, ())


def _key(hours: float, stream: int, offset: int) -> SortKey:
    return (micros(T0 + timedelta(hours=hours)), stream, offset)


def test_buffer_puts_articles_back_in_event_time_order_within_the_lateness() -> None:
    buffer = ReorderBuffer(timedelta(hours=6))
    released = []
    for offset, hours in enumerate([0, 3, 1, 2, 8, 5, 20]):
        late, out = buffer.push(_key(hours, 0, offset), _digest(offset))
        assert not late
        released += [k for k, _ in out]
    released += [k for k, _ in buffer.flush()]
    assert [k[2] for k in released] == [0, 2, 3, 1, 5, 4, 6]
    assert released == sorted(released)


def test_an_article_later_than_the_window_is_routed_where_it_arrived() -> None:
    buffer = ReorderBuffer(timedelta(hours=1))
    buffer.push(_key(0, 0, 0), _digest(0))
    buffer.push(_key(10, 0, 1), _digest(1))  # releases offset 0
    late, released = buffer.push(_key(-5, 0, 2), _digest(2))
    assert late
    order = [k for k, _ in released + buffer.flush()]
    assert [k[2] for k in order] == [2, 1]
    assert order[0][0] == micros(T0)  # ordered at the time routing had reached
    assert order == sorted(order)  # still a sorted stream, so merging stays exact


def test_merging_per_group_gives_the_same_sequence_as_merging_all() -> None:
    rng = random.Random(3)
    streams = []
    for stream in range(6):
        buffer = ReorderBuffer(timedelta(hours=2))
        out: list[tuple[SortKey, ArticleDigest]] = []
        for offset in range(300):
            _late, released = buffer.push(_key(offset * 0.1 + rng.uniform(-8, 8), stream,
                                               offset), _digest(offset))
            out += released
        streams.append(out + buffer.flush())
    everything = [k for k, _ in merge(streams)]
    grouped = [k for k, _ in merge([list(merge(streams[0::2])), list(merge(streams[1::2]))])]
    assert everything == grouped == sorted(everything)


RULES = RulesFile(
    companies=[Company(name="Contoso"), Company(name="Fabrikam")],
    watches=[Watch(name="all", companies=["*"], events=["*"],
                   channels=[Subscription(channel="#all")], dedupe_hours=6)])
TEMPLATES = ("Contoso agreed to acquire Fabrikam for $2 billion.",
             "Fabrikam said it would cut about 1,200 jobs.",
             "Contoso postponed the launch of its flagship battery until next year.",
             "Contoso named Maria Lopez as chief financial officer.")


ANGLES = (("Markets", "Investors weighed the news as trading opened in New York."),
          ("Analysis", "The move reshapes a crowded field, analysts said."),
          ("Briefing", "Here is what happened overnight."),
          ("Exclusive", "People familiar with the plans confirmed the details."),
          ("Update", "More details emerged later in the day."))


def _partitions(count: int = 4, per: int = 60) -> tuple[ArticleList, ...]:
    rng = random.Random(11)
    streams = []
    for partition in range(count):
        items = []
        for offset in range(per):
            when = T0 + timedelta(minutes=offset * 150 + rng.randint(-300, 300))
            text = rng.choice(TEMPLATES)
            # Each copy is its own write-up of the story (the same article from two feeds
            # would be absorbed, not threaded): a headline and an opening of its own.
            angle = rng.choice(ANGLES)
            items.append((offset, Article(id=f"p{partition}-{offset}",
                                          title=f"{angle[0]}: {text}",
                                          summary=f"{angle[1]} {text} Filed {offset} by "
                                                  f"wire{partition}.",
                                          published=when, source=f"wire{partition}")))
        streams.append(ArticleList(tuple(items)))
    return tuple(streams)


def test_worker_processes_give_exactly_the_single_process_sequence() -> None:
    streams = list(enumerate(_partitions()))
    plan = DetectionPlan(RULES, lateness=timedelta(hours=1))
    single_stats, parallel_stats = StreamStats(), StreamStats()
    single = [(k, d.article_id) for k, d in detect_streams(streams, plan, single_stats)]
    parallel = [(k, d.article_id) for k, d in
                detect_in_processes([streams[0::2], streams[1::2]], plan, parallel_stats)]
    assert single == parallel
    assert single_stats.articles == parallel_stats.articles == 240
    assert single_stats.late == parallel_stats.late > 0  # the jitter exceeds the window


def test_parallel_backtest_report_is_identical_to_single_process() -> None:
    source = BacktestInput("four partitions", _partitions())
    rules = NamedRules("rules", RULES)
    one = run_backtest(source, rules, options=BacktestOptions(workers=1))
    two = run_backtest(source, rules, options=BacktestOptions(workers=2))
    assert one.totals.alerts > 20 and one.totals.followups > 0
    assert one.model_dump_json() == two.model_dump_json()
