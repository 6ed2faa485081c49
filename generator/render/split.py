"""One module of models, as datamodel-code-generator writes it, split into many.

A model goes into its own module together with the models only it uses (the inline
objects datamodel-code-generator names after their parent); models that refer to each
other in a cycle share a module. Modules then import one another without cycles, so
each can be loaded on its own.

A module does not even load the modules whose models its fields merely hold: such a field's
model members are wrapped, ``customer: str | Annotated[Customer, LAZY] | None``, and
``Customer`` is a stand-in (the model itself for type checkers) until a value for it is
validated (generator/runtime/models.py). Models used any other way (a base class, an enum
member as a default, a constrained or discriminated field) are imported as usual.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..core.names import Identifier, dedupe, snake_case
from .graphs import DisjointSets, strongly_connected

# Model bases whose validators are built on first use (generator/runtime/models.py).
_DEFERRED_BASES = ("BaseModel", "RootModel")
_ENUM_BASES = frozenset({"Enum", "StrEnum", "IntEnum"})
# A field defers the import of a module that would load more definitions than this (about a
# millisecond each, class and validator); smaller ones cost less than the indirection.
_WORTH_DEFERRING = 20
# Field() arguments that describe a field without constraining its type: a field with any
# other (min_length, discriminator, ...) has its type checked by pydantic as written.
_DESCRIPTIVE = frozenset(
    {"alias", "default", "deprecated", "description", "examples", "json_schema_extra", "title"}
)


@dataclass(frozen=True, slots=True)
class ModelModule:
    name: Identifier
    names: tuple[Identifier, ...]  # the models it defines, in the order it defines them
    text: str  # its source, without the header line


def split_modules(
    source: str,
    named: set[str],
    tree: ast.Module | None = None,
    rewritten: Mapping[str, str] | None = None,
    spelt: Mapping[str, str] | None = None,
) -> list[ModelModule]:
    """``named`` are the models the spec names (components and operation bodies); the others
    were named by datamodel-code-generator after the model they belong to. ``tree``: the
    source parsed, if it is at hand. ``rewritten``: classes whose source replaces theirs.
    ``spelt``: the runtime's names that a model takes, and what they are imported as."""
    spelt = spelt or runtime_names(())
    lines = source_lines(source)
    imports: list[ast.Import | ast.ImportFrom] = []
    definitions: dict[str, ast.stmt] = {}
    texts: dict[str, list[str]] = {}  # of a rewritten class: its own lines, not ``lines``
    ends: dict[str, int] = {}  # the last line of a definition documented after it
    last: str | None = None  # the definition just before
    for node in (tree or ast.parse(source)).body:
        if _is_string(node):
            # The tool documents a type alias with a string after it (`X = ...` then
            # `"""The description."""`): it goes with that definition. One before any
            # definition would be the module's docstring, which each module writes itself.
            if last is not None and last not in texts:
                ends[last] = node.end_lineno or node.lineno
            continue
        last = None
        if isinstance(node, ast.Import | ast.ImportFrom):
            imports.append(node)
        elif isinstance(node, ast.ClassDef) and rewritten and node.name in rewritten:
            texts[node.name] = source_lines(rewritten[node.name])
            definitions[node.name] = ast.parse(rewritten[node.name]).body[0]
            last = node.name
        elif isinstance(node, ast.ClassDef):
            definitions[node.name] = node
            last = node.name
        elif (
            isinstance(node, ast.Assign | ast.AnnAssign)
            and len(targets := node.targets if isinstance(node, ast.Assign) else [node.target]) == 1
            and isinstance(targets[0], ast.Name)
        ):
            definitions[targets[0].id] = node
            last = targets[0].id
        elif not _is_model_rebuild(node):
            # Anything else would be silently dropped: fail loudly instead.
            raise TypeError(
                f"unexpected statement from datamodel-code-generator: {ast.dump(node)[:200]}"
            )
    quoted = {k: v for node in definitions.values() for k, v in _quoted_types(node).items()}
    # Names read, not field names written (1Password's field `UUID` beside a model `UUID`).
    names_in = {name: _names_read(node, quoted) for name, node in definitions.items()}
    uses = {name: {n.id for n in found} for name, found in names_in.items()}
    graph = {name: sorted((used & definitions.keys()) - {name}) for name, used in uses.items()}
    models = {
        name
        for name, node in definitions.items()
        if isinstance(node, ast.ClassDef)
        and not any(isinstance(b, ast.Name) and b.id in _ENUM_BASES for b in node.bases)
    }
    held = {name: _held_fields(node) for name, node in definitions.items()}
    # What a definition needs defined before it runs: all but the models its held fields name.
    eager_uses = {name: _eager_names(names_in[name], held[name], quoted) for name in definitions}
    eager = {
        name: [d for d in graph[name] if d in eager_uses[name] or d not in models]
        for name in definitions
    }
    group = _group(graph, eager, named)
    members: dict[str, list[str]] = {}
    for name in definitions:
        members.setdefault(group[name], []).append(name)
    leaders = sorted(members, key=lambda g: _leader(members[g], named))
    module_names = dict(
        zip(
            leaders,
            dedupe([_module_name(_leader(members[g], named)) for g in leaders]),
            strict=True,
        )
    )
    module_of = {name: module_names[group[name]] for name in definitions}
    # What must be defined before a definition runs: annotations and quoted names are read
    # later, when pydantic builds the model.
    at_once = {name: _read_at_once(node) for name, node in definitions.items()}
    first = {name: [d for d in graph[name] if d in at_once[name]] for name in definitions}
    names_of = {module_names[g]: _definition_order(members[g], graph, first) for g in leaders}
    needs: dict[Identifier, dict[Identifier, set[str]]] = {m: {} for m in names_of}
    forced: dict[Identifier, set[Identifier]] = {m: set() for m in names_of}
    for name in definitions:
        module = module_of[name]
        for dependency in graph[name]:
            if module_of[dependency] != module:
                needs[module].setdefault(module_of[dependency], set()).add(dependency)
                if dependency in eager[name]:
                    forced[module].add(module_of[dependency])
    # Modules in a cycle can only refer to each other lazily; others may import each other.
    cycle = {
        m: i
        for i, c in enumerate(strongly_connected({m: sorted(d) for m, d in needs.items()}))
        for m in c
    }
    may_import = {
        m: sorted(d for d in needs[m] if d in forced[m] or cycle[d] != cycle[m]) for m in needs
    }
    size = {module: len(names) for module, names in names_of.items()}
    loads: dict[Identifier, frozenset[Identifier]] = {}  # the modules importing a module loads
    modules: dict[Identifier, ModelModule] = {}
    for component in strongly_connected(may_import):
        if len(component) > 1:
            raise AssertionError(f"model modules import each other: {sorted(component)}")
        module = component[0]
        names = names_of[module]
        # Deferred: modules this one only holds in fields, that are in a cycle with it or
        # would load many models (a module loaded anyway gives all its models for free).
        later = {
            d: needed
            for d, needed in needs[module].items()
            if d not in forced[module]
            and (cycle[d] == cycle[module] or sum(size[m] for m in loads[d]) > _WORTH_DEFERRING)
        }
        imported = {d: needed for d, needed in needs[module].items() if d not in later}
        loads[module] = frozenset({module}).union(*(loads[d] for d in imported))
        lazy = set().union(*later.values())
        used = set().union(*(uses[n] for n in names))
        body = "\n\n".join(
            _source(
                texts.get(n, lines),
                definitions[n],
                _wrap_held(held[n], lazy, models, quoted, spelt["LAZY"]),
                ends.get(n),
            )
            for n in names
        )
        modules[module] = ModelModule(
            module,
            tuple(Identifier(n) for n in names),
            _module_text(names, named, imports, used, imported, later, body, spelt),
        )
    return [modules[module_names[leader]] for leader in leaders]


