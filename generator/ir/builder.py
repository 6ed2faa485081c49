"""Building the IR from a validated document: operations with their parameters, bodies,
responses, annotations and security; inline object schemas hoisted into named models."""

from __future__ import annotations

import json
from typing import Any

from ..errors import SourceRef
from ..load import Document, escape_pointer_token, follow_refs, ref_pointer
from ..names import (
    Identifier,
    PyCode,
    client_name,
    dedupe,
    parameter_name,
    pascal_case,
    py_str,
    snake_case,
)
from ..operation_names import operation_names
from ..runtime.errors import status_error_class
from ..validate import IGNORED_BODY_METHODS, IGNORED_HEADER_PARAMETERS, iter_operations
from .resources import RUNTIME_EXPORTS, group_resources, package_exports, resource_names
from .schemas import (
    aliases,
    canonical_json,
    component_name,
    is_model_shape,
    json_text,
    model_fields,
    non_ascii_field_names,
    prepare_schema,
)
from .types import (
    FORM_MEDIA_TYPE,
    Api,
    ModelSchema,
    Operation,
    Parameter,
    RequestBody,
    Response,
    SecurityScheme,
)

_IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})
_REASONS = {
    400: "BadRequest",
    401: "Unauthorized",
    403: "Forbidden",
    404: "NotFound",
    409: "Conflict",
    422: "UnprocessableEntity",
    429: "TooManyRequests",
}


def build_ir(document: Document, vendor: str, spec_file: str) -> Api:
    return _Builder(document, vendor, spec_file).build()


