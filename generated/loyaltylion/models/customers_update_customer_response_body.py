# Generated from specs/loyaltylion/openapi.yaml. Do not edit; run make generate.
"""The CustomersUpdateCustomerResponseBody model, and those defined with it."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import MISSING, ConfigDict, Field

from .._runtime.models import BaseModel, OpenUnion, RootModel
from .tier_eligibility_points import TierEligibilityPoints
from .tier_eligibility_spend import TierEligibilitySpend


class CustomersUpdateCustomerResponseBodyCustomerInsightsSegment(StrEnum):
    AT_RISK = "At Risk"
    WIN_BACK = "Win Back"
    LOYAL = "Loyal"

    @classmethod
    def _missing_(
        cls, value: object
    ) -> CustomersUpdateCustomerResponseBodyCustomerInsightsSegment | None:
        # A value the vendor adds after this client was generated is kept, not rejected.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member


class CustomersUpdateCustomerResponseBodyCustomerLoyaltyTierMembershipLoyaltyTier(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    default: bool
    hidden: bool
    id: float
    lower_bound: str
    name: str
    number: Annotated[float, Field(ge=1.0)]
    position: Annotated[float, Field(ge=0.0)]
    upper_bound: str | None


class CustomersUpdateCustomerResponseBodyCustomerLoyaltyTierMembership(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    expires_at: str | None
    loyalty_tier: CustomersUpdateCustomerResponseBodyCustomerLoyaltyTierMembershipLoyaltyTier
    manual: bool | None
    started_at: str


class CustomersUpdateCustomerResponseBodyCustomerMetadata(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    shopify_source_url: str | MISSING = MISSING


class CustomersUpdateCustomerResponseBodyCustomerReferredBy(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    id: float
    merchant_id: str


class CustomersUpdateCustomerResponseBodyCustomerRewardsUsed(RootModel[int]):
    root: Annotated[int, Field(ge=0)]


class CustomersUpdateCustomerResponseBodyCustomer(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    birthday: str | None
    blocked: bool
    created_at: str
    email: str | None
    enrolled: bool
    enrolled_at: str | None
    guest: bool
    id: float
    insights_segment: CustomersUpdateCustomerResponseBodyCustomerInsightsSegment | None
    linked_merchant_ids: list[str] | MISSING = MISSING
    loyalty_tier_membership: CustomersUpdateCustomerResponseBodyCustomerLoyaltyTierMembership | None
    merchant_id: str
    metadata: CustomersUpdateCustomerResponseBodyCustomerMetadata
    points_approved: float
    points_pending: float
    points_spent: float
    properties: dict[str, Any]
    receipt_upload_url: str | None
    referral_id: str | None
    referral_url: str
    referred_by: CustomersUpdateCustomerResponseBodyCustomerReferredBy | None
    rewards_claimed: Annotated[int, Field(ge=0)]
    rewards_used: CustomersUpdateCustomerResponseBodyCustomerRewardsUsed | None
    tier_eligibility: OpenUnion[
        Annotated[TierEligibilityPoints | TierEligibilitySpend | None, Field(discriminator="kind")]
    ]
    updated_at: str


class CustomersUpdateCustomerResponseBody(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    customer: CustomersUpdateCustomerResponseBodyCustomer