def _quoted_types(node: ast.stmt) -> dict[int, list[ast.Name]]:
    """The names in the quoted types of a definition, by the id of the string that quotes
    them. The tool quotes a model the module defines later where the type is evaluated as the
    class is created: a base (`RootModel[list["Item"]]`), its root, the typed extras
    (`__annotations__ = {"__pydantic_extra__": dict[str, "Header"]}`). pydantic resolves them
    in the module, so the module must define or import them like any other name."""
    types: list[ast.expr | None] = []
    if isinstance(node, ast.ClassDef):
        types += node.bases
        for statement in node.body:
            if isinstance(statement, ast.AnnAssign):
                types.append(statement.annotation)
            elif isinstance(statement, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "__annotations__" for t in statement.targets
            ):
                types.append(statement.value)
    elif isinstance(node, ast.AnnAssign):
        types += [node.annotation, node.value]
    elif isinstance(node, ast.Assign):
        types.append(node.value)
    strings = _type_strings([t for t in types if t is not None])
    return {id(s): _quoted_names(str(s.value)) for s in strings}


def _quoted_names(text: str) -> list[ast.Name]:
    try:
        parsed = ast.parse(text, mode="eval").body
    except SyntaxError:
        return []  # the key "__pydantic_extra__" parses; anything else is not a type
    inner = [n for s in _type_strings([parsed]) for n in _quoted_names(str(s.value))]
    return [*(n for n in ast.walk(parsed) if isinstance(n, ast.Name)), *inner]


