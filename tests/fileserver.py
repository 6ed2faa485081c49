"""A server on 127.0.0.1 for tests/fixtures/media/openapi.yaml (the Filebox API): it parses
what a client sends (multipart with the standard library's email parser, chunked bodies)
and answers each path with the media type the spec documents.

Uploads are hashed as they arrive and downloads generated as they are sent, so the
benchmark can move hundreds of megabytes through it without holding them.
"""

from __future__ import annotations

import email.parser
import email.policy
import hashlib
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

# The bytes of a download: every byte value, so that any re-encoding shows.
PAYLOAD = bytes(range(256)) * 4
CHUNK = 64 * 1024


@dataclass
class Part:
    name: str
    filename: str | None
    content_type: str | None
    content: bytes


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]
    size: int
    sha256: str
    body: bytes  # the first MiB only: uploads may be large
    parts: list[Part] = field(default_factory=list)
    query: str = ""  # as it arrived, percent-encoded


def download_bytes(size: int) -> Iterator[bytes]:
    """``size`` bytes of a repeating pattern, in chunks: what GET .../big-<size>/content sends."""
    block = bytes(range(256)) * (CHUNK // 256)
    sent = 0
    while sent < size:
        chunk = block[: min(CHUNK, size - sent)]
        sent += len(chunk)
        yield chunk


class FileServer:
    def __init__(self) -> None:
        self.received: list[Received] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                server._answer(self, self._read())

            def do_POST(self) -> None:
                server._answer(self, self._read())

            def do_PUT(self) -> None:
                server._answer(self, self._read())

            def _read(self) -> Received:
                digest = hashlib.sha256()
                kept = bytearray()
                size = 0
                for chunk in self._body_chunks():
                    digest.update(chunk)
                    size += len(chunk)
                    if len(kept) < 1 << 20:
                        kept += chunk[: (1 << 20) - len(kept)]
                received = Received(
                    self.command,
                    urlsplit(self.path).path,
                    {k.lower(): v for k, v in self.headers.items()},
                    size,
                    digest.hexdigest(),
                    bytes(kept),
                )
                received.query = urlsplit(self.path).query
                content_type = self.headers.get("Content-Type", "")
                if content_type.startswith("multipart/form-data"):
                    received.parts = _parts(content_type, received.body)
                server.received.append(received)
                return received

            def _body_chunks(self) -> Iterator[bytes]:
                if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                    while True:
                        size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                        if size == 0:
                            self.rfile.readline()  # the CRLF after the last chunk
                            return
                        yield self.rfile.read(size)
                        self.rfile.readline()
                remaining = int(self.headers.get("Content-Length") or 0)
                while remaining:
                    chunk = self.rfile.read(min(CHUNK, remaining))
                    remaining -= len(chunk)
                    yield chunk

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def _answer(self, handler: BaseHTTPRequestHandler, received: Received) -> None:
        # A client given base_url=.../upload/v1 sends every operation there.
        path = received.path.replace("/upload/v1/files/", "/v1/files/")
        if path == "/upload/v1/files":
            attributes = next(p for p in received.parts if p.name == "attributes")
            file = next(p for p in received.parts if p.name == "file")
            info = {
                "id": "f1",
                "name": json.loads(attributes.content)["name"],
                "size": len(file.content),
                "parts": [p.name for p in received.parts],
            }
            _send(handler, 201, "application/json", json.dumps(info).encode())
        elif path.startswith("/v1/files/") and received.method == "GET":
            file_id = path.split("/")[3]
            if file_id == "missing":
                _send(handler, 404, "application/json", b'{"message": "no such file"}')
            elif file_id.startswith("big-"):
                _stream(handler, "application/octet-stream", download_bytes(int(file_id[4:])))
            else:
                _send(handler, 200, "application/octet-stream", PAYLOAD)
        elif path.startswith("/v1/files/"):
            info = {"id": path.split("/")[3], "name": received.sha256, "size": received.size}
            _send(handler, 200, "application/json", json.dumps(info).encode())
        elif path.startswith("/v1/reports/"):
            _send(handler, 200, "text/csv; charset=utf-8", "id,name\n1,Zoë\n".encode())
        elif path == "/v1/notes":
            text = (
                received.body.decode()
                if received.headers.get("content-type", "").startswith("text/plain")
                else json.loads(received.body)["text"]
            )
            _send(handler, 201, "application/json", json.dumps({"id": "n1", "text": text}).encode())
        elif path.startswith("/v1/invoices/"):
            if "pdf" in received.headers.get("accept", "").split(",")[0]:
                _send(handler, 200, "application/pdf", b"%PDF-1.7 invoice")
            else:
                _send(handler, 200, "application/json", b'{"id": "i1", "total": 42}')
        elif path == "/v1/legacy/orders":
            _send(handler, 200, "application/xml", b"<order><id>o1</id></order>")
        elif path.startswith("/v1/search/"):
            echo = [received.path, received.query, received.headers.get("x-trace-ids", "")]
            _send(handler, 200, "application/json", json.dumps(echo).encode())
        elif path.startswith("/reviews/"):
            _send(handler, 200, "application/json", json.dumps([path]).encode())
        else:
            _send(handler, 404, "application/json", b'{"message": "no route"}')

    @property
    def last(self) -> Received:
        return self.received[-1]

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def _parts(content_type: str, body: bytes) -> list[Part]:
    """A multipart/form-data body, parsed by the standard library's MIME parser."""
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body
    )
    parts = []
    for part in message.iter_parts():
        payload = part.get_payload(decode=True)
        parts.append(
            Part(
                name=str(part.get_param("name", header="content-disposition")),
                filename=part.get_filename(),
                content_type=part.get("Content-Type"),
                content=payload if isinstance(payload, bytes) else b"",
            )
        )
    return parts


def _send(handler: BaseHTTPRequestHandler, status: int, content_type: str, body: bytes) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def _stream(handler: BaseHTTPRequestHandler, content_type: str, chunks: Iterator[bytes]) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Transfer-Encoding", "chunked")
    handler.end_headers()
    for chunk in chunks:
        handler.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
    handler.wfile.write(b"0\r\n\r\n")
