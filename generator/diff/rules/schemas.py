"""Changes inside a schema, judged by direction: tightening a request breaks callers,
widening a response breaks clients.

A schema's own keywords (nullability, type, format, enum, bounds, default) are a parameter's
where the schema is a parameter's; what a schema holds (other properties, 2020-12 subschemas,
alternatives) is request or response properties, as everything inside a body is.
"""

import json
from collections.abc import Iterator
from typing import Any

from ..findings import Change, Direction, Level, Rule
from ..structure import RetypedSchemaDiff, SchemaDiff, SchemaPair, WholeSchemaDiff
from ..structure.composition import is_null, shape
from ..structure.schema import prefix_items
from .registry import Args, change, check

B, W, N = Level.BREAKING, Level.WARNING, Level.INFO  # N: iNfo (I reads as 1)

# kind: (level in a request, level in a response, message). A response widened breaks the
# client's models, which check what arrives (types, bounds, patterns, lengths: a value outside
# them raises APIResponseValidationError); tests/diff/test_client_impact.py proves each level.
_KINDS = {
    "type-narrowed": (B, N, "the type narrowed from {old} to {new}"),
    "type-widened": (N, B, "the type widened from {old} to {new}"),
    "type-changed": (B, B, "the type changed from {old} to {new}"),
    "format-changed": (W, W, "the format changed from {old} to {new}"),
    "enum-value-removed": (B, N, "the enum value {value} was removed"),
    "enum-value-added": (N, W, "the enum value {value} was added"),
    "constraint-tightened": (B, N, "{constraint} tightened from {old} to {new}"),
    "constraint-loosened": (N, B, "{constraint} loosened from {old} to {new}"),
    # Neither tighter nor looser (multipleOf 5 to 3): some values leave, others arrive.
    "constraint-changed": (B, B, "{constraint} changed from {old} to {new}"),
    # `const: a` to `const: b`: every old value leaves, a new one arrives.
    "const-changed": (B, B, "the constant value changed from {old} to {new}"),
    # Breaking in a request (oasdiff: info): the client never sends a default the caller
    # did not set, so the server applies the new one to every call that leaves it out.
    "default-changed": (
        B,
        N,
        "the default changed from {old} to {new}; a call that leaves it out gets the new one",
    ),
    "became-nullable": (N, B, "it became nullable"),
    "became-not-nullable": (B, N, "it is no longer nullable"),
    # In a response, a new object alternative of a union reaches the caller as a plain dict
    # (the client's OpenUnion); one the client cannot read that way is `type-widened`.
    "one-of-branch-added": (N, W, "the alternative {branch} was added"),
    "one-of-branch-removed": (B, N, "the alternative {branch} was removed"),
    "discriminator-property-changed": (
        B,
        B,
        "the discriminator property changed from {old} to {new}",
    ),
    "discriminator-mapping-changed": (B, B, "the discriminator values changed from {old} to {new}"),
    "additional-properties-disallowed": (B, N, "other properties are no longer allowed"),
    # Whether a new `if` narrows or widens cannot be told in general: a reviewer decides.
    "conditional-changed": (W, W, "the if/then/else condition changed from {old} to {new}"),
}
# What the caller gets, where the client copes with a response by design.
_RESPONSE_MESSAGES = {
    "enum-value-added": "the enum value {value} was added; the client returns it as a plain str",
    "one-of-branch-added": "the alternative {branch} was added; the client returns it as a plain dict",
}
# Parameters are scalars: only these kinds apply to them.
_PARAMETER_KINDS = (
    "became-nullable",
    "became-not-nullable",
    "type-narrowed",
    "type-widened",
    "type-changed",
    "format-changed",
    "enum-value-removed",
    "enum-value-added",
    "constraint-tightened",
    "constraint-loosened",
    "constraint-changed",
    "const-changed",
    "default-changed",
)

RULES = (
    *(
        Rule(
            f"request-parameter-{kind}",
            _KINDS[kind][0],
            Direction.REQUEST,
            _KINDS[kind][2],
        )
        for kind in _PARAMETER_KINDS
    ),
    *(Rule(f"request-property-{k}", v[0], Direction.REQUEST, v[2]) for k, v in _KINDS.items()),
    *(
        Rule(f"response-property-{k}", v[1], Direction.RESPONSE, _RESPONSE_MESSAGES.get(k, v[2]))
        for k, v in _KINDS.items()
    ),
)

_UPPER_BOUNDS = (
    "maxLength",
    "maxItems",
    "maximum",
    "exclusiveMaximum",
    "maxProperties",
    "maxContains",
)
_LOWER_BOUNDS = (
    "minLength",
    "minItems",
    "minimum",
    "exclusiveMinimum",
    "minProperties",
    "minContains",
)
_SCALARS = {"integer": {"integer"}, "number": {"integer", "number"}}


