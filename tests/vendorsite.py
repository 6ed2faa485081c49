"""A vendor's web site on 127.0.0.1 for the update-specs and docs-drift tests: each path
answers from a script (then its last answer again), and every request is recorded."""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/yaml"
    location: str = ""  # a redirect's target
    hang: bool = False  # never answer (until the test ends)
    chunked: bool = False  # no Content-Length: the body streams


@dataclass
class Site:
    """What the vendor's server answers at each path: a script, then the last answer again."""

    answers: dict[str, list[Answer]] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    url: str = ""
    errors: list[BaseException] = field(default_factory=list)  # the server's own failures

    def serve(self, path: str, *answers: Answer) -> str:
        self.answers[path] = list(answers)
        return f"{self.url}{path}"


@contextlib.contextmanager
def serve_site() -> Iterator[Site]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            state.requests.append(self.path)
            script = state.answers.get(self.path) or [Answer(404, b"not here", "text/plain")]
            answer = script.pop(0) if len(script) > 1 else script[0]
            if answer.hang:
                state.release.wait()
                return
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.content_type)
            if answer.location:
                self.send_header("Location", answer.location)
            if answer.chunked:
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                for start in range(0, len(answer.body), 1024):
                    chunk = answer.body[start : start + 1024]
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                self.wfile.write(b"0\r\n\r\n")
                return
            self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            self.wfile.write(answer.body)

    class Server(ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request: Any, client_address: Any) -> None:
            # A client that hangs up while it is answered (the fetcher after a 404 or an
            # oversized body) is no failure of the site; socketserver would print it to
            # stderr, into the output the test compares.
            error = sys.exc_info()[1]
            if error is not None and not isinstance(error, ConnectionError):
                state.errors.append(error)

    server = Server(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.release.set()
        server.shutdown()
        server.server_close()
    assert not state.errors, state.errors
