# Generated from specs/loyaltylion/openapi.yaml. Do not edit; run make generate.
"""The CurrencyAmount model."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field

from .._runtime.models import BaseModel


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
