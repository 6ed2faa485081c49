# Generated from specs/capillary/openapi.yaml. Do not edit; run make generate.
"""The ApiMessage model."""

from __future__ import annotations

from pydantic import MISSING

from .._runtime.models import BaseModel


class ApiMessage(BaseModel):
    """
    An error or warning item of Capillary's v2 envelope.
    """

    code: int
    """
    Capillary's error or warning code, for example 8015.
    """
    message: str
    status: bool | MISSING = MISSING
