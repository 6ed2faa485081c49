"""Rendered code that is not Python (format.py parses each file before formatting it), or
that the formatters fail on, is our bug: it is reported at the schema or operation whose
code it is, as an error that says so, not as the formatter's exception."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from ..core.errors import Diagnostic, Severity, SourceRef, quote_value
from ..ir import Api

_DEF = re.compile(r"^\s*(?:async\s+)?def\s+(\w+)\s*\(")
_MODEL = re.compile(r"^(?:class\s+(\w+)\b|(\w+)\s*(?::[^=]*)?=)")


def unparsable(api: Api, path: PurePosixPath, text: str, line: int, problem: str) -> Diagnostic:
    """``problem`` (what is wrong with the code at ``line`` of ``path``: "is not Python
    (invalid syntax)") at what that code was generated from: an operation (a resource's
    method), a model (a class or alias of the models), else the spec as a whole."""
    lines = text.splitlines()
    number = min(max(line, 1), len(lines) or 1)
    what, where = "the client", SourceRef(api.spec_file)
    if path.parts[0] == "models" or path.name == "models.py":
        found = _enclosing(lines, number, _MODEL)
        model = max(
            (m for m in api.models if found and found.startswith(m.name)),
            key=lambda m: len(m.name),
            default=None,
        )
        if model is not None:
            what, where = f"the schema of model {model.name}", model.where
    elif path.parts[0] == "resources":
        found = _enclosing(lines, number, _DEF)
        operation = next(
            (
                op
                for resource in api.resources
                if resource.py_name == path.stem
                for op in resource.operations
                if op.py_name == found
            ),
            None,
        )
        if operation is not None:
            label = f"{operation.method.upper()} {operation.path}"
            if operation.wire_name:
                label = f"{operation.wire_name} ({label})"
            what, where = f"operation {label}", operation.where
    code = lines[number - 1].strip() if lines else ""
    return Diagnostic(
        "unparsable-code",
        Severity.ERROR,
        f"the code generated for {what} {problem}: line {number} of {path}, "
        f"{quote_value(code)}",
        where,
        "a bug in the generator: tell us; meanwhile an overlay can simplify what is named here",
    )


def _enclosing(lines: list[str], number: int, pattern: re.Pattern[str]) -> str | None:
    """The name the nearest line at or above ``number`` that matches ``pattern`` defines."""
    for line in reversed(lines[:number]):
        match = pattern.match(line)
        if match:
            return next(group for group in match.groups() if group)
    return None
