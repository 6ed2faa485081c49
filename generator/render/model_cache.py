"""The model tool's output kept per class, so that a schema edit re-runs it on a part only.

datamodel-code-generator turns a document of schemas into one module of classes. What it
writes for a class is a function of that class's schema and of the schemas around it: those
it refers to (their shapes: a field holding an enum defaults to one of its members), those it
inherits through ``allOf`` (whole: an inherited field made required is written again, with its
description), and those whose discriminator names it, with the schemas that hold that union
(its tag becomes a Literal where a field holds it). Each class's text is kept under a key over
exactly that, so an edit re-runs the tool on the classes whose key changed, with the schemas
they refer to, and keeps the text of all the others.

Classes the tool names itself (an inline schema it met inside a class: ``Enterprise1``) go
with the classes that use them, and a partial run must name them as the full run did, else
the whole document is run again. So is it when a schema is added or removed, when the
aliases or the generator change, and when the part imports a name otherwise than the whole
did (``date as date_aliased``, where some model has a field named ``date``).

The output is put together in one order, whatever the tool's: its imports, then each class
by name. The pipeline keeps the record in a file beside the output; one that is missing,
unreadable or from other inputs only means a full run.
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..core.errors import SpecError
from ..spec.load import unescape_pointer_token
from .graphs import DisjointSets, strongly_connected
from .split import source_lines

_REF = "#/components/schemas/"
# What a schema says that no other class's text repeats (a class inheriting it is keyed by
# the whole schema).
_PROSE = frozenset({"description", "example", "examples"})
# Where a schema holds schemas: a map of them, a list of them, or one.
_SCHEMA_MAPS = frozenset(
    {"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"}
)
_SCHEMA_LISTS = frozenset({"allOf", "oneOf", "anyOf", "prefixItems"})
_SCHEMA_ONE = frozenset(
    {
        "items",
        "additionalProperties",
        "unevaluatedProperties",
        "unevaluatedItems",
        "contains",
        "propertyNames",
        "not",
        "if",
        "then",
        "else",
    }
)
# Text that is a string, not code: left out when looking for the classes a class names.
_STRINGS = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
)
_WORDS = re.compile(r"[A-Za-z_]\w*")
_FORMAT = 1  # of the cache file: a file of another format is not read


@dataclass(frozen=True, slots=True)
class ToolOutput:
    """The tool's output taken apart: its import statements, and each definition's source
    (a type alias with the string documenting it) by the name it defines."""

    imports: tuple[str, ...]
    pieces: dict[str, str]

    def source(self) -> str:
        """The output put back together: imports, then the definitions by name."""
        body = "\n\n\n".join(self.pieces[name] for name in sorted(self.pieces))
        return "\n".join(self.imports) + "\n\n\n" + body + "\n"


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


@dataclass(frozen=True, slots=True)
class SchemaGraph:
    """What the keys and a partial run read of the schemas, worked out once."""

    schemas: Mapping[str, Any]
    refs: dict[str, list[str]]  # the schemas each refers to
    users: dict[str, list[str]]  # the schemas that refer to each
    whole: dict[str, str]  # each schema as JSON
    # The schemas that may hold a discriminator (or name one in words: a few more).
    discriminating: list[str]

    @staticmethod
    def of(schemas: Mapping[str, Any]) -> SchemaGraph:
        refs = {name: _refs(schema) for name, schema in schemas.items()}
        whole = {name: _json(schema) for name, schema in schemas.items()}
        users: dict[str, list[str]] = {name: [] for name in refs}
        for name, targets in refs.items():
            for target in targets:
                if target in users and target != name:
                    users[target].append(name)
        discriminating = [name for name in schemas if "discriminator" in whole[name]]
        return SchemaGraph(schemas, refs, users, whole, discriminating)

    def closure(self, names: Iterable[str]) -> set[str]:
        """``names`` and every schema they reach."""
        reached: set[str] = set()
        pending = list(names)
        while pending:
            name = pending.pop()
            if name not in reached and name in self.refs:
                reached.add(name)
                pending.extend(self.refs[name])
        return reached


def class_keys(graph: SchemaGraph, context: str) -> dict[str, str]:
    """Each schema's key: a digest of ``context`` (what every class depends on) and of what
    its class's text depends on among the schemas."""
    schemas, refs, whole = graph.schemas, graph.refs, graph.whole
    bases = {name: _refs(schema, within_all_of=True) for name, schema in schemas.items()}
    shape = {name: _json(_shape(schema)) for name, schema in schemas.items()}
    shapes = _closure_digests(refs, lambda members: [f"{m}\0{shape[m]}" for m in members])
    inherited = _closure_digests(
        bases, lambda members: [f"{m}\0{whole[m]}\0{shapes[m]}" for m in members]
    )
    # A discriminator tags the classes it names as it is used: where a field holds it, not
    # where a class inherits it.
    tagging: dict[str, list[str]] = {name: [] for name in schemas}
    for name in graph.discriminating:
        around = [f"{name}\0{shape[name]}", *(f"{u}\0{shape[u]}" for u in graph.users[name])]
        for target in refs[name]:
            if target in tagging:
                tagging[target] += around
    return {
        name: _digest([context, whole[name], shapes[name], inherited[name], *sorted(tagging[name])])
        for name in schemas
    }


