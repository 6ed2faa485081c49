"""A reviewable text snapshot of what a spec exposes: operations, parameters, models and field types.

It changes only when the spec's surface changes, so it is committed beside the
spec and updated on purpose (``make accept-surface``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..ir import Api


def describe_surface(api: Api) -> str:
    lines = [
        f"# Surface of {api.spec_file} with its overlay. Review a change, then accept it with",
        f"# `make accept-surface VENDOR={api.vendor}`.",
        f"client {api.client_name}Client base_url={api.base_url or '(none)'}",
    ]
    for scheme in api.security_schemes:
        lines.append(f"auth {scheme.wire_name}: {scheme.kind}")
        if scheme.oauth is not None:
            flows = scheme.oauth
            lines.append(
                f"  {', '.join(scheme.arguments)}: token {flows.token_url or '-'},"
                f" refresh {flows.refresh_url or '-'}, scopes {' '.join(flows.scopes) or '-'}"
            )
    for resource, op in ((r, op) for r in api.resources for op in r.operations):
        lines.append(
            f"operation {resource.py_name}.{op.py_name}: {op.method} {op.path}"
            f" (operationId {op.wire_name or '-'})"
        )
        for p in op.parameters:
            need = "required" if p.required else "optional"
            lines.append(f"  {p.location} {p.wire_name} -> {p.py_name}: {p.annotation} ({need})")
        if op.request_body:
            need = "required" if op.request_body.required else "optional"
            lines.append(f"  body: {op.request_body.annotation} ({need})")
        for r in op.responses:
            lines.append(f"  {r.status} -> {r.annotation or 'no body'}")
        if op.pagination:
            lines.append(
                f"  pages: {op.pagination.style}, {op.pagination.summary}"
                f" -> {op.pagination.item_annotation}"
            )
        security = " or ".join(" + ".join(req) or "anonymous" for req in op.security) or "none"
        lines.append(f"  security: {security}")
    for model in api.models:
        lines.append(f"model {model.name}")
        for field in model.fields:
            flag = "required" if field.required else "optional"
            lines.append(f"  {field.path}: {field.type} ({flag})")
    return "\n".join(lines) + "\n"
