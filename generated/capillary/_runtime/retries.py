"""When to retry and how long to wait: pure functions, so they are tested without a network."""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Callable, Mapping

import httpx

DEFAULT_MAX_RETRIES = 2
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
INITIAL_DELAY = 0.5
MAX_DELAY = 8.0
# A server that asks for a longer wait than this gets an error carrying .retry_after instead.
MAX_RETRY_AFTER = 60.0


def should_retry(
    *,
    safe: bool,
    response: httpx.Response | None = None,
    error: httpx.TransportError | None = None,
) -> bool:
    """Whether an attempt that ended this way may be repeated.

    ``safe``: repeating the request cannot apply it twice (an idempotent method, an
    idempotency key, or the caller's explicit consent). A connection that was never
    made sent nothing, so it is retried whatever the method.
    """
    if error is not None:
        if isinstance(error, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout):
            return True
        return safe
    if response is None:
        return False
    if response.headers.get("x-should-retry") in ("true", "false"):
        return safe and response.headers["x-should-retry"] == "true"
    return safe and response.status_code in RETRY_STATUSES


def retry_after(headers: Mapping[str, str], now: Callable[[], float] = time.time) -> float | None:
    """Seconds the server asks to wait: ``retry-after-ms``, or ``Retry-After`` in seconds or as an HTTP date."""
    lowered = {k.lower(): v for k, v in headers.items()}
    raw_ms = lowered.get("retry-after-ms")
    if raw_ms is not None:
        try:
            return max(float(raw_ms) / 1000, 0.0)
        except ValueError:
            pass
    raw = lowered.get("retry-after")
    if raw is None:
        return None
    try:
        return max(float(raw), 0.0)
    except ValueError:
        pass
    try:
        parsed = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError, OverflowError):
        return None  # neither seconds nor an HTTP date: ignore it
    return max(parsed.timestamp() - now(), 0.0)


def retry_delay(
    retries_taken: int,
    headers: Mapping[str, str] | None,
    *,
    rand: Callable[[], float] = random.random,
    now: Callable[[], float] = time.time,
) -> float | None:
    """The wait before the next attempt, or None when the server asks for more than we wait.

    The server's Retry-After wins when present; otherwise 0.5 s doubling per retry, capped
    at 8 s, less up to 25 % jitter so that many clients do not retry in step.
    """
    asked = retry_after(headers, now) if headers is not None else None
    if asked is not None:
        return asked if asked <= MAX_RETRY_AFTER else None
    base = min(INITIAL_DELAY * 2.0**retries_taken, MAX_DELAY)
    return base * (1 - 0.25 * rand())
