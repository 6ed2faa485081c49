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

from ..load import Document, escape_pointer_token, is_example_data, ref_pointer
from .operations import Operations
from .values import mapping, pointer

OPENAPI_VERSION = "3.0.3"
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
_OAUTH2_FLOWS = {
    "implicit": ("implicit", ("authorizationUrl",)),
    "password": ("password", ("tokenUrl",)),
    "application": ("clientCredentials", ("tokenUrl",)),
    "accessCode": ("authorizationCode", ("authorizationUrl", "tokenUrl")),
}


def read_as_openapi3(document: Document) -> Document:
    """A Swagger 2.0 document as the OpenAPI 3.0 document it describes, its diagnostics still
    located in the 2.0 file; any other document as it is. After the overlay, which targets the
    document as published."""
    return convert_swagger2(document) if is_swagger2(document.data) else document


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


class _Converter(Operations):
    """The document: its top level, servers, components and references."""

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
        out["paths"] = self.paths(mapping(src.get("paths")))
        if not isinstance(src.get("paths"), dict) and "paths" in src:
            out["paths"] = copy.deepcopy(src["paths"])  # the 3.0 validation says what it is
        if components:
            out["components"] = components
        self.rewrite_refs(out, "")
        return out

    # Components

    def components(self) -> dict[str, Any]:
        src = self.src
        components: dict[str, Any] = {}
        definitions = src.get("definitions")
        if isinstance(definitions, dict):
            components["schemas"] = {
                name: self.schema(value, pointer("definitions", name))
                for name, value in definitions.items()
            }
            self.moved("/components/schemas", "/definitions")
        parameters: dict[str, Any] = {}
        bodies: dict[str, Any] = {}
        for name, value in mapping(src.get("parameters")).items():
            at = pointer("parameters", name)
            where = value.get("in") if isinstance(value, dict) else None
            if where == "body":
                self.shared_bodies.add(name)
                bodies[name] = self.body(value, at, pointer("components", "requestBodies", name))
            elif where != "formData":  # a form field: part of each body that refers to it
                converted = pointer("components", "parameters", name)
                parameters[name] = self.parameter(value, at, converted)
        if parameters:
            components["parameters"] = parameters
        if bodies:
            components["requestBodies"] = bodies
        responses = src.get("responses")
        if isinstance(responses, dict):
            components["responses"] = {
                name: self.response(
                    value, pointer("responses", name), pointer("components", "responses", name)
                )
                for name, value in responses.items()
            }
            self.moved("/components/responses", "/responses")
        schemes = src.get("securityDefinitions")
        if isinstance(schemes, dict):
            components["securitySchemes"] = {
                name: self.security_scheme(value, pointer("securityDefinitions", name))
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

    # References

    def rewrite_refs(self, node: Any, root: str) -> None:
        """Point every ``$ref`` at where its target is now. Examples are data: skipped."""
        moved = {source: converted for converted, source in reversed(list(self.origins.items()))}
        moved.update(
            {
                "/definitions": "/components/schemas",
                "/responses": "/components/responses",
                "/securityDefinitions": "/components/securitySchemes",
            }
        )
        for name in mapping(self.src.get("parameters")):
            kind = "requestBodies" if name in self.shared_bodies else "parameters"
            moved[pointer("parameters", name)] = pointer("components", kind, name)
        stack = [(node, root)]
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
