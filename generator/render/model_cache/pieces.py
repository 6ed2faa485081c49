"""The model tool's output taken apart: its imports, and the text of each class it defines,
grouped with the classes the tool named for it."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..graphs import DisjointSets
from ..split import source_lines

# Text that is a string, not code: left out when looking for the classes a class names.
_STRINGS = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
)
_WORDS = re.compile(r"[A-Za-z_]\w*")
# A name in quotes: a forward reference (the tool quotes a map's values in `__pydantic_extra__`),
# or a word in a text, which at worst joins two groups that needed not be.
_QUOTED_NAME = re.compile(r"""["']([A-Za-z_]\w*)["']""")


@dataclass(frozen=True, slots=True)
class ToolOutput:
    """The tool's output taken apart: its import statements, and each definition's source
    (a type alias with the string documenting it) by the name it defines."""

    imports: tuple[str, ...]
    pieces: dict[str, str]

    def source(self) -> str:
        """The output put back together: imports (a future import first), then the
        definitions, each in order of its text or name."""
        imports = sorted(
            self.imports, key=lambda line: (not line.startswith("from __future__"), line)
        )
        body = "\n\n\n".join(self.pieces[name] for name in sorted(self.pieces))
        return "\n".join(imports) + "\n\n\n" + body + "\n"


def take_apart(source: str) -> ToolOutput | None:
    """``source``'s pieces, or None if it holds something else (or does not parse): the
    caller then works on it as it is, and reports what is wrong with it."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    lines = source_lines(source)
    imports: list[str] = []
    spans: dict[str, list[int]] = {}
    last: str | None = None
    for node in tree.body:
        end = node.end_lineno or node.lineno
        if isinstance(node, ast.Import | ast.ImportFrom):
            # One name a line: a part of the document imports part of what the whole does.
            for alias in node.names:
                one = (
                    ast.Import([alias])
                    if isinstance(node, ast.Import)
                    else ast.ImportFrom(node.module, [alias], node.level)
                )
                if (line := ast.unparse(one)) not in imports:
                    imports.append(line)
            last = None
            continue
        if (
            isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
            and last is not None
        ):
            spans[last][1] = end  # a type alias's documentation follows it
            continue
        last = None
        if (
            isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Attribute)
            and node.value.func.attr == "model_rebuild"
        ):
            continue  # split_modules has no use for them
        name = _defined(node)
        if name is None or name in spans:
            return None
        decorators = getattr(node, "decorator_list", [])
        spans[name] = [min([node.lineno, *(d.lineno for d in decorators)]), end]
        last = name
    pieces = {n: "".join(lines[a - 1 : b]).rstrip("\n") for n, (a, b) in spans.items()}
    return ToolOutput(tuple(imports), pieces)


def _defined(node: ast.stmt) -> str | None:
    if isinstance(node, ast.ClassDef):
        return node.name
    targets = (
        node.targets
        if isinstance(node, ast.Assign)
        else [node.target] if isinstance(node, ast.AnnAssign) else []
    )
    if len(targets) == 1 and isinstance(targets[0], ast.Name):
        return targets[0].id
    return None


def units(pieces: Mapping[str, str], given: set[str]) -> list[list[str]]:
    """The pieces in groups that are rendered together: each schema's class, with the classes
    the tool named that it uses (through others it named, too). A class the tool named for
    several joins them in one group."""
    sets = DisjointSets(pieces)
    named_by_tool = set(pieces) - given
    for name, text in pieces.items():
        words = {*_WORDS.findall(_STRINGS.sub("", text)), *_QUOTED_NAME.findall(text)}
        for word in words & named_by_tool:
            if word != name:
                sets.union(word, name)
    groups: dict[str, list[str]] = {}
    for name in sorted(pieces):
        groups.setdefault(sets.find(name), []).append(name)
    return list(groups.values())


def compatible(imports: list[str], added: Iterable[str], defined: Iterable[str]) -> bool:
    """Whether the imports of a part (``added``) can join the whole's: each binds what it
    imports as the whole does (the tool renames an import where a name of the whole document
    clashes with it, `date as date_aliased`), and a new one takes no name that is bound."""
    whole = {what: local for statement in imports for what, local in bindings(statement)}
    taken = set(defined) | set(whole.values())
    for statement in added:
        for what, local in bindings(statement):
            if what in whole:
                if whole[what] != local:
                    return False
            elif local != what[1] or local in taken:
                return False
    return True


def bindings(statement: str) -> list[tuple[tuple[str, str], str]]:
    """What an import statement imports (its module and name), and the name it binds."""
    found = []
    for node in ast.parse(statement).body:
        module = node.module or "" if isinstance(node, ast.ImportFrom) else ""
        for alias in getattr(node, "names", []):
            found.append(((module, alias.name), alias.asname or alias.name))
    return found
