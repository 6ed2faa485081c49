"""Machine-readable report. The schema is versioned ("spec-diff/1") and documented in README.md."""

from __future__ import annotations

import json

from ...core.errors import SourceRef
from .. import DiffReport
from ..findings import Level
from ..rules import RULES

SCHEMA = "spec-diff/1"


def _where(ref: SourceRef | None) -> dict[str, object] | None:
    if ref is None:
        return None
    return {"file": ref.file, "line": ref.line, "column": ref.column, "pointer": ref.pointer}


def render(report: DiffReport) -> str:
    document = {
        "schema": SCHEMA,
        "base": report.base,
        "revision": report.revision,
        "summary": {
            **{level.label: sum(1 for f in report.findings if f.level is level) for level in Level},
            "blocking": len(report.blocking),
        },
        "vendors": [
            {
                "name": vendor.name,
                "status": vendor.status,
                "findings": [
                    {
                        "id": f.rule_id,
                        "level": f.level.label,
                        "direction": RULES[f.rule_id].direction.value,
                        # The first place, as before findings had several.
                        "method": f.first.method,
                        "path": f.first.path,
                        "location": f.first.location,
                        "message": f.message,
                        "args": dict(f.args),
                        "fingerprint": f.fingerprint,
                        "allowlisted": f.allowlisted or None,
                        "base": _where(f.first.base),
                        "revision": _where(f.first.revision),
                        "places": [
                            {
                                "method": p.method,
                                "path": p.path,
                                "location": p.location,
                                "fingerprint": f.place_fingerprint(p),
                                "allowlisted": p.allowlisted or None,
                                "base": _where(p.base),
                                "revision": _where(p.revision),
                            }
                            for p in f.places
                        ],
                        # The changes of one cause made one finding (schema-replaced).
                        "parts": [
                            {
                                "id": part.rule_id,
                                "level": part.level.label,
                                "message": part.message,
                                "args": dict(part.args),
                            }
                            for part in f.parts
                        ],
                    }
                    for f in vendor.findings
                ],
                "client_impact": [
                    {
                        "symbol": i.symbol,
                        "change": i.change,
                        "detail": i.detail,
                        "breaks_callers": i.breaks_callers,
                    }
                    for i in vendor.impact
                ],
                "generator_files": list(vendor.generator_files),
            }
            for vendor in report.vendors
        ],
        "generator_inputs": list(report.generator_inputs),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
