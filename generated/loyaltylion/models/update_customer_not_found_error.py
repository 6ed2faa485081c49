# Generated from specs/loyaltylion/openapi.yaml. Do not edit; run make generate.
"""The UpdateCustomerNotFoundError model."""

from __future__ import annotations

from pydantic import ConfigDict

from .._runtime.models import BaseModel


class UpdateCustomerNotFoundError(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    error: str
