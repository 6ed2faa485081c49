"""The request/response core of generated clients.

``_BaseClient`` holds the pure logic (build a request, choose credentials, map
a response to a value or an exception); ``SyncAPIClient`` and
``AsyncAPIClient`` only do I/O.
"""

from __future__ import annotations

import functools
import json
import logging
import time
import types
import typing
import uuid
from collections.abc import Awaitable, Callable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, NamedTuple, Self, TypeVar

import httpx

from .auth import ApiKeyAuth, CombinedAuth
from .content import JSON, Encoded, Encoding, decoded, encode, is_json
from .errors import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    MissingCredentialsError,
    status_error_class,
)
from .parameters import Styles, header_value, path_segment, query_pairs
from .redact import Redactor
from .response import (
    RAW_RESPONSE,
    STREAMED_RESPONSE,
    APIResponse,
    AsyncStreamedResponse,
    StreamedResponse,
)
from .retries import DEFAULT_MAX_RETRIES, retry_after, retry_delay, should_retry
from .sentinels import NOT_GIVEN, NotGiven, Omit, omit

# pydantic, the models' base, OAuth 2.0, asyncio and the hooks' records are imported where
# they are used: importing a client loads none of them, and its first call only what that
# call needs.
if TYPE_CHECKING:
    import pydantic

    from .hooks import RequestHook, ResponseHook
    from .oauth import OAuth2

T = TypeVar("T")

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)

TimeoutArg = float | httpx.Timeout | None | NotGiven
# Alternatives of a security requirement: each a tuple of scheme names; () allows anonymous calls.
Security = tuple[tuple[str, ...], ...]
ErrorModels = Mapping[int, Any]

_log = logging.getLogger(__name__.rsplit(".", 2)[0])


@functools.lru_cache(maxsize=512)
def _adapter(tp: Any) -> pydantic.TypeAdapter[Any]:
    import pydantic

    return pydantic.TypeAdapter(tp)


def describe_problems(exc: pydantic.ValidationError, shown: int = 3) -> str:
    """Each failing field's path, what was expected and what arrived: a few, then a count."""
    problems = exc.errors(include_url=False)
    lines = []
    for problem in problems[:shown]:
        path = ".".join(str(part) for part in problem["loc"]) or "(the body)"
        if problem["type"] == "missing":
            arrived = "nothing"
        else:
            arrived = repr(problem["input"])
            arrived = arrived if len(arrived) <= 60 else arrived[:59] + "…"
        lines.append(f"{path}: {problem['msg']}, got {arrived}")
    more = f"; and {len(problems) - shown} more" if len(problems) > shown else ""
    return "; ".join(lines) + more


def _raw_body(response: httpx.Response, cast_to: Any) -> bytes | str | None:
    """The body as bytes or text, when the operation documents one of those for what arrived:
    a download, a CSV; None when it is to be parsed as JSON."""
    members = set(typing.get_args(cast_to)) if typing.get_origin(cast_to) in _UNIONS else {cast_to}
    content_type = response.headers.get("content-type", "")
    other = bool(content_type) and not is_json(content_type)
    if bytes in members and (cast_to is bytes or other):
        return response.content
    if str in members and other:
        return response.text
    return None


_UNIONS = (typing.Union, types.UnionType)


class _Prepared(NamedTuple):
    request: httpx.Request  # credentials applied, but for an OAuth 2.0 token
    safe: bool  # to retry after the request may have reached the server
    retries: int
    replayable: bool  # the body can be sent again
    tokens: OAuth2 | None  # where each attempt takes its access token


def _sent(request: httpx.Request) -> str:
    """The request as it went out (path percent-encoded), without its query, which may
    carry a credential."""
    return f"{request.method} {request.url.copy_with(query=None)}"


