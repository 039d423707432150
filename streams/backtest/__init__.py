"""Backtests: what would these rules have sent? The worker's own detection and routing,
run in event time over articles from a topic range or from files, sending nothing.

- ``timerange``: ``--from`` / ``--to``;
- ``topic``: ``<prefix>.articles`` by time range (``offsets_for_times``, no consumer group);
- ``detecting`` / ``ordering`` / ``parallel``: detection per stream, event-time order, and
  the same order from worker processes;
- ``routing``: the live ``Router`` with story state in a dict;
- ``report`` / ``model`` / ``labels`` / ``engine``: the report, diff and labelled scoring;
- ``render_text`` / ``render_html``: the terminal summary and the self-contained page;
- ``replay``: sandbox rules and the article copy for ``newswatch replay``.

It takes articles, never feeds: reading feed files into articles is the CLI's wiring.
"""
