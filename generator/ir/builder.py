"""Building the IR from a validated document: operations with their parameters, bodies,
responses, annotations and security; inline object schemas hoisted into named models."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Any

from packaging.version import InvalidVersion, Version

from ..core.errors import Diagnostic, SourceRef, SpecError
from ..core.names import (
    Identifier,
    PyCode,
    client_name,
    dedupe,
    parameter_name,
    pascal_case,
    py_str,
    snake_case,
)
from ..runtime.errors import status_error_class
from ..spec.load import Document, escape_pointer_token, follow_refs, ref_pointer
from ..spec.media import body_kind, essence, is_media_type, preferred
from ..spec.operation_names import operation_names
from ..spec.readings import SERVER_PLACEHOLDER
from ..spec.validate import (
    IGNORED_BODY_METHODS,
    IGNORED_HEADER_PARAMETERS,
    TOKEN_AUTH_METHOD,
    TOKEN_AUTH_METHODS,
    iter_operations,
    oauth_token_urls,
    placeable_server,
    string_typed,
    typed_as,
)
from .pagination import ListOperation, check_root, read_pagination
from .resources import RUNTIME_EXPORTS, group_resources, package_exports, resource_names
from .schemas import (
    aliases,
    canonical_json,
    component_name,
    field_names,
    is_model_shape,
    json_text,
    model_fields,
    prepare_schema,
)
from .types import (
    Api,
    BodyEncoding,
    ModelSchema,
    OAuthFlows,
    Operation,
    Parameter,
    RequestBody,
    Response,
    SecurityScheme,
    ServerVariable,
)
from .webhooks import WEBHOOK_EXPORTS, build_webhooks, free_accessor

# Names the model modules import from typing and pydantic. datamodel-code-generator renames a
# model that would hide one (`Literal` becomes `LiteralModel`) where its module imports it,
# so that `models.Literal` would name nothing: such a model is named so from the start.
_MODEL_MODULE_IMPORTS = frozenset(
    {"Annotated", "Any", "BaseModel", "ConfigDict", "Field", "Literal", "MISSING", "RootModel"}
)


def _model_class(name: Identifier) -> Identifier:
    """A model's class name, as the model tool keeps it. A name pascal_case made safe with a
    `_` (`None_`, `Exception_`: a keyword or a builtin) loses it in the tool, which numbers
    a keyword (`None1`) and lets a builtin be hidden (in `models/__init__`, a model named
    `AttributeError` would hide the exception it raises): such a model is `NoneModel`."""
    bare = name.removesuffix("_")
    if bare != name or name in _MODEL_MODULE_IMPORTS:
        return Identifier(f"{bare}Model")
    return name


# The generated clients' own arguments, which a server variable must not take.
_CLIENT_ARGUMENTS = (
    "base_url",
    "timeout",
    "default_headers",
    "http_client",
    "max_retries",
    "retry_non_idempotent",
    "on_request",
    "on_response",
    "webhook_secret",
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
        names = [_model_class(pascal_case(n)) for n in sorted(self.component_schemas)]
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
        self.server, self.server_variables = self._servers()
        self.hoisted: dict[str, Any] = {}
        self.hoisted_at: dict[str, SourceRef] = {}
        self.at = SourceRef(spec_file)  # the operation being built
        self.used: set[str] = set()
        self.warnings: list[Diagnostic] = []
        self.errors: list[Diagnostic] = check_root(document)

    def build(self) -> Api:
        info = self.data.get("info", {})
        operations: list[Operation] = []
        uses: dict[Identifier, frozenset[str]] = {}
        for args in iter_operations(self.data):
            self.used = set()
            operations.append(self._operation(*args))
            uses[operations[-1].full_name] = frozenset(self.used)
        webhooks = build_webhooks(self)  # before the models: it may hoist payloads
        if webhooks is not None:
            first = next(
                (o for o in operations if self.resource_of[o.full_name] == "webhooks"), None
            )
            pointer = "" if first is None else f"/paths/{escape_pointer_token(first.path)}"
            if moved := free_accessor(self.resource_of, self.resources, self.doc.where(pointer)):
                self.warnings.append(moved)
        if self.errors:
            raise SpecError(self.errors)
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
        kinds = {s.kind for s in self.schemes} - {"oauth2"}  # OAuth2 is in a module of its own
        auth_classes = {"bearer": "BearerAuth", "basic": "BasicAuth", "api_key": "ApiKeyAuth"}
        resources = group_resources(self.data, operations, uses, self.resource_of, self.resources)
        extra = WEBHOOK_EXPORTS if webhooks is not None else ()
        return Api(
            vendor=Identifier(self.vendor),
            spec_file=self.spec_file,
            client_name=client,
            title=str(info.get("title", self.vendor)),
            description=str(info.get("description", "")),
            version=str(info.get("version", "")),
            distribution=f"{self.vendor}-client",
            distribution_version=distribution_version(str(info.get("version", ""))),
            server=self.server,
            server_variables=self.server_variables,
            security_schemes=self.schemes,
            operations=tuple(operations),
            resources=resources,
            models=tuple(sorted(models, key=lambda m: m.name)),
            user_agent=f"{self.vendor}-python/{info.get('version', '0')} (generated; httpx)",
            auth_imports=tuple(Identifier(auth_classes[k]) for k in sorted(kinds)),
            exports=package_exports(client, extra),
            runtime_exports=tuple(Identifier(n) for n in (*RUNTIME_EXPORTS, *extra)),
            field_names=field_names([json.loads(m.schema_json) for m in models]),
            webhooks=webhooks,
            warnings=tuple(self.warnings),
        )

    def _servers(self) -> tuple[str, tuple[ServerVariable, ...]]:
        """The client's server URL (variables as written) and every variable of it and of
        the operations' own servers, each a client argument."""
        found: dict[str, dict[str, Any]] = {}
        servers = [_first_server(self.data)]
        for path, _, raw, _ in iter_operations(self.data):
            servers.append(_first_server(raw) or _first_server(self.data["paths"][path]))
        for server in servers:
            for name, variable in ((server or {}).get("variables") or {}).items():
                found.setdefault(str(name), variable if isinstance(variable, dict) else {})
        # A placeholder no server declares (readings.py): a variable without a default.
        undeclared = [
            name
            for server in servers
            for name in SERVER_PLACEHOLDER.findall(str((server or {}).get("url", "")))
            if name not in found
        ]
        found.update((name, {}) for name in undeclared)
        taken = [*_CLIENT_ARGUMENTS, *(a for s in self.schemes for a in s.arguments)]
        py_names = dedupe([*(Identifier(n) for n in taken), *(snake_case(n) for n in found)])
        variables = tuple(
            ServerVariable(
                wire_name=name,
                py_name=py_name,
                default=str(variable.get("default", "")),
                enum=tuple(str(v) for v in variable.get("enum") or ()),
                description=str(variable.get("description", "")),
                required=name in undeclared,
            )
            for (name, variable), py_name in zip(found.items(), py_names[len(taken) :], strict=True)
        )
        return str((servers[0] or {}).get("url", "")).rstrip("/"), variables

    def _operation_server(self, path: str, raw: dict[str, Any]) -> str:
        """An operation's own server (its `servers`, else its path's), when it has one the
        client's is not: absolute, or a variable such as GitHub's `{origin}`."""
        server = _first_server(raw) or _first_server(self.data["paths"][path])
        url = str((server or {}).get("url", "")).rstrip("/")
        if url == self.server or not placeable_server(url):
            return ""
        return url

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
            elif scheme.get("type") == "oauth2" and any(oauth_token_urls(scheme)):
                schemes.append(SecurityScheme(name, py_name, "oauth2", description))
        return self._with_oauth_arguments(schemes)

    def _with_oauth_arguments(self, schemes: list[SecurityScheme]) -> tuple[SecurityScheme, ...]:
        """The OAuth 2.0 schemes with their flows and arguments: `client_id`, `client_secret`
        and `refresh_token`, each prefixed with the scheme's name where there are several."""
        raw = self.data.get("components", {}).get("securitySchemes", {}) or {}
        oauth = [s for s in schemes if s.kind == "oauth2"]
        wanted = [
            Identifier(f"{s.py_name}_{a}" if len(oauth) > 1 else a)
            for s in oauth
            for a in ("client_id", "client_secret", "refresh_token")
        ]
        taken = [*_CLIENT_ARGUMENTS, *(s.py_name for s in schemes if s.kind != "oauth2")]
        arguments = iter(dedupe([*(Identifier(n) for n in taken), *wanted])[len(taken) :])
        done = []
        for scheme in schemes:
            if scheme.kind == "oauth2":
                spec = follow_refs(self.data, raw[scheme.wire_name], "")[0]
                token_url, refresh_url = oauth_token_urls(spec)
                flows = OAuthFlows(
                    token_url,
                    refresh_url,
                    self._required_scopes(scheme.wire_name),
                    str(spec.get(TOKEN_AUTH_METHOD, TOKEN_AUTH_METHODS[0])),
                    (next(arguments), next(arguments), next(arguments)),
                )
                scheme = replace(scheme, oauth=flows)
            done.append(scheme)
        return tuple(done)

    def _required_scopes(self, name: str) -> tuple[str, ...]:
        """Every scope an operation (or the document) requires of scheme ``name``: the client
        asks for them all with one token."""
        requirements = [*(self.data.get("security") or [])]
        for _, _, raw, _ in iter_operations(self.data):
            requirements += raw.get("security") or []
        scopes = {
            str(scope)
            for requirement in requirements
            if isinstance(requirement, dict) and isinstance(requirement.get(name), list)
            for scope in requirement[name]
        }
        return tuple(sorted(scopes))

    def _security(self, requirements: list[dict[str, Any]]) -> tuple[tuple[str, ...], ...]:
        """The alternatives the client can satisfy; one it cannot (OpenID Connect, say), or
        an OAuth 2.0 one it may not be given client credentials for, adds a last, empty
        alternative: the caller sends those credentials in headers."""
        supported = {s.wire_name for s in self.schemes}
        usable = [tuple(sorted(r)) for r in requirements if set(r) <= supported]
        oauth = {s.wire_name for s in self.schemes if s.kind == "oauth2"}
        # A caller without client credentials sends a token it obtained in headers, as before.
        asks_oauth = any(oauth & set(r) for r in usable)
        if (len(usable) < len(requirements) or asks_oauth) and () not in usable:
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
        responses, accept = self._responses(raw, op_class)
        successes = [r.annotation for r in responses if r.is_success and r.annotation is not None]
        security = self._security(raw.get("security", self.data.get("security")) or [])
        found = read_pagination(
            self.doc,
            ListOperation(
                method,
                path,
                raw,
                pointer,
                parameters,
                lambda schema: self._item_annotation(schema, f"{op_class}Item"),
            ),
        )
        self.warnings += found.warnings
        self.errors += found.errors
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
            accept=accept,
            server=self._operation_server(path, raw),
            pagination=found.pagination,
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
            # OpenAPI's defaults; the document validator refuses a style the location lacks.
            style = str(param.get("style", "form" if param["in"] == "query" else "simple"))
            content = param.get("content")
            if isinstance(content, dict) and content:
                # A parameter given by `content` has one media type: JSON is sent as a JSON
                # text (Superset's `q`); another (`*/*`) as its style's plain text.
                media_type, media = next(iter(content.items()))
                schema = media.get("schema", {}) if isinstance(media, dict) else {}
                style = "json" if "json" in essence(media_type) else style
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
                    allowed=self._allowed(schema),
                    style=style,
                    explode=bool(param.get("explode", style == "form")),
                )
            )
        return tuple(result)

    def _allowed(self, schema: Any) -> PyCode:
        """The values a Literal or bool argument (or each item of an array of them) may
        take, as a tuple: checked before sending, where a type checker cannot reach."""
        resolved = self._resolve(schema)
        if isinstance(resolved, dict) and typed_as(resolved, "array"):
            resolved = self._resolve(resolved.get("items"))
        if not isinstance(resolved, dict):
            return PyCode("")
        if typed_as(resolved, "boolean") and "enum" not in resolved:
            return PyCode("(True, False)")
        if not isinstance(resolved.get("enum"), list):
            return PyCode("")
        literals = dict.fromkeys(_value_codes(_enum_values(resolved)))
        return PyCode(f"({', '.join(literals)},)") if literals else PyCode("")

    def _request_body(self, raw: dict[str, Any], op_class: str) -> RequestBody | None:
        if "requestBody" not in raw:
            return None
        body, _ = follow_refs(self.data, raw["requestBody"], "")
        content = body.get("content") or {}
        kinds = [
            (media_type, body_kind(media_type, _schema(media), self._resolve))
            for media_type, media in content.items()
            if is_media_type(media_type)
        ]
        encodings: list[BodyEncoding] = []
        # Media types describing one schema (JSON beside XML) take one model.
        annotations: dict[str, PyCode] = {}
        for media_type, kind in preferred(kinds) or [("application/octet-stream", "raw")]:
            media = content.get(media_type) or {}
            schema = _schema(media)
            encoding = media.get("encoding")
            encoding = encoding if isinstance(encoding, dict) else {}
            if kind in ("json", "form", "multipart"):
                key = canonical_json(schema)
                if key not in annotations:
                    suffix = "" if not encodings else kind.title()
                    annotations[key] = self._model_or_annotation(
                        schema, f"{op_class}{suffix}Request"
                    )
                annotation = annotations[key]
                accepts_mapping = annotation != "dict[str, Any]"
                if accepts_mapping:
                    self._use("Any")
            else:
                annotation = (
                    self._use("BinaryContent")
                    if kind == "binary"
                    else PyCode("str" if kind == "text" else "bytes | str")
                )
                accepts_mapping = False
            encodings.append(
                BodyEncoding(
                    media_type=media_type,
                    kind=kind,
                    annotation=annotation,
                    accepts_mapping=accepts_mapping,
                    deep_objects=tuple(
                        sorted(
                            name
                            for name, how in encoding.items()
                            if isinstance(how, dict) and how.get("style") == "deepObject"
                        )
                    ),
                    part_types=tuple(
                        sorted(
                            (name, str(how["contentType"]))
                            for name, how in encoding.items()
                            if kind == "multipart"
                            and isinstance(how, dict)
                            and isinstance(how.get("contentType"), str)
                            and "," not in how["contentType"]  # a list: the file's own type
                        )
                    ),
                )
            )
        if len(encodings) > 1:
            self._use("Literal")  # content_type=
        if len(encodings) > 1 or not encodings[0].is_plain_json:
            self._use("Encoding")
        return RequestBody(
            encodings=tuple(encodings),
            required=bool(body.get("required", False)),
            description=str(body.get("description", "")),
        )

    def _responses(self, raw: dict[str, Any], op_class: str) -> tuple[tuple[Response, ...], str]:
        """The responses, and the Accept header: the media types of successes (JSON first),
        then those of errors."""
        result = []
        accept: dict[bool, list[str]] = {True: [], False: []}
        responses = raw.get("responses", {}) or {}
        for status in sorted(responses):
            response, target = follow_refs(self.data, responses[status], "")
            code = int(status) if status.isdigit() else 0
            success = 200 <= code < 300 or status.upper() == "2XX"
            hoist_name: str
            if target.startswith("/components/responses/"):
                hoist_name = _model_class(pascal_case(target.rsplit("/", 1)[1]))
            elif success:
                hoist_name = f"{op_class}Response"
            else:
                hoist_name = f"{op_class}{_REASONS.get(code, f'Status{status}')}Error"
            content = response.get("content") if isinstance(response, dict) else None
            kinds = preferred(
                [
                    (media_type, body_kind(media_type, _schema(media), self._resolve))
                    for media_type, media in (content or {}).items()
                    if is_media_type(media_type)
                ]
            )
            members: list[PyCode] = []
            first_json = True
            for media_type, kind in kinds:
                if kind == "json":
                    schema = _schema((content or {}).get(media_type))
                    if first_json and schema is not None:
                        members.append(self._model_or_annotation(schema, hoist_name))
                    elif first_json and success:
                        members.append(self._use("Any"))  # JSON of no documented shape
                    first_json = False
                    accept[success].append(media_type)
                elif success:
                    members.append(PyCode("str" if kind == "text" else "bytes"))
                    accept[success].append(media_type)
            annotation = "Any" if "Any" in members else " | ".join(dict.fromkeys(members))
            result.append(
                Response(
                    status=status,
                    code=code,
                    description=str(response.get("description", "")),
                    annotation=PyCode(annotation) if annotation else None,
                    is_success=success,
                    exception=Identifier(_exception(status, code)),
                )
            )
        ordered = dict.fromkeys(accept[True] + accept[False])
        return tuple(result), ", ".join(ordered) or "application/json"

    def _resolve(self, schema: Any) -> Any:
        resolved, _ = follow_refs(self.data, schema, "")
        return resolved

    def _model_or_annotation(self, schema: Any, hoist_name: str) -> PyCode:
        """A component's class; an inline object schema becomes a named model; else a plain type."""
        if isinstance(schema, dict) and "$ref" not in schema and is_model_shape(schema):
            return self._model(self._hoist(hoist_name, schema))
        return self._annotation(schema, for_parameter=False)

    def _item_annotation(self, schema: Any, hoist_name: str) -> PyCode:
        """What a list's loop yields: an inline object item is a model of its own; a union
        stays a union of its members (a model of it would hold them in ``.root``)."""
        if (
            isinstance(schema, dict)
            and "$ref" not in schema
            and ("properties" in schema or "allOf" in schema)
        ):
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

    def _annotation(
        self, schema: Any, *, for_parameter: bool, within: frozenset[str] = frozenset()
    ) -> PyCode:
        """A Python type for a schema used directly as a parameter or body (not via a model
        field). ``within``: the references being spelled out, outermost first."""
        if not isinstance(schema, dict) or not schema:
            return self._use("Any")
        ref = schema.get("$ref")
        if isinstance(ref, str):
            target = ref_pointer(ref) or ""
            if target in within:
                # A list of lists of itself: an inline type cannot name itself, so where it
                # recurs it is Any.
                return self._use("Any")
            within = within | {target}
            name = component_name(target)
            resolved, _ = follow_refs(self.data, schema, "")
            if name is not None and (is_model_shape(resolved) or "enum" in resolved):
                cls = self._model(self.class_names[name])
                if for_parameter and "enum" in resolved:
                    return PyCode(f"{cls} | {self._enum_literal(resolved)}")
                return cls
            return self._annotation(resolved, for_parameter=for_parameter, within=within)
        if "enum" in schema:
            return self._enum_literal(schema)
        if "const" in schema:
            return self._literal([schema["const"]])
        for key in ("anyOf", "oneOf"):
            if isinstance(schema.get(key), list):
                members = [
                    self._annotation(s, for_parameter=for_parameter, within=within)
                    for s in schema[key]
                ]
                return PyCode(" | ".join(dict.fromkeys(members)))
        types = schema.get("type")
        if isinstance(types, list):
            members = [
                self._annotation({**schema, "type": t}, for_parameter=for_parameter, within=within)
                for t in types
            ]
            return PyCode(" | ".join(dict.fromkeys(members)))
        if types == "array":
            item = self._annotation(
                schema.get("items", {}), for_parameter=for_parameter, within=within
            )
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
        values = _enum_values(schema)
        if any(isinstance(v, float) for v in values):
            # A float cannot be a Literal's value (PEP 586): such an enum is typed float.
            return PyCode("float | None" if None in values else "float")
        return self._literal(values)

    def _literal(self, values: list[Any]) -> PyCode:
        codes = _value_codes(values)
        if not codes:
            return PyCode("None")  # `enum: [null]`: null is the only value
        self._use("Literal")
        text = f"Literal[{', '.join(codes)}]"
        return PyCode(f"{text} | None" if None in values else text)


