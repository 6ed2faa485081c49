"""Bodies on the wire: a request body encoded as its media type says, a response body read back.

A request body's media type has one of six kinds, decided by the generator from the spec:

    json       a model or mapping, as JSON
    form       application/x-www-form-urlencoded, as Stripe and Twilio read it
    multipart  multipart/form-data: one part per field, files streamed from their objects
    binary     bytes, a binary file object or an iterator of bytes, streamed as given
    text       a str, as UTF-8
    raw        a media type the client cannot type (XML, msgpack): bytes or str, sent as given
"""

from __future__ import annotations

import datetime
import enum
import io
import json
import os
import stat
from collections.abc import AsyncIterable, AsyncIterator, Collection, Iterable, Iterator, Mapping
from typing import IO, TYPE_CHECKING, Annotated, Any, Literal, NamedTuple
from urllib.parse import urlencode

from .sentinels import Omit

# pydantic is imported where a body needs it: importing a client does not load it.
if TYPE_CHECKING:
    import httpx
    import pydantic
    from pydantic_core import core_schema

Kind = Literal["json", "form", "multipart", "binary", "text", "raw"]

_CHUNK = 64 * 1024
# What a body of each kind is sent as where the spec gives a range (`*/*`, `application/*+json`).
_CONCRETE = {"json": "application/json", "text": "text/plain"}


# Encoding and Encoded are NamedTuples, not frozen dataclasses: a client's import builds them,
# and a slotted dataclass takes several times as long to build (a millisecond or more each).
class Encoding(NamedTuple):
    """One media type an operation's request body may be sent as."""

    media_type: str
    kind: Kind
    # form: the properties in style deepObject. multipart: (part, contentType) from the
    # spec's encoding object, for parts that are not files.
    deep_objects: Collection[str] = ()
    part_types: tuple[tuple[str, str], ...] = ()


JSON = Encoding("application/json", "json")


class _File:
    """Accepts what a file part may be given as, unchanged: pydantic would read bytes only."""

    def __get_pydantic_core_schema__(
        self, source: Any, handler: pydantic.GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(_file_value)

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: pydantic.GetJsonSchemaHandler
    ) -> dict[str, Any]:
        # What the spec said of the field, and what pydantic writes for bytes.
        return {"type": "string", "format": "binary"}


def _file_value(value: Any) -> Any:
    if isinstance(value, str):
        return value.encode()  # a JSON document's "binary" string
    if _is_file(value):
        return value
    raise ValueError("a file is bytes, a binary file object or (filename, content[, content_type])")


# A file: its bytes, a binary file object (streamed, not read into memory), or a tuple
# (filename, bytes or file object) or (filename, content, content_type).
FileContent = Annotated[
    bytes
    | IO[bytes]
    | tuple[str | None, bytes | IO[bytes]]
    | tuple[str | None, bytes | IO[bytes], str | None],
    _File(),
]
# A binary request body: bytes, a binary file object or an iterator of bytes, streamed.
BinaryContent = bytes | IO[bytes] | Iterable[bytes] | AsyncIterable[bytes]


