# Generated from specs/capillary/openapi.yaml. Do not edit; run make generate.
"""Models of Capillary Customer API (v2)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import MISSING, AwareDatetime, BaseModel, ConfigDict


class ApiMessage(BaseModel):
    """
    An error or warning item of Capillary's v2 envelope.
    """

    code: int
    """
    Capillary's error or warning code, for example 8015.
    """
    message: str
    status: bool | MISSING = MISSING


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


class CustomerUpdate(BaseModel):
    """
    Customer details to update; send only what changes.
    """

    extendedFields: ExtendedFields | MISSING = MISSING
    loyaltyInfo: LoyaltyInfo | MISSING = MISSING
    loyaltyProgramEnrollments: list[LoyaltyProgramEnrollment] | MISSING = MISSING
    profiles: list[Profile] | MISSING = MISSING


class CustomerUpdateByIdentifier(BaseModel):
    """
    Customer details to update, for the lookup operation; profiles may add identifiers.
    """

    extendedFields: ExtendedFields | MISSING = MISSING
    loyaltyInfo: LoyaltyInfo | MISSING = MISSING
    loyaltyProgramEnrollments: list[LoyaltyProgramEnrollment] | MISSING = MISSING
    profiles: list[LookupProfile] | MISSING = MISSING


class CustomerUpdateResult(BaseModel):
    createdId: int
    """
    User id of the updated customer.
    """
    sideEffects: list[SideEffect] | MISSING = MISSING
    warnings: list[ApiMessage] | MISSING = MISSING


class ErrorEnvelope(BaseModel):
    errors: list[ApiMessage]
    warnings: list[ApiMessage] | MISSING = MISSING


class ExtendedFields(BaseModel):
    """
    Extended field values as name:value pairs; only fields enabled for the organization, with their configured types.
    """

    model_config = ConfigDict(
        extra="allow",
    )


class Identifier(BaseModel):
    type: IdentifierType
    """
    Identifier type.
    """
    value: str


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


class LookupProfile(BaseModel):
    """
    Profile information, with identifiers to add to the customer.
    """

    commChannels: list[CommChannel] | MISSING = MISSING
    fields: dict[str, str] | MISSING = MISSING
    """
    Custom field values configured for the organization, as name:value pairs.
    """
    firstName: str | MISSING = MISSING
    """
    First name of the customer.
    """
    identifiers: list[Identifier] | MISSING = MISSING
    """
    Identifiers to add to the customer.
    """
    lastName: str | MISSING = MISSING
    """
    Last name of the customer.
    """


class LoyaltyInfo(BaseModel):
    loyaltyType: LoyaltyInfoLoyaltyType | MISSING = MISSING
    """
    Loyalty status; a loyalty customer cannot become non-loyalty.
    """


class LoyaltyInfoLoyaltyType(StrEnum):
    """
    Loyalty status; a loyalty customer cannot become non-loyalty.
    """

    LOYALTY = "loyalty"
    NON_LOYALTY = "non_loyalty"

    @classmethod
    def _missing_(cls, value: object) -> LoyaltyInfoLoyaltyType | None:
        # A value the vendor adds after this client was generated is kept, not rejected.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member


class LoyaltyProgramEnrollment(BaseModel):
    loyaltyPoints: int | MISSING = MISSING
    """
    Loyalty points to credit.
    """
    pointsExpiryDate: AwareDatetime | MISSING = MISSING
    """
    Expiry of the points issued, with a UTC offset.
    """
    programId: int | MISSING = MISSING
    """
    Loyalty program to enrol the customer in.
    """
    tierExpiryDate: AwareDatetime | MISSING = MISSING
    """
    Expiry of the tier, with a UTC offset.
    """
    tierNumber: int | MISSING = MISSING
    """
    Sequence number of the tier to allocate (1 is the lowest).
    """


class Profile(BaseModel):
    """
    Profile information of the customer.
    """

    commChannels: list[CommChannel] | MISSING = MISSING
    fields: dict[str, str] | MISSING = MISSING
    """
    Custom field values configured for the organization, as name:value pairs.
    """
    firstName: str | MISSING = MISSING
    """
    First name of the customer.
    """
    lastName: str | MISSING = MISSING
    """
    Last name of the customer.
    """


class SideEffect(BaseModel):
    """
    A loyalty effect of the update, such as points awarded.
    """

    model_config = ConfigDict(
        extra="allow",
    )
    awardedPoints: float | MISSING = MISSING
    """
    Points awarded after adjustments.
    """
    entityType: str | MISSING = MISSING
    """
    Entity affected, for example USER.
    """
    rawAwardedPoints: float | MISSING = MISSING
    """
    Points awarded before adjustments.
    """
    type: str | MISSING = MISSING
    """
    Kind of effect, for example points, coupon or alternate_currency.
    """


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
