# Generated from specs/loyaltydog/openapi.yaml. Do not edit; run make generate.
"""Clients for LoyaltyDog (API version 1.0.1)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING

import httpx

from ._runtime import NOT_GIVEN
from ._runtime.auth import BearerAuth
from ._runtime.client import AsyncAPIClient, SyncAPIClient, TimeoutArg
from ._runtime.retries import DEFAULT_MAX_RETRIES

# What annotations alone name: models, the hooks' records and resources load on first use.
if TYPE_CHECKING:
    from ._runtime.hooks import RequestHook, ResponseHook
    from .resources.customers import AsyncCustomersResource, CustomersResource

SERVER_URL = "https://api.loyalty.dog"
USER_AGENT = "loyaltydog-python/1.0.1 (generated; httpx)"


class LoyaltyDogClient(SyncAPIClient):
    """Synchronous client for LoyaltyDog.

    Use it as a context manager, or call ``close()`` when done.
    """

    def __init__(
        self,
        *,
        bearer_auth: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_non_idempotent: bool = False,
        on_request: RequestHook | None = None,
        on_response: ResponseHook | None = None,
    ) -> None:
        """Build a client; credentials are given once, here.

        Args:
            bearer_auth: bearer token (scheme bearerAuth). JWT access token obtained from POST /v2/token.
            base_url: overrides the server the spec names (https://api.loyalty.dog), for
                every operation, those with servers of their own too.
            timeout: seconds or an ``httpx.Timeout``; default 30 s (5 s to connect); None waits forever.
            default_headers: headers sent with every request.
            http_client: an ``httpx.Client`` to send requests with (proxies,
                transports); the caller keeps ownership and closes it.
            max_retries: retries after a connection error or a 408, 429, 500, 502, 503 or 504,
                with exponential backoff that honours Retry-After; 0 disables them.
            retry_non_idempotent: also retry POST and PATCH calls after they may have reached
                the server, which can apply them twice; off unless the operation has an
                idempotency key.
            on_request: called before each attempt with a RequestInfo (credentials redacted).
            on_response: called after each attempt with a ResponseInfo (credentials redacted).
        """
        super().__init__(
            base_url=base_url,
            server=SERVER_URL,
            auth={
                "bearerAuth": BearerAuth.from_argument("bearer_auth", bearer_auth),
            },
            timeout=timeout,
            user_agent=USER_AGENT,
            default_headers=default_headers,
            http_client=http_client,
            max_retries=max_retries,
            retry_non_idempotent=retry_non_idempotent,
            on_request=on_request,
            on_response=on_response,
        )

    @cached_property
    def customers(self) -> CustomersResource:
        """Operations on customers."""
        from .resources.customers import CustomersResource

        return CustomersResource(self)


class AsyncLoyaltyDogClient(AsyncAPIClient):
    """Asynchronous client for LoyaltyDog.

    Use it as an async context manager, or call ``await close()`` when done.
    """

    def __init__(
        self,
        *,
        bearer_auth: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_non_idempotent: bool = False,
        on_request: RequestHook | None = None,
        on_response: ResponseHook | None = None,
    ) -> None:
        """Build a client; credentials are given once, here.

        Args:
            bearer_auth: bearer token (scheme bearerAuth). JWT access token obtained from POST /v2/token.
            base_url: overrides the server the spec names (https://api.loyalty.dog), for
                every operation, those with servers of their own too.
            timeout: seconds or an ``httpx.Timeout``; default 30 s (5 s to connect); None waits forever.
            default_headers: headers sent with every request.
            http_client: an ``httpx.AsyncClient`` to send requests with (proxies,
                transports); the caller keeps ownership and closes it.
            max_retries: retries after a connection error or a 408, 429, 500, 502, 503 or 504,
                with exponential backoff that honours Retry-After; 0 disables them.
            retry_non_idempotent: also retry POST and PATCH calls after they may have reached
                the server, which can apply them twice; off unless the operation has an
                idempotency key.
            on_request: called before each attempt with a RequestInfo (credentials redacted).
            on_response: called after each attempt with a ResponseInfo (credentials redacted).
        """
        super().__init__(
            base_url=base_url,
            server=SERVER_URL,
            auth={
                "bearerAuth": BearerAuth.from_argument("bearer_auth", bearer_auth),
            },
            timeout=timeout,
            user_agent=USER_AGENT,
            default_headers=default_headers,
            http_client=http_client,
            max_retries=max_retries,
            retry_non_idempotent=retry_non_idempotent,
            on_request=on_request,
            on_response=on_response,
        )

    @cached_property
    def customers(self) -> AsyncCustomersResource:
        """Operations on customers."""
        from .resources.customers import AsyncCustomersResource

        return AsyncCustomersResource(self)
