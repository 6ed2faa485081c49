# Generated from specs/loyaltylion/openapi.yaml. Do not edit; run make generate.
"""Operations on customers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from .. import models
from .._runtime import NOT_GIVEN, NotGiven, Omit, omit
from .._runtime.client import TimeoutArg
from .._runtime.resource import AsyncAPIResource, SyncAPIResource


class CustomersResource(SyncAPIResource):
    """Operations on customers."""

    def update_customer(
        self,
        merchant_id: str,
        *,
        body: models.CustomersUpdateCustomerRequestBody | Mapping[str, Any] | Omit = omit,
        extra_headers: Mapping[str, str] | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        retry_non_idempotent: bool | NotGiven = NOT_GIVEN,
    ) -> models.CustomersUpdateCustomerResponseBody:
        """PATCH /v2/customers/{merchant_id}

        ``PATCH /v2/customers/{merchant_id}`` (operationId ``customers.updateCustomer``).

        Args:
            merchant_id: path parameter ``merchant_id``. The ID of the customer in your platform or ecommerce store
            body: a model, or a plain mapping sent as given. Only the fields set on a model are
                sent; a field set to None is sent as null. Body
            extra_headers: headers for this call only.
            timeout: overrides the client's timeout for this call.
            max_retries: overrides the client's max_retries for this call.
            retry_non_idempotent: retry this PATCH even after it may have reached the
                server (it has no idempotency key, so the server could apply it twice).

        Raises:
            BadRequestError: 400 Bad Request; ``exc.error_as(models.ClientErrorBadRequest)`` is its parsed body.
            AuthenticationError: 401; ``exc.error_as(models.UpdateCustomerUnauthorizedError)`` is its parsed body.
            PermissionDeniedError: 403; ``exc.error_as(models.UpdateCustomerForbiddenError)`` is its parsed body.
            NotFoundError: 404; ``exc.error_as(models.UpdateCustomerNotFoundError)`` is its parsed body.
            APIStatusError: any other unsuccessful status.
            APIConnectionError: no response arrived (APITimeoutError on a timeout).
        """
        return cast(
            models.CustomersUpdateCustomerResponseBody,
            self._client.request(
                "PATCH",
                "/v2/customers/{merchant_id}",
                operation="update_customer",
                path_params={
                    "merchant_id": merchant_id,
                },
                body=body,
                cast_to=models.CustomersUpdateCustomerResponseBody,
                errors={
                    400: models.ClientErrorBadRequest,
                    401: models.UpdateCustomerUnauthorizedError,
                    403: models.UpdateCustomerForbiddenError,
                    404: models.UpdateCustomerNotFoundError,
                },
                idempotent=False,
                security=(("ProgramApiKey",), ("SiteTokenSecret",)),
                extra_headers=extra_headers,
                timeout=timeout,
                max_retries=max_retries,
                retry_non_idempotent=retry_non_idempotent,
            ),
        )


class AsyncCustomersResource(AsyncAPIResource):
    """Operations on customers."""

    async def update_customer(
        self,
        merchant_id: str,
        *,
        body: models.CustomersUpdateCustomerRequestBody | Mapping[str, Any] | Omit = omit,
        extra_headers: Mapping[str, str] | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        retry_non_idempotent: bool | NotGiven = NOT_GIVEN,
    ) -> models.CustomersUpdateCustomerResponseBody:
        """PATCH /v2/customers/{merchant_id}

        ``PATCH /v2/customers/{merchant_id}`` (operationId ``customers.updateCustomer``).

        Args:
            merchant_id: path parameter ``merchant_id``. The ID of the customer in your platform or ecommerce store
            body: a model, or a plain mapping sent as given. Only the fields set on a model are
                sent; a field set to None is sent as null. Body
            extra_headers: headers for this call only.
            timeout: overrides the client's timeout for this call.
            max_retries: overrides the client's max_retries for this call.
            retry_non_idempotent: retry this PATCH even after it may have reached the
                server (it has no idempotency key, so the server could apply it twice).

        Raises:
            BadRequestError: 400 Bad Request; ``exc.error_as(models.ClientErrorBadRequest)`` is its parsed body.
            AuthenticationError: 401; ``exc.error_as(models.UpdateCustomerUnauthorizedError)`` is its parsed body.
            PermissionDeniedError: 403; ``exc.error_as(models.UpdateCustomerForbiddenError)`` is its parsed body.
            NotFoundError: 404; ``exc.error_as(models.UpdateCustomerNotFoundError)`` is its parsed body.
            APIStatusError: any other unsuccessful status.
            APIConnectionError: no response arrived (APITimeoutError on a timeout).
        """
        return cast(
            models.CustomersUpdateCustomerResponseBody,
            await self._client.request(
                "PATCH",
                "/v2/customers/{merchant_id}",
                operation="update_customer",
                path_params={
                    "merchant_id": merchant_id,
                },
                body=body,
                cast_to=models.CustomersUpdateCustomerResponseBody,
                errors={
                    400: models.ClientErrorBadRequest,
                    401: models.UpdateCustomerUnauthorizedError,
                    403: models.UpdateCustomerForbiddenError,
                    404: models.UpdateCustomerNotFoundError,
                },
                idempotent=False,
                security=(("ProgramApiKey",), ("SiteTokenSecret",)),
                extra_headers=extra_headers,
                timeout=timeout,
                max_retries=max_retries,
                retry_non_idempotent=retry_non_idempotent,
            ),
        )