def _exception(status: str, code: int) -> str:
    """The class a response's status raises: ``default`` and ``4XX`` name no one class (Ably's
    `default` is any error, not a 500); ``5XX`` is always InternalServerError."""
    if code:
        return status_error_class(code).__name__
    return status_error_class(500).__name__ if status.upper() == "5XX" else "APIStatusError"


def _enum_values(schema: dict[str, Any]) -> list[Any]:
    """An enum's values; in a string schema, an unquoted YAML value (4.1, true) as its text."""
    values = list(schema["enum"])
    return [json_text(v) for v in values] if string_typed(schema) else values


def _value_codes(values: list[Any]) -> list[PyCode]:
    return [py_str(v) if isinstance(v, str) else PyCode(repr(v)) for v in values if v is not None]


def _idempotent(operation: dict[str, Any], method: str) -> bool:
    override = operation.get("x-idempotent")
    return override if isinstance(override, bool) else method.upper() in _IDEMPOTENT


def _is_idempotency_key(header: str) -> bool:
    return header.lower().replace("_", "-").removeprefix("x-") == "idempotency-key"


def _schema(media: Any) -> Any:
    return media.get("schema") if isinstance(media, dict) else None


def distribution_version(version: str) -> str:
    """``info.version`` as a PEP 440 public version: as it is where it is one (`v2` is 2,
    `1.0-beta` 1.0b0), else its numbers (`2024-06-20` is 2024.6.20), else 0."""
    try:
        return Version(version).public
    except InvalidVersion:
        return ".".join(str(int(n)) for n in re.findall(r"\d+", version)) or "0"


def _first_server(holder: dict[str, Any]) -> dict[str, Any] | None:
    servers = holder.get("servers")
    if isinstance(servers, list) and servers and isinstance(servers[0], dict):
        return servers[0]
    return None
