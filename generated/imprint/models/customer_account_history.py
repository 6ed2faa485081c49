# Generated from specs/imprint/openapi.yaml. Do not edit; run make generate.
"""The CustomerAccountHistory model."""

from __future__ import annotations

from typing import Annotated

from pydantic import MISSING, Field

from .._runtime.models import BaseModel
from .address import Address


class CustomerAccountHistory(BaseModel):
    """
    A Customer's account history with the partner
    """

    account_created_at: Annotated[str | MISSING, Field(examples=["2025-02-13T19:08:07.000Z"])] = (
        MISSING
    )
    """
    The RFC-3339 timestamp when the customer's account was created with the partner
    """
    account_tenure: Annotated[int | MISSING, Field(examples=[13])] = MISSING
    """
    The customer's account tenure with the partner, in months
    """
    address: Address | MISSING = MISSING
    email: Annotated[str | MISSING, Field(examples=["customer@example.com"])] = MISSING
    """
    Customer's email address
    """
    first_name: Annotated[str | MISSING, Field(examples=["John"])] = MISSING
    """
    The customer's first name
    """
    last_name: Annotated[str | MISSING, Field(examples=["Doe"])] = MISSING
    """
    The customer's last name
    """
    loyalty_tier: Annotated[str | MISSING, Field(examples=["GOLD"])] = MISSING
    """
    The customer's current loyalty tier
    """
    ltv_amount: Annotated[int | MISSING, Field(examples=[34000])] = MISSING
    """
    The Life Time Value for the customer's account, in the min currency unit (cents for USD)
    """
    ltv_currency: Annotated[str | MISSING, Field(examples=["USD"])] = MISSING
    """
    The 3 char currency code of the amount in iso-4217
    """
    phone: Annotated[str | MISSING, Field(examples=["+14155552671"])] = MISSING
    """
    Customer's phone number in E.164 format
    """
    preferred_language: Annotated[str | MISSING, Field(examples=["en"])] = MISSING
    """
    Customer's preferred language code as defined by ISO 639-1
    """
    transaction_count: Annotated[int | MISSING, Field(examples=[100])] = MISSING
    """
    The number of lifetime transactions the customer has made with the partner
    """
