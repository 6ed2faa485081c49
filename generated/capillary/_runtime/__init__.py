"""Runtime shared by every generated client: transport, auth, errors and serialisation.

This package is real, tested Python. The generator copies it byte for byte into
each generated client as ``<vendor>/_runtime``; it is never a template.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .auth import ApiKeyAuth, BasicAuth, BearerAuth, md5_password
    from .client import AsyncAPIClient, SyncAPIClient
    from .content import BinaryContent, Encoding, FileContent
    from .errors import (
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
        OAuthTokenError,
        PermissionDeniedError,
        RateLimitError,
        UnprocessableEntityError,
    )
    from .hooks import RequestInfo, ResponseInfo
    from .oauth import OAuth2
    from .pagination import AsyncPage, AsyncPaginator, PageInfo, Pagination, SyncPage
    from .response import APIResponse, AsyncStreamedResponse, StreamedResponse
    from .sentinels import NOT_GIVEN, NotGiven, Omit, omit
    from .webhooks import (
        HmacSignature,
        StandardWebhooks,
        WebhookPayloadError,
        Webhooks,
        WebhookVerificationError,
    )

__all__ = [
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "ApiKeyAuth",
    "AsyncAPIClient",
    "AsyncPage",
    "AsyncPaginator",
    "AsyncStreamedResponse",
    "AuthenticationError",
    "BadRequestError",
    "BasicAuth",
    "BearerAuth",
    "BinaryContent",
    "ConflictError",
    "Encoding",
    "FileContent",
    "HmacSignature",
    "InternalServerError",
    "MissingCredentialsError",
    "NotFoundError",
    "NotGiven",
    "OAuth2",
    "OAuthTokenError",
    "Omit",
    "PageInfo",
    "Pagination",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestInfo",
    "ResponseInfo",
    "StandardWebhooks",
    "StreamedResponse",
    "SyncAPIClient",
    "SyncPage",
    "UnprocessableEntityError",
    "WebhookPayloadError",
    "WebhookVerificationError",
    "Webhooks",
    "md5_password",
    "omit",
]

# Each name's module, imported when the name is first used: a client imports the parts it
# uses, and pydantic (models, validation) only when its first call needs it.
_MODULES = {
    "NOT_GIVEN": "sentinels",
    "APIConnectionError": "errors",
    "APIError": "errors",
    "APIResponse": "response",
    "APIResponseValidationError": "errors",
    "APIStatusError": "errors",
    "APITimeoutError": "errors",
    "ApiKeyAuth": "auth",
    "AsyncAPIClient": "client",
    "AsyncPage": "pagination",
    "AsyncPaginator": "pagination",
    "AsyncStreamedResponse": "response",
    "AuthenticationError": "errors",
    "BadRequestError": "errors",
    "BasicAuth": "auth",
    "BearerAuth": "auth",
    "BinaryContent": "content",
    "ConflictError": "errors",
    "Encoding": "content",
    "FileContent": "content",
    "HmacSignature": "webhooks",
    "InternalServerError": "errors",
    "MissingCredentialsError": "errors",
    "NotFoundError": "errors",
    "NotGiven": "sentinels",
    "OAuth2": "oauth",
    "OAuthTokenError": "errors",
    "Omit": "sentinels",
    "PageInfo": "pagination",
    "Pagination": "pagination",
    "PermissionDeniedError": "errors",
    "RateLimitError": "errors",
    "RequestInfo": "hooks",
    "ResponseInfo": "hooks",
    "StandardWebhooks": "webhooks",
    "StreamedResponse": "response",
    "SyncAPIClient": "client",
    "SyncPage": "pagination",
    "UnprocessableEntityError": "errors",
    "WebhookPayloadError": "webhooks",
    "WebhookVerificationError": "webhooks",
    "Webhooks": "webhooks",
    "md5_password": "auth",
    "omit": "sentinels",
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
