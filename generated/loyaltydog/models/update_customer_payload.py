# Generated from specs/loyaltydog/openapi.yaml. Do not edit; run make generate.
"""The UpdateCustomerPayload model."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import MISSING, Field

from .._runtime.models import BaseModel


class UpdateCustomerPayload(BaseModel):
    """
    The customer updating payload

    Attributes:
        firstName (str | None, optional): The first name of the customer. Defaults to None
        lastName (str | None, optional): The last name of the customer. Defaults to None
        email (str | None, optional): The email address of the customer. Defaults to None
        phone (str | None, optional): The E164 phone number of the customer. Defaults to None
        customFields (Dict | None, optional): The values of the custom fields. Defaults to None
    """

    currentMessage: Annotated[str | None | MISSING, Field(title="Currentmessage")] = MISSING
    customFields: Annotated[dict[str, Any] | None | MISSING, Field(title="Customfields")] = MISSING
    email: Annotated[str | None | MISSING, Field(title="Email")] = MISSING
    firstName: Annotated[str | None | MISSING, Field(title="Firstname")] = MISSING
    lastName: Annotated[str | None | MISSING, Field(title="Lastname")] = MISSING
    phone: Annotated[str | None | MISSING, Field(title="Phone")] = MISSING
    points: Annotated[int, Field(title="Points")] = 0
