# Generated from specs/imprint/openapi.yaml. Do not edit; run make generate.
"""The Address model."""

from __future__ import annotations

from typing import Annotated

from pydantic import MISSING, Field

from .._runtime.models import BaseModel


class Address(BaseModel):
    """
    Mailing address information
    """

    city: Annotated[str | MISSING, Field(examples=["San Francisco"])] = MISSING
    """
    City name
    """
    country: Annotated[str | MISSING, Field(examples=["USA"])] = MISSING
    """
    ISO-3166-1 alpha-3 Country Code
    """
    postal_code: Annotated[str | MISSING, Field(examples=["94105"])] = MISSING
    """
    ZIP or postal code
    """
    state: Annotated[str | MISSING, Field(examples=["CA"])] = MISSING
    """
    State or province
    """
    street_line1: Annotated[str | MISSING, Field(examples=["123 Main St"])] = MISSING
    """
    Primary street address
    """
    street_line2: Annotated[str | MISSING, Field(examples=["Apt 4B"])] = MISSING
    """
    Secondary street address (apartment, suite, etc.)
    """