def _subject(diff: SchemaPair | WholeSchemaDiff) -> str:
    """Whose the schema's own keywords are: the parameter's, or the property's."""
    return "request-parameter" if diff.parameter else f"{diff.direction.value}-property"


def _own(diff: SchemaPair | WholeSchemaDiff, kind: str, args: Args = ()) -> Change:
    """A change of the schema's own keywords."""
    rule = f"{_subject(diff)}-{kind}"
    return change(rule, diff.endpoint, diff.location, args, diff.old, diff.new)


def _held(diff: SchemaDiff, kind: str, args: Args = ()) -> Change:
    """A change of what the schema holds: always properties (of a request or a response)."""
    rule = f"{diff.direction.value}-property-{kind}"
    return change(rule, diff.endpoint, diff.location, args, diff.old, diff.new)


@check(WholeSchemaDiff)
def accepted_values(diff: WholeSchemaDiff) -> Iterator[Change]:
    old, new = (side.value if side is not None else None for side in (diff.old, diff.new))
    before, after = _acceptance(old), _acceptance(new)
    if before != after:
        kind = "constraint-tightened" if after < before else "constraint-loosened"
        yield _own(
            diff, kind, (("constraint", "schema"), ("old", _shown(old)), ("new", _shown(new)))
        )


def _acceptance(schema: Any) -> int:
    """How much a schema that is not an object accepts: nothing (false) < something < all."""
    if schema is False:
        return 0
    return 2 if schema is None or schema is True or schema == {} else 1


@check(SchemaDiff, RetypedSchemaDiff)
def nullable(diff: SchemaPair) -> Iterator[Change]:
    # Read as written: the null alternative is what the compared view drops.
    was, now = _nullable(diff.old_written.value), _nullable(diff.new_written.value)
    if was != now:
        rule = f"{_subject(diff)}-{'became-nullable' if now else 'became-not-nullable'}"
        old, new = diff.old_written, diff.new_written
        yield change(rule, diff.endpoint, diff.location, (), old, new)


