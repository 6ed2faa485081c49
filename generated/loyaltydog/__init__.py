# Generated from specs/loyaltydog/openapi.yaml. Do not edit; run make generate.
"""Python client for LoyaltyDog.

    from loyaltydog import LoyaltyDogClient

Models are in ``loyaltydog.models``; every exception derives from ``APIError``.
"""

import typing as _typing

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

if _typing.TYPE_CHECKING:
    from . import models

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

# `models` loads on first use (`loyaltydog.models.X`): importing the client does not
# read the index of every model. Type checkers and editors see the import above instead,
# and do not see this hook, so a misspelt name stays an error for them.
if not _typing.TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        if name == "models":
            # Not `from . import models`: that asks this module for `models` first, and so
            # would call this hook again.
            import importlib

            return importlib.import_module(f"{__name__}.models")
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), "models"})
