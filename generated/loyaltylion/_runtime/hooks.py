"""What hooks see: copies of requests and responses, credentials redacted (redact.py).

Loaded when a hook is first called: building these dataclasses is a good part of what
importing the runtime would otherwise cost."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


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
