# Generated from specs/capillary/openapi.yaml. Do not edit; run make generate.
"""The SideEffect model."""

from __future__ import annotations

from pydantic import MISSING, ConfigDict

from .._runtime.models import BaseModel


class SideEffect(BaseModel):
    """
    A loyalty effect of the update, such as points awarded.
    """

    model_config = ConfigDict(
        extra="allow",
    )
    awardedPoints: float | MISSING = MISSING
    """
    Points awarded after adjustments.
    """
    entityType: str | MISSING = MISSING
    """
    Entity affected, for example USER.
    """
    rawAwardedPoints: float | MISSING = MISSING
    """
    Points awarded before adjustments.
    """
    type: str | MISSING = MISSING
    """
    Kind of effect, for example points, coupon or alternate_currency.
    """
