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

From scratch, a document of more schemas than ``PART_SIZE`` is run in parts, each a group of
schemas with what they need, where the parts give what one run would: the same reasoning, with
the checks on names made against the other parts instead of a full run's record
(``_in_parts``). The tool's memory grows with what it is given.

The output is put together in one order, whatever the tool's: its imports, then each class
by name. The pipeline keeps the record in a file beside the output; one that is missing,
unreadable or from other inputs only means a full run.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ...core.errors import SpecError
from .keys import SchemaGraph, class_keys, digest
from .pieces import ToolOutput, bindings, compatible, take_apart, units

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
# A document of more schemas than this is run in parts of about as many (with what they need):
# the tool's memory grows with what it is given (Box's 938 schemas: 60 MiB at once, 20 in
# parts of 200), and a part costs a little time again for what it shares with others.
PART_SIZE = 200


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
    whether the tool ran on the whole document (``whole``), not in parts, on a part or not
    at all."""

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
    if output is None and len(schemas) > PART_SIZE:
        try:
            output = _in_parts(graph, run, PART_SIZE)
        except SpecError:
            output = None  # as above
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


def _in_parts(
    graph: SchemaGraph, run: Callable[[dict[str, Any]], str], size: int
) -> ToolOutput | None:
    """The output of runs over parts of the document, each a group of schemas with what
    they need, or None where it may differ from a run over the whole document. A class's
    text is a function of what its schema needs (as for an edit, ``_partly``); the names the
    tool gives classes itself and the names it imports under are not: they are numbered or
    renamed where a name is taken anywhere in the document. So a part may not name a class
    as a schema is named or another part names one, nor with a number other than for the
    names it gives beside it, nor import under another name, or a name some schema has a
    field of."""
    given = set(graph.schemas)
    fields = _fields(graph.schemas.values())
    if fields & _MAY_IMPORT:
        return None  # what a part imports plainly, the whole may rename (GitHub's `date`)
    groups = [(own, graph.needed(own)) for own in _groups(graph, size)]
    # Where the parts share much, running them costs more than the memory they save.
    if len(groups) < 2 or sum(len(needed) for _, needed in groups) > 2 * len(graph.schemas):
        return None
    taken = fields | given
    pieces: dict[str, str] = {}
    imports: list[str] = []
    for own, needed in groups:
        part = take_apart(run({n: s for n, s in graph.schemas.items() if n in needed}))
        if part is None or not own <= part.pieces.keys():
            return None
        named = {n for u in units(part.pieces, needed) if own.intersection(u) for n in u}
        named -= needed
        if any(not _counted_here(n, named) or n in given or n in pieces for n in named):
            return None
        for statement in part.imports:
            for (module, name), local in bindings(statement):
                if module != "__future__" and (local != name or local in taken):
                    return None
            if statement not in imports:
                imports.append(statement)
        pieces.update((n, part.pieces[n]) for n in sorted(own | named))
    return ToolOutput(tuple(imports), pieces)


# Names the tool imports (the types it writes), which it imports under another name where a
# field of the document is named so: a part without the field would not.
_MAY_IMPORT = frozenset(
    {
        "Annotated",
        "Any",
        "AnyUrl",
        "AwareDatetime",
        "BaseModel",
        "ConfigDict",
        "Decimal",
        "Dict",
        "Enum",
        "Field",
        "IntEnum",
        "List",
        "Literal",
        "MISSING",
        "RootModel",
        "StrEnum",
        "UUID",
        "date",
        "datetime",
        "time",
        "timedelta",
    }
)


def _counted_here(name: str, named: set[str]) -> bool:
    """Whether ``name``, if numbered (`Variant2`), was numbered for names taken among those
    the tool named beside it (`Variant`, `Variant1`), not for one taken elsewhere."""
    base = name.rstrip("0123456789")
    number = name[len(base) :]
    return not number or (
        base in named and all(f"{base}{n}" in named for n in range(1, int(number)))
    )


def _groups(graph: SchemaGraph, size: int) -> list[set[str]]:
    """The schemas in groups that need at most ``size`` schemas each where they can, taken
    in the order a walk of their references meets them (from those none refers to), so that
    a group's schemas need much the same others."""
    order: list[str] = []
    seen: set[str] = set()
    for start in [*sorted(n for n in graph.schemas if not graph.users[n]), *sorted(graph.schemas)]:
        pending = [start]
        while pending:
            name = pending.pop()
            if name not in seen:
                seen.add(name)
                order.append(name)
                # What it refers to, of the schemas (a reference may go elsewhere).
                pending.extend(r for r in reversed(graph.refs[name]) if r in graph.schemas)
    groups: list[set[str]] = []
    current: set[str] = set()
    for name in order:
        needed = len(graph.needed(current | {name}))
        if not current and needed > 2 * size:
            return []  # a schema needs many more (Stripe's, most of the document)
        if current and needed > size:
            groups.append(current)
            current = set()
        current.add(name)
    return [*groups, current]


def _fields(schemas: Iterable[Any]) -> set[str]:
    """The name of every field of ``schemas``, inline objects' too."""
    found: set[str] = set()
    pending = list(schemas)
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            properties = node.get("properties")
            if isinstance(properties, dict):
                found.update(properties)
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    return found


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
