"""The local broker's configuration: its server.properties and the optional extra
listeners (SASL_PLAINTEXT, SSL) that let security settings be tried on one machine."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class SaslListener:
    """An extra SASL_PLAINTEXT listener, so client security settings can be tried locally.

    ``jaas`` maps each mechanism to enable (``PLAIN``, ``SCRAM-SHA-256``, ...) to the JAAS
    line the listener uses for it; the caller writes it, users and passwords included.
    SCRAM users are stored when the storage is formatted, from ``scram_users``
    (mechanism -> {user: password}), so a broker home must be new to add them.
    """

    port: int
    jaas: Mapping[str, str]
    scram_users: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def properties(self) -> str:
        lines = [f"sasl.enabled.mechanisms={','.join(self.jaas)}"]
        for mechanism, jaas in self.jaas.items():
            lines.append(f"listener.name.sasl_plaintext.{mechanism.lower()}.sasl.jaas.config="
                         + " ".join(jaas.split()))
        return "\n".join(lines) + "\n"

    def format_arguments(self) -> list[str]:
        return [arg for mechanism, users in self.scram_users.items()
                for user, password in users.items()
                for arg in ("--add-scram", f"{mechanism}=[name={user},password={password}]")]


@dataclass(frozen=True)
class SslListener:
    """An extra SSL listener: the broker's key and certificate in a PKCS12 keystore the
    caller made (and signed with a CA of its own, which clients then trust)."""

    port: int
    keystore: Path
    password: str

    def properties(self) -> str:
        prefix = "listener.name.ssl.ssl"
        return (f"{prefix}.keystore.type=PKCS12\n"
                f"{prefix}.keystore.location={self.keystore}\n"
                f"{prefix}.keystore.password={self.password}\n"
                f"{prefix}.key.password={self.password}\n")


def server_properties(port: int, controller_port: int, data: Path,
                       sasl_port: int | None = None, ssl_port: int | None = None) -> str:
    # One combined broker+controller; replication factors of 1 and no initial
    # rebalance delay, or every consumer group would wait 3 s on a single node.
    listeners = f"PLAINTEXT://127.0.0.1:{port}"
    protocols = "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
    if sasl_port is not None:
        # Clients authenticate here; the broker itself keeps talking PLAINTEXT.
        listeners += f",SASL_PLAINTEXT://127.0.0.1:{sasl_port}"
        protocols += ",SASL_PLAINTEXT:SASL_PLAINTEXT"
    if ssl_port is not None:
        listeners += f",SSL://127.0.0.1:{ssl_port}"
        protocols += ",SSL:SSL"
    return f"""process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:{controller_port}
listeners={listeners},CONTROLLER://127.0.0.1:{controller_port}
advertised.listeners={listeners}
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map={protocols}
log.dirs={data}
num.partitions=1
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.cleaner.backoff.ms=5000
"""
