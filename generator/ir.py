"""The intermediate representation: everything a renderer needs, decided once, no spec dicts.

Model schemas are the one exception to "no raw spec": datamodel-code-generator
consumes JSON Schema, so each ``ModelSchema`` carries its schema as canonical
JSON text (immutable), already prepared for that tool.
"""

from __future__ import annotations

import copy
import json
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Literal

from .errors import SourceRef
from .load import Document, escape_pointer_token, follow_refs, ref_pointer, unescape_pointer_token
from .names import (
    Identifier,
    PyCode,
    client_name,
    dedupe,
    export_order,
    parameter_name,
    pascal_case,
    py_str,
    snake_case,
)
from .operation_names import Named, operation_names
from .readings import patterns_as_extras
from .runtime.errors import status_error_class
from .validate import IGNORED_BODY_METHODS, IGNORED_HEADER_PARAMETERS, iter_operations

Location = Literal["path", "query", "header", "cookie"]
AuthKind = Literal["bearer", "basic", "api_key"]

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


@dataclass(frozen=True, slots=True)
class SecurityScheme:
    wire_name: str
    py_name: Identifier
    kind: AuthKind
    description: str
    api_key_name: str = ""
    api_key_location: str = ""
    password_hash: str = ""


@dataclass(frozen=True, slots=True)
class Parameter:
    wire_name: str
    py_name: Identifier
    location: Location
    required: bool
    annotation: PyCode
    description: str
    default_doc: str
    where: SourceRef


@dataclass(frozen=True, slots=True)
class RequestBody:
    annotation: PyCode
    required: bool
    media_type: str
    description: str
    # Of a form-encoded body (Stripe, Twilio): the properties in style deepObject.
    deep_objects: tuple[str, ...] = ()

    @property
    def form(self) -> bool:
        """Sent form-encoded, not as JSON."""
        return self.media_type == _FORM


@dataclass(frozen=True, slots=True)
class Response:
    status: str
    code: int
    description: str
    annotation: PyCode | None
    is_success: bool
    exception: Identifier


@dataclass(frozen=True, slots=True)
class Operation:
    wire_name: str
    py_name: Identifier  # the method's name in its resource
    full_name: Identifier  # unique in the client; model names start with it
    method: str
    path: str
    summary: str
    description: str
    deprecated: bool
    # Safe to repeat: from the method, or the operation's x-idempotent extension.
    idempotent: bool
    # The wire name of the idempotency-key header the operation declares, if any.
    idempotency_header: str
    parameters: tuple[Parameter, ...]
    request_body: RequestBody | None
    responses: tuple[Response, ...]
    return_annotation: PyCode
    security: tuple[tuple[str, ...], ...]
    where: SourceRef

    @property
    def path_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "path")

    @property
    def keyword_parameters(self) -> tuple[Parameter, ...]:
        """Required ones first, so the signature reads in order of importance."""
        rest = [p for p in self.parameters if p.location != "path"]
        return tuple(sorted(rest, key=lambda p: not p.required))

    def located(self, location: str) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == location)

    @property
    def retry_needs_consent(self) -> bool:
        """Repeating it could apply it twice, so retries after sending need the caller's consent."""
        return not self.idempotent and not self.idempotency_header

    @property
    def error_responses(self) -> tuple[Response, ...]:
        return tuple(r for r in self.responses if not r.is_success)

    @property
    def code_annotations(self) -> tuple[PyCode, ...]:
        """Every annotation the method's code (not its docstring) contains."""
        body = (self.request_body.annotation,) if self.request_body else ()
        return (
            *(p.annotation for p in self.parameters),
            *body,
            self.return_annotation,
            *(r.annotation for r in self.documented_errors if r.annotation),
        )

    @property
    def documented_errors(self) -> tuple[Response, ...]:
        return tuple(r for r in self.error_responses if r.annotation is not None and r.code)


@dataclass(frozen=True, slots=True)
class ModelField:
    """A property as the spec describes it; nested inline objects appear as dotted paths."""

    path: str
    type: str
    required: bool


