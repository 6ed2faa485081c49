"""Values: a 2.0 schema, and the value fields of a non-body parameter, an items object or a
header, as 3.0 schemas; and the trace that says where each converted node came from."""

from __future__ import annotations

import copy
from typing import Any

from ...core.errors import Diagnostic, Severity, quote_value
from ..load import Document, escape_pointer_token

# The fields of a 2.0 non-body parameter (and of an items or header object) that describe
# its value: in 3.0 they belong to its schema.
_SCHEMA_FIELDS = (
    "type",
    "format",
    "items",
    "default",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "enum",
    "multipleOf",
)
# Keys of a schema whose values are schemas (or lists or maps of them).
_SUBSCHEMA = ("items", "additionalProperties", "not")
_SUBSCHEMA_LISTS = ("allOf", "anyOf", "oneOf")
# collectionFormat of a query parameter -> (style, explode).
QUERY_STYLES = {
    "csv": ("form", False),
    "multi": ("form", True),
    "ssv": ("spaceDelimited", False),
    "pipes": ("pipeDelimited", False),
}
# Fields of a 2.0 non-body parameter that 3.0 reads elsewhere (or not at all).
_PARAMETER_2_0 = frozenset({*_SCHEMA_FIELDS, "collectionFormat", "x-nullable"})


def pointer(*tokens: str | int) -> str:
    return "".join(f"/{escape_pointer_token(str(t))}" for t in tokens)


def mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def media_types(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


class Values:
    """Converts values, recording where each converted node came from (``origins``) and
    what has no 3.0 equivalent (``warnings``)."""

    def __init__(self, document: Document) -> None:
        self.doc = document
        self.src: dict[str, Any] = document.data
        # Converted pointer -> the 2.0 pointer its subtree came from (Document.origins).
        self.origins: dict[str, str] = {}
        self.warnings: list[Diagnostic] = []
        self.consumes = media_types(self.src.get("consumes"))
        self.produces = media_types(self.src.get("produces"))
        # Shared body parameters, which become components/requestBodies.
        self.shared_bodies: set[str] = set()

    def moved(self, converted: str, source: str) -> None:
        if converted != source:
            self.origins[converted] = source

    def warn(self, code: str, message: str, source: str, hint: str = "") -> None:
        self.warnings.append(
            Diagnostic(code, Severity.WARNING, message, self.doc.where(source), hint)
        )

    # Schemas

    def schema(self, value: Any, at: str) -> Any:
        """A 2.0 schema as 3.0 reads it: ``x-nullable`` as ``nullable``, ``type: file`` as
        binary, a discriminator's property name as a Discriminator Object. It keeps its
        shape: a node under it is where it was relative to it."""
        if not isinstance(value, dict):
            return copy.deepcopy(value)
        out: dict[str, Any] = {}
        for key, item in value.items():
            child = f"{at}/{escape_pointer_token(key)}"
            if key == "x-nullable" and isinstance(item, bool):
                out["nullable"] = item
            elif key == "type" and item == "file":
                out["type"] = "string"
                out["format"] = "binary"
            elif key == "type" and item == "null":
                # JSON Schema's type of null, which neither 2.0 nor 3.0 has (mandrill).
                out["nullable"] = True
                self.warn(
                    "swagger2-null-type",
                    "type 'null' is not a Swagger 2.0 type: read as a value that may be null "
                    "(nullable, of any type)",
                    child,
                )
            elif key == "format" and value.get("type") == "file":
                continue
            elif key == "discriminator" and isinstance(item, str):
                out[key] = {"propertyName": item}
            elif key == "properties" and isinstance(item, dict):
                out[key] = {
                    name: self.schema(prop, f"{child}/{escape_pointer_token(name)}")
                    for name, prop in item.items()
                }
            elif key in _SUBSCHEMA:
                out[key] = self.schema(item, child)
            elif key in _SUBSCHEMA_LISTS and isinstance(item, list):
                out[key] = [self.schema(s, f"{child}/{i}") for i, s in enumerate(item)]
            else:
                out[key] = copy.deepcopy(item)
        return out

    def value_schema(self, value: dict[str, Any], at: str) -> dict[str, Any]:
        """The schema of a non-body parameter, an items object or a header: its value fields."""
        schema: dict[str, Any] = {}
        for key in _SCHEMA_FIELDS:
            if key not in value:
                continue
            if key == "items" and isinstance(value["items"], dict):
                items = value["items"]
                schema["items"] = (
                    self.schema(items, f"{at}/items")
                    if "$ref" in items
                    else self.value_schema(items, f"{at}/items")
                )
            else:
                schema[key] = copy.deepcopy(value[key])
        if schema.get("type") == "file":
            schema["type"] = "string"
            schema["format"] = "binary"
        if isinstance(value.get("x-nullable"), bool):
            schema["nullable"] = value["x-nullable"]
        return schema

    def parameter(self, value: Any, at: str, converted: str) -> Any:
        """A 2.0 query, header or path parameter (at ``at``) as the 3.0 parameter at
        ``converted``."""
        self.moved(converted, at)
        if not isinstance(value, dict) or "$ref" in value:
            return copy.deepcopy(value)
        out: dict[str, Any] = {
            k: copy.deepcopy(v) for k, v in value.items() if k not in _PARAMETER_2_0
        }
        if "type" not in value and isinstance(value.get("schema"), dict):
            # A 3.0 parameter's schema in a 2.0 document: one reading, kept where it is.
            out["schema"] = self.schema(value["schema"], f"{at}/schema")
        else:
            out["schema"] = self.value_schema(value, at)
            self.moved(f"{converted}/schema", at)
        if value.get("type") == "array":
            self.collection_format(value, at, converted, out)
        return out

    def collection_format(
        self, value: dict[str, Any], at: str, converted: str, out: dict[str, Any]
    ) -> None:
        given = value.get("collectionFormat", "csv")
        how = given if isinstance(given, str) else quote_value(given)
        location = value.get("in")
        self.moved(f"{converted}/style", f"{at}/collectionFormat")
        self.moved(f"{converted}/explode", f"{at}/collectionFormat")
        if location == "query":
            style, explode = QUERY_STYLES.get(how, ("form", False))
            if how not in QUERY_STYLES:
                self.warn(
                    "swagger2-collection-format",
                    f"collectionFormat {how!r} has no OpenAPI 3 style: read as csv "
                    "(comma-separated)",
                    f"{at}/collectionFormat",
                    "an overlay can set the collectionFormat the API reads",
                )
            out["style"], out["explode"] = style, explode
            return
        if how not in ("csv", "multi"):
            self.warn(
                "swagger2-collection-format",
                f"collectionFormat {how!r} of a {quote_value(location)} parameter has no OpenAPI 3 style: "
                "read as csv (comma-separated)",
                f"{at}/collectionFormat",
                "an overlay can set the collectionFormat the API reads",
            )
        out["style"], out["explode"] = "simple", False
