# Generated from specs/loyaltylion/openapi.yaml. Do not edit; run make generate.
"""The TierEligibilitySpend model, and those defined with it."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AwareDatetime, ConfigDict, Field

from .._runtime.models import BaseModel
from .currency_amount import CurrencyAmount


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
