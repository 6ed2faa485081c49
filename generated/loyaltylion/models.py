# Generated from specs/loyaltylion/openapi.yaml. Do not edit; run make generate.
"""Models of LoyaltyLion Admin API."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import MISSING, AwareDatetime, BaseModel, ConfigDict, Field, RootModel


class ClientErrorBadRequest(BaseModel):
    error: ClientErrorBadRequestError


class ClientErrorBadRequestError(BaseModel):
    details: dict[str, str] | MISSING = MISSING
    message: str


class CurrencyAmount(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    amount: Annotated[float, Field(examples=[9.9])]
    """
    Currency amount as a numeric value. This may be an integer or a float depending on the value and the currency. Currencies that do not use a decimal point will always be an integer
    """
    formatted: Annotated[str, Field(examples=["$9.90"])]
    """
    Formatted amount as string with currency symbol, e.g. `$50` or `$10.50`
    """


class CustomersUpdateCustomerRequestBody(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    customer: CustomersUpdateCustomerRequestBodyCustomer


class CustomersUpdateCustomerRequestBodyCustomer(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    birthday: str | MISSING = MISSING
    blocked: bool | MISSING = MISSING


class CustomersUpdateCustomerResponseBody(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    customer: CustomersUpdateCustomerResponseBodyCustomer


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
    tier_eligibility: Annotated[
        TierEligibilityPoints | TierEligibilitySpend | None, Field(discriminator="kind")
    ]
    updated_at: str


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


class CustomersUpdateCustomerResponseBodyCustomerLoyaltyTierMembership(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    expires_at: str | None
    loyalty_tier: CustomersUpdateCustomerResponseBodyCustomerLoyaltyTierMembershipLoyaltyTier
    manual: bool | None
    started_at: str


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


class TierEligibilityPoints(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    forecasted_tier: TierEligibilityPointsForecastedTier | None
    """
    The tier the customer is forecasted to be in at their membership expiration, based on their predicted points at expiration. Null if the membership never expires (e.g. lifetime tiers, default tier memberships, or conditional tier memberships).
    """
    kind: Literal["points"]
    points_needed_for_renewal: float | None
    """
    The number of additional points required to renew the current tier when the current membership expires. Null if the membership does not expire (e.g. lifetime tiers), or if the current membership is for the default tier.
    """
    points_needed_for_upgrade: float | None
    """
    The number of additional points required to move into the next tier. Null if there is no eligible next tier.
    """
    tier_points: TierEligibilityPointsTierPoints
    upgrade_tier: TierEligibilityPointsUpgradeTier | None
    """
    The next tier that this customer could upgrade to from their current tier. Null if the customer is already at the highest tier.
    """
    valid_until: AwareDatetime | None
    """
    ISO 8601 timestamp representing when the calculated progress is no longer accurate. After this date, progress values may be stale — for example, because contributing activities or spend have fallen outside the evaluation window. Null for lifetime tiers.
    """


class TierEligibilityPointsForecastedTier(BaseModel):
    """
    The tier the customer is forecasted to be in at their membership expiration, based on their predicted points at expiration. Null if the membership never expires (e.g. lifetime tiers, default tier memberships, or conditional tier memberships).
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    id: float
    name: str


class TierEligibilityPointsTierPoints(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    at_expiration: float | None
    """
    The predicted number of points contributing to tier progress as of the current tier's expiration date. Null if the membership never expires (e.g. lifetime tiers).
    """
    now: float
    """
    The number of points contributing to tier progress as of right now. This is equivalent to the number of eligible points from now, back to the start of the evaluation window.
    """


class TierEligibilityPointsUpgradeTier(BaseModel):
    """
    The next tier that this customer could upgrade to from their current tier. Null if the customer is already at the highest tier.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    id: float
    name: str
    threshold: float
    """
    The threshold required to reach this tier. For points programs, this is the number of points. For spend programs, this is the spend amount in minor units (e.g. cents); the currency is determined by the program configuration.
    """


class TierEligibilitySpend(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    forecasted_tier: TierEligibilitySpendForecastedTier | None
    """
    The tier the customer is forecasted to be in at their membership expiration, based on their predicted spend at expiration. Null if the membership never expires (e.g. lifetime tiers, default tier memberships, or conditional tier memberships).
    """
    kind: Literal["spend"]
    spend_needed_for_renewal: CurrencyAmount | None
    """
    The amount of additional spend required to renew the current tier when the current membership expires. Null if the membership does not expire (e.g. lifetime tiers), or if the current membership is for the default tier.
    """
    spend_needed_for_upgrade: CurrencyAmount | None
    """
    The amount of additional spend required to move into the next tier. Null if there is no eligible next tier.
    """
    tier_spend: TierEligibilitySpendTierSpend
    upgrade_tier: TierEligibilitySpendUpgradeTier | None
    """
    The next tier that this customer could upgrade to from their current tier. Null if the customer is already at the highest tier.
    """
    valid_until: AwareDatetime | None
    """
    ISO 8601 timestamp representing when the calculated progress is no longer accurate. After this date, progress values may be stale — for example, because contributing activities or spend have fallen outside the evaluation window. Null for lifetime tiers.
    """


class TierEligibilitySpendForecastedTier(BaseModel):
    """
    The tier the customer is forecasted to be in at their membership expiration, based on their predicted spend at expiration. Null if the membership never expires (e.g. lifetime tiers, default tier memberships, or conditional tier memberships).
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    id: float
    name: str


class TierEligibilitySpendTierSpend(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    at_expiration: CurrencyAmount | None
    """
    The predicted amount of spend contributing to tier progress as of the current tier's expiration date. Null if the membership never expires (e.g. lifetime tiers).
    """
    now: Annotated[CurrencyAmount, Field(title="Currency")]
    """
    The amount of spend contributing to tier progress as of right now. This is equivalent to the amount of eligible spend from now, back to the start of the evaluation window.
    """


class TierEligibilitySpendUpgradeTier(BaseModel):
    """
    The next tier that this customer could upgrade to from their current tier. Null if the customer is already at the highest tier.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    id: float
    name: str
    threshold: float
    """
    The threshold required to reach this tier. For points programs, this is the number of points. For spend programs, this is the spend amount in minor units (e.g. cents); the currency is determined by the program configuration.
    """


class UpdateCustomerForbiddenError(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    error: UpdateCustomerForbiddenErrorError


class UpdateCustomerForbiddenErrorError(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    details: dict[str, str] | MISSING = MISSING
    message: str


class UpdateCustomerNotFoundError(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    error: str


class UpdateCustomerUnauthorizedError(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    error: UpdateCustomerUnauthorizedErrorError


class UpdateCustomerUnauthorizedErrorError(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    details: dict[str, str] | MISSING = MISSING
    message: str
