# Generated from specs/capillary/openapi.yaml. Do not edit; run make generate.
"""The LoyaltyProgramEnrollment model."""

from __future__ import annotations

from pydantic import MISSING, AwareDatetime

from .._runtime.models import BaseModel


class LoyaltyProgramEnrollment(BaseModel):
    loyaltyPoints: int | MISSING = MISSING
    """
    Loyalty points to credit.
    """
    pointsExpiryDate: AwareDatetime | MISSING = MISSING
    """
    Expiry of the points issued, with a UTC offset.
    """
    programId: int | MISSING = MISSING
    """
    Loyalty program to enrol the customer in.
    """
    tierExpiryDate: AwareDatetime | MISSING = MISSING
    """
    Expiry of the tier, with a UTC offset.
    """
    tierNumber: int | MISSING = MISSING
    """
    Sequence number of the tier to allocate (1 is the lowest).
    """
