"""Lists that span pages: a list operation returns its first page, and iterating it yields
every item of every page, fetching the next page only when the loop reaches it.

How a page leads to the next is decided by the generator (the spec's ``x-pagination``, or a
reading of its shape) and given here as a ``Pagination``:

    cursor     the next request sets ``param`` to a cursor read from the body, a header, or
               the last item (Stripe: ``starting_after`` = the last item's ``id``)
    next_url   the next request is the URL the body or the ``Link`` header names (JSON:API,
               GitHub)
    offset     the next request sets ``param`` to the offset after this page's items
    page       the next request sets ``param`` to the next page number

Each page is requested through the client's own request path, so retries, hooks, logging
and typed errors apply to every page. A page that fails raises from inside the loop; the
pages before it were already yielded. Pages already yielded are not kept.

Under ``with_raw_response`` a list method gives its first page's ``APIResponse`` (status,
headers), whose ``parse()`` is that page; a list cannot be streamed.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Generator, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar, cast

import httpx
import pydantic

from .client import AsyncAPIClient, SyncAPIClient, _adapter, describe_problems
from .content import decoded
from .errors import APIError, APIResponseValidationError
from .response import RAW_RESPONSE, STREAMED_RESPONSE, APIResponse
from .sentinels import Omit

T = TypeVar("T")

Style = Literal["cursor", "next_url", "offset", "page"]
# Where the next cursor or URL is read: a field of the body, a response header (``Link``: its
# rel="next" entry, RFC 8288), or a field of the page's last item.
Source = Literal["body", "header", "last_item", ""]


@dataclass(frozen=True, slots=True)
class Pagination:
    """How one operation's pages lead to the next (generated from the spec)."""

    style: Style
    items: tuple[str, ...] = ()  # keys from the body to the list of items; () the body is it
    param: str = ""  # the request parameter the next page sets (cursor, offset, page)
    param_in: Literal["query", "header"] = "query"
    size_param: str = ""  # the page size the caller may set (limit, per_page)
    source: Source = ""
    at: tuple[str, ...] = ()  # body keys (source body or last_item); header name: (name,)
    has_more: tuple[str, ...] = ()  # a boolean in the body; without it, a cursor means more
    total: tuple[str, ...] = ()  # the number of items in the whole list
    total_pages: tuple[str, ...] = ()
    first_page: int = 1


@dataclass(frozen=True, slots=True)
class PageInfo:
    """What the next request changes: the ``url`` to fetch, or query/header ``params`` to set."""

    url: str | None = None
    params: Mapping[str, str | int] | None = None


def _dig(value: object, keys: tuple[str, ...]) -> object:
    """The value at ``keys`` in decoded JSON; None where the path leads nowhere."""
    for key in keys:
        if isinstance(value, dict):
            value = value.get(key)
        elif isinstance(value, list) and key.isdigit() and int(key) < len(value):
            value = value[int(key)]
        else:
            return None
    return value


