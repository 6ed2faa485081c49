"""Lists over pages: a client generated from tests/fixtures/pagination/openapi.yaml (every
style, declared with x-pagination and recognised by a reading), walked over real HTTP against
tests/pageserver.py: three pages, a page retried, a page that fails for good, an empty list;
sync and async; typed for mypy; and the located warning of each reading."""

from __future__ import annotations

import asyncio
import gc
import subprocess
import sys
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.ir import build_ir
from tests.clients import generate_clients, imported
from tests.conftest import ROOT
from tests.pageserver import PageServer

SPEC = ROOT / "tests" / "fixtures" / "pagination" / "openapi.yaml"
ALL = [f"i{n}" for n in range(7)]  # the server's list: pages of 3, 3 and 1 items

# Method -> (the resource it is on, the server's path).
STYLES = {
    "list_by_body_cursor": "items",  # cursor in a body field
    "list_by_header_cursor": "items",  # cursor in a response header
    "list_by_body_next_url": "items",  # next URL in the body
    "list_by_link_header": "items",  # next URL in the Link header
    "list_by_offset": "items",  # offset/limit with a total
    "list_by_page": "items",  # page/size with a total
    "list_stripe_style": "readings",
    "list_json_api": "readings",
    "list_git_hub_style": "readings",
    "list_numbered_pages": "readings",
}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    return generate_clients(tmp_path_factory.mktemp("pagination"), {"pager": SPEC})


@pytest.fixture(scope="module")
def pager(generated: tuple[Path, str]) -> Iterator[Any]:
    with imported(generated[0], "pager") as (module,):
        yield module


@pytest.fixture(scope="module")
def server() -> Iterator[PageServer]:
    running = PageServer()
    yield running
    running.close()


@pytest.fixture
def sent(server: PageServer) -> list[tuple[str, int]]:
    """Each attempt the client's on_request hook saw: (URL path and query, attempt)."""
    server.reset(7)
    return []


@pytest.fixture
def client(pager: Any, server: PageServer, sent: list[tuple[str, int]]) -> Iterator[Any]:
    def seen(info: Any) -> None:
        sent.append((info.url.split(str(server.port), 1)[1], info.attempt))

    with pager.PagerClient(port=str(server.port), on_request=seen) as made:
        made._sleep = lambda seconds: None  # Retry-After: 0 in any case; nothing to wait for
        yield made


def _method(client: Any, name: str) -> Any:
    return getattr(getattr(client, STYLES[name]), name)


