"""Deprecation, sunset and stability: a change judged by what the base revision promised.

- A removal of something the base revision deprecated (``deprecated: true``) is judged by its
  sunset date: ``x-sunset`` (an RFC 3339 date) on the operation, parameter or property, or for
  an operation the ``Sunset`` response header it documents (RFC 8594, an HTTP date). Past it,
  the removal is expected (info); before it, or with none given, it breaks as any removal.
- ``x-stability-level`` (draft, alpha, beta, stable; stable when absent) on an operation:
  breaking changes to a draft or alpha operation are warnings, a level may never go down, and
  an operation deprecated in the revision must give callers the minimum number of days its
  level asks for before its sunset (configurable in the allowlist file).
- A value the policy cannot read, on either side, is a warning of its own and read as the
  default: an ``x-stability-level`` outside the four (``stability-level-invalid``, read as
  stable) and the ``x-sunset`` of something deprecated that is not a date (``sunset-invalid``,
  read as no sunset date; deprecating or removing something names it in that finding).
"""

from __future__ import annotations

import datetime
import email.utils
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ..spec.load import Document, follow_refs, resolve_pointer
from ..spec.validate import iter_operations
from .findings import Change, Finding, Level

STABILITY = ("draft", "alpha", "beta", "stable")
# oasdiff's defaults (--deprecation-days-beta, --deprecation-days-stable).
DEFAULT_MINIMUM_DAYS: Mapping[str, int] = {"draft": 0, "alpha": 0, "beta": 31, "stable": 180}

_TEMPLATE = re.compile(r"{[^{}]*}")
# The removals that deprecation changes the judgement of, and what each removes
# (rules/lifecycle.py makes their -after-sunset and -before-sunset rules).
REMOVALS = {
    "endpoint-removed": "endpoint",
    "webhook-removed": "webhook",
    "callback-removed": "callback",
    "request-parameter-removed": "parameter",
    "request-property-removed": "property",
    "request-property-removed-silently": "property",
    "response-required-property-removed": "property",
    "response-optional-property-removed": "property",
}


@dataclass(frozen=True, slots=True)
class Policy:
    today: datetime.date = field(default_factory=datetime.date.today)
    minimum_days: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_MINIMUM_DAYS))


def sunset_of(node: Any) -> datetime.date | None:
    """The sunset date a deprecated operation, parameter or property names, if any."""
    if not isinstance(node, dict):
        return None
    found = _date(node.get("x-sunset"))
    if found is not None:
        return found
    for response in (node.get("responses") or {}).values():
        headers = response.get("headers") if isinstance(response, dict) else None
        for name, header in (headers or {}).items():
            if str(name).lower() == "sunset" and isinstance(header, dict):
                schema = header.get("schema")
                schema = schema if isinstance(schema, dict) else {}
                for value in (header.get("example"), schema.get("default"), schema.get("example")):
                    if (found := _date(value)) is not None:
                        return found
    return None


def sunset_text(node: Any) -> str:
    sunset = sunset_of(node)
    if sunset:
        return f"sunset {sunset.isoformat()}"
    unreadable = unreadable_sunset(node)
    if unreadable is not None:
        return f"its x-sunset {unreadable} is not a date, so no sunset date"
    return "no sunset date given"


def unreadable_sunset(node: Any) -> str | None:
    """The ``x-sunset`` a node gives that is not a date, quoted (``None`` when it gives none
    or a date)."""
    raw = node.get("x-sunset") if isinstance(node, dict) else None
    if raw is None or _date(raw) is not None:
        return None
    return repr(str(raw)[:40])


# How policy findings name the side a value they cannot read is on.
SIDES = ("base revision", "revision")


def unreadable_sunsets(old: Any, new: Any) -> Iterator[tuple[str, str]]:
    """(side, value) for each side of something deprecated on both sides whose x-sunset is
    not a date; the same value on both sides is named once, on the revision's."""
    if not (isinstance(old, dict) and isinstance(new, dict)):
        return
    if old.get("deprecated") is not True or new.get("deprecated") is not True:
        return
    before, after = unreadable_sunset(old), unreadable_sunset(new)
    if before is not None and before != after:
        yield SIDES[0], before
    if after is not None:
        yield SIDES[1], after


