"""Paths and operations: parameters, request bodies and forms, responses, and an operation's
own servers."""

from __future__ import annotations

import copy
from typing import Any

from ...core.errors import quote_value
from ..load import escape_pointer_token, ref_pointer
from .values import QUERY_STYLES, Values, mapping, media_types, pointer

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch")
_FORMS = ("multipart/form-data", "application/x-www-form-urlencoded")
_JSON = "application/json"


class Operations(Values):
    """Converts paths and operations, and what they are made of."""

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
        host = host.rstrip("/")
        path = "/" + base.strip("/") if base.strip("/") else ""
        servers = []
        for index, scheme in enumerate(http):
            url = f"{scheme}://{host}{path}" if host else path or "/"
            servers.append({"url": url})
            prefix = f"{at}/servers/{index}" if at else f"/servers/{index}"
            # An operation's server comes from its scheme, where one of its schemes is it.
            given = f"{at}/schemes/{names.index(scheme)}" if scheme in names else f"{at}/schemes"
            self.moved(prefix, given if at else source)
        self.moved(f"{at}/servers" if at else "/servers", f"{at}/schemes" if at else source)
        return servers

    # Parameters and bodies

    def resolve_parameter(self, value: Any) -> tuple[Any, str | None]:
        """A parameter, through its ``$ref`` to the document's parameters: (parameter, the
        name it is shared under, or None)."""
        if isinstance(value, dict) and isinstance(value.get("$ref"), str):
            target = ref_pointer(value["$ref"])
            tokens = (target or "").split("/")
            if len(tokens) == 3 and tokens[1] == "parameters":
                name = tokens[2].replace("~1", "/").replace("~0", "~")
                shared = mapping(self.src.get("parameters")).get(name)
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
                style, explode = QUERY_STYLES.get(str(how), ("form", False))
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
            at = pointer("paths", path)
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
        consumes = media_types(value.get("consumes")) or self.consumes
        produces = media_types(value.get("produces")) or self.produces
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
                    source = f"{base}/{index}" if name is None else pointer("parameters", name)
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
                shared = mapping(self.src.get("responses")).get(
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
        examples = mapping(value.get("examples"))
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
                    (
                        f"an example for {quote_value(media_type)}, which the response is not "
                        "produced as: ignored"
                        if content
                        else "an example of a response without a schema, which has no body "
                        "in 2.0: ignored"
                    ),
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
