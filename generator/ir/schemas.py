"""Schemas prepared for datamodel-code-generator, and described for reviewers (ModelField).

Each decision about what the tool should see is recorded where the schema is adjusted.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from ..core.names import Identifier, snake_case
from ..spec.load import escape_pointer_token, follow_refs, ref_pointer, unescape_pointer_token
from ..spec.readings import patterns_as_extras
from ..spec.validate import KNOWN_FORMATS, fractional_enum, string_typed
from .types import ModelField


def prepare_schema(schema: Any, class_names: dict[str, Identifier], data: Any) -> Any:
    """The schema as datamodel-code-generator should see it (decisions recorded here)."""
    prepared = copy.deepcopy(schema)
    _adjust(prepared, class_names, data)
    if isinstance(prepared, dict) and not is_model_shape(prepared) and "enum" not in prepared:
        # A scalar or array schema becomes a RootModel, and the tool writes its default
        # raw on every field that refers to it (`consent: Consent = False`): mypy rejects
        # that, and an unset field is never sent anyway.
        prepared.pop("default", None)
    return prepared


def aliases(schemas: dict[str, Any]) -> dict[str, str]:
    """Schemas that are only a reference to another, and the schema each finally names."""
    prefix = "#/components/schemas/"

    def target(schema: Any) -> str | None:
        ref = schema.get("$ref") if isinstance(schema, dict) else None
        if isinstance(ref, str) and ref.startswith(prefix) and set(schema) <= _ALIAS_KEYS:
            return unescape_pointer_token(ref.removeprefix(prefix))
        return None

    found: dict[str, str] = {}
    for name, schema in schemas.items():
        seen = {name}
        final = target(schema)
        while final is not None and final in schemas and final not in seen:
            seen.add(final)
            if target(schemas[final]) is None:
                found[name] = final
                break
            final = target(schemas[final])
    return found


# What an alias may carry besides its reference: words about it, not constraints.
_ALIAS_KEYS = frozenset(["$ref", "description", "title"])


def component_name(pointer: str) -> str | None:
    """The schema name of a pointer to a whole component schema, else None."""
    name = pointer.removeprefix("/components/schemas/")
    if name == pointer or "/" in name:
        return None
    return unescape_pointer_token(name)


def _adjust(
    node: Any, class_names: dict[str, Identifier], data: Any, inlining: frozenset[str] = frozenset()
) -> None:
    if isinstance(node, dict):
        _lift_nullable_discriminated_union(node)
        ref = node.get("$ref")
        target = ref_pointer(ref) if isinstance(ref, str) else None
        if target is not None and component_name(target) is None and target not in inlining:
            # A reference into part of a schema, or outside components (`User/properties/id`,
            # a path's response): the tool sees only components, so the part is written here.
            resolved, _ = follow_refs(data, node, "")
            if isinstance(resolved, dict) and "$ref" not in resolved:
                del node["$ref"]
                node.update({k: v for k, v in copy.deepcopy(resolved).items() if k not in node})
                inlining = inlining | {target}
        elif target is not None and (name := component_name(target)) is not None:
            # Models are keyed by their class names, so the tool names each class as we do.
            node["$ref"] = "#/components/schemas/" + escape_pointer_token(class_names[name])
            # A default beside a reference (Telnyx's `loop: {$ref: Loopcount, default: 1}`):
            # the tool writes it raw where the model is a RootModel, which mypy rejects, and
            # an unset field is never sent anyway.
            node.pop("default", None)
        patterns_as_extras(node)
        if _is_closed_union(node, data):
            # A variant the vendor adds later matches none of these: it is read as its raw
            # data (as a discriminated union's is, by the runtime's OpenUnion).
            node["oneOf"] = [*node["oneOf"], {"type": "object", "additionalProperties": True}]
        if isinstance(node.get("enum"), list) and None in node["enum"]:
            # `enum: [open, closed, null]`: the tool would make null a member of the enum
            # (NONE_TYPE_NONE); it is the absence of a value, as `nullable` says.
            node["enum"] = [v for v in node["enum"] if v is not None]
            # Beside a `const`, null is not a value (`const: fixed` with `enum: [0, null]`
            # allows none): the tool typed `Literal["fixed"]`, defaulted to None.
            node["nullable"] = "const" not in node
            if not node["enum"]:
                # `enum: [null]`: null is the only value (the tool would give `Any | None`).
                del node["enum"], node["nullable"]
                node["type"] = "null"
        if node.get("format") in ("email", "idn-email"):
            # EmailStr needs email-validator and rewrites the address; send what the caller
            # gave. Whatever the type says: the tool types a string with it (`[string, "null"]`).
            del node["format"]
        if node.get("format") == "password":
            # SecretStr is written to JSON as "**********": the request would lose the value.
            del node["format"]
        if isinstance(node.get("default"), str) and node.get("format") in _PARSED_FORMATS:
            # The tool would write the string itself as the default of a parsed type
            # (`url: AnyUrl = ""`), which mypy rejects; an unset field is never sent anyway.
            del node["default"]
        if string_typed(node):
            # An unquoted YAML enum value (4.1, true) in a string schema: the string it spells.
            if isinstance(node.get("enum"), list):
                node["enum"] = [json_text(v) for v in node["enum"]]
            if "default" in node:
                node["default"] = json_text(node["default"])
        if isinstance(node.get("format"), str) and node["format"] not in KNOWN_FORMATS:
            # As the unknown-format warning says, a plain value: the tool would parse some
            # (`ulid`, `uuid4`) into types from packages the client does not have.
            del node["format"]
        if fractional_enum(node):
            # A float cannot be a Literal member (enum-value-fractional warns).
            del node["enum"]
        if node.get("format") in ("date-time", "date") and "pattern" in node:
            # A pattern on a parsed datetime makes pydantic raise TypeError on every value.
            del node["pattern"]
        if isinstance(node.get("description"), str):
            # The tool copies descriptions into docstrings line by line; trailing spaces
            # there would fail `ruff check` (W291) and mean nothing to a reader.
            node["description"] = "\n".join(
                line.rstrip() for line in node["description"].split("\n")
            )
        for key, value in node.items():
            if key not in ("example", "examples", "default", "enum", "const"):
                _adjust(value, class_names, data, inlining)
    elif isinstance(node, list):
        for value in node:
            _adjust(value, class_names, data, inlining)


# Formats the model tool parses into a type other than str.
_PARSED_FORMATS = frozenset(
    ["binary", "date", "date-time", "decimal", "duration", "ipv4", "ipv6", "time", "uri", "uuid"]
)


def json_text(value: Any) -> Any:
    """A number or boolean as the JSON text that spells it (4.1 -> "4.1", True -> "true")."""
    return json.dumps(value) if isinstance(value, bool | int | float) else value


# Property names that, as fields, would hide in a model's class body a name its module uses
# and that the model tool does not import under another name around them: its MISSING where
# the field itself is not optional, its Field and Annotated (which render/models.py reads in
# its output), the runtime's names render/ adds after it, and the builtins it writes as types,
# which it imports under another name only now and then (`list: Thing` beside `names:
# list[str]` left `list` unaliased, and mypy refused the class).
_SHADOWING = frozenset(
    {
        "MISSING",
        "Field",
        "Annotated",
        "FileContent",
        "OpenUnion",
        "LAZY",
        "lazy_model",
        "bool",
        "bytes",
        "dict",
        "float",
        "int",
        "list",
        "set",
        "str",
        "tuple",
    }
)


def field_names(schemas: list[Any]) -> tuple[tuple[str, Identifier], ...]:
    """The fields whose Python name is not their wire name: non-ASCII names (Python would
    NFKC-normalise them) in snake case, and those in ``_SHADOWING`` with a trailing `_`."""
    found: set[str] = set()
    stack = list(schemas)
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            props = node.get("properties")
            if isinstance(props, dict):
                found.update(n for n in props if not n.isascii() or n in _SHADOWING)
            stack.extend(
                v
                for k, v in node.items()
                if k not in ("example", "examples", "default", "enum", "const")
            )
        elif isinstance(node, list):
            stack.extend(node)
    return tuple(
        (name, Identifier(f"{name}_") if name in _SHADOWING else snake_case(name))
        for name in sorted(found)
    )


def model_fields(schema: Any, prefix: str = "") -> tuple[ModelField, ...]:
    if not isinstance(schema, dict):
        return ()
    required = set(schema.get("required") or [])
    found: list[ModelField] = []
    for name, prop in sorted((schema.get("properties") or {}).items()):
        path = f"{prefix}{name}"
        found.append(ModelField(path, describe_type(prop), name in required))
        inline = (
            [prop, *(prop.get("anyOf") or []), prop.get("items")] if isinstance(prop, dict) else []
        )
        for candidate in inline:
            if (
                isinstance(candidate, dict)
                and "properties" in candidate
                and "$ref" not in candidate
            ):
                suffix = "[]" if candidate is prop.get("items") else ""
                found.extend(model_fields(candidate, f"{path}{suffix}."))
    return tuple(found)


def describe_type(schema: Any) -> str:
    """A short, stable type description for reviewers: ``string | null``, ``array[Customer]``."""
    if not isinstance(schema, dict):
        return "any"
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "enum" in schema:
        return "enum[" + ", ".join(json.dumps(v) for v in schema["enum"]) + "]"
    if "const" in schema:
        return f"const {json.dumps(schema['const'])}"
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            members = " | ".join(describe_type(s) for s in schema[key])
            return f"{key}({members})" if key != "anyOf" else members
    kind = schema.get("type", "any")
    if isinstance(kind, list):
        return " | ".join(describe_type({**schema, "type": k}) for k in kind)
    if kind == "array":
        return f"array[{describe_type(schema.get('items', {}))}]"
    fmt = schema.get("format")
    return f"{kind}({fmt})" if fmt else str(kind)


def _is_closed_union(node: dict[str, Any], data: Any) -> bool:
    """A oneOf of objects without a discriminator, which nothing new would match."""
    members = node.get("oneOf")
    if not isinstance(members, list) or len(members) < 2 or "discriminator" in node:
        return False
    resolved = [follow_refs(data, member, "")[0] for member in members]
    return (
        all(
            isinstance(m, dict) and is_model_shape(m) and m.get("type", "object") == "object"
            for m in resolved
        )
        and {"type": "object", "additionalProperties": True} not in members
    )


def _lift_nullable_discriminated_union(node: dict[str, Any]) -> None:
    """``anyOf: [{oneOf: [...], discriminator}, {type: null}]`` -> the oneOf, marked nullable.

    datamodel-code-generator drops a discriminator nested in ``anyOf``; lifted, the
    field becomes ``Annotated[A | B | None, Field(discriminator=...)]`` and pydantic
    dispatches on the tag instead of trying each branch.
    """
    branches = node.get("anyOf")
    if not isinstance(branches, list) or len(branches) != 2:
        return
    nulls = [b for b in branches if b == {"type": "null"}]
    unions = [b for b in branches if isinstance(b, dict) and "oneOf" in b and "discriminator" in b]
    if len(nulls) == 1 and len(unions) == 1:
        del node["anyOf"]
        node.update({k: v for k, v in unions[0].items() if k != "type"}, nullable=True)


def is_model_shape(schema: Any) -> bool:
    return isinstance(schema, dict) and (
        "properties" in schema
        or any(k in schema for k in ("allOf", "oneOf", "anyOf", "discriminator"))
    )


def canonical_json(schema: Any) -> str:
    return json.dumps(schema, sort_keys=True, ensure_ascii=False)
