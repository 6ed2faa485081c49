"""Client impact: how the generated Python surface changes, and whether callers' code breaks.

Both revisions of a spec are rendered with the current generator, so the
difference is the spec's alone.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from ..ir import Api, Operation


@dataclass(frozen=True, slots=True)
class Impact:
    symbol: str
    change: str  # added, removed, changed
    detail: str
    breaks_callers: bool


@dataclass(frozen=True, slots=True)
class _Param:
    annotation: str
    required: bool
    positional: bool


def client_impact(
    base: Api | None,
    revision: Api | None,
    base_models: list[str],
    revision_models: list[str],
) -> list[Impact]:
    """``*_models`` are the sources of the rendered ``models`` modules."""
    found: list[Impact] = []
    old_client = f"{base.client_name}Client" if base else ""
    new_client = f"{revision.client_name}Client" if revision else ""
    if base and revision and old_client != new_client:
        found.append(Impact(old_client, "removed", f"renamed {new_client}", True))
    old_methods = _methods(base)
    new_methods = _methods(revision)
    client = new_client or old_client
    for name in sorted(old_methods.keys() - new_methods.keys()):
        found.append(Impact(f"{client}.{name}", "removed", "method removed", True))
    for name in sorted(new_methods.keys() - old_methods.keys()):
        found.append(Impact(f"{client}.{name}", "added", "method added", False))
    for name in sorted(old_methods.keys() & new_methods.keys()):
        found.extend(_method_changes(f"{client}.{name}", old_methods[name], new_methods[name]))
    old_models, new_models = _models(base_models), _models(revision_models)
    for name in sorted(old_models.keys() - new_models.keys()):
        found.append(Impact(f"models.{name}", "removed", "class removed", True))
    for name in sorted(new_models.keys() - old_models.keys()):
        found.append(Impact(f"models.{name}", "added", "class added", False))
    for name in sorted(old_models.keys() & new_models.keys()):
        old_fields, new_fields = old_models[name], new_models[name]
        for field in sorted(old_fields.keys() - new_fields.keys()):
            kind = "member" if old_fields[field].startswith("= ") else "field"
            found.append(Impact(f"models.{name}.{field}", "removed", f"{kind} removed", True))
        for field in sorted(new_fields.keys() - old_fields.keys()):
            kind = "member" if new_fields[field].startswith("= ") else "field"
            found.append(
                Impact(
                    f"models.{name}.{field}", "added", f"{kind} added: {new_fields[field]}", False
                )
            )
        for field in sorted(old_fields.keys() & new_fields.keys()):
            if old_fields[field] != new_fields[field]:
                detail = f"{old_fields[field]} -> {new_fields[field]}"
                found.append(Impact(f"models.{name}.{field}", "changed", detail, True))
    return found


def _methods(api: Api | None) -> dict[str, tuple[dict[str, _Param], str]]:
    """``resource.method`` -> signature: an operation that moves to another resource moves callers."""
    if api is None:
        return {}
    return {
        f"{resource.py_name}.{op.py_name}": (_signature(op), str(op.return_annotation))
        for resource in api.resources
        for op in resource.operations
    }


def _signature(op: Operation) -> dict[str, _Param]:
    params: dict[str, _Param] = {
        p.py_name: _Param(p.annotation, True, True) for p in op.path_parameters
    }
    params.update(
        {p.py_name: _Param(p.annotation, p.required, False) for p in op.keyword_parameters}
    )
    if op.request_body:
        params["body"] = _Param(op.request_body.annotation, op.request_body.required, False)
    return params


def _method_changes(
    symbol: str, old: tuple[dict[str, _Param], str], new: tuple[dict[str, _Param], str]
) -> list[Impact]:
    (old_params, old_return), (new_params, new_return) = old, new
    found = []
    for name in sorted(old_params.keys() - new_params.keys()):
        found.append(Impact(f"{symbol}({name})", "removed", "argument removed", True))
    for name in sorted(new_params.keys() - old_params.keys()):
        required = new_params[name].required
        detail = "required argument added" if required else "optional argument added"
        found.append(Impact(f"{symbol}({name})", "added", detail, required))
    for name in sorted(old_params.keys() & new_params.keys()):
        a, b = old_params[name], new_params[name]
        if a.annotation != b.annotation:
            gained = sorted(_members(b.annotation) - _members(a.annotation))
            lost = sorted(_members(a.annotation) - _members(b.annotation))
            parts = [f"also accepts {', '.join(gained)}"] if gained else []
            parts += [f"no longer accepts {', '.join(lost)}"] if lost else []
            # An argument that accepts more breaks no caller.
            found.append(Impact(f"{symbol}({name})", "changed", "; ".join(parts), bool(lost)))
        if not a.required and b.required:
            found.append(Impact(f"{symbol}({name})", "changed", "argument became required", True))
    old_order = [n for n, p in old_params.items() if p.positional]
    new_order = [n for n, p in new_params.items() if p.positional]
    if len(old_order) == len(new_order) and old_order != new_order:
        found.append(
            Impact(symbol, "changed", f"positional arguments {old_order} -> {new_order}", True)
        )
    if old_return != new_return:
        found.append(Impact(symbol, "changed", f"returns {old_return} -> {new_return}", True))
    return found


def _members(annotation: str) -> set[str]:
    """The alternatives of a type annotation, with each Literal value its own alternative."""
    members: set[str] = set()

    def walk(node: ast.expr) -> None:
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            walk(node.left)
            walk(node.right)
        elif (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Name)
            and node.value.id == "Literal"
        ):
            values = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
            members.update(f"Literal[{ast.unparse(v)}]" for v in values)
        else:
            members.add(ast.unparse(node))

    walk(ast.parse(annotation, mode="eval").body)
    return members


def _models(sources: list[str]) -> dict[str, dict[str, str]]:
    """Class name -> field or enum member -> annotation (or value), read from the models' modules."""
    classes: dict[str, dict[str, str]] = {}
    for node in (n for source in sources for n in ast.parse(source).body):
        if not isinstance(node, ast.ClassDef):
            continue
        fields: dict[str, str] = {}
        for item in node.body:
            if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                fields[item.target.id] = ast.unparse(_python_type(item.annotation))
            elif (
                isinstance(item, ast.Assign)
                and len(item.targets) == 1
                and isinstance(item.targets[0], ast.Name)
            ):
                fields[item.targets[0].id] = f"= {ast.unparse(item.value)}"
        classes[node.name] = fields
    return classes


def _python_type(annotation: ast.expr) -> ast.expr:
    """``Annotated[T, Field(...)]`` -> T: constraint changes are findings, not type changes."""
    if (
        isinstance(annotation, ast.Subscript)
        and isinstance(annotation.value, ast.Name)
        and annotation.value.id == "Annotated"
        and isinstance(annotation.slice, ast.Tuple)
    ):
        return annotation.slice.elts[0]
    return annotation
