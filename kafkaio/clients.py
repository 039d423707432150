"""One factory for every Kafka client newswatch builds: kafka-python and Faust alike.

Bootstrap servers, security (SASL/SSL) and the timeouts that make a dead broker fail
fast come from ``Settings`` here and nowhere else, so a producer, a consumer, an admin
client and the Faust worker can never disagree about how to reach the cluster.
"""

from __future__ import annotations

import socket
from typing import Any

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer

from ..schemas.settings import Settings
from .errors import KafkaUnavailable


class KafkaClients:
    """Builds kafka-python clients (and Faust's broker options) from one ``Settings``."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @property
    def bootstrap(self) -> str:
        return self.settings.kafka_bootstrap

    def servers(self) -> list[str]:
        return [server.strip() for server in self.bootstrap.split(",") if server.strip()]

    def common(self) -> dict[str, Any]:
        """Options every kafka-python client takes: servers and security."""
        options: dict[str, Any] = {"bootstrap_servers": self.servers()}
        settings = self.settings
        protocol = settings.kafka_security_protocol
        if protocol != "PLAINTEXT":
            options["security_protocol"] = protocol
        if protocol.startswith("SASL_"):
            options["sasl_mechanism"] = settings.kafka_sasl_mechanism
            options["sasl_plain_username"] = settings.kafka_sasl_username
            password = settings.kafka_sasl_password
            options["sasl_plain_password"] = password.get_secret_value() if password else None
        if protocol.endswith("SSL") and settings.kafka_ssl_cafile is not None:
            options["ssl_cafile"] = str(settings.kafka_ssl_cafile)
        return options

    def producer(self, client_id: str, **overrides: Any) -> KafkaProducer:
        """A producer that waits for all in-sync replicas (``acks=all``) unless told otherwise."""
        options: dict[str, Any] = {"acks": "all", "client_id": client_id,
                                   "max_block_ms": 30_000}
        options.update(overrides)
        return KafkaProducer(**self.common(), **options)

    def consumer(self, client_id: str, *, group_id: str | None = None,
                 **overrides: Any) -> KafkaConsumer:
        """A consumer that commits only when told to (``enable_auto_commit=False``)."""
        options: dict[str, Any] = {"client_id": client_id, "group_id": group_id,
                                   "enable_auto_commit": False,
                                   "auto_offset_reset": "earliest"}
        options.update(overrides)
        return KafkaConsumer(**self.common(), **options)

    def admin(self, client_id: str, **overrides: Any) -> KafkaAdminClient:
        return KafkaAdminClient(**self.common(), client_id=client_id, **overrides)

    def faust_options(self, scheme: str = "kafka") -> dict[str, Any]:
        """``faust.App`` keyword arguments for the same cluster, security and group timing.

        ``scheme`` picks Faust's transport (the worker passes its own, see streams/transport).
        """
        settings = self.settings
        options: dict[str, Any] = {
            "broker": [f"{scheme}://{s}" for s in self.servers()],
            # Faust's 60 s default session means a restarted worker sits idle for a minute
            # waiting for its dead predecessor to time out.
            "broker_session_timeout": settings.worker_session_timeout,
            "broker_heartbeat_interval": settings.worker_heartbeat_interval,
        }
        if settings.worker_instance_id is not None:
            options["consumer_group_instance_id"] = settings.worker_instance_id
        credentials = self._faust_credentials()
        if credentials is not None:
            options["broker_credentials"] = credentials
        return options

    def _faust_credentials(self) -> Any:
        settings = self.settings
        protocol = settings.kafka_security_protocol
        if protocol == "PLAINTEXT":
            return None
        import ssl

        import faust  # only the worker needs it; the other stages never import Faust

        context = None
        if protocol.endswith("SSL"):
            cafile = settings.kafka_ssl_cafile
            context = ssl.create_default_context(cafile=str(cafile) if cafile else None)
        if protocol == "SSL":
            return faust.SSLCredentials(context)
        password = settings.kafka_sasl_password
        return faust.SASLCredentials(
            username=settings.kafka_sasl_username,
            password=password.get_secret_value() if password else None,
            mechanism=settings.kafka_sasl_mechanism, ssl_context=context)

    def check_reachable(self, timeout: float = 5.0) -> None:
        """Fail within seconds, naming the servers, when none accepts a TCP connection.

        kafka-python's own clients retry for tens of seconds and then raise a timeout
        that says nothing of the cause; a plain connect tells "connection refused" at once.
        """
        errors = []
        for server in self.servers():
            host, _, port = server.rpartition(":")
            try:
                socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
                return
            except OSError as exc:
                errors.append(f"{server}: {exc.strerror or exc}")
        raise KafkaUnavailable(f"cannot reach Kafka at {self.bootstrap} ({'; '.join(errors)})")
