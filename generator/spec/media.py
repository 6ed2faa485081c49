"""What a media type's body is to a client: one table for the validator's warnings and the IR.

A body's kind (runtime/content.py puts each on the wire):

    json       application/json and every other JSON type; `*/*` describing structured data
    form       application/x-www-form-urlencoded
    multipart  multipart/form-data describing an object (a field per part)
    binary     octet-stream, images, audio, video, PDF, archives; a `format: binary` string
    text       text/* and YAML holding a string (or no schema): a str
    raw        what the client cannot type (XML or msgpack describing an object): bytes
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

Kind = Literal["json", "form", "multipart", "binary", "text", "raw"]

FORM_MEDIA_TYPE = "application/x-www-form-urlencoded"
MULTIPART_MEDIA_TYPE = "multipart/form-data"

_BINARY_PREFIXES = ("image/", "audio/", "video/", "font/")
_BINARY = frozenset(
    [
        "application/octet-stream",
        "application/pdf",
        "application/zip",
        "application/gzip",
        "application/x-gzip",
        "application/x-tar",
        "application/dicom",
    ]
)
_TEXT = frozenset(["application/x-yaml", "application/yaml", "application/x-pem-file"])
# The order a client prefers when a body may be sent as several; the caller may choose
# another (content_type=).
_PREFERENCE: tuple[Kind, ...] = ("json", "form", "multipart", "binary", "text", "raw")


def is_media_type(key: str) -> bool:
    """Whether a content key is a media type (`type/subtype`): specs carry `''`, `examples`."""
    kind = essence(key)
    return kind.count("/") == 1 and all(kind.split("/"))


def essence(media_type: str) -> str:
    """The media type without parameters, lower-cased: `application/json; charset=utf-8`
    is `application/json`."""
    return media_type.split(";", 1)[0].strip().lower()


def body_kind(media_type: str, schema: Any, resolve: Callable[[Any], Any]) -> Kind:
    """The kind of a body of ``media_type`` described by ``schema`` (``resolve`` follows a
    ``$ref``)."""
    kind = essence(media_type)
    described = resolve(schema) if isinstance(schema, dict) else None
    described = described if isinstance(described, dict) else {}
    typ, fmt = described.get("type"), described.get("format")
    string = typ == "string"
    if kind == FORM_MEDIA_TYPE:
        return "form"
    if kind == MULTIPART_MEDIA_TYPE:
        return "multipart" if _is_object(described, resolve) else "raw"
    if string and fmt == "binary":
        return "binary"  # also under application/json: a file, whatever the label says
    if "json" in kind:
        return "json"
    if kind == "*/*":
        return "binary" if string or not described else "json"
    if kind.startswith(_BINARY_PREFIXES) or kind in _BINARY:
        return "binary"
    if kind.startswith("text/") or kind in _TEXT:
        return "text" if string or "type" not in described else "raw"
    if string:
        return "binary" if fmt in ("binary", "byte") else "text"
    return "raw"


def preferred(kinds: list[tuple[str, Kind]]) -> list[tuple[str, Kind]]:
    """``(media type, kind)`` pairs in the order a client prefers them: JSON first, and
    `application/json` itself before other JSON types."""
    return sorted(
        kinds, key=lambda pair: (_PREFERENCE.index(pair[1]), essence(pair[0]) != "application/json")
    )


def _is_object(schema: dict[str, Any], resolve: Callable[[Any], Any]) -> bool:
    if schema.get("type") == "object" or "properties" in schema:
        return True
    members = schema.get("allOf")
    return isinstance(members, list) and any(
        isinstance(m, dict) and _is_object(resolve(m), resolve) for m in members
    )
