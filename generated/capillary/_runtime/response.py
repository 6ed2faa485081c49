"""Raw responses: the status, headers and timing of a call, with its parsed value on demand."""

from __future__ import annotations

import contextvars
import inspect
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import httpx

T = TypeVar("T")

# Set by ``with_raw_response``; travels in the call's context, never as an HTTP header.
RAW_RESPONSE: contextvars.ContextVar[bool] = contextvars.ContextVar("raw_response", default=False)


class APIResponse(Generic[T]):
    """What ``client.<resource>.with_raw_response.<method>(...)`` returns."""

    def __init__(
        self, response: httpx.Response, parse: Callable[[], T], retries_taken: int
    ) -> None:
        self.http_response = response
        self.http_request = response.request
        self.status_code = response.status_code
        self.headers = response.headers
        self.retries_taken = retries_taken
        self._parse = parse

    def parse(self) -> T:
        """The value the method returns without ``with_raw_response``: the parsed model."""
        return self._parse()

    def __repr__(self) -> str:
        return f"<APIResponse [{self.status_code}] {self.http_request.method} {self.http_request.url.path}>"


class WithRawResponse:
    """``client.<resource>.with_raw_response``: its methods, returning ``APIResponse`` instead."""

    def __init__(self, client: object) -> None:
        self._client = client

    def __getattr__(self, name: str) -> Callable[..., Any]:
        method = getattr(self._client, name)
        if not callable(method) or name.startswith("_"):
            raise AttributeError(name)
        if inspect.iscoroutinefunction(method):

            async def call_async(*args: Any, **kwargs: Any) -> Any:
                token = RAW_RESPONSE.set(True)
                try:
                    return await method(*args, **kwargs)
                finally:
                    RAW_RESPONSE.reset(token)

            return call_async

        def call(*args: Any, **kwargs: Any) -> Any:
            token = RAW_RESPONSE.set(True)
            try:
                return method(*args, **kwargs)
            finally:
                RAW_RESPONSE.reset(token)

        return call
