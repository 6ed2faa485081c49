# Generated from specs/loyaltydog/openapi.yaml. Do not edit; run make generate.
"""The ValidationError model."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import MISSING, Field

from .._runtime.models import BaseModel


class ValidationError(BaseModel):
    ctx: Annotated[dict[str, Any] | MISSING, Field(title="Context")] = MISSING
    input: Annotated[Any | MISSING, Field(title="Input")] = MISSING
    loc: Annotated[list[str | int], Field(title="Location")]
    msg: Annotated[str, Field(title="Message")]
    type: Annotated[str, Field(title="Error Type")]
