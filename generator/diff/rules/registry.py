"""Checks: functions that read one kind of fact of the structural diff and name the changes
they find. Each family module registers its own with ``@check(FactType)``; ``run_checks``
walks the diff and runs, at each fact, every check registered for its type."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from ...core.errors import SourceRef
from ..findings import Cause, Change
from ..structure import ContentDiff, Endpoint, Fact, PropertyDiff, Side

F = TypeVar("F", bound=Fact)
Check = Callable[[F], Iterator[Change]]
Args = tuple[tuple[str, str], ...]

_CHECKS: dict[type[Fact], list[Callable[[Any], Iterator[Change]]]] = {}


def check(*kinds: type[F]) -> Callable[[Check[F]], Check[F]]:
    """Register a check for facts of these types (run in registration order)."""

    def register(function: Check[F]) -> Check[F]:
        for kind in kinds:
            _CHECKS.setdefault(kind, []).append(function)
        return function

    return register


def checks_for(kind: type[Fact]) -> Sequence[Callable[[Any], Iterator[Change]]]:
    """The checks registered for facts of this type, in registration order."""
    return _CHECKS.get(kind, ())


def walk(root: Fact) -> Iterator[Fact]:
    """``root`` and every fact under it, depth first. Nested facts are asked for one at a
    time, so that a walk holds only the branch it is in."""
    stack = [iter((root,))]
    while stack:
        fact = next(stack[-1], None)
        if fact is None:
            stack.pop()
            continue
        yield fact
        stack.append(iter(fact.nested()))


def run_checks(root: Fact) -> Iterator[Change]:
    """Every registered check at every fact of a structural diff."""
    for fact in walk(root):
        for function in checks_for(type(fact)):
            yield from function(fact)


def change(
    rule_id: str,
    at: Endpoint,
    location: str,
    args: Args = (),
    old: Side | SourceRef | None = None,
    new: Side | SourceRef | None = None,
    cause: Cause | None = None,
) -> Change:
    """A change of ``rule_id`` at ``location``, pointing at each side given."""
    return Change(rule_id, at.method, at.path, location, args, _where(old), _where(new), cause)


def replaced(diff: PropertyDiff) -> Cause | None:
    """The schema holding a property, when the revision uses another node there than the
    base: its properties added and removed are one change. An inline schema of an operation
    on both sides (a path renamed) is the same schema."""
    old, new = diff.old_holder.pointer, diff.new_holder.pointer
    if old == new or all(p.startswith(("/paths/", "/webhooks/")) for p in (old, new)):
        return None
    return Cause(diff.holder, diff.old_holder.where(), diff.new_holder.where())


def _where(side: Side | SourceRef | None) -> SourceRef | None:
    return side.where() if isinstance(side, Side) else side


def media_type_changes(diff: ContentDiff) -> Iterator[Change]:
    """A body's media types removed, added and renamed, named for its direction
    (`request-media-type-removed`, `response-media-type-changed`...)."""
    side = diff.direction.value
    for media in diff.removed:
        args = (("media_type", media),)
        yield change(f"{side}-media-type-removed", diff.endpoint, diff.location, args, diff.old)
    for media in diff.added:
        args = (("media_type", media),)
        yield change(f"{side}-media-type-added", diff.endpoint, diff.location, args, new=diff.new)
    for before, after in diff.renamed:
        names = (("old", before), ("new", after))
        yield change(
            f"{side}-media-type-changed", diff.endpoint, diff.location, names, diff.old, diff.new
        )
