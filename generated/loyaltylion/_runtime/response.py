"""Raw responses: the status, headers and timing of a call, with its parsed value on demand;
and streamed responses, whose body is read as it arrives, in constant memory."""

from __future__ import annotations

import contextvars
import inspect
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from types import TracebackType
from typing import Any, Generic, TypeVar

import httpx

T = TypeVar("T")

# Set by ``with_raw_response``; travels in the call's context, never as an HTTP header.
RAW_RESPONSE: contextvars.ContextVar[bool] = contextvars.ContextVar("raw_response", default=False)
# Set by ``with_streaming_response``, in the same way.
STREAMED_RESPONSE: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "streamed_response", default=False
)


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


class StreamedResponse:
    """A successful response whose body has not been read yet (``with_streaming_response``).

    Read it once, with ``iter_bytes()`` or ``write_to_file(path)``; the ``with`` block closes it.
    """

    def __init__(self, response: httpx.Response, retries_taken: int) -> None:
        self.http_response = response
        self.http_request = response.request
        self.status_code = response.status_code
        self.headers = response.headers
        self.retries_taken = retries_taken

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        """The body in chunks as they arrive (decompressed)."""
        return self.http_response.iter_bytes(chunk_size)

    def read(self) -> bytes:
        """The whole body, in memory."""
        return self.http_response.read()

    def write_to_file(self, path: str | os.PathLike[str]) -> None:
        """Write the body to ``path`` as it arrives."""
        with open(path, "wb") as file:
            for chunk in self.http_response.iter_bytes():
                file.write(chunk)

    def close(self) -> None:
        self.http_response.close()

    def __repr__(self) -> str:
        return f"<StreamedResponse [{self.status_code}] {self.http_request.method} {self.http_request.url.path}>"


class AsyncStreamedResponse:
    """The async client's ``StreamedResponse``."""

    def __init__(self, response: httpx.Response, retries_taken: int) -> None:
        self.http_response = response
        self.http_request = response.request
        self.status_code = response.status_code
        self.headers = response.headers
        self.retries_taken = retries_taken

    def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        """The body in chunks as they arrive (decompressed)."""
        return self.http_response.aiter_bytes(chunk_size)

    async def read(self) -> bytes:
        """The whole body, in memory."""
        return await self.http_response.aread()

    async def write_to_file(self, path: str | os.PathLike[str]) -> None:
        """Write the body to ``path`` as it arrives (the writes themselves block)."""
        with open(path, "wb") as file:
            async for chunk in self.http_response.aiter_bytes():
                file.write(chunk)

    async def close(self) -> None:
        await self.http_response.aclose()

    def __repr__(self) -> str:
        return f"<AsyncStreamedResponse [{self.status_code}] {self.http_request.method} {self.http_request.url.path}>"


class _Streaming:
    """What a method of ``with_streaming_response`` returns: a context manager (sync or async)
    that makes the call on entry and closes the response on exit."""

    def __init__(self, call: Callable[[], Any]) -> None:
        self._call = call
        self._response: Any = None

    def __enter__(self) -> StreamedResponse:
        token = STREAMED_RESPONSE.set(True)
        try:
            self._response = self._call()
        finally:
            STREAMED_RESPONSE.reset(token)
        if not isinstance(self._response, StreamedResponse):
            raise TypeError("use `async with` for the async client's streaming responses")
        return self._response

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._response.close()

    async def __aenter__(self) -> AsyncStreamedResponse:
        pending = self._call()  # a coroutine: the call runs when awaited, below
        if not isinstance(pending, Awaitable):
            raise TypeError("use `with` for the sync client's streaming responses")
        token = STREAMED_RESPONSE.set(True)
        try:
            self._response = await pending
        finally:
            STREAMED_RESPONSE.reset(token)
        return self._response  # type: ignore[no-any-return]

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self._response.close()


class WithStreamingResponse:
    """``client.<resource>.with_streaming_response``: its methods as context managers giving a
    ``StreamedResponse`` (``AsyncStreamedResponse`` under ``async with``)."""

    def __init__(self, client: object) -> None:
        self._client = client

    def __getattr__(self, name: str) -> Callable[..., _Streaming]:
        method = getattr(self._client, name)
        if not callable(method) or name.startswith("_"):
            raise AttributeError(name)

        def call(*args: Any, **kwargs: Any) -> _Streaming:
            return _Streaming(lambda: method(*args, **kwargs))

        return call