def _type_strings(types: list[ast.expr]) -> list[ast.Constant]:
    """The strings in type expressions, but for a Field()'s arguments and a Literal's values
    (text, not types)."""
    found = []
    pending = list(types)
    while pending:
        expression = pending.pop()
        if isinstance(expression, ast.Call) or (
            isinstance(expression, ast.Subscript)
            and isinstance(expression.value, ast.Name)
            and expression.value.id == "Literal"
        ):
            continue
        if isinstance(expression, ast.Constant) and isinstance(expression.value, str):
            found.append(expression)
        pending.extend(c for c in ast.iter_child_nodes(expression) if isinstance(c, ast.expr))
    return found


def _names_read(node: ast.AST, quoted: Mapping[int, list[ast.Name]]) -> list[ast.Name]:
    """The names ``node`` reads, those in its quoted types (``_quoted_types``) too."""
    found: list[ast.Name] = []
    # ast.walk's nodes in another order, in a third of its time (Box: 0.5 s of it).
    pending = [node]
    while pending:
        n = pending.pop()
        if isinstance(n, ast.Name):
            if isinstance(n.ctx, ast.Load):
                found.append(n)
            continue
        if isinstance(n, ast.Constant):
            found.extend(quoted.get(id(n), ()))
            continue
        for field in n._fields:
            value = getattr(n, field, None)
            if isinstance(value, list):
                pending.extend(v for v in value if isinstance(v, ast.AST))
            elif isinstance(value, ast.AST):
                pending.append(value)
    return found


def _read_at_once(node: ast.stmt) -> set[str]:
    """The names a definition reads as it runs: a class's bases, keywords and decorators and
    the values in its body (a default, ``__annotations__ = {...}``), an alias's value; not
    annotations (``from __future__ import annotations``) nor what a method's body reads."""
    expressions: list[ast.expr | None] = []
    if isinstance(node, ast.ClassDef):
        expressions += [*node.bases, *(k.value for k in node.keywords), *node.decorator_list]
        for statement in node.body:
            if isinstance(statement, ast.AnnAssign | ast.Assign):
                expressions.append(statement.value)
            elif isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
                expressions += [*statement.decorator_list, *statement.args.defaults]
    elif isinstance(node, ast.AnnAssign | ast.Assign):
        expressions.append(node.value)
    return {
        n.id
        for e in expressions
        if e is not None
        for n in ast.walk(e)
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
    }


def _held_fields(node: ast.stmt) -> list[ast.AnnAssign]:
    """The fields of a model whose type may be checked lazily: unconstrained, and not the
    extras' type or a RootModel's root (pydantic reads those as written)."""
    if not isinstance(node, ast.ClassDef):
        return []
    return [
        s
        for s in node.body
        if isinstance(s, ast.AnnAssign)
        and isinstance(s.target, ast.Name)
        and not s.target.id.startswith("__")
        and s.target.id != "root"
        and all(_descriptive(c) for c in _field_calls(s))
    ]


def _field_calls(field: ast.AnnAssign) -> list[ast.expr]:
    """A field's ``Field(...)``s, in its annotation and as its default; other metadata too."""
    _, metadata = _annotated(field.annotation)
    return [*metadata, field.value] if isinstance(field.value, ast.Call) else metadata


def _descriptive(metadata: ast.expr) -> bool:
    return (
        isinstance(metadata, ast.Call)
        and isinstance(metadata.func, ast.Name)
        and metadata.func.id == "Field"
        and all(k.arg in _DESCRIPTIVE for k in metadata.keywords)
    )


def _annotated(annotation: ast.expr) -> tuple[ast.expr, list[ast.expr]]:
    """An annotation's type, and its metadata when it is ``Annotated[type, ...]``."""
    if (
        isinstance(annotation, ast.Subscript)
        and isinstance(annotation.value, ast.Name)
        and annotation.value.id == "Annotated"
        and isinstance(annotation.slice, ast.Tuple)
    ):
        return annotation.slice.elts[0], annotation.slice.elts[1:]
    return annotation, []


def _field_type(field: ast.AnnAssign) -> ast.expr:
    return _annotated(field.annotation)[0]