def _count(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _given(value: object) -> object:
    return None if isinstance(value, Omit) else value


class _BasePage(Generic[T]):
    """One page: its items, and the pure logic of what comes next (no I/O)."""

    def __init__(
        self,
        pagination: Pagination,
        item: object,
        request: dict[str, Any],
        raw: APIResponse[Any],
        seen: int,
    ) -> None:
        self.pagination = pagination
        self.http_response: httpx.Response = raw.http_response
        self.retries_taken = raw.retries_taken
        self.body: Any = decoded(self.http_response)
        found = _dig(self.body, pagination.items)
        self._last: object = found[-1] if isinstance(found, list) and found else None
        try:
            self.items: list[T] = (
                []
                if found is None
                else _adapter(list.__class_getitem__(item)).validate_python(found, extra="allow")
            )
        except pydantic.ValidationError as exc:
            raise APIResponseValidationError(
                f"{self.http_response.status_code} response to {raw.http_request.method} "
                f"{raw.http_request.url.copy_with(query=None)}: its list of items does not "
                f"match its documented schema: {describe_problems(exc)}",
                response=self.http_response,
                body=self.body,
            ) from exc
        self._item = item
        self._request = request
        # Items on the pages before this one: with a total, the list ends when all are seen.
        self._seen = seen
        self._next = self._next_page_info()

    def __repr__(self) -> str:
        request = self.http_response.request
        return f"<{type(self).__name__} of {len(self.items)} items from {request.method} {request.url.path}>"

    def has_next_page(self) -> bool:
        """Whether another page follows (known from this page, without fetching it)."""
        return self._next is not None

    def next_page_info(self) -> PageInfo | None:
        """What the request for the next page changes, or None on the last page."""
        return self._next

    def _sent(self, name: str, default: int) -> int:
        request = self._request
        where = "headers" if self.pagination.param_in == "header" else "query"
        value = _given((request.get(where) or {}).get(name))
        try:
            return default if value is None else int(str(value))
        except ValueError:
            return default

    def _next_page_info(self) -> PageInfo | None:
        p = self.pagination
        if not self.items:
            # An empty page ends any list: a cursor taken from it could only repeat this page.
            return None
        if p.style in ("cursor", "next_url"):
            found = self._source()
            if found is None or found == "":
                return None
            if p.has_more and _dig(self.body, p.has_more) is not True:
                return None
            if p.style == "next_url":
                return PageInfo(url=str(found))
            if str(found) == str(self._sent_cursor()):
                return None  # the same cursor again would fetch this page forever
            return PageInfo(params={p.param: str(found)})
        if "link" in self.http_response.headers:
            # A server that names the next page (GitHub, on numbered pages too) knows best:
            # without a rel="next" link, this page is the last, even a full one.
            link = self.http_response.links.get("next", {}).get("url")
            return None if link is None else PageInfo(url=link)
        seen = self._seen + len(self.items)
        total = _count(_dig(self.body, p.total)) if p.total else None
        if total is not None and seen >= total:
            return None
        size = self._sent(p.size_param, 0) if p.size_param else 0
        if size and len(self.items) < size:
            return None  # a short page is the last
        if p.style == "offset":
            return PageInfo(params={p.param: self._sent(p.param, 0) + len(self.items)})
        page = self._sent(p.param, p.first_page)
        pages = _count(_dig(self.body, p.total_pages)) if p.total_pages else None
        if pages is not None and page - p.first_page + 1 >= pages:
            return None
        return PageInfo(params={p.param: page + 1})

    def _sent_cursor(self) -> object:
        where = "headers" if self.pagination.param_in == "header" else "query"
        return _given((self._request.get(where) or {}).get(self.pagination.param))

    def _source(self) -> object:
        p = self.pagination
        if p.source == "header":
            (name,) = p.at
            if name.lower() == "link":
                return self.http_response.links.get("next", {}).get("url")
            return self.http_response.headers.get(name)
        if p.source == "last_item":
            return _dig(self._last, p.at)
        return _dig(self.body, p.at)

    def _next_request(self) -> dict[str, Any]:
        """The arguments of the client's ``request`` for the next page."""
        info = self._next
        if info is None:
            raise RuntimeError("this is the last page: check has_next_page() first")
        request = dict(self._request)
        if info.url is not None:
            url = self.http_response.request.url.join(info.url)
            here = self.http_response.request.url
            if (url.scheme, url.host, url.port) != (here.scheme, here.host, here.port):
                # The client's credentials go with every request it sends: never elsewhere.
                raise APIError(
                    f"the next page's link leads to another origin ({url.scheme}://{url.host}); "
                    "the client does not follow it"
                )
            request.update(path=str(url), path_params={}, query={})
            return request
        where = "headers" if self.pagination.param_in == "header" else "query"
        request[where] = {**(request.get(where) or {}), **(info.params or {})}
        return request

    @property
    def _next_seen(self) -> int:
        return self._seen + len(self.items)


class SyncPage(_BasePage[T]):
    """A page of a list. ``for item in page`` yields its items and those of every page after
    it, fetched as the loop reaches them; ``page.items`` is this page's alone."""

    def __init__(
        self,
        client: SyncAPIClient,
        pagination: Pagination,
        item: object,
        request: dict[str, Any],
        raw: APIResponse[Any],
        seen: int = 0,
    ) -> None:
        super().__init__(pagination, item, request, raw, seen)
        self._client = client

    @classmethod
    def first(
        cls,
        client: SyncAPIClient,
        pagination: Pagination,
        item: object,
        method: str,
        path: str,
        **request: Any,
    ) -> SyncPage[T]:
        """The list's first page (what a paginated method returns); under
        ``with_raw_response``, its ``APIResponse``, whose ``parse()`` is the page."""
        request.update(method=method, path=path)
        wants_raw = RAW_RESPONSE.get()
        page = cls(client, pagination, item, request, _fetch(client, request))
        # The method is annotated with the page, as every method is with its parsed value.
        return cast(SyncPage[T], _as_raw(page)) if wants_raw else page

    def get_next_page(self) -> SyncPage[T]:
        """The page after this one (check ``has_next_page()`` first)."""
        request = self._next_request()
        raw = _fetch(self._client, request)
        return type(self)(self._client, self.pagination, self._item, request, raw, self._next_seen)

    def iter_pages(self) -> Iterator[SyncPage[T]]:
        """This page, then each page after it, fetched as the loop reaches it."""
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = page.get_next_page()

    def __iter__(self) -> Iterator[T]:
        for page in self.iter_pages():
            yield from page.items


class AsyncPage(_BasePage[T]):
    """The async client's ``SyncPage``: ``async for item in page``."""

    def __init__(
        self,
        client: AsyncAPIClient,
        pagination: Pagination,
        item: object,
        request: dict[str, Any],
        raw: APIResponse[Any],
        seen: int = 0,
    ) -> None:
        super().__init__(pagination, item, request, raw, seen)
        self._client = client

    async def get_next_page(self) -> AsyncPage[T]:
        """The page after this one (check ``has_next_page()`` first)."""
        request = self._next_request()
        raw = await _fetch_async(self._client, request)
        return type(self)(self._client, self.pagination, self._item, request, raw, self._next_seen)

    async def iter_pages(self) -> AsyncIterator[AsyncPage[T]]:
        """This page, then each page after it, fetched as the loop reaches it."""
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = await page.get_next_page()

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item


class AsyncPaginator(Generic[T]):
    """What a paginated method of the async client returns: ``await`` it for the first page,
    or ``async for item in ...`` for every item of every page."""

    def __init__(
        self,
        client: AsyncAPIClient,
        pagination: Pagination,
        item: object,
        method: str,
        path: str,
        **request: Any,
    ) -> None:
        self._client = client
        self._pagination = pagination
        self._item = item
        self._request = {**request, "method": method, "path": path}
        # Made under with_raw_response, which has ended by the time the result is awaited.
        self._raw = RAW_RESPONSE.get()

    async def _first(self) -> AsyncPage[T]:
        raw = await _fetch_async(self._client, self._request)
        return AsyncPage(self._client, self._pagination, self._item, self._request, raw)

    async def _first_or_raw(self) -> AsyncPage[T]:
        page = await self._first()
        return cast(AsyncPage[T], _as_raw(page)) if self._raw else page

    def __await__(self) -> Generator[Any, None, AsyncPage[T]]:
        """The first page; under ``with_raw_response``, its ``APIResponse``."""
        return self._first_or_raw().__await__()

    async def __aiter__(self) -> AsyncIterator[T]:
        page = await self._first()
        async for item in page:
            yield item


def _as_raw(page: _BasePage[T]) -> APIResponse[Any]:
    """The first page's response as ``with_raw_response`` gives it: ``parse()`` is the page."""
    return APIResponse(page.http_response, lambda: page, page.retries_taken)


def _unstreamed() -> None:
    if STREAMED_RESPONSE.get():
        raise TypeError(
            "a list over pages is read page by page, not streamed: call the method itself, "
            "or use with_raw_response for the first page's response"
        )


def _fetch(client: SyncAPIClient, request: dict[str, Any]) -> APIResponse[Any]:
    """One page's response, through the client's request path (retries, hooks, errors)."""
    _unstreamed()
    raw, streamed = RAW_RESPONSE.set(True), STREAMED_RESPONSE.set(False)
    try:
        args = dict(request)
        result = client.request(args.pop("method"), args.pop("path"), cast_to=None, **args)
    finally:
        RAW_RESPONSE.reset(raw)
        STREAMED_RESPONSE.reset(streamed)
    return cast(APIResponse[Any], result)  # a success, under RAW_RESPONSE; errors raise


async def _fetch_async(client: AsyncAPIClient, request: dict[str, Any]) -> APIResponse[Any]:
    _unstreamed()
    raw, streamed = RAW_RESPONSE.set(True), STREAMED_RESPONSE.set(False)
    try:
        args = dict(request)
        result = await client.request(args.pop("method"), args.pop("path"), cast_to=None, **args)
    finally:
        RAW_RESPONSE.reset(raw)
        STREAMED_RESPONSE.reset(streamed)
    return cast(APIResponse[Any], result)


__all__ = ["AsyncPage", "AsyncPaginator", "PageInfo", "Pagination", "SyncPage"]
