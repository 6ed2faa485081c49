"""openapi-spec-validator, with each error placed at the node it concerns; and the record
that lets a regeneration skip it for a document it already found nothing in.

The validator checks nested schemas and defaults with fresh JSON Schema validators, whose error
paths start at that schema or that default: the error alone cannot say where it is. Its keyword
validators are subclassed here to record the document path of the object they were checking.

It takes over a second on a large spec. ``VALIDATED.sha256`` beside a client records the
digest of a document in which it found no problem, under a header naming the validator (the
versions of it and of the packages it uses, and this module). A document with that digest
is not validated again, nor is one that differs from it only in the wording of descriptions
and summaries, which no check of the validator reads (see ``_PROSE``). A different header,
or a document that was not clean, means validating again.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from . import validator_settings
from .load import escape_pointer_token, follow_refs, unescape_pointer_token

VALIDATED_NAME = "VALIDATED.sha256"
# Keys whose text the validator never reads: its meta-schemas ask of a description or a
# summary only that it be a string (tests/test_openapi_validator.py reads them all), and its
# own checks (operation ids, path parameters, tags, defaults) never look at one.
_PROSE = frozenset({"description", "summary"})
# Values that are data: a default is validated against its schema, so a "description" key in
# it is not prose. Extensions are left whole too.
_DATA = frozenset({"default", "enum", "const", "example", "examples"})
# Keys whose value the validator may follow to another node (jsonschema-path resolves "$ref"
# wherever it reads, inside data too).
_REFERENCES = frozenset({"$ref", "$dynamicRef", "$recursiveRef"})
# A message that starts with the value it is about prints the value: past this, it says "value".
_SHOWN = 60


@dataclass(frozen=True, slots=True)
class Problem:
    pointer: str  # the node concerned, $refs followed to where it is written
    message: str
    # For a key its object may not have: the keys it may (pointer ends with the key).
    allowed: tuple[str, ...] | None = None
    # The validator raised an exception checking this node (so it stopped there).
    failed: bool = False


class _Failed(Exception):
    """An exception the validator raised, with the path of the node it was checking."""

    def __init__(self, parts: tuple[Any, ...], exc: Exception) -> None:
        super().__init__(parts, exc)
        self.parts = parts
        self.exc = exc


def _guarded(parts: tuple[Any, ...], errors: Callable[[], Iterator[Any]]) -> Iterator[Any]:
    """The errors ``errors()`` gives, as they come; an exception raised meanwhile is placed
    at ``parts`` (the innermost node that was being checked: one deeper placed it already)."""
    try:
        yield from errors()
    except _Failed:
        raise
    except Exception as exc:
        raise _Failed(parts, exc) from exc


def _unless_unreadable(errors: Callable[[], Iterator[Any]]) -> Iterator[Any]:
    """The errors ``errors()`` gives, none once it meets what the schema's version cannot read:
    a type it has not (`null` in 3.0), reported as the schema's error, or a pattern only
    pydantic's regex engine reads, which pydantic checks (as in readings._defaults)."""
    from jsonschema.exceptions import UnknownType  # type: ignore[import-untyped]

    try:
        yield from errors()
    except (UnknownType, re.error):
        return


@dataclass(slots=True)
class Record:
    """The validator's verdict as recorded beside a client: ``committed`` is the record found
    there before validating ("" if none); validating sets ``current``, this document's."""

    committed: str = ""
    current: str = ""


def read_record(client: Path | None) -> Record:
    """The record committed in a client's directory (``None``: no client yet)."""
    path = client / VALIDATED_NAME if client is not None else None
    if path is None or not path.is_file() or path.is_symlink():
        return Record()
    return Record(path.read_text(encoding="utf-8"))


def find_problems(data: dict[str, Any], record: Record | None = None) -> list[Problem]:
    """The validator's problems with ``data``; none, without asking it, where
    ``record.committed`` vouches for the document. Sets ``record.current``."""
    if record is None:
        return list(iter_problems(data))
    header, marks = _header(), _marks(data)
    first, *lines = record.committed.splitlines() or [""]
    known = {line.partition(" ")[2]: line.partition(" ")[0] for line in lines}
    vouched = first == header and any(known.get(what) == mark for what, mark in marks.items())
    problems = [] if vouched else list(iter_problems(data))
    vouching = [] if problems else [f"{mark} {what}" for what, mark in marks.items()]
    record.current = "\n".join([header, *vouching]) + "\n"
    return problems


@functools.cache
def _header() -> str:
    """The validator: its version and its dependencies' as installed, and this module."""
    versions = []
    pending, seen = ["openapi-spec-validator"], set()
    while pending:
        name = re.sub(r"[-_.]+", "-", pending.pop()).lower()
        if name in seen:
            continue
        seen.add(name)
        try:
            distribution = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{name} absent")
            continue
        versions.append(f"{name} {distribution.version}")
        for requirement in distribution.requires or []:
            if "extra ==" not in requirement:
                pending.append(re.split(r"[^A-Za-z0-9._-]", requirement.strip(), maxsplit=1)[0])
    digest = hashlib.sha256("\n".join(sorted(versions)).encode())
    ours = (Path(__file__), Path(validator_settings.__file__))
    for module in ours:
        digest.update(module.read_bytes())
    version = importlib.metadata.version("openapi-spec-validator")
    return (
        f"# openapi-spec-validator {version}, the {len(versions) - 1} packages it uses"
        f" and generator/spec/{' and '.join(m.name for m in ours)}: {digest.hexdigest()[:32]}"
    )