@dataclass(frozen=True, slots=True)
class ModelSchema:
    name: Identifier
    schema_json: str  # prepared for datamodel-code-generator
    fields: tuple[ModelField, ...]  # from the spec as written, for the surface snapshot
    where: SourceRef  # the schema, or the operation whose inline schema it is


@dataclass(frozen=True, slots=True)
class Resource:
    """The operations of one tag (or first path segment), reached as ``client.<py_name>``."""

    py_name: Identifier  # the client's attribute and the module's name
    class_name: Identifier  # <Name>Resource; Async<Name>Resource for the async client
    label: str  # the tag or path segment it is named after
    description: str
    operations: tuple[Operation, ...]
    # What its module uses, so that it imports exactly that. Models are referred to as
    # `models.X`, so they load on the first call that needs them, not with the resource.
    uses_models: bool
    typing_imports: tuple[Identifier, ...]
    omit_imports: tuple[Identifier, ...]

    @property
    def doc(self) -> str:
        if self.description.strip():
            return f"Operations on {self.label}: {self.description}"
        return f"Operations on {self.label}."


@dataclass(frozen=True, slots=True)
class Api:
    vendor: Identifier
    spec_file: str
    client_name: Identifier
    title: str
    description: str
    version: str
    base_url: str
    security_schemes: tuple[SecurityScheme, ...]
    operations: tuple[Operation, ...]
    resources: tuple[Resource, ...]
    models: tuple[ModelSchema, ...]
    user_agent: str
    auth_imports: tuple[Identifier, ...]
    exports: tuple[Identifier, ...]
    runtime_exports: tuple[Identifier, ...]
    # Property names that cannot be Python names as they are (non-ASCII: Python NFKC-normalises
    # identifiers, so `ª` would silently become `a`) and the ASCII names models use instead.
    field_names: tuple[tuple[str, Identifier], ...]


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
        self.resource_of, self.resources, self.method_of = _resource_names(self.data, self.names)
        names = [pascal_case(n) for n in sorted(self.component_schemas)]
        # `updateOrderTimeRequest` beside `UpdateOrderTimeRequest` (Just Eat): the second is
        # UpdateOrderTimeRequest2, spelt as the model tool spells classes (it drops a `_`).
        self.class_names = dict(
            zip(sorted(self.component_schemas), dedupe(names, separator=""), strict=True)
        )
        # A schema that only names another (Asana's `UserBase: {$ref: UserCompact}`) is that
        # model: as a wrapper of it, models extending it would lose its fields.
        self.aliases = _aliases(self.component_schemas)
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
                _canonical(self._prepare(schema)),
                _fields(schema),
                self.doc.where(f"/components/schemas/{escape_pointer_token(name)}"),
            )
            for name, schema in self.component_schemas.items()
            if name not in self.aliases
        ]
        models += [
            ModelSchema(Identifier(n), _canonical(self._prepare(s)), _fields(s), self.hoisted_at[n])
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
            resources=self._resources(operations, uses),
            models=tuple(sorted(models, key=lambda m: m.name)),
            user_agent=f"{self.vendor}-python/{info.get('version', '0')} (generated; httpx)",
            auth_imports=tuple(Identifier(auth_classes[k]) for k in sorted(kinds)),
            exports=_exports(client),
            runtime_exports=tuple(Identifier(n) for n in _RUNTIME_EXPORTS),
            field_names=_non_ascii_field_names([json.loads(m.schema_json) for m in models]),
        )

    def _resources(
        self,
        operations: list[Operation],
        uses: dict[Identifier, frozenset[str]],
    ) -> tuple[Resource, ...]:
        grouped: dict[Identifier, list[Operation]] = {}
        for op in operations:
            grouped.setdefault(self.resource_of[op.full_name], []).append(op)
        descriptions = {
            str(t.get("name")): str(t.get("description", ""))
            for t in self.data.get("tags") or []
            if isinstance(t, dict)
        }
        resources = []
        for py_name in sorted(grouped):
            ops = grouped[py_name]
            used = frozenset().union(*(uses[op.full_name] for op in ops))
            label, class_name = self.resources[py_name]
            resources.append(
                Resource(
                    py_name=py_name,
                    class_name=class_name,
                    label=label,
                    description=descriptions.get(label, ""),
                    operations=tuple(ops),
                    uses_models=any(
                        _MODEL_REFERENCE.search(annotation)
                        for op in ops
                        for annotation in op.code_annotations
                    ),
                    typing_imports=tuple(
                        Identifier(n) for n in sorted(used & {"Any", "Literal", "Sequence"})
                    ),
                    omit_imports=_omit_imports(ops),
                )
            )
        return tuple(resources)

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
        if not media_type and _FORM in content:
            media_type, schema = _FORM, content[_FORM].get("schema")
            encoding = content[_FORM].get("encoding") or {}
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
        if isinstance(schema, dict) and "$ref" not in schema and _is_model_shape(schema):
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
            name = _component_name(target)
            resolved, _ = follow_refs(self.data, schema, "")
            if name is not None and (_is_model_shape(resolved) or "enum" in resolved):
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
            values = [_json_text(v) for v in values]
        return self._literal(values)

    def _literal(self, values: list[Any]) -> PyCode:
        self._use("Literal")
        literals = [
            py_str(v) if isinstance(v, str) else PyCode(repr(v)) for v in values if v is not None
        ]
        text = f"Literal[{', '.join(literals)}]"
        return PyCode(f"{text} | None" if None in values else text)

    def _prepare(self, schema: Any) -> Any:
        """The schema as datamodel-code-generator should see it (decisions recorded here)."""
        prepared = copy.deepcopy(schema)
        _adjust(prepared, self.class_names, self.data)
        if isinstance(prepared, dict) and not _is_model_shape(prepared) and "enum" not in prepared:
            # A scalar or array schema becomes a RootModel, and the tool writes its default
            # raw on every field that refers to it (`consent: Consent = False`): mypy rejects
            # that, and an unset field is never sent anyway.
            prepared.pop("default", None)
        return prepared


