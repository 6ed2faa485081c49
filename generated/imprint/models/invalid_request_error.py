# Generated from specs/imprint/openapi.yaml. Do not edit; run make generate.
"""The InvalidRequestError model."""

from __future__ import annotations

from typing import Annotated

from pydantic import MISSING, Field

from .._runtime.models import BaseModel


class InvalidRequestError(BaseModel):
    details: Annotated[
        list[str] | MISSING, Field(examples=[["email: must be a well-formed email address"]])
    ] = MISSING
    """
    The details of the error being returned
    """
    error: Annotated[str | MISSING, Field(examples=["Bad Request"])] = MISSING
    """
    The category of error being returned
    """
    path: Annotated[str | MISSING, Field(examples=["/v2/customers"])] = MISSING
    """
    The path of the endpoint returning the error
    """
    status: Annotated[int | MISSING, Field(examples=[400])] = MISSING
    """
    The HTTP status code of the error
    """
    timestamp: Annotated[str | MISSING, Field(examples=["2025-01-20T18:18:22.923+00:00"])] = MISSING
    """
    The timestamp that the error occurred
    """
