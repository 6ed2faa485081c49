"""Runtime shared by every generated client: transport, auth, errors and serialisation.

This package is real, tested Python. The generator copies it byte for byte into
each generated client as ``<vendor>/_runtime``; it is never a template.
"""

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
