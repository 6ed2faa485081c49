"""openapi-spec-validator, with each error placed at the node it concerns.

The validator checks nested schemas and defaults with fresh JSON Schema validators, whose error
paths start at that schema or that default: the error alone cannot say where it is. Its keyword
validators are subclassed here to record the document path of the object they were checking.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

from .load import escape_pointer_token, follow_refs

# A message that starts with the value it is about prints the value: past this, it says "value".
_SHOWN = 60


@dataclass(frozen=True, slots=True)
class Problem:
    pointer: str  # the node concerned, $refs followed to where it is written
    message: str
    # For a key its object may not have: the keys it may (pointer ends with the key).
    allowed: tuple[str, ...] | None = None


def iter_problems(data: dict[str, Any]) -> Iterator[Problem]:
    validator = _LOCATED[str(data.get("openapi", "")).startswith("3.1")]
    for error in validator(data).iter_errors():
        located = getattr(error, "located", None)
        if located is None:  # the whole document against the OpenAPI schema: paths are absolute
            error = _deepest(error)
            located = tuple(error.absolute_path)
        key = _unexpected_key(error)
        yield Problem(
            _canonical(data, (*located, *key)),
            _message(error),
            tuple(error.schema.get("properties", {})) if key else None,
        )


def _unexpected_key(error: Any) -> tuple[str, ...]:
    """An object with a key its schema does not allow: the problem is at that key."""
    if error.validator != "additionalProperties" or not isinstance(error.instance, dict):
        return ()
    schema = error.schema if isinstance(error.schema, dict) else {}
    patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
    allowed = schema.get("properties", {})
    for key in error.instance:
        if key not in allowed and not any(p.search(key) for p in patterns):
            return (key,)
    return ()


def _deepest(error: Any) -> Any:
    """Of an anyOf/oneOf failure, the error of the branch that got furthest into the value:
    what the author most likely meant, and where."""
    while error.context:
        error = max(error.context, key=lambda e: (len(e.absolute_path), e.validator != "type"))
    return error


def _message(error: Any) -> str:
    """The error's sentence without a long dump of the value it concerns."""
    message = str(error.message)
    shown = repr(error.instance)
    if message.startswith(shown) and len(shown) > _SHOWN:
        kinds: dict[type, str] = {dict: "the object", list: "the list", str: "the string"}
        kind = kinds.get(type(error.instance), "the value")
        message = kind + message[len(shown) :]
    return message if len(message) < 300 else message[:299] + "…"


def _canonical(data: Any, parts: tuple[Any, ...]) -> str:
    """The pointer of ``parts`` as written: a step into a `$ref` continues at its target."""
    pointer, node = "", data
    for part in parts:
        token = str(part)
        if isinstance(node, dict) and token not in node:
            node, pointer = follow_refs(data, node, pointer)
        if isinstance(node, dict):
            node = node.get(token)
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            node = None
        pointer = f"{pointer}/{escape_pointer_token(token)}"
    return pointer


def _mark(error: Any, parts: tuple[Any, ...]) -> Any:
    """The error, marked with where it is, unless a deeper check already marked it."""
    if getattr(error, "located", None) is not None:
        return error
    if not isinstance(error, OpenAPIValidationError):
        error = OpenAPIValidationError.create_from(error)
    error.located = parts
    return error


def _located(base: type[Any]) -> type[Any]:
    schema_base = base.keyword_validators["schema"]
    default_base = base.keyword_validators["default"]

    class Schema(schema_base):  # type: ignore[misc, valid-type]
        def __call__(self, schema: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
            for error in super().__call__(schema, *args, **kwargs):
                # A meta-schema error's path starts at this schema; the others concern it whole.
                yield _mark(error, (*schema.parts, *error.absolute_path))

    class Default(default_base):  # type: ignore[misc, valid-type]
        def __call__(self, schema: Any, value: Any) -> Iterator[Any]:
            at = (*schema.parts, "default")
            for error in super().__call__(schema, value):
                yield _mark(error, (*at, *error.absolute_path))

    wrapped = {"schema": Schema, "default": Default}
    for keyword, cls in base.keyword_validators.items():
        if keyword not in wrapped and keyword != "__root__":
            wrapped[keyword] = _concerning(cls)
    return type(
        base.__name__, (base,), {"keyword_validators": {**base.keyword_validators, **wrapped}}
    )


def _concerning(cls: type[Any]) -> type[Any]:
    """Parameters, operations, paths: their own errors concern the object checked."""

    def __call__(self: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
        checked = next((a for a in args if hasattr(a, "parts")), None)
        for error in cls.__call__(self, *args, **kwargs):
            yield _mark(error, tuple(checked.parts) if checked is not None else ())

    return type(cls.__name__, (cls,), {"__call__": __call__})


_LOCATED = {False: _located(OpenAPIV30SpecValidator), True: _located(OpenAPIV31SpecValidator)}
