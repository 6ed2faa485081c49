"""specs/<vendor>/docs-drift-accepted.yaml: the differences from its documentation pages
that a hand-converted spec keeps on purpose, read with located errors.

    accepted:
      - page: 003_1d8f5e7411ae5dd8.txt
        finding: type-differs       # a kind of finding (compare.KINDS)
        location: body
        name: profiles.commChannels.primary
        docs: string                # what the docs say and what the spec says, where the kind
        spec: boolean               # compares values: another value is another finding
        reason: D1 ...
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from ...core.errors import Diagnostic, Severity, SourceRef, SpecError
from ...spec.load import Document, load_document
from ..source import Page, keys_problems
from .compare import DOCS_ONLY, KINDS, NOUNS, SPEC_ONLY, TABLE_UNPLACED, Finding

ACCEPTED_NAME = "docs-drift-accepted.yaml"
_CODE = "docs-accepted-invalid"
# Kinds whose finding is about a name alone: their entries give no docs or spec value.
_NAME_ONLY = frozenset({DOCS_ONLY, SPEC_ONLY, TABLE_UNPLACED})
_LOCATIONS = [k for k in NOUNS if k]


@dataclass(frozen=True, slots=True)
class Entry:
    page: str
    finding: str
    location: str
    name: str
    docs: str
    spec: str
    reason: str
    where: SourceRef

    def covers(self, finding: Finding) -> bool:
        return (self.page, self.finding, self.location, self.name, self.docs, self.spec) == (
            finding.page,
            finding.kind,
            finding.location,
            finding.name,
            finding.docs,
            finding.spec,
        )


def load_accepted(path: Path, display: str, pages: tuple[Page, ...]) -> tuple[Entry, ...]:
    if not path.exists():
        return ()
    document = load_document(path, display)
    problems = _keys(document, "", {"accepted": True}, text=False)
    data = document.data if isinstance(document.data, dict) else {}
    raw = data.get("accepted")
    if "accepted" in data and not isinstance(raw, list):
        problems.append(_error("`accepted` is a list of entries", document.where("/accepted")))
        raw = []
    entries = []
    for index, item in enumerate(raw or []):
        at = f"/accepted/{index}"
        kind = item.get("finding") if isinstance(item, dict) else None
        entry_problems = _keys(document, at, _entry_keys(kind))
        for key, known in (
            ("page", [p.name for p in pages]),
            ("finding", list(KINDS)),
            ("location", _LOCATIONS),
        ):
            value = item.get(key) if isinstance(item, dict) else None
            if isinstance(value, str) and value not in known:
                close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
                entry_problems.append(
                    _error(
                        f"unknown {key} {value!r}",
                        document.where(f"{at}/{key}"),
                        f"did you mean {close[0]!r}?" if close else f"one of: {', '.join(known)}",
                    )
                )
        if isinstance(item, dict) and not str(item.get("reason", "")).strip():
            entry_problems.append(_error("every entry needs a reason", document.where(at)))
        problems.extend(entry_problems)
        if not entry_problems:
            entries.append(
                Entry(
                    item["page"],
                    item["finding"],
                    item.get("location", ""),
                    item["name"],
                    item.get("docs", ""),
                    item.get("spec", ""),
                    item["reason"],
                    document.where(at),
                )
            )
    if problems:
        raise SpecError(problems)
    return tuple(entries)


def _entry_keys(kind: object) -> dict[str, bool]:
    """An accepted entry's keys, each with whether it is needed, for a kind of finding."""
    keys = {"page": True, "finding": True, "location": True, "name": True, "reason": True}
    if kind == TABLE_UNPLACED:
        del keys["location"]  # the table's heading names no location: that is the finding
    if kind not in KINDS:
        return {**keys, "location": False, "docs": False, "spec": False}  # the kind is the error
    return keys if kind in _NAME_ONLY else {**keys, "docs": True, "spec": True}


def _keys(
    document: Document, at: str, allowed: dict[str, bool], *, text: bool = True
) -> list[Diagnostic]:
    return keys_problems(document, at, allowed, text=text, code=_CODE)


def _error(message: str, where: SourceRef, hint: str = "") -> Diagnostic:
    return Diagnostic(_CODE, Severity.ERROR, message, where, hint)
