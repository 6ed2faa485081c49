# Generated from specs/imprint/openapi.yaml. Do not edit; run make generate.
"""Python client for Public Imprint API.

    from imprint import ImprintClient

Models are in ``imprint.models``; every exception derives from ``APIError``.
"""

from . import models
from ._client import AsyncImprintClient, ImprintClient
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
    "AsyncImprintClient",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "ImprintClient",
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
