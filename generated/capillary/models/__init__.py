# Generated from specs/capillary/openapi.yaml. Do not edit; run make generate.
"""Models of Capillary Customer API (v2).

Each model's module loads when the model is first used, so importing this package is cheap.
"""

from __future__ import annotations

import importlib
import typing

if typing.TYPE_CHECKING:
    from .api_message import ApiMessage
    from .comm_channel import CommChannel, CommChannelMeta, CommChannelType
    from .customer_update import CustomerUpdate
    from .customer_update_by_identifier import CustomerUpdateByIdentifier
    from .customer_update_result import CustomerUpdateResult
    from .error_envelope import ErrorEnvelope
    from .extended_fields import ExtendedFields
    from .identifier import Identifier, IdentifierType
    from .lookup_profile import LookupProfile
    from .loyalty_info import LoyaltyInfo, LoyaltyInfoLoyaltyType
    from .loyalty_program_enrollment import LoyaltyProgramEnrollment
    from .profile import Profile
    from .side_effect import SideEffect
    from .source import Source

__all__ = [
    "ApiMessage",
    "CommChannel",
    "CommChannelMeta",
    "CommChannelType",
    "CustomerUpdate",
    "CustomerUpdateByIdentifier",
    "CustomerUpdateResult",
    "ErrorEnvelope",
    "ExtendedFields",
    "Identifier",
    "IdentifierType",
    "LookupProfile",
    "LoyaltyInfo",
    "LoyaltyInfoLoyaltyType",
    "LoyaltyProgramEnrollment",
    "Profile",
    "SideEffect",
    "Source",
]

_MODULES = {
    "ApiMessage": "api_message",
    "CommChannelMeta": "comm_channel",
    "CommChannelType": "comm_channel",
    "CommChannel": "comm_channel",
    "CustomerUpdate": "customer_update",
    "CustomerUpdateByIdentifier": "customer_update_by_identifier",
    "CustomerUpdateResult": "customer_update_result",
    "ErrorEnvelope": "error_envelope",
    "ExtendedFields": "extended_fields",
    "IdentifierType": "identifier",
    "Identifier": "identifier",
    "LookupProfile": "lookup_profile",
    "LoyaltyInfoLoyaltyType": "loyalty_info",
    "LoyaltyInfo": "loyalty_info",
    "LoyaltyProgramEnrollment": "loyalty_program_enrollment",
    "Profile": "profile",
    "SideEffect": "side_effect",
    "Source": "source",
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
