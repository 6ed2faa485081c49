# Generated from specs/loyaltydog/openapi.yaml. Do not edit; run make generate.
"""The PydanticObjectId model."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .._runtime.models import RootModel


class PydanticObjectId(RootModel[str]):
    root: Annotated[
        str,
        Field(
            examples=["5eb7cf5a86d9755df3a6c593"],
            max_length=24,
            min_length=24,
            pattern="^[0-9a-f]{24}$",
        ),
    ]
