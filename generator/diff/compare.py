"""Structural comparison of two effective specs, following ``$ref``s: facts, not judgements.

Each difference becomes a ``Change`` carrying the id of the rule that judges it;
``rules`` assigns levels and messages. Schemas are compared where they are used,
so renaming a component or moving an inline schema into one is not a change,
and a change inside a shared component is reported at every place it is used.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from ..load import Document, escape_pointer_token, follow_refs, iter_refs, resolve_pointer
from ..validate import HTTP_METHODS, IGNORED_HEADER_PARAMETERS, iter_operations
from .findings import Change
from .lifecycle import STABILITY, stability, sunset_of, sunset_text

_TEMPLATE = re.compile(r"{([^{}]*)}")
_UPPER_BOUNDS = (
    "maxLength",
    "maxItems",
    "maximum",
    "exclusiveMaximum",
    "maxProperties",
    "maxContains",
)
_LOWER_BOUNDS = (
    "minLength",
    "minItems",
    "minimum",
    "exclusiveMinimum",
    "minProperties",
    "minContains",
)
# JSON Schema 2020-12 keywords (OpenAPI 3.1) holding a schema that constrains the value.
_SUBSCHEMAS = (
    "contains",
    "propertyNames",
    "unevaluatedProperties",
    "unevaluatedItems",
    "contentSchema",
)
# ... and those holding a schema per name.
_SCHEMA_MAPS = ("dependentSchemas", "patternProperties")
_SCALARS = {"integer": {"integer"}, "number": {"integer", "number"}}


def compare_documents(base: Document, revision: Document) -> list[Change]:
    return list(_Comparer(base, revision).run())


def _normalise(path: str) -> str:
    return _TEMPLATE.sub("{}", path)


def _local_refs(node: Any) -> Iterator[str]:
    """The targets of the local $refs in ``node``."""
    return (ref[1:] for _, ref in iter_refs(node) if ref.startswith("#"))


def _lookup(data: Any, pointer: str) -> Any:
    try:
        return resolve_pointer(data, pointer)
    except KeyError:
        return _MISSING


_MISSING = object()


class _Comparer:
    def __init__(self, base: Document, revision: Document) -> None:
        self.base = base
        self.rev = revision
        self.dirty = self._dirty_targets()

    def _dirty_targets(self) -> set[str]:
        """Referenced targets that differ, directly or through anything they reference."""
        targets = set(_local_refs(self.base.data)) | set(_local_refs(self.rev.data))
        referrers: dict[str, set[str]] = {}
        dirty = set()
        for target in targets:
            old, new = _lookup(self.base.data, target), _lookup(self.rev.data, target)
            if old is _MISSING or new is _MISSING or old != new:
                dirty.add(target)
            for side in (old, new):
                for ref in _local_refs(side):
                    referrers.setdefault(ref, set()).add(target)
        queue = list(dirty)
        while queue:
            for referrer in referrers.get(queue.pop(), ()):
                if referrer not in dirty:
                    dirty.add(referrer)
                    queue.append(referrer)
        return dirty

    def unchanged(self, old: Any, new: Any) -> bool:
        """Equal as written, and nothing they reference changed: comparing them finds nothing."""
        return bool(old == new and not any(ref in self.dirty for ref in _local_refs(new)))

    def run(self) -> Iterator[Change]:
        yield from self._servers()
        yield from self._security_schemes()
        base_ops = {
            (m.upper(), _normalise(p)): (p, op, ptr)
            for p, m, op, ptr in iter_operations(self.base.data)
        }
        rev_ops = {
            (m.upper(), _normalise(p)): (p, op, ptr)
            for p, m, op, ptr in iter_operations(self.rev.data)
        }
        for key in sorted(base_ops.keys() - rev_ops.keys()):
            path, _, pointer = base_ops[key]
            yield Change(
                "endpoint-removed", key[0], path, "endpoint", base=self.base.where(pointer)
            )
        for key in sorted(rev_ops.keys() - base_ops.keys()):
            path, _, pointer = rev_ops[key]
            yield Change(
                "endpoint-added", key[0], path, "endpoint", revision=self.rev.where(pointer)
            )
        for key in sorted(base_ops.keys() & rev_ops.keys()):
            yield from _Operation(self, key[0], base_ops[key], rev_ops[key]).run()
        yield from self._hooks()

    def _hooks(self) -> Iterator[Change]:
        """Webhooks and callbacks: requests the vendor sends us, so their payloads are
        judged as responses are (widening what arrives breaks the receiver)."""
        old, new = _hooks(self.base), _hooks(self.rev)
        for key in sorted(old.keys() - new.keys()):
            kind, label, _, pointer = old[key]
            yield Change(f"{kind}-removed", key[2], label, kind, base=self.base.where(pointer))
        for key in sorted(new.keys() - old.keys()):
            kind, label, _, pointer = new[key]
            yield Change(f"{kind}-added", key[2], label, kind, revision=self.rev.where(pointer))
        for key in sorted(old.keys() & new.keys()):
            _, label, old_op, old_ptr = old[key]
            _, _, new_op, new_ptr = new[key]
            hook = _Operation(self, key[2], (label, old_op, old_ptr), (label, new_op, new_ptr))
            yield from hook.payload()

    def _servers(self) -> Iterator[Change]:
        def urls(doc: Document) -> list[str]:
            return [
                str(s.get("url", "")) for s in doc.data.get("servers") or [] if isinstance(s, dict)
            ]

        old, new = urls(self.base), urls(self.rev)
        for url in old:
            if url not in new:
                yield Change(
                    "server-removed",
                    "",
                    "",
                    "servers",
                    (("url", url),),
                    self.base.where("/servers"),
                )
        for url in new:
            if url not in old:
                yield Change(
                    "server-added",
                    "",
                    "",
                    "servers",
                    (("url", url),),
                    revision=self.rev.where("/servers"),
                )
        if old and new and old[0] != new[0] and old[0] in new:
            yield Change(
                "default-server-changed",
                "",
                "",
                "servers",
                (("old", old[0]), ("new", new[0])),
                self.base.where("/servers/0"),
                self.rev.where("/servers/0"),
            )

    def _security_schemes(self) -> Iterator[Change]:
        def schemes(doc: Document) -> dict[str, Any]:
            raw = doc.data.get("components", {}).get("securitySchemes", {}) or {}
            return {name: follow_refs(doc.data, value, "")[0] for name, value in raw.items()}

        old, new = schemes(self.base), schemes(self.rev)
        for name in sorted(old.keys() | new.keys()):
            pointer = f"/components/securitySchemes/{escape_pointer_token(name)}"
            args = (("scheme", name),)
            if name not in new:
                yield Change(
                    "security-scheme-removed", "", "", "security", args, self.base.where(pointer)
                )
            elif name not in old:
                yield Change(
                    "security-scheme-added",
                    "",
                    "",
                    "security",
                    args,
                    revision=self.rev.where(pointer),
                )
            elif _scheme_identity(old[name]) != _scheme_identity(new[name]):
                yield Change(
                    "security-scheme-changed",
                    "",
                    "",
                    "security",
                    (
                        *args,
                        ("old", _scheme_identity(old[name])),
                        ("new", _scheme_identity(new[name])),
                    ),
                    self.base.where(pointer),
                    self.rev.where(pointer),
                )


def _hooks(doc: Document) -> dict[tuple[str, str, str], tuple[str, str, dict[str, Any], str]]:
    """(kind, name, METHOD) -> (kind, label, operation, pointer) for each webhook (3.1) and
    callback operation."""
    found: dict[tuple[str, str, str], tuple[str, str, dict[str, Any], str]] = {}

    def add(kind: str, name: str, label: str, item: Any, pointer: str) -> None:
        item, pointer = follow_refs(doc.data, item, pointer)
        for method in HTTP_METHODS:
            operation = item.get(method) if isinstance(item, dict) else None
            if isinstance(operation, dict):
                found[(kind, name, method.upper())] = (
                    kind,
                    label,
                    operation,
                    f"{pointer}/{method}",
                )

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
                key = f"{method.upper()} {_normalise(path)} {name} {expression}"
                add("callback", key, label, item, f"{at}/{escape_pointer_token(expression)}")
    return found


def _scopes(doc: Document, op: dict[str, Any]) -> dict[frozenset[str], dict[str, frozenset[str]]]:
    """Each security requirement (its scheme names) and the scopes it asks of each scheme."""
    found: dict[frozenset[str], dict[str, frozenset[str]]] = {}
    for requirement in op.get("security", doc.data.get("security")) or []:
        if isinstance(requirement, dict):
            found[frozenset(requirement)] = {
                str(name): frozenset(str(s) for s in scopes or [])
                for name, scopes in requirement.items()
                if isinstance(scopes, list) or scopes is None
            }
    return found


def _scheme_identity(scheme: Any) -> str:
    if not isinstance(scheme, dict):
        return "?"
    parts = [scheme.get("type"), scheme.get("scheme"), scheme.get("in"), scheme.get("name")]
    return " ".join(str(p).lower() for p in parts if p)


class _Operation:
    """One endpoint present on both sides."""

    def __init__(
        self,
        comparer: _Comparer,
        method: str,
        base: tuple[str, dict[str, Any], str],
        revision: tuple[str, dict[str, Any], str],
    ) -> None:
        self.c = comparer
        self.method = method
        self.base_path, self.base_op, self.base_ptr = base
        self.rev_path, self.rev_op, self.rev_ptr = revision

    def change(
        self,
        rule_id: str,
        location: str,
        args: tuple[tuple[str, str], ...] = (),
        base_ptr: str | None = None,
        rev_ptr: str | None = None,
    ) -> Change:
        return Change(
            rule_id,
            self.method,
            self.rev_path,
            location,
            args,
            self.c.base.where(base_ptr) if base_ptr is not None else None,
            self.c.rev.where(rev_ptr) if rev_ptr is not None else None,
        )

    def run(self) -> Iterator[Change]:
        old_id, new_id = self.base_op.get("operationId"), self.rev_op.get("operationId")
        if old_id != new_id:
            yield self.change(
                "operation-id-changed",
                "operationId",
                (("old", str(old_id)), ("new", str(new_id))),
                self.base_ptr,
                self.rev_ptr,
            )
        if not self.base_op.get("deprecated") and self.rev_op.get("deprecated"):
            yield self.change(
                "endpoint-deprecated",
                "endpoint",
                (("sunset", sunset_text(self.rev_op)),),
                self.base_ptr,
                self.rev_ptr,
            )
        yield from self._parameters()
        yield from self._request_body()
        yield from self._responses()
        yield from self._security()

    def payload(self) -> Iterator[Change]:
        """A webhook's or callback's request body: what we receive, compared as a response."""
        old_raw, new_raw = self.base_op.get("requestBody"), self.rev_op.get("requestBody")
        if old_raw is None or new_raw is None:
            return
        old, old_ptr = follow_refs(self.c.base.data, old_raw, f"{self.base_ptr}/requestBody")
        new, new_ptr = follow_refs(self.c.rev.data, new_raw, f"{self.rev_ptr}/requestBody")
        if isinstance(old, dict) and isinstance(new, dict):
            yield from self._content(old, old_ptr, new, new_ptr, "response", "payload")

    # Parameters -----------------------------------------------------------------

    def _params(
        self, doc: Document, path: str, op: dict[str, Any], ptr: str
    ) -> dict[tuple[str, str], tuple[Any, str]]:
        item_ptr = ptr.rsplit("/", 1)[0]
        item = doc.data["paths"][path]
        found: dict[tuple[str, str], tuple[Any, str]] = {}
        for base, params in ((item_ptr, item.get("parameters")), (ptr, op.get("parameters"))):
            for index, raw in enumerate(params or []):
                param, where = follow_refs(doc.data, raw, f"{base}/parameters/{index}")
                if not isinstance(param, dict):
                    continue
                location, name = str(param.get("in")), str(param.get("name"))
                if location == "header" and name.lower() in IGNORED_HEADER_PARAMETERS:
                    continue
                if location == "path" and name in _TEMPLATE.findall(path):
                    # Path parameters are matched by position, so a rename is one change.
                    name = f"#{_TEMPLATE.findall(path).index(name)}"
                found[(location, name)] = (param, where)
        return found

    def _parameters(self) -> Iterator[Change]:
        old = self._params(self.c.base, self.base_path, self.base_op, self.base_ptr)
        new = self._params(self.c.rev, self.rev_path, self.rev_op, self.rev_ptr)
        for (location, key), (param, ptr) in sorted(old.items()):
            name = str(param.get("name"))
            if (location, key) in new:
                new_param, new_ptr = new[(location, key)]
                yield from self._parameter(location, param, ptr, new_param, new_ptr)
                continue
            moved = [loc for (loc, n) in new if n == key and loc != location]
            if moved:
                yield self.change(
                    "request-parameter-location-changed",
                    f"{location} parameter {name}",
                    (("name", name), ("old", location), ("new", moved[0])),
                    ptr,
                    new[(moved[0], key)][1],
                )
            else:
                yield self.change(
                    "request-parameter-removed",
                    f"{location} parameter {name}",
                    (("name", name),),
                    ptr,
                )
        for (location, key), (param, ptr) in sorted(new.items()):
            if (location, key) in old or any(n == key for (_, n) in old):
                continue
            name = str(param.get("name"))
            rule = (
                "request-parameter-added-required"
                if param.get("required")
                else "request-parameter-added-optional"
            )
            yield self.change(rule, f"{location} parameter {name}", (("name", name),), rev_ptr=ptr)

    def _parameter(
        self, location: str, old: Any, old_ptr: str, new: Any, new_ptr: str
    ) -> Iterator[Change]:
        old_name, new_name = str(old.get("name")), str(new.get("name"))
        label = f"{location} parameter {new_name}"
        if old_name != new_name:
            yield self.change(
                "request-path-parameter-renamed",
                label,
                (("old", old_name), ("new", new_name)),
                old_ptr,
                new_ptr,
            )
        was, now = bool(old.get("required")), bool(new.get("required"))
        if was != now:
            rule = (
                "request-parameter-became-required" if now else "request-parameter-became-optional"
            )
            yield self.change(rule, label, (("name", new_name),), old_ptr, new_ptr)
        if old.get("deprecated") is not True and new.get("deprecated") is True:
            yield self.change(
                "request-parameter-deprecated",
                label,
                (("name", new_name), ("sunset", sunset_text(new))),
                old_ptr,
                new_ptr,
            )
        yield from self._sunset_moved(f"parameter {new_name}", label, old, old_ptr, new, new_ptr)
        yield from _Schemas(self, "request-parameter", False).compare(
            old.get("schema"),
            f"{old_ptr}/schema",
            new.get("schema"),
            f"{new_ptr}/schema",
            label,
            top=True,
        )

    def _sunset_moved(
        self, subject: str, label: str, old: Any, old_ptr: str, new: Any, new_ptr: str
    ) -> Iterator[Change]:
        """The sunset of something deprecated on both sides, removed or moved earlier."""
        if not (isinstance(old, dict) and isinstance(new, dict)):
            return
        if old.get("deprecated") is not True or new.get("deprecated") is not True:
            return
        before, after = sunset_of(old), sunset_of(new)
        if before is not None and (after is None or after < before):
            yield self.change(
                "sunset-deleted" if after is None else "sunset-moved-earlier",
                label,
                (
                    ("subject", subject),
                    ("old", before.isoformat()),
                    ("new", after.isoformat() if after else "none"),
                ),
                old_ptr,
                new_ptr,
            )

    # Bodies -------------------------------------------------------------------------

    def _request_body(self) -> Iterator[Change]:
        old_raw, new_raw = self.base_op.get("requestBody"), self.rev_op.get("requestBody")
        if old_raw is None and new_raw is None:
            return
        old, old_ptr = follow_refs(self.c.base.data, old_raw, f"{self.base_ptr}/requestBody")
        new, new_ptr = follow_refs(self.c.rev.data, new_raw, f"{self.rev_ptr}/requestBody")
        if old_raw is None:
            rule = (
                "request-body-added-required"
                if new.get("required")
                else "request-body-added-optional"
            )
            yield self.change(rule, "request body", rev_ptr=new_ptr)
            return
        if new_raw is None:
            yield self.change("request-body-removed", "request body", base_ptr=old_ptr)
            return
        was, now = bool(old.get("required")), bool(new.get("required"))
        if was != now:
            rule = "request-body-became-required" if now else "request-body-became-optional"
            yield self.change(rule, "request body", (), old_ptr, new_ptr)
        yield from self._content(old, old_ptr, new, new_ptr, "request", "request body")

    def _content(
        self, old: Any, old_ptr: str, new: Any, new_ptr: str, side: str, label: str
    ) -> Iterator[Change]:
        old_content, new_content = old.get("content") or {}, new.get("content") or {}
        for media in sorted(old_content.keys() - new_content.keys()):
            yield self.change(
                f"{side}-media-type-removed", label, (("media_type", media),), old_ptr
            )
        for media in sorted(new_content.keys() - old_content.keys()):
            yield self.change(
                f"{side}-media-type-added", label, (("media_type", media),), rev_ptr=new_ptr
            )
        for media in sorted(old_content.keys() & new_content.keys()):
            token = escape_pointer_token(media)
            yield from _Schemas(self, f"{side}-property", side == "response").compare(
                (old_content[media] or {}).get("schema"),
                f"{old_ptr}/content/{token}/schema",
                (new_content[media] or {}).get("schema"),
                f"{new_ptr}/content/{token}/schema",
                label,
                top=True,
            )

    def _responses(self) -> Iterator[Change]:
        old, new = self.base_op.get("responses") or {}, self.rev_op.get("responses") or {}
        for status in sorted(old.keys() - new.keys()):
            rule = (
                "response-success-status-removed"
                if status.startswith("2")
                else "response-status-removed"
            )
            yield self.change(
                rule,
                f"response {status}",
                (("status", status),),
                f"{self.base_ptr}/responses/{status}",
            )
        for status in sorted(new.keys() - old.keys()):
            yield self.change(
                "response-status-added",
                f"response {status}",
                (("status", status),),
                rev_ptr=f"{self.rev_ptr}/responses/{status}",
            )
        for status in sorted(old.keys() & new.keys()):
            o, o_ptr = follow_refs(
                self.c.base.data, old[status], f"{self.base_ptr}/responses/{status}"
            )
            n, n_ptr = follow_refs(
                self.c.rev.data, new[status], f"{self.rev_ptr}/responses/{status}"
            )
            yield from self._content(o, o_ptr, n, n_ptr, "response", f"response {status}")

    # Security -----------------------------------------------------------------------

    def _security(self) -> Iterator[Change]:
        def requirements(doc: Document, op: dict[str, Any]) -> set[frozenset[str]]:
            raw = op.get("security", doc.data.get("security")) or []
            return {frozenset(r or {}) for r in raw}

        old, new = requirements(self.c.base, self.base_op), requirements(self.c.rev, self.rev_op)
        anonymous_before = not old or frozenset() in old
        anonymous_after = not new or frozenset() in new
        if anonymous_before and not anonymous_after:
            yield self.change("security-now-required", "security", (), self.base_ptr, self.rev_ptr)
            return
        for requirement in sorted(old - new, key=sorted):
            if requirement:
                args = (("requirement", " + ".join(sorted(requirement))),)
                yield self.change(
                    "security-requirement-removed", "security", args, self.base_ptr, self.rev_ptr
                )
        for requirement in sorted(new - old, key=sorted):
            if requirement:
                args = (("requirement", " + ".join(sorted(requirement))),)
                yield self.change(
                    "security-requirement-added", "security", args, self.base_ptr, self.rev_ptr
                )
        old_scopes = _scopes(self.c.base, self.base_op)
        new_scopes = _scopes(self.c.rev, self.rev_op)
        for requirement in sorted(old & new, key=sorted):
            for scheme in sorted(requirement):
                before = old_scopes.get(requirement, {}).get(scheme, frozenset())
                after = new_scopes.get(requirement, {}).get(scheme, frozenset())
                for scope, rule in [
                    *((s, "security-scope-added") for s in sorted(after - before)),
                    *((s, "security-scope-removed") for s in sorted(before - after)),
                ]:
                    yield self.change(
                        rule,
                        "security",
                        (("scheme", scheme), ("scope", scope)),
                        self.base_ptr,
                        self.rev_ptr,
                    )


class _Schemas:
    """Compares two schemas at one place of use (a parameter, a request or a response body)."""

    def __init__(self, op: _Operation, subject: str, response: bool) -> None:
        self.op = op
        self.subject = subject
        self.response = response
        self.seen: set[tuple[str, str]] = set()

    def _resolve(self, doc: Document, node: Any, ptr: str) -> tuple[Any, str]:
        resolved, where = follow_refs(doc.data, node, ptr)
        siblings = {k: v for k, v in node.items() if k != "$ref"} if isinstance(node, dict) else {}
        if siblings and isinstance(resolved, dict) and _is_31(doc):
            # OpenAPI 3.1: keywords beside a $ref apply too (3.0 ignores them).
            return {**resolved, **siblings}, where
        return resolved, where

    def compare(
        self, old: Any, old_ptr: str, new: Any, new_ptr: str, label: str, *, top: bool = False
    ) -> Iterator[Change]:
        if (old is None and new is None) or ((old is None or new is None) and not top):
            return  # one side without a schema is compared only where a body's schema is
        if old is not None:
            old, old_ptr = self._resolve(self.op.c.base, old, old_ptr)
        if new is not None:
            new, new_ptr = self._resolve(self.op.c.rev, new, new_ptr)
        if not isinstance(old, dict) or not isinstance(new, dict):
            # `application/json: {}` gaining a schema, or a schema becoming `false`:
            # no schema and `true` accept anything, `false` accepts nothing.
            before, after = (_acceptance(x) for x in (old, new))
            if before != after:
                kind = "constraint-tightened" if after < before else "constraint-loosened"
                yield self.op.change(
                    f"{self.subject}-{kind}",
                    label,
                    (("constraint", "schema"), ("old", _shown(old)), ("new", _shown(new))),
                    old_ptr if old is not None else None,
                    new_ptr if new is not None else None,
                )
            return
        if (old_ptr, new_ptr) in self.seen:
            return  # a recursive schema: already being compared on this path
        self.seen.add((old_ptr, new_ptr))
        if self.op.c.unchanged(old, new):
            return

        def change(kind: str, args: tuple[tuple[str, str], ...] = ()) -> Change:
            return self.op.change(f"{self.subject}-{kind}", label, args, old_ptr, new_ptr)

        was_nullable, is_nullable = _nullable(old), _nullable(new)
        if was_nullable != is_nullable:
            yield change("became-nullable" if is_nullable else "became-not-nullable")
        (old, old_ptr), (new, new_ptr) = self._core(self.op.c.base, old, old_ptr), self._core(
            self.op.c.rev, new, new_ptr
        )
        old, old_where = _flatten(self.op.c.base, old, old_ptr)
        new, new_where = _flatten(self.op.c.rev, new, new_ptr)
        old_types, new_types = _types(old), _types(new)
        if old_types and new_types and old_types != new_types:
            widened, narrowed = _covers(new_types, old_types), _covers(old_types, new_types)
            kind = "type-widened" if widened else "type-narrowed" if narrowed else "type-changed"
            yield change(
                kind, (("old", "|".join(sorted(old_types))), ("new", "|".join(sorted(new_types))))
            )
            return
        if old.get("format") != new.get("format"):
            yield change(
                "format-changed", (("old", str(old.get("format"))), ("new", str(new.get("format"))))
            )
        yield from self._enum(_const_as_enum(old), _const_as_enum(new), change)
        yield from self._constraints(old, new, change)
        if ("default" in old or "default" in new) and old.get("default") != new.get("default"):
            yield change(
                "default-changed",
                (("old", _text(old.get("default"))), ("new", _text(new.get("default")))),
            )
        inner = self
        if self.subject == "request-parameter":
            # What an object parameter holds (a deepObject filter) is request properties.
            inner = _Schemas(self.op, "request-property", False)
            inner.seen = self.seen
        yield from inner._members(old, old_ptr, old_where, new, new_ptr, new_where, label)

    def _members(
        self,
        old: dict[str, Any],
        old_ptr: str,
        old_where: dict[str, str],
        new: dict[str, Any],
        new_ptr: str,
        new_where: dict[str, str],
        label: str,
    ) -> Iterator[Change]:
        """What a schema holds: properties, items, map values, alternatives, and the
        2020-12 keywords that hold schemas."""

        def change(kind: str, args: tuple[tuple[str, str], ...] = ()) -> Change:
            return self.op.change(f"{self.subject}-{kind}", label, args, old_ptr, new_ptr)

        if (
            old.get("additionalProperties") is not False
            and new.get("additionalProperties") is False
        ):
            yield change("additional-properties-disallowed")
        yield from self._applicators(old, old_ptr, new, new_ptr, label, change)
        yield from self._properties(old, old_ptr, old_where, new, new_ptr, new_where, label)
        if isinstance(old.get("items"), dict) and isinstance(new.get("items"), dict):
            yield from self.compare(
                old["items"], f"{old_ptr}/items", new["items"], f"{new_ptr}/items", f"{label}[]"
            )
        old_extra, new_extra = old.get("additionalProperties"), new.get("additionalProperties")
        if isinstance(old_extra, dict) and isinstance(new_extra, dict):
            # The values of a map ({name: value}) are compared like items.
            yield from self.compare(
                old_extra,
                f"{old_ptr}/additionalProperties",
                new_extra,
                f"{new_ptr}/additionalProperties",
                f"{label}{{}}",
            )
        yield from self._branches(old, old_ptr, new, new_ptr, label, change)

    def _core(self, doc: Document, schema: dict[str, Any], ptr: str) -> tuple[dict[str, Any], str]:
        """The schema without its null alternative: ``anyOf: [X, {type: null}]`` is X."""
        for key in ("anyOf", "oneOf"):
            branches = schema.get(key)
            if isinstance(branches, list):
                rest = [(b, i) for i, b in enumerate(branches) if not _is_null(b)]
                if len(rest) == 1 and len(rest) < len(branches):
                    branch, index = rest[0]
                    resolved, where = follow_refs(doc.data, branch, f"{ptr}/{key}/{index}")
                    if isinstance(resolved, dict):
                        return resolved, where
        return schema, ptr

    def _enum(self, old: dict[str, Any], new: dict[str, Any], change: Any) -> Iterator[Change]:
        if not isinstance(old.get("enum"), list) or not isinstance(new.get("enum"), list):
            if isinstance(new.get("enum"), list) and "enum" not in old:
                yield change(
                    "constraint-tightened",
                    (("constraint", "enum"), ("old", "-"), ("new", _text(new["enum"]))),
                )
            elif isinstance(old.get("enum"), list) and "enum" not in new:
                yield change(
                    "constraint-loosened",
                    (("constraint", "enum"), ("old", _text(old["enum"])), ("new", "-")),
                )
            return
        old_values = {_text(v) for v in old["enum"] if v is not None}
        new_values = {_text(v) for v in new["enum"] if v is not None}
        for value in sorted(old_values - new_values):
            yield change("enum-value-removed", (("value", value),))
        for value in sorted(new_values - old_values):
            yield change("enum-value-added", (("value", value),))

    def _constraints(
        self, old: dict[str, Any], new: dict[str, Any], change: Any
    ) -> Iterator[Change]:
        for keyword in (*_UPPER_BOUNDS, *_LOWER_BOUNDS):
            a, b = old.get(keyword), new.get(keyword)
            if a == b or isinstance(a, bool) or isinstance(b, bool):
                continue
            upper = keyword in _UPPER_BOUNDS
            if a is None:
                tightened = True
            elif b is None:
                tightened = False
            else:
                tightened = b < a if upper else b > a
            kind = "constraint-tightened" if tightened else "constraint-loosened"
            yield change(kind, (("constraint", keyword), ("old", _text(a)), ("new", _text(b))))
        if old.get("pattern") != new.get("pattern"):
            kind = "constraint-loosened" if new.get("pattern") is None else "constraint-tightened"
            yield change(
                kind,
                (
                    ("constraint", "pattern"),
                    ("old", _text(old.get("pattern"))),
                    ("new", _text(new.get("pattern"))),
                ),
            )
        if bool(old.get("uniqueItems")) != bool(new.get("uniqueItems")):
            kind = "constraint-tightened" if new.get("uniqueItems") else "constraint-loosened"
            args = (
                ("old", _shown(old.get("uniqueItems"))),
                ("new", _shown(new.get("uniqueItems"))),
            )
            yield change(kind, (("constraint", "uniqueItems"), *args))
        for keyword in ("contentMediaType", "contentEncoding"):
            # What a string holds (base64 of a PNG): set tightens, unset loosens.
            a, b = old.get(keyword), new.get(keyword)
            if a != b:
                kind = (
                    "constraint-tightened"
                    if a is None
                    else "constraint-loosened" if b is None else "constraint-changed"
                )
                yield change(
                    kind, (("constraint", keyword), ("old", _shown(a)), ("new", _shown(b)))
                )
        a, b = old.get("multipleOf"), new.get("multipleOf")
        if a != b and not isinstance(a, bool) and not isinstance(b, bool):
            # Multiples of 10 are multiples of 5: from 5 to 10 tightens, from 10 to 5 loosens;
            # from 5 to 3, neither.
            if b is None or (a is not None and _divides(b, a)):
                kind = "constraint-loosened"
            elif a is None or _divides(a, b):
                kind = "constraint-tightened"
            else:
                kind = "constraint-changed"
            yield change(
                kind, (("constraint", "multipleOf"), ("old", _shown(a)), ("new", _shown(b)))
            )

    def _applicators(
        self,
        old: dict[str, Any],
        old_ptr: str,
        new: dict[str, Any],
        new_ptr: str,
        label: str,
        change: Any,
    ) -> Iterator[Change]:
        """JSON Schema 2020-12's keywords, each in both directions: a constraint added
        tightens, one removed loosens, and the schemas they hold are compared in turn."""

        def nested(keyword: str, a: Any, b: Any, suffix: str, at: str = "") -> Iterator[Change]:
            a, b = (None if x is True else x for x in (a, b))  # `true` constrains nothing
            at = at or keyword
            if isinstance(a, dict) and isinstance(b, dict):
                yield from self.compare(
                    a, f"{old_ptr}/{at}", b, f"{new_ptr}/{at}", f"{label}{suffix}"
                )
            elif a != b:
                tightened = a is None or b is False
                yield change(
                    "constraint-tightened" if tightened else "constraint-loosened",
                    (("constraint", keyword), ("old", _shown(a)), ("new", _shown(b))),
                )

        for keyword in _SUBSCHEMAS:
            yield from nested(keyword, old.get(keyword), new.get(keyword), f" ({keyword})")
        for keyword in _SCHEMA_MAPS:
            a, b = old.get(keyword) or {}, new.get(keyword) or {}
            if not isinstance(a, dict) or not isinstance(b, dict):
                continue
            for key in sorted(a.keys() | b.keys()):
                at = f"{keyword}/{escape_pointer_token(key)}"
                yield from nested(f"{keyword}[{key}]", a.get(key), b.get(key), f" ({key})", at)
        pairs_a = _dependencies(old.get("dependentRequired"))
        pairs_b = _dependencies(new.get("dependentRequired"))
        for name, needed in sorted(pairs_a ^ pairs_b):
            text = f"{name} needs {needed}"
            before, after = (None, text) if (name, needed) in pairs_b else (text, None)
            yield from nested("dependentRequired", before, after, "")
        a, b = old.get("prefixItems"), new.get("prefixItems")
        if isinstance(a, list) and isinstance(b, list):
            for index in range(min(len(a), len(b))):
                yield from nested(f"prefixItems/{index}", a[index], b[index], f"[{index}]")
            if len(a) != len(b):
                longer = len(b) > len(a)
                yield change(
                    "constraint-tightened" if longer else "constraint-loosened",
                    (("constraint", "prefixItems"), ("old", str(len(a))), ("new", str(len(b)))),
                )
        elif a != b:
            yield from nested("prefixItems", a, b, "")
        if old.get("if") != new.get("if") or ("if" in old) != ("if" in new):
            if "if" in old or "if" in new:
                yield change(
                    "conditional-changed",
                    (("old", _text(old.get("if"))), ("new", _text(new.get("if")))),
                )
            return
        for keyword in ("then", "else"):
            yield from nested(keyword, old.get(keyword), new.get(keyword), f" ({keyword})")

    def _properties(
        self,
        old: dict[str, Any],
        old_ptr: str,
        old_where: dict[str, str],
        new: dict[str, Any],
        new_ptr: str,
        new_where: dict[str, str],
        label: str,
    ) -> Iterator[Change]:
        old_props, new_props = old.get("properties") or {}, new.get("properties") or {}
        if not isinstance(old_props, dict) or not isinstance(new_props, dict):
            return
        old_required, new_required = set(old.get("required") or []), set(new.get("required") or [])
        skip = "writeOnly" if self.response else "readOnly"

        def where(name: str) -> str:
            return f"{label}: {name}" if ":" not in label else f"{label}.{name}"

        def visible(props: dict[str, Any], doc: Document, name: str, ptr: str) -> bool:
            resolved, _ = follow_refs(doc.data, props[name], ptr)
            return not (isinstance(resolved, dict) and resolved.get(skip))

        # A property turned readOnly leaves what is sent, one turned writeOnly what arrives:
        # for this direction it is removed (or added, the other way round).
        old_seen = {n for n in old_props if visible(old_props, self.op.c.base, n, old_where[n])}
        new_seen = {n for n in new_props if visible(new_props, self.op.c.rev, n, new_where[n])}
        for name in sorted(old_seen - new_seen):
            ptr = old_where[name]
            if self.response:
                kind = (
                    "required-property-removed"
                    if name in old_required
                    else "optional-property-removed"
                )
                rule = f"response-{kind}"
            else:
                closed = old.get("additionalProperties") is False
                rule = "request-property-removed" if closed else "request-property-removed-silently"
            yield self.op.change(rule, where(name), (("name", name),), ptr, new_ptr)
        for name in sorted(new_seen - old_seen):
            ptr = new_where[name]
            if self.response:
                rule = "response-property-added"
            else:
                rule = (
                    "request-property-added-required"
                    if name in new_required
                    else "request-property-added-optional"
                )
            yield self.op.change(rule, where(name), (("name", name),), old_ptr, ptr)
        for name in sorted(old_seen & new_seen):
            o_ptr, n_ptr = old_where[name], new_where[name]
            if (name in old_required) != (name in new_required):
                became = "became-required" if name in new_required else "became-optional"
                yield self.op.change(
                    f"{self.subject}-{became}", where(name), (("name", name),), o_ptr, n_ptr
                )
            old_prop, _ = follow_refs(self.op.c.base.data, old_props[name], o_ptr)
            new_prop, _ = follow_refs(self.op.c.rev.data, new_props[name], n_ptr)
            yield from self.op._sunset_moved(
                f"property {name}", where(name), old_prop, o_ptr, new_prop, n_ptr
            )
            if isinstance(old_prop, dict) and isinstance(new_prop, dict):
                was, now = stability(old_prop), stability(new_prop)
                if STABILITY.index(now) < STABILITY.index(was):
                    yield self.op.change(
                        "stability-level-decreased",
                        where(name),
                        (("old", was), ("new", now)),
                        o_ptr,
                        n_ptr,
                    )
            if (
                isinstance(new_prop, dict)
                and new_prop.get("deprecated") is True
                and not (isinstance(old_prop, dict) and old_prop.get("deprecated") is True)
            ):
                side = "response" if self.response else "request"
                yield self.op.change(
                    f"{side}-property-deprecated",
                    where(name),
                    (("name", name), ("sunset", sunset_text(new_prop))),
                    o_ptr,
                    n_ptr,
                )
            yield from self.compare(old_props[name], o_ptr, new_props[name], n_ptr, where(name))

    def _branches(
        self,
        old: dict[str, Any],
        old_ptr: str,
        new: dict[str, Any],
        new_ptr: str,
        label: str,
        change: Any,
    ) -> Iterator[Change]:
        for key in ("oneOf", "anyOf"):
            old_list, new_list = old.get(key), new.get(key)
            if not isinstance(old_list, list) or not isinstance(new_list, list):
                continue
            old_disc, new_disc = old.get("discriminator") or {}, new.get("discriminator") or {}
            if (
                old_disc.get("propertyName") != new_disc.get("propertyName")
                and old_disc
                and new_disc
            ):
                yield change(
                    "discriminator-property-changed",
                    (
                        ("old", str(old_disc.get("propertyName"))),
                        ("new", str(new_disc.get("propertyName"))),
                    ),
                )
                continue
            old_map, new_map = old_disc.get("mapping") or {}, new_disc.get("mapping") or {}
            if (
                old_map
                and new_map
                and set(old_map) != set(new_map)
                and len(old_list) == len(new_list)
            ):
                # Same alternatives under other tag values: payloads carry different tags.
                yield change(
                    "discriminator-mapping-changed",
                    (("old", ", ".join(sorted(old_map))), ("new", ", ".join(sorted(new_map)))),
                )
            if not old_disc or not new_disc:
                # A discriminator added or dropped: pair the branches without it.
                old_disc = new_disc = {}
            old_tags = self._tags(self.op.c.base, old_list, old_disc, f"{old_ptr}/{key}")
            new_tags = self._tags(self.op.c.rev, new_list, new_disc, f"{new_ptr}/{key}")
            self._pair_renamed(old_tags, new_tags)
            for tag in sorted(old_tags.keys() - new_tags.keys()):
                yield change("one-of-branch-removed", (("branch", old_tags[tag][0]),))
            for tag in sorted(new_tags.keys() - old_tags.keys()):
                yield change("one-of-branch-added", (("branch", new_tags[tag][0]),))
            for tag in sorted(old_tags.keys() & new_tags.keys()):
                (_, o, o_ptr), (name, n, n_ptr) = old_tags[tag], new_tags[tag]
                yield from self.compare(o, o_ptr, n, n_ptr, f"{label} ({name})")

    def _pair_renamed(
        self, old_tags: dict[str, tuple[str, Any, str]], new_tags: dict[str, tuple[str, Any, str]]
    ) -> None:
        """A branch whose component was renamed keeps its shape: pair such leftovers by shape."""
        old_left = [k for k in old_tags if k.startswith("#") and k not in new_tags]
        new_left = [k for k in new_tags if k.startswith("#") and k not in old_tags]
        if not old_left or not new_left:
            return
        shapes = {_shape(self.op.c.rev, new_tags[k][1]): k for k in new_left}
        for key in old_left:
            match = shapes.pop(_shape(self.op.c.base, old_tags[key][1]), None)
            if match is not None:
                new_tags[key] = new_tags.pop(match)

    def _tags(
        self, doc: Document, branches: list[Any], disc: dict[str, Any], ptr: str
    ) -> dict[str, tuple[str, Any, str]]:
        """Branches keyed by discriminator value, else by component name, else by shape.

        Values are (display name, schema, pointer). Keys by name are prefixed "#", by shape "~".
        """
        keyed: dict[str, tuple[str, Any, str]] = {}
        prop = disc.get("propertyName")
        for index, branch in enumerate(branches):
            if _is_null(branch):
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
                keyed[f"~{_shape(doc, resolved)}"] = (f"branch {index + 1}", resolved, where)
        return keyed


def _flatten(
    doc: Document, schema: dict[str, Any], ptr: str, depth: int = 0
) -> tuple[dict[str, Any], dict[str, str]]:
    """A schema with its ``allOf`` parts merged in, and where each property is defined.

    Properties and ``required`` are united; other keywords come from the schema itself,
    then from its parts in order. This is the view a client sees of a composed model.
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
        flat, flat_where = _flatten(doc, resolved, part_ptr, depth + 1)
        for key, value in flat.items():
            if key == "properties" and isinstance(value, dict):
                for name, prop in value.items():
                    if name not in properties:
                        properties[name] = prop
                        where[name] = flat_where[name]
            elif key == "required" and isinstance(value, list):
                required += [r for r in value if r not in required]
            else:
                merged.setdefault(key, value)
    if properties:
        merged["properties"] = properties
    if required:
        merged["required"] = required
    return merged, where


