"""Authentication schemes as ``httpx.Auth``, so one implementation serves sync and async clients.

Credentials are kept in private attributes and never appear in a repr.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Generator, Sequence
from typing import Literal, Self

import httpx


class BearerAuth(httpx.Auth):
    """``Authorization: Bearer <token>``."""

    def __init__(self, token: str) -> None:
        self._token = token

    @classmethod
    def from_argument(cls, argument: str, token: object) -> Self | None:
        """The scheme for a client argument, None when not given; a wrong type is a TypeError."""
        if token is None:
            return None
        return cls(_text(argument, token, "the token"))

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request

    def __repr__(self) -> str:
        return "BearerAuth(token=<redacted>)"


def md5_password(password: str) -> str:
    """The lowercase hex MD5 digest of ``password``, for APIs whose Basic auth expects it."""
    return hashlib.md5(password.encode("utf-8"), usedforsecurity=False).hexdigest()


class BasicAuth(httpx.Auth):
    """``Authorization: Basic base64(user:password)``; ``password_hash="md5"`` hashes the password first."""

    def __init__(
        self, username: str, password: str, *, password_hash: Literal["md5"] | None = None
    ) -> None:
        secret = md5_password(password) if password_hash == "md5" else password
        token = base64.b64encode(f"{username}:{secret}".encode()).decode("ascii")
        self._header = f"Basic {token}"

    @classmethod
    def from_argument(
        cls, argument: str, pair: object, *, password_hash: Literal["md5"] | None = None
    ) -> Self | None:
        """The scheme for a client argument, None when not given; a wrong type is a TypeError."""
        if pair is None:
            return None
        if not (
            isinstance(pair, tuple | list)
            and len(pair) == 2
            and all(isinstance(part, str) for part in pair)
        ):
            # Never the value itself: it holds the password.
            raise TypeError(
                f"{argument} is a (user name, password) pair of str, as in "
                f'{argument}=("till-1", "secret"); got {_kind(pair)}'
            )
        return cls(pair[0], pair[1], password_hash=password_hash)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._header
        yield request

    def __repr__(self) -> str:
        return "BasicAuth(<redacted>)"


class ApiKeyAuth(httpx.Auth):
    """An API key sent in a header, query parameter or cookie, as the spec's ``apiKey`` scheme says."""

    def __init__(
        self, key: str, *, name: str, location: Literal["header", "query", "cookie"]
    ) -> None:
        self._key = key
        self.name = name
        self.location = location

    @classmethod
    def from_argument(
        cls,
        argument: str,
        key: object,
        *,
        name: str,
        location: Literal["header", "query", "cookie"],
    ) -> Self | None:
        """The scheme for a client argument, None when not given; a wrong type is a TypeError."""
        if key is None:
            return None
        return cls(_text(argument, key, "the key"), name=name, location=location)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self.location == "header":
            request.headers[self.name] = self._key
        elif self.location == "query":
            request.url = request.url.copy_add_param(self.name, self._key)
        else:
            request.headers["Cookie"] = f"{self.name}={self._key}"
        yield request

    def __repr__(self) -> str:
        return f"ApiKeyAuth(name={self.name!r}, location={self.location!r}, key=<redacted>)"


def _text(argument: str, value: object, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(
            f'{argument} is {what} as a str, as in {argument}="..."; got {_kind(value)}'
        )
    return value


def _kind(value: object) -> str:
    """What a value is, without showing it (it may be a credential)."""
    if isinstance(value, tuple | list):
        return f"a {type(value).__name__} of {len(value)}"
    return f"a {type(value).__name__}"


class CombinedAuth(httpx.Auth):
    """Several schemes at once, for a security requirement that names more than one."""

    def __init__(self, parts: Sequence[httpx.Auth]) -> None:
        self._parts = tuple(parts)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        for part in self._parts:
            # Each part only sets headers or parameters: take the request it yields, not its retries.
            request = next(part.sync_auth_flow(request))
        yield request

    def __repr__(self) -> str:
        return f"CombinedAuth({', '.join(map(repr, self._parts))})"
