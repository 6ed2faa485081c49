"""The generate pipeline: load -> overlay -> validate -> build_ir -> render -> format -> write."""

from __future__ import annotations

import difflib
import keyword
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .errors import Diagnostic, Severity, SourceRef, SpecError
from .format import format_files
from .ir import Api, build_ir
from .load import load_document, read_runtime_sources
from .overlay import apply_overlay
from .render import render_client, render_models
from .surface import describe_surface
from .validate import validate_document
from .write import TreeDiff, compare_tree, read_tree, write_text, write_trees

SPEC_NAMES = ("openapi.yaml", "openapi.yml", "openapi.json")
OVERLAY_NAME = "overlay.yaml"
SURFACE_NAME = "surface.txt"
_VENDOR_NAME = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True, slots=True)
class Vendor:
    name: str
    spec: Path
    overlay: Path | None
    display: str  # the spec's path as generated files name it: specs/<vendor>/openapi.yaml

    @property
    def surface(self) -> Path:
        return self.spec.parent / SURFACE_NAME


@dataclass(frozen=True, slots=True)
class Built:
    vendor: Vendor
    api: Api
    files: dict[PurePosixPath, str]
    warnings: tuple[Diagnostic, ...]


def discover_vendors(specs: Path, only: list[str] | None = None) -> list[Vendor]:
    if not specs.is_dir():
        raise SpecError([_error("specs-not-found", "no such directory", SourceRef(str(specs)))])
    found: list[Vendor] = []
    problems: list[Diagnostic] = []
    for directory in sorted(
        p for p in specs.iterdir() if p.is_dir() and not p.name.startswith(".")
    ):
        spec = next((directory / n for n in SPEC_NAMES if (directory / n).is_file()), None)
        if spec is None:
            continue
        links = [
            p
            for p in (directory, spec, directory / OVERLAY_NAME, directory / SURFACE_NAME)
            if p.is_symlink()
        ]
        if links:
            problems.append(
                _error(
                    "symlink-refused",
                    f"{links[0]} is a symbolic link; specs are read and surfaces written only inside {specs}",
                    SourceRef(str(links[0])),
                    "replace the link with the file or directory itself",
                )
            )
            continue
        if not _VENDOR_NAME.fullmatch(directory.name) or keyword.iskeyword(directory.name):
            problems.append(
                _error(
                    "bad-vendor-name",
                    f"vendor directory {directory.name!r} is not a valid Python package name",
                    SourceRef(str(directory)),
                    "use lower-case letters, digits and underscores, starting with a letter",
                )
            )
            continue
        overlay = directory / OVERLAY_NAME
        display = f"{specs.name}/{directory.name}/{spec.name}"
        found.append(Vendor(directory.name, spec, overlay if overlay.is_file() else None, display))
    if only:
        unknown = sorted(set(only) - {v.name for v in found})
        for name in unknown:
            problems.append(
                _error(
                    "unknown-vendor",
                    f"no vendor {name!r} (no {name}/openapi.yaml)",
                    SourceRef(str(specs)),
                )
            )
        found = [v for v in found if v.name in only]
    if problems:
        raise SpecError(problems)
    return found


def build_vendor(vendor: Vendor, *, strict: bool = False) -> tuple[Api, tuple[Diagnostic, ...]]:
    """load -> overlay -> validate -> build_ir."""
    document = load_document(vendor.spec, vendor.display)
    overlay_display = f"{vendor.display.rsplit('/', 1)[0]}/{OVERLAY_NAME}"
    if vendor.overlay is not None:
        document = apply_overlay(document, load_document(vendor.overlay, overlay_display))
    warnings = validate_document(document, overlay_display)
    if strict and warnings:
        raise SpecError([_as_error(w) for w in warnings])
    return build_ir(document, vendor.name, vendor.display), warnings


def render_vendor(api: Api) -> dict[PurePosixPath, str]:
    """render -> format: the complete package of one vendor, in memory."""
    files = render_client(api)
    files[PurePosixPath("models.py")] = render_models(api)
    files = format_files(files)
    files[PurePosixPath("py.typed")] = ""
    for name, text in read_runtime_sources().items():
        files[PurePosixPath("_runtime") / name] = text
    return files


def build_all(specs: Path, only: list[str] | None, *, strict: bool = False) -> list[Built]:
    """Every vendor built and rendered in memory; all vendors' errors are reported together."""
    built: list[Built] = []
    problems: list[Diagnostic] = []
    for vendor in discover_vendors(specs, only):
        try:
            api, warnings = build_vendor(vendor, strict=strict)
        except SpecError as exc:
            problems.extend(exc.diagnostics)
            continue
        built.append(Built(vendor, api, render_vendor(api), warnings))
    if problems:
        raise SpecError(problems)
    return built


def generate(
    specs: Path, out: Path, only: list[str] | None = None, *, strict: bool = False
) -> list[Built]:
    """Regenerate; nothing is written unless every vendor asked for builds."""
    built = build_all(specs, only, strict=strict)
    write_trees(out, {item.vendor.name: item.files for item in built})
    for item in built:
        if not item.vendor.surface.exists():
            # The first generation of a vendor accepts its surface; later changes are accepted on purpose.
            write_text(item.vendor.surface, describe_surface(item.api))
    return built


@dataclass(frozen=True, slots=True)
class Drift:
    vendor: str
    generated: TreeDiff
    surface: str  # a unified diff of the surface snapshot, or ""


def check(specs: Path, out: Path, only: list[str] | None = None) -> list[Drift]:
    """Compare regenerated output and surfaces with what is committed, touching nothing."""
    drifts = []
    for item in build_all(specs, only):
        tree = compare_tree(
            item.files, read_tree(out / item.vendor.name), f"{out.name}/{item.vendor.name}"
        )
        current = describe_surface(item.api)
        accepted = (
            item.vendor.surface.read_text(encoding="utf-8") if item.vendor.surface.exists() else ""
        )
        surface = ""
        if current != accepted:
            surface = "".join(
                difflib.unified_diff(
                    accepted.splitlines(keepends=True),
                    current.splitlines(keepends=True),
                    f"{item.vendor.name}/{SURFACE_NAME} (accepted)",
                    f"{item.vendor.name}/{SURFACE_NAME} (spec now)",
                )
            )
        if tree or surface:
            drifts.append(Drift(item.vendor.name, tree, surface))
    return drifts


def accept_surface(specs: Path, only: list[str] | None = None) -> list[str]:
    accepted = []
    for item in build_all(specs, only):
        text = describe_surface(item.api)
        if (
            not item.vendor.surface.exists()
            or item.vendor.surface.read_text(encoding="utf-8") != text
        ):
            write_text(item.vendor.surface, text)
            accepted.append(item.vendor.name)
    return accepted


def _error(code: str, message: str, where: SourceRef, hint: str = "") -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, message, where, hint)


def _as_error(warning: Diagnostic) -> Diagnostic:
    return Diagnostic(warning.code, Severity.ERROR, warning.message, warning.where, warning.hint)
