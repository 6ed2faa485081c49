from collections.abc import Iterator
from typing import Any

from ..findings import Change, Direction, Level, Rule
from ..structure import Endpoint, SecurityDiff, SecuritySchemeDiff
from .registry import change, check

RULES = (
    Rule(
        "security-scheme-added",
        Level.INFO,
        Direction.NONE,
        "the security scheme {scheme} was added",
    ),
    Rule(
        "security-scheme-removed",
        Level.BREAKING,
        Direction.NONE,
        "the security scheme {scheme} was removed",
    ),
    Rule(
        "security-scheme-changed",
        Level.BREAKING,
        Direction.NONE,
        "the security scheme {scheme} changed from {old} to {new}",
    ),
    Rule(
        "security-now-required",
        Level.BREAKING,
        Direction.REQUEST,
        "the operation now requires credentials",
    ),
    Rule(
        "security-requirement-removed",
        Level.BREAKING,
        Direction.REQUEST,
        "credentials {requirement} are no longer accepted",
    ),
    Rule(
        "security-requirement-added",
        Level.INFO,
        Direction.REQUEST,
        "credentials {requirement} are now accepted too",
    ),
    Rule(
        "security-scope-added",
        Level.BREAKING,
        Direction.REQUEST,
        "the {scheme} credentials now need the scope {scope}: a token without it is refused",
    ),
    Rule(
        "security-scope-removed",
        Level.INFO,
        Direction.REQUEST,
        "the {scheme} credentials no longer need the scope {scope}",
    ),
)
_SPEC = Endpoint()


@check(SecuritySchemeDiff)
def scheme_added_or_removed(diff: SecuritySchemeDiff) -> Iterator[Change]:
    args = (("scheme", diff.name),)
    if diff.new is None:
        yield change("security-scheme-removed", _SPEC, "security", args, diff.old)
    elif diff.old is None:
        yield change("security-scheme-added", _SPEC, "security", args, new=diff.new)


@check(SecuritySchemeDiff)
def scheme_changed(diff: SecuritySchemeDiff) -> Iterator[Change]:
    if diff.old is None or diff.new is None:
        return
    old, new = _identity(diff.old.value), _identity(diff.new.value)
    if old != new:
        args = (("scheme", diff.name), ("old", old), ("new", new))
        yield change("security-scheme-changed", _SPEC, "security", args, diff.old, diff.new)


def _identity(scheme: Any) -> str:
    """What a client's credentials depend on: the kind of scheme and where it sends them."""
    if not isinstance(scheme, dict):
        return "?"
    parts = [scheme.get("type"), scheme.get("scheme"), scheme.get("in"), scheme.get("name")]
    return " ".join(str(p).lower() for p in parts if p)


def _newly_required(diff: SecurityDiff) -> bool:
    return diff.anonymous_before and not diff.anonymous_after


@check(SecurityDiff)
def now_required(diff: SecurityDiff) -> Iterator[Change]:
    if _newly_required(diff):
        yield change("security-now-required", diff.endpoint, "security", (), diff.old, diff.new)


@check(SecurityDiff)
def requirements_changed(diff: SecurityDiff) -> Iterator[Change]:
    if _newly_required(diff):
        return  # the operation now requires credentials: that says it
    old, new = diff.old_requirements, diff.new_requirements
    for requirements, rule in ((old - new, "removed"), (new - old, "added")):
        for requirement in sorted(requirements, key=sorted):
            if requirement:
                args = (("requirement", " + ".join(sorted(requirement))),)
                yield change(
                    f"security-requirement-{rule}",
                    diff.endpoint,
                    "security",
                    args,
                    diff.old,
                    diff.new,
                )


@check(SecurityDiff)
def scopes_changed(diff: SecurityDiff) -> Iterator[Change]:
    if _newly_required(diff):
        return
    for requirement in sorted(diff.old_requirements & diff.new_requirements, key=sorted):
        for scheme in sorted(requirement):
            before = diff.old_scopes.get(requirement, {}).get(scheme, frozenset())
            after = diff.new_scopes.get(requirement, {}).get(scheme, frozenset())
            for scope, rule in [
                *((s, "security-scope-added") for s in sorted(after - before)),
                *((s, "security-scope-removed") for s in sorted(before - after)),
            ]:
                args = (("scheme", scheme), ("scope", scope))
                yield change(rule, diff.endpoint, "security", args, diff.old, diff.new)