# How generated annotations refer to a model (Builder._model).
_MODEL_REFERENCE = re.compile(r"\bmodels\.")

# Path segments that name a version or prefix rather than a resource.
_NOT_A_RESOURCE = re.compile(r"v\d+([._-]\d+)*|\d{4}-\d{2}-\d{2}|api|rest", re.IGNORECASE)


def _resource_names(data: dict[str, Any], names: dict[tuple[str, str], Named]) -> tuple[
    dict[Identifier, Identifier],
    dict[Identifier, tuple[str, Identifier]],
    dict[Identifier, Identifier],
]:
    """Each operation's resource, each resource's label and class name, and each operation's
    method name in its resource (all keyed by the operation's full name).

    An operation's resource is its ``x-python-resource``, else its first tag, else the first
    path segment that is neither a version nor a parameter. A tag that every operation
    shares groups nothing (Plaid tags all 329 operations ``plaid``), so then paths decide.
    """
    operations = list(iter_operations(data))
    tags = [
        next(iter(raw.get("tags") or []), None) if isinstance(raw.get("tags"), list) else None
        for _, _, raw, _ in operations
    ]
    shared = len(operations) > 1 and len(set(tags)) == 1
    resource_of: dict[Identifier, Identifier] = {}
    labels: dict[Identifier, str] = {}
    raws: dict[Identifier, dict[str, Any]] = {}
    for (path, method, raw, _), tag in zip(operations, tags, strict=True):
        override = raw.get("x-python-resource")
        if isinstance(override, str) and override.strip():
            label = override
        elif isinstance(tag, str) and tag.strip() and not shared:
            label = tag
        else:
            label = _path_label(path)
        py_name = snake_case(label)
        labels.setdefault(py_name, label)
        name = names[(path, method)].name
        resource_of[name] = py_name
        raws[name] = raw
    short = _without_common_prefix(list(labels))
    resource_of = {op: short[name] for op, name in resource_of.items()}
    labels = {short[name]: label for name, label in labels.items()}
    members: dict[Identifier, list[tuple[Identifier, dict[str, Any]]]] = {}
    for name, resource in resource_of.items():
        members.setdefault(resource, []).append((name, raws[name]))
    method_of = {
        name: short_name
        for resource, ops in members.items()
        for name, short_name in _method_names(resource, ops).items()
    }
    ordered = sorted(labels)
    class_names = dedupe([Identifier(f"{pascal_case(n)}Resource") for n in ordered])
    return (
        resource_of,
        {n: (labels[n], class_name) for n, class_name in zip(ordered, class_names, strict=True)},
        method_of,
    )


