# Generated from specs/capillary/openapi.yaml. Do not edit; run make generate.
"""Python client for Capillary Customer API (v2).

    from capillary import CapillaryClient

Models are in ``capillary.models``; every exception derives from ``APIError``.
"""

from . import models
from ._client import AsyncCapillaryClient, CapillaryClient
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
    "AsyncCapillaryClient",
    "AuthenticationError",
    "BadRequestError",
    "CapillaryClient",
    "ConflictError",
    "InternalServerError",
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