def _refs(schema: Any, *, within_all_of: bool = False) -> list[str]:
    """The component schemas ``schema`` refers to, by ``$ref`` or a discriminator's mapping
    (only inside ``allOf``, if so asked)."""
    found: set[str] = set()
    pending = [(schema, not within_all_of)]
    while pending:
        node, counted = pending.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if counted and isinstance(ref, str) and ref.startswith(_REF):
                found.add(unescape_pointer_token(ref[len(_REF) :]))
            mapping = node.get("mapping") if "propertyName" in node else None
            if counted and isinstance(mapping, dict):
                for target in mapping.values():
                    if isinstance(target, str) and target.startswith(_REF):
                        found.add(unescape_pointer_token(target[len(_REF) :]))
                    elif isinstance(target, str) and "/" not in target:
                        found.add(target)  # a mapping may name the schema alone
            pending.extend((v, counted or k == "allOf") for k, v in node.items())
        elif isinstance(node, list):
            pending.extend((v, counted) for v in node)
    return sorted(found)


def _shape(schema: Any) -> Any:
    """``schema`` without its prose, wherever it holds schemas."""
    if not isinstance(schema, dict):
        return schema
    shaped: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _PROSE:
            continue
        if key in _SCHEMA_MAPS and isinstance(value, dict):
            value = {k: _shape(v) for k, v in value.items()}
        elif key in _SCHEMA_LISTS and isinstance(value, list):
            value = [_shape(v) for v in value]
        elif key in _SCHEMA_ONE:
            value = [_shape(v) for v in value] if isinstance(value, list) else _shape(value)
        shaped[key] = value
    return shaped


def _closure_digests(
    graph: Mapping[str, list[str]], own: Callable[[list[str]], list[str]]
) -> dict[str, str]:
    """A digest per node, of ``own`` of it and of every node it reaches: a cycle's nodes
    share one."""
    edges = {name: [t for t in targets if t in graph] for name, targets in graph.items()}
    digests: dict[str, str] = {}
    # Tarjan's components come out after every component they reach.
    for component in strongly_connected(edges):
        members = sorted(component)
        inside = set(members)
        reached = sorted({digests[t] for m in members for t in edges[m] if t not in inside})
        digest = _digest([*own(members), "\0", *reached])
        for member in members:
            digests[member] = digest
    return digests


def units(pieces: Mapping[str, str], given: set[str]) -> list[list[str]]:
    """The pieces in groups that are rendered together: each schema's class, with the classes
    the tool named that it uses (through others it named, too). A class the tool named for
    several joins them in one group."""
    sets = DisjointSets(pieces)
    named_by_tool = set(pieces) - given
    for name, text in pieces.items():
        for word in set(_WORDS.findall(_STRINGS.sub("", text))) & named_by_tool:
            if word != name:
                sets.union(word, name)
    groups: dict[str, list[str]] = {}
    for name in sorted(pieces):
        groups.setdefault(sets.find(name), []).append(name)
    return list(groups.values())


