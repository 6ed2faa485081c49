"""The runtime's paginator, directly, with MockTransport: when a list ends, where the next
page is, and what it refuses. (Every style over real HTTP: tests/test_pagination.py.)"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pydantic
import pytest

from generator.runtime import (
    APIError,
    APIResponseValidationError,
    BearerAuth,
    Pagination,
    SyncAPIClient,
    SyncPage,
    omit,
)


class Item(pydantic.BaseModel):
    id: str


Reply = Callable[[httpx.Request], httpx.Response]


def _first(reply: Reply, pagination: Pagination, **query: Any) -> tuple[SyncPage[Item], list[str]]:
    sent: list[str] = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(str(request.url))
        return reply(request)

    client = SyncAPIClient(
        base_url="https://api.example.com",
        auth={"bearer": BearerAuth("t0k3n")},
        user_agent="test",
        http_client=httpx.Client(transport=httpx.MockTransport(record)),
    )
    page: SyncPage[Item] = SyncPage.first(
        client,
        pagination,
        Item,
        "GET",
        "/items",
        operation="list",
        query=query,
        body=omit,
        errors={},
        security=(("bearer",),),
        idempotent=True,
    )
    return page, sent


def _items(*ids: str) -> list[dict[str, str]]:
    return [{"id": i} for i in ids]


def test_a_link_header_on_numbered_pages_decides_where_the_list_ends() -> None:
    def reply(request: httpx.Request) -> httpx.Response:
        page = request.url.params.get("page", "1")
        if page == "1":
            link = '<https://api.example.com/items?page=2&per_page=2>; rel="next"'
            return httpx.Response(200, json=_items("a", "b"), headers={"Link": link})
        # A full page, but the server names no next one (GitHub's search stops at 1000).
        last = '<https://api.example.com/items?page=1&per_page=2>; rel="first"'
        return httpx.Response(200, json=_items("c", "d"), headers={"Link": last})

    page, sent = _first(reply, Pagination("page", param="page", size_param="per_page"), per_page=2)
    assert [item.id for item in page] == ["a", "b", "c", "d"]
    assert sent == [
        "https://api.example.com/items?per_page=2",
        "https://api.example.com/items?page=2&per_page=2",
    ]


def test_a_next_link_to_another_origin_is_not_followed_with_the_credentials() -> None:
    def reply(request: httpx.Request) -> httpx.Response:
        link = '<https://evil.example.net/items?page=2>; rel="next"'
        return httpx.Response(200, json=_items("a"), headers={"Link": link})

    page, sent = _first(reply, Pagination("next_url", source="header", at=("Link",)))
    assert page.has_next_page()
    with pytest.raises(APIError, match="another origin"):
        list(page)
    assert sent == ["https://api.example.com/items"]


def test_a_relative_next_link_is_read_against_the_page_it_came_from() -> None:
    def reply(request: httpx.Request) -> httpx.Response:
        if request.url.params.get("after") == "1":
            return httpx.Response(200, json={"data": _items("b"), "next": None})
        assert request.headers["authorization"] == "Bearer t0k3n"
        return httpx.Response(200, json={"data": _items("a"), "next": "/items?after=1"})

    pagination = Pagination("next_url", items=("data",), source="body", at=("next",))
    page, sent = _first(reply, pagination)
    assert [item.id for item in page] == ["a", "b"]
    assert sent[1] == "https://api.example.com/items?after=1"


def test_a_cursor_the_server_repeats_ends_the_list_instead_of_looping() -> None:
    def reply(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"data": _items("a"), "cursor": "same"})

    pagination = Pagination(
        "cursor", items=("data",), param="cursor", source="body", at=("cursor",)
    )
    page, sent = _first(reply, pagination)
    assert [item.id for item in page] == ["a", "a"]
    assert len(sent) == 2


def test_has_more_false_ends_a_list_whose_last_item_would_give_a_cursor() -> None:
    def reply(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"data": _items("a", "b"), "has_more": False})

    pagination = Pagination(
        "cursor",
        items=("data",),
        param="starting_after",
        source="last_item",
        at=("id",),
        has_more=("has_more",),
    )
    page, sent = _first(reply, pagination)
    assert not page.has_next_page()
    assert [item.id for item in page] == ["a", "b"]
    assert len(sent) == 1


def test_offset_pages_end_at_a_short_page_and_say_what_the_next_request_sets() -> None:
    def reply(request: httpx.Request) -> httpx.Response:
        offset = int(request.url.params.get("offset", "0"))
        return httpx.Response(200, json=_items(*"abcde"[offset : offset + 2]))

    pagination = Pagination("offset", param="offset", size_param="limit")
    page, sent = _first(reply, pagination, limit=2)
    info = page.next_page_info()
    assert info is not None and info.params == {"offset": 2}
    assert [item.id for item in page] == list("abcde")
    assert len(sent) == 3  # 2 + 2 + 1: the short page is the last


def test_items_that_do_not_match_their_model_raise_naming_the_field() -> None:
    def reply(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=[{"name": "no id"}])

    with pytest.raises(APIResponseValidationError, match=r"0\.id: Field required"):
        _first(reply, Pagination("next_url", source="header", at=("Link",)))
