"""One call of a generated client, over httpx.MockTransport, checked against its spec.

Run in a fresh interpreter with the generated package and the project on the path:
`python tests/corpus_call.py VENDOR SPECS_DIR`. It imports every module of the client, builds
the IR to choose an operation whose required arguments are all scalars (else one whose
required body is a model of scalar required fields, sent as JSON or a form), calls it, and
prints IMPORTED, then what was sent (SENT: method, path, body) and what the spec says should
be, with the body given (WANT), or NOCALL.
Used by the directory sample test and by benchmarks/corpus_run.py.
"""

from __future__ import annotations

import ast
import enum
import importlib
import json
import pkgutil
import re
import sys
import types
import typing
import urllib.parse
from pathlib import Path
from typing import Any

import httpx
import pydantic

from generator.ir import Operation, Parameter
from generator.pipeline import build_vendor, discover_vendors

API_HOST = "https://api.example.test"  # for a spec that names no absolute server


def vendor_name(spec: str) -> str:
    """A package name for a spec file: `v_` and its name in lower case, runs of other
    characters as one `_`."""
    return "v_" + re.sub(r"[^a-z0-9]+", "_", Path(spec).stem.lower()).strip("_")


def value(parameter: Parameter) -> Any:
    """A value of the parameter's type, or None where it is not a scalar."""
    text = str(parameter.annotation)
    if text.startswith("Literal["):
        return ast.literal_eval(text.removeprefix("Literal[").split(",")[0].rstrip("]"))
    for prefix, chosen in (("str", "a1"), ("int", 7), ("float", 1.5), ("bool", True)):
        if text == prefix or text.startswith(prefix + " |"):
            return chosen
    return None


def scalar(annotation: Any) -> Any:
    """A value of a model field's type, as a user would write it, or None where it is not a
    scalar (the values of ``value``)."""
    if typing.get_origin(annotation) is typing.Literal:
        return typing.get_args(annotation)[0]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        members = [scalar(a) for a in typing.get_args(annotation) if a is not type(None)]
        return next((m for m in members if m is not None), None)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return next(iter(annotation))
    # bool before int: a bool is an int too.
    chosen = {bool: True, str: "a1", int: 7, float: 1.5}
    return chosen.get(annotation) if isinstance(annotation, type) else None


def body_of(op: Operation, package: Any) -> tuple[pydantic.BaseModel, dict[str, Any]] | None:
    """The model a user would pass as the operation's body, with only its required fields set
    (to scalars), and those fields by wire name; None where it cannot be built so, or is not
    sent as JSON or a form (whose bytes the check can read back)."""
    assert op.request_body is not None
    encoding = op.request_body.encodings[0]
    name = re.fullmatch(r"models\.(\w+)", encoding.annotation)
    if encoding.kind not in ("json", "form") or "*" in encoding.media_type or name is None:
        return None
    model = getattr(package.models, name[1])
    given: dict[str, Any] = {}
    wire: dict[str, Any] = {}
    for py_name, field in model.model_fields.items():
        if field.is_required():
            chosen = scalar(field.annotation)
            if chosen is None:
                return None
            given[py_name] = chosen
            wire[field.serialization_alias or field.alias or py_name] = chosen
    try:
        return model(**given), wire
    except pydantic.ValidationError:  # a constraint (pattern, range) the value does not meet
        return None


Chosen = tuple[Operation, list[Parameter], tuple[pydantic.BaseModel, dict[str, Any]] | None]


def choose(operations: tuple[Operation, ...], package: Any) -> Chosen | None:
    """The first operation (GETs first) needing no body and only scalar arguments; else the
    first needing scalar arguments and a body ``body_of`` can build."""
    ordered = sorted(operations, key=lambda o: (o.method != "get", o.path, o.method))
    for with_body in (False, True):
        for op in ordered:
            needed = [p for p in op.parameters if p.required and p.location != "cookie"]
            if any(value(p) is None for p in needed):
                continue
            if op.request_body is None or not op.request_body.required:
                if not with_body:
                    return op, needed, None
            elif with_body and (body := body_of(op, package)) is not None:
                return op, needed, body
    return None


