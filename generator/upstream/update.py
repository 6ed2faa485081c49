"""update-specs: bring each vendor's published spec in, when it changed, with its client.

For each vendor whose source.yaml gives a published spec: fetch it (fetch.py); if it differs
from specs/<vendor>/openapi.*, check it in a scratch copy of the vendor's folder (the
overlay applied, validated, the client rendered), compare it with the spec it replaces (the
spec diff), and only then replace the spec exactly as published, the generated client and
the surface snapshot, and write the report (Markdown and JSON). A failed fetch or an invalid
spec changes nothing. An overlay action that no longer matches, or no longer changes
anything, is skipped and named in the report.
"""

from __future__ import annotations

import enum
import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from ..core import progress
from ..core.errors import Diagnostic, SourceRef, SpecError
from ..output.surface import describe_surface
from ..output.write import write_bytes, write_text, write_trees
from ..pipeline import (
    DIGEST_NAME,
    SPEC_NAMES,
    Vendor,
    build_vendor,
    discover_vendors,
    inputs_digest,
    render_vendor,
)
from ..spec.openapi_validator import VALIDATED_NAME, read_record
from .fetch import FetchError, FetchOptions, fetch
from .source import DOCUMENTATION, load_source, source_display, source_path

if TYPE_CHECKING:
    from ..diff import DiffReport
    from ..ir import Api

# Reported by the overlay when the vendor's change leaves an action with nothing to do.
STALE_OVERLAY_CODES = frozenset({"overlay-target-unmatched", "overlay-action-no-op"})


