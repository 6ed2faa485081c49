# Generated from specs/loyaltydog/openapi.yaml. Do not edit; run make generate.
"""Clients for LoyaltyDog (API version 1.0.1)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

import httpx

from ._runtime import NOT_GIVEN, NotGiven
from ._runtime.auth import BearerAuth
from ._runtime.client import AsyncAPIClient, SyncAPIClient, TimeoutArg
from ._runtime.hooks import RequestHook, ResponseHook
from ._runtime.retries import DEFAULT_MAX_RETRIES
from .models import HTTPValidationError, UpdateCustomerPayload

DEFAULT_BASE_URL = "https://api.loyalty.dog"
USER_AGENT = "loyaltydog-python/1.0.1 (generated; httpx)"


class LoyaltyDogClient(SyncAPIClient):
    """Synchronous client for LoyaltyDog.

    Use it as a context manager, or call ``close()`` when done.
    """

    def __init__(
        self,
        *,
        bearer_auth: str | None = None,
        base_url: str | httpx.URL = DEFAULT_BASE_URL,
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
            base_url: overrides the server the spec names (https://api.loyalty.dog).
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
            auth={
                "bearerAuth": BearerAuth(bearer_auth) if bearer_auth is not None else None,
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

    def update_customer(
        self,
        program_id: str,
        customer_id: str,
        *,
        body: UpdateCustomerPayload | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> dict[str, Any]:
        """Update Loyalty Program Customer

        ### Update Loyalty Program Customer

        Updates details of a specific customer within a loyalty program.

        **Path Parameters**:
        - `programId`: UUID of the loyalty program
        - `customerId`: UUID of the customer

        **Request Body**:
        - `data`: Updated customer data

        **Returns**:
        - Updated customer details as a JSON object.

        ``PUT /v2/loyalty/programs/{programId}/customers/{customerId}`` (operationId ``update_loyalty_program_customer_v2_loyalty_programs__programId__customers__customerId__put``).

        Args:
            program_id: path parameter ``programId``.
            customer_id: path parameter ``customerId``.
            body: a model, or a plain mapping sent as given. Only the fields set on a model are
                sent; a field set to None is sent as null.
            extra_headers: headers for this call only.
            timeout: overrides the client's timeout for this call.
            max_retries: overrides the client's max_retries for this call.

        Raises:
            UnprocessableEntityError: 422 Validation Error; ``.error`` is a HTTPValidationError.
            APIStatusError: any other unsuccessful status.
            APIConnectionError: no response arrived (APITimeoutError on a timeout).
        """
        return cast(
            dict[str, Any],
            self.request(
                "PUT",
                "/v2/loyalty/programs/{programId}/customers/{customerId}",
                operation="update_customer",
                path_params={
                    "programId": program_id,
                    "customerId": customer_id,
                },
                body=body,
                cast_to=dict[str, Any],
                errors={
                    422: HTTPValidationError,
                },
                idempotent=True,
                security=(("bearerAuth",),),
                extra_headers=extra_headers,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )


class AsyncLoyaltyDogClient(AsyncAPIClient):
    """Asynchronous client for LoyaltyDog.

    Use it as an async context manager, or call ``await close()`` when done.
    """

    def __init__(
        self,
        *,
        bearer_auth: str | None = None,
        base_url: str | httpx.URL = DEFAULT_BASE_URL,
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
            base_url: overrides the server the spec names (https://api.loyalty.dog).
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
            auth={
                "bearerAuth": BearerAuth(bearer_auth) if bearer_auth is not None else None,
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

    async def update_customer(
        self,
        program_id: str,
        customer_id: str,
        *,
        body: UpdateCustomerPayload | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> dict[str, Any]:
        """Update Loyalty Program Customer

        ### Update Loyalty Program Customer

        Updates details of a specific customer within a loyalty program.

        **Path Parameters**:
        - `programId`: UUID of the loyalty program
        - `customerId`: UUID of the customer

        **Request Body**:
        - `data`: Updated customer data

        **Returns**:
        - Updated customer details as a JSON object.

        ``PUT /v2/loyalty/programs/{programId}/customers/{customerId}`` (operationId ``update_loyalty_program_customer_v2_loyalty_programs__programId__customers__customerId__put``).

        Args:
            program_id: path parameter ``programId``.
            customer_id: path parameter ``customerId``.
            body: a model, or a plain mapping sent as given. Only the fields set on a model are
                sent; a field set to None is sent as null.
            extra_headers: headers for this call only.
            timeout: overrides the client's timeout for this call.
            max_retries: overrides the client's max_retries for this call.

        Raises:
            UnprocessableEntityError: 422 Validation Error; ``.error`` is a HTTPValidationError.
            APIStatusError: any other unsuccessful status.
            APIConnectionError: no response arrived (APITimeoutError on a timeout).
        """
        return cast(
            dict[str, Any],
            await self.request(
                "PUT",
                "/v2/loyalty/programs/{programId}/customers/{customerId}",
                operation="update_customer",
                path_params={
                    "programId": program_id,
                    "customerId": customer_id,
                },
                body=body,
                cast_to=dict[str, Any],
                errors={
                    422: HTTPValidationError,
                },
                idempotent=True,
                security=(("bearerAuth",),),
                extra_headers=extra_headers,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )
