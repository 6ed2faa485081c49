# Generated from specs/capillary/openapi.yaml. Do not edit; run make generate.
"""The CommChannel model, and those defined with it."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import MISSING, ConfigDict

from .._runtime.models import BaseModel


class CommChannelMeta(BaseModel):
    """
    Additional details of the channel.
    """

    model_config = ConfigDict(
        extra="allow",
    )
    lastViewedDate: date | MISSING = MISSING
    """
    Date the customer last opened the app (mobilePush).
    """
    residence: bool | MISSING = MISSING


class CommChannelType(StrEnum):
    """
    Type of the communication channel.
    """

    MOBILE = "mobile"
    EMAIL = "email"
    WECHAT = "wechat"
    IOS = "ios"
    ANDROID = "android"
    LINE = "line"
    MOBILE_PUSH = "mobilePush"

    @classmethod
    def _missing_(cls, value: object) -> CommChannelType | None:
        # A value the vendor adds after this client was generated is kept, not rejected.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member


class CommChannel(BaseModel):
    meta: CommChannelMeta | MISSING = MISSING
    """
    Additional details of the channel.
    """
    primary: bool | MISSING = MISSING
    """
    Whether this is the customer's primary identifier of its type.
    """
    type: CommChannelType
    """
    Type of the communication channel.
    """
    value: str
    """
    The channel's value: the mobile number (with country code) for mobile, the Firebase token for mobilePush.
    """
    verified: bool | MISSING = MISSING
    """
    Whether the identifier has been verified, for example by OTP.
    """
