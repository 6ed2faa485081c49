"""What a class's text depends on among the schemas: the graph of their references, and each
class's key over exactly that."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ...spec.load import escape_pointer_token, unescape_pointer_token
from ..graphs import strongly_connected

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


@dataclass(frozen=True, slots=True)
class SchemaGraph:
    """What the keys and a partial run read of the schemas, worked out once."""

    schemas: Mapping[str, Any]
    refs: dict[str, list[str]]  # the schemas each refers to
    users: dict[str, list[str]]  # the schemas that refer to each
    whole: dict[str, str]  # each schema as JSON
    bases: dict[str, list[str]]  # the schemas each inherits through `allOf`
    # The schemas that may hold a discriminator (or name one in words: a few more), each with
    # the schemas it may tag: those it refers to (its mapping's), and those inheriting it
    # (a discriminator without a mapping tags its heirs by their names).
    tags: dict[str, set[str]]
    # Where in each schema it refers to each other: the places of its references.
    places: dict[str, dict[str, list[str]]]

    @staticmethod
    def of(schemas: Mapping[str, Any]) -> SchemaGraph:
        places = {name: _places(schema) for name, schema in schemas.items()}
        refs = {name: sorted(found) for name, found in places.items()}
        whole = {name: _json(schema) for name, schema in schemas.items()}
        users: dict[str, list[str]] = {name: [] for name in refs}
        for name, targets in refs.items():
            for target in targets:
                if target in users and target != name:
                    users[target].append(name)
        # A reference inside an `allOf` is inherited.
        bases = {
            name: sorted(
                t for t, paths in found.items() if any("/allOf/" in f"{p}/" for p in paths)
            )
            for name, found in places.items()
        }
        tags = {name: set(refs[name]) for name in schemas if "discriminator" in whole[name]}
        for name in schemas:
            for ancestor in _reach(bases, bases[name]):
                if ancestor in tags and ancestor != name:
                    tags[ancestor].add(name)
        return SchemaGraph(schemas, refs, users, whole, bases, tags, places)

    def closure(self, names: Iterable[str]) -> set[str]:
        """``names`` and every schema they reach."""
        return _reach(self.refs, names)

    def needed(self, names: Iterable[str]) -> set[str]:
        """What a run must be given for the classes of ``names`` to come out as in a run over
        every schema: the schemas they reach, and the discriminators that tag them, with the
        schemas that hold those (and what all of these reach)."""
        names = set(names)
        tagging = {n for n, tagged in self.tags.items() if names.intersection(tagged)}
        around = {user for name in tagging for user in self.users[name]}
        return self.closure(names | tagging | around)


def class_keys(graph: SchemaGraph, context: str) -> dict[str, str]:
    """Each schema's key: a digest of ``context`` (what every class depends on) and of what
    its class's text depends on among the schemas."""
    schemas, refs, whole = graph.schemas, graph.refs, graph.whole
    bases = graph.bases
    shape = {name: _json(_shape(schema)) for name, schema in schemas.items()}
    shapes = _closure_digests(refs, lambda members: [f"{m}\0{shape[m]}" for m in members])
    inherited = _closure_digests(
        bases, lambda members: [f"{m}\0{whole[m]}\0{shapes[m]}" for m in members]
    )
    # A discriminator tags the classes it names or its heirs as it is used: where a field
    # holds it, not where a class inherits it.
    tagging: dict[str, list[str]] = {name: [] for name in schemas}
    for name, tagged in graph.tags.items():
        around = [f"{name}\0{shape[name]}", *(f"{u}\0{shape[u]}" for u in graph.users[name])]
        for target in tagged:
            if target in tagging:
                tagging[target] += around
    # The tool names a class inline in a schema after the way it meets the schema (Asana's
    # `CustomFieldResponseInputRestriction` is `InputRestriction` once the response that
    # held a CustomFieldResponse as its `data`, before it, no longer does): where the schemas
    # referring to it do, and whether before it.
    index = {name: at for at, name in enumerate(schemas)}
    referred: dict[str, list[str]] = {name: [] for name in schemas}
    for user, places in graph.places.items():
        for target, paths in places.items():
            if target in referred and target != user:
                before = index[user] < index[target]
                referred[target].append(f"{user}\0{before}\0{chr(1).join(paths)}")
    return {
        name: digest(
            [
                context,
                whole[name],
                shapes[name],
                inherited[name],
                *sorted(tagging[name]),
                "\0",
                *sorted(referred[name]),
            ]
        )
        for name in schemas
    }


def _reach(graph: Mapping[str, list[str]], names: Iterable[str]) -> set[str]:
    """``names`` (those in ``graph``) and what they reach in it."""
    reached: set[str] = set()
    pending = list(names)
    while pending:
        name = pending.pop()
        if name not in reached and name in graph:
            reached.add(name)
            pending.extend(graph[name])
    return reached


def _places(schema: Any) -> dict[str, list[str]]:
    """The component schemas ``schema`` refers to, each with the places in it that do (JSON
    pointers)."""
    found: dict[str, list[str]] = {}
    pending: list[tuple[Any, str]] = [(schema, "")]
    while pending:
        node, at = pending.pop()
        if isinstance(node, dict):
            for target in _refs_here(node):
                found.setdefault(target, []).append(at)
            pending.extend((v, f"{at}/{escape_pointer_token(str(k))}") for k, v in node.items())
        elif isinstance(node, list):
            pending.extend((v, f"{at}/{i}") for i, v in enumerate(node))
    return {target: sorted(paths) for target, paths in found.items()}


def _refs_here(node: dict[str, Any]) -> list[str]:
    """The component schemas ``node`` itself names: by ``$ref``, or its mapping if it is a
    discriminator."""
    found = []
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith(_REF):
        found.append(unescape_pointer_token(ref[len(_REF) :]))
    mapping = node.get("mapping") if "propertyName" in node else None
    if isinstance(mapping, dict):
        for target in mapping.values():
            if isinstance(target, str) and target.startswith(_REF):
                found.append(unescape_pointer_token(target[len(_REF) :]))
            elif isinstance(target, str) and "/" not in target:
                found.append(target)  # a mapping may name the schema alone
    return found


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
        shared = digest([*own(members), "\0", *reached])
        for member in members:
            digests[member] = shared
    return digests


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def digest(parts: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x01")
    return digest.hexdigest()
