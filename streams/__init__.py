"""Stream processing: the Faust app, its agents, and the pure logic they call.

``streams.detection`` (company matching and event classification) and
``streams.routing`` (which alerts to raise) import neither Kafka nor Faust, so
backtests run the very same code in event time.
"""
