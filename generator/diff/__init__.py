"""Spec diff: what changed between two revisions of specs/, what breaks, and which client code it touches.

A pipeline of its own: effective documents (overlay applied) -> compare (a structural
diff, ``structure/``, read by each rule family's checks, ``rules/``) -> lifecycle -> rules
-> findings; the client impact renders both revisions with the current generator.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..ir import Api, build_ir
from ..output.write import read_tree
from ..pipeline import (
    DIGEST_NAME,
    MODELS_NAME,
    Vendor,
    discover_vendors,
    effective_document,
    render_vendor,
)
from ..render import render_models
from ..spec.load import Document, load_document
from ..spec.openapi_validator import VALIDATED_NAME
from ..spec.swagger2 import read_as_openapi3
from ..spec.validate import validate_document
from .allowlist import Entry, apply_allowlist
from .compare import compare_documents
from .findings import Change, Finding, Level, Place, group_findings
from .impact import Impact, client_impact
from .lifecycle import Policy, judge_removals, relax_unstable, stability_changes, too_soon
from .rules import RULES, evaluate, merge_causes

__all__ = [
    "RULES",
    "DiffReport",
    "Finding",
    "Level",
    "Place",
    "Policy",
    "VendorDiff",
    "assess",
    "diff_files",
    "diff_specs",
]


@dataclass(frozen=True, slots=True)
class VendorDiff:
    name: str
    status: str  # added, removed, changed, unchanged
    findings: tuple[Finding, ...]
    impact: tuple[Impact, ...]
    generator_files: tuple[
        str, ...
    ] = ()  # files of generated/<vendor> the generator change rewrites

    def count(self, level: Level) -> int:
        return sum(1 for f in self.findings if f.level is level)

    @property
    def breaks_callers(self) -> bool:
        return any(i.breaks_callers for i in self.impact)


@dataclass(frozen=True, slots=True)
class DiffReport:
    base: str
    revision: str
    vendors: tuple[VendorDiff, ...]
    generator_inputs: tuple[str, ...] = field(default=())

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for v in self.vendors for f in v.findings)

    @property
    def blocking(self) -> tuple[Finding, ...]:
        """Breaking findings that the allowlist does not accept in every place they reach."""
        return tuple(f for f in self.findings if f.blocking)


def assess(
    base: Document,
    revision: Document,
    vendor: str,
    *,
    policy: Policy | None = None,
    levels: dict[str, Level] | None = None,
) -> tuple[list[Change], list[Finding]]:
    """compare -> deprecation and stability -> rules: the changes, and their findings, one per
    cause."""
    policy = policy or Policy()
    changes = judge_removals(base, compare_documents(base, revision), policy)
    changes += too_soon(changes, revision, policy)
    changes += stability_changes(base, revision, policy)
    judged = relax_unstable(evaluate(changes, vendor, levels), base, revision)
    return changes, group_findings(merge_causes(judged))


def _api(vendor: Vendor, document: Document) -> Api:
    document, _ = validate_document(document)
    return build_ir(document, vendor.name, vendor.display)


def diff_specs(
    base_specs: Path,
    revision_specs: Path,
    *,
    base_label: str,
    revision_label: str,
    allowlist: tuple[Entry, ...] = (),
    levels: dict[str, Level] | None = None,
    policy: Policy | None = None,
    impact: bool = True,
    base_generated: Path | None = None,
    generator_inputs: tuple[str, ...] = (),
    stale_overlay: bool = False,
) -> DiffReport:
    """``stale_overlay``: an overlay action that no longer applies is skipped (the update
    report names it), not an error."""

    def effective(vendor: Vendor) -> Document:
        return effective_document(vendor, stale_overlay=stale_overlay)[0]

    old = {v.name: v for v in discover_vendors(base_specs)} if base_specs.is_dir() else {}
    new = {v.name: v for v in discover_vendors(revision_specs)}
    vendors = []
    for name in sorted(old.keys() | new.keys()):
        old_doc = effective(old[name]) if name in old else None
        new_doc = effective(new[name]) if name in new else None
        if old_doc is None or new_doc is None:
            rule = "vendor-added" if old_doc is None else "vendor-removed"
            changes = [Change(rule, "", "", "vendor")]
            judged = evaluate(changes, name, levels)
            status = "added" if old_doc is None else "removed"
        else:
            changes, judged = assess(old_doc, new_doc, name, policy=policy, levels=levels)
            status = "changed" if changes else "unchanged"
        findings = apply_allowlist(judged, allowlist)
        effects: list[Impact] = []
        old_api = _api(old[name], old_doc) if old_doc is not None else None
        new_api = _api(new[name], new_doc) if new_doc is not None else None
        if impact and changes:
            effects = client_impact(
                old_api,
                new_api,
                list(render_models(old_api).values()) if old_api else [],
                list(render_models(new_api).values()) if new_api else [],
            )
        rewritten: tuple[str, ...] = ()
        if generator_inputs and base_generated is not None and old_api is not None:
            regenerated = render_vendor(old_api)
            committed = read_tree(base_generated / name)
            # The digests of the inputs and of the models' inputs change with any generator
            # change; they are not client code, nor is the validator's record.
            for record in (DIGEST_NAME, MODELS_NAME, VALIDATED_NAME):
                committed.pop(PurePosixPath(record), None)
                regenerated.pop(PurePosixPath(record), None)
            rewritten = tuple(
                str(p)
                for p in sorted(regenerated.keys() | committed.keys())
                if regenerated.get(p) != committed.get(p)
            )
        vendors.append(VendorDiff(name, status, tuple(findings), tuple(effects), rewritten))
    return DiffReport(base_label, revision_label, tuple(vendors), generator_inputs)


def diff_files(base: Path, revision: Path) -> DiffReport:
    """Two spec files compared as they are (as OpenAPI 3): no overlays, no client impact."""
    old, new = read_as_openapi3(load_document(base)), read_as_openapi3(load_document(revision))
    _, findings = assess(old, new, revision.stem)
    vendor = VendorDiff(revision.stem, "changed" if findings else "unchanged", tuple(findings), ())
    return DiffReport(str(base), str(revision), (vendor,))
