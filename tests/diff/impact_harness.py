"""The client-impact harness: a rule case's base client, generated and run against the revision.

- Requests: each call the base client can make (every value its base spec allows, varied one
  parameter or body value at a time, kept only where the base spec accepts the request) goes
  over an ``httpx.MockTransport``; what it sends is validated against the revision.
- Responses: each body the revision allows (varied in the same way) is what the base client
  reads; a success body must parse, an error status must raise its ``APIStatusError``.

The result is "breaks" (with the first evidence found) or "copes". Values are made per schema
node at its edges (bounds, lengths, every enum value and alternative, each type of a type
list, null, each optional property left out), so that a change at one edge is met without a
random search. (hypothesis-jsonschema would generate them, but 0.23.1 does not run with the
hypothesis this project pins: ``'many' object has no attribute 'more'``.)
"""

from __future__ import annotations

import importlib
import inspect
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx
from openapi_schema_validator import OAS30Validator, OAS31Validator

from generator.ir import Api, Operation
from generator.pipeline import build_vendor, discover_vendors
from generator.render import render_client, render_models
from generator.spec.load import Document, follow_refs, read_runtime_sources
from generator.spec.media import essence
from generator.spec.validate import IGNORED_BODY_METHODS, IGNORED_HEADER_PARAMETERS, iter_operations

_CREDENTIALS = "(credentials)"  # an argument of ours: the one credential to give
_OAUTH = "(oauth)"  # an OAuth 2.0 scheme's arguments, as one credential
_OAUTH_ARGUMENTS = ("client_id", "client_secret", "refresh_token")
_DEPTH = 5  # how deep values are made in a schema (recursive ones stop here)
_TEMPLATE = re.compile(r"{([^{}]*)}")


@dataclass(frozen=True, slots=True)
class Outcome:
    breaks: bool
    evidence: str  # what broke, or what was tried

    @property
    def label(self) -> str:
        return "breaks" if self.breaks else "copes"


@dataclass(frozen=True, slots=True)
class BaseClient:
    """A generated client, imported: its package and the IR it was made from."""

    package: Any
    api: Api


def generate_clients(documents: dict[str, Document], directory: Path) -> dict[str, BaseClient]:
    """Each document's client, generated under ``directory`` and imported, keyed as given.

    Rendered as ``generate`` renders, without black: formatting changes no behaviour, and costs
    more than the rest of a small spec's generation."""
    specs = directory / "specs"
    names = {key: f"impact{index}" for index, key in enumerate(sorted(documents))}
    for key, name in names.items():
        spec = specs / name / "openapi.yaml"
        spec.parent.mkdir(parents=True)
        spec.write_text(json.dumps(documents[key].data), encoding="utf-8")  # JSON is YAML
    out = directory / "generated"
    vendors = {v.name: v for v in discover_vendors(specs)}
    runtime = read_runtime_sources()
    clients = {}
    sys.path.insert(0, str(out))
    for key, name in names.items():
        api, _ = build_vendor(vendors[name])
        files = {**render_client(api), **render_models(api)}
        files.update({Path("_runtime") / n: text for n, text in runtime.items()})
        for path, text in files.items():
            target = out / name / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        importlib.invalidate_caches()
        clients[key] = BaseClient(importlib.import_module(name), api)
    return clients


def run_case(
    client: BaseClient,
    base: Document,
    revision: Document,
    methods: set[str],
    responses: dict[str, Any] | None = None,
    requests: dict[str, dict[str, Any]] | None = None,
) -> Outcome:
    """The base client against the revision, on its operations of these methods (all when
    empty). ``responses``/``requests``: the case's own examples, by operationId: a body the
    revision allows, and arguments for the base client's method."""
    tried = 0
    for operation in client.api.operations:
        if methods and operation.method not in methods:
            continue
        exercise = _Exercise(client, operation, base, revision)
        for found in (
            exercise.requests((requests or {}).get(operation.wire_name)),
            exercise.responses((responses or {}).get(operation.wire_name)),
        ):
            for problem in found:
                tried += 1
                if problem:
                    return Outcome(True, f"{operation.method} {operation.path}: {problem}")
    return Outcome(False, f"{tried} calls, none broke")


