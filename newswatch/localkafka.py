"""A single-node Apache Kafka broker (KRaft) for development, tests and the demo.

The jars come from Maven Central through ``mvn`` and a small pom shipped in this
package; they are cached under ``$NEWSWATCH_HOME/kafka/lib`` (outside git). The
storage directory is formatted once, so data survives ``down``/``up``.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import socket
import subprocess
import time
import uuid
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from newswatch.brokerconfig import SaslListener, SslListener, server_properties
from newswatch.schemas.errors import NewswatchError

__all__ = ["LocalKafka", "LocalKafkaError", "SaslListener", "SslListener", "default_home"]

KAFKA_VERSION = "4.1.0"


class LocalKafkaError(NewswatchError):
    """The local broker could not be installed, started or stopped."""


@dataclass(frozen=True)
class BrokerPaths:
    root: Path
    lib: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def log(self) -> Path:
        return self.root / "server.log"

    @property
    def pidfile(self) -> Path:
        return self.root / "kafka.pid"

    @property
    def config(self) -> Path:
        return self.root / "server.properties"

    @property
    def jars_ready(self) -> Path:
        return self.lib / f".resolved-{KAFKA_VERSION}"


def default_home() -> Path:
    return Path(os.environ.get("NEWSWATCH_HOME", ".newswatch")).resolve()


class LocalKafka:
    """Install, start, stop and query one local broker on loopback."""

    def __init__(self, port: int = 9092, controller_port: int | None = None,
                 home: Path | None = None, heap: str = "1g",
                 lib: Path | None = None, sasl: SaslListener | None = None,
                 ssl: SslListener | None = None) -> None:
        self.port = port
        self.sasl = sasl
        self.ssl = ssl
        self.controller_port = controller_port or port + 1
        root = (home or default_home()) / "kafka"
        # The jar cache can be shared between brokers with separate data.
        self.paths = BrokerPaths(root, lib or root / "lib")
        self.heap = heap

    @property
    def bootstrap(self) -> str:
        """The PLAINTEXT listener (newswatch's own probes and status use it)."""
        return f"127.0.0.1:{self.port}"

    @property
    def sasl_bootstrap(self) -> str:
        if self.sasl is None:
            raise LocalKafkaError("this broker has no SASL listener")
        return f"127.0.0.1:{self.sasl.port}"

    @property
    def ssl_bootstrap(self) -> str:
        if self.ssl is None:
            raise LocalKafkaError("this broker has no SSL listener")
        return f"127.0.0.1:{self.ssl.port}"

    # -- install ---------------------------------------------------------------
    def install(self) -> None:
        """Resolve the broker's jars with Maven unless they are cached already."""
        _require_tool("java", "Java 17+ is needed for the local broker "
                      "(apt-get install openjdk-17-jre-headless)")
        if self.paths.jars_ready.exists():
            return
        mvn = _require_tool("mvn", "Maven is needed to fetch Kafka's jars (apt-get install maven)")
        self.paths.lib.mkdir(parents=True, exist_ok=True)
        with resources.as_file(resources.files("newswatch.data") / "kafka-pom.xml") as pom:
            cmd = [mvn, "-q", "-B", "-f", str(pom), "dependency:copy-dependencies",
                   f"-DoutputDirectory={self.paths.lib}", "-DincludeScope=runtime"]
            proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            tail = (proc.stdout + proc.stderr).strip().splitlines()[-15:]
            raise LocalKafkaError("mvn could not resolve Kafka's jars:\n" + "\n".join(tail))
        self.paths.jars_ready.write_text(KAFKA_VERSION + "\n")

    # -- lifecycle -------------------------------------------------------------
    def up(self, timeout: float = 90.0) -> str:
        """Start the broker (installing and formatting on first use); wait until it answers.

        Returns "started", "running" (ours, already up) or "external" (some other broker
        already answers on the port; it is used as it is, and ``down`` leaves it alone).
        """
        pid = self.pid()
        if _answers(self.bootstrap):
            return "running" if pid is not None else "external"
        ports = [self.port, self.controller_port] + [
            extra.port for extra in (self.sasl, self.ssl) if extra is not None]
        for port in ports:
            if _port_in_use(port):
                raise LocalKafkaError(
                    f"port {port} on 127.0.0.1 is taken by another process; "
                    "choose another with --port or stop that process"
                )
        self.install()
        self._write_config()
        self._format_once()
        self.paths.log.parent.mkdir(parents=True, exist_ok=True)
        with resources.as_file(resources.files("newswatch.data") / "log4j2.properties") as l4j:
            log4j_conf = str(l4j)
        log = self.paths.log.open("ab")
        proc = subprocess.Popen(
            [*self._java(), f"-Dlog4j2.configurationFile={log4j_conf}",
             "kafka.Kafka", str(self.paths.config)],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True,  # survives the command that started it
        )
        log.close()
        self.paths.pidfile.write_text(str(proc.pid))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise LocalKafkaError(
                    f"the broker exited with code {proc.returncode}; last lines of "
                    f"{self.paths.log}:\n{self.log_tail()}"
                )
            if _answers(self.bootstrap):
                return "started"
            time.sleep(0.5)
        self.down()
        raise LocalKafkaError(
            f"the broker did not answer within {timeout:.0f}s; see {self.paths.log}")

    def down(self, timeout: float = 45.0) -> bool:
        """Stop the broker; return False when none was running."""
        pid = self.pid()
        if pid is None:
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and _alive(pid):
            time.sleep(0.2)
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)
        self.paths.pidfile.unlink(missing_ok=True)
        return True

    def pid(self) -> int | None:
        try:
            pid = int(self.paths.pidfile.read_text().strip())
        except (OSError, ValueError):
            return None
        # After a reboot the pidfile may name some other process: never signal that.
        return pid if _alive(pid) and _is_our_broker(pid, self.paths.config) else None

    def status(self) -> str:
        pid = self.pid()
        if pid is None:
            return f"stopped (home {self.paths.root})"
        state = "answering" if _answers(self.bootstrap) else "not answering yet"
        return f"running pid {pid} on {self.bootstrap}, {state} (log {self.paths.log})"

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.paths.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    # -- internals -------------------------------------------------------------
    def _java(self) -> list[str]:
        return ["java", f"-Xmx{self.heap}", "-Xms128m", "-XX:+UseG1GC",
                "-Djava.awt.headless=true", "-cp", str(self.paths.lib / "*")]

    def _write_config(self) -> None:
        self.paths.data.mkdir(parents=True, exist_ok=True)
        properties = server_properties(self.port, self.controller_port, self.paths.data,
                                        sasl_port=self.sasl.port if self.sasl else None,
                                        ssl_port=self.ssl.port if self.ssl else None)
        for extra in (self.sasl, self.ssl):
            if extra is not None:
                properties += extra.properties()
        self.paths.config.write_text(properties)

    def _format_once(self) -> None:
        if (self.paths.data / "meta.properties").exists():
            return
        cluster_id = _cluster_id()
        proc = subprocess.run(
            [*self._java(), "kafka.tools.StorageTool", "format", "--standalone",
             f"--cluster-id={cluster_id}", "-c", str(self.paths.config),
             *(self.sasl.format_arguments() if self.sasl else [])],
            capture_output=True, text=True, check=False,
        )
        if proc.returncode != 0:
            raise LocalKafkaError("formatting the storage failed:\n" + proc.stdout + proc.stderr)


