"""Validation: openapi-spec-validator plus the checks it misses, all problems reported together."""

from __future__ import annotations

import difflib
import functools
import json
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from ..core.errors import Diagnostic, Severity, SpecError, quote_value
from ..core.names import parameter_name
from .load import (
    Document,
    escape_pointer_token,
    follow_refs,
    is_example_data,
    iter_refs,
    ref_pointer,
    resolve_pointer,
    unescape_pointer_token,
)
from .media import body_kind, is_media_type
from .operation_names import operation_names
from .readings import Readings, read_paths, read_schemas, read_servers
from .swagger2 import read_as_openapi3
from .webhook_signature import check_webhook_signature

if TYPE_CHECKING:
    from .openapi_validator import Problem, Record

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_PATH_TEMPLATE = re.compile(r"{([^{}]*)}")
# openapi-spec-validator reports these without a location; our own checks report them located.
_OURS_WITH_LOCATION = re.compile(
    r"Path parameter '.*' for '.*' operation in '.*' was not resolved"
    r"|Operation ID '.*' for '.*' in '.*' is not unique"
)
# Formats the OpenAPI and JSON Schema specifications define; others are kept as plain strings.
KNOWN_FORMATS = frozenset(
    [
        "int32",
        "int64",
        "float",
        "double",
        "byte",
        "binary",
        "date",
        "date-time",
        "time",
        "duration",
        "password",
        "email",
        "idn-email",
        "hostname",
        "idn-hostname",
        "ipv4",
        "ipv6",
        "uri",
        "uri-reference",
        "iri",
        "iri-reference",
        "uuid",
        "uri-template",
        "json-pointer",
        "relative-json-pointer",
        "regex",
        "decimal",
    ]
)
# How deeply objects and lists may nest in a spec (70 levels of inline schemas are about
# 150). The command line raises Python's recursion limit to what this needs (cli.py).
MAX_NESTING = 400
# OpenAPI 3.x: a header parameter with one of these names SHALL be ignored.
IGNORED_HEADER_PARAMETERS = frozenset({"accept", "content-type", "authorization"})
# Methods whose request body has no defined meaning (RFC 9110); the client sends none.
IGNORED_BODY_METHODS = frozenset({"get", "head"})


def validate_document(
    document: Document, hint_file: str = "", *, record: Record | None = None
) -> tuple[Document, tuple[Diagnostic, ...]]:
    """The document as read (readings.py) and the warnings; raise SpecError with every error
    (and warning) if there is any error. ``record``: openapi-spec-validator's verdict as
    recorded beside the client, which may spare asking it again, and is brought up to date."""
    validation = start_validation(document, hint_file, record=record)
    return validation.document, validation.settle()


def typed_as(node: dict[str, Any], kind: str) -> bool:
    """A schema of type ``kind``, nullable or not: `type: kind`, or 3.1's
    `type: [kind, "null"]`."""
    given = node.get("type")
    if isinstance(given, list):
        return kind in given and all(k in (kind, "null") for k in given)
    return given == kind


def string_typed(node: dict[str, Any]) -> bool:
    """A string schema, nullable or not: `type: string`, or 3.1's `type: [string, "null"]`."""
    return typed_as(node, "string")


def fractional_enum(node: dict[str, Any]) -> bool:
    """An enum with a float among its values, outside a string schema (where it is sent as a
    string): `enum: [38.878586]` cannot be typed as a Literal."""
    values = node.get("enum")
    return (
        isinstance(values, list)
        and not string_typed(node)
        and any(isinstance(value, float) for value in values)
    )


class Validation:
    """A document read and checked by our own checks, with openapi-spec-validator's verdict
    to come: ``settle`` waits for it."""

    def __init__(self, checks: _Checks) -> None:
        self._checks = checks
        self.document = checks.doc

    def settle(self) -> tuple[Diagnostic, ...]:
        """Every warning; raise SpecError with every error (and warning) if there is any."""
        diagnostics = tuple(self._checks.settle())
        if any(d.severity is Severity.ERROR for d in diagnostics):
            raise SpecError(diagnostics)
        return diagnostics