def _eager_names(
    names: list[ast.Name], held: list[ast.AnnAssign], quoted: Mapping[int, list[ast.Name]]
) -> set[str]:
    """Of the names a definition uses, those used other than in the types of its held fields."""
    skipped = {id(n) for f in held for n in _names_read(_field_type(f), quoted)}
    return {n.id for n in names if id(n) not in skipped}


def _members(node: ast.expr) -> list[ast.expr]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return [*_members(node.left), *_members(node.right)]
    return [node]


def _wrap_held(
    held: list[ast.AnnAssign],
    lazy: set[str],
    models: set[str],
    quoted: Mapping[int, list[ast.Name]],
    lazy_marker: str,
) -> list[tuple[ast.expr, str]]:
    """Each held field type that names a lazy model, with its members wrapped but for scalars
    (``str``, an enum, a Literal, ``None``, ``MISSING``): a plain value loads nothing, and
    pydantic chooses among the rest (models, lists, mappings) as it would unwrapped."""
    edits = []
    for field in held:
        tp = _field_type(field)
        if not {n.id for n in _names_read(tp, quoted)} & lazy:
            continue
        members = _members(tp)
        inside = [m for m in members if not _scalar(m, models)]
        wrapped = ast.Subscript(
            ast.Name("Annotated"),
            ast.Tuple([functools.reduce(_union, inside), ast.Name(lazy_marker)]),
        )
        first = members.index(inside[0])
        rest = [m for m in members if not any(m is i for i in inside)]
        edits.append(
            (tp, ast.unparse(functools.reduce(_union, [*rest[:first], wrapped, *rest[first:]])))
        )
    return edits


def _scalar(member: ast.expr, models: set[str]) -> bool:
    if isinstance(member, ast.Constant):
        return member.value is None
    if isinstance(member, ast.Subscript):
        return isinstance(member.value, ast.Name) and member.value.id == "Literal"
    return isinstance(member, ast.Name) and member.id not in models and member.id != "Any"


def _union(left: ast.expr, right: ast.expr) -> ast.expr:
    return ast.BinOp(left, ast.BitOr(), right)


def source_lines(source: str) -> list[str]:
    """Lines as the parser counts them, with their endings: str.splitlines would also split
    at a form feed."""
    return re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", source)


def _module_text(
    names: list[str],
    named: set[str],
    imports: list[ast.Import | ast.ImportFrom],
    used: set[str],
    imported: Mapping[Identifier, set[str]],
    later: Mapping[Identifier, set[str]],
    body: str,
    spelt: Mapping[str, str],
) -> str:
    leader = _leader(names, named)
    doc = (
        f"The {leader} model."
        if len(names) == 1
        else f"The {leader} model, and those defined with it."
    )
    header = [f'"""{doc}"""', "", "from __future__ import annotations", ""]
    # The tool's imports, one line a module, in order: the same, whatever else the document
    # the tool wrote the models from held (issue 29: a part of it is written alone).
    plain: set[tuple[str, str]] = set()
    taken: dict[tuple[str, int], set[tuple[str, str]]] = {}
    for node in imports:
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            continue
        for a in node.names:
            if (a.asname or a.name).split(".")[0] not in used or (
                isinstance(node, ast.ImportFrom)
                and node.module == "pydantic"
                and a.name in _DEFERRED_BASES
            ):
                continue
            if isinstance(node, ast.ImportFrom):
                taken.setdefault((node.module or "", node.level), set()).add(
                    (a.name, a.asname or "")
                )
            else:
                plain.add((a.name, a.asname or ""))
    header += [ast.unparse(ast.Import([ast.alias(n, a or None)])) for n, a in sorted(plain)]
    for (module, level), members in sorted(taken.items()):
        aliases = [ast.alias(n, a or None) for n, a in sorted(members)]
        header.append(ast.unparse(ast.ImportFrom(module or None, aliases, level)))
    runtime = [b for b in (*_DEFERRED_BASES, "OpenUnion") if spelt.get(b, b) in used]
    if later:
        header.append("from typing import TYPE_CHECKING, Annotated")
        runtime += ["LAZY", "lazy_model"]
    if spelt["FileContent"] in used:
        header.append(f"from .._runtime.content import {_imported('FileContent', spelt)}")
    if runtime:
        listed = ", ".join(_imported(name, spelt) for name in runtime)
        header.append(f"from .._runtime.models import {listed}")
    for module in sorted(imported):
        header.append(f"from .{module} import {', '.join(sorted(imported[module]))}")
    if later:
        header += ["", "if TYPE_CHECKING:"]
        header += [
            f"    from .{module} import {', '.join(sorted(later[module]))}"
            for module in sorted(later)
        ]
        header.append("else:")
        header += [
            f'    {name} = {spelt["lazy_model"]}(".{module}", "{name}", __package__)'
            for module in sorted(later)
            for name in sorted(later[module])
        ]
    return "\n".join(header) + "\n\n\n" + body + "\n"


