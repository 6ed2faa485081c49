from collections.abc import Iterable, Iterator
from typing import Any

from ..findings import Change, Direction, Level, Rule
from ..structure import Endpoint, SecurityDiff, SecuritySchemeDiff
from .registry import Args, change, check

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
        "security-requirements-changed",
        Level.BREAKING,
        Direction.REQUEST,
        "the credentials accepted changed from {old} to {new}: {requirement} no longer suffice",
    ),
    Rule(
        "security-requirements-relaxed",
        Level.INFO,
        Direction.REQUEST,
        "the credentials accepted changed from {old} to {new}: those accepted before still are",
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
    removed, added = old - new, new - old
    if removed and added:
        # One edit of the requirements (a requirement split into alternatives, one scheme for
        # another) is one cause: one finding with both lists. A client that sends what an old
        # requirement asked still passes where some new requirement asks a part of it.
        lost = [r for r in _ordered(removed) if r and not any(n <= r for n in new)]
        args: Args = (("old", _listed(old)), ("new", _listed(new)))
        if lost:
            args += (("requirement", " or ".join(_named(r) for r in lost)),)
        rule = "security-requirements-changed" if lost else "security-requirements-relaxed"
        yield change(rule, diff.endpoint, "security", args, diff.old, diff.new)
        return
    for requirements, rule in ((removed, "removed"), (added, "added")):
        for requirement in _ordered(requirements):
            if requirement:
                named: Args = (("requirement", _named(requirement)),)
                yield change(
                    f"security-requirement-{rule}",
                    diff.endpoint,
                    "security",
                    named,
                    diff.old,
                    diff.new,
                )


def _ordered(requirements: Iterable[frozenset[str]]) -> list[frozenset[str]]:
    return sorted(requirements, key=sorted)


def _named(requirement: frozenset[str]) -> str:
    return " + ".join(sorted(requirement)) or "none"


def _listed(requirements: Iterable[frozenset[str]]) -> str:
    return " | ".join(f"({_named(r)})" for r in _ordered(requirements)) or "none"


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
