"""What the spec-diff reports: changes (facts), rules (judgement) and findings."""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import PurePosixPath

from ..core.errors import SourceRef


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
class Cause:
    """A schema replaced at one place of use (another component, or an inline schema for a
    ``$ref``): where it is used, and the node on each side. The changes it makes there (the
    properties one has and the other has not) are one finding, not one each."""

    location: str
    base: SourceRef
    revision: SourceRef

    def key(self) -> tuple[str, ...]:
        return tuple(
            f"{PurePosixPath(r.file).name}#{r.pointer}" for r in (self.base, self.revision)
        )


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
    cause: Cause | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    level: Level
    direction: Direction
    summary: str  # the message template, with {placeholders} from a change's args


@dataclass(frozen=True, slots=True)
class Place:
    """Where a finding's change reaches: an operation (none for the vendor or the document)
    and a location in it, with the spec lines on each side."""

    method: str
    path: str
    location: str
    base: SourceRef | None
    revision: SourceRef | None
    allowlisted: str = ""  # the reason of the allowlist entry that covers this place

    @property
    def operation(self) -> str:
        return f"{self.method} {self.path}".strip()

    def sort_key(self) -> tuple[str, ...]:
        refs = (f"{r.file}#{r.pointer}" if r else "" for r in (self.base, self.revision))
        return (self.path, self.method, self.location, *refs)


@dataclass(frozen=True, slots=True)
class Part:
    """One change a finding of several is made of, as it would be reported on its own."""

    rule_id: str
    level: Level
    message: str
    args: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """One cause: one rule's judgement of one change, with every place it reaches.

    A change to a shared schema reaches each operation that uses it; the same change to the
    same parameter (or security requirement, or deprecation) on many operations is one cause
    too. ``places`` is never empty and is sorted; the first place is where reports point.
    """

    rule_id: str
    level: Level
    vendor: str
    message: str
    args: tuple[tuple[str, str], ...]
    places: tuple[Place, ...]
    allowlisted: str = ""  # the reason(s), when allowlist entries cover every place
    cause: Cause | None = None  # what the change stems from, when it can have others
    parts: tuple[Part, ...] = ()  # the changes of one cause, when there are several

    @property
    def first(self) -> Place:
        return self.places[0]

    @property
    def fingerprint(self) -> str:
        """The cause's: stable while the places it reaches come and go."""
        return _digest(self.rule_id, self.vendor, *_site(self.first), *map(str, self.args))

    def place_fingerprint(self, place: Place) -> str:
        """One place's (what a finding's fingerprint was before findings were grouped, so
        allowlist entries written then still match)."""
        return _digest(
            self.rule_id,
            self.vendor,
            place.method,
            place.path,
            place.location,
            *map(str, self.args),
        )

    @property
    def blocking(self) -> bool:
        """Breaking, and some place of it not accepted in the allowlist."""
        return self.level is Level.BREAKING and not self.allowlisted

    def sort_key(self) -> tuple[object, ...]:
        return (self.level, self.vendor, *self.first.sort_key(), self.rule_id, self.args)


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:12]


def _shared(ref: SourceRef | None) -> str:
    """The spec node a change is in, when many operations can reach it: anything outside an
    operation (components, another file). Inside an operation the node is that operation's."""
    if ref is None or not ref.pointer or ref.pointer.startswith(("/paths/", "/webhooks/")):
        return ""
    # The file's name, not its path: the base revision may be read from a temporary copy,
    # and the fingerprint must not change with it.
    return f"{PurePosixPath(ref.file).name}#{ref.pointer}"


def _site(place: Place) -> tuple[str, str, str]:
    """Where the cause is: the shared node(s) the change is in, or, for a change inside
    operations, its location there (the same parameter, the same security requirement)."""
    base, revision = _shared(place.base), _shared(place.revision)
    return (base, revision, "") if base or revision else ("", "", place.location)


def group_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings of one cause merged into one, with the places of all of them, sorted."""
    groups: dict[tuple[object, ...], list[Finding]] = {}
    for finding in findings:
        for place in finding.places:
            cause = (finding.rule_id, finding.level, finding.vendor, finding.message)
            key = (*cause, finding.args, *_site(place))
            groups.setdefault(key, []).append(replace(finding, places=(place,)))
    merged = []
    for group in groups.values():
        places = sorted({p for f in group for p in f.places}, key=Place.sort_key)
        merged.append(replace(group[0], places=tuple(places)))
    return sorted(merged, key=Finding.sort_key)