class _Exercise:
    """One operation of a base client, called over a mock transport."""

    def __init__(
        self, client: BaseClient, operation: Operation, base: Document, revision: Document
    ) -> None:
        self.client = client
        self.operation = operation
        self.base = base
        self.revision = revision
        self.base_op = _find_operation(base, operation.method, operation.path)
        assert self.base_op is not None, f"{operation.method} {operation.path} not in the base"
        self.sent: list[httpx.Request] = []
        self.answer = httpx.Response(204)

    def requests(self, given: dict[str, Any] | None) -> Iterator[str]:
        """For each call the base spec allows: what is wrong with it under the revision."""
        self.answer = self._plain_answer()
        for arguments in [given] if given is not None else self._arguments():
            request = self._call(arguments)
            if isinstance(request, str):
                if given is not None:
                    raise AssertionError(f"the case's arguments fail: {request}")
                continue  # the base client refuses what a caller may not send
            if given is None and _request_problem(self.base, request):
                continue  # not something the base spec allows
            problem = _request_problem(self.revision, request)
            yield f"{problem}: {_show(request)}" if problem else ""

    def responses(self, given: Any) -> Iterator[str]:
        """For each response the revision allows: what the base client makes of it."""
        op = _find_operation(self.revision, self.operation.method, self.operation.path)
        if op is None:
            return  # the endpoint is gone: the requests say so
        _, _, operation, _ = op
        arguments = next(iter(self._arguments()), {})
        for status, media, body in _responses(self.revision, operation, given):
            self.answer = _answer(status, media, body)
            outcome = self._call(arguments)
            problem = outcome if isinstance(outcome, str) else ""
            shown = json.dumps(body)[:160] if body is not None else "no body"
            yield f"{problem}, reading {status} {media or ''} {shown}" if problem else ""

    def _plain_answer(self) -> httpx.Response:
        _, _, operation, _ = self.base_op  # type: ignore[misc]
        for status, media, body in _responses(self.base, operation, None):
            if status < 300:
                return _answer(status, media, body)
        return httpx.Response(204)

    def _call(self, arguments: dict[str, Any]) -> httpx.Request | str:
        """Call the method; the request sent, or what went wrong."""
        self.sent.clear()

        def handler(request: httpx.Request) -> httpx.Response:
            self.sent.append(request)
            return self.answer

        package = self.client.package
        client_class = _client_class(package)
        http = httpx.Client(transport=httpx.MockTransport(handler))
        arguments = dict(arguments)
        credentials = _credentials(client_class, arguments.pop(_CREDENTIALS, None))
        client = client_class(http_client=http, max_retries=0, **credentials)
        resource = next(r for r in self.client.api.resources if self.operation in r.operations)
        method = getattr(getattr(client, resource.py_name), self.operation.py_name)
        errors = package.APIStatusError
        try:
            method(**arguments)
        except errors:
            if self.answer.status_code < 300:
                raise
        except TypeError as error:
            return f"{type(error).__name__}: {error}"
        except package.MissingCredentialsError as error:
            return f"the client refuses: {error}"
        except (package.APIError, ValueError) as error:
            return f"{type(error).__name__}: {str(error)[:200]}"
        else:
            if self.answer.status_code >= 300:
                return f"status {self.answer.status_code} raised no APIStatusError"
        finally:
            http.close()
        return self.sent[0] if self.sent else "nothing was sent"

    def _arguments(self) -> Iterator[dict[str, Any]]:
        """Arguments for the method: required ones first, then one value varied at a time."""
        _, item, operation, _ = self.base_op  # type: ignore[misc]
        values: dict[str, list[Any]] = {}
        required: set[str] = set()
        by_wire = {(p.location, p.wire_name): p for p in self.operation.parameters}
        for parameter in _parameters(self.base, item, operation):
            found = by_wire.get((parameter.get("in"), parameter.get("name")))
            if found is None:
                continue
            values[found.py_name] = _values(self.base, parameter.get("schema"), "request")
            if found.required:
                required.add(found.py_name)
        body = operation.get("requestBody")
        encodings = self.operation.request_body.encodings if self.operation.request_body else ()
        if body is not None and encodings:
            body, _ = follow_refs(self.base.data, body, "")
            content = body.get("content") or {}
            media = _json_media(content) or next(iter(sorted(content)), None)
            if media is not None:
                values["body"] = _values(self.base, body["content"][media].get("schema"), "request")
                if body.get("required"):
                    required.add("body")
        plain = {name: values[name][0] for name in sorted(required) if values[name]}
        yield plain
        for name in sorted(values):
            for value in values[name][1:] if name in required else values[name]:
                yield {**plain, name: value}
        if len(encodings) > 1 and values.get("body"):
            # Each media type the body may be sent as (the client sends JSON unless told).
            for encoding in encodings:
                yield {**plain, "body": values["body"][0], "content_type": encoding.media_type}
        names = _credential_names(_client_class(self.client.package))
        for name in names if len(names) > 1 else ():
            yield {**plain, _CREDENTIALS: name}


