"""A reviewable text snapshot of what a spec exposes: operations, parameters, models and field types.

It changes only when the spec's surface changes, so it is committed beside the
spec and updated on purpose (``make accept-surface``).
"""

from __future__ import annotations

import json
from typing import Any

from .ir import Api


def describe_surface(api: Api) -> str:
    lines = [
        f"# Surface of {api.spec_file} with its overlay. Review a change, then accept it with",
        f"# `make accept-surface VENDOR={api.vendor}`.",
        f"client {api.client_name}Client base_url={api.base_url or '(none)'}",
    ]
    lines += [f"auth {s.wire_name}: {s.kind}" for s in api.security_schemes]
    for op in api.operations:
        lines.append(
            f"operation {op.py_name}: {op.method} {op.path} (operationId {op.wire_name or '-'})"
        )
        for p in op.parameters:
            need = "required" if p.required else "optional"
            lines.append(f"  {p.location} {p.wire_name} -> {p.py_name}: {p.annotation} ({need})")
        if op.request_body:
            need = "required" if op.request_body.required else "optional"
            lines.append(f"  body: {op.request_body.annotation} ({need})")
        for r in op.responses:
            lines.append(f"  {r.status} -> {r.annotation or 'no body'}")
        security = " or ".join(" + ".join(req) or "anonymous" for req in op.security) or "none"
        lines.append(f"  security: {security}")
    for model in api.models:
        lines.append(f"model {model.name}")
        schema = json.loads(model.schema_json)
        required = set(schema.get("required", []))
        for name, prop in sorted((schema.get("properties") or {}).items()):
            flag = "required" if name in required else "optional"
            lines.append(f"  {name}: {_type(prop)} ({flag})")
    return "\n".join(lines) + "\n"


def _type(schema: Any) -> str:
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
            return f"{key}(" + " | ".join(_type(s) for s in schema[key]) + ")"
    kind = schema.get("type", "any")
    if isinstance(kind, list):
        return " | ".join(_type({**schema, "type": k}) for k in kind)
    if kind == "array":
        return f"array[{_type(schema.get('items', {}))}]"
    if kind == "object" and "properties" in schema:
        inner = ", ".join(f"{k}: {_type(v)}" for k, v in sorted(schema["properties"].items()))
        return "object{" + inner + "}"
    fmt = schema.get("format")
    return f"{kind}({fmt})" if fmt else str(kind)
