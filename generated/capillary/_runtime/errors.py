"""Exceptions raised by generated clients.

    APIError
      MissingCredentialsError          the operation needs credentials the client was not given
      OAuthTokenError                  the OAuth 2.0 token request failed; .token_url .status_code .error
      WebhookVerificationError         a webhook delivery could not be verified (webhooks.py)
      WebhookPayloadError              a verified delivery that is not JSON or not its event
      APIConnectionError               the request did not get a response
        APITimeoutError
      APIResponseValidationError       a 2xx body that does not match its documented model
      APIStatusError                   .status_code .headers .body .error .request .response .retry_after
        BadRequestError                400
        AuthenticationError            401
        PermissionDeniedError          403
        NotFoundError                  404
        ConflictError                  409
        UnprocessableEntityError       422
        RateLimitError                 429
        InternalServerError            >= 500

``.error`` is the body parsed into the operation's documented error model for
that status, or None when the status is undocumented or the body does not match;
``.body`` is always the body as it arrived. ``.error_as(Model)`` gives the same
value typed as the model the method's ``Raises:`` section names, for mypy.
No message, repr or attribute holds a credential.
"""

from __future__ import annotations

import typing
from typing import Any, TypeVar

if typing.TYPE_CHECKING:
    # In annotations only: the generator reads this module's status table without httpx.
    import httpx

ErrorT = TypeVar("ErrorT")


class APIError(Exception):
    """Base of every error a generated client raises."""

    message: str

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class MissingCredentialsError(APIError):
    pass


class OAuthTokenError(APIError):
    """The token endpoint refused the client's credentials, or could not be reached.

    ``.error`` and ``.error_description`` are the server's OAuth 2.0 error (``invalid_client``),
    ``.status_code`` is None when no response arrived. Neither the request nor the response is
    kept: both hold the credentials.
    """

    def __init__(
        self,
        message: str,
        *,
        token_url: str,
        status_code: int | None,
        error: str | None,
        error_description: str | None,
    ) -> None:
        super().__init__(message)
        self.token_url = token_url
        self.status_code = status_code
        self.error = error
        self.error_description = error_description


class APIConnectionError(APIError):
    def __init__(self, message: str, *, request: httpx.Request) -> None:
        super().__init__(message)
        self.request = request


class APITimeoutError(APIConnectionError):
    pass


class APIResponseValidationError(APIError):
    def __init__(self, message: str, *, response: httpx.Response, body: object) -> None:
        super().__init__(message)
        self.response = response
        self.request = response.request
        self.status_code = response.status_code
        self.body = body


class APIStatusError(APIError):
    """A response with a non-2xx status."""

    def __init__(self, message: str, *, response: httpx.Response, body: object, error: Any) -> None:
        super().__init__(message)
        self.response = response
        self.request = response.request
        self.status_code = response.status_code
        self.headers = response.headers
        self.body = body
        self.error = error
        # Seconds the server asked to wait (Retry-After), when it did.
        self.retry_after: float | None = None

    def error_as(self, model: type[ErrorT]) -> ErrorT | None:
        """``.error`` typed as ``model``: None when the body did not match it (see ``.body``).

        ``exc.error_as(models.ClientErrorBadRequest)`` is what the method's ``Raises:`` section
        documents for this status; any other model gives None.
        """
        return self.error if isinstance(self.error, typing.get_origin(model) or model) else None


class BadRequestError(APIStatusError):
    pass


class AuthenticationError(APIStatusError):
    pass


class PermissionDeniedError(APIStatusError):
    pass


class NotFoundError(APIStatusError):
    pass


class ConflictError(APIStatusError):
    pass


class UnprocessableEntityError(APIStatusError):
    pass


class RateLimitError(APIStatusError):
    pass


class InternalServerError(APIStatusError):
    pass


STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


# They print under the client's package (`loyaltydog.BadRequestError`), which exports them,
# not under the runtime module that defines them.
_PACKAGE = __name__.rsplit(".", 2)[0]
for _error in (
    APIError,
    MissingCredentialsError,
    OAuthTokenError,
    APIConnectionError,
    APITimeoutError,
    APIResponseValidationError,
    APIStatusError,
    *STATUS_ERRORS.values(),
    InternalServerError,
):
    _error.__module__ = _PACKAGE


def status_error_class(status: int) -> type[APIStatusError]:
    """The exception class for an HTTP status; the one table both runtime and generator use."""
    if status >= 500:
        return InternalServerError
    return STATUS_ERRORS.get(status, APIStatusError)
