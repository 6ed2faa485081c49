"""Deviations from OpenAPI that real vendors publish and that have one clear reading.

A spec that breaks a rule of OpenAPI or JSON Schema is refused only when the client could be
wrong or cannot be built (validate.py). Where the rule is broken in a way that still says one
thing, the document is read that way, with a located warning naming the rule (``--strict``
turns these into errors). ``RULES`` is the table the README documents; each reading changes the
loaded data in place, before validation, so that everything downstream sees the spec as read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import quote

from ..core.errors import Diagnostic, Severity, quote_value
from .load import (
    Document,
    escape_pointer_token,
    follow_refs,
    is_example_data,
    resolve_pointer,
    unescape_pointer_token,
)
from .validator_settings import fix_validator_settings

# Rule id -> (what vendors publish, how it is read). Warnings with these ids come from here,
# from load.py (YAML) and from validate.py (what openapi-spec-validator finds).
RULES: dict[str, tuple[str, str]] = {
    "yaml-character": (
        "a line separator (U+2028, U+2029, U+0085) or control character in the text",
        "the character itself, as YAML 1.2 reads it (PyYAML reads a line break or refuses it)",
    ),
    "yaml-tab-line": (
        "a line of only spaces and tabs where PyYAML expects indentation",
        "an empty line, as YAML 1.2 reads it",
    ),
    "yaml-1.1-scalar": (
        "an unquoted scalar that YAML 1.1 types but cannot build (`=`, an impossible date)",
        "the string it spells",
    ),
    "query-in-path": (
        "a path key with a query string (`/rides?page={page}`), its names declared `in: path`",
        "the path without the query; those parameters are query parameters",
    ),
    "empty-required": (
        "`required: []` in a schema (OpenAPI 3.0 forbids it)",
        "no property is required",
    ),
    "duplicate-enum-value": (
        "a value listed twice in an `enum` or `required`",
        "the list without its repeats",
    ),
    "openapi-3.1-keyword": (
        "JSON Schema 2020-12 keywords in an OpenAPI 3.0 document: `const`, a list of types, "
        "`examples`, a numeric `exclusiveMinimum`/`exclusiveMaximum`, `patternProperties`",
        "their 3.0 spelling: `enum` of one value, `nullable` or `anyOf`, dropped, "
        "`minimum`/`maximum` with `exclusive...: true`, typed `additionalProperties`",
    ),
    "invalid-default": (
        "a `default` that its own schema rejects (type, format, enum)",
        "no default (an unset field is never sent, so it only documented the server's choice)",
    ),
    "pattern-dialect": (
        "a `pattern` Python's `re` cannot read (`\\p{L}`, as in ECMA 262 with Unicode)",
        "kept: pydantic checks it with the Rust regex engine, which reads it; "
        "dropped, with this warning saying so, where that engine cannot either",
    ),
    "dangling-discriminator-mapping": (
        "a discriminator `mapping` entry naming a schema that does not exist",
        "the entry is ignored; a value is matched to a member of the union by its fields",
    ),
    "discriminator-not-objects": (
        "a `discriminator` over a union with a member that is not an object (a string, a "
        "list, null), which has no property to tell it by",
        "the union without its discriminator: a value is matched to a member by its shape",
    ),
    "operation-named-from-path": (
        "an operationId that only restates the method and path (`get_id`), or that differs "
        "from another only in spelling (`List Rules`, `List rules`)",
        "a name from the method and path: `list`, `retrieve`, `create`, `update`, `delete` "
        "or the action a POST ends with, then the path's words",
    ),
    "unknown-field": (
        "a field that is neither OpenAPI's nor an `x-` extension, unlike any field the object has",
        "ignored, as an extension would be (one close to a real field is an error: a typo)",
    ),
    "required-undefined-property": (
        "`required` naming a property that no `properties` of the schema defines",
        "the name is not required of what we send, and its value is kept as an extra field",
    ),
    "number-as-string": (
        "a numeric limit (`maximum`, `minLength`, `multipleOf`, ...) written as a string: "
        "`maximum: '100'`",
        "the number it spells (one that spells no number is an error)",
    ),
    "openapi-3.0-keyword": (
        "a boolean `exclusiveMinimum`/`exclusiveMaximum` (OpenAPI 3.0) in a 3.1 document",
        "the 3.0 meaning: `true` makes the `minimum`/`maximum` beside it exclusive; "
        "`false`, or no bound beside it, is no constraint",
    ),
    "server-placeholder": (
        "a placeholder in a server URL that declares no variable for it: "
        "`https://api.<environment>.example.com`, `https://{region}.example.com`",
        "a server variable without a default: an argument every client must be given",
    ),
    "server-default-not-in-enum": (
        "a server variable whose `default` is not among its `enum` values",
        "the default added to the values: the client uses it unless given another of them",
    ),
}

# Keywords whose value is a schema, a list of schemas, or a map of schemas.
_ONE = (
    "items",
    "additionalProperties",
    "not",
    "contains",
    "if",
    "then",
    "else",
    "propertyNames",
    "unevaluatedProperties",
    "unevaluatedItems",
    "additionalItems",
)
_MANY = ("allOf", "anyOf", "oneOf", "prefixItems")
_MAP = ("properties", "patternProperties", "dependentSchemas", "$defs", "definitions")


def iter_schemas(data: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """(pointer, schema) of every schema object written in the document (references are not
    followed: each schema is met where it is written)."""
    stack: list[tuple[Any, str, bool]] = [(data, "", False)]
    while stack:
        node, pointer, is_schema = stack.pop()
        if isinstance(node, list):
            stack.extend((v, f"{pointer}/{i}", False) for i, v in enumerate(node))
            continue
        if not isinstance(node, dict):
            continue
        if is_schema:
            yield pointer, node
        for key, value in node.items():
            if key.startswith("x-") or is_example_data(pointer, key, value):
                continue
            at = f"{pointer}/{escape_pointer_token(key)}"
            if is_schema and key in _ONE:
                stack.append((value, at, True))
            elif is_schema and key in _MANY and isinstance(value, list):
                stack.extend((v, f"{at}/{i}", True) for i, v in enumerate(value))
            elif is_schema and key in _MAP and isinstance(value, dict):
                stack.extend((v, f"{at}/{escape_pointer_token(k)}", True) for k, v in value.items())
            elif is_schema and key in ("enum", "const", "default", "required", "discriminator"):
                continue
            elif key == "schema" or (pointer == "/components" and key == "schemas"):
                if key == "schemas" and isinstance(value, dict):
                    stack.extend(
                        (v, f"{at}/{escape_pointer_token(k)}", True) for k, v in value.items()
                    )
                else:
                    stack.append((value, at, True))
            else:
                stack.append((value, at, False))


class Readings:
    """Collects the readings applied to one document, as located warnings."""

    def __init__(self, document: Document, hint_file: str) -> None:
        self.document = document
        self.hint_file = hint_file
        self.found: list[Diagnostic] = []

    def note(self, rule: str, message: str, pointer: str, hint: str = "") -> None:
        self.found.append(
            Diagnostic(
                rule,
                Severity.WARNING,
                message,
                self.document.where(pointer),
                hint or f"fix it in {self.hint_file} to silence this",
            )
        )

    def refuse(self, rule: str, message: str, pointer: str, hint: str = "") -> None:
        """An error: what has no clear reading."""
        self.found.append(
            Diagnostic(rule, Severity.ERROR, message, self.document.where(pointer), hint)
        )

    def drop(self, rule: str, message: str, pointer: str) -> None:
        """Remove the value at ``pointer`` (a key of an object) and say why."""
        parent_pointer, _, token = pointer.rpartition("/")
        parent = resolve_pointer(self.document.data, parent_pointer)
        key = unescape_pointer_token(token)
        if isinstance(parent, dict) and key in parent:
            del parent[key]
            self.note(rule, message, pointer, f"remove it in {self.hint_file}")

    def rename_key(self, parent_pointer: str, old: str, new: str) -> None:
        """Rename a key in place, keeping its order and the positions of what it holds."""
        parent = resolve_pointer(self.document.data, parent_pointer)
        items = list(parent.items())
        parent.clear()
        parent.update((new if k == old else k, v) for k, v in items)
        before = f"{parent_pointer}/{escape_pointer_token(old)}"
        after = f"{parent_pointer}/{escape_pointer_token(new)}"
        positions = self.document.positions
        for below in _pointers_below(parent[new]):
            place = positions.get(before + below)
            if place is not None:
                positions.add(after + below, *place)


def _pointers_below(node: Any) -> Iterator[str]:
    """The pointer of each value in ``node`` relative to it ("" for itself)."""
    yield ""
    items = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node) if isinstance(node, list) else ()
    )
    for key, value in items:
        token = escape_pointer_token(str(key))
        for below in _pointers_below(value):
            yield f"/{token}{below}"


def read_paths(readings: Readings) -> None:
    """A query string written into a path key."""
    paths = readings.document.data.get("paths")
    if not isinstance(paths, dict):
        return
    for key in [k for k in paths if "?" in k]:
        path, _, query = key.partition("?")
        if path in paths or not isinstance(paths[key], dict):
            continue  # two path items would become one: left to validation to report
        names = set(re.findall(r"{([^{}]*)}", query))
        moved = {("path", name) for name in names}
        item = paths[key]
        holders = [item, *(v for v in item.values() if isinstance(v, dict))]
        for parameters in (h.get("parameters") for h in holders):
            for parameter in parameters if isinstance(parameters, list) else []:
                if (
                    isinstance(parameter, dict)
                    and (parameter.get("in"), parameter.get("name")) in moved
                ):
                    parameter["in"] = "query"
        readings.rename_key("/paths", key, path)
        readings.note(
            "query-in-path",
            f"the path {key!r} holds a query string; read as {path!r}"
            + (f" with query parameter(s) {', '.join(sorted(names))}" if names else ""),
            f"/paths/{escape_pointer_token(path)}",
            f"move the query to parameters in {readings.hint_file}",
        )


# A server variable in a URL; and a placeholder written in angle brackets, as some vendors
# do (`https://read-api.<environment>.example.com`), which would otherwise be sent as is.
SERVER_PLACEHOLDER = re.compile(r"{([^{}]+)}")
_ANGLED = re.compile(r"<([A-Za-z_][\w.-]*)>")


def read_servers(readings: Readings) -> None:
    """A placeholder in a server URL the client uses (the first of the document, of a path
    or of an operation) that no such server declares a variable for: the client has one
    argument per variable name, whichever server declares it."""
    data = readings.document.data
    holders: list[tuple[Any, str]] = [(data, "")]
    paths = data.get("paths")
    for path, item in (paths if isinstance(paths, dict) else {}).items():
        at = f"/paths/{escape_pointer_token(path)}"
        holders.append((item, at))
        for method, operation in (item if isinstance(item, dict) else {}).items():
            holders.append((operation, f"{at}/{escape_pointer_token(method)}"))
    used: list[tuple[dict[str, Any], str, str]] = []
    for holder, at in holders:
        servers = holder.get("servers") if isinstance(holder, dict) else None
        first = servers[0] if isinstance(servers, list) and servers else None
        if isinstance(first, dict) and isinstance(first.get("url"), str):
            used.append((first, first["url"], at))
        for i, server in enumerate(servers if isinstance(servers, list) else []):
            _server_defaults(readings, server, f"{at}/servers/{i}")
    declared = {
        name
        for server, _, _ in used
        if isinstance(server.get("variables"), dict)
        for name in server["variables"]
    }
    for server, url, at in used:
        read = _ANGLED.sub(lambda m: "{" + m[1] + "}", url)
        if read == url and not set(SERVER_PLACEHOLDER.findall(url)) - declared:
            continue
        server["url"] = read
        undeclared = [
            n for n in dict.fromkeys(SERVER_PLACEHOLDER.findall(read)) if n not in declared
        ]
        angled = [n for n in dict.fromkeys(_ANGLED.findall(url)) if n in declared]
        hint = f"declare it under `variables` with a default in {readings.hint_file}"
        if undeclared:
            spelt = ", ".join(f"{{{n}}}" if f"{{{n}}}" in url else f"<{n}>" for n in undeclared)
            plural = len(undeclared) > 1
            readings.note(
                "server-placeholder",
                f"the server URL {quote_value(url)} holds {spelt}, which no server variable "
                f"declares; read as {'server variables' if plural else 'a server variable'} "
                "without a default, which every client must be given",
                f"{at}/servers/0/url",
                hint,
            )
        if angled:
            readings.note(
                "server-placeholder",
                f"the server URL {quote_value(url)} holds "
                + ", ".join(f"<{n}>" for n in angled)
                + "; read as the server variable(s) of that name",
                f"{at}/servers/0/url",
                hint,
            )


def _server_defaults(readings: Readings, server: Any, at: str) -> None:
    """A variable's default that its enum does not list: the client would type the argument
    as one of the values and default it to another. The default is the server the vendor
    documents first, so it is read as one of the values. (An empty enum is refused by
    validation: no value fits it.)"""
    variables = server.get("variables") if isinstance(server, dict) else None
    for name, variable in (variables if isinstance(variables, dict) else {}).items():
        if not isinstance(variable, dict) or "default" not in variable:
            continue
        default, values = variable["default"], variable.get("enum")
        if not isinstance(values, list) or not values or default in values:
            continue
        values.append(default)
        readings.note(
            "server-default-not-in-enum",
            f"the server variable {quote_value(name)} defaults to {quote_value(default)}, "
            f"which its enum {quote_value(values[:-1])} does not list; read as one of its values",
            f"{at}/variables/{escape_pointer_token(name)}/default",
            f"list the default in the enum in {readings.hint_file}",
        )


def read_schemas(readings: Readings) -> None:
    """The readings decided from a schema alone, before validation."""
    data = readings.document.data
    version_30 = isinstance(data, dict) and str(data.get("openapi", "")).startswith("3.0")
    checks: list[Callable[[Readings, str, dict[str, Any]], None]] = [
        _required,
        _repeats,
        _pattern_dialect,
        _numeric_limits,
    ]
    checks.append(_keywords_of_31 if version_30 else _keywords_of_30)
    schemas = list(iter_schemas(data))
    for pointer, schema in schemas:
        for check in checks:
            check(readings, pointer, schema)
    # After the 3.1 keywords are read: a member's type is one type, or one and null.
    for pointer, schema in schemas:
        _discriminated_objects(readings, pointer, schema)
    # After the 3.1 keywords are read: a default is checked against the schema as read.
    _defaults(readings, [(p, s) for p, s in schemas if "default" in s], version_30)


def _defaults(
    readings: Readings, schemas: list[tuple[str, dict[str, Any]]], version_30: bool
) -> None:
    """A default its own schema rejects. openapi-spec-validator checks only some (none in a
    request body); every schema written in the document is checked here, references resolved
    in the document itself."""
    if not schemas:
        return
    fix_validator_settings()
    from openapi_schema_validator import (
        OAS30Validator,
        OAS31Validator,
        oas30_format_checker,
        oas31_format_checker,
    )
    from referencing import Registry, Resource
    from referencing.exceptions import Unresolvable
    from referencing.jsonschema import DRAFT4, DRAFT202012

    document = Resource.from_contents(
        readings.document.data, default_specification=DRAFT4 if version_30 else DRAFT202012
    )
    registry = Registry().with_resource(_SPEC_URI, document)
    validator, checker = (
        (OAS30Validator, oas30_format_checker)
        if version_30
        else (OAS31Validator, oas31_format_checker)
    )
    for pointer, schema in schemas:
        check = validator(
            {"$ref": f"{_SPEC_URI}#{quote(pointer, safe='/~')}"},
            registry=registry,
            format_checker=checker,
        )
        try:
            error = next(iter(check.iter_errors(schema["default"])), None)
        except Unresolvable:
            continue  # a dangling reference: validation reports it
        except Exception:
            # A malformed schema (`pattern: 5`), a type this version has not (`null` in 3.0) or
            # a pattern only pydantic's regex engine reads: validation reports the first two,
            # at the schema; pydantic checks the last.
            continue
        if error is not None:
            readings.drop(
                "invalid-default",
                f"the default does not fit its schema ({_short(error.message)}); "
                "read as no default",
                f"{pointer}/default",
            )


_SPEC_URI = "urn:spec"


def _short(message: str) -> str:
    return message if len(message) <= 120 else message[:119] + "…"


def _discriminated_objects(readings: Readings, pointer: str, schema: dict[str, Any]) -> None:
    """A discriminator tells objects apart by a property: over a union with a member that
    is no object, pydantic refuses to build the model that holds it."""
    if not isinstance(schema.get("discriminator"), dict):
        return
    for keyword in ("oneOf", "anyOf"):
        members = schema.get(keyword)
        for index, member in enumerate(members if isinstance(members, list) else []):
            resolved, _ = follow_refs(readings.document.data, member, "")
            if isinstance(resolved, dict) and "$ref" in resolved:
                continue  # a reference that goes nowhere: validation reports it
            if not _may_be_object(resolved):
                readings.drop(
                    "discriminator-not-objects",
                    f"the discriminator's union has a member that is not an object "
                    f"({keyword}/{index}), which no property can tell apart; read without "
                    "the discriminator (a value is matched to a member by its shape)",
                    f"{pointer}/discriminator",
                )
                return


def _may_be_object(schema: Any) -> bool:
    """Whether a value of ``schema`` may be an object: typed so, or untyped with properties
    or parts that say what it is."""
    if not isinstance(schema, dict):
        return False
    kind = schema.get("type")
    if isinstance(kind, list):
        return "object" in kind
    if kind is not None:
        return bool(kind == "object")
    return any(
        k in schema for k in ("properties", "additionalProperties", "allOf", "anyOf", "oneOf")
    )


def _required(readings: Readings, pointer: str, schema: dict[str, Any]) -> None:
    if schema.get("required") == []:
        readings.drop(
            "empty-required",
            "`required: []` is read as no required property",
            f"{pointer}/required",
        )


def _pattern_dialect(readings: Readings, pointer: str, schema: dict[str, Any]) -> None:
    """A pattern Python's re cannot read (openapi-spec-validator's "is not a 'regex'"):
    kept where pydantic's Rust engine reads it, else dropped."""
    pattern = schema.get("pattern")
    if not isinstance(pattern, str):
        return
    try:
        re.compile(pattern)
        return
    except re.error:
        pass
    import pydantic_core

    try:
        pydantic_core.SchemaValidator(pydantic_core.core_schema.str_schema(pattern=pattern))
    except pydantic_core.SchemaError:
        readings.drop(
            "pattern-dialect",
            f"pattern {quote_value(pattern)} is no regular expression Python or pydantic "
            "can read; read as no pattern",
            f"{pointer}/pattern",
        )
        return
    readings.note(
        "pattern-dialect",
        f"pattern {quote_value(pattern)} is not one Python's re reads; pydantic's Rust "
        "engine does and checks it",
        f"{pointer}/pattern",
    )


