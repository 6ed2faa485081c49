"""How a schema reads to a client: refs followed (with 3.1's keywords beside them), ``allOf``
parts merged in, the null alternative dropped, and ``oneOf``/``anyOf`` branches keyed so that
the two sides' branches pair up."""

from __future__ import annotations

import json
from typing import Any

from ...spec.load import Document, escape_pointer_token, follow_refs
from .fact import Documents


def resolve(doc: Document, node: Any, ptr: str) -> tuple[Any, str]:
    """A schema with its $refs followed, and where it is."""
    resolved, where = follow_refs(doc.data, node, ptr)
    siblings = {k: v for k, v in node.items() if k != "$ref"} if isinstance(node, dict) else {}
    if siblings and isinstance(resolved, dict) and _is_31(doc):
        # OpenAPI 3.1: keywords beside a $ref apply too (3.0 ignores them).
        return {**resolved, **siblings}, where
    return resolved, where


def _is_31(doc: Document) -> bool:
    return str(doc.data.get("openapi", "")).startswith("3.1")


def core(doc: Document, schema: dict[str, Any], ptr: str) -> tuple[dict[str, Any], str]:
    """The schema without its null alternative: ``anyOf: [X, {type: null}]`` is X."""
    for key in ("anyOf", "oneOf"):
        branches = schema.get(key)
        if isinstance(branches, list):
            rest = [(b, i) for i, b in enumerate(branches) if not is_null(b)]
            if len(rest) == 1 and len(rest) < len(branches):
                branch, index = rest[0]
                resolved, where = follow_refs(doc.data, branch, f"{ptr}/{key}/{index}")
                if isinstance(resolved, dict):
                    return resolved, where
    return schema, ptr


def flatten(
    doc: Document, schema: dict[str, Any], ptr: str, depth: int = 0
) -> tuple[dict[str, Any], dict[str, str]]:
    """A schema with its ``allOf`` parts merged in, and where each property is defined.

    Properties and ``required`` are united; other keywords come from the schema itself,
    then from its parts in order. A property several parts define holds every part's
    keywords (all of them apply), the first part's where two give the same one. This is the
    view a client sees of a composed model.
    """
    own = schema.get("properties")
    where = (
        {n: f"{ptr}/properties/{escape_pointer_token(n)}" for n in own}
        if isinstance(own, dict)
        else {}
    )
    parts = schema.get("allOf")
    if not isinstance(parts, list) or depth > 16:
        return schema, where
    merged = {k: v for k, v in schema.items() if k != "allOf"}
    properties = dict(own) if isinstance(own, dict) else {}
    required = list(schema.get("required") or [])
    for index, part in enumerate(parts):
        resolved, part_ptr = follow_refs(doc.data, part, f"{ptr}/allOf/{index}")
        if not isinstance(resolved, dict):
            continue
        flat, flat_where = flatten(doc, resolved, part_ptr, depth + 1)
        for key, value in flat.items():
            if key == "properties" and isinstance(value, dict):
                for name, prop in value.items():
                    if name not in properties:
                        properties[name] = prop
                        where[name] = flat_where[name]
                    else:
                        properties[name] = _both(doc, properties[name], prop)
            elif key == "required" and isinstance(value, list):
                required += [r for r in value if r not in required]
            else:
                merged.setdefault(key, value)
    if properties:
        merged["properties"] = properties
    if required:
        merged["required"] = required
    return merged, where


def _both(doc: Document, first: Any, second: Any) -> Any:
    """One property as two allOf parts define it: the first's keywords, then the second's."""
    first_value, _ = follow_refs(doc.data, first, "")
    second_value, _ = follow_refs(doc.data, second, "")
    if not isinstance(first_value, dict) or not isinstance(second_value, dict):
        return first
    extra = {k: v for k, v in second_value.items() if k not in first_value}
    return {**first_value, **extra} if extra else first


def is_null(schema: Any) -> bool:
    """The null alternative of a nullable schema (3.1): ``{type: null}`` or ``{const: null}``."""
    return isinstance(schema, dict) and (schema.get("type") == "null" or schema == {"const": None})


def tag_property_changed(old: dict[str, Any], new: dict[str, Any]) -> bool:
    return bool(old.get("propertyName") != new.get("propertyName") and old and new)


def tags(
    doc: Document, branches: list[Any], disc: dict[str, Any], ptr: str
) -> dict[str, tuple[str, Any, str]]:
    """Branches keyed by discriminator value, else by component name, else by shape.

    Values are (display name, schema, pointer). Keys by name are prefixed "#", by shape "~".
    """
    keyed: dict[str, tuple[str, Any, str]] = {}
    prop = disc.get("propertyName")
    for index, branch in enumerate(branches):
        if is_null(branch):
            continue
        resolved, where = follow_refs(doc.data, branch, f"{ptr}/{index}")
        tag = None
        if prop and isinstance(resolved, dict):
            spec = (resolved.get("properties") or {}).get(prop) or {}
            spec, _ = follow_refs(doc.data, spec, "")
            if isinstance(spec, dict):
                tag = spec.get("const", (spec.get("enum") or [None])[0])
        ref = branch.get("$ref") if isinstance(branch, dict) else None
        if tag is not None:
            keyed[str(tag)] = (str(tag), resolved, where)
        elif ref:
            name = str(ref).rsplit("/", 1)[-1]
            keyed[f"#{name}"] = (name, resolved, where)
        else:
            keyed[f"~{shape(doc, resolved)}"] = (f"branch {index + 1}", resolved, where)
    return keyed


def shape(doc: Document, schema: Any, depth: int = 0) -> str:
    """A canonical text of a schema with references inlined, so that names do not matter."""

    def inline(node: Any, level: int) -> Any:
        if level > 8:
            return "…"
        if isinstance(node, dict):
            if isinstance(node.get("$ref"), str):
                resolved, _ = follow_refs(doc.data, node, "")
                return inline(resolved, level + 1)
            return {
                k: inline(v, level)
                for k, v in sorted(node.items())
                if k not in ("description", "example", "examples", "title")
            }
        if isinstance(node, list):
            return [inline(v, level) for v in node]
        return node

    return json.dumps(inline(schema, depth), sort_keys=True)[:200]


def pair_renamed(
    docs: Documents,
    old_tags: dict[str, tuple[str, Any, str]],
    new_tags: dict[str, tuple[str, Any, str]],
) -> None:
    """A branch whose component was renamed keeps its shape: pair such leftovers by shape."""
    old_left = [k for k in old_tags if k.startswith("#") and k not in new_tags]
    new_left = [k for k in new_tags if k.startswith("#") and k not in old_tags]
    if not old_left or not new_left:
        return
    shapes = {shape(docs.revision, new_tags[k][1]): k for k in new_left}
    for key in old_left:
        match = shapes.pop(shape(docs.base, old_tags[key][1]), None)
        if match is not None:
            new_tags[key] = new_tags.pop(match)