def _show(request: httpx.Request) -> str:
    return f"{request.method} {request.url}"[:200]


def _client_class(package: Any) -> Any:
    """The package's sync client class (``DiffBaseClient``)."""
    return next(
        getattr(package, n) for n in package.__all__ if n.endswith("Client") and "Async" not in n
    )


def _credential_names(client_class: Any) -> list[str]:
    """The client's credentials: its arguments before ``base_url``, an OAuth 2.0 scheme's
    (client id, secret, refresh token) counted as one."""
    names = list(inspect.signature(client_class).parameters)
    names = names[: names.index("base_url")]
    plain = [name for name in names if not name.endswith(_OAUTH_ARGUMENTS)]
    return plain + [_OAUTH] * (len(plain) != len(names))


def _credentials(client_class: Any, only: str | None) -> dict[str, Any]:
    """A value for each credential the client takes (all given, the client picks), or one."""
    parameters = inspect.signature(client_class).parameters
    found: dict[str, Any] = {}
    for name in _credential_names(client_class):
        if only is not None and name != only:
            continue
        if name == _OAUTH:
            # No token server here: a token the caller holds, sent as the client sends one.
            found["default_headers"] = {"Authorization": "Bearer token"}
        else:
            tuple_ = "tuple" in str(parameters[name].annotation)
            found[name] = ("user", "secret") if tuple_ else "token"
    return found


def _answer(status: int, media: str | None, body: Any) -> httpx.Response:
    if media is None:
        return httpx.Response(status)
    if "json" in media:
        return httpx.Response(status, json=body, headers={"content-type": media})
    text = body if isinstance(body, str) else json.dumps(body)
    return httpx.Response(status, text=text, headers={"content-type": media})


def _json_media(content: dict[str, Any]) -> str | None:
    return next((m for m in content if "json" in essence(m)), None)


def _responses(
    doc: Document, operation: dict[str, Any], given: Any
) -> Iterator[tuple[int, str | None, Any]]:
    """(status, media type, body) for each body the document allows, successes first."""
    documented = operation.get("responses") or {}
    statuses = sorted(documented, key=lambda s: (not str(s).startswith("2"), str(s)))
    for status in statuses:
        code = 200 if status == "default" else int(str(status).replace("X", "0"))
        response, _ = follow_refs(doc.data, documented[status], "")
        content = response.get("content") or {}
        if not content:
            yield code, None, None
            continue
        media = _json_media(content) or sorted(content)[0]
        schema = content[media].get("schema")
        bodies = [given] if given is not None and code < 300 else _values(doc, schema, "response")
        for body in bodies:
            problem = _invalid(doc, schema, body)
            if given is not None and code < 300:
                assert not problem, f"the case's response is not valid in the revision: {problem}"
            if not problem:
                yield code, media, body


# --- requests, validated against a document


def _find_operation(
    doc: Document, method: str, path: str
) -> tuple[str, dict[str, Any], dict[str, Any], str] | None:
    """(path, path item, operation, pointer) of the operation at ``method`` and a path that
    matches ``path`` (template or concrete)."""
    for written, verb, operation, pointer in iter_operations(doc.data):
        if verb.upper() != method:
            continue
        if written == path or _matches(written, path):
            return written, doc.data["paths"][written], operation, pointer
    return None


def _matches(template: str, path: str) -> bool:
    pattern = "".join(
        "[^/]+" if part.startswith("{") else re.escape(part)
        for part in re.split(r"({[^{}]*})", template)
    )
    return re.fullmatch(pattern, path) is not None


def _parameters(doc: Document, item: dict[str, Any], operation: dict[str, Any]) -> list[Any]:
    found: dict[tuple[str, str], Any] = {}
    for raw in (item.get("parameters") or []) + (operation.get("parameters") or []):
        parameter, _ = follow_refs(doc.data, raw, "")
        if isinstance(parameter, dict):
            found[(str(parameter.get("in")), str(parameter.get("name")))] = parameter
    return list(found.values())


