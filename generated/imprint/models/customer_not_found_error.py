# Generated from specs/imprint/openapi.yaml. Do not edit; run make generate.
"""The CustomerNotFoundError model."""

from __future__ import annotations

from typing import Annotated

from pydantic import MISSING, Field

from .._runtime.models import BaseModel


class CustomerNotFoundError(BaseModel):
    message: Annotated[str, Field(examples=["Customer not found for provided ID: CSMR-v1-123"])]
    """
    A message describing the cause of the error
    """
    param: Annotated[str | MISSING, Field(examples=["customer_id"])] = MISSING
    """
    The param causing the error
    """
    type: Annotated[str, Field(examples=["CUSTOMER_NOT_FOUND_ERROR"])]
    """
    The category of error being returned
    """
