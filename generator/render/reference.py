"""``README.md`` of a generated client: its constructor, every operation with its signature,
what it raises and an example call, and every model with its fields."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from ..core.names import PyCode, py_str

if TYPE_CHECKING:
    from ..ir import Api, Operation, Parameter, Resource

_EXAMPLE_VALUES = {"str": None, "int": "1", "float": "1.5", "bool": "True"}


def construct(api: Api) -> PyCode:
    """Importing the client and building it with its first credential and every required
    server variable given a placeholder (one credential is enough to call; the table below
    lists them all)."""
    arguments = []
    if api.security_schemes:
        scheme = api.security_schemes[0]
        if scheme.oauth is not None:
            client_id, secret, refresh = scheme.oauth.arguments
            second = (secret, "client secret") if scheme.oauth.token_url else (refresh, "token")
            arguments += [f'{client_id}="<client id>"', f'{second[0]}="<{second[1]}>"']
        else:
            value = (
                '("user", "password")'
                if scheme.kind == "basic"
                else py_str(f"<{scheme.wire_name}>")
            )
            arguments.append(f"{scheme.py_name}={value}")
    arguments += [
        f"{v.py_name}={py_str(f'<{v.wire_name}>')}" for v in api.server_variables if v.required
    ]
    if not api.server:
        arguments.append('base_url="https://api.example.com"')
    name = f"{api.client_name}Client"
    return PyCode(f"from {api.vendor} import {name}\n\nclient = {name}({', '.join(arguments)})")


def install(api: Api) -> PyCode:
    """How to install the package: from a checkout, from git, or as a wheel."""
    wheel = api.distribution.replace("-", "_")
    return PyCode(
        f"pip install ./generated/{api.vendor}\n"
        "# or from git, at a commit you pin:\n"
        f'pip install "{api.distribution} @ git+https://<host>/<repository>.git@<commit>'
        f'#subdirectory=generated/{api.vendor}"\n'
        f"# or a wheel: make dist builds dist/{wheel}-<version>-py3-none-any.whl"
    )


def signature(op: Operation) -> PyCode:
    parts = [f"{p.py_name}: {p.annotation}" for p in op.path_parameters]
    keywords = [
        f"{p.py_name}: {p.annotation}" + ("" if p.required else " | Omit = omit")
        for p in op.keyword_parameters
    ]
    if op.request_body is not None:
        optional = "" if op.request_body.required else " | Omit = omit"
        keywords.append(f"body: {op.request_body.annotation}{optional}")
    if keywords:
        parts += ["*", *keywords]
    return PyCode(f"{op.py_name}({', '.join(parts)}) -> {op.result_annotation}")


def example(resource: Resource, op: Operation) -> PyCode:
    """A call with every required argument given a value of its type; for a list over
    pages, a loop over its items."""
    arguments = [_value(p) for p in op.path_parameters]
    arguments += [f"{p.py_name}={_value(p)}" for p in op.keyword_parameters if p.required]
    if op.request_body is not None and op.request_body.required:
        kind = op.request_body.encodings[0].kind
        body = {"binary": 'b"..."', "raw": 'b"..."', "text": '"..."'}.get(kind, "{}")
        arguments.append(f"body={body}")
    call = f"client.{resource.py_name}.{op.py_name}({', '.join(arguments)})"
    if op.pagination is not None:
        return PyCode(f"for item in {call}:  # every item of every page\n    print(item)")
    return PyCode(call)


def _value(parameter: Parameter) -> str:
    if parameter.allowed:
        # A Literal's or bool's first value (the check before sending would refuse others).
        first = ast.literal_eval(parameter.allowed)[0]
        return py_str(first) if isinstance(first, str) else repr(first)
    annotation = str(parameter.annotation).split(" | ")[0]
    if annotation in _EXAMPLE_VALUES:
        return _EXAMPLE_VALUES[annotation] or py_str(f"<{parameter.wire_name}>")
    if annotation.startswith(("Sequence[", "list[")):
        return "[]"
    return "{}"
