"""Every rule, registered by its family module; ids are stable (allowlists name them).

A family module holds its rules (id, level, direction, message) and the checks that find
them: functions registered with ``@check(FactType)`` that read facts of the structural diff
(``diff/structure/``) and return changes. Importing this package registers them all;
``run_checks`` runs them over a structural diff.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..findings import Change, Direction, Finding, Level, Part, Place, Rule
from . import (
    endpoints,
    lifecycle,
    parameters,
    request_body,
    responses,
    schemas,
    security,
    servers,
    vendors,
)
from .registry import run_checks

__all__ = ["RULES", "evaluate", "merge_causes", "run_checks"]

# Several changes of one cause (``findings.Cause``), made one finding by ``merge_causes``.
# Its level is the most severe of its parts'; this one is the level of its test case.
SCHEMA_REPLACED = Rule(
    "schema-replaced",
    Level.INFO,
    Direction.NONE,
    "the schema {old} was replaced by {new}: properties added: {added}; removed: {removed}",
)

RULES: dict[str, Rule] = {
    SCHEMA_REPLACED.id: SCHEMA_REPLACED,
    **{
        rule.id: rule
        for family in (
            endpoints,
            lifecycle,
            parameters,
            request_body,
            responses,
            schemas,
            security,
            servers,
            vendors,
        )
        for rule in family.RULES
    },
}


def evaluate(
    changes: Iterable[Change], vendor: str, levels: dict[str, Level] | None = None
) -> list[Finding]:
    """Judge changes: each becomes a finding of one place at its rule's level (or the configured
    one); ``group_findings`` merges those of one cause."""
    findings = []
    for change in changes:
        rule = RULES[change.rule_id]
        findings.append(
            Finding(
                rule_id=rule.id,
                level=(levels or {}).get(rule.id, rule.level),
                vendor=vendor,
                message=rule.summary.format(**dict(change.args)),
                args=change.args,
                places=(
                    Place(
                        change.method, change.path, change.location, change.base, change.revision
                    ),
                ),
                cause=change.cause,
            )
        )
    return sorted(set(findings), key=Finding.sort_key)


def merge_causes(findings: Iterable[Finding]) -> list[Finding]:
    """The findings of one replaced schema (``Finding.cause``), when there are several, made
    one ``schema-replaced`` finding: at the level of the most severe, placed where the schema
    is used, each of them kept as a part. A cause of one change stays that change's finding."""
    merged: list[Finding] = []
    by_cause: dict[tuple[str, ...], list[Finding]] = {}
    for finding in findings:
        if finding.cause is None:
            merged.append(finding)
        else:
            by_cause.setdefault((finding.vendor, *finding.cause.key()), []).append(finding)
    for group in by_cause.values():
        parts = sorted(
            {Part(f.rule_id, f.level, f.message, f.args) for f in group},
            key=lambda p: (p.level, p.rule_id, p.args),
        )
        if len(parts) < 2:
            merged.extend(group)
            continue
        cause = group[0].cause
        assert cause is not None  # grouped by it
        names = {
            kind: ", ".join(sorted({dict(p.args)["name"] for p in parts if kind in p.rule_id}))
            or "none"
            for kind in ("added", "removed")
        }
        args = (
            ("old", f"#{cause.base.pointer}"),
            ("new", f"#{cause.revision.pointer}"),
            *names.items(),
        )
        places = {
            Place(p.method, p.path, cause.location, cause.base, cause.revision)
            for f in group
            for p in f.places
        }
        merged.append(
            Finding(
                rule_id=SCHEMA_REPLACED.id,
                level=min(p.level for p in parts),
                vendor=group[0].vendor,
                message=SCHEMA_REPLACED.summary.format(**dict(args)),
                args=args,
                places=tuple(sorted(places, key=Place.sort_key)),
                parts=tuple(parts),
            )
        )
    return sorted(merged, key=Finding.sort_key)
