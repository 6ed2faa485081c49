# Generated from specs/imprint/openapi.yaml. Do not edit; run make generate.
"""Operations on Customers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from .. import models
from .._runtime import NOT_GIVEN, NotGiven
from .._runtime.client import TimeoutArg
from .._runtime.resource import AsyncAPIResource, SyncAPIResource


class CustomersResource(SyncAPIResource):
    """Operations on Customers."""

    def update_customer(
        self,
        customer_id: str,
        *,
        body: models.UpdateCustomerRequest | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        retry_non_idempotent: bool | NotGiven = NOT_GIVEN,
    ) -> models.Customer:
        """Update a customer

        Updates the details of the customer associated with the supplied `customer_id`

        ``POST /v2/customers/{customer_id}`` (operationId ``updateCustomer``).

        Args:
            customer_id: path parameter ``customer_id``. The unique identifier for the customer
            body: a model, or a plain mapping sent as given. Only the fields set on a model are
                sent; a field set to None is sent as null.
            extra_headers: headers for this call only.
            timeout: overrides the client's timeout for this call.
            max_retries: overrides the client's max_retries for this call.
            retry_non_idempotent: retry this POST even after it may have reached the
                server (it has no idempotency key, so the server could apply it twice).

        Raises:
            BadRequestError: 400 Invalid request; ``exc.error_as(models.InvalidRequestError)`` is its parsed body.
            NotFoundError: 404 Customer not found; ``exc.error_as(models.CustomerNotFoundError)`` is its parsed body.
            APIStatusError: any other unsuccessful status.
            APIConnectionError: no response arrived (APITimeoutError on a timeout).
        """
        return cast(
            models.Customer,
            self._client.request(
                "POST",
                "/v2/customers/{customer_id}",
                operation="update_customer",
                path_params={
                    "customer_id": customer_id,
                },
                body=body,
                cast_to=models.Customer,
                errors={
                    400: models.InvalidRequestError,
                    404: models.CustomerNotFoundError,
                },
                idempotent=False,
                security=(("basicAuth",), ("bearerAuth",)),
                extra_headers=extra_headers,
                timeout=timeout,
                max_retries=max_retries,
                retry_non_idempotent=retry_non_idempotent,
            ),
        )


class AsyncCustomersResource(AsyncAPIResource):
    """Operations on Customers."""

    async def update_customer(
        self,
        customer_id: str,
        *,
        body: models.UpdateCustomerRequest | Mapping[str, Any],
        extra_headers: Mapping[str, str] | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        retry_non_idempotent: bool | NotGiven = NOT_GIVEN,
    ) -> models.Customer:
        """Update a customer

        Updates the details of the customer associated with the supplied `customer_id`

        ``POST /v2/customers/{customer_id}`` (operationId ``updateCustomer``).

        Args:
            customer_id: path parameter ``customer_id``. The unique identifier for the customer
            body: a model, or a plain mapping sent as given. Only the fields set on a model are
                sent; a field set to None is sent as null.
            extra_headers: headers for this call only.
            timeout: overrides the client's timeout for this call.
            max_retries: overrides the client's max_retries for this call.
            retry_non_idempotent: retry this POST even after it may have reached the
                server (it has no idempotency key, so the server could apply it twice).

        Raises:
            BadRequestError: 400 Invalid request; ``exc.error_as(models.InvalidRequestError)`` is its parsed body.
            NotFoundError: 404 Customer not found; ``exc.error_as(models.CustomerNotFoundError)`` is its parsed body.
            APIStatusError: any other unsuccessful status.
            APIConnectionError: no response arrived (APITimeoutError on a timeout).
        """
        return cast(
            models.Customer,
            await self._client.request(
                "POST",
                "/v2/customers/{customer_id}",
                operation="update_customer",
                path_params={
                    "customer_id": customer_id,
                },
                body=body,
                cast_to=models.Customer,
                errors={
                    400: models.InvalidRequestError,
                    404: models.CustomerNotFoundError,
                },
                idempotent=False,
                security=(("basicAuth",), ("bearerAuth",)),
                extra_headers=extra_headers,
                timeout=timeout,
                max_retries=max_retries,
                retry_non_idempotent=retry_non_idempotent,
            ),
        )