def start_validation(
    document: Document, hint_file: str = "", *, record: Record | None = None
) -> Validation:
    """Our checks, with openapi-spec-validator to be asked when ``settle`` is first called:
    nothing our checks read depends on its answer, so the command can go on with the
    document as read meanwhile. Raise SpecError at once if our checks found an error (with
    the validator's errors too)."""
    checks = _Checks(read_as_openapi3(document), hint_file, record)
    checks.run()
    validation = Validation(checks)
    if checks.failed():
        validation.settle()
    return validation


def placeable_server(url: str) -> bool:
    """Whether an operation's own server can be used: absolute, or a variable (`{origin}`)."""
    return url.startswith(("http://", "https://", "{"))


# How an OAuth 2.0 client authenticates at the token endpoint, in RFC 7591's words: HTTP Basic
# (which RFC 6749 makes every server accept), unless an overlay sets the scheme's extension to
# the form fields some servers require (Box).
TOKEN_AUTH_METHOD = "x-token-endpoint-auth-method"
TOKEN_AUTH_METHODS = ("client_secret_basic", "client_secret_post")


def oauth_token_urls(scheme: dict[str, Any]) -> tuple[str, str]:
    """The token URLs of an OAuth 2.0 scheme the client can use: its clientCredentials flow's,
    and the one to refresh a token at (a flow's refreshUrl, else its tokenUrl), or ''."""
    flows = scheme.get("flows")
    flows = flows if isinstance(flows, dict) else {}

    def url(flow: object, key: str) -> str:
        value = flow.get(key) if isinstance(flow, dict) else None
        return value if isinstance(value, str) else ""

    client = url(flows.get("clientCredentials"), "tokenUrl")
    # The implicit flow has no token endpoint; the others each have one a refresh token works at.
    refresh = next(
        (
            url(flows.get(name), "refreshUrl") or url(flows.get(name), "tokenUrl")
            for name in (
                "authorizationCode",
                "clientCredentials",
                "password",
                "deviceAuthorization",
            )
            if url(flows.get(name), "refreshUrl") or url(flows.get(name), "tokenUrl")
        ),
        "",
    )
    return client, refresh


def iter_operations(data: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any], str]]:
    """(path, method, operation, pointer) for every operation, in sorted order."""
    paths = data.get("paths")
    if not isinstance(paths, dict):
        return
    for path in sorted(paths):
        item = paths[path]
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            operation = item.get(method)
            if isinstance(operation, dict):
                yield path, method, operation, f"/paths/{escape_pointer_token(path)}/{method}"


