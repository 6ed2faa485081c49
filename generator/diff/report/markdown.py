"""The pull-request comment: a summary table per vendor first, details folded."""

from __future__ import annotations

import json
import re

from .. import DiffReport, VendorDiff
from ..findings import Finding, Level

MARKER = "<!-- spec-diff-report -->"


def _one_line(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split("\n")).replace("\r", " ")


def _cell(text: str) -> str:
    """Plain text in a table cell: no column breaks, no HTML, no stray code spans."""
    return _one_line(text.replace("\\", "\\\\").replace("`", "\\`").replace("<", "&lt;"))


def _code(text: str) -> str:
    """A code span. Backslashes are literal inside one, so a text with backticks gets a longer fence."""
    if "`" not in text:
        return f"`{_one_line(text)}`"
    fence = "`" * (max(len(run) for run in re.findall("`+", text)) + 1)
    return f"{fence} {_one_line(text)} {fence}"


def render(report: DiffReport) -> str:
    lines = [MARKER, f"## Spec diff: {_code(report.base)} → {_cell(report.revision)}", ""]
    changed = [v for v in report.vendors if v.findings or v.generator_files]
    if not changed and not report.generator_inputs:
        lines.append("No vendor's API changed.")
        return "\n".join(lines) + "\n"
    lines += [
        "| vendor | status | breaking | warning | info | code using the client |",
        "|---|---|---:|---:|---:|---|",
    ]
    for vendor in report.vendors:
        calls = (
            "breaks"
            if vendor.breaks_callers
            else "unaffected" if vendor.impact or vendor.findings else "-"
        )
        lines.append(
            f"| {_cell(vendor.name)} | {vendor.status} | {vendor.count(Level.BREAKING)} | "
            f"{vendor.count(Level.WARNING)} | {vendor.count(Level.INFO)} | {calls} |"
        )
    blocking = report.blocking
    lines.append("")
    if blocking:
        lines.append(
            f"**{len(blocking)} breaking change(s) not in the allowlist.** Accept one on purpose by adding "
            "its rule id and location (or fingerprint) with a reason to `specs/spec-diff-allowlist.yaml`:"
        )
        lines += ["", *_allowlist_entries(blocking)]
    else:
        lines.append("No breaking change outside the allowlist.")
    for vendor in changed:
        lines += ["", *_vendor(vendor)]
    lines += ["", "### Generator changes", ""]
    if report.generator_inputs:
        lines.append(
            "Changed outside `specs/`: "
            + ", ".join(_code(p) for p in report.generator_inputs)
            + "."
        )
        for vendor in report.vendors:
            if vendor.generator_files:
                files = ", ".join(_code(f) for f in vendor.generator_files)
                lines.append(f"- {_cell(vendor.name)}: the generator change alone rewrites {files}")
    else:
        lines.append("None: everything above comes from `specs/`.")
    return "\n".join(lines) + "\n"


# Entries shown ready to paste; the JSON report has every finding's fingerprint.
_ENTRIES_SHOWN = 30


def _allowlist_entries(findings: tuple[Finding, ...]) -> list[str]:
    """The allowlist entry of each breaking finding: its place, or, for a finding that
    reaches several, its own fingerprint (which accepts every place)."""
    entries = ["allow:"]
    for f in findings[:_ENTRIES_SHOWN]:
        entries += [f"  - rule: {f.rule_id}", f"    vendor: {f.vendor}"]
        if len(f.places) > 1:
            entries.append(
                f"    fingerprint: {f.fingerprint}   # all {len(f.places)} places; one place: "
                "its operation and location"
            )
        else:
            # JSON strings are YAML double-quoted scalars: safe whatever the spec's text is.
            entries += [
                f"    operation: {json.dumps(f.first.operation, ensure_ascii=False)}",
                f"    location: {json.dumps(f.first.location, ensure_ascii=False)}"
                f"   # or fingerprint: {f.place_fingerprint(f.first)}",
            ]
        entries.append('    reason: "<why this break is accepted>"')
    text = "\n".join(entries)
    fence = "`" * max(3, max((len(r) for r in re.findall("`+", text)), default=0) + 1)
    block = [f"{fence}yaml", text, fence]
    if len(findings) > _ENTRIES_SHOWN:
        block.append(
            f"... and {len(findings) - _ENTRIES_SHOWN} more (`--format json` lists every "
            "finding with its fingerprint)."
        )
    return block


# Places named in a row after the first; the JSON report has every one.
_PLACES_SHOWN = 3


def _vendor(vendor: VendorDiff) -> list[str]:
    counts = (
        ", ".join(f"{vendor.count(level)} {level.label}" for level in Level if vendor.count(level))
        or "no findings"
    )
    lines = [f"<details><summary><b>{_cell(vendor.name)}</b>: {counts}</summary>", ""]
    if vendor.findings:
        lines += ["| level | rule | operation | where | change |", "|---|---|---|---|---|"]
        for f in vendor.findings:
            level = f.level.label
            accepted = sum(1 for p in f.places if p.allowlisted)
            if f.allowlisted:
                level += f" (allowlisted: {_cell(f.allowlisted)})"
            elif accepted:
                level += f" (allowlisted in {accepted} of {len(f.places)} places)"
            operation = _code(f.first.operation) if f.first.operation else "-"
            where = _cell(f.first.location)
            if len(f.places) > 1:
                # One cause in many places: one row, the first few of them and a count.
                others = [f"{_code(p.operation)} {_cell(p.location)}" for p in f.places[1:]]
                more = len(others) - _PLACES_SHOWN
                listed = ", ".join(others[:_PLACES_SHOWN]) + (
                    f", and {more} more" if more > 0 else ""
                )
                where += f" (also {listed}; {len(f.places)} places in all)"
            lines.append(
                f"| {level} | {_code(f.rule_id)} | {operation} | {where} | {_cell(f.message)} |"
            )
    if vendor.impact:
        lines += ["", "Client impact:", "", "| symbol | change | breaks callers |", "|---|---|---|"]
        for item in vendor.impact:
            lines.append(
                f"| {_code(item.symbol)} | {_cell(item.detail)} | {'yes' if item.breaks_callers else 'no'} |"
            )
    lines += ["", "</details>"]
    return lines
