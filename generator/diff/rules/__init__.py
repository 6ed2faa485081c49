"""Every rule, registered by its family module; ids are stable (allowlists name them).

A family module holds its rules (id, level, direction, message) and the checks that find
them: functions registered with ``@check(FactType)`` that read facts of the structural diff
(``diff/structure/``) and return changes. Importing this package registers them all;
``run_checks`` runs them over a structural diff.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..findings import Change, Finding, Level, Place, Rule
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

__all__ = ["RULES", "evaluate", "run_checks"]

RULES: dict[str, Rule] = {
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
            )
        )
    return sorted(set(findings), key=Finding.sort_key)
