# Generated from specs/loyaltydog/openapi.yaml. Do not edit; run make generate.
"""The HTTPValidationError model."""

from __future__ import annotations

from typing import Annotated

from pydantic import MISSING, Field

from .._runtime.models import BaseModel
from .validation_error import ValidationError


class HTTPValidationError(BaseModel):
    detail: Annotated[list[ValidationError] | MISSING, Field(title="Detail")] = MISSING
