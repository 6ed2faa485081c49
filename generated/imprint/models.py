# Generated from specs/imprint/openapi.yaml. Do not edit; run make generate.
"""Models of Public Imprint API."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import MISSING, BaseModel, Field, RootModel


class Address(BaseModel):
    """
    Mailing address information
    """

    city: Annotated[str | MISSING, Field(examples=["San Francisco"])] = MISSING
    """
    City name
    """
    country: Annotated[str | MISSING, Field(examples=["USA"])] = MISSING
    """
    ISO-3166-1 alpha-3 Country Code
    """
    postal_code: Annotated[str | MISSING, Field(examples=["94105"])] = MISSING
    """
    ZIP or postal code
    """
    state: Annotated[str | MISSING, Field(examples=["CA"])] = MISSING
    """
    State or province
    """
    street_line1: Annotated[str | MISSING, Field(examples=["123 Main St"])] = MISSING
    """
    Primary street address
    """
    street_line2: Annotated[str | MISSING, Field(examples=["Apt 4B"])] = MISSING
    """
    Secondary street address (apartment, suite, etc.)
    """


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


class CustomerAccountHistory(BaseModel):
    """
    A Customer's account history with the partner
    """

    account_created_at: Annotated[str | MISSING, Field(examples=["2025-02-13T19:08:07.000Z"])] = (
        MISSING
    )
    """
    The RFC-3339 timestamp when the customer's account was created with the partner
    """
    account_tenure: Annotated[int | MISSING, Field(examples=[13])] = MISSING
    """
    The customer's account tenure with the partner, in months
    """
    address: Address | MISSING = MISSING
    email: Annotated[str | MISSING, Field(examples=["customer@example.com"])] = MISSING
    """
    Customer's email address
    """
    first_name: Annotated[str | MISSING, Field(examples=["John"])] = MISSING
    """
    The customer's first name
    """
    last_name: Annotated[str | MISSING, Field(examples=["Doe"])] = MISSING
    """
    The customer's last name
    """
    loyalty_tier: Annotated[str | MISSING, Field(examples=["GOLD"])] = MISSING
    """
    The customer's current loyalty tier
    """
    ltv_amount: Annotated[int | MISSING, Field(examples=[34000])] = MISSING
    """
    The Life Time Value for the customer's account, in the min currency unit (cents for USD)
    """
    ltv_currency: Annotated[str | MISSING, Field(examples=["USD"])] = MISSING
    """
    The 3 char currency code of the amount in iso-4217
    """
    phone: Annotated[str | MISSING, Field(examples=["+14155552671"])] = MISSING
    """
    Customer's phone number in E.164 format
    """
    preferred_language: Annotated[str | MISSING, Field(examples=["en"])] = MISSING
    """
    Customer's preferred language code as defined by ISO 639-1
    """
    transaction_count: Annotated[int | MISSING, Field(examples=[100])] = MISSING
    """
    The number of lifetime transactions the customer has made with the partner
    """


class CustomerNotFoundError(BaseModel):
    message: Annotated[str, Field(examples=["Customer not found for provided ID: CSMR-v1-123"])]
    """
    A message describing the cause of the error
    """
    param: Annotated[str | MISSING, Field(examples=["customer_id"])] = MISSING
    """
    The param causing the error
    """
    type: Annotated[str, Field(examples=["CUSTOMER_NOT_FOUND_ERROR"])]
    """
    The category of error being returned
    """


class CustomerProgramStatus(StrEnum):
    """
    Status of a customer within a card program.
    """

    OPEN = "OPEN"
    CLOSED = "CLOSED"

    @classmethod
    def _missing_(cls, value: object) -> CustomerProgramStatus | None:
        # A value the vendor adds after this client was generated is kept, not rejected.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member


class DateOfBirth(BaseModel):
    """
    Customer's date of birth
    """

    day: Annotated[int | MISSING, Field(examples=[1], ge=1, le=31)] = MISSING
    """
    Day of birth
    """
    month: Annotated[int | MISSING, Field(examples=[1], ge=1, le=12)] = MISSING
    """
    Month of birth
    """
    year: Annotated[int | MISSING, Field(examples=[1990], ge=1900)] = MISSING
    """
    Year of birth
    """


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


class PartnerCustomerId(RootModel[str]):
    root: Annotated[str, Field(examples=["PARTNER_USER_456"])]
    """
    The unique identifier for the customer in the partner's system
    """


class UpdateCustomerRequest(BaseModel):
    city: Annotated[str | MISSING, Field(examples=["San Francisco"])] = MISSING
    customer_history: CustomerAccountHistory | MISSING = MISSING
    email: Annotated[str | MISSING, Field(examples=["customer@example.com"])] = MISSING
    first_name: Annotated[str | MISSING, Field(examples=["John"])] = MISSING
    last_name: Annotated[str | MISSING, Field(examples=["Doe"])] = MISSING
    metadata: Annotated[
        dict[str, Any] | MISSING, Field(examples=[{"preferred_language": "en"}])
    ] = MISSING
    """
    Additional customer data
    """
    phone: Annotated[
        str | MISSING, Field(examples=["+14155552671"], pattern="^\\+?[1-9]\\d{1,14}$")
    ] = MISSING
    postal_code: Annotated[str | MISSING, Field(examples=["94105"])] = MISSING
    preferred_language: Annotated[str | MISSING, Field(examples=["en"])] = MISSING
    state: Annotated[str | MISSING, Field(examples=["CA"])] = MISSING
    street_line1: Annotated[str | MISSING, Field(examples=["123 Main St"])] = MISSING
    street_line2: Annotated[str | MISSING, Field(examples=["Apt 4B"])] = MISSING
