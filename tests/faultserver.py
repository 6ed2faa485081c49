"""A fault-injecting HTTP server on 127.0.0.1 for the resilience tests.

Each request takes the next scripted behaviour (then the default answer) and is recorded.
"""

from __future__ import annotations

import json
import socket
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Answer:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (a slow server)
    drop_mid_body: bool = False  # send headers and part of the body, then close
    raw: bytes | None = None  # a body sent as is (invalid JSON)


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that gave up (the timeout tests) leaves the answer nowhere to go; that is
        # the point of those tests, not a failure to print in the middle of the run.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class FaultServer:
    def __init__(self) -> None:
        self.script: list[Answer] = []
        self.default = Answer()
        self.seen: list[Seen] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                with server._lock:
                    server.seen.append(
                        Seen(self.command, self.path, dict(self.headers.items()), body)
                    )
                    answer = server.script.pop(0) if server.script else server.default
                if answer.delay:
                    time.sleep(answer.delay)
                payload = (
                    answer.raw if answer.raw is not None else json.dumps(answer.body or {}).encode()
                )
                self.send_response(answer.status)
                self.send_header("Content-Type", "application/json")
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if answer.drop_mid_body:
                    self.wfile.write(payload[: max(len(payload) // 2, 1)])
                    self.wfile.flush()
                    self.connection.shutdown(socket.SHUT_RDWR)
                    self.close_connection = True
                    return
                self.wfile.write(payload)

            do_GET = do_PUT = do_POST = do_PATCH = do_DELETE = _handle

        self._server = _QuietServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def reset(self, default: Answer, *script: Answer) -> None:
        with self._lock:
            self.default = default
            self.script = list(script)
            self.seen = []

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