def _marks(data: Any) -> dict[str, str]:
    """What a record says of a document: its digest, and that of its text with prose left
    blank (unless a reference reaches into prose, which makes the text read). None for data
    that is not JSON (a YAML timestamp): such a document is always validated."""
    try:
        marks = {"document": _digest(data)}
    except (TypeError, ValueError):
        return {}
    if not _refers_to_prose(data):
        marks["document, descriptions and summaries aside"] = _digest(_prose_aside(data))
    return marks


def _digest(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _prose_aside(node: Any) -> Any:
    """A copy of ``node`` with every description and summary blank, data left as it is."""
    if isinstance(node, dict):
        return {
            key: (
                ""
                if key in _PROSE and isinstance(value, str)
                else value if key in _DATA or key.startswith("x-") else _prose_aside(value)
            )
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_prose_aside(value) for value in node]
    return node


def _refers_to_prose(data: Any) -> bool:
    """Whether a reference anywhere (in data too) points into a description or summary."""
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key in _REFERENCES and isinstance(value, str):
                    fragment = unquote(value.partition("#")[2])
                    if _PROSE & {unescape_pointer_token(t) for t in fragment.split("/")}:
                        return True
                stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)
    return False


def iter_problems(data: dict[str, Any]) -> Iterator[Problem]:
    validator = _located(str(data.get("openapi", "")).startswith("3.1"))
    try:
        yield from _iter_located(data, validator(data).iter_errors())
    except Exception as exc:
        # Its bug, or a value it does not expect (a limit of the wrong type once): said
        # at the node it was checking; it checks nothing after.
        failed = exc if isinstance(exc, _Failed) else _Failed((), exc)
        yield Problem(
            _canonical(data, failed.parts),
            "openapi-spec-validator failed checking this node "
            f"({type(failed.exc).__name__}: {_short(str(failed.exc))}), and checked no further",
            failed=True,
        )


def _short(text: str) -> str:
    return text if len(text) <= 160 else text[:159] + "…"


def _iter_located(data: dict[str, Any], errors: Iterator[Any]) -> Iterator[Problem]:
    for error in errors:
        located = getattr(error, "located", None)
        if located is None:  # the whole document against the OpenAPI schema: paths are absolute
            error = _deepest(error)
            located = tuple(error.absolute_path)
        keys = _unexpected_keys(error)
        if not keys:
            yield Problem(_canonical(data, located), _message(error))
        for key in keys:
            yield Problem(
                _canonical(data, (*located, key)),
                _message(error),
                tuple(error.schema.get("properties", {})),
            )


def _unexpected_keys(error: Any) -> list[str]:
    """An object with keys its schema does not allow: a problem at each of them. OpenAPI
    3.0's schema says so with additionalProperties; 3.1's with unevaluatedProperties, its
    extensions (`x-`) allowed by a schema it refers to, and the keys named in the message."""
    if error.validator not in _CLOSED or not isinstance(error.instance, dict):
        return []
    schema = error.schema if isinstance(error.schema, dict) else {}
    patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
    allowed = schema.get("properties", {})
    return [
        key
        for key in error.instance
        if key not in allowed
        and not any(p.search(key) for p in patterns)
        and (
            error.validator == "additionalProperties"
            or (not key.startswith("x-") and repr(key) in str(error.message))
        )
    ]


_CLOSED = frozenset({"additionalProperties", "unevaluatedProperties"})


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
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

    if getattr(error, "located", None) is not None:
        return error
    if not isinstance(error, OpenAPIValidationError):
        error = OpenAPIValidationError.create_from(error)
    error.located = parts
    return error


@functools.cache
def _located(v31: bool) -> type[Any]:
    """The validator of OpenAPI 3.1 or 3.0, its errors marked with where they are (imported
    only when a document is validated: a vouched-for one needs none of it)."""
    validator_settings.fix_validator_settings()
    from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

    base: type[Any] = OpenAPIV31SpecValidator if v31 else OpenAPIV30SpecValidator
    schema_base = base.keyword_validators["schema"]
    default_base = base.keyword_validators["default"]

    class Schema(schema_base):  # type: ignore[misc, valid-type]
        def __call__(self, schema: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
            errors = functools.partial(super().__call__, schema, *args, **kwargs)
            for error in _guarded(tuple(schema.parts), errors):
                # A meta-schema error's path starts at this schema; the others concern it whole.
                yield _mark(error, (*schema.parts, *error.absolute_path))

        def _collect_properties(self, schema: Any) -> set[str]:
            # The library's own follows references into a loop (an allOf member that holds
            # its owner, an array of itself) until the stack runs out: openapi-spec-validator
            # issue 400. The same walk, each schema once.
            found: set[str] = set()
            seen: set[int] = set()
            stack = [schema]
            while stack:
                node = stack.pop()
                value = node.read_value()
                if id(value) in seen or not isinstance(value, Mapping):
                    continue
                seen.add(id(value))
                if "properties" in node:
                    found.update((node / "properties").keys())
                for keyword in ("allOf", "anyOf", "oneOf"):
                    if keyword in node:
                        stack.extend(node / keyword)
                stack.extend(node / k for k in ("items", "not") if k in node)
            return found

    class Default(default_base):  # type: ignore[misc, valid-type]
        def __call__(self, schema: Any, value: Any) -> Iterator[Any]:
            at = (*schema.parts, "default")
            check = functools.partial(super().__call__, schema, value)
            for error in _guarded(at, functools.partial(_unless_unreadable, check)):
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
        parts = tuple(checked.parts) if checked is not None else ()
        for error in _guarded(parts, functools.partial(cls.__call__, self, *args, **kwargs)):
            yield _mark(error, parts)

    return type(cls.__name__, (cls,), {"__call__": __call__})
