# Generated from specs/loyaltydog/openapi.yaml. Do not edit; run make generate.
"""Models of LoyaltyDog.

Each model's module loads when the model is first used, so importing this package is cheap.
"""

from __future__ import annotations

import importlib
import typing

if typing.TYPE_CHECKING:
    from .http_validation_error import HTTPValidationError
    from .pydantic_object_id import PydanticObjectId
    from .update_customer_payload import UpdateCustomerPayload
    from .validation_error import ValidationError

__all__ = [
    "HTTPValidationError",
    "PydanticObjectId",
    "UpdateCustomerPayload",
    "ValidationError",
]

_MODULES = {
    "HTTPValidationError": "http_validation_error",
    "PydanticObjectId": "pydantic_object_id",
    "UpdateCustomerPayload": "update_customer_payload",
    "ValidationError": "validation_error",
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