def test_the_client_passes_mypy_strict_and_ruff(generated: tuple[Path, str]) -> None:
    for command, cwd in (
        (["mypy", "--strict", "pager"], generated[0]),
        (["ruff", "check", "--no-cache", "generated"], generated[0].parent),
    ):
        done = subprocess.run(
            [sys.executable, "-m", *command], cwd=cwd, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("name", STYLES)
def test_iterating_the_result_yields_every_item_of_three_pages(
    client: Any, server: PageServer, name: str
) -> None:
    assert [item.id for item in _method(client, name)()] == ALL
    assert len(server.seen) == 3, server.seen


@pytest.mark.parametrize("name", STYLES)
def test_a_page_is_fetched_only_when_the_loop_reaches_it(
    client: Any, server: PageServer, name: str
) -> None:
    page = _method(client, name)()
    assert [item.id for item in page.items] == ALL[:3]
    assert page.has_next_page()
    assert page.next_page_info() is not None
    items = iter(page)
    assert [next(items).id for _ in range(3)] == ALL[:3]
    assert len(server.seen) == 1
    assert next(items).id == "i3"
    assert len(server.seen) == 2


@pytest.mark.parametrize("name", ["list_by_body_cursor", "list_by_link_header"])
def test_pages_already_yielded_are_not_kept(client: Any, name: str) -> None:
    pages = _method(client, name)().iter_pages()
    next(pages)
    second = weakref.ref(next(pages))
    third = next(pages)
    gc.collect()
    assert second() is None
    assert not third.has_next_page()
    assert third.next_page_info() is None


@pytest.mark.parametrize("name", STYLES)
def test_a_page_that_fails_once_is_retried_with_hooks_seeing_each_attempt(
    client: Any, server: PageServer, sent: list[tuple[str, int]], name: str
) -> None:
    server.fail(3, 503)
    assert [item.id for item in _method(client, name)()] == ALL
    assert [attempt for _, attempt in sent] == [1, 1, 2, 1]
    assert sent[1][0] == sent[2][0]  # the same page's request, sent again


@pytest.mark.parametrize("name", STYLES)
def test_a_page_that_fails_for_good_raises_in_the_loop_after_the_items_before_it(
    client: Any, pager: Any, server: PageServer, name: str
) -> None:
    server.fail(3, 500, 500, 500)
    taken = []
    with pytest.raises(pager.InternalServerError):
        for item in _method(client, name)():
            taken.append(item.id)
    assert taken == ALL[:3]
    assert len(server.seen) == 4  # the first page, then the second's three attempts


@pytest.mark.parametrize("name", STYLES)
def test_an_empty_list_is_one_request_and_no_items(
    client: Any, server: PageServer, name: str
) -> None:
    server.reset(0)
    page = _method(client, name)()
    assert list(page) == []
    assert not page.has_next_page()
    assert len(server.seen) == 1


def test_a_list_declared_x_pagination_false_returns_one_page(
    client: Any, server: PageServer
) -> None:
    result = client.items.list_one_page()
    assert [item.id for item in result] == ALL[:3]
    assert type(result) is list
    assert len(server.seen) == 1


@pytest.mark.parametrize("name", STYLES)
def test_the_async_client_iterates_every_page_retrying_and_failing_in_the_loop(
    pager: Any, server: PageServer, name: str
) -> None:
    async def walk() -> None:
        async def no_wait(seconds: float) -> None:
            pass

        async with pager.AsyncPagerClient(port=str(server.port)) as client:
            client._sleep = no_wait
            method = _method(client, name)
            server.reset(7)
            server.fail(3, 503)
            assert [item.id async for item in method()] == ALL
            assert len(server.seen) == 4

            server.reset(7)
            page = await method()
            assert [item.id for item in page.items] == ALL[:3]
            assert len(server.seen) == 1
            pages = [p async for p in page.iter_pages()]
            assert [len(p.items) for p in pages] == [3, 3, 1]

            server.reset(7)
            server.fail(3, 500, 500, 500)
            taken = []
            with pytest.raises(pager.InternalServerError):
                async for item in method():
                    taken.append(item.id)
            assert taken == ALL[:3]

            server.reset(0)
            assert [item async for item in method()] == []
            assert len(server.seen) == 1

    asyncio.run(walk())


def test_with_raw_response_gives_the_first_pages_response_whose_parse_is_the_page(
    client: Any, pager: Any, server: PageServer
) -> None:
    raw = client.items.with_raw_response.list_by_header_cursor(limit=3)
    assert isinstance(raw, pager._runtime.APIResponse)
    assert (raw.status_code, raw.headers["X-Next-Cursor"]) == (200, "c3")
    assert len(server.seen) == 1
    page = raw.parse()
    assert [item.id for item in page.items] == ALL[:3]
    assert [item.id for item in page] == ALL  # the page still leads to the next
    assert len(server.seen) == 3
    streamed = client.items.with_streaming_response.list_by_header_cursor()
    with pytest.raises(TypeError, match="not streamed"), streamed:
        pass


def test_the_async_clients_raw_response_is_the_first_pages_too(
    pager: Any, server: PageServer
) -> None:
    async def take() -> None:
        async with pager.AsyncPagerClient(port=str(server.port)) as client:
            server.reset(7)
            raw = await client.items.with_raw_response.list_by_header_cursor()
            assert isinstance(raw, pager._runtime.APIResponse)
            assert raw.headers["X-Next-Cursor"] == "c3"
            assert [item.id async for item in raw.parse()] == ALL
            assert len(server.seen) == 3
            with pytest.raises(TypeError, match="not streamed"):
                async with client.items.with_streaming_response.list_by_header_cursor():
                    pass

    asyncio.run(take())


TYPED_LOOP = """
from pager import PagerClient, AsyncPagerClient
from pager.models import Item, ListByPageItem


def names(client: PagerClient) -> list[str]:
    found: list[str] = []
    for item in client.items.list_by_body_cursor(limit=10):
        found.append(item.id)
    page = client.readings.list_stripe_style()
    first: list[Item] = page.items
    return found + [item.id for item in first] + [str(page.has_next_page())]


def inline(client: PagerClient) -> list[ListByPageItem]:
    return list(client.items.list_by_page(size=2))


async def async_names(client: AsyncPagerClient) -> list[str]:
    page = await client.items.list_by_offset()
    return [item.id async for item in client.items.list_by_page()] + [i.id for i in page.items]
"""


def test_iterating_yields_the_item_model_for_mypy(
    generated: tuple[Path, str], tmp_path: Path
) -> None:
    (tmp_path / "loop.py").write_text(TYPED_LOOP, encoding="utf-8")
    wrong = TYPED_LOOP + "\n\ndef wrong(client: PagerClient) -> int:\n"
    wrong += "    for item in client.items.list_by_page():\n        return item\n    return 0\n"
    (tmp_path / "wrong.py").write_text(wrong, encoding="utf-8")
    results = {
        name: subprocess.run(
            [sys.executable, "-m", "mypy", "--strict", str(tmp_path / name)],
            cwd=generated[0],
            capture_output=True,
            text=True,
            env={"MYPYPATH": str(generated[0]), "PATH": "/usr/bin:/bin"},
        )
        for name in ("loop.py", "wrong.py")
    }
    assert results["loop.py"].returncode == 0, results["loop.py"].stdout
    # The list of /page/items has an inline item schema: a model of its own, not a dict.
    assert 'Incompatible return value type (got "ListByPageItem", expected "int")' in (
        results["wrong.py"].stdout
    )


def test_each_reading_is_a_located_warning_naming_it(generated: tuple[Path, str]) -> None:
    warnings = sorted(line for line in generated[1].splitlines() if "warning[" in line)
    said = "; iterating its result fetches every page"
    assert warnings == [
        "specs/pager/openapi.yaml:156:7: warning[pagination-stripe-list]: GET /v1/customers: "
        "read as a Stripe-style list (items /data, `starting_after` = the last item's /id, "
        "while /has_more is true, size `limit`)" + said,
        "specs/pager/openapi.yaml:176:7: warning[pagination-json-api-links]: GET /json-api/items: "
        "read as a JSON:API list (items /data, the next page at the body's /links/next)" + said,
        "specs/pager/openapi.yaml:196:7: warning[pagination-link-header]: GET /repos/items: "
        "read as a list paged by its `Link` header (items the body, the next page at the "
        "`Link` header's next link, size `per_page`)" + said,
        "specs/pager/openapi.yaml:211:7: warning[pagination-page-number]: GET /numbered/items: "
        "read as numbered pages (items /rewards, `page` + 1, total /total_count, "
        "size `limit`)" + said,
    ]


def test_every_reading_and_field_is_documented() -> None:
    from generator.ir.pagination import _KEYS, READINGS

    documented = (ROOT / "docs" / "pagination.md").read_text(encoding="utf-8")
    fields = {"style", "items"}.union(*_KEYS.values())
    assert [name for name in [*READINGS, *fields] if f"| `{name}` |" not in documented] == []


def test_black_changes_nothing_in_a_paginated_resource() -> None:
    """The templates lay out a paginated call as black does, and ruff's formatter keeps it."""
    from generator.render import render_client
    from generator.spec.load import load_document
    from generator.spec.validate import validate_document
    from tests.test_generated_code import assert_black_agrees

    document, _ = validate_document(load_document(SPEC, "specs/pager/openapi.yaml"), "")
    rendered = render_client(build_ir(document, "pager", "specs/pager/openapi.yaml"))
    assert_black_agrees({p: t for p, t in rendered.items() if p.parts[0] == "resources"})


def test_the_surface_snapshot_shows_how_a_list_pages() -> None:
    from generator.output.surface import describe_surface
    from generator.spec.load import load_document
    from generator.spec.validate import validate_document

    document, _ = validate_document(load_document(SPEC, "specs/pager/openapi.yaml"), "")
    surface = describe_surface(build_ir(document, "pager", "specs/pager/openapi.yaml"))
    pages = [line for line in surface.splitlines() if line.startswith("  pages:")]
    assert len(pages) == 10
    assert (
        "  pages: cursor, items /data, `starting_after` = the last item's /id, while /has_more"
        " is true, size `limit` -> models.Item"
    ) in pages
    assert (
        "  pages: cursor, items the body, `cursor` = the X-Next-Cursor header -> models.Item"
        in (pages)
    )


OVERLAID_SPEC = """
openapi: 3.0.3
info: {title: Rewards, version: "1"}
paths:
  /rewards:
    get:
      operationId: listRewards
      parameters:
        - {name: offset, in: query, schema: {type: integer}}
        - {name: limit, in: query, schema: {type: integer}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: {type: array, items: {type: string}}
                  total: {type: integer}
    post:
      operationId: createReward
      parameters:
        - {name: offset, in: query, schema: {type: integer}}
      responses:
        "201": {description: created}
  /members:
    get:
      operationId: listMembers
      parameters:
        - {name: offset, in: query, schema: {type: integer}}
        - {name: limit, in: query, schema: {type: integer}}
        - {name: page, in: query, schema: {type: integer}}
        - {name: per_page, in: query, schema: {type: integer}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: {type: array, items: {type: string}}
  /members/{id}:
    get:
      operationId: getMember
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {data: {type: array, items: {type: string}}}}
"""

OVERLAY = """
overlay: 1.0.0
info: {title: How Rewards pages, version: "1"}
actions:
  - target: $
    description: Every list of Rewards pages by offset and limit, with a total.
    update:
      x-pagination: {style: offset, items: /data, param: offset, size_param: limit, total: /total}
  - target: $.paths['/members'].get
    description: Members come in one page, whatever its parameters suggest.
    update:
      x-pagination: false
"""


def test_an_overlay_sets_pagination_for_the_document_and_turns_it_off_for_one_list(
    tmp_path: Path,
) -> None:
    """The document's x-pagination applies to each GET it fits (the list at `items`, the
    parameters it names): not a POST, not an operation without them, and not one the overlay
    sets to false, which no reading takes up either."""
    from generator.pipeline import build_vendor, discover_vendors

    (tmp_path / "rewards").mkdir()
    (tmp_path / "rewards" / "openapi.yaml").write_text(OVERLAID_SPEC, encoding="utf-8")
    (tmp_path / "rewards" / "overlay.yaml").write_text(OVERLAY, encoding="utf-8")
    (vendor,) = discover_vendors(tmp_path)
    api, warnings = build_vendor(vendor)
    paged = {op.wire_name: op.pagination for op in api.operations}
    rewards = paged.pop("listRewards")
    assert rewards is not None
    assert (rewards.style, rewards.items, rewards.param, rewards.total, rewards.reading) == (
        "offset",
        ("data",),
        "offset",
        ("total",),
        "",
    )
    assert rewards.item_annotation == "str"
    assert paged == {"createReward": None, "listMembers": None, "getMember": None}
    assert [w.code for w in warnings if w.code.startswith("pagination")] == []


NESTED_TOTAL = """
openapi: 3.0.3
info: {title: Posts, version: "1"}
paths:
  /posts:
    get:
      operationId: listPosts
      parameters:
        - {name: page, in: query, schema: {type: integer}}
        - {name: limit, in: query, schema: {type: integer}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  posts: {type: array, items: {type: object, properties: {id: {type: integer}}}}
                  meta:
                    type: object
                    properties:
                      paging: {type: object, properties: {total_count: {type: integer}}}
"""


def test_numbered_pages_find_a_total_in_meta_paging() -> None:
    """MotaWord's shape: with `limit` beside `page`, only a total makes them numbered pages."""
    from generator.spec.load import parse_document

    api = build_ir(parse_document(NESTED_TOTAL, "p.yaml"), "p", "specs/p/openapi.yaml")
    (op,) = api.operations
    assert op.pagination is not None
    assert (op.pagination.total, op.pagination.size_param) == (
        ("meta", "paging", "total_count"),
        "limit",
    )
    assert op.pagination.item_annotation == "models.ListPostsItem"
    assert [w.code for w in api.warnings] == ["pagination-page-number"]


def test_the_clients_readme_shows_a_list_as_a_loop(generated: tuple[Path, str]) -> None:
    readme = (generated[0] / "pager" / "README.md").read_text(encoding="utf-8")
    assert "for item in client.items.list_by_page():  # every item of every page" in readme
    assert readme.count("A list over pages: the result is the first page") == len(STYLES)


def test_an_inline_union_of_items_stays_a_union_of_its_models() -> None:
    """Stripe's external accounts (`anyOf: [BankAccount, Card]`): a model of the union would
    hold the item in `.root`; the loop yields the member itself."""
    from generator.spec.load import parse_document

    spec = NESTED_TOTAL.replace(
        "items: {type: object, properties: {id: {type: integer}}}",
        "items: {anyOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]}",
    )
    spec += "components:\n  schemas:\n    A: {type: object, properties: {a: {type: string}}}\n"
    spec += "    B: {type: object, properties: {b: {type: string}}}\n"
    api = build_ir(parse_document(spec, "p.yaml"), "p", "specs/p/openapi.yaml")
    (op,) = api.operations
    assert op.pagination is not None
    assert op.pagination.item_annotation == "models.A | models.B"
    assert "ListPostsItem" not in [m.name for m in api.models]