def _repeats(readings: Readings, pointer: str, schema: dict[str, Any]) -> None:
    for key in ("enum", "required"):
        values = schema.get(key)
        if not isinstance(values, list):
            continue
        unique: list[Any] = []
        for value in values:
            if not any(_same(value, seen) for seen in unique):
                unique.append(value)
        if len(unique) < len(values):
            schema[key] = unique
            readings.note(
                "duplicate-enum-value",
                f"`{key}` lists {len(values) - len(unique)} value(s) twice; read without the repeats",
                f"{pointer}/{key}",
            )


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b


def patterns_as_extras(schema: dict[str, Any]) -> bool:
    """The fields `patternProperties` describe, as typed additional properties: the model
    tool ignores the keyword, and a model would drop the very fields it describes (the
    patterns themselves are not checked). Whether the schema had any."""
    patterns = schema.pop("patternProperties", None)
    if not isinstance(patterns, dict) or not patterns:
        return False
    if schema.get("additionalProperties") in (None, False):
        members = list(patterns.values())
        schema["additionalProperties"] = members[0] if len(members) == 1 else {"anyOf": members}
    return True


def _keywords_of_31(readings: Readings, pointer: str, schema: dict[str, Any]) -> None:
    said = "is JSON Schema 2020-12 (OpenAPI 3.1) in a 3.0 document; read as"
    if patterns_as_extras(schema):
        readings.note(
            "openapi-3.1-keyword",
            f"`patternProperties` {said} typed `additionalProperties`",
            f"{pointer}",
        )
    if "const" in schema:
        value = schema.pop("const")
        schema.setdefault("enum", [value])
        readings.note(
            "openapi-3.1-keyword", f"`const` {said} `enum` of its one value", f"{pointer}"
        )
    types = schema.get("type")
    if isinstance(types, list):
        named = [t for t in types if t != "null"]
        if "null" in types:
            schema["nullable"] = True
        if len(named) == 1:
            schema["type"] = named[0]
        else:
            del schema["type"]
            if named:
                schema["anyOf"] = [{"type": t} for t in named]
        readings.note(
            "openapi-3.1-keyword",
            f"a list of types {said} "
            + ("`nullable`" if "null" in types else "")
            + (" and " if "null" in types and named else "")
            + (
                f"type {named[0]!r}" if len(named) == 1 else "`anyOf` of the types" if named else ""
            ),
            f"{pointer}/type",
        )
    if isinstance(schema.get("examples"), list):
        del schema["examples"]
        readings.note(
            "openapi-3.1-keyword", f"`examples` in a schema {said} documentation only", f"{pointer}"
        )
    for keyword, bound in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        value = schema.get(keyword)
        if isinstance(value, int | float) and not isinstance(value, bool):
            schema[bound] = value
            schema[keyword] = True
            readings.note(
                "openapi-3.1-keyword",
                f"a numeric `{keyword}` {said} `{bound}: {value}` with `{keyword}: true`",
                f"{pointer}/{keyword}",
            )


