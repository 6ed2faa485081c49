# Generated from specs/loyaltylion/openapi.yaml. Do not edit; run make generate.
"""The UpdateCustomerUnauthorizedError model, and those defined with it."""

from __future__ import annotations

from pydantic import MISSING, ConfigDict

from .._runtime.models import BaseModel


class UpdateCustomerUnauthorizedErrorError(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    details: dict[str, str] | MISSING = MISSING
    message: str


class UpdateCustomerUnauthorizedError(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    error: UpdateCustomerUnauthorizedErrorError
