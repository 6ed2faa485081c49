"""What the spec-diff reports: changes (facts), rules (judgement) and findings."""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import SourceRef


class Level(enum.IntEnum):
    """Ordered most severe first, so findings sort by it."""

    BREAKING = 0
    WARNING = 1
    INFO = 2

    @property
    def label(self) -> str:
        return self.name.lower()


class Direction(enum.Enum):
    REQUEST = "request"
    RESPONSE = "response"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between two effective specs, without judgement."""

    rule_id: str
    method: str
    path: str
    location: str
    args: tuple[tuple[str, str], ...] = ()
    base: SourceRef | None = None
    revision: SourceRef | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    level: Level
    direction: Direction
    summary: str  # the message template, with {placeholders} from a change's args


@dataclass(frozen=True, slots=True)
class Finding:
    rule_id: str
    level: Level
    vendor: str
    method: str
    path: str
    location: str
    message: str
    args: tuple[tuple[str, str], ...]
    base: SourceRef | None
    revision: SourceRef | None
    allowlisted: str = ""  # the allowlist entry's reason, when one covers this finding

    @property
    def fingerprint(self) -> str:
        key = "\0".join(
            [self.rule_id, self.vendor, self.method, self.path, self.location, *map(str, self.args)]
        )
        return hashlib.sha256(key.encode()).hexdigest()[:12]

    @property
    def operation(self) -> str:
        return f"{self.method} {self.path}".strip()

    def sort_key(self) -> tuple[object, ...]:
        return (
            self.level,
            self.vendor,
            self.path,
            self.method,
            self.rule_id,
            self.location,
            self.args,
        )


def group_findings(findings: Iterable[Finding]) -> list[list[Finding]]:
    """Findings of one change in one place of the spec (a shared schema), used in many places.

    Reports that a person reads show each group once; the JSON report keeps every finding.
    """
    groups: dict[tuple[object, ...], list[Finding]] = {}
    for finding in findings:
        ref = finding.revision or finding.base
        where = (
            (ref.file, ref.pointer) if ref is not None else (finding.operation, finding.location)
        )
        key = (finding.rule_id, finding.level, finding.message, finding.allowlisted, *where)
        groups.setdefault(key, []).append(finding)
    return list(groups.values())
