"""GitHub Actions workflow commands: one annotation per finding, on the spec line it concerns."""

from __future__ import annotations

from .. import DiffReport
from ..findings import Level, group_findings

_COMMAND = {Level.BREAKING: "error", Level.WARNING: "warning", Level.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: DiffReport) -> str:
    lines = []
    for group in group_findings(report.findings):
        finding = group[0]
        command = "notice" if finding.allowlisted else _COMMAND[finding.level]
        where = finding.revision or finding.base
        props = [f"title={_property(finding.rule_id)}"]
        if where is not None:
            props.insert(0, f"file={_property(where.file)}")
            if where.line:
                props[1:1] = [f"line={where.line}", f"col={where.column or 1}"]
        text = (
            f"{finding.vendor} {finding.operation} {finding.location}: {finding.message}".replace(
                "  ", " "
            )
        )
        if len(group) > 1:
            text += f" (and {len(group) - 1} more places using the same schema)"
        if finding.allowlisted:
            text += f" (allowlisted: {finding.allowlisted})"
        lines.append(f"::{command} {','.join(props)}::{_data(text)}")
    return "\n".join(lines) + ("\n" if lines else "")
