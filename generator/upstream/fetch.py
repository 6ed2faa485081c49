"""Fetch what a vendor publishes (a spec, a documentation page) over https, defensively.

Timeouts on every request; connection failures, timeouts, 429 and 5xx retried with
exponential backoff (a Retry-After within reason is honoured); redirects followed only on
https and within the same site (the host, its parent or a subdomain: a vendor's docs moving
to another company's host is a change a person should see); bodies larger than the limit
refused while they stream; HTML where a spec was expected, and bodies that are not UTF-8,
refused with what arrived.
"""

from __future__ import annotations

import ipaddress
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

MiB = 1024 * 1024
_MAX_REDIRECTS = 5
_RETRY_AFTER_CAP = 60.0
_SPEC_ACCEPT = (
    "application/json, application/yaml, application/x-yaml, text/yaml, text/plain;q=0.9, */*;q=0.5"
)


class FetchError(Exception):
    """What went wrong, with the URL; nothing was fetched."""


@dataclass(frozen=True, slots=True)
class FetchOptions:
    timeout: float = 30.0  # seconds, for connecting and for each read
    retries: int = 3
    backoff: float = 1.0  # seconds before the first retry; doubled for each next one
    max_bytes: int = 50 * MiB  # GitHub's spec, the largest we know, is 11 MiB


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # where it came from in the end, after redirects
    body: bytes  # exactly as published: UTF-8, checked before it is returned
    content_type: str

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def fetch(url: str, options: FetchOptions, *, expect_spec: bool = True) -> Fetched:
    """GET ``url``; ``expect_spec`` refuses an HTML page."""
    # httpx is imported here, not above: the command line reads FetchOptions for every command.
    import httpx

    headers = {"Accept": _SPEC_ACCEPT if expect_spec else "text/markdown, text/html, */*;q=0.5"}
    with httpx.Client(
        timeout=httpx.Timeout(options.timeout), follow_redirects=False, headers=headers
    ) as client:
        for attempt in range(options.retries + 1):
            last = attempt == options.retries
            try:
                status, fetched, retry_after = _get(client, url, options)
            except (httpx.TimeoutException, httpx.TransportError) as exc:
                if last:
                    raise FetchError(f"{url}: {_describe(exc, options)}") from None
                _wait(options, attempt, None)
                continue
            if fetched is not None:
                _check_body(fetched, expect_spec)
                return fetched
            if last or not (status == 429 or status >= 500):
                raise FetchError(f"{url}: HTTP {status} {httpx.codes.get_reason_phrase(status)}")
            _wait(options, attempt, retry_after)
    raise AssertionError("unreachable: the last attempt returns or raises")


def _get(
    client: httpx.Client, url: str, options: FetchOptions
) -> tuple[int, Fetched | None, float | None]:
    """One attempt, redirects followed: (status, what arrived on a 200, Retry-After)."""
    import httpx

    current = httpx.URL(url)
    for _ in range(_MAX_REDIRECTS + 1):
        with client.stream("GET", current) as response:
            if response.is_redirect:
                target = current.join(response.headers.get("location", ""))
                _check_redirect(httpx.URL(url), current, target)
                current = target
                continue
            if response.status_code != 200:
                return response.status_code, None, _retry_after(response)
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > options.max_bytes:
                raise FetchError(
                    f"{current}: {_size(int(declared))} (Content-Length) is over the limit "
                    f"of {_size(options.max_bytes)}"
                )
            chunks = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > options.max_bytes:
                    raise FetchError(
                        f"{current}: the body passed the limit of {_size(options.max_bytes)}; "
                        "stopped reading"
                    )
                chunks.append(chunk)
            body = b"".join(chunks)
            content_type = response.headers.get("content-type", "")
            return 200, Fetched(str(current), body, content_type), None
    raise FetchError(f"{url}: more than {_MAX_REDIRECTS} redirects")


def _check_redirect(origin: httpx.URL, current: httpx.URL, target: httpx.URL) -> None:
    local = is_loopback(origin.host) and target.host == origin.host
    if target.scheme != "https" and not (local and target.scheme == origin.scheme):
        raise FetchError(f"{current}: redirected to {target}, which is not https; not followed")
    if not (_same_site(origin.host, target.host) or local):
        raise FetchError(
            f"{current}: redirected to {target}, another site than {origin.host}; not followed "
            "(if the vendor moved its spec there, change the url in source.yaml)"
        )


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _same_site(a: str, b: str) -> bool:
    """The same host, or one a subdomain of the other (api.loyalty.dog and loyalty.dog).
    Hosts that merely share a parent are not compared: without the public-suffix list,
    x.co.uk and y.co.uk would look alike."""
    return a == b or a.endswith(f".{b}") or b.endswith(f".{a}")


def _check_body(fetched: Fetched, expect_spec: bool) -> None:
    body = fetched.body
    # Neither JSON nor YAML starts with "<"; a Content-Type alone is not trusted either way
    # (servers label specs text/html, and pages text/plain).
    if expect_spec and body.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        raise FetchError(
            f"{fetched.url}: an HTML page arrived where a spec was expected "
            f"(Content-Type {fetched.content_type or 'not given'}); the URL may name the "
            "documentation instead of the document, or a sign-in or error page"
        )
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FetchError(
            f"{fetched.url}: the body is not UTF-8 (byte {exc.start}: "
            f"{body[exc.start:exc.start + 1]!r}; Content-Type {fetched.content_type or 'not given'})"
        ) from None


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after", "")
    return min(float(value), _RETRY_AFTER_CAP) if value.isdigit() else None


def _wait(options: FetchOptions, attempt: int, retry_after: float | None) -> None:
    time.sleep(retry_after if retry_after is not None else options.backoff * 2**attempt)


def _describe(exc: Exception, options: FetchOptions) -> str:
    import httpx

    tries = f"{options.retries + 1} attempt(s)"
    if isinstance(exc, httpx.TimeoutException):
        return f"no answer within the {options.timeout:g} s timeout ({tries})"
    return f"{type(exc).__name__}: {exc or 'connection failed'} ({tries})"


def _size(count: int) -> str:
    return f"{count / MiB:.1f} MiB" if count >= MiB else f"{count} bytes"
