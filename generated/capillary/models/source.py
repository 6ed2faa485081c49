# Generated from specs/capillary/openapi.yaml. Do not edit; run make generate.
"""The Source model."""

from __future__ import annotations

from enum import StrEnum


class Source(StrEnum):
    """
    Source (channel) of the customer profile.
    """

    FACEBOOK = "FACEBOOK"
    WEB_ENGAGE = "WEB_ENGAGE"
    WECHAT = "WECHAT"
    INSTORE = "INSTORE"
    MARTJACK = "MARTJACK"
    TMALL = "TMALL"
    TAOBAO = "TAOBAO"
    JD = "JD"
    ECOMMERCE = "ECOMMERCE"
    WEBSITE = "WEBSITE"
    LINE = "LINE"
    MOBILE_APP = "MOBILE_APP"

    @classmethod
    def _missing_(cls, value: object) -> Source | None:
        # A value the vendor adds after this client was generated is kept, not rejected.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member
