"""Resources: the operations of one tag, reached as ``client.<resource>``."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .response import WithRawResponse

if TYPE_CHECKING:
    from .client import AsyncAPIClient, SyncAPIClient


class SyncAPIResource:
    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> WithRawResponse:
        """The same methods, returning an ``APIResponse`` (status, headers) whose ``parse()`` gives the model."""
        return WithRawResponse(self)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"


class AsyncAPIResource:
    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> WithRawResponse:
        """The same methods, returning an ``APIResponse`` (status, headers) whose ``parse()`` gives the model."""
        return WithRawResponse(self)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"
