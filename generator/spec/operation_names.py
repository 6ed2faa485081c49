"""What each operation's method is called.

An operationId that reads as a name is kept (in snake_case). One that only restates the HTTP
method and the path (Smile.io's `get`, `get_id`, `post_id_purchase`), or none at all, gives a
name made as careful SDKs make theirs: a verb from the method and the path's shape (`list`,
`retrieve`, `create`, `update`, `delete`, or the action a POST ends with) and the path's words
(`list_customers`, `purchase_customers`); the resource later drops its own words from it
(`client.customers.list`). One that wraps a name in the whole path and the method, as JAX-RS
tools write them (`resource__1.0_artist__mbid__getArtist_GET`), gives that name (`get_artist`). Two operationIds that differ only in spelling (`List Rules`,
`List rules`) would become one method: the later one is named from its path instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..core.names import Identifier, snake_case
from .load import follow_refs

_PARAMETER = re.compile(r"^{[^{}]*}$")
_HTTP = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})
# Path segments that say nothing about the resource.
_NOISE = re.compile(r"v?\d+([._-]\d+)*|api|rest|\d{4}-\d{2}-\d{2}", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Named:
    name: Identifier
    # Why the name is not the operationId in snake_case, for a warning; "" when it is.
    derived: str = ""


def operation_names(
    data: Any, operations: Iterable[tuple[str, str, dict[str, Any]]]
) -> dict[tuple[str, str], Named]:
    """(path, method) -> the operation's name, for every operation (in the order given)."""
    names: dict[tuple[str, str], Named] = {}
    given: dict[Identifier, str] = {}  # name -> the operationId it came from
    taken: set[Identifier] = set()
    for path, method, operation in operations:
        override = operation.get("x-python-name")
        operation_id = operation.get("operationId")
        if isinstance(override, str) and override.strip():
            named = Named(snake_case(override))
        elif not isinstance(operation_id, str) or not operation_id.strip():
            named = Named(_from_path(data, path, method, operation))
        elif (inner := _between_path_and_method(operation_id, method, path)) is not None:
            named = Named(
                inner,
                f"operationId {operation_id!r} wraps its name in the path and method",
            )
        elif _restates_method_and_path(operation_id, method, path):
            named = Named(
                _from_path(data, path, method, operation),
                f"operationId {operation_id!r} only restates the method and path",
            )
        else:
            named = Named(snake_case(operation_id))
            earlier = given.get(named.name)
            if earlier is not None and earlier != operation_id:
                named = Named(
                    _from_path(data, path, method, operation),
                    f"operationId {operation_id!r} and {earlier!r} differ only in spelling",
                )
            else:
                given[named.name] = operation_id
        if named.derived or not isinstance(operation_id, str):
            if named.name in taken:
                parameters = [s.strip("{}") for s in path.split("/") if _PARAMETER.match(s)]
                named = Named(snake_case(" ".join([named.name, "by", *parameters])), named.derived)
            if named.name in taken:
                named = Named(
                    snake_case(f"{method} {path.replace('{', ' by ').replace('}', ' ')}"),
                    named.derived,
                )
        names[(path, method)] = named
        taken.add(named.name)
    return names


def _words(text: str) -> list[str]:
    """The words of an operationId or path, digits apart: `1.0` is `1`, `0`."""
    return snake_case("x " + re.sub(r"[^A-Za-z0-9]+", " ", text)).split("_")[1:]


def _between_path_and_method(operation_id: str, method: str, path: str) -> Identifier | None:
    """`resource__1.0_artist__mbid__getArtist_GET` (setlist.fm, as JAX-RS tools write them):
    the whole path, then the name, then the method; the name alone (`get_artist`)."""
    words, path_words = _words(operation_id), _words(path)
    if len(words) < len(path_words) + 2 or words[-1] != method or not path_words:
        return None
    for start in range(len(words) - len(path_words) - 1):
        if words[start : start + len(path_words)] == path_words:
            return snake_case("_".join(words[start + len(path_words) : -1]))
    return None


def _restates_method_and_path(operation_id: str, method: str, path: str) -> bool:
    """`get`, `get_id`, `post_id_purchase`: the method, then only the path's parameters and
    the action it ends with. (`get_customers` names its resource, and reads as a name.)"""
    words = snake_case(operation_id).split("_")
    if words[0] != method:
        return False
    segments = [s for s in path.split("/") if s]
    allowed = {w for s in segments if _PARAMETER.match(s) for w in snake_case(s).split("_")}
    if len(segments) >= 2 and _PARAMETER.match(segments[-2]) and not _PARAMETER.match(segments[-1]):
        allowed.update(snake_case(segments[-1]).split("_"))
    return all(w in allowed for w in words[1:])


def _from_path(data: Any, path: str, method: str, operation: dict[str, Any]) -> Identifier:
    segments = [s for s in path.split("/") if s and not _NOISE.fullmatch(s)]
    static = [s for s in segments if not _PARAMETER.match(s)]
    ends_in_parameter = bool(segments) and bool(_PARAMETER.match(segments[-1]))
    after_parameter = len(segments) >= 2 and bool(_PARAMETER.match(segments[-2]))
    verb: str
    if method == "get":
        verb = "list" if not ends_in_parameter and _returns_list(data, operation) else "retrieve"
    elif method == "post" and static and after_parameter and not ends_in_parameter:
        verb, static = static[-1], static[:-1]  # POST /customers/{id}/purchase: an action
    elif method == "post":
        verb = "update" if ends_in_parameter else "create"
    elif method in ("put", "patch"):
        verb = "update"
    else:
        verb = method
    return snake_case(" ".join([verb, *(s.strip("{}") for s in static)]) or method)


def _returns_list(data: Any, operation: dict[str, Any]) -> bool:
    """Whether the first 2xx response is a JSON array, or an object whose one array field
    holds the items (`{"data": [...], "has_more": ...}` counts too)."""
    responses = operation.get("responses")
    success = (
        sorted(s for s in responses if s.startswith("2")) if isinstance(responses, dict) else []
    )
    if not success:
        return False
    response, _ = follow_refs(data, responses[success[0]], "")  # type: ignore[index]
    content = response.get("content") if isinstance(response, dict) else None
    for media in (content or {}).values():
        schema, _ = follow_refs(data, media.get("schema") if isinstance(media, dict) else None, "")
        if not isinstance(schema, dict):
            continue
        if schema.get("type") == "array":
            return True
        properties = schema.get("properties")
        if not isinstance(properties, dict):
            return False
        fields: list[Any] = [follow_refs(data, p, "")[0] for p in properties.values()]
        return [isinstance(f, dict) and f.get("type") == "array" for f in fields].count(True) == 1
    return False
