# Generated from specs/imprint/openapi.yaml. Do not edit; run make generate.
"""The UpdateCustomerRequest model."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import MISSING, Field

from .._runtime.models import BaseModel
from .customer_account_history import CustomerAccountHistory


class UpdateCustomerRequest(BaseModel):
    city: Annotated[str | MISSING, Field(examples=["San Francisco"])] = MISSING
    customer_history: CustomerAccountHistory | MISSING = MISSING
    email: Annotated[str | MISSING, Field(examples=["customer@example.com"])] = MISSING
    first_name: Annotated[str | MISSING, Field(examples=["John"])] = MISSING
    last_name: Annotated[str | MISSING, Field(examples=["Doe"])] = MISSING
    metadata: Annotated[
        dict[str, Any] | MISSING, Field(examples=[{"preferred_language": "en"}])
    ] = MISSING
    """
    Additional customer data
    """
    phone: Annotated[
        str | MISSING, Field(examples=["+14155552671"], pattern="^\\+?[1-9]\\d{1,14}$")
    ] = MISSING
    postal_code: Annotated[str | MISSING, Field(examples=["94105"])] = MISSING
    preferred_language: Annotated[str | MISSING, Field(examples=["en"])] = MISSING
    state: Annotated[str | MISSING, Field(examples=["CA"])] = MISSING
    street_line1: Annotated[str | MISSING, Field(examples=["123 Main St"])] = MISSING
    street_line2: Annotated[str | MISSING, Field(examples=["Apt 4B"])] = MISSING