class Status(enum.Enum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"
    FAILED = "failed"
    SKIPPED = "skipped"  # publishes no spec, or declares no source


@dataclass(frozen=True, slots=True)
class VendorUpdate:
    vendor: str
    status: Status
    url: str = ""
    spec: str = ""  # the spec file as it is now: specs/<vendor>/openapi.json
    replaced: str = ""  # the spec file it replaced, where that had another name
    reason: str = ""  # why it failed or was skipped
    problems: tuple[Diagnostic, ...] = ()  # the new spec's errors
    stale_overlay: tuple[Diagnostic, ...] = ()
    warnings: tuple[Diagnostic, ...] = ()
    reports: tuple[Path, ...] = ()
    breaking: int = 0


@dataclass(frozen=True, slots=True)
class _Staged:
    vendor: Vendor  # in the scratch folder, named as it will be in specs/
    api: Api
    files: dict[PurePosixPath, str]
    warnings: tuple[Diagnostic, ...]


def update_specs(
    specs: Path,
    out: Path,
    vendors: list[str],
    *,
    reports: Path,
    options: FetchOptions,
) -> list[VendorUpdate]:
    """Each vendor named, or every vendor; each one's files change together or not at all."""
    found = discover_vendors(specs, vendors or None)
    return [_update(specs, out, vendor, reports, options, named=bool(vendors)) for vendor in found]


def _update(
    specs: Path, out: Path, vendor: Vendor, reports: Path, options: FetchOptions, *, named: bool
) -> VendorUpdate:
    path = source_path(specs, vendor.name)
    if not path.is_file():
        reason = f"no {source_display(specs, vendor.name)}: where it publishes is not declared"
        if named:
            return VendorUpdate(vendor.name, Status.FAILED, reason=reason)
        return VendorUpdate(vendor.name, Status.SKIPPED, reason=reason)
    try:
        source = load_source(path, source_display(specs, vendor.name), specs.resolve().parent)
    except SpecError as exc:
        return VendorUpdate(
            vendor.name,
            Status.FAILED,
            reason="its source.yaml is invalid",
            problems=exc.diagnostics,
        )
    if source.format == DOCUMENTATION:
        reason = "publishes documentation pages, no spec: `make docs-drift` watches them"
        return VendorUpdate(vendor.name, Status.SKIPPED, url="", reason=reason)
    progress.stage(vendor.name, f"fetching {source.url}")
    try:
        published = fetch(source.url, options)
    except FetchError as exc:
        return VendorUpdate(vendor.name, Status.FAILED, url=source.url, reason=str(exc))
    name = _spec_name(source.url, published.text)
    current = vendor.spec.read_bytes()
    if name == vendor.spec.name and published.body == current:
        return VendorUpdate(vendor.name, Status.UNCHANGED, url=source.url, spec=vendor.display)
    display = f"{specs.name}/{vendor.name}/{name}"
    progress.stage(
        vendor.name, "the published spec changed: validating it and rendering its client"
    )
    with tempfile.TemporaryDirectory(prefix=f"update-{vendor.name}-") as scratch:
        staged = _stage(vendor, Path(scratch), name, published.body, display, out)
        if isinstance(staged, SpecError):
            return VendorUpdate(
                vendor.name,
                Status.FAILED,
                url=source.url,
                spec=vendor.display,
                reason=f"the spec published at {source.url} is invalid",
                problems=staged.diagnostics,
            )
        stale = tuple(w for w in staged.warnings if w.code in STALE_OVERLAY_CODES)
        others = tuple(w for w in staged.warnings if w.code not in STALE_OVERLAY_CODES)
        progress.stage(vendor.name, "comparing it with the committed spec")
        diff = _diff(specs, vendor, staged.vendor)
        written = _write_reports(reports, vendor.name, source.url, display, diff, stale)
        progress.stage(vendor.name, "writing")
        # Only now is anything in the tree replaced: the client, then the spec it is built from.
        write_trees(out, {vendor.name: staged.files})
        write_bytes(vendor.spec.parent / name, published.body)
        if name != vendor.spec.name:
            vendor.spec.unlink()
        write_text(vendor.surface, describe_surface(staged.api))
    return VendorUpdate(
        vendor.name,
        Status.CHANGED,
        url=source.url,
        spec=display,
        replaced=vendor.display if name != vendor.spec.name else "",
        stale_overlay=stale,
        warnings=others,
        reports=written,
        breaking=len(diff.blocking),
    )


def _spec_name(url: str, text: str) -> str:
    """openapi.json or openapi.yaml/yml: the URL's suffix, else what the text looks like."""
    suffix = PurePosixPath(url.split("?", 1)[0]).suffix.lower()
    name = f"openapi{suffix}"
    if name in SPEC_NAMES:
        return name
    return "openapi.json" if text.lstrip().startswith("{") else "openapi.yaml"


def _stage(
    vendor: Vendor, scratch: Path, name: str, body: bytes, display: str, out: Path
) -> _Staged | SpecError:
    """The vendor's folder in ``scratch`` with the new spec: validated, its client rendered."""
    folder = scratch / "specs" / vendor.name
    folder.mkdir(parents=True)
    (folder / name).write_bytes(body)
    overlay = None
    if vendor.overlay is not None:
        overlay = folder / vendor.overlay.name
        shutil.copyfile(vendor.overlay, overlay)
    staged = Vendor(vendor.name, folder / name, overlay, display)
    record = read_record(out / vendor.name)
    try:
        api, warnings = build_vendor(staged, stale_overlay=True, record=record)
        files = render_vendor(api, committed=out / vendor.name)
    except SpecError as exc:
        return exc
    files[PurePosixPath(VALIDATED_NAME)] = record.current
    files[PurePosixPath(DIGEST_NAME)] = inputs_digest(staged) + "\n"
    return _Staged(staged, api, files, warnings)


def _diff(specs: Path, before: Vendor, after: Vendor) -> DiffReport:
    from ..diff import diff_specs

    with tempfile.TemporaryDirectory(prefix="update-base-") as scratch:
        base = Path(scratch) / "specs"
        shutil.copytree(before.spec.parent, base / before.name)
        return diff_specs(
            base,
            after.spec.parent.parent,
            base_label=before.display,
            revision_label="as published",
            stale_overlay=True,
        )


def _write_reports(
    reports: Path,
    vendor: str,
    url: str,
    display: str,
    diff: DiffReport,
    stale: tuple[Diagnostic, ...],
) -> tuple[Path, ...]:
    from ..diff.report import REPORTERS

    reports.mkdir(parents=True, exist_ok=True)
    markdown = reports / f"{vendor}.md"
    heading = [
        f"# {vendor}: the published spec changed",
        "",
        f"Fetched from <{url}> and committed exactly as published in `{display}`, with the "
        f"client regenerated in `generated/{vendor}/`.",
        "",
    ]
    if stale:
        heading += ["## Overlay actions to review", ""]
        heading += [f"- `{w.where}`: {w.message}. {w.hint}" for w in stale]
        heading.append("")
    write_text(markdown, "\n".join(heading) + REPORTERS["markdown"](diff))
    data = json.loads(REPORTERS["json"](diff))
    data["update"] = {
        "vendor": vendor,
        "url": url,
        "spec": display,
        "stale_overlay_actions": [_where(w) for w in stale],
    }
    path = reports / f"{vendor}.json"
    write_text(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    return markdown, path


def _where(warning: Diagnostic) -> dict[str, object]:
    where: SourceRef = warning.where
    return {
        "code": warning.code,
        "message": warning.message,
        "file": where.file,
        "line": where.line,
        "column": where.column,
        "pointer": where.pointer,
    }
