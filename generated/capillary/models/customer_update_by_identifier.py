# Generated from specs/capillary/openapi.yaml. Do not edit; run make generate.
"""The CustomerUpdateByIdentifier model."""

from __future__ import annotations

from pydantic import MISSING

from .._runtime.models import BaseModel
from .extended_fields import ExtendedFields
from .lookup_profile import LookupProfile
from .loyalty_info import LoyaltyInfo
from .loyalty_program_enrollment import LoyaltyProgramEnrollment


class CustomerUpdateByIdentifier(BaseModel):
    """
    Customer details to update, for the lookup operation; profiles may add identifiers.
    """

    extendedFields: ExtendedFields | MISSING = MISSING
    loyaltyInfo: LoyaltyInfo | MISSING = MISSING
    loyaltyProgramEnrollments: list[LoyaltyProgramEnrollment] | MISSING = MISSING
    profiles: list[LookupProfile] | MISSING = MISSING
