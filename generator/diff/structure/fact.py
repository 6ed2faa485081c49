"""What every fact of the structural diff is made of: sides, endpoints and the two documents."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ...core.errors import SourceRef
from ...spec.load import Document, iter_refs, resolve_pointer

TEMPLATE = re.compile(r"{([^{}]*)}")


def normalise(path: str) -> str:
    """A path with its parameters unnamed: /a/{id} and /a/{key} are one endpoint."""
    return TEMPLATE.sub("{}", path)


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a pair: a value, ``$ref``s followed, and where its document has it."""

    doc: Document
    pointer: str
    value: Any

    def where(self, suffix: str = "") -> SourceRef:
        return self.doc.where(self.pointer + suffix)


@dataclass(frozen=True, slots=True)
class Endpoint:
    """What a fact belongs to: an operation (its method, and its path as the revision writes
    it, or the base for one removed), a webhook or callback (method and label), or the spec
    as a whole (both empty)."""

    method: str = ""
    path: str = ""


class Fact:
    """A node of the structural diff: both sides of something, and what was added, removed
    or paired under it. Facts name no rules; the checks in ``rules/`` judge them."""

    __slots__ = ()

    def nested(self) -> Iterable[Fact]:
        """The facts under this one, in the order a walk visits them."""
        return ()


class Documents:
    """The base and the revision, and which referenced targets differ between them."""

    def __init__(self, base: Document, revision: Document) -> None:
        self.base = base
        self.revision = revision
        self.dirty = self._dirty_targets()

    def _dirty_targets(self) -> set[str]:
        """Referenced targets that differ, directly or through anything they reference."""
        targets = set(_local_refs(self.base.data)) | set(_local_refs(self.revision.data))
        referrers: dict[str, set[str]] = {}
        dirty = set()
        for target in targets:
            old, new = _lookup(self.base.data, target), _lookup(self.revision.data, target)
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
        """Equal as written, and nothing they reference changed: pairing them finds nothing."""
        if old != new:
            return False
        if isinstance(new, dict) and len(new) == 1 and isinstance(new.get("$ref"), str):
            # A bare reference, the commonest case: no need to walk it.
            ref = new["$ref"]
            return not (ref.startswith("#") and ref[1:] in self.dirty)
        return not any(ref in self.dirty for ref in _local_refs(new))


def _local_refs(node: Any) -> Iterator[str]:
    """The targets of the local $refs in ``node``."""
    return (ref[1:] for _, ref in iter_refs(node) if ref.startswith("#"))


def _lookup(data: Any, pointer: str) -> Any:
    try:
        return resolve_pointer(data, pointer)
    except KeyError:
        return _MISSING


_MISSING = object()
