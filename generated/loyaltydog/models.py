# Generated from specs/loyaltydog/openapi.yaml. Do not edit; run make generate.
"""Models of LoyaltyDog."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import MISSING, BaseModel, Field, RootModel


class HTTPValidationError(BaseModel):
    detail: Annotated[list[ValidationError] | MISSING, Field(title="Detail")] = MISSING


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


class ValidationError(BaseModel):
    ctx: Annotated[dict[str, Any] | MISSING, Field(title="Context")] = MISSING
    input: Annotated[Any | MISSING, Field(title="Input")] = MISSING
    loc: Annotated[list[str | int], Field(title="Location")]
    msg: Annotated[str, Field(title="Message")]
    type: Annotated[str, Field(title="Error Type")]