def _without_common_prefix(names: list[Identifier]) -> dict[Identifier, Identifier]:
    """Twilio tags every resource Api20100401...: the words all names share say nothing."""
    words = [n.split("_") for n in names]
    common = 0
    while len(names) > 1 and all(
        len(w) > common + 1 and w[common] == words[0][common] for w in words
    ):
        common += 1
    stripped = [snake_case("_".join(w[common:])) for w in words]
    if len(set(stripped)) < len(names):
        return {n: n for n in names}
    return dict(zip(names, stripped, strict=True))


def _method_names(
    resource: Identifier, operations: list[tuple[Identifier, dict[str, Any]]]
) -> dict[Identifier, Identifier]:
    """Method names without the resource's own words: ``client.repos.get`` for GitHub's
    ``repos/get``, ``client.customers.get_customer`` for Stripe's ``GetCustomersCustomer``.
    A name given with x-python-name, or one that shortened would collide or be reserved,
    stays whole."""
    words = resource.split("_")
    short: dict[Identifier, Identifier] = {}
    for name, raw in operations:
        parts = name.split("_")
        short[name] = name
        if isinstance(raw.get("x-python-name"), str):
            continue
        for at in (0, 1):
            if parts[at : at + len(words)] == words and len(parts) > len(words):
                short[name] = Identifier("_".join(parts[:at] + parts[at + len(words) :]))
                break
    taken = Counter(short.values())
    return {name: s if taken[s] == 1 and snake_case(s) == s else name for name, s in short.items()}


def _omit_imports(operations: list[Operation]) -> tuple[Identifier, ...]:
    """`Omit` types an optional argument; `omit` is its default, and the body of a call without one."""
    optional = any(not p.required for op in operations for p in op.parameters) or any(
        op.request_body is not None and not op.request_body.required for op in operations
    )
    bodiless = any(op.request_body is None for op in operations)
    return tuple(
        Identifier(n) for n, used in (("Omit", optional), ("omit", optional or bodiless)) if used
    )


def _path_label(path: str) -> str:
    for segment in path.split("/"):
        segment = segment.split(".")[0]  # Twilio's /Accounts/{Sid}/Calls.json
        if segment and "{" not in segment and not _NOT_A_RESOURCE.fullmatch(segment):
            return segment
    return "root"


# The runtime names a vendor package re-exports (beside its clients and `models`).
_RUNTIME_EXPORTS = (
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "MissingCredentialsError",
    "NotFoundError",
    "NotGiven",
    "Omit",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
    "omit",
)


def _exports(client: str) -> tuple[Identifier, ...]:
    names = [*_RUNTIME_EXPORTS, "models", f"{client}Client", f"Async{client}Client"]
    return tuple(Identifier(n) for n in export_order(names))


def _aliases(schemas: dict[str, Any]) -> dict[str, str]:
    """Schemas that are only a reference to another, and the schema each finally names."""
    prefix = "#/components/schemas/"

    def target(schema: Any) -> str | None:
        ref = schema.get("$ref") if isinstance(schema, dict) else None
        if isinstance(ref, str) and ref.startswith(prefix) and set(schema) <= _ALIAS_KEYS:
            return unescape_pointer_token(ref.removeprefix(prefix))
        return None

    found: dict[str, str] = {}
    for name, schema in schemas.items():
        seen = {name}
        final = target(schema)
        while final is not None and final in schemas and final not in seen:
            seen.add(final)
            if target(schemas[final]) is None:
                found[name] = final
                break
            final = target(schemas[final])
    return found


# What an alias may carry besides its reference: words about it, not constraints.
_ALIAS_KEYS = frozenset(["$ref", "description", "title"])


