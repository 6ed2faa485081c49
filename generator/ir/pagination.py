"""Which operations are lists that span pages, and how a page leads to the next.

Declared by ``x-pagination`` (docs/pagination.md) on an operation, or at the document root
for a vendor that paginates alike everywhere; ``x-pagination: false`` on an operation returns
one page. Without either, a reading recognises the common shapes of GET lists, each with a
located warning naming it (``READINGS``). A reading is conservative: every part of the shape
must be there, since a wrong guess (a loop that never ends, items skipped) is worse than none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from ..core.errors import Diagnostic, Severity, SourceRef, quote_value
from ..core.names import PyCode
from ..spec.load import Document, follow_refs, unescape_pointer_token
from .types import Pagination, PaginationSource, PaginationStyle, Parameter

CODE = "invalid-x-pagination"
# Rule id -> (what the reading is called in its warning, the shape it recognises). The
# shapes are all of a GET's; docs/pagination.md lists them.
READINGS: dict[str, tuple[str, str]] = {
    "pagination-stripe-list": (
        "a Stripe-style list",
        "`data`, a list of items with an `id`; a boolean `has_more`; a `starting_after` "
        "parameter",
    ),
    "pagination-link-header": (
        "a list paged by its `Link` header",
        "a documented `Link` response header; an array, or an object with one array",
    ),
    "pagination-json-api-links": (
        "a JSON:API list",
        "`data`, a list; `links.next`",
    ),
    "pagination-page-number": (
        "numbered pages",
        "an integer `page` parameter with `per_page` or `page_size` (or `limit` or `size` "
        "and an integer total in the body: `total`, `total_count`, ...); an array, or an "
        "object with one array",
    ),
}
_STYLES: dict[str, PaginationStyle] = {
    "cursor": "cursor",
    "next_url": "next_url",
    "offset": "offset",
    "page": "page",
}
# The keys each style takes besides `style` and `items`.
_KEYS: dict[str, frozenset[str]] = {
    "cursor": frozenset({"param", "size_param", "next", "has_more"}),
    "next_url": frozenset({"next", "has_more", "size_param"}),
    "offset": frozenset({"param", "size_param", "total"}),
    "page": frozenset({"param", "size_param", "total", "total_pages", "first_page"}),
}
_NOWHERE = SourceRef("")  # a reading's place is set once it is chosen
_TOTALS = ("total", "total_count", "totalCount", "total_items", "totalItems")
_PAGE_COUNTS = ("total_pages", "totalPages", "page_count", "pageCount")


@dataclass
class Found:
    """What reading an operation gave: its pagination, and what to tell about it."""

    pagination: Pagination | None = None
    warnings: list[Diagnostic] = field(default_factory=list)
    errors: list[Diagnostic] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ListOperation:
    """What ``read_pagination`` looks at, gathered by the builder."""

    method: str
    path: str
    raw: dict[str, Any]
    pointer: str
    parameters: tuple[Parameter, ...]
    annotate: Callable[[Any], PyCode]  # a schema -> the annotation of a value of it


def read_pagination(document: Document, op: ListOperation) -> Found:
    """The operation's pagination: declared on it, at the root, or read from its shape."""
    found = Found()
    data = document.data
    declared = op.raw.get("x-pagination")
    if declared is False:
        return found
    body, headers = _success(data, op.raw)
    if declared is not None:
        where = f"{op.pointer}/x-pagination"
        found.pagination = _declared(document, declared, where, op, body, found.errors)
        return found
    root = data.get("x-pagination")
    if root is not None:
        if op.method == "get":
            # Applied where it fits: errors in it are reported once, at the root.
            found.pagination = _declared(document, root, "/x-pagination", op, body, [])
        return found
    if op.method != "get":
        return found
    for rule, read in _RECOGNISERS:
        pagination = read(data, op, body, headers)
        if pagination is not None:
            found.pagination = replace(pagination, reading=rule, where=document.where(op.pointer))
            found.warnings.append(
                Diagnostic(
                    rule,
                    Severity.WARNING,
                    f"{op.method.upper()} {op.path}: read as {READINGS[rule][0]} "
                    f"({pagination.summary}); iterating its result fetches every page",
                    document.where(op.pointer),
                    "declare it with `x-pagination` on the operation in an overlay, or "
                    "`x-pagination: false` for one page (docs/pagination.md)",
                )
            )
            return found
    return found


