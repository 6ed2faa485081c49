# Generated from specs/imprint/openapi.yaml. Do not edit; run make generate.
"""The DateOfBirth model."""

from __future__ import annotations

from typing import Annotated

from pydantic import MISSING, Field

from .._runtime.models import BaseModel


class DateOfBirth(BaseModel):
    """
    Customer's date of birth
    """

    day: Annotated[int | MISSING, Field(examples=[1], ge=1, le=31)] = MISSING
    """
    Day of birth
    """
    month: Annotated[int | MISSING, Field(examples=[1], ge=1, le=12)] = MISSING
    """
    Month of birth
    """
    year: Annotated[int | MISSING, Field(examples=[1990], ge=1900)] = MISSING
    """
    Year of birth
    """