# The runtime's names that render/ writes into the model modules after the model tool.
RUNTIME_NAMES = ("FileContent", "LAZY", "OpenUnion", "lazy_model")


def runtime_names(taken: Iterable[str]) -> dict[str, str]:
    """What each of ``RUNTIME_NAMES`` is imported as: itself, or, where a model takes the name
    (``taken``: the names the tool's output defines; a nested object `content` of a model
    `File` is the model `FileContent`), the name with `_aliased`, as the tool itself
    spells an import a model would hide."""
    defined = set(taken)
    spelt = {}
    for name in RUNTIME_NAMES:
        alias = name
        while alias in defined:
            alias += "_aliased"
        spelt[name] = alias
    return spelt


def _imported(name: str, spelt: Mapping[str, str]) -> str:
    return name if spelt.get(name, name) == name else f"{name} as {spelt[name]}"


# A module's name at most this long: a model nested a hundred levels deep is named after
# each level (`AItemInnerItemInner...`), and a file name has at most 255 bytes.
_MAX_MODULE_NAME = 80


def _module_name(leader: str) -> Identifier:
    """The module of a model named ``leader``: its name in snake case, cut short if long (two
    cut to the same name are told apart as any two others are)."""
    name = snake_case(leader)
    return name if len(name) <= _MAX_MODULE_NAME else Identifier(name[:_MAX_MODULE_NAME])


def _definition_order(
    names: list[str], graph: Mapping[str, list[str]], eager: Mapping[str, list[str]]
) -> list[str]:
    """What a model uses comes first (an enum member as a default is evaluated when the class
    is created); models in a cycle keep their order, their annotations being lazy, but for
    what one reads as it runs (``eager``: a base's type, ``RootModel[list[Item]]``), which
    comes first: the order does not depend on the order the tool wrote them in."""
    inside = set(names)
    local = {n: [d for d in graph[n] if d in inside] for n in names}
    position = {n: i for i, n in enumerate(names)}
    ordered = []
    for component in strongly_connected(local):
        members = sorted(component, key=position.__getitem__)
        within = set(members)
        waiting = {n: {d for d in eager[n] if d in within and d != n} for n in members}
        while waiting:
            # The first whose eager needs are met; in a cycle of them, the first left.
            ready = next((n for n in members if n in waiting and not waiting[n]), None)
            chosen = ready or next(n for n in members if n in waiting)
            ordered.append(chosen)
            del waiting[chosen]
            for needs in waiting.values():
                needs.discard(chosen)
    return ordered


def _source(
    lines: list[str], node: ast.stmt, edits: list[tuple[ast.expr, str]], end: int | None = None
) -> str:
    """A definition's source (to line ``end``, if its documentation follows it), with each
    edited expression replaced by its new text."""
    decorators = getattr(node, "decorator_list", [])
    start = min([node.lineno, *(d.lineno for d in decorators)])
    own = lines[start - 1 : end or node.end_lineno]
    for expression, text in sorted(
        edits, key=lambda e: (e[0].lineno, e[0].col_offset), reverse=True
    ):
        assert expression.end_lineno is not None and expression.end_col_offset is not None
        first, last = expression.lineno - start, expression.end_lineno - start
        # Offsets count UTF-8 bytes; the lines between become empty, so the others keep their numbers.
        head = own[first].encode()[: expression.col_offset].decode()
        tail = own[last].encode()[expression.end_col_offset :].decode()
        own[first : last + 1] = [head + text + tail] + [""] * (last - first)
    return "".join(own).rstrip("\n")


def _is_string(node: ast.stmt) -> bool:
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


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


def _group(
    graph: Mapping[str, list[str]], eager: Mapping[str, list[str]], named: set[str]
) -> dict[str, str]:
    """Each definition's group, as the name of one member. Definitions that need each other
    defined first (``eager``) share a group; so does a model the spec does not name with
    the only group that uses it."""
    sets = DisjointSets(graph)
    find, union = sets.find, sets.union
    for component in strongly_connected(eager):
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
    for name, dependencies in eager.items():
        quotient[find(name)].update(find(d) for d in dependencies if find(d) != find(name))
    for component in strongly_connected({k: sorted(v) for k, v in quotient.items()}):
        for name in component[1:]:
            union(name, component[0])
    return {name: find(name) for name in graph}
