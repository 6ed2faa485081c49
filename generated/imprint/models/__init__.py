# Generated from specs/imprint/openapi.yaml. Do not edit; run make generate.
"""Models of Public Imprint API.

Each model's module loads when the model is first used, so importing this package is cheap.
"""

from __future__ import annotations

import importlib
import typing

if typing.TYPE_CHECKING:
    from .address import Address
    from .customer import Customer
    from .customer_account_history import CustomerAccountHistory
    from .customer_not_found_error import CustomerNotFoundError
    from .customer_program_status import CustomerProgramStatus
    from .date_of_birth import DateOfBirth
    from .invalid_request_error import InvalidRequestError
    from .partner_customer_id import PartnerCustomerId
    from .update_customer_request import UpdateCustomerRequest

__all__ = [
    "Address",
    "Customer",
    "CustomerAccountHistory",
    "CustomerNotFoundError",
    "CustomerProgramStatus",
    "DateOfBirth",
    "InvalidRequestError",
    "PartnerCustomerId",
    "UpdateCustomerRequest",
]

_MODULES = {
    "Address": "address",
    "Customer": "customer",
    "CustomerAccountHistory": "customer_account_history",
    "CustomerNotFoundError": "customer_not_found_error",
    "CustomerProgramStatus": "customer_program_status",
    "DateOfBirth": "date_of_birth",
    "InvalidRequestError": "invalid_request_error",
    "PartnerCustomerId": "partner_customer_id",
    "UpdateCustomerRequest": "update_customer_request",
}


def __getattr__(name: str) -> object:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return list(__all__)
