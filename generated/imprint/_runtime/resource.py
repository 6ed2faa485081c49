"""Resources: the operations of one tag, reached as ``client.<resource>``."""

from __future__ import annotations

from functools import cached_property
from typing import Generic, TypeVar

from .client import AsyncAPIClient, SyncAPIClient
from .response import WithRawResponse, WithStreamingResponse

ClientT = TypeVar("ClientT")


class _APIResource(Generic[ClientT]):
    def __init__(self, client: ClientT) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> WithRawResponse:
        """The same methods, returning an ``APIResponse`` (status, headers) whose ``parse()`` gives the model."""
        return WithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> WithStreamingResponse:
        """The same methods as context managers whose response body is read as it arrives:
        ``with client.files.with_streaming_response.download(id) as r: r.write_to_file(p)``."""
        return WithStreamingResponse(self)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"


class SyncAPIResource(_APIResource[SyncAPIClient]):
    pass


class AsyncAPIResource(_APIResource[AsyncAPIClient]):
    pass
