# Generated from specs/loyaltylion/openapi.yaml. Do not edit; run make generate.
"""The ClientErrorBadRequest model, and those defined with it."""

from __future__ import annotations

from pydantic import MISSING

from .._runtime.models import BaseModel


class ClientErrorBadRequestError(BaseModel):
    details: dict[str, str] | MISSING = MISSING
    message: str


class ClientErrorBadRequest(BaseModel):
    error: ClientErrorBadRequestError
