"""The pull-request comment: a summary table per vendor first, details folded."""

from __future__ import annotations

import json
import re

from .. import DiffReport, VendorDiff
from ..findings import Finding, Level, group_findings

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
    """The allowlist entry of each breaking finding, one per operation it reaches."""
    entries = ["allow:"]
    for f in findings[:_ENTRIES_SHOWN]:
        # JSON strings are YAML double-quoted scalars: safe whatever the spec's text is.
        entries += [
            f"  - rule: {f.rule_id}",
            f"    vendor: {f.vendor}",
            f"    operation: {json.dumps(f.operation, ensure_ascii=False)}",
            f"    location: {json.dumps(f.location, ensure_ascii=False)}"
            f"   # or fingerprint: {f.fingerprint}",
            '    reason: "<why this break is accepted>"',
        ]
    text = "\n".join(entries)
    fence = "`" * max(3, max((len(r) for r in re.findall("`+", text)), default=0) + 1)
    block = [f"{fence}yaml", text, fence]
    if len(findings) > _ENTRIES_SHOWN:
        block.append(
            f"... and {len(findings) - _ENTRIES_SHOWN} more (`--format json` lists every "
            "finding with its fingerprint)."
        )
    return block


def _vendor(vendor: VendorDiff) -> list[str]:
    counts = (
        ", ".join(f"{vendor.count(level)} {level.label}" for level in Level if vendor.count(level))
        or "no findings"
    )
    lines = [f"<details><summary><b>{_cell(vendor.name)}</b>: {counts}</summary>", ""]
    if vendor.findings:
        lines += ["| level | rule | operation | where | change |", "|---|---|---|---|---|"]
        for group in group_findings(vendor.findings):
            f = group[0]
            level = f.level.label + (
                f" (allowlisted: {_cell(f.allowlisted)})" if f.allowlisted else ""
            )
            operation = _code(f.operation) if f.operation else "-"
            where = _cell(f.location)
            if len(group) > 1:
                # One change in a shared schema: one row, with the places it reaches.
                others = ", ".join(f"{_code(g.operation)} {_cell(g.location)}" for g in group[1:4])
                more = f", and {len(group) - 4} more" if len(group) > 4 else ""
                where += f" (also {others}{more})"
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