def _acceptance(schema: Any) -> int:
    """How much a schema that is not an object accepts: nothing (false) < something < all."""
    if schema is False:
        return 0
    return 2 if schema is None or schema is True or schema == {} else 1


def _divides(divisor: Any, number: Any) -> bool:
    if not isinstance(divisor, int | float) or not isinstance(number, int | float) or not divisor:
        return False
    quotient = number / divisor
    return abs(quotient - round(quotient)) < 1e-9


def _shown(value: Any) -> str:
    return "-" if value is None else _text(value)


def _is_31(doc: Document) -> bool:
    return str(doc.data.get("openapi", "")).startswith("3.1")


def _const_as_enum(schema: dict[str, Any]) -> dict[str, Any]:
    """``const: x`` is ``enum: [x]``: changing it removes one value and adds another. Zalando's
    ``x-extensible-enum`` lists values too (a client must expect others)."""
    if "const" in schema and "enum" not in schema:
        return {**schema, "enum": [schema["const"]]}
    if isinstance(schema.get("x-extensible-enum"), list) and "enum" not in schema:
        return {**schema, "enum": schema["x-extensible-enum"]}
    return schema


def _dependencies(value: Any) -> set[tuple[str, str]]:
    if not isinstance(value, dict):
        return set()
    return {
        (str(name), str(needed))
        for name, names in value.items()
        if isinstance(names, list)
        for needed in names
    }


def _is_null(schema: Any) -> bool:
    return isinstance(schema, dict) and (schema.get("type") == "null" or schema == {"const": None})


def _nullable(schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    if schema.get("nullable") is True or (isinstance(kind, list) and "null" in kind):
        return True
    return any(_is_null(b) for key in ("anyOf", "oneOf") for b in schema.get(key) or [])


def _types(schema: dict[str, Any]) -> frozenset[str]:
    kind = schema.get("type")
    kinds = kind if isinstance(kind, list) else [kind] if isinstance(kind, str) else []
    return frozenset(k for k in kinds if k != "null")


def _covers(wide: frozenset[str], narrow: frozenset[str]) -> bool:
    """Every value of ``narrow`` types is a value of ``wide`` types (integers are numbers)."""
    accepted = set().union(*(_SCALARS.get(t, {t}) for t in wide)) if wide else set()
    return narrow <= accepted


def _shape(doc: Document, schema: Any, depth: int = 0) -> str:
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


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, sort_keys=True)
