"""Diagnostics: what went wrong in a spec, where, and what to do about it."""

from __future__ import annotations

import enum
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A place in an input file: always a JSON pointer, with line and column when known."""

    file: str
    pointer: str = ""
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        if self.line is not None:
            return f"{self.file}:{self.line}:{self.column or 1}"
        return f"{self.file}#{self.pointer}" if self.pointer else self.file


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    severity: Severity
    message: str
    where: SourceRef
    hint: str = ""

    def format(self) -> str:
        lines = [f"{self.where}: {self.severity.value}[{self.code}]: {self.message}"]
        if self.where.pointer and self.where.line is not None:
            # The node in the document's terms, for an overlay action's target.
            lines.append(f"  at: {self.where.pointer}")
        if self.hint:
            lines.append(f"  hint: {self.hint}")
        return "\n".join(lines)

    def as_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "file": self.where.file,
            "line": self.where.line,
            "column": self.where.column,
            "pointer": self.where.pointer,
            "hint": self.hint,
        }


class SpecError(Exception):
    """One or more error diagnostics; raised once a stage has collected all of them."""

    def __init__(self, diagnostics: list[Diagnostic] | tuple[Diagnostic, ...]) -> None:
        self.diagnostics = tuple(diagnostics)
        super().__init__("\n".join(d.format() for d in self.diagnostics))

    def __reduce__(self) -> tuple[type[SpecError], tuple[tuple[Diagnostic, ...]]]:
        # As raised in a worker process: made again from its diagnostics, not its message.
        return SpecError, (self.diagnostics,)


def quote_value(value: object, limit: int = 80) -> str:
    """A spec value for a message: repr'd (control characters escaped) and truncated."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
