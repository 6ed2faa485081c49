# Generated from specs/loyaltylion/openapi.yaml. Do not edit; run make generate.
"""Python client for LoyaltyLion Admin API.

    from loyaltylion import LoyaltyLionClient

Models are in ``loyaltylion.models``; every exception derives from ``APIError``.
"""

from . import models
from ._client import AsyncLoyaltyLionClient, LoyaltyLionClient
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
    "AsyncLoyaltyLionClient",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "LoyaltyLionClient",
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
