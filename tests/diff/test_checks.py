"""The checks of the rule families: each reads facts of the structural diff and names only
rules of its own family module, so that a rule and the check that finds it live together."""

from __future__ import annotations

import sys

from generator.diff.rules.registry import checks_for, walk
from generator.diff.structure import diff_structure
from tests.diff.test_rules import BASE, CASES, _apply


def test_checks_name_only_their_familys_rules() -> None:
    named_anywhere = set()
    for case in CASES.values():
        base, revision = _apply(BASE, case.get("base", [])), _apply(BASE, case.get("revision", []))
        for fact in walk(diff_structure(base, revision)):
            for check in checks_for(type(fact)):
                family = {rule.id for rule in sys.modules[check.__module__].RULES}
                named = {change.rule_id for change in check(fact)}
                assert named <= family, f"{check.__module__}.{check.__name__}: {named - family}"
                named_anywhere |= named
    assert named_anywhere  # the walk reached checks that fire
