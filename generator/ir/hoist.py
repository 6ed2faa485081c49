"""Inline schemas that become classes, hoisted into models of their own under their final names.

datamodel-code-generator names a class made from an inline schema after the model and field
holding it (parent-prefixed: ``Customer.address`` is ``CustomerAddress``, an item of
``Customer.tags`` is ``CustomerTag``), and resolves clashes across the whole document. Named
here, under the name it would give, each becomes a model the tool only has to write: what a
model's class says is then a function of its own schema and of those it refers to, so that
the models of part of a document can be written alone (issue 29).

A schema left inline (a shape not listed here, or a name already taken) is named by the tool
as before. The models the spec names (``Api.models``) are hoisted from as they are handed to
the tool (render/models.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..core.names import Identifier
from ..spec.load import escape_pointer_token

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
)
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
# A field name the tool takes as it is, before it prefixes it with its parent's.
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def hoist_inline(schemas: dict[Identifier, Any]) -> dict[Identifier, Identifier]:
    """Each inline schema of ``schemas`` (prepared, keyed by class name) that becomes a class,
    moved into ``schemas`` under the tool's name for it and referred to where it was; returns
    the names hoisted, each with the model that held it. Models are visited in name order and
    their fields depth first, as the tool visits them."""
    hoisted: dict[Identifier, Identifier] = {}
    pending = sorted(schemas)
    while pending:
        owner = pending.pop(0)
        found = []
        for holder, key, name, inherited in _inline_classes(owner, schemas[owner]):
            if name in schemas:
                continue  # the tool resolves that clash itself
            schemas[name] = inherited | holder[key]
            holder[key] = {"$ref": "#/components/schemas/" + escape_pointer_token(name)} | {
                k: holder[key][k] for k in _FIELD_KEYS if k in holder[key]
            }
            hoisted[name] = owner
            found.append(name)
        # Hoisted classes are visited where the tool meets them: inside their parent.
        pending[:0] = found
    return hoisted


def _inline_classes(
    owner: str, schema: Any
) -> Iterator[tuple[Any, Any, Identifier, dict[str, Any]]]:
    """Where ``schema``'s own fields hold a class inline (the object or list holding it, its
    key there), the tool's name for it, and what the class takes from around it."""
    properties = schema.get("properties") if isinstance(schema, dict) else None
    if not isinstance(properties, dict):
        return
    for field, value in properties.items():
        if not (isinstance(field, str) and _WORD.fullmatch(field)) or not isinstance(value, dict):
            continue  # a name the tool makes valid first, its own way
        if _becomes_class(value):
            yield properties, field, _class_name(owner, field), {}
        elif value.get("type") == "array" and _becomes_class(value.get("items")):
            # An item is named in the singular (`Customer.tags` holds CustomerTag), else with
            # the tool's suffix (`Customer.info` holds CustomerInfoItem, or CustomerInfoEnum).
            suffix = "Enum" if "enum" in value["items"] else "Item"
            yield value, "items", _class_name(owner, field, singular=suffix), {}
        else:
            members = value.get("anyOf")
            if isinstance(members, list) and len(members) == 2 and {"type": "null"} in members:
                # `anyOf: [{...}, {type: null}]`: a nullable field of the class (a constrained
                # scalar is one too there: a RootModel).
                at = 1 - members.index({"type": "null"})
                if _becomes_class(members[at]) or _constrained_scalar(members[at]):
                    # The tool documents the class with the field's description.
                    words = {k: value[k] for k in ("description",) if k in value}
                    yield members, at, _class_name(owner, field), words


def _becomes_class(schema: Any) -> bool:
    """An object with properties of its own, or an enum: each is a class."""
    return (
        isinstance(schema, dict)
        and "$ref" not in schema
        and (
            (isinstance(schema.get("properties"), dict) and bool(schema["properties"]))
            or (isinstance(schema.get("enum"), list) and bool(schema["enum"]))
        )
        and not any(k in schema for k in ("allOf", "oneOf", "anyOf", "discriminator"))
    )


def _constrained_scalar(schema: Any) -> bool:
    return (
        isinstance(schema, dict)
        and schema.get("type") in ("string", "integer", "number")
        and any(k in schema for k in _CONSTRAINTS)
        and not any(k in schema for k in ("$ref", "enum", "format"))
    )


def _class_name(owner: str, field: str, *, singular: str = "") -> Identifier:
    """``Customer`` and ``tags`` -> ``CustomerTags`` as the tool spells a parent-prefixed class
    name; ``singular``: the name of an item, ``CustomerTag``, else ``CustomerTags`` and it."""
    words = re.sub(r"\W", "_", f"{owner}_{field}").split("_")
    name = "".join(w[0].upper() + w[1:] for w in words if w)
    if singular:
        # The tool's own singular, from its copy of inflect: importing inflect itself costs
        # seconds, as typeguard instruments it (jaraco/inflect#212); the tool's copy skips that.
        from datamodel_code_generator.reference import get_singular_name

        name = get_singular_name(name, singular)
    return Identifier(name)
