# Generated from specs/capillary/openapi.yaml. Do not edit; run make generate.
"""Clients for Capillary Customer API (v2) (API version v2)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, cast

import httpx

from ._runtime import NOT_GIVEN, NotGiven, Omit, omit
from ._runtime.auth import ApiKeyAuth, BasicAuth
from ._runtime.client import AsyncAPIClient, SyncAPIClient, TimeoutArg
from ._runtime.hooks import RequestHook, ResponseHook
from ._runtime.retries import DEFAULT_MAX_RETRIES
from .models import (
    CustomerUpdate,
    CustomerUpdateByIdentifier,
    CustomerUpdateResult,
    ErrorEnvelope,
    Source,
)

DEFAULT_BASE_URL = "https://eu.api.capillarytech.com"
USER_AGENT = "capillary-python/v2 (generated; httpx)"


class CapillaryClient(SyncAPIClient):
    """Synchronous client for Capillary Customer API (v2).

    Use it as a context manager, or call ``close()`` when done.
    """

    def __init__(
        self,
        *,
        basic_auth: tuple[str, str] | None = None,
        o_auth_token: str | None = None,
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
            basic_auth: (user name, password) for HTTP Basic; the password is hashed with md5 for you (scheme BasicAuth). HTTP Basic with the till id (or Store Center user name) as user name and the lowercase hex MD5 digest of the password as password.
            o_auth_token: API key, sent in header X-CAP-API-OAUTH-TOKEN (scheme OAuthToken). Access token from POST /v3/oauth/token/generate (valid for at most 60 minutes).
            base_url: overrides the server the spec names (https://eu.api.capillarytech.com).
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
                "BasicAuth": (
                    BasicAuth(*basic_auth, password_hash="md5") if basic_auth is not None else None
                ),
                "OAuthToken": (
                    ApiKeyAuth(o_auth_token, name="X-CAP-API-OAUTH-TOKEN", location="header")
                    if o_auth_token is not None
                    else None
                ),
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

    def update_customer_by_identifier(
        self,
        *,
        source: (
            Source
            | Literal[
                "FACEBOOK",
                "WEB_ENGAGE",
                "WECHAT",
                "INSTORE",
                "MARTJACK",
                "TMALL",
                "TAOBAO",
                "JD",
                "ECOMMERCE",
                "WEBSITE",
                "LINE",
                "MOBILE_APP",
            ]
        ),
        identifier_name: Literal["mobile", "email", "externalId", "cardnumber"],
        identifier_value: str,
        account_id: str | Omit = omit,
        use_async: bool | Omit = omit,
        body: CustomerUpdateByIdentifier | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> CustomerUpdateResult:
        """Update customer details by identifier lookup

        Updates the details of the customer found by one of its registered identifiers (mobile number, email, external id or card number).

        ``PUT /v2/customers/lookup`` (operationId ``updateCustomerByIdentifier``).

        Args:
            source: query parameter ``source``. Source in which the customer details are updated.
            identifier_name: query parameter ``identifierName``. Type of identifier used to look the customer up.
            identifier_value: query parameter ``identifierValue``. Value of the identifier; mobile numbers include the country code.
            account_id: query parameter ``accountId``. Account of the source in which the details are updated. Required only for sources with more than one account (WECHAT, FACEBOOK, MOBILE_APP, LINE).
            use_async: query parameter ``use_async``. true runs loyalty activities in the background, so no sideEffects are returned; false waits for them and returns the side effects.
            body: a model, or a plain mapping sent as given. Only the fields set on a model are
                sent; a field set to None is sent as null.
            extra_headers: headers for this call only.
            timeout: overrides the client's timeout for this call.
            max_retries: overrides the client's max_retries for this call.

        Raises:
            BadRequestError: 400 The request failed; `errors` carries Capillary's error codes.; ``.error`` is a ErrorEnvelope.
            AuthenticationError: 401 The request failed; `errors` carries Capillary's error codes.; ``.error`` is a ErrorEnvelope.
            PermissionDeniedError: 403 The request failed; `errors` carries Capillary's error codes.; ``.error`` is a ErrorEnvelope.
            InternalServerError: 500 The request failed; `errors` carries Capillary's error codes.; ``.error`` is a ErrorEnvelope.
            APIStatusError: any other unsuccessful status.
            APIConnectionError: no response arrived (APITimeoutError on a timeout).
        """
        return cast(
            CustomerUpdateResult,
            self.request(
                "PUT",
                "/v2/customers/lookup",
                operation="update_customer_by_identifier",
                query={
                    "source": source,
                    "identifierName": identifier_name,
                    "identifierValue": identifier_value,
                    "accountId": account_id,
                    "use_async": use_async,
                },
                body=body,
                cast_to=CustomerUpdateResult,
                errors={
                    400: ErrorEnvelope,
                    401: ErrorEnvelope,
                    403: ErrorEnvelope,
                    500: ErrorEnvelope,
                },
                idempotent=True,
                security=(
                    ("BasicAuth",),
                    ("OAuthToken",),
                ),
                extra_headers=extra_headers,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    def update_customer(
        self,
        user_id: str,
        *,
        source: (
            Source
            | Literal[
                "FACEBOOK",
                "WEB_ENGAGE",
                "WECHAT",
                "INSTORE",
                "MARTJACK",
                "TMALL",
                "TAOBAO",
                "JD",
                "ECOMMERCE",
                "WEBSITE",
                "LINE",
                "MOBILE_APP",
            ]
        ),
        account_id: str | Omit = omit,
        use_async: bool | Omit = omit,
        body: CustomerUpdate | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> CustomerUpdateResult:
        """Update customer details by user id

        Updates profile information, extended and custom field values, communication channels and loyalty status (non-loyalty to loyalty only) of the customer with the given user id. Identifiers cannot be changed with this operation.

        ``PUT /v2/customers/{userId}`` (operationId ``updateCustomer``).

        Args:
            user_id: path parameter ``userId``. Unique ID of the customer whose details are updated.
            source: query parameter ``source``. Source in which the customer details are updated.
            account_id: query parameter ``accountId``. Account of the source in which the details are updated. Required only for sources with more than one account (WECHAT, FACEBOOK, MOBILE_APP, LINE).
            use_async: query parameter ``use_async``. true runs loyalty activities in the background, so no sideEffects are returned; false waits for them and returns the side effects.
            body: a model, or a plain mapping sent as given. Only the fields set on a model are
                sent; a field set to None is sent as null.
            extra_headers: headers for this call only.
            timeout: overrides the client's timeout for this call.
            max_retries: overrides the client's max_retries for this call.

        Raises:
            BadRequestError: 400 The request failed; `errors` carries Capillary's error codes.; ``.error`` is a ErrorEnvelope.
            AuthenticationError: 401 The request failed; `errors` carries Capillary's error codes.; ``.error`` is a ErrorEnvelope.
            PermissionDeniedError: 403 The request failed; `errors` carries Capillary's error codes.; ``.error`` is a ErrorEnvelope.
            InternalServerError: 500 The request failed; `errors` carries Capillary's error codes.; ``.error`` is a ErrorEnvelope.
            APIStatusError: any other unsuccessful status.
            APIConnectionError: no response arrived (APITimeoutError on a timeout).
        """
        return cast(
            CustomerUpdateResult,
            self.request(
                "PUT",
                "/v2/customers/{userId}",
                operation="update_customer",
                path_params={
                    "userId": user_id,
                },
                query={
                    "source": source,
                    "accountId": account_id,
                    "use_async": use_async,
                },
                body=body,
                cast_to=CustomerUpdateResult,
                errors={
                    400: ErrorEnvelope,
                    401: ErrorEnvelope,
                    403: ErrorEnvelope,
                    500: ErrorEnvelope,
                },
                idempotent=True,
                security=(
                    ("BasicAuth",),
                    ("OAuthToken",),
                ),
                extra_headers=extra_headers,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )


class AsyncCapillaryClient(AsyncAPIClient):
    """Asynchronous client for Capillary Customer API (v2).

    Use it as an async context manager, or call ``await close()`` when done.
    """

    def __init__(
        self,
        *,
        basic_auth: tuple[str, str] | None = None,
        o_auth_token: str | None = None,
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
            basic_auth: (user name, password) for HTTP Basic; the password is hashed with md5 for you (scheme BasicAuth). HTTP Basic with the till id (or Store Center user name) as user name and the lowercase hex MD5 digest of the password as password.
            o_auth_token: API key, sent in header X-CAP-API-OAUTH-TOKEN (scheme OAuthToken). Access token from POST /v3/oauth/token/generate (valid for at most 60 minutes).
            base_url: overrides the server the spec names (https://eu.api.capillarytech.com).
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
                "BasicAuth": (
                    BasicAuth(*basic_auth, password_hash="md5") if basic_auth is not None else None
                ),
                "OAuthToken": (
                    ApiKeyAuth(o_auth_token, name="X-CAP-API-OAUTH-TOKEN", location="header")
                    if o_auth_token is not None
                    else None
                ),
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

    async def update_customer_by_identifier(
        self,
        *,
        source: (
            Source
            | Literal[
                "FACEBOOK",
                "WEB_ENGAGE",
                "WECHAT",
                "INSTORE",
                "MARTJACK",
                "TMALL",
                "TAOBAO",
                "JD",
                "ECOMMERCE",
                "WEBSITE",
                "LINE",
                "MOBILE_APP",
            ]
        ),
        identifier_name: Literal["mobile", "email", "externalId", "cardnumber"],
        identifier_value: str,
        account_id: str | Omit = omit,
        use_async: bool | Omit = omit,
        body: CustomerUpdateByIdentifier | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> CustomerUpdateResult:
        """Update customer details by identifier lookup

        Updates the details of the customer found by one of its registered identifiers (mobile number, email, external id or card number).

        ``PUT /v2/customers/lookup`` (operationId ``updateCustomerByIdentifier``).

        Args:
            source: query parameter ``source``. Source in which the customer details are updated.
            identifier_name: query parameter ``identifierName``. Type of identifier used to look the customer up.
            identifier_value: query parameter ``identifierValue``. Value of the identifier; mobile numbers include the country code.
            account_id: query parameter ``accountId``. Account of the source in which the details are updated. Required only for sources with more than one account (WECHAT, FACEBOOK, MOBILE_APP, LINE).
            use_async: query parameter ``use_async``. true runs loyalty activities in the background, so no sideEffects are returned; false waits for them and returns the side effects.
            body: a model, or a plain mapping sent as given. Only the fields set on a model are
                sent; a field set to None is sent as null.
            extra_headers: headers for this call only.
            timeout: overrides the client's timeout for this call.
            max_retries: overrides the client's max_retries for this call.

        Raises:
            BadRequestError: 400 The request failed; `errors` carries Capillary's error codes.; ``.error`` is a ErrorEnvelope.
            AuthenticationError: 401 The request failed; `errors` carries Capillary's error codes.; ``.error`` is a ErrorEnvelope.
            PermissionDeniedError: 403 The request failed; `errors` carries Capillary's error codes.; ``.error`` is a ErrorEnvelope.
            InternalServerError: 500 The request failed; `errors` carries Capillary's error codes.; ``.error`` is a ErrorEnvelope.
            APIStatusError: any other unsuccessful status.
            APIConnectionError: no response arrived (APITimeoutError on a timeout).
        """
        return cast(
            CustomerUpdateResult,
            await self.request(
                "PUT",
                "/v2/customers/lookup",
                operation="update_customer_by_identifier",
                query={
                    "source": source,
                    "identifierName": identifier_name,
                    "identifierValue": identifier_value,
                    "accountId": account_id,
                    "use_async": use_async,
                },
                body=body,
                cast_to=CustomerUpdateResult,
                errors={
                    400: ErrorEnvelope,
                    401: ErrorEnvelope,
                    403: ErrorEnvelope,
                    500: ErrorEnvelope,
                },
                idempotent=True,
                security=(
                    ("BasicAuth",),
                    ("OAuthToken",),
                ),
                extra_headers=extra_headers,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    async def update_customer(
        self,
        user_id: str,
        *,
        source: (
            Source
            | Literal[
                "FACEBOOK",
                "WEB_ENGAGE",
                "WECHAT",
                "INSTORE",
                "MARTJACK",
                "TMALL",
                "TAOBAO",
                "JD",
                "ECOMMERCE",
                "WEBSITE",
                "LINE",
                "MOBILE_APP",
            ]
        ),
        account_id: str | Omit = omit,
        use_async: bool | Omit = omit,
        body: CustomerUpdate | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> CustomerUpdateResult:
        """Update customer details by user id

        Updates profile information, extended and custom field values, communication channels and loyalty status (non-loyalty to loyalty only) of the customer with the given user id. Identifiers cannot be changed with this operation.

        ``PUT /v2/customers/{userId}`` (operationId ``updateCustomer``).

        Args:
            user_id: path parameter ``userId``. Unique ID of the customer whose details are updated.
            source: query parameter ``source``. Source in which the customer details are updated.
            account_id: query parameter ``accountId``. Account of the source in which the details are updated. Required only for sources with more than one account (WECHAT, FACEBOOK, MOBILE_APP, LINE).
            use_async: query parameter ``use_async``. true runs loyalty activities in the background, so no sideEffects are returned; false waits for them and returns the side effects.
            body: a model, or a plain mapping sent as given. Only the fields set on a model are
                sent; a field set to None is sent as null.
            extra_headers: headers for this call only.
            timeout: overrides the client's timeout for this call.
            max_retries: overrides the client's max_retries for this call.

        Raises:
            BadRequestError: 400 The request failed; `errors` carries Capillary's error codes.; ``.error`` is a ErrorEnvelope.
            AuthenticationError: 401 The request failed; `errors` carries Capillary's error codes.; ``.error`` is a ErrorEnvelope.
            PermissionDeniedError: 403 The request failed; `errors` carries Capillary's error codes.; ``.error`` is a ErrorEnvelope.
            InternalServerError: 500 The request failed; `errors` carries Capillary's error codes.; ``.error`` is a ErrorEnvelope.
            APIStatusError: any other unsuccessful status.
            APIConnectionError: no response arrived (APITimeoutError on a timeout).
        """
        return cast(
            CustomerUpdateResult,
            await self.request(
                "PUT",
                "/v2/customers/{userId}",
                operation="update_customer",
                path_params={
                    "userId": user_id,
                },
                query={
                    "source": source,
                    "accountId": account_id,
                    "use_async": use_async,
                },
                body=body,
                cast_to=CustomerUpdateResult,
                errors={
                    400: ErrorEnvelope,
                    401: ErrorEnvelope,
                    403: ErrorEnvelope,
                    500: ErrorEnvelope,
                },
                idempotent=True,
                security=(
                    ("BasicAuth",),
                    ("OAuthToken",),
                ),
                extra_headers=extra_headers,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )
