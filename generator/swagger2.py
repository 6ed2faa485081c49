"""Swagger 2.0 read as the OpenAPI 3.0 document it describes, every node traced to the 2.0 file.

No Python converter is kept up and small enough to depend on (prance converts by calling a
web service; swagger2openapi is JavaScript), and none says where each converted node came
from, which every diagnostic needs. So the conversion is here, as OpenAPI 3.0.3 defines the
2.0 constructs' equivalents:

- ``host``, ``basePath`` and ``schemes`` become ``servers`` (https first);
- ``consumes`` and ``produces`` (the operation's, else the document's) become the media types
  of request bodies and responses;
- a ``body`` parameter becomes the ``requestBody``; ``formData`` parameters become the
  properties of a form body: ``multipart/form-data`` when one is a ``type: file`` (a string of
  ``format: binary``) or ``consumes`` says so, else ``application/x-www-form-urlencoded``;
- ``definitions``, ``parameters`` (a shared body parameter becomes one of
  ``requestBodies``) and ``responses`` move under ``components``, and every ``$ref`` follows;
- ``securityDefinitions`` become ``securitySchemes`` (``basic`` is HTTP basic; the OAuth 2
  flows take their 3.0 names);
- ``collectionFormat`` becomes ``style`` and ``explode``; ``x-nullable`` becomes ``nullable``;
- a response's ``schema``, ``headers`` and ``examples`` move into its content and headers.

What has no 3.0 equivalent is a located warning and the closest reading.
"""

from __future__ import annotations

import copy
from typing import Any

from .errors import Diagnostic, Severity
from .load import Document, escape_pointer_token, is_example_data, ref_pointer

OPENAPI_VERSION = "3.0.3"
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch")
_FORMS = ("multipart/form-data", "application/x-www-form-urlencoded")
_JSON = "application/json"
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
_QUERY_STYLES = {
    "csv": ("form", False),
    "multi": ("form", True),
    "ssv": ("spaceDelimited", False),
    "pipes": ("pipeDelimited", False),
}
# Top-level fields that 2.0 has and 3.0 has not, or has elsewhere.
_TOP_LEVEL_2_0 = frozenset(
    {
        "swagger",
        "host",
        "basePath",
        "schemes",
        "consumes",
        "produces",
        "paths",
        "definitions",
        "parameters",
        "responses",
        "securityDefinitions",
    }
)
# Fields of a 2.0 non-body parameter that 3.0 reads elsewhere (or not at all).
_PARAMETER_2_0 = frozenset({*_SCHEMA_FIELDS, "collectionFormat", "x-nullable"})
_OAUTH2_FLOWS = {
    "implicit": ("implicit", ("authorizationUrl",)),
    "password": ("password", ("tokenUrl",)),
    "application": ("clientCredentials", ("tokenUrl",)),
    "accessCode": ("authorizationCode", ("authorizationUrl", "tokenUrl")),
}


def is_swagger2(data: Any) -> bool:
    # `swagger: 2.0` unquoted is a number to YAML.
    return isinstance(data, dict) and str(data.get("swagger")) == "2.0"


def convert_swagger2(document: Document) -> Document:
    """The OpenAPI 3.0 reading of a Swagger 2.0 document; its ``where`` names the 2.0 file's
    lines, and its pointers the 2.0 document's, which an overlay targets."""
    converter = _Converter(document)
    data = converter.convert()
    return Document(
        data,
        document.file,
        document.positions,
        document.warnings + tuple(converter.warnings),
        converter.origins,
    )


def _pointer(*tokens: str | int) -> str:
    return "".join(f"/{escape_pointer_token(str(t))}" for t in tokens)


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _media_types(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


class _Converter:
    def __init__(self, document: Document) -> None:
        self.doc = document
        self.src: dict[str, Any] = document.data
        # Converted pointer -> the 2.0 pointer its subtree came from (Document.origins).
        self.origins: dict[str, str] = {}
        self.warnings: list[Diagnostic] = []
        self.consumes = _media_types(self.src.get("consumes"))
        self.produces = _media_types(self.src.get("produces"))
        # Shared body parameters, which become components/requestBodies.
        self.shared_bodies: set[str] = set()

    def moved(self, converted: str, source: str) -> None:
        if converted != source:
            self.origins[converted] = source

    def warn(self, code: str, message: str, source: str, hint: str = "") -> None:
        self.warnings.append(
            Diagnostic(code, Severity.WARNING, message, self.doc.where(source), hint)
        )

    def convert(self) -> dict[str, Any]:
        src = self.src
        out: dict[str, Any] = {"openapi": OPENAPI_VERSION}
        self.moved("/openapi", "/swagger")
        for key, value in src.items():
            if key not in _TOP_LEVEL_2_0:
                out[key] = copy.deepcopy(value)  # 3.0's own, or for the 3.0 validation to name
        servers = self.servers(src.get("schemes"), "")
        if servers:
            out["servers"] = servers
        components = self.components()
        out["paths"] = self.paths(_mapping(src.get("paths")))
        if not isinstance(src.get("paths"), dict) and "paths" in src:
            out["paths"] = copy.deepcopy(src["paths"])  # the 3.0 validation says what it is
        if components:
            out["components"] = components
        self.rewrite_refs(out, "")
        return out

    # Servers

    def servers(self, schemes: Any, at: str) -> list[dict[str, Any]]:
        """The servers of the document (``at`` is "") or of an operation with ``schemes``."""
        host, base = self.src.get("host"), self.src.get("basePath")
        host = host if isinstance(host, str) else ""
        base = base if isinstance(base, str) else ""
        if not host and not base:
            return []
        names = [s for s in schemes if isinstance(s, str)] if isinstance(schemes, list) else []
        http = [s for s in names if s in ("https", "http")]
        # The first server is the client's default: https, where the API offers it.
        http.sort(key=lambda s: s != "https")
        source = "/host" if host else "/basePath"
        if not host:
            http = [""]  # a URL relative to where the document is served
        elif not http:
            if names:
                self.warn(
                    "swagger2-scheme",
                    f"no HTTP scheme among {names}: read as https",
                    f"{at}/schemes",
                )
            http = ["https"]
        path = base.rstrip("/")
        servers = []
        for index, scheme in enumerate(http):
            url = f"{scheme}://{host}{path}" if host else path or "/"
            servers.append({"url": url})
            prefix = f"{at}/servers/{index}" if at else f"/servers/{index}"
            self.moved(prefix, f"{at}/schemes/{names.index(scheme)}" if at else source)
        self.moved(f"{at}/servers" if at else "/servers", f"{at}/schemes" if at else source)
        return servers

    # Components

    def components(self) -> dict[str, Any]:
        src = self.src
        components: dict[str, Any] = {}
        definitions = src.get("definitions")
        if isinstance(definitions, dict):
            components["schemas"] = {
                name: self.schema(value, _pointer("definitions", name))
                for name, value in definitions.items()
            }
            self.moved("/components/schemas", "/definitions")
        parameters: dict[str, Any] = {}
        bodies: dict[str, Any] = {}
        for name, value in _mapping(src.get("parameters")).items():
            at = _pointer("parameters", name)
            where = value.get("in") if isinstance(value, dict) else None
            if where == "body":
                self.shared_bodies.add(name)
                bodies[name] = self.body(value, at, _pointer("components", "requestBodies", name))
            elif where != "formData":  # a form field: part of each body that refers to it
                converted = _pointer("components", "parameters", name)
                parameters[name] = self.parameter(value, at, converted)
        if parameters:
            components["parameters"] = parameters
        if bodies:
            components["requestBodies"] = bodies
        responses = src.get("responses")
        if isinstance(responses, dict):
            components["responses"] = {
                name: self.response(
                    value, _pointer("responses", name), _pointer("components", "responses", name)
                )
                for name, value in responses.items()
            }
            self.moved("/components/responses", "/responses")
        schemes = src.get("securityDefinitions")
        if isinstance(schemes, dict):
            components["securitySchemes"] = {
                name: self.security_scheme(value, _pointer("securityDefinitions", name))
                for name, value in schemes.items()
            }
            self.moved("/components/securitySchemes", "/securityDefinitions")
        return components

    def security_scheme(self, value: Any, at: str) -> Any:
        if not isinstance(value, dict):
            return copy.deepcopy(value)
        kind = value.get("type")
        out: dict[str, Any] = {
            k: copy.deepcopy(v) for k, v in value.items() if k == "description" or k[:2] == "x-"
        }
        converted = "/components/securitySchemes" + at[len("/securityDefinitions") :]
        if kind == "basic":
            out.update(type="http", scheme="basic")
            self.moved(f"{converted}/scheme", f"{at}/type")
        elif kind == "apiKey":
            out.update(type="apiKey", name=value.get("name"), **{"in": value.get("in")})
        elif kind == "oauth2":
            flow = value.get("flow")
            name, urls = _OAUTH2_FLOWS.get(str(flow), (str(flow), ()))
            flow_out: dict[str, Any] = {u: value[u] for u in urls if u in value}
            flow_out["scopes"] = copy.deepcopy(value.get("scopes", {}))
            out.update(type="oauth2", flows={name: flow_out})
            self.moved(f"{converted}/flows", at)
            self.moved(f"{converted}/flows/{escape_pointer_token(name)}", at)
        else:
            return copy.deepcopy(value)  # the 3.0 validation says what is wrong
        return out

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

    # Parameters and bodies

    def parameter(self, value: Any, at: str, converted: str) -> Any:
        """A 2.0 query, header or path parameter (at ``at``) as the 3.0 parameter at
        ``converted``."""
        self.moved(converted, at)
        if not isinstance(value, dict) or "$ref" in value:
            return copy.deepcopy(value)
        out: dict[str, Any] = {
            k: copy.deepcopy(v) for k, v in value.items() if k not in _PARAMETER_2_0
        }
        out["schema"] = self.value_schema(value, at)
        self.moved(f"{converted}/schema", at)
        if value.get("type") == "array":
            self.collection_format(value, at, converted, out)
        return out

    def collection_format(
        self, value: dict[str, Any], at: str, converted: str, out: dict[str, Any]
    ) -> None:
        how = value.get("collectionFormat", "csv")
        location = value.get("in")
        self.moved(f"{converted}/style", f"{at}/collectionFormat")
        self.moved(f"{converted}/explode", f"{at}/collectionFormat")
        if location == "query":
            style, explode = _QUERY_STYLES.get(str(how), ("form", False))
            if how not in _QUERY_STYLES:
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
                f"collectionFormat {how!r} of a {location} parameter has no OpenAPI 3 style: "
                "read as csv (comma-separated)",
                f"{at}/collectionFormat",
                "an overlay can set the collectionFormat the API reads",
            )
        out["style"], out["explode"] = "simple", False

    def resolve_parameter(self, value: Any) -> tuple[Any, str | None]:
        """A parameter, through its ``$ref`` to the document's parameters: (parameter, the
        name it is shared under, or None)."""
        if isinstance(value, dict) and isinstance(value.get("$ref"), str):
            target = ref_pointer(value["$ref"])
            tokens = (target or "").split("/")
            if len(tokens) == 3 and tokens[1] == "parameters":
                name = tokens[2].replace("~1", "/").replace("~0", "~")
                shared = _mapping(self.src.get("parameters")).get(name)
                if shared is not None:
                    return shared, name
        return value, None

    def body(self, value: dict[str, Any], at: str, converted: str, consumes: Any = None) -> Any:
        """A body parameter as the request body at ``converted``."""
        self.moved(converted, at)
        types = consumes or self.consumes or [_JSON]
        out: dict[str, Any] = {
            k: copy.deepcopy(v) for k, v in value.items() if k not in ("name", "in", "schema")
        }
        content = {}
        self.moved(f"{converted}/content", at)
        for media_type in types:
            at_type = f"{converted}/content/{escape_pointer_token(media_type)}"
            content[media_type] = {"schema": self.schema(value.get("schema", {}), f"{at}/schema")}
            self.moved(at_type, at)
            self.moved(f"{at_type}/schema", f"{at}/schema")
        out["content"] = content
        return out

    def form(
        self, fields: list[tuple[dict[str, Any], str]], consumes: list[str], converted: str
    ) -> dict[str, Any]:
        """formData parameters (each with where it is) as a form body at ``converted``."""
        has_file = any(f.get("type") == "file" for f, _ in fields)
        declared = [t for t in consumes if t in _FORMS]
        if has_file:
            types = ["multipart/form-data"]
            if declared and "multipart/form-data" not in declared:
                self.warn(
                    "swagger2-form-file",
                    f"a file field needs multipart/form-data; consumes says {declared}: "
                    "read as multipart/form-data",
                    fields[0][1],
                )
        else:
            types = declared or ["application/x-www-form-urlencoded"]
        self.moved(converted, fields[0][1])
        schema: dict[str, Any] = {"type": "object", "properties": {}}
        required = []
        encoding: dict[str, Any] = {}
        for field, at in fields:
            name = str(field.get("name", ""))
            prop = self.value_schema(field, at)
            if "description" in field:
                prop["description"] = copy.deepcopy(field["description"])
            schema["properties"][name] = prop
            if field.get("required") is True:
                required.append(name)
            how = field.get("collectionFormat", "csv")
            if field.get("type") == "array" and how != "multi":
                style, explode = _QUERY_STYLES.get(str(how), ("form", False))
                encoding[name] = {"style": style, "explode": explode}
        if required:
            schema["required"] = required
        content = {}
        self.moved(f"{converted}/content", fields[0][1])
        for media_type in types:
            entry: dict[str, Any] = {"schema": copy.deepcopy(schema)}
            at_type = f"{converted}/content/{escape_pointer_token(media_type)}"
            self.moved(at_type, fields[0][1])
            self.moved(f"{at_type}/schema", fields[0][1])
            for (_, at), name in zip(fields, schema["properties"], strict=True):
                self.moved(f"{at_type}/schema/properties/{escape_pointer_token(name)}", at)
                if name in encoding:
                    self.moved(f"{at_type}/encoding/{escape_pointer_token(name)}", at)
            if encoding and media_type == "application/x-www-form-urlencoded":
                entry["encoding"] = copy.deepcopy(encoding)
            content[media_type] = entry
        out: dict[str, Any] = {"content": content}
        if required:
            out["required"] = True
        return out

    # Paths and operations

    def paths(self, paths: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for path, item in paths.items():
            at = _pointer("paths", path)
            if not isinstance(item, dict):
                out[path] = copy.deepcopy(item)
                continue
            shared = item.get("parameters")
            shared_list = shared if isinstance(shared, list) else []
            converted: dict[str, Any] = {}
            for key, value in item.items():
                if key in _METHODS:
                    converted[key] = self.operation(
                        value, f"{at}/{key}", shared_list, f"{at}/parameters"
                    )
                elif key == "parameters" and isinstance(value, list):
                    kept = self.parameters(value, f"{at}/parameters", f"{at}/parameters")
                    if kept:
                        converted[key] = kept
                else:
                    converted[key] = copy.deepcopy(value)
            out[path] = converted
        return out

    def parameters(self, values: list[Any], at: str, converted: str) -> list[Any]:
        """The query, header and path parameters of a list (bodies are taken apart)."""
        out: list[Any] = []
        for index, value in enumerate(values):
            resolved, shared = self.resolve_parameter(value)
            if isinstance(resolved, dict) and resolved.get("in") in ("body", "formData"):
                continue
            here = f"{converted}/{len(out)}"
            if shared is not None:
                out.append({"$ref": f"#/components/parameters/{escape_pointer_token(shared)}"})
                self.moved(here, f"{at}/{index}")
            else:
                out.append(self.parameter(value, f"{at}/{index}", here))
        return out

    def operation(self, value: Any, at: str, shared: list[Any], shared_at: str) -> Any:
        if not isinstance(value, dict):
            return copy.deepcopy(value)
        consumes = _media_types(value.get("consumes")) or self.consumes
        produces = _media_types(value.get("produces")) or self.produces
        out: dict[str, Any] = {}
        for key, item in value.items():
            if key == "parameters" and isinstance(item, list):
                kept = self.parameters(item, f"{at}/parameters", f"{at}/parameters")
                if kept:
                    out["parameters"] = kept
            elif key == "responses" and isinstance(item, dict):
                out["responses"] = {
                    code: self.operation_response(
                        response, f"{at}/responses/{escape_pointer_token(code)}", produces
                    )
                    for code, response in item.items()
                }
            elif key == "schemes":
                servers = self.servers(item, at)
                if servers:
                    out["servers"] = servers
            elif key not in ("consumes", "produces"):
                out[key] = copy.deepcopy(item)
        body = self.request_body(value, at, shared, shared_at, consumes)
        if body is not None:
            out["requestBody"] = body
        return out

    def request_body(
        self,
        operation: dict[str, Any],
        at: str,
        shared: list[Any],
        shared_at: str,
        consumes: list[str],
    ) -> Any:
        """The operation's body and form fields (its own over its path's, by name)."""
        found: dict[tuple[str, str], tuple[Any, dict[str, Any], str, str | None]] = {}
        own = operation.get("parameters")
        for values, base in (
            (shared, shared_at),
            (own if isinstance(own, list) else [], f"{at}/parameters"),
        ):
            for index, value in enumerate(values):
                resolved, name = self.resolve_parameter(value)
                if isinstance(resolved, dict) and resolved.get("in") in ("body", "formData"):
                    key = (str(resolved["in"]), str(resolved.get("name", "")))
                    # A shared body keeps its name: it is one of components/requestBodies.
                    source = f"{base}/{index}" if name is None else _pointer("parameters", name)
                    found[key] = (value, resolved, source, name)
        bodies = [v for k, v in found.items() if k[0] == "body"]
        fields = [(v[1], v[2]) for k, v in found.items() if k[0] == "formData"]
        converted = f"{at}/requestBody"
        if bodies:
            if fields:
                self.warn(
                    "swagger2-body-and-form",
                    "an operation with a body parameter cannot also have formData "
                    "parameters: the form fields are ignored",
                    fields[0][1],
                    "remove them, or the body, in an overlay",
                )
            _, resolved, source, name = bodies[-1]
            if name is not None and consumes == self.consumes:
                # The shared body reads the document's consumes: it is the same body.
                self.moved(converted, source)
                return {"$ref": f"#/components/requestBodies/{escape_pointer_token(name)}"}
            return self.body(resolved, source, converted, consumes)
        if fields:
            return self.form(fields, consumes, converted)
        return None

    # Responses

    def operation_response(self, value: Any, at: str, produces: list[str]) -> Any:
        if isinstance(value, dict) and isinstance(value.get("$ref"), str):
            target = ref_pointer(value["$ref"]) or ""
            tokens = target.split("/")
            if len(tokens) == 3 and tokens[1] == "responses" and produces != self.produces:
                # The shared response reads the document's produces; this operation's
                # differ, so it gets a copy with its own.
                shared = _mapping(self.src.get("responses")).get(
                    tokens[2].replace("~1", "/").replace("~0", "~")
                )
                if isinstance(shared, dict):
                    return self.response(shared, target, at, produces)
            return copy.deepcopy(value)
        return self.response(value, at, at, produces)

    def response(
        self, value: Any, at: str, converted: str, produces: list[str] | None = None
    ) -> Any:
        """A 2.0 response (at ``at``) as the 3.0 response at ``converted``."""
        self.moved(converted, at)
        if not isinstance(value, dict) or "$ref" in value:
            return copy.deepcopy(value)
        types = produces if produces is not None else self.produces
        out: dict[str, Any] = {
            k: copy.deepcopy(v)
            for k, v in value.items()
            if k not in ("schema", "headers", "examples")
        }
        out.setdefault("description", "")
        schema = value.get("schema")
        examples = _mapping(value.get("examples"))
        content: dict[str, Any] = {}
        if schema is not None:
            is_file = isinstance(schema, dict) and schema.get("type") == "file"
            if is_file:
                # A file is bytes whatever the API says it produces; JSON cannot carry it.
                types = [t for t in types if "json" not in t] or ["application/octet-stream"]
            else:
                types = types or [_JSON]
            self.moved(f"{converted}/content", f"{at}/schema")
            for media_type in types:
                entry: dict[str, Any] = {"schema": self.schema(schema, f"{at}/schema")}
                at_type = f"{converted}/content/{escape_pointer_token(media_type)}"
                self.moved(at_type, f"{at}/schema")
                self.moved(f"{at_type}/schema", f"{at}/schema")
                if media_type in examples:
                    entry["example"] = copy.deepcopy(examples[media_type])
                    example_at = f"{at}/examples/{escape_pointer_token(media_type)}"
                    self.moved(f"{at_type}/example", example_at)
                content[media_type] = entry
            out["content"] = content
        for media_type in examples:
            if media_type not in content:
                self.warn(
                    "swagger2-example-media-type",
                    f"an example for {media_type}, which the response is not produced as: "
                    "ignored",
                    f"{at}/examples/{escape_pointer_token(media_type)}",
                )
        headers = value.get("headers")
        if isinstance(headers, dict):
            out["headers"] = {}
            for name, header in headers.items():
                header_at = f"{at}/headers/{escape_pointer_token(name)}"
                header_converted = f"{converted}/headers/{escape_pointer_token(name)}"
                if not isinstance(header, dict):
                    out["headers"][name] = copy.deepcopy(header)
                    continue
                entry = {"schema": self.value_schema(header, header_at)}
                self.moved(f"{header_converted}/schema", header_at)
                if "description" in header:
                    entry["description"] = copy.deepcopy(header["description"])
                out["headers"][name] = entry
        return out

    # References

    def rewrite_refs(self, node: Any, pointer: str) -> None:
        """Point every ``$ref`` at where its target is now. Examples are data: skipped."""
        moved = {source: converted for converted, source in reversed(list(self.origins.items()))}
        moved.update(
            {
                "/definitions": "/components/schemas",
                "/responses": "/components/responses",
                "/securityDefinitions": "/components/securitySchemes",
            }
        )
        for name in _mapping(self.src.get("parameters")):
            kind = "requestBodies" if name in self.shared_bodies else "parameters"
            moved[_pointer("parameters", name)] = _pointer("components", kind, name)
        stack = [(node, pointer)]
        while stack:
            item, at = stack.pop()
            if isinstance(item, dict):
                ref = item.get("$ref")
                target = ref_pointer(ref) if isinstance(ref, str) else None
                if target:
                    probe = target
                    while probe:
                        if probe in moved:
                            item["$ref"] = "#" + moved[probe] + target[len(probe) :]
                            break
                        probe = probe.rsplit("/", 1)[0]
                stack.extend(
                    (value, f"{at}/{escape_pointer_token(key)}")
                    for key, value in item.items()
                    if not is_example_data(at, key, value)
                )
            elif isinstance(item, list):
                stack.extend((value, f"{at}/{index}") for index, value in enumerate(item))
