# Generated from specs/capillary/openapi.yaml. Do not edit; run make generate.
"""The LoyaltyInfo model, and those defined with it."""

from __future__ import annotations

from enum import StrEnum

from pydantic import MISSING

from .._runtime.models import BaseModel


class LoyaltyInfoLoyaltyType(StrEnum):
    """
    Loyalty status; a loyalty customer cannot become non-loyalty.
    """

    LOYALTY = "loyalty"
    NON_LOYALTY = "non_loyalty"

    @classmethod
    def _missing_(cls, value: object) -> LoyaltyInfoLoyaltyType | None:
        # A value the vendor adds after this client was generated is kept, not rejected.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member


class LoyaltyInfo(BaseModel):
    loyaltyType: LoyaltyInfoLoyaltyType | MISSING = MISSING
    """
    Loyalty status; a loyalty customer cannot become non-loyalty.
    """