def _cluster_id() -> str:
    # Kafka wants a base64url-encoded 16-byte UUID without padding.
    import base64

    return base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")


def _require_tool(name: str, hint: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise LocalKafkaError(f"{name!r} not found on PATH. {hint}")
    return path


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child still "exists"; treat it as gone.
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"
    except OSError:
        return True


def _is_our_broker(pid: int, config: Path) -> bool:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return b"kafka.Kafka" in cmdline and str(config).encode() in cmdline


def _accepts(server: str) -> bool:
    host, _, port = server.strip().rpartition(":")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=1.0).close()
    except (OSError, ValueError):
        return False
    return True


def _port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _answers(bootstrap: str) -> bool:
    """True when a broker at ``bootstrap`` answers a metadata request."""
    if not any(_accepts(server) for server in bootstrap.split(",")):
        return False  # kafka-python would keep retrying a refused connection for ~30 s
    from kafka import KafkaAdminClient
    from kafka.errors import KafkaError

    # Refused connections are the expected answer while the broker boots; keep
    # kafka-python from logging each one as an error.
    kafka_log = logging.getLogger("kafka")
    previous = kafka_log.level
    kafka_log.setLevel(logging.CRITICAL)
    try:
        return _probe(bootstrap, KafkaAdminClient, KafkaError)
    finally:
        kafka_log.setLevel(previous)


def _probe(bootstrap: str, admin_cls: type, error_cls: type[Exception]) -> bool:
    KafkaAdminClient, KafkaError = admin_cls, error_cls
    try:
        admin = KafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=3000,
                                 client_id="newswatch-probe")
    except (KafkaError, OSError, ValueError):
        return False
    try:
        admin.describe_cluster()
        return True
    except (KafkaError, OSError):
        return False
    finally:
        admin.close()
