"""One factory for every Kafka client newswatch builds: kafka-python and Faust alike.

Bootstrap servers, security (SASL/SSL) and the timeouts that make a dead broker fail
fast come from ``Settings`` here and nowhere else, so a producer, a consumer, an admin
client and the Faust worker can never disagree about how to reach the cluster.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import time
from collections.abc import Iterator
from typing import Any

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer
from kafka.errors import AuthorizationError, KafkaError, SaslAuthenticationFailedError

from ..schemas.settings import Settings
from .errors import KafkaAccessDenied, KafkaUnavailable


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

    def check_reachable(self, timeout: float = 10.0) -> None:
        """Fail within seconds, naming the servers and the cause, unless Kafka answers.

        kafka-python's own clients retry for tens of seconds and then raise a timeout
        that says nothing of the cause. A plain connect tells "connection refused" at
        once; then one short metadata request with the configured security tells a
        refused password, a TLS failure or a port that speaks no Kafka.
        """
        errors = []
        for server in self.servers():
            host, _, port = server.rpartition(":")
            try:
                socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
                break
            except OSError as exc:
                errors.append(f"{server}: {exc.strerror or exc}")
        else:
            raise KafkaUnavailable(
                f"cannot reach Kafka at {self.bootstrap} ({'; '.join(errors)})")
        self._check_handshake(timeout)

    def _check_handshake(self, timeout: float) -> None:
        # Short attempts, so a refused password ends the probe at once instead of being
        # retried (silently, by kafka-python) until the whole timeout is spent; each one
        # twice as long as the last, so a slow (loaded, just started) broker still gets to
        # answer a handshake, and say why it refuses, within the timeout.
        deadline = time.monotonic() + timeout
        longest = 1.5
        with _kafka_log_captured() as captured:
            while True:
                attempt = max(0.2, min(longest, deadline - time.monotonic()))
                longest *= 2
                try:
                    admin = self.admin("newswatch-probe",
                                       bootstrap_timeout_ms=int(attempt * 1000))
                except KafkaError as exc:
                    if isinstance(exc, SaslAuthenticationFailedError):
                        captured.append(exc)  # raised, not only logged, on some timings
                    if _auth_failure(captured) or time.monotonic() >= deadline:
                        raise self._handshake_error(exc, captured, timeout) from None
                    continue
                break
        admin.close()

    def _handshake_error(self, exc: KafkaError, captured: list[BaseException],
                         timeout: float) -> KafkaUnavailable:
        settings = self.settings
        protocol = settings.kafka_security_protocol
        if _auth_failure(captured):
            return KafkaAccessDenied(
                f"Kafka at {self.bootstrap} refused the credentials of user "
                f"{settings.kafka_sasl_username!r} (SASL {settings.kafka_sasl_mechanism}): "
                "check NEWSWATCH_KAFKA_SASL_USERNAME, NEWSWATCH_KAFKA_SASL_PASSWORD and "
                "NEWSWATCH_KAFKA_SASL_MECHANISM")
        tls = next((e for e in captured if "ssl" in str(e).lower()
                    or "handshake" in str(e).lower()), None)
        if tls is not None and protocol.endswith("SSL"):
            return KafkaUnavailable(
                f"TLS with Kafka at {self.bootstrap} failed ({_short(tls)}): check "
                "NEWSWATCH_KAFKA_SSL_CAFILE and that the listener speaks TLS")
        return KafkaUnavailable(
            f"Kafka at {self.bootstrap} accepted a connection but completed no Kafka "
            f"handshake within {timeout:g}s ({type(exc).__name__}): is it a Kafka listener, "
            f"and does it expect NEWSWATCH_KAFKA_SECURITY_PROTOCOL={protocol}?")


def _auth_failure(captured: list[BaseException]) -> bool:
    return any(isinstance(e, SaslAuthenticationFailedError) for e in captured)


class _CaptureKafkaErrors(logging.Handler):
    """Keeps the exceptions kafka-python logs while it retries (it raises none of them)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.errors: list[BaseException] = []

    def emit(self, record: logging.LogRecord) -> None:
        args = record.args if isinstance(record.args, tuple) else ()
        self.errors.extend(a for a in args if isinstance(a, BaseException))
        if record.exc_info and record.exc_info[1] is not None:
            self.errors.append(record.exc_info[1])
        message = record.getMessage()
        if "SaslAuthenticationFailedError" in message:
            self.errors.append(SaslAuthenticationFailedError(message))
        elif "SSL" in message or "Handshake failed" in message:
            self.errors.append(ConnectionError(message))


@contextlib.contextmanager
def _kafka_log_captured() -> Iterator[list[BaseException]]:
    """While probing, kafka-python's error lines are captured instead of printed: the
    probe turns them into one clear message."""
    logger = logging.getLogger("kafka")
    handler = _CaptureKafkaErrors()
    propagate, level = logger.propagate, logger.level
    logger.addHandler(handler)
    logger.propagate = False
    if level == logging.NOTSET or level > logging.WARNING:
        logger.setLevel(logging.WARNING)
    try:
        yield handler.errors
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
        logger.setLevel(level)


def _short(exc: BaseException) -> str:
    return (str(exc) or type(exc).__name__).splitlines()[0][:160]


@contextlib.contextmanager
def kafka_errors_explained(clients: KafkaClients) -> Iterator[None]:
    """Turn kafka-python's exceptions into newswatch errors that say what to do."""
    try:
        yield
    except AuthorizationError as exc:
        user = clients.settings.kafka_sasl_username
        who = f"user {user!r}" if user else "this client"
        raise KafkaAccessDenied(
            f"Kafka at {clients.bootstrap} denied {who}: {type(exc).__name__} "
            "(grant it ACLs for newswatch's topics and groups)") from None
    except KafkaError as exc:
        raise KafkaUnavailable(
            f"Kafka at {clients.bootstrap} did not complete a request: "
            f"{type(exc).__name__}: {_short(exc)}") from None