def sent_body(request: httpx.Request) -> str:
    """The request's body, read back as its Content-Type says, as ``wanted_body`` shows it."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip()
    if request.content and (media_type == "application/json" or media_type.endswith("+json")):
        return f"body={media_type} {json.dumps(json.loads(request.content), sort_keys=True)}"
    if media_type == "application/x-www-form-urlencoded":  # a form of no fields is empty
        pairs = urllib.parse.parse_qsl(request.content.decode(), keep_blank_values=True)
        return f"body={media_type} {urllib.parse.urlencode(sorted(pairs))}"
    return f"body={request.content!r}"


def wanted_body(op: Operation, wire: dict[str, Any] | None) -> str:
    """The body the spec's media type makes of the fields given; none where none was."""
    if wire is None or op.request_body is None:
        return "body=b''"
    encoding = op.request_body.encodings[0]
    plain = {k: v.value if isinstance(v, enum.Enum) else v for k, v in wire.items()}
    if encoding.kind == "json":
        return f"body={encoding.media_type} {json.dumps(plain, sort_keys=True)}"
    # A form spells a boolean as JSON does (the runtime's text_value).
    text = {k: json.dumps(v) if isinstance(v, bool) else str(v) for k, v in plain.items()}
    return f"body={encoding.media_type} {urllib.parse.urlencode(sorted(text.items()))}"


def main(vendor: str, specs: Path) -> None:
    package = importlib.import_module(vendor)
    for module in pkgutil.walk_packages(package.__path__, vendor + "."):
        importlib.import_module(module.name)
    print("IMPORTED")
    api, _ = build_vendor(discover_vendors(specs, [vendor])[0])
    chosen = choose(api.operations, package)
    if chosen is None:
        print("NOCALL no operation whose required arguments are all scalars or scalar fields")
        return
    op, needed, body = chosen
    seen: list[httpx.Request] = []

    def reply(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={})

    kwargs: dict[str, Any] = {
        s.py_name: ("u", "p") if s.kind == "basic" else "k"
        for s in api.security_schemes
        if s.oauth is None
    }
    if api.uses_oauth:  # no token server here: a token the caller holds, as for any other flow
        kwargs["default_headers"] = {"Authorization": "Bearer k"}
    base = api.base_url
    if not base.startswith(("http://", "https://")):
        base = kwargs["base_url"] = API_HOST
    client = getattr(package, api.client_name + "Client")(
        http_client=httpx.Client(transport=httpx.MockTransport(reply)), max_retries=0, **kwargs
    )
    resource = next(
        getattr(client, r.py_name)
        for r in api.resources
        if any(o.full_name == op.full_name for o in r.operations)
    )
    try:
        getattr(resource, op.py_name)(
            *(value(p) for p in op.path_parameters),
            **{p.py_name: value(p) for p in needed if p.location != "path"},
            **({} if body is None else {"body": body[0]}),
        )
    except Exception as exc:  # the request is what is checked: {} may not be a valid response
        print("RAISED", type(exc).__name__)
    path = op.path
    for p in op.path_parameters:
        text = "true" if value(p) is True else str(value(p))
        path = path.replace("{" + p.wire_name + "}", urllib.parse.quote(text, safe=""))
    # A fragment in a path key (AWS's `/#Action=...`) names the operation; HTTP never sends it.
    path = path.split("#", 1)[0]
    # Without a body argument none may be sent (a form or JSON `{}` would be one); with one,
    # what was given, as the operation's media type.
    print("SENT", seen[0].method, seen[0].url.path, sent_body(seen[0]))
    want_path = urllib.parse.urlsplit(base).path.rstrip("/") + path
    print("WANT", op.method.upper(), want_path, wanted_body(op, None if body is None else body[1]))


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
