# Generated from specs/loyaltylion/openapi.yaml. Do not edit; run make generate.
"""The CustomersUpdateCustomerRequestBody model, and those defined with it."""

from __future__ import annotations

from pydantic import MISSING, ConfigDict

from .._runtime.models import BaseModel


class CustomersUpdateCustomerRequestBodyCustomer(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    birthday: str | MISSING = MISSING
    blocked: bool | MISSING = MISSING


class CustomersUpdateCustomerRequestBody(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    customer: CustomersUpdateCustomerRequestBodyCustomer