class _BaseClient:
    def __init__(
        self,
        *,
        base_url: str | httpx.URL | None,
        server: str,
        server_variables: Mapping[str, str],
        auth: Mapping[str, httpx.Auth | OAuth2 | None],
        timeout: TimeoutArg,
        user_agent: str,
        default_headers: Mapping[str, str] | None,
        max_retries: int,
        retry_non_idempotent: bool,
        on_request: RequestHook | None,
        on_response: ResponseHook | None,
    ) -> None:
        self._server_variables = dict(server_variables)
        # A base_url given here overrides every server the spec names, an operation's too.
        self._base_url_given = base_url is not None
        self.base_url = httpx.URL(
            (str(base_url) if base_url is not None else self._server_url(server)).rstrip("/") + "/"
        )
        # Paths are appended to this text; httpx parses the whole URL once, in build_request.
        self._base = str(self.base_url)
        self._auth = {name: scheme for name, scheme in auth.items() if scheme is not None}
        self.timeout = DEFAULT_TIMEOUT if isinstance(timeout, NotGiven) else timeout
        self.max_retries = max_retries
        self.retry_non_idempotent = retry_non_idempotent
        self._on_request = on_request
        self._on_response = on_response
        self._headers = {"User-Agent": user_agent, **(default_headers or {})}
        keys = [a for a in self._auth.values() if isinstance(a, ApiKeyAuth)]
        self._redactor = Redactor(
            header_names=[k.name for k in keys if k.location == "header"],
            query_names=[k.name for k in keys if k.location == "query"],
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={str(self.base_url)!r})"

    def _server_url(self, server: str) -> str:
        """A server URL with the client's values of its variables."""
        for name, value in self._server_variables.items():
            server = server.replace("{" + name + "}", value)
        return server

    def _url(
        self, path: str, path_params: Mapping[str, object], server: str, styles: Styles
    ) -> str:
        if path.startswith(("https://", "http://")):
            return path  # a next page's URL, as the server gave it (pagination.py)
        base = self._base
        if server and not self._base_url_given:
            base = self._server_url(server).rstrip("/") + "/"
        values = {
            name: path_segment(name, value, *styles.get(("path", name), ("simple", False)))
            for name, value in path_params.items()
        }
        return base + path.lstrip("/").format_map(values)

    def _request_parts(
        self,
        path: str,
        *,
        path_params: Mapping[str, object],
        query: Mapping[str, object],
        headers: Mapping[str, object],
        styles: Styles,
        body: object,
        encoding: Encoding,
        accept: str,
        server: str,
        extra_headers: Mapping[str, str] | None,
        asynchronous: bool,
    ) -> tuple[dict[str, Any], bool]:
        """The arguments of ``build_request``, and whether the body can be sent again."""
        params: list[tuple[str, str]] = []
        for name, value in query.items():
            params += query_pairs(name, value, *styles.get(("query", name), ("form", True)))
        # Case-insensitive: a caller's `accept` or `content-type` replaces ours.
        merged = httpx.Headers(self._headers)
        for name, value in headers.items():
            text = header_value(name, value, *styles.get(("header", name), ("simple", False)))
            if text is not None:
                merged[name] = text
        if "accept" not in merged:
            merged["Accept"] = accept  # unless the client's default_headers name one
        encoded = Encoded({})
        if not isinstance(body, Omit):
            from .models import refuse_forbidden_fields

            refuse_forbidden_fields(body)
            encoded = encode(body, encoding, asynchronous=asynchronous)
        merged.update(encoded.headers)
        merged.update(extra_headers or {})
        parts: dict[str, Any] = {
            "url": self._url(path, path_params, server, styles),
            "headers": merged,
            "content": encoded.content,
        }
        if encoded.files is not None:
            parts["files"] = encoded.files
        if params:
            # Even an empty list makes httpx parse and rebuild the URL: a third of a request.
            parts["params"] = params
        return parts, encoded.replayable

    @staticmethod
    def _encoding(encodings: tuple[Encoding, ...], content_type: str | Omit) -> Encoding:
        """The media type to send: the caller's choice, else the first the spec offers."""
        if isinstance(content_type, Omit):
            return encodings[0]
        for encoding in encodings:
            if encoding.media_type == content_type:
                return encoding
        offered = ", ".join(e.media_type for e in encodings)
        raise ValueError(f"content_type {content_type!r} is not one the operation takes: {offered}")

    def _timeout(self, timeout: TimeoutArg) -> float | httpx.Timeout | None:
        return self.timeout if isinstance(timeout, NotGiven) else timeout

    def _select_auth(
        self, security: Security, operation: str
    ) -> tuple[httpx.Auth | None, OAuth2 | None]:
        """The credentials of the first requirement the client can meet: those set on the
        request once, and the OAuth 2.0 scheme each attempt takes a token from."""
        if not security:
            return None, None
        for requirement in security:
            if all(name in self._auth for name in requirement):
                parts = [self._auth[name] for name in requirement]
                # What is not an httpx.Auth is an OAuth2, whose module may not be loaded.
                tokens = next((p for p in parts if not isinstance(p, httpx.Auth)), None)
                fixed = [p for p in parts if isinstance(p, httpx.Auth)]
                if not fixed:
                    return None, tokens
                return (fixed[0] if len(fixed) == 1 else CombinedAuth(fixed)), tokens
        options = " or ".join(" + ".join(req) or "(none)" for req in security)
        raise MissingCredentialsError(
            f"{operation} needs credentials for {options}; none were given to the client"
        )

    def _result(
        self, response: httpx.Response, cast_to: Any, errors: ErrorModels, retries: int
    ) -> Any:
        """The parsed value, or an ``APIResponse`` under ``with_raw_response``; errors raise either way."""
        if RAW_RESPONSE.get() and response.is_success:
            return APIResponse(response, lambda: self._process(response, cast_to, errors), retries)
        return self._process(response, cast_to, errors)

    def _process(self, response: httpx.Response, cast_to: Any, errors: ErrorModels) -> Any:
        if response.is_success and cast_to is None:
            return None
        if response.is_success and (raw := _raw_body(response, cast_to)) is not None:
            return raw
        import pydantic

        body = decoded(response)
        if response.is_success:
            try:
                # Fields the vendor added later are kept, even where the spec forbids them.
                return _adapter(cast_to).validate_python(body, extra="allow")
            except pydantic.ValidationError as exc:
                raise APIResponseValidationError(
                    f"{response.status_code} response to {_sent(response.request)} "
                    "does not match its documented schema: "
                    f"{describe_problems(exc)}",
                    response=response,
                    body=body,
                ) from exc
        model = errors.get(response.status_code)
        error = None
        if model is not None:
            try:
                error = _adapter(model).validate_python(body, extra="allow")
            except pydantic.ValidationError:
                error = None
        reason = response.reason_phrase or "error"
        excerpt = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
        if len(excerpt) > 300:
            excerpt = excerpt[:299] + "…"
        failure = status_error_class(response.status_code)(
            f"{response.status_code} {reason} from {_sent(response.request)}: {excerpt}",
            response=response,
            body=body,
            error=error,
        )
        failure.retry_after = retry_after(response.headers)
        raise failure

    def _plan(
        self,
        *,
        operation: str,
        headers: Mapping[str, object] | None,
        idempotent: bool,
        idempotency_header: str,
        max_retries: int | NotGiven,
        retry_non_idempotent: bool | NotGiven,
    ) -> tuple[dict[str, object], bool, int]:
        """Headers with an idempotency key, whether retrying is safe, and how many retries are allowed."""
        merged = dict(headers or {})
        if idempotency_header and isinstance(
            merged.get(idempotency_header, NOT_GIVEN), Omit | NotGiven
        ):
            # One key for every attempt, so the server applies the call at most once.
            merged[idempotency_header] = f"{operation}-{uuid.uuid4()}"
        consent = (
            self.retry_non_idempotent
            if isinstance(retry_non_idempotent, NotGiven)
            else retry_non_idempotent
        )
        retries = self.max_retries if isinstance(max_retries, NotGiven) else max_retries
        return merged, idempotent or bool(idempotency_header) or consent, max(retries, 0)

    def _prepare(
        self,
        client: httpx.Client | httpx.AsyncClient,
        method: str,
        path: str,
        *,
        operation: str,
        path_params: Mapping[str, object] | None,
        query: Mapping[str, object] | None,
        headers: Mapping[str, object] | None,
        styles: Styles,
        body: object,
        encodings: tuple[Encoding, ...],
        content_type: str | Omit,
        accept: str,
        server: str,
        security: Security,
        idempotent: bool,
        idempotency_header: str,
        extra_headers: Mapping[str, str] | None,
        timeout: TimeoutArg,
        max_retries: int | NotGiven,
        retry_non_idempotent: bool | NotGiven,
    ) -> _Prepared:
        """The request every attempt sends, credentials applied, whether retrying is safe,
        and how often."""
        auth, tokens = self._select_auth(security, operation)
        merged, safe, retries = self._plan(
            operation=operation,
            headers=headers,
            idempotent=idempotent,
            idempotency_header=idempotency_header,
            max_retries=max_retries,
            retry_non_idempotent=retry_non_idempotent,
        )
        parts, replayable = self._request_parts(
            path,
            path_params=path_params or {},
            query=query or {},
            headers=merged,
            styles=styles,
            body=body,
            encoding=self._encoding(encodings, content_type),
            accept=accept,
            server=server,
            extra_headers=extra_headers,
            asynchronous=isinstance(client, httpx.AsyncClient),
        )
        request = client.build_request(method, timeout=self._timeout(timeout), **parts)
        if auth is not None:
            # The schemes set headers or parameters in one step: applied here, every attempt
            # and every hook sees the request as it is sent.
            request = next(auth.sync_auth_flow(request))
        # A body streamed from an iterator or file is gone once sent: it is sent once.
        return _Prepared(request, safe, retries if replayable else 0, replayable, tokens)

    def _token_refused(
        self, tokens: OAuth2 | None, token: str, response: httpx.Response, renewable: bool
    ) -> bool:
        """Whether a 401 refused the token the client fetched (revoked, or expired early), so
        that the call is worth sending once more with a new one; the old one is forgotten."""
        if tokens is None or response.status_code != 401:
            return False
        tokens.expire(token)
        return renewable

    def _before(self, operation: str, request: httpx.Request, attempt: int) -> None:
        if self._on_request is not None:
            from .hooks import RequestInfo

            self._on_request(
                RequestInfo(
                    operation,
                    request.method,
                    self._redactor.url(request.url),
                    self._redactor.headers(request.headers),
                    attempt,
                )
            )

    def _after(
        self,
        operation: str,
        request: httpx.Request,
        response: httpx.Response,
        attempt: int,
        started: float,
        will_retry: bool,
    ) -> None:
        logging_on = _log.isEnabledFor(logging.DEBUG)
        if not logging_on and self._on_response is None:
            return
        elapsed = time.monotonic() - started
        url = self._redactor.url(request.url)
        if logging_on:
            _log.debug(
                "%s %s -> %d (attempt %d%s) in %.3fs",
                request.method,
                url,
                response.status_code,
                attempt,
                ", will retry" if will_retry else "",
                elapsed,
            )
        if self._on_response is not None:
            from .hooks import ResponseInfo

            self._on_response(
                ResponseInfo(
                    operation,
                    request.method,
                    url,
                    response.status_code,
                    self._redactor.headers(response.headers),
                    attempt,
                    elapsed,
                    will_retry,
                )
            )

    def _next_delay(
        self,
        attempt: int,
        retries: int,
        safe: bool,
        response: httpx.Response | None,
        error: httpx.TransportError | None,
    ) -> float | None:
        """Seconds to wait before attempt ``attempt + 1``, or None to stop here."""
        if attempt > retries or not should_retry(safe=safe, response=response, error=error):
            return None
        return retry_delay(attempt - 1, response.headers if response is not None else None)

    def _transport_failure(
        self, exc: httpx.TransportError, request: httpx.Request, attempt: int, started: float
    ) -> APIConnectionError:
        where = f"{request.method} {self._redactor.url(request.url.copy_with(query=None))}"
        _log.debug(
            "%s failed: %s (attempt %d) after %.3fs",
            where,
            type(exc).__name__,
            attempt,
            time.monotonic() - started,
        )
        if isinstance(exc, httpx.TimeoutException):
            return APITimeoutError(f"timed out: {where} ({type(exc).__name__})", request=request)
        return APIConnectionError(
            f"connection failed: {where} ({type(exc).__name__})", request=request
        )


class SyncAPIClient(_BaseClient):
    def __init__(
        self,
        *,
        base_url: str | httpx.URL | None,
        server: str = "",
        server_variables: Mapping[str, str] | None = None,
        auth: Mapping[str, httpx.Auth | OAuth2 | None],
        timeout: TimeoutArg = NOT_GIVEN,
        user_agent: str,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_non_idempotent: bool = False,
        on_request: RequestHook | None = None,
        on_response: ResponseHook | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        super().__init__(
            base_url=base_url,
            server=server,
            server_variables=server_variables or {},
            auth=auth,
            timeout=timeout,
            user_agent=user_agent,
            default_headers=default_headers,
            max_retries=max_retries,
            retry_non_idempotent=retry_non_idempotent,
            on_request=on_request,
            on_response=on_response,
        )
        self._owns_client = http_client is None
        self._client = http_client if http_client is not None else httpx.Client()
        self._sleep = sleep

    def request(
        self,
        method: str,
        path: str,
        *,
        operation: str,
        path_params: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, object] | None = None,
        styles: Styles | None = None,
        body: object,
        encodings: tuple[Encoding, ...] = (JSON,),
        content_type: str | Omit = omit,
        accept: str = "application/json",
        server: str = "",
        cast_to: Any,
        errors: ErrorModels,
        security: Security,
        idempotent: bool,
        idempotency_header: str = "",
        extra_headers: Mapping[str, str] | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        retry_non_idempotent: bool | NotGiven = NOT_GIVEN,
    ) -> Any:
        request, safe, retries, replayable, tokens = self._prepare(
            self._client,
            method,
            path,
            operation=operation,
            path_params=path_params,
            query=query,
            headers=headers,
            styles=styles or {},
            body=body,
            encodings=encodings,
            content_type=content_type,
            accept=accept,
            server=server,
            security=security,
            idempotent=idempotent,
            idempotency_header=idempotency_header,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
            retry_non_idempotent=retry_non_idempotent,
        )
        streaming = STREAMED_RESPONSE.get()
        renewed = False  # the token, after a 401
        attempt = 0
        while True:
            attempt += 1
            token = ""
            if tokens is not None:
                token = tokens.sync_token(self._client, self.base_url, self._timeout(timeout))
                request.headers["Authorization"] = f"Bearer {token}"
            self._before(operation, request, attempt)
            started = time.monotonic()
            try:
                response = self._client.send(request, stream=streaming)
            except httpx.TransportError as exc:
                failure = self._transport_failure(exc, request, attempt, started)
                delay = self._next_delay(attempt, retries, safe, None, exc)
                if delay is None:
                    raise failure from exc
                self._sleep(delay)
                continue
            if self._token_refused(tokens, token, response, replayable and not renewed):
                renewed = True
                retries += 1  # this attempt does not count against max_retries
                self._after(operation, request, response, attempt, started, True)
                response.close()
                continue
            delay = self._next_delay(attempt, retries, safe, response, None)
            self._after(operation, request, response, attempt, started, delay is not None)
            if delay is None:
                if not streaming:
                    return self._result(response, cast_to, errors, attempt - 1)
                if response.is_success:
                    return StreamedResponse(response, attempt - 1)
                response.read()  # an error's body, for the exception
                response.close()
                return self._result(response, cast_to, errors, attempt - 1)
            response.close()
            self._sleep(delay)

    def close(self) -> None:
        """Close the connection pool, unless the caller passed its own ``http_client``."""
        if self._owns_client:
            self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


