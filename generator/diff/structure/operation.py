"""One operation on both sides: its parameters, bodies, media types, responses and security."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ...spec.load import Document, escape_pointer_token, follow_refs
from ...spec.media import essence
from ...spec.validate import IGNORED_HEADER_PARAMETERS
from ..findings import Direction
from .fact import TEMPLATE, Documents, Endpoint, Fact, Side
from .schema import SchemaFact, pair_schemas


@dataclass(frozen=True, slots=True)
class ParameterDiff(Fact):
    """A parameter on either side, paired by where it goes (``in``) and its name; path
    parameters by position in the path, so that renaming one pairs it with itself.

    One that only moved (query to header) is paired across places: ``old_in`` differs from
    ``new_in``, and its schema is not paired.
    """

    endpoint: Endpoint
    location: str
    old_in: str
    new_in: str
    old: Side | None
    new: Side | None
    schema: SchemaFact | None = None

    @property
    def paired(self) -> tuple[Side, Side] | None:
        """Both sides, when the parameter is in the same place on both."""
        if self.old is None or self.new is None or self.old_in != self.new_in:
            return None
        return self.old, self.new

    def nested(self) -> Iterable[Fact]:
        return (self.schema,) if self.schema is not None else ()


@dataclass(frozen=True, slots=True)
class ContentDiff(Fact):
    """The media types of a body (request body, response, webhook payload): those removed,
    those added, and the schemas of those on both sides. ``old``/``new``: the body."""

    endpoint: Endpoint
    location: str
    direction: Direction
    old: Side
    new: Side
    removed: tuple[str, ...]
    added: tuple[str, ...]
    schemas: tuple[SchemaFact, ...]
    # (old, new) media types read as one renamed: the same but for parameters
    # (`application/json; charset=utf-8`), or the one JSON type removed and the one added.
    renamed: tuple[tuple[str, str], ...] = ()

    def nested(self) -> Iterable[Fact]:
        return self.schemas


@dataclass(frozen=True, slots=True)
class RequestBodyDiff(Fact):
    """An operation's request body on either side (refs followed)."""

    endpoint: Endpoint
    old: Side | None
    new: Side | None
    content: ContentDiff | None = None

    def nested(self) -> Iterable[Fact]:
        return (self.content,) if self.content is not None else ()


@dataclass(frozen=True, slots=True)
class ResponseDiff(Fact):
    """A response status on either side: ``old``/``new`` where the operation has it (as
    written), ``content`` its bodies when on both."""

    endpoint: Endpoint
    status: str
    old: Side | None
    new: Side | None
    content: ContentDiff | None = None

    def nested(self) -> Iterable[Fact]:
        return (self.content,) if self.content is not None else ()


Requirement = frozenset[str]  # the scheme names of one security requirement


@dataclass(frozen=True, slots=True)
class SecurityDiff(Fact):
    """The security requirements an operation accepts (its own, else the document's), and
    the scopes each asks of each scheme. ``old``/``new``: the operation."""

    endpoint: Endpoint
    old: Side
    new: Side
    old_requirements: frozenset[Requirement]
    new_requirements: frozenset[Requirement]
    old_scopes: Mapping[Requirement, Mapping[str, frozenset[str]]]
    new_scopes: Mapping[Requirement, Mapping[str, frozenset[str]]]

    @property
    def anonymous_before(self) -> bool:
        return not self.old_requirements or frozenset() in self.old_requirements

    @property
    def anonymous_after(self) -> bool:
        return not self.new_requirements or frozenset() in self.new_requirements


@dataclass(frozen=True, slots=True)
class OperationDiff(Fact):
    """An operation on both sides. ``old``/``new``: the operation objects."""

    endpoint: Endpoint
    old: Side
    new: Side
    parameters: tuple[ParameterDiff, ...]
    request_body: RequestBodyDiff | None
    responses: tuple[ResponseDiff, ...]
    security: SecurityDiff

    def nested(self) -> Iterator[Fact]:
        yield from self.parameters
        if self.request_body is not None:
            yield self.request_body
        yield from self.responses
        yield self.security


# (path as written, operation, its pointer)
Located = tuple[str, dict[str, Any], str]