def check_root(document: Document) -> list[Diagnostic]:
    """Errors in the document's own ``x-pagination`` (its shape; whether it fits an operation
    is decided per operation)."""
    root = document.data.get("x-pagination")
    if root is None:
        return []
    errors: list[Diagnostic] = []
    _parse(document, root, "/x-pagination", errors)
    return errors


@dataclass(frozen=True, slots=True)
class _Parsed:
    style: PaginationStyle
    items: tuple[str, ...]
    param: str
    size_param: str
    source: PaginationSource
    at: tuple[str, ...]
    has_more: tuple[str, ...]
    total: tuple[str, ...]
    total_pages: tuple[str, ...]
    first_page: int


def _parse(
    document: Document, declared: object, where: str, errors: list[Diagnostic], label: str = ""
) -> _Parsed | None:
    """``x-pagination``'s fields, or None with errors saying what is wrong. ``label`` names
    the operation it is declared on."""

    def error(message: str, at: str = "") -> None:
        errors.append(
            Diagnostic(
                CODE,
                Severity.ERROR,
                label + message,
                document.where(where + at),
                "see docs/pagination.md for the shape x-pagination takes",
            )
        )

    if not isinstance(declared, dict):
        error(f"x-pagination is a mapping (or false), not {quote_value(declared)}")
        return None
    style = _STYLES.get(str(declared.get("style")))
    if style is None:
        error(
            f"x-pagination's style is one of {', '.join(_STYLES)}, "
            f"not {quote_value(declared.get('style'))}"
        )
        return None
    for key in sorted(set(declared) - _KEYS[style] - {"style", "items"}):
        error(f"x-pagination of style {style} takes no {key!r}", f"/{key}")

    def pointer(key: str) -> tuple[str, ...]:
        value = declared.get(key, "")
        if value == "":
            return ()
        if not isinstance(value, str) or not value.startswith("/"):
            error(
                f"x-pagination's {key} is a JSON pointer (/data), not {quote_value(value)}",
                f"/{key}",
            )
            return ()
        return tuple(unescape_pointer_token(t) for t in value.split("/")[1:])

    def name(key: str, needed: bool) -> str:
        value = declared.get(key, "")
        if not isinstance(value, str) or (needed and not value):
            error(
                f"x-pagination of style {style} names the parameter it sets in {key!r}", f"/{key}"
            )
            return ""
        return value

    source: PaginationSource = ""
    at: tuple[str, ...] = ()
    if style in ("cursor", "next_url"):
        source, at = _next(declared.get("next"), style, error)
    first_page = declared.get("first_page", 1)
    if not isinstance(first_page, int) or isinstance(first_page, bool):
        error(
            f"x-pagination's first_page is an integer, not {quote_value(first_page)}",
            "/first_page",
        )
        first_page = 1
    parsed = _Parsed(
        style=style,
        items=pointer("items"),
        param=name("param", True) if style != "next_url" else "",
        size_param=name("size_param", False),
        source=source,
        at=at,
        has_more=pointer("has_more"),
        total=pointer("total"),
        total_pages=pointer("total_pages"),
        first_page=first_page,
    )
    return None if errors else parsed


def _next(
    value: object, style: str, error: Callable[[str, str], None]
) -> tuple[PaginationSource, tuple[str, ...]]:
    """``next``: where the cursor or next URL is: ``{in: body, at: /pointer}``,
    ``{in: header, name: Link}`` or (cursor) ``{in: last_item, at: /id}``."""
    kinds = ("body", "header", "last_item") if style == "cursor" else ("body", "header")
    if not isinstance(value, dict) or value.get("in") not in kinds:
        error(
            f"x-pagination of style {style} says where the next "
            f"{'cursor' if style == 'cursor' else 'URL'} is in 'next': "
            f"{{in: {' | '.join(kinds)}, ...}}",
            "/next",
        )
        return "", ()
    kind = value["in"]
    if kind == "header":
        header = value.get("name")
        if not isinstance(header, str) or not header or set(value) != {"in", "name"}:
            error("x-pagination's next in a header is {in: header, name: <header>}", "/next")
            return "", ()
        return "header", (header,)
    at = value.get("at")
    if not isinstance(at, str) or not at.startswith("/") or set(value) != {"in", "at"}:
        error(f"x-pagination's next in {kind} is {{in: {kind}, at: /json/pointer}}", "/next")
        return "", ()
    return kind, tuple(unescape_pointer_token(t) for t in at.split("/")[1:])


