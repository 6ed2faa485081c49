"""One finding per cause: a change to one schema, or the same change to the same parameter on
many operations, is one finding listing every place it reaches; the allowlist accepts one place
or the whole finding."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import yaml

from generator.diff import DiffReport, Finding, Level, VendorDiff, assess, diff_specs
from generator.diff.allowlist import Entry, apply_allowlist, load_allowlist
from generator.diff.report import github, markdown
from generator.diff.report import json as json_report
from generator.spec.load import load_document


def _spec(operations: int, *, shared_name: bool = True, header: dict[str, Any]) -> dict[str, Any]:
    """``operations`` GETs, each with its own (inline) copy of one header parameter, all
    returning the one shared schema ``Item``."""
    required = ["id", "name"] if shared_name else ["id"]
    properties: dict[str, Any] = {"id": {"type": "string"}}
    if shared_name:
        properties["name"] = {"type": "string"}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Grouping", "version": "1"},
        "servers": [{"url": "https://api.example.test"}],
        "paths": {
            f"/items{i:02d}": {
                "get": {
                    "operationId": f"getItem{i:02d}",
                    "tags": ["items"],
                    "parameters": [
                        {"name": "X-Api-Version", "in": "header", **copy.deepcopy(header)}
                    ],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Item"}
                                }
                            },
                        }
                    },
                }
            }
            for i in range(operations)
        },
        "components": {
            "schemas": {"Item": {"type": "object", "required": required, "properties": properties}}
        },
    }


HEADER = {"schema": {"type": "string", "default": "2024-01-01"}}


def _assess(tmp_path: Path, base: dict[str, Any], revision: dict[str, Any]) -> list[Finding]:
    paths = []
    for name, spec in (("base", base), ("revision", revision)):
        path = tmp_path / f"{name}.yaml"
        path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
        paths.append(path)
    _, findings = assess(load_document(paths[0]), load_document(paths[1]), "v")
    return findings


def _report(findings: list[Finding]) -> DiffReport:
    return DiffReport("base", "rev", (VendorDiff("v", "changed", tuple(findings), ()),))


def test_a_shared_schema_change_reached_through_50_operations_is_one_finding(
    tmp_path: Path,
) -> None:
    findings = _assess(
        tmp_path, _spec(50, header=HEADER), _spec(50, shared_name=False, header=HEADER)
    )
    (finding,) = findings
    assert (finding.rule_id, finding.level) == (
        "response-required-property-removed",
        Level.BREAKING,
    )
    assert [p.operation for p in finding.places] == [f"GET /items{i:02d}" for i in range(50)]
    report = _report(findings)
    document = json.loads(json_report.render(report))
    assert document["summary"] == {"breaking": 1, "warning": 0, "info": 0, "blocking": 1}
    (listed,) = document["vendors"][0]["findings"]
    assert len(listed["places"]) == 50
    assert len({p["fingerprint"] for p in listed["places"]}) == 50
    # Markdown and annotations: the first place, the next few, and a count.
    row = next(line for line in markdown.render(report).splitlines() if "`GET /items00`" in line)
    assert "`GET /items01` response 200: name" in row and "`GET /items04`" not in row
    assert "and 46 more; 50 places in all" in row
    (annotation,) = github.render(report).splitlines()
    assert "v GET /items00 response 200: name:" in annotation
    assert "(and 49 more places: GET /items01 response 200: name;" in annotation
    assert "; ... 46 more)" in annotation


def test_one_parameter_default_changed_on_40_operations_is_one_finding(tmp_path: Path) -> None:
    changed = {"schema": {"type": "string", "default": "2025-06-01"}}
    findings = _assess(tmp_path, _spec(40, header=HEADER), _spec(40, header=changed))
    (finding,) = findings
    assert finding.rule_id == "request-parameter-default-changed"
    assert dict(finding.args) == {"old": "2024-01-01", "new": "2025-06-01"}
    assert {p.location for p in finding.places} == {"header parameter X-Api-Version"}
    assert len({p.operation for p in finding.places}) == 40
    assert VendorDiff("v", "changed", tuple(findings), ()).count(Level.BREAKING) == 1


def test_the_same_change_in_different_places_of_operations_stays_apart(tmp_path: Path) -> None:
    """Two parameters whose defaults change the same way are two causes."""
    base, revision = _spec(3, header=HEADER), _spec(3, header=HEADER)
    for spec, default in ((base, "2024-01-01"), (revision, "2025-06-01")):
        for item in spec["paths"].values():
            item["get"]["parameters"].append(
                {
                    "name": "X-Other",
                    "in": "header",
                    "schema": {"type": "string", "default": default},
                }
            )
    for item in revision["paths"].values():
        item["get"]["parameters"][0]["schema"]["default"] = "2025-06-01"
    findings = _assess(tmp_path, base, revision)
    assert sorted((f.first.location, len(f.places)) for f in findings) == [
        ("header parameter X-Api-Version", 3),
        ("header parameter X-Other", 3),
    ]


def _entry(**fields: str) -> Entry:
    values = {"operation": "", "location": "", "fingerprint": "", "reason": "accepted"} | fields
    return Entry(rule="response-required-property-removed", vendor="v", **values)


def test_the_allowlist_accepts_one_place_or_the_whole_finding(tmp_path: Path) -> None:
    (finding,) = _assess(
        tmp_path, _spec(50, header=HEADER), _spec(50, shared_name=False, header=HEADER)
    )
    one_place = _entry(operation="GET /items07", location="response 200: name")
    (partly,) = apply_allowlist([finding], (one_place,))
    assert [p.operation for p in partly.places if p.allowlisted] == ["GET /items07"]
    assert partly.blocking and not partly.allowlisted
    assert "(allowlisted in 1 of 50 places)" in markdown.render(_report([partly]))
    by_place_fingerprint = _entry(fingerprint=finding.place_fingerprint(finding.places[3]))
    (partly,) = apply_allowlist([finding], (by_place_fingerprint,))
    assert [p.operation for p in partly.places if p.allowlisted] == ["GET /items03"]
    (whole,) = apply_allowlist([finding], (_entry(fingerprint=finding.fingerprint),))
    assert whole.allowlisted == "accepted" and not whole.blocking
    assert all(p.allowlisted == "accepted" for p in whole.places)
    assert _report([whole]).blocking == ()
    every_place = tuple(
        _entry(operation=p.operation, location=p.location, reason=f"r{i % 2}")
        for i, p in enumerate(finding.places)
    )
    (each,) = apply_allowlist([finding], every_place)
    assert each.allowlisted == "r0; r1" and not each.blocking


def test_the_cause_fingerprint_does_not_depend_on_the_places_reached(tmp_path: Path) -> None:
    """Nor on the folder the files are read from (the base is often a temporary copy)."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    base, revision = _spec(3, header=HEADER), _spec(3, shared_name=False, header=HEADER)
    (few,) = _assess(tmp_path / "a", base, revision)
    (many,) = _assess(
        tmp_path / "b", _spec(9, header=HEADER), _spec(9, shared_name=False, header=HEADER)
    )
    assert few.fingerprint == many.fingerprint
    assert few.place_fingerprint(few.first) == many.place_fingerprint(many.first)


