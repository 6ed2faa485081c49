"""OAuth 2.0 tokens against a token server on 127.0.0.1: fetched once for many concurrent
calls, renewed before they expire and after a 401, and never shown when they fail."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from generator.runtime import AsyncAPIClient, AuthenticationError, OAuth2, SyncAPIClient, omit
from generator.runtime.errors import OAuthTokenError
from tests.tokenserver import TokenServer

SECRET = "s3cr3t-client-secret"
CALLS = 20


@pytest.fixture
def server() -> Iterator[TokenServer]:
    server = TokenServer(client_id="app-1", client_secret=SECRET)
    yield server
    server.stop()


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def oauth(server: TokenServer, *, secret: str = SECRET, **kwargs: Any) -> OAuth2:
    return OAuth2(
        token_url=server.token_url,
        client_id="app-1",
        client_secret=secret,
        scopes=("read", "write"),
        **kwargs,
    )


def sync_client(server: TokenServer, tokens: OAuth2) -> SyncAPIClient:
    return SyncAPIClient(
        base_url=server.base_url,
        auth={"oauth": tokens},
        user_agent="t/1",
        sleep=lambda seconds: None,
    )


def get(client: SyncAPIClient) -> Any:
    return client.request(
        "GET",
        "/things",
        operation="list_things",
        body=omit,
        cast_to=dict[str, Any],
        errors={},
        security=(("oauth",),),
        idempotent=True,
    )


async def aget(client: AsyncAPIClient) -> Any:
    return await client.request(
        "GET",
        "/things",
        operation="list_things",
        body=omit,
        cast_to=dict[str, Any],
        errors={},
        security=(("oauth",),),
        idempotent=True,
    )


def test_one_token_request_for_concurrent_threads(server: TokenServer) -> None:
    client = sync_client(server, oauth(server))
    start = threading.Barrier(CALLS)
    results: list[Any] = []

    def call() -> None:
        start.wait()
        results.append(get(client))

    # The token is held back until the test has seen its request, so the other threads are
    # calling meanwhile: without one lock they would each ask for a token.
    server.hold()
    threads = [threading.Thread(target=call) for _ in range(CALLS)]
    for thread in threads:
        thread.start()
    assert server.token_requested.wait(timeout=30)
    server.release()
    for thread in threads:
        thread.join()
    assert results == [{"ok": True}] * CALLS
    assert len(server.token_forms) == 1
    assert server.token_forms[0] == {"grant_type": "client_credentials", "scope": "read write"}
    assert server.api_tokens == ["tok-1"] * CALLS


@pytest.mark.anyio
async def test_one_token_request_for_concurrent_tasks(server: TokenServer) -> None:
    client = AsyncAPIClient(base_url=server.base_url, auth={"oauth": oauth(server)}, user_agent="t")
    server.hold()
    calls = asyncio.gather(*(aget(client) for _ in range(CALLS)))
    # The token request waits in the server's thread: every task has reached it meanwhile.
    assert await asyncio.to_thread(server.token_requested.wait, 30)
    server.release()
    assert await calls == [{"ok": True}] * CALLS
    await client.close()
    assert len(server.token_forms) == 1
    assert server.api_tokens == ["tok-1"] * CALLS


def test_renewed_before_it_expires(server: TokenServer) -> None:
    clock = Clock()
    client = sync_client(server, oauth(server, clock=clock))
    get(client)
    # expires_in 3600: renewed when a minute is left, not before.
    clock.now += 3600 - 60 - 1
    get(client)
    assert len(server.token_forms) == 1
    clock.now += 1
    get(client)
    assert len(server.token_forms) == 2
    assert server.api_tokens == ["tok-1", "tok-1", "tok-2"]


def test_renewed_once_on_a_401(server: TokenServer) -> None:
    client = sync_client(server, oauth(server))
    get(client)
    server.revoke()
    assert get(client) == {"ok": True}
    assert server.api_tokens == ["tok-1", "tok-1", "tok-2"]
    assert len(server.token_forms) == 2


@pytest.mark.anyio
async def test_renewed_once_on_a_401_async(server: TokenServer) -> None:
    client = AsyncAPIClient(base_url=server.base_url, auth={"oauth": oauth(server)}, user_agent="t")
    await aget(client)
    server.revoke()
    assert await aget(client) == {"ok": True}
    await client.close()
    assert server.api_tokens == ["tok-1", "tok-1", "tok-2"]


def test_a_new_token_refused_too_is_not_renewed_again(server: TokenServer) -> None:
    client = sync_client(server, oauth(server))
    get(client)
    server.revoke()
    # Each token the server issues is refused as soon as it is issued.
    original = server._grant

    def grant_and_revoke(*args: Any) -> Any:
        answer = original(*args)
        server.revoke()
        return answer

    server._grant = grant_and_revoke  # type: ignore[method-assign]
    with pytest.raises(AuthenticationError):
        get(client)
    assert server.api_tokens == ["tok-1", "tok-1", "tok-2"]


def test_a_refresh_token_is_redeemed_and_its_successor_kept(server: TokenServer) -> None:
    clock = Clock()
    tokens = OAuth2(
        token_url=server.token_url,
        client_id="app-1",
        client_secret=SECRET,
        refresh_token="refresh-1",
        clock=clock,
    )
    client = sync_client(server, tokens)
    get(client)
    clock.now += 3600
    get(client)
    assert server.token_forms == [
        {"grant_type": "refresh_token", "refresh_token": "refresh-1"},
        {"grant_type": "refresh_token", "refresh_token": "refresh-2"},
    ]
    assert server.api_tokens == ["tok-1", "tok-2"]


def test_client_secret_post_sends_the_credentials_in_the_form(server: TokenServer) -> None:
    client = sync_client(server, oauth(server, auth_method="client_secret_post"))
    assert get(client) == {"ok": True}
    assert server.token_forms == [{"grant_type": "client_credentials", "scope": "read write"}]


def test_a_wrong_secret_is_a_typed_error_that_never_shows_it(
    server: TokenServer, caplog: pytest.LogCaptureFixture
) -> None:
    wrong = "wr0ng-s3cr3t"
    tokens = oauth(server, secret=wrong)
    client = sync_client(server, tokens)
    with caplog.at_level(logging.DEBUG), pytest.raises(OAuthTokenError) as caught:
        get(client)
    error = caught.value
    assert error.token_url == server.token_url
    assert server.token_url in str(error)
    assert (error.status_code, error.error) == (401, "invalid_client")
    # The server repeated the secret in its description: the client does not.
    assert error.error_description == "no client app-1 with secret <redacted>"
    shown = [str(error), repr(error), repr(vars(error)), repr(tokens), repr(client)]
    shown += [r.getMessage() for r in caplog.records]
    assert caplog.records  # the token request was logged, without the secret
    for text in shown:
        assert wrong not in text
    assert server.api_tokens == []


def test_arguments_choose_the_grant_and_refuse_what_the_spec_cannot_do() -> None:
    names = ("client_id", "client_secret", "refresh_token")
    urls: dict[str, Any] = {"scheme": "oauth", "token_url": "", "refresh_url": "/token"}
    urls |= {"scopes": ("read",), "auth_method": "client_secret_basic"}
    assert OAuth2.from_arguments(names, None, None, None, **urls) is None
    refresh = OAuth2.from_arguments(names, "app", None, "r-1", **urls)
    assert refresh is not None and (refresh.token_url, refresh.scopes) == ("/token", ())
    with pytest.raises(ValueError, match="no clientCredentials flow: pass refresh_token="):
        OAuth2.from_arguments(names, "app", SECRET, None, **urls)
    with pytest.raises(TypeError) as caught:
        OAuth2.from_arguments(names, "app", b"bytes-secret", None, **urls)
    assert "bytes-secret" not in str(caught.value)
