# Generated from specs/capillary/openapi.yaml. Do not edit; run make generate.
"""The CustomerUpdateResult model."""

from __future__ import annotations

from pydantic import MISSING

from .._runtime.models import BaseModel
from .api_message import ApiMessage
from .side_effect import SideEffect


class CustomerUpdateResult(BaseModel):
    createdId: int
    """
    User id of the updated customer.
    """
    sideEffects: list[SideEffect] | MISSING = MISSING
    warnings: list[ApiMessage] | MISSING = MISSING
