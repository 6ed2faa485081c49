# Generated from specs/capillary/openapi.yaml. Do not edit; run make generate.
"""The ErrorEnvelope model."""

from __future__ import annotations

from pydantic import MISSING

from .._runtime.models import BaseModel
from .api_message import ApiMessage


class ErrorEnvelope(BaseModel):
    errors: list[ApiMessage]
    warnings: list[ApiMessage] | MISSING = MISSING
