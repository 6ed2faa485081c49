"""Inline schemas that become classes, hoisted into models of their own under their final names.

datamodel-code-generator names a class made from an inline schema itself: after the model and
field holding it (``Customer.address`` is ``CustomerAddress``), or inside an `allOf` after the
field alone, numbered across the whole document where a name is taken (``Enterprise1``), so
that a schema added anywhere renames classes elsewhere. Hoisted here, each becomes a model the
tool only has to write, under a name that is a function of where it is: its parent's name and
its field's (an item of ``Customer.tags`` is ``CustomerTag``), numbered from 1 by our rule where
a model has that name. What a model's class says is then a function of its own schema and of
those it refers to, so that the models of part of a document can be written alone (issue 29).

An `allOf` of one schema and of words about it (OpenAPI 3.0's way to document a field whose
schema is a reference or shared; a vendor's extension is words too), where the schema is a
reference to a union, a scalar, a list, a map or an enum, is read as the schema with the
words, and an `allOf` of words alone as a schema that allows anything: the tool would make a
class of its own naming (of each member of the union, a RootModel, an empty class).

Left to the tool, which writes them its own way inline (hoisted, they would read otherwise):
an `allOf` of scalars, lists or enums with constraints in more than one part; a field a class
has more than once, or that a child's `allOf` part redefines; an enum with a `const`; a map of
constrained scalars (a type alias); the variants it makes of a model that is a union of
required fields; the copy it makes of a model referred to with its type beside, in a class
with a field named like that model. The models the spec names (``Api.models``) are hoisted
from as they are handed to the tool (render/models.py).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from ..core.names import Identifier
from ..spec.load import escape_pointer_token, unescape_pointer_token

# What stays where an inline schema was: how the field holds the class, not what the class is.
_FIELD_KEYS = (
    "default",
    "deprecated",
    "description",
    "example",
    "examples",
    "nullable",
    "readOnly",
    "title",
    "writeOnly",
    # How the field is written as XML (an attribute, a name): the tool keeps it on the field.
    "xml",
)
# What an `allOf` part beside a schema may say of the field without changing its type: what
# stays on a field, but a value of the type (a default) and how it is written as XML.
_WORDS_BESIDE = frozenset(_FIELD_KEYS) - {"default", "xml"}
# What makes a schema more than a scalar, a list, a map or an enum.
_COMPOSED = ("allOf", "anyOf", "discriminator", "oneOf", "properties")
# What a union's member takes from the field (the last two: a scalar member only).
_UNION_WORDS = ("description", "example", "examples", "nullable", "title")
_CONSTRAINTS = frozenset(
    {
        "exclusiveMaximum",
        "exclusiveMinimum",
        "maxLength",
        "maximum",
        "minLength",
        "minimum",
        "multipleOf",
        "pattern",
    }
)


def hoist_inline(schemas: dict[Identifier, Any]) -> dict[Identifier, Identifier]:
    """Each inline schema of ``schemas`` (prepared, keyed by class name) that becomes a class,
    moved into ``schemas`` under a name of its own and referred to where it was; returns the
    names hoisted, each with the model that held it. Models are visited in name order and
    their fields depth first, so that a name taken twice is numbered the same way each time."""
    hoisted: dict[Identifier, Identifier] = {}
    merged = _merged(schemas)
    pending = sorted(schemas)
    while pending:
        owner = pending.pop(0)
        found = []
        fields = _field_names(schemas[owner])
        for holder, key, wanted, inherited in _inline_classes(owner, schemas, merged, fields):
            name = _free(wanted, schemas)
            schemas[name] = inherited | holder[key]
            holder[key] = {"$ref": "#/components/schemas/" + escape_pointer_token(name)} | {
                k: holder[key][k] for k in _FIELD_KEYS if k in holder[key]
            }
            _plain_reference(holder[key], schemas, fields)
            hoisted[name] = owner
            found.append(name)
        # Hoisted classes are visited where the tool meets them: inside their parent.
        pending[:0] = found
    return hoisted


def _inline_classes(
    owner: Identifier,
    schemas: dict[Identifier, Any],
    merged: set[tuple[str, str]],
    fields: frozenset[str],
) -> Iterator[tuple[Any, Any, Identifier, dict[str, Any]]]:
    """Where the class ``owner`` holds a class inline (the object or list holding it, its key
    there), the name wanted for it, and what the class takes from around it; ``merged``: the
    fields left inline; ``fields``: the names of the class's fields."""
    schema = schemas[owner]
    if not isinstance(schema, dict):
        return
    own = schema.get("properties")
    own = own if isinstance(own, dict) else {}
    # A field of an `allOf` part that the class has more than once (in two parts, in its own
    # properties or a parent's), or that a child's part redefines, is the tool's to merge:
    # left inline.
    times = Counter(list(own))
    inline: list[tuple[dict[str, Any], str]] = [(own, field) for field in own]
    for part in _parts(schema):
        if "$ref" in part:
            times.update(field for _, field in _fields(part, schemas, set()))
        elif part is not schema and isinstance(part.get("properties"), dict):
            times.update(list(part["properties"]))
            inline.extend((part["properties"], field) for field in part["properties"])
    for properties, field in inline:
        if properties is own or (times[field] == 1 and (owner, field) not in merged):
            yield from _held(properties, field, _class_name(owner, field), schemas, fields)
    if "properties" not in schema and "allOf" not in schema:
        # A model that is a list, a map or a union of what it holds.
        yield from _held(schema, None, owner, schemas, fields)


