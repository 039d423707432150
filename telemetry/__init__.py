"""Observability shared by every service: metrics, health endpoints and log set-up.

A bottom-layer package beside ``kafkaio``: it imports ``schemas`` at most and no client
library (Kafka, Faust, Slack), so each stage can instrument itself with it and the CLI can
configure logging before anything heavy is imported. prometheus-client is imported only
by the modules that need it, so ``newswatch --help`` never pays for it.
"""