def _component_name(pointer: str) -> str | None:
    """The schema name of a pointer to a whole component schema, else None."""
    name = pointer.removeprefix("/components/schemas/")
    if name == pointer or "/" in name:
        return None
    return unescape_pointer_token(name)


def _adjust(
    node: Any, class_names: dict[str, Identifier], data: Any, inlining: frozenset[str] = frozenset()
) -> None:
    if isinstance(node, dict):
        _lift_nullable_discriminated_union(node)
        ref = node.get("$ref")
        target = ref_pointer(ref) if isinstance(ref, str) else None
        if target is not None and _component_name(target) is None and target not in inlining:
            # A reference into part of a schema, or outside components (`User/properties/id`,
            # a path's response): the tool sees only components, so the part is written here.
            resolved, _ = follow_refs(data, node, "")
            if isinstance(resolved, dict) and "$ref" not in resolved:
                del node["$ref"]
                node.update({k: v for k, v in copy.deepcopy(resolved).items() if k not in node})
                inlining = inlining | {target}
        elif target is not None and (name := _component_name(target)) is not None:
            # Models are keyed by their class names, so the tool names each class as we do.
            node["$ref"] = "#/components/schemas/" + escape_pointer_token(class_names[name])
            # A default beside a reference (Telnyx's `loop: {$ref: Loopcount, default: 1}`):
            # the tool writes it raw where the model is a RootModel, which mypy rejects, and
            # an unset field is never sent anyway.
            node.pop("default", None)
        patterns_as_extras(node)
        if isinstance(node.get("enum"), list) and None in node["enum"]:
            # `enum: [open, closed, null]`: the tool would make null a member of the enum
            # (NONE_TYPE_NONE); it is the absence of a value, as `nullable` says.
            node["enum"] = [v for v in node["enum"] if v is not None]
            node["nullable"] = True
        if node.get("type") == "string" and node.get("format") in ("email", "idn-email"):
            # EmailStr needs email-validator and rewrites the address; send what the caller gave.
            del node["format"]
        if node.get("format") == "password":
            # SecretStr is written to JSON as "**********": the request would lose the value.
            del node["format"]
        if isinstance(node.get("default"), str) and node.get("format") in _PARSED_FORMATS:
            # The tool would write the string itself as the default of a parsed type
            # (`url: AnyUrl = ""`), which mypy rejects; an unset field is never sent anyway.
            del node["default"]
        if node.get("type") == "string":
            # An unquoted YAML enum value (4.1, true) in a string schema: the string it spells.
            if isinstance(node.get("enum"), list):
                node["enum"] = [_json_text(v) for v in node["enum"]]
            if "default" in node:
                node["default"] = _json_text(node["default"])
        if node.get("format") in ("date-time", "date") and "pattern" in node:
            # A pattern on a parsed datetime makes pydantic raise TypeError on every value.
            del node["pattern"]
        if isinstance(node.get("description"), str):
            # The tool copies descriptions into docstrings line by line; trailing spaces
            # there would fail `ruff check` (W291) and mean nothing to a reader.
            node["description"] = "\n".join(
                line.rstrip() for line in node["description"].split("\n")
            )
        for key, value in node.items():
            if key not in ("example", "examples", "default", "enum", "const"):
                _adjust(value, class_names, data, inlining)
    elif isinstance(node, list):
        for value in node:
            _adjust(value, class_names, data, inlining)


# Formats the model tool parses into a type other than str.
_PARSED_FORMATS = frozenset(
    ["binary", "date", "date-time", "decimal", "duration", "ipv4", "ipv6", "time", "uri", "uuid"]
)


def _json_text(value: Any) -> Any:
    """A number or boolean as the JSON text that spells it (4.1 -> "4.1", True -> "true")."""
    return json.dumps(value) if isinstance(value, bool | int | float) else value


