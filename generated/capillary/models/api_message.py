# Generated from specs/capillary/openapi.yaml. Do not edit; run make generate.
"""The ApiMessage model."""

from __future__ import annotations

from typing import Annotated

from pydantic import MISSING, Field

from .._runtime.models import BaseModel


class ApiMessage(BaseModel):
    """
    An error or warning item of Capillary's v2 envelope.
    """

    code: Annotated[int, Field(examples=[8015, 3217])]
    """
    Capillary's error or warning code. The error codes the update pages list:
    - 8015: Customer not found for the given identifiers (invalid customer
      identifiers); PUT /v2/customers/{userId}.
    - 3217: Org source addition failed, Invalid source account identifier
      passed (source account identifier invalid or unsupported);
      PUT /v2/customers/{userId}.
    """
    message: str
    status: bool | MISSING = MISSING
