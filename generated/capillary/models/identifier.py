# Generated from specs/capillary/openapi.yaml. Do not edit; run make generate.
"""The Identifier model, and those defined with it."""

from __future__ import annotations

from enum import StrEnum

from .._runtime.models import BaseModel


class IdentifierType(StrEnum):
    """
    Identifier type.
    """

    MOBILE = "mobile"
    EMAIL = "email"
    CARDNUMBER = "cardnumber"
    EXTERNAL_ID = "externalId"
    WECHAT = "wechat"
    MARTJACK_ID = "martjackId"
    FB_ID = "fbId"
    TMALL_UNAME = "tmall_uname"
    CUID = "cuid"
    ALI_UNAME = "ali_uname"
    JD_UNAME = "jd_uname"
    VIP_UNAME = "vip_uname"
    LINE = "line"

    @classmethod
    def _missing_(cls, value: object) -> IdentifierType | None:
        # A value the vendor adds after this client was generated is kept, not rejected.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member


class Identifier(BaseModel):
    type: IdentifierType
    """
    Identifier type.
    """
    value: str
