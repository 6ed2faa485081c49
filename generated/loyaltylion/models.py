"""Models of the LoyaltyLion Admin API API."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import MISSING, AwareDatetime, BaseModel, ConfigDict, Field, RootModel


class ClientErrorBadRequest(BaseModel):
    error: Error


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


class Customer(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    birthday: str | MISSING = MISSING
    blocked: bool | MISSING = MISSING


class Customer1(BaseModel):
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
    insights_segment: InsightsSegment | None
    linked_merchant_ids: list[str] | MISSING = MISSING
    loyalty_tier_membership: LoyaltyTierMembership | None
    merchant_id: str
    metadata: Metadata
    points_approved: float
    points_pending: float
    points_spent: float
    properties: dict[str, Any]
    receipt_upload_url: str | None
    referral_id: str | None
    referral_url: str
    referred_by: ReferredBy | None
    rewards_claimed: Annotated[int, Field(ge=0)]
    rewards_used: RewardsUsed | None
    tier_eligibility: TierEligibilityPoints | TierEligibilitySpend | None
    updated_at: str


class CustomersUpdateCustomerRequestBody(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    customer: Customer


class CustomersUpdateCustomerResponseBody(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    customer: Customer1


class Error(BaseModel):
    details: dict[str, str] | MISSING = MISSING
    message: str


class Error1(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    details: dict[str, str] | MISSING = MISSING
    message: str


class ForecastedTier(BaseModel):
    """
    The tier the customer is forecasted to be in at their membership expiration, based on their predicted points at expiration. Null if the membership never expires (e.g. lifetime tiers, default tier memberships, or conditional tier memberships).
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    id: float
    name: str


class ForecastedTier1(BaseModel):
    """
    The tier the customer is forecasted to be in at their membership expiration, based on their predicted spend at expiration. Null if the membership never expires (e.g. lifetime tiers, default tier memberships, or conditional tier memberships).
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    id: float
    name: str


class InsightsSegment(StrEnum):
    AT_RISK = "At Risk"
    WIN_BACK = "Win Back"
    LOYAL = "Loyal"

    @classmethod
    def _missing_(cls, value: object) -> InsightsSegment | None:
        # A value the vendor adds after this client was generated is kept, not rejected.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member


class LoyaltyTier(BaseModel):
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


class LoyaltyTierMembership(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    expires_at: str | None
    loyalty_tier: LoyaltyTier
    manual: bool | None
    started_at: str


class Metadata(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    shopify_source_url: str | MISSING = MISSING


class ReferredBy(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    id: float
    merchant_id: str


class RewardsUsed(RootModel[int]):
    root: Annotated[int, Field(ge=0)]


class TierEligibilityPoints(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    forecasted_tier: ForecastedTier | None
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
    tier_points: TierPoints
    upgrade_tier: UpgradeTier | None
    """
    The next tier that this customer could upgrade to from their current tier. Null if the customer is already at the highest tier.
    """
    valid_until: AwareDatetime | None
    """
    ISO 8601 timestamp representing when the calculated progress is no longer accurate. After this date, progress values may be stale — for example, because contributing activities or spend have fallen outside the evaluation window. Null for lifetime tiers.
    """


class TierEligibilitySpend(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    forecasted_tier: ForecastedTier1 | None
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
    tier_spend: TierSpend
    upgrade_tier: UpgradeTier | None
    """
    The next tier that this customer could upgrade to from their current tier. Null if the customer is already at the highest tier.
    """
    valid_until: AwareDatetime | None
    """
    ISO 8601 timestamp representing when the calculated progress is no longer accurate. After this date, progress values may be stale — for example, because contributing activities or spend have fallen outside the evaluation window. Null for lifetime tiers.
    """


class TierPoints(BaseModel):
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


class TierSpend(BaseModel):
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


class UpdateCustomerForbiddenError(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    error: Error1


class UpdateCustomerNotFoundError(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    error: str


class UpdateCustomerUnauthorizedError(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    error: Error1


class UpgradeTier(BaseModel):
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
