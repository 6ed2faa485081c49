"""A local HTTP server on 127.0.0.1 that serves one list over pages, in every pagination style
of tests/fixtures/pagination/openapi.yaml (path -> style below), and records each request.

A page is known by the index of its first item (``start``): ``fail(start, 503)`` answers the
next request for that page with a 503 (``Retry-After: 0``), once per status given.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

PAGE_SIZE = 3  # when the request does not say


def _int(query: dict[str, list[str]], name: str, default: int) -> int:
    values = query.get(name)
    return int(values[0]) if values else default


class PageServer:
    def __init__(self, count: int = 7) -> None:
        self.items = [{"id": f"i{n}", "name": f"item {n}"} for n in range(count)]
        self.seen: list[str] = []  # each request's path and query
        self._failures: dict[int, list[int]] = {}
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body are two writes: without this, each answer waits out a delayed ACK.
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                url = urlsplit(self.path)
                query = parse_qs(url.query)
                base = f"http://{self.headers['Host']}{url.path}"
                with server._lock:
                    server.seen.append(self.path)
                    style = _STYLES[url.path]
                    start = style.start(query)
                    failures = server._failures.get(start)
                    status = failures.pop(0) if failures else 200
                    items = server.items
                if status != 200:
                    self._send(status, {"error": "try again"}, {"Retry-After": "0"})
                    return
                size = style.size(query)
                page = items[start : start + size]
                after = start + size if start + size < len(items) else None
                body, headers = style.answer(page, after, size, len(items), base)
                self._send(200, body, headers)

            def _send(self, status: int, body: Any, headers: dict[str, str]) -> None:
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def reset(self, count: int) -> None:
        with self._lock:
            self.items = [{"id": f"i{n}", "name": f"item {n}"} for n in range(count)]
            self.seen = []
            self._failures = {}

    def fail(self, start: int, *statuses: int) -> None:
        """Answer the requests for the page starting at item ``start`` with ``statuses`` first."""
        with self._lock:
            self._failures[start] = list(statuses)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


Answer = tuple[Any, dict[str, str]]


class _Style:
    def __init__(
        self,
        start: Callable[[dict[str, list[str]]], int],
        size: str,
        answer: Callable[[list[dict[str, str]], int | None, int, int, str], Answer],
    ) -> None:
        self.start = start
        self._size = size
        self.answer = answer

    def size(self, query: dict[str, list[str]]) -> int:
        return _int(query, self._size, PAGE_SIZE)


def _after_cursor(name: str) -> Callable[[dict[str, list[str]]], int]:
    """A cursor ``c<n>`` names the first item of its page."""
    return lambda query: int(query[name][0][1:]) if query.get(name) else 0


def _after_id(query: dict[str, list[str]]) -> int:
    """Stripe's ``starting_after``: the id (``i<n>``) of the last item already seen."""
    return int(query["starting_after"][0][1:]) + 1 if query.get("starting_after") else 0


def _link(base: str, after: int | None, size: int) -> str | None:
    return None if after is None else f"{base}?{urlencode({'start': after, 'limit': size})}"


def _page_of(name: str, size: str) -> Callable[[dict[str, list[str]]], int]:
    return lambda query: (_int(query, name, 1) - 1) * _int(query, size, PAGE_SIZE)


def _link_header(link: str | None) -> dict[str, str]:
    return {"Link": f'<{link}>; rel="next", <http://elsewhere.test/>; rel="first"'} if link else {}


def _github_link(base: str, after: int | None, size: int) -> dict[str, str]:
    if after is None:
        return {}
    return _link_header(f"{base}?{urlencode({'per_page': size, 'page': after // size + 1})}")


_STYLES: dict[str, _Style] = {
    "/cursor/items": _Style(
        _after_cursor("cursor"),
        "limit",
        lambda page, after, size, total, base: (
            {"items": page, "next_cursor": None if after is None else f"c{after}"},
            {},
        ),
    ),
    "/header-cursor/items": _Style(
        _after_cursor("cursor"),
        "limit",
        lambda page, after, size, total, base: (
            page,
            {} if after is None else {"X-Next-Cursor": f"c{after}"},
        ),
    ),
    "/next-url/items": _Style(
        lambda query: _int(query, "start", 0),
        "limit",
        lambda page, after, size, total, base: (
            {"results": page, "next": _link(base, after, size)},
            {},
        ),
    ),
    "/link/items": _Style(
        lambda query: _int(query, "start", 0),
        "limit",
        lambda page, after, size, total, base: (page, _link_header(_link(base, after, size))),
    ),
    "/offset/items": _Style(
        lambda query: _int(query, "offset", 0),
        "limit",
        lambda page, after, size, total, base: ({"data": page, "meta": {"total": total}}, {}),
    ),
    "/page/items": _Style(
        _page_of("page", "size"),
        "size",
        lambda page, after, size, total, base: ({"entries": page, "total": total}, {}),
    ),
    "/v1/customers": _Style(
        _after_id,
        "limit",
        lambda page, after, size, total, base: (
            {"object": "list", "data": page, "has_more": after is not None, "url": "/v1/customers"},
            {},
        ),
    ),
    "/json-api/items": _Style(
        lambda query: _int(query, "page[offset]", 0),
        "page[size]",
        lambda page, after, size, total, base: (
            {
                "data": page,
                "links": {
                    "self": base,
                    "next": (
                        None
                        if after is None
                        else f"{base}?{urlencode({'page[offset]': after, 'page[size]': size})}"
                    ),
                },
            },
            {},
        ),
    ),
    "/repos/items": _Style(
        _page_of("page", "per_page"),
        "per_page",
        lambda page, after, size, total, base: (page, _github_link(base, after, size)),
    ),
    "/numbered/items": _Style(
        _page_of("page", "limit"),
        "limit",
        lambda page, after, size, total, base: ({"rewards": page, "total_count": total}, {}),
    ),
    "/one-page/items": _Style(
        _page_of("page", "per_page"),
        "per_page",
        lambda page, after, size, total, base: (page, {}),
    ),
}
