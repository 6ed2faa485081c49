# Generated from specs/capillary/openapi.yaml. Do not edit; run make generate.
"""The CustomerUpdate model."""

from __future__ import annotations

from pydantic import MISSING

from .._runtime.models import BaseModel
from .extended_fields import ExtendedFields
from .loyalty_info import LoyaltyInfo
from .loyalty_program_enrollment import LoyaltyProgramEnrollment
from .profile import Profile


class CustomerUpdate(BaseModel):
    """
    Customer details to update; send only what changes.
    """

    extendedFields: ExtendedFields | MISSING = MISSING
    loyaltyInfo: LoyaltyInfo | MISSING = MISSING
    loyaltyProgramEnrollments: list[LoyaltyProgramEnrollment] | MISSING = MISSING
    profiles: list[Profile] | MISSING = MISSING
