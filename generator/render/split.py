"""One module of models, as datamodel-code-generator writes it, split into many.

A model goes into its own module together with the models only it uses (the inline
objects datamodel-code-generator names after their parent); models that refer to each
other in a cycle share a module. Modules then import one another without cycles, so
each can be loaded on its own.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from ..names import Identifier, dedupe, snake_case

N = TypeVar("N", bound=Hashable)

# Model bases whose validators are built on first use (generator/runtime/models.py).
_DEFERRED_BASES = ("BaseModel", "RootModel")


@dataclass(frozen=True, slots=True)
class ModelModule:
    name: Identifier
    names: tuple[Identifier, ...]  # the models it defines, in the order it defines them
    text: str  # its source, without the header line


def split_modules(source: str, named: set[str]) -> list[ModelModule]:
    """``named`` are the models the spec names (components and operation bodies); the others
    were named by datamodel-code-generator after the model they belong to."""
    # Lines as the parser counts them: str.splitlines would also split at a form feed.
    lines = re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", source)
    imports: list[ast.Import | ast.ImportFrom] = []
    definitions: dict[str, ast.stmt] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            imports.append(node)
        elif isinstance(node, ast.ClassDef):
            definitions[node.name] = node
        elif (
            isinstance(node, ast.Assign | ast.AnnAssign)
            and len(targets := node.targets if isinstance(node, ast.Assign) else [node.target]) == 1
            and isinstance(targets[0], ast.Name)
        ):
            definitions[targets[0].id] = node
        elif not _is_model_rebuild(node):
            # Anything else would be silently dropped: fail loudly instead.
            raise TypeError(
                f"unexpected statement from datamodel-code-generator: {ast.dump(node)[:200]}"
            )
    uses = {
        name: {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
        for name, node in definitions.items()
    }
    graph = {name: sorted((used & definitions.keys()) - {name}) for name, used in uses.items()}
    group = _group(graph, named)
    members: dict[str, list[str]] = {}
    for name in definitions:
        members.setdefault(group[name], []).append(name)
    leaders = sorted(members, key=lambda g: _leader(members[g], named))
    module_names = dict(
        zip(leaders, dedupe([snake_case(_leader(members[g], named)) for g in leaders]), strict=True)
    )
    modules = []
    for leader in leaders:
        names = _definition_order(members[leader], graph)
        imported: dict[str, set[str]] = {}
        for name in names:
            for dependency in graph[name]:
                if group[dependency] != leader:
                    imported.setdefault(module_names[group[dependency]], set()).add(dependency)
        used = set().union(*(uses[n] for n in names))
        body = "\n\n".join(_source(lines, definitions[n]) for n in names)
        modules.append(
            ModelModule(
                module_names[leader],
                tuple(Identifier(n) for n in names),
                _module_text(names, named, imports, used, imported, body),
            )
        )
    return modules


def _module_text(
    names: list[str],
    named: set[str],
    imports: list[ast.Import | ast.ImportFrom],
    used: set[str],
    imported: Mapping[str, set[str]],
    body: str,
) -> str:
    leader = _leader(names, named)
    doc = (
        f"The {leader} model."
        if len(names) == 1
        else f"The {leader} model, and those defined with it."
    )
    header = [f'"""{doc}"""', "", "from __future__ import annotations", ""]
    for node in imports:
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            continue
        kept = [
            a
            for a in node.names
            if (a.asname or a.name).split(".")[0] in used
            and not (
                isinstance(node, ast.ImportFrom)
                and node.module == "pydantic"
                and a.name in _DEFERRED_BASES
            )
        ]
        if kept:
            node = (
                ast.ImportFrom(node.module, kept, node.level)
                if isinstance(node, ast.ImportFrom)
                else ast.Import(kept)
            )
            header.append(ast.unparse(node))
    bases = [b for b in _DEFERRED_BASES if b in used]
    if bases:
        header.append(f"from .._runtime.models import {', '.join(bases)}")
    for module in sorted(imported):
        header.append(f"from .{module} import {', '.join(sorted(imported[module]))}")
    return "\n".join(header) + "\n\n\n" + body + "\n"


def _definition_order(names: list[str], graph: Mapping[str, list[str]]) -> list[str]:
    """What a model uses comes first (an enum member as a default is evaluated when the class
    is created); models in a cycle keep their order, their annotations being lazy."""
    inside = set(names)
    local = {n: [d for d in graph[n] if d in inside] for n in names}
    position = {n: i for i, n in enumerate(names)}
    return [
        n
        for component in _strongly_connected(local)
        for n in sorted(component, key=position.__getitem__)
    ]


def _source(lines: list[str], node: ast.stmt) -> str:
    decorators = getattr(node, "decorator_list", [])
    start = min([node.lineno, *(d.lineno for d in decorators)])
    return "".join(lines[start - 1 : node.end_lineno]).rstrip("\n")


def _is_model_rebuild(node: ast.stmt) -> bool:
    # Forward references resolve when a deferred model is first used; no rebuild is needed.
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Call)
        and isinstance(node.value.func, ast.Attribute)
        and node.value.func.attr == "model_rebuild"
    )


def _leader(names: Iterable[str], named: set[str]) -> str:
    """The model a module is named after: the first the spec names, else the first."""
    names = sorted(names)
    return next((n for n in names if n in named), names[0])


def _group(graph: Mapping[str, list[str]], named: set[str]) -> dict[str, str]:
    """Each definition's group, as the name of one member."""
    parent = {name: name for name in graph}

    def find(name: str) -> str:
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    def union(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    for component in _strongly_connected(graph):
        for name in component[1:]:
            union(name, component[0])
    users: dict[str, set[str]] = {name: set() for name in graph}
    for name, dependencies in graph.items():
        for dependency in dependencies:
            users[dependency].add(name)
    changed = True
    while changed:
        changed = False
        for name in graph:
            if name in named or not users[name]:
                continue
            owners = {find(u) for u in users[name]}
            if len(owners) == 1 and (owner := owners.pop()) != find(name):
                union(name, owner)
                changed = True
    # Merging can close a cycle between groups; such groups become one.
    quotient: dict[str, set[str]] = {find(name): set() for name in graph}
    for name, dependencies in graph.items():
        quotient[find(name)].update(find(d) for d in dependencies if find(d) != find(name))
    for component in _strongly_connected({k: sorted(v) for k, v in quotient.items()}):
        for name in component[1:]:
            union(name, component[0])
    return {name: find(name) for name in graph}


def _strongly_connected(graph: Mapping[N, list[N]]) -> list[list[N]]:
    """Tarjan's algorithm, iterative: recursion would overflow on deep chains."""
    index: dict[N, int] = {}
    low: dict[N, int] = {}
    stack: list[N] = []
    on_stack: set[N] = set()
    found: list[list[N]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(graph[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(graph[child])))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                found.append(component)
    return found
