# Generated from specs/capillary/openapi.yaml. Do not edit; run make generate.
"""Operations on customers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, cast

from .. import models
from .._runtime import NOT_GIVEN, NotGiven, Omit, omit
from .._runtime.arguments import check_allowed
from .._runtime.client import TimeoutArg
from .._runtime.resource import AsyncAPIResource, SyncAPIResource


class CustomersResource(SyncAPIResource):
    """Operations on customers."""

    def update_customer_by_identifier(
        self,
        *,
        source: (
            models.Source
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
        body: models.CustomerUpdateByIdentifier | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.CustomerUpdateResult:
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
            BadRequestError: 400 The request failed; `errors` carries Capillary's error codes (see ErrorEnvelope); ``exc.error_as(models.ErrorEnvelope)`` is its parsed body.
            AuthenticationError: 401 The request failed; `errors` carries Capillary's error codes (see ErrorEnvelope); ``exc.error_as(models.ErrorEnvelope)`` is its parsed body.
            PermissionDeniedError: 403 The request failed; `errors` carries Capillary's error codes (see ErrorEnvelope); ``exc.error_as(models.ErrorEnvelope)`` is its parsed body.
            InternalServerError: 500 The request failed; `errors` carries Capillary's error codes (see ErrorEnvelope); ``exc.error_as(models.ErrorEnvelope)`` is its parsed body.
            APIStatusError: any other unsuccessful status.
            APIConnectionError: no response arrived (APITimeoutError on a timeout).
        """
        check_allowed(
            "source",
            source,
            (
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
            ),
        )
        check_allowed(
            "identifier_name",
            identifier_name,
            (
                "mobile",
                "email",
                "externalId",
                "cardnumber",
            ),
        )
        check_allowed("use_async", use_async, (True, False))
        return cast(
            models.CustomerUpdateResult,
            self._client.request(
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
                cast_to=models.CustomerUpdateResult,
                errors={
                    400: models.ErrorEnvelope,
                    401: models.ErrorEnvelope,
                    403: models.ErrorEnvelope,
                    500: models.ErrorEnvelope,
                },
                idempotent=True,
                security=(("BasicAuth",), ("OAuthToken",)),
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
            models.Source
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
        body: models.CustomerUpdate | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.CustomerUpdateResult:
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
            BadRequestError: 400 The request failed; `errors` carries Capillary's error codes, such as 8015 or 3217 (see ErrorEnvelope); ``exc.error_as(models.ErrorEnvelope)`` is its parsed body.
            AuthenticationError: 401 The request failed; `errors` carries Capillary's error codes (see ErrorEnvelope); ``exc.error_as(models.ErrorEnvelope)`` is its parsed body.
            PermissionDeniedError: 403 The request failed; `errors` carries Capillary's error codes (see ErrorEnvelope); ``exc.error_as(models.ErrorEnvelope)`` is its parsed body.
            InternalServerError: 500 The request failed; `errors` carries Capillary's error codes (see ErrorEnvelope); ``exc.error_as(models.ErrorEnvelope)`` is its parsed body.
            APIStatusError: any other unsuccessful status.
            APIConnectionError: no response arrived (APITimeoutError on a timeout).
        """
        check_allowed(
            "source",
            source,
            (
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
            ),
        )
        check_allowed("use_async", use_async, (True, False))
        return cast(
            models.CustomerUpdateResult,
            self._client.request(
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
                cast_to=models.CustomerUpdateResult,
                errors={
                    400: models.ErrorEnvelope,
                    401: models.ErrorEnvelope,
                    403: models.ErrorEnvelope,
                    500: models.ErrorEnvelope,
                },
                idempotent=True,
                security=(("BasicAuth",), ("OAuthToken",)),
                extra_headers=extra_headers,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )


class AsyncCustomersResource(AsyncAPIResource):
    """Operations on customers."""

    async def update_customer_by_identifier(
        self,
        *,
        source: (
            models.Source
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
        body: models.CustomerUpdateByIdentifier | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.CustomerUpdateResult:
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
            BadRequestError: 400 The request failed; `errors` carries Capillary's error codes (see ErrorEnvelope); ``exc.error_as(models.ErrorEnvelope)`` is its parsed body.
            AuthenticationError: 401 The request failed; `errors` carries Capillary's error codes (see ErrorEnvelope); ``exc.error_as(models.ErrorEnvelope)`` is its parsed body.
            PermissionDeniedError: 403 The request failed; `errors` carries Capillary's error codes (see ErrorEnvelope); ``exc.error_as(models.ErrorEnvelope)`` is its parsed body.
            InternalServerError: 500 The request failed; `errors` carries Capillary's error codes (see ErrorEnvelope); ``exc.error_as(models.ErrorEnvelope)`` is its parsed body.
            APIStatusError: any other unsuccessful status.
            APIConnectionError: no response arrived (APITimeoutError on a timeout).
        """
        check_allowed(
            "source",
            source,
            (
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
            ),
        )
        check_allowed(
            "identifier_name",
            identifier_name,
            (
                "mobile",
                "email",
                "externalId",
                "cardnumber",
            ),
        )
        check_allowed("use_async", use_async, (True, False))
        return cast(
            models.CustomerUpdateResult,
            await self._client.request(
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
                cast_to=models.CustomerUpdateResult,
                errors={
                    400: models.ErrorEnvelope,
                    401: models.ErrorEnvelope,
                    403: models.ErrorEnvelope,
                    500: models.ErrorEnvelope,
                },
                idempotent=True,
                security=(("BasicAuth",), ("OAuthToken",)),
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
            models.Source
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
        body: models.CustomerUpdate | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.CustomerUpdateResult:
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
            BadRequestError: 400 The request failed; `errors` carries Capillary's error codes, such as 8015 or 3217 (see ErrorEnvelope); ``exc.error_as(models.ErrorEnvelope)`` is its parsed body.
            AuthenticationError: 401 The request failed; `errors` carries Capillary's error codes (see ErrorEnvelope); ``exc.error_as(models.ErrorEnvelope)`` is its parsed body.
            PermissionDeniedError: 403 The request failed; `errors` carries Capillary's error codes (see ErrorEnvelope); ``exc.error_as(models.ErrorEnvelope)`` is its parsed body.
            InternalServerError: 500 The request failed; `errors` carries Capillary's error codes (see ErrorEnvelope); ``exc.error_as(models.ErrorEnvelope)`` is its parsed body.
            APIStatusError: any other unsuccessful status.
            APIConnectionError: no response arrived (APITimeoutError on a timeout).
        """
        check_allowed(
            "source",
            source,
            (
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
            ),
        )
        check_allowed("use_async", use_async, (True, False))
        return cast(
            models.CustomerUpdateResult,
            await self._client.request(
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
                cast_to=models.CustomerUpdateResult,
                errors={
                    400: models.ErrorEnvelope,
                    401: models.ErrorEnvelope,
                    403: models.ErrorEnvelope,
                    500: models.ErrorEnvelope,
                },
                idempotent=True,
                security=(("BasicAuth",), ("OAuthToken",)),
                extra_headers=extra_headers,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )
