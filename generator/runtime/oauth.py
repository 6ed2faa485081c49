"""OAuth 2.0 access tokens the client fetches and renews itself (RFC 6749).

Two grants: client credentials (section 4.4) and a refresh token the caller holds (section 6).
The token is fetched from the token URL on first use, shared by every call of the client,
renewed before it expires and, through ``expire``, once a call is refused with a 401. One
lock per kind of client makes many concurrent calls wait for one token request. The
authorization-code and device flows need a person at a browser: they stay the caller's.

Credentials are kept in private attributes; no repr, log line or exception holds them.
"""

from __future__ import annotations

import base64
import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal, Self
from urllib.parse import quote_plus

import httpx

from .errors import OAuthTokenError

if TYPE_CHECKING:
    import asyncio

_log = logging.getLogger(__name__.rsplit(".", 2)[0])

AuthMethod = Literal["client_secret_basic", "client_secret_post"]

# Renew when this share of the token's lifetime is left (at most a minute), so that a call
# does not leave with a token that expires on its way.
_RENEW_SHARE = 0.1
_RENEW_MARGIN = 60.0


class OAuth2:
    """Access tokens from an OAuth 2.0 token endpoint, sent as ``Authorization: Bearer``.

    With ``refresh_token`` the refresh-token grant is used (a new refresh token in the answer
    replaces it), else the client-credentials grant. A client secret authenticates the client
    with HTTP Basic, which RFC 6749 section 2.3.1 requires every server to accept, or in the
    form with ``auth_method="client_secret_post"``; without a secret, ``client_id`` is sent in
    the form.
    """

    def __init__(
        self,
        *,
        token_url: str,
        client_id: str | None = None,
        client_secret: str | None = None,
        refresh_token: str | None = None,
        scopes: tuple[str, ...] = (),
        auth_method: AuthMethod = "client_secret_basic",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.token_url = token_url
        self._client_id = client_id
        self._client_secret = client_secret
        self._refresh_token = refresh_token
        self.scopes = scopes
        self.auth_method = auth_method
        self._clock = clock
        self._token: str | None = None
        self._renew_at = 0.0
        # Held while a token is fetched, so that concurrent calls wait for that one request.
        self._sync_lock = threading.Lock()
        # Made by the first async call: importing a client does not load asyncio.
        self._async_lock: asyncio.Lock | None = None
        # Guards the token itself, never held while waiting: expire() runs in any thread.
        self._state = threading.Lock()

    @classmethod
    def from_arguments(
        cls,
        arguments: tuple[str, str, str],
        client_id: object,
        client_secret: object,
        refresh_token: object,
        *,
        scheme: str,
        token_url: str,
        refresh_url: str,
        auth_method: AuthMethod,
        scopes: tuple[str, ...],
    ) -> Self | None:
        """The scheme for the client's arguments (their names in ``arguments``), None when none
        was given; a wrong type is a TypeError, a grant the spec offers no URL for a ValueError."""
        id_name, secret_name, refresh_name = arguments
        client = _optional_text(id_name, client_id)
        secret = _optional_text(secret_name, client_secret)
        refresh = _optional_text(refresh_name, refresh_token)
        if client is None and secret is None and refresh is None:
            return None
        if refresh is not None:
            if not refresh_url:
                raise ValueError(
                    f"{refresh_name} was given, but OAuth 2.0 scheme {scheme!r} names no token "
                    "URL to refresh at"
                )
            url = refresh_url
        elif client is None:
            raise ValueError(f"{secret_name} was given without {id_name}")
        elif not token_url:
            raise ValueError(
                f"OAuth 2.0 scheme {scheme!r} has no clientCredentials flow: pass "
                f"{refresh_name}=, or send a token you obtained in default_headers"
            )
        else:
            url = token_url
        return cls(
            token_url=url,
            client_id=client,
            client_secret=secret,
            refresh_token=refresh,
            # A refresh keeps the scopes first granted (RFC 6749 section 6): asking for more fails.
            scopes=() if refresh is not None else scopes,
            auth_method=auth_method,
        )

    def __repr__(self) -> str:
        grant = "refresh_token" if self._refresh_token is not None else "client_credentials"
        return f"OAuth2(token_url={self.token_url!r}, grant={grant!r}, credentials=<redacted>)"

    def sync_token(
        self, client: httpx.Client, base_url: httpx.URL, timeout: float | httpx.Timeout | None
    ) -> str:
        """The current access token, fetched first when there is none or it is due for renewal."""
        with self._sync_lock:
            token = self._current()
            if token is None:
                request = self._request(client, base_url, timeout)
                try:
                    response = client.send(request)
                except httpx.TransportError as exc:
                    raise self._unreachable(request, exc) from exc
                token = self._accept(request, response)
            return token

    async def async_token(
        self,
        client: httpx.AsyncClient,
        base_url: httpx.URL,
        timeout: float | httpx.Timeout | None,
    ) -> str:
        """The current access token; concurrent tasks wait for one token request."""
        if self._async_lock is None:
            import asyncio  # loaded already: an event loop is running this

            # Nothing awaits between the test and the assignment: tasks share one lock.
            self._async_lock = asyncio.Lock()
        async with self._async_lock:
            token = self._current()
            if token is None:
                request = self._request(client, base_url, timeout)
                try:
                    response = await client.send(request)
                except httpx.TransportError as exc:
                    raise self._unreachable(request, exc) from exc
                token = self._accept(request, response)
            return token

    def expire(self, token: str) -> None:
        """Forget ``token``, which the server refused; a token already renewed is kept, so that
        many calls refused at once cause one renewal."""
        with self._state:
            if self._token == token:
                self._token = None

    def _current(self) -> str | None:
        """The token, unless there is none or it is due for renewal."""
        with self._state:
            if self._token is not None and self._clock() < self._renew_at:
                return self._token
            return None

    def _request(
        self,
        client: httpx.Client | httpx.AsyncClient,
        base_url: httpx.URL,
        timeout: float | httpx.Timeout | None,
    ) -> httpx.Request:
        form = (
            {"grant_type": "refresh_token", "refresh_token": self._refresh_token}
            if self._refresh_token is not None
            else {"grant_type": "client_credentials"}
        )
        if self.scopes:
            form["scope"] = " ".join(self.scopes)
        headers = {"Accept": "application/json"}
        if self._client_secret is not None and self.auth_method == "client_secret_post":
            form["client_id"] = self._client_id or ""
            form["client_secret"] = self._client_secret
        elif self._client_secret is not None:
            # Each part form-encoded first, as RFC 6749 section 2.3.1 says.
            pair = f"{quote_plus(self._client_id or '')}:{quote_plus(self._client_secret)}"
            headers["Authorization"] = "Basic " + base64.b64encode(pair.encode()).decode("ascii")
        elif self._client_id is not None:
            form["client_id"] = self._client_id
        # A relative token URL is relative to the API's server.
        url = base_url.join(self.token_url)
        return client.build_request("POST", url, data=form, headers=headers, timeout=timeout)

    def _accept(self, request: httpx.Request, response: httpx.Response) -> str:
        """The token the response carries, kept; or raise what went wrong."""
        where = str(request.url.copy_with(query=None))
        _log.debug("POST %s -> %d (OAuth 2.0 token)", where, response.status_code)
        try:
            data = response.json()
        except ValueError:
            data = None
        token = data.get("access_token") if isinstance(data, dict) else None
        if response.is_success and isinstance(token, str) and token:
            lifetime = _seconds(data.get("expires_in"))
            margin = min(lifetime * _RENEW_SHARE, _RENEW_MARGIN)
            renewed = data.get("refresh_token")
            with self._state:
                self._renew_at = self._clock() + lifetime - margin
                self._token = token
                if self._refresh_token is not None and isinstance(renewed, str) and renewed:
                    self._refresh_token = renewed  # the server rotates it: the old one is spent
            return token
        error = description = None
        if isinstance(data, dict):
            error = self._scrubbed(data.get("error"))
            description = self._scrubbed(data.get("error_description"))
        if response.is_success:
            reason = "the response holds no access_token"
        else:
            reason = f"HTTP {response.status_code}"
            if error:
                reason += f" {error}"
            if description:
                reason += f": {description}"
        raise OAuthTokenError(
            f"the OAuth 2.0 token request to {where} failed: {reason}",
            token_url=where,
            status_code=response.status_code,
            error=error,
            error_description=description,
        )

    def _unreachable(self, request: httpx.Request, exc: httpx.TransportError) -> OAuthTokenError:
        where = str(request.url.copy_with(query=None))
        return OAuthTokenError(
            f"the OAuth 2.0 token request to {where} failed: {type(exc).__name__}",
            token_url=where,
            status_code=None,
            error=None,
            error_description=None,
        )

    def _scrubbed(self, value: object) -> str | None:
        """A server's error text, without a credential a careless server echoed."""
        if not isinstance(value, str) or not value:
            return None
        text = value[:200]
        for secret in (self._client_secret, self._refresh_token):
            if secret:
                text = text.replace(secret, "<redacted>")
        return text


def _optional_text(argument: str, value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    # Never the value itself: it may be the secret.
    raise TypeError(f'{argument} is a str, as in {argument}="..."; got a {type(value).__name__}')


def _seconds(value: object) -> float:
    """``expires_in`` in seconds; a token without one lasts until the server refuses it."""
    if isinstance(value, bool):
        return float("inf")
    if isinstance(value, int | float) and value > 0:
        return float(value)
    if isinstance(value, str) and value.strip().isdigit() and int(value) > 0:
        return float(value)
    return float("inf")
