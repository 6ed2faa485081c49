"""Credentials kept out of what hooks and log lines see: headers and URLs with every secret
redacted."""

from __future__ import annotations

from collections.abc import Iterable

import httpx

REDACTED = "<redacted>"
# Always treated as secret, whatever the API's security schemes say.
SECRET_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"}
)


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
