"""Outage bookkeeping without a broker: one prober for all lanes, and every waiting lane
woken as soon as Slack answers (by a probe or by any real post)."""

from __future__ import annotations

import threading
import time

from newswatch.notifiers.recovery import SlackRecovery


def test_a_probe_that_succeeds_wakes_every_waiting_lane() -> None:
    answers = iter([False, False, True])
    probes: list[float] = []
    states: list[bool] = []

    def probe() -> bool:
        probes.append(time.monotonic())
        return next(answers)

    recovery = SlackRecovery(probe, interval_s=0.05, max_interval_s=0.1, on_change=states.append)
    generations = [recovery.failed() for _ in range(3)]  # three lanes fail; one outage
    assert recovery.down and len(set(generations)) == 1
    woken: list[float] = []

    def lane() -> None:
        assert recovery.wait(30.0, generations[0], cancelled=lambda: False) is False
        woken.append(time.monotonic())

    lanes = [threading.Thread(target=lane) for _ in range(3)]
    started = time.monotonic()
    for thread in lanes:
        thread.start()
    for thread in lanes:
        thread.join(5)
    assert len(woken) == 3 and max(woken) - started < 2.0  # not the 30 s backoff
    assert len(probes) == 3 and states == [False, True] and not recovery.down
    recovery.close()


def test_a_real_success_ends_the_outage_and_a_cancel_ends_the_wait() -> None:
    recovery = SlackRecovery(None)  # a webhook cannot be probed
    generation = recovery.failed()
    threading.Timer(0.2, recovery.succeeded).start()
    started = time.monotonic()
    assert recovery.wait(30.0, generation, cancelled=lambda: False) is False
    assert time.monotonic() - started < 2.0
    generation = recovery.failed()
    assert recovery.wait(30.0, generation, cancelled=lambda: True) is True
    assert recovery.recovered_since(generation) is False


def test_wait_without_recovery_lasts_the_backoff() -> None:
    recovery = SlackRecovery(lambda: False, interval_s=0.05)
    generation = recovery.failed()
    started = time.monotonic()
    assert recovery.wait(0.3, generation, cancelled=lambda: False) is False
    assert time.monotonic() - started >= 0.29
    recovery.close()