def pair_operation(
    docs: Documents, endpoint: Endpoint, old: Located, new: Located
) -> OperationDiff:
    _, old_op, old_ptr = old
    _, new_op, new_ptr = new
    old_side, new_side = Side(docs.base, old_ptr, old_op), Side(docs.revision, new_ptr, new_op)
    return OperationDiff(
        endpoint,
        old_side,
        new_side,
        tuple(_parameters(docs, endpoint, old, new)),
        _request_body(docs, endpoint, old_side, new_side),
        tuple(_responses(docs, endpoint, old_side, new_side)),
        _security(docs, endpoint, old_side, new_side),
    )


def pair_payload(docs: Documents, endpoint: Endpoint, old: Side, new: Side) -> ContentDiff | None:
    """A webhook's or callback's request body: what we receive, so paired as a response is."""
    old_raw, new_raw = old.value.get("requestBody"), new.value.get("requestBody")
    if old_raw is None or new_raw is None:
        return None
    old_body = _follow(docs.base, old_raw, f"{old.pointer}/requestBody")
    new_body = _follow(docs.revision, new_raw, f"{new.pointer}/requestBody")
    if not isinstance(old_body.value, dict) or not isinstance(new_body.value, dict):
        return None
    return _content(docs, endpoint, Direction.RESPONSE, "payload", old_body, new_body)


def _follow(doc: Document, node: Any, pointer: str) -> Side:
    value, where = follow_refs(doc.data, node, pointer)
    return Side(doc, where, value)


def _params(doc: Document, located: Located) -> dict[tuple[str, str], Side]:
    """(in, name) -> parameter; a path parameter's name is "#" and its position."""
    path, op, ptr = located
    item_ptr = ptr.rsplit("/", 1)[0]
    item = doc.data["paths"][path]
    found: dict[tuple[str, str], Side] = {}
    for base, params in ((item_ptr, item.get("parameters")), (ptr, op.get("parameters"))):
        for index, raw in enumerate(params or []):
            param = _follow(doc, raw, f"{base}/parameters/{index}")
            if not isinstance(param.value, dict):
                continue
            location, name = str(param.value.get("in")), str(param.value.get("name"))
            if location == "header" and name.lower() in IGNORED_HEADER_PARAMETERS:
                continue
            if location == "path" and name in TEMPLATE.findall(path):
                name = f"#{TEMPLATE.findall(path).index(name)}"
            found[(location, name)] = param
    return found


def _parameters(
    docs: Documents, endpoint: Endpoint, old_op: Located, new_op: Located
) -> Iterator[ParameterDiff]:
    old, new = _params(docs.base, old_op), _params(docs.revision, new_op)
    for (location, key), param in sorted(old.items()):
        if (location, key) in new:
            new_param = new[(location, key)]
            label = f"{location} parameter {new_param.value.get('name')}"
            schema = pair_schemas(
                docs,
                endpoint,
                Direction.REQUEST,
                Side(docs.base, f"{param.pointer}/schema", param.value.get("schema")),
                Side(docs.revision, f"{new_param.pointer}/schema", new_param.value.get("schema")),
                label,
                parameter=True,
            )
            if schema is not None or param.value != new_param.value:  # else: nothing to tell
                yield ParameterDiff(endpoint, label, location, location, param, new_param, schema)
            continue
        label = f"{location} parameter {param.value.get('name')}"
        moved = [loc for (loc, n) in new if n == key and loc != location]
        if moved:
            yield ParameterDiff(endpoint, label, location, moved[0], param, new[(moved[0], key)])
        else:
            yield ParameterDiff(endpoint, label, location, "", param, None)
    for (location, key), param in sorted(new.items()):
        if (location, key) in old or any(n == key for (_, n) in old):
            continue
        label = f"{location} parameter {param.value.get('name')}"
        yield ParameterDiff(endpoint, label, "", location, None, param)


def _request_body(
    docs: Documents, endpoint: Endpoint, old_op: Side, new_op: Side
) -> RequestBodyDiff | None:
    old_raw, new_raw = old_op.value.get("requestBody"), new_op.value.get("requestBody")
    if old_raw is None and new_raw is None:
        return None
    old = _follow(docs.base, old_raw, f"{old_op.pointer}/requestBody")
    new = _follow(docs.revision, new_raw, f"{new_op.pointer}/requestBody")
    if old_raw is None or new_raw is None:
        return RequestBodyDiff(
            endpoint, old if old_raw is not None else None, new if new_raw is not None else None
        )
    content = _content(docs, endpoint, Direction.REQUEST, "request body", old, new)
    return RequestBodyDiff(endpoint, old, new, content)