def _merged(schemas: dict[Identifier, Any]) -> set[tuple[str, str]]:
    """The fields (model, field) an `allOf` part redefines where the model is a part too:
    the tool merges the two, reading the model's field as it is (a default is lost where the
    field of an `allOf` part is a reference)."""
    found: set[tuple[str, str]] = set()
    pending: list[Any] = list(schemas.values())
    while pending:
        node = pending.pop()
        if isinstance(node, list):
            pending.extend(node)
        if not isinstance(node, dict):
            continue
        pending.extend(
            v
            for k, v in node.items()
            if k not in ("const", "default", "enum", "example", "examples")
        )
        parts = list(_parts(node))[1:] if isinstance(node.get("allOf"), list) else []
        redefined = {
            field
            for part in parts
            if "$ref" not in part and isinstance(part.get("properties"), dict)
            for field in part["properties"]
        }
        for part in parts:
            if "$ref" in part:
                found.update(f for f in _fields(part, schemas, set()) if f[1] in redefined)
    return found


def _parts(schema: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """``schema`` and its `allOf` parts, depth first: what the tool merges into one class."""
    yield schema
    for part in _list(schema.get("allOf")):
        if isinstance(part, dict):
            yield from _parts(part) if "$ref" not in part else iter([part])


def _field_names(schema: Any) -> frozenset[str]:
    """The names of the fields written in the class of ``schema``: its own and its `allOf`
    parts'."""
    if not isinstance(schema, dict):
        return frozenset()
    return frozenset(
        field
        for part in _parts(schema)
        if "$ref" not in part and isinstance(part.get("properties"), dict)
        for field in part["properties"]
    )


def _fields(
    part: dict[str, Any], schemas: dict[Identifier, Any], seen: set[str]
) -> set[tuple[str, str]]:
    """The fields of the model ``part`` refers to and of its parents, each with the model
    that has it."""
    ref = part.get("$ref")
    if not isinstance(ref, str) or ref in seen:
        return set()
    seen.add(ref)
    model = unescape_pointer_token(ref.removeprefix("#/components/schemas/"))
    found: set[tuple[str, str]] = set()
    for inner in _parts(_referred(part, schemas)):
        if "$ref" in inner:
            found |= _fields(inner, schemas, seen)
        elif isinstance(inner.get("properties"), dict):
            found.update((model, field) for field in inner["properties"])
    return found


def _held(
    holder: Any,
    key: Any,
    name: Identifier,
    schemas: dict[Identifier, Any],
    fields: frozenset[str],
    *,
    item: bool = False,
    around: dict[str, Any] | None = None,
) -> Iterator[tuple[Any, Any, Identifier, dict[str, Any]]]:
    """The classes inline in ``holder[key]`` (``holder`` itself if ``key`` is None), the
    value of a field of a class, named after it (``name``); ``item``: a list's item;
    ``around``: what the union holding it says. The references found there are made plain
    on the way (``fields``: the names of the class's fields)."""
    value = holder if key is None else holder[key]
    if not isinstance(value, dict):
        return
    if key is not None and (plain := _documented(value, schemas)) is not None:
        holder[key] = value = plain
    if "$ref" in value:
        if key is not None:  # a model that is a reference is the tool's to write
            _plain_reference(value, schemas, fields)
        return
    if key is not None and (
        _becomes_class(value)
        or _merges(value, schemas)
        # A constrained item, or a discriminated union, is a class (a RootModel) of its own.
        or (item and (_constrained_scalar(value) or _constrained_list(value)))
        or (item and "discriminator" in value and ("oneOf" in value or "anyOf" in value))
    ):
        yield holder, key, name, {}
        return
    items = value.get("items")
    if value.get("type") == "array" and isinstance(items, dict):
        # An item is named in the singular (`Customer.tags` holds CustomerTag), else with
        # the tool's suffix (`Customer.info` holds CustomerInfoItem, or CustomerInfoEnum);
        # a list of lists holds items of the same name.
        if not item:
            name = _singular(name, "Enum" if "enum" in items else "Item")
        yield from _held(value, "items", name, schemas, fields, item=True)
        return
    extra = value.get("additionalProperties")
    if isinstance(extra, dict) and "properties" not in value:
        yield from _held(value, "additionalProperties", name, schemas, fields)
    members = value.get("anyOf")
    if isinstance(members, list) and len(members) == 2 and {"type": "null"} in members:
        # `anyOf: [{...}, {type: null}]`: a nullable field of the class (a constrained
        # scalar is one too there: a RootModel).
        at = 1 - members.index({"type": "null"})
        if _becomes_class(members[at]) or _constrained_scalar(members[at]):
            # The tool documents the class with the field's description.
            words = {k: value[k] for k in ("description",) if k in value}
            yield members, at, name, words
        return
    if "properties" in value or "allOf" in value:
        return  # the tool makes a class of each member with the rest: its own to name
    # A member of a union (of a union in it too) is documented with the field's description
    # and example; a scalar one (a RootModel) takes the field's nullability and title too.
    words = (around or {}) | {k: value[k] for k in _UNION_WORDS if k in value}
    for combinator in ("oneOf", "anyOf"):
        for at, member in enumerate(_list(value.get(combinator))):
            scalar = _constrained_scalar(member, formatted=True)
            if (
                _becomes_class(member)
                or _merges(member, schemas)
                or scalar
                # A constrained list the model is (not a field) is a class of its own too.
                or (key is None and _constrained_list(member))
            ):
                taken = _UNION_WORDS if scalar else _UNION_WORDS[:3]
                yield value[combinator], at, name, {k: words[k] for k in taken if k in words}
            else:
                yield from _held(value[combinator], at, name, schemas, fields, around=words)


def _plain_reference(
    value: dict[str, Any], schemas: dict[Identifier, Any], fields: frozenset[str]
) -> None:
    """A reference less what the tool would copy the class referred to for, into a class it
    names itself, and that says nothing the class does not: `nullable: false` (what a field
    is anyway), or the type the class has. Not where a field of the class holding it
    (``fields``) has the name of the class referred to: the tool would rename that field
    (`User_1`) for the class to be seen in the class body."""
    ref = value.get("$ref")
    if isinstance(ref, str) and unescape_pointer_token(ref.rpartition("/")[2]) in fields:
        return
    referred = _referred(value, schemas)
    if not (_becomes_class(referred) or _merges(referred, schemas)):
        return  # a model of no fields the tool copies inline (a dict), not as a class
    said = {"nullable": False, "type": referred.get("type")}
    plain = {k: v for k, v in value.items() if not (k in said and v == said[k])}
    if len(plain) < len(value) and "type" not in plain:
        # The tool documented the field with its copy's words.
        words = ("description", "example", "examples", "title")
        plain |= {k: referred[k] for k in words if k in referred} | plain
    value.clear()
    value.update(plain)


def _documented(value: dict[str, Any], schemas: dict[Identifier, Any]) -> dict[str, Any] | None:
    """`allOf: [S, {description: ...}]`, OpenAPI 3.0's way to say a word beside a reference or
    a shared schema, as S with the words, where S is a reference to a union, or a scalar, a
    list, a map or an enum; else None. Left as they are, the tool makes a class it names
    itself: of each of a union's members with the words (`AiAgent1AiAgent11`, numbered across
    the document), which a caller would have to build instead of the members; of a scalar, a
    RootModel (`CanNonOwnersInvite`), which a caller would have to read with `.root`; of a
    map, a class of no fields (Box's `Metadata`, which took the name of the spec's own)."""
    parts = value.get("allOf")
    beside = {k: v for k, v in value.items() if k != "allOf"}
    if not isinstance(parts, list) or not _words(beside):
        return None
    words = [part for part in parts if _words(part)]
    said = [part for part in parts if not _words(part)]
    if len(said) > 1 or not all(isinstance(part, dict) for part in said):
        return None
    # With words alone, the field may hold anything (Box's GenericSource, a map of them).
    schema = said[0] if said else {}
    if "$ref" in schema:
        referred = _referred(schema, schemas)
        if (
            set(schema) != {"$ref"}
            or not any(isinstance(referred.get(k), list) for k in ("oneOf", "anyOf"))
            or any(k in referred for k in ("allOf", "properties"))
        ):
            return None
    elif any(k in schema for k in _COMPOSED):
        return None
    plain = dict(schema)
    for part in [*words, beside]:
        plain |= part
    # Null is read where any part lets it through (`nullable: false` alone forbids nothing:
    # Box's `allOf: [{type: string, nullable: true}, {nullable: false}]`).
    plain.pop("nullable", None)
    if any(part.get("nullable") is True for part in [schema, *words, value]):
        plain["nullable"] = True
    return plain


def _words(part: Any) -> bool:
    """An `allOf` part that only says something of a field: words, or a vendor's extension."""
    return isinstance(part, dict) and all(k in _WORDS_BESIDE or k.startswith("x-") for k in part)


def _referred(part: dict[str, Any], schemas: dict[Identifier, Any]) -> Any:
    """The model ``part`` refers to, else {}."""
    ref = part.get("$ref")
    prefix = "#/components/schemas/"
    if isinstance(ref, str) and ref.startswith(prefix):
        found = schemas.get(Identifier(unescape_pointer_token(ref[len(prefix) :])))
        if isinstance(found, dict):
            return found
    return {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _merges(schema: Any, schemas: dict[Identifier, Any]) -> bool:
    """An inline `allOf` the tool merges into a class of its own: one with fields of its own
    or in a part (an inline `allOf` of such parts too), or of more than one model with fields
    (an `allOf` of scalars, lists, enums or unions it writes its own way inline)."""
    if not isinstance(schema, dict) or any(
        k in schema for k in ("$ref", "oneOf", "anyOf", "discriminator")
    ):
        return False
    parts = [part for part in _list(schema.get("allOf")) if isinstance(part, dict)]
    models = [part for part in parts if "$ref" in part]
    return any(
        "$ref" not in part
        and (_has_fields(part) or (part is not schema and _merges(part, schemas)))
        for part in [*parts, schema]
    ) or (len(models) > 1 and all(_is_object(_referred(part, schemas)) for part in models))


def _has_fields(schema: dict[str, Any]) -> bool:
    return isinstance(schema.get("properties"), dict) and bool(schema["properties"])


def _is_object(schema: Any) -> bool:
    """A model with fields, of its own or its parts', and no union."""
    return (
        isinstance(schema, dict)
        and not any(k in schema for k in ("oneOf", "anyOf"))
        and (_has_fields(schema) or bool(_list(schema.get("allOf"))))
    )


def _free(wanted: Identifier, schemas: dict[Identifier, Any]) -> Identifier:
    """``wanted``, or if a model has that name, it numbered from 1 as the tool numbers a
    name taken: our rule, so that the tool has no name left to give."""
    name, number = wanted, 0
    while name in schemas:
        number += 1
        name = Identifier(f"{wanted}{number}")
    return name


def _becomes_class(schema: Any) -> bool:
    """An object with properties of its own, or an enum: each is a class (but for an enum
    with a `const`, which the tool writes as a Literal)."""
    return (
        isinstance(schema, dict)
        and "$ref" not in schema
        and (
            (isinstance(schema.get("properties"), dict) and bool(schema["properties"]))
            or (
                isinstance(schema.get("enum"), list)
                and bool(schema["enum"])
                and "const" not in schema
            )
        )
        and not any(k in schema for k in ("allOf", "oneOf", "anyOf", "discriminator"))
    )


def _constrained_scalar(schema: Any, *, formatted: bool = False) -> bool:
    """A scalar with constraints, which the tool makes a RootModel of in a union or a list;
    ``formatted``: with a format too."""
    return (
        isinstance(schema, dict)
        and schema.get("type") in ("string", "integer", "number")
        and any(k in schema for k in _CONSTRAINTS)
        and not any(k in schema for k in ("$ref", "enum", "allOf", "oneOf", "anyOf"))
        and (formatted or "format" not in schema)
    )


def _constrained_list(schema: Any) -> bool:
    """A list with constraints, which the tool makes a RootModel of in a list or a model's
    union."""
    return (
        isinstance(schema, dict)
        and schema.get("type") == "array"
        and any(k in schema for k in ("maxItems", "minItems", "uniqueItems"))
    )


def _class_name(owner: str, field: str) -> Identifier:
    """``Customer`` and ``tags`` -> ``CustomerTags`` as the tool spells a parent-prefixed class
    name (``_links`` -> ``CustomerLinks``; a field of no ASCII word, ``CustomerField``)."""
    words = re.sub(r"\W", "_", owner).split("_") + (re.findall(r"[A-Za-z0-9]+", field) or ["Field"])
    return Identifier("".join(w[0].upper() + w[1:] for w in words if w))


def _singular(name: Identifier, suffix: str) -> Identifier:
    """The name of an item of ``name``: ``CustomerTag`` of ``CustomerTags``, else ``name``
    and ``suffix``."""
    # The tool's own singular, from its copy of inflect: importing inflect itself costs
    # seconds, as typeguard instruments it (jaraco/inflect#212); the tool's copy skips that.
    from datamodel_code_generator.reference import get_singular_name

    return Identifier(get_singular_name(name, suffix))
