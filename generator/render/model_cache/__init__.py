"""The model tool's output kept per class, so that a schema edit re-runs it on a part only.

datamodel-code-generator turns a document of schemas into one module of classes. What it
writes for a class is a function of that class's schema and of the schemas around it: those
it refers to (their shapes: a field holding an enum defaults to one of its members), those it
inherits through ``allOf`` (whole: an inherited field made required is written again, with its
description), those whose discriminator names it or that it inherits one from, with the
schemas that hold that union (its tag becomes a Literal where a field holds it), and where the
schemas before and after it refer to it (the tool names a class inline in it after the way it
first meets it). Each class's text is kept under a key over exactly that, so an edit re-runs
the tool on the classes whose key changed, with the schemas they refer to, and keeps the text
of all the others; a part that names a class otherwise than the whole did means a full run.

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

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ...core.errors import SpecError
from .keys import SchemaGraph, class_keys, digest
from .pieces import ToolOutput, compatible, take_apart, units

__all__ = [
    "ModelCache",
    "Record",
    "SchemaGraph",
    "ToolOutput",
    "class_keys",
    "take_apart",
    "tool_output",
    "units",
]

_FORMAT = 1  # of the cache file: a file of another format is not read


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
    """The record a render reads (``previous``) and the one it leaves (``current``), and
    whether the tool ran on the whole document (``whole``), not on a part or not at all."""

    previous: Record | None = None
    current: Record | None = None
    whole: bool = False


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
    context = digest([context, *sorted(schemas)])
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
        if cache is not None:
            cache.whole = True
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
    needed = graph.needed(redone)
    partial = take_apart(run({n: s for n, s in schemas.items() if n in needed}))
    if partial is None or not redone <= partial.pieces.keys():
        return None
    made = units(partial.pieces, needed)
    ours = [u for u in made if redone.intersection(u)]
    named = {n for u in ours for n in u if n not in needed}
    if named != expected or any(n in needed and n not in redone for u in ours for n in u):
        return None  # the tool named classes otherwise than in the whole document
    imports = list(record.output.imports)
    if not compatible(imports, partial.imports, kept):
        return None
    imports += [i for i in partial.imports if i not in imports]
    pieces = {n: t for n, t in kept.items() if n not in redone and n not in expected}
    pieces.update((n, partial.pieces[n]) for n in redone | named)
    return ToolOutput(tuple(imports), pieces)