def _request_problem(doc: Document, request: httpx.Request) -> str:
    """What the document does not allow in this request, or ""."""
    url = str(request.url)
    servers = [str(s.get("url", "")).rstrip("/") for s in doc.data.get("servers") or [{}]]
    server = next((s for s in servers if s and url.startswith(s + "/")), None)
    if server is None:
        return f"goes to a server the spec does not list ({', '.join(servers)})"
    path = url[len(server) :].split("?", 1)[0]
    found = _find_operation(doc, request.method, path)
    if found is None:
        return "has no operation in the spec"
    written, item, operation, _ = found
    problem = _security_problem(doc, operation, request)
    if problem:
        return problem
    names = _TEMPLATE.findall(written)
    path_values = dict(zip(names, _path_values(written, path), strict=True))
    query = parse_qsl(request.url.query.decode(), keep_blank_values=True)
    declared = set()
    for parameter in _parameters(doc, item, operation):
        where, name = str(parameter.get("in")), str(parameter.get("name"))
        if where == "header" and name.lower() in IGNORED_HEADER_PARAMETERS:
            continue
        declared.add((where, name.lower() if where == "header" else name))
        schema = parameter.get("schema")
        deep = where == "query" and parameter.get("style") == "deepObject"
        if where == "path":
            raw: list[str] = [path_values[name]] if name in path_values else []
        elif deep:
            if any(k == name for k, _ in query):
                return f"sends the deepObject parameter {name} as one value, not {name}[...]"
            raw = [f"{k}={v}" for k, v in query if k.startswith(f"{name}[")]
        elif where == "query":
            raw = [v for k, v in query if k == name]
        elif where == "header":
            raw = request.headers.get_list(name)
        else:
            raw = []
        if not raw:
            if parameter.get("required"):
                return f"leaves out the required {where} parameter {name}"
            continue
        value = _deep(doc, schema, name, query) if deep else _typed(doc, schema, raw)
        problem = _invalid(doc, schema, value)
        if problem:
            return f"sends the {where} parameter {name} as {raw}: {problem}"
    for key, _ in query:
        if ("query", key.split("[", 1)[0]) not in declared:
            return f"sends the query parameter {key}, which the spec does not define"
    return _body_problem(doc, operation, request)


def _path_values(template: str, path: str) -> list[str]:
    pattern = "".join(
        "([^/]+)" if part.startswith("{") else re.escape(part)
        for part in re.split(r"({[^{}]*})", template)
    )
    match = re.fullmatch(pattern, path)
    return list(match.groups()) if match else []


def _security_problem(doc: Document, operation: dict[str, Any], request: httpx.Request) -> str:
    requirements = operation.get("security", doc.data.get("security")) or [{}]
    schemes = (doc.data.get("components") or {}).get("securitySchemes") or {}
    auth = request.headers.get("authorization", "")

    def present(name: str) -> bool:
        scheme, _ = follow_refs(doc.data, schemes.get(name) or {}, "")
        kind = scheme.get("type")
        if kind == "http":
            return auth.lower().startswith(str(scheme.get("scheme", "")).lower() + " ")
        if kind == "apiKey":
            where, key = scheme.get("in"), str(scheme.get("name"))
            if where == "header":
                return key in request.headers
            if where == "query":
                return key in dict(parse_qsl(request.url.query.decode()))
            return key in request.headers.get("cookie", "")
        return bool(auth)  # oauth2, openIdConnect: a token

    if any(all(present(name) for name in requirement) for requirement in requirements):
        return ""
    return f"carries no credentials for {requirements}"


def _body_problem(doc: Document, operation: dict[str, Any], request: httpx.Request) -> str:
    raw = operation.get("requestBody")
    body = follow_refs(doc.data, raw, "")[0] if raw is not None else None
    content = request.content
    if not content:
        if body is not None and body.get("required"):
            return "sends no body, and the spec requires one"
        return ""
    if body is None or request.method.lower() in IGNORED_BODY_METHODS:
        return "sends a body the spec does not take"
    media = essence(request.headers.get("content-type", ""))
    documented = {essence(m): m for m in body.get("content") or {}}
    if media not in documented:
        return f"sends {media}, which the spec does not take ({', '.join(sorted(documented))})"
    if "json" not in media:
        return ""
    schema = body["content"][documented[media]].get("schema")
    problem = _invalid(doc, schema, json.loads(content))
    return f"sends a body that {problem}" if problem else ""


