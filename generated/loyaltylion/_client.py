# Generated from specs/loyaltylion/openapi.yaml. Do not edit; run make generate.
"""Clients for LoyaltyLion Admin API (API version v2)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING

import httpx

from ._runtime import NOT_GIVEN
from ._runtime.auth import BasicAuth, BearerAuth
from ._runtime.client import AsyncAPIClient, SyncAPIClient, TimeoutArg
from ._runtime.retries import DEFAULT_MAX_RETRIES

# What annotations alone name: models, the hooks' records and resources load on first use.
if TYPE_CHECKING:
    from ._runtime.hooks import RequestHook, ResponseHook
    from .resources.customers import AsyncCustomersResource, CustomersResource

SERVER_URL = "https://api.loyaltylion.com"
USER_AGENT = "loyaltylion-python/v2 (generated; httpx)"


class LoyaltyLionClient(SyncAPIClient):
    """Synchronous client for LoyaltyLion Admin API.

    Use it as a context manager, or call ``close()`` when done.
    """

    def __init__(
        self,
        *,
        program_api_key: str | None = None,
        site_token_secret: tuple[str, str] | None = None,
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
            program_api_key: bearer token (scheme ProgramApiKey). An API key linked to a Program in LoyaltyLion, with a set of permissions (scopes). API keys can be created manually, or acquired through an OAuth2 flow. The API key should be provided as a `Bearer` token in the `Authorization` header
            site_token_secret: (user name, password) for HTTP Basic (scheme SiteTokenSecret). [DEPRECATED] Authenticate using a LoyaltyLion site's `token` as username, and its `secret` as the password. This authentication method is deprecated and will be removed in future. Use the `ProgramApiKey` authentication method instead
            base_url: overrides the server the spec names (https://api.loyaltylion.com), for
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
                "ProgramApiKey": BearerAuth.from_argument("program_api_key", program_api_key),
                "SiteTokenSecret": BasicAuth.from_argument("site_token_secret", site_token_secret),
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


class AsyncLoyaltyLionClient(AsyncAPIClient):
    """Asynchronous client for LoyaltyLion Admin API.

    Use it as an async context manager, or call ``await close()`` when done.
    """

    def __init__(
        self,
        *,
        program_api_key: str | None = None,
        site_token_secret: tuple[str, str] | None = None,
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
            program_api_key: bearer token (scheme ProgramApiKey). An API key linked to a Program in LoyaltyLion, with a set of permissions (scopes). API keys can be created manually, or acquired through an OAuth2 flow. The API key should be provided as a `Bearer` token in the `Authorization` header
            site_token_secret: (user name, password) for HTTP Basic (scheme SiteTokenSecret). [DEPRECATED] Authenticate using a LoyaltyLion site's `token` as username, and its `secret` as the password. This authentication method is deprecated and will be removed in future. Use the `ProgramApiKey` authentication method instead
            base_url: overrides the server the spec names (https://api.loyaltylion.com), for
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
                "ProgramApiKey": BearerAuth.from_argument("program_api_key", program_api_key),
                "SiteTokenSecret": BasicAuth.from_argument("site_token_secret", site_token_secret),
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