def test_the_client_impact_names_every_method_a_grouped_finding_reaches(tmp_path: Path) -> None:
    optional = {"schema": {"type": "string"}}
    required = {"required": True, **copy.deepcopy(optional)}
    for side, header in (("a", optional), ("b", required)):
        folder = tmp_path / side / "specs" / "grouping"
        folder.mkdir(parents=True)
        (folder / "openapi.yaml").write_text(yaml.safe_dump(_spec(12, header=header)))
    report = diff_specs(
        tmp_path / "a" / "specs", tmp_path / "b" / "specs", base_label="a", revision_label="b"
    )
    (vendor,) = report.vendors
    (finding,) = vendor.findings
    assert finding.rule_id == "request-parameter-became-required" and len(finding.places) == 12
    text = markdown.render(report)
    for i in range(12):
        assert f"`GroupingClient.items{i:02d}.get_item{i:02d}(x_api_version)`" in text


def test_the_entry_the_report_gives_for_a_grouped_finding_accepts_all_of_it(
    tmp_path: Path,
) -> None:
    findings = _assess(
        tmp_path, _spec(50, header=HEADER), _spec(50, shared_name=False, header=HEADER)
    )
    text = markdown.render(_report(findings))
    entry = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    assert "all 50 places" in entry and "operation:" not in entry
    allowlist = tmp_path / "allow.yaml"
    allowlist.write_text(entry.replace("<why this break is accepted>", "migrated"))
    (accepted,) = apply_allowlist(findings, load_allowlist(allowlist, "allow.yaml"))
    assert accepted.allowlisted == "migrated" and not accepted.blocking


