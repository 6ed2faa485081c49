# Generated from specs/loyaltydog/openapi.yaml. Do not edit; run make generate.
"""Python client for LoyaltyDog.

    from loyaltydog import LoyaltyDogClient

Models are in ``loyaltydog.models``; every exception derives from ``APIError``.
"""

from . import models
from ._client import AsyncLoyaltyDogClient, LoyaltyDogClient
from ._runtime import (
    NOT_GIVEN,
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    MissingCredentialsError,
    NotFoundError,
    NotGiven,
    OAuthTokenError,
    Omit,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
    omit,
)

__all__ = [
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncLoyaltyDogClient",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "LoyaltyDogClient",
    "MissingCredentialsError",
    "NotFoundError",
    "NotGiven",
    "OAuthTokenError",
    "Omit",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
    "models",
    "omit",
]