def _content(
    docs: Documents, endpoint: Endpoint, direction: Direction, label: str, old: Side, new: Side
) -> ContentDiff | None:
    old_content, new_content = old.value.get("content") or {}, new.value.get("content") or {}
    removed = sorted(old_content.keys() - new_content.keys())
    added = sorted(new_content.keys() - old_content.keys())
    renamed = _renamed(removed, added)
    for before, after in renamed:
        removed.remove(before)
        added.remove(after)
    schemas = []
    pairs = [(m, m) for m in sorted(old_content.keys() & new_content.keys())] + renamed
    for before, after in pairs:
        old_token, new_token = escape_pointer_token(before), escape_pointer_token(after)
        schema = pair_schemas(
            docs,
            endpoint,
            direction,
            Side(
                docs.base, f"{old.pointer}/content/{old_token}/schema", _schema(old_content[before])
            ),
            Side(
                docs.revision,
                f"{new.pointer}/content/{new_token}/schema",
                _schema(new_content[after]),
            ),
            label,
        )
        if schema is not None:
            schemas.append(schema)
    if not (removed or added or schemas or renamed):
        return None  # the same media types, and their schemas the same
    return ContentDiff(
        endpoint,
        label,
        direction,
        old,
        new,
        tuple(removed),
        tuple(added),
        tuple(schemas),
        tuple(renamed),
    )


def _renamed(removed: list[str], added: list[str]) -> list[tuple[str, str]]:
    """Media types removed and added that are one renamed: the same essence with other
    parameters, or (left alone on each side) one JSON type for another."""
    pairs = []
    left = list(added)
    for before in removed:
        same = [after for after in left if essence(after) == essence(before)]
        if len(same) == 1:
            pairs.append((before, same[0]))
            left.remove(same[0])
    rest = [m for m in removed if m not in {b for b, _ in pairs}]
    if len(rest) == 1 and len(left) == 1 and all("json" in essence(m) for m in (*rest, *left)):
        pairs.append((rest[0], left[0]))
    return pairs


def _schema(media_type: Any) -> Any:
    return (media_type or {}).get("schema")


def _responses(
    docs: Documents, endpoint: Endpoint, old_op: Side, new_op: Side
) -> Iterator[ResponseDiff]:
    old, new = old_op.value.get("responses") or {}, new_op.value.get("responses") or {}
    for status in sorted(old.keys() - new.keys()):
        where = f"{old_op.pointer}/responses/{status}"
        yield ResponseDiff(endpoint, status, Side(docs.base, where, old[status]), None)
    for status in sorted(new.keys() - old.keys()):
        where = f"{new_op.pointer}/responses/{status}"
        yield ResponseDiff(endpoint, status, None, Side(docs.revision, where, new[status]))
    for status in sorted(old.keys() & new.keys()):
        old_where = f"{old_op.pointer}/responses/{status}"
        new_where = f"{new_op.pointer}/responses/{status}"
        content = _content(
            docs,
            endpoint,
            Direction.RESPONSE,
            f"response {status}",
            _follow(docs.base, old[status], old_where),
            _follow(docs.revision, new[status], new_where),
        )
        if content is not None:  # else: the same bodies
            yield ResponseDiff(
                endpoint,
                status,
                Side(docs.base, old_where, old[status]),
                Side(docs.revision, new_where, new[status]),
                content,
            )


def _security(docs: Documents, endpoint: Endpoint, old: Side, new: Side) -> SecurityDiff:
    return SecurityDiff(
        endpoint,
        old,
        new,
        _requirements(docs.base, old.value),
        _requirements(docs.revision, new.value),
        _scopes(docs.base, old.value),
        _scopes(docs.revision, new.value),
    )


def _requirements(doc: Document, op: dict[str, Any]) -> frozenset[Requirement]:
    raw = op.get("security", doc.data.get("security")) or []
    return frozenset(frozenset(r or {}) for r in raw)


def _scopes(doc: Document, op: dict[str, Any]) -> dict[Requirement, dict[str, frozenset[str]]]:
    """Each security requirement (its scheme names) and the scopes it asks of each scheme."""
    found: dict[Requirement, dict[str, frozenset[str]]] = {}
    for requirement in op.get("security", doc.data.get("security")) or []:
        if isinstance(requirement, dict):
            found[frozenset(requirement)] = {
                str(name): frozenset(str(s) for s in scopes or [])
                for name, scopes in requirement.items()
                if isinstance(scopes, list) or scopes is None
            }
    return found
