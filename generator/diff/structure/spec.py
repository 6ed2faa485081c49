"""The two documents as a whole: servers, security schemes, endpoints, webhooks and callbacks."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ...spec.load import Document, escape_pointer_token, follow_refs
from ...spec.validate import HTTP_METHODS, iter_operations
from .fact import Documents, Endpoint, Fact, Side, normalise
from .operation import ContentDiff, OperationDiff, pair_operation, pair_payload


@dataclass(frozen=True, slots=True)
class ServersDiff(Fact):
    """The server URLs, in order (the first is the client's default base_url)."""

    old: Side  # at /servers; values are the URLs
    new: Side


@dataclass(frozen=True, slots=True)
class SecuritySchemeDiff(Fact):
    """A security scheme on either side, refs followed; None where absent."""

    name: str
    old: Side | None
    new: Side | None


@dataclass(frozen=True, slots=True)
class EndpointDiff(Fact):
    """An operation, webhook or callback operation on either side (``kind``: endpoint, webhook
    or callback). On both sides, an operation is paired in ``operation``; a webhook or callback
    is what the vendor sends us, so only its payload is paired, as a response."""

    kind: str
    endpoint: Endpoint
    old: Side | None
    new: Side | None
    operation: OperationDiff | None = None
    payload: ContentDiff | None = None

    def nested(self) -> Iterator[Fact]:
        if self.operation is not None:
            yield self.operation
        if self.payload is not None:
            yield self.payload


@dataclass(frozen=True, slots=True)
class SpecDiff(Fact):
    """The two documents as a whole. Its endpoints are paired one at a time, as a walk asks
    for them: where a shared component changed, each endpoint's diff is large (Stripe's
    ``account`` is reached from nearly every operation), and holding all of them at once
    took 390 MiB more than comparing as the walk goes."""

    docs: Documents
    servers: ServersDiff
    security_schemes: tuple[SecuritySchemeDiff, ...]

    def endpoints(self) -> Iterator[EndpointDiff]:
        """Operations, then webhooks and callbacks: each removed, added, then on both sides."""
        yield from _operations(self.docs)
        yield from _hooks(self.docs)

    def nested(self) -> Iterator[Fact]:
        yield self.servers
        yield from self.security_schemes
        yield from self.endpoints()


def diff_structure(base: Document, revision: Document) -> SpecDiff:
    """The structural diff of two effective specs: facts, not judgements."""
    return SpecDiff(
        Documents(base, revision),
        ServersDiff(
            Side(base, "/servers", _urls(base)), Side(revision, "/servers", _urls(revision))
        ),
        tuple(_security_schemes(base, revision)),
    )


def _urls(doc: Document) -> list[str]:
    return [str(s.get("url", "")) for s in doc.data.get("servers") or [] if isinstance(s, dict)]


def _security_schemes(base: Document, revision: Document) -> Iterator[SecuritySchemeDiff]:
    def schemes(doc: Document) -> dict[str, Any]:
        raw = doc.data.get("components", {}).get("securitySchemes", {}) or {}
        return {name: follow_refs(doc.data, value, "")[0] for name, value in raw.items()}

    old, new = schemes(base), schemes(revision)
    for name in sorted(old.keys() | new.keys()):
        pointer = f"/components/securitySchemes/{escape_pointer_token(name)}"
        yield SecuritySchemeDiff(
            name,
            Side(base, pointer, old[name]) if name in old else None,
            Side(revision, pointer, new[name]) if name in new else None,
        )


def _operations(docs: Documents) -> Iterator[EndpointDiff]:
    """Endpoints removed, added, then on both sides; paired by method and path, whatever the
    names of its parameters."""

    def operations(doc: Document) -> dict[tuple[str, str], tuple[str, dict[str, Any], str]]:
        return {
            (m.upper(), normalise(p)): (p, op, ptr) for p, m, op, ptr in iter_operations(doc.data)
        }

    old, new = operations(docs.base), operations(docs.revision)
    for key in sorted(old.keys() - new.keys()):
        path, op, pointer = old[key]
        yield EndpointDiff("endpoint", Endpoint(key[0], path), Side(docs.base, pointer, op), None)
    for key in sorted(new.keys() - old.keys()):
        path, op, pointer = new[key]
        yield EndpointDiff(
            "endpoint", Endpoint(key[0], path), None, Side(docs.revision, pointer, op)
        )
    for key in sorted(old.keys() & new.keys()):
        path, op, pointer = new[key]
        _, old_op, old_pointer = old[key]
        endpoint = Endpoint(key[0], path)
        yield EndpointDiff(
            "endpoint",
            endpoint,
            Side(docs.base, old_pointer, old_op),
            Side(docs.revision, pointer, op),
            pair_operation(docs, endpoint, old[key], new[key]),
        )


# (kind, name, METHOD) -> (label, operation, its pointer)
_Hooks = dict[tuple[str, str, str], tuple[str, dict[str, Any], str]]


def _hooks(docs: Documents) -> Iterator[EndpointDiff]:
    """Webhooks and callbacks removed, added, then on both sides."""
    old, new = _find_hooks(docs.base), _find_hooks(docs.revision)
    for key in sorted(old.keys() - new.keys()):
        label, op, pointer = old[key]
        yield EndpointDiff(key[0], Endpoint(key[2], label), Side(docs.base, pointer, op), None)
    for key in sorted(new.keys() - old.keys()):
        label, op, pointer = new[key]
        yield EndpointDiff(key[0], Endpoint(key[2], label), None, Side(docs.revision, pointer, op))
    for key in sorted(old.keys() & new.keys()):
        label, old_op, old_pointer = old[key]
        _, new_op, new_pointer = new[key]
        endpoint = Endpoint(key[2], label)
        old_side = Side(docs.base, old_pointer, old_op)
        new_side = Side(docs.revision, new_pointer, new_op)
        payload = pair_payload(docs, endpoint, old_side, new_side)
        yield EndpointDiff(key[0], endpoint, old_side, new_side, payload=payload)


def _find_hooks(doc: Document) -> _Hooks:
    """Each webhook (3.1) and callback operation."""
    found: _Hooks = {}

    def add(kind: str, name: str, label: str, item: Any, pointer: str) -> None:
        item, pointer = follow_refs(doc.data, item, pointer)
        for method in HTTP_METHODS:
            operation = item.get(method) if isinstance(item, dict) else None
            if isinstance(operation, dict):
                found[(kind, name, method.upper())] = (label, operation, f"{pointer}/{method}")

    webhooks = doc.data.get("webhooks")
    for name, item in (webhooks if isinstance(webhooks, dict) else {}).items():
        add(
            "webhook", str(name), f"webhook {name}", item, f"/webhooks/{escape_pointer_token(name)}"
        )
    for path, method, operation, pointer in iter_operations(doc.data):
        callbacks = operation.get("callbacks")
        for name, raw in (callbacks if isinstance(callbacks, dict) else {}).items():
            callback, at = follow_refs(
                doc.data, raw, f"{pointer}/callbacks/{escape_pointer_token(name)}"
            )
            for expression, item in (callback if isinstance(callback, dict) else {}).items():
                label = f"callback {name} of {method.upper()} {path}"
                key = f"{method.upper()} {normalise(path)} {name} {expression}"
                add("callback", key, label, item, f"{at}/{escape_pointer_token(expression)}")
    return found
