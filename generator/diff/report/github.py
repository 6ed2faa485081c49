"""GitHub Actions workflow commands: one annotation per finding, on the spec line of its first
place, naming the first few other places it reaches and how many there are."""

from __future__ import annotations

from .. import DiffReport
from ..findings import Level

_COMMAND = {Level.BREAKING: "error", Level.WARNING: "warning", Level.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


# Places named in an annotation after the first; the JSON report has every one.
_PLACES_SHOWN = 3


def render(report: DiffReport) -> str:
    lines = []
    for finding in report.findings:
        first = finding.first
        command = "notice" if finding.allowlisted else _COMMAND[finding.level]
        where = first.revision or first.base
        props = [f"title={_property(finding.rule_id)}"]
        if where is not None:
            props.insert(0, f"file={_property(where.file)}")
            if where.line:
                props[1:1] = [f"line={where.line}", f"col={where.column or 1}"]
        text = f"{finding.vendor} {first.operation} {first.location}: {finding.message}".replace(
            "  ", " "
        )
        if len(finding.places) > 1:
            others = [f"{p.operation} {p.location}".strip() for p in finding.places[1:]]
            shown = "; ".join(others[:_PLACES_SHOWN])
            rest = len(others) - _PLACES_SHOWN
            text += f" (and {len(others)} more places: {shown}{f'; ... {rest} more' if rest > 0 else ''})"
        if finding.allowlisted:
            text += f" (allowlisted: {finding.allowlisted})"
        lines.append(f"::{command} {','.join(props)}::{_data(text)}")
    return "\n".join(lines) + ("\n" if lines else "")
