"""Models that give an inherited field another type no longer inherit.

datamodel-code-generator turns ``allOf: [{$ref: Base}, {properties: ...}]`` into
``class Child(Base)``. When the child gives a field of the base another type (Asana makes
a base's enum nullable, or narrows a user to a placeholder), mypy rejects the override,
and rightly: such a Child is not a Base. The child is rewritten to extend the plain model
base and to declare the inherited fields itself: it keeps every field and claims no
subtype it is not.
"""

from __future__ import annotations

import ast

# A field (or the typed-extras annotation): its type as code, and its statement with any
# docstring.
Member = tuple[str, list[ast.stmt]]


def flatten_conflicting_overrides(tree: ast.Module, lines: list[str]) -> dict[str, str]:
    """Each class of ``tree`` (the module whose ``lines`` these are) to rewrite, by name, with
    its new source."""
    classes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}
    return {
        node.name: _flattened(node, classes, lines)
        for node in classes.values()
        if _conflicts(node, classes) and _copyable(node, classes)
    }


def _conflicts(node: ast.ClassDef, classes: dict[str, ast.ClassDef]) -> bool:
    inherited: dict[str, str] = {}
    for ancestor in _ancestors(node, classes):
        inherited.update({name: kind for name, (kind, _) in _members(ancestor).items()})
    return any(inherited.get(name, kind) != kind for name, (kind, _) in _members(node).items())


def _copyable(node: ast.ClassDef, classes: dict[str, ast.ClassDef]) -> bool:
    """Only fields, docstrings and settings can be copied; a method keeps the class as it is."""
    return all(
        _member_name(s) is not None or _is_docstring(s) or isinstance(s, ast.Pass)
        for ancestor in [*_ancestors(node, classes), node]
        for s in _body(ancestor)
    )


def _flattened(node: ast.ClassDef, classes: dict[str, ast.ClassDef], lines: list[str]) -> str:
    chain = [*_ancestors(node, classes), node]
    root = next(b.id for b in chain[0].bases if isinstance(b, ast.Name))
    members: dict[str, Member] = {}
    config: dict[str, ast.keyword] = {}
    for cls in chain:
        members.update(_members(cls))
        config.update({k.arg: k for k in _config_keywords(cls) if k.arg})
    body = [_text(lines, [node.body[0]])] if _is_docstring(node.body[0]) else []
    if config:
        call = ast.Call(ast.Name("ConfigDict"), [], list(config.values()))
        body.append(f"    model_config = {ast.unparse(call)}")
    body.extend(_text(lines, statements) for _, statements in members.values())
    return f"class {node.name}({root}):\n" + "\n".join(body) + "\n"


def _ancestors(node: ast.ClassDef, classes: dict[str, ast.ClassDef]) -> list[ast.ClassDef]:
    """Generated ancestors, farthest first."""
    found: list[ast.ClassDef] = []
    for base in node.bases:
        if isinstance(base, ast.Name) and base.id in classes:
            for ancestor in [*_ancestors(classes[base.id], classes), classes[base.id]]:
                if ancestor not in found:
                    found.append(ancestor)
    return found


def _members(node: ast.ClassDef) -> dict[str, Member]:
    """Each field of the class itself, by name."""
    found: dict[str, Member] = {}
    body = _body(node)
    for index, statement in enumerate(body):
        name = _member_name(statement)
        if name is None or name == "model_config":
            continue
        statements = [statement]
        if index + 1 < len(body) and _is_docstring(body[index + 1]):
            statements.append(body[index + 1])
        found[name] = (_type_code(statement), statements)
    return found


def _config_keywords(node: ast.ClassDef) -> list[ast.keyword]:
    for statement in _body(node):
        if (
            _member_name(statement) == "model_config"
            and isinstance(statement, ast.Assign)
            and isinstance(statement.value, ast.Call)
        ):
            return statement.value.keywords
    return []


def _member_name(statement: ast.stmt) -> str | None:
    if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
        return statement.target.id
    if (
        isinstance(statement, ast.Assign)
        and len(statement.targets) == 1
        and isinstance(statement.targets[0], ast.Name)
        and statement.targets[0].id in ("model_config", "__annotations__")
    ):
        return statement.targets[0].id
    return None


def _type_code(statement: ast.stmt) -> str:
    """The field's type, without Annotated metadata (examples, aliases) that does not type it."""
    if not isinstance(statement, ast.AnnAssign):
        return ast.unparse(statement)
    annotation = statement.annotation
    if (
        isinstance(annotation, ast.Subscript)
        and isinstance(annotation.value, ast.Name)
        and annotation.value.id == "Annotated"
        and isinstance(annotation.slice, ast.Tuple)
    ):
        annotation = annotation.slice.elts[0]
    return ast.unparse(annotation)


def _body(node: ast.ClassDef) -> list[ast.stmt]:
    return node.body[1:] if _is_docstring(node.body[0]) else node.body


def _is_docstring(statement: ast.stmt) -> bool:
    return (
        isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, str)
    )


def _text(lines: list[str], statements: list[ast.stmt]) -> str:
    first, last = statements[0], statements[-1]
    return "".join(lines[first.lineno - 1 : last.end_lineno]).rstrip("\n")
