"""The two files a hand-converted vendor keeps beside its spec, read with located errors.

specs/<vendor>/source.yaml, where the vendor publishes:

    format: documentation          # no spec: documentation pages the spec was converted from
    pages:
      - page: 003_1d8f5e7411ae5dd8.txt              # the page's URL, or the seed's file name
        operation: PUT /v2/customers/{userId}       # what the page documents
        copy: ../shared/seeds/003_1d8f5e7411ae5dd8.txt   # its local copy, from the repository

specs/<vendor>/docs-drift-accepted.yaml, differences the spec keeps on purpose:

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
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Diagnostic, Severity, SourceRef, SpecError
from ..load import Document, escape_pointer_token, load_document
from .compare import DOCS_ONLY, KINDS, NOUNS, SPEC_ONLY, TABLE_UNPLACED, Finding

SOURCE_NAME = "source.yaml"
ACCEPTED_NAME = "docs-drift-accepted.yaml"
DOCUMENTATION = "documentation"
_OPERATION = re.compile(r"(GET|PUT|POST|PATCH|DELETE|HEAD|OPTIONS|TRACE) (/\S*)")
# Kinds whose finding is about a name alone: their entries give no docs or spec value.
_NAME_ONLY = frozenset({DOCS_ONLY, SPEC_ONLY, TABLE_UNPLACED})
_LOCATIONS = [k for k in NOUNS if k]


@dataclass(frozen=True, slots=True)
class Page:
    name: str
    method: str
    path: str
    copy: Path
    copy_display: str  # as source.yaml writes it: how findings name the page's file
    operation_at: SourceRef
    copy_at: SourceRef


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


def source_format(path: Path, display: str) -> str:
    """What a source.yaml says the vendor publishes, unvalidated: to pick the vendors that
    docs-drift reads."""
    data = load_document(path, display).data
    return str(data.get("format", "")) if isinstance(data, dict) else ""


def load_source(path: Path, display: str, root: Path) -> tuple[Page, ...]:
    """The documentation pages of a source.yaml; ``copy`` paths are relative to ``root``."""
    document = load_document(path, display)
    problems = _keys(document, "", {"format": True, "pages": True}, text=False)
    data = document.data if isinstance(document.data, dict) else {}
    if "format" in data and data["format"] != DOCUMENTATION:
        problems.append(
            _error(
                f"docs-drift reads documentation pages, and this source's format is "
                f"{data['format']!r}",
                document.where("/format"),
                f"`format: {DOCUMENTATION}` declares a vendor that publishes no spec",
            )
        )
    pages = data.get("pages")
    if "pages" in data and (not isinstance(pages, list) or not pages):
        problems.append(_error("`pages` is a list of pages", document.where("/pages")))
        pages = []
    found: list[Page] = []
    for index, item in enumerate(pages or []):
        page, entry_problems = _page(document, f"/pages/{index}", item, root)
        if page is not None and page.name in {p.name for p in found}:
            where = document.where(f"/pages/{index}/page")
            entry_problems.append(_error("a second entry for this page", where))
        elif page is not None:
            found.append(page)
        problems.extend(entry_problems)
    if problems:
        raise SpecError(problems)
    return tuple(found)


def _page(
    document: Document, at: str, item: Any, root: Path
) -> tuple[Page | None, list[Diagnostic]]:
    problems = _keys(document, at, {"page": True, "operation": True, "copy": True})
    if problems:
        return None, problems
    operation = _OPERATION.fullmatch(item["operation"])
    if operation is None:
        message = f"an operation is a method and a path, not {item['operation']!r}"
        where = document.where(f"{at}/operation")
        return None, [_error(message, where, "for example: PUT /v2/customers/{userId}")]
    if not (root / item["copy"]).is_file():
        hint = "the page's local copy: a path relative to the folder that holds specs/"
        return None, [_error(f"no file {item['copy']!r}", document.where(f"{at}/copy"), hint)]
    method, route = operation.groups()
    copy_at, operation_at = document.where(f"{at}/copy"), document.where(f"{at}/operation")
    return (
        Page(item["page"], method, route, root / item["copy"], item["copy"], operation_at, copy_at),
        [],
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
    """Problems of the mapping at ``at``: not a mapping, a key missing or unknown (with did
    you mean), a value that is not text (with ``text``). ``allowed`` maps each key to
    whether it is needed."""
    node: Any = document.data
    for token in at.split("/")[1:]:
        node = node[int(token)] if isinstance(node, list) else node[token]
    if not isinstance(node, dict):
        return [_error(f"expected a mapping of {', '.join(allowed)}", document.where(at))]
    problems = []
    for key, value in node.items():
        where = document.where(f"{at}/{escape_pointer_token(key)}")
        if key not in allowed:
            close = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.6)
            hint = f"did you mean {close[0]!r}?" if close else f"the keys: {', '.join(allowed)}"
            problems.append(_error(f"unknown key {key!r}", where, hint))
        elif text and not isinstance(value, str):
            problems.append(_error(f"{key} is text, not {type(value).__name__}", where))
    for key, needed in allowed.items():
        if needed and key not in node:
            problems.append(_error(f"missing {key!r}", document.where(at)))
    return problems


def _error(message: str, where: SourceRef, hint: str = "") -> Diagnostic:
    return Diagnostic("docs-source-invalid", Severity.ERROR, message, where, hint)
