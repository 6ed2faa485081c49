"""Levels proven by our clients: each rule case's base client, generated and run against its
revision (tests/diff/impact_harness.py), breaks or copes as the case's ``client`` says, and
the levels agree:

- a client that breaks has a breaking finding, unless the deprecation or stability policy
  lowers it (``policy`` says how: removed after its sunset, a draft operation);
- a breaking finding where the client copes names the guarantee of the base spec that code
  may rely on and the revision withdraws (``withdrawn``).

``client`` is the outcome alone, or a mapping with it (``outcome``) and those reasons; where
the harness's own values do not reach a change, ``request`` (arguments of the base client's
method) or ``response`` (a body the revision allows), by operationId, give the case's own.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from generator.diff import assess
from generator.spec.load import Document
from tests.diff.impact_harness import BaseClient, Outcome, generate_clients, run_case
from tests.diff.test_rules import BASE, CASES, POLICY, _apply

pytestmark = pytest.mark.slow  # a client generated for each distinct base of the cases


def _client_entry(case: dict[str, Any]) -> dict[str, Any]:
    entry = case["client"]
    return {"outcome": entry} if isinstance(entry, str) else dict(entry)


def _base_key(case: dict[str, Any]) -> str:
    return json.dumps(case.get("base", []), sort_keys=True)


@pytest.fixture(scope="module")
def clients(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BaseClient]:
    """Every distinct base of the cases, generated once."""
    bases = {_base_key(case): _apply(BASE, case.get("base", [])) for case in CASES.values()}
    return generate_clients(bases, tmp_path_factory.mktemp("impact"))


def impact(name: str, clients: dict[str, BaseClient]) -> tuple[Outcome, list[Any]]:
    case = CASES[name]
    entry = _client_entry(case)
    base: Document = _apply(BASE, case.get("base", []))
    revision = _apply(BASE, case.get("revision", []))
    _, findings = assess(base, revision, "v", policy=POLICY)
    methods = {str(e[2]) for e in case["expect"] if e[2] in ("GET", "PUT", "POST", "DELETE")}
    outcome = run_case(
        clients[_base_key(case)],
        base,
        revision,
        methods,
        responses=entry.get("response"),
        requests=entry.get("request"),
    )
    return outcome, findings


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_client_breaks_or_copes_as_the_level_says(
    name: str, clients: dict[str, BaseClient]
) -> None:
    entry = _client_entry(CASES[name])
    outcome, findings = impact(name, clients)
    assert outcome.label == entry["outcome"], outcome.evidence
    breaking = [f.rule_id for f in findings if f.level.label == "breaking"]
    if outcome.breaks:
        assert breaking or entry.get(
            "policy"
        ), f"the client breaks, and no finding is breaking: {outcome.evidence}"
    elif breaking:
        assert entry.get(
            "withdrawn"
        ), f"{breaking} breaking where the client copes: name the guarantee it withdraws"