@dataclass(frozen=True, slots=True)
class Record:
    """What a run leaves for the next: the tool's output in pieces, under the keys they were
    made from."""

    context: str
    keys: dict[str, str]  # each schema's key
    output: ToolOutput

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": _FORMAT,
                "context": self.context,
                "keys": self.keys,
                "imports": list(self.output.imports),
                "pieces": self.output.pieces,
            },
            ensure_ascii=False,
        )

    @staticmethod
    def from_json(text: str) -> Record | None:
        """The record, or None for one that cannot be read (only a full run follows)."""
        try:
            data = json.loads(text)
            if data.get("format") != _FORMAT:
                return None
            return Record(
                data["context"],
                dict(data["keys"]),
                ToolOutput(tuple(data["imports"]), dict(data["pieces"])),
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            return None


@dataclass(slots=True)
class ModelCache:
    """The record a render reads (``previous``) and the one it leaves (``current``)."""

    previous: Record | None = None
    current: Record | None = None


def tool_output(
    schemas: Mapping[str, Any],
    context: str,
    run: Callable[[dict[str, Any]], str],
    cache: ModelCache | None,
) -> str:
    """The tool's output for ``schemas``, put together in one order (``ToolOutput.source``):
    from the pieces ``cache.previous`` holds for the classes whose keys are unchanged, and
    from a run over the others (``run`` takes a subset of ``schemas``; all of it, if the
    pieces do not fit); ``cache.current`` is left for the next run. ``context``: a digest of
    what every class depends on (the aliases, the generator)."""
    context = _digest([context, *sorted(schemas)])
    graph = SchemaGraph.of(schemas)
    keys = class_keys(graph, context)
    record = cache.previous if cache is not None else None
    output = None
    if record is not None and record.context == context:
        try:
            output = _partly(graph, keys, record, run)
        except SpecError:
            output = None  # the whole document is run, and its error reported as such
    if output is None:
        source = run(dict(schemas))
        output = take_apart(source)
        if output is None:
            return source
    if cache is not None:
        cache.current = Record(context, keys, output)
    return output.source()


def _partly(
    graph: SchemaGraph,
    keys: Mapping[str, str],
    record: Record,
    run: Callable[[dict[str, Any]], str],
) -> ToolOutput | None:
    """The output from ``record``'s pieces and a run over the changed classes, or None if
    they do not fit together."""
    schemas = graph.schemas
    given = set(schemas)
    kept = record.output.pieces
    if not given <= kept.keys():
        return None
    changed = {name for name in schemas if record.keys.get(name) != keys[name]}
    if not changed:
        return record.output
    stale = [u for u in units(kept, given) if changed.intersection(u)]
    redone = {n for u in stale for n in u if n in given}
    expected = {n for u in stale for n in u if n not in given}
    tagging = {n for n in graph.discriminating if redone.intersection(graph.refs[n])}
    around = {u for name in tagging for u in graph.users[name]}
    needed = graph.closure(redone | tagging | around)
    partial = take_apart(run({n: s for n, s in schemas.items() if n in needed}))
    if partial is None or not redone <= partial.pieces.keys():
        return None
    made = units(partial.pieces, needed)
    ours = [u for u in made if redone.intersection(u)]
    named = {n for u in ours for n in u if n not in needed}
    if named != expected or any(n in needed and n not in redone for u in ours for n in u):
        return None  # the tool named classes otherwise than in the whole document
    imports = list(record.output.imports)
    if not _compatible(imports, partial.imports, kept):
        return None
    imports += [i for i in partial.imports if i not in imports]
    pieces = {n: t for n, t in kept.items() if n not in redone and n not in expected}
    pieces.update((n, partial.pieces[n]) for n in redone | named)
    return ToolOutput(tuple(imports), pieces)


def _compatible(imports: list[str], added: Iterable[str], defined: Iterable[str]) -> bool:
    """Whether the imports of a part (``added``) can join the whole's: each binds what it
    imports as the whole does (the tool renames an import where a name of the whole document
    clashes with it, `date as date_aliased`), and a new one takes no name that is bound."""
    whole = {what: local for statement in imports for what, local in _bindings(statement)}
    taken = set(defined) | set(whole.values())
    for statement in added:
        for what, local in _bindings(statement):
            if what in whole:
                if whole[what] != local:
                    return False
            elif local != what[1] or local in taken:
                return False
    return True


def _bindings(statement: str) -> list[tuple[tuple[str, str], str]]:
    """What an import statement imports (its module and name), and the name it binds."""
    found = []
    for node in ast.parse(statement).body:
        module = node.module or "" if isinstance(node, ast.ImportFrom) else ""
        for alias in getattr(node, "names", []):
            found.append(((module, alias.name), alias.asname or alias.name))
    return found


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _digest(parts: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x01")
    return digest.hexdigest()
