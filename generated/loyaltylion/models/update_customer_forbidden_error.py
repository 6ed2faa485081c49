# Generated from specs/loyaltylion/openapi.yaml. Do not edit; run make generate.
"""The UpdateCustomerForbiddenError model, and those defined with it."""

from __future__ import annotations

from pydantic import MISSING, ConfigDict

from .._runtime.models import BaseModel


class UpdateCustomerForbiddenErrorError(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    details: dict[str, str] | MISSING = MISSING
    message: str


class UpdateCustomerForbiddenError(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    error: UpdateCustomerForbiddenErrorError
