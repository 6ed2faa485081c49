"""The rule corpus: each case changes tests/diff/base.yaml with overlay actions and lists
exactly the findings it must produce, one line per place a finding reaches: rule id, level and
method, and nothing else. Each also says what its base client does against the revision
(``client``: breaks or copes), which test_client_impact.py proves."""

from __future__ import annotations

import copy
import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.diff import Policy, assess
from generator.diff.rules import RULES
from generator.spec.load import Document, load_document
from generator.spec.overlay import apply_overlay

HERE = Path(__file__).parent
# The day the cases are judged on: sunset dates in them are before or after it.
POLICY = Policy(today=datetime.date(2026, 6, 1))
BASE = load_document(HERE / "base.yaml", "base.yaml")
MACROS = {
    "$PUT": "$.paths['/customers/{customerId}'].put",
    "$GET": "$.paths['/customers'].get",
    "$S": "$.components.schemas",
}


def _cases() -> dict[str, dict[str, Any]]:
    cases: dict[str, dict[str, Any]] = {}
    for path in sorted((HERE / "cases").glob("*.yaml")):
        for name, case in yaml.safe_load(path.read_text(encoding="utf-8")).items():
            assert name not in cases, f"duplicate case {name}"
            cases[name] = case
    return cases


CASES = _cases()


def _apply(document: Document, actions: list[dict[str, Any]]) -> Document:
    if not actions:
        return document
    prepared = []
    for action in copy.deepcopy(actions):
        for macro, target in MACROS.items():
            action["target"] = action["target"].replace(macro, target)
        prepared.append({"description": "test case", **action})
    overlay = Document({"overlay": "1.0.0", "info": {}, "actions": prepared}, "case-overlay")
    return apply_overlay(document, overlay)


@pytest.mark.parametrize("name", sorted(CASES))
def test_case(name: str) -> None:
    case = CASES[name]
    base = _apply(BASE, case.get("base", []))
    revision = _apply(BASE, case.get("revision", []))
    _, findings = assess(base, revision, "v", policy=POLICY)
    # Each place a finding reaches: a case lists the operations its change reaches.
    found = sorted((f.rule_id, f.level.label, p.method) for f in findings for p in f.places)
    assert found == sorted(tuple(e) for e in case["expect"])


def test_every_rule_has_a_case() -> None:
    covered = {e[0] for case in CASES.values() for e in case["expect"]} | {
        "vendor-added",
        "vendor-removed",
    }
    assert sorted(set(RULES) - covered) == []


def test_rule_ids_are_kebab_case_and_messages_format() -> None:
    for rule in RULES.values():
        assert rule.id == rule.id.lower() and " " not in rule.id and "_" not in rule.id
        assert rule.summary and (rule.summary[0].islower() or rule.summary[0] == "{")


def test_every_case_states_what_its_client_does() -> None:
    """test_client_impact.py checks it, in the slow group; this says early that it is missing."""
    for name, case in CASES.items():
        entry = case.get("client")
        outcome = entry.get("outcome") if isinstance(entry, dict) else entry
        assert outcome in ("breaks", "copes"), f"{name}: client: breaks or copes"