def text_value(value: object) -> str:
    """A scalar as text: JSON's spelling of booleans, an enum's value, ISO dates."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return text_value(value.value)
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    return str(value)


def jsonable(value: object) -> object:
    """Request data as JSON values. Models send only the fields the caller set; ``omit`` is dropped."""
    import pydantic
    import pydantic_core

    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items() if not isinstance(v, Omit)}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value if not isinstance(v, Omit)]
    return pydantic_core.to_jsonable_python(value)


class Encoded(NamedTuple):
    """What ``httpx.Client.build_request`` takes for a body, and whether it can be sent twice."""

    headers: dict[str, str]
    content: bytes | Iterator[bytes] | AsyncIterator[bytes] | None = None
    files: list[tuple[str, Any]] | None = None
    replayable: bool = True


def encode(body: object, encoding: Encoding, *, asynchronous: bool) -> Encoded:
    # A range (GitHub's `*/*` asset upload) is no Content-Type: the caller may name the
    # actual type in extra_headers.
    media_type = encoding.media_type
    if "*" in media_type:
        media_type = _CONCRETE.get(encoding.kind, "application/octet-stream")
    content_type = {"Content-Type": media_type}
    if encoding.kind == "json":
        text = json.dumps(jsonable(body), ensure_ascii=False, separators=(",", ":"))
        return Encoded(content_type, text.encode())
    if encoding.kind == "form":
        return Encoded(content_type, urlencode(form_pairs(body, encoding.deep_objects)).encode())
    if encoding.kind == "multipart":
        # httpx writes the Content-Type, with the boundary.
        parts = multipart_parts(body, dict(encoding.part_types), encoding.deep_objects)
        return Encoded({}, files=parts)
    if isinstance(body, str):
        return Encoded(content_type, body.encode())
    if isinstance(body, bytes | bytearray | memoryview):
        return Encoded(content_type, bytes(body))
    if encoding.kind == "text":
        raise TypeError(f"a {encoding.media_type} body is a str, not {type(body).__name__}")
    size = _remaining(body)
    if size is not None:
        # Streamed all the same; some servers refuse an upload without its length.
        content_type["Content-Length"] = str(size)
    return Encoded(content_type, _stream(body, asynchronous), replayable=False)


def _remaining(body: object) -> int | None:
    """The bytes left to read in a file object, when it can tell."""
    if not isinstance(body, io.IOBase) and not hasattr(body, "fileno"):
        return None
    file: Any = body
    try:
        status = os.fstat(file.fileno())
        if not stat.S_ISREG(status.st_mode):
            return None  # a pipe, a socket, a device: sent chunked
        return int(status.st_size - file.tell())
    except (OSError, ValueError, AttributeError):
        pass  # not a file on disk (io.BytesIO): ask the stream itself
    try:
        here = int(file.tell())
        end = int(file.seek(0, os.SEEK_END))
        file.seek(here)
        return end - here
    except (OSError, ValueError, AttributeError):
        return None  # a pipe, a socket, an unseekable stream: sent chunked


def _stream(body: object, asynchronous: bool) -> Iterator[bytes] | AsyncIterator[bytes]:
    """A file object or an iterator of bytes as chunks, never read whole into memory."""
    read = getattr(body, "read", None)
    if callable(read):
        chunks: Iterable[bytes] = iter(lambda: read(_CHUNK), b"")
    elif isinstance(body, AsyncIterable):
        if not asynchronous:
            raise TypeError("an async iterator of bytes needs the async client")
        return aiter(body)
    elif isinstance(body, Iterable):
        chunks = body
    else:
        raise TypeError(
            f"a binary body is bytes, a binary file object or an iterator of bytes, "
            f"not {type(body).__name__}"
        )
    if not asynchronous:
        return iter(chunks)

    async def chunked() -> AsyncIterator[bytes]:
        for chunk in chunks:
            yield chunk

    return chunked()


def form_pairs(body: object, deep_objects: Collection[str]) -> list[tuple[str, str]]:
    """A body as ``application/x-www-form-urlencoded`` pairs, as Stripe and Twilio read them:
    a list of scalars repeats its key (``tags=a&tags=b``) unless the spec gives it style
    deepObject (``expand[0]=a``); objects, and lists holding them, use brackets
    (``metadata[plan]=pro``, ``items[0][price]=p1``); null is the empty string."""
    data = jsonable(body)
    if not isinstance(data, dict):
        raise TypeError(f"a form-encoded body must be a mapping or a model, not {type(data)}")
    pairs: list[tuple[str, str]] = []
    for key, value in data.items():
        nested = isinstance(value, dict) or (
            isinstance(value, list)
            and (key in deep_objects or any(isinstance(v, dict | list) for v in value))
        )
        if nested:
            pairs.extend(_bracketed(key, value))
        elif isinstance(value, list):
            pairs.extend((key, _form_scalar(v)) for v in value)
        else:
            pairs.append((key, _form_scalar(value)))
    return pairs


def _bracketed(prefix: str, value: object) -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _bracketed(f"{prefix}[{key}]", item)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _bracketed(f"{prefix}[{index}]", item)
    else:
        yield prefix, _form_scalar(value)


def _form_scalar(value: object) -> str:
    return "" if value is None else text_value(value)


def multipart_parts(
    body: object, part_types: Mapping[str, str], deep_objects: Collection[str] = ()
) -> list[tuple[str, Any]]:
    """One part per field, in the order given (Box reads ``attributes`` before ``file``): a
    file as a file part (streamed), an object as JSON, a list as the part repeated, a scalar
    as text; a part's ``contentType`` from the spec is its Content-Type. A field in style
    deepObject is bracketed text parts instead (Stripe's ``file_link_data[create]``)."""
    import pydantic

    if isinstance(body, pydantic.BaseModel):
        # Files stay the objects the caller gave, so they are read from the model as set.
        fields = type(body).model_fields
        items: list[tuple[str, object]] = [
            (field.alias or name, getattr(body, name))
            for name, field in fields.items()
            if name in body.model_fields_set
        ]
        items += list((body.__pydantic_extra__ or {}).items())
    elif isinstance(body, Mapping):
        items = [(str(k), v) for k, v in body.items()]
    else:
        raise TypeError(f"a multipart body must be a mapping or a model, not {type(body)}")
    parts: list[tuple[str, Any]] = []
    # Files last: a server reading the stream (Box) needs the fields describing them first.
    items.sort(key=lambda item: _holds_files(item[1]))
    for name, value in items:
        if name in deep_objects and not isinstance(value, Omit) and value is not None:
            parts.extend(
                (key, (None, text, None)) for key, text in _bracketed(name, jsonable(value))
            )
            continue
        values = value if isinstance(value, list) else [value]
        for item in values:
            if isinstance(item, Omit) or item is None:
                continue
            parts.append((name, _part(item, part_types.get(name))))
    return parts


def _part(value: object, content_type: str | None) -> Any:
    import pydantic

    if isinstance(value, bytes | bytearray | memoryview):
        return ("upload", bytes(value), content_type or "application/octet-stream")
    if hasattr(value, "read"):
        name = os.path.basename(str(getattr(value, "name", "upload"))) or "upload"
        return (name, value, content_type)
    if isinstance(value, tuple) and len(value) in (2, 3) and _is_content(value[1]):
        filename, content = value[0], value[1]
        given = value[2] if len(value) == 3 else None
        return (filename, content, given or content_type)
    if isinstance(value, pydantic.BaseModel | Mapping | list | tuple):
        text = json.dumps(jsonable(value), ensure_ascii=False, separators=(",", ":"))
        return (None, text, content_type or "application/json")
    if content_type and "json" in content_type:
        return (None, json.dumps(jsonable(value), ensure_ascii=False), content_type)
    return (None, text_value(value), content_type)


def _holds_files(value: object) -> bool:
    return any(_is_file(v) for v in (value if isinstance(value, list) else [value]))


def _is_file(value: object) -> bool:
    """Bytes, a binary file object, or (filename, content[, content_type])."""
    return (
        isinstance(value, bytes | bytearray | memoryview)
        or hasattr(value, "read")
        or (isinstance(value, tuple) and len(value) in (2, 3) and _is_content(value[1]))
    )


def _is_content(value: object) -> bool:
    return isinstance(value, bytes | bytearray | memoryview | str) or hasattr(value, "read")


def is_json(content_type: str) -> bool:
    media_type = content_type.split(";")[0].strip().lower()
    return "json" in media_type


def decoded(response: httpx.Response) -> object:
    """The response body: parsed JSON when it is JSON, else its text."""
    if not response.content:
        return None
    try:
        return response.json()
    except ValueError:
        return response.text


__all__ = [
    "JSON",
    "BinaryContent",
    "Encoded",
    "Encoding",
    "FileContent",
    "Kind",
    "decoded",
    "encode",
    "form_pairs",
    "is_json",
    "jsonable",
    "multipart_parts",
    "text_value",
]
