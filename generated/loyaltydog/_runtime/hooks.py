"""What hooks and log lines see: copies of requests and responses with every credential redacted."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import httpx

REDACTED = "<redacted>"
# Always treated as secret, whatever the API's security schemes say.
SECRET_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"}
)


@dataclass(frozen=True, slots=True)
class RequestInfo:
    """A request about to be sent; ``attempt`` counts from 1."""

    operation: str
    method: str
    url: str
    headers: dict[str, str]
    attempt: int


@dataclass(frozen=True, slots=True)
class ResponseInfo:
    operation: str
    method: str
    url: str
    status_code: int
    headers: dict[str, str]
    attempt: int
    elapsed: float
    will_retry: bool


RequestHook = Callable[[RequestInfo], None]
ResponseHook = Callable[[ResponseInfo], None]


class Redactor:
    """Removes the credentials an API's schemes use from headers and URLs."""

    def __init__(self, header_names: Iterable[str] = (), query_names: Iterable[str] = ()) -> None:
        self.header_names = SECRET_HEADERS | {h.lower() for h in header_names}
        self.query_names = frozenset(query_names)

    def headers(self, headers: httpx.Headers) -> dict[str, str]:
        return {k: REDACTED if k.lower() in self.header_names else v for k, v in headers.items()}

    def url(self, url: httpx.URL) -> str:
        if not self.query_names or not url.query:
            return str(url)
        params = [
            (k, REDACTED if k in self.query_names else v) for k, v in url.params.multi_items()
        ]
        return str(url.copy_with(params=params))
