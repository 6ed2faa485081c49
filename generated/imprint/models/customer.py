# Generated from specs/imprint/openapi.yaml. Do not edit; run make generate.
"""The Customer model."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import MISSING, Field

from .._runtime.models import BaseModel
from .address import Address
from .customer_program_status import CustomerProgramStatus
from .date_of_birth import DateOfBirth
from .partner_customer_id import PartnerCustomerId


class Customer(BaseModel):
    """
    Represents a customer in the Imprint system
    """

    address: Address | MISSING = MISSING
    created_at: Annotated[str | MISSING, Field(examples=["2025-02-13T19:08:07.000Z"])] = MISSING
    """
    the RFC-3339 date when the customer was created
    """
    date_of_birth: DateOfBirth | MISSING = MISSING
    email: Annotated[str | MISSING, Field(examples=["customer@example.com"])] = MISSING
    """
    Customer's email address
    """
    first_name: Annotated[str | MISSING, Field(examples=["John"])] = MISSING
    """
    The customer's first name.
    """
    id: Annotated[str, Field(examples=["9B5E1EE0-2E1C-46E7-81B9-3C3917204BE4"])]
    """
    Unique identifier for the customer
    """
    last_name: Annotated[str | MISSING, Field(examples=["Doe"])] = MISSING
    """
    The customer's last name.
    """
    metadata: Annotated[
        dict[str, Any] | MISSING, Field(examples=[{"preferred_language": "en"}])
    ] = MISSING
    """
    Set of key-value pairs for storing additional information about the customer.
    """
    partner_customer_id: PartnerCustomerId | MISSING = MISSING
    phone: Annotated[str | MISSING, Field(examples=["+14155552671"])] = MISSING
    """
    Customer's phone number in E.164 format
    """
    preferred_language: Annotated[str | MISSING, Field(examples=["en"])] = MISSING
    """
    Customer's preferred language code as defined by ISO 639-1
    """
    ssn4: Annotated[str | MISSING, Field(examples=["1234"])] = MISSING
    """
    Customer's Social Security Number in 4 digits
    """
    statuses: Annotated[
        dict[str, CustomerProgramStatus] | MISSING, Field(examples=[{"Card Program Name": "OPEN"}])
    ] = MISSING
    """
    Map of the customer's enrolled card program name to the customer's status.
    """
    updated_at: Annotated[str | MISSING, Field(examples=["2025-02-13T19:08:07.000Z"])] = MISSING
    """
    the RFC-3339 date when the customer was created
    """