def _deep(doc: Document, schema: Any, name: str, query: list[tuple[str, str]]) -> Any:
    """A deepObject parameter (``filter[since]=...``) as the object it stands for."""
    resolved, _ = follow_refs(doc.data, schema or {}, "")
    properties = resolved.get("properties") or {}
    found = {}
    for key, text in query:
        if key.startswith(f"{name}[") and key.endswith("]"):
            member = key[len(name) + 1 : -1]
            found[member] = _typed(doc, properties.get(member), [text])
    return found


def _typed(doc: Document, schema: Any, raw: list[str]) -> Any:
    """A parameter's text as the JSON value its schema reads it as."""
    resolved, _ = follow_refs(doc.data, schema or {}, "")
    kinds = _types(resolved)
    if "array" in kinds:
        items, _ = follow_refs(doc.data, resolved.get("items") or {}, "")
        return [_scalar(_types(items), v) for part in raw for v in part.split(",")]
    return _scalar(kinds, raw[0])


def _scalar(kinds: list[str], text: str) -> Any:
    for kind in kinds:
        try:
            if kind == "integer":
                return int(text)
            if kind == "number":
                return float(text)
        except ValueError:
            continue
        if kind == "boolean" and text in ("true", "false"):
            return text == "true"
        if kind == "null" and text in ("", "null"):
            return None
    return text


def _types(schema: Any) -> list[str]:
    if not isinstance(schema, dict):
        return []
    kind = schema.get("type")
    return kind if isinstance(kind, list) else [kind] if isinstance(kind, str) else []


# Validators by document and schema; each holds its document, so that no other takes its id.
_VALIDATORS: dict[tuple[int, str], tuple[Document, Any]] = {}


def _invalid(doc: Document, schema: Any, value: Any) -> str:
    """Why ``value`` does not match ``schema`` (refs into ``doc``), or ""."""
    if schema is None:
        return ""
    key = (id(doc), json.dumps(schema, sort_keys=True))
    cached = _VALIDATORS.get(key)
    if cached is None:
        components = doc.data.get("components") or {}
        root = (
            {"allOf": [schema], "components": components}
            if isinstance(schema, bool)
            else {**schema, "components": components}
        )
        kind = OAS31Validator if str(doc.data.get("openapi")).startswith("3.1") else OAS30Validator
        cached = _VALIDATORS[key] = (doc, kind(root))
    validator = cached[1]
    error = next(iter(validator.iter_errors(value)), None)
    if error is None:
        return ""
    where = "/".join(str(p) for p in error.absolute_path)
    return f"is not valid{f' at {where}' if where else ''}: {error.message[:160]}"


# --- values a schema allows, at its edges


def _values(doc: Document, schema: Any, direction: str, depth: int = 0) -> list[Any]:
    """Values of ``schema``, the plainest first, then one edge at a time. Not all are valid
    (a pattern, a combination of keywords): callers keep those the spec accepts."""
    if schema is None or schema is True or schema == {}:
        return ["text", 1, {"any": "thing"}]
    if not isinstance(schema, dict) or depth > _DEPTH:
        return []
    schema = _resolved(doc, schema)
    if "const" in schema:
        return [schema["const"]]
    if isinstance(schema.get("enum"), list):
        return list(schema["enum"])
    found: list[Any] = []
    for key in ("oneOf", "anyOf"):
        for branch in schema.get(key) or []:
            found += _values(doc, branch, direction, depth + 1)
    if found:
        return _unique(found)
    kinds = _types(schema) or _implied_types(schema)
    for kind in kinds:
        found += _values_of_type(doc, schema, kind, direction, depth)
    if schema.get("nullable") is True:
        found.append(None)
    for example in (schema.get("example"), *(schema.get("examples") or [])):
        if example is not None:
            found.append(example)
    return _unique(found)


def _resolved(doc: Document, schema: dict[str, Any]) -> dict[str, Any]:
    """Refs followed (3.1 siblings kept) and ``allOf`` parts merged in."""
    resolved, _ = follow_refs(doc.data, schema, "")
    if "$ref" in schema and isinstance(resolved, dict):
        resolved = {**resolved, **{k: v for k, v in schema.items() if k != "$ref"}}
    parts = resolved.get("allOf")
    if not isinstance(parts, list):
        return resolved
    merged = {k: v for k, v in resolved.items() if k != "allOf"}
    for part in parts:
        flat = _resolved(doc, part) if isinstance(part, dict) else {}
        for key, value in flat.items():
            if key == "properties":
                merged["properties"] = {**value, **(merged.get("properties") or {})}
            elif key == "required":
                merged["required"] = sorted({*value, *(merged.get("required") or [])})
            else:
                merged.setdefault(key, value)
    return merged


