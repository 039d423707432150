"""Free loopback ports for servers a test starts (brokers, listeners).

Ports handed out by ``bind(0)`` come from the kernel's ephemeral range, which every
outgoing connection also draws from: with tests running in parallel, a port found free a
moment ago can be taken by another test's client before the server binds it. These come
from below that range, at a random place, and are checked free.
"""

from __future__ import annotations

import random
import socket

_LOW, _HIGH = 20_000, 32_000  # under Linux's default ephemeral range (32768-60999)


def _free(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_ports(count: int = 1) -> list[int]:
    """``count`` consecutive ports on 127.0.0.1 that nothing listens on."""
    rng = random.Random()
    for _ in range(200):
        first = rng.randrange(_LOW, _HIGH - count)
        ports = list(range(first, first + count))
        if all(_free(p) for p in ports):
            return ports
    raise RuntimeError(f"no {count} consecutive free ports in {_LOW}-{_HIGH}")