# Keywords whose value is a number a value is compared with; a string there makes the
# validators raise TypeError, comparing it with the value. exclusiveMinimum/-Maximum are
# numbers in 3.1 only (booleans in 3.0, read by _keywords_of_30 in 3.1).
_NUMERIC = (
    "maximum",
    "minimum",
    "multipleOf",
    "maxLength",
    "minLength",
    "maxItems",
    "minItems",
    "maxProperties",
    "minProperties",
    "maxContains",
    "minContains",
)
_NUMBER = re.compile(r"\s*-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*")


def _numeric_limits(readings: Readings, pointer: str, schema: dict[str, Any]) -> None:
    version_30 = str(readings.document.data.get("openapi", "")).startswith("3.0")
    keywords = _NUMERIC if version_30 else (*_NUMERIC, "exclusiveMinimum", "exclusiveMaximum")
    for keyword in keywords:
        if keyword not in schema:
            continue
        value = schema[keyword]
        if isinstance(value, int | float):
            continue  # a boolean too: it compares as 0 or 1 (3.0's exclusive bounds are read apart)
        at = f"{pointer}/{escape_pointer_token(keyword)}"
        if isinstance(value, str) and _NUMBER.fullmatch(value):
            text = value.strip()
            number = float(text) if any(c in text for c in ".eE") else int(text)
            schema[keyword] = number
            readings.note(
                "number-as-string",
                f"`{keyword}` is the string {quote_value(value)}; read as the number {number}",
                at,
            )
            continue
        # Removed, so that no later check compares a value with it; the run fails anyway.
        del schema[keyword]
        readings.refuse(
            "invalid-openapi",
            f"`{keyword}` is {'null' if value is None else quote_value(value)}, not a number",
            at,
            hint=f"write the number in {readings.hint_file}",
        )


def _keywords_of_30(readings: Readings, pointer: str, schema: dict[str, Any]) -> None:
    """A boolean exclusiveMinimum/-Maximum in a 3.1 document: the 3.0 meaning."""
    said = "is OpenAPI 3.0 in a 3.1 document; read as"
    for keyword, bound in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        value = schema.get(keyword)
        if not isinstance(value, bool):
            continue
        at = f"{pointer}/{keyword}"
        limit = schema.get(bound)
        if value and isinstance(limit, int | float) and not isinstance(limit, bool):
            schema[keyword] = schema.pop(bound)
            readings.note(
                "openapi-3.0-keyword",
                f"`{keyword}: true` beside `{bound}: {limit}` {said} `{keyword}: {limit}`",
                at,
            )
            continue
        del schema[keyword]
        readings.note(
            "openapi-3.0-keyword",
            f"`{keyword}: {str(value).lower()}` {said} "
            + (f"`{bound}: {limit}` alone" if bound in schema else "no constraint"),
            at,
        )