def _nullable(schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    if schema.get("nullable") is True or (isinstance(kind, list) and "null" in kind):
        return True
    return any(is_null(b) for key in ("anyOf", "oneOf") for b in schema.get(key) or [])


@check(RetypedSchemaDiff)
def type_changed(diff: RetypedSchemaDiff) -> Iterator[Change]:
    old, new = diff.old_types, diff.new_types
    widened, narrowed = _covers(new, old), _covers(old, new)
    kind = "type-widened" if widened else "type-narrowed" if narrowed else "type-changed"
    yield _own(diff, kind, (("old", "|".join(sorted(old))), ("new", "|".join(sorted(new)))))


def _covers(wide: frozenset[str], narrow: frozenset[str]) -> bool:
    """Every value of ``narrow`` types is a value of ``wide`` types (integers are numbers)."""
    accepted = set().union(*(_SCALARS.get(t, {t}) for t in wide)) if wide else set()
    return narrow <= accepted


@check(SchemaDiff)
def format_changed(diff: SchemaDiff) -> Iterator[Change]:
    old, new = diff.old.value.get("format"), diff.new.value.get("format")
    if old != new:
        yield _own(diff, "format-changed", (("old", str(old)), ("new", str(new))))


@check(SchemaDiff)
def enum_changed(diff: SchemaDiff) -> Iterator[Change]:
    if "const" in diff.old.value and "const" in diff.new.value:
        a, b = diff.old.value["const"], diff.new.value["const"]
        if a != b:
            yield _own(diff, "const-changed", (("old", _text(a)), ("new", _text(b))))
        return
    old, new = _const_as_enum(diff.old.value), _const_as_enum(diff.new.value)
    if not isinstance(old.get("enum"), list) or not isinstance(new.get("enum"), list):
        if isinstance(new.get("enum"), list) and "enum" not in old:
            args = (("constraint", "enum"), ("old", _shown(None)), ("new", _text(new["enum"])))
            yield _own(diff, "constraint-tightened", args)
        elif isinstance(old.get("enum"), list) and "enum" not in new:
            args = (("constraint", "enum"), ("old", _text(old["enum"])), ("new", _shown(None)))
            yield _own(diff, "constraint-loosened", args)
        return
    old_values = {_text(v) for v in old["enum"] if v is not None}
    new_values = {_text(v) for v in new["enum"] if v is not None}
    for value in sorted(old_values - new_values):
        yield _own(diff, "enum-value-removed", (("value", value),))
    for value in sorted(new_values - old_values):
        yield _own(diff, "enum-value-added", (("value", value),))


def _const_as_enum(schema: dict[str, Any]) -> dict[str, Any]:
    """``const: x`` is ``enum: [x]``: changing it removes one value and adds another. Zalando's
    ``x-extensible-enum`` lists values too (a client must expect others)."""
    if "const" in schema and "enum" not in schema:
        return {**schema, "enum": [schema["const"]]}
    if isinstance(schema.get("x-extensible-enum"), list) and "enum" not in schema:
        return {**schema, "enum": schema["x-extensible-enum"]}
    return schema


@check(SchemaDiff)
def bounds_changed(diff: SchemaDiff) -> Iterator[Change]:
    for keyword in (*_UPPER_BOUNDS, *_LOWER_BOUNDS):
        a, b = diff.old.value.get(keyword), diff.new.value.get(keyword)
        if a == b or isinstance(a, bool) or isinstance(b, bool):
            continue
        upper = keyword in _UPPER_BOUNDS
        if a is None:
            tightened = True
        elif b is None:
            tightened = False
        else:
            tightened = b < a if upper else b > a
        kind = "constraint-tightened" if tightened else "constraint-loosened"
        yield _own(diff, kind, (("constraint", keyword), ("old", _shown(a)), ("new", _shown(b))))


@check(SchemaDiff)
def pattern_changed(diff: SchemaDiff) -> Iterator[Change]:
    old, new = diff.old.value.get("pattern"), diff.new.value.get("pattern")
    if old != new:
        kind = "constraint-loosened" if new is None else "constraint-tightened"
        yield _own(
            diff, kind, (("constraint", "pattern"), ("old", _shown(old)), ("new", _shown(new)))
        )


@check(SchemaDiff)
def unique_items_changed(diff: SchemaDiff) -> Iterator[Change]:
    old, new = diff.old.value.get("uniqueItems"), diff.new.value.get("uniqueItems")
    if bool(old) != bool(new):
        kind = "constraint-tightened" if new else "constraint-loosened"
        args = (("constraint", "uniqueItems"), ("old", _shown(old)), ("new", _shown(new)))
        yield _own(diff, kind, args)


@check(SchemaDiff)
def content_changed(diff: SchemaDiff) -> Iterator[Change]:
    for keyword in ("contentMediaType", "contentEncoding"):
        # What a string holds (base64 of a PNG): set tightens, unset loosens.
        a, b = diff.old.value.get(keyword), diff.new.value.get(keyword)
        if a != b:
            kind = (
                "constraint-tightened"
                if a is None
                else "constraint-loosened" if b is None else "constraint-changed"
            )
            yield _own(
                diff, kind, (("constraint", keyword), ("old", _shown(a)), ("new", _shown(b)))
            )


@check(SchemaDiff)
def multiple_of_changed(diff: SchemaDiff) -> Iterator[Change]:
    a, b = diff.old.value.get("multipleOf"), diff.new.value.get("multipleOf")
    if a == b or isinstance(a, bool) or isinstance(b, bool):
        return
    # Multiples of 10 are multiples of 5: from 5 to 10 tightens, from 10 to 5 loosens;
    # from 5 to 3, neither.
    if b is None or (a is not None and _divides(b, a)):
        kind = "constraint-loosened"
    elif a is None or _divides(a, b):
        kind = "constraint-tightened"
    else:
        kind = "constraint-changed"
    yield _own(diff, kind, (("constraint", "multipleOf"), ("old", _shown(a)), ("new", _shown(b))))


def _divides(divisor: Any, number: Any) -> bool:
    if not isinstance(divisor, int | float) or not isinstance(number, int | float) or not divisor:
        return False
    quotient = number / divisor
    return abs(quotient - round(quotient)) < 1e-9


@check(SchemaDiff)
def default_changed(diff: SchemaDiff) -> Iterator[Change]:
    old, new = diff.old.value, diff.new.value
    if ("default" in old or "default" in new) and old.get("default") != new.get("default"):
        args = (("old", _text(old.get("default"))), ("new", _text(new.get("default"))))
        yield _own(diff, "default-changed", args)


@check(SchemaDiff)
def additional_properties_disallowed(diff: SchemaDiff) -> Iterator[Change]:
    old, new = (side.value.get("additionalProperties") for side in (diff.old, diff.new))
    if old is not False and new is False:
        yield _held(diff, "additional-properties-disallowed")


@check(SchemaDiff)
def subschema_added_or_removed(diff: SchemaDiff) -> Iterator[Change]:
    """A 2020-12 keyword's schema on one side only (or ``false`` on one): a constraint added
    tightens, one removed loosens. Schemas on both sides are paired in ``subschemas``."""
    for sub in diff.subschemas:
        if (isinstance(sub.old, dict) and isinstance(sub.new, dict)) or sub.old == sub.new:
            continue
        tightened = sub.old is None or sub.new is False
        kind = "constraint-tightened" if tightened else "constraint-loosened"
        args = (("constraint", sub.keyword), ("old", _shown(sub.old)), ("new", _shown(sub.new)))
        yield _held(diff, kind, args)


@check(SchemaDiff)
def dependent_required_changed(diff: SchemaDiff) -> Iterator[Change]:
    before = _dependencies(diff.old.value.get("dependentRequired"))
    after = _dependencies(diff.new.value.get("dependentRequired"))
    for name, needed in sorted(before ^ after):
        text = f"{name} needs {needed}"
        added = (name, needed) in after
        kind = "constraint-tightened" if added else "constraint-loosened"
        old, new = (_shown(None), text) if added else (text, _shown(None))
        yield _held(diff, kind, (("constraint", "dependentRequired"), ("old", old), ("new", new)))


def _dependencies(value: Any) -> set[tuple[str, str]]:
    if not isinstance(value, dict):
        return set()
    return {
        (str(name), str(needed))
        for name, names in value.items()
        if isinstance(names, list)
        for needed in names
    }


@check(SchemaDiff)
def prefix_items_length_changed(diff: SchemaDiff) -> Iterator[Change]:
    a, b = prefix_items(diff.old.doc, diff.old.value), prefix_items(diff.new.doc, diff.new.value)
    if isinstance(a, list) and isinstance(b, list) and len(a) != len(b):
        kind = "constraint-tightened" if len(b) > len(a) else "constraint-loosened"
        yield _held(
            diff, kind, (("constraint", "prefixItems"), ("old", str(len(a))), ("new", str(len(b))))
        )


@check(SchemaDiff)
def negation_changed(diff: SchemaDiff) -> Iterator[Change]:
    """``not``: what it holds is ruled out, so nothing under it is paired (its changes read
    the other way round). Compared as written, references inlined."""
    old, new = diff.old.value.get("not"), diff.new.value.get("not")
    if old is None and new is None:
        return
    old_shape = shape(diff.old.doc, old) if old is not None else None
    new_shape = shape(diff.new.doc, new) if new is not None else None
    if old_shape == new_shape:
        return
    kind = (
        "constraint-tightened"
        if old is None
        else "constraint-loosened" if new is None else "constraint-changed"
    )
    args = (("constraint", "not"), ("old", _short(old_shape)), ("new", _short(new_shape)))
    yield _held(diff, kind, args)


def _short(text: str | None) -> str:
    if text is None:
        return "-"
    return text if len(text) <= 80 else text[:79] + "…"


@check(SchemaDiff)
def conditional_changed(diff: SchemaDiff) -> Iterator[Change]:
    if diff.condition_changed:
        old, new = diff.old.value.get("if"), diff.new.value.get("if")
        yield _held(diff, "conditional-changed", (("old", _text(old)), ("new", _text(new))))


@check(SchemaDiff)
def discriminator_changed(diff: SchemaDiff) -> Iterator[Change]:
    for branches in diff.branches:
        old, new = branches.old_discriminator, branches.new_discriminator
        if branches.tag_property_changed:
            args = (("old", str(old.get("propertyName"))), ("new", str(new.get("propertyName"))))
            yield _held(diff, "discriminator-property-changed", args)
            continue
        old_map, new_map = old.get("mapping") or {}, new.get("mapping") or {}
        if (
            old_map
            and new_map
            and set(old_map) != set(new_map)
            and branches.old_count == branches.new_count
        ):
            # Same alternatives under other tag values: payloads carry different tags.
            args = (("old", ", ".join(sorted(old_map))), ("new", ", ".join(sorted(new_map))))
            yield _held(diff, "discriminator-mapping-changed", args)


@check(SchemaDiff)
def branch_added_or_removed(diff: SchemaDiff) -> Iterator[Change]:
    for branches in diff.branches:
        for name in branches.removed:
            yield _held(diff, "one-of-branch-removed", (("branch", name),))
        readable = branches.added_objects if not branches.wrapped else ()
        for index, name in enumerate(branches.added):
            if diff.direction is Direction.RESPONSE and not (
                index < len(readable) and readable[index]
            ):
                # A schema that was no union, or an alternative that is no object: the
                # client's model does not read it.
                args = (
                    ("old", _written_type(diff.old_written.value)),
                    ("new", f"one of it and {name}"),
                )
                yield _held(diff, "type-widened", args)
            else:
                yield _held(diff, "one-of-branch-added", (("branch", name),))


def _written_type(schema: dict[str, Any]) -> str:
    kind = schema.get("type")
    if isinstance(kind, list):
        return "|".join(str(k) for k in kind)
    return str(kind) if kind else "the schema"


def _shown(value: Any) -> str:
    """A keyword's value in a message; "none" where the schema does not set it."""
    return "none" if value is None else _text(value)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, sort_keys=True)