class _Checks:
    def __init__(self, document: Document, hint_file: str, record: Record | None = None) -> None:
        self.doc = document
        self.record = record
        self.data = document.data
        self.hint_file = hint_file or "an overlay beside the spec"
        self.found: list[Diagnostic] = list(document.warnings)
        self.readings = Readings(document, self.hint_file)
        self.ours: set[str] = set()  # where our checks had found something when it was asked
        self.asked: Callable[[], list[Problem]] | None = None  # the validator's answer

    def error(self, code: str, message: str, pointer: str, hint: str = "") -> None:
        self.found.append(Diagnostic(code, Severity.ERROR, message, self.doc.where(pointer), hint))

    def warning(self, code: str, message: str, pointer: str, hint: str = "") -> None:
        self.found.append(
            Diagnostic(code, Severity.WARNING, message, self.doc.where(pointer), hint)
        )

    def run(self) -> None:
        if not self._version_supported() or not self._nesting_within_limit():
            return
        read_paths(self.readings)
        read_servers(self.readings)
        read_schemas(self.readings)
        refs_ok = self._check_refs()
        self._check_schema_keywords()
        if refs_ok:
            # openapi-spec-validator cannot run past a reference that goes nowhere.
            from .openapi_validator import find_problems

            self.ours = {d.where.pointer for d in self.found}
            self.asked = functools.partial(find_problems, self.data, self.record)
        self._check_security()
        self._check_operations()
        self.found.extend(check_webhook_signature(self.doc))

    def failed(self) -> bool:
        return any(d.severity is Severity.ERROR for d in [*self.found, *self.readings.found])

    def settle(self) -> list[Diagnostic]:
        if self.asked is not None:
            self._take_problems(self.asked())
            self.asked = None
        return sorted(
            [*self.found, *self.readings.found],
            key=lambda d: (d.where.line or 0, d.where.column or 0, d.where.pointer, d.code),
        )

    def _version_supported(self) -> bool:
        if not isinstance(self.data, dict):
            self.error(
                "not-openapi", "not an OpenAPI document (the top level is not a mapping)", ""
            )
            return False
        version = self.data.get("openapi")
        # Swagger 2.0 was converted to OpenAPI 3.0 (read_as_openapi3): another version is left.
        for key in ("swagger", "swaggerVersion"):
            if key in self.data:
                self.error(
                    "unsupported-version",
                    f"Swagger {quote_value(self.data[key])} is not supported; only Swagger 2.0, "
                    "OpenAPI 3.0 and 3.1",
                    f"/{key}",
                    hint="convert it to OpenAPI 3 first, then add it",
                )
                return False
        if isinstance(version, int | float):
            self.error(
                "not-openapi",
                f"`openapi: {version}` is a number; write the version as a string, such as '3.1.0'",
                "/openapi",
            )
            return False
        if not isinstance(version, str):
            self.error("not-openapi", "not an OpenAPI document (no `openapi` version field)", "")
            return False
        if not re.fullmatch(r"3\.[01]\.\d+", version):
            self.error(
                "unsupported-version",
                f"OpenAPI {quote_value(version)} is not supported; only 3.0.x and 3.1.x",
                "/openapi",
            )
            return False
        return True

    def _nesting_within_limit(self) -> bool:
        # A first pass over the containers alone, naming nothing: a value deeper than the
        # limit is one in a container at the limit. The second, to name where, is seldom run.
        containers: list[tuple[Any, int]] = [(self.data, 0)]
        while containers:
            node, depth = containers.pop()
            if not isinstance(node, dict | list) or not node:
                continue
            if depth >= MAX_NESTING:
                break
            values = node.values() if isinstance(node, dict) else node
            containers.extend((v, depth + 1) for v in values if isinstance(v, dict | list))
        else:
            return True
        stack: list[tuple[Any, str, int]] = [(self.data, "", 0)]
        while stack:
            node, pointer, depth = stack.pop()
            if depth > MAX_NESTING:
                self.error(
                    "too-deeply-nested",
                    f"objects and lists are nested more than {MAX_NESTING} deep here; "
                    "the generator's tools cannot follow further",
                    pointer,
                    hint="give the inner schemas names under components/schemas and refer to them",
                )
                return False
            if isinstance(node, dict):
                stack.extend(
                    (v, f"{pointer}/{escape_pointer_token(k)}", depth + 1) for k, v in node.items()
                )
            elif isinstance(node, list):
                stack.extend((v, f"{pointer}/{i}", depth + 1) for i, v in enumerate(node))
        return True

    def _check_refs(self) -> bool:
        results = [self._ref_resolves(ref, f"{at}/$ref") for at, ref in iter_refs(self.data)]
        return all(results)

    def _ref_resolves(self, ref: str, pointer: str) -> bool:
        target = ref_pointer(ref)
        if target is None:
            self.error(
                "external-ref",
                f"$ref {quote_value(ref)} points into another file, which is not supported",
                pointer,
                hint="bundle the spec into one file first",
            )
            return False
        seen = {target}
        while True:
            try:
                value = resolve_pointer(self.data, target)
            except KeyError:
                self.error(
                    "dangling-ref",
                    f"$ref {quote_value(ref)} points to nothing",
                    pointer,
                    hint="define the target or fix the reference",
                )
                return False
            next_ref = value.get("$ref") if isinstance(value, dict) else None
            if not isinstance(next_ref, str) or ref_pointer(next_ref) is None:
                return True
            target = ref_pointer(next_ref) or ""
            if target in seen:
                self.error(
                    "circular-ref", f"$ref {quote_value(ref)} refers to itself in a loop", pointer
                )
                return False
            seen.add(target)

    def _check_schema_keywords(self) -> None:
        def walk(node: Any, pointer: str) -> None:
            if isinstance(node, dict):
                fmt = node.get("format")
                if isinstance(fmt, str) and fmt not in KNOWN_FORMATS and "type" in node:
                    self.warning(
                        "unknown-format",
                        f"format {fmt!r} is not one OpenAPI or JSON Schema defines; "
                        "the value is treated as a plain string",
                        f"{pointer}/format",
                    )
                if node.get("enum") == []:
                    self.error(
                        "empty-enum",
                        "`enum: []` lists no value, so no value fits it: nothing could be sent "
                        "or read",
                        f"{pointer}/enum",
                        hint=f"list the values, or remove the enum, in {self.hint_file}",
                    )
                if fractional_enum(node):
                    self.warning(
                        "enum-value-fractional",
                        f"enum {json.dumps(node['enum'])} holds a fraction, which a Python "
                        "Literal cannot; the client types the value by its type alone and does "
                        "not check it against the enum",
                        f"{pointer}/enum",
                    )
                if string_typed(node) and isinstance(node.get("enum"), list):
                    for index, value in enumerate(node["enum"]):
                        if isinstance(value, bool | int | float):
                            self.warning(
                                "enum-value-not-string",
                                f"enum value {json.dumps(value)} in a string schema is a "
                                f"{'boolean' if isinstance(value, bool) else 'number'}; "
                                f"it is sent as the string {json.dumps(json.dumps(value))}",
                                f"{pointer}/enum/{index}",
                                hint=f"replace the enum with quoted strings in {self.hint_file}",
                            )
                mapping = (
                    node.get("discriminator", {}).get("mapping")
                    if isinstance(node.get("discriminator"), dict)
                    else None
                )
                if isinstance(mapping, dict):
                    for key, value in list(mapping.items()):
                        target = value if isinstance(value, str) else ""
                        if target.startswith("#") or (target and "/" not in target):
                            pointer_to = (
                                target[1:]
                                if target.startswith("#")
                                else f"/components/schemas/{target}"
                            )
                            try:
                                resolve_pointer(self.data, unquote(pointer_to))
                            except KeyError:
                                self.readings.drop(
                                    "dangling-discriminator-mapping",
                                    f"discriminator mapping {key!r} points to {quote_value(target)}, "
                                    "which does not exist; ignored (the value is matched to a "
                                    "member of the union by its fields)",
                                    f"{pointer}/discriminator/mapping/{escape_pointer_token(key)}",
                                )
                        if not isinstance(value, str):
                            self.error(
                                "discriminator-mapping-not-string",
                                f"discriminator mapping {key!r} is {quote_value(value)}; "
                                "OpenAPI requires a schema name or reference string",
                                f"{pointer}/discriminator/mapping/{escape_pointer_token(key)}",
                                hint=f"replace it with the reference string in {self.hint_file}",
                            )
                for key, value in node.items():
                    if not is_example_data(pointer, key, value):
                        walk(value, f"{pointer}/{escape_pointer_token(key)}")
            elif isinstance(node, list):
                for index, value in enumerate(node):
                    walk(value, f"{pointer}/{index}")

        walk(self.data, "")

    def _take_problems(self, problems: list[Problem]) -> None:
        """openapi-spec-validator's problems, less those our checks reported before asking."""
        reported: set[str] = set()
        for problem in problems:
            mine = self.doc.source_pointer(problem.pointer) in self.ours
            if mine or _OURS_WITH_LOCATION.match(problem.message):
                continue  # reported by our own checks, with a location
            if problem.message.endswith("is not a 'regex'") and problem.pointer.endswith(
                "/pattern"
            ):
                continue  # read before validating (readings.py)
            if problem.failed:
                self.error(
                    "validator-failed",
                    problem.message,
                    problem.pointer,
                    f"look for a value of an unexpected type here, and correct it in "
                    f"{self.hint_file}; and tell us: the generator should say which",
                )
            elif problem.allowed is not None:
                self._unknown_field(problem.pointer, problem.allowed)
            elif problem.message.startswith("Required list has not defined properties"):
                names = problem.message.partition(": ")[2]
                self.readings.note(
                    "required-undefined-property",
                    f"`required` names {names}, which no `properties` here defines; "
                    "not required of what the client sends",
                    f"{problem.pointer}/required",
                )
            elif problem.pointer not in reported:
                reported.add(problem.pointer)
                self.error(
                    "invalid-openapi", problem.message, problem.pointer, _hint(problem.pointer)
                )

    def _unknown_field(self, pointer: str, allowed: tuple[str, ...]) -> None:
        key = unescape_pointer_token(pointer.rsplit("/", 1)[-1])
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.75)
        if close or not allowed:
            self.error(
                "invalid-openapi",
                f"{key!r} is not a field of this object"
                + (f"; did you mean {close[0]!r}?" if close else ""),
                pointer,
                hint=f"rename it in {self.hint_file}" if close else "",
            )
            return
        self.readings.drop(
            "unknown-field",
            f"{key!r} is not a field OpenAPI defines here (nor an x- extension); ignored",
            pointer,
        )

    def _check_security(self) -> None:
        defined = self.data.get("components", {}).get("securitySchemes", {}) or {}
        requirements: list[tuple[str, Any]] = [("/security", self.data.get("security"))]
        for _, _, operation, pointer in iter_operations(self.data):
            requirements.append((f"{pointer}/security", operation.get("security")))
        for pointer, alternatives in requirements:
            for index, requirement in enumerate(alternatives or []):
                for name in requirement or {}:
                    if name not in defined:
                        self.error(
                            "undefined-security-scheme",
                            f"security requires {name!r}, which components.securitySchemes does not define",
                            f"{pointer}/{index}/{escape_pointer_token(name)}",
                            hint=f"define it in {self.hint_file}, or remove the requirement there",
                        )
        for name, scheme in defined.items():
            scheme, _ = follow_refs(self.data, scheme, "")
            kind = str(scheme.get("type"))
            http = str(scheme.get("scheme", "")).lower()
            supported = (
                kind == "apiKey"
                or (kind == "http" and http in ("bearer", "basic"))
                or (kind == "oauth2" and any(oauth_token_urls(scheme)))
            )
            method = scheme.get(TOKEN_AUTH_METHOD, TOKEN_AUTH_METHODS[0])
            if kind == "oauth2" and method not in TOKEN_AUTH_METHODS:
                self.error(
                    "unknown-token-auth-method",
                    f"{TOKEN_AUTH_METHOD} of security scheme {name!r} is "
                    f"{quote_value(str(method))}; the client knows {' and '.join(TOKEN_AUTH_METHODS)}",
                    f"/components/securitySchemes/{escape_pointer_token(name)}/{TOKEN_AUTH_METHOD}",
                )
            if kind in ("http", "oauth2", "openIdConnect", "mutualTLS") and not supported:
                label = f"http {http}" if kind == "http" else kind
                self.warning(
                    "unsupported-security-scheme",
                    f"security scheme {name!r} ({label}) has no client support yet; "
                    "operations can still be called with explicit headers",
                    f"/components/securitySchemes/{escape_pointer_token(name)}",
                )

    def _check_operations(self) -> None:
        names: dict[str, str] = {}
        operations = list(iter_operations(self.data))
        named = operation_names(self.data, [(p, m, o) for p, m, o, _ in operations])
        for path, method, operation, pointer in operations:
            name = named[(path, method)].name
            where = f"{pointer}/operationId" if "operationId" in operation else pointer
            if named[(path, method)].derived:
                self.warning(
                    "operation-named-from-path",
                    f"{named[(path, method)].derived}: the method is called {name}()",
                    where,
                    hint=f"name it with x-python-name in {self.hint_file}",
                )
            if name in names:
                self.error(
                    "duplicate-operation-name",
                    f"{method.upper()} {path} and {names[name]} both become method {name}()",
                    where,
                    hint=f"give one of them another operationId or x-python-name in {self.hint_file}",
                )
            else:
                names[name] = f"{method.upper()} {path}"
            self._check_parameters(path, method, operation, pointer)
            self._check_media_types(path, method, operation, pointer)
            self._check_server(path, method, operation, pointer)
            body, _ = follow_refs(self.data, operation.get("requestBody"), "")
            if method in IGNORED_BODY_METHODS and _defines_properties(body):
                self.warning(
                    "ignored-request-body",
                    f"{method.upper()} {path}: a {method.upper()} request has no body; "
                    "the client sends none",
                    f"{pointer}/requestBody",
                    hint=f"make its fields query parameters in {self.hint_file}",
                )

    def _check_media_types(
        self, path: str, method: str, operation: dict[str, Any], pointer: str
    ) -> None:
        """A body the client cannot type is sent or returned as bytes, never dropped: say so."""
        where = f"{method.upper()} {path}"
        holders: list[tuple[str, Any, str]] = []
        if method not in IGNORED_BODY_METHODS and "requestBody" in operation:
            holders.append(("request", operation["requestBody"], f"{pointer}/requestBody"))
        for status, response in (operation.get("responses") or {}).items():
            if str(status).startswith("2") or str(status).upper() == "2XX":
                holders.append((f"{status} response", response, f"{pointer}/responses/{status}"))
        for label, raw, at in holders:
            holder, target = follow_refs(self.data, raw, at)
            content = holder.get("content") if isinstance(holder, dict) else None
            if not isinstance(content, dict) or not content:
                continue
            kinds = {}
            for media_type, media in content.items():
                media_at = f"{target}/content/{escape_pointer_token(media_type)}"
                if not is_media_type(media_type):
                    self.warning(
                        "not-a-media-type",
                        f"{where}: {media_type!r} in the {label} body's content is not a "
                        "media type (type/subtype); it is ignored",
                        media_at,
                        hint=f"remove or rename it in {self.hint_file}",
                    )
                    continue
                schema = media.get("schema") if isinstance(media, dict) else None
                kinds[media_type] = (body_kind(media_type, schema, self._resolve), media_at)
            if kinds and all(kind == "raw" for kind, _ in kinds.values()):
                media_type, (_, media_at) = next(iter(kinds.items()))
                what = (
                    "sends what it is given (bytes or str)"
                    if label == "request"
                    else "returns its bytes"
                )
                self.warning(
                    "untyped-media-type",
                    f"{where}: the client cannot type the {label} body ({media_type}); it {what}",
                    media_at,
                )

    def _check_server(
        self, path: str, method: str, operation: dict[str, Any], pointer: str
    ) -> None:
        """An operation's own server is used only when it is absolute (or a variable)."""
        item_pointer = pointer.rsplit("/", 1)[0]
        for holder, at in ((operation, pointer), (self.data["paths"][path], item_pointer)):
            servers = holder.get("servers")
            if not (isinstance(servers, list) and servers and isinstance(servers[0], dict)):
                continue
            url = str(servers[0].get("url", ""))
            roots = self.data.get("servers")
            root = roots[0] if isinstance(roots, list) and roots else None
            root_url = root.get("url") if isinstance(root, dict) else None
            if not placeable_server(url) and url != root_url:
                self.warning(
                    "relative-server",
                    f"{method.upper()} {path}: its server {url!r} is relative, so the "
                    "operation is sent to the client's server",
                    f"{at}/servers/0/url",
                    hint=f"give an absolute URL in {self.hint_file}",
                )
            return

    def _resolve(self, schema: Any) -> Any:
        resolved, _ = follow_refs(self.data, schema, "")
        return resolved

    def _check_name_collisions(
        self, declared: dict[tuple[str, str], tuple[str, Any]], method: str, path: str
    ) -> None:
        seen: dict[str, str] = {}
        count: dict[str, int] = {}
        for (location, name), (where, param) in declared.items():
            if location == "cookie" or (
                location == "header" and name.lower() in IGNORED_HEADER_PARAMETERS
            ):
                continue
            python = parameter_name(param)
            label = f"{name!r} ({location})"
            count[python] = count.get(python, 0) + 1
            if python in seen:
                self.warning(
                    "parameter-name-collision",
                    f"{method.upper()} {path}: parameters {seen[python]} and {label} both become "
                    f"{python}; this one is called {python}_{count[python]}",
                    where,
                    hint=f"name one with x-python-name in {self.hint_file}",
                )
            else:
                seen[python] = label

    def _check_parameters(
        self, path: str, method: str, operation: dict[str, Any], pointer: str
    ) -> None:
        path_item_pointer = pointer.rsplit("/", 1)[0]
        declared: dict[tuple[str, str], tuple[str, Any]] = {}
        for base, params in (
            (path_item_pointer, resolve_pointer(self.data, path_item_pointer).get("parameters")),
            (pointer, operation.get("parameters")),
        ):
            for index, raw in enumerate(params or []):
                param, _ = follow_refs(self.data, raw, "")
                if isinstance(param, dict):
                    key = (str(param.get("in")), str(param.get("name")))
                    declared[key] = (f"{base}/parameters/{index}", param)
        self._check_name_collisions(declared, method, path)
        templated = _PATH_TEMPLATE.findall(path)
        for name in templated:
            if ("path", name) not in declared:
                self.error(
                    "undeclared-path-parameter",
                    f"{method.upper()} {path} uses {{{name}}}, which no path parameter declares",
                    pointer,
                    hint="declare it under parameters with `in: path, required: true`",
                )
        for (location, name), (where, _) in sorted(declared.items()):
            if location == "path" and name not in templated:
                self.error(
                    "unknown-path-parameter",
                    f"path parameter {name!r} does not appear in {path}",
                    where,
                )
            if location == "header" and name.lower() in IGNORED_HEADER_PARAMETERS:
                self.warning(
                    "ignored-header-parameter",
                    f"header parameter {name!r} is ignored (OpenAPI: Accept, Content-Type and "
                    "Authorization are set by the client)",
                    where,
                    hint=f"remove it in {self.hint_file}",
                )


# Schema keywords that, dedented by mistake, become the name of a property.
_KEYWORDS = frozenset(
    ["example", "description", "type", "format", "default", "enum", "items", "nullable"]
)


def _hint(pointer: str) -> str:
    *_, holder, key = pointer.rsplit("/", 2) if pointer.count("/") >= 2 else ("", "", "")
    if holder == "properties" and unescape_pointer_token(key) in _KEYWORDS:
        return (
            f"{unescape_pointer_token(key)!r} is read as a property here: is it indented one "
            "level too far out?"
        )
    return ""


def _defines_properties(body: Any) -> bool:
    """Whether a request body describes anything: Stripe's GET bodies are empty objects."""
    content = body.get("content") if isinstance(body, dict) else None
    return isinstance(content, dict) and any(
        isinstance(media, dict)
        and isinstance(media.get("schema"), dict)
        and bool(media["schema"].get("properties") or media["schema"].get("$ref"))
        for media in content.values()
    )