async def _asyncio_sleep(seconds: float) -> None:
    import asyncio  # loaded already: an event loop is running this

    await asyncio.sleep(seconds)


class AsyncAPIClient(_BaseClient):
    def __init__(
        self,
        *,
        base_url: str | httpx.URL | None,
        server: str = "",
        server_variables: Mapping[str, str] | None = None,
        auth: Mapping[str, httpx.Auth | OAuth2 | None],
        timeout: TimeoutArg = NOT_GIVEN,
        user_agent: str,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        retry_non_idempotent: bool = False,
        on_request: RequestHook | None = None,
        on_response: ResponseHook | None = None,
        sleep: Callable[[float], Awaitable[None]] = _asyncio_sleep,
    ) -> None:
        super().__init__(
            base_url=base_url,
            server=server,
            server_variables=server_variables or {},
            auth=auth,
            timeout=timeout,
            user_agent=user_agent,
            default_headers=default_headers,
            max_retries=max_retries,
            retry_non_idempotent=retry_non_idempotent,
            on_request=on_request,
            on_response=on_response,
        )
        self._owns_client = http_client is None
        self._client = http_client if http_client is not None else httpx.AsyncClient()
        self._sleep = sleep

    async def request(
        self,
        method: str,
        path: str,
        *,
        operation: str,
        path_params: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, object] | None = None,
        styles: Styles | None = None,
        body: object,
        encodings: tuple[Encoding, ...] = (JSON,),
        content_type: str | Omit = omit,
        accept: str = "application/json",
        server: str = "",
        cast_to: Any,
        errors: ErrorModels,
        security: Security,
        idempotent: bool,
        idempotency_header: str = "",
        extra_headers: Mapping[str, str] | None = None,
        timeout: TimeoutArg = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        retry_non_idempotent: bool | NotGiven = NOT_GIVEN,
    ) -> Any:
        request, safe, retries, replayable, tokens = self._prepare(
            self._client,
            method,
            path,
            operation=operation,
            path_params=path_params,
            query=query,
            headers=headers,
            styles=styles or {},
            body=body,
            encodings=encodings,
            content_type=content_type,
            accept=accept,
            server=server,
            security=security,
            idempotent=idempotent,
            idempotency_header=idempotency_header,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
            retry_non_idempotent=retry_non_idempotent,
        )
        streaming = STREAMED_RESPONSE.get()
        renewed = False  # the token, after a 401
        attempt = 0
        while True:
            attempt += 1
            token = ""
            if tokens is not None:
                token = await tokens.async_token(
                    self._client, self.base_url, self._timeout(timeout)
                )
                request.headers["Authorization"] = f"Bearer {token}"
            self._before(operation, request, attempt)
            started = time.monotonic()
            try:
                response = await self._client.send(request, stream=streaming)
            except httpx.TransportError as exc:
                failure = self._transport_failure(exc, request, attempt, started)
                delay = self._next_delay(attempt, retries, safe, None, exc)
                if delay is None:
                    raise failure from exc
                await self._sleep(delay)  # yields to the event loop: other tasks go on
                continue
            if self._token_refused(tokens, token, response, replayable and not renewed):
                renewed = True
                retries += 1  # this attempt does not count against max_retries
                self._after(operation, request, response, attempt, started, True)
                await response.aclose()
                continue
            delay = self._next_delay(attempt, retries, safe, response, None)
            self._after(operation, request, response, attempt, started, delay is not None)
            if delay is None:
                if not streaming:
                    return self._result(response, cast_to, errors, attempt - 1)
                if response.is_success:
                    return AsyncStreamedResponse(response, attempt - 1)
                await response.aread()  # an error's body, for the exception
                await response.aclose()
                return self._result(response, cast_to, errors, attempt - 1)
            await response.aclose()
            await self._sleep(delay)

    async def close(self) -> None:
        """Close the connection pool, unless the caller passed its own ``http_client``."""
        if self._owns_client:
            await self._client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()


__all__ = [
    "DEFAULT_TIMEOUT",
    "AsyncAPIClient",
    "ErrorModels",
    "Security",
    "SyncAPIClient",
    "TimeoutArg",
]
