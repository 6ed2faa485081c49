# Generated from specs/loyaltydog/openapi.yaml. Do not edit; run make generate.
"""Operations on customers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from .. import models
from .._runtime import NOT_GIVEN, NotGiven
from .._runtime.client import TimeoutArg
from .._runtime.resource import AsyncAPIResource, SyncAPIResource


class CustomersResource(SyncAPIResource):
    """Operations on customers."""

    def update_customer(
        self,
        program_id: str,
        customer_id: str,
        *,
        body: models.UpdateCustomerPayload | Mapping[str, Any],
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
            UnprocessableEntityError: 422 Validation Error; ``exc.error_as(models.HTTPValidationError)`` is its parsed body.
            APIStatusError: any other unsuccessful status.
            APIConnectionError: no response arrived (APITimeoutError on a timeout).
        """
        return cast(
            dict[str, Any],
            self._client.request(
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
                    422: models.HTTPValidationError,
                },
                idempotent=True,
                security=(("bearerAuth",),),
                extra_headers=extra_headers,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )


class AsyncCustomersResource(AsyncAPIResource):
    """Operations on customers."""

    async def update_customer(
        self,
        program_id: str,
        customer_id: str,
        *,
        body: models.UpdateCustomerPayload | Mapping[str, Any],
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
            UnprocessableEntityError: 422 Validation Error; ``exc.error_as(models.HTTPValidationError)`` is its parsed body.
            APIStatusError: any other unsuccessful status.
            APIConnectionError: no response arrived (APITimeoutError on a timeout).
        """
        return cast(
            dict[str, Any],
            await self._client.request(
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
                    422: models.HTTPValidationError,
                },
                idempotent=True,
                security=(("bearerAuth",),),
                extra_headers=extra_headers,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )
