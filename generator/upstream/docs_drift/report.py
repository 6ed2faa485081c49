"""Plain lines for a person: each finding where to look first (the page's row, else the
spec node), then the row, the spec node and the entry that would accept it."""

from __future__ import annotations

import json

from . import VendorDrift
from .accepted import Entry
from .compare import NOUNS, SPEC_ONLY, Finding


def render(drift: VendorDrift, *, show_accepted: bool = False) -> str:
    lines: list[str] = []
    for finding in drift.findings:
        if show_accepted or not finding.accepted:
            lines.extend(_finding(finding, drift.accepted_file))
    for entry in drift.stale:
        lines.extend(_stale(entry))
    open_findings = sum(not f.accepted for f in drift.findings)
    tables = sum(p.tables for p in drift.pages)
    field_tables = sum(p.field_tables for p in drift.pages)
    rows = sum(p.rows for p in drift.pages)
    summary = (
        f"{drift.vendor}: {len(drift.pages)} page(s), {tables} table(s) ({field_tables} of "
        f"parameters or fields, {rows} row(s)); {len(drift.findings)} finding(s), "
        f"{len(drift.findings) - open_findings} accepted in {drift.accepted_file}, "
        f"{open_findings} to review"
    )
    if drift.stale:
        summary += f"; {len(drift.stale)} accepted entry(ies) match nothing"
    lines.append(summary)
    return "\n".join(lines) + "\n"


def _finding(finding: Finding, accepted_file: str) -> list[str]:
    row = finding.row
    # A field the docs do not list is best looked at in the spec; the rest on the page.
    on_page = row is not None and (finding.kind != SPEC_ONLY or finding.spec_at is None)
    first = f"{row.file}:{row.line}" if row and on_page else str(finding.spec_at)
    lines = [f"{first}: {finding.kind}: {finding.message}"]
    if row is None:
        noun = NOUNS.get(finding.location, finding.location)
        lines.append(f"  docs: the page has no table of {noun}s")
    elif finding.kind == SPEC_ONLY:
        lines.append(f'  docs: not in table {row.table} "{row.heading}" ({row.file}:{row.line})')
    else:
        rest = f", row {row.row}" if row.row else ""
        lines.append(f'  docs: table {row.table} "{row.heading}"{rest}')
    if finding.spec_at is not None and on_page:
        lines.append(f"  spec: {finding.spec_at} ({finding.spec_at.pointer})")
    elif finding.spec_at is not None:
        lines.append(f"  at: {finding.spec_at.pointer}")
    if finding.accepted:
        lines.append(f"  accepted: {finding.accepted}")
    else:
        entry = {"page": finding.page, "finding": finding.kind}
        if finding.location:
            entry["location"] = finding.location
        entry["name"] = finding.name
        if finding.docs or finding.spec:
            entry |= {"docs": finding.docs, "spec": finding.spec}
        entry["reason"] = "..."
        lines.append(f"  to accept it, add to {accepted_file}: - {json.dumps(entry)}")
    return lines


def _stale(entry: Entry) -> list[str]:
    values = f" ({entry.docs} in the docs, {entry.spec} in the spec)" if entry.docs else ""
    noun = NOUNS.get(entry.location, entry.location)
    return [
        f"{entry.where}: stale-acceptance: the accepted {entry.finding} of {noun} "
        f"{entry.name}{values} on page {entry.page} matches no finding",
        "  hint: the page or the spec changed; remove the entry, or correct it",
    ]
