"""A client generated from a spec whose security scheme is OAuth 2.0 client credentials: its
arguments, the scopes its operations require, and a token fetched from the relative tokenUrl."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Iterator
from typing import Any

import pytest

from tests.clients import generate_clients, imported
from tests.tokenserver import TokenServer

SPEC = """
openapi: 3.1.0
info: {title: Tokens, version: '2.1'}
servers: [{url: 'https://tokens.test'}]
security: [{oauth: [read]}]
paths:
  /things:
    get:
      operationId: listThings
      security: [{oauth: [read, write]}]
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object}}}}
components:
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        clientCredentials: {tokenUrl: /token, scopes: {read: read, write: write}}
        authorizationCode:
          authorizationUrl: /authorize
          tokenUrl: /token
          scopes: {read: read, write: write}
"""


@pytest.fixture(scope="module")
def tokens_module(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    out, _ = generate_clients(tmp_path_factory.mktemp("oauth"), {"tokens": SPEC})
    with imported(out, "tokens") as (module,):
        yield module


@pytest.fixture
def server() -> Iterator[TokenServer]:
    server = TokenServer(client_id="app-1", client_secret="s3cr3t")
    yield server
    server.stop()


def test_client_credentials_arguments(tokens_module: Any) -> None:
    parameters = inspect.signature(tokens_module.TokensClient).parameters
    assert {"client_id", "client_secret", "refresh_token"} <= set(parameters)


def test_a_call_fetches_a_token_for_every_scope_the_operations_require(
    tokens_module: Any, server: TokenServer
) -> None:
    with tokens_module.TokensClient(
        client_id="app-1", client_secret="s3cr3t", base_url=server.base_url
    ) as client:
        assert client.things.list_things() == {"ok": True}
        assert client.things.list_things() == {"ok": True}
    assert server.token_forms == [{"grant_type": "client_credentials", "scope": "read write"}]
    assert server.api_tokens == ["tok-1", "tok-1"]


def test_without_client_credentials_a_token_in_headers_is_sent_as_before(
    tokens_module: Any, server: TokenServer
) -> None:
    # A token from the authorization-code flow, which stays the caller's.
    client = tokens_module.TokensClient(base_url=server.base_url)
    with pytest.raises(tokens_module.AuthenticationError):
        client.things.list_things(extra_headers={"Authorization": "Bearer mine"})
    assert server.api_tokens == ["mine"]
    assert server.token_forms == []


def test_a_wrong_secret_raises_the_packages_oauth_error(
    tokens_module: Any, server: TokenServer
) -> None:
    client = tokens_module.TokensClient(
        client_id="app-1", client_secret="wrong", base_url=server.base_url
    )
    with pytest.raises(tokens_module.OAuthTokenError) as caught:
        client.things.list_things()
    assert str(caught.value).startswith(f"the OAuth 2.0 token request to {server.token_url}")
    assert type(caught.value).__module__ == "tokens"


@pytest.mark.anyio
async def test_the_async_client_fetches_one_token_for_concurrent_tasks(
    tokens_module: Any, server: TokenServer
) -> None:
    async with tokens_module.AsyncTokensClient(
        client_id="app-1", client_secret="s3cr3t", base_url=server.base_url
    ) as client:
        results = await asyncio.gather(*(client.things.list_things() for _ in range(5)))
    assert results == [{"ok": True}] * 5
    assert len(server.token_forms) == 1
