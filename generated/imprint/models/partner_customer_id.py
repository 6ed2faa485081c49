# Generated from specs/imprint/openapi.yaml. Do not edit; run make generate.
"""The PartnerCustomerId model."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .._runtime.models import RootModel


class PartnerCustomerId(RootModel[str]):
    root: Annotated[str, Field(examples=["PARTNER_USER_456"])]
    """
    The unique identifier for the customer in the partner's system
    """