def _declared(
    document: Document,
    declared: object,
    where: str,
    op: ListOperation,
    body: Any,
    errors: list[Diagnostic],
) -> Pagination | None:
    """The declared pagination applied to ``op``; on the operation itself, what does not fit
    it is an error, while the document's applies only where it fits."""
    own = where != "/x-pagination"
    label = f"{op.method.upper()} {op.path}: "
    parsed = _parse(document, declared, where, errors, label if own else "")
    if parsed is None:
        return None
    item = _items(document.data, body, parsed.items)
    if item is None:
        if own:
            shown = "/" + "/".join(parsed.items)
            errors.append(
                Diagnostic(
                    CODE,
                    Severity.ERROR,
                    f"{label}x-pagination's items ({shown!r}) is not "
                    "a list in the body of its success response",
                    document.where(where),
                    'point items at the array ("" when the body is the array)',
                )
            )
        return None
    param_in = "query"
    for wanted in (parsed.param, parsed.size_param):
        param = next((p for p in op.parameters if p.wire_name == wanted), None)
        if not wanted:
            continue
        if param is None or param.location not in ("query", "header"):
            if own:
                errors.append(
                    Diagnostic(
                        CODE,
                        Severity.ERROR,
                        f"{label}x-pagination names {wanted!r}, which "
                        "is not a query or header parameter of the operation",
                        document.where(where),
                        "name one of its parameters, or declare this one on the operation (in an overlay: "
                        "an action whose target is the operation's parameters, with update "
                        f"{{in: query, name: {quote_value(wanted)}, schema: {{type: string}}}})",
                    )
                )
            return None
        if wanted == parsed.param:
            param_in = param.location
    return Pagination(
        style=parsed.style,
        item_annotation=op.annotate(item),
        items=parsed.items,
        param=parsed.param,
        param_in="header" if param_in == "header" else "query",
        size_param=parsed.size_param,
        source=parsed.source,
        at=parsed.at,
        has_more=parsed.has_more,
        total=parsed.total,
        total_pages=parsed.total_pages,
        first_page=parsed.first_page,
        reading="",
        where=document.where(where),
    )


