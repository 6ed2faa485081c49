"""Documentation drift: for a vendor that publishes documentation pages instead of a spec,
what its pages' parameter and field tables say that its hand-converted spec does not.

check_docs_drift: source.yaml -> each page read into tables (tables.py) and rows (rows.py)
-> compared with the spec's fields of the page's operation (spec_fields.py, compare.py)
-> the findings the vendor's docs-drift-accepted.yaml accepts marked, stale entries listed.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ...core.errors import Diagnostic, Severity, SourceRef, SpecError
from ...pipeline import Vendor, discover_vendors
from ...spec.load import load_document
from ..fetch import FetchError, FetchOptions, fetch
from ..source import DOCUMENTATION, Page, Source, load_source, source_display, source_path
from .accepted import ACCEPTED_NAME, Entry, load_accepted
from .compare import Finding, compare_page
from .rows import read_field_tables
from .spec_fields import read_operation_fields
from .tables import read_tables

_METHODS = frozenset({"get", "put", "post", "patch", "delete", "head", "options", "trace"})


@dataclass(frozen=True, slots=True)
class PageSummary:
    name: str
    tables: int  # every table of the page
    field_tables: int  # those that list parameters or fields
    rows: int


@dataclass(frozen=True, slots=True)
class VendorDrift:
    vendor: str
    pages: tuple[PageSummary, ...]
    findings: tuple[Finding, ...]  # accepted ones carry their entry's reason
    stale: tuple[Entry, ...]  # accepted entries that match no finding any more
    accepted_file: str

    @property
    def failed(self) -> bool:
        return bool(self.stale) or any(not f.accepted for f in self.findings)


def check_docs_drift(
    specs: Path, vendors: list[str], fetch_options: FetchOptions | None = None
) -> tuple[VendorDrift, ...]:
    """Each vendor named (or each whose source.yaml declares documentation pages) against
    its spec; one SpecError names every problem of every vendor's files. With
    ``fetch_options``, a page that gives its ``url`` is read live instead of from its copy."""
    found = discover_vendors(specs, vendors or None)  # names an unknown vendor
    drifts = []
    problems: list[Diagnostic] = []
    for vendor in found:
        path = source_path(specs, vendor.name)
        if not vendors and not path.is_file():
            continue
        try:
            display = source_display(specs, vendor.name)
            live = fetch_options is not None
            source = load_source(path, display, specs.resolve().parent, live=live)
            if source.format == DOCUMENTATION:
                drifts.append(_check_vendor(specs, vendor, source, fetch_options))
            elif vendors:
                raise SpecError([_not_documentation(source)])
        except SpecError as exc:
            problems.extend(exc.diagnostics)
    if problems:
        raise SpecError(problems)
    return tuple(drifts)


def _not_documentation(source: Source) -> Diagnostic:
    where = source.format_at
    message = f"docs-drift reads documentation pages, and this source's format is {source.format!r}"
    return _error(
        message, where, f"`format: {DOCUMENTATION}` declares a vendor that publishes no spec"
    )


def _check_vendor(
    specs: Path, vendor: Vendor, source: Source, fetch_options: FetchOptions | None
) -> VendorDrift:
    pages = source.pages
    accepted_display = _display(specs, vendor.name, ACCEPTED_NAME)
    entries = load_accepted(specs / vendor.name / ACCEPTED_NAME, accepted_display, pages)
    spec = load_document(vendor.spec, vendor.display)
    problems: list[Diagnostic] = []
    summaries: list[PageSummary] = []
    findings: list[Finding] = []
    for page in pages:
        fields = read_operation_fields(spec, page.method, page.path)
        try:
            text, shown = _page_text(page, fetch_options)
        except UnicodeDecodeError as exc:
            message = f"{page.copy_display} is not UTF-8 text ({exc.reason})"
            problems.append(_error(message, page.copy_at))
            continue
        except FetchError as exc:
            problems.append(_error(str(exc), page.url_at or page.copy_at))
            continue
        if fields is None:
            wanted = f"{page.method} {page.path}"
            close = difflib.get_close_matches(wanted, _operations(spec.data), n=1, cutoff=0.6)
            hint = f"did you mean {close[0]!r}?" if close else ""
            message = f"{vendor.display} has no operation {wanted}"
            problems.append(_error(message, page.operation_at, hint))
            continue
        tables = read_tables(text)
        field_tables = read_field_tables(tables, shown)
        rows = sum(len(t.rows) for t in field_tables)
        summaries.append(PageSummary(page.name, len(tables), len(field_tables), rows))
        findings.extend(compare_page(page.name, field_tables, fields, spec))
    if problems:
        raise SpecError(problems)
    marked = []
    used: set[Entry] = set()
    for finding in findings:
        entry = next((e for e in entries if e.covers(finding)), None)
        if entry is not None:
            used.add(entry)
            finding = replace(finding, accepted=entry.reason)
        marked.append(finding)
    stale = tuple(e for e in entries if e not in used)
    return VendorDrift(vendor.name, tuple(summaries), tuple(marked), stale, accepted_display)


def _page_text(page: Page, fetch_options: FetchOptions | None) -> tuple[str, str]:
    """The page's text, and how findings name where it came from."""
    if fetch_options is not None and page.url:
        return fetch(page.url, fetch_options, expect_spec=False).text, page.url
    return page.copy.read_text(encoding="utf-8"), page.copy_display


def _display(specs: Path, vendor: str, name: str) -> str:
    return f"{specs.name}/{vendor}/{name}"


def _operations(data: Any) -> list[str]:
    paths = data.get("paths") if isinstance(data, dict) else None
    return [
        f"{method.upper()} {path}"
        for path, item in (paths.items() if isinstance(paths, dict) else ())
        if isinstance(item, dict)
        for method in item
        if method in _METHODS
    ]


def _error(message: str, where: SourceRef, hint: str = "") -> Diagnostic:
    return Diagnostic("docs-source-invalid", Severity.ERROR, message, where, hint)