def _implied_types(schema: dict[str, Any]) -> list[str]:
    if "properties" in schema or "additionalProperties" in schema:
        return ["object"]
    if "items" in schema:
        return ["array"]
    if any(k in schema for k in ("minimum", "maximum", "multipleOf")):
        return ["number"]
    return ["string"]


def _values_of_type(
    doc: Document, schema: dict[str, Any], kind: str, direction: str, depth: int
) -> list[Any]:
    if kind == "null":
        return [None]
    if kind == "boolean":
        return [True, False]
    if kind in ("integer", "number"):
        return _numbers(schema, kind)
    if kind == "string":
        return _strings(schema)
    if kind == "array":
        items = _values(doc, schema.get("items"), direction, depth + 1) or ["text"]
        low, high = schema.get("minItems", 0), schema.get("maxItems")
        found = [[items[0]] * max(low, 1)] + [[v] * max(low, 1) for v in items[1:]]
        found.append([items[0]] * (high if isinstance(high, int) else max(low, 1) + 6))
        if low == 0:
            found.insert(1, [])
        return found
    if kind == "object":
        return _objects(doc, schema, direction, depth)
    return []


def _numbers(schema: dict[str, Any], kind: str) -> list[Any]:
    low, high = schema.get("minimum"), schema.get("maximum")
    ex_low, ex_high = schema.get("exclusiveMinimum"), schema.get("exclusiveMaximum")
    if isinstance(ex_low, bool):  # 3.0: a flag on minimum
        ex_low, low = (low if ex_low else None), (None if ex_low else low)
    if isinstance(ex_high, bool):
        ex_high, high = (high if ex_high else None), (None if ex_high else high)
    found: list[Any] = [1, 0, -1, 1000000]
    for edge in (low, high):
        if isinstance(edge, int | float):
            found.append(edge)
    if isinstance(ex_low, int | float):
        found.append(ex_low + 1)
    if isinstance(ex_high, int | float):
        found.append(ex_high - 1)
    if isinstance(schema.get("multipleOf"), int | float):
        found.insert(0, schema["multipleOf"])
    if kind == "number":
        found.append(1.5)
    return found


_FORMATS = {
    "date-time": "2026-01-02T03:04:05Z",
    "date": "2026-01-02",
    "time": "03:04:05Z",
    "email": "ann@example.test",
    "idn-email": "ann@example.test",
    "uuid": "123e4567-e89b-12d3-a456-426614174000",
    "uri": "https://example.test/a",
    "ipv4": "192.0.2.1",
}


def _strings(schema: dict[str, Any]) -> list[Any]:
    low, high = schema.get("minLength", 0), schema.get("maxLength")
    plain = _FORMATS.get(str(schema.get("format")), "text")
    found = [plain, "Ann", "a" * max(low, 1), "ABC-123"]
    if isinstance(high, int):
        found.append("a" * high)
    found.append("a" * (max(low, 1) + 60))
    return found


def _objects(doc: Document, schema: dict[str, Any], direction: str, depth: int) -> list[Any]:
    skip = "readOnly" if direction == "request" else "writeOnly"
    properties = schema.get("properties") if isinstance(schema.get("properties"), dict) else {}
    required = set(schema.get("required") or [])
    values = {}
    for name, raw in sorted(properties.items()):
        prop = follow_refs(doc.data, raw, "")[0] if isinstance(raw, dict) else raw
        if isinstance(prop, dict) and prop.get(skip):
            continue
        values[name] = _values(doc, raw, direction, depth + 1)
    plain = {name: found[0] for name, found in values.items() if found}
    found: list[Any] = [plain, {n: v for n, v in plain.items() if n in required}]
    for name in sorted(values):
        found += [{**plain, name: value} for value in values[name][1:]]
        if name not in required:
            found.append({n: v for n, v in plain.items() if n != name})
    extra = schema.get("additionalProperties")
    if isinstance(extra, dict):
        found += [{**plain, "extra": v} for v in _values(doc, extra, direction, depth + 1)[:3]]
    elif extra is not False:
        found.append({**plain, "extra": "text"})  # a property the schema does not name
    return found


def _unique(values: list[Any]) -> list[Any]:
    seen, found = set(), []
    for value in values:
        key = json.dumps(value, sort_keys=True)
        if key not in seen:
            seen.add(key)
            found.append(value)
    return found
