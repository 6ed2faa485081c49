"""Hypothesis strategies for OpenAPI documents: valid 3.0 and 3.1 documents (a third of the 3.0
ones written as Swagger 2.0), mixed with what real specs publish. Each quirk is one choice
among ordinary ones, listed after them, so that most documents still generate a client and a
failing one shrinks towards plain OpenAPI.

What is mixed in: `null` in and as enums, numbers as strings, empty enums, objects and
schemas; names that clash, are Python keywords or runtime names, or differ only in case or
punctuation; recursion through references, deep nesting; the other version's keywords;
odd media types; servers with placeholders, variables and relative urls; path, query,
header and cookie parameters; request bodies; several statuses per operation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st
from hypothesis.internal.conjecture import providers
from hypothesis.internal.constants_ast import Constants

from .swagger2 import as_swagger2

VERSIONS = ("3.0.3", "3.1.0")


@contextmanager
def from_the_seed_alone() -> Iterator[None]:
    """Hypothesis draws, now and then, a constant written in one of the project's modules
    loaded so far: the documents of a seed would change with the tests that ran before (in
    `make test`, with how pytest-xdist shares them out) and with any edit to the generator.
    Within this, a seed gives the same documents whatever is loaded. (Private to the pinned
    Hypothesis: it has no setting for it.)"""
    found = providers._get_local_constants
    providers._get_local_constants = Constants
    providers.CONSTANTS_CACHE.cache.clear()
    try:
        yield
    finally:
        providers._get_local_constants = found
        providers.CONSTANTS_CACHE.cache.clear()


# Names a spec may give a schema, property, parameter, operation or tag.
HOSTILE_NAMES = (
    # Python keywords, soft keywords and builtins
    "class",
    "def",
    "None",
    "True",
    "from",
    "import",
    "async",
    "match",
    "type",
    "id",
    "list",
    "str",
    "print",
    "self",
    # what the generated code and pydantic already define
    "json",
    "dict",
    "copy",
    "schema",
    "model_config",
    "model_fields",
    "BaseModel",
    "Field",
    "Annotated",
    "Literal",
    "MISSING",
    "Omit",
    "omit",
    "NOT_GIVEN",
    "client",
    "models",
    "body",
    "options",
    "timeout",
    "extra_headers",
    "base_url",
    "http_client",
    # the same name in other cases and punctuation
    "Item",
    "item",
    "ITEM",
    "item-id",
    "item_id",
    "item.id",
    "item id",
    "itemId",
    "ItemId",
    "item__id",
    # not identifiers at all
    "1st",
    "2fa",
    "_",
    "__init__",
    "naïve",
    "名前",
    "a/b",
    "$ref",
    "x-y",
    " ",
    "",
)
COMPONENT_NAME = re.compile(r"[a-zA-Z0-9._-]+")
NAMES = st.one_of(
    st.from_regex(r"[a-z][a-zA-Z0-9]{0,7}", fullmatch=True), st.sampled_from(HOSTILE_NAMES)
)
TEXT = st.one_of(
    st.sampled_from(("A thing.", "")),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=12),
)

STRING_FORMATS = (
    "",
    "date-time",
    "date",
    "uuid",
    "email",
    "uri",
    "binary",
    "byte",
    "password",
    "int64",
    "decimal",
    "unknown-format",
)
MEDIA_TYPES = (
    "application/json",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "application/octet-stream",
    "text/plain",
    "application/problem+json",
    "application/vnd.api+json",
    "application/json; charset=utf-8",
    "application/xml",
    "text/csv",
    "text/html",
    "image/png",
    "application/*",
    "*/*",
    "application/x-ndjson",
    "text/event-stream",
    "json",
    "",
)
STATUSES = (
    "200",
    "201",
    "204",
    "400",
    "404",
    "default",
    "202",
    "301",
    "409",
    "422",
    "429",
    "500",
    "503",
    "2XX",
    "4XX",
    "5XX",
    "299",
)
SERVERS: tuple[dict[str, Any], ...] = (
    {"url": "https://api.example.test/v1"},
    {"url": "http://localhost:8080/"},
    {
        "url": "https://{region}.example.test/{version}",
        "variables": {
            "region": {"default": "us", "enum": ["us", "eu"]},
            "version": {"default": "v2"},
        },
    },
    {"url": "/api"},
    {"url": ""},
    {"url": "https://read-api.<environment>.example.com"},
    {"url": "//example.test/v1"},
    {"url": "https://example.test/{class}", "variables": {"class": {"default": "a b"}}},
    {"url": "https://example.test?x=1#frag"},
    {"url": "api.example.test"},
)
# Servers that OpenAPI refuses: a variable undefined, its default not among its values.
ODD_SERVERS: tuple[dict[str, Any], ...] = (
    {"url": "https://{tenant}.example.test"},
    {"url": "https://example.test/{v}", "variables": {"v": {"default": "v1", "enum": []}}},
    {"url": "https://example.test/{v}", "variables": {"v": {"default": "v3", "enum": ["v1"]}}},
)
SECURITY_SCHEMES: dict[str, dict[str, Any]] = {
    "bearer": {"type": "http", "scheme": "bearer"},
    "basic": {"type": "http", "scheme": "basic"},
    "key": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
    "query-key": {"type": "apiKey", "in": "query", "name": "api_key"},
    "oauth": {
        "type": "oauth2",
        "flows": {"clientCredentials": {"tokenUrl": "https://auth.test/token", "scopes": {}}},
    },
}


@dataclass(frozen=True, slots=True)
class Dialect:
    """What a document is written in: its version, and whether it has the quirks that make
    a document refused (numbers as strings, the other version's types, parameters that do
    not match their path). Half the documents have none, so that most generate a client."""

    version: str
    odd: bool

    @property
    def v31(self) -> bool:
        return self.version.startswith("3.1")


def rarely(draw: st.DrawFn, odds: int) -> bool:
    """True once in ``odds + 1`` draws; shrinks to False, so that a failing document keeps
    only the quirks it needs."""
    return draw(st.integers(0, odds)) == odds


def oddly(draw: st.DrawFn, dialect: Dialect, odds: int) -> bool:
    """A quirk that may make the document refused: only in an odd dialect, and rarely."""
    return dialect.odd and rarely(draw, odds)


def servers(dialect: Dialect) -> st.SearchStrategy[dict[str, Any]]:
    return st.sampled_from(SERVERS + ODD_SERVERS if dialect.odd else SERVERS)


def ref(name: str, section: str = "schemas") -> dict[str, str]:
    """A reference to a component, its name escaped as a JSON pointer token."""
    return {"$ref": f"#/components/{section}/{name.replace('~', '~0').replace('/', '~1')}"}


@st.composite
def scalars(draw: st.DrawFn, dialect: Dialect) -> dict[str, Any]:
    """A string, number, integer, boolean, null or untyped schema, with its quirks."""
    kinds = ("string", "integer", "number", "boolean", "")
    # `type: null` is 3.1's; a 3.0 document that has it is refused.
    odd = dialect.v31 or oddly(draw, dialect, 3)
    kind = "null" if odd and rarely(draw, 15) else draw(st.sampled_from(kinds))
    schema: dict[str, Any] = {"type": kind} if kind else {}
    values: dict[str, st.SearchStrategy[Any]] = {
        "string": st.sampled_from(("a", "b", "A", "a-b", "a b", "None", "class", "", "1")),
        "integer": st.integers(-3, 300),
        "number": st.sampled_from((0, 1.5, -2, 1e300)),
        "boolean": st.booleans(),
        "": st.sampled_from(("a", 1, True)),
        "null": st.none(),
    }
    value = values[kind]
    if kind == "string":
        form = draw(st.sampled_from(STRING_FORMATS))
        if form:
            schema["format"] = form
        if rarely(draw, 5):
            patterns = ("^[a-z]+$", r"\p{L}+", "^\\d{3}$")
            schema["pattern"] = "(" if oddly(draw, dialect, 5) else draw(st.sampled_from(patterns))
    enum = draw(st.sampled_from(("",) * 6 + ("values", "values", "with-null", "only-null")))
    if oddly(draw, dialect, 9):
        enum = "empty"
    if enum == "values":
        schema["enum"] = draw(st.lists(value, min_size=1, max_size=4))
    elif enum == "with-null":
        schema["enum"] = [*draw(st.lists(value, min_size=1, max_size=3)), None]
    elif enum == "only-null":
        schema["enum"] = [None]
    elif enum == "empty":
        schema["enum"] = []
    if kind in ("integer", "number"):
        # A list, not a set: a set of strings iterates in an order that changes with the
        # process's hash seed, and so would the draws below, and the document a seed gives.
        limits = st.lists(st.sampled_from(("minimum", "maximum")), max_size=2, unique=True)
        for limit in draw(limits):
            # Now and then a number written as a string: its type disagrees with a value's.
            schema[limit] = (
                draw(st.sampled_from(("10", "1.5")))
                if oddly(draw, dialect, 4)
                else draw(st.integers(-5, 500))
            )
        # The exclusive limits as this version writes them, or now and then as the other does.
        if rarely(draw, 3):
            if dialect.v31 != oddly(draw, dialect, 3):
                schema["exclusiveMaximum"] = 1000
            else:
                schema["exclusiveMinimum"] = True
                schema.setdefault("minimum", 0)
        if rarely(draw, 5):
            schema["multipleOf"] = (
                "3" if oddly(draw, dialect, 2) else draw(st.sampled_from((2, 0.5)))
            )
    if kind == "string" and rarely(draw, 4):
        schema["maxLength"] = "5" if oddly(draw, dialect, 2) else draw(st.sampled_from((5, 0)))
    default = draw(st.sampled_from(("", "", "fitting", "wrong", "null")))
    if default == "fitting":
        schema["default"] = draw(value)
    elif default == "wrong":
        schema["default"] = draw(st.sampled_from(("10", 10, [], {}, False, "x")))
    elif default == "null":
        schema["default"] = None
    schema.update(draw(nullability(dialect, kind)))
    if rarely(draw, 3):
        schema["description"] = draw(TEXT)
    return schema


@st.composite
def nullability(draw: st.DrawFn, dialect: Dialect, kind: str) -> dict[str, Any]:
    """Nothing, or null allowed in this version's spelling or now and then in the other's,
    or another keyword of one version (`const`, `examples`) in a document of either."""
    spelling = draw(st.sampled_from(("", "", "", "", "nullable", "const", "examples")))
    if spelling == "nullable":
        if dialect.v31 == oddly(draw, dialect, 3):
            return {"nullable": True}
        return {"type": [kind or "string", "null"]}
    if spelling == "const":
        return {"const": "fixed"}
    if spelling == "examples":
        return {"examples": ["a"]} if dialect.v31 != oddly(draw, dialect, 3) else {"example": "a"}
    return {}


def schemas(dialect: Dialect, names: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    """Schemas nested from scalars and references (to ``names``, so recursive, or dangling)."""
    leaves = scalars(dialect)
    if names:
        leaves = st.one_of(leaves, st.sampled_from(names).map(ref))
    return st.recursive(
        leaves,
        lambda children: st.one_of(
            objects(children, dialect), arrays(children, dialect), compositions(children, names)
        ),
        max_leaves=6,
    )


@st.composite
def objects(
    draw: st.DrawFn, children: st.SearchStrategy[dict[str, Any]], dialect: Dialect
) -> dict[str, Any]:
    properties = draw(st.dictionaries(NAMES, children, max_size=4))
    shape = draw(st.sampled_from(("properties", "properties", "empty", "bare", "untyped")))
    if shape == "empty":
        return {"type": "object", "properties": {}}
    if shape == "bare":
        return {"type": "object"}
    schema: dict[str, Any] = {"properties": properties}
    if shape != "untyped":
        schema["type"] = "object"
    required = draw(st.lists(st.sampled_from([*properties, "undefined"]), max_size=3))
    if required or rarely(draw, 5):
        schema["required"] = required
    extra = draw(st.sampled_from(("", "", "true", "false", "schema")))
    if extra == "schema":
        schema["additionalProperties"] = draw(children)
    elif extra:
        schema["additionalProperties"] = extra == "true"
    schema.update(draw(nullability(dialect, "object")))
    return schema


@st.composite
def arrays(
    draw: st.DrawFn, children: st.SearchStrategy[dict[str, Any]], dialect: Dialect
) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "array"}
    if draw(st.integers(0, 9)):
        schema["items"] = draw(children)
    if rarely(draw, 5):
        schema["minItems"] = "1" if oddly(draw, dialect, 2) else 1
    if rarely(draw, 5):
        schema["uniqueItems"] = True
    return schema


@st.composite
def compositions(
    draw: st.DrawFn, children: st.SearchStrategy[dict[str, Any]], names: list[str]
) -> dict[str, Any]:
    keyword = draw(st.sampled_from(("oneOf", "anyOf", "allOf", "not")))
    if keyword == "not":
        return {"not": draw(children)}
    schema: dict[str, Any] = {keyword: draw(st.lists(children, min_size=1, max_size=3))}
    if keyword != "allOf" and names and rarely(draw, 3):
        schema[keyword] = [
            ref(name) for name in draw(st.lists(st.sampled_from(names), min_size=1, max_size=3))
        ]
        discriminator: dict[str, Any] = {"propertyName": draw(NAMES)}
        if draw(st.booleans()):
            target = draw(st.sampled_from([*names, "Gone"]))
            discriminator["mapping"] = {draw(NAMES): ref(target)["$ref"]}
        schema["discriminator"] = discriminator
    return schema


@st.composite
def deep(draw: st.DrawFn, leaf: dict[str, Any]) -> dict[str, Any]:
    """``leaf`` under many levels of objects and arrays, as some generated specs nest."""
    schema = leaf
    for level in range(draw(st.integers(20, 150))):
        if level % 2:
            schema = {"type": "array", "items": schema}
        else:
            schema = {"type": "object", "properties": {"inner": schema}}
    return schema


@st.composite
def parameters(
    draw: st.DrawFn, dialect: Dialect, children: st.SearchStrategy[dict[str, Any]], path: list[str]
) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for name in path:
        if not oddly(draw, dialect, 9):  # now and then a path parameter goes undeclared
            found.append(
                {"name": name, "in": "path", "required": True, "schema": draw(scalars(dialect))}
            )
    others = st.fixed_dictionaries(
        {
            "name": st.one_of(
                NAMES, st.sampled_from(("Accept", "Content-Type", "X-Request-ID", "page[size]"))
            ),
            "in": st.sampled_from(("query", "query", "query", "header", "cookie")),
            "schema": st.one_of(scalars(dialect), children),
        },
        optional={
            "required": st.booleans(),
            "description": TEXT,
            "explode": st.booleans(),
            "deprecated": st.booleans(),
            "example": st.just("1"),
        },
    )
    if oddly(draw, dialect, 9):
        # Not where a path names it, or in a location OpenAPI 3 has not (Swagger 2's body).
        others = others.map(lambda p: {**p, "in": draw(st.sampled_from(("path", "body")))})
    if rarely(draw, 9):
        others = others.map(lambda p: {**p, "style": "deepObject"})
    found.extend(draw(st.lists(others, max_size=3)))
    return found


@st.composite
def contents(draw: st.DrawFn, children: st.SearchStrategy[dict[str, Any]]) -> dict[str, Any]:
    kinds = st.sampled_from(MEDIA_TYPES[:1] * 6 + MEDIA_TYPES)
    content = {}
    for media in draw(st.lists(kinds, max_size=2, unique=True)):
        entry: dict[str, Any] = {}
        if draw(st.integers(0, 7)):
            entry["schema"] = draw(children)
        content[media] = entry
    return content


@st.composite
def operations(
    draw: st.DrawFn,
    dialect: Dialect,
    children: st.SearchStrategy[dict[str, Any]],
    method: str,
    path: list[str],
    schemes: list[str],
) -> dict[str, Any]:
    operation: dict[str, Any] = {}
    if draw(st.integers(0, 5)):
        # Names that clash make a document refused: now and then only.
        names = (
            NAMES
            if oddly(draw, dialect, 2)
            else st.from_regex(r"[a-z][a-zA-Z0-9]{3,9}", fullmatch=True)
        )
        operation["operationId"] = draw(names)
    if draw(st.booleans()):
        operation["tags"] = draw(st.lists(NAMES, min_size=1, max_size=2))
    if draw(st.booleans()):
        operation["summary"] = draw(TEXT)
    found = draw(parameters(dialect, children, path))
    if found:
        operation["parameters"] = found
    # A body for the methods that send one (and a GET's now and then), or now and then none.
    if (method in ("post", "put", "patch") or rarely(draw, 7)) and not rarely(draw, 4):
        body: dict[str, Any] = {"content": draw(contents(children))}
        if draw(st.booleans()):
            body["required"] = True
        operation["requestBody"] = body
    responses: dict[str, Any] = {}
    for status in draw(st.lists(st.sampled_from(STATUSES), min_size=1, max_size=3, unique=True)):
        response: dict[str, Any] = {"description": draw(TEXT)}
        if status != "204" and draw(st.integers(0, 3)):
            response["content"] = draw(contents(children))
        if rarely(draw, 5):
            response["headers"] = {draw(NAMES): {"schema": draw(scalars(dialect))}}
        responses[status] = response
    operation["responses"] = responses
    if schemes and rarely(draw, 5):
        operation["security"] = [{} if rarely(draw, 9) else {draw(st.sampled_from(schemes)): []}]
    elif oddly(draw, dialect, 19):
        operation["security"] = [{"undefined": []}]
    if rarely(draw, 9):
        operation["servers"] = [draw(servers(dialect))]
    if rarely(draw, 9):
        operation["deprecated"] = True
    if rarely(draw, 14):
        operation["x-internal"] = True
    if oddly(draw, dialect, 14):
        operation[draw(st.sampled_from(("title", "operationid")))] = "odd"
    return operation


SEGMENTS = ("things", "items", "v1", "users", "me", "search", "Things", "a.b", "x-y", "2fa")


@st.composite
def paths(
    draw: st.DrawFn,
    dialect: Dialect,
    children: st.SearchStrategy[dict[str, Any]],
    schemes: list[str],
) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for _ in range(draw(st.integers(0 if dialect.v31 else 1, 2))):
        segments = draw(
            st.lists(
                st.one_of(st.sampled_from(SEGMENTS), NAMES.map(lambda n: "{" + n + "}")),
                min_size=1,
                max_size=3,
                unique=not oddly(draw, dialect, 9),
            )
        )
        key = "/" + "/".join(segments)
        if rarely(draw, 19):
            key += draw(st.sampled_from(("/", "?page={page}", "#Action=List")))
        names = [s[1:-1] for s in segments if s.startswith("{")]
        if "{page}" in key:
            names.append("page")
        methods = st.sampled_from(("get", "post", "put", "patch", "delete", "head", "options"))
        item: dict[str, Any] = {
            m: draw(operations(dialect, children, m, names, schemes))
            for m in draw(st.lists(methods, min_size=1, max_size=2, unique=True))
        }
        if rarely(draw, 9):
            item["servers"] = [draw(servers(dialect))]
        found[key] = item
    return found


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    """An OpenAPI 3.0 or 3.1 document, or a 3.0 one written as Swagger 2.0, as a plain
    mapping."""
    dialect = Dialect(draw(st.sampled_from(VERSIONS)), draw(st.booleans()))
    # Component names are letters, digits and `._-` (some clash, some are keywords), now and
    # then anything.
    named = NAMES if oddly(draw, dialect, 4) else NAMES.filter(COMPONENT_NAME.fullmatch)
    names = draw(st.lists(named, max_size=5, unique=True))
    children = schemas(dialect, names)
    document: dict[str, Any] = {
        "openapi": dialect.version,
        "info": {"title": draw(st.one_of(st.just("Fuzz API"), NAMES, TEXT)), "version": "1"},
    }
    listed = draw(st.lists(servers(dialect), max_size=2, unique_by=lambda s: s["url"]))
    if listed:
        document["servers"] = listed
    schemes = draw(st.lists(st.sampled_from(sorted(SECURITY_SCHEMES)), max_size=2, unique=True))
    document["paths"] = draw(paths(dialect, children, schemes))
    components: dict[str, Any] = {}
    if names:
        # Mostly structures: a component that only refers to another makes loops of them.
        named = st.one_of(objects(children, dialect), arrays(children, dialect), children)
        components["schemas"] = {name: draw(named) for name in names}
        if rarely(draw, 9):
            components["schemas"][names[0]] = draw(deep(draw(scalars(dialect))))
        elif oddly(draw, dialect, 9):  # a schema that is nothing but a reference to itself
            components["schemas"][names[0]] = ref(names[0])
    if schemes:
        components["securitySchemes"] = {s: SECURITY_SCHEMES[s] for s in schemes}
        document["security"] = [{schemes[0]: []}]
    if components or rarely(draw, 9):
        document["components"] = components
    if dialect.v31 and rarely(draw, 9):
        document["webhooks"] = {
            draw(NAMES): {"post": draw(operations(dialect, children, "post", [], schemes))}
        }
    if not dialect.v31 and rarely(draw, 2):
        return as_swagger2(document)
    return document