class _Builder:
    def __init__(self, document: Document, vendor: str, spec_file: str) -> None:
        self.doc = document
        self.data: dict[str, Any] = document.data
        self.vendor = vendor
        self.spec_file = spec_file
        components = self.data.get("components", {})
        self.component_schemas: dict[str, Any] = dict(components.get("schemas", {}) or {})
        # Component names become class names: a schema referenced as X is class pascal(X).
        # Generated code refers to models as `models.X`, so a model's name shadows nothing.
        override = (document.data.get("info") or {}).get("x-python-name")
        title = str((document.data.get("info") or {}).get("title", ""))
        self.client = (
            pascal_case(override) if isinstance(override, str) else client_name(vendor, title)
        )
        self.names = operation_names(
            self.data, [(p, m, o) for p, m, o, _ in iter_operations(self.data)]
        )
        self.resource_of, self.resources, self.method_of = resource_names(self.data, self.names)
        names = [pascal_case(n) for n in sorted(self.component_schemas)]
        # `updateOrderTimeRequest` beside `UpdateOrderTimeRequest` (Just Eat): the second is
        # UpdateOrderTimeRequest2, spelt as the model tool spells classes (it drops a `_`).
        self.class_names = dict(
            zip(sorted(self.component_schemas), dedupe(names, separator=""), strict=True)
        )
        # A schema that only names another (Asana's `UserBase: {$ref: UserCompact}`) is that
        # model: as a wrapper of it, models extending it would lose its fields.
        self.aliases = aliases(self.component_schemas)
        self.class_names.update({a: self.class_names[t] for a, t in self.aliases.items()})
        self.schemes = self._security_schemes()
        self.hoisted: dict[str, Any] = {}
        self.hoisted_at: dict[str, SourceRef] = {}
        self.at = SourceRef(spec_file)  # the operation being built
        self.used: set[str] = set()

    def build(self) -> Api:
        info = self.data.get("info", {})
        operations: list[Operation] = []
        uses: dict[Identifier, frozenset[str]] = {}
        for args in iter_operations(self.data):
            self.used = set()
            operations.append(self._operation(*args))
            uses[operations[-1].full_name] = frozenset(self.used)
        models = [
            ModelSchema(
                self.class_names[name],
                canonical_json(prepare_schema(schema, self.class_names, self.data)),
                model_fields(schema),
                self.doc.where(f"/components/schemas/{escape_pointer_token(name)}"),
            )
            for name, schema in self.component_schemas.items()
            if name not in self.aliases
        ]
        models += [
            ModelSchema(
                Identifier(n),
                canonical_json(prepare_schema(s, self.class_names, self.data)),
                model_fields(s),
                self.hoisted_at[n],
            )
            for n, s in self.hoisted.items()
        ]
        client = self.client
        kinds = {s.kind for s in self.schemes}
        auth_classes = {"bearer": "BearerAuth", "basic": "BasicAuth", "api_key": "ApiKeyAuth"}
        return Api(
            vendor=Identifier(self.vendor),
            spec_file=self.spec_file,
            client_name=client,
            title=str(info.get("title", self.vendor)),
            description=str(info.get("description", "")),
            version=str(info.get("version", "")),
            base_url=self._base_url(),
            security_schemes=self.schemes,
            operations=tuple(operations),
            resources=group_resources(
                self.data, operations, uses, self.resource_of, self.resources
            ),
            models=tuple(sorted(models, key=lambda m: m.name)),
            user_agent=f"{self.vendor}-python/{info.get('version', '0')} (generated; httpx)",
            auth_imports=tuple(Identifier(auth_classes[k]) for k in sorted(kinds)),
            exports=package_exports(client),
            runtime_exports=tuple(Identifier(n) for n in RUNTIME_EXPORTS),
            field_names=non_ascii_field_names([json.loads(m.schema_json) for m in models]),
        )

    def _base_url(self) -> str:
        servers = self.data.get("servers") or [{"url": ""}]
        server = servers[0]
        url = str(server.get("url", ""))
        for name, variable in (server.get("variables") or {}).items():
            url = url.replace("{" + name + "}", str(variable.get("default", "")))
        return url.rstrip("/")

    def _security_schemes(self) -> tuple[SecurityScheme, ...]:
        raw = self.data.get("components", {}).get("securitySchemes", {}) or {}
        names = dedupe([snake_case(n) for n in sorted(raw)])
        schemes = []
        for name, py_name in zip(sorted(raw), names, strict=True):
            scheme, _ = follow_refs(self.data, raw[name], "")
            description = str(scheme.get("description", ""))
            http = str(scheme.get("scheme", "")).lower()
            if scheme.get("type") == "http" and http == "bearer":
                schemes.append(SecurityScheme(name, py_name, "bearer", description))
            elif scheme.get("type") == "http" and http == "basic":
                hashing = str(scheme.get("x-password-hash", ""))
                schemes.append(
                    SecurityScheme(name, py_name, "basic", description, password_hash=hashing)
                )
            elif scheme.get("type") == "apiKey":
                schemes.append(
                    SecurityScheme(
                        name,
                        py_name,
                        "api_key",
                        description,
                        api_key_name=str(scheme.get("name")),
                        api_key_location=str(scheme.get("in")),
                    )
                )
        return tuple(schemes)

    def _security(self, requirements: list[dict[str, Any]]) -> tuple[tuple[str, ...], ...]:
        """The alternatives the client can satisfy; one it cannot (OAuth 2, say) becomes a
        last, empty alternative: the caller sends those credentials in headers."""
        supported = {s.wire_name for s in self.schemes}
        usable = [tuple(sorted(r)) for r in requirements if set(r) <= supported]
        if len(usable) < len(requirements) and () not in usable:
            usable.append(())
        return tuple(usable)

    def _operation(self, path: str, method: str, raw: dict[str, Any], pointer: str) -> Operation:
        self.at = self.doc.where(pointer)
        name = self.names[(path, method)].name
        # A prefix of model names (`TrueRequest`): the `_` that keeps a reserved word such as
        # `True_` from being one belongs at the end of a name only.
        op_class = pascal_case(name).rstrip("_")
        parameters = self._parameters(path, raw, pointer)
        # A GET or HEAD body has no meaning (OpenAPI 3.0: consumers SHALL ignore it); Stripe
        # gives every GET an empty one.
        body = None if method in IGNORED_BODY_METHODS else self._request_body(raw, op_class)
        responses = self._responses(raw, op_class)
        successes = [r.annotation for r in responses if r.is_success and r.annotation is not None]
        security = self._security(raw.get("security", self.data.get("security")) or [])
        return Operation(
            wire_name=str(raw.get("operationId", "")),
            py_name=self.method_of[name],
            full_name=name,
            method=method.upper(),
            path=path,
            summary=str(raw.get("summary", "")),
            description=str(raw.get("description", "")),
            deprecated=bool(raw.get("deprecated", False)),
            idempotent=_idempotent(raw, method),
            idempotency_header=next(
                (
                    p.wire_name
                    for p in parameters
                    if p.location == "header" and _is_idempotency_key(p.wire_name)
                ),
                "",
            ),
            parameters=parameters,
            request_body=body,
            responses=responses,
            return_annotation=PyCode(" | ".join(dict.fromkeys(successes)) or "None"),
            security=security,
            where=self.doc.where(pointer),
        )

    def _parameters(self, path: str, raw: dict[str, Any], pointer: str) -> tuple[Parameter, ...]:
        path_item = self.data["paths"][path]
        merged: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
        item_pointer = pointer.rsplit("/", 1)[0]
        for base, params in (
            (item_pointer, path_item.get("parameters")),
            (pointer, raw.get("parameters")),
        ):
            for index, param in enumerate(params or []):
                resolved, _ = follow_refs(self.data, param, "")
                merged[(resolved["in"], resolved["name"])] = (
                    resolved,
                    f"{base}/parameters/{index}",
                )
        chosen = [
            (p, where)
            for (location, name), (p, where) in merged.items()
            if location != "cookie"
            and not (location == "header" and name.lower() in IGNORED_HEADER_PARAMETERS)
        ]
        names = dedupe([parameter_name(p) for p, _ in chosen])
        result = []
        for (param, where), py_name in zip(chosen, names, strict=True):
            schema = param.get("schema", {})
            default = schema.get("default") if isinstance(schema, dict) else None
            result.append(
                Parameter(
                    wire_name=param["name"],
                    py_name=py_name,
                    location=param["in"],
                    required=bool(param.get("required", False)) or param["in"] == "path",
                    annotation=self._annotation(schema, for_parameter=True),
                    description=str(param.get("description", "")),
                    default_doc="" if default is None else json.dumps(default),
                    where=self.doc.where(where),
                )
            )
        return tuple(result)

    def _request_body(self, raw: dict[str, Any], op_class: str) -> RequestBody | None:
        if "requestBody" not in raw:
            return None
        body, _ = follow_refs(self.data, raw["requestBody"], "")
        media_type, schema = _json_content(body)
        content = body.get("content") or {}
        encoding: dict[str, Any] = {}
        if not media_type and FORM_MEDIA_TYPE in content:
            media_type, schema = FORM_MEDIA_TYPE, content[FORM_MEDIA_TYPE].get("schema")
            encoding = content[FORM_MEDIA_TYPE].get("encoding") or {}
        annotation = self._model_or_annotation(schema, f"{op_class}Request")
        if annotation != "dict[str, Any]":
            # A plain mapping is accepted too, and sent as given.
            self._use("Any")
            annotation = PyCode(f"{annotation} | Mapping[str, Any]")
        return RequestBody(
            annotation=annotation,
            required=bool(body.get("required", False)),
            media_type=media_type,
            description=str(body.get("description", "")),
            deep_objects=tuple(
                sorted(
                    name
                    for name, how in encoding.items()
                    if isinstance(how, dict) and how.get("style") == "deepObject"
                )
            ),
        )

    def _responses(self, raw: dict[str, Any], op_class: str) -> tuple[Response, ...]:
        result = []
        responses = raw.get("responses", {}) or {}
        for status in sorted(responses):
            response, target = follow_refs(self.data, responses[status], "")
            _, schema = _json_content(response)
            code = int(status) if status.isdigit() else 0
            success = 200 <= code < 300 or status.upper() == "2XX"
            hoist_name: str
            if target.startswith("/components/responses/"):
                hoist_name = pascal_case(target.rsplit("/", 1)[1])
            elif success:
                hoist_name = f"{op_class}Response"
            else:
                hoist_name = f"{op_class}{_REASONS.get(code, f'Status{status}')}Error"
            annotation = None if schema is None else self._model_or_annotation(schema, hoist_name)
            result.append(
                Response(
                    status=status,
                    code=code,
                    description=str(response.get("description", "")),
                    annotation=annotation,
                    is_success=success,
                    exception=Identifier(status_error_class(code or 500).__name__),
                )
            )
        return tuple(result)

    def _model_or_annotation(self, schema: Any, hoist_name: str) -> PyCode:
        """A component's class; an inline object schema becomes a named model; else a plain type."""
        if isinstance(schema, dict) and "$ref" not in schema and is_model_shape(schema):
            return self._model(self._hoist(hoist_name, schema))
        return self._annotation(schema, for_parameter=False)

    def _model(self, name: str) -> PyCode:
        return PyCode(f"models.{name}")

    def _use(self, *names: str) -> PyCode:
        """Record that the resource module needs ``names``; return the first as code."""
        self.used.update(names)
        return PyCode(names[0])

    def _hoist(self, wanted: str, schema: Any) -> str:
        for existing, hoisted in self.hoisted.items():
            if hoisted == schema and existing.startswith(wanted):
                return existing  # a shared response component used by several statuses
        taken = set(self.class_names.values()) | set(self.hoisted)
        name, n = wanted, 1
        while name in taken:
            n += 1
            name = f"{wanted}{n}"
        self.hoisted[name] = schema
        self.hoisted_at[name] = self.at
        return name

    def _annotation(self, schema: Any, *, for_parameter: bool) -> PyCode:
        """A Python type for a schema used directly as a parameter or body (not via a model field)."""
        if not isinstance(schema, dict) or not schema:
            return self._use("Any")
        ref = schema.get("$ref")
        if isinstance(ref, str):
            target = ref_pointer(ref) or ""
            name = component_name(target)
            resolved, _ = follow_refs(self.data, schema, "")
            if name is not None and (is_model_shape(resolved) or "enum" in resolved):
                cls = self._model(self.class_names[name])
                if for_parameter and "enum" in resolved:
                    return PyCode(f"{cls} | {self._enum_literal(resolved)}")
                return cls
            return self._annotation(resolved, for_parameter=for_parameter)
        if "enum" in schema:
            return self._enum_literal(schema)
        if "const" in schema:
            return self._literal([schema["const"]])
        for key in ("anyOf", "oneOf"):
            if isinstance(schema.get(key), list):
                members = [self._annotation(s, for_parameter=for_parameter) for s in schema[key]]
                return PyCode(" | ".join(dict.fromkeys(members)))
        types = schema.get("type")
        if isinstance(types, list):
            members = [
                self._annotation({**schema, "type": t}, for_parameter=for_parameter) for t in types
            ]
            return PyCode(" | ".join(dict.fromkeys(members)))
        if types == "array":
            item = self._annotation(schema.get("items", {}), for_parameter=for_parameter)
            if for_parameter:
                self._use("Sequence")
                return PyCode(f"Sequence[{item}]")
            return PyCode(f"list[{item}]")
        if types == "object":
            self._use("Any")
            return PyCode("dict[str, Any]")
        scalar = {
            "string": "str",
            "integer": "int",
            "number": "float",
            "boolean": "bool",
            "null": "None",
        }
        return PyCode(scalar[str(types)]) if str(types) in scalar else self._use("Any")

    def _enum_literal(self, schema: dict[str, Any]) -> PyCode:
        values = schema["enum"]
        if schema.get("type") == "string":
            values = [json_text(v) for v in values]
        return self._literal(values)

    def _literal(self, values: list[Any]) -> PyCode:
        self._use("Literal")
        literals = [
            py_str(v) if isinstance(v, str) else PyCode(repr(v)) for v in values if v is not None
        ]
        text = f"Literal[{', '.join(literals)}]"
        return PyCode(f"{text} | None" if None in values else text)


def _idempotent(operation: dict[str, Any], method: str) -> bool:
    override = operation.get("x-idempotent")
    return override if isinstance(override, bool) else method.upper() in _IDEMPOTENT


def _is_idempotency_key(header: str) -> bool:
    return header.lower().replace("_", "-").removeprefix("x-") == "idempotency-key"


def _json_content(holder: dict[str, Any]) -> tuple[str, Any]:
    content = holder.get("content") or {}
    for media_type in sorted(content, key=lambda m: (not m.startswith("application/json"), m)):
        if "json" in media_type or media_type == "*/*":
            return media_type, (content[media_type] or {}).get("schema")
    return "", None
