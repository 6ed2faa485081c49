"""What the spec says about one operation, in the pages' terms: its parameters, and the
fields of its JSON request body and success response, named by dotted path (arrays are
transparent: `profiles.firstName` is a property of each item of `profiles`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ...spec.load import Document, escape_pointer_token, follow_refs


@dataclass(frozen=True, slots=True)
class SpecField:
    location: str  # path, query, header, cookie, body or response
    name: str
    type: str  # a JSON Schema type; "date" or "date-time" for strings of that format; "" none
    required: bool
    enum: tuple[str, ...]
    where: str  # pointer of the parameter or property
    schema_where: str  # pointer of the schema its type and enum are read from
    # For a map (an object with no properties of its own, only additionalProperties): its
    # values' type ("" any) and their schema's pointer. A page names example keys of a map.
    values: tuple[str, str] | None


def read_operation_fields(
    document: Document, method: str, path: str
) -> tuple[SpecField, ...] | None:
    """None when the spec has no such operation."""
    data = document.data
    item = data.get("paths", {}).get(path) if isinstance(data, dict) else None
    if not isinstance(item, dict) or not isinstance(item.get(method.lower()), dict):
        return None
    item_at = f"/paths/{escape_pointer_token(path)}"
    operation_at = f"{item_at}/{method.lower()}"
    fields = list(_parameters(data, item, item_at, item[method.lower()], operation_at))
    body, body_at = follow_refs(
        data, item[method.lower()].get("requestBody"), f"{operation_at}/requestBody"
    )
    fields.extend(_content_fields(data, body, body_at, "body"))
    responses = item[method.lower()].get("responses") or {}
    success = sorted(code for code in responses if str(code).startswith("2"))
    if success:
        at = f"{operation_at}/responses/{success[0]}"
        response, response_at = follow_refs(data, responses[success[0]], at)
        fields.extend(_content_fields(data, response, response_at, "response"))
    return tuple(fields)


def _parameters(
    data: Any, item: dict[str, Any], item_at: str, operation: dict[str, Any], operation_at: str
) -> Iterator[SpecField]:
    # An operation's parameter overrides the path's of the same name and location.
    found: dict[tuple[str, str], SpecField] = {}
    for node, at in (*_listed(item, item_at), *_listed(operation, operation_at)):
        parameter, where = follow_refs(data, node, at)
        if not isinstance(parameter, dict):
            continue
        location, name = str(parameter.get("in", "")), str(parameter.get("name", ""))
        found[location, name] = _field(
            data,
            location,
            name,
            where,
            parameter.get("schema"),
            f"{where}/schema",
            required=parameter.get("required") is True,
        )
    return iter(found.values())


def _listed(holder: dict[str, Any], at: str) -> list[tuple[Any, str]]:
    parameters = holder.get("parameters")
    if not isinstance(parameters, list):
        return []
    return [(node, f"{at}/parameters/{index}") for index, node in enumerate(parameters)]


def _content_fields(data: Any, holder: Any, at: str, location: str) -> Iterator[SpecField]:
    content = holder.get("content") if isinstance(holder, dict) else None
    if not isinstance(content, dict):
        return
    media = next((m for m in content if m.split(";")[0].strip().endswith("json")), None)
    if media is not None and isinstance(content[media], dict):
        schema_at = f"{at}/content/{escape_pointer_token(media)}/schema"
        yield from _members(data, content[media].get("schema"), schema_at, location, "", ())


def _members(
    data: Any, node: Any, at: str, location: str, prefix: str, chain: tuple[str, ...]
) -> Iterator[SpecField]:
    schema, schema_at = _element(data, node, at)
    if not isinstance(schema, dict) or schema_at in chain:
        return  # not an object, or one that holds itself: its members are listed above
    properties = schema.get("properties")
    required = schema.get("required") or []
    for name, property_node in (properties.items() if isinstance(properties, dict) else ()):
        where = f"{schema_at}/properties/{escape_pointer_token(name)}"
        yield _field(
            data,
            location,
            f"{prefix}{name}",
            where,
            property_node,
            where,
            required=name in required,
        )
        yield from _members(
            data, property_node, where, location, f"{prefix}{name}.", (*chain, schema_at)
        )


def _element(data: Any, node: Any, at: str) -> tuple[Any, str]:
    """The schema at ``at`` with references followed, or that of its items for an array."""
    schema, schema_at = follow_refs(data, node, at)
    while isinstance(schema, dict) and _type(schema) == "array":
        schema, schema_at = follow_refs(data, schema.get("items"), f"{schema_at}/items")
    return schema, schema_at


def _field(
    data: Any, location: str, name: str, where: str, node: Any, at: str, *, required: bool
) -> SpecField:
    """The field defined at ``where`` whose schema is ``node`` (at ``at``)."""
    schema, schema_at = follow_refs(data, node, at)
    if not isinstance(schema, dict):
        return SpecField(location, name, "", required, (), where, schema_at, None)
    enum = schema.get("enum")
    values = None
    extra = schema.get("additionalProperties")
    if _type(schema) == "object" and not schema.get("properties") and extra not in (None, False):
        value_schema, value_at = follow_refs(data, extra, f"{schema_at}/additionalProperties")
        values = (_type(value_schema) if isinstance(value_schema, dict) else "", value_at)
    return SpecField(
        location,
        name,
        _type(schema),
        required,
        tuple(v if isinstance(v, str) else json.dumps(v) for v in enum or ()),
        where,
        schema_at,
        values,
    )


def _type(schema: dict[str, Any]) -> str:
    declared = schema.get("type")
    if isinstance(declared, list):  # OpenAPI 3.1: ["string", "null"] is a nullable string
        kinds = [t for t in declared if t != "null"]
        declared = kinds[0] if len(kinds) == 1 else "|".join(sorted(map(str, kinds)))
    if declared is None:
        return "object" if "properties" in schema or "additionalProperties" in schema else ""
    if declared == "string" and schema.get("format") in ("date", "date-time"):
        return str(schema["format"])
    return str(declared)
