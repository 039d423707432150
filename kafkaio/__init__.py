"""Kafka at the edges of every stage: clients, topic names, dead letters, compacted tables.

The four stages reach Kafka only through this package, so security settings, timeouts,
topic names and the dead-letter format are decided once. It depends on ``schemas`` alone.
"""