def _non_ascii_field_names(schemas: list[Any]) -> tuple[tuple[str, Identifier], ...]:
    found: set[str] = set()
    stack = list(schemas)
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            props = node.get("properties")
            if isinstance(props, dict):
                found.update(name for name in props if not name.isascii())
            stack.extend(
                v
                for k, v in node.items()
                if k not in ("example", "examples", "default", "enum", "const")
            )
        elif isinstance(node, list):
            stack.extend(node)
    return tuple((name, snake_case(name)) for name in sorted(found))


def _idempotent(operation: dict[str, Any], method: str) -> bool:
    override = operation.get("x-idempotent")
    return override if isinstance(override, bool) else method.upper() in _IDEMPOTENT


def _is_idempotency_key(header: str) -> bool:
    return header.lower().replace("_", "-").removeprefix("x-") == "idempotency-key"


def _fields(schema: Any, prefix: str = "") -> tuple[ModelField, ...]:
    if not isinstance(schema, dict):
        return ()
    required = set(schema.get("required") or [])
    found: list[ModelField] = []
    for name, prop in sorted((schema.get("properties") or {}).items()):
        path = f"{prefix}{name}"
        found.append(ModelField(path, describe_type(prop), name in required))
        inline = (
            [prop, *(prop.get("anyOf") or []), prop.get("items")] if isinstance(prop, dict) else []
        )
        for candidate in inline:
            if (
                isinstance(candidate, dict)
                and "properties" in candidate
                and "$ref" not in candidate
            ):
                suffix = "[]" if candidate is prop.get("items") else ""
                found.extend(_fields(candidate, f"{path}{suffix}."))
    return tuple(found)


def describe_type(schema: Any) -> str:
    """A short, stable type description for reviewers: ``string | null``, ``array[Customer]``."""
    if not isinstance(schema, dict):
        return "any"
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "enum" in schema:
        return "enum[" + ", ".join(json.dumps(v) for v in schema["enum"]) + "]"
    if "const" in schema:
        return f"const {json.dumps(schema['const'])}"
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            members = " | ".join(describe_type(s) for s in schema[key])
            return f"{key}({members})" if key != "anyOf" else members
    kind = schema.get("type", "any")
    if isinstance(kind, list):
        return " | ".join(describe_type({**schema, "type": k}) for k in kind)
    if kind == "array":
        return f"array[{describe_type(schema.get('items', {}))}]"
    fmt = schema.get("format")
    return f"{kind}({fmt})" if fmt else str(kind)


def _lift_nullable_discriminated_union(node: dict[str, Any]) -> None:
    """``anyOf: [{oneOf: [...], discriminator}, {type: null}]`` -> the oneOf, marked nullable.

    datamodel-code-generator drops a discriminator nested in ``anyOf``; lifted, the
    field becomes ``Annotated[A | B | None, Field(discriminator=...)]`` and pydantic
    dispatches on the tag instead of trying each branch.
    """
    branches = node.get("anyOf")
    if not isinstance(branches, list) or len(branches) != 2:
        return
    nulls = [b for b in branches if b == {"type": "null"}]
    unions = [b for b in branches if isinstance(b, dict) and "oneOf" in b and "discriminator" in b]
    if len(nulls) == 1 and len(unions) == 1:
        del node["anyOf"]
        node.update({k: v for k, v in unions[0].items() if k != "type"}, nullable=True)


def _is_model_shape(schema: Any) -> bool:
    return isinstance(schema, dict) and (
        "properties" in schema
        or any(k in schema for k in ("allOf", "oneOf", "anyOf", "discriminator"))
    )


_FORM = "application/x-www-form-urlencoded"


def _json_content(holder: dict[str, Any]) -> tuple[str, Any]:
    content = holder.get("content") or {}
    for media_type in sorted(content, key=lambda m: (not m.startswith("application/json"), m)):
        if "json" in media_type or media_type == "*/*":
            return media_type, (content[media_type] or {}).get("schema")
    return "", None


def _canonical(schema: Any) -> str:
    return json.dumps(schema, sort_keys=True, ensure_ascii=False)


__all__ = [
    "Api",
    "ModelSchema",
    "Operation",
    "Parameter",
    "RequestBody",
    "Response",
    "SecurityScheme",
    "build_ir",
]
