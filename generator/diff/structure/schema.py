"""Schemas paired where they are used (a parameter, a body's media type), following ``$ref``s.

Renaming a component or moving an inline schema into one is no difference, and a
difference inside a shared component appears at every place that uses it. Each pair is
read as a client sees it: with OpenAPI 3.1's keywords beside a ``$ref``, without its null
alternative, and with its ``allOf`` parts merged in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ...spec.load import Document, escape_pointer_token, follow_refs
from ..findings import Direction
from .composition import (
    core,
    flatten,
    is_null,
    pair_renamed,
    resolve,
    shape,
    tag_property_changed,
    tags,
)
from .fact import Documents, Endpoint, Fact, Side

# JSON Schema 2020-12 keywords (OpenAPI 3.1) holding a schema that constrains the value.
SUBSCHEMAS = (
    "contains",
    "propertyNames",
    "unevaluatedProperties",
    "unevaluatedItems",
    "contentSchema",
)
# ... and those holding a schema per name.
SCHEMA_MAPS = ("dependentSchemas", "patternProperties")


def prefix_items(doc: Document, schema: dict[str, Any]) -> list[Any] | None:
    """``prefixItems`` without trailing entries that repeat the schema's ``items``: such an
    entry constrains its position as ``items`` already did, so the arrays accepted are the
    same with or without it."""
    entries = schema.get("prefixItems")
    if not isinstance(entries, list):
        return None
    items = schema.get("items")
    if isinstance(items, dict):
        rest = shape(doc, items)
        while entries and shape(doc, entries[-1]) == rest:
            entries = entries[:-1]
    return entries or None


@dataclass(frozen=True, slots=True)
class SchemaPair(Fact):
    """Two schema objects at one place of use.

    ``parameter``: the schema of a parameter itself (its own keywords are the parameter's;
    what it holds, a deepObject filter's properties, is request properties).
    ``old_written``/``new_written``: as written there, refs followed and 3.1 siblings merged.
    ``old``/``new``: the view compared keyword by keyword: without the null alternative
    (``anyOf: [X, {type: null}]`` is X, at X's pointer) and with ``allOf`` merged.
    """

    endpoint: Endpoint
    location: str
    direction: Direction
    parameter: bool
    old_written: Side
    new_written: Side
    old: Side
    new: Side


@dataclass(frozen=True, slots=True)
class RetypedSchemaDiff(SchemaPair):
    """Two schemas whose types disagree: nothing under the type is paired."""

    old_types: frozenset[str]
    new_types: frozenset[str]


@dataclass(frozen=True, slots=True)
class Subschema:
    """A keyword holding a schema (2020-12), on both sides; ``true`` reads as absent.

    ``diff`` pairs the two when both are schemas; otherwise one side constrains more.
    """

    keyword: str
    old: Any
    new: Any
    diff: SchemaFact | None


@dataclass(frozen=True, slots=True)
class Branches:
    """The alternatives of ``oneOf`` or ``anyOf`` on both sides, paired by discriminator
    value, else component name, else shape (a renamed component keeps its shape).

    When the discriminator's property changed, values cannot pair them: nothing is paired.
    ``removed`` and ``added`` are display names; ``added_objects``, for each one added,
    whether it is an object (a client of the old union reads an unknown one as a mapping).
    ``wrapped``: the old schema was no union, but is kept as one of the new alternatives.
    """

    keyword: str
    old_discriminator: dict[str, Any]
    new_discriminator: dict[str, Any]
    old_count: int
    new_count: int
    removed: tuple[str, ...] = ()
    added: tuple[str, ...] = ()
    paired: tuple[SchemaFact, ...] = ()
    added_objects: tuple[bool, ...] = ()
    wrapped: bool = False

    @property
    def tag_property_changed(self) -> bool:
        return tag_property_changed(self.old_discriminator, self.new_discriminator)


@dataclass(frozen=True, slots=True)
class PropertyDiff(Fact):
    """A property seen in this direction on either side (a readOnly one is not sent, a
    writeOnly one does not arrive), with the object schemas holding it (``holder``: where
    they are used)."""

    endpoint: Endpoint
    location: str
    holder: str
    direction: Direction
    name: str
    old: Side | None  # at the pointer where the property is written, its value refs followed
    new: Side | None
    old_holder: Side
    new_holder: Side
    old_required: bool
    new_required: bool
    schema: SchemaFact | None = None

    def nested(self) -> Iterable[Fact]:
        return (self.schema,) if self.schema is not None else ()


@dataclass(frozen=True, slots=True)
class SchemaDiff(SchemaPair):
    """Two schemas of one type (or untyped), paired keyword by keyword and member by member.

    ``condition_changed``: ``if`` differs, so ``then`` and ``else`` were not paired.
    """

    condition_changed: bool
    subschemas: tuple[Subschema, ...]
    properties: tuple[PropertyDiff, ...]
    items: SchemaFact | None
    values: SchemaFact | None  # a map's values (additionalProperties as a schema)
    branches: tuple[Branches, ...]

    def nested(self) -> Iterator[Fact]:
        yield from (s.diff for s in self.subschemas if s.diff is not None)
        yield from self.properties
        yield from (d for d in (self.items, self.values) if d is not None)
        for branches in self.branches:
            yield from branches.paired


@dataclass(frozen=True, slots=True)
class WholeSchemaDiff(Fact):
    """A place whose schema is not an object on one side: absent, ``true`` or ``false``.
    Such a schema is read whole: it accepts nothing (false), anything (absent, true, {}) or
    something. ``old``/``new`` are None where absent."""

    endpoint: Endpoint
    location: str
    direction: Direction
    parameter: bool
    old: Side | None
    new: Side | None


SchemaFact = SchemaDiff | RetypedSchemaDiff | WholeSchemaDiff


def pair_schemas(
    docs: Documents,
    endpoint: Endpoint,
    direction: Direction,
    old: Side,
    new: Side,
    location: str,
    *,
    parameter: bool = False,
) -> SchemaFact | None:
    """The schemas at one place of use (``value`` None where there is none), or None when
    pairing them finds nothing."""
    pairing = _Pairing(docs, endpoint, direction)
    return pairing.pair(
        old.value, old.pointer, new.value, new.pointer, location, top=True, parameter=parameter
    )


class _Pairing:
    """Pairs the schemas under one place of use; each pair of pointers once (a recursive
    schema, or one component used twice there, is paired where first met)."""

    def __init__(self, docs: Documents, endpoint: Endpoint, direction: Direction) -> None:
        self.docs = docs
        self.endpoint = endpoint
        self.direction = direction
        self.seen: set[tuple[str, str]] = set()

    def pair(
        self,
        old: Any,
        old_ptr: str,
        new: Any,
        new_ptr: str,
        location: str,
        *,
        top: bool = False,
        parameter: bool = False,
    ) -> SchemaFact | None:
        base, rev = self.docs.base, self.docs.revision
        if (old is None and new is None) or ((old is None or new is None) and not top):
            return None  # one side without a schema is paired only where a body's schema is
        if old is not None:
            old, old_ptr = resolve(base, old, old_ptr)
        if new is not None:
            new, new_ptr = resolve(rev, new, new_ptr)
        if not isinstance(old, dict) or not isinstance(new, dict):
            # `application/json: {}` gaining a schema, or a schema becoming `false`.
            return WholeSchemaDiff(
                self.endpoint,
                location,
                self.direction,
                parameter,
                Side(base, old_ptr, old) if old is not None else None,
                Side(rev, new_ptr, new) if new is not None else None,
            )
        if (old_ptr, new_ptr) in self.seen:
            return None
        self.seen.add((old_ptr, new_ptr))
        if self.docs.unchanged(old, new):
            return None
        written = Side(base, old_ptr, old), Side(rev, new_ptr, new)
        (old, old_ptr), (new, new_ptr) = core(base, old, old_ptr), core(rev, new, new_ptr)
        old, old_where = flatten(base, old, old_ptr)
        new, new_where = flatten(rev, new, new_ptr)
        sides = Side(base, old_ptr, old), Side(rev, new_ptr, new)
        place = (self.endpoint, location, self.direction, parameter, *written, *sides)
        wrapped = self._wrapped(*sides, location)
        if wrapped is not None:
            return SchemaDiff(*place, False, (), (), None, None, (wrapped,))
        old_types, new_types = schema_types(old), schema_types(new)
        if old_types and new_types and old_types != new_types:
            return RetypedSchemaDiff(*place, old_types, new_types)
        # Members are paired in this order so that `seen` meets each pair where it always has.
        subschemas, condition_changed = self._subschemas(*sides, location)
        properties = self._properties(*sides, old_where, new_where, location)
        items = values = None
        if isinstance(old.get("items"), dict) and isinstance(new.get("items"), dict):
            items = self.pair(
                old["items"], f"{old_ptr}/items", new["items"], f"{new_ptr}/items", f"{location}[]"
            )
        old_extra, new_extra = old.get("additionalProperties"), new.get("additionalProperties")
        if isinstance(old_extra, dict) and isinstance(new_extra, dict):
            # The values of a map ({name: value}) are paired like items.
            values = self.pair(
                old_extra,
                f"{old_ptr}/additionalProperties",
                new_extra,
                f"{new_ptr}/additionalProperties",
                f"{location}{{}}",
            )
        branches = self._branches(*sides, location)
        return SchemaDiff(
            *place, condition_changed, subschemas, properties, items, values, branches
        )

    def _subschemas(
        self, old: Side, new: Side, location: str
    ) -> tuple[tuple[Subschema, ...], bool]:
        """JSON Schema 2020-12's keywords that hold schemas, and whether ``if`` changed."""
        found: list[Subschema] = []

        def nested(keyword: str, a: Any, b: Any, suffix: str, at: str = "") -> None:
            a, b = (None if x is True else x for x in (a, b))  # `true` constrains nothing
            at = at or keyword
            diff = None
            if isinstance(a, dict) and isinstance(b, dict):
                diff = self.pair(
                    a, f"{old.pointer}/{at}", b, f"{new.pointer}/{at}", f"{location}{suffix}"
                )
            if a is not None or b is not None:
                found.append(Subschema(keyword, a, b, diff))

        o, n = old.value, new.value
        for keyword in SUBSCHEMAS:
            nested(keyword, o.get(keyword), n.get(keyword), f" ({keyword})")
        for keyword in SCHEMA_MAPS:
            a, b = o.get(keyword) or {}, n.get(keyword) or {}
            if not isinstance(a, dict) or not isinstance(b, dict):
                continue
            for key in sorted(a.keys() | b.keys()):
                at = f"{keyword}/{escape_pointer_token(key)}"
                nested(f"{keyword}[{key}]", a.get(key), b.get(key), f" ({key})", at)
        a, b = prefix_items(old.doc, o), prefix_items(new.doc, n)
        if isinstance(a, list) and isinstance(b, list):
            for index in range(min(len(a), len(b))):
                nested(f"prefixItems/{index}", a[index], b[index], f"[{index}]")
        elif a != b:
            nested("prefixItems", a, b, "")
        a, b = o.get("items"), n.get("items")
        if (a is False or b is False) and a != b:
            # `items: false` closes a tuple: no element past prefixItems (a schema on both
            # sides is paired as the elements' schema, in ``pair``).
            nested("items", a, b, "[]")
        # `then` and `else` mean something else under another `if`: they are paired only
        # under the same one.
        condition_changed = o.get("if") != n.get("if") or ("if" in o) != ("if" in n)
        if not condition_changed:
            for keyword in ("then", "else"):
                nested(keyword, o.get(keyword), n.get(keyword), f" ({keyword})")
        return tuple(found), condition_changed

    def _properties(
        self,
        old: Side,
        new: Side,
        old_where: dict[str, str],
        new_where: dict[str, str],
        location: str,
    ) -> tuple[PropertyDiff, ...]:
        base, rev = self.docs.base, self.docs.revision
        old_props, new_props = old.value.get("properties") or {}, new.value.get("properties") or {}
        if not isinstance(old_props, dict) or not isinstance(new_props, dict):
            return ()
        old_required = set(old.value.get("required") or [])
        new_required = set(new.value.get("required") or [])
        skip = "writeOnly" if self.direction is Direction.RESPONSE else "readOnly"

        def where(name: str) -> str:
            return f"{location}: {name}" if ":" not in location else f"{location}.{name}"

        def follow(doc: Document, props: dict[str, Any], at: dict[str, str]) -> dict[str, Any]:
            return {n: follow_refs(doc.data, v, at[n])[0] for n, v in props.items()}

        def visible(prop: Any) -> bool:
            return not (isinstance(prop, dict) and prop.get(skip))

        # A property turned readOnly leaves what is sent, one turned writeOnly what arrives:
        # for this direction it is removed (or added, the other way round).
        olds, news = follow(base, old_props, old_where), follow(rev, new_props, new_where)
        old_seen = {n for n, prop in olds.items() if visible(prop)}
        new_seen = {n for n, prop in news.items() if visible(prop)}

        def fact(name: str, schema: SchemaFact | None = None) -> PropertyDiff:
            return PropertyDiff(
                self.endpoint,
                where(name),
                location,
                self.direction,
                name,
                Side(base, old_where[name], olds[name]) if name in old_seen else None,
                Side(rev, new_where[name], news[name]) if name in new_seen else None,
                old,
                new,
                name in old_required,
                name in new_required,
                schema,
            )

        def same(name: str) -> bool:
            """The property equal on both sides, refs followed."""
            old_raw, new_raw = old_props[name], new_props[name]
            if olds[name] is old_raw and news[name] is new_raw:
                return bool(old_raw == new_raw)
            # A reference: the same one, to a target that did not change. (Comparing the
            # targets would compare a large component again at each of its uses.)
            return self.docs.unchanged(old_raw, new_raw)

        found = [fact(name) for name in sorted(old_seen - new_seen)]
        found += [fact(name) for name in sorted(new_seen - old_seen)]
        for name in sorted(old_seen & new_seen):
            o_ptr, n_ptr = old_where[name], new_where[name]
            schema = self.pair(old_props[name], o_ptr, new_props[name], n_ptr, where(name))
            # A property the same on both sides, schema and all, is no fact.
            if (
                schema is not None
                or (name in old_required) != (name in new_required)
                or not same(name)
            ):
                found.append(fact(name, schema))
        return tuple(found)

    def _wrapped(self, old: Side, new: Side, location: str) -> Branches | None:
        """A schema that became ``oneOf``/``anyOf`` of itself and others: the original is
        kept as one alternative (paired with it), the others are alternatives added."""
        if any(isinstance(old.value.get(k), list) for k in ("oneOf", "anyOf")):
            return None
        for key in ("oneOf", "anyOf"):
            branches = new.value.get(key)
            if not isinstance(branches, list):
                continue
            rest = [(i, b) for i, b in enumerate(branches) if not is_null(b)]
            original = shape(self.docs.base, old.value)
            same = [(i, b) for i, b in rest if shape(self.docs.revision, b) == original]
            if len(rest) < 2 or len(same) != 1:
                continue
            index, branch = same[0]
            ptr = f"{new.pointer}/{key}/{index}"
            kept = self.pair(old.value, old.pointer, branch, ptr, location)
            named = tags(self.docs.revision, branches, {}, f"{new.pointer}/{key}")
            kept_at = resolve(self.docs.revision, branch, ptr)[1]
            others = [(name, schema) for name, schema, where in named.values() if where != kept_at]
            return Branches(
                key,
                {},
                {},
                1,
                len(rest),
                (),
                tuple(name for name, _ in others),
                (kept,) if kept else (),
                tuple(_is_object(schema) for _, schema in others),
                wrapped=True,
            )
        return None

    def _branches(self, old: Side, new: Side, location: str) -> tuple[Branches, ...]:
        found = []
        for key in ("oneOf", "anyOf"):
            old_list, new_list = old.value.get(key), new.value.get(key)
            if not isinstance(old_list, list) or not isinstance(new_list, list):
                continue
            old_disc = old.value.get("discriminator") or {}
            new_disc = new.value.get("discriminator") or {}
            counts = (key, old_disc, new_disc, len(old_list), len(new_list))
            if tag_property_changed(old_disc, new_disc):
                found.append(Branches(*counts))
                continue
            if not old_disc or not new_disc:
                # A discriminator added or dropped: pair the branches without it.
                old_disc = new_disc = {}
            old_tags = tags(self.docs.base, old_list, old_disc, f"{old.pointer}/{key}")
            new_tags = tags(self.docs.revision, new_list, new_disc, f"{new.pointer}/{key}")
            pair_renamed(self.docs, old_tags, new_tags)
            paired = []
            for tag in sorted(old_tags.keys() & new_tags.keys()):
                (_, o, o_ptr), (name, n, n_ptr) = old_tags[tag], new_tags[tag]
                diff = self.pair(o, o_ptr, n, n_ptr, f"{location} ({name})")
                if diff is not None:
                    paired.append(diff)
            added = sorted(new_tags.keys() - old_tags.keys())
            found.append(
                Branches(
                    *counts,
                    tuple(old_tags[t][0] for t in sorted(old_tags.keys() - new_tags.keys())),
                    tuple(new_tags[t][0] for t in added),
                    tuple(paired),
                    tuple(_is_object(new_tags[t][1]) for t in added),
                )
            )
        return tuple(found)


def _is_object(schema: Any) -> bool:
    """An object alternative (refs followed): what a union's client reads as a mapping."""
    if not isinstance(schema, dict):
        return False
    return schema_types(schema) == {"object"} or (
        not schema_types(schema) and ("properties" in schema or "allOf" in schema)
    )


def schema_types(schema: dict[str, Any]) -> frozenset[str]:
    """The types a schema names, null aside (nullability is judged on its own)."""
    kind = schema.get("type")
    kinds = kind if isinstance(kind, list) else [kind] if isinstance(kind, str) else []
    return frozenset(k for k in kinds if k != "null")
