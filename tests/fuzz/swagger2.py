"""A fuzzed OpenAPI 3.0 document written as Swagger 2.0, the version many vendors still
publish: its first server as host, basePath and schemes; schemas as definitions (`nullable`
as `x-nullable`); a body as an `in: body` parameter, or as formData parameters (a binary
property as `type: file`); a scalar parameter's schema written on the parameter itself, an
array's explode as its collectionFormat; the media types as consumes and produces; security
schemes in 2.0's three kinds. What 2.0 cannot say (a cookie parameter, an operation's
servers, oneOf) is left as it was: vendors publish such documents too.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

_FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")
# What a parameter that is not a body says of its value, written on it in 2.0.
_ON_PARAMETER = (
    "type",
    "format",
    "enum",
    "default",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "maxLength",
    "minLength",
    "pattern",
    "items",
    "minItems",
    "uniqueItems",
)


def as_swagger2(document: dict[str, Any]) -> dict[str, Any]:
    converted: dict[str, Any] = {"swagger": "2.0", "info": document["info"]}
    servers = document.get("servers") or []
    if servers:
        url = urlsplit(str(servers[0].get("url", "")))
        if url.scheme and url.netloc:
            converted["host"] = url.netloc
            converted["schemes"] = [url.scheme]
        if url.path.startswith("/"):
            converted["basePath"] = url.path
    components = document.get("components", {})
    converted["paths"] = {
        key: {method: _operation(operation) for method, operation in item.items()}
        for key, item in _schemas(document.get("paths", {})).items()
    }
    if "schemas" in components:
        converted["definitions"] = _schemas(components["schemas"])
    if "securitySchemes" in components:
        converted["securityDefinitions"] = {
            name: _security(scheme) for name, scheme in components["securitySchemes"].items()
        }
    if "security" in document:
        converted["security"] = document["security"]
    return converted


def _schemas(node: Any) -> Any:
    """References to components' schemas as references to definitions; `nullable` as 2.0's
    extension, `x-nullable`."""
    if isinstance(node, list):
        return [_schemas(item) for item in node]
    if not isinstance(node, dict):
        return node
    found: dict[str, Any] = {}
    for key, value in node.items():
        if key == "$ref" and isinstance(value, str):
            found[key] = value.replace("#/components/schemas/", "#/definitions/", 1)
        elif key == "nullable" and isinstance(value, bool):
            found["x-nullable"] = value
        else:
            found[key] = _schemas(value)
    return found


def _operation(operation: Any) -> Any:
    if not isinstance(operation, dict) or "responses" not in operation:
        return operation  # a path item's servers
    converted = {
        k: v for k, v in operation.items() if k not in ("parameters", "requestBody", "responses")
    }
    parameters = [_parameter(p) for p in operation.get("parameters", [])]
    body = operation.get("requestBody")
    if body is not None:
        media, schema = _first(body.get("content", {}))
        if media is not None:
            converted["consumes"] = list(body["content"])
        if media in _FORMS and isinstance(schema, dict):
            required = schema.get("required", [])
            for name, part in (schema.get("properties") or {}).items():
                field = _parameter({"name": name, "in": "formData", "schema": part})
                if name in required:
                    field["required"] = True
                parameters.append(field)
        elif media is not None:
            parameters.append(
                {"name": "body", "in": "body", "required": bool(body.get("required"))}
                | ({"schema": schema} if schema is not None else {})
            )
    if parameters:
        converted["parameters"] = parameters
    produced: list[str] = []
    responses: dict[str, Any] = {}
    for status, response in operation["responses"].items():
        written: dict[str, Any] = {"description": response.get("description", "")}
        content = response.get("content", {})
        produced += [m for m in content if m not in produced]
        _, schema = _first(content)
        if schema is not None:
            written["schema"] = schema
        if "headers" in response:
            written["headers"] = {
                name: _on_parameter(header.get("schema", {}))
                for name, header in response["headers"].items()
            }
        responses[status] = written
    if produced:
        converted["produces"] = produced
    converted["responses"] = responses
    return converted


def _first(content: dict[str, Any]) -> tuple[str | None, Any]:
    for media, entry in content.items():
        return media, entry.get("schema")
    return None, None


def _parameter(parameter: dict[str, Any]) -> dict[str, Any]:
    converted = {k: v for k, v in parameter.items() if k not in ("schema", "style", "explode")}
    schema = parameter.get("schema", {})
    converted |= _on_parameter(schema)
    if converted.get("type") == "array" and "explode" in parameter:
        converted["collectionFormat"] = "multi" if parameter["explode"] else "csv"
    if converted["in"] == "formData" and schema.get("format") == "binary":
        converted["type"] = "file"
        converted.pop("format")
    return converted


def _on_parameter(schema: Any) -> dict[str, Any]:
    """A scalar or array schema as a parameter's own keys; anything else as a string."""
    if not isinstance(schema, dict) or schema.get("type") not in (
        "string",
        "integer",
        "number",
        "boolean",
        "array",
    ):
        return {"type": "string"}
    written = {k: schema[k] for k in _ON_PARAMETER if k in schema}
    if "items" in written:
        written["items"] = _on_parameter(written["items"])
    if schema.get("x-nullable"):
        written["x-nullable"] = True
    return written


def _security(scheme: dict[str, Any]) -> dict[str, Any]:
    if scheme.get("type") == "http":
        if scheme.get("scheme") == "basic":
            return {"type": "basic"}
        return {"type": "apiKey", "in": "header", "name": "Authorization"}
    if scheme.get("type") == "oauth2":
        flow = scheme["flows"]["clientCredentials"]
        return {
            "type": "oauth2",
            "flow": "application",
            "tokenUrl": flow["tokenUrl"],
            "scopes": flow["scopes"],
        }
    return scheme