def _success(data: Any, raw: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
    """The JSON body schema of the first 2xx response, and its headers (names lowercased)."""
    for status in sorted(raw.get("responses") or {}):
        if not (status.startswith("2") and len(status) == 3):
            continue
        response, _ = follow_refs(data, raw["responses"][status], "")
        if not isinstance(response, dict):
            continue
        headers = response.get("headers")
        named = {str(k).lower(): v for k, v in headers.items()} if isinstance(headers, dict) else {}
        content = response.get("content") or {}
        for media_type, media in content.items() if isinstance(content, dict) else ():
            if "json" in str(media_type) and isinstance(media, dict) and "schema" in media:
                return media["schema"], named
        return None, named
    return None, {}


def _resolve(data: Any, schema: Any) -> dict[str, Any]:
    resolved, _ = follow_refs(data, schema, "")
    return resolved if isinstance(resolved, dict) else {}


def _property(data: Any, schema: Any, key: str) -> Any:
    """The schema of property ``key`` of an object schema (through $ref and allOf)."""
    resolved = _resolve(data, schema)
    properties = resolved.get("properties")
    if isinstance(properties, dict) and key in properties:
        return properties[key]
    for member in resolved.get("allOf") or []:
        found = _property(data, member, key)
        if found is not None:
            return found
    # A union has the property where every member has it (Stripe's BankAccount | Card).
    members = resolved.get("anyOf") or resolved.get("oneOf")
    if isinstance(members, list) and members:
        found = [_property(data, member, key) for member in members]
        if all(f is not None for f in found):
            return found[0]
    return None


def _items(data: Any, body: Any, keys: tuple[str, ...]) -> Any:
    """The schema of the list's items at ``keys`` in the body, or None if no list is there."""
    schema = body
    for key in keys:
        schema = _property(data, schema, key)
        if schema is None:
            return None
    resolved = _resolve(data, schema)
    if resolved.get("type") != "array" or not isinstance(resolved.get("items"), dict):
        return None
    return resolved["items"]


def _is(data: Any, schema: Any, kind: str) -> bool:
    return _resolve(data, schema).get("type") == kind


def _query(op: ListOperation) -> dict[str, Parameter]:
    return {p.wire_name: p for p in op.parameters if p.location == "query"}


def _one_list(data: Any, body: Any) -> tuple[str, ...] | None:
    """Where the items are: () when the body is a list, or its one list property."""
    if _is(data, body, "array"):
        return ()
    properties = _resolve(data, body).get("properties")
    if not isinstance(properties, dict):
        return None
    lists = [k for k, v in properties.items() if _is(data, v, "array")]
    return (lists[0],) if len(lists) == 1 else None


def _pagination(
    op: ListOperation,
    data: Any,
    body: Any,
    style: PaginationStyle,
    items: tuple[str, ...],
    **fields: Any,
) -> Pagination | None:
    item = _items(data, body, items)
    if item is None:
        return None
    values: dict[str, Any] = {
        "param": "",
        "param_in": "query",
        "size_param": "",
        "source": "",
        "at": (),
        "has_more": (),
        "total": (),
        "total_pages": (),
        "first_page": 1,
        **fields,
    }
    return Pagination(
        style=style,
        item_annotation=op.annotate(item),
        items=items,
        reading="",
        where=_NOWHERE,
        **values,
    )


def _stripe(data: Any, op: ListOperation, body: Any, headers: dict[str, Any]) -> Pagination | None:
    query = _query(op)
    if "starting_after" not in query or not _is(data, _property(data, body, "has_more"), "boolean"):
        return None
    item = _items(data, body, ("data",))
    if item is None or _property(data, item, "id") is None:
        return None
    return _pagination(
        op,
        data,
        body,
        "cursor",
        ("data",),
        param="starting_after",
        size_param="limit" if "limit" in query else "",
        source="last_item",
        at=("id",),
        has_more=("has_more",),
    )


def _link_header(
    data: Any, op: ListOperation, body: Any, headers: dict[str, Any]
) -> Pagination | None:
    items = _one_list(data, body)
    if "link" not in headers or items is None:
        return None
    size = next((n for n in ("per_page", "page_size", "limit") if n in _query(op)), "")
    return _pagination(
        op, data, body, "next_url", items, size_param=size, source="header", at=("Link",)
    )


def _json_api(
    data: Any, op: ListOperation, body: Any, headers: dict[str, Any]
) -> Pagination | None:
    links = _property(data, body, "links")
    if links is None or _property(data, links, "next") is None:
        return None
    return _pagination(op, data, body, "next_url", ("data",), source="body", at=("links", "next"))


def _page_number(
    data: Any, op: ListOperation, body: Any, headers: dict[str, Any]
) -> Pagination | None:
    query = _query(op)
    page = query.get("page")
    if page is None or page.annotation != "int":
        return None
    items = _one_list(data, body)
    if items is None:
        return None
    total = _field(data, body, _TOTALS)
    size = next((n for n in ("per_page", "page_size") if n in query), "")
    if not size:
        # `limit` or `size` beside `page` means a page size only where a total says so too.
        size = next((n for n in ("limit", "size") if n in query), "") if total else ""
        if not size:
            return None
    return _pagination(
        op,
        data,
        body,
        "page",
        items,
        param="page",
        size_param=size,
        total=total,
        total_pages=_field(data, body, _PAGE_COUNTS),
    )


def _field(data: Any, body: Any, names: tuple[str, ...]) -> tuple[str, ...]:
    """The keys of an integer field with one of ``names``, at the top or in one of
    ``_HOLDERS`` (MotaWord's total is at ``meta.paging.total_count``)."""
    for prefix in _HOLDERS:
        holder = body
        for key in prefix:
            holder = _property(data, holder, key) if holder is not None else None
        if holder is None:
            continue
        for name in names:
            if _is(data, _property(data, holder, name), "integer"):
                return (*prefix, name)
    return ()


_HOLDERS = ((), ("meta",), ("meta", "paging"), ("meta", "pagination"), ("paging",), ("pagination",))


_Recogniser = Callable[[Any, ListOperation, Any, dict[str, Any]], Pagination | None]
_RECOGNISERS: tuple[tuple[str, _Recogniser], ...] = (
    ("pagination-stripe-list", _stripe),
    ("pagination-link-header", _link_header),
    ("pagination-json-api-links", _json_api),
    ("pagination-page-number", _page_number),
)
