"""One call of a generated client, over httpx.MockTransport, checked against its spec.

Run in a fresh interpreter with the generated package and the project on the path:
`python tests/corpus_call.py VENDOR SPECS_DIR`. It imports every module of the client, builds
the IR to choose an operation whose required arguments are all scalars, calls it, and prints
IMPORTED, then what was sent (SENT: method, path, body) and what the spec says should be
(WANT), or NOCALL.
Used by the directory sample test and by benchmarks/corpus_run.py.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import sys
import urllib.parse
from pathlib import Path
from typing import Any

import httpx

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


def choose(operations: tuple[Operation, ...]) -> tuple[Operation, list[Parameter]] | None:
    """The first operation (GETs first) needing no body and only scalar arguments."""
    for op in sorted(operations, key=lambda o: (o.method != "get", o.path, o.method)):
        if op.request_body is not None and op.request_body.required:
            continue
        needed = [p for p in op.parameters if p.required and p.location != "cookie"]
        if all(value(p) is not None for p in needed):
            return op, needed
    return None


def main(vendor: str, specs: Path) -> None:
    package = importlib.import_module(vendor)
    for module in pkgutil.walk_packages(package.__path__, vendor + "."):
        importlib.import_module(module.name)
    print("IMPORTED")
    api, _ = build_vendor(discover_vendors(specs, [vendor])[0])
    chosen = choose(api.operations)
    if chosen is None:
        print("NOCALL no operation whose required arguments are all scalars")
        return
    op, needed = chosen
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
        )
    except Exception as exc:  # the request is what is checked: {} may not be a valid response
        print("RAISED", type(exc).__name__)
    path = op.path
    for p in op.path_parameters:
        text = "true" if value(p) is True else str(value(p))
        path = path.replace("{" + p.wire_name + "}", urllib.parse.quote(text, safe=""))
    # A fragment in a path key (AWS's `/#Action=...`) names the operation; HTTP never sends it.
    path = path.split("#", 1)[0]
    # No body argument was given, so none may be sent (a form or JSON `{}` would be one).
    print("SENT", seen[0].method, seen[0].url.path, f"body={seen[0].content!r}")
    print(
        "WANT", op.method.upper(), urllib.parse.urlsplit(base).path.rstrip("/") + path, "body=b''"
    )


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