def test_a_union_reached_under_different_names_is_one_finding(tmp_path: Path) -> None:
    """The issue's case: one variant added to a union that many responses reach, each under
    a property of its own name."""

    def spec(variants: list[str]) -> dict[str, Any]:
        spec = _spec(10, header=HEADER)
        for i, item in enumerate(spec["paths"].values()):
            item["get"]["responses"]["200"]["content"]["application/json"]["schema"] = {
                "type": "object",
                "properties": {f"field{i}": {"$ref": "#/components/schemas/Union"}},
            }
        spec["components"]["schemas"] |= {
            "Union": {"oneOf": [{"$ref": f"#/components/schemas/{v}"} for v in variants]},
            **{v: {"type": "object", "properties": {v.lower(): {"type": "string"}}} for v in "ABC"},
        }
        return spec

    findings = _assess(tmp_path, spec(["A", "B"]), spec(["A", "B", "C"]))
    (finding,) = findings
    assert finding.rule_id == "response-property-one-of-branch-added"
    assert len(finding.places) == 10
    assert len({p.location for p in finding.places}) == 10


def test_a_schema_wrapped_under_a_new_property_is_one_finding_listing_its_parts(
    tmp_path: Path,
) -> None:
    """A property's schema moved under ``conditions`` (a real vendor's edit, issue 25): its
    properties removed and ``conditions`` added are one finding, at the most severe level of
    them, with every property in the JSON report."""
    base = _spec(5, header=HEADER)
    conditions = {
        "type": "object",
        "properties": {name: {"type": "string"} for name in ("$in", "$is", "$before")},
    }
    base["components"]["schemas"]["Conditions"] = conditions
    revision = copy.deepcopy(base)
    base["components"]["schemas"]["Item"]["properties"]["created"] = {
        "$ref": "#/components/schemas/Conditions"
    }
    revision["components"]["schemas"]["Item"]["properties"]["created"] = {
        "type": "object",
        "properties": {"conditions": {"$ref": "#/components/schemas/Conditions"}},
    }
    findings = _assess(tmp_path, base, revision)
    (finding,) = findings
    assert (finding.rule_id, finding.level) == ("schema-replaced", Level.WARNING)
    assert [p.operation for p in finding.places] == [f"GET /items{i:02d}" for i in range(5)]
    assert {p.location for p in finding.places} == {"response 200: created"}
    assert dict(finding.args)["added"] == "conditions"
    assert dict(finding.args)["removed"] == "$before, $in, $is"
    (listed,) = json.loads(json_report.render(_report(findings)))["vendors"][0]["findings"]
    assert sorted((p["id"], p["args"]["name"]) for p in listed["parts"]) == [
        ("response-optional-property-removed", "$before"),
        ("response-optional-property-removed", "$in"),
        ("response-optional-property-removed", "$is"),
        ("response-property-added", "conditions"),
    ]


def test_one_property_of_a_replaced_schema_is_its_own_finding(tmp_path: Path) -> None:
    """A cause of one change keeps that change's rule id (allowlists name it)."""
    base = _spec(2, header=HEADER)
    base["components"]["schemas"]["Other"] = {
        "type": "object",
        "required": ["id"],
        "properties": {"id": {"type": "string"}},
    }
    revision = copy.deepcopy(base)
    for spec, target in ((base, "Item"), (revision, "Other")):
        for path in spec["paths"].values():
            path["get"]["responses"]["200"]["content"]["application/json"]["schema"] = {
                "$ref": f"#/components/schemas/{target}"
            }
    (finding,) = _assess(tmp_path, base, revision)
    assert (finding.rule_id, dict(finding.args)) == (
        "response-required-property-removed",
        {"name": "name"},
    )
