"""The HTTP side: a threaded server on 127.0.0.1 that parses requests and routes them.

``/api/<method>`` picks a fault, checks the token and dispatches to the handler registered
for the method in ``API_METHODS``; ``/services/...`` is the incoming webhook;
``/_emulator/<action>`` is the control API. Handlers return or raise an ``Answer``, which
this module writes back.
"""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from tests.slack_emulator.answers import DROP, Answer, answer_before_post, fail
from tests.slack_emulator.faults import Faults
from tests.slack_emulator.methods import (
    ApiCall,
    ApiHandler,
    apps,
    auth,
    chat,
    conversations,
    usergroups,
    views,
)
from tests.slack_emulator.methods.control import control
from tests.slack_emulator.methods.webhook import webhook
from tests.slack_emulator.workspace import TEAM_ID, Workspace

API_METHODS: dict[str, ApiHandler] = {**auth.METHODS, **chat.METHODS, **conversations.METHODS,
                                      **apps.METHODS, **usergroups.METHODS, **views.METHODS}


class EmulatorServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # many notifier workers connect at once

    def __init__(self, workspace: Workspace, faults: Faults) -> None:
        self.workspace, self.faults = workspace, faults
        super().__init__(("127.0.0.1", 0), RequestHandler)  # port 0: any free port


def call_api(
    workspace: Workspace, faults: Faults, method: str, params: dict[str, Any], token: str
) -> Answer:
    """One Web API call. Faults come before the token check, as an outage or a throttle at
    Slack's edge would, and only chat.postMessage may create the channel it names."""
    ref = params.get("channel")
    create = workspace.auto_create_channels and method == "chat.postMessage"
    with workspace.lock:
        chan = workspace.find_channel(str(ref), create=create) if ref else None
    cid = chan.id if chan else ref
    fault = faults.pick(method, cid)
    if fault is not None:
        answer_before_post(workspace, fault, method, cid, webhook=False)
    # Socket Mode's URL is the one call made with the app-level token.
    error = (apps.app_token_error(workspace, token) if method in apps.METHODS
             else auth.token_error(workspace, token))
    if error:
        fail(workspace, method, cid, error)
    handler = API_METHODS.get(method)
    if handler is None:
        fail(workspace, method, cid, "unknown_method")
    body = handler(workspace, faults, ApiCall(method, params, chan, cid, fault))
    workspace.record(method, cid, 200, None)
    return Answer(200, {"ok": True, **body})


class RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep test output quiet

    def do_GET(self) -> None:
        self.do_POST()  # e.g. reading /_emulator/posts with urlopen: answered like a POST

    def do_POST(self) -> None:
        server = self.server
        assert isinstance(server, EmulatorServer)
        workspace, faults = server.workspace, server.faults
        path = urlsplit(self.path).path
        params = self._params()
        workspace.current.alert_id = _alert_id(params)
        try:
            try:
                answer = self._route(workspace, faults, path, params)
            except Answer as raised:
                answer = raised
            if answer.status == DROP:  # a "disconnect" fault: hang up without a word
                self.close_connection = True
                self.connection.close()
            else:
                self._send(answer)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout test): nothing to answer

    def _route(
        self, workspace: Workspace, faults: Faults, path: str, params: dict[str, Any]
    ) -> Answer:
        if path.startswith("/_emulator/"):
            return control(workspace, faults, path.removeprefix("/_emulator/"), params)
        if path.startswith("/respond/"):  # a response_url the app answers a command on
            return respond(workspace, path.removeprefix("/respond/"), params)
        if path.startswith("/services/"):
            return webhook(workspace, faults, path.removeprefix(f"/services/{TEAM_ID}/"), params)
        if path.startswith("/api/"):
            method = path.removeprefix("/api/")
            return call_api(workspace, faults, method, params, self._token(params))
        return Answer(404, "not found")

    def _token(self, params: dict[str, Any]) -> str:
        # The bearer header wins; a form field named token is the older way to send it.
        auth_header = self.headers.get("Authorization", "")
        if auth_header.startswith("Bearer "):
            return auth_header.removeprefix("Bearer ")
        token: str = params.get("token", "")
        return token

    def _params(self) -> dict[str, Any]:
        """Query string and body merged (body wins), the body as JSON or as a form."""
        query = dict(parse_qsl(urlsplit(self.path).query))
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        ctype = self.headers.get("Content-Type", "")
        if raw and "json" in ctype:
            body = json.loads(raw.decode("utf-8"))
            return {**query, **body}
        if raw:
            return {**query, **dict(parse_qsl(raw.decode("utf-8")))}
        return query

    def _send(self, answer: Answer) -> None:
        if isinstance(answer.body, dict):
            data = json.dumps(answer.body).encode("utf-8")
            ctype = "application/json; charset=utf-8"
        else:
            data = answer.body.encode("utf-8")
            ctype = "text/html"
        try:
            self.send_response(answer.status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            for key, value in answer.headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass


def respond(workspace: Workspace, response_id: str, params: dict[str, Any]) -> Answer:
    """A post to a response_url: kept for the test, answered like Slack."""
    with workspace.lock:
        if response_id not in workspace.responses:
            return Answer(404, "no_response_url")
        if len(workspace.responses[response_id]) >= 5:  # Slack allows five per URL
            return Answer(404, "used_url")
        workspace.responses[response_id].append(params)
    return Answer(200, "ok")


def _alert_id(params: dict[str, Any]) -> str | None:
    """The alert id in a post's metadata, so every call recorded for it carries the id."""
    metadata = params.get("metadata")
    if isinstance(metadata, str):
        metadata = json.loads(metadata)
    payload = (metadata or {}).get("event_payload") if isinstance(metadata, dict) else None
    return payload.get("alert_id") if isinstance(payload, dict) else None
