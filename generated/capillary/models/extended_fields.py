# Generated from specs/capillary/openapi.yaml. Do not edit; run make generate.
"""The ExtendedFields model."""

from __future__ import annotations

from pydantic import ConfigDict

from .._runtime.models import BaseModel


class ExtendedFields(BaseModel):
    """
    Extended field values as name:value pairs; only fields enabled for the organization, with their configured types.
    """

    model_config = ConfigDict(
        extra="allow",
    )
