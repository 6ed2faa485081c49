"""Parameters on the wire: a path, query or header value serialised as its OpenAPI ``style``
and ``explode`` say (the generator passes both where they are not the location's default).

Scalars: booleans as ``true``/``false``, an enum as its value, dates and datetimes in ISO 8601.
A model sends the fields the caller set, by their wire names. Where OpenAPI leaves a case
open, the reading most servers share (qs, Rails, PHP) is taken:

    deepObject   filter[since]=2020; nested objects filter[a][b]=1; a list of scalars
                 filter[tags][]=x&filter[tags][]=y; a list of objects by index
                 filter[items][0][id]=1; a list given as the whole value expand[]=a
    form         explode: ids=1&ids=2, an object's properties as parameters (a=1&b=2);
                 no explode: ids=1,2,3 and obj=a,1,b,2
    spaceDelimited / pipeDelimited   ids=1 2 3 / ids=1|2|3; explode: as form
    simple       path and header: 1,2,3; an object a,1,b,2, or a=1,b=2 exploded
    label        path: .1.2.3 exploded, else .1,2,3
    matrix       path: ;id=1;id=2 exploded, else ;id=1,2

Nothing is sent for a parameter the caller did not set, nor for one set to None: a query
string has no null (``x=`` is an empty string, which would contradict a non-string schema),
so None means "not given", and so do an empty list or object. None inside a list or object
is left out too. A nested value a style has no serialisation for raises ``ValueError``,
rather than sending something the spec does not describe.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Literal, Union
from urllib.parse import quote

from .content import jsonable, text_value
from .sentinels import Omit

# OpenAPI's styles, and "json": a parameter the spec gives by `content` as JSON, sent as JSON text.
Style = Literal[
    "form", "spaceDelimited", "pipeDelimited", "deepObject", "simple", "label", "matrix", "json"
]
# (location, wire name) -> (style, explode), for the parameters not in their location's default.
Styles = Mapping[tuple[str, str], tuple[Style, bool]]

# A recursive alias: the `X | Y` spelling cannot name itself before 3.12.
Plain = Union[str, list["Plain"], dict[str, "Plain"]]  # noqa: UP007

_DELIMITERS = {"form": ",", "spaceDelimited": " ", "pipeDelimited": "|"}


def plain(value: object) -> Plain | None:
    """A value as text, lists and dicts of text; None for nothing to send."""
    import pydantic  # here: importing a client does not load it

    if isinstance(value, Omit) or value is None:
        return None
    if isinstance(value, pydantic.BaseModel):
        return plain(jsonable(value))
    if isinstance(value, Mapping):
        members = {str(k): plain(v) for k, v in value.items()}
        return {k: v for k, v in members.items() if v is not None} or None
    if isinstance(value, Sequence) and not isinstance(value, str | bytes | bytearray):
        items = [plain(v) for v in value]
        return [v for v in items if v is not None] or None
    return text_value(value)


def _flat(name: str, style: str, value: Plain) -> str:
    if not isinstance(value, str):
        raise ValueError(
            f"parameter {name!r}: style {style} has no serialisation for a nested value"
        )
    return value


def _joined(name: str, style: str, value: list[Plain] | dict[str, Plain]) -> list[str]:
    """Items, or an object's keys and values in turn (``a,1,b,2``)."""
    if isinstance(value, list):
        return [_flat(name, style, item) for item in value]
    return [text for key, item in value.items() for text in (key, _flat(name, style, item))]


def query_pairs(
    name: str, value: object, style: Style = "form", explode: bool = True
) -> list[tuple[str, str]]:
    """The (name, text) pairs of a query parameter, unencoded (httpx percent-encodes them)."""
    if style == "json":
        return [] if isinstance(value, Omit) or value is None else [(name, _json(value))]
    data = plain(value)
    if data is None:
        return []
    if isinstance(data, str):
        return [(name, data)]
    if style == "deepObject":
        return list(_bracketed(name, data))
    if style not in _DELIMITERS:
        raise ValueError(f"query parameter {name!r}: style {style} is not one a query takes")
    if not explode:
        return [(name, _DELIMITERS[style].join(_joined(name, style, data)))]
    if isinstance(data, list):
        return [(name, _flat(name, style, item)) for item in data]
    return [(key, _flat(name, style, item)) for key, item in data.items()]


def _bracketed(prefix: str, value: Plain) -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _bracketed(f"{prefix}[{key}]", item)
    elif isinstance(value, list) and all(isinstance(item, str) for item in value):
        # `[]`: a list to qs, Rails and PHP alike; repeating the bare key keeps only the last.
        for item in value:
            yield f"{prefix}[]", str(item)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _bracketed(f"{prefix}[{index}]", item)
    else:
        yield prefix, value


def _json(value: object) -> str:
    return json.dumps(jsonable(value), ensure_ascii=False, separators=(",", ":"))


def header_value(
    name: str, value: object, style: Style = "simple", explode: bool = False
) -> str | None:
    """A header's text in style simple (or JSON); None for nothing to send."""
    if style == "json":
        return None if isinstance(value, Omit) or value is None else _json(value)
    data = plain(value)
    if data is None or isinstance(data, str):
        return data
    return ",".join(_simple(name, data, explode, lambda text: text))


def _simple(
    name: str, data: list[Plain] | dict[str, Plain], explode: bool, escape: Callable[[str], str]
) -> list[str]:
    if isinstance(data, dict) and explode:
        return [f"{escape(k)}={escape(_flat(name, 'simple', v))}" for k, v in data.items()]
    return [escape(text) for text in _joined(name, "simple", data)]


def _segment(text: str) -> str:
    # `.` and `..` would be removed by URL normalisation, with the segment before them.
    return quote(text, safe="") if text.strip(".") else "%2E" * len(text)


def path_segment(name: str, value: object, style: Style = "simple", explode: bool = False) -> str:
    """A path parameter's text, percent-encoded but for the style's own delimiters."""
    data = _json(value) if style == "json" and value is not None else plain(value)
    if data is None or data == "":
        # An empty segment would silently address another resource.
        raise ValueError(f"path parameter {name!r} must not be empty")
    if style in ("simple", "json"):
        if isinstance(data, str):
            return _segment(data)
        return ",".join(_simple(name, data, explode, _segment))
    if style == "label":
        if isinstance(data, str):
            return "." + _segment(data)
        return "." + ("." if explode else ",").join(_simple(name, data, explode, _segment))
    if style == "matrix":
        key = quote(name, safe="")
        if isinstance(data, str):
            return f";{key}={_segment(data)}"
        if not explode:
            return f";{key}=" + ",".join(_simple(name, data, False, _segment))
        if isinstance(data, list):
            return "".join(f";{key}={_segment(_flat(name, style, item))}" for item in data)
        return "".join(";" + pair for pair in _simple(name, data, True, _segment))
    raise ValueError(f"path parameter {name!r}: style {style} is not one a path takes")


__all__ = ["Style", "Styles", "header_value", "path_segment", "plain", "query_pairs"]