def _date(value: Any) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return datetime.date.fromisoformat(value.strip()[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date()  # Sunset: Sat, 31 Dec 2026 ...
    except (TypeError, ValueError):
        return None


def judge_removals(base: Document, changes: Iterable[Change], policy: Policy) -> list[Change]:
    """Removals of what the base deprecated, renamed by whether its sunset has passed."""
    judged = []
    for change in changes:
        if change.rule_id not in REMOVALS or change.base is None:
            judged.append(change)
            continue
        try:
            node = resolve_pointer(base.data, change.base.pointer)
        except KeyError:
            judged.append(change)
            continue
        node, _ = follow_refs(base.data, node, change.base.pointer)
        if not (isinstance(node, dict) and node.get("deprecated") is True):
            judged.append(change)
            continue
        sunset = sunset_of(node)
        passed = sunset is not None and sunset <= policy.today
        unreadable = unreadable_sunset(node)
        text = (
            sunset.isoformat()
            if sunset
            else f"its x-sunset {unreadable} is not a date" if unreadable else "none was given"
        )
        judged.append(
            replace(
                change,
                rule_id=f"{change.rule_id}-{'after' if passed else 'before'}-sunset",
                args=(*change.args, ("sunset", text)),
            )
        )
    return judged


def stability_changes(base: Document, revision: Document, policy: Policy) -> Iterator[Change]:
    """Stability levels that are not one (on either side) or went down, unreadable sunsets of
    operations deprecated on both sides, and sunsets of still deprecated operations removed or
    moved earlier."""
    old = _operations(base)
    new = _operations(revision)
    for key, (path, op, pointer) in sorted(old.items()):
        raw = op.get("x-stability-level")
        later = new[key][1].get("x-stability-level") if key in new else None
        if raw is not None and raw not in STABILITY and raw != later:
            yield Change(
                "stability-level-invalid",
                key[0],
                path,
                "x-stability-level",
                (("value", str(raw)), ("side", SIDES[0])),
                base=base.where(f"{pointer}/x-stability-level"),
            )
    for key, (path, op, pointer) in sorted(new.items()):
        method = key[0]
        raw = op.get("x-stability-level")
        if raw is not None and raw not in STABILITY:
            yield Change(
                "stability-level-invalid",
                method,
                path,
                "x-stability-level",
                (("value", str(raw)), ("side", SIDES[1])),
                revision=revision.where(f"{pointer}/x-stability-level"),
            )
        level = stability(op)
        if key not in old:
            continue
        _, old_op, old_pointer = old[key]
        if STABILITY.index(level) < STABILITY.index(stability(old_op)):
            yield Change(
                "stability-level-decreased",
                method,
                path,
                "x-stability-level",
                (("old", stability(old_op)), ("new", level)),
                base.where(old_pointer),
                revision.where(pointer),
            )
        for side, value in unreadable_sunsets(old_op, op):
            yield Change(
                "sunset-invalid",
                method,
                path,
                "endpoint",
                (("subject", "endpoint"), ("value", value), ("side", side)),
                base.where(f"{old_pointer}/x-sunset") if side == SIDES[0] else None,
                revision.where(f"{pointer}/x-sunset") if side == SIDES[1] else None,
            )
        sunset, old_sunset = sunset_of(op), sunset_of(old_op)
        still_deprecated = op.get("deprecated") is True and old_op.get("deprecated") is True
        # An unreadable new sunset is sunset-invalid, above.
        readable = unreadable_sunset(op) is None
        if still_deprecated and old_sunset and readable and (sunset is None or sunset < old_sunset):
            yield Change(
                "sunset-deleted" if sunset is None else "sunset-moved-earlier",
                method,
                path,
                "endpoint",
                (("subject", "endpoint"), ("old", old_sunset.isoformat()), ("new", _shown(sunset))),
                base.where(old_pointer),
                revision.where(pointer),
            )


# What each deprecation finding deprecates, for sunset-too-soon.
_DEPRECATIONS = {
    "endpoint-deprecated": "endpoint",
    "request-parameter-deprecated": "parameter",
    "request-property-deprecated": "request property",
    "response-property-deprecated": "response property",
}


def too_soon(changes: Iterable[Change], revision: Document, policy: Policy) -> Iterator[Change]:
    """Deprecations whose sunset comes sooner than their operation's stability level allows."""
    levels = {key: stability(op) for key, (_, op, _) in _operations(revision).items()}
    for change in changes:
        subject = _DEPRECATIONS.get(change.rule_id)
        if subject is None or change.revision is None:
            continue
        try:
            node = resolve_pointer(revision.data, change.revision.pointer)
        except KeyError:
            continue
        node, _ = follow_refs(revision.data, node, change.revision.pointer)
        sunset = sunset_of(node)
        if sunset is None:
            continue
        level = levels.get((change.method, _TEMPLATE.sub("{}", change.path)), "stable")
        days = (sunset - policy.today).days
        minimum = policy.minimum_days.get(level, DEFAULT_MINIMUM_DAYS[level])
        if days < minimum:
            name = dict(change.args).get("name")
            yield replace(
                change,
                rule_id="sunset-too-soon",
                args=(
                    ("subject", f"{subject} {name}" if name else subject),
                    ("sunset", sunset.isoformat()),
                    ("days", str(days)),
                    ("stability", level),
                    ("minimum", str(minimum)),
                ),
            )


def relax_unstable(
    findings: Iterable[Finding], base: Document, revision: Document
) -> list[Finding]:
    """Breaking findings on a draft or alpha operation (as the base revision has it, else the
    revision) become warnings: such an operation promises no compatibility. Each finding has
    one place still: findings are grouped by cause after this."""
    levels = {key: stability(op) for key, (_, op, _) in _operations(revision).items()}
    levels.update({key: stability(op) for key, (_, op, _) in _operations(base).items()})
    relaxed = []
    for finding in findings:
        level = levels.get((finding.first.method, _TEMPLATE.sub("{}", finding.first.path)))
        if (
            finding.level is Level.BREAKING
            and level in ("draft", "alpha")
            and finding.rule_id != "stability-level-decreased"
        ):
            finding = replace(
                finding,
                level=Level.WARNING,
                message=f"{finding.message} (x-stability-level {level}: no compatibility "
                "promised, so a warning)",
            )
        relaxed.append(finding)
    return relaxed


def _shown(day: datetime.date | None) -> str:
    return day.isoformat() if day else "none"


def stability(operation: dict[str, Any]) -> str:
    raw = operation.get("x-stability-level")
    return raw if raw in STABILITY else "stable"


def _operations(document: Document) -> dict[tuple[str, str], tuple[str, dict[str, Any], str]]:
    return {
        (method.upper(), _TEMPLATE.sub("{}", path)): (path, op, pointer)
        for path, method, op, pointer in iter_operations(document.data)
    }
